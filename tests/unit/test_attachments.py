"""Attachments: the field's entries, a document's path and bytes, its size as a page shows it, and
the documents no release attaches."""

from __future__ import annotations

import datetime
import io
import zlib
from pathlib import Path

import pytest
from PIL import Image

from newsroom import attachments, frontmatter, inventory, references
from newsroom.attachments import Attachment

SITE = frontmatter.Site(languages=("en", "ka"), today=datetime.date(2026, 11, 29))
PATH = "content/releases/2019/report.en.md"
EXAMPLE = "files/2018/annual-report.pdf"
ENTRY = f"expected '- title: …' and '  file: {EXAMPLE}' lines indented under 'attachments:'"
RERUN = "print it to PDF again (File → Print → Save as PDF) or export it as PDF/A, which leave such content out"
EXPORT = "export it as PDF (in Word: File → Save as → PDF)"


def pdf(mode: str = "RGB", size: tuple[int, int] = (40, 30)) -> bytes:
    """A real PDF, as Pillow's PDF writer makes it."""
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PDF")
    return out.getvalue()


def with_catalog(extra: bytes) -> bytes:
    """The PDF with `extra` written into its document catalog (where an /OpenAction goes)."""
    data = pdf()
    assert b"/Type /Catalog" in data
    return data.replace(b"/Type /Catalog", b"/Type /Catalog " + extra, 1)


def with_stream(dictionary: bytes) -> bytes:
    """The PDF with an object stream, compressed with Flate, holding `dictionary` (as PDF 1.5 hides
    objects), before its end."""
    data = pdf()
    stream = zlib.compress(dictionary)
    obj = b"9 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(stream), stream)
    return data.replace(b"xref", obj + b"xref", 1)


# -- the front-matter entries ----------------------------------------------------------------------

def parsed(yaml: str) -> tuple[frontmatter.Release | None, list[str]]:
    text = f"---\ntitle: A report\ndate: 2019-05-14\nlang: en\n{yaml}---\nThe text.\n"
    release, _, problems = frontmatter.parse(text, PATH, SITE)
    return release, [str(problem) for problem in problems]


@pytest.mark.parametrize(("yaml", "expected"), [
    ("", ()),
    ("attachments: []\n", ()),
    (f"attachments:\n  - title: Annual report 2018\n    file: {EXAMPLE}\n", (Attachment("Annual report 2018", EXAMPLE),)),
    # spaces around a value are not the officer's meaning
    ("attachments:\n  - {title: ' Facts ', file: ' files/facts.pdf '}\n", (Attachment("Facts", "files/facts.pdf"),)),
    ("attachments:\n  - title: ანგარიში\n    file: files/ანგარიში.pdf\n  - title: Facts\n    file: files/facts and figures.PDF\n",
     (Attachment("ანგარიში", "files/ანგარიში.pdf"), Attachment("Facts", "files/facts and figures.PDF"))),
])
def test_attachments_are_read_as_written(yaml, expected):
    release, problems = parsed(yaml)
    assert problems == []
    assert release.attachments == expected


