"""On a phone, no line of a Georgian page ends in "IOM-" with "ის" on the next: measured in Chromium.

A release whose title and paragraphs put "IOM-ის", "2018-ში" and "აივ-ზე" at every place along a
line, so that some of them reach the end of a line at 360 px, is built and opened; every word with
its ending is laid out on one line, and the same text without the theme's rule would break some.
"""

from __future__ import annotations

import shutil

import pytest

from checks.builtsite import BuiltSite, serve
from conftest import ROOTS, build

WORDS = "საერთაშორისო ორგანიზაცია მიგრაციისთვის ოფისი თბილისში ახალი".split()
PARAGRAPHS = "\n\n".join(" ".join(WORDS[: count % len(WORDS)] * (1 + count // len(WORDS))) + f" IOM-ის {count} 2018-ში და აივ-ზე."
                         for count in range(1, 25))
RELEASE = f"""---
title: IOM-ის და ევროკავშირის ახალი პროექტი 2018-ში აივ-ზე
date: 2018-05-02
lang: ka
---
{PARAGRAPHS}
"""

BROKEN = """spans => spans.filter(span => span.getClientRects().length > 1).map(span => span.textContent)"""


@pytest.fixture(scope="module")
def georgian(tmp_path_factory) -> BuiltSite:
    www = tmp_path_factory.mktemp("typography")
    content = shutil.copytree(ROOTS / "bilingual" / "content", www / "content")
    (content / "releases" / "2018" / "2018-05-02-iom-project.ka.md").write_text(RELEASE, encoding="utf-8")
    with serve(www) as origin:
        build(content, www / "site", "publishconf.py", SITEURL=f"{origin}/site")
        yield BuiltSite(www / "site", f"{origin}/site")


def test_a_word_and_its_georgian_ending_stay_on_one_line_on_a_phone(georgian, phone):
    page = phone.open(f"{georgian.siteurl}/ka/news/iom-project/")
    spans = page.locator("h1 .nobr, .release__body .nobr")
    assert spans.count() == 3 + 24 * 3
    assert page.eval_on_selector_all("h1 .nobr, .release__body .nobr", BROKEN) == []
    # the test can fail: without the theme's rule some of them do break at this width
    page.evaluate("() => document.querySelectorAll('.nobr').forEach(span => span.style.whiteSpace = 'normal')")
    assert page.eval_on_selector_all("h1 .nobr, .release__body .nobr", BROKEN) != []


def test_the_cards_and_the_pages_lead_keep_them_together_too(georgian, phone):
    page = phone.open(f"{georgian.siteurl}/ka/")
    assert page.locator(".card__title .nobr").count() >= 3
    assert page.locator(".page-header__lead .nobr").count() == 1  # the site's own words: "IOM-ისა"
    assert page.eval_on_selector_all(".card .nobr, .page-header .nobr", BROKEN) == []


def test_an_index_reads_down_its_columns(tmp_path_factory, visit):
    """The archive's years (and the partners, the topics) in two columns on a wide screen, read as an
    index is read: down the first column, then the second (a grid read row by row: 2019 2018 / 2017 …)."""
    www = tmp_path_factory.mktemp("index")
    with serve(www) as origin:
        build(ROOTS / "dates" / "content", www / "site", "publishconf.py", SITEURL=f"{origin}/site", NEWSROOM_SEARCH=False)
        page = visit.open(f"{origin}/site/en/archive/")
        boxes = page.eval_on_selector_all(".index__item", "items => items.map(item => [item.getBoundingClientRect().left, item.getBoundingClientRect().top])")
    assert len(boxes) >= 4
    half = -(-len(boxes) // 2)
    first, second = boxes[:half], boxes[half:]
    assert len({left for left, _ in first}) == 1 and len({left for left, _ in second}) == 1 and second[0][0] > first[0][0]
    assert [top for _, top in first] == sorted(top for _, top in first)
