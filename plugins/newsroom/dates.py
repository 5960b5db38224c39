"""Dates in the site's languages, always from Babel's CLDR data and never from the OS locale.

Two models: `PublicationDate`, a release's date as far as it is known (a day, a month or a year,
perhaps approximate), and `Schedule`, the days of an event (one day, a range, or a list of both).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date, format_skeleton, parse_pattern
from babel.lists import format_list

# The interval skeleton whose patterns are widened to full month names (see `format_range`).
_RANGE_SKELETON = "yMMMd"
# The same without the year, for a range across months inside a list of a year's days.
_RANGE_SKELETON_NO_YEAR = "MMMd"
# How much of a publication date is known, most precise first.
PRECISIONS = ("day", "month", "year")
# Where a pattern's day field stood, before the days' own text is put there (a private-use
# character: no CLDR pattern or number has it).
_HOLE = "\ue000"


@dataclass(frozen=True)
class PublicationDate:
    """A release's publication date, as much of it as is known.

    `start` is the first instant of the period: the day (at its time, if one was given), or the
    first day of the month or of the year at 00:00. It orders releases and it is what Pelican gets
    as the article's `date`, because Pelican needs a datetime; nothing a reader or a machine is
    shown says more than `precision` ('day', 'month' or 'year'). `approximate`: the date is an
    inference, at whatever precision.
    """

    start: datetime.datetime
    precision: str = "day"
    approximate: bool = False

    def __post_init__(self):
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision {self.precision!r}; expected one of {', '.join(PRECISIONS)}")

    def iso(self) -> str:
        """ISO 8601 at the known precision: `2018-12-06`, `2018-12` or `2018` (also how the
        front-matter writes it, less a time)."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.date().isoformat()


def format_known(published: PublicationDate, locale: str) -> str:
    """What is known of a publication date, in words: `6 June 2018` (day), `December 2018` /
    `დეკემბერი, 2018` (month, skeleton `yMMMM`), `2018` (year, skeleton `y`). Whether it is
    approximate is said by the theme, through gettext ("c. %(date)s")."""
    if published.precision == "year":
        return format_skeleton("y", published.start.date(), locale=locale)
    if published.precision == "month":
        return format_month_year(published.start, locale)
    return format_day(published.start, locale)


@dataclass(frozen=True)
class Schedule:
    """The days of an event: spans (first day, last day) in the order written, each after the one
    before and none overlapping; a single day is a span of one day."""

    spans: tuple[tuple[datetime.date, datetime.date], ...]

    @property
    def runs(self) -> tuple[tuple[datetime.date, datetime.date], ...]:
        """The unbroken runs of days: spans that follow each other without a day between them are
        one run (`[2018-12-14, 2018-12-15]` is the run 14–15 December)."""
        runs: list[tuple[datetime.date, datetime.date]] = []
        for start, end in self.spans:
            if runs and (start - runs[-1][1]).days <= 1:
                runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
            else:
                runs.append((start, end))
        return tuple(runs)

    @property
    def only_day(self) -> datetime.date | None:
        """The day of an event held on one day, else None."""
        (start, end), *more = self.runs
        return start if start == end and not more else None

    def __str__(self) -> str:
        """As the front-matter writes it: `2018-03-06`, `2018-03-06/2018-03-09`, or a list."""
        written = [start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}" for start, end in self.spans]
        return written[0] if len(written) == 1 else "[" + ", ".join(written) + "]"


def _as_date(day: datetime.date | datetime.datetime) -> datetime.date:
    """The calendar day of a date or datetime (a datetime's time is dropped)."""
    if isinstance(day, datetime.datetime):
        return day.date()
    return day


def _tokens(pattern: str) -> list[tuple[str, str]]:
    """A CLDR date pattern as (kind, text) tokens: 'field' (a run of one pattern letter),
    'quoted' (a literal in quotes, where '' is an escaped quote) or 'text'."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            end = i + 1
            while end < len(pattern):
                if pattern[end] == "'":
                    if pattern[end + 1 : end + 2] == "'":
                        end += 2
                        continue
                    break
                end += 1
            tokens.append(("quoted", pattern[i : end + 1]))
            i = end + 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            tokens.append(("field", pattern[i:end]))
            i = end
        else:
            tokens.append(("text", char))
            i += 1
    return tokens


def _widen(pattern: str) -> str:
    """Adjust a `yMMMd` pattern to `yMMMMd`, as ICU adjusts a skeleton's field widths.

    `MMM`/`LLL` become `MMMM`/`LLLL` and `dd` becomes `d`; quoted literals are kept as they
    are. A `.` right after a widened month is the abbreviation's full stop (Georgian CLDR
    data has `dd MMM.`), so it is dropped: a full month name is not abbreviated.
    """
    out: list[str] = []
    widened = False
    for kind, text in _tokens(pattern):
        if widened and kind == "text" and text == ".":
            widened = False
            continue
        widened = kind == "field" and text in ("MMM", "LLL")
        if widened:
            out.append(text[0] * 4)
        elif kind == "field" and text == "dd":
            out.append("d")
        else:
            out.append(text)
    return "".join(out)


def _fill_days(pattern: str, day: datetime.date, days: str, locale: Locale) -> str:
    """`pattern` applied to `day`, with `days` (e.g. `14, 15 and 17`) where its day field is."""
    holed = "".join(f"'{_HOLE}'" if kind == "field" and text[0] == "d" else text for kind, text in _tokens(pattern))
    return parse_pattern(holed).apply(day, locale).replace(_HOLE, days)


def format_day(day: datetime.date | datetime.datetime, locale: str) -> str:
    """The locale's long date: `6 June 2018` (en_GB), `6 ივნისი, 2018` (ka)."""
    return format_date(_as_date(day), format="long", locale=locale)


