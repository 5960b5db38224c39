"""Dates in the site's languages, always from Babel's CLDR data and never from the OS locale."""

from __future__ import annotations

import datetime

from babel import Locale
from babel.dates import format_date, format_skeleton, parse_pattern

# The interval skeleton whose patterns are widened to full month names (see `format_range`).
_RANGE_SKELETON = "yMMMd"


def _as_date(day: datetime.date | datetime.datetime) -> datetime.date:
    """The calendar day of a date or datetime (a datetime's time is dropped)."""
    if isinstance(day, datetime.datetime):
        return day.date()
    return day


def _widen(pattern: str) -> str:
    """Adjust a `yMMMd` pattern to `yMMMMd`, as ICU adjusts a skeleton's field widths.

    `MMM`/`LLL` become `MMMM`/`LLLL` and `dd` becomes `d`; quoted literals are kept as they
    are. A `.` right after a widened month is the abbreviation's full stop (Georgian CLDR
    data has `dd MMM.`), so it is dropped: a full month name is not abbreviated.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":  # a quoted literal, where '' is an escaped quote; copied verbatim
            end = i + 1
            while end < len(pattern):
                if pattern[end] == "'":
                    if pattern[end + 1 : end + 2] == "'":
                        end += 2
                        continue
                    break
                end += 1
            out.append(pattern[i : end + 1])
            i = end + 1
        elif char.isascii() and char.isalpha():  # a field: a run of one pattern letter
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            field = pattern[i:end]
            i = end
            if field in ("MMM", "LLL"):
                out.append(char * 4)
                if pattern[i : i + 1] == ".":
                    i += 1
            elif field == "dd":
                out.append("d")
            else:
                out.append(field)
        else:
            out.append(char)
            i += 1
    return "".join(out)


def format_day(day: datetime.date | datetime.datetime, locale: str) -> str:
    """The locale's long date: `6 June 2018` (en_GB), `6 ივნისი, 2018` (ka)."""
    return format_date(_as_date(day), format="long", locale=locale)


def format_range(
    start: datetime.date | datetime.datetime,
    end: datetime.date | datetime.datetime,
    locale: str,
) -> str:
    """A range of days with full month names, shaped by the greatest field that differs.

    `6–9 March 2018`, `26 February – 9 March 2018`, `26 December 2017 – 9 January 2018`
    (en_GB). Babel's `format_interval(..., "yMMMMd")` would abbreviate the months, because
    CLDR has no `yMMMMd` interval pattern; this widens the `yMMMd` patterns instead.
    Raises ValueError if `end` is before `start`.
    """
    first, last = _as_date(start), _as_date(end)
    if last < first:
        raise ValueError(f"end date {last.isoformat()} is before start date {first.isoformat()}")
    if first == last:
        return format_day(first, locale)
    parsed = Locale.parse(locale)
    if first.year != last.year:
        field = "y"
    elif first.month != last.month:
        field = "M"
    else:
        field = "d"
    patterns = parsed.interval_formats.get(_RANGE_SKELETON, {}).get(field)
    if not patterns:  # no interval pattern for this field: CLDR's fallback, "{0} – {1}"
        fallback = parsed.interval_formats.get(None, "{0} – {1}")
        return fallback.replace("{0}", format_day(first, locale)).replace(
            "{1}", format_day(last, locale)
        )
    # Like babel.dates.format_interval: the first pattern formats the start, the second the end.
    return "".join(
        parse_pattern(_widen(pattern)).apply(day, parsed)
        for pattern, day in zip(patterns, (first, last))
    )


def format_month_year(day: datetime.date | datetime.datetime, locale: str) -> str:
    """The month and year, Babel skeleton `yMMMM`: `March 2018` (en_GB), `მარტი, 2018` (ka)."""
    return format_skeleton("yMMMM", _as_date(day), locale=locale)


def iso(day: datetime.date | datetime.datetime) -> str:
    """The day as `YYYY-MM-DD`, for `<time datetime>`."""
    return _as_date(day).isoformat()

