"""Pelican reader for release files: YAML front-matter checked by `frontmatter`, body by Python-Markdown."""

from __future__ import annotations

import os
from pathlib import Path

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from . import frontmatter, registry, settings

PROBLEMS = "newsroom_problems"


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
        image_exists=lambda src: (content / src).is_file(),
    )


class ReleaseReader(BaseReader):
    """Reads `*.md` releases. A file with problems is skipped; its problems travel in metadata."""

    enabled = True
    file_extensions = ["md"]

    def __init__(self, pelican_settings):
        super().__init__(pelican_settings)
        self.site = site_for(pelican_settings)
        self.preview = settings.config(pelican_settings).preview
        options = pelican_settings.get("MARKDOWN", {})
        self.markdown = Markdown(
            extensions=list(options.get("extension_configs", {})),
            extension_configs=options.get("extension_configs", {}),
            output_format="html5",
        )

    def read(self, source_path: str):
        path = display_path(source_path, self.settings["PATH"])
        with open(source_path, encoding="utf-8") as source:
            text = source.read()
        release, body, problems = frontmatter.parse(text, path, self.site)
        if problems:
            return "", {"status": "skip", PROBLEMS: problems}
        html = self.markdown.reset().convert(body)
        summary = self.markdown.reset().convert(release.summary) if release.summary else None
        metadata = {
            "title": release.title,
            "date": SafeDatetime.combine(release.date.date(), release.date.time()),
            "lang": release.lang,
            "slug": release.slug,
            "status": self.status(release),
            "release": release,
            # Pelican expects every article to have a category; ours are all news.
            "category": self.process_metadata("category", self.settings["DEFAULT_CATEGORY"]),
        }
        if summary:
            metadata["summary"] = summary
        return html, metadata

    def status(self, release: frontmatter.Release) -> str:
        """Drafts are Pelican drafts (never written by the strict build) unless previewing."""
        return "draft" if release.draft and not self.preview else "published"


def display_path(source_path: str, content_path: str) -> str:
    """A path as the officer knows it: relative to the project, e.g. content/releases/2018/….md."""
    project = os.path.dirname(os.path.abspath(content_path))
    return os.path.relpath(os.path.abspath(source_path), project).replace(os.sep, "/")
