"""The release files of a content folder, read without a Pelican build (for `check` and `translations`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from . import frontmatter, pairing, registry, settings
from .errors import Problem
from .reader import display_path, site_for
from .slugs import MARKDOWN_SUFFIXES


def release_files(pelican_settings: Mapping) -> list[Path]:
    content = Path(pelican_settings["PATH"])
    files = []
    for folder in pelican_settings.get("ARTICLE_PATHS", ["releases"]):
        files += [path for path in (content / folder).rglob("*") if path.name.endswith(MARKDOWN_SUFFIXES)]
    return sorted(files)


def read_releases(pelican_settings: Mapping) -> tuple[list[frontmatter.Release], list[Problem]]:
    """Every release that parses, and the problems of those that do not."""
    site = site_for(pelican_settings)
    releases, problems = [], []
    for path in release_files(pelican_settings):
        shown = display_path(str(path), pelican_settings["PATH"])
        release, _, found = frontmatter.parse(path.read_text(encoding="utf-8"), shown, site)
        problems += found
        if release is not None:
            releases.append(release)
    return releases, problems


def check(pelican_settings: Mapping) -> list[Problem]:
    """Everything a strict build would reject, without rendering anything."""
    config = settings.config(pelican_settings)
    content = Path(pelican_settings["PATH"])
    problems = []
    for name in ("partners", "topics"):
        problems += registry.load(content / f"{name}.yml", f"content/{name}.yml", config.codes)[1]
    releases, found = read_releases(pelican_settings)
    problems += found
    problems += pairing.check(releases, config.codes)
    return sorted(set(problems))
