"""The language switcher takes a reader from a release to its twin and back, and says where."""

PAIR = {"en": "en/news/eu-tablets/", "ka": "ka/news/eu-tablets/"}


def test_the_switcher_leads_from_a_release_to_its_twin_and_back(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/{PAIR['en']}")
    georgian = page.locator("nav.switcher a[hreflang='ka']")
    assert (georgian.inner_text(), georgian.get_attribute("lang")) == ("ქართული", "ka")
    georgian.click()
    page.wait_for_url(f"{fixture_site.siteurl}/{PAIR['ka']}")
    assert page.locator("html").get_attribute("lang") == "ka"
    assert page.locator("h1").inner_text() == "ევროკავშირმა პოლიციას პლანშეტები გადასცა"

    english = page.locator("nav.switcher a[hreflang='en']")
    assert (english.inner_text(), english.get_attribute("lang")) == ("English", "en")
    english.click()
    page.wait_for_url(f"{fixture_site.siteurl}/{PAIR['en']}")
    assert page.locator("h1").inner_text() == "The EU donates tablets to the police"
    assert visit.elsewhere == []


def test_the_switcher_of_an_untranslated_release_leads_home_and_says_so(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/en/news/women-police/")
    # said in Georgian, to the readers of ქართული
    assert page.locator(".switcher__note").inner_text() == "(ეს გვერდი ქართულად არ არის ნათარგმნი; გაიხსნება მთავარი გვერდი)"
    page.locator("nav.switcher a[hreflang='ka']").click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/")
    assert page.locator("h1").inner_text() == "პრესრელიზები"


def test_the_switcher_is_reachable_by_keyboard_and_focus_is_visible(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/{PAIR['en']}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "the skip link shows when focused"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "ka":
            break
    else:
        raise AssertionError("Tab never reached the switcher")
    focused = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert focused == "rgb(255, 221, 0)", "a focused link is marked in yellow"