@pytest.mark.parametrize(("yaml", "expected"), [
    (f"attachments: {EXAMPLE}\n", [f"'attachments': '{EXAMPLE}' is not a list of documents; {ENTRY}"]),
    ("attachments:\n  title: Report\n  file: files/a.pdf\n",
     [f"'attachments': {{'title': 'Report', 'file': 'files/a.pdf'}} is not a list of documents; {ENTRY}"]),
    ("attachments:\n  - files/a.pdf\n", [f"'attachments[1]': 'files/a.pdf' is not a document; {ENTRY}"]),
    ("attachments:\n  - file: files/a.pdf\n",
     ["'attachments[1].title': missing; give the words of the link to the document, e.g. 'Annual report 2018'"]),
    ("attachments:\n  - title: ' '\n    file: files/a.pdf\n",
     ["'attachments[1].title': missing; give the words of the link to the document, e.g. 'Annual report 2018'"]),
    ("attachments:\n  - title: Report\n",
     [f"'attachments[1].file': missing; give the document's path from content/, e.g. {EXAMPLE}"]),
    ("attachments:\n  - title: Report\n    src: files/a.pdf\n",
     ["'attachments[1].src': unknown field; did you mean 'file'? expected one of: 'file', 'title'",
      f"'attachments[1].file': missing; give the document's path from content/, e.g. {EXAMPLE}"]),
    ("attachments:\n  - title: Report\n    file: files/a.pdf\n    size: 2 MB\n",
     ["'attachments[1].size': unknown field; expected one of: 'file', 'title'"]),
    ('attachments:\n  - title: "Annual\\nreport"\n    file: files/a.pdf\n',
     ["'attachments[1].title': 'Annual\\nreport' contains a line break after 'Annual'; write it on one line"]),
    ('attachments:\n  - title: "Annual \\u202ereport"\n    file: files/a.pdf\n',
     ["'attachments[1].title': 'Annual \\u202ereport' contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) "
      "after 'Annual '; delete it (retype the words around it if you cannot see it)"]),
    (f"attachments:\n  - title: {'A' * 301}\n    file: files/a.pdf\n",
     ["'attachments[1].title': is 301 characters long; at most 300 fit where it is shown, shorten it"]),
    ("attachments:\n  - title: Report\n    file: [files/a.pdf]\n",
     ["'attachments[1].file': ['files/a.pdf'] is not text; expected a single line of text"]),
    ("attachments:\n  - title: Report\n    file: files/a.pdf\n  - title: Again\n    file: files/a.pdf\n",
     ["'attachments[2].file': 'files/a.pdf' is listed twice"]),
    ("documents:\n  - title: Report\n    file: files/a.pdf\n",
     [f"'documents': unknown field; did you mean 'attachments'? {frontmatter.one_of(frontmatter.FIELDS)}"]),
])
def test_an_entry_of_another_shape_is_one_line_each(yaml, expected):
    release, problems = parsed(yaml)
    assert release is None
    assert problems == [f"{PATH}: {line}" for line in expected]


# -- a document's path -----------------------------------------------------------------------------

@pytest.fixture
def content(tmp_path) -> Path:
    (tmp_path / "files" / "2019").mkdir(parents=True)
    (tmp_path / "files" / "2019" / "report.pdf").write_bytes(pdf())
    (tmp_path / "secret.pdf").write_bytes(pdf())
    (tmp_path / "files" / "2019" / "escape.pdf").symlink_to(tmp_path / "secret.pdf")
    (tmp_path / "files" / "fifo.pdf").symlink_to("/dev/null")
    return tmp_path


OUTSIDE = f"is outside content/files/; put the document in content/files/ and give its path from content/, e.g. {EXAMPLE}"


@pytest.mark.parametrize(("file", "expected"), [
    ("files/2019/report.pdf", None),
    ("files/2019/../2019/report.pdf", "'files/2019/../2019/report.pdf' has '..' in it; write it as 'files/2019/report.pdf'"),
    ("files/../../etc/passwd.pdf", f"'files/../../etc/passwd.pdf' {OUTSIDE}"),
    ("/etc/report.pdf", f"'/etc/report.pdf' is an absolute path; give the path from content/, e.g. {EXAMPLE}"),
    ("C:\\Users\\nino\\report.pdf", f"'C:\\Users\\nino\\report.pdf' has a backslash; separate folders with /, e.g. {EXAMPLE}"),
    ("C:/Users/report.pdf", f"'C:/Users/report.pdf' is an absolute path; give the path from content/, e.g. {EXAMPLE}"),
    ("https://example.org/report.pdf", "'https://example.org/report.pdf' is a web address; save the document in content/files/ "
                                      f"and give its path from content/, e.g. {EXAMPLE}"),
    ("images/report.pdf", f"'images/report.pdf' {OUTSIDE}"),
    ("report.pdf", f"'report.pdf' {OUTSIDE}"),
    ("files/report.docx", f"'files/report.docx' is not a PDF document; the site publishes PDF documents only: {EXPORT}, and attach that"),
    ("files/2019/missing.pdf", "'files/2019/missing.pdf' does not exist under content/; check the spelling, or add the document to content/files/"),
    ("files/2019/report.pdf/x.pdf", "'files/2019/report.pdf/x.pdf' does not exist under content/; check the spelling, "
                                    "or add the document to content/files/"),
    ("files/2019/escape.pdf", "'files/2019/escape.pdf' is a link to a place outside content/files/; copy the document itself into content/files/"),
    ("files/fifo.pdf", "'files/fifo.pdf' is a link to a place outside content/files/; copy the document itself into content/files/"),
])
def test_a_documents_path_is_under_content_files(content, file, expected):
    found = attachments.inspect(content, file)
    if expected is None:
        assert found == (content / file).resolve()
    else:
        assert found == expected


