"""Georgian case endings after a hyphen stay on the line of their word (IOM-ის, 2018-ში, აივ-ზე)."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from newsroom.typography import endings

KEPT = '<span class="nobr">{}</span>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IOM-ის ოფისი", f"{KEPT.format('IOM-ის')} ოფისი"),
        ("2018-ში", KEPT.format("2018-ში")),
        ("აივ-ზე და შიდს-ის", f"{KEPT.format('აივ-ზე')} და {KEPT.format('შიდს-ის')}"),
        ("EU-სთვის", KEPT.format("EU-სთვის")),
        ("IOM-ისა და", f"{KEPT.format('IOM-ისა')} და"),  # the genitive's long form, as the site's own lead writes it
        ("IOM-ისაც", KEPT.format("IOM-ისაც")),
        ("co-operation", "co-operation"),  # no Georgian ending: breaks as English does
        ("ქალაქ-სოფელთან-ახლოს", "ქალაქ-სოფელთან-ახლოს"),  # a compound, not an ending of at most six letters
        ("IOM - ის", "IOM - ის"),
        ("<b>IOM</b>-ის", "&lt;b&gt;IOM&lt;/b&gt;-ის"),  # plain text is escaped, never markup
        ("no hyphen", "no hyphen"),
    ],
)
def test_endings_in_plain_text(text: str, expected: str) -> None:
    assert endings(text) == Markup(expected)


def test_endings_in_html_touch_only_the_text_outside_code() -> None:
    html = Markup('<p>IOM-ის <a href="https://example.org/IOM-ის" title="a > IOM-ის">IOM-ის</a> <code>IOM-ის</code></p><pre>x-ის</pre>')
    assert endings(html) == Markup(
        f'<p>{KEPT.format("IOM-ის")} <a href="https://example.org/IOM-ის" title="a > IOM-ის">{KEPT.format("IOM-ის")}</a> '
        '<code>IOM-ის</code></p><pre>x-ის</pre>')
