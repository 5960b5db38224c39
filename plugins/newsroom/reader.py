"""Pelican reader for release files: YAML front-matter checked by `frontmatter`, body by Python-Markdown.

Converting Markdown is the costliest part of reading, so before Pelican reads the releases one by
one, `ReleaseReader.prepare` converts them all at once on every core; `read` then hands Pelican
the prepared result. The result is the same either way: `convert` is one pure function.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import re
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from zoneinfo import ZoneInfo

from markdown import Markdown
from markupsafe import Markup
from pelican.readers import BaseReader

from . import bodyimages, characters, frontmatter, htmlpolicy, inventory, links, settings, source, workers
from .pelican_internals import SafeDatetime
from .source import display_path
from .errors import Problem
from .slugs import MARKDOWN_SUFFIXES
from .workers import cores

logger = logging.getLogger(__name__)

PROBLEMS = "newsroom_problems"


def site_for(pelican_settings, now: datetime.datetime | None = None) -> frontmatter.Site:
    """What a front-matter is checked against on its own: the site's languages, its releases'
    address, and today as the site's calendar has it (TIMEZONE: Tbilisi), not the build machine's
    (CI runs in UTC, four hours behind: at 01:00 on 1 December in Tbilisi, `date: 2026-12` has
    begun). `now`: the moment to take instead of the clock's (an aware datetime)."""
    timezone = pelican_settings.get("TIMEZONE")
    now = now or datetime.datetime.now(datetime.timezone.utc)
    today = now.astimezone(ZoneInfo(timezone)).date() if timezone else now.astimezone().date()
    # an old address in `aliases` is read as Pelican makes a release's address (ARTICLE_URL and
    # ARTICLE_LANG_URL are the same, pelicanconf.py)
    article_url = pelican_settings.get("ARTICLE_URL") or frontmatter.Site.article_url
    return frontmatter.Site(languages=settings.config(pelican_settings).codes, today=today, article_url=article_url)


@functools.cache
def markdown_for(options: str) -> Markdown:
    """One Markdown converter per configuration (JSON text) in each process; reset before use."""
    extension_configs = json.loads(options)
    return Markdown(extensions=list(extension_configs), extension_configs=extension_configs, output_format="html5")


def convert(source_path: str, content_path: str, site: frontmatter.Site, options: str, preview: bool,
            article_paths: tuple[str, ...] = ("releases",)):
    """One release file → (HTML body, metadata); a file with problems → ("", its problems).
    Never raises: a file that cannot be read is a problem line, not a file silently left out."""
    path = display_path(source_path, content_path)
    relative = Path(os.path.relpath(source_path, content_path)).as_posix()
    if inventory.classify(relative, article_paths, ())[0] != "releases":
        return skipped([])  # not a release file (e.g. news.EN.md): the inventory reports it, once
    try:
        return _convert(source_path, path, content_path, site, options, preview)
    except Exception as error:  # noqa: BLE001 - whatever it is, the officer hears of it, with the file
        logger.debug("newsroom: reading %s failed", path, exc_info=True)
        return skipped([Problem(path, None, f"could not be read ({type(error).__name__}: {error}); "
                                           "check the file, and tell the site's maintainer if it looks right")])


def _convert(source_path: str, path: str, content_path: str, site: frontmatter.Site, options: str, preview: bool):
    if os.path.islink(source_path) and not Path(source_path).resolve().is_relative_to(Path(content_path).resolve()):
        return skipped([Problem(path, None, "is a link to a file outside content/; put the file itself here, not a link to it")])
    text, problem = source.read_text(Path(source_path), path)
    if problem is not None:
        return skipped([problem])
    release, body, problems = frontmatter.parse(text, path, site)
    if problems:
        return skipped(problems)
    markdown = markdown_for(options)
    first = frontmatter.body_line(text)
    html, problems = _html(markdown, body, path, "body", first)
    summary = None
    if release.summary:
        summary, found = _html(markdown, release.summary, path, "summary", None)
        problems += found
    if not problems and not WORDS.search(html) and characters.blank(html_text(html)) and "<img" not in html:
        problems.append(Problem(path, "body", "shows no text once converted (only markup or comments); write the release's text after the front-matter"))
    if summary is not None and "<img" in summary:
        problems.append(Problem(path, "summary", "holds a picture; a summary is one or two sentences of text, put the picture in the body"))
    if problems:
        return skipped(problems)
    folder = Path(os.path.relpath(source_path, content_path)).parent.as_posix()
    located = lambda written: None if (line := htmlpolicy.line_of(body, written)) is None else first + line - 1  # noqa: E731
    html, pictures = bodyimages.extract(html, folder, located)
    others, refused = links.find(html, folder, located)
    if refused:
        return skipped([Problem(path, "body", message) for message in refused])
    release = dataclasses.replace(release, body_images=pictures, links=others)
    metadata = {
        "title": release.title,
        "date": SafeDatetime.combine(release.date.date(), release.date.time()),
        "lang": release.lang,
        "slug": release.slug,
        # drafts are Pelican drafts (never written by the strict build) unless previewing
        "status": "draft" if release.draft and not preview else "published",
        "release": release,
    }
    if summary is not None:
        metadata["summary"] = summary
    if release.updated is not None:
        # Pelican's `modified`: the article's `modified` in the site's time zone (feeds, JSON-LD)
        metadata["modified"] = SafeDatetime.combine(release.updated.date(), release.updated.time())
    return html, metadata


