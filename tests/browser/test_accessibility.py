"""axe-core on the small bilingual fixture (tests/checks covers the rich one): a release with a
lead image and a video, before and after the player is loaded, and list cards with images."""

import pytest

from sitecheck.axe import WCAG_TAGS, check_page, inject


@pytest.mark.parametrize("path", ["en/news/women-police/", "en/", "ka/", "ka/partners/mia/"])
def test_no_accessibility_violations(fixture_site, visit, path):
    findings = check_page(visit.page, f"{fixture_site.siteurl}/{path}", path)
    assert findings == []


def test_no_accessibility_violations_once_the_video_plays(fixture_site, visit):
    page = visit.open(f"{fixture_site.siteurl}/en/news/women-police/")
    page.locator(".video__poster").click()
    page.locator("iframe.video__player").wait_for()
    inject(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS)
    assert [violation["id"] for violation in result["violations"]] == []
