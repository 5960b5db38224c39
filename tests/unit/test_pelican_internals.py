"""The contract with Pelican: what plugins/newsroom/pelican_internals.py assumes of Pelican's
insides, each assumption checked on its own, so that a Pelican upgrade that breaks one says which.

No other module of the plugin may lean on Pelican's internals: the last test greps for them.
"""

from __future__ import annotations

import datetime
import inspect
import re
from pathlib import Path

import pytest
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, StaticGenerator
from pelican.readers import BaseReader, Readers

from conftest import ROOT, ROOTS, settings_for
from newsroom import pelican_internals
from newsroom.reader import ReleaseReader

PLUGIN = ROOT / "plugins" / "newsroom"


@pytest.fixture
def settings(tmp_path):
    return settings_for(ROOTS / "bilingual" / "content", tmp_path / "output", "pelicanconf.py")


def articles_generator(settings, tmp_path) -> ArticlesGenerator:
    return ArticlesGenerator(context={"generated_content": {}, "static_content": {}, "static_links": set()}, settings=settings,
                             path=settings["PATH"], theme=settings["THEME"], output_path=str(tmp_path / "output"))


def test_written_against_the_pelican_that_is_installed():
    assert pelican_internals.version() == pelican_internals.WRITTEN_AGAINST, (
        "Pelican was upgraded: run these contract tests, then set WRITTEN_AGAINST")


def test_readers_are_chosen_from_reader_classes_before_they_are_made(settings):
    """only_reader edits `Readers.reader_classes` at readers_init; Pelican then makes `readers` from it."""
    received = []

    def receive(readers):
        received.append(readers)

    signals.readers_init.connect(receive)
    try:
        readers = Readers(settings)
    finally:
        signals.readers_init.disconnect(receive)
    assert received == [readers], "readers_init is sent with the Readers object"
    pelican_internals.only_reader(readers, ReleaseReader)
    assert set(readers.reader_classes) == {"static", *ReleaseReader.file_extensions}
    assert readers.reader_classes["static"] is BaseReader, "BaseReader reads 'static' files"
    assert isinstance(Readers(settings).readers.get("md"), ReleaseReader), "Readers.readers maps endings to instances"


def test_reading_one_file_as_the_articles_generator_does(settings, tmp_path):
    signature = inspect.signature(Readers.read_file)
    assert {"base_path", "path", "content_class", "context", "preread_signal", "preread_sender",
            "context_signal", "context_sender"} <= set(signature.parameters), "Readers.read_file's keyword arguments"
    generator = articles_generator(settings, tmp_path)
    item = pelican_internals.read_article(generator, "releases/2018/2018-06-06-eu-tablets.en.md",
                                          signals.article_generator_preread, signals.article_generator_context)
    assert item is not None and item.metadata["release"].slug == "eu-tablets"
    assert item.source_path in generator.context.get("generated_content", {}) or hasattr(generator, "add_source_path")
    assert pelican_internals.read_article(generator, "releases/2019/2019-01-10-unfinished.en.md",
                                          signals.article_generator_preread, signals.article_generator_context) is not None


def test_a_file_the_reader_skips_is_a_skip_stub(settings, tmp_path):
    """ReleaseReader marks a file with problems 'skip'; Pelican turns it into SkipStub, which read_article drops."""
    content = tmp_path / "content"
    (content / "releases").mkdir(parents=True)
    (content / "releases" / "broken.en.md").write_text("no front-matter\n", encoding="utf-8")
    generator = articles_generator({**settings, "PATH": str(content)}, tmp_path)
    assert pelican_internals.read_article(generator, "releases/broken.en.md", signals.article_generator_preread,
                                          signals.article_generator_context) is None


def test_the_files_the_articles_generator_reads_and_its_excluded_folders(settings, tmp_path):
    generator = articles_generator(settings, tmp_path)
    files = pelican_internals.article_files(generator)
    assert files and all(Path(path).is_absolute() and path.endswith(".md") for path in files)
    pelican_internals.exclude_folders(generator, ["releases/2018"])
    assert not [path for path in pelican_internals.article_files(generator) if "/2018/" in path], (
        "ARTICLE_EXCLUDES keeps get_files out of a folder")
    assert pelican_internals.not_cached(generator, files) == files, "Readers.get_cached_data(path, default) without a cache"


