"""Screenshots for a person to look at: the English and Georgian home and release pages, at a
phone's and a desktop's width, into test-artifacts/screenshots/ (not committed)."""

import pytest

from .conftest import SCREENSHOTS

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = {
    "en-home": ("seed", "en/"),
    "ka-home": ("seed", "ka/"),
    "en-release": ("seed", "en/news/eu-tablets-for-intelligence-led-policing/"),
    "ka-release": ("seed", "ka/news/katastropis-riskis-shemtsirebis-dghe/"),
    "en-release-with-image-and-video": ("fixture", "en/news/women-police/"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(sites, browser, name, size):
    site, path = PAGES[name]
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{sites[site].siteurl}/{path}", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}-{size}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 0
    finally:
        context.close()
