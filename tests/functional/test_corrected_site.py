"""Releases that changed after they were published: corrected, renamed, withdrawn. What their pages,
the cards of every list, the feeds, the structured data, the sitemap and search say of them, in
both languages, built by the strict settings; what the checks of the published site (the W3C Nu
checker, links, axe-core in Chromium) find in their pages; where a browser at an old address lands.

The fixture (tests/roots/corrections) holds, newest first, each in English and Georgian: an office
visit (nothing changed), a health survey withdrawn on 1 February 2019 (the only release of its
partner, NCDC, and its topic, health), the EU's tablets, corrected on 12 January 2019 in English
(with a note) and on 14 January 2019 at 10:30 in Georgian (without one), and the Women in Policing
Conference, renamed from women-police (and, in English, from policing-conference) to
women-in-policing-conference.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zlib

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from checks.builtsite import BuiltSite, serve
from checks.builtsite import build as served_build
from checks.conftest import require
from conftest import ROOTS, Site, build
from sitecheck.axe import check_page
from sitecheck.links import check_links
from sitecheck.nuchecker import VNU_JAR, check_html
from sitecheck.sitemap import SCHEMA

SITE = "https://example.org/newsroom"
LANGUAGES = ("en", "ka")
# what lists, feeds, the sitemap and search hold in each language, newest first
LISTED = ["office-visit", "eu-tablets", "women-in-policing-conference"]
WITHDRAWN = "health-survey"
# each old address (a page that sends readers on) → the release's address
MOVED = {
    "en/news/women-police/": "en/news/women-in-policing-conference/",
    "en/news/policing-conference/": "en/news/women-in-policing-conference/",
    "ka/news/kalebi-politsiashi/": "ka/news/women-in-policing-conference/",
}
TITLES = {
    "en": "Women in Policing Conference",
    "ka": "კონფერენცია „ქალები პოლიციაში“",
}


@pytest.fixture(scope="module")
def site(site_factory) -> Site:
    return site_factory("corrections")


def url(lang: str, slug: str) -> str:
    return f"{SITE}/{lang}/news/{slug}/"


def shown(element) -> str:
    """An element's text as a reader sees it: its white space collapsed."""
    return " ".join(element.get_text().split())


def json_ld(page) -> dict:
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def meta(page, key: str) -> list[str]:
    return [tag["content"] for tag in page.select(f'meta[property="{key}"], meta[name="{key}"]')]


def cards(page) -> list[str]:
    """The slugs of a list page's cards, in order."""
    return [card.select_one(".card__title a")["href"].removeprefix(SITE + "/").split("/news/")[1].rstrip("/") for card in page.select(".card")]


# -- a correction --------------------------------------------------------------------------------

