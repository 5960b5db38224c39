"""A bilingual fixture site built by the strict (publishing) settings: what a reader gets.

The fixture (tests/roots/bilingual) holds a translated pair, an English-only and a Georgian-only
release, a draft and an embargoed release.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zlib
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from lxml import etree
from PIL import Image

from conftest import ROOTS, Site, build
from newsroom.errors import ContentError

SITE = "https://example.org/newsroom"
PAIR = {"en": f"{SITE}/en/news/eu-tablets/", "ka": f"{SITE}/ka/news/eu-tablets/"}
ENGLISH_ONLY = f"{SITE}/en/news/women-police/"
GEORGIAN_ONLY = f"{SITE}/ka/news/katastropis-dghe/"
GEORGIAN_MONTHS = "იანვარი თებერვალი მარტი აპრილი მაისი ივნისი ივლისი აგვისტო სექტემბერი ოქტომბერი ნოემბერი დეკემბერი".split()


@pytest.fixture(scope="module")
def site(site_factory):
    return site_factory("bilingual")


def hreflangs(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def switcher(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("nav.switcher a[hreflang]")}


@pytest.mark.parametrize("url, lang", [
    (PAIR["en"], "en"), (PAIR["ka"], "ka"), (ENGLISH_ONLY, "en"), (GEORGIAN_ONLY, "ka"),
    (f"{SITE}/en/", "en"), (f"{SITE}/ka/", "ka"), (f"{SITE}/ka/partners/mia/", "ka"),
    (f"{SITE}/en/topics/policing/", "en"), (f"{SITE}/ka/archive/2018/", "ka"), (f"{SITE}/ka/404.html", "ka"),
])
def test_every_page_declares_its_own_language(site, url, lang):
    assert site.html(url).html["lang"] == lang


def test_twins_link_to_each_other_through_the_switcher(site):
    assert switcher(site.html(PAIR["en"])) == {"ka": PAIR["ka"]}
    assert switcher(site.html(PAIR["ka"])) == {"en": PAIR["en"]}


def test_twins_carry_absolute_hreflang_alternates_with_x_default(site):
    expected = {"en": PAIR["en"], "ka": PAIR["ka"], "x-default": PAIR["en"]}
    assert hreflangs(site.html(PAIR["en"])) == expected
    assert hreflangs(site.html(PAIR["ka"])) == expected


def test_an_untranslated_release_has_no_alternates_and_its_switcher_leads_home(site):
    page = site.html(ENGLISH_ONLY)
    assert hreflangs(page) == {}
    assert switcher(page) == {"ka": f"{SITE}/ka/"}
    assert not site.file(f"{SITE}/ka/news/women-police/").exists()


def test_every_hreflang_and_switcher_link_points_at_a_page_that_exists(site):
    for path in site.pages():
        page = site.html(SITE + "/" + str(path.relative_to(site.output)))
        for url in [*hreflangs(page).values(), *switcher(page).values()]:
            assert site.exists(url), f"{path}: {url}"


def test_home_pages_list_their_languages_releases_and_mark_the_untranslated(site):
    english = site.html(f"{SITE}/en/")
    titles = [a.get_text() for a in english.select(".card__title a")]
    assert titles == ["The EU donates tablets to the police", "Women in Policing Conference", "კატასტროფის რისკის შემცირების დღე"]
    foreign = english.select_one('.card__title[lang="ka"] a')
    assert foreign["href"] == GEORGIAN_ONLY and foreign["hreflang"] == "ka"
    assert "Only in Georgian" in foreign.find_parent("li").get_text()

    georgian = site.html(f"{SITE}/ka/")
    titles = [a.get_text() for a in georgian.select(".card__title a")]
    assert titles == ["ევროკავშირმა პოლიციას პლანშეტები გადასცა", "Women in Policing Conference", "კატასტროფის რისკის შემცირების დღე"]
    foreign = georgian.select_one('.card__title[lang="en"] a')
    assert foreign["href"] == ENGLISH_ONLY
    assert "მხოლოდ ინგლისურად" in foreign.find_parent("li").get_text()  # as a Georgian editor says it


def test_georgian_pages_show_georgian_dates_from_babel(site):
    page = site.html(PAIR["ka"])
    assert page.select_one(".dateline").get_text(" ", strip=True) == "თბილისი, 6 ივნისი, 2018"
    assert page.select_one(".dateline time")["datetime"] == "2018-06-06"
    for url in (f"{SITE}/ka/", f"{SITE}/ka/archive/2017/"):
        dates = [time.get_text() for time in site.html(url).select("time")]
        assert dates and all(any(month in date for month in GEORGIAN_MONTHS) for date in dates), dates


def test_english_dateline_and_event_dates(site):
    assert site.html(PAIR["en"]).select_one(".dateline").get_text(" ", strip=True) == "Tbilisi, 6 June 2018"
    assert site.html(ENGLISH_ONLY).select_one(".release__event").get_text(strip=True) == "Event: 6–9 March 2018"


def test_an_article_shows_its_partners_funders_topics_image_and_video(site):
    page = site.html(PAIR["ka"])
    assert [a.get_text() for a in page.select(".release__footer ul")[0].select("a")] == ["საქართველოს შინაგან საქმეთა სამინისტრო"]
    assert page.select(".release__footer ul")[1].a["href"] == f"{SITE}/ka/partners/eu/"
    assert page.select(".release__footer ul")[2].a["href"] == f"{SITE}/ka/topics/policing/"
    english = site.html(ENGLISH_ONLY)
    image = english.select_one(".release__image img")
    assert image["alt"] == "Police officers at the conference"
    assert site.exists(image["src"])
    assert english.select_one(".release__image figcaption").get_text(" ", strip=True) == "The seventh regional conference Photo: IOM Georgia"
    assert english.select_one(".release__video a")["href"] == "https://www.youtube.com/watch?v=abc123"


@pytest.mark.parametrize("lang", ["en", "ka"])
@pytest.mark.parametrize("path", ["partners/", "partners/mia/", "partners/eu/", "partners/ncdc/", "topics/", "topics/policing/", "topics/health/", "archive/", "archive/2018/", "archive/2017/"])
def test_partner_topic_and_year_pages_exist_in_both_languages(site, lang, path):
    page = site.html(f"{SITE}/{lang}/{path}")
    assert page.h1.get_text(strip=True)
    other = "ka" if lang == "en" else "en"
    assert switcher(page) == {other: f"{SITE}/{other}/{path}"}


def test_a_partner_page_is_named_in_the_pages_language_and_lists_its_releases(site):
    page = site.html(f"{SITE}/ka/partners/mia/")
    assert page.h1.get_text() == "საქართველოს შინაგან საქმეთა სამინისტრო"
    assert [a["href"] for a in page.select(".card__title a")] == [PAIR["ka"], ENGLISH_ONLY]


def test_the_home_page_is_paginated_with_alternates_per_page(site_factory):
    site = site_factory("bilingual", NEWSROOM_PER_PAGE=2)
    for lang in ("en", "ka"):
        first, second = site.html(f"{SITE}/{lang}/"), site.html(f"{SITE}/{lang}/page/2/")
        assert len(first.select(".card")) == 2 and len(second.select(".card")) == 1
        assert first.select_one('a[rel="next"]')["href"] == f"{SITE}/{lang}/page/2/"
        assert second.select_one('a[rel="prev"]')["href"] == f"{SITE}/{lang}/"
    assert hreflangs(site.html(f"{SITE}/ka/page/2/")) == {"en": f"{SITE}/en/page/2/", "ka": f"{SITE}/ka/page/2/", "x-default": f"{SITE}/"}


# What the draft (slug `unfinished`) and the embargoed release would leave in a site that showed
# them: their pages, their words, the photos the test gives them (`unpublished`).
UNPUBLISHED_NAMES = ("unfinished", "embargoed", "only-in-the-draft", "only-under-embargo")
UNPUBLISHED_WORDS = ("news/unfinished/", "news/embargoed/", "An unfinished release", "Not ready yet.", "An embargoed release",
                     "Not before its date.", "only-in-the-draft", "only-under-embargo")


def traces(output) -> list[str]:
    """Each file of `output` named after, or holding a word of, the draft or the embargoed release;
    the search index's files are read unzipped."""
    found = []
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(output).as_posix()
        data = path.read_bytes()
        with contextlib.suppress(OSError, EOFError, zlib.error):  # Pagefind's index is gzipped
            data = gzip.decompress(data)
        found += [f"{name}: named {word!r}" for word in UNPUBLISHED_NAMES if word in name]
        found += [f"{name}: holds {word!r}" for word in UNPUBLISHED_WORDS if word.encode() in data]
    return found


