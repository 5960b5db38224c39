"""theme/_headers, published at the site's root: the security headers Netlify and Cloudflare Pages send, and a built
site that really obeys its Content-Security-Policy.

Each page of a strict build is read with a real HTML parser, and every script, stylesheet, image,
frame and inline construct on it is checked against the policy's own directives, the way a
browser would: a page that breaks the policy fails here, not silently in a reader's browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, ROOTS, build

HEADERS = ROOT / "theme" / "_headers"
SITEURL = "https://example.org/newsroom"
# The rich fixture (the seed's releases with twins, photos, a video, logos), the small fixture with
# every kind of release (images, drafts, embargoes), and the one with releases that changed (a
# withdrawal notice, pages at old addresses that send readers on).
SITES = {"rich fixture": ROOTS / "rich" / "content", "bilingual fixture": ROOTS / "bilingual" / "content",
         "corrections fixture": ROOTS / "corrections" / "content"}
# Directives that fall back to default-src when absent (CSP Level 3); others do not fall back.
FALLBACK = {"frame-src": "child-src"}
FETCH_DIRECTIVES = {"script-src", "style-src", "img-src", "font-src", "frame-src", "child-src",
                    "media-src", "object-src", "manifest-src", "connect-src"}
# <script> types a browser does not run: data blocks, which the policy does not govern.
DATA_BLOCKS = {"application/ld+json", "application/json"}


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    """`_headers` → {path pattern: {header name: value}}, in the Netlify / Cloudflare Pages format."""
    rules: dict[str, dict[str, str]] = {}
    path = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            path = line.strip()
            rules[path] = {}
            continue
        name, colon, value = line.strip().partition(":")
        assert path is not None, f"line {number}: a header before any path"
        assert colon and not name.startswith("#"), f"line {number}: not `Name: value` (comments start at column 0)"
        rules[path][name.strip()] = value.strip()
    return rules


def parse_csp(policy: str) -> dict[str, list[str]]:
    """'default-src 'self'; img-src …' → {'default-src': ["'self'"], 'img-src': [...]}."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} appears twice"
        directives[name] = sources
    return directives


