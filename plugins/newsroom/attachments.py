"""Documents a release attaches: the `attachments` field, in one place.

An entry is a title and a file under content/files/ (`FIELDS`, `EXAMPLE`); the types the office
publishes are `KINDS` (PDF only: see docs/content.md), each file at most `MAX_BYTES`.
`frontmatter` checks an entry's shape; `inspect` checks its file once per build, as
`images.inspect` checks a photo; `audit` reports a file no release attaches; `Document` is what a
release's page shows and what the build copies, at `files/<name>`. Pure functions, no Pelican.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import contentfiles, model

FOLDER = "files"  # under content/, and in the site
FIELDS = model.DOCUMENT_NAMES  # an entry's fields (title, file), both required
EXAMPLE = "files/2018/annual-report.pdf"
# A press kit or a report with photos is 1–10 MB; more is a file a reader on a phone's data plan
# waits minutes for, that the repository keeps forever, and that a host may refuse (100 MB).
MAX_BYTES = 25_000_000
# What a PDF's compressed streams may inflate to, all together, while they are scanned: a small
# file can inflate a thousandfold (a zip bomb); past this the rest is not scanned, and refused.
MAX_INFLATED = 200_000_000


@dataclass(frozen=True)
class Kind:
    """A type of document the office publishes."""

    name: str  # as readers know it, the same in every language
    mime: str
    suffixes: tuple[str, ...]  # lower case; a file's name may end in any case
    magic: bytes  # how every such file begins
    export: str  # how to make one, for messages


PDF = Kind("PDF", "application/pdf", (".pdf",), b"%PDF-", "export it as PDF (in Word: File → Save as → PDF)")
KINDS = (PDF,)
SUFFIXES = tuple(suffix for kind in KINDS for suffix in kind.suffixes)
ALLOWED = ", ".join(kind.name for kind in KINDS)

# What a file that does not begin as its name says may be, told by how it begins (for the message).
OTHER = (
    (rb"PK\x03\x04", "a Word, Excel or other Office document (or a ZIP archive)"),
    (rb"\xd0\xcf\x11\xe0", "an old Word or Excel document (.doc, .xls)"),
    (rb"\xff\xd8", "a JPEG photo"),
    (rb"\x89PNG", "a PNG image"),
    (rb"\{\\rtf", "an RTF document"),
    (rb"<!doctype html|<html", "a web page (HTML)"),
)

# PDF names that make a viewer act, not show: run a script, start a program, carry another file,
# submit or fetch data, play embedded media, run an XFA form's scripts.
ACTIVE = {
    "JavaScript": "JavaScript",
    "JS": "JavaScript",
    "Launch": "an action that starts a program",
    "EmbeddedFile": "an embedded file",
    "EmbeddedFiles": "an embedded file",
    "RichMedia": "embedded media (Flash)",
    "XFA": "an XFA form, which can run scripts",
    "SubmitForm": "a form that sends data",
    "ImportData": "an action that imports data",
}
# a PDF name that may spell one of ACTIVE (a letter or an escape first, 2 to 40 characters, each
# fully escaped at most): only those are decoded and looked up
_ACTIVE_NAME = re.compile(rb"/((?=[A-Za-z#])[^\x00\t\n\x0c\r ()<>\[\]{}/%]{2,40})(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])")
_STREAM = re.compile(rb"stream\r?\n")


@dataclass(frozen=True)
class Attachment:
    """One entry of `attachments`, as the front-matter declares it."""

    title: str
    file: str  # the path from content/, e.g. files/2018/annual-report.pdf


@dataclass(frozen=True)
class Document:
    """An attached file as the site publishes it (paths relative to the site root)."""

    title: str
    name: str  # its path in the site, the same as under content/: files/2018/annual-report.pdf
    kind: str  # the type's name: PDF
    mime: str
    size: int  # bytes

    @property
    def url(self) -> str:
        return quote(self.name)

    @property
    def shown_size(self) -> tuple[str, float]:
        """('MB', 1.2): the unit and the number a page shows, in its language's words (the theme)."""
        return size_parts(self.size)

    @property
    def content_size(self) -> str:
        """The size as schema.org's `contentSize` gives it: '1.2 MB'."""
        unit, value = size_parts(self.size)
        return f"{value:g} {'bytes' if unit == 'bytes' else unit}"


def kind_of(name: str) -> Kind | None:
    lowered = name.lower()
    return next((kind for kind in KINDS if lowered.endswith(kind.suffixes)), None)


