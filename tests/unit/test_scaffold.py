"""scaffold: `./dev new` writes a front-matter the way the browser editor's YAML writer does, so a
file made by either looks the same (tests/browser/test_cms.py compares them with the editor's own)."""

from __future__ import annotations

import pytest

from newsroom import scaffold

SEED_TITLE = "The European Union supports the Ministry of Internal Affairs of Georgia in Intelligence-Led Policing"


@pytest.mark.parametrize(("name", "value", "written"), [
    ("title", "New office opens in Kutaisi", "title: New office opens in Kutaisi\n"),
    # continued where the line would pass 80 characters, indented by two spaces
    ("title", SEED_TITLE, "title: The European Union supports the Ministry of Internal Affairs of Georgia\n"
                          "  in Intelligence-Led Policing\n"),
    # a value that fits 79 characters is never continued, however long its name
    ("translation_key", "x" * 70 + " " + "y" * 8, f"translation_key: {'x' * 70} {'y' * 8}\n"),
    # a word longer than a line stays whole
    ("title", "a " + "b" * 100, f"title: a\n  {'b' * 100}\n"),
    ("date", "2024-05-02", "date: 2024-05-02\n"),
    ("date", "2018", "date: 2018\n"),
    ("partners", ["eu", "mia"], "partners:\n  - eu\n  - mia\n"),
    ("draft", True, "draft: true\n"),
    ("title", "yes: no", "title: 'yes: no'\n"),
])
def test_a_field_is_written_as_the_editor_writes_it(name, value, written):
    assert scaffold._field(name, value) == written


def test_every_line_of_a_long_title_fits_80_characters_and_it_reads_back_whole():
    title = " ".join(["Georgia"] * 60)
    lines = scaffold._field("title", title).splitlines()
    assert len(lines) > 1 and all(len(line) <= scaffold.LINE_WIDTH for line in lines)
    assert " ".join(line.removeprefix("title: ").strip() for line in lines) == title
