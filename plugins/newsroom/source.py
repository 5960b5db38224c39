"""A content file's text, or one problem saying why it cannot be read and how to fix it.

Content files are untrusted: before anything parses them, their size is bounded, binary files
and other encodings are recognised, and only UTF-8 text goes on. Pure but for reading the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem

# A press release is a few pages of text (the longest real ones are under 20 KB); a registry
# is a few hundred lines. Anything much bigger is not what the officer meant to save.
RELEASE_LIMIT = 512 * 1024
REGISTRY_LIMIT = 256 * 1024

def display_path(source_path: str, content_path: str) -> str:
    """A path as the officer knows it: relative to the project, e.g. content/releases/2018/….md."""
    project = os.path.dirname(os.path.abspath(content_path))
    return os.path.relpath(os.path.abspath(source_path), project).replace(os.sep, "/")


SAVE_AS_UTF8 = "save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8; in Word: Plain Text, Unicode (UTF-8))"


def read_text(path: Path, shown: str, limit: int = RELEASE_LIMIT) -> tuple[str | None, Problem | None]:
    """(text, None) for a UTF-8 text file within `limit` bytes, else (None, the problem)."""
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            data = file.read(limit + 1) if size > limit else file.read()  # (read(n) would allocate n bytes)
    except OSError as error:
        return None, Problem(shown, None, f"cannot be read ({error.strerror or error}); check the file's permissions")
    return decode(data, shown, limit)


def decode(data: bytes, shown: str, limit: int = RELEASE_LIMIT) -> tuple[str | None, Problem | None]:
    """The text of a file's bytes (a UTF-8 byte-order mark dropped), or the problem."""
    if len(data) > limit:
        return None, Problem(shown, None, f"is larger than {limit // 1024} KB, more than any release or list needs; "
                                          "check that this is the file you meant to save, and split or shorten it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        return None, Problem(shown, None, f"is saved as UTF-16 text; {SAVE_AS_UTF8}")
    if b"\x00" in data:
        return None, Problem(shown, None, "is not a text file (it holds binary data); a release is Markdown text saved as UTF-8")
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as error:
        return None, Problem(shown, None, _not_utf8(data, error))


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is zero."""
    sample = data[:200]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    """Where the first non-UTF-8 byte is, and what it probably was (a Windows-1252 character)."""
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start]
    try:
        guess = bytes([byte]).decode("cp1252")
        meant = f" ('{guess}' in Windows-1252)" if guess.isprintable() else ""
    except UnicodeDecodeError:
        meant = ""
    return f"line {line}: is not UTF-8 text (byte 0x{byte:02X}{meant}); {SAVE_AS_UTF8}"