@pytest.fixture(scope="module")
def unpublished(tmp_path_factory):
    """The fixture, with a photo of its own on the draft and on the embargoed release."""
    content = shutil.copytree(ROOTS / "bilingual" / "content", tmp_path_factory.mktemp("unpublished") / "content")
    for name, release in (("only-in-the-draft", "2019/2019-01-10-unfinished.en.md"), ("only-under-embargo", "embargoed/embargoed.en.md")):
        Image.new("RGB", (800, 500), "green").save(content / "images" / f"{name}.png")
        path = content / "releases" / release
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\nimage: {{src: images/{name}.png, alt: A photo}}\n", 1),
                        encoding="utf-8")
    return content


def test_drafts_and_embargoed_releases_leave_nothing_in_the_published_site(unpublished, tmp_path):
    assert traces(build(unpublished, tmp_path / "published")) == []


def test_what_the_draft_and_embargo_test_looks_for_is_what_a_preview_shows_of_them(unpublished, tmp_path):
    """The preview shows both releases: each name and word the test above looks for is there."""
    found = " ".join(traces(build(unpublished, tmp_path / "preview", "pelicanconf.py", SITEURL=SITE)))
    assert [word for word in (*UNPUBLISHED_NAMES, *UNPUBLISHED_WORDS) if repr(word) not in found] == []


