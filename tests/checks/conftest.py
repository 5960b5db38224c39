"""The rich fixture site as published, built once per session, and the tools that check it.

The site is built from the rich fixture, tests/roots/rich (not content/: the office edits and
deletes its releases, the checks must not break when it does), with publishconf.py (strict) for a
sub-path SITEURL on a local server, so what the browser loads, what the link checker resolves and
what the feeds and the sitemap announce are the same URLs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOTS
from sitecheck.axe import AXE_JS
from sitecheck.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 - the browser tests take them from here
from sitecheck.nuchecker import VNU_JAR

from .builtsite import BuiltSite, build, serve

# Three releases a page, so each language's home page of the fixture paginates and the pagination
# is checked too.
PER_PAGE = 3
EXTERNAL_LINKS = pytest.StashKey[dict]()


def require(path: Path | str) -> Path:
    path = Path(path)
    if not path.exists():
        pytest.fail(f"{path} is missing: `./dev test` installs the test tools (apt-get, npm ci)")
    return path


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    www = tmp_path_factory.mktemp("www")
    with serve(www) as origin:
        yield build(ROOTS / "rich" / "content", www / "newsroom", f"{origin}/newsroom", NEWSROOM_PER_PAGE=PER_PAGE)


# A made-up media contact (example.org is reserved for examples): the project leaves it unset, so
# the fixture has no "Media enquiries" block; this build checks the block's markup.
MEDIA_CONTACT = {
    "en": {"name": "Nino Example", "role": "Media and Communications", "email": "press@example.org", "phone": "+995 00 000 00 00"},
    "ka": {"name": "ნინო მაგალითი", "role": "მედია და კომუნიკაცია", "email": "press@example.org", "phone": "+995 00 000 00 00"},
}


@pytest.fixture(scope="session")
def contact_site(tmp_path_factory) -> BuiltSite:
    """The rich fixture with MEDIA_CONTACT set, served while the session lasts."""
    www = tmp_path_factory.mktemp("www-contact")
    with serve(www) as origin:
        yield build(ROOTS / "rich" / "content", www / "newsroom", f"{origin}/newsroom", NEWSROOM_MEDIA_CONTACT=MEDIA_CONTACT)


@pytest.fixture
def planted(site, tmp_path) -> BuiltSite:
    """A copy of the built site to plant a defect in."""
    return site.copy(tmp_path / "www" / "newsroom")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    return require(VNU_JAR)


@pytest.fixture(scope="session")
def browser(chromium):
    require(AXE_JS)
    return chromium


def _local_only(route):
    """The checks never reach the network: anything not on 127.0.0.1 is refused."""
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.route("**/*", _local_only)
    yield context.new_page()
    context.close()


@pytest.fixture
def report_external(request):
    """Keep the site's external links for the summary at the end of the run."""
    def report(links: dict[str, list[str]]) -> None:
        request.config.stash[EXTERNAL_LINKS] = links
    return report


def pytest_terminal_summary(terminalreporter, config):
    external = config.stash.get(EXTERNAL_LINKS, None)
    if external is None:
        return
    terminalreporter.write_sep("-", f"external links of the built site, listed, not fetched: {len(external)}")
    for url, pages in external.items():
        terminalreporter.write_line(f"{url}  ({len(pages)} pages, e.g. {pages[0]})" if len(pages) > 1 else f"{url}  ({pages[0]})")
