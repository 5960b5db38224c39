"""Translation pairing: which files are language versions of one release, and do they agree.

Pure: releases in, groups and problems out. Versions share an explicit `translation_key`, or, as
Hugo pairs them, a file name but for the language (x.en.md, x.ka.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import slugs
from .errors import Problem
from .frontmatter import Release

T = TypeVar("T")

# Fields the language versions of one release must agree on, and how each is compared: the date
# as far as it is known (2018-12-06, 2018-12 or 2018: its precision too) and whether it is
# approximate; the event's days, however they are written ([14, 15] is 14/15); the day it was
# withdrawn (a release is withdrawn in every language, or in none). Not `updated`: a correction
# may concern one language's text only; nor `aliases`: each language has its own addresses.
SHARED_FIELDS = {
    "date": lambda release: release.published.iso(),
    "date_approximate": lambda release: release.date_approximate,
    "partners": lambda release: frozenset(release.partners),
    "funded_by": lambda release: frozenset(release.funded_by),
    "event_dates": lambda release: None if release.event_dates is None else release.event_dates.runs,
    "withdrawn": lambda release: None if release.withdrawn is None else release.withdrawn.date().isoformat(),
}
# Why the versions must agree, where "share their <field>" does not say it.
AGREEMENT = {"withdrawn": "the language versions of one release are withdrawn together, on the same day"}


@dataclass(frozen=True)
class Group(Generic[T]):
    """One release in all the languages it exists in; `versions` maps a language to its item."""

    key: str
    versions: Mapping[str, T]

    def version(self, lang: str, fallback_order: Iterable[str]) -> T:
        """The item in `lang`, else the first that exists in `fallback_order`."""
        if lang in self.versions:
            return self.versions[lang]
        return next(self.versions[other] for other in fallback_order if other in self.versions)


def check(releases: Iterable[Release], languages: tuple[str, ...]) -> list[Problem]:
    """Every cross-file problem: shared keys and slugs within a language, twins that disagree."""
    releases = sorted(releases, key=lambda release: release.path)
    problems = _clashes(releases, "translation_key", lambda r: r.translation_key, "translation key")
    problems += _clashes(releases, "slug", lambda r: r.slug, "URL name")
    problems += _old_addresses_taken(releases)
    problems += _namesakes_apart(releases, languages)
    by_key: dict[str, list[Release]] = defaultdict(list)
    for release in releases:
        by_key[release.group_key].append(release)
    for versions in by_key.values():
        versions.sort(key=lambda release: (languages.index(release.lang), release.path))
        first = versions[0]
        for twin in versions[1:]:
            if twin.lang == first.lang:
                continue  # already reported as a clash
            for name, value in SHARED_FIELDS.items():
                if value(twin) != value(first):
                    problems.append(Problem(
                        twin.path, name,
                        f"{_show(name, twin)} disagrees with its twin {first.path} ({_show(name, first)}); "
                        + AGREEMENT.get(name, f"the language versions of one release share their {name}"),
                    ))
    return problems


def group(items: Iterable[T], release_of=lambda item: item) -> list[Group[T]]:
    """Group items (releases, or objects carrying one) by translation key, newest first.

    Items in one language that share a key must have been rejected by `check` first.
    """
    by_key: dict[str, dict[str, T]] = defaultdict(dict)
    for item in items:
        release = release_of(item)
        by_key[release.group_key].setdefault(release.lang, item)
    groups = [Group(key, versions) for key, versions in by_key.items()]
    groups.sort(key=lambda g: max((release_of(item).date, release_of(item).path) for item in g.versions.values()), reverse=True)
    return groups


def _clashes(releases: list[Release], name: str, value_of, noun: str) -> list[Problem]:
    seen: dict[tuple[str, str], Release] = {}
    problems = []
    for release in releases:
        value = value_of(release)
        if value is None:
            continue
        other = seen.setdefault((release.lang, value), release)
        if other is not release:
            problems.append(Problem(
                release.path, name,
                f"'{value}' is also the {noun} of {other.path} in the same language ('{release.lang}'); "
                "each release needs its own",
            ))
    return problems


def _old_addresses_taken(releases: list[Release]) -> list[Problem]:
    """Old URL names (`aliases`) that another release of the language has: as its URL name, or as
    an old one too. An address leads to one release; the line goes to the file whose alias it is
    (the later one, of two aliases), and names the other."""
    names = {(release.lang, release.slug): release for release in releases if release.slug is not None}
    seen: dict[tuple[str, str], Release] = {}
    problems = []
    for release in releases:
        for alias in release.aliases:
            key = (release.lang, alias)
            owner = names.get(key)
            if owner is not None and owner is not release:
                problems.append(Problem(release.path, "aliases", (
                    f"'{alias}' is the URL name of {owner.path} in the same language ('{release.lang}'); "
                    "an old address leads to one release only, take it out of aliases")))
                continue
            other = seen.setdefault(key, release)
            if other is not release:
                problems.append(Problem(release.path, "aliases", (
                    f"'{alias}' is also an old URL name of {other.path} in the same language ('{release.lang}'); "
                    "an old address leads to one release only, keep it in one of them")))
    return problems


def _namesakes_apart(releases: list[Release], languages: tuple[str, ...]) -> list[Problem]:
    """Files named alike but for their language whose translation keys say they are not one release."""
    by_name: dict[str, list[Release]] = defaultdict(list)
    for release in releases:
        by_name[slugs.namesake(release.path)].append(release)
    problems = []
    for namesakes in by_name.values():
        namesakes.sort(key=lambda release: (languages.index(release.lang) if release.lang in languages else len(languages), release.path))
        first = namesakes[0]
        for other in namesakes[1:]:
            if other.lang != first.lang and other.translation_key != first.translation_key:
                show = lambda key: f"'{key}'" if key else "none"  # noqa: E731
                problems.append(Problem(other.path, "translation_key", (
                    f"{show(other.translation_key)} is not the key of its namesake {first.path} ({show(first.translation_key)}); "
                    "files named alike but for the language are one release: give them the same translation_key, or none")))
    return problems


def _show(name: str, release: Release) -> str:
    value = SHARED_FIELDS[name](release)
    if isinstance(value, frozenset):
        return "[" + ", ".join(sorted(value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "event_dates" and value is not None:
        return str(release.event_dates)  # as the file writes it
    return "none" if value is None else str(value)
