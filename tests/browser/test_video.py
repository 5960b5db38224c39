"""Click to play: nothing is fetched from YouTube until the reader asks for the video."""


def test_the_player_loads_from_youtube_nocookie_only_on_click(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/en/news/women-police/")
    page.wait_for_load_state("networkidle")
    assert visit.elsewhere == [], "no third-party request before the click"
    # the player's request, refused by the tab (conftest): it fails once recorded
    with page.expect_event("requestfailed", lambda request: "youtube" in request.url, timeout=120_000):
        page.locator(".video__poster").click()
    player = page.locator("iframe.video__player")
    assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/abc123?autoplay=1"
    assert player.get_attribute("title") == "Video: Women in Policing Conference"
    assert page.locator(".video__poster").count() == 0
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert visit.elsewhere and all(url.startswith("https://www.youtube-nocookie.com/embed/abc123") for url in visit.elsewhere)


def test_pages_without_a_video_load_no_script_at_all(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/en/news/eu-tablets/")
    assert page.locator("script[src]").count() == 0
