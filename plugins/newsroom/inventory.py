"""Every file under content/, sorted into what the site does with it; nothing else is published.

Release files (Markdown in the article folders), the registries, photos (published only as the
resized copies a release or a partner uses), documents in content/files/ (published only with a
release that attaches them; one that none attaches is reported, in `audit`) and the files a setting lists (`STATIC_PATHS`, e.g.
the host's `_headers`). An editor's hidden and backup files are ignored, the same way by the
build, the live preview and `check`. Anything else is a problem: a file the officer put in
content/ is either part of the site or reported, never silently published or dropped.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import attachments
from .errors import Problem
from .slugs import MARKDOWN_SUFFIXES

REGISTRIES = ("partners.yml", "topics.yml")
IMAGES = "images"
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
# Ignored wherever files are looked at (Pelican's IGNORE_FILES is set to the same in pelicanconf.py).
IGNORED = (".*", "*~", "#*#")
_UPPER_TAG = re.compile(r"\.([A-Za-z]{2,3})\.[A-Za-z]+\Z")


@dataclass(frozen=True)
class Inventory:
    """Paths relative to content/, with '/' between folders."""

    releases: tuple[str, ...]
    registries: tuple[str, ...]
    images: tuple[str, ...]
    listed: tuple[str, ...]
    files: tuple[str, ...]  # documents releases may attach (content/files/)
    problems: tuple[Problem, ...]


def ignored(name: str, patterns: Iterable[str] = IGNORED) -> bool:
    """An editor's file, not the site's: hidden, a backup (`~`), an Emacs lock file."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def linked_folders(content: Path, folders: Sequence[str]) -> list[str]:
    """The folders under `folders` (paths from `content`) that are links: no build walks into them."""
    found = []
    for top in folders:
        for folder, names, _ in os.walk(content / top):
            for name in [name for name in names if Path(folder, name).is_symlink()]:
                names.remove(name)
                found.append(Path(folder, name).relative_to(content).as_posix())
    return sorted(found)


def take(content: Path, article_paths: Sequence[str], listed: Sequence[str], shown: str = "content",
         patterns: Iterable[str] = IGNORED) -> Inventory:
    """Walk `content` and sort every file (a linked folder is reported, not walked into); `shown`
    is how the officer knows the folder in messages."""
    patterns = tuple(patterns)
    found: dict[str, list[str]] = {"releases": [], "registries": [], "images": [], "listed": [], "files": []}
    problems: list[Problem] = []
    root = os.path.realpath(content)
    top = len(os.path.join(str(content), ""))  # a path's length up to its part under content/
    for folder, folders, names in os.walk(content):
        folders[:] = sorted(name for name in folders if not ignored(name, patterns))
        for name in [name for name in folders if os.path.islink(os.path.join(folder, name))]:  # never walked into
            folders.remove(name)
            problems.append(Problem(f"{shown}/{os.path.join(folder, name)[top:].replace(os.sep, '/')}", None,
                                    "is a link to a folder; put the folder itself here, not a link to it"))
        for name in sorted(names):
            if ignored(name, patterns):
                continue
            path = os.path.join(folder, name)
            relative = path[top:].replace(os.sep, "/")
            report = lambda message, relative=relative: problems.append(Problem(f"{shown}/{relative}", None, message))  # noqa: E731
            if os.path.islink(path) and not os.path.realpath(path).startswith(os.path.join(root, "")):
                report("is a link to a file outside content/; put the file itself here, not a link to it")
                continue
            kind, message = classify(relative, article_paths, listed)
            if kind is None:
                report(message)
            else:
                found[kind].append(relative)
    return Inventory(**{kind: tuple(paths) for kind, paths in found.items()}, problems=tuple(problems))


def classify(relative: str, article_paths: Sequence[str], listed: Sequence[str]) -> tuple[str | None, str]:
    """What one file is: ('releases' | 'registries' | 'images' | 'files' | 'listed', '') or (None, the problem)."""
    name = relative.rsplit("/", 1)[-1]
    if relative in listed or any(relative.startswith(folder.rstrip("/") + "/") for folder in listed):
        return "listed", ""
    if relative in REGISTRIES:
        return "registries", ""
    if _under(relative, (IMAGES,)):
        if name.lower().endswith(PHOTO_SUFFIXES):
            return "images", ""
        return None, f"is not a photo (JPEG, PNG or WebP); content/{IMAGES}/ holds only photos and logos, move or delete it"
    if _under(relative, (attachments.FOLDER,)):
        if attachments.kind_of(name) is not None:
            return "files", ""
        return None, (f"is not a {attachments.ALLOWED} document; content/{attachments.FOLDER}/ holds only the {attachments.ALLOWED} "
                      f"documents releases attach: {attachments.PDF.export}, or move or delete it")
    if _under(relative, article_paths):
        suffix = next((suffix for suffix in MARKDOWN_SUFFIXES if name.lower().endswith(suffix)), None)
        if suffix is None:
            return None, "is not a release file: releases are Markdown files ending in '.md' (photos go in content/images/)"
        if not name.endswith(suffix):
            return None, f"ends in '{name[-len(suffix):]}'; rename it to end in '{suffix}' (lower case), or it is not read"
        upper = _UPPER_TAG.search(name)
        if upper and upper.group(1) != upper.group(1).lower():
            return None, f"has the language tag '.{upper.group(1)}'; rename it with the tag in lower case ('.{upper.group(1).lower()}{suffix}')"
        return "releases", ""
    return None, ("is not part of the site: content/ holds releases (releases/), photos (images/), documents (files/) and "
                  "partners.yml and topics.yml; move it or delete it")


def _under(relative: str, folders: Iterable[str]) -> bool:
    return any(folder in ("", ".") or relative.startswith(folder.rstrip("/") + "/") for folder in folders)
