"""A new release file (and its twin's stub) with valid front-matter, for `invoke new`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import slugs

PLACEHOLDER = {
    "en": "Write the release here.",
    "ka": "დაწერეთ პრესრელიზის ტექსტი აქ.",
}


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


def new_release(content: Path, title: str, lang: str, day: datetime.date, partners: list[str],
                twin_lang: str | None = None, draft: bool = False) -> list[NewFile]:
    """The file of a new release, named `<year>/<date>-<slug>.<lang>.md`, and its twin's stub."""
    slug = slugs.slugify(title)
    key = f"{day.year}-{slug}"
    files = [NewFile(path_of(content, day, slug, lang), text_of(title, day, lang, key, partners, draft))]
    if twin_lang:
        # the twin starts as a draft: it is published once someone has translated it
        files.append(NewFile(path_of(content, day, slug, twin_lang), text_of(title, day, twin_lang, key, partners, True)))
    return files


def path_of(content: Path, day: datetime.date, slug: str, lang: str) -> Path:
    return content / "releases" / str(day.year) / f"{day.isoformat()}-{slug}.{lang}.md"


def text_of(title: str, day: datetime.date, lang: str, key: str, partners: list[str], draft: bool) -> str:
    fields = {
        "title": title,
        "date": day.isoformat(),
        "lang": lang,
        "translation_key": key,
        "partners": partners,
    }
    if draft:
        fields["draft"] = True
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    return f"---\n{front}---\n{PLACEHOLDER.get(lang, PLACEHOLDER['en'])}\n"