def size_parts(size: int) -> tuple[str, float]:
    """How a size is shown: ('bytes', 812), ('KB', 35), ('MB', 1.2) — decimal units, as the
    build's messages give them; never '1000 KB' (that is 1 MB)."""
    if size < 1000:
        return "bytes", size
    if size < 999_500:
        return "KB", int(size / 1000 + 0.5)
    return "MB", int(size / 100_000 + 0.5) / 10


def document(attachment: Attachment, source: Path) -> Document:
    """An attachment as the site publishes it; `source`: its file, as `inspect` found it."""
    kind = kind_of(attachment.file)
    return Document(attachment.title, attachment.file, kind.name, kind.mime, source.stat().st_size)


def inspect(content: Path, file: str, *, max_bytes: int = MAX_BYTES) -> Path | str:
    """The file `file` (a path from `content`) names, or one line saying what is wrong and the fix."""
    def type_of(file: str, shown: str) -> str | None:
        if kind_of(file) is None:
            return f"{shown} is not a {ALLOWED} document; the site publishes {ALLOWED} documents only: {PDF.export}, and attach that"
        return None

    found = contentfiles.locate(content, file, FOLDER, "document", EXAMPLE, type_of)
    if isinstance(found, str):
        return found
    path, status = found
    shown, kind = f"'{file}'", kind_of(file)
    if status.st_size > max_bytes:
        return (f"{shown} is {_megabytes(status.st_size)}, more than the limit of {_megabytes(max_bytes)}; "
                "make it smaller (in Word: File → Save as → PDF → Minimum size), or split it")
    data = path.read_bytes()
    return problem(data, shown, kind) or path


def problem(data: bytes, shown: str, kind: Kind = PDF) -> str | None:
    """What is wrong with a document's bytes, in one line; None when it may be published."""
    if not data:
        return f"{shown} is an empty file; {kind.export} again"
    if not data.startswith(kind.magic):
        return f"{shown} is {_what(data[:1024])}, not a {kind.name}; {kind.export}"
    if b"%%EOF" not in data[-1024:]:
        return f"{shown} is damaged or incomplete (it does not end as a {kind.name} ends); copy or export it again from the original"
    found = active(data)
    if found is not None and found[0] == "FlateDecode":
        return (f"{shown} inflates to more than {MAX_INFLATED // 1_000_000} MB, more than can be checked for scripts; "
                "print it to PDF again (File → Print → Save as PDF) or export it as PDF/A")
    if found is not None:
        name, what = found
        return (f"{shown} holds {what} (/{name}), which would run in a reader's PDF viewer; print it to PDF again "
                "(File → Print → Save as PDF) or export it as PDF/A, which leave such content out")
    return None


def active(data: bytes, budget: int | None = None) -> tuple[str, str] | None:
    """The first name in a PDF that makes a viewer act (see ACTIVE), as written, and what it is; also
    in the streams compressed with Flate (where object streams hide dictionaries), and written with
    #xx escapes (/J#61vaScript). A byte scan: see docs/content.md for what it does not catch."""
    for chunk in _chunks(data, MAX_INFLATED if budget is None else budget):
        if chunk is None:
            return "FlateDecode", "more compressed data than can be checked"
        for match in _ACTIVE_NAME.finditer(chunk):
            name = _unescape(match.group(1))
            if name in ACTIVE:
                return name, ACTIVE[name]
    return None


def _chunks(data: bytes, budget: int):
    """The file itself, then each stream inflated (`budget` bytes in all; past it, None)."""
    yield data
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        if budget <= 0:  # (a max_length of 0 would be no limit at all)
            yield None
            return
        inflater = zlib.decompressobj()
        try:
            end = data.find(b"endstream", match.end())  # (the rest of the file would be copied, stream after stream)
            inflated = inflater.decompress(view[match.end():end if end >= 0 else len(data)], budget)
        except zlib.error:
            continue  # not Flate (an image's DCT, a font's own encoding), or not compressed at all
        budget -= len(inflated)
        if inflater.unconsumed_tail:  # stopped at the budget, not at the stream's end
            yield None
            return
        yield inflated


def _unescape(name: bytes) -> str:
    """A PDF name with its #xx escapes decoded: /J#61vaScript is /JavaScript."""
    decoded = re.sub(rb"#([0-9A-Fa-f]{2})", lambda found: bytes([int(found.group(1), 16)]), name)
    return decoded.decode("latin-1")


def _what(head: bytes) -> str:
    for pattern, name in OTHER:
        if re.match(pattern, head, re.IGNORECASE):
            return name
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start <= len(head) - 4:
            return "another kind of file"
    return "a text file" if b"\x00" not in head else "another kind of file"


def _megabytes(size: int) -> str:
    return f"{-(-size // 100_000) / 10:g} MB"  # rounded up, as for photos: 25.01 MB is 25.1, not 25
