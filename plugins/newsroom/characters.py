"""Which characters a piece of text may hold: none that is invisible or reorders what readers see.

A careless paste brings zero-width spaces and control characters; a malicious one brings bidi
overrides that show readers different words than the file says ("Trojan Source"). Pure functions:
each returns the first offending character's description, or None.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import character, printable

# Bidi embeddings, overrides and isolates, and the marks: they reorder the text around them.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Format characters with a use in running text: the zero-width joiner (emoji sequences, some scripts).
ALLOWED_FORMAT = frozenset("\u200d")
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
# What a body may not hold: the bidi controls and the control characters (category Cc) but for
# tab and line ends. One regular expression, as bodies are long and many.
REORDERING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(BIDI)) + "]")


def _hidden(char: str, multiline: bool) -> bool:
    if char in LINE_BREAKS:
        return not multiline or char in "\x0b\x0c\x85\u2028\u2029"
    if char == "\t":
        return False
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in ALLOWED_FORMAT
    return category in ("Cc", "Co", "Cs")  # controls, private use, lone surrogates


def first_hidden(text: str, multiline: bool = False) -> str | None:
    """A field's first invisible, control or (one line only) line-break character, shown with the
    text before it, e.g. "U+202E (RIGHT-TO-LEFT OVERRIDE) after 'Tbilisi, '"; else None."""
    if text.isprintable():  # no control, format, private-use or line-break character: the usual case
        return None
    for index, char in enumerate(text):
        if _hidden(char, multiline):
            if char in LINE_BREAKS and not multiline:
                return f"a line break after {_before(text, index)}"
            return f"an invisible character {character(char)} after {_before(text, index)}"
    return None


def first_reordering(text: str) -> tuple[int, str] | None:
    """In a body: (line, description) of the first bidi control or control character, else None.
    Other invisible characters (a zero-width space from a web page) are harmless in running text."""
    found = REORDERING.search(text)
    if found is None:
        return None
    index = found.start()
    return text.count("\n", 0, index) + 1, f"an invisible character {character(text[index])} after {_before(text, index)}"


# White space and the format characters that show nothing: what a text that says nothing holds.
EMPTY = re.compile("[\\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff" + "".join(sorted(BIDI)) + "]+")


def blank(text: str) -> bool:
    """Whether `text` shows a reader nothing: only white space and invisible characters."""
    return not text or EMPTY.fullmatch(text) is not None


def _before(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    words = text[max(start, index - 20) : index]
    return f"'{printable(words)}'" if words else "the start of the line"
