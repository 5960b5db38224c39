"""Documents attached to releases (tests/roots/attachments): listed after the text of each release
that attaches them, in its language's words; copied into the site at files/<name>, byte for byte;
published only with a release that is: not with a draft or an embargoed release in the strict build
(the preview shows them, as it shows their pages), never with a withdrawn one."""

from __future__ import annotations

import contextlib
import filecmp
import io
import json
import shutil
import types
from pathlib import Path

import pytest
from PIL import Image

from checks.builtsite import BuiltSite, serve
from checks.builtsite import build as served_build
from checks.conftest import require
from conftest import ROOTS, Site, build
from sitecheck.axe import check_page
from sitecheck.links import check_links
from sitecheck.nuchecker import VNU_JAR, check_html

from newsroom import generator
from newsroom.errors import OutputError

SITE = "https://example.org/newsroom"
FACTS = "files/2019/facts and figures.pdf"  # attached by both language versions
FACTS_BYTES = 1_216_278  # the 800 × 750 PDF below, hex-encoded by Pillow: 1.2 MB
PUBLISHED = ["files/2019/facts and figures.pdf", "files/2019/migration-report.ka.pdf", "files/2019/migration-report.pdf"]


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    """The fixture, with the shared document made 1.2 MB (a real PDF, as Pillow writes one)."""
    content = tmp_path_factory.mktemp("attachments") / "content"
    shutil.copytree(ROOTS / "attachments" / "content", content)
    data = io.BytesIO()
    Image.new("P", (800, 750)).save(data, "PDF")
    (content / FACTS).write_bytes(data.getvalue())
    assert (content / FACTS).stat().st_size == FACTS_BYTES
    return content


