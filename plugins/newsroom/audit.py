"""The checks that look at the content as a whole, once per build, after every file is read:
files that are not part of the site, the registries, what releases refer to, how twins agree.

The build, the live preview and `./dev check` all call `problems` with what they read, so they
report the same problems for the same files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import inventory, pairing, references, registry
from .errors import Problem
from .frontmatter import Release
from .source import display_path


@dataclass(frozen=True)
class Registries:
    """The partner and topic registries of one build, and what was wrong in them."""

    partners: Mapping[str, registry.Entry]
    topics: Mapping[str, registry.Entry]
    problems: tuple[Problem, ...]
    # 'partners' or 'topics' → why none of its keys can be known (a file missing or unreadable)
    unusable: Mapping[str, str] = field(default_factory=dict)


def load_registries(content: Path, languages: tuple[str, ...]) -> Registries:
    loaded, problems, unusable = {}, [], {}
    for name in ("partners", "topics"):
        path = content / f"{name}.yml"
        shown = display_path(str(path), str(content))
        loaded[name], found = registry.load(path, shown, languages)
        problems += found
        if not path.exists():
            unusable[name] = f"there is no {shown}; create it and name the {name} there"
        elif any(problem.field is None for problem in found):  # the file as a whole could not be read
            unusable[name] = f"{shown} could not be read, fix it first"
    return Registries(loaded["partners"], loaded["topics"], tuple(problems), unusable)


def take_inventory(settings: Mapping) -> inventory.Inventory:
    """Every file of the build's content folder, sorted (see `inventory`)."""
    content = Path(settings["PATH"])
    return inventory.take(content, settings["ARTICLE_PATHS"], settings.get("STATIC_PATHS", ()),
                          shown=display_path(str(content), str(content)), patterns=settings.get("IGNORE_FILES", inventory.IGNORED))


def problems(files: inventory.Inventory, registries: Registries, releases: Sequence[Release], photos: references.Photos,
             languages: tuple[str, ...], documents: references.Documents | None = None) -> list[Problem]:
    """Every problem of the content as a whole (the problems of reading each file come on top)."""
    content = photos.content
    documents = documents or references.Documents(content)
    found = [*files.problems, *registries.problems]
    found += references.logos(registries.partners, photos, display_path(str(content / "partners.yml"), str(content)))
    found += references.check(releases, {"partners": registries.partners, "topics": registries.topics}, photos,
                              frozenset(files.releases), registries.unusable, documents)
    found += references.unattached(files.files, releases, display_path(str(content), str(content)))
    found += pairing.check(releases, languages)
    return found
