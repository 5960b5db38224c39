"""Dates known to the day, the month or the year, approximate or not, and an event's days: what
the release pages, the cards of the home and year pages, the feeds, the structured data, search
and the sitemap say of them, in both languages, built by the strict settings.

The fixture (tests/roots/dates) holds, newest first: an open day held on the day of its release,
a four-day film festival on separate days, a release dated November 2018, one dated about May 2017
(English only), one dated 2016, and one dated about 2015 (Georgian only). The seed's six releases,
kept as they were in the rich fixture (tests/roots/rich), are checked to show the dates they showed
before a date could be a month or a year.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from checks.conftest import require
from conftest import Site
from sitecheck.nuchecker import VNU_JAR, check_html
from sitecheck.sitemap import SCHEMA

SITE = "https://example.org/newsroom"

# slug → (datetime attribute, English words, Georgian words), newest first: what every card shows
# and, after the place, what the release page's dateline shows. A card of a release in the other
# language shows its date in the page's language.
DATES = {
    "open-day": ("2019-03-21", "21 March 2019", "21 მარტი, 2019"),
    "migration-film-festival": ("2018-12-19", "19 December 2018", "19 დეკემბერი, 2018"),
    "border-training": ("2018-11", "November 2018", "ნოემბერი, 2018"),
    "health-survey": ("2017-05", "c. May 2017", "დაახლოებით მაისი, 2017"),
    "archive-photographs": ("2016", "2016", "2016"),
    "saarkivo-potoebi": ("2015", "c. 2015", "დაახლოებით 2015"),
}
PLACES = {"en": "Tbilisi, ", "ka": "თბილისი, "}
LOCATED = {"open-day", "migration-film-festival", "archive-photographs"}
LANGUAGES = {"en": {"open-day", "migration-film-festival", "border-training", "health-survey", "archive-photographs"},
             "ka": {"open-day", "migration-film-festival", "border-training", "archive-photographs", "saarkivo-potoebi"}}
YEARS = {"2019": ["open-day"], "2018": ["migration-film-festival", "border-training"], "2017": ["health-survey"],
         "2016": ["archive-photographs"], "2015": ["saarkivo-potoebi"]}
# What machines are told: a day keeps its timestamp (Tbilisi time, as before); a month or a year is
# ISO 8601's partial date, which schema.org and OpenGraph accept.
MACHINE = {
    "open-day": "2019-03-21T00:00:00+04:00",
    "migration-film-festival": "2018-12-19T00:00:00+04:00",
    "border-training": "2018-11",
    "health-survey": "2017-05",
    "archive-photographs": "2016",
    "saarkivo-potoebi": "2015",
}
WORDS = {"en": 1, "ka": 2}


@pytest.fixture(scope="module")
def site(site_factory) -> Site:
    return site_factory("dates")


def url(lang: str, slug: str) -> str:
    return f"{SITE}/{lang}/news/{slug}/"


def shown(element) -> str:
    return element.get_text(" ", strip=True)


def cards(page) -> list[tuple[str, str, str]]:
    """Each card of a list page: (slug, the date as shown, its datetime attribute)."""
    return [(card.select_one(".card__title a")["href"].split("/news/")[1].rstrip("/"), shown(card.select_one(".card__date")),
             card.select_one(".card__date time")["datetime"]) for card in page.select(".card")]


def expected_cards(lang: str, slugs) -> list[tuple[str, str, str]]:
    return [(slug, DATES[slug][WORDS[lang]], DATES[slug][0]) for slug in slugs]


@pytest.mark.parametrize("lang", ["en", "ka"])
@pytest.mark.parametrize("slug", list(DATES))
def test_a_release_page_dateline_says_what_is_known_and_no_more(site, lang, slug):
    if slug not in LANGUAGES[lang]:
        assert not site.file(url(lang, slug)).exists()
        return
    dateline = site.html(url(lang, slug)).select_one(".dateline")
    place = PLACES[lang] if slug in LOCATED else ""
    assert shown(dateline) == place + DATES[slug][WORDS[lang]]
    assert [time["datetime"] for time in dateline.select("time")] == [DATES[slug][0]]


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_the_home_page_cards_are_newest_first_a_month_or_a_year_at_its_start(site, lang):
    assert cards(site.html(f"{SITE}/{lang}/")) == expected_cards(lang, DATES)


@pytest.mark.parametrize("lang", ["en", "ka"])
@pytest.mark.parametrize("year", list(YEARS))
def test_a_year_page_lists_a_release_dated_to_the_month_or_the_year_in_its_year(site, lang, year):
    assert cards(site.html(f"{SITE}/{lang}/archive/{year}/")) == expected_cards(lang, YEARS[year])


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_the_archive_lists_every_year(site, lang):
    page = site.html(f"{SITE}/{lang}/archive/")
    assert [link.get_text() for link in page.select(".index__link")] == list(YEARS)


@pytest.mark.parametrize("lang, text", [
    ("en", "Event: 14, 15, 17 and 18 December 2018"),
    ("ka", "ღონისძიება: 14, 15, 17 და 18 დეკემბერი, 2018"),
])
def test_an_event_on_separate_days_lists_them(site, lang, text):
    assert shown(site.html(url(lang, "migration-film-festival")).select_one(".release__event")) == text


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_a_one_day_event_on_the_day_of_its_release_does_not_repeat_the_dateline(site, lang):
    page = site.html(url(lang, "open-day"))
    assert page.select(".release__event") == []
    assert shown(page.select_one(".dateline")) == PLACES[lang] + DATES["open-day"][WORDS[lang]]


@pytest.mark.parametrize("lang", ["en", "ka"])
@pytest.mark.parametrize("slug", list(DATES))
def test_json_ld_and_open_graph_give_the_date_at_its_precision(site, lang, slug):
    if slug not in LANGUAGES[lang]:
        return
    page = site.html(url(lang, slug))
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert (data["datePublished"], data["dateModified"]) == (MACHINE[slug], MACHINE[slug])
    assert page.select_one('meta[property="article:published_time"]')["content"] == MACHINE[slug]


@pytest.mark.parametrize("lang, label", [("en", "Year"), ("ka", "წელი")])
@pytest.mark.parametrize("slug", list(DATES))
def test_search_filters_a_release_by_its_year(site, lang, label, slug):
    if slug not in LANGUAGES[lang]:
        return
    filters = site.html(url(lang, slug)).select(f'[data-pagefind-filter="{label}"]')
    assert [element.get_text() for element in filters] == [DATES[slug][0][:4]]


# Atom needs full timestamps: a month or a year is its first instant, and the entry starts with the
# dateline of its page, which says what is known.
FEEDS = {
    "en": [
        ("open-day", "2019-03-21T00:00:00+04:00", None),
        ("migration-film-festival", "2018-12-19T00:00:00+04:00", None),
        ("border-training", "2018-11-01T00:00:00+04:00", "November 2018"),
        ("health-survey", "2017-05-01T00:00:00+04:00", "c. May 2017"),
        ("archive-photographs", "2016-01-01T00:00:00+04:00", "Tbilisi, 2016"),
    ],
    "ka": [
        ("open-day", "2019-03-21T00:00:00+04:00", None),
        ("migration-film-festival", "2018-12-19T00:00:00+04:00", None),
        ("border-training", "2018-11-01T00:00:00+04:00", "ნოემბერი, 2018"),
        ("archive-photographs", "2016-01-01T00:00:00+04:00", "თბილისი, 2016"),
        ("saarkivo-potoebi", "2015-01-01T00:00:00+04:00", "დაახლოებით 2015"),
    ],
}


def first_paragraph(html: str):
    return BeautifulSoup(html, "html.parser").find()


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_a_feed_entry_says_what_is_known_beside_its_timestamp(site, lang):
    parsed = feedparser.parse(site.file(f"{SITE}/{lang}/feed.atom").read_bytes())
    assert not parsed.bozo
    found = []
    for entry in parsed.entries:
        lead = first_paragraph(entry.content[0].value)
        said = shown(lead) if lead.name == "p" and "dateline" in lead.get("class", []) else None
        found.append((entry.link.split("/news/")[1].rstrip("/"), entry.published, said))
        assert entry.updated == entry.published
        if said is not None:
            assert [time["datetime"] for time in lead.select("time")] == [DATES[found[-1][0]][0]]
    assert found == FEEDS[lang]


@pytest.mark.parametrize("lang, dateline", [("en", "November 2018"), ("ka", "ნოემბერი, 2018")])
def test_a_feed_entry_summary_starts_with_the_dateline_too(site, lang, dateline):
    parsed = feedparser.parse(site.file(f"{SITE}/{lang}/feed.atom").read_bytes())
    (entry,) = [entry for entry in parsed.entries if entry.link == url(lang, "border-training")]
    summary = BeautifulSoup(entry.summary, "html.parser")
    assert [shown(paragraph) for paragraph in summary.find_all("p")] == [
        dateline, {"en": "A week of training for border officers.", "ka": "ერთკვირიანი ტრენინგი მესაზღვრეებისთვის."}[lang]]


def test_the_sitemap_is_valid_and_says_no_day_it_does_not_know(site):
    """The sitemaps.org schema allows a lastmod of a full date or timestamp only, and a release's
    publication is not its last change: the sitemap gives none, and lists every release page."""
    document = etree.parse(str(site.output / "sitemap.xml"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), schema.error_log
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.output / "sitemap.xml").getroot()
    locs = {loc.text for loc in root.findall("s:url/s:loc", namespace)}
    assert {url(lang, slug) for lang, slugs in LANGUAGES.items() for slug in slugs} <= locs
    assert root.findall(".//s:lastmod", namespace) == []


def test_every_page_is_valid_html(site):
    """`<time datetime>` holds 2018-11 or 2016: valid month and year strings."""
    findings = check_html([*site.output.rglob("*.html")], site.output, require(VNU_JAR))
    assert findings == []


# -- the seed: the dates it showed before ---------------------------------------------------------

# Recorded from a build of content/ before a date could be a month or a year: each release's day
# (its <time datetime>), as English and Georgian pages showed it, whether it is approximate, its
# event line, and its timestamp in JSON-LD, OpenGraph and the feeds. The seed's releases are in the
# rich fixture as they were in content/, among releases added since: the checks look at theirs.
SEED = {
    "eu-tablets-for-intelligence-led-policing": ("2018-06-06", "6 June 2018", "6 ივნისი, 2018", False, "Event: none"),
    "world-tb-day-migrant-survey": ("2018-03-24", "24 March 2018", "24 მარტი, 2018", True, "Event: none"),
    "women-in-policing-conference": ("2018-03-09", "9 March 2018", "9 მარტი, 2018", False, "Event: 6–9 March 2018"),
    "smuggling-of-migrants-training": ("2017-12-05", "5 December 2017", "5 დეკემბერი, 2017", True, "Event: 4–5 December 2017"),
    "temporary-labour-migration-workshop": ("2017-10-19", "19 October 2017", "19 ოქტომბერი, 2017", True, "Event: 17–19 October 2017"),
    "katastropis-riskis-shemtsirebis-dghe": ("2017-10-13", "13 October 2017", "13 ოქტომბერი, 2017", True, "ღონისძიება: 13 ოქტომბერი, 2017"),
}
SEED_LANG = {slug: "ka" if slug.startswith("katastropis") else "en" for slug in SEED}
APPROXIMATELY = {"en": "c. ", "ka": "დაახლოებით "}  # before, "(approximate date)" on the release page only


@pytest.fixture(scope="module")
def seed(site_factory) -> Site:
    return site_factory("rich")


def seed_date(slug: str, lang: str) -> str:
    day, english, georgian, approximate, _ = SEED[slug]
    return (APPROXIMATELY[lang] if approximate else "") + (english if lang == "en" else georgian)


@pytest.mark.parametrize("slug", list(SEED))
def test_the_seed_release_pages_show_the_days_they_showed(seed, slug):
    lang = SEED_LANG[slug]
    page = seed.html(url(lang, slug))
    dateline = page.select_one(".dateline")
    place = "Tbilisi, " if slug.startswith("eu-tablets") else ""
    assert shown(dateline) == place + seed_date(slug, lang)
    assert [time["datetime"] for time in dateline.select("time")] == [SEED[slug][0]]
    event = page.select_one(".release__event")
    assert (shown(event) if event else "Event: none") == SEED[slug][4]
    stamp = f"{SEED[slug][0]}T00:00:00+04:00"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert (data["datePublished"], data["dateModified"], page.select_one('meta[property="article:published_time"]')["content"]) == (
        stamp, stamp, stamp)


def test_the_seed_cards_show_the_days_they_showed_on_every_list_page(seed):
    checked = 0
    for path in seed.pages():
        lang = path.relative_to(seed.output).parts[0]
        if lang not in ("en", "ka"):
            continue
        for slug, text, datetime in cards(seed.html(SITE + "/" + path.relative_to(seed.output).as_posix())):
            if slug not in SEED:
                continue
            assert (text, datetime) == (seed_date(slug, lang), SEED[slug][0]), path
            checked += 1
    assert checked > 2 * len(SEED)


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_the_seed_feeds_carry_the_timestamps_they_carried(seed, lang):
    parsed = feedparser.parse(seed.file(f"{SITE}/{lang}/feed.atom").read_bytes())
    entries = [(entry.link.split("/news/")[1].rstrip("/"), entry.published, entry.updated) for entry in parsed.entries]
    assert [entry for entry in entries if entry[0] in SEED] == [(slug, f"{SEED[slug][0]}T00:00:00+04:00", f"{SEED[slug][0]}T00:00:00+04:00")
                       for slug in SEED if SEED_LANG[slug] == lang]
