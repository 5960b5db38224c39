"""A new release file (and its twin's stub) with valid front-matter, for `invoke new`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import slugs
from .dates import PublicationDate
from .errors import OptionError, Problem
from .messages import shown

PLACEHOLDER = {
    "en": "Write the release here.",
    "ka": "დაწერეთ პრესრელიზის ტექსტი აქ.",
}


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


def new_release(content: Path, title: str, lang: str, day: PublicationDate, partners: list[str],
                twin_lang: str | None = None, draft: bool = False) -> list[NewFile]:
    """The file of a new release, named `<year>/<date>-<slug>.<lang>.md` (the date as far as it is
    known: `2018-12-06`, `2018-12` or `2018`), and its twin's stub."""
    try:
        slug = slugs.short(title)
    except ValueError as error:  # only punctuation, say
        raise OptionError(f"--title {shown(title)} gives no usable URL name ({error}); write the headline with words in it: "
                          "the file's name and the release's address are made from them") from None
    key = f"{day.start.year}-{slug}"
    files = [NewFile(path_of(content, day, slug, lang), text_of(title, day, lang, key, partners, draft))]
    if twin_lang:
        # the twin starts as a draft: it is published once someone has translated it
        files.append(NewFile(path_of(content, day, slug, twin_lang), text_of(title, day, twin_lang, key, partners, True)))
    return files


# The fields `new` writes from its options: a problem with one of them is the option's.
OPTIONS = {"lang": "--lang", "title": "--title", "date": "--date", "date_approximate": "--approximate"}


def missing(lang: str | None, title: str | None, languages: tuple[str, ...]) -> list[str]:
    """What `new` cannot do without, one line for each option not given."""
    said = []
    if lang is None:
        said.append(f"--lang is missing; give the language you write in ({' or '.join(languages)}): --lang {languages[0]}")
    if title is None:
        said.append('--title is missing; give the headline: --title "…"')
    return said


def as_option(problem: Problem) -> str:
    """A problem of the front-matter `new` would write, as the option that gave it: `--lang 'fr' is
    not a site language; …` (the words of `./dev check`); any other, as `./dev check` says it."""
    option = OPTIONS.get(problem.field or "")
    return f"{option} {problem.message}" if option else str(problem)


def path_of(content: Path, day: PublicationDate, slug: str, lang: str) -> Path:
    return content / "releases" / str(day.start.year) / f"{day.iso()}-{slug}.{lang}.md"


def text_of(title: str, day: PublicationDate, lang: str, key: str, partners: list[str], draft: bool) -> str:
    fields = {
        "title": title,
        "date": day.iso(),
        **({"date_approximate": True} if day.approximate else {}),
        "lang": lang,
        "translation_key": key,
    }
    if partners:  # none for IOM's own work
        fields["partners"] = partners
    if draft:
        fields["draft"] = True
    front = "".join(_field(name, value) for name, value in fields.items())
    return f"---\n{front}---\n{PLACEHOLDER.get(lang, PLACEHOLDER['en'])}\n"


# The browser editor's YAML writer (Decap CMS) continues a value longer than this on the next line.
LINE_WIDTH = 80


def _field(name: str, value) -> str:
    """One field as the browser editor writes it (docs/content.md), so that a file made here and
    one saved there look alike: lists one item a line, the date as it is (2018-06-06, 2018-12,
    2018: the front-matter reads it as written), a long value continued on the next line."""
    if isinstance(value, list):
        return f"{name}:\n" + "".join(f"  - {_value(item)}\n" for item in value)
    written = value if name == "date" else _value(value)
    if written[:1] in ("'", '"'):
        return f"{name}: {written}\n"
    return _folded(f"{name}: ", written) + "\n"


def _value(value) -> str:
    """One value on one line, as YAML writes it: quoted where YAML would misread it."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000).removesuffix("\n...\n").strip()


def _folded(prefix: str, text: str) -> str:
    """`prefix + text`, continued on lines indented by two spaces where it would pass LINE_WIDTH
    characters, at the spaces the editor's writer (the `yaml` package's foldFlowLines) breaks at."""
    if len(text) <= LINE_WIDTH - 1:  # the writer never folds a value that fits an indented line
        return prefix + text
    lines, start, end, split = [], 0, LINE_WIDTH - len(prefix), None
    for index, char in enumerate(text):
        if char == " " and 0 < index < len(text) - 1 and text[index - 1] != " " and text[index + 1] != " ":
            split = index
        if index >= end and split is not None:
            lines.append(text[start:split])
            start, end, split = split + 1, split + LINE_WIDTH - 1, None
    lines.append(text[start:])
    return prefix + "\n  ".join(lines)
