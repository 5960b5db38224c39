"""What the officer's commands read (`./dev check`, `./dev translations`): the release files of a
content folder, without a Pelican build, with the same reader and the same whole-content checks as
a build, so the command and the build report the same problems."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from . import audit, references, settings
from .errors import Problem
from .frontmatter import Release
from .inventory import Inventory
from .reader import PROBLEMS, ReleaseReader


def release_files(pelican_settings: Mapping, files: Inventory | None = None) -> list[Path]:
    files = files or audit.take_inventory(pelican_settings)
    return [Path(pelican_settings["PATH"]) / name for name in files.releases]


def read_releases(pelican_settings: Mapping, files: Inventory | None = None) -> tuple[list[Release], list[Problem]]:
    """Every release that reads without a problem, and the problems of those that do not."""
    paths = [str(path) for path in release_files(pelican_settings, files)]
    reader = ReleaseReader(pelican_settings)
    reader.prepare(paths)  # on every core, for many files
    releases, problems = [], []
    for path in paths:
        _, metadata = reader.read(path)
        problems += metadata.get(PROBLEMS, [])
        if "release" in metadata:
            releases.append(metadata["release"])
    return releases, problems


def check(pelican_settings: Mapping) -> list[Problem]:
    """Everything a strict build would reject, without rendering anything."""
    config = settings.config(pelican_settings)
    content = Path(pelican_settings["PATH"])
    files = audit.take_inventory(pelican_settings)
    releases, problems = read_releases(pelican_settings, files)
    registries = audit.load_registries(content, config.codes)
    problems += audit.problems(files, registries, releases, references.Photos(content), config.codes)
    return sorted(set(problems))
