"""The partner and topic registries: one YAML file each under content/, names in every language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .errors import Problem
from .frontmatter import KEY_PATTERN, one_of, suggestion, yaml_message

ENTRY_FIELDS = ("name", "url", "logo")


@dataclass(frozen=True)
class Entry:
    """A partner or a topic: its key (its URL name), its names, and for partners a site and logo."""

    key: str
    names: tuple[tuple[str, str], ...]
    url: str | None = None
    logo: str | None = None

    def name(self, lang: str) -> str:
        return dict(self.names)[lang]


def load(path: Path, display_path: str, languages: tuple[str, ...]) -> tuple[dict[str, Entry], list[Problem]]:
    """Read one registry file; a missing file is an empty registry."""
    if not path.exists():
        return {}, []
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)
    except yaml.YAMLError as error:
        return {}, [Problem(display_path, None, yaml_message(error, 1))]
    return parse(raw or {}, display_path, languages)


def parse(raw: object, path: str, languages: tuple[str, ...]) -> tuple[dict[str, Entry], list[Problem]]:
    """Check a loaded registry: every entry has a key-shaped key and a name in every language."""
    if not isinstance(raw, dict):
        return {}, [Problem(path, None, "the registry must be a mapping of keys to entries")]
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        report = lambda field, message, key=key: problems.append(Problem(path, f"{key}.{field}" if field else str(key), message))  # noqa: E731
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            report(None, "is not a usable key; expected lower-case letters, digits and '-'")
            continue
        if not isinstance(value, dict):
            report(None, f"expected 'name:' with one name per language ({', '.join(languages)})")
            continue
        for field in value:
            if field not in ENTRY_FIELDS:
                report(field, f"unknown field;{suggestion(str(field), ENTRY_FIELDS)} {one_of(ENTRY_FIELDS)}")
        names = value.get("name")
        if not isinstance(names, dict):
            report("name", f"expected one name per language: {{{', '.join(f'{lang}: …' for lang in languages)}}}")
            continue
        for lang in languages:
            if not isinstance(names.get(lang), str) or not names[lang].strip():
                report("name", f"no name in '{lang}'; every entry is named in every site language")
        url = value.get("url")
        if url is not None and (not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc):
            report("url", f"{url!r} is not a web address; expected https://…")
        logo = value.get("logo")
        if logo is not None and not isinstance(logo, str):
            report("logo", f"{logo!r} is not a path under content/")
        entries[key] = Entry(
            key=key,
            names=tuple((lang, str(names.get(lang, key)).strip()) for lang in languages),
            url=url if isinstance(url, str) else None,
            logo=logo if isinstance(logo, str) else None,
        )
    return entries, problems