def test_the_preview_shows_drafts_and_embargoed_releases_marked(site_factory):
    site = site_factory("bilingual", "pelicanconf.py", SITEURL=SITE)
    assert site.html(f"{SITE}/en/news/unfinished/").select_one(".flag").get_text() == "Draft: not published"
    assert "Embargoed" in site.html(f"{SITE}/en/news/embargoed/").select_one(".flag").get_text()


def test_no_url_in_the_output_climbs_with_dot_dot(site):
    for path in site.output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".atom"):
            assert "/../" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_each_feed_is_atom_with_its_required_elements(site, lang):
    url = f"{SITE}/{lang}/feed.atom"
    tree = etree.parse(str(site.file(url)))
    atom = {"a": "http://www.w3.org/2005/Atom"}
    feed = tree.getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for element in ("a:id", "a:title", "a:updated", "a:author/a:name"):
        assert feed.findtext(element, namespaces=atom), element
    assert feed.find('a:link[@rel="self"]', atom).get("href") == url
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", feed.findtext("a:updated", namespaces=atom))
    parsed = feedparser.parse(site.file(url).read_bytes())
    assert not parsed.bozo
    links = [entry.link for entry in parsed.entries]
    assert links == ([PAIR["en"], ENGLISH_ONLY] if lang == "en" else [PAIR["ka"], GEORGIAN_ONLY])
    assert all(site.exists(link) for link in links)


