"""Feeds: every Atom feed is complete, points at itself, speaks its folder's language, and every
entry links to a page that exists."""

import pytest
from lxml import etree

from sitecheck.builtsite import LANGUAGES
from sitecheck.feeds import A, XML_LANG, check_feeds


def test_every_feed_is_valid_atom(site):
    feeds = [site.relative(path) for path in site.files("*.atom")]
    assert feeds == [f"{lang}/feed.atom" for lang in LANGUAGES]
    findings = check_feeds(site)
    assert not findings, "\n".join(findings)


# Planted defects: each changes the parsed en/feed.atom in place.

def wrong_self_link(feed):
    link = feed.find(A + "link[@rel='self']")
    link.set("href", link.get("href").replace("feed.atom", "atom.xml"))


def no_feed_id(feed):
    feed.remove(feed.find(A + "id"))


def wrong_lang(feed):
    feed.set(XML_LANG, "ka")


def no_entry_id(feed):
    entry = feed.find(A + "entry")
    entry.remove(entry.find(A + "id"))


def entry_to_missing_page(feed):
    link = feed.find(f"{A}entry/{A}link")
    link.set("href", link.get("href").rstrip("/") + "-gone/")


def bad_updated(feed):
    feed.find(A + "updated").text = "6 June 2018"


def no_author(feed):
    feed.remove(feed.find(A + "author"))


DEFECTS = [
    (wrong_self_link,
     "en/feed.atom: <link rel=\"self\"> is '{siteurl}/en/atom.xml', not the feed's own URL '{siteurl}/en/feed.atom'"),
    (no_feed_id, "en/feed.atom: no <id>"),
    (wrong_lang, "en/feed.atom: xml:lang is 'ka'; the feed is in the 'en' folder"),
    (no_entry_id, "en/feed.atom: entry 1: no <id>"),
    (entry_to_missing_page,
     "en/feed.atom: entry 1: <link> '{first}-gone/': no such file {first_path}-gone/index.html"),
    (bad_updated, "en/feed.atom: <updated> '6 June 2018' is not an RFC 3339 date-time"),
    (no_author, "en/feed.atom: entry 1: no <author>, and the feed has none"),
]


@pytest.mark.parametrize(("change", "finding"), DEFECTS, ids=[change.__name__ for change, _ in DEFECTS])
def test_a_planted_feed_defect_is_reported(planted, change, finding):
    path = planted.root / "en/feed.atom"
    tree = etree.parse(str(path))
    first = tree.find(f"{A}entry/{A}link").get("href").rstrip("/")
    change(tree.getroot())
    tree.write(str(path), xml_declaration=True, encoding="utf-8")
    expected = finding.format(siteurl=planted.siteurl, first=first, first_path=first.removeprefix(planted.siteurl + "/"))
    assert expected in check_feeds(planted)
