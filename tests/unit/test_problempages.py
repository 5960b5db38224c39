"""The live preview's pages about problems: where a broken release's page goes, and what it lists."""

from __future__ import annotations

import pytest

from newsroom import problempages
from newsroom.errors import Problem
from newsroom.problempages import AtAddress

URL = "{lang}/news/{slug}/"
LANGUAGES = ("en", "ka")


@pytest.mark.parametrize(("path", "expected"), [
    ("content/releases/2018/2018-06-06-eu-tablets.en.md", ("en", "en/news/eu-tablets/")),
    ("content/releases/2018/2018-06-06-ევროკავშირი.ka.md", ("ka", "ka/news/evrokavshiri/")),
    ("content/releases/2018/2018-12-film-festival.en.md", ("en", "en/news/film-festival/")),
    ("content/releases/2018/2018-archive-photos.en.md", ("en", "en/news/archive-photos/")),
    ("content/releases/2018/2018-06-06-eu-tablets.md", None),  # no language in the name
    ("content/releases/2018/2018-06-06-eu-tablets.fr.md", None),  # not a site language
    ("content/releases/2018/2018-06-06.en.md", None),  # no words for a URL name
    ("content/partners.yml", None),
])
def test_the_address_of_a_file_that_did_not_read_is_made_from_its_name(path, expected):
    assert problempages.from_name(path, LANGUAGES, URL) == expected


def test_an_address_pattern_with_other_fields_gives_no_address():
    assert problempages.from_name("content/releases/2018/2018-06-06-eu.en.md", LANGUAGES, "{date:%Y}/{lang}/{slug}/") is None


TYPO = Problem("content/releases/2018/2018-06-06-eu-tablets.en.md", "partners", "unknown partner 'mai'")
TWIN = Problem("content/releases/2018/2018-06-06-eu-tablets.ka.md", "partners", "[mia] disagrees with its twin")
TITLE = Problem("content/releases/2018/2018-06-06-eu-tablets.en.md", "title", "missing")
REGISTRY = Problem("content/partners.yml", "mia", "has no name")


def test_each_broken_release_gets_a_page_at_its_address_with_its_problems_in_order():
    read = {TWIN.path: ("ka", "ka/news/renamed/")}  # read: the address its front-matter gives
    assert problempages.at_addresses([TYPO, REGISTRY, TWIN, TITLE, TYPO], read, LANGUAGES, URL, set()) == [
        AtAddress("en/news/eu-tablets/", "en", TYPO.path, (TYPO, TITLE)),
        AtAddress("ka/news/renamed/", "ka", TWIN.path, (TWIN,)),
    ]


def test_a_page_about_problems_never_replaces_a_page_of_the_site():
    assert problempages.at_addresses([TYPO], {}, LANGUAGES, URL, {"en/news/eu-tablets/"}) == []


def test_two_broken_files_at_one_address_share_its_page():
    other = Problem("content/releases/2019/2019-01-01-eu-tablets.en.md", "date", "not a date")
    (page,) = problempages.at_addresses([TYPO, other], {}, LANGUAGES, URL, set())
    assert (page.url, page.path, page.problems) == ("en/news/eu-tablets/", TYPO.path, (TYPO, other))


def test_problems_by_file():
    assert problempages.by_file([TWIN, TYPO, REGISTRY, TITLE, TWIN]) == {
        REGISTRY.path: (REGISTRY,), TYPO.path: (TYPO, TITLE), TWIN.path: (TWIN,)}