# lang → (the line under the dateline, its <time>: datetime and words, what machines are told)
CORRECTED = {
    "en": ("Updated 12 January 2019: the number of tablets was 540, not 450.", ("2019-01-12", "12 January 2019"),
           "2019-01-12T00:00:00+04:00"),
    "ka": ("განახლებულია: 14 იანვარი, 2019", ("2019-01-14", "14 იანვარი, 2019"), "2019-01-14T10:30:00+04:00"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_corrected_release_says_when_and_what_under_its_dateline(site, lang):
    page = site.html(url(lang, "eu-tablets"))
    line = page.select_one(".release__header .dateline + .release__updated")
    text, day, _ = CORRECTED[lang]
    assert shown(line) == text
    assert [(time["datetime"], time.get_text()) for time in line.select("time")] == [day]
    assert shown(page.select_one(".dateline")) == {"en": "Tbilisi, 6 June 2018", "ka": "თბილისი, 6 ივნისი, 2018"}[lang]


def test_a_georgian_correction_note_is_said_in_georgian(tmp_path):
    """With a note, the Georgian page says the day and the note as a Georgian editor writes them."""
    content = shutil.copytree(ROOTS / "corrections" / "content", tmp_path / "content")
    path = content / "releases" / "2018" / "2018-06-06-eu-tablets.ka.md"
    path.write_text(path.read_text(encoding="utf-8").replace("updated: 2019-01-14 10:30\n",
                                                            "updated: 2019-01-14 10:30\ncorrection: პლანშეტების რაოდენობა 540 იყო და არა 450.\n"),
                    encoding="utf-8")
    page = Site(build(content, tmp_path / "output")).html(url("ka", "eu-tablets"))
    assert shown(page.select_one(".release__updated")) == "განახლებულია: 14 იანვარი, 2019. შესწორება: პლანშეტების რაოდენობა 540 იყო და არა 450."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_corrected_release_tells_machines_when_it_was_modified(site, lang):
    page = site.html(url(lang, "eu-tablets"))
    data = json_ld(page)
    modified = CORRECTED[lang][2]
    assert (data["datePublished"], data["dateModified"]) == ("2018-06-06T00:00:00+04:00", modified)
    assert meta(page, "article:published_time") == ["2018-06-06T00:00:00+04:00"]
    assert meta(page, "article:modified_time") == [modified]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", ["office-visit", "women-in-policing-conference"])
def test_a_release_never_corrected_was_modified_when_it_was_published(site, lang, slug):
    page = site.html(url(lang, slug))
    data = json_ld(page)
    assert data["dateModified"] == data["datePublished"]
    assert meta(page, "article:modified_time") == []
    assert page.select(".release__updated") == []


# -- the feeds -----------------------------------------------------------------------------------

FEEDS = {
    "en": [("office-visit", "2019-03-01T00:00:00+04:00", "2019-03-01T00:00:00+04:00"),
           ("eu-tablets", "2018-06-06T00:00:00+04:00", "2019-01-12T00:00:00+04:00"),
           ("women-in-policing-conference", "2018-03-09T00:00:00+04:00", "2018-03-09T00:00:00+04:00")],
    "ka": [("office-visit", "2019-03-01T00:00:00+04:00", "2019-03-01T00:00:00+04:00"),
           ("eu-tablets", "2018-06-06T00:00:00+04:00", "2019-01-14T10:30:00+04:00"),
           ("women-in-policing-conference", "2018-03-09T00:00:00+04:00", "2018-03-09T00:00:00+04:00")],
}


def feed(site, lang: str):
    parsed = feedparser.parse(site.file(f"{SITE}/{lang}/feed.atom").read_bytes())
    assert not parsed.bozo
    return parsed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_feed_has_the_correction_as_updated_and_neither_the_withdrawn_release_nor_an_old_address(site, lang):
    parsed = feed(site, lang)
    assert [(entry.link.removeprefix(f"{SITE}/{lang}/news/").rstrip("/"), entry.published, entry.updated)
            for entry in parsed.entries] == FEEDS[lang]
    assert parsed.feed.updated == "2019-03-01T00:00:00+04:00"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_corrected_entry_starts_with_what_its_page_says_of_the_correction(site, lang):
    (entry,) = [entry for entry in feed(site, lang).entries if entry.link == url(lang, "eu-tablets")]
    first = BeautifulSoup(entry.content[0].value, "html.parser").find()
    assert "release__updated" in first["class"] and shown(first) == CORRECTED[lang][0]


# -- a withdrawal --------------------------------------------------------------------------------

NOTICE = {
    "en": ["This press release was withdrawn on 1 February 2019.",
           "Reason: The survey's figures were wrong; a corrected survey will follow."],
    "ka": ["ეს პრესრელიზი გამოხმობილია. გამოხმობის თარიღი: 1 თებერვალი, 2019.",
           "მიზეზი: კვლევის მონაცემები არასწორი იყო; შესწორებული კვლევა მოგვიანებით გამოქვეყნდება."],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_withdrawn_release_keeps_its_address_and_says_so_instead_of_its_text(site, lang):
    page = site.html(url(lang, WITHDRAWN))
    assert page.html["lang"] == lang
    assert shown(page.h1) == {"en": "A survey of migrants' health in Adjara", "ka": "მიგრანტების ჯანმრთელობის კვლევა აჭარაში"}[lang]
    assert shown(page.select_one(".dateline")) == {"en": "20 November 2018", "ka": "20 ნოემბერი, 2018"}[lang]
    notice = page.select_one(".release .notice")
    assert [shown(paragraph) for paragraph in notice.select("p")] == NOTICE[lang]
    assert notice.time["datetime"] == "2019-02-01"
    text = shown(page.select_one("main"))
    assert "1,200" not in text and "1 200" not in text  # its text is gone
    assert page.select(".release__body, .release__footer, .share, .sequel, .release__updated") == []
    assert meta(page, "description") == [NOTICE[lang][0]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_withdrawn_release_asks_search_engines_to_forget_it_and_is_not_indexed_for_search(site, lang):
    page = site.html(url(lang, WITHDRAWN))
    assert meta(page, "robots") == ["noindex"]
    assert page.select("[data-pagefind-body]") == [] and page.select("[data-pagefind-filter]") == []
    assert page.select('script[type="application/ld+json"]') == [] and meta(page, "article:published_time") == []
    # its twin is still its twin: both say it was withdrawn
    assert {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')} == {
        "en": url("en", WITHDRAWN), "ka": url("ka", WITHDRAWN), "x-default": url("en", WITHDRAWN)}


def test_no_file_of_the_site_holds_the_withdrawn_text(site):
    """Not its page, a feed, a card's summary or the search index (read unzipped)."""
    words = ("1,200 migrants", "1 200 მიგრანტი")
    found = []
    for path in sorted(site.output.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            with contextlib.suppress(OSError, EOFError, zlib.error):
                data = gzip.decompress(data)
            found += [f"{path.relative_to(site.output)}: {word}" for word in words if word.encode() in data]
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_withdrawn_release_has_no_share_picture_and_the_others_have_theirs(site, lang):
    assert meta(site.html(url(lang, WITHDRAWN)), "og:image") == []
    shared = sorted(path.name for path in (site.output / "images" / "share").glob(f"{lang}-*.png"))
    assert shared and not [name for name in shared if WITHDRAWN in name]
    for name in ("eu-tablets",):
        (image,) = meta(site.html(url(lang, name)), "og:image")
        assert image.rsplit("/", 1)[1] in shared


def test_a_withdrawn_releases_photos_are_not_published(tmp_path):
    """Its page shows no photo, and a release may be withdrawn for a person's safety: neither its
    lead photo nor a photo in its text is published, unless another release shows it."""
    content = shutil.copytree(ROOTS / "corrections" / "content", tmp_path / "content")
    (content / "images").mkdir()
    for name, colour in (("survey", "green"), ("clinic", "red"), ("office", "blue")):
        Image.new("RGB", (800, 500), colour).save(content / "images" / f"{name}.png")
    for path in (content / "releases" / "2018").glob("2018-11-20-health-survey.*.md"):
        text = path.read_text(encoding="utf-8").replace("---\n", "---\nimage: {src: images/survey.png, alt: A nurse}\n", 1)
        path.write_text(text + "\n![A clinic](../../images/clinic.png)\n\n![The office](../../images/office.png)\n", encoding="utf-8")
    visit = content / "releases" / "2019" / "2019-03-01-office-visit.en.md"
    visit.write_text(visit.read_text(encoding="utf-8") + "\n![The office](../../images/office.png)\n", encoding="utf-8")
    output = build(content, tmp_path / "output")
    published = sorted({path.name.split("-")[0] for path in (output / "images" / "sized").rglob("*.*")})
    assert published == ["office"]
    # nor a share picture of its title: the others' are there
    shared = [path.name for path in (output / "images" / "share").iterdir()]
    assert shared and not [name for name in shared if "health-survey" in name]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lists_leave_out_the_withdrawn_release_and_link_a_renamed_one_at_its_new_address(site, lang):
    assert cards(site.html(f"{SITE}/{lang}/")) == LISTED
    assert cards(site.html(f"{SITE}/{lang}/archive/2018/")) == ["eu-tablets", "women-in-policing-conference"]
    assert cards(site.html(f"{SITE}/{lang}/partners/mia/")) == LISTED
    assert cards(site.html(f"{SITE}/{lang}/topics/policing/")) == LISTED


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_partner_or_topic_that_only_the_withdrawn_release_had_has_no_page_and_no_entry(site, lang):
    assert not site.file(f"{SITE}/{lang}/partners/ncdc/").exists()
    assert not site.file(f"{SITE}/{lang}/topics/health/").exists()
    partners = site.html(f"{SITE}/{lang}/partners/")
    assert [link["href"] for link in partners.select(".index__link")] == [f"{SITE}/{lang}/partners/eu/", f"{SITE}/{lang}/partners/mia/"]
    topics = site.html(f"{SITE}/{lang}/topics/")
    assert [link["href"] for link in topics.select(".index__link")] == [f"{SITE}/{lang}/topics/policing/"]
    archive = site.html(f"{SITE}/{lang}/archive/")
    assert [(shown(link), shown(link.find_next_sibling(class_="index__count"))) for link in archive.select(".index__link")] == [
        ("2019", {"en": "1 release", "ka": "1 პრესრელიზი"}[lang]), ("2018", {"en": "2 releases", "ka": "2 პრესრელიზი"}[lang])]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_neighbours_step_over_the_withdrawn_release(site, lang):
    newer = site.html(url(lang, "office-visit")).select(".sequel a")
    assert [(a["rel"], a["href"]) for a in newer] == [(["next"], url(lang, "eu-tablets"))]
    older = site.html(url(lang, "eu-tablets")).select(".sequel a")
    assert [(a["rel"], a["href"]) for a in older] == [(["prev"], url(lang, "office-visit")), (["next"], url(lang, "women-in-policing-conference"))]


def test_no_page_links_to_the_withdrawn_release_or_to_an_old_address_but_their_own(site):
    hidden = {url(lang, WITHDRAWN) for lang in LANGUAGES} | {f"{SITE}/{old}" for old in MOVED}
    found = []
    for path in site.pages():
        page_url = SITE + "/" + path.relative_to(site.output).as_posix().removesuffix("index.html")
        if page_url in hidden:
            continue
        page = site.html(page_url)
        found += [f"{page_url}: {link['href']}" for link in page.select("[href]") if link["href"] in hidden]
    assert found == []


# -- a rename ------------------------------------------------------------------------------------

@pytest.mark.parametrize("old", list(MOVED))
def test_an_old_address_sends_readers_on_to_the_release_in_its_language(site, old):
    lang, new = old[:2], f"{SITE}/{MOVED[old]}"
    page = site.html(f"{SITE}/{old}")
    assert page.html["lang"] == lang
    assert [tag["content"] for tag in page.select('meta[http-equiv="refresh"]')] == [f"0; url={new}"]
    assert [link["href"] for link in page.select('link[rel="canonical"]')] == [new]
    assert meta(page, "robots") == ["noindex"]
    assert [(link["href"], shown(link)) for link in page.select("main a")] == [(new, TITLES[lang])]
    assert shown(page.h1) == {"en": "This press release has moved", "ka": "ეს პრესრელიზი ახალ მისამართზეა"}[lang]
    assert shown(page.select_one("main p")) == {
        "en": f"If your browser does not open it, follow this link: {TITLES['en']}",
        "ka": f"თუ ბრაუზერმა ის თავად არ გახსნა, გადადით ბმულზე: {TITLES['ka']}"}[lang]
    assert site.exists(new)
    # nothing else: no hreflang alternates, no feed, no social cards, no search body
    assert page.select('link[rel="alternate"], meta[property], [data-pagefind-body], script') == []


def test_an_old_address_carries_the_content_security_policy_of_every_page(site):
    def policy(page_url: str) -> list[str]:
        return [tag["content"] for tag in site.html(page_url).select('meta[http-equiv="Content-Security-Policy"]')]

    expected = policy(url("en", "women-in-policing-conference"))
    assert len(expected) == 1 and "default-src 'self'" in expected[0]
    assert all(policy(f"{SITE}/{old}") == expected for old in MOVED)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_renamed_release_is_at_its_new_address_with_its_twin(site, lang):
    page = site.html(url(lang, "women-in-policing-conference"))
    assert shown(page.h1) == TITLES[lang]
    assert [link["href"] for link in page.select('link[rel="canonical"]')] == [url(lang, "women-in-policing-conference")]
    other = "ka" if lang == "en" else "en"
    assert page.select_one(f'nav.switcher a[hreflang="{other}"]')["href"] == url(other, "women-in-policing-conference")


# -- the sitemap and search ----------------------------------------------------------------------

def test_the_sitemap_is_valid_and_lists_neither_old_addresses_nor_the_withdrawn_release(site):
    document = etree.parse(str(site.output / "sitemap.xml"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), schema.error_log
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.output / "sitemap.xml").getroot()
    releases = sorted(loc.text for loc in root.findall("s:url/s:loc", namespace) if "/news/" in loc.text)
    assert releases == sorted(url(lang, slug) for lang in LANGUAGES for slug in LISTED)
    assert root.findall(".//s:lastmod", namespace) == []  # dates, as before: none


def test_search_indexes_the_listed_releases_only(site):
    indexed = []
    for fragment in sorted((site.output / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        indexed.append(json.loads(data[data.index(b"{"):])["url"])
    assert sorted(indexed) == sorted(f"/{lang}/news/{slug}/" for lang in LANGUAGES for slug in LISTED)


# -- what the checks of the published site ask of every page ---------------------------------------

def test_every_page_is_valid_html(site):
    findings = check_html([*site.output.rglob("*.html")], site.output, require(VNU_JAR))
    assert findings == []


def test_every_internal_link_resolves(site):
    findings = check_links(BuiltSite(site.output, SITE))
    assert findings == []


# -- in a browser --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The fixture built for, and served at, a local address, as the checks of the published site are."""
    www = tmp_path_factory.mktemp("www")
    with serve(www) as origin:
        yield served_build(ROOTS / "corrections" / "content", www / "newsroom", f"{origin}/newsroom")


@pytest.mark.parametrize("old", list(MOVED))
def test_a_browser_at_an_old_address_arrives_at_the_release(served, page, old):
    page.goto(f"{served.siteurl}/{old}")
    page.wait_for_url(f"{served.siteurl}/{MOVED[old]}")
    assert page.locator("h1").inner_text() == TITLES[old[:2]]


def without_refresh(route):
    """The page as a browser that does not follow a refresh shows it."""
    response = route.fetch()
    body = response.text()
    assert 'http-equiv="refresh"' in body
    route.fulfill(response=response, body=re.sub(r'<meta http-equiv="refresh"[^>]*>', "", body))


@pytest.mark.parametrize("path", [*MOVED, *(f"{lang}/news/{WITHDRAWN}/" for lang in LANGUAGES)])
def test_no_accessibility_violations(served, page, path):
    if path in MOVED:
        page.route(f"{served.siteurl}/{path}", without_refresh)
    assert check_page(page, f"{served.siteurl}/{path}", path) == []
    assert page.url == f"{served.siteurl}/{path}"  # what was checked is that page, not the one it leads to
