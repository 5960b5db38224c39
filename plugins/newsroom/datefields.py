"""The front-matter's dates as the officer writes them: `date` (a day, a month or a year),
`event_dates` (a day, a range, or a list of days and ranges), and the days a published release
changed (`updated`, `withdrawn`: a day, optionally with a time), each read into its model
(`dates.PublicationDate`, `dates.Schedule`, a datetime) or refused with the fix for a likely slip.

Pure functions: text in, a value out, or None after `report(message)` was called with what is
wrong. Whether a date fits the file's name and today's date is checked by `frontmatter`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from babel import Locale

from .dates import PublicationDate, Schedule
from .messages import shown

Report = Callable[[str], None]

# A day, with an optional time; a month; a year. One or two digits for a month or a day.
DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?)?)?\Z")
DATE_EXAMPLE = "expected YYYY-MM-DD, e.g. 2018-06-06, or YYYY-MM or YYYY when the day is not known"
DAY_EXAMPLE = "expected YYYY-MM-DD, e.g. 2018-06-06"
EVENT_EXAMPLE = ("expected YYYY-MM-DD, a range YYYY-MM-DD/YYYY-MM-DD or a list of them, "
                 "e.g. [2018-12-14, 2018-12-15, 2018-12-17/2018-12-18]")

# What officers write for a day or a month they do not know: 2018-12-00, 2018-12-??, 2018-12-XX
UNKNOWN = r"(?:0{1,2}|\?+|[xX]+|\.+|_+|-*)"
UNKNOWN_DAY = re.compile(rf"(\d{{4}})-(\d{{1,2}})-{UNKNOWN}\Z")
UNKNOWN_MONTH = re.compile(rf"(\d{{4}})-{UNKNOWN}(?:-{UNKNOWN}|-\d{{1,2}})?\Z")
# An approximation written into the date: c. 2018, ca 2018, circa 2018, ~2018, 2018?, დაახლ. 2018
APPROXIMATELY = re.compile(
    r"(?:(?:c|ca|circa|approx|approximately|about|around|დაახლ|დაახლოებით)\b\.?|~|≈)\s*(?P<before>.+)\Z"
    r"|(?P<after>.+?)\s*(?:\?|\((?:c|ca|circa|approx|approximate|approximately)\.?\))\Z",
    re.IGNORECASE,
)
# A range where a single date belongs, or a range written with something else than '/'
RANGE = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})\s*(?:/|–|—|--| to | - )\s*(\d{4}-\d{1,2}-\d{1,2})\Z")
# A month and a year written the other way round: 12/2018, 12-2018, 12.2018
MONTH_FIRST = re.compile(r"(\d{1,2})[/.-](\d{4})\Z")
WORDS = re.compile(r"[^\W\d_]+|\d+")
IN_OTHER_WORDS = "write it year-month-day, as far as it is known: date: {}"
APPROXIMATE_FIX = "write the date alone, date: {}, and add the line date_approximate: true"
DAY_FIX = "if the day is not known, write date: {}, and add date_approximate: true if the month is only inferred"
MONTH_FIX = "if the month is not known, write date: {}, and add date_approximate: true if the year is only inferred"


def _month_names() -> dict[str, int]:
    """Every month's name in English and Georgian, full and abbreviated, from CLDR: what an
    officer may type instead of the month's number."""
    names: dict[str, int] = {}
    for locale in ("en", "en_GB", "ka"):
        months = Locale.parse(locale).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[name.lower().rstrip(".")] = number
    return names


MONTH_NAMES = _month_names()


def publication_date(value: object, report: Report) -> PublicationDate | None:
    """`date` as written: `2018-06-06` (optionally with a time), `2018-12` or `2018`."""
    text = value.strip() if isinstance(value, str) else None
    match = DATE.match(text) if text is not None else None
    if not match:
        report(f"{shown(value)} is not a date; {_fix(text) or DATE_EXAMPLE}")
        return None
    year, month, day, hour, minute, second = (int(part) if part else None for part in match.groups())
    if month is not None and day is not None:
        fix = DAY_FIX.format(f"{year:04d}-{month:02d}") if day == 0 and 1 <= month <= 12 else DATE_EXAMPLE
        fix = MONTH_FIX.format(f"{year:04d}") if month == 0 and day == 0 else fix
        moment = _moment(text, report, fix, year, month, day, hour or 0, minute or 0, second or 0)
        return None if moment is None else PublicationDate(moment, "day")
    if month is not None:
        fix = MONTH_FIX.format(f"{year:04d}") if month == 0 else DATE_EXAMPLE
        moment = _moment(text, report, fix, year, month, 1)
        return None if moment is None else PublicationDate(moment, "month")
    return PublicationDate(datetime.datetime(year, 1, 1), "year")


def day(value: object, report: Report, example: str = DAY_EXAMPLE) -> datetime.date | None:
    """One day, as `YYYY-MM-DD` (a time after it is allowed and dropped)."""
    text = value.strip() if isinstance(value, str) else None
    match = DATE.match(text) if text is not None else None
    if not match:
        ranged = RANGE.match(text) if text is not None else None
        meant = _iso(text) if text is not None else None
        fix = (f"write a range with a slash: {ranged.group(1)}/{ranged.group(2)}" if ranged
               else f"write it year-month-day: {meant}" if meant and len(meant) == 10 else example)
        report(f"{shown(value)} is not a date; {fix}")
        return None
    year, month, day_, hour, minute, second = (int(part) if part else None for part in match.groups())
    if day_ is None:
        report(f"{shown(text)} is not a day; an event's dates are days, {DAY_EXAMPLE}; "
               "if its days are not known, leave event_dates out")
        return None
    moment = _moment(text, report, example, year, month, day_, hour or 0, minute or 0, second or 0)
    return None if moment is None else moment.date()


