"""The plan of every list page in every language: what it lists, where it lives, what it links to.

Pure: paired releases in, `ListPage`s out. The generator renders them; the sitemap lists them.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .pairing import Group


class Listing(NamedTuple):
    """One release as a list in `lang` shows it; `foreign` when it exists only in another language.
    (A tuple: a site of 5,000 releases makes some 100,000 of them at every build and refresh.)"""

    item: Any
    foreign: bool


@dataclass(frozen=True)
class Collection:
    """A set of releases with pages in every language: the home page, one partner, one year, …"""

    kind: str
    key: str | None
    groups: tuple[Group, ...]


@dataclass
class ListPage:
    """One page of a collection in one language (or an index page of partners, topics, years)."""

    kind: str
    key: str | None
    lang: str
    url: str
    save_as: str
    listings: tuple[Listing, ...] = ()
    entries: tuple[tuple[Any, int], ...] = ()
    number: int = 1
    count: int = 1
    previous_url: str | None = None
    next_url: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    links: Any = None

    @property
    def template(self) -> str:
        return self.kind


# Where each kind of page lives, relative to the site root; `{lang}` and `{key}` are filled in.
URLS = {
    "home": "{lang}/",
    "partners": "{lang}/partners/",
    "partner": "{lang}/partners/{key}/",
    "topics": "{lang}/topics/",
    "topic": "{lang}/topics/{key}/",
    "archive": "{lang}/archive/",
    "year": "{lang}/archive/{key}/",
    "search": "{lang}/search/",
}
PAGE_SUFFIX = "page/{number}/"
# The index page that lists the collections of each kind.
INDEX_OF = {"partner": "partners", "topic": "topics", "year": "archive"}


def url_of(kind: str, lang: str, key: str | None = None, number: int = 1) -> str:
    url = URLS[kind].format(lang=lang, key=key)
    return url if number == 1 else url + PAGE_SUFFIX.format(number=number)


def save_as(url: str) -> str:
    return url + "index.html"


def listings(groups: Iterable[Group], lang: str, languages: Sequence[str], untranslated: str) -> tuple[Listing, ...]:
    """What a list in `lang` shows: each release in `lang`, else (policy 'list') in its own language."""
    shown = []
    for group in groups:
        item = group.versions.get(lang)
        if item is not None:
            shown.append(Listing(item, False))
        elif untranslated == "list":
            shown.append(Listing(group.version(lang, languages), True))
    return tuple(shown)


def collections(
    groups: Sequence[Group],
    release_of: Callable[[Any], Any],
    partners: Mapping[str, Any],
    topics: Mapping[str, Any],
) -> list[Collection]:
    """The home page, and a collection per partner, topic and year that has releases."""
    def releases(group: Group):
        return [release_of(item) for item in group.versions.values()]

    found: dict[tuple[str, str], list[Group]] = {}
    for group in groups:
        keys = set()
        for release in releases(group):
            keys.update(("partner", key) for key in (*release.partners, *release.funded_by))
            keys.update(("topic", key) for key in release.topics)
            keys.add(("year", str(release.date.year)))
        for key in keys:
            found.setdefault(key, []).append(group)
    order = {"partner": list(partners), "topic": list(topics)}
    result = [Collection("home", None, tuple(groups))]
    for kind in ("partner", "topic", "year"):
        keys = [key for (k, key) in found if k == kind]
        if kind == "year":
            keys.sort(reverse=True)
        else:
            keys.sort(key=order[kind].index)
        result += [Collection(kind, key, tuple(found[(kind, key)])) for key in keys]
    return result


def plan(
    groups: Sequence[Group],
    release_of: Callable[[Any], Any],
    registries: Mapping[str, Mapping[str, Any]],
    languages: Sequence[str],
    untranslated: str,
    per_page: int,
) -> list[ListPage]:
    """Every list page of the site in every language, with alternates between languages."""
    pages: list[ListPage] = []
    indexes: dict[tuple[str, str], list[tuple[Any, int]]] = {}
    for collection in collections(groups, release_of, registries["partner"], registries["topic"]):
        for lang in languages:
            shown = listings(collection.groups, lang, languages, untranslated)
            if not shown and collection.kind != "home":  # a home page exists even when empty
                continue
            pages += paginate(collection.kind, collection.key, lang, shown, per_page)
            if collection.kind in INDEX_OF:
                entry = registries[collection.kind][collection.key] if collection.kind in registries else collection.key
                indexes.setdefault((INDEX_OF[collection.kind], lang), []).append((entry, len(shown)))
    for (kind, lang), entries in indexes.items():  # partners and topics in the alphabet of the page's language
        if kind != INDEX_OF["year"]:
            entries.sort(key=lambda found: alphabetical(found[0].name(lang)))
    # Index and search pages exist in every language, even empty: the navigation links to them.
    for kind in (*INDEX_OF.values(), "search"):
        for lang in languages:
            url = url_of(kind, lang)
            pages.append(ListPage(kind, None, lang, url, save_as(url), entries=tuple(indexes.get((kind, lang), ()))))
    link_alternates(pages)
    return pages


def alphabetical(name: str) -> str:
    """A name's place in its language's alphabet: letters without their accents, small and capital
    alike (Georgian's letters are in the alphabet's order in Unicode, Mtavruli as Mkhedruli)."""
    return "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)).casefold()


def paginate(kind: str, key: str | None, lang: str, shown: tuple[Listing, ...], per_page: int) -> list[ListPage]:
    count = max(1, math.ceil(len(shown) / per_page))
    urls = [url_of(kind, lang, key, number) for number in range(1, count + 1)]
    return [
        ListPage(
            kind, key, lang, urls[number - 1], save_as(urls[number - 1]),
            listings=shown[(number - 1) * per_page : number * per_page],
            number=number, count=count,
            previous_url=urls[number - 2] if number > 1 else None,
            next_url=urls[number] if number < count else None,
        )
        for number in range(1, count + 1)
    ]


def link_alternates(pages: Iterable[ListPage]) -> None:
    """Give each page the URLs of the same page (kind, key, number) in every language that has it."""
    pages = list(pages)
    by_identity: dict[tuple, dict[str, str]] = {}
    for page in pages:
        by_identity.setdefault((page.kind, page.key, page.number), {})[page.lang] = page.url
    for page in pages:
        page.alternates = by_identity[(page.kind, page.key, page.number)]
