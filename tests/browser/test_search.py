"""Search: Pagefind's interface on each language's search page finds that language's release."""

import pytest


@pytest.mark.parametrize(("lang", "query", "title", "path"), [
    ("ka", "პლანშეტები", "ევროკავშირმა პოლიციას პლანშეტები გადასცა", "ka/news/eu-tablets/"),
    ("en", "tablets", "The EU donates tablets to the police", "en/news/eu-tablets/"),
], ids=["ka", "en"])
def test_a_search_finds_the_release_in_the_pages_language(fixture_site, visit, lang, query, title, path):
    page = visit.open(f"{fixture_site.siteurl}/{lang}/search/")
    field = page.locator(".pagefind-ui__search-input")
    assert field.get_attribute("placeholder") == ("პრესრელიზებში ძიება" if lang == "ka" else "Search the press releases")
    field.fill(query)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=120_000)  # as soon as Pagefind answers; the time only runs out when it never does
    assert first.inner_text() == title
    assert first.get_attribute("href") == f"/fixture/{path}"
    assert visit.elsewhere == []


@pytest.mark.parametrize(("lang", "query", "other", "title", "path", "heading"), [
    ("en", "მთაწმიდის", "ka", "კატასტროფის რისკის შემცირების დღე", "ka/news/katastropis-dghe/", "Press releases in Georgian"),
    ("ka", "conference", "en", "Women in Policing Conference", "en/news/women-police/", "პრესრელიზები ინგლისურად"),
], ids=["a Georgian word on the English page", "an English word on the Georgian page"])
def test_a_search_finds_the_other_languages_releases_after_its_own(fixture_site, visit, lang, query, other, title, path, heading):
    """Georgian-only releases are listed on /en/ and English-only ones on /ka/: a search finds them
    too, marked with their language, in a list after the page language's own."""
    page = visit.open(f"{fixture_site.siteurl}/{lang}/search/")
    page.locator(".pagefind-ui__search-input").fill(query)
    found = page.locator(f"section.search-other[data-lang='{other}'] .search-other__result a").first
    found.wait_for(timeout=120_000)
    assert found.inner_text() == title
    assert found.get_attribute("href") == f"/fixture/{path}"
    assert found.locator("xpath=..").get_attribute("lang") == other
    assert page.locator(f"#search-other-{other}").inner_text() == heading
    # after Pagefind's own list in the page's language
    assert page.evaluate("() => document.querySelector('#search').compareDocumentPosition(document.querySelector('.search-other')) & 4") == 4
    assert visit.elsewhere == []
