"""The HTML a release may publish: what Markdown makes of an officer's text, and nothing that runs.

A release's body and summary are untrusted input: raw HTML passes through Python-Markdown and
`attr_list` adds any attribute. `check` reads the converted HTML with a real parser and names every
element, attribute or address outside the allowlist below, in document order; `sanitise` applies
the same allowlist with nh3, so that what is published carries no script even if `check` missed
one. Pure functions: nothing here knows Pelican.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import nh3

from .messages import printable

# -- the allowlist -------------------------------------------------------------------------------

# What Python-Markdown writes with `extra` and `sane_lists`, and the few elements an officer types.
TAGS = frozenset({
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "hr", "pre", "code", "table", "thead", "tbody", "tr", "th", "td", "img", "abbr", "dl", "dt",
    "dd", "div", "sup", "sub", "del", "s", "figure", "figcaption",
})
# Attributes per element; the values of href, src, style, class and id are checked too.
ATTRIBUTES = {
    "a": {"href", "title", "class"}, "img": {"src", "alt", "title"}, "abbr": {"title"}, "ol": {"start"},
    "th": {"style"}, "td": {"style"}, "li": {"id"}, "sup": {"id"}, "div": {"class"}, "code": {"class"},
}
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})  # an image has none: it is a file of the site
PLACEHOLDERS = frozenset({"filename", "static", "attach"})  # Pelican's links to files in content/
ALIGNMENTS = frozenset({"text-align: left;", "text-align: right;", "text-align: center;"})  # table columns
CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
CODE_CLASS = re.compile(r"language-[\w#.+-]+\Z")  # a fenced block's language: ```python
FOOTNOTE_ID = re.compile(r"fn(ref\d*)?:")  # fn:1, fnref:1, fnref2:1

CODE = " (the site cannot run code from a release)"
UNKNOWN = "remove it and write the text in Markdown"
# Elements refused by name, and what to do instead. `sanitise` drops them with their content,
# but for <h1>, whose text stays.
REFUSED = {
    "h1": "the page already has the title as its heading, so use ## for a heading in the text",
    **dict.fromkeys(("script", "noscript", "template"), "remove it" + CODE),
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "portal"), "remove it (a release cannot embed another page; link to it instead)"),
    **dict.fromkeys(("meta", "base", "link", "style", "title"), "remove it (the page's head and styles come from the theme)"),
    **dict.fromkeys(("form", "input", "button", "select", "option", "textarea"), "remove it (a release cannot hold a form; link to the form instead)"),
    **dict.fromkeys(("video", "audio", "source", "track"), "remove it; use the 'video:' front-matter field for a YouTube video"),
    **dict.fromkeys(("svg", "math"), "remove it (make a drawing or a formula a picture in content/images/ and refer to it from there)"),
}
WHY = {
    "style": " (the theme sets the look of the page; align a table's column with :--- or ---: in Markdown)",
    "class": " (the theme sets the look of the page)",
    "id": " (only footnotes set ids)",
}
# Elements without content or end tag
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
COMMENT = "an HTML comment is not allowed in a release; remove it (anyone can read it in the page's source)"

C0_OR_SPACE = "".join(map(chr, range(0x21)))  # what a browser strips around a URL
TAB_OR_NEWLINE = dict.fromkeys(map(ord, "\t\n\r"))  # what a browser removes inside one
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*\Z")
TAG_OPEN = re.compile(r"<[A-Za-z/!?]")  # a '<' that a browser reads as markup
AMPERSAND = "\ue000"  # stands for '&' while parsing, so that values come out as they were typed


@dataclass(frozen=True)
class Violation:
    """One thing a release may not publish: what it is and the fix, and text that finds its line."""

    message: str
    needle: str


def check(html: str) -> list[Violation]:
    """Every element, attribute and address of `html` that the allowlist refuses, in document order."""
    reader = _Reader()
    reader.feed(html.replace("&", AMPERSAND))
    reader.close()
    return reader.violations


def line_of(source: str, needle: str) -> int | None:
    """The 1-based line of the first occurrence of `needle` in the Markdown source, ignoring case."""
    # Markdown reads tabs as 4 columns of spaces, and so the HTML the needle was taken from
    text = source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).lower()
    index = text.find(needle.lower()) if needle else -1
    return None if index < 0 else text.count("\n", 0, index) + 1


def review(html: str) -> tuple[str, list[Violation]]:
    """(what may be published of `html`, every violation). The sanitiser applies the allowlist
    `check` reads: when it leaves `html` as it was, which it does for Markdown that holds nothing
    refused, there is nothing to report and the slower `check` need not read it."""
    clean = sanitise(html)
    return clean, ([] if clean == html else check(html))


def sanitise(html: str) -> str:
    """`html` with all that `check` refuses taken out, by nh3 (a browser's parser) on the same allowlist."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(REFUSED) - {"h1"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=lambda tag, name, value: None if _attribute_problem(tag, name, value) else value,
        url_schemes=set(LINK_SCHEMES),
        strip_comments=True,
        link_rel=None,  # no target= is allowed, so there is no opener to cut; keep the referrer
    )


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    """What is wrong with one attribute (its value decoded) of an allowed element, else None."""
    why = CODE if name.startswith("on") else WHY.get(name, "")
    if name not in ATTRIBUTES.get(tag, ()):
        return f"{_shown(name)} on <{tag}> is not allowed in a release; remove it{why}"
    match name:
        case "href" | "src":
            return _address_problem(tag, value)
        case "style":
            allowed = value in ALIGNMENTS
        case "class":
            allowed = all(word in CLASSES.get(tag, ()) or tag == "code" and CODE_CLASS.match(word) for word in value.split())
        case "id":
            allowed = FOOTNOTE_ID.match(value) is not None
        case _:
            allowed = True
    return None if allowed else f"{name} {_shown(value)} on <{tag}> is not allowed in a release; remove it{why}"