def moment(value: object, report: Report, fix: str) -> datetime.datetime | None:
    """The day something happened to a published release (`updated`, `withdrawn`): `YYYY-MM-DD`,
    optionally with a time; `fix` says which day to write ("write the day the release was corrected,
    YYYY-MM-DD, e.g. 2019-01-12"). A month or a year is not enough: the page says the day."""
    text = value.strip() if isinstance(value, str) else None
    match = DATE.match(text) if text is not None else None
    if not match:
        meant = _iso(text) if text is not None else None
        report(f"{shown(value)} is not a date; " + (f"write it year-month-day: {meant}" if meant and len(meant) == 10 else fix))
        return None
    year, month, day_, hour, minute, second = (int(part) if part else None for part in match.groups())
    if day_ is None:
        report(f"{shown(text)} is not a day; {fix}")
        return None
    return _moment(text, report, fix, year, month, day_, hour or 0, minute or 0, second or 0)


def schedule(value: object, report: Report) -> Schedule | None:
    """`event_dates` as written: a day, a range `start/end`, or a YAML list of days and ranges,
    in order, none overlapping another."""
    if value is None or value == []:
        return None
    if isinstance(value, str) and "," in value:
        listed = ", ".join(part.strip() for part in value.split(","))
        report(f"{shown(value)} is not a list; write the days in brackets: [{listed}]")
        return None
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        report(f"{shown(value)} is not a date; {EVENT_EXAMPLE}")
        return None
    spans = []
    for item in items:
        span = _span(item, report)
        if span is None:
            return None
        spans.append(span)
    for (first, last), (start, end) in zip(spans, spans[1:]):
        previous, this = _written(first, last), _written(start, end)
        if start < first:
            in_order = ", ".join(_written(*span) for span in sorted(spans))
            report(f"{shown(this)} comes after {shown(previous)} in the list; list the days in order, earliest first: [{in_order}]")
            return None
        if (start, end) == (first, last):
            report(f"{shown(this)} is listed twice; list each day once")
            return None
        if start <= last:
            report(f"{shown(this)} overlaps {shown(previous)}; list each day once")
            return None
    return Schedule(tuple(spans))


def _span(item: object, report: Report) -> tuple[datetime.date, datetime.date] | None:
    if not isinstance(item, str):
        report(f"{shown(item)} is not a date; {EVENT_EXAMPLE}")
        return None
    start_text, slash, end_text = item.partition("/")
    if slash and not end_text.strip():
        report(f"{shown(item)} has no end date after '/'; expected YYYY-MM-DD/YYYY-MM-DD, e.g. 2018-03-06/2018-03-09")
        return None
    start = day(start_text, report, EVENT_EXAMPLE)
    end = day(end_text, report, "expected YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD") if slash else start
    if start is None or end is None:
        return None
    if end < start:
        report(f"{shown(item.strip())} ends before it starts; write the earlier date first")
        return None
    return start, end


def _written(start: datetime.date, end: datetime.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _moment(text: str, report: Report, fix: str, *parts: int) -> datetime.datetime | None:
    """The datetime of `parts`, or None after reporting why the calendar has no such one."""
    try:
        return datetime.datetime(*parts)
    except ValueError as error:
        report(f"{shown(text)} is not a real date ({error}); {fix}")
        return None


def _fix(text: str | None) -> str | None:
    """What to write instead of a date that is not one, when the slip is a likely one."""
    if text is None:
        return None
    if found := UNKNOWN_DAY.match(text):
        return DAY_FIX.format(f"{int(found.group(1)):04d}-{int(found.group(2)):02d}") if 1 <= int(found.group(2)) <= 12 else None
    if found := UNKNOWN_MONTH.match(text):
        return MONTH_FIX.format(found.group(1))
    if found := RANGE.match(text):
        return f"a release has one publication date, write it alone, and the event's days go in event_dates: {found.group(1)}/{found.group(2)}"
    if found := APPROXIMATELY.match(text):
        inner = (found.group("before") or found.group("after")).strip()
        meant = _iso(inner) or (inner if publication_date(inner, lambda message: None) else None)
        return APPROXIMATE_FIX.format(meant) if meant else None
    if found := MONTH_FIRST.match(text):
        month = int(found.group(1))
        return IN_OTHER_WORDS.format(f"{found.group(2)}-{month:02d}") if 1 <= month <= 12 else None
    meant = _iso(text)
    return IN_OTHER_WORDS.format(meant) if meant else None


def _iso(text: str) -> str | None:
    """A date written in words, `December 2018`, `6 June 2018`, `June 6, 2018`, `დეკემბერი, 2018`,
    as ISO 8601 at the precision it was written: `2018-12`, `2018-06-06`; else None."""
    words = WORDS.findall(text)
    years = [word for word in words if word.isdigit() and len(word) == 4]
    days = [word for word in words if word.isdigit() and len(word) <= 2]
    months = [MONTH_NAMES.get(word.lower()) for word in words if not word.isdigit()]
    if len(years) != 1 or len(months) != 1 or months[0] is None or len(days) > 1 or len(words) != 2 + len(days):
        return None
    year, month = int(years[0]), months[0]
    if not days:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, int(days[0])).isoformat()
    except ValueError:
        return None
