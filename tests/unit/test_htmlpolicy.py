"""HTML policy: what a release's Markdown may publish, each refusal in plain words, and sanitise
on the same allowlist. The HTML is real Python-Markdown output with the project's configuration."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup, NavigableString

from newsroom import htmlpolicy

# pelicanconf.MARKDOWN, as reader.markdown_for builds it
MARKDOWN = markdown.Markdown(
    extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"], output_format="html5"
)


def html_of(source: str) -> str:
    return MARKDOWN.reset().convert(source)


def found(source: str) -> list[tuple[str, int | None]]:
    """(message, line) of every violation in the HTML that the Markdown source becomes."""
    return [(found.message, htmlpolicy.line_of(source, found.needle)) for found in htmlpolicy.check(html_of(source))]


def tree(html: str) -> list:
    """What a document means: elements, attributes and text, as a parser reads them."""

    def node(element):
        if isinstance(element, NavigableString):
            return str(element)
        attributes = sorted((name, " ".join(value) if isinstance(value, list) else value) for name, value in element.attrs.items())
        return (element.name, attributes, [node(child) for child in element.children])

    return [node(child) for child in BeautifulSoup(html, "html.parser").children]


# -- the messages, word for word -------------------------------------------------------------------

RUN = "remove it (the site cannot run code from a release)"
EMBED = "remove it (a release cannot embed another page; link to it instead)"
HEAD = "remove it (the page's head and styles come from the theme)"
FORM = "remove it (a release cannot hold a form; link to the form instead)"
MEDIA = "remove it; use the 'video:' front-matter field for a YouTube video"
DRAWING = "remove it (make a drawing or a formula a picture in content/images/ and refer to it from there)"
UNKNOWN = "remove it and write the text in Markdown"
H1 = "the page already has the title as its heading, so use ## for a heading in the text"
LOOK = " (the theme sets the look of the page)"
STYLE = " (the theme sets the look of the page; align a table's column with :--- or ---: in Markdown)"
CODE = " (the site cannot run code from a release)"
COMMENT = "an HTML comment is not allowed in a release; remove it (anyone can read it in the page's source)"


def element(tag: str, fix: str) -> str:
    return f"the <{tag}> element is not allowed in a release; {fix}"


def attribute(name: str, tag: str, why: str = "") -> str:
    return f"'{name}' on <{tag}> is not allowed in a release; remove it{why}"


def link(shown: str) -> str:
    return (
        f"link to '{shown}' is not allowed in a release; "
        "link to a web page (https://…), an e-mail address (mailto:…) or a phone number (tel:…)"
    )


def image(shown: str) -> str:
    return f"image '{shown}' is not a file of the site; put the photo in content/images/ and refer to it from there"


def placeholder(shown: str) -> str:
    return (
        f"link to '{shown}' is not allowed in a release; write {{filename}} and the path of a file in content/, "
        "e.g. {filename}/releases/2018/2018-06-06-eu-tablets.en.md"
    )


# -- what is refused ---------------------------------------------------------------------------------

VECTORS = [
    # scripts and event handlers, in a block of raw HTML and inline in a paragraph
    ("Intro.\n\n<script>alert(1)</script>\n", [("the <script> element is not allowed in a release; remove it (the site cannot run code from a release)", 3)]),
    ("Intro.\n\nSee <script>alert(1)</script> here.\n", [(element("script", RUN), 3)]),
    ("Intro.\n\n<img src=x onerror=alert(1)>\n", [("'onerror' on <img> is not allowed in a release; remove it (the site cannot run code from a release)", 3)]),
    ("Intro.\n\nA photo <IMG SRC=x OnError=alert(1)> inline.\n", [(attribute("onerror", "img", CODE), 3)]),
    ('Intro.\n\n<a href="#" onclick="alert(1)">x</a>\n', [(attribute("onclick", "a", CODE), 3)]),
    ('Press <abbr title="IOM" onmouseover="alert(1)">IOM</abbr>.\n', [(attribute("onmouseover", "abbr", CODE), 1)]),
    # attr_list adds any attribute to what Markdown writes
    ('A paragraph.\n{: onclick="alert(1)" }\n', [(attribute("onclick", "p", CODE), 2)]),
    ('Intro.\n\n[IOM](https://iom.int){: onmouseover="alert(1)" style="color: red" }\n', [(attribute("onmouseover", "a", CODE), 3), (attribute("style", "a", STYLE), 3)]),
    ("Intro.\n\n## Help {: #search .hero }\n", [(attribute("class", "h2", LOOK), 3), (attribute("id", "h2", " (only footnotes set ids)"), 3)]),
    ('<p style="background: url(javascript:alert(1))">x</p>\n', [(attribute("style", "p", STYLE), 1)]),
    ('<table><tr><td style="text-align: left; color: red">x</td></tr></table>\n', [(f"style 'text-align: left; color: red' on <td> is not allowed in a release; remove it{STYLE}", 1)]),
    ('Text.\n\n<div class="footnote" id="fn:1">x</div>\n', [(attribute("id", "div", " (only footnotes set ids)"), 3)]),
    ('<a href="https://iom.int" target="_blank">IOM</a>\n', [(attribute("target", "a"), 1)]),
    ('<img src="images/a.jpg" alt="a" srcset="https://tracker.example/p.gif 2x">\n', [(attribute("srcset", "img"), 1)]),
    # addresses that run code, however they are written
    ('Intro.\n\n<a href="javascript:alert(1)">x</a>\n', [(link("javascript:alert(1)"), 3)]),
    ("Intro.\n\nSee [this](javascript:alert(1)).\n", [(link("javascript:alert(1)"), 3)]),
    ("[x](JaVaScRiPt:alert(1))\n", [(link("JaVaScRiPt:alert(1)"), 1)]),
    ("Intro.\n\n[x](&#106;avascript:alert(1))\n", [(link("javascript:alert(1)"), 3)]),
    ("[x](javascript&colon;alert(1))\n", [(link("javascript:alert(1)"), 1)]),
    ('<a href="&#x20;&#x01;javascript:alert(1)">x</a>\n', [(link(" javascript:alert(1)"), 1)]),
    ('Intro.\n\n<a href="jav&#x09;ascript:alert(1)">x</a>\n', [(link("jav\\tascript:alert(1)"), 3)]),
    ('Intro.\n\n<a href="java\nscript:alert(1)">x</a>\n', [(link("java\\nscript:alert(1)"), 3)]),
    ("[x]( vbscript:msgbox(1))\n", [(link("vbscript:msgbox(1)"), 1)]),
    ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", [(link("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="), 1)]),
    ("Intro.\n\n[passwords](file:///etc/passwd)\n", [(link("file:///etc/passwd"), 3)]),
    ("Get it at <ftp://example.org/report.pdf>.\n", [(link("ftp://example.org/report.pdf"), 1)]),
    # Pelican turns '{}javascript:…' into 'javascript:{}javascript:…', which runs
    ("Intro.\n\n[x]({}javascript:alert(1))\n", [(placeholder("{}javascript:alert(1)"), 3)]),
    ("[x]({filename}https://evil.example/)\n", [(placeholder("{filename}https://evil.example/"), 1)]),
    ("[x](|filename| javascript:alert(1))\n", [(placeholder("|filename| javascript:alert(1)"), 1)]),
    # links that are not encrypted or lack a scheme
    ("Intro.\n\n[IOM](http://example.org/about)\n", [("link to 'http://example.org/about' is not encrypted; write 'https://example.org/about' instead, or leave the link out", 3)]),
    ('<a href="HTTP://example.org">x</a>\n', [("link to 'HTTP://example.org' is not encrypted; write 'https://example.org' instead, or leave the link out", 1)]),
    ("[x](//evil.example/)\n", [("link to '//evil.example/' has no scheme; write 'https://evil.example/' in full", 1)]),
    # images from elsewhere: a tracker, a data: image, another host however it is spelt
    ("Intro.\n\n![Pixel](https://tracker.example/p.gif)\n", [(image("https://tracker.example/p.gif"), 3)]),
    ("![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)\n", [(image("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAA…"), 1)]),
    ("![x](//tracker.example/p.gif)\n", [(image("//tracker.example/p.gif"), 1)]),
    ('Intro.\n\n<img src="/\\tracker.example/p.gif" alt="x">\n', [(image("/\\tracker.example/p.gif"), 3)]),
    ("![x]({static}//tracker.example/p.gif)\n", [(image("{static}//tracker.example/p.gif"), 1)]),
    # elements that run code, embed pages, take over the page, or ask for data
    ("Intro.\n\n<svg onload=alert(1)>\n", [(element("svg", DRAWING), 3)]),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>\n', [(element("iframe", EMBED), 1)]),
    ('Intro.\n\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n', [(element("meta", HEAD), 3)]),
    ('<base href="https://evil.example/">\n', [(element("base", HEAD), 1)]),
    ('<form action="https://evil.example/">\n<input name="q">\n<button>Go</button>\n</form>\n', [(element("form", FORM), 1)]),
    ("<select><option>x</option></select> <textarea>y</textarea>\n", [(element("select", FORM), 1), (element("textarea", FORM), 1)]),
    ('<object data="x.swf"></object>\n', [(element("object", EMBED), 1)]),
    ('Intro.\n\nA film <embed src="x.swf"> inline.\n', [(element("embed", EMBED), 3)]),
    ('<link rel="stylesheet" href="https://evil.example/x.css">\n', [(element("link", HEAD), 1)]),
    ("Intro.\n\n<style>body { display: none }</style>\n", [(element("style", HEAD), 3)]),
    ('<frameset><frame src="javascript:alert(1)">\n', [(element("frameset", EMBED), 1)]),
    ("<template><script>alert(1)</script></template>\n", [(element("template", RUN), 1)]),
    ('Intro.\n\n<video src="clip.mp4" controls></video>\n', [(element("video", MEDIA), 3)]),
    ('<audio><source src="a.mp3"></audio>\n', [(element("audio", MEDIA), 1)]),
    ('<details open ontoggle="alert(1)">\n<summary>More</summary>\n</details>\n', [(element("details", UNKNOWN), 1), (element("summary", UNKNOWN), 2)]),
    ("<marquee>Breaking news</marquee>\n", [(element("marquee", UNKNOWN), 1)]),
    # parsers disagree here: each piece the standard parser sees is refused, and browsers see no more
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n", [(element("math", DRAWING), 1)]),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">\n', [(element("noscript", RUN), 1)]),
    # nested, unclosed and unfinished tags
    ("Intro.\n\n<div><span><script>alert(1)\n", [(element("span", UNKNOWN), 3), (element("script", RUN), 3)]),
    ('Intro.\n\n<div>\n<img src="x.jpg" alt="x>\n</div>\n\nAfter.\n', [("'<img src=\"x.jpg\" alt=\"x>' is an unfinished HTML tag; finish it with '>' or remove it (write &lt; for a '<' in the text)", 4)]),
    # a NUL or a vertical tab in a tag name: a browser reads another element than the standard parser
    ("Intro.\n\nText <b\x00 onmouseover=alert(1)>x</b>\n", [("'<b' is an unfinished HTML tag; finish it with '>' or remove it (write &lt; for a '<' in the text)", 3)]),
    ("Text <em\x0b onmouseover=alert(1)>x</em>\n", [(element("em\\x0b", UNKNOWN), 1)]),
    # comments and other markup: a comment is published for anyone to read, and hides text from a parser
    ("Intro.\n\n<!-- not yet cleared with the donor -->\n", [(COMMENT, 3)]),
    ("Intro <!-- hidden --> inline.\n", [(COMMENT, 1)]),
    ("<!--><img src=x onerror=alert(1)>-->\n", [(COMMENT, 1)]),
    ("<!DOCTYPE html>\n", [("'<!DOCTYPE html>' is not allowed in a release; remove it", 1)]),
    ("Intro.\n\nText <?php echo 1; ?> and <![CDATA[x]]>.\n", [("'<?php echo 1; ?>' is not allowed in a release; remove it", 3), ("'<![CDATA[x]]>' is not allowed in a release; remove it", 3)]),
    # the title is the page's only <h1>
    ("# Title of the release\n\nText.\n", [(element("h1", H1), 1)]),
    ("Text.\n\nA *heading*\n=========\n", [(element("h1", H1), 3)]),
    # Markdown makes these harmless itself: a tab becomes spaces, an unfinished tag becomes text
    ("[x](java\tscript:alert(1))\n", []),
    ("Text <img src=x onerror=alert(1)\n", []),
    ('A photo <img src="x.jpg" alt="x>\nand text.\n', []),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), VECTORS)
def test_check_names_every_violation_with_its_line(source, expected):
    assert found(source) == expected


@pytest.mark.parametrize("tag", sorted(htmlpolicy.REFUSED))
@pytest.mark.parametrize("where", ["Intro.\n\n<{tag}>x</{tag}>\n", "Intro.\n\nText <{tag}>x</{tag}> inline.\n"], ids=["block", "inline"])
def test_every_refused_element_is_found_in_a_block_and_inline(tag, where):
    assert found(where.format(tag=tag))[0] == (element(tag, htmlpolicy.REFUSED[tag]), 3)


@pytest.mark.parametrize(("source", "expected"), VECTORS)
def test_sanitise_leaves_nothing_that_check_refuses(source, expected):
    assert htmlpolicy.check(htmlpolicy.sanitise(html_of(source))) == []


@pytest.mark.parametrize(("source", "expected"), [vector for vector in VECTORS if vector[1]])
def test_review_finds_what_check_finds_because_the_sanitiser_changes_what_it_refuses(source, expected):
    """`review` reads with `check` only what the sanitiser changed: every refused vector is changed."""
    html = html_of(source)
    assert htmlpolicy.sanitise(html) != html
    assert htmlpolicy.review(html) == (htmlpolicy.sanitise(html), htmlpolicy.check(html))


@pytest.mark.parametrize("tag", sorted(htmlpolicy.REFUSED))
def test_review_finds_every_refused_element(tag):
    html = html_of(f"Intro.\n\nText <{tag}>x</{tag}> inline.\n")
    assert htmlpolicy.review(html)[1] == htmlpolicy.check(html) != []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<p><img src="x" onerror="alert(1)"></p>', '<p><img src="x"></p>'),
        ('<p><a href="{}javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
        ('<p><a href="http://example.org">x</a></p>', "<p><a>x</a></p>"),
        ("<h1>Title</h1><p>a<!-- note -->b</p>", "Title<p>ab</p>"),
        ('<svg><a href="javascript:alert(1)">x</a></svg><p>y</p>', "<p>y</p>"),
        ('<td style="text-align: left; color: red">x</td>', "x"),
    ],
)
def test_sanitise_takes_out_what_check_refuses(html, expected):
    assert htmlpolicy.sanitise(html) == expected


# -- what a press release needs ---------------------------------------------------------------------

LEGITIMATE = {
    "paragraphs and breaks": "First paragraph,  \nwith a line break.\n\nSecond paragraph.\n",
    "emphasis": "Some *emphasis*, some **strong** words and `code`.\n",
    "lists": "1. one\n2. two\n    - nested\n    - more\n\n* a\n* b\n",
    "list with start": "5. five\n6. six\n",
    "links": (
        "[IOM](https://www.iom.int/ \"IOM\"), [mail](mailto:iomtbilisi@iom.int), [call](tel:+995322252216), "
        "<https://georgia.iom.int>, <iomtbilisi@iom.int>, [news](/en/news/x/), [up](../x/), [here](#fn:1), "
        "[release]({filename}/releases/2018/2018-06-06-eu-tablets.en.md#figures), [pdf]({static}/files/report.pdf), "
        "[old](|filename|/releases/x.md), [query](https://example.org/a?b=1&c=2).\n"
    ),
    "tables": "| Left | Right | Centre | Plain |\n|:-----|------:|:------:|-------|\n| a | b | c | d |\n",
    "images": "![A photo](images/2018/a.jpg \"Its title\")\n![b](/images/b.jpg) ![c]({static}/images/c.jpg)\n",
    "headings": "## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n",
    "blockquote and rule": "> A quote\n> on two lines.\n\n---\n\nAfter.\n",
    "code": "```\ncode <b>here</b> & there\n```\n\n    indented code\n\n```python\nx = 1\n```\n",
    "abbreviations": "The IOM works in Georgia.\n\n*[IOM]: International Organization for Migration\n",
    "definitions": "Term\n:   Definition\n\nOther term\n:   Other definition\n",
    "footnotes": "A claim[^1] and a note[^note] and the claim again[^1].\n\n[^1]: The source.\n[^note]: A *note*.\n",
    "sub sup del s": "H<sub>2</sub>O, x<sup>2</sup>, <del>old</del> and <s>gone</s>.\n",
    "figure": '<figure>\n<img src="images/a.jpg" alt="a">\n<figcaption>A caption</figcaption>\n</figure>\n',
    "figure in markdown": '<figure markdown="1">\n![a](images/a.jpg)\n<figcaption>A caption</figcaption>\n</figure>\n',
    "georgian": "**საქართველო** — [IOM](https://georgia.iom.int/ka) &amp; <abbr title=\"ევროკავშირი\">ევროკავშირი</abbr>\n",
    "entities": "Fish &amp; chips, a&nbsp;b, 5 &lt; 6, \"quotes\" and 'apostrophes'.\n",
}
LEGITIMATE["everything at once"] = "\n\n".join(LEGITIMATE.values())


@pytest.mark.parametrize("source", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_what_a_release_needs_passes(source):
    assert found(source) == []


@pytest.mark.parametrize("source", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_sanitise_keeps_the_meaning_of_what_passes(source):
    html = html_of(source)
    assert tree(htmlpolicy.sanitise(html)) == tree(html)


def test_the_legitimate_documents_hold_every_allowed_element_and_attribute():
    html = html_of(LEGITIMATE["everything at once"])
    soup = BeautifulSoup(html, "html.parser")
    assert {element.name for element in soup.find_all(True)} == htmlpolicy.TAGS
    used = {(element.name, name) for element in soup.find_all(True) for name in element.attrs}
    assert used == {(tag, name) for tag, names in htmlpolicy.ATTRIBUTES.items() for name in names}


# -- line_of -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "needle", "expected"),
    [
        ("One\nTwo <SCRIPT>\n", "<script", 2),
        ("<b>\nfirst\nfirst\n", "first", 2),
        ("One\r\nTwo\r\nThree <b\n", "<b", 3),
        ("One\rTwo\n", "two", 2),
        ("[x](java\tscript:alert(1))\n", "java    script:", 1),  # Markdown reads a tab as spaces
        ('<a href="java\nscript:alert(1)">\n', "java\nscript:", 1),
        ("Nothing here\n", "onerror", None),
        ("Nothing here\n", "", None),
    ],
)
def test_line_of(source, needle, expected):
    assert htmlpolicy.line_of(source, needle) == expected


@pytest.mark.parametrize("source", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_review_of_what_passes_is_the_html_as_it_was(source):
    html = html_of(source)
    assert htmlpolicy.review(html)[1] == []
