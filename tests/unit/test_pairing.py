"""Translation pairing: clashes within a language, twins that disagree, groups newest first."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from newsroom import pairing
from newsroom.dates import Schedule
from newsroom.frontmatter import Release

LANGUAGES = ("en", "ka")
D = "content/releases/2018"


def release(name: str, lang: str, **fields) -> Release:
    """A valid release in `lang` from `D/<name>.<lang>.md`; the slug is the name less its date."""
    values = {
        "path": f"{D}/{name}.{lang}.md",
        "title": f"{name} ({lang})",
        "date": datetime.datetime(2018, 6, 6),
        "lang": lang,
        "slug": name[11:] or name,
        "partners": ("eu",),
        **fields,
    }
    return Release(**values)


def events(*spans: str) -> Schedule:
    """A schedule from spans written as the front-matter writes them: `2018-03-06` or `start/end`."""
    days = [tuple(datetime.date.fromisoformat(day) for day in (span.split("/") * 2)[:2]) for span in spans]
    return Schedule(tuple(days))


def messages(*releases: Release) -> list[str]:
    return [str(problem) for problem in pairing.check(releases, LANGUAGES)]


# -- check: clashes within one language --------------------------------------------------------


def test_check_a_translation_key_shared_in_one_language_names_both_files() -> None:
    first = release("2018-06-06-eu-tablets", "en", translation_key="eu-tablets")
    second = release("2018-06-07-eu-tablets-again", "en", translation_key="eu-tablets")
    assert messages(second, first) == [
        f"{D}/2018-06-07-eu-tablets-again.en.md: 'translation_key': 'eu-tablets' is also the translation key of "
        f"{D}/2018-06-06-eu-tablets.en.md in the same language ('en'); each release needs its own"
    ]


def test_check_a_slug_shared_in_one_language_names_both_files() -> None:
    first = release("2018-06-06-eu-tablets", "ka")
    second = release("2018-06-07-eu-tablets", "ka")
    assert messages(first, second) == [
        f"{D}/2018-06-07-eu-tablets.ka.md: 'slug': 'eu-tablets' is also the URL name of "
        f"{D}/2018-06-06-eu-tablets.ka.md in the same language ('ka'); each release needs its own"
    ]


def test_check_three_files_sharing_a_key_give_two_problems() -> None:
    releases = [release(f"2018-06-0{day}-tablets-{day}", "en", translation_key="eu-tablets") for day in (1, 2, 3)]
    assert messages(*releases) == [
        f"{D}/2018-06-0{day}-tablets-{day}.en.md: 'translation_key': 'eu-tablets' is also the translation key of "
        f"{D}/2018-06-01-tablets-1.en.md in the same language ('en'); each release needs its own"
        for day in (2, 3)
    ]


@pytest.mark.parametrize(
    "releases",
    [
        # the same slug and key in two languages: the language versions of one release
        [release("2018-06-06-eu-tablets", "en", translation_key="eu-tablets"), release("2018-06-06-eu-tablets", "ka", translation_key="eu-tablets")],
        # named alike but for the language, without keys: twins, as Hugo pairs them
        [release("2018-06-06-eu-tablets", "en"), release("2018-06-06-eu-tablets", "ka")],
        # the same slug in two languages, from differently named files: not translations of each other
        [release("2018-06-06-eu-tablets", "en"), release("2019-01-01-eu-tablets", "ka", date=datetime.datetime(2019, 1, 1))],
        # no translation key at all
        [release("2018-06-06-eu-tablets", "en"), release("2018-06-07-women-police", "en")],
        [],
    ],
)
def test_check_accepts(releases: list[Release]) -> None:
    assert messages(*releases) == []


# -- check: old addresses (aliases) that lead to another release -------------------------------

TAKE_OUT = "an old address leads to one release only, take it out of aliases"
KEEP_ONE = "an old address leads to one release only, keep it in one of them"


@pytest.mark.parametrize(
    ("releases", "expected"),
    [
        # another release's URL name: the line goes to the alias, naming the release that has it
        (
            [release("2018-06-06-eu-tablets", "en", aliases=("women-police",)), release("2018-03-09-women-police", "en")],
            [f"{D}/2018-06-06-eu-tablets.en.md: 'aliases': 'women-police' is the URL name of {D}/2018-03-09-women-police.en.md "
             f"in the same language ('en'); {TAKE_OUT}"],
        ),
        # another release's old URL name: the later file's line names the earlier
        (
            [release("2018-06-06-eu-tablets", "ka", aliases=("tablets",)), release("2018-03-09-women-police", "ka", aliases=("tablets", "police"))],
            [f"{D}/2018-06-06-eu-tablets.ka.md: 'aliases': 'tablets' is also an old URL name of {D}/2018-03-09-women-police.ka.md "
             f"in the same language ('ka'); {KEEP_ONE}"],
        ),
        # three releases with one old URL name: two lines
        (
            [release(f"2018-06-0{day}-tablets-{day}", "en", aliases=("tablets",)) for day in (1, 2, 3)],
            [f"{D}/2018-06-0{day}-tablets-{day}.en.md: 'aliases': 'tablets' is also an old URL name of {D}/2018-06-01-tablets-1.en.md "
             f"in the same language ('en'); {KEEP_ONE}" for day in (2, 3)],
        ),
        # in another language, the name is another address
        ([release("2018-06-06-eu-tablets", "en", aliases=("women-police",)), release("2018-03-09-women-police", "ka")], []),
        ([release("2018-06-06-eu-tablets", "en", aliases=("tablets",)), release("2018-06-06-eu-tablets", "ka", aliases=("tablets",))], []),
        # a release's own name is refused when its file is read (frontmatter), not here again
        ([release("2018-06-06-eu-tablets", "en", aliases=("eu-tablets",))], []),
    ],
    ids=["another-release", "another-alias", "three", "other-language", "twins", "own"],
)
def test_check_old_addresses(releases: list[Release], expected: list[str]) -> None:
    assert messages(*releases) == expected


# -- check: twins that disagree ----------------------------------------------------------------

EN = f"{D}/2018-06-06-eu-tablets.en.md"
KA = f"{D}/2018-06-06-eu-tablets.ka.md"
SHARE = "the language versions of one release share their"
WITHDRAWN = "the language versions of one release are withdrawn together, on the same day"


def twins(en: dict, ka: dict) -> list[str]:
    return messages(
        release("2018-06-06-eu-tablets", "en", translation_key="eu-tablets", **en),
        release("2018-06-06-eu-tablets", "ka", translation_key="eu-tablets", **ka),
    )


@pytest.mark.parametrize(
    ("en", "ka", "expected"),
    [
        (
            {},
            {"date": datetime.datetime(2018, 6, 7)},
            [f"{KA}: 'date': 2018-06-07 disagrees with its twin {EN} (2018-06-06); {SHARE} date"],
        ),
        (
            {"partners": ("eu", "mia")},
            {"partners": ("eu",)},
            [f"{KA}: 'partners': [eu] disagrees with its twin {EN} ([eu, mia]); {SHARE} partners"],
        ),
        (
            {"partners": ("mia", "eu")},
            {"partners": ("ncdc", "eu")},
            [f"{KA}: 'partners': [eu, ncdc] disagrees with its twin {EN} ([eu, mia]); {SHARE} partners"],
        ),
        (
            {"funded_by": ("eu",)},
            {},
            [f"{KA}: 'funded_by': [] disagrees with its twin {EN} ([eu]); {SHARE} funded_by"],
        ),
        (
            {"event_dates": events("2018-03-06/2018-03-09")},
            {"event_dates": events("2018-03-06")},
            [f"{KA}: 'event_dates': 2018-03-06 disagrees with its twin {EN} (2018-03-06/2018-03-09); {SHARE} event_dates"],
        ),
        (
            {"event_dates": events("2018-03-06")},
            {},
            [f"{KA}: 'event_dates': none disagrees with its twin {EN} (2018-03-06); {SHARE} event_dates"],
        ),
        (
            {"event_dates": events("2018-12-14", "2018-12-15", "2018-12-17/2018-12-18")},
            {"event_dates": events("2018-12-14/2018-12-18")},
            [f"{KA}: 'event_dates': 2018-12-14/2018-12-18 disagrees with its twin {EN} "
             f"([2018-12-14, 2018-12-15, 2018-12-17/2018-12-18]); {SHARE} event_dates"],
        ),
        # the date as far as it is known: its precision and whether it is approximate too
        (
            {"date": datetime.datetime(2018, 12, 1), "date_precision": "month"},
            {"date": datetime.datetime(2018, 12, 1)},
            [f"{KA}: 'date': 2018-12-01 disagrees with its twin {EN} (2018-12); {SHARE} date"],
        ),
        (
            {"date": datetime.datetime(2018, 1, 1), "date_precision": "year"},
            {"date": datetime.datetime(2018, 12, 1), "date_precision": "month"},
            [f"{KA}: 'date': 2018-12 disagrees with its twin {EN} (2018); {SHARE} date"],
        ),
        (
            {"date_approximate": True},
            {},
            [f"{KA}: 'date_approximate': false disagrees with its twin {EN} (true); {SHARE} date_approximate"],
        ),
        (
            {},
            {"date": datetime.datetime(2018, 6, 7), "partners": ("mia",), "funded_by": ("eu",)},
            [
                f"{KA}: 'date': 2018-06-07 disagrees with its twin {EN} (2018-06-06); {SHARE} date",
                f"{KA}: 'partners': [mia] disagrees with its twin {EN} ([eu]); {SHARE} partners",
                f"{KA}: 'funded_by': [eu] disagrees with its twin {EN} ([]); {SHARE} funded_by",
            ],
        ),
        # agreement
        ({"partners": ("eu", "mia")}, {"partners": ("mia", "eu")}, []),  # order does not matter
        ({"funded_by": ("eu", "mia")}, {"funded_by": ("mia", "eu")}, []),
        ({"date": datetime.datetime(2018, 6, 6, 9, 0)}, {"date": datetime.datetime(2018, 6, 6, 17, 30)}, []),  # same day
        ({"date": datetime.datetime(2018, 12, 1), "date_precision": "month", "date_approximate": True},
         {"date": datetime.datetime(2018, 12, 1), "date_precision": "month", "date_approximate": True}, []),
        # the same days, written otherwise
        ({"event_dates": events("2018-12-14", "2018-12-15")}, {"event_dates": events("2018-12-14/2018-12-15")}, []),
        # withdrawn: the release as a whole, on one day
        (
            {"withdrawn": datetime.datetime(2019, 2, 1)},
            {},
            [f"{KA}: 'withdrawn': none disagrees with its twin {EN} (2019-02-01); {WITHDRAWN}"],
        ),
        (
            {},
            {"withdrawn": datetime.datetime(2019, 2, 1)},
            [f"{KA}: 'withdrawn': 2019-02-01 disagrees with its twin {EN} (none); {WITHDRAWN}"],
        ),
        (
            {"withdrawn": datetime.datetime(2019, 2, 1)},
            {"withdrawn": datetime.datetime(2019, 2, 2)},
            [f"{KA}: 'withdrawn': 2019-02-02 disagrees with its twin {EN} (2019-02-01); {WITHDRAWN}"],
        ),
        ({"withdrawn": datetime.datetime(2019, 2, 1, 9, 0)}, {"withdrawn": datetime.datetime(2019, 2, 1)}, []),  # the same day
        # what the versions may differ in
        (
            {"title": "EU tablets", "topics": ("health",), "location": "Tbilisi", "summary": "Tablets."},
            {"title": "ტაბლეტები", "topics": (), "location": "თბილისი", "draft": True},
            [],
        ),
        # a correction may concern one language; each language has its own old addresses; the
        # reason for a withdrawal is said in each language's words
        (
            {"updated": datetime.datetime(2019, 1, 12), "correction": "540 tablets, not 450.", "aliases": ("tablets",)},
            {"aliases": ("planshetebi", "tablets")},
            [],
        ),
        (
            {"withdrawn": datetime.datetime(2019, 2, 1), "withdrawn_reason": "The figures were wrong."},
            {"withdrawn": datetime.datetime(2019, 2, 1)},
            [],
        ),
    ],
)
def test_check_twins(en: dict, ka: dict, expected: list[str]) -> None:
    assert twins(en, ka) == expected


def test_check_reports_on_the_later_language_whatever_the_order_given() -> None:
    en = release("2018-06-06-eu-tablets", "en", translation_key="eu-tablets")
    ka = release("2018-06-06-eu-tablets", "ka", translation_key="eu-tablets", date=datetime.datetime(2018, 6, 7))
    expected = [f"{KA}: 'date': 2018-06-07 disagrees with its twin {EN} (2018-06-06); {SHARE} date"]
    assert messages(ka, en) == messages(en, ka) == expected


# -- group -------------------------------------------------------------------------------------


def test_group_joins_versions_by_key_newest_first() -> None:
    old_en = release("2017-10-13-disaster-day", "en", translation_key="disaster-day", date=datetime.datetime(2017, 10, 13))
    old_ka = release("2017-10-13-disaster-day", "ka", translation_key="disaster-day", date=datetime.datetime(2017, 10, 13))
    new_en = release("2018-06-06-eu-tablets", "en", translation_key="eu-tablets")
    new_ka = release("2018-06-06-eu-tablets", "ka", translation_key="eu-tablets")
    middle = release("2018-03-09-women-police", "en", date=datetime.datetime(2018, 3, 9))
    alone = release("2018-01-10-kutaisi", "ka", date=datetime.datetime(2018, 1, 10))
    assert pairing.group([old_ka, middle, new_en, alone, old_en, new_ka]) == [
        pairing.Group("eu-tablets", {"en": new_en, "ka": new_ka}),
        pairing.Group(f"file:{D}/2018-03-09-women-police", {"en": middle}),
        pairing.Group(f"file:{D}/2018-01-10-kutaisi", {"ka": alone}),
        pairing.Group("disaster-day", {"ka": old_ka, "en": old_en}),
    ]


def test_group_joins_files_named_alike_but_for_the_language_without_a_key() -> None:
    en = release("2018-06-06-eu-tablets", "en")
    ka = release("2018-06-06-eu-tablets", "ka")
    assert [group.versions for group in pairing.group([en, ka])] == [{"en": en, "ka": ka}]


def test_group_keeps_files_named_apart_without_a_key_apart_even_with_the_same_slug() -> None:
    en = release("2018-06-06-eu-tablets", "en")
    ka = release("2018-06-07-eu-tablets", "ka", date=datetime.datetime(2018, 6, 7))
    assert [group.versions for group in pairing.group([en, ka])] == [{"ka": ka}, {"en": en}]


@pytest.mark.parametrize(
    ("en_key", "ka_key", "shown"),
    [("eu-tablets", None, "none is not the key of its namesake {en} ('eu-tablets')"),
     (None, "eu-tablets", "'eu-tablets' is not the key of its namesake {en} (none)"),
     ("eu-tablets", "tablets", "'tablets' is not the key of its namesake {en} ('eu-tablets')")],
)
def test_check_files_named_alike_whose_keys_say_otherwise(en_key, ka_key, shown) -> None:
    en = release("2018-06-06-eu-tablets", "en", translation_key=en_key)
    ka = release("2018-06-06-eu-tablets", "ka", translation_key=ka_key)
    assert messages(en, ka) == [f"{ka.path}: 'translation_key': {shown.format(en=en.path)}; files named alike but for the language "
                                "are one release: give them the same translation_key, or none"]


def test_group_orders_by_the_newest_version_then_path() -> None:
    early = release("2018-06-06-a", "en", translation_key="a", date=datetime.datetime(2018, 6, 6, 9))
    late_twin = release("2018-06-06-a", "ka", translation_key="a", date=datetime.datetime(2018, 6, 6, 18))
    noon = release("2018-06-06-b", "en", date=datetime.datetime(2018, 6, 6, 12))
    same_day_x = release("2018-06-05-x", "en", date=datetime.datetime(2018, 6, 5))
    same_day_y = release("2018-06-05-y", "en", date=datetime.datetime(2018, 6, 5))
    groups = pairing.group([same_day_x, noon, early, same_day_y, late_twin])
    assert [group.key for group in groups] == ["a", f"file:{D}/2018-06-06-b", f"file:{D}/2018-06-05-y", f"file:{D}/2018-06-05-x"]


def test_group_puts_a_month_or_a_year_at_its_first_instant_then_orders_by_path() -> None:
    """Newest first: a release dated December 2018 sorts as 1 December 2018 at 00:00, below every
    release of a later day of that month and above the days before; one dated 2018, as 1 January."""
    day = release("2018-12-06-day", "en", date=datetime.datetime(2018, 12, 6))
    first = release("2018-12-01-first", "en", date=datetime.datetime(2018, 12, 1))
    month = release("2018-12-month", "en", date=datetime.datetime(2018, 12, 1), date_precision="month")
    november = release("2018-11-30-november", "en", date=datetime.datetime(2018, 11, 30, 23, 59))
    year = release("2018-year", "en", date=datetime.datetime(2018, 1, 1), date_precision="year")
    new_year = release("2018-01-01-new-year", "en", date=datetime.datetime(2018, 1, 1))
    older = release("2017-12-31-older", "en", date=datetime.datetime(2017, 12, 31))
    groups = pairing.group([older, year, month, day, new_year, november, first])
    # ties (the same instant) by path, the later path first, as for two releases of one day
    assert [group.key.rsplit("/", 1)[-1] for group in groups] == [
        "2018-12-06-day", "2018-12-month", "2018-12-01-first", "2018-11-30-november", "2018-year", "2018-01-01-new-year", "2017-12-31-older"]


def test_group_items_carrying_a_release() -> None:
    @dataclasses.dataclass(frozen=True)
    class Article:
        release: Release
        url: str

    en = Article(release("2018-06-06-eu-tablets", "en", translation_key="t"), "en/news/eu-tablets/")
    ka = Article(release("2018-06-06-eu-tablets", "ka", translation_key="t"), "ka/news/eu-tablets/")
    assert pairing.group([ka, en], release_of=lambda article: article.release) == [pairing.Group("t", {"ka": ka, "en": en})]


def test_group_of_nothing() -> None:
    assert pairing.group([]) == []


@pytest.mark.parametrize(
    ("versions", "lang", "order", "expected"),
    [
        ({"en": "EN", "ka": "KA"}, "ka", LANGUAGES, "KA"),
        ({"en": "EN", "ka": "KA"}, "en", LANGUAGES, "EN"),
        ({"en": "EN"}, "ka", LANGUAGES, "EN"),
        ({"ka": "KA"}, "en", LANGUAGES, "KA"),
        ({"en": "EN", "ka": "KA"}, "fr", ("ka", "en"), "KA"),
        ({"en": "EN", "ka": "KA"}, "fr", ("en", "ka"), "EN"),
        ({"ka": "KA"}, "en", ("fr", "ka"), "KA"),
    ],
)
def test_group_version(versions: dict[str, str], lang: str, order: tuple[str, ...], expected: str) -> None:
    assert pairing.Group("key", versions).version(lang, order) == expected
