"""The plan of the list pages: which exist in each language, their URLs, pages and alternates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from newsroom import pages, pairing
from newsroom.frontmatter import Release
from newsroom.pages import Listing
from newsroom.registry import Entry

LANGUAGES = ("en", "ka")


@dataclass(frozen=True)
class Item:
    """What the generator hands to `pages`: an article with its release and URL."""

    release: Release
    url: str


def item(key: str | None, lang: str, date: datetime.date, partners=("eu",), funded_by=(), topics=(), slug=None) -> Item:
    slug = slug or key
    release = Release(
        path=f"content/releases/{date.year}/{date.isoformat()}-{slug}.{lang}.md",
        title=f"{slug} ({lang})",
        date=datetime.datetime.combine(date, datetime.time()),
        lang=lang,
        slug=slug,
        partners=tuple(partners),
        funded_by=tuple(funded_by),
        translation_key=key,
        topics=tuple(topics),
    )
    return Item(release, f"{lang}/news/{slug}/")


def entry(key: str, en: str, ka: str) -> Entry:
    return Entry(key, (("en", en), ("ka", ka)))


# The registries in their file order, which is not alphabetical: partner and topic pages follow it,
# their index pages the alphabet of each language.
PARTNERS = {
    "mia": entry("mia", "Ministry of Internal Affairs", "შინაგან საქმეთა სამინისტრო"),
    "eu": entry("eu", "European Union", "ევროკავშირი"),
    "ncdc": entry("ncdc", "NCDC", "დაავადებათა კონტროლის ცენტრი"),
    "unused": entry("unused", "Unused", "გამოუყენებელი"),
}
TOPICS = {
    "health": entry("health", "Migration health", "მიგრაცია და ჯანმრთელობა"),
    "border": entry("border", "Border management", "საზღვრის მართვა"),
}
REGISTRIES = {"partner": PARTNERS, "topic": TOPICS}

# A: in both languages; B: English only; C: Georgian only.
A_EN = item("tablets", "en", datetime.date(2018, 6, 6), partners=["mia"], funded_by=["eu"], topics=["health"])
A_KA = item("tablets", "ka", datetime.date(2018, 6, 6), partners=["mia"], funded_by=["eu"], topics=["health"])
B_EN = item("disaster-day", "en", datetime.date(2017, 10, 13), partners=["eu"])
C_KA = item(None, "ka", datetime.date(2018, 1, 10), partners=["ncdc"], slug="kutaisi")
ITEMS = [B_EN, C_KA, A_KA, A_EN]


def release_of(item: Item) -> Release:
    return item.release


def groups(items=ITEMS) -> list[pairing.Group]:
    return pairing.group(items, release_of=release_of)


def plan(untranslated: str, per_page: int = 2, items=ITEMS) -> list[pages.ListPage]:
    return pages.plan(groups(items), release_of, REGISTRIES, LANGUAGES, untranslated, per_page)


def find(plan: list[pages.ListPage], url: str) -> pages.ListPage:
    (page,) = [page for page in plan if page.url == url]
    return page


# -- URLs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "lang", "key", "number", "url"),
    [
        ("home", "en", None, 1, "en/"),
        ("home", "en", None, 2, "en/page/2/"),
        ("home", "ka", None, 10, "ka/page/10/"),
        ("partners", "ka", None, 1, "ka/partners/"),
        ("partner", "en", "eu", 1, "en/partners/eu/"),
        ("partner", "ka", "eu", 3, "ka/partners/eu/page/3/"),
        ("topics", "en", None, 1, "en/topics/"),
        ("topic", "ka", "health", 1, "ka/topics/health/"),
        ("archive", "en", None, 1, "en/archive/"),
        ("year", "en", "2018", 1, "en/archive/2018/"),
        ("year", "ka", "2018", 2, "ka/archive/2018/page/2/"),
    ],
)
def test_url_of(kind: str, lang: str, key: str | None, number: int, url: str) -> None:
    assert pages.url_of(kind, lang, key, number) == url


@pytest.mark.parametrize(("url", "path"), [("en/", "en/index.html"), ("ka/archive/2018/page/2/", "ka/archive/2018/page/2/index.html")])
def test_save_as(url: str, path: str) -> None:
    assert pages.save_as(url) == path


# -- listings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "untranslated", "expected"),
    [
        ("en", "list", (Listing(A_EN, False), Listing(C_KA, True), Listing(B_EN, False))),
        ("ka", "list", (Listing(A_KA, False), Listing(C_KA, False), Listing(B_EN, True))),
        ("en", "hide", (Listing(A_EN, False), Listing(B_EN, False))),
        ("ka", "hide", (Listing(A_KA, False), Listing(C_KA, False))),
    ],
)
def test_listings(lang: str, untranslated: str, expected: tuple[Listing, ...]) -> None:
    assert pages.listings(groups(), lang, LANGUAGES, untranslated) == expected


def test_listings_of_nothing() -> None:
    assert pages.listings([], "en", LANGUAGES, "list") == ()


# -- collections -------------------------------------------------------------------------------


def test_collections_follow_the_registries_then_years_newest_first() -> None:
    found = pages.collections(groups(), release_of, PARTNERS, TOPICS)
    a, c, b = groups()
    assert [(collection.kind, collection.key, collection.groups) for collection in found] == [
        ("home", None, (a, c, b)),
        ("partner", "mia", (a,)),
        ("partner", "eu", (a, b)),  # a funder has a page too
        ("partner", "ncdc", (c,)),
        ("topic", "health", (a,)),
        ("year", "2018", (a, c)),
        ("year", "2017", (b,)),
    ]


def test_collections_years_sort_newest_first_across_decades() -> None:
    items = [item(None, "en", datetime.date(year, 1, 1), slug=f"y{year}") for year in (2009, 2021, 2010, 2019)]
    found = pages.collections(groups(items), release_of, PARTNERS, TOPICS)
    assert [collection.key for collection in found if collection.kind == "year"] == ["2021", "2019", "2010", "2009"]


# -- plan --------------------------------------------------------------------------------------

PLAN_URLS = {
    "list": [
        "en/",
        "en/page/2/",
        "ka/",
        "ka/page/2/",
        "en/partners/mia/",
        "ka/partners/mia/",
        "en/partners/eu/",
        "ka/partners/eu/",
        "en/partners/ncdc/",
        "ka/partners/ncdc/",
        "en/topics/health/",
        "ka/topics/health/",
        "en/archive/2018/",
        "ka/archive/2018/",
        "en/archive/2017/",
        "ka/archive/2017/",
        "en/partners/",
        "ka/partners/",
        "en/topics/",
        "ka/topics/",
        "en/archive/",
        "ka/archive/",
        "en/search/",
        "ka/search/",
    ],
    # no English page for the Georgian-only release's partner, no Georgian page for 2017
    "hide": [
        "en/",
        "ka/",
        "en/partners/mia/",
        "ka/partners/mia/",
        "en/partners/eu/",
        "ka/partners/eu/",
        "ka/partners/ncdc/",
        "en/topics/health/",
        "ka/topics/health/",
        "en/archive/2018/",
        "ka/archive/2018/",
        "en/archive/2017/",
        "en/partners/",
        "ka/partners/",
        "en/topics/",
        "ka/topics/",
        "en/archive/",
        "ka/archive/",
        "en/search/",
        "ka/search/",
    ],
}


@pytest.mark.parametrize("untranslated", ["list", "hide"])
def test_plan_pages(untranslated: str) -> None:
    found = plan(untranslated)
    assert [page.url for page in found] == PLAN_URLS[untranslated]
    assert [page.save_as for page in found] == [url + "index.html" for url in PLAN_URLS[untranslated]]
    assert all(page.url.startswith(f"{page.lang}/") for page in found)


@pytest.mark.parametrize(
    ("untranslated", "url", "kind", "key", "listings"),
    [
        ("list", "en/", "home", None, (Listing(A_EN, False), Listing(C_KA, True))),
        ("list", "en/page/2/", "home", None, (Listing(B_EN, False),)),
        ("list", "ka/", "home", None, (Listing(A_KA, False), Listing(C_KA, False))),
        ("list", "ka/page/2/", "home", None, (Listing(B_EN, True),)),
        ("list", "ka/partners/eu/", "partner", "eu", (Listing(A_KA, False), Listing(B_EN, True))),
        ("list", "en/partners/ncdc/", "partner", "ncdc", (Listing(C_KA, True),)),
        ("list", "ka/archive/2017/", "year", "2017", (Listing(B_EN, True),)),
        ("hide", "en/", "home", None, (Listing(A_EN, False), Listing(B_EN, False))),
        ("hide", "ka/", "home", None, (Listing(A_KA, False), Listing(C_KA, False))),
        ("hide", "ka/partners/eu/", "partner", "eu", (Listing(A_KA, False),)),
        ("hide", "ka/archive/2018/", "year", "2018", (Listing(A_KA, False), Listing(C_KA, False))),
    ],
)
def test_plan_listings(untranslated: str, url: str, kind: str, key: str | None, listings: tuple[Listing, ...]) -> None:
    page = find(plan(untranslated), url)
    assert (page.kind, page.key, page.template, page.listings, page.entries) == (kind, key, kind, listings, ())


@pytest.mark.parametrize(
    ("url", "number", "count", "previous_url", "next_url"),
    [
        ("en/", 1, 2, None, "en/page/2/"),
        ("en/page/2/", 2, 2, "en/", None),
        ("ka/", 1, 2, None, "ka/page/2/"),
        ("ka/page/2/", 2, 2, "ka/", None),
        ("en/partners/eu/", 1, 1, None, None),
    ],
)
def test_plan_pagination(url: str, number: int, count: int, previous_url: str | None, next_url: str | None) -> None:
    page = find(plan("list"), url)
    assert (page.number, page.count, page.previous_url, page.next_url) == (number, count, previous_url, next_url)


def test_plan_pagination_of_many_pages() -> None:
    items = [item(None, "en", datetime.date(2018, 1, day), slug=f"r{day:02}") for day in range(1, 8)]
    home = [page for page in plan("hide", per_page=3, items=items) if page.kind == "home" and page.lang == "en"]
    assert [(page.url, page.previous_url, page.next_url, page.number, page.count) for page in home] == [
        ("en/", None, "en/page/2/", 1, 3),
        ("en/page/2/", "en/", "en/page/3/", 2, 3),
        ("en/page/3/", "en/page/2/", None, 3, 3),
    ]
    assert [[listing.item.release.slug for listing in page.listings] for page in home] == [
        ["r07", "r06", "r05"],
        ["r04", "r03", "r02"],
        ["r01"],
    ]


@pytest.mark.parametrize(("count", "per_page", "pages_"), [(1, 10, 1), (10, 10, 1), (11, 10, 2), (20, 10, 2), (21, 10, 3), (3, 1, 3)])
def test_paginate_count(count: int, per_page: int, pages_: int) -> None:
    shown = tuple(Listing(index, False) for index in range(count))
    found = pages.paginate("home", None, "en", shown, per_page)
    assert [page.count for page in found] == [pages_] * pages_
    assert tuple(listing for page in found for listing in page.listings) == shown


@pytest.mark.parametrize(
    ("untranslated", "url", "alternates"),
    [
        ("list", "en/", {"en": "en/", "ka": "ka/"}),
        ("list", "ka/page/2/", {"en": "en/page/2/", "ka": "ka/page/2/"}),
        ("list", "en/partners/ncdc/", {"en": "en/partners/ncdc/", "ka": "ka/partners/ncdc/"}),
        ("list", "en/partners/", {"en": "en/partners/", "ka": "ka/partners/"}),
        ("list", "ka/archive/2017/", {"en": "en/archive/2017/", "ka": "ka/archive/2017/"}),
        ("hide", "en/", {"en": "en/", "ka": "ka/"}),
        ("hide", "ka/partners/ncdc/", {"ka": "ka/partners/ncdc/"}),  # no English page to pair with
        ("hide", "en/archive/2017/", {"en": "en/archive/2017/"}),
        ("hide", "ka/archive/2018/", {"en": "en/archive/2018/", "ka": "ka/archive/2018/"}),
        ("hide", "ka/topics/", {"en": "en/topics/", "ka": "ka/topics/"}),
    ],
)
def test_plan_alternates(untranslated: str, url: str, alternates: dict[str, str]) -> None:
    assert find(plan(untranslated), url).alternates == alternates


def test_plan_alternates_pair_page_numbers_not_just_kinds() -> None:
    # 3 English releases and 1 Georgian: the English home has a page 2, the Georgian does not
    items = [item(None, "en", datetime.date(2018, 1, day), slug=f"r{day}") for day in (1, 2, 3)]
    items.append(item(None, "ka", datetime.date(2018, 1, 4), slug="k"))
    found = plan("hide", items=items)
    assert find(found, "en/page/2/").alternates == {"en": "en/page/2/"}
    assert find(found, "en/").alternates == find(found, "ka/").alternates == {"en": "en/", "ka": "ka/"}


@pytest.mark.parametrize(
    ("untranslated", "url", "entries"),
    [
        # in the alphabet of the page's language: European, Ministry, NCDC; დაავადებათა, ევროკავშირი, შინაგან
        ("list", "en/partners/", ((PARTNERS["eu"], 2), (PARTNERS["mia"], 1), (PARTNERS["ncdc"], 1))),
        ("list", "ka/partners/", ((PARTNERS["ncdc"], 1), (PARTNERS["eu"], 2), (PARTNERS["mia"], 1))),
        ("list", "en/topics/", ((TOPICS["health"], 1),)),
        ("list", "en/archive/", (("2018", 2), ("2017", 1))),
        ("list", "ka/archive/", (("2018", 2), ("2017", 1))),
        ("hide", "en/partners/", ((PARTNERS["eu"], 2), (PARTNERS["mia"], 1))),
        ("hide", "ka/partners/", ((PARTNERS["ncdc"], 1), (PARTNERS["eu"], 1), (PARTNERS["mia"], 1))),
        ("hide", "ka/topics/", ((TOPICS["health"], 1),)),
        ("hide", "en/archive/", (("2018", 1), ("2017", 1))),
        ("hide", "ka/archive/", (("2018", 2),)),
    ],
)
def test_plan_index_entries(untranslated: str, url: str, entries: tuple) -> None:
    page = find(plan(untranslated), url)
    assert (page.listings, page.entries, page.number, page.count, page.previous_url, page.next_url) == ((), entries, 1, 1, None, None)


def test_plan_hide_leaves_out_a_language_with_no_releases() -> None:
    found = plan("hide", items=[B_EN])
    assert [page.url for page in found] == [
        "en/", "ka/", "en/partners/eu/", "en/archive/2017/",
        "en/partners/", "ka/partners/", "en/topics/", "ka/topics/", "en/archive/", "ka/archive/", "en/search/", "ka/search/",
    ]
    assert [page.entries for page in found if page.lang == "ka"] == [(), (), (), (), ()]
    assert [page.alternates for page in found if page.key] == [{"en": "en/partners/eu/"}, {"en": "en/archive/2017/"}]


def test_plan_of_no_releases_has_empty_home_and_index_pages_in_every_language() -> None:
    # every page's navigation links to them, so they exist even before the first release
    found = plan("list", items=[])
    assert [(page.url, page.listings, page.entries) for page in found] == [
        (url, (), ()) for url in ("en/", "ka/", "en/partners/", "ka/partners/", "en/topics/", "ka/topics/", "en/archive/", "ka/archive/", "en/search/", "ka/search/")
    ]
