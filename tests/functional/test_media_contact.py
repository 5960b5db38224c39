"""The "Media enquiries" block: set (NEWSROOM_MEDIA_CONTACT; made-up contacts here, on the reserved
example.org), it ends every release page in the page's language, with links that open an email
and dial the number; unset, as in the project's settings, no page has it."""

from __future__ import annotations

import pytest

SITE = "https://example.org/newsroom"
CONTACT = {
    "en": {"name": "Nino Example", "role": "Media and Communications", "email": "press@example.org", "phone": "+995 (32) 200-00-00"},
    "ka": {"name": "ნინო მაგალითი", "role": "მედია და კომუნიკაცია", "email": "press.ka@example.org"},
}
RELEASES = {
    f"{SITE}/en/news/eu-tablets/": "en", f"{SITE}/ka/news/eu-tablets/": "ka",
    f"{SITE}/en/news/women-police/": "en", f"{SITE}/ka/news/katastropis-dghe/": "ka",
}


@pytest.fixture(scope="module")
def site(site_factory):
    return site_factory("bilingual", NEWSROOM_MEDIA_CONTACT=CONTACT)


@pytest.fixture(scope="module")
def unset(site_factory):
    return site_factory("bilingual")


def block(page):
    (section,) = page.select("section.contact")
    return section


def test_every_release_page_ends_with_the_contact_of_its_language(site):
    for url, lang in RELEASES.items():
        page = site.html(url)
        footer = page.select_one("article.release > footer.release__footer")
        panels = footer.find_all("section", recursive=False)
        assert panels[-1] is block(page), url  # the last thing the release says
        assert block(page).select_one(".contact__name").get_text() == CONTACT[lang]["name"], url


def test_the_english_block_links_an_email_and_a_phone_number(site):
    section = block(site.html(f"{SITE}/en/news/eu-tablets/"))
    assert section.h2.get_text() == "Media enquiries"
    assert section["aria-labelledby"] == section.h2["id"]
    assert section.select_one("address .contact__role").get_text() == "Media and Communications"
    assert [dt.get_text() for dt in section.select("dt")] == ["Email", "Phone"]
    assert [(a["href"], a.get_text()) for a in section.select("dd a")] == [
        ("mailto:press@example.org", "press@example.org"), ("tel:+995322000000", "+995 (32) 200-00-00")]


def test_the_georgian_block_is_in_georgian_and_leaves_out_the_phone_it_was_not_given(site):
    section = block(site.html(f"{SITE}/ka/news/katastropis-dghe/"))
    assert section.h2.get_text() == "მედიასთან ურთიერთობა"
    assert section.select_one(".contact__role").get_text() == "მედია და კომუნიკაცია"
    assert [dt.get_text() for dt in section.select("dt")] == ["ელფოსტა"]
    assert [a["href"] for a in section.select("a")] == ["mailto:press.ka@example.org"]


def test_list_pages_have_no_contact_block(site):
    for url in (f"{SITE}/en/", f"{SITE}/ka/", f"{SITE}/en/partners/eu/"):
        assert site.html(url).select(".contact") == [], url


def test_unset_no_page_has_a_contact_block(unset):
    pages = unset.pages()
    assert len(pages) > 20
    assert [path for path in pages if unset.html(f"{SITE}/{path.relative_to(unset.output)}").select(".contact, address")] == []


def test_a_withdrawn_release_keeps_the_contact_for_questions_about_it(site_factory):
    corrections = site_factory("corrections", NEWSROOM_MEDIA_CONTACT=CONTACT)
    for lang in ("en", "ka"):
        page = corrections.html(f"{SITE}/{lang}/news/health-survey/")
        assert page.select(".release .notice") and page.select(".release__body, .share") == []  # withdrawn
        assert block(page).select_one(".contact__name").get_text() == CONTACT[lang]["name"]