# Python-Markdown takes time in the square of the number of '[' or '<tag' left open (50,000 '['
# take minutes); no release leaves more than a few open.
UNCLOSED_LIMIT = 500
WORDS = re.compile(r">(?:&#?\w+;|[^<&\w])*\w")  # a letter or digit (not in an entity) between tags: text shows
BRACKETS = re.compile(r"[\[\]]")
TAGS = re.compile(r"<[A-Za-z/!?]|>")


def unclosed(text: str) -> tuple[int, int]:
    """How many '[' have no ']' after them, and how many '<' that start a tag have no '>'."""
    brackets = tags = 0
    for found in BRACKETS.finditer(text):
        brackets = brackets + 1 if found.group() == "[" else max(0, brackets - 1)
    opened = False
    for found in TAGS.finditer(text):
        if found.group() == ">":
            opened = False
        else:
            tags += opened
            opened = True
    return brackets, tags + opened


def _html(markdown: Markdown, text: str, path: str, field: str, first_line: int | None) -> tuple[str, list[Problem]]:
    """Markdown → HTML that obeys the site's HTML policy, or the problems: one per violation, with
    the line of the file where it is (`first_line`: the file's line of the text's first line)."""
    brackets, tags = unclosed(text) if text.count("[") > UNCLOSED_LIMIT or text.count("<") > UNCLOSED_LIMIT else (0, 0)
    if brackets > UNCLOSED_LIMIT:
        return "", [Problem(path, field, f"has {brackets} '[' that are never closed; a link is written [words](https://…), "
                                         "check that the text is what you meant to paste")]
    if tags > UNCLOSED_LIMIT:
        return "", [Problem(path, field, f"has {tags} '<' that open a tag never closed with '>'; "
                                         "write &lt; for a '<' in the text, and check that it is what you meant to paste")]
    try:
        html = markdown.reset().convert(text)
    except RecursionError:
        return "", [Problem(path, field, "is nested too deeply to convert (lists, quotes or brackets inside each other); simplify it")]
    clean, violations = htmlpolicy.review(html)
    problems = []
    for violation in violations:
        line = htmlpolicy.line_of(text, violation.needle)
        where = f"line {first_line + line - 1}: " if line is not None and first_line is not None else ""
        problems.append(Problem(path, field, where + violation.message))
    return clean, problems


def html_text(html: str) -> str:
    """The words of an HTML fragment, as a reader sees them."""
    return Markup(html).striptags()


def skipped(problems: list[Problem]) -> tuple[str, dict]:
    """What the reader gives Pelican for a file with problems: nothing to publish, the reasons."""
    return "", {"status": "skip", PROBLEMS: problems}


class ReleaseReader(BaseReader):
    """Reads `*.md` releases. A file with problems is skipped; its problems travel in metadata."""

    enabled = True
    file_extensions = [suffix.lstrip(".") for suffix in MARKDOWN_SUFFIXES]

    def __init__(self, pelican_settings):
        super().__init__(pelican_settings)
        self.convert = functools.partial(
            convert,
            content_path=pelican_settings["PATH"],
            site=site_for(pelican_settings),
            options=json.dumps(pelican_settings.get("MARKDOWN", {}).get("extension_configs", {}), sort_keys=True),
            preview=settings.config(pelican_settings).preview,
            article_paths=tuple(pelican_settings["ARTICLE_PATHS"]),
        )
        self.prepared: dict[str, tuple] = {}
        self.parallel_from = settings.config(pelican_settings).parallel_from
        self.start_method = settings.config(pelican_settings).start_method

    def prepare(self, source_paths: list[str]) -> None:
        """Convert many files at once, one process per core; `read` then uses the results. Each
        worker receives `convert` and its arguments pickled, however it started (`workers`)."""
        count = cores()
        if len(source_paths) < self.parallel_from or count < 2 or self.start_method == "serial":
            return
        start = time.perf_counter()
        chunk = max(1, len(source_paths) // (count * 8))
        with workers.importable(self.start_method), \
                ProcessPoolExecutor(max_workers=count, mp_context=workers.context(self.start_method)) as pool:
            self.prepared.update(zip(source_paths, pool.map(self.convert, source_paths, chunksize=chunk)))
        logger.info("newsroom: read %d releases on %d cores in %.1f s", len(source_paths), count, time.perf_counter() - start)

    def read(self, source_path: str):
        prepared = self.prepared.pop(source_path, None)
        html, metadata = prepared if prepared is not None else self.convert(source_path)
        if metadata.get("status") != "skip":
            # Pelican expects every article to have a category; ours are all news.
            metadata["category"] = self.process_metadata("category", self.settings["DEFAULT_CATEGORY"])
        return html, metadata

