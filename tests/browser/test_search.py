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
