"""Screenshots for a person to look at: the English and Georgian home and release pages, at a
phone's and a desktop's width, into test-artifacts/screenshots/ (not committed). Each picture is
also checked for what every reader sees first: the page no wider than the screen, and the
masthead in IOM blue from edge to edge (the stylesheet found, and allowed, under the sub-path)."""

import pytest
from PIL import Image

from .conftest import SCREENSHOTS

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = {
    "en-home": ("rich", "en/"),
    "ka-home": ("rich", "ka/"),
    "en-release": ("rich", "en/news/eu-tablets-for-intelligence-led-policing/"),
    "ka-release": ("rich", "ka/news/katastropis-riskis-shemtsirebis-dghe/"),
    "ka-release-with-image-and-video": ("rich", "ka/news/sazghvris-gamtarebeli-punkti/"),
    "en-release-with-image-and-video": ("fixture", "en/news/women-police/"),
}
BLUE = (0x00, 0x33, 0xA0)  # --blue in theme/static/css/site.css: the masthead's background
BAND = 8  # the masthead's top padding (.75rem) in pixels, less a margin: nothing is drawn on it


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
    finally:
        context.close()
    with Image.open(target) as picture:
        picture = picture.convert("RGB")
    # a whole-page picture is as wide as the page: wider than the screen, the reader scrolls sideways
    assert picture.width == width, f"{target.name} is {picture.width} px wide on a {width} px screen"
    colours = {colour for _, colour in picture.crop((0, 0, width, BAND)).getcolors(width * BAND)}
    assert colours == {BLUE}, f"the top {BAND} rows of {target.name} hold {sorted(colours)[:5]}"
