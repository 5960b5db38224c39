"""GitHub annotations of problems: workflow commands escaped as GitHub documents, and the line of a
field in a front-matter or a registry file."""

import pytest

from newsroom.annotations import Located, error, escape_data, escape_property, field_line, problem_line, summary
from newsroom.errors import Problem


@pytest.mark.parametrize("text, data, prop", [
    ("plain words", "plain words", "plain words"),
    ("100%", "100%25", "100%25"),
    ("%0A as typed", "%250A as typed", "%250A as typed"),
    ("two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A"),
    ("'partners': unknown partner 'euu'; expected one of: 'eu', 'mia'",
     "'partners': unknown partner 'euu'; expected one of: 'eu', 'mia'",
     "'partners'%3A unknown partner 'euu'; expected one of%3A 'eu'%2C 'mia'"),
    ("ქართული: ტექსტი", "ქართული: ტექსტი", "ქართული%3A ტექსტი"),
])
def test_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_an_error_command():
    assert error("content/releases/2018/a,b.en.md", 7, "a: 'partners': 50%\nnext", "Content problem") == (
        "::error file=content/releases/2018/a%2Cb.en.md,line=7,title=Content problem::a: 'partners': 50%25%0Anext")


def test_an_error_on_the_run_as_a_whole():
    assert error(None, None, "./dev check could not run: OSError: disk full", "./dev check") == (
        "::error title=./dev check::./dev check could not run: OSError: disk full")


RELEASE = """---
title: "EU: tablets"
date: 2018-06-06
partners: [euu]
image:
  src: images/tablets.jpg
  alt: 'Officers: two'
topics:
  - policing
translation_key: eu-tablets
---
The body mentions partners: none.
image:
  src: in the body
"""

REGISTRY = """# partners
eu:
  name: {en: European Union, ka: ევროკავშირი}
  url: https://example.org/eu
undp:
  name:
    en: United Nations Development Programme
    ka: გაეროს განვითარების პროგრამა
  logo: images/partners/undp.png
'quoted-key':
  logo: images/partners/q.png
"""


@pytest.mark.parametrize("text, field, line", [
    (RELEASE, "title", 2),
    (RELEASE, "partners", 4),
    (RELEASE, "image", 5),
    (RELEASE, "image.src", 6),
    (RELEASE, "image.alt", 7),
    (RELEASE, "image.credit", 5),  # not written: the parent's line
    (RELEASE, "topics", 8),
    (RELEASE, "topics[0]", 8),
    (RELEASE, "translation_key", 10),
    (RELEASE, "summary", None),  # not written, no parent: the caller says line 1
    (RELEASE, "src", None),  # a nested key is not a top-level field
    (RELEASE, None, None),
    (REGISTRY, "eu", 2),
    (REGISTRY, "eu.url", 4),
    (REGISTRY, "eu.logo", 2),
    (REGISTRY, "undp.logo", 9),
    (REGISTRY, "undp.name.ka", 8),
    (REGISTRY, "quoted-key.logo", 11),
    (REGISTRY, "name", None),
    ("no: front-matter\n---\n", "no", 1),
    ("", "title", None),
    ("---\ntitle: x\n", "title", 2),  # a front-matter that never ends
])
def test_the_line_of_a_field(text, field, line):
    assert field_line(text, field) == line


@pytest.mark.parametrize("problem, line", [
    (Problem("content/a.en.md", "partners", "unknown partner 'euu'"), 4),
    (Problem("content/a.en.md", "body", "line 13: link to 'x.md' names no release file"), 13),
    (Problem("content/a.en.md", "summary", "is required"), 1),
    (Problem("content/a.en.md", None, "no front-matter"), 1),
])
def test_the_line_of_a_problem(problem, line):
    assert problem_line(problem, RELEASE) == line


def test_a_file_that_cannot_be_read_is_pointed_at_as_a_whole():
    assert problem_line(Problem("content/gone.en.md", "partners", "unknown partner 'euu'"), None) == 1


def test_the_summary():
    located = [Located("content/a.en.md", 4, "content/a.en.md: 'partners': unknown partner 'euu'")]
    assert summary(located, "1 problem in the content", "Fix it.") == (
        "### 1 problem in the content\n\n"
        "- `content/a.en.md`, line 4: 'partners': unknown partner 'euu'\n\n"
        "Fix it.\n")
