"""Georgian typography on the page: a hyphen before a Georgian case ending never breaks a line.

Georgian writes a case ending after a Latin abbreviation, a number or a Georgian abbreviation with
a hyphen: IOM-ის, 2018-ში, აივ-ზე. A line must not end in "IOM-" and start with "ის". The word
and its ending are kept together (`<span class="nobr">`, white-space: nowrap in the stylesheet);
the text stays as written, so copying and search see the plain hyphen. Only what readers see in
the page changes: feeds, titles in <title> and metadata keep their plain text. Pure.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

GEORGIAN = "\u10d0-\u10ff\u1c90-\u1cbf"  # Mkhedruli and Mtavruli letters
# The case endings and postpositions written after a hyphen (-ის, -ში, -ზე, -სთვის, -დან, …), in
# the singular and the plural (-ები, -ების, …), with the particle -ც ("also") after any of them.
CASES = ("ის ისა ს სა მა მ ით ითა თ ად ადა დ ო ში ზე თან თვის სთვის ისთვის დან იდან გან ისგან ვით ივით მდე ამდე "
         "კენ ისკენ ები ებს ების ებისა ებმა ებით ებად ებო ებში ებზე ებთან ებისთვის ებიდან ებისგან").split()
# a word (Latin, digits or Georgian), a hyphen, a Georgian ending, and the word ends
ENDING = re.compile(rf"[\w{GEORGIAN}]+-(?:{'|'.join(sorted(CASES, key=len, reverse=True))})ც?(?![\w{GEORGIAN}])")
# a tag as the sanitiser and the templates write it (attribute values in double quotes)
TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
# elements whose text is not prose: left as written
VERBATIM = frozenset({"code", "pre", "script", "style", "textarea"})
TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def endings(value) -> Markup:
    """A Jinja filter: plain text (escaped first) or HTML (its text between tags, not in code)
    with each word and its Georgian ending kept on one line."""
    html = str(value) if hasattr(value, "__html__") else str(escape(value))
    if "-" not in html:
        return Markup(html)
    pieces, position, verbatim = [], 0, 0
    for tag in TAG.finditer(html):
        text = html[position:tag.start()]
        pieces += [text if verbatim else _keep_together(text), tag.group()]
        name = TAG_NAME.match(tag.group())
        if name and name.group(1).lower() in VERBATIM and not tag.group().endswith("/>"):
            verbatim += -1 if tag.group().startswith("</") else 1
            verbatim = max(verbatim, 0)
        position = tag.end()
    rest = html[position:]
    pieces.append(rest if verbatim else _keep_together(rest))
    return Markup("".join(pieces))


def _keep_together(text: str) -> str:
    return ENDING.sub(lambda found: f'<span class="nobr">{found.group()}</span>', text)
