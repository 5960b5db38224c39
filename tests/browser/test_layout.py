"""A phone-sized screen: no page of either site, in either language, scrolls sideways."""

import pytest


@pytest.mark.parametrize("name", ["rich", "fixture"])
def test_no_page_scrolls_sideways_on_a_small_phone(sites, phone, name):
    site = sites[name]
    pages = site.files("*.html")
    assert len(pages) > 30, "every kind of page in both languages"
    wide = []
    for path in pages:
        page = phone.open(site.url_of(path))
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide.append(f"{site.relative(path)}: {scroll}px wide in a {client}px screen")
    assert wide == []


def test_every_kind_of_page_was_checked(sites):
    """The rich and the bilingual fixtures between them hold each kind of page in both languages."""
    kinds = ["index.html", "404.html", "{lang}/index.html", "{lang}/page/2/index.html", "{lang}/news/*/index.html",
             "{lang}/partners/index.html", "{lang}/partners/*/index.html", "{lang}/topics/index.html",
             "{lang}/topics/*/index.html", "{lang}/archive/index.html", "{lang}/archive/*/index.html",
             "{lang}/search/index.html", "{lang}/404.html"]
    for kind in kinds:
        for lang in ("en", "ka"):
            pattern = kind.format(lang=lang)
            assert all(list(site.root.glob(pattern)) for site in sites.values()), pattern
