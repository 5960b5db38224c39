"""Page-weight and Lighthouse budgets of the published site: a script, not a test.

    .venv/bin/python bench/budgets.py

Builds the seed content (content/) with the production settings (publishconf.py, strict) into a
temporary folder, serves it on 127.0.0.1 under a sub-path, as GitHub Pages would, and prints:

1. For an English and a Georgian release page: the bytes of HTML, CSS, fonts and JavaScript the
   page transfers in Chromium with an empty cache (CDP Network.loadingFinished encodedDataLength;
   images, such as the lead image, are left out), against a budget of 100 KB; and every
   render-blocking request that goes to another host (there must be none).
2. Lighthouse 12.2.3 (bench/node_modules, from bench/package-lock.json, installed with `npm ci` on
   first use: the site's own tests do not need it) with a mobile form factor on an
   English and a Georgian release page and home page: the performance, accessibility,
   best-practices and SEO scores, against performance >= 0.95 and 1.0 for the rest.

Exits non-zero if any budget fails, naming it. The local server does not compress, so the byte
counts are what an uncompressed host would send: hosts that gzip send less.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins"), str(ROOT / "tests")]

from checks.builtsite import BuiltSite, build, serve  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
BYTES_BUDGET = 100 * 1024
# What counts towards the page weight: everything but images and media (the lead image is the
# release's, not the theme's).
COUNTED = {"Document": "html", "Stylesheet": "css", "Font": "fonts", "Script": "js"}
SCORES = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


@dataclass
class Weight:
    url: str
    by_kind: dict[str, int]
    uncounted: int
    foreign_blocking: list[str]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def article(site: BuiltSite, lang: str) -> str:
    """The URL of the language's fullest release page (most text, so the heaviest HTML)."""
    pages = sorted(site.root.glob(f"{lang}/news/*/index.html"), key=lambda path: (-path.stat().st_size, path.as_posix()))
    if not pages:
        sys.exit(f"no {lang} release in the seed content")
    return site.url_of(pages[0])


def weigh(browser, url: str) -> Weight:
    """Load `url` with an empty cache and add up what each kind of response transferred."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.responseReceived", lambda event: kinds.__setitem__(event["requestId"], event["type"]))
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], int(event["encodedDataLength"])))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(300)  # let the last loadingFinished events arrive
    by_kind = {name: 0 for name in COUNTED.values()}
    uncounted = 0
    for request, size in sizes.items():
        kind = COUNTED.get(kinds.get(request, "Other"))
        if kind:
            by_kind[kind] += size
        else:
            uncounted += size
    host = urlsplit(url).netloc
    blocking = page.evaluate(
        """() => performance.getEntriesByType("resource")
              .filter(entry => entry.renderBlockingStatus === "blocking")
              .map(entry => entry.name)"""
    )
    context.close()
    return Weight(url, by_kind, uncounted, [name for name in blocking if urlsplit(name).netloc != host])


def install_lighthouse() -> None:
    """bench/node_modules from bench/package-lock.json, (re)installed when the lock changed."""
    lock = BENCH / "package-lock.json"
    stamp = BENCH / "node_modules" / ".package-lock.json.installed"
    if LIGHTHOUSE.exists() and stamp.exists() and stamp.read_bytes() == lock.read_bytes():
        return
    print("Installing Lighthouse into bench/node_modules (npm ci, once) …", flush=True)
    # --ignore-scripts: none of Lighthouse's packages needs its install scripts
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH, check=True)
    stamp.write_bytes(lock.read_bytes())


def lighthouse(url: str) -> dict:
    """Lighthouse's report of one page, with the mobile form factor."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
        f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo",
        "--form-factor=mobile",
    ]
    run = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {run.stderr.strip()[-2000:]}")
    return json.loads(run.stdout)


def shortfalls(report: dict, category: str) -> list[str]:
    """The audits that cost a category points, for a failed budget's explanation."""
    audits = report["audits"]
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            found.append(f"{ref['id']} ({audit['score']:.2f}): {audit['title']}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-lighthouse", action="store_true", help="only weigh the release pages")
    options = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: `./dev test` installs Chromium (or set CHROMIUM)")
    if not options.skip_lighthouse:
        install_lighthouse()

    from playwright.sync_api import sync_playwright

    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="budgets-") as temp:
        www = Path(temp) / "www"
        www.mkdir()
        with serve(www) as origin:
            print(f"Building content/ with publishconf.py for {origin}/newsroom …", flush=True)
            site = build(ROOT / "content", www / "newsroom", f"{origin}/newsroom")
            articles = {lang: article(site, lang) for lang in ("en", "ka")}

            print(f"\nPage weight: HTML + CSS + fonts + JS, empty cache (budget {BYTES_BUDGET // 1024} KB)")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for lang, url in articles.items():
                    weight = weigh(browser, url)
                    parts = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in weight.by_kind.items())
                    verdict = "ok" if weight.total <= BYTES_BUDGET else "OVER BUDGET"
                    print(f"  {lang} {url.removeprefix(site.siteurl)}")
                    print(f"     {weight.total / 1024:.1f} KB ({parts}; images and other {weight.uncounted / 1024:.1f} KB not counted): {verdict}")
                    print(f"     render-blocking requests to other hosts: {', '.join(weight.foreign_blocking) or 'none'}")
                    if weight.total > BYTES_BUDGET:
                        failures.append(f"{lang} release page weighs {weight.total / 1024:.1f} KB > {BYTES_BUDGET // 1024} KB")
                    if weight.foreign_blocking:
                        failures.append(f"{lang} release page: render-blocking requests to other hosts: {weight.foreign_blocking}")
                browser.close()

            if not options.skip_lighthouse:
                pages = {
                    "en release": articles["en"], "ka release": articles["ka"],
                    "en home": f"{site.siteurl}/en/", "ka home": f"{site.siteurl}/ka/",
                }
                budget = "  ".join(f"{name} {'>=' if minimum < 1 else '='} {minimum:g}" for name, minimum in SCORES.items())
                print(f"\nLighthouse 12.2.3, mobile (budgets: {budget})")
                print(f"  {'page':<12}" + "".join(f"{name:>16}" for name in SCORES))
                for label, url in pages.items():
                    report = lighthouse(url)
                    scores = {name: report["categories"][name]["score"] for name in SCORES}
                    print(f"  {label:<12}" + "".join(f"{scores[name]:>16.2f}" for name in SCORES))
                    for name, minimum in SCORES.items():
                        if scores[name] is None or scores[name] < minimum:
                            failures.append(f"{label}: {name} {scores[name]} < {minimum}: " + "; ".join(shortfalls(report, name)))

    if failures:
        print(f"\n{len(failures)} budget{'s' if len(failures) != 1 else ''} failed:")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print("\nEvery budget holds.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
