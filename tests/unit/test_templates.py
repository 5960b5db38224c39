"""The theme's templates: no English outside gettext, nothing that turns Georgian into capitals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "theme" / "templates"
TEMPLATES = sorted(path.relative_to(TEMPLATE_DIR).as_posix() for path in TEMPLATE_DIR.rglob("*.html"))
STYLESHEETS = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "theme" / "static").rglob("*.css"))
ENV = Environment(extensions=["jinja2.ext.i18n"])

# Upper-casing Georgian gives Mtavruli, capitals Georgian does not use in running text.
CAPITALISING = {"upper", "capitalize", "title"}
CSS_CAPITALS = re.compile(r"text-transform\s*:\s*(uppercase|capitalize)", re.IGNORECASE)

HOLE = "\x00"  # where a Jinja expression or statement stood between two pieces of markup
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Attributes a reader sees or hears: they must come from gettext too.
VISIBLE_ATTRIBUTE = re.compile(r"""(?<![\w-])(alt|title|aria-label|placeholder)\s*=\s*("[^"]*"|'[^']*')""", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]{2,}")
# Latin words a template may show as they are (names, not English); none are needed so far.
ALLOWED: set[str] = set()


def capitals(source: str) -> list[str]:
    """The filters and methods in a template that upper-case text."""
    ast = ENV.parse(source)
    found = [f"|{node.name}" for node in ast.find_all(nodes.Filter) if node.name in CAPITALISING]
    found += [
        f".{node.node.attr}()"
        for node in ast.find_all(nodes.Call)
        if isinstance(node.node, nodes.Getattr) and node.node.attr in CAPITALISING
    ]
    return found


def english(source: str) -> list[str]:
    """Latin words a template writes outside gettext: in its text, or in attributes a reader sees."""
    markup = HOLE.join(node.data for node in ENV.parse(source).find_all(nodes.TemplateData))
    markup = COMMENT.sub(" ", markup)
    attributes = [value for tag in TAG.findall(markup) for _, value in VISIBLE_ATTRIBUTE.findall(tag)]
    text = ENTITY.sub(" ", TAG.sub(" ", markup))
    return [word for part in (text, *attributes) for word in WORD.findall(part) if word not in ALLOWED]


def test_the_theme_has_templates_and_stylesheets() -> None:
    assert {"base.html", "article.html", "home.html", "partials/macros.html"} <= set(TEMPLATES)
    assert "theme/static/css/site.css" in STYLESHEETS


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_does_not_upper_case(name: str) -> None:
    assert capitals((TEMPLATE_DIR / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_has_no_english_outside_gettext(name: str) -> None:
    assert english((TEMPLATE_DIR / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", STYLESHEETS)
def test_stylesheet_does_not_upper_case(name: str) -> None:
    assert CSS_CAPITALS.findall((ROOT / name).read_text(encoding="utf-8")) == []


# -- the checks catch what they are meant to ---------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<h1>{{ title|upper }}</h1>", ["|upper"]),
        ("<h1>{{ title | capitalize }}</h1>", ["|capitalize"]),
        ("<h1>{{ _('Partners')|title }}</h1>", ["|title"]),
        ("{% filter upper %}{{ title }}{% endfilter %}", ["|upper"]),
        ("<h1>{{ title.upper() }}</h1>", [".upper()"]),
        ("<h1>{{ title.title() }}</h1>", [".title()"]),
        ("{% set shout = name|upper %}{{ shout }}", ["|upper"]),
        ("{% block title %}{{ title|lower }}{% endblock %}", []),  # a block named title is fine
        ("<h1>{{ title|striptags }}</h1>", []),
        ("<h1>{{ page.title }}</h1>", []),
    ],
)
def test_capitals_finds(source: str, expected: list[str]) -> None:
    assert capitals(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<h1>Latest news</h1>", ["Latest", "news"]),
        ("<p class=\"flag\">Draft</p>", ["Draft"]),
        ("{% if release.draft %}<span>Embargoed</span>{% endif %}", ["Embargoed"]),
        ("{% macro more() %}<a href=\"{{ url }}\">Read more</a>{% endmacro %}", ["Read", "more"]),
        ("{% block title %}Newsroom — {{ sitename }}{% endblock %}", ["Newsroom"]),
        ("{{ count }} releases", ["releases"]),
        ("<p>Photo: {{ credit }}</p>", ["Photo"]),
        ("<img src=\"{{ src }}\" alt=\"Logo\">", ["Logo"]),
        ("<nav aria-label=\"Pages\">{{ links }}</nav>", ["Pages"]),
        ("<a href=\"{{ url }}\" title='Next page'>→</a>", ["Next", "page"]),
        # translated, or not text at all
        ("<h1>{{ _(\"Latest news\") }}</h1>", []),
        ("<h1>{% trans %}Latest news{% endtrans %}</h1>", []),
        ("<p>{% trans count=n %}{{ count }} release{% pluralize %}{{ count }} releases{% endtrans %}</p>", []),
        ("<nav class=\"site-nav\" aria-label=\"{{ _('Site') }}\"><ul></ul></nav>", []),
        ("<a href=\"{{ SITEURL }}/{{ url }}\"{% if foreign %} hreflang=\"{{ lang }}\"{% endif %}>{{ title }}</a>", []),
        ("<h{{ level }} class=\"card__title\"{{ foreign }}>{{ title }}</h{{ level }}>", []),
        ("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{{ feed }}\" title=\"{{ sitename }}\">", []),
        ("<!doctype html>\n<html lang=\"{% block html_lang %}{{ lang }}{% endblock %}\">", []),
        ("{{ a }} · {{ b }} — {{ c }}&nbsp;&mdash;&#8212;&#x2014;", []),
        ("<!-- one language's section -->{# English in a Jinja comment #}", []),
        ("<p>{{ release.image.caption or \"\" }}</p>", []),
        ("<p>ქართული ტექსტი</p>", []),
    ],
)
def test_english_finds(source: str, expected: list[str]) -> None:
    assert english(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("h1 { text-transform: uppercase; }", ["uppercase"]),
        (".card__title{text-transform:Capitalize}", ["Capitalize"]),
        ("h1 { text-transform: none; font-weight: 700; }", []),
    ],
)
def test_css_capitals_finds(source: str, expected: list[str]) -> None:
    assert CSS_CAPITALS.findall(source) == expected
