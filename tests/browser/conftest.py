"""Sites as published, in a real Chromium: the rich fixture (tests/roots/rich, a copy of the seed
content/ with twins, photos, a video and logos added) and the small bilingual fixture.

Both are built strictly (publishconf.py) by tests/checks' `build` and served on 127.0.0.1 under
a sub-path, like a project site on GitHub Pages. Pages never reach the network: any request
to another host is recorded, then refused, so a test can say what a page tried to fetch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from checks.builtsite import ROOT, BuiltSite, build, serve
from conftest import ROOTS

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# Rich: three releases a page, as in tests/checks, so each language's home page paginates.
# Fixture: two a page, so its three releases a language paginate too.
SITES = {"rich": (ROOTS / "rich" / "content", 3), "fixture": (ROOTS / "bilingual" / "content", 2)}


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, BuiltSite]:
    www = tmp_path_factory.mktemp("www")
    with serve(www) as origin:
        yield {
            name: build(content, www / name, f"{origin}/{name}", NEWSROOM_PER_PAGE=per_page)
            for name, (content, per_page) in SITES.items()
        }


@pytest.fixture(scope="session")
def rich(sites) -> BuiltSite:
    return sites["rich"]


@pytest.fixture(scope="session")
def fixture_site(sites) -> BuiltSite:
    return sites["fixture"]


@pytest.fixture(scope="session")
def browser(chromium):
    return chromium


@dataclass
class Visit:
    """A browser tab, with every request it made to another host (refused)."""

    page: object
    elsewhere: list[str] = field(default_factory=list)

    def open(self, url: str):
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} answered {response.status if response else 'nothing'}"
        self.page.evaluate("document.fonts.ready.then(() => true)")
        return self.page


def _new_visit(browser, **options) -> Visit:
    context = browser.new_context(**options)
    # every wait ends as soon as what it waits for happens; its time runs out only when something
    # is broken, never because the machine is busy (Playwright's default: 30 s)
    context.set_default_timeout(120_000)
    visit = Visit(context.new_page())

    def local_only(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            visit.elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    return visit


@pytest.fixture
def visit(browser):
    """A tab with JavaScript, at a desktop size."""
    visit = _new_visit(browser, viewport={"width": 1280, "height": 900})
    yield visit
    visit.page.context.close()


@pytest.fixture
def phone(browser):
    """A tab the size of a small phone (360×740 CSS pixels), with JavaScript."""
    visit = _new_visit(browser, viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield visit
    visit.page.context.close()


@pytest.fixture
def no_script(browser):
    """A tab with JavaScript turned off."""
    visit = _new_visit(browser, java_script_enabled=False)
    yield visit
    visit.page.context.close()

