"""What the reader bounds before Python-Markdown reads a text: '[' and '<' left open, which it
reads in time that grows with their square; and the day a front-matter is checked against."""

from __future__ import annotations

import datetime

import pytest

from newsroom import reader
from newsroom.reader import unclosed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 50_000, (50_000, 0)),
        ("x [y " * 1000, (1000, 0)),
        ("see [the office](https://e.org/x) " * 1000, (0, 0)),
        ("[sic] and [1] " * 100, (0, 0)),
        ("]]] [[[", (3, 0)),  # a ']' before closes nothing
        ("<a " * 2000, (0, 2000)),
        ("<b>bold</b> and <br> " * 1000, (0, 0)),
        ("a < b and c > d", (0, 0)),  # not a tag
        ("<x", (0, 1)),
        ("", (0, 0)),
    ],
)
def test_unclosed(text: str, expected: tuple[int, int]) -> None:
    assert unclosed(text) == expected


@pytest.mark.parametrize(
    ("now", "timezone", "today"),
    [
        # 22:30 in London is 01:30 of the next day in Tbilisi: the site's calendar decides
        (datetime.datetime(2019, 1, 11, 22, 30, tzinfo=datetime.timezone.utc), "Asia/Tbilisi", datetime.date(2019, 1, 12)),
        (datetime.datetime(2019, 1, 11, 19, 59, tzinfo=datetime.timezone.utc), "Asia/Tbilisi", datetime.date(2019, 1, 11)),
        (datetime.datetime(2019, 1, 11, 22, 30, tzinfo=datetime.timezone.utc), "UTC", datetime.date(2019, 1, 11)),
    ],
)
def test_a_front_matter_is_checked_against_today_in_the_sites_time_zone(now, timezone, today) -> None:
    settings = {"TIMEZONE": timezone, "NEWSROOM_LANGUAGES": {"en": {"locale": "en_GB", "sitename": "N"}}}
    assert reader.site_for(settings, now).today == today