@pytest.mark.parametrize(("lang", "label"), [("en", "Policing"), ("ka", "პოლიცია")])
def test_a_feeds_categories_carry_their_label_in_the_feeds_language(site, lang, label):
    """Atom categories: the topic's key as the term, its name in the feed's language as the label."""
    tree = etree.parse(str(site.file(f"{SITE}/{lang}/feed.atom")))
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(entry for entry in tree.getroot().findall("a:entry", atom) if entry.find("a:link", atom).get("href") == PAIR[lang])
    categories = [(category.get("term"), category.get("label"), category.get("scheme")) for category in entry.findall("a:category", atom)]
    assert categories == [("policing", label, f"{SITE}/{lang}/topics/")]


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(site) -> dict[str, dict[str, str]]:
    """The sitemap's pages: each URL with its language alternates {hreflang: URL}."""
    root = ET.parse(site.output / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("s:url", SITEMAP):
        loc = url.findtext("s:loc", namespaces=SITEMAP)
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
    return entries


def listable(site) -> set[str]:
    """Every page of the output that a search engine should know: all but the 404 pages."""
    return {SITE + "/" + path.relative_to(site.output).as_posix().removesuffix("index.html")
            for path in site.pages() if path.name != "404.html"}


@pytest.fixture(scope="module")
def paginated(site_factory):
    """The fixture with one release a page: every list of two or more releases has a page 2."""
    return site_factory("bilingual", NEWSROOM_PER_PAGE=1)


@pytest.mark.parametrize("name", ["site", "paginated"])
def test_the_sitemap_lists_every_page_with_the_alternates_the_page_declares(request, name):
    site = request.getfixturevalue(name)
    entries, pages = sitemap(site), listable(site)
    assert (sorted(pages - set(entries)), sorted(set(entries) - pages)) == ([], [])  # (left out, not a page)
    for loc, alternates in entries.items():
        # what the page itself tells search engines in its <head>, and nothing it does not
        assert alternates == hreflangs(site.html(loc)), loc
        assert all(href.startswith(SITE + "/") and site.exists(href) for href in alternates.values()), loc
    assert entries[PAIR["ka"]] == {"en": PAIR["en"], "ka": PAIR["ka"], "x-default": PAIR["en"]}


def test_the_sitemap_of_a_paginated_site_lists_every_page_of_every_list(paginated):
    entries = sitemap(paginated)
    # three releases a language on the home page, two on the 2018, MIA and policing pages
    later = {"": 3, "archive/2018/": 2, "partners/mia/": 2, "topics/policing/": 2}
    assert sorted(loc for loc in entries if "/page/" in loc) == sorted(
        f"{SITE}/{lang}/{path}page/{number}/" for lang in ("en", "ka") for path, count in later.items() for number in range(2, count + 1))
    assert entries[f"{SITE}/ka/page/3/"] == {"en": f"{SITE}/en/page/3/", "ka": f"{SITE}/ka/page/3/", "x-default": f"{SITE}/"}
    assert entries[f"{SITE}/en/partners/mia/page/2/"] == {
        "en": f"{SITE}/en/partners/mia/page/2/", "ka": f"{SITE}/ka/partners/mia/page/2/", "x-default": f"{SITE}/en/partners/mia/page/2/"}
    # left out on purpose: the 404 pages (generator.sitemap_pages); the search pages are listed
    assert not [loc for loc in entries if loc.endswith("404.html")]
    assert {f"{SITE}/", f"{SITE}/en/search/", f"{SITE}/ka/search/"} <= set(entries)


def test_the_root_is_a_bilingual_language_choice(site):
    page = site.html(f"{SITE}/")
    assert {section["lang"]: section.a["href"] for section in page.select("section[lang]")} == {"en": f"{SITE}/en/", "ka": f"{SITE}/ka/"}
    assert hreflangs(site.html(f"{SITE}/en/"))["x-default"] == f"{SITE}/"


def test_no_link_escapes_the_sub_path_the_site_is_served_from(site):
    """Built for https://example.org/newsroom: every own link stays below /newsroom/."""
    escaping = []
    for path in site.pages():
        page = site.html(SITE + "/" + str(path.relative_to(site.output)))
        for element in page.select("[href], [src], [srcset]"):
            for attribute in ("href", "src", "srcset"):
                for url in (element.get(attribute) or "").replace(",", " ").split():
                    own = url.startswith("https://example.org") or url.startswith("/")
                    if own and not url.startswith(SITE + "/"):
                        escaping.append(f"{path.relative_to(site.output)}: {url}")
    assert escaping == []


# -- The theme: what a page tells readers, search engines and social networks ------------------


def meta(page, key: str) -> list[str]:
    """The content of every <meta property=key> or <meta name=key>."""
    return [tag["content"] for tag in page.select(f'meta[property="{key}"], meta[name="{key}"]')]


def json_ld(page) -> dict:
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


@pytest.mark.parametrize("url, description", [
    (PAIR["en"], "Tablets for intelligence-led policing."),  # the summary, without its markup
    (PAIR["ka"], "ევროკავშირმა შინაგან საქმეთა სამინისტროს 540 პლანშეტი გადასცა."),  # else the first paragraph
    (f"{SITE}/ka/", "მიგრაციის საერთაშორისო ორგანიზაციის (IOM) საქართველოს მისიის უახლესი პრესრელიზები: მიგრაცია, ჯანმრთელობა, საზღვრის მართვა და სხვა."),
    (f"{SITE}/en/partners/eu/", "Press releases of IOM Georgia with European Union."),
    (f"{SITE}/ka/topics/policing/", "IOM საქართველოს პრესრელიზები თემაზე: პოლიცია."),
    (f"{SITE}/en/archive/2018/", "The press releases IOM Georgia published in 2018."),
])
def test_every_page_has_a_description_in_its_language(site, url, description):
    assert meta(site.html(url), "description") == [description]


def test_descriptions_are_cut_at_a_word_near_160_characters(site):
    for path in site.pages():
        for description in meta(site.html(SITE + "/" + str(path.relative_to(site.output))), "description"):
            assert 0 < len(description) <= 161, path


def test_a_release_has_open_graph_and_twitter_cards_naming_its_twin(site):
    page = site.html(PAIR["en"])
    assert {key: meta(page, key) for key in (
        "og:type", "og:title", "og:url", "og:site_name", "og:locale", "og:locale:alternate", "twitter:card")} == {
        "og:type": ["article"], "og:title": ["The EU donates tablets to the police"], "og:url": [PAIR["en"]],
        "og:site_name": ["IOM Georgia Newsroom"], "og:locale": ["en_GB"], "og:locale:alternate": ["ka_GE"],
        "twitter:card": ["summary_large_image"],
    }
    assert meta(site.html(PAIR["ka"]), "og:locale") == ["ka_GE"]
    assert meta(site.html(f"{SITE}/ka/"), "og:type") == ["website"]


def test_a_release_with_a_lead_image_shares_its_largest_jpeg_or_png(site):
    page = site.html(ENGLISH_ONLY)
    (image,) = meta(page, "og:image")
    assert image.startswith(f"{SITE}/images/sized/conference-") and image.endswith(".png") and site.exists(image)
    assert meta(page, "og:image:alt") == ["Police officers at the conference"]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    assert meta(page, "og:locale:alternate") == []


def test_a_release_describes_itself_as_a_news_article_in_json_ld(site):
    data = json_ld(site.html(PAIR["ka"]))
    publisher = data.pop("publisher")
    assert data.pop("author") == publisher
    assert data == {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "ევროკავშირმა პოლიციას პლანშეტები გადასცა",
        "description": "ევროკავშირმა შინაგან საქმეთა სამინისტროს 540 პლანშეტი გადასცა.",
        "inLanguage": "ka",
        "datePublished": "2018-06-06T00:00:00+04:00", "dateModified": "2018-06-06T00:00:00+04:00",
        "contentLocation": {"@type": "Place", "name": "თბილისი"},
        "url": PAIR["ka"], "mainEntityOfPage": {"@type": "WebPage", "@id": PAIR["ka"]},
        "image": meta(site.html(PAIR["ka"]), "og:image"),  # its share picture: it has no lead photo
    }
    assert publisher["@type"] == "Organization" and publisher["name"] == "მიგრაციის საერთაშორისო ორგანიზაცია (IOM)"
    assert site.exists(publisher["logo"]["url"])
    assert json_ld(site.html(ENGLISH_ONLY))["image"] == meta(site.html(ENGLISH_ONLY), "og:image")


@pytest.mark.parametrize("url, title", [
    (PAIR["en"], "The EU donates tablets to the police"),
    (PAIR["ka"], "ევროკავშირმა პოლიციას პლანშეტები გადასცა"),
    (GEORGIAN_ONLY, "კატასტროფის რისკის შემცირების დღე"),
])
def test_a_release_without_a_lead_image_shares_a_1200_by_630_picture_of_its_title(site, url, title):
    page = site.html(url)
    (image,) = meta(page, "og:image")
    lang, slug = url.removeprefix(SITE + "/").split("/news/")
    assert re.fullmatch(rf"{SITE}/images/share/{lang}-{slug.strip('/')}-[0-9a-f]{{10}}\.png", image)
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == (["1200"], ["630"])
    assert meta(page, "og:image:type") == ["image/png"]
    assert meta(page, "og:image:alt") == [title]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    with Image.open(site.file(image)) as picture:
        assert (picture.format, picture.size, picture.mode) == ("PNG", (1200, 630), "P")
        colours = {colour for _, colour in picture.convert("RGB").getcolors()}
    assert (255, 255, 255) in colours and (0x00, 0x33, 0xA0) in colours  # dark blue on white


def test_share_pictures_are_published_for_shown_releases_without_a_lead_image_only(site):
    shared = {meta(site.html(SITE + "/" + str(path.relative_to(site.output))), "og:image")[0]
              for path in (site.output / "en" / "news").glob("*/index.html")} | {
             meta(site.html(SITE + "/" + str(path.relative_to(site.output))), "og:image")[0]
              for path in (site.output / "ka" / "news").glob("*/index.html")}
    cards = {f"{SITE}/{path.relative_to(site.output).as_posix()}" for path in (site.output / "images" / "share").iterdir()}
    assert cards == {image for image in shared if "/images/share/" in image}
    assert len(cards) == 3  # the pair and the Georgian-only release; the English-only one has its photo


def test_share_links_are_plain_links_with_the_address_and_title_encoded(site):
    page = site.html(PAIR["en"])
    links = {urlsplit(a["href"]).netloc or "mailto": a["href"] for a in page.select(".share__link")}
    title = "The EU donates tablets to the police"
    assert parse_qs(urlsplit(links["www.facebook.com"]).query) == {"u": [PAIR["en"]]}
    assert parse_qs(urlsplit(links["x.com"]).query) == {"url": [PAIR["en"]], "text": [title]}
    assert parse_qs(urlsplit(links["www.linkedin.com"]).query) == {"url": [PAIR["en"]]}
    assert links["mailto"] == "mailto:?subject=The%20EU%20donates%20tablets%20to%20the%20police&body=https%3A//example.org/newsroom/en/news/eu-tablets/"
    assert page.select("script[src]") == [] and page.select("iframe") == []


def test_the_partner_block_names_partners_and_funders_with_their_pages_and_websites(site):
    page = site.html(PAIR["en"])
    panel = page.select_one(".release__footer .panel")
    assert [h2.get_text() for h2 in panel.select("h2")] == ["Implemented with", "Funded by"]
    funder = panel.select(".partner")[1]
    assert funder.select_one(".partner__name")["href"] == f"{SITE}/en/partners/eu/"
    assert (funder.select_one(".partner__site")["href"], funder.select_one(".partner__site").get_text()) == (
        "https://eu.example.net/", "Website: eu.example.net")


def variant(tmp_path, edits: dict[str, tuple[str, str]], files: dict[str, str] | None = None) -> Site:
    """The fixture built with a few changes: {file: (old text, new text)}, and extra files."""
    content = shutil.copytree(ROOTS / "bilingual" / "content", tmp_path / "content")
    for name, text in (files or {}).items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    for name, (old, new) in edits.items():
        text = (content / name).read_text(encoding="utf-8")
        assert old in text, f"{name} has no {old!r}"
        (content / name).write_text(text.replace(old, new), encoding="utf-8")
    return Site(build(content, tmp_path / "output"))


def test_a_partners_logo_shows_on_its_releases_and_its_page(tmp_path):
    """A logo is published as the sizes it is shown in, PNG and lossless WebP, never as the file itself."""
    content = tmp_path / "logo"
    shutil.copytree(ROOTS / "bilingual" / "content", content)
    (content / "images" / "partners").mkdir(parents=True)
    Image.new("RGB", (400, 200), "navy").save(content / "images" / "partners" / "eu.png")
    partners = content / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace(
        "  url: https://eu.example.net/\n", "  url: https://eu.example.net/\n  logo: images/partners/eu.png\n"), encoding="utf-8")
    logo_site = Site(build(content, tmp_path / "output"))
    for url, selector, box in ((PAIR["ka"], ".partner__logo", ("48", "48")), (f"{SITE}/ka/partners/eu/", ".page-header__logo", ("144", "72"))):
        logos = logo_site.html(url).select(selector)
        assert [(logo["alt"], logo["width"], logo["height"]) for logo in logos] == [("", *box)], url
        assert re.fullmatch(rf"{SITE}/images/sized/eu-[0-9a-f]{{10}}-\d+\.png", logos[0]["src"]), logos[0]["src"]
        assert logo_site.exists(logos[0]["src"])
        assert logos[0].find_parent("picture").select_one("source")["type"] == "image/webp"
    assert not (logo_site.output / "images" / "partners").exists()


