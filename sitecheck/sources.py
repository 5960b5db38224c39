"""Which release a finding in the built site comes from, and on which line of its file.

A finding is a checker's line, `page: what is wrong` or `page:line: what is wrong`, `page` being
a file of the built site (en/news/eu-tablets/index.html). A release's pages are where the site's
article URL puts them (`{lang}/news/{slug}/`, and each old address in its aliases); a URL a
finding names (`href '…'`, `src '…'`) is looked for in the release's file, its body first. A
finding on a page no release makes (a list, a feed, the sitemap, the theme's stylesheet) points
at that file of the built site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

FINDING = re.compile(r"(?P<page>[^\s:]+?)(?::(?P<line>\d+))?: (?P<what>.*)", re.DOTALL)
NAMED_URL = re.compile(r"^(?:href|src|srcset|poster|action|cite|url\(\)) '(?P<url>[^']*)'")

# what to do, by check and by whether a release made the page
ADVICE = {
    ("links", True): "correct the address on that line of the release, or remove the link",
    ("links", False): "the theme or the plugin makes this link, not a release: tell the developers",
    ("html", True): "the release's text makes HTML that is not valid: check the HTML written in its "
                    "text, or tell the developers",
    ("accessibility", True): "the page is hard to use with a screen reader or a keyboard: check the "
                             "release's text (a photo's alt text, headings), or tell the developers",
    ("feeds", True): "the feed entry of this release is wrong: tell the developers",
    ("sitemap", True): "the sitemap entry of this release is wrong: tell the developers",
}
THEME = "made by the theme or the plugin, not by a release: tell the developers"


@dataclass(frozen=True)
class Release:
    """What mapping needs of a release: its file, its language, its URL name and its old ones."""

    path: str
    lang: str
    slug: str
    aliases: tuple[str, ...] = ()


def release_pages(releases: Iterable[Release], article_url: str) -> dict[str, str]:
    """Each page of the built site a release makes → the release's file."""
    pages = {}
    for release in releases:
        for slug in (release.slug, *release.aliases):
            url = article_url.format(lang=release.lang, slug=slug)
            pages[url + "index.html" if url.endswith("/") or not url else url] = release.path
    return pages


def split(finding: str) -> tuple[str, int | None, str]:
    """(page, line or None, what is wrong) of a checker's line; the page is '' when the line
    names none."""
    match = FINDING.fullmatch(finding)
    if not match or "/" not in match["page"] and "." not in match["page"]:
        return "", None, finding
    return match["page"], int(match["line"]) if match["line"] else None, match["what"]


def body_start(text: str) -> int:
    """The index of the first line after the front-matter (0 when there is none)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    return next((number + 1 for number, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)


def url_line(text: str, url: str, siteurl: str) -> int | None:
    """The line (from 1) of a release's file that holds a URL of its page: the URL as written,
    its path on the site, or its last part (a file name, a slug); the body first, then the
    front-matter. None when the file holds none of them."""
    path = unquote(urlsplit(url).path)
    site_path = urlsplit(siteurl).path.rstrip("/")
    relative = path.removeprefix(site_path).strip("/") if path.startswith(site_path) else path.strip("/")
    last = relative.rsplit("/", 1)[-1] if relative else ""
    candidates = [url, unquote(url), relative, last, last.rsplit(".", 1)[0]]
    candidates = [candidate for candidate in dict.fromkeys(candidates) if len(candidate) > 2]
    lines = text.splitlines()
    body = body_start(text)
    order = [*range(body, len(lines)), *range(0, body)]
    for candidate in candidates:
        for number in order:
            if candidate in lines[number]:
                return number + 1
    return None


@dataclass(frozen=True)
class Mapped:
    path: str
    line: int
    text: str


def locate(check: str, finding: str, pages: Mapping[str, str], siteurl: str, site_folder: str,
           read: Callable[[str], str | None]) -> Mapped:
    """Where a finding points and its one line, with what to do: the release file and line when a
    release made the page, else the built file (`site_folder`/page) and the checker's line."""
    page, line, what = split(finding)
    source = pages.get(page)
    if source is None:
        path = f"{site_folder}/{page}" if page else site_folder
        where = f"{path}:{line}" if line else path
        return Mapped(path, line or 1, f"{where}: {what}; {THEME}")
    text = read(source)
    found = None
    named = NAMED_URL.match(what)
    if text is not None and named:
        found = url_line(text, named["url"], siteurl)
    if found is None and text is not None:
        found = body_start(text) + 1
    found = found or 1
    advice = ADVICE.get((check, True), THEME)
    return Mapped(source, found, f"{source}: line {found}: in its page {page}: {what}; {advice}")
