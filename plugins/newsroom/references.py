"""What a release refers to in other files: partners and topics in the registries, photos in
content/images/, documents in content/files/. Checked once per build, after every file is read (never while a file is read,
which Pelican caches), so a live preview after any edit reports what a cold build reports."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from . import attachments, images
from .errors import Problem
from .frontmatter import Release
from .links import EXAMPLE
from .messages import one_of, shown, suggestion

# field → (registry, noun)
KEYS = (("partners", "partners", "partner"), ("funded_by", "partners", "partner"), ("topics", "topics", "topic"))


class Photos:
    """The photos of one build's content folder, each looked at once (`images.inspect`)."""

    def __init__(self, content: Path):
        self.content = content
        self.found: dict[tuple[str, str], Path | str] = {}

    def inspect(self, src: str, recipe: images.Recipe = images.PHOTO) -> Path | str:
        """The photo's file, or why it cannot be published."""
        key = (src, recipe.noun)
        if key not in self.found:
            self.found[key] = images.inspect(self.content, src, recipe)
        return self.found[key]

    def problem(self, src: str, recipe: images.Recipe = images.PHOTO) -> str | None:
        found = self.inspect(src, recipe)
        return found if isinstance(found, str) else None


class Documents:
    """The documents of one build's content folder, each looked at once (`attachments.inspect`)."""

    def __init__(self, content: Path):
        self.content = content
        self.found: dict[str, Path | str] = {}

    def inspect(self, file: str) -> Path | str:
        """The document's file, or why it cannot be published."""
        if file not in self.found:
            self.found[file] = attachments.inspect(self.content, file)
        return self.found[file]

    def problem(self, file: str) -> str | None:
        found = self.inspect(file)
        return found if isinstance(found, str) else None


def check(releases: Iterable[Release], registries: Mapping[str, Mapping], photos: Photos | None,
          release_files: Collection[str] | None = None, unusable: Mapping[str, str] | None = None,
          documents: Documents | None = None) -> list[Problem]:
    """The problems of each release's references. `registries`: 'partners' and 'topics' by key;
    `photos`: the content's photos (None: photos are not checked); `release_files`: the release
    files under content/, which links may name (None: links are not checked); `unusable`: why a
    registry could not be read at all, to say instead of a list of keys; `documents`: the content's
    documents (None: attachments are not checked)."""
    unusable = unusable or {}
    problems = []
    for release in releases:
        for link in release.links if release_files is not None else ():
            if link.target not in release_files:
                where = f"line {link.line}: " if link.line else ""
                problems.append(Problem(release.path, "body", f"{where}link to '{link.written}' names no release file in content/; "
                                                              f"check the path from content/, e.g. {EXAMPLE}"))
        for field, registry, noun in KEYS:
            known = registries[registry]
            for key in getattr(release, field):
                if key not in known:
                    allowed = unusable.get(registry) or f"{_hint(key, known).strip()} {one_of(known)}".strip()
                    problems.append(Problem(release.path, field, f"unknown {noun} {shown(key)}; {allowed}"))
                elif getattr(known[key], "broken", False):
                    problems.append(Problem(release.path, field, f"the {noun} {shown(key)} has a name that cannot be shown; "
                                                                 f"fix it in content/{registry}.yml (its own line says how)"))
        if photos is not None and release.image is not None and (message := photos.problem(release.image.src)):
            problems.append(Problem(release.path, "image.src", message))
        for image in release.body_images if photos is not None else ():
            if message := photos.problem(image.src):
                where = f"line {image.line}: " if image.line else ""
                problems.append(Problem(release.path, "body", f"{where}{message.replace(shown(image.src), shown(image.written), 1)}"))
        for number, attachment in enumerate(release.attachments if documents is not None else (), start=1):
            if message := documents.problem(attachment.file):
                problems.append(Problem(release.path, f"attachments[{number}].file", message))
    return problems


def unattached(files: Iterable[str], releases: Iterable[Release], shown: str = "content") -> list[Problem]:
    """A document in content/files/ that no release attaches: reported, never published unasked.
    (A release read with a problem attaches nothing: its own line comes first.)"""
    used = {attachment.file for release in releases for attachment in release.attachments}
    return [Problem(f"{shown}/{file}", None, "is attached to no release (or only to one with a problem of its own); "
                                             "attach it to its release under 'attachments:', or delete it")
            for file in files if file not in used]


def logos(partners: Mapping, photos: Photos, path: str) -> list[Problem]:
    """The problems of the partners' logos (`path`: the registry as the officer knows it)."""
    return [Problem(path, f"{key}.logo", message)
            for key, entry in partners.items() if entry.logo and (message := photos.problem(entry.logo, images.LOGO))]


def _hint(key: str, known: Mapping) -> str:
    """A likely slip of a key; or the key of a partner given by its name ('European Union' → 'eu')."""
    for entry_key, entry in known.items():
        names = getattr(entry, "names", ())
        if any(key.strip().lower() == name.lower() for _, name in names):
            return f" '{key}' is the name of '{entry_key}': write its key, '{entry_key}'."
    return suggestion(key, known)