def test_a_logo_that_is_not_a_png_or_jpeg_fails_the_strict_build(tmp_path):
    content = shutil.copytree(ROOTS / "bilingual" / "content", tmp_path / "content")
    (content / "images" / "partners").mkdir(parents=True)
    (content / "images" / "partners" / "eu.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    partners = content / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace(
        "  url: https://eu.example.net/\n", "  url: https://eu.example.net/\n  logo: images/partners/eu.svg\n"), encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        build(content, tmp_path / "output")
    assert [(problem.path, problem.field) for problem in failure.value.problems] == [
        ("content/images/partners/eu.svg", None), ("content/partners.yml", "eu.logo")]


def test_a_video_elsewhere_than_youtube_is_a_plain_link_without_a_script(tmp_path):
    vimeo = variant(tmp_path, {"releases/2018/2018-03-09-women-police.en.md": ("https://www.youtube.com/watch?v=abc123", "https://vimeo.com/76979871")})
    page = vimeo.html(ENGLISH_ONLY)
    assert [(a["href"], a.get_text()) for a in page.select(".release__video a")] == [("https://vimeo.com/76979871", "Watch the video")]
    assert page.select(".video") == [] and page.select("script[src]") == []


def test_a_video_is_a_link_that_a_small_script_turns_into_a_player(site):
    page = site.html(ENGLISH_ONLY)
    video = page.select_one(".video")
    assert video.select_one("a.video__poster")["href"] == "https://www.youtube.com/watch?v=abc123"
    assert video["data-video-title"] == "Video: Women in Policing Conference"
    (script,) = page.select("script[src]")
    assert re.fullmatch(rf"{SITE}/theme/js/video\.[0-9a-f]{{10}}\.js", script["src"]) and script.has_attr("defer")
    assert site.exists(script["src"])