def _interval(first: datetime.date, last: datetime.date, skeleton: str, parsed: Locale) -> str | None:
    """Two days by the interval pattern of `skeleton`, widened, for the greatest field that
    differs; None when CLDR has no such pattern."""
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    patterns = parsed.interval_formats.get(skeleton, {}).get(field)
    if not patterns:
        return None
    # Like babel.dates.format_interval: the first pattern formats the start, the second the end.
    return "".join(parse_pattern(_widen(pattern)).apply(day, parsed) for pattern, day in zip(patterns, (first, last)))


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
    found = _interval(first, last, _RANGE_SKELETON, parsed)
    if found is None:  # no interval pattern for this field: CLDR's fallback, "{0} – {1}"
        fallback = parsed.interval_formats.get(None, "{0} – {1}")
        return fallback.replace("{0}", format_day(first, locale)).replace("{1}", format_day(last, locale))
    return found


def format_schedule(schedule: Schedule, locale: str) -> str:
    """The days of an event, in CLDR's words for the locale.

    One unbroken run is one interval, as `format_range` writes it: `6–9 March 2018`,
    `14–15 December 2018`. Runs with days between them are a list, by CLDR's list pattern
    ("standard": `a, b and c`, `a, b და c`): a run of three days or more is an interval of days
    (`1–10`), a run of two is its two days, so that the reader counts the days the event was
    held, as an editor writes it: `14, 15, 17 and 18 December 2018`. Each month's name follows
    its last day, each year its last month, as in the locale's long date: `29, 30 November, 3
    and 5–8 December 2018`, `14, 15, 17 და 18 დეკემბერი, 2018`.
    """
    runs = schedule.runs
    if len(runs) == 1:
        return format_range(*runs[0], locale)
    parsed = Locale.parse(locale)
    pieces: list[tuple[datetime.date, datetime.date]] = []
    for start, end in runs:
        if (end - start).days <= 1:
            pieces += [(start, start)] + ([(end, end)] if end != start else [])
        else:
            pieces.append((start, end))
    day_range = parsed.interval_formats.get(_RANGE_SKELETON, {}).get("d", ["d–", "d"])[0]
    dash = "".join(text.strip("'") for kind, text in _tokens(day_range) if kind != "field") or "–"
    days_only = parse_pattern("d")
    long_date = parsed.date_formats["long"].pattern
    month_day = parsed.datetime_skeletons["MMMMd"].pattern
    texts = []
    for index, (start, end) in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        last_of_year = following is None or following[0].year != end.year
        if start.year != end.year or start.month != end.month:  # a range across months or years
            texts.append(format_range(start, end, locale) if last_of_year or start.year != end.year
                         else _interval(start, end, _RANGE_SKELETON_NO_YEAR, parsed) or format_range(start, end, locale))
            continue
        days = days_only.apply(start, parsed)
        if end != start:
            days += dash + days_only.apply(end, parsed)
        # the next piece in another month, or a range that starts in this month and ends in another
        last_of_month = following is not None and (following[0].month != end.month or following[1].month != end.month)
        if last_of_year:
            texts.append(_fill_days(long_date, end, days, parsed))
        elif last_of_month:
            texts.append(_fill_days(month_day, end, days, parsed))
        else:
            texts.append(days)
    return format_list(texts, style="standard", locale=locale)


def format_month_year(day: datetime.date | datetime.datetime, locale: str) -> str:
    """The month and year, Babel skeleton `yMMMM`: `March 2018` (en_GB), `მარტი, 2018` (ka)."""
    return format_skeleton("yMMMM", _as_date(day), locale=locale)


def iso(day: datetime.date | datetime.datetime | PublicationDate) -> str:
    """The day as `YYYY-MM-DD`, for `<time datetime>`; a publication date at its precision."""
    if isinstance(day, PublicationDate):
        return day.iso()
    return _as_date(day).isoformat()
