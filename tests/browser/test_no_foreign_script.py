"""No page runs a script the theme did not ship, whatever a release or a registry says.

A site is built from releases and registry entries written as an attacker would write them
(tags, event handlers, javascript: addresses, markup in titles, names and summaries), and served
by a plain server that sends no headers at all, as GitHub Pages sends no Content-Security-Policy.
Every page is opened in Chromium, with JavaScript on: each vector calls alert(), and a dialog,
or a script the page's own policy had to block, fails the test. The refused vectors are left out
of the preview (and fail the strict build); the ones that are plain text are published, as text.
"""

from __future__ import annotations

import shutil

import pytest

from checks.builtsite import BuiltSite, serve
from conftest import ROOTS, build

RELEASE = """---
title: {title}
date: 2018-05-0{day}
lang: en
partners: [{partner}]
{extra}---
{body}
"""
# Published as written, as text: front-matter that is not markup, and Markdown that shows code.
PLAIN = [
    ("'<img src=x onerror=alert(\"title\")>'", "Text.", ""),
    ("'\"><script>alert(\"title2\")</script>'", "Text.", "location: '</script><script>alert(\"location\")</script>'\n"),
    ("Code in the text", "Write `<script>alert('code')</script>` to break a page, and &lt;b onclick=alert(1)&gt;.", ""),
    ("A quoted link", "[The office](https://example.org/\"onmouseover=\"alert('link'))", ""),
    ("A video", "Text.", "video: 'https://www.youtube.com/watch?v=x\"><script>alert(\"video\")</script>'\n"),
    ("An image text", "Text.", "image: {src: images/conference.png, alt: '\" onerror=\"alert(1)', caption: '<script>alert(1)</script>'}\n"),
    ("A summary as text", "Text.", "summary: '<img src=x onerror=alert(\"summary\")>'\n"),  # not a tag to Markdown: text
]
# Refused, so left out of the preview: each would run if it were published as written.
REFUSED = [
    ("A script", "<script>alert('script')</script>", ""),
    ("An image handler", "<img src=x onerror=\"alert('img')\">", ""),
    ("A javascript link", "[Click](javascript:alert('link'))", ""),
    ("A disguised link", "[Click](&#106;avascript:alert('entity'))", ""),
    ("A frame", "<iframe srcdoc=\"<script>parent.alert('frame')</script>\"></iframe>", ""),
    ("A refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta')\">", ""),
    ("An SVG", "<svg><script>alert('svg')</script></svg>", ""),
    ("An attribute list", "Click me\n{: onclick=\"alert('attr')\" }", ""),
    ("A summary", "Text.", "summary: 'Hover <b onmouseover=alert(1)>here</b>'\n"),
    ("A bad partner", "Text.", "", "evil"),
]
PARTNER = "evil:\n  name: {en: '<img src=x onerror=alert(\"partner\")>', ka: 'ცუდი'}\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> BuiltSite:
    www = tmp_path_factory.mktemp("hostile")
    content = shutil.copytree(ROOTS / "bilingual" / "content", www / "content")
    (content / "partners.yml").write_text((content / "partners.yml").read_text(encoding="utf-8") + PARTNER, encoding="utf-8")
    folder = content / "releases" / "2018"
    for number, (title, body, extra, *partner) in enumerate(PLAIN + REFUSED):
        text = RELEASE.format(title=title, day=number % 9 + 1, partner=(partner or ["eu"])[0], extra=extra, body=body)
        (folder / f"2018-05-0{number % 9 + 1}-vector-{number}.en.md").write_text(text, encoding="utf-8")
    with serve(www) as origin:
        # the preview: what is refused is left out, everything else is published
        build(content, www / "site", "pelicanconf.py", SITEURL=f"{origin}/site")
        yield BuiltSite(www / "site", f"{origin}/site")


def test_the_plain_text_vectors_are_published_and_the_refused_ones_left_out(hostile):
    pages = {path.parent.name for path in hostile.files("index.html") if path.parent.parent.name == "news"}
    assert {f"vector-{number}" for number in range(len(PLAIN))} <= pages
    assert not {f"vector-{number}" for number in range(len(PLAIN), len(PLAIN) + len(REFUSED))} & pages


def test_no_page_runs_a_script_the_theme_did_not_ship(hostile, visit):
    ran, blocked = [], []
    page = visit.page
    page.on("dialog", lambda dialog: (ran.append(f"{page.url}: alert({dialog.message})"), dialog.dismiss()))
    page.on("console", lambda message: blocked.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None)
    urls = [hostile.url_of(path) for path in hostile.files("*.html")]
    assert len(urls) > 40
    for url in urls:
        page.goto(url, wait_until="load")
    page.goto(f"{hostile.siteurl}/en/search/", wait_until="load")
    page.locator(".pagefind-ui__search-input").fill("title")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=120_000)  # only runs out when Pagefind never answers
    assert ran == []
    assert blocked == []


def test_a_planted_script_is_blocked_by_the_pages_own_policy(hostile, visit, tmp_path):
    """Defence in depth: were a script ever to reach a page, the <meta> policy stops it even on a
    host that sends no Content-Security-Policy header (as the plain server here sends none)."""
    page_file = hostile.root / "en" / "index.html"
    original = page_file.read_text(encoding="utf-8")
    try:
        page_file.write_text(original.replace("</main>", "<script>alert('planted')</script><img src=x onerror=\"alert('planted')\"></main>", 1), encoding="utf-8")
        ran, blocked = [], []
        visit.page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
        visit.page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
        response = visit.page.goto(f"{hostile.siteurl}/en/", wait_until="load")
        assert "content-security-policy" not in {name.lower() for name in response.headers}
        assert ran == []
        assert len(blocked) == 2, blocked
    finally:
        page_file.write_text(original, encoding="utf-8")