def test_a_release_links_to_the_newer_and_older_release_in_its_language(site):
    older = site.html(PAIR["en"]).select(".sequel a")
    assert [(a["rel"], a["href"]) for a in older] == [(["next"], ENGLISH_ONLY)]
    newer = site.html(ENGLISH_ONLY).select(".sequel a")
    assert [(a["rel"], a["href"]) for a in newer] == [(["prev"], PAIR["en"])]
    assert site.html(PAIR["ka"]).select(".sequel a")[0]["href"] == GEORGIAN_ONLY


@pytest.mark.parametrize("url", [f"{SITE}/ka/", PAIR["ka"], f"{SITE}/ka/404.html"])
def test_georgian_pages_preload_the_georgian_webfont(site, url):
    fonts = [link["href"] for link in site.html(url).select('link[rel="preload"][as="font"]')]
    assert len(fonts) == 2 and all(site.exists(font) and font.endswith(".woff2") for font in fonts)


@pytest.mark.parametrize("url", [f"{SITE}/en/", PAIR["en"], f"{SITE}/"])
def test_english_pages_do_not_preload_it(site, url):
    assert site.html(url).select('link[rel="preload"]') == []


def test_every_page_has_the_svg_favicon(site):
    for path in site.pages():
        (icon,) = site.html(SITE + "/" + str(path.relative_to(site.output))).select('link[rel="icon"]')
        assert icon["type"] == "image/svg+xml" and site.exists(icon["href"]), path


