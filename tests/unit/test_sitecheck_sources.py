"""A finding in the built site, mapped back to the release file and line that caused it."""

import pytest

from sitecheck.sources import Mapped, Release, locate, release_pages, split, url_line

SITEURL = "https://iom-georgia.github.io/newsroom"
SOURCE = "content/releases/2018/2018-06-06-eu-tablets.en.md"
TEXT = """---
title: EU tablets
date: 2018-06-06
image:
  src: images/2018/tablets.jpg
  alt: Officers
---
The ministry received tablets.

See [the old page](https://iom-georgia.github.io/newsroom/en/news/no-such-release/) and
[the report](/newsroom/files/report.pdf).
"""
PAGES = release_pages([Release(SOURCE, "en", "eu-tablets", ("tablets",)),
                       Release("content/releases/2018/x.ka.md", "ka", "ტაბლეტები")], "{lang}/news/{slug}/")


def test_the_pages_of_releases():
    assert PAGES == {
        "en/news/eu-tablets/index.html": SOURCE,
        "en/news/tablets/index.html": SOURCE,  # an old address: its page is the release's too
        "ka/news/ტაბლეტები/index.html": "content/releases/2018/x.ka.md",
    }


@pytest.mark.parametrize("finding, parts", [
    ("en/index.html: href '/x/': no such file x/index.html", ("en/index.html", None, "href '/x/': no such file x/index.html")),
    ("en/index.html:12: The “blink” element is unknown.", ("en/index.html", 12, "The “blink” element is unknown.")),
    ("sitemap.xml:3: Element 'x': not expected.", ("sitemap.xml", 3, "Element 'x': not expected.")),
    ("en/feed.atom: entry 1: no <id>", ("en/feed.atom", None, "entry 1: no <id>")),
    ("vnu.jar gave no report (exit status 1): java: not found", ("", None, "vnu.jar gave no report (exit status 1): java: not found")),
])
def test_a_finding_is_split_into_page_line_and_what(finding, parts):
    assert split(finding) == parts


@pytest.mark.parametrize("url, line", [
    ("https://iom-georgia.github.io/newsroom/en/news/no-such-release/", 10),  # as written
    ("https://iom-georgia.github.io/newsroom/files/report.pdf", 11),  # written as a path
    ("https://iom-georgia.github.io/newsroom/images/2018/tablets.jpg", 5),  # in the front-matter
    ("https://iom-georgia.github.io/newsroom/en/partners/eu/", None),  # not in the file: the theme's
])
def test_the_line_of_a_url_in_a_release(url, line):
    assert url_line(TEXT, url, SITEURL) == line


def read(path):
    return TEXT if path == SOURCE else None


def test_a_broken_link_in_a_release_page_points_at_the_line_of_the_link():
    finding = ("en/news/eu-tablets/index.html: href 'https://iom-georgia.github.io/newsroom/en/news/no-such-release/': "
               "no such file en/news/no-such-release/index.html")
    assert locate("links", finding, PAGES, SITEURL, "output", read) == Mapped(
        SOURCE, 10,
        f"{SOURCE}: line 10: in its page en/news/eu-tablets/index.html: href "
        "'https://iom-georgia.github.io/newsroom/en/news/no-such-release/': no such file "
        "en/news/no-such-release/index.html; correct the address on that line of the release, or remove the link")


def test_an_invalid_release_page_points_at_the_start_of_its_text():
    located = locate("html", "en/news/tablets/index.html:40: Stray end tag “div”.", PAGES, SITEURL, "output", read)
    assert (located.path, located.line) == (SOURCE, 8)
    assert located.text.startswith(f"{SOURCE}: line 8: in its page en/news/tablets/index.html: Stray end tag “div”.; ")


def test_a_finding_on_a_page_no_release_makes_points_at_the_built_file():
    assert locate("html", "en/index.html:12: Stray end tag “div”.", PAGES, SITEURL, "output", read) == Mapped(
        "output/en/index.html", 12,
        "output/en/index.html:12: Stray end tag “div”.; made by the theme or the plugin, not by a release: tell the developers")


def test_a_release_file_that_cannot_be_read_is_pointed_at_as_a_whole():
    located = locate("links", "ka/news/ტაბლეტები/index.html: src '/x.jpg': no such file x.jpg", PAGES, SITEURL, "output", read)
    assert (located.path, located.line) == ("content/releases/2018/x.ka.md", 1)
