"""The translation status report: every release, the languages it exists in, which is newer."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import pairing, slugs
from .frontmatter import Release


# Files changed within a minute of each other were written together (`invoke new --twin`).
SAME_MOMENT = 60


@dataclass(frozen=True)
class Row:
    key: str
    title: str
    present: dict[str, str]  # language -> path
    missing: tuple[str, ...]  # no file, or only a draft (a stub not yet translated is not a translation)
    newest: str | None  # the language changed last, when versions differ in time
    ahead_by_days: float


def rows(releases: Sequence[Release], languages: Sequence[str], changed_at: Callable[[str], float]) -> list[Row]:
    """One row per release, newest first. `changed_at(path)` gives a file's last change (seconds)."""
    result = []
    for group in pairing.group(releases):
        present = {lang: release.path for lang, release in group.versions.items()}
        drafts = {lang for lang, release in group.versions.items() if release.draft}
        missing = tuple(lang for lang in languages if lang not in present or lang in drafts)
        times = {lang: changed_at(path) for lang, path in present.items()}
        newest, ahead = None, 0.0
        if len(times) > 1:
            ordered = sorted(times.items(), key=lambda item: item[1], reverse=True)
            ahead = (ordered[0][1] - ordered[-1][1]) / 86400
            if ahead * 86400 > SAME_MOMENT:
                newest = ordered[0][0]
        first = group.version(languages[0], languages)
        key = group.key if not group.key.startswith("file:") else "(paired by file name)" if len(present) > 1 else "(no translation_key)"
        result.append(Row(key, first.title, present, missing, newest, ahead))
    return result


def misdated(releases: Sequence[Release]) -> list[str]:
    """Release files whose name starts with another day than their `date` (the build accepts them, as
    it always did: the name is only a name), one line each with the fix."""
    lines = []
    for release in sorted(releases, key=lambda release: release.path):
        named = slugs.date_of(release.path)
        if named is not None and getattr(release, "date_precision", "day") == "day" and named != release.date.date():
            lines.append(f"{release.path}: the name says {named.isoformat()}, the date is {release.date.date().isoformat()}; "
                         "rename the file or correct the date")
    return lines


def render(table: Sequence[Row], languages: Sequence[str]) -> str:
    lines = []
    for row in table:
        marks = "  ".join(f"{lang}:{('draft' if lang in row.missing else 'yes') if lang in row.present else '--'}" for lang in languages)
        note = ""
        if row.missing:
            absent = [lang for lang in row.missing if lang not in row.present]
            drafted = [lang for lang in row.missing if lang in row.present]
            note = "; ".join(filter(None, ["missing " + ", ".join(absent) if absent else "",
                                           ", ".join(drafted) + " only a draft, not yet translated" if drafted else ""]))
        elif row.newest:
            note = f"{row.newest} changed {row.ahead_by_days:.1f} days after the others: check the translation"
        else:
            note = "in step"
        lines.append(f"{marks}  {row.key}  {note}")
        lines.append(f"        {row.title}")
    complete = sum(1 for row in table if not row.missing)
    noun = "release" if len(table) == 1 else "releases"
    lines.append(f"{len(table)} {noun}: {complete} in every language, {len(table) - complete} missing a language")
    return "\n".join(lines)


def git_changed_at(project: Path) -> Callable[[str], float]:
    """A file's last commit time, or its modification time when it has uncommitted changes."""
    def changed_at(path: str) -> float:
        full = project / path
        dirty = subprocess.run(["git", "status", "--porcelain", "--", path], cwd=project, capture_output=True, text=True)
        if dirty.returncode == 0 and not dirty.stdout.strip():
            log = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path], cwd=project, capture_output=True, text=True)
            if log.returncode == 0 and log.stdout.strip():
                return float(log.stdout.strip())
        return full.stat().st_mtime
    return changed_at