def test_articles_are_ordered_as_the_generator_orders_them(settings, tmp_path):
    generator = articles_generator(settings, tmp_path)
    items = [pelican_internals.read_article(generator, name, signals.article_generator_preread, signals.article_generator_context)
             for name in ("releases/2018/2018-03-09-women-police.en.md", "releases/2018/2018-06-06-eu-tablets.en.md")]
    assert [item.date.date() for item in pelican_internals.order(items, "reversed-date")] == [datetime.date(2018, 6, 6), datetime.date(2018, 3, 9)]


def test_an_articles_body_can_be_replaced_before_pelican_reads_it(settings, tmp_path):
    generator = articles_generator(settings, tmp_path)
    item = pelican_internals.read_article(generator, "releases/2018/2018-06-06-eu-tablets.en.md",
                                          signals.article_generator_preread, signals.article_generator_context)
    assert "540 tablets" in pelican_internals.body_of(item)
    pelican_internals.set_body(item, "<p>Replaced.</p>")
    assert item.get_content(settings["SITEURL"]) == "<p>Replaced.</p>", "Content.get_content reads Content._content"


def test_an_articles_url_under_another_slug_is_made_as_pelican_makes_its_own(settings, tmp_path):
    generator = articles_generator({**settings, "ARTICLE_LANG_URL": "{lang}/elsewhere/{slug}/"}, tmp_path)
    english, georgian = (pelican_internals.read_article(generator, f"releases/2018/2018-06-06-eu-tablets.{lang}.md",
                                                        signals.article_generator_preread, signals.article_generator_context)
                         for lang in ("en", "ka"))
    assert (english.url, georgian.url) == ("en/news/eu-tablets/", "ka/elsewhere/eu-tablets/")
    english.override_url = english.url  # as the generator fixes it
    assert pelican_internals.url_with_slug(english, "tablets") == "en/news/tablets/", "ARTICLE_URL, with Content.url_format"
    assert pelican_internals.url_with_slug(georgian, "tablets") == "ka/elsewhere/tablets/", "ARTICLE_LANG_URL out of DEFAULT_LANG"


def test_the_articles_generator_and_the_static_files_are_found(settings, tmp_path):
    generator = articles_generator(settings, tmp_path)
    assert pelican_internals.articles_generator([object(), generator]) is generator
    static = StaticGenerator(context={"staticfiles": []}, settings=settings, path=settings["PATH"], theme=settings["THEME"],
                             output_path=str(tmp_path / "output"))
    assert pelican_internals.static_files(static) == [], "StaticGenerator lists its files in context['staticfiles']"


def test_the_console_prints_as_pelicans_own_lines():
    assert callable(pelican_internals.console.print), "pelican.log.console is a rich Console"


def test_a_pelicans_generators_write_where_its_output_path_says():
    assert "output_path=self.output_path" in inspect.getsource(Pelican.run), "Pelican.run makes each generator with output_path=self.output_path"
    assert "self.output_path" in inspect.getsource(Pelican.__init__), "Pelican.__init__ sets self.output_path from OUTPUT_PATH"


def test_a_run_is_wrapped_once_however_often_asked(tmp_path):
    settings = settings_for(ROOTS / "bilingual" / "content", tmp_path / "output", "publishconf.py")
    site = Pelican(settings)  # the plugin wrapped its run at `initialized` (lifecycle.guard)
    wrapped = site.run
    assert getattr(wrapped, "newsroom_wrapped", False), "an instance's run can be replaced, and is, by the plugin"
    pelican_internals.wrap_run(site, lambda run: run())
    assert site.run is wrapped


# The names of Pelican's insides the plugin uses: only pelican_internals.py may say them.
PRIVATE = re.compile(r"\b(get_cached_data|reader_classes|read_file|add_source_path|order_content|SkipStub|_content\b"
                     r"|\.output_path\s*=|\.run\s*=|pelican\.log|staticfiles|get_files|ARTICLE_EXCLUDES)")


def test_no_other_module_of_the_plugin_touches_pelicans_insides():
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in sorted(PLUGIN.glob("*.py")) if path.name != "pelican_internals.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if PRIVATE.search(line)]
    assert found == []