def test_a_folder_is_not_a_document(content):
    (content / "files" / "folder.pdf").mkdir()
    assert attachments.inspect(content, "files/folder.pdf") == f"'files/folder.pdf' is a folder; give the path of a document in it, e.g. {EXAMPLE}"


def test_a_document_over_the_limit_is_refused_before_it_is_read(content):
    (content / "files" / "big.pdf").write_bytes(b"%PDF-" + b"\x00" * 1_234_562)  # 1,234,567 bytes, never read
    assert attachments.inspect(content, "files/big.pdf", max_bytes=1_234_567) == (
        "'files/big.pdf' is damaged or incomplete (it does not end as a PDF ends); copy or export it again from the original")
    assert attachments.inspect(content, "files/big.pdf", max_bytes=1_000_000) == (
        "'files/big.pdf' is 1.3 MB, more than the limit of 1 MB; make it smaller (in Word: File → Save as → PDF → Minimum size), "
        "or split it")


# -- a document's bytes ----------------------------------------------------------------------------

def zip_file() -> bytes:
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(("data", "expected"), [
    (pdf(), None),
    (pdf("1", (8, 8)), None),
    (pdf("P", (8, 8)), None),
    # a viewer setting (open at page 1, fit to the window) is not active content
    (with_catalog(b"/OpenAction [ 1 0 R /Fit ]"), None),
    (with_stream(b"BT (JavaScript, without a slash, is a word here) Tj ET"), None),
    (with_catalog(b"/JavaScriptish 1 /MyJS 2"), None),  # other names that start or end alike
    # a byte scan does not parse: a name in a text string is refused too (refused, rather than missed)
    (with_stream(b"BT (/Launch) Tj ET"), f"{{shown}} holds an action that starts a program (/Launch), "
                                         f"which would run in a reader's PDF viewer; {RERUN}"),
    (b"", f"{{shown}} is an empty file; {EXPORT} again"),
    (zip_file(), f"{{shown}} is a Word, Excel or other Office document (or a ZIP archive), not a PDF; {EXPORT}"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, f"{{shown}} is an old Word or Excel document (.doc, .xls), not a PDF; {EXPORT}"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 64, f"{{shown}} is a JPEG photo, not a PDF; {EXPORT}"),
    (b"<!DOCTYPE html><script>alert(1)</script>", f"{{shown}} is a web page (HTML), not a PDF; {EXPORT}"),
    (b"The annual report, in words.\n", f"{{shown}} is a text file, not a PDF; {EXPORT}"),
    (b"\x00\x01\x02garbage", f"{{shown}} is another kind of file, not a PDF; {EXPORT}"),
    (b" %PDF-1.4\n", f"{{shown}} is a text file, not a PDF; {EXPORT}"),
    (pdf()[:700], "{shown} is damaged or incomplete (it does not end as a PDF ends); copy or export it again from the original"),
    (with_catalog(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
     f"{{shown}} holds JavaScript (/JavaScript), which would run in a reader's PDF viewer; {RERUN}"),
    (with_catalog(b"/AA << /O << /JS (app.alert(1)) >> >>"),
     f"{{shown}} holds JavaScript (/JS), which would run in a reader's PDF viewer; {RERUN}"),
    (with_catalog(b"/OpenAction << /S /J#61va#53cript /J#53 (app.alert(1)) >>"),
     f"{{shown}} holds JavaScript (/JavaScript), which would run in a reader's PDF viewer; {RERUN}"),
    (with_catalog(b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
     f"{{shown}} holds an action that starts a program (/Launch), which would run in a reader's PDF viewer; {RERUN}"),
    (with_catalog(b"/OpenAction << /S /#4A#61#76#61#53#63#72#69#70#74 >>"),
     f"{{shown}} holds JavaScript (/JavaScript), which would run in a reader's PDF viewer; {RERUN}"),
    (with_catalog(b"/Names << /EmbeddedFiles 8 0 R >>"),
     f"{{shown}} holds an embedded file (/EmbeddedFiles), which would run in a reader's PDF viewer; {RERUN}"),
    (with_catalog(b"/AcroForm << /XFA 8 0 R >>"),
     f"{{shown}} holds an XFA form, which can run scripts (/XFA), which would run in a reader's PDF viewer; {RERUN}"),
    (with_stream(b"<< /Type /Action /S /JavaScript /JS 12 0 R >>"),
     f"{{shown}} holds JavaScript (/JavaScript), which would run in a reader's PDF viewer; {RERUN}"),
])
def test_a_documents_bytes_match_its_type_and_run_nothing(data, expected):
    shown = "'files/report.pdf'"
    found = attachments.problem(data, shown)
    assert found == (expected.format(shown=shown) if expected else None)


def test_a_stream_that_inflates_past_the_budget_is_refused_not_inflated(monkeypatch):
    bomb = with_stream(b"\x00" * 2_000_000)  # 2 MB of zeros in 2 KB
    assert attachments.active(bomb) is None  # within what is inflated (200 MB)
    assert attachments.active(bomb, budget=2_000_100) is None
    assert attachments.active(bomb, budget=1_999_999) == ("FlateDecode", "more compressed data than can be checked")
    monkeypatch.setattr(attachments, "MAX_INFLATED", 1_000_000)
    assert attachments.problem(bomb, "'files/bomb.pdf'") == (
        "'files/bomb.pdf' inflates to more than 1 MB, more than can be checked for scripts; "
        "print it to PDF again (File → Print → Save as PDF) or export it as PDF/A")


# -- sizes, as a page shows them ---------------------------------------------------------------------

@pytest.mark.parametrize(("size", "expected"), [
    (0, ("bytes", 0)),
    (812, ("bytes", 812)),
    (999, ("bytes", 999)),
    (1000, ("KB", 1)),
    (1499, ("KB", 1)),
    (1500, ("KB", 2)),
    (35_400, ("KB", 35)),
    (999_499, ("KB", 999)),
    (999_500, ("MB", 1.0)),  # never "1000 KB"
    (1_216_278, ("MB", 1.2)),
    (1_250_000, ("MB", 1.3)),
    (25_000_000, ("MB", 25.0)),
])
def test_size_parts(size, expected):
    assert attachments.size_parts(size) == expected


@pytest.mark.parametrize(("size", "expected"), [(812, "812 bytes"), (35_400, "35 KB"), (1_216_278, "1.2 MB"), (2_000_000, "2 MB")])
def test_a_documents_content_size_for_structured_data(size, expected):
    document = attachments.Document("Report", "files/a b.pdf", "PDF", "application/pdf", size)
    assert (document.content_size, document.url) == (expected, "files/a%20b.pdf")


# -- the folder as a whole ----------------------------------------------------------------------------

@pytest.mark.parametrize(("relative", "expected"), [
    ("files/2019/report.pdf", ("files", "")),
    ("files/REPORT.PDF", ("files", "")),
    ("files/report.docx", (None, "is not a PDF document; content/files/ holds only the PDF documents releases attach: "
                                 f"{EXPORT}, or move or delete it")),
    ("files/tracker.js", (None, "is not a PDF document; content/files/ holds only the PDF documents releases attach: "
                                f"{EXPORT}, or move or delete it")),
])
def test_the_inventory_sorts_content_files(relative, expected):
    assert inventory.classify(relative, ("releases",), ()) == expected


def release_attaching(*files: str) -> frontmatter.Release:
    return frontmatter.Release(path=PATH, title="A report", date=datetime.datetime(2019, 5, 14), lang="en", slug="report",
                               partners=(), attachments=tuple(Attachment("A document", file) for file in files))


def test_a_document_no_release_attaches_is_reported():
    releases = [release_attaching("files/a.pdf"), release_attaching("files/a.pdf", "files/b.pdf")]
    found = references.unattached(["files/a.pdf", "files/b.pdf", "files/c.pdf"], releases)
    assert [str(problem) for problem in found] == [
        "content/files/c.pdf: is attached to no release (or only to one with a problem of its own); "
        "attach it to its release under 'attachments:', or delete it"]
