"""The translation status report: which languages a release exists in, and which changed last."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from newsroom import translation_report
from newsroom.frontmatter import Release
from newsroom.translation_report import Row

LANGUAGES = ("en", "ka")
DAY = 86400.0
D = "content/releases/2018"


def release(name: str, lang: str, key: str | None, title: str, day: int) -> Release:
    return Release(
        path=f"{D}/2018-06-{day:02}-{name}.{lang}.md",
        title=title,
        date=datetime.datetime(2018, 6, day),
        lang=lang,
        slug=name,
        partners=("eu",),
        translation_key=key,
    )


TABLETS_EN = release("eu-tablets", "en", "eu-tablets", "EU tablets for policing", 6)
TABLETS_KA = release("eu-tablets", "ka", "eu-tablets", "ევროკავშირის პლანშეტები პოლიციას", 6)
POLICE_EN = release("women-police", "en", "women-police", "Women police conference", 5)
POLICE_KA = release("women-police", "ka", "women-police", "ქალი პოლიციელების კონფერენცია", 5)
KUTAISI_KA = release("kutaisi", "ka", "kutaisi", "ქუთაისი", 4)
LONE_EN = release("lone", "en", None, "A release without a key", 3)

# When each file last changed: the Georgian tablets 2.5 days after the English, the women
# police conference in step, the others once.
CHANGED = {
    TABLETS_EN.path: 1_000_000.0,
    TABLETS_KA.path: 1_000_000.0 + 2.5 * DAY,
    POLICE_EN.path: 2_000_000.0,
    POLICE_KA.path: 2_000_000.0,
    KUTAISI_KA.path: 3_000_000.0,
    LONE_EN.path: 4_000_000.0,
}
RELEASES = [LONE_EN, POLICE_KA, KUTAISI_KA, TABLETS_KA, POLICE_EN, TABLETS_EN]


def rows(releases=RELEASES, changed=CHANGED) -> list[Row]:
    return translation_report.rows(releases, LANGUAGES, changed.__getitem__)


def test_rows() -> None:
    assert rows() == [
        Row("eu-tablets", "EU tablets for policing", {"ka": TABLETS_KA.path, "en": TABLETS_EN.path}, (), "ka", 2.5),
        Row("women-police", "Women police conference", {"ka": POLICE_KA.path, "en": POLICE_EN.path}, (), None, 0.0),
        Row("kutaisi", "ქუთაისი", {"ka": KUTAISI_KA.path}, ("en",), None, 0.0),
        Row("(no translation_key)", "A release without a key", {"en": LONE_EN.path}, ("ka",), None, 0.0),
    ]


@pytest.mark.parametrize(
    ("en_changed", "ka_changed", "newest", "ahead"),
    [
        (0.0, 3 * DAY, "ka", 3.0),
        (10 * DAY, 0.0, "en", 10.0),
        (DAY / 2, 0.0, "en", 0.5),
        (5.0, 5.0, None, 0.0),
        # written together (invoke new --twin): not a translation falling behind
        (30.0, 0.0, None, 30.0 / DAY),
        (61.0, 0.0, "en", 61.0 / DAY),
    ],
)
def test_rows_newest_language(en_changed: float, ka_changed: float, newest: str | None, ahead: float) -> None:
    (row,) = rows([TABLETS_EN, TABLETS_KA], {TABLETS_EN.path: en_changed, TABLETS_KA.path: ka_changed})
    assert (row.newest, row.ahead_by_days, row.missing) == (newest, ahead, ())


def test_rows_asks_only_about_the_files_it_has() -> None:
    asked = []
    translation_report.rows([KUTAISI_KA], LANGUAGES, lambda path: asked.append(path) or 0.0)
    assert asked == [KUTAISI_KA.path]


def test_render() -> None:
    assert translation_report.render(rows(), LANGUAGES) == "\n".join(
        [
            "en:yes  ka:yes  eu-tablets  ka changed 2.5 days after the others: check the translation",
            "        EU tablets for policing",
            "en:yes  ka:yes  women-police  in step",
            "        Women police conference",
            "en:--  ka:yes  kutaisi  missing en",
            "        ქუთაისი",
            "en:yes  ka:--  (no translation_key)  missing ka",
            "        A release without a key",
            "4 releases: 2 in every language, 2 missing a language",
        ]
    )


def test_render_names_every_missing_language() -> None:
    (row,) = translation_report.rows([LONE_EN], ("en", "ka", "ru"), lambda path: 0.0)
    assert translation_report.render([row], ("en", "ka", "ru")).splitlines()[:2] == [
        "en:yes  ka:--  ru:--  (no translation_key)  missing ka, ru",
        "        A release without a key",
    ]


def test_render_nothing() -> None:
    assert translation_report.render([], LANGUAGES) == "0 releases: 0 in every language, 0 missing a language"


def test_a_draft_twin_is_not_a_translation() -> None:
    """`./dev new --twin` makes a draft stub in the other language: until it is written and its
    draft line deleted, the release is not translated."""
    stub = dataclasses.replace(TABLETS_KA, draft=True)
    (row,) = translation_report.rows([TABLETS_EN, stub], LANGUAGES, lambda path: 0.0)
    assert row.missing == ("ka",)
    assert translation_report.render([row], LANGUAGES).splitlines() == [
        "en:yes  ka:draft  eu-tablets  ka only a draft, not yet translated",
        "        EU tablets for policing",
        "1 release: 0 in every language, 1 missing a language",
    ]


def test_files_named_alike_are_paired_without_a_key() -> None:
    en = dataclasses.replace(TABLETS_EN, translation_key=None)
    ka = dataclasses.replace(TABLETS_KA, translation_key=None)
    (row,) = translation_report.rows([en, ka], LANGUAGES, lambda path: 0.0)
    assert (row.key, row.missing) == ("(paired by file name)", ())


def test_a_file_named_for_another_day_than_its_date_is_reported() -> None:
    """The build accepts it (a name is a name, as it always was); the report says to rename it."""
    moved = dataclasses.replace(TABLETS_EN, date=datetime.datetime(2018, 6, 7))
    assert translation_report.misdated([TABLETS_KA, moved]) == [
        f"{moved.path}: the name says 2018-06-06, the date is 2018-06-07; rename the file or correct the date"]
    assert translation_report.misdated([TABLETS_EN, TABLETS_KA, LONE_EN]) == []
