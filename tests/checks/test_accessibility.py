"""Accessibility: axe-core finds no WCAG 2.0/2.1 A or AA violation in one page of every kind,
in every language, loaded in a real Chromium."""

import pytest

from sitecheck.axe import KINDS, PAGES, check_page, fullest
from sitecheck.builtsite import LANGUAGES
from sitecheck.builtsite import serve


def pick(site, folder, pattern):
    """The fullest page of a kind (most content, so most of its template is exercised)."""
    path = fullest(site, folder, pattern)
    assert path, f"no page {folder}{pattern} in the built site"
    return path


@pytest.mark.parametrize(("folder", "kind", "pattern"), PAGES, ids=[folder + kind for folder, kind, _ in PAGES])
def test_no_accessibility_violations(site, page, folder, kind, pattern):
    path = pick(site, folder, pattern)
    findings = check_page(page, site.url_of(path), site.relative(path))
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violations_in_a_release_with_the_media_contact(contact_site, page, lang):
    path = pick(contact_site, f"{lang}/", KINDS["article"])
    assert "contact__card" in path.read_text(encoding="utf-8")
    findings = check_page(page, contact_site.url_of(path), contact_site.relative(path))
    assert not findings, "\n".join(findings)


def test_a_planted_image_without_alt_is_reported(planted, page):
    # an id, so that axe names it by its id, whatever other images the page holds
    image = '<img id="planted" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">'
    planted.edit("ka/index.html", "</main>", image + "</main>")
    with serve(planted.root.parent) as origin:
        url = planted.url_of(planted.root / "ka/index.html", siteurl=f"{origin}/newsroom")
        findings = check_page(page, url, "ka/index.html")
    assert "ka/index.html: image-alt [critical] Images must have alternative text: #planted" in findings
