"""Everything the plugin needs of Pelican beyond its plugin interface (signals, `Generator`,
`BaseReader`, settings), in one place. Written against Pelican 4.12.0.

Each function here leans on how Pelican works inside, not on what it documents. An upgrade that
changes one of these breaks here, and tests/unit/test_pelican_internals.py says which assumption
failed; the rest of the plugin does not touch Pelican's internals.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import pelican
from pelican.contents import Article, Content, SkipStub
from pelican.generators import ArticlesGenerator, Generator, StaticGenerator
from pelican.log import console
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime, order_content, set_date_tzinfo

WRITTEN_AGAINST = "4.12.0"

__all__ = ["Article", "Content", "SafeDatetime", "set_date_tzinfo", "console", "StaticGenerator"]


def version() -> str:
    return pelican.__version__


# -- reading ---------------------------------------------------------------------------------------

def only_reader(readers, reader_class) -> None:
    """At `readers_init`: `reader_class` reads every ending it declares, and no other reader reads
    anything (Pelican's plain reader of static files, `BaseReader`, stays for `fmt='static'`)."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is not BaseReader:
            del readers.reader_classes[extension]
    for extension in reader_class.file_extensions:
        readers.reader_classes[extension] = reader_class


def reader_of(generator, extension: str):
    """The reader instance a generator reads files of this ending with."""
    return generator.readers.readers.get(extension)


def article_files(generator) -> list[str]:
    """The absolute paths of the files the articles generator is about to read."""
    names = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    return [os.path.abspath(os.path.join(generator.path, name)) for name in names]


def not_cached(generator, paths: Iterable[str]) -> list[str]:
    """Those of `paths` that Pelican's content cache does not hold (all of them without a cache)."""
    return [path for path in paths if generator.readers.get_cached_data(path, (None, None))[0] is None]


def exclude_folders(generator, folders: Iterable[str]) -> None:
    """The articles generator never walks into these folders (paths from the content folder)."""
    excludes = list(generator.settings.get("ARTICLE_EXCLUDES", []))
    generator.settings["ARTICLE_EXCLUDES"] = [*excludes, *(folder for folder in folders if folder not in excludes)]


def read_article(generator, relative: str, preread_signal, context_signal) -> Article | None:
    """One file read as the articles generator reads it in `generate_context` (signals, cache and
    all), added to its source paths; None if it was skipped or is not a valid article."""
    item = generator.readers.read_file(
        base_path=generator.path, path=relative, content_class=Article, context=generator.context,
        preread_signal=preread_signal, preread_sender=generator,
        context_signal=context_signal, context_sender=generator,
    )
    if isinstance(item, SkipStub) or not item.is_valid():
        return None
    generator.add_source_path(item)
    return item


def order(articles: list, order_by: str) -> list:
    """Articles in the order ARTICLE_ORDER_BY gives, as the articles generator orders them."""
    return order_content(articles, order_by)


def articles_generator(generators: Iterable):
    return next(generator for generator in generators if isinstance(generator, ArticlesGenerator))


def set_body(article, html: str) -> None:
    """Replace an article's HTML body before anything has asked for its content (Pelican memoises
    `get_content` per article and site URL)."""
    article._content = html


def body_of(article) -> str:
    """An article's HTML body as its reader gave it, before Pelican's link rewriting."""
    return article._content


def url_with_slug(article, slug: str) -> str:
    """The URL an article would have under another slug: ARTICLE_URL (ARTICLE_LANG_URL for a
    language other than DEFAULT_LANG) filled in as Pelican fills it (`Content.url_format`), even when
    the article's own URL is fixed (`override_url`)."""
    setting = "ARTICLE_URL" if article.in_default_lang else "ARTICLE_LANG_URL"
    return str(article.settings[setting]).format(**{**article.url_format, "slug": slug})


def static_files(generator) -> list[tuple[str, str]]:
    """(where it is saved in the site, its source path from the content folder) of each file the
    static generator copies."""
    return [(static.save_as, static.source_path) for static in generator.context.get("staticfiles", []) if static.save_as]


# -- running -----------------------------------------------------------------------------------------

def set_output_path(pelican_object, path: str) -> None:
    """Where this Pelican's generators write: it gives them `output_path` when `run` makes them."""
    pelican_object.output_path = path


def wrap_run(pelican_object, wrapper: Callable[[Callable[[], None]], object]) -> None:
    """Every `run()` of this Pelican object goes through `wrapper(run)` (once, however often asked)."""
    run = pelican_object.run
    if getattr(run, "newsroom_wrapped", False):
        return

    def wrapped():
        return wrapper(run)

    wrapped.newsroom_wrapped = True
    pelican_object.run = wrapped


# -- spawned workers -------------------------------------------------------------------------------

def plain_generator(settings: dict, path: str, theme: str, output_path: str) -> Generator:
    """A generator made from a build's settings as Pelican makes ours: its `env` (the theme's
    loaders, JINJA_ENVIRONMENT, JINJA_FILTERS, …) and `get_template` are the build's, before any
    plugin's `generator_init` handler (a spawned worker has none connected) adds to them."""
    return Generator({}, settings, path, theme, output_path)