def _address_problem(tag: str, value: str) -> str | None:
    """What is wrong with a link's href or an image's src, read as a browser and Pelican read it."""
    url = _as_browser_reads(value)
    placeholder, path = None, url
    if url[:1] in ("{", "|"):  # Pelican rewrites '{what}rest' (or '|what|rest') into a site URL
        ends = [index for index in (url.find("}", 1), url.find("|", 1)) if index > 0]
        if ends:
            placeholder, path = url[1 : min(ends)], _as_browser_reads(url[min(ends) + 1 :])
    # a path of the site: no scheme, no other host ('//host', or '\\host' that browsers read so)
    local = placeholder in PLACEHOLDERS | {None} and not _scheme(path) and not path.replace("\\", "/").startswith("//")
    if tag == "img":
        return None if local else f"image {_shown(value)} is not a file of the site; put the photo in content/images/ and refer to it from there"
    scheme = _scheme(url)
    if local or scheme in LINK_SCHEMES:
        return None
    if placeholder is not None:
        return f"link to {_shown(value)} is not allowed in a release; write {{filename}} and the path of a file in content/, e.g. {{filename}}/releases/2018/2018-06-06-eu-tablets.en.md"
    if scheme is None:
        return f"link to {_shown(value)} has no scheme; write 'https:{url}' in full"
    if scheme == "http":
        return f"link to {_shown(value)} is not encrypted; write 'https:{url[5:]}' instead, or leave the link out"
    return f"link to {_shown(value)} is not allowed in a release; link to a web page (https://…), an e-mail address (mailto:…) or a phone number (tel:…)"


def _as_browser_reads(url: str) -> str:
    return url.strip(C0_OR_SPACE).translate(TAB_OR_NEWLINE)


def _scheme(url: str) -> str | None:
    head, colon, _ = url.partition(":")
    return head.lower() if colon and SCHEME.match(head) else None


def _shown(value: str) -> str:
    """A value quoted on one line: control characters escaped, a long one cut."""
    value = printable(value)
    return f"'{value}'" if len(value) <= 60 else f"'{value[:59]}…'"


def _typed(text: str) -> str:
    return text.replace(AMPERSAND, "&")


class _Reader(HTMLParser):
    """Collects the violations of one document while the standard library's parser reads it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.violations: list[Violation] = []
        self.heading: int | None = None  # an open <h1>'s violation: its first words become the needle
        self.raw_text = False  # inside <script> or <style>, whose text the parser does not read
        self.dropped: list[str] = []  # the open elements `sanitise` drops with all they hold

    def report(self, message: str, needle: str) -> None:
        self.violations.append(Violation(message, needle))

    def report_markup(self, typed: str) -> None:
        self.report(f"{_shown(_typed(typed))} is not allowed in a release; remove it", typed[:2])

    def handle_starttag(self, tag, attrs):
        tag = _typed(tag)
        self.raw_text = tag in self.CDATA_CONTENT_ELEMENTS
        if self.dropped:  # inside a refused element: one mistake, one line (the element's)
            if tag not in VOID:
                self.dropped.append(tag)
            return
        if tag in REFUSED and tag != "h1" and tag not in VOID:
            self.dropped.append(tag)
        if tag not in TAGS:  # its attributes go with it
            self.report(f"the <{printable(tag)}> element is not allowed in a release; {REFUSED.get(tag, UNKNOWN)}", f"<{tag}")
            self.heading = len(self.violations) - 1 if tag == "h1" else self.heading
            return
        for name, typed in ((_typed(name), _typed(value or "")) for name, value in attrs):
            message = _attribute_problem(tag, name, unescape(typed))
            if message:
                valued = name in ("href", "src", "style", "class", "id") and typed.strip()
                self.report(message, typed.strip()[:40] if valued else name)

    def handle_endtag(self, tag):
        self.raw_text = False
        if tag in self.dropped:
            del self.dropped[len(self.dropped) - 1 - self.dropped[::-1].index(tag):]
            return
        if self.dropped:
            return
        self.heading = None if tag == "h1" else self.heading

    def handle_data(self, data):
        if self.dropped:
            return
        text = unescape(_typed(data)).strip()
        if self.heading is not None and text:
            self.violations[self.heading] = Violation(self.violations[self.heading].message, text[:40])
            self.heading = None
        opening = None if self.raw_text else TAG_OPEN.search(data)
        if opening:
            typed = _typed(data[opening.start() :]).split("\n")[0][:40]
            self.report(f"{_shown(typed)} is an unfinished HTML tag; finish it with '>' or remove it (write &lt; for a '<' in the text)", typed)

    def handle_comment(self, data):
        self.report(COMMENT, "<!")

    def handle_decl(self, decl):
        self.report_markup(f"<!{decl}>")  # <!DOCTYPE html>

    def unknown_decl(self, data):
        self.report_markup(f"<![{data}]]>")  # <![CDATA[x]]>

    def handle_pi(self, data):
        self.report_markup(f"<?{data}>")  # <?php echo 1 ?>
