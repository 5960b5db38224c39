"""Every check of a built site, as `./dev verify` runs them: links and anchors, the W3C Nu HTML
checker, axe-core in Chromium, the Atom feeds and the sitemap against its schema."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .axe import AXE_JS, PAGES, check_page, fullest
from .browser import CHROMIUM, CHROMIUM_ARGS, site_page
from .builtsite import BuiltSite
from .feeds import check_feeds
from .links import check_links
from .nuchecker import VNU_JAR, check_html
from .sitemap import check_sitemap


class Missing(Exception):
    """A tool the checks need is not installed."""


@dataclass(frozen=True)
class Finding:
    check: str  # links, html, accessibility, feeds, sitemap
    text: str


def require(tools: dict[str, Path | str | None]) -> None:
    missing = [name for name, where in tools.items() if not where or not Path(where).exists()]
    if missing:
        raise Missing(f"missing: {', '.join(missing)}; `./dev verify` installs them (apt-get, npm ci)")


def accessibility(site: BuiltSite) -> list[str]:
    """axe-core's violations in the fullest page of every kind, in every language."""
    from playwright.sync_api import sync_playwright

    findings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for folder, kind, pattern in PAGES:
                path = fullest(site, folder, pattern)
                if path is None:  # e.g. no second home page: the site has fewer releases than a page holds
                    continue
                page, context = site_page(browser, site)
                try:
                    findings += check_page(page, site.url_of(path), site.relative(path))
                finally:
                    context.close()
        finally:
            browser.close()
    return findings


def run(site: BuiltSite) -> list[Finding]:
    """Every finding of every check, in a fixed order."""
    require({"java": shutil.which("java"), "vnu.jar (npm)": VNU_JAR, "axe-core (npm)": AXE_JS,
             f"Chromium ({CHROMIUM})": CHROMIUM})
    found = [Finding("links", text) for text in check_links(site)]
    found += [Finding("html", text) for text in check_html(site.files("*.html") + site.files("*.css"), site.root)]
    found += [Finding("feeds", text) for text in check_feeds(site)]
    sitemap = site.root / "sitemap.xml"
    found += [Finding("sitemap", text) for text in check_sitemap(site, sitemap)] if sitemap.is_file() else [
        Finding("sitemap", "sitemap.xml: missing from the built site")]
    found += [Finding("accessibility", text) for text in accessibility(site)]
    return found
