"""The words every problem message is made of: a value as the officer wrote it, the allowed
values, a likely slip, an invisible character made visible. Pure functions."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def shown(value: object) -> str:
    """A value as the author wrote it, quoted the way the messages quote values; what cannot be
    seen (a line break, a bidi override, a terminal's escape) written as its escape, \\u202e."""
    if isinstance(value, str):
        return f"'{printable(value)}'"
    return printable(repr(value))


def printable(text: str) -> str:
    """`text` with every character that does not print written as its Python escape: a message
    shows where an invisible character is, and cannot break the line or recolour a terminal."""
    return text if text.isprintable() else "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def one_of(allowed: Iterable[str]) -> str:
    return "expected one of: " + ", ".join(f"'{option}'" for option in sorted(allowed))


def suggestion(value: str, allowed: Iterable[str]) -> str:
    """' did you mean 'x'?' for a likely slip, else ''."""
    allowed = list(allowed)
    lowered = {option.lower(): option for option in allowed}
    if value.lower() in lowered:
        return f" did you mean '{lowered[value.lower()]}'?"
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" did you mean '{lowered[close[0]]}'?" if close else ""


def character(char: str) -> str:
    """An invisible or control character named so a person can find it: U+202E (RIGHT-TO-LEFT OVERRIDE)."""
    name = unicodedata.name(char, None) or CONTROL_NAMES.get(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def count(number: int, noun: str) -> str:
    """'1 problem', '2 problems'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# unicodedata has no names for the C0 and C1 controls
CONTROL_NAMES = {
    "\x00": "NULL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}
