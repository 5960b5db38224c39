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
    front = "".join(f"{name}: {_value(value)}\n" for name, value in fields.items())
    return f"---\n{front}---\n{PLACEHOLDER.get(lang, PLACEHOLDER['en'])}\n"


def _value(value) -> str:
    """One field's value on one line, as YAML writes it: quoted where YAML would misread it,
    lists in brackets (`partners: [eu, mia]`)."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000).removesuffix("\n...\n").strip()