@pytest.fixture(scope="module")
def rules():
    return parse_headers(HEADERS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def csp(rules):
    return parse_csp(rules["/*"]["Content-Security-Policy"])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build one of SITES with the production settings, once per module."""
    sites: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in sites:
            sites[name] = build(SITES[name], tmp_path_factory.mktemp("site") / "output")
        return sites[name]
    return get


def sources_for(csp: dict[str, list[str]], directive: str) -> list[str]:
    while directive not in csp and directive in FALLBACK:
        directive = FALLBACK[directive]
    if directive in csp:
        return csp[directive]
    return csp["default-src"] if directive in FETCH_DIRECTIVES else ["*"]


def allows(csp: dict[str, list[str]], directive: str, url: str, base: str) -> bool:
    """Whether `directive` lets a document at `base` load `url` (only the source forms we use)."""
    sources = sources_for(csp, directive)
    target = urlsplit(urljoin(base, url))
    if target.scheme in {"data", "blob"}:
        return f"{target.scheme}:" in sources
    origin = (target.scheme, target.netloc)
    for source in sources:
        if source == "*" or (source == "'self'" and origin == urlsplit(base)[:2]):
            return True
        allowed = urlsplit(source)
        if allowed.netloc and origin == (allowed.scheme, allowed.netloc) and target.path.startswith(allowed.path):
            return True
    return False


# -- The file itself -----------------------------------------------------------------------------

def test_every_page_gets_the_security_headers(rules):
    others = {name: value for name, value in rules["/*"].items() if name != "Content-Security-Policy"}
    assert "Content-Security-Policy" in rules["/*"]
    assert others == {
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def test_the_policy_allows_only_the_site_and_the_planned_exceptions(csp):
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert set(csp["img-src"]) == {"'self'", "https://i.ytimg.com", "data:"}


@pytest.mark.parametrize("directive", ["script-src", "style-src"])
def test_no_inline_code_and_no_eval(csp, directive):
    sources = sources_for(csp, directive)
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert not any(source.startswith(("'nonce-", "'sha")) for source in sources), "hashes and nonces need a build step"
    assert not any(source in {"*", "https:", "http:", "data:"} for source in sources)


IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}


def linked(site: Path, folder: str) -> set[str]:
    """The site-relative paths under `folder` that the site's pages load."""
    found = set()
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for _, target in resources(page):
            relative = urlsplit(urljoin(url_of(site, path), target)).path.removeprefix(urlsplit(SITEURL).path)
            if relative.startswith(f"/{folder}/"):
                found.add(relative)
    return found


def test_theme_files_are_cached_for_a_year_because_pages_link_them_by_hashed_names(rules, built):
    """`immutable` would keep a stylesheet linked by a plain name in browsers for a year after it changes."""
    assert rules["/theme/*"] == IMMUTABLE
    theme = linked(built("rich fixture"), "theme")
    assert theme and all(re.search(r"\.[0-9a-f]{10}\.(css|js|svg|woff2)\Z", name) for name in theme), theme


def test_resized_images_are_cached_for_a_year_because_their_names_carry_a_hash(rules, built):
    assert rules["/images/sized/*"] == IMMUTABLE
    sized = linked(built("bilingual fixture"), "images")
    assert sized and all(re.search(r"/images/sized/.+-[0-9a-f]{10}-\d+\.(avif|webp|jpg|png)\Z", name) for name in sized), sized


def test_share_pictures_are_cached_for_a_year_because_their_names_carry_a_hash(rules, built):
    assert rules["/images/share/*"] == IMMUTABLE
    site = built("bilingual fixture")
    names = [path.name for path in (site / "images" / "share").iterdir()]
    assert names and all(re.fullmatch(r"(en|ka)-[a-z0-9-]+-[0-9a-f]{10}\.png", name) for name in names), names


def test_the_file_stays_within_cloudflare_pages_limits(rules):
    assert len(rules) <= 100
    assert max(len(line) for line in HEADERS.read_text(encoding="utf-8").splitlines()) <= 2000


def test_the_build_puts_the_file_at_the_root_of_the_site(built):
    assert (built("rich fixture") / "_headers").read_bytes() == HEADERS.read_bytes()


# -- A built site obeys the policy ---------------------------------------------------------------

@pytest.fixture(params=list(SITES))
def site(request, built):
    return built(request.param)


def url_of(site: Path, path: Path) -> str:
    return f"{SITEURL}/{path.relative_to(site).as_posix()}"


def resources(page: BeautifulSoup):
    """(directive, URL) for everything a browser would fetch or run from the page's markup."""
    for script in page.find_all("script", src=True):
        yield "script-src", script["src"]
    for link in page.find_all("link", href=True):
        rel = set(link.get("rel", []))
        if "stylesheet" in rel:
            yield "style-src", link["href"]
        elif rel & {"icon", "apple-touch-icon"}:
            yield "img-src", link["href"]
        elif "manifest" in rel:
            yield "manifest-src", link["href"]
        elif rel & {"preload", "modulepreload"}:
            kind = {"script": "script-src", "style": "style-src", "font": "font-src", "image": "img-src"}
            yield kind.get(link.get("as"), "script-src"), link["href"]
    for element in page.find_all(["img", "source"]):
        # (libxml2 nests sibling <source> elements, so look for the media element, not the parent)
        directive = "media-src" if element.name == "source" and element.find_parent(["video", "audio"]) else "img-src"
        if element.get("src"):
            yield directive, element["src"]
        for candidate in filter(None, element.get("srcset", "").split(",")):
            yield directive, candidate.split()[0]
    for element in page.find_all(["video", "audio", "track"], src=True):
        yield "media-src", element["src"]
    for frame in page.find_all(["iframe", "frame"], src=True):
        yield "frame-src", frame["src"]
    for element in page.find_all(["object", "embed"]):
        yield "object-src", element.get("data") or element.get("src") or ""
    for form in page.find_all("form", action=True):
        yield "form-action", form["action"]
    for base in page.find_all("base", href=True):
        yield "base-uri", base["href"]


def violations(site: Path, csp: dict[str, list[str]]) -> list[str]:
    found = []
    for path in sorted(site.rglob("*.html")):
        url = url_of(site, path)
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        where = path.relative_to(site).as_posix()
        for script in page.find_all("script", src=False):
            if script.get("type", "").lower() not in DATA_BLOCKS:
                found.append(f"{where}: inline <script>")
        found += [f"{where}: inline <style>" for _ in page.find_all("style")]
        for element in page.find_all(True):
            for attribute in element.attrs:
                if attribute.lower().startswith("on"):
                    found.append(f"{where}: <{element.name} {attribute}=…> (inline event handler)")
                if attribute.lower() == "style":
                    found.append(f"{where}: <{element.name} style=…> (inline style)")
        for link in page.find_all(href=re.compile(r"^\s*javascript:", re.I)):
            found.append(f"{where}: <{link.name} href=javascript:…>")
        for directive, target in resources(page):
            if not allows(csp, directive, target, url):
                found.append(f"{where}: {directive} blocks {target}")
    for path in sorted(site.rglob("*.css")):
        css = path.read_text(encoding="utf-8")
        fonts = "".join(re.findall(r"@font-face\s*{[^}]*}", css))
        for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            directive = "font-src" if target in fonts else "img-src"
            if not allows(csp, directive, target, url_of(site, path)):
                found.append(f"{path.relative_to(site).as_posix()}: {directive} blocks {target}")
        for target in re.findall(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)", css):
            if not allows(csp, "style-src", target, url_of(site, path)):
                found.append(f"{path.relative_to(site).as_posix()}: style-src blocks {target}")
    return found


def test_every_page_carries_the_policy_for_hosts_that_send_no_headers(site, rules):
    """GitHub Pages sends no headers: the policy reaches its readers only as a <meta> element,
    before anything it governs, without frame-ancestors (which browsers ignore in a <meta>)."""
    policy = rules["/*"]["Content-Security-Policy"]
    expected = "; ".join(part.strip() for part in policy.split(";") if part.split()[0] != "frame-ancestors")
    for path in sorted(site.rglob("*.html")):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").head
        first = head.find(["meta", "script", "link", "style"], attrs=lambda attrs: True)
        metas = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert [meta["content"] for meta in metas] == [expected], path
        assert head.find_all(["script", "link", "style"])[0].find_previous("meta", attrs={"http-equiv": "Content-Security-Policy"}), path
        assert first.name == "meta", path


def test_every_page_of_a_built_site_obeys_the_policy(site, csp):
    assert list(site.rglob("*.html")), "the build wrote no pages"
    assert violations(site, csp) == []


# -- The checker itself catches what the policy forbids -----------------------------------------

@pytest.mark.parametrize("markup, expected", [
    ("<script>alert(1)</script>", "inline <script>"),
    ('<script src="https://cdn.example.net/a.js"></script>', "script-src blocks https://cdn.example.net/a.js"),
    ('<a href="#" onclick="go()">x</a>', "<a onclick=…> (inline event handler)"),
    ('<p style="color: red">x</p>', "<p style=…> (inline style)"),
    ("<style>p { color: red }</style>", "inline <style>"),
    ('<img src="https://images.example.net/a.jpg" alt="">', "img-src blocks https://images.example.net/a.jpg"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "frame-src blocks https://www.youtube.com/embed/x"),
    ('<link rel="stylesheet" href="//fonts.example.net/a.css">', "style-src blocks //fonts.example.net/a.css"),
    ('<video><source src="https://cdn.example.net/a.mp4"></video>', "media-src blocks https://cdn.example.net/a.mp4"),
])
def test_the_check_reports_what_the_policy_forbids(tmp_path, csp, markup, expected):
    (tmp_path / "index.html").write_text(f"<!doctype html><html><body>{markup}</body></html>", encoding="utf-8")
    assert violations(tmp_path, csp) == [f"index.html: {expected}"]


@pytest.mark.parametrize("markup", [
    '<script src="/newsroom/pagefind/pagefind-ui.js"></script>',
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
    '<img src="https://i.ytimg.com/vi/x/hqdefault.jpg" alt="">',
    '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
    '<picture><source srcset="../images/a-480.webp 480w, ../images/a-960.webp 960w"><img src="../images/a.jpg" alt=""></picture>',
])
def test_the_check_accepts_what_the_policy_allows(tmp_path, csp, markup):
    (tmp_path / "index.html").write_text(f"<!doctype html><html><body>{markup}</body></html>", encoding="utf-8")
    assert violations(tmp_path, csp) == []
