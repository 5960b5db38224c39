"""Dates in English (en_GB) and Georgian (ka), from Babel's CLDR data only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from newsroom import dates, localisation

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"

# CLDR separates a range across months or years with thin spaces (U+2009) around the en dash
# in English; a range within one month uses a bare en dash (U+2013) in both languages.

GEORGIAN_DAYS = [
    (date(2018, 1, 6), "6 იანვარი, 2018"),
    (date(2018, 2, 6), "6 თებერვალი, 2018"),
    (date(2018, 3, 6), "6 მარტი, 2018"),
    (date(2018, 4, 6), "6 აპრილი, 2018"),
    (date(2018, 5, 6), "6 მაისი, 2018"),
    (date(2018, 6, 6), "6 ივნისი, 2018"),
    (date(2018, 7, 6), "6 ივლისი, 2018"),
    (date(2018, 8, 6), "6 აგვისტო, 2018"),
    (date(2018, 9, 6), "6 სექტემბერი, 2018"),
    (date(2018, 10, 6), "6 ოქტომბერი, 2018"),
    (date(2018, 11, 6), "6 ნოემბერი, 2018"),
    (date(2018, 12, 6), "6 დეკემბერი, 2018"),
    (date(2018, 3, 31), "31 მარტი, 2018"),
]

ENGLISH_DAYS = [
    (date(2018, 1, 6), "6 January 2018"),
    (date(2018, 3, 6), "6 March 2018"),
    (date(2018, 6, 6), "6 June 2018"),
    (date(2018, 9, 6), "6 September 2018"),
    (date(2018, 12, 31), "31 December 2018"),
]


@pytest.mark.parametrize(("day", "expected"), GEORGIAN_DAYS)
def test_format_day_georgian(day: date, expected: str) -> None:
    assert dates.format_day(day, "ka") == expected


@pytest.mark.parametrize(("day", "expected"), ENGLISH_DAYS)
def test_format_day_english(day: date, expected: str) -> None:
    assert dates.format_day(day, "en_GB") == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("ka", "6 ივნისი, 2018"), ("en_GB", "6 June 2018")],
)
def test_format_day_accepts_datetime(locale: str, expected: str) -> None:
    assert dates.format_day(datetime(2018, 6, 6, 23, 59), locale) == expected


RANGES = [
    # within one month
    ("ka", date(2018, 3, 6), date(2018, 3, 9), "6–9 მარტი, 2018"),
    ("ka", date(2018, 3, 1), date(2018, 3, 31), "1–31 მარტი, 2018"),
    ("en_GB", date(2018, 3, 6), date(2018, 3, 9), "6–9 March 2018"),
    ("en_GB", date(2018, 3, 1), date(2018, 3, 31), "1–31 March 2018"),
    # across months in one year
    ("ka", date(2018, 2, 26), date(2018, 3, 9), "26 თებერვალი – 9 მარტი 2018"),
    ("ka", date(2018, 1, 1), date(2018, 12, 31), "1 იანვარი – 31 დეკემბერი 2018"),
    ("en_GB", date(2018, 2, 26), date(2018, 3, 9), "26 February\u2009–\u20099 March 2018"),
    ("en_GB", date(2018, 1, 1), date(2018, 12, 31), "1 January\u2009–\u200931 December 2018"),
    # across years
    ("ka", date(2017, 12, 26), date(2018, 1, 9), "26 დეკემბერი 2017 – 9 იანვარი 2018"),
    (
        "en_GB",
        date(2017, 12, 26),
        date(2018, 1, 9),
        "26 December 2017\u2009–\u20099 January 2018",
    ),
    # one day: the long date
    ("ka", date(2018, 3, 6), date(2018, 3, 6), "6 მარტი, 2018"),
    ("en_GB", date(2018, 3, 6), date(2018, 3, 6), "6 March 2018"),
]


@pytest.mark.parametrize(("locale", "start", "end", "expected"), RANGES)
def test_format_range(locale: str, start: date, end: date, expected: str) -> None:
    assert dates.format_range(start, end, locale) == expected


@pytest.mark.parametrize(
    ("locale", "start", "end", "expected"),
    [
        ("ka", datetime(2018, 3, 6, 23, 59), datetime(2018, 3, 9, 0, 1), "6–9 მარტი, 2018"),
        ("en_GB", datetime(2018, 3, 6, 23, 59), datetime(2018, 3, 9, 0, 1), "6–9 March 2018"),
        # the same day at different times is one day
        ("ka", datetime(2018, 3, 6, 9, 0), datetime(2018, 3, 6, 17, 0), "6 მარტი, 2018"),
        ("en_GB", datetime(2018, 3, 6, 9, 0), datetime(2018, 3, 6, 17, 0), "6 March 2018"),
        # a datetime and a date mixed
        (
            "en_GB",
            datetime(2018, 2, 26, 12, 0),
            date(2018, 3, 9),
            "26 February\u2009–\u20099 March 2018",
        ),
    ],
)
def test_format_range_accepts_datetime(
    locale: str, start: date, end: date, expected: str
) -> None:
    assert dates.format_range(start, end, locale) == expected


@pytest.mark.parametrize("locale", ["ka", "en_GB"])
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2018, 3, 9), date(2018, 3, 1)),
        (datetime(2018, 3, 9, 8, 0), datetime(2018, 3, 1, 20, 0)),
    ],
)
def test_format_range_rejects_end_before_start(locale: str, start: date, end: date) -> None:
    with pytest.raises(ValueError) as excinfo:
        dates.format_range(start, end, locale)
    assert str(excinfo.value) == "end date 2018-03-01 is before start date 2018-03-09"


@pytest.mark.parametrize("locale", ["ka", "en_GB"])
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2018, 3, 6), date(2018, 3, 9)),
        (date(2018, 2, 26), date(2018, 3, 9)),
        (date(2017, 12, 26), date(2018, 1, 9)),
    ],
)
def test_format_range_has_no_abbreviated_months_or_padded_days(
    locale: str, start: date, end: date
) -> None:
    text = dates.format_range(start, end, locale)
    for day in (start, end):
        assert dates.format_month_year(day, locale).split(",")[0].split(" ")[0] in text
    assert "." not in text
    assert " 0" not in text and not text.startswith("0")


@pytest.mark.parametrize(
    ("locale", "day", "expected"),
    [
        ("ka", date(2018, 3, 6), "მარტი, 2018"),
        ("ka", date(2018, 2, 1), "თებერვალი, 2018"),
        ("ka", datetime(2018, 12, 31, 23, 59), "დეკემბერი, 2018"),
        ("en_GB", date(2018, 3, 6), "March 2018"),
        ("en_GB", date(2018, 2, 1), "February 2018"),
        ("en_GB", datetime(2018, 12, 31, 23, 59), "December 2018"),
    ],
)
def test_format_month_year(locale: str, day: date, expected: str) -> None:
    assert dates.format_month_year(day, locale) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2018, 6, 6), "2018-06-06"),
        (date(2018, 12, 31), "2018-12-31"),
        (datetime(2018, 3, 6, 14, 30), "2018-03-06"),
    ],
)
def test_iso(day: date, expected: str) -> None:
    assert dates.iso(day) == expected


@pytest.mark.parametrize(
    ("lang", "in_locale", "expected"),
    [
        ("ka", "ka", "ქართული"),
        ("en", "ka", "ინგლისური"),
        ("en", "en_GB", "English"),
        ("ka", "en_GB", "Georgian"),
    ],
)
def test_language_name(lang: str, in_locale: str, expected: str) -> None:
    assert localisation.language_name_in(lang, in_locale) == expected


def _sample() -> dict[str, str]:
    """Every function's output for a few fixed inputs."""
    ranges = [(date(2018, 3, 6), date(2018, 3, 9)), (date(2017, 12, 26), date(2018, 1, 9))]
    out: dict[str, str] = {}
    for locale in ("ka", "en_GB"):
        out[f"day {locale}"] = dates.format_day(date(2018, 6, 6), locale)
        out[f"month {locale}"] = dates.format_month_year(date(2018, 3, 6), locale)
        out[f"name {locale}"] = localisation.language_name_in("ka", locale)
        for start, end in ranges:
            out[f"range {locale} {start}"] = dates.format_range(start, end, locale)
    out["iso"] = dates.iso(date(2018, 6, 6))
    return out


