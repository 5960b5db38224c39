"""What the reader bounds before Python-Markdown reads a text: '[' and '<' left open, which it
reads in time that grows with their square."""

from __future__ import annotations

import pytest

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
