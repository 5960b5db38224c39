"""Links in a release's text to other files of content/, written with Pelican's placeholders.

`[as announced]({filename}/releases/2018/2018-06-06-eu-tablets.en.md)` links to that release's
page: the file must be a release the build reads (checked per build, in `references`). No other
file of content/ is published as it is, so `{static}` and `{attach}` links are refused. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from .bodyimages import resolve

# an href as the sanitiser serialises it (double quotes, '"' and '&' escaped)
HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
PLACEHOLDER = re.compile(r"\A(?:\{(filename|static|attach)\}|\|(filename|static|attach)\|)")
EXAMPLE = "{filename}/releases/2018/2018-06-06-eu-tablets-for-policing.en.md"


@dataclass(frozen=True)
class ReleaseLink:
    """A link to another release: its file under content/, as written, and the line it is on."""

    target: str
    written: str
    line: int | None = None


def find(html: str, folder: str, line_of: Callable[[str], int | None]) -> tuple[tuple[ReleaseLink, ...], list[str]]:
    """The links of `html` (the sanitiser's output) to other releases, and a problem message for
    each link to another file of content/. `folder`: the release's folder under content/."""
    found, problems = [], []
    for href in HREF.findall(html):
        written = unescape(href)
        placeholder = PLACEHOLDER.match(written)
        if placeholder is None:
            continue
        line = line_of(written)
        if (placeholder.group(1) or placeholder.group(2)) == "filename":
            found.append(ReleaseLink(resolve(written.split("#")[0], folder), written, line))
        else:
            where = f"line {line}: " if line else ""
            problems.append(f"{where}link to '{written}': no file of content/ is published as it is; link to another "
                            f"release with {{filename}}, e.g. {EXAMPLE}, or to a document on the web (https://…); "
                            "to publish a PDF with the release, list it under 'attachments:'")
    return tuple(found), problems