def test_theme_fonts_and_icons_are_named_by_the_hash_of_their_content(site):
    """Hosts cache /theme/* for a year (_headers): a changed file must change its name."""
    files = [path for folder in ("fonts", "images") for path in (site.output / "theme" / folder).iterdir() if path.suffix != ".txt"]
    assert sorted(path.suffix for path in files) == [".svg", ".woff2", ".woff2"]
    for path in files:
        assert path.name.split(".")[-2] == hashlib.sha256(path.read_bytes()).hexdigest()[:10], path.name
    assert (site.output / "theme" / "fonts" / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


@pytest.mark.parametrize("lang, heading", [("en", "Page not found"), ("ka", "გვერდი ვერ მოიძებნა")])
def test_each_language_has_its_own_404_page(site, lang, heading):
    page = site.html(f"{SITE}/{lang}/404.html")
    assert page.h1.get_text() == heading
    assert meta(page, "robots") == ["noindex"]
    assert page.select_one(".not-found a")["href"] == f"{SITE}/{lang}/"


def photo_with_secrets(path) -> None:
    """A phone photo: taken sideways (EXIF orientation 6), with where and who in its metadata."""
    image = Image.new("RGB", (600, 400), "white")
    image.paste((200, 0, 0), (0, 0, 300, 400))  # the left half red: the top once turned upright
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif[0x013B] = "Photographer Name"  # Artist
    exif.get_ifd(0x8825).update({1: "N", 2: (41.0, 43.0, 0.0), 3: "E", 4: (44.0, 47.0, 0.0)})  # GPS
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=exif, comment=b"Shelter B, room 12")