EXPECTED_SAMPLE = {
    "day ka": "6 ივნისი, 2018",
    "month ka": "მარტი, 2018",
    "name ka": "ქართული",
    "range ka 2018-03-06": "6–9 მარტი, 2018",
    "range ka 2017-12-26": "26 დეკემბერი 2017 – 9 იანვარი 2018",
    "day en_GB": "6 June 2018",
    "month en_GB": "March 2018",
    "name en_GB": "Georgian",
    "range en_GB 2018-03-06": "6–9 March 2018",
    "range en_GB 2017-12-26": "26 December 2017\u2009–\u20099 January 2018",
    "iso": "2018-06-06",
}

_SUBPROCESS_CODE = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "sys.path.insert(0, sys.argv[2]); "
    "from tests.unit.test_dates import _sample; print(json.dumps(_sample()))"
)


@pytest.mark.parametrize("os_locale", ["C", "de_DE.UTF-8"])
def test_output_does_not_depend_on_process_locale(
    monkeypatch: pytest.MonkeyPatch, os_locale: str
) -> None:
    for name in ("LC_ALL", "LC_TIME", "LANG", "LANGUAGE"):
        monkeypatch.setenv(name, os_locale)
    assert _sample() == EXPECTED_SAMPLE
    # Babel reads the environment's locale when it is imported: check a fresh interpreter too.
    result = subprocess.run(
        [sys.executable, "-c", _SUBPROCESS_CODE, str(PLUGINS), str(PLUGINS.parent)],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == EXPECTED_SAMPLE


# -- a publication date as far as it is known ------------------------------------------------------

PUBLISHED = [
    # precision, the period's first instant, ISO 8601 at that precision, English, Georgian
    ("day", datetime(2018, 12, 6), "2018-12-06", "6 December 2018", "6 დეკემბერი, 2018"),
    ("day", datetime(2018, 12, 6, 10, 30), "2018-12-06", "6 December 2018", "6 დეკემბერი, 2018"),
    ("month", datetime(2018, 12, 1), "2018-12", "December 2018", "დეკემბერი, 2018"),
    ("month", datetime(2018, 6, 1), "2018-06", "June 2018", "ივნისი, 2018"),
    ("year", datetime(2018, 1, 1), "2018", "2018", "2018"),
    ("year", datetime(1951, 1, 1), "1951", "1951", "1951"),
]


@pytest.mark.parametrize(("precision", "start", "iso", "english", "georgian"), PUBLISHED)
@pytest.mark.parametrize("approximate", [False, True])
def test_a_publication_date_says_what_is_known_and_no_more(precision, start, iso, english, georgian, approximate) -> None:
    published = dates.PublicationDate(start, precision, approximate)
    assert (published.iso(), dates.iso(published)) == (iso, iso)
    # the words for "approximately" are the theme's, through gettext: here only the date
    assert dates.format_known(published, "en_GB") == english
    assert dates.format_known(published, "ka") == georgian


def test_a_publication_date_refuses_an_unknown_precision() -> None:
    with pytest.raises(ValueError) as excinfo:
        dates.PublicationDate(datetime(2018, 12, 1), "week")
    assert str(excinfo.value) == "precision 'week'; expected one of day, month, year"


# -- an event's days ---------------------------------------------------------------------------------


def schedule(*spans: str) -> dates.Schedule:
    """A schedule from spans as the front-matter writes them: `2018-12-14` or `start/end`."""
    return dates.Schedule(tuple(tuple(date.fromisoformat(day) for day in (span.split("/") * 2)[:2]) for span in spans))


SCHEDULES = [
    # one unbroken run: one interval, as a single range always was
    (("2018-03-06/2018-03-09",), "6–9 March 2018", "6–9 მარტი, 2018"),
    (("2018-03-06",), "6 March 2018", "6 მარტი, 2018"),
    (("2018-12-14", "2018-12-15"), "14–15 December 2018", "14–15 დეკემბერი, 2018"),
    (("2018-12-14", "2018-12-15/2018-12-16"), "14–16 December 2018", "14–16 დეკემბერი, 2018"),
    # the four-day festival: days with a day between, a run of two days written as its two days
    (("2018-12-14", "2018-12-15", "2018-12-17/2018-12-18"), "14, 15, 17 and 18 December 2018", "14, 15, 17 და 18 დეკემბერი, 2018"),
    (("2018-12-14", "2018-12-18"), "14 and 18 December 2018", "14 და 18 დეკემბერი, 2018"),
    # a run of three days or more is an interval inside the list
    (("2018-12-01/2018-12-10", "2018-12-20"), "1–10 and 20 December 2018", "1–10 და 20 დეკემბერი, 2018"),
    # each month's name after its last day, the year after its last month
    (
        ("2018-11-29/2018-11-30", "2018-12-03", "2018-12-05/2018-12-08"),
        "29, 30 November, 3 and 5–8 December 2018",
        "29, 30 ნოემბერი, 3 და 5–8 დეკემბერი, 2018",
    ),
    (("2018-12-30", "2019-01-02"), "30 December 2018 and 2 January 2019", "30 დეკემბერი, 2018 და 2 იანვარი, 2019"),
    # a run across months inside a list: CLDR's interval across months
    (
        ("2018-11-03", "2018-11-28/2018-12-02", "2018-12-05"),
        "3 November, 28 November\u2009–\u20092 December and 5 December 2018",
        "3 ნოემბერი, 28 ნოემბერი – 2 დეკემბერი და 5 დეკემბერი, 2018",
    ),
]


@pytest.mark.parametrize(("spans", "english", "georgian"), SCHEDULES)
def test_format_schedule(spans: tuple[str, ...], english: str, georgian: str) -> None:
    assert dates.format_schedule(schedule(*spans), "en_GB") == english
    assert dates.format_schedule(schedule(*spans), "ka") == georgian


@pytest.mark.parametrize(
    ("spans", "runs", "only_day", "written"),
    [
        (("2018-03-06",), (("2018-03-06", "2018-03-06"),), "2018-03-06", "2018-03-06"),
        (("2018-03-06/2018-03-06",), (("2018-03-06", "2018-03-06"),), "2018-03-06", "2018-03-06"),
        (("2018-03-06/2018-03-09",), (("2018-03-06", "2018-03-09"),), None, "2018-03-06/2018-03-09"),
        (("2018-12-14", "2018-12-15", "2018-12-17/2018-12-18"), (("2018-12-14", "2018-12-15"), ("2018-12-17", "2018-12-18")), None,
         "[2018-12-14, 2018-12-15, 2018-12-17/2018-12-18]"),
        (("2018-12-31", "2019-01-01"), (("2018-12-31", "2019-01-01"),), None, "[2018-12-31, 2019-01-01]"),
    ],
)
def test_schedule_runs_only_day_and_written_form(spans, runs, only_day, written) -> None:
    found = schedule(*spans)
    assert found.runs == tuple((date.fromisoformat(start), date.fromisoformat(end)) for start, end in runs)
    assert found.only_day == (date.fromisoformat(only_day) if only_day else None)
    assert str(found) == written
