"""axe-core (from npm) in a real Chromium: WCAG 2.0 and 2.1 A and AA violations of one page,
and which pages stand for the site: the fullest page of every kind in every language."""

from __future__ import annotations

from pathlib import Path

from .builtsite import LANGUAGES, ROOT, BuiltSite

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# kind → where its pages are, under a language folder
KINDS = {
    "home": "index.html",
    "home-page-2": "page/2/index.html",
    "article": "news/*/index.html",
    "partner": "partners/*/index.html",
    "partners": "partners/index.html",
    "topic": "topics/*/index.html",
    "topics": "topics/index.html",
    "year": "archive/*/index.html",
    "archive": "archive/index.html",
    "404": "404.html",
    "search": "search/index.html",
}
PAGES = [(f"{lang}/", kind, pattern) for lang in LANGUAGES for kind, pattern in KINDS.items()]
PAGES += [("", "language-chooser", "index.html"), ("", "404", "404.html")]


def fullest(site: BuiltSite, folder: str, pattern: str) -> Path | None:
    """The fullest page of a kind (most content, so most of its template is exercised), or None."""
    pages = [path for path in site.root.glob(folder + pattern) if path.is_file()]
    return max(pages, key=lambda path: (path.stat().st_size, path.as_posix())) if pages else None


def inject(page) -> None:
    """Load axe-core into the page from the test, not as a <script>: the page's own
    Content-Security-Policy rightly refuses a script it did not ship."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")


def check_page(page, url: str, label: str) -> list[str]:
    """Every violating element, as `label: rule [impact] what is wrong: CSS selector`."""
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        return [f"{label}: {url} answered {response.status if response else 'nothing'}"]
    return violations(page, label)


def violations(page, label: str) -> list[str]:
    """Every violating element of the page as it is now (after a script changed it, say)."""
    page.evaluate("() => document.fonts.ready.then(() => true)")
    inject(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{label}: {violation['id']} [{violation['impact']}] {violation['help']}: "
        + " ".join(str(target) for target in node["target"])
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
