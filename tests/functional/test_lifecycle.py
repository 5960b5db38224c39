"""A build as other plugins and the process see it: Pelican's write signals fire for every page
the plugin writes, and a build leaves nothing of itself in the process, even when it fails."""

from __future__ import annotations

import gc
import re
import sys

import pytest
from pelican import signals

from conftest import ROOT, ROOTS, build
from newsroom.errors import ContentError

LISTENER = '''
from pelican import signals

WRITTEN = []


def page(path, context):
    WRITTEN.append(("page", path, context["output_file"], context["lang"]))


def feed(path, context, feed):
    WRITTEN.append(("feed", path, None, feed.feed["language"]))


def register():
    signals.content_written.connect(page)
    signals.feed_written.connect(feed)
'''


@pytest.fixture
def listener(tmp_path):
    """A third-party plugin that listens to content_written and feed_written, as sitemap or
    minify plugins do; disconnected afterwards, as its registration outlives the build."""
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "listener.py").write_text(LISTENER, encoding="utf-8")
    yield folder
    module = sys.modules.pop("listener", None)
    if module is not None:
        signals.content_written.disconnect(module.page)
        signals.feed_written.disconnect(module.feed)


def test_a_plugin_listening_to_content_written_hears_of_every_page(tmp_path, listener):
    output = build(ROOTS / "bilingual" / "content", tmp_path / "output", PLUGINS=["newsroom", "listener"],
                   PLUGIN_PATHS=[str(ROOT / "plugins"), str(listener)])
    written = sys.modules["listener"].WRITTEN
    staged = lambda path: re.sub(r"^.*?/output\.staging-[^/]+/", "", path)  # noqa: E731 - written before the swap
    pages = sorted(staged(path) for kind, path, _, _ in written if kind == "page")
    assert pages == sorted(path.relative_to(output).as_posix() for path in output.rglob("*")
                           if path.is_file() and (path.suffix == ".html" or path.name == "robots.txt") and "pagefind" not in path.parts)
    assert all(staged(path) == output_file for kind, path, output_file, _ in written if kind == "page")
    assert sorted((staged(path), lang) for kind, path, _, lang in written if kind == "feed") == [("en/feed.atom", "en"), ("ka/feed.atom", "ka")]


def test_a_failed_build_leaves_nothing_frozen_in_the_process(tmp_path):
    """The build keeps what it read from the garbage collector while it renders (gc.freeze); a
    failed build must give it back as a finished one does."""
    with pytest.raises(ContentError):
        build(ROOTS / "invalid" / "content", tmp_path / "output")
    assert gc.get_freeze_count() == 0
    build(ROOTS / "bilingual" / "content", tmp_path / "output")
    assert gc.get_freeze_count() == 0
