"""With JavaScript off, a reader still reads releases, browses the lists and reaches the video."""


def test_a_release_reads_and_its_video_is_a_plain_link(fixture_site, no_script):
    page = no_script.open(f"{fixture_site.siteurl}/en/news/women-police/")
    assert page.locator("h1").inner_text() == "Women in Policing Conference"
    assert page.locator(".release__body").inner_text().strip() == "The conference closes today in Tbilisi."
    assert page.locator(".release__image img").evaluate("image => image.complete && image.naturalWidth > 0")
    poster = page.locator(".video__poster")
    assert poster.is_visible() and poster.inner_text().strip() == "Watch the video"
    assert page.locator("iframe").count() == 0
    # refused by the tab (conftest): the request fails once recorded
    with page.expect_event("requestfailed", lambda request: "youtube" in request.url, timeout=120_000):
        poster.click(no_wait_after=True)
    assert no_script.elsewhere == ["https://www.youtube.com/watch?v=abc123"], "the link goes to YouTube itself"


def test_the_lists_lead_to_releases_and_to_their_other_pages(fixture_site, no_script):
    page = no_script.open(f"{fixture_site.siteurl}/ka/")
    assert page.locator(".card").count() == 2
    page.locator("a[rel=next]").click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/page/2/")
    page.locator(".card__title a").first.click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/news/katastropis-dghe/")
    page.locator(".site-nav__link", has_text="პარტნიორები").click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/partners/")
    page.locator(".index__link", has_text="ევროკავშირი").click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/partners/eu/")
    page.locator(".card__title a", has_text="ევროკავშირმა პოლიციას პლანშეტები გადასცა").click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/news/eu-tablets/")
    page.locator(".tags__link").first.click()
    page.wait_for_url(f"{fixture_site.siteurl}/ka/topics/policing/")
    assert no_script.elsewhere == []
