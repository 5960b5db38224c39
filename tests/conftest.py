"""Shared test support: build a fixture site (tests/roots/<name>/content) with the real settings."""

from __future__ import annotations

import atexit
import collections
import datetime
import logging
import os
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


# The worker processes a parallel test asks for, whatever the machine's cores: on one core the
# parallel path would run serially and compare a build with itself.
WORKERS = 2


# `python -c PELICAN_WITH_WORKERS ARGS…`: Pelican's command line, reading and rendering in
# parallel with WORKERS processes (the plugin's modules loaded first, as Pelican then finds them)
PELICAN_WITH_WORKERS = f"""
import sys
sys.path.insert(0, {str(ROOT / "plugins")!r})
from newsroom import reader, render
reader.cores = render.cores = lambda: {WORKERS}
from pelican import main
main()
"""


class Workers:
    """Which processes read the releases and rendered the pages of the builds of one test."""

    def __init__(self, log: Path):
        self.log = log

    def record(self, kind: str, count: int) -> None:
        with self.log.open("a", encoding="utf-8") as log:  # each process appends whole lines
            log.write(f"{kind} {os.getpid()} {count}\n")

    def take(self) -> dict[str, collections.Counter]:
        """{'read': releases read, 'rendered': pages rendered} by process id, since the last take."""
        found: dict[str, collections.Counter] = {"read": collections.Counter(), "rendered": collections.Counter()}
        if self.log.exists():
            for line in self.log.read_text(encoding="utf-8").splitlines():
                kind, pid, count = line.split()
                found[kind][int(pid)] += int(count)
            self.log.unlink()
        return found


@pytest.fixture
def workers(monkeypatch, tmp_path) -> Workers:
    """Reading and rendering in parallel use WORKERS processes, and each process that reads a
    release or renders pages says so. Forked workers inherit the patched modules (spawned ones
    would import them afresh): the workers fork, whatever NEWSROOM_START_METHOD says."""
    from newsroom import reader, render

    monkeypatch.setenv("NEWSROOM_START_METHOD", "fork")

    log = Workers(tmp_path / "workers.log")
    convert, render_pages = reader._convert, render._render

    def converting(*args, **kwargs):
        log.record("read", 1)
        return convert(*args, **kwargs)

    def rendering(jobs, *args, **kwargs):
        log.record("rendered", len(jobs))
        return render_pages(jobs, *args, **kwargs)

    # both modules took `cores` from newsroom.workers by name (`from .workers import cores`)
    monkeypatch.setattr(reader, "cores", lambda: WORKERS)
    monkeypatch.setattr(render, "cores", lambda: WORKERS)
    monkeypatch.setattr(reader, "_convert", converting)
    monkeypatch.setattr(render, "_render", rendering)
    return log


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


@pytest.fixture
def page(chromium):
    """A page of the shared Chromium that loads nothing but from this machine (the fixture sites'
    servers on 127.0.0.1): a request to another host is refused. tests/checks has its own."""
    context = chromium.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:") else route.abort())
    yield context.new_page()
    context.close()
