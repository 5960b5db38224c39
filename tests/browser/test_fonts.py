"""Georgian headings are drawn by the theme's Noto Sans Georgian webfont, not a system font.

Chromium reports, through the DevTools protocol, which fonts drew a node's text: `isCustomFont`
is true only for a downloaded webfont, so the test cannot be fooled by the same family installed
on the machine (Debian's fonts-noto-core has it).
"""

import re

import pytest

GEORGIAN = re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]")


def fonts_of(page, selector: str) -> list[dict]:
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no {selector}"
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize(("name", "path"), [
    ("fixture", "ka/news/eu-tablets/"),
    ("fixture", "ka/"),
    ("rich", "ka/news/katastropis-riskis-shemtsirebis-dghe/"),
    ("rich", "ka/partners/"),
])
def test_the_webfont_draws_every_georgian_letter_of_the_heading(sites, visit, name, path):
    page = visit.open(f"{sites[name].siteurl}/{path}")
    letters = len(GEORGIAN.findall(page.locator("h1").inner_text()))
    assert letters
    fonts = fonts_of(page, "h1")
    webfont = [font for font in fonts if font["isCustomFont"]]
    assert [(font["familyName"], font["glyphCount"]) for font in webfont] == [("Noto Sans Georgian", letters)], fonts


def test_georgian_pages_preload_the_webfont_and_english_pages_do_not(fixture_site, visit):
    def preloads(path):
        page = visit.open(f"{fixture_site.siteurl}/{path}")
        return [link.get_attribute("href").rsplit("/", 1)[1] for link in page.locator("link[rel=preload][as=font]").all()]

    assert [re.sub(r"\.[0-9a-f]{10}\.", ".HASH.", name) for name in preloads("ka/")] == [
        "noto-sans-georgian-400.HASH.woff2", "noto-sans-georgian-700.HASH.woff2"]
    assert preloads("en/") == []


def test_english_headings_keep_the_system_font(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/en/news/eu-tablets/")
    assert not any(font["isCustomFont"] for font in fonts_of(page, "h1"))
