"""Photos in a release's text (`![alt](images/2018/photo.jpg)`): they go through the same pipeline
as the lead photo, so no original file is ever published and none carries its metadata.

The reader replaces each <img> of the converted, sanitised body with a placeholder and keeps what
it showed; the per-build pass checks each photo (`references`) and puts the resized variants in
the placeholder's place (`fill`). Pure functions.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote

# An <img> as the sanitiser serialises it: attribute values always in double quotes, '"' and '&'
# escaped in them. (The policy itself reads HTML with a parser; this only finds what it let through.)
IMG = re.compile(r'<img(?:\s+[\w:-]+(?:="[^"]*")?)*\s*/?>')
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
# Pelican's ways of pointing at a file of the content folder, and a plain path
PLACEHOLDER = re.compile(r"\A(?:\{(?:static|filename|attach)\}|\|(?:static|filename|attach)\|)")
TOKEN = "<!--newsroom-image-{}-->"


@dataclass(frozen=True)
class BodyImage:
    """One photo of a release's text: its path under content/, as `images.inspect` takes it, the
    text that describes it, and the address as the officer wrote it (to find its line)."""

    src: str
    alt: str
    written: str
    line: int | None = None  # in the release file


def extract(html: str, folder: str, line_of: Callable[[str], int | None] = lambda written: None) -> tuple[str, tuple[BodyImage, ...]]:
    """`html` (as `htmlpolicy.sanitise` writes it) with each <img> replaced by a placeholder, and
    the photos, in order. `folder`: the release file's folder under content/ (e.g. releases/2018),
    for paths written relative to it; `line_of(address)`: the line of the file where it was written."""
    found = []

    def placeholder(tag: re.Match) -> str:
        attributes = {name: unescape(value) for name, value in ATTRIBUTE.findall(tag.group())}
        written = attributes.get("src", "")
        found.append(BodyImage(resolve(written, folder), attributes.get("alt", ""), written, line_of(written)))
        return TOKEN.format(len(found) - 1)

    return IMG.sub(placeholder, html), tuple(found)


def resolve(written: str, folder: str) -> str:
    """The path under content/ of an image address as written in a release: `images/…`,
    `/images/…`, `{static}/images/…`, or relative to the release file (`../../images/…`)."""
    path = unquote(PLACEHOLDER.sub("", written.strip()))
    if path.startswith("/"):
        return path.lstrip("/")
    if path.startswith("images/"):
        return path
    joined = posixpath.normpath(posixpath.join(folder, path))
    return joined if not joined.startswith("..") else path


def fill(html: str, images: tuple[BodyImage, ...], markup: Callable[[BodyImage], str]) -> str:
    """Each placeholder replaced by `markup(image)` (the <picture> of its published variants)."""
    for index, image in enumerate(images):
        html = html.replace(TOKEN.format(index), markup(image), 1)
    return html
