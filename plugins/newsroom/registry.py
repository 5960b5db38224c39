"""The partner and topic registries: one YAML file each under content/, names in every language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import characters, source, yamlload
from .errors import Problem
from .frontmatter import KEY_PATTERN
from .messages import one_of, shown, suggestion

ENTRY_FIELDS = ("name", "url", "logo")


@dataclass(frozen=True)
class Entry:
    """A partner or a topic: its key (its URL name), its names, and for partners a site and logo."""

    key: str
    names: tuple[tuple[str, str], ...]
    url: str | None = None
    logo: str | None = None
    broken: bool = False  # a name that cannot be shown: the releases that name this entry wait for the fix

    def name(self, lang: str) -> str:
        return dict(self.names)[lang]


def load(path: Path, display_path: str, languages: tuple[str, ...]) -> tuple[dict[str, Entry], list[Problem]]:
    """Read one registry file; a missing file is an empty registry."""
    if not path.exists():
        return {}, []
    text, problem = source.read_text(path, display_path, source.REGISTRY_LIMIT)
    if problem is not None:
        return {}, [problem]
    try:
        raw = yamlload.load(text)
    except yamlload.YamlProblem as problem:
        return {}, [Problem(display_path, None, str(problem))]
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
            report(None, "is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy")
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
        broken = False
        for lang in languages:
            if not isinstance(names.get(lang), str) or not names[lang].strip():
                report("name", f"no name in '{lang}'; every entry is named in every site language")
            elif message := name_problem(names[lang]):
                report(f"name.{lang}", message)
                broken = True
        url = value.get("url")
        if url is not None and (not isinstance(url, str) or urlsplit(url).scheme != "https" or not urlsplit(url).netloc
                                or characters.first_hidden(url)):
            report("url", f"{shown(url)} is not a secure web address; expected https://…")
            url = None
        logo = value.get("logo")
        if logo is not None and not isinstance(logo, str):
            report("logo", f"{shown(logo)} is not a path under content/, e.g. images/logos/eu.png")
        entries[key] = Entry(
            key=key,
            names=tuple((lang, str(names.get(lang, key)).strip()) for lang in languages),
            url=url if isinstance(url, str) else None,
            logo=logo if isinstance(logo, str) else None,
            broken=broken,
        )
    return entries, problems


def name_problem(name: str) -> str | None:
    """Why a name cannot be shown as plain text everywhere (pages, feeds, search filters), or None."""
    hidden = characters.first_hidden(name)
    if hidden:
        return f"{shown(name)} contains {hidden}; delete it"
    if "<" in name or ">" in name:
        return f"{shown(name)} contains '<' or '>'; a name is plain text, write it without them"
    return None