@pytest.fixture(scope="module")
def strict(content, tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("strict")
    build(content, root / "output", CACHE_PATH=str(root / "cache"))
    return Site(root / "output")


@pytest.fixture(scope="module")
def preview(content, tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("preview")
    with contextlib.redirect_stderr(io.StringIO()):
        build(content, root / "output", "pelicanconf.py", CACHE_PATH=str(root / "cache"))
    return Site(root / "output")


def documents(site: Site, url: str) -> list[dict]:
    """The documents listed on a release's page, as a reader and a screen reader get them."""
    html = site.html(f"{SITE}/{url}")
    section = html.find("section", class_="documents")
    if section is None:
        return []
    heading = html.find(id=section["aria-labelledby"])
    assert heading.parent is section and heading.name == "h2"
    found = []
    for item in section.find_all("li"):
        link, about = item.a, item.find(class_="documents__about")
        shown, said = about.find(attrs={"aria-hidden": "true"}), about.find(class_="visually-hidden")
        found.append({"heading": heading.get_text(), "title": link.get_text(), "href": link["href"], "type": link["type"],
                      "shown": shown.get_text(), "said": said.get_text()})
    return found


def published_documents(site: Site) -> list[str]:
    folder = site.output / "files"
    return sorted(path.relative_to(site.output).as_posix() for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


def test_an_english_release_lists_its_documents_after_its_text(strict):
    assert documents(strict, "en/news/migration-report/") == [
        {"heading": "Documents", "title": "Migration profile of Georgia, 2018", "href": f"{SITE}/files/2019/migration-report.pdf",
         "type": "application/pdf", "shown": "PDF, 2 KB", "said": "PDF, 1,554 bytes"},
        {"heading": "Documents", "title": "Facts and figures", "href": f"{SITE}/files/2019/facts%20and%20figures.pdf",
         "type": "application/pdf", "shown": "PDF, 1.2 MB", "said": "PDF, 1,216,278 bytes"},
    ]
    body = strict.html(f"{SITE}/en/news/migration-report/").find(class_="release__body")
    assert body.find_next_sibling("section")["class"] == ["documents"]


def test_a_georgian_release_lists_its_own_in_georgian_words_and_numbers(strict):
    assert documents(strict, "ka/news/migration-report/") == [
        {"heading": "დოკუმენტები", "title": "საქართველოს მიგრაციული პროფილი, 2018", "href": f"{SITE}/files/2019/migration-report.ka.pdf",
         "type": "application/pdf", "shown": "PDF, 2 კბ", "said": "PDF, 1\u00a0560 ბაიტი"},
        {"heading": "დოკუმენტები", "title": "ფაქტები და ციფრები", "href": f"{SITE}/files/2019/facts%20and%20figures.pdf",
         "type": "application/pdf", "shown": "PDF, 1,2 მბ", "said": "PDF, 1\u00a0216\u00a0278 ბაიტი"},
    ]


def test_the_structured_data_names_each_document(strict):
    html = strict.html(f"{SITE}/ka/news/migration-report/")
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["associatedMedia"] == [
        {"@type": "MediaObject", "name": "საქართველოს მიგრაციული პროფილი, 2018", "contentUrl": f"{SITE}/files/2019/migration-report.ka.pdf",
         "encodingFormat": "application/pdf", "contentSize": "2 KB"},
        {"@type": "MediaObject", "name": "ფაქტები და ციფრები", "contentUrl": f"{SITE}/files/2019/facts%20and%20figures.pdf",
         "encodingFormat": "application/pdf", "contentSize": "1.2 MB"},
    ]


def test_the_strict_build_publishes_the_documents_of_published_releases_only(strict, content):
    """Not the draft's, not the embargoed release's, not the withdrawn one's: each is attached, none is published."""
    assert published_documents(strict) == PUBLISHED
    _, mismatch, errors = filecmp.cmpfiles(content, strict.output, PUBLISHED, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert not strict.file(f"{SITE}/en/news/draft-plan/").exists()
    assert not strict.file(f"{SITE}/en/news/embargoed/").exists()


def test_a_withdrawn_release_shows_no_documents_and_publishes_none(strict, preview):
    for site in (strict, preview):
        assert "withdrawn on" in site.html(f"{SITE}/en/news/old-survey/").get_text()
        assert documents(site, "en/news/old-survey/") == []
        assert not (site.output / "files" / "old-survey.pdf").exists()


def test_the_preview_shows_a_drafts_and_an_embargoed_releases_documents_with_their_pages(preview):
    assert published_documents(preview) == sorted([*PUBLISHED, "files/draft-plan.pdf", "files/embargoed-agenda.pdf"])
    assert [item["title"] for item in documents(preview, "en/news/draft-plan/")] == ["The draft plan"]
    assert [item["title"] for item in documents(preview, "en/news/embargoed/")] == ["The agenda"]


def test_a_document_copied_short_fails_the_build_and_leaves_the_last_site(content, strict, tmp_path, monkeypatch):
    out = tmp_path / "output"
    shutil.copytree(strict.output, out)

    def half(source, destination):
        data = Path(source).read_bytes()
        Path(destination).write_bytes(data[: len(data) // 2])

    monkeypatch.setattr(generator, "shutil", types.SimpleNamespace(copyfile=half))
    with pytest.raises(OutputError) as failure:
        build(content, out, CACHE_PATH=str(tmp_path / "cache"))
    assert str(failure.value).startswith(
        f"newsroom: the new site is incomplete (files/2019/facts and figures.pdf is cut short ({FACTS_BYTES // 2} of {FACTS_BYTES} bytes); "
        "and 2 more problems); the last site was left in place.")
    assert published_documents(Site(out)) == PUBLISHED
    assert (out / FACTS).stat().st_size == FACTS_BYTES


# -- what the checks of the published site ask of every page ---------------------------------------

def test_every_page_is_valid_html(strict):
    assert check_html([*strict.output.rglob("*.html")], strict.output, require(VNU_JAR)) == []


def test_every_internal_link_resolves_the_documents_too(strict):
    assert check_links(BuiltSite(strict.output, SITE)) == []


@pytest.fixture(scope="module")
def served(content, tmp_path_factory):
    www = tmp_path_factory.mktemp("www")
    with serve(www) as origin:
        yield served_build(content, www / "newsroom", f"{origin}/newsroom")


@pytest.mark.parametrize("path", ["en/news/migration-report/", "ka/news/migration-report/"])
def test_no_accessibility_violations_and_the_screen_reader_hears_the_bytes(served, page, path):
    assert check_page(page, f"{served.siteurl}/{path}", path) == []
    first = page.locator(".documents li").first
    said = first.aria_snapshot()  # what a screen reader is given: the size in bytes, not the rounded one
    assert ("1,554 bytes" in said and "2 KB" not in said) if path.startswith("en") else ("1 560 ბაიტი" in said and "2 კბ" not in said)
    assert first.locator(".visually-hidden").bounding_box()["width"] <= 1  # …and a reader who sees sees the rounded one
    link = page.get_by_role("link", name="Facts and figures" if path.startswith("en") else "ფაქტები და ციფრები")
    response = page.request.get(link.get_attribute("href"))
    assert response.ok and response.body()[:5] == b"%PDF-"
