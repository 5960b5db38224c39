"""Shared test support: build a fixture site (tests/roots/<name>/content) with the real settings."""

from __future__ import annotations

import atexit
import datetime
import logging
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]

# An embargoed release is dated a few weeks ahead: a fixed date would pass, and a date years ahead
# is refused as implausible. The fixtures say `date: EMBARGOED`; the test run uses a copy of
# tests/roots with that replaced by a date three weeks from today.
EMBARGOED = re.compile(r"^date: EMBARGOED$", re.MULTILINE)


def _prepared_roots() -> Path:
    copy = Path(tempfile.mkdtemp(prefix="newsroom-roots-")) / "roots"
    atexit.register(shutil.rmtree, copy.parent, ignore_errors=True)
    shutil.copytree(ROOT / "tests" / "roots", copy, symlinks=True)
    ahead = (datetime.date.today() + datetime.timedelta(days=21)).isoformat()
    for path in copy.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if EMBARGOED.search(text):
            path.write_text(EMBARGOED.sub(f"date: {ahead}", text), encoding="utf-8")
    return copy


ROOTS = _prepared_roots()


def settings_for(content: Path, output: Path, config: str = "publishconf.py", **overrides) -> dict:
    """The project's settings file with a fixture's paths and `overrides`."""
    return read_settings(
        str(ROOT / config),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "SITEURL": "https://example.org/newsroom",
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            **overrides,
        },
    )


def build(content: Path, output: Path, config: str = "publishconf.py", **overrides) -> Path:
    """Build `content` into `output` with the project's settings file and `overrides`."""
    settings = settings_for(content, output, config, **overrides)
    logging.getLogger("pelican").setLevel(logging.WARNING)
    Pelican(settings).run()
    return output


class Site:
    """A built site: its files, parsed on demand, addressed by URL path below the site root."""

    def __init__(self, output: Path, siteurl: str = "https://example.org/newsroom"):
        self.output = output
        self.siteurl = siteurl

    def file(self, url: str) -> Path:
        """The output file of a site-relative URL ('en/' → en/index.html)."""
        path = url.removeprefix(self.siteurl).lstrip("/")
        target = self.output / path
        return target / "index.html" if path == "" or path.endswith("/") else target

    def exists(self, url: str) -> bool:
        return url.startswith(self.siteurl) and self.file(url).is_file()

    def html(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.file(url).read_text(encoding="utf-8"), "lxml")

    def pages(self):
        return sorted(self.output.rglob("*.html"))


@pytest.fixture(scope="module")
def site_factory(tmp_path_factory):
    def make(root: str, config: str = "publishconf.py", **overrides) -> Site:
        output = tmp_path_factory.mktemp(root) / "output"
        build(ROOTS / root / "content", output, config, **overrides)
        return Site(output)
    return make


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole run: Playwright's sync API cannot run twice at once, so the
    output checks and the browser tests share it."""
    from playwright.sync_api import sync_playwright

    from checks.conftest import CHROMIUM, CHROMIUM_ARGS, require

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(require(CHROMIUM)), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
