"""A new release file (and its twin's stub) with valid front-matter, for `invoke new`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import slugs
from .dates import PublicationDate

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
    slug = slugs.short(title)
    key = f"{day.start.year}-{slug}"
    files = [NewFile(path_of(content, day, slug, lang), text_of(title, day, lang, key, partners, draft))]
    if twin_lang:
        # the twin starts as a draft: it is published once someone has translated it
        files.append(NewFile(path_of(content, day, slug, twin_lang), text_of(title, day, twin_lang, key, partners, True)))
    return files


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