def test_a_photo_in_the_text_is_published_as_upright_variants_without_metadata(tmp_path):
    content = shutil.copytree(ROOTS / "bilingual" / "content", tmp_path / "content")
    photo_with_secrets(content / "images" / "2018" / "visit.jpg")
    release = content / "releases" / "2018" / "2018-06-06-eu-tablets.en.md"
    release.write_text(release.read_text(encoding="utf-8") + "\n![Officers with the tablets](../../images/2018/visit.jpg)\n", encoding="utf-8")
    site = Site(build(content, tmp_path / "output"))
    picture = site.html(PAIR["en"]).select_one(".release__body picture")
    img = picture.select_one("img")
    assert (img["alt"], img["width"], img["height"]) == ("Officers with the tablets", "400", "600")  # upright: taller than wide
    assert [source["type"] for source in picture.select("source")] == ["image/avif", "image/webp"]
    published = sorted(path.relative_to(site.output).as_posix() for path in (site.output / "images").rglob("*") if path.is_file())
    assert all(name.startswith(("images/sized/", "images/share/")) for name in published), published  # never an original
    assert any(name.startswith("images/sized/visit-") for name in published), published
    for path in (site.output / "images").rglob("*.*"):
        data = path.read_bytes()
        assert b"Exif" not in data and b"Photographer" not in data and b"Shelter" not in data, path
    with Image.open(site.file(img["src"])) as variant:
        assert variant.size[1] > variant.size[0] and variant.getpixel((variant.size[0] // 2, 5))[0] > 150  # red on top


def test_a_photo_in_the_text_from_outside_content_images_fails_the_strict_build_with_its_line(tmp_path):
    content = shutil.copytree(ROOTS / "bilingual" / "content", tmp_path / "content")
    release = content / "releases" / "2018" / "2018-06-06-eu-tablets.en.md"
    release.write_text(release.read_text(encoding="utf-8") + "\nSee:\n\n![A photo](../../../../../../etc/hostname)\n", encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        build(content, tmp_path / "output")
    assert [str(problem) for problem in failure.value.problems] == [
        "content/releases/2018/2018-06-06-eu-tablets.en.md: 'body': line 16: '../../../../../../etc/hostname' is outside "
        "content/images/; put the photo in content/images/ and give its path from content/, e.g. images/2018/conference.jpg"]


def test_a_release_of_iom_alone_names_no_partner_and_shows_no_partner_block(tmp_path):
    """IOM's own work (an office visit, a meeting) has no partner: nothing is invented for it."""
    alone = variant(tmp_path, {}, {"releases/2019/2019-02-01-office-visit.en.md":
                                   "---\ntitle: The Chief of Mission visits the Batumi office\ndate: 2019-02-01\nlang: en\n---\nA visit.\n"})
    page = alone.html(f"{SITE}/en/news/office-visit/")
    assert page.select(".release__footer .panel .partner") == []
    assert "Implemented with" not in page.get_text() and "Funded by" not in page.get_text()
    assert not alone.exists(f"{SITE}/en/partners/iom/")


def test_the_switchers_note_is_in_the_language_of_the_readers_it_speaks_to(site):
    """Beside "ქართული" on an English page the note tells Georgian readers, in Georgian, that the
    page is not translated; and the mirror on a Georgian page."""
    english = site.html(ENGLISH_ONLY).select_one(".switcher__note")
    georgian = site.html(GEORGIAN_ONLY).select_one(".switcher__note")
    assert (english["lang"], english.get_text()) == ("ka", "(ეს გვერდი ქართულად არ არის ნათარგმნი; გაიხსნება მთავარი გვერდი)")
    assert (georgian["lang"], georgian.get_text()) == ("en", "(home page: this page is not translated)")
