"""Chromium through Playwright (Debian's, never `playwright install`), and a page that loads a
built site from its folder at the address it was built for."""

from __future__ import annotations

import mimetypes
import os

from .builtsite import BuiltSite

# Debian's Chromium (./dev installs it); ./dev points CHROMIUM at Chrome where that is what the
# machine has instead (GitHub's Ubuntu runners).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def site_page(browser, site: BuiltSite):
    """A page in a fresh context where every URL under the site's address is answered from the
    folder (as a server would: a folder URL by its index.html) and every other request is refused,
    so a site built for https://…/newsroom is checked offline, stylesheets and fonts included.
    Returns (page, context); close the context when done."""
    context = browser.new_context()

    def answer(route):
        target, problem = site.locate(route.request.url)
        if target is None:
            route.fulfill(status=404, body=problem or "not found")
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=target.read_bytes(), content_type=kind)

    def refuse(route):
        route.abort()

    context.route("**/*", refuse)
    context.route(f"{site.siteurl}/**", answer)  # the last route added is tried first
    return context.new_page(), context
