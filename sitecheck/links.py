"""Every internal link, image and stylesheet of the built site leads to a file that exists.

Checked in every HTML file (`href`, `src`, `srcset`, `poster`, `action`, `cite`) and every
stylesheet (`url(…)`): the target file exists (a folder URL is answered by its index.html), a
`#fragment` names an id in the target page, and no URL in a page climbs with `/../`.
External URLs are collected, never fetched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from .builtsite import BuiltSite

URL_ATTRIBUTES = ("href", "src", "poster", "action", "cite")
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
NOT_LINKS = ("data:", "javascript:", "about:")


def parse(path: Path):
    return lxml.html.document_fromstring(path.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))


def ids(document) -> frozenset[str]:
    return frozenset(document.xpath("//@id | //a/@name"))


def references(document):
    """(attribute, URL as written) for every URL-valued attribute in a document."""
    for element in document.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                yield attribute, value.strip()
        srcset = element.get("srcset")
        if srcset:
            for candidate in srcset.split(","):
                if candidate.strip():
                    yield "srcset", candidate.split()[0]


def stylesheet_references(path: Path):
    for match in CSS_URL.finditer(path.read_text(encoding="utf-8")):
        yield "url()", next(group for group in match.groups() if group is not None)


def _all_references(site: BuiltSite):
    """(page, its URL, attribute, URL as written) for every HTML file and stylesheet."""
    for path in site.files("*.html"):
        document = parse(path)
        for attribute, value in references(document):
            yield path, site.url_of(path), attribute, value
    for path in site.files("*.css"):
        for attribute, value in stylesheet_references(path):
            yield path, site.url_of(path), attribute, value


def check_links(site: BuiltSite) -> list[str]:
    """Every broken internal reference, as `page: attribute 'url': what is wrong`."""
    findings = []
    documents: dict[Path, object] = {}

    def ids_of(path: Path) -> frozenset[str]:
        if path not in documents:
            documents[path] = ids(parse(path))
        return documents[path]

    for page, page_url, attribute, value in _all_references(site):
        where = f"{site.relative(page)}: {attribute} {value!r}"
        if value.lower().startswith(NOT_LINKS):
            continue
        # Pages use absolute URLs (RELATIVE_URLS = False); a stylesheet's relative ../ is fine.
        if page.suffix == ".html" and ("/../" in value or value.startswith("../") or value == ".."):
            findings.append(f"{where}: climbs with /../")
            continue
        url = urljoin(page_url, value)
        if urlsplit(url).scheme not in ("http", "https") or not site.is_internal(url):
            continue
        target, problem = site.locate(url)
        if problem:
            findings.append(f"{where}: {problem}")
            continue
        fragment = unquote(urlsplit(url).fragment)
        if fragment:
            if target.suffix != ".html":
                findings.append(f"{where}: a #fragment on {site.relative(target)}, which is not a page")
            elif fragment not in ids_of(target):
                findings.append(f"{where}: no id {fragment!r} in {site.relative(target)}")
    return findings


def external_links(site: BuiltSite) -> dict[str, list[str]]:
    """Every URL that leaves the site (other origins, mailto:, tel:, …) → the pages that link to it."""
    found = defaultdict(set)
    for page, page_url, _attribute, value in _all_references(site):
        if value.lower().startswith(NOT_LINKS):
            continue
        url = urljoin(page_url, value)
        if not site.is_internal(url):
            found[url].add(site.relative(page))
    return {url: sorted(pages) for url, pages in sorted(found.items())}
