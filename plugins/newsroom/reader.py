"""Pelican reader for release files: YAML front-matter checked by `frontmatter`, body by Python-Markdown.

Converting Markdown is the costliest part of reading, so before Pelican reads the releases one by
one, `ReleaseReader.prepare` converts them all at once on every core; `read` then hands Pelican
the prepared result. The result is the same either way: `convert` is one pure function.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from . import frontmatter, registry, settings
from .slugs import MARKDOWN_SUFFIXES
from .workers import FORK, cores

logger = logging.getLogger(__name__)

PROBLEMS = "newsroom_problems"


@dataclass(frozen=True)
class ImageExists:
    """Whether an image path exists under the content folder (picklable, unlike a lambda)."""

    content: str

    def __call__(self, src: str) -> bool:
        return Path(self.content, src).is_file()


def site_for(pelican_settings) -> frontmatter.Site:
    """What front-matter is checked against, read from the content folder of this build."""
    config = settings.config(pelican_settings)
    content = Path(pelican_settings["PATH"])
    partners, _ = registry.load(content / "partners.yml", "content/partners.yml", config.codes)
    topics, _ = registry.load(content / "topics.yml", "content/topics.yml", config.codes)
    return frontmatter.Site(
        languages=config.codes,
        partners=frozenset(partners),
        topics=frozenset(topics),
        image_exists=ImageExists(str(content)),
    )


@functools.cache
def markdown_for(options: str) -> Markdown:
    """One Markdown converter per configuration (JSON text) in each process; reset before use."""
    extension_configs = json.loads(options)
    return Markdown(extensions=list(extension_configs), extension_configs=extension_configs, output_format="html5")


def convert(source_path: str, content_path: str, site: frontmatter.Site, options: str, preview: bool):
    """One release file → (HTML body, metadata); a file with problems → ("", problems)."""
    path = display_path(source_path, content_path)
    with open(source_path, encoding="utf-8") as source:
        text = source.read()
    release, body, problems = frontmatter.parse(text, path, site)
    if problems:
        return "", {"status": "skip", PROBLEMS: problems}
    markdown = markdown_for(options)
    html = markdown.reset().convert(body)
    metadata = {
        "title": release.title,
        "date": SafeDatetime.combine(release.date.date(), release.date.time()),
        "lang": release.lang,
        "slug": release.slug,
        # drafts are Pelican drafts (never written by the strict build) unless previewing
        "status": "draft" if release.draft and not preview else "published",
        "release": release,
    }
    if release.summary:
        metadata["summary"] = markdown.reset().convert(release.summary)
    return html, metadata


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
        )
        self.prepared: dict[str, tuple] = {}
        self.parallel_from = settings.config(pelican_settings).parallel_from

    def prepare(self, source_paths: list[str]) -> None:
        """Convert many files at once, one process per core; `read` then uses the results."""
        count = cores()
        if len(source_paths) < self.parallel_from or count < 2:
            return
        start = time.perf_counter()
        chunk = max(1, len(source_paths) // (count * 8))
        with ProcessPoolExecutor(max_workers=count, mp_context=FORK) as pool:
            self.prepared.update(zip(source_paths, pool.map(self.convert, source_paths, chunksize=chunk)))
        logger.info("newsroom: read %d releases on %d cores in %.1f s", len(source_paths), count, time.perf_counter() - start)

    def read(self, source_path: str):
        prepared = self.prepared.pop(source_path, None)
        html, metadata = prepared if prepared is not None else self.convert(source_path)
        if metadata.get("status") != "skip":
            # Pelican expects every article to have a category; ours are all news.
            metadata["category"] = self.process_metadata("category", self.settings["DEFAULT_CATEGORY"])
        return html, metadata


def display_path(source_path: str, content_path: str) -> str:
    """A path as the officer knows it: relative to the project, e.g. content/releases/2018/….md."""
    project = os.path.dirname(os.path.abspath(content_path))
    return os.path.relpath(os.path.abspath(source_path), project).replace(os.sep, "/")
