"""Front-matter of a release: split it from the body, load its YAML, check every field.

Pure functions: text in, a `Release` and a list of `Problem`s out. Nothing here knows Pelican.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import yaml

from . import slugs
from .errors import Problem

FIELDS = (
    "title",
    "date",
    "lang",
    "partners",
    "funded_by",
    "translation_key",
    "summary",
    "location",
    "event_dates",
    "image",
    "video",
    "topics",
    "draft",
    "slug",
    "date_approximate",
)
IMAGE_FIELDS = ("src", "alt", "caption", "credit")

# Likely slips for a language code, mapped to the code that was meant.
LANGUAGE_SLIPS = {
    "ge": "ka",
    "geo": "ka",
    "kat": "ka",
    "ka-ge": "ka",
    "ka_ge": "ka",
    "georgian": "ka",
    "ქართული": "ka",
    "eng": "en",
    "english": "en",
    "en-gb": "en",
    "en_gb": "en",
    "en-us": "en",
    "en_us": "en",
    "gb": "en",
    "uk": "en",
}

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
TRANSLATION_KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
DATE_PATTERN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\Z")
DATE_EXAMPLE = "expected YYYY-MM-DD, e.g. 2018-06-06"


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Release:
    """One language version of one press release, as its file declares it."""

    path: str
    title: str
    date: datetime.datetime
    lang: str
    slug: str
    partners: tuple[str, ...]
    funded_by: tuple[str, ...] = ()
    translation_key: str | None = None
    summary: str | None = None
    location: str | None = None
    event_dates: tuple[datetime.date, datetime.date] | None = None
    image: Image | None = None
    video: str | None = None
    topics: tuple[str, ...] = ()
    draft: bool = False
    date_approximate: bool = False

    @property
    def group_key(self) -> str:
        """What joins the language versions: the translation key, else the file alone."""
        return self.translation_key or f"file:{self.path}"


@dataclass(frozen=True)
class Site:
    """What a front-matter is checked against: the site's languages and registries."""

    languages: tuple[str, ...]
    partners: frozenset[str]
    topics: frozenset[str]
    image_exists: Callable[[str], bool] = field(default=lambda src: True)


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """A safe loader that leaves dates as text, so that a bad date is our error, not YAML's."""


def _mapping_without_duplicates(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"found '{key}' twice; keep one", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split(text: str) -> tuple[str, str, int] | None:
    """Split a file into (front-matter YAML, body, line number of the YAML's first line).

    Returns None when the file does not open with a `---` line.
    """
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 2
    return None


def parse(text: str, path: str, site: Site) -> tuple[Release | None, str, list[Problem]]:
    """Parse a whole release file: (release or None, Markdown body, problems)."""
    parts = split(text)
    if parts is None:
        return None, "", [Problem(path, None, "no front-matter: the file must start with a line '---' and the metadata must end with another '---' line")]
    source, body, first_line = parts
    try:
        raw = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as error:
        return None, body, [Problem(path, None, yaml_message(error, first_line))]
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return None, body, [Problem(path, None, "the front-matter must be 'field: value' lines")]
    release, problems = validate(raw, body, path, site)
    return release, body, problems


# YAML constructs that run on until they are closed: their error is where they were opened.
UNCLOSED = ("while parsing a flow", "while scanning a quoted", "while scanning a simple key")


def yaml_message(error: yaml.YAMLError, first_line: int) -> str:
    """YAML's complaint with the file's line: where an unclosed '[' or quote was opened, else
    where the parser stopped."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "context_mark", None) if context.startswith(UNCLOSED) else None
    mark = mark or getattr(error, "problem_mark", None)
    what = ", ".join(part for part in (context, getattr(error, "problem", None)) if part) or str(error)
    if mark is None:
        return f"malformed YAML: {what}"
    return f"line {mark.line + first_line}: malformed YAML: {what}"


def validate(raw: Mapping, body: str, path: str, site: Site) -> tuple[Release | None, list[Problem]]:
    """Check every field of a loaded front-matter; return the release only when all is well."""
    checker = _Checker(path, raw, site)
    values = {
        "path": path,
        "title": checker.text("title", required=True),
        "date": checker.date("date"),
        "lang": checker.language("lang"),
        "partners": checker.keys("partners", site.partners, "partner", required=True),
        "funded_by": checker.keys("funded_by", site.partners, "partner"),
        "translation_key": checker.translation_key("translation_key"),
        "summary": checker.text("summary"),
        "location": checker.text("location"),
        "event_dates": checker.event_dates("event_dates"),
        "image": checker.image("image"),
        "video": checker.url("video"),
        "topics": checker.keys("topics", site.topics, "topic"),
        "draft": checker.flag("draft"),
        "date_approximate": checker.flag("date_approximate"),
        "slug": checker.slug("slug"),
    }
    checker.unknown_fields()
    if not body.strip():
        checker.report("body", "the release has no text after the front-matter")
    if checker.problems:
        return None, checker.problems
    return Release(**values), []


def suggestion(value: str, allowed: Iterable[str]) -> str:
    """' did you mean 'x'?' for a likely slip, else ''."""
    allowed = list(allowed)
    lowered = {option.lower(): option for option in allowed}
    if value.lower() in lowered:
        return f" did you mean '{lowered[value.lower()]}'?"
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" did you mean '{lowered[close[0]]}'?" if close else ""


def one_of(allowed: Iterable[str]) -> str:
    return "expected one of: " + ", ".join(f"'{option}'" for option in sorted(allowed))


class _Checker:
    """Collects the problems of one file while its fields are converted."""

    def __init__(self, path: str, raw: Mapping, site: Site):
        self.path = path
        self.raw = raw
        self.site = site
        self.problems: list[Problem] = []

    def report(self, name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, name, message))

    def unknown_fields(self) -> None:
        for name in self.raw:
            if name not in FIELDS:
                hint = suggestion(str(name), FIELDS)
                self.report(str(name), f"unknown field;{hint} {one_of(FIELDS)}")

    def text(self, name: str, required: bool = False) -> str | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                self.report(name, f"missing; every release needs a {name}")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.report(name, f"{_shown(value)} is not text; expected a single line of text")
            return None
        value = str(value).strip()
        if not value:
            if required:
                self.report(name, f"empty; every release needs a {name}")
            return None
        return value

    def date(self, name: str) -> datetime.datetime | None:
        value = self.raw.get(name)
        if value is None:
            self.report(name, f"missing; every release needs a date, {DATE_EXAMPLE}")
            return None
        return parse_date(value, lambda message: self.report(name, message))

    def language(self, name: str) -> str | None:
        value = self.raw.get(name)
        languages = self.site.languages
        if value is None:
            self.report(name, f"missing; every release declares its language, {one_of(languages)}")
            return None
        if value not in languages:
            meant = LANGUAGE_SLIPS.get(str(value).lower())
            hint = f" did you mean '{meant}'?" if meant in languages else suggestion(str(value), languages)
            self.report(name, f"{_shown(value)} is not a site language;{hint} {one_of(languages)}")
            return None
        return value

    def keys(self, name: str, known: frozenset[str], noun: str, required: bool = False) -> tuple[str, ...]:
        value = self.raw.get(name)
        if value is None or value == []:
            if required:
                self.report(name, f"missing; name at least one {noun} from content/{noun}s.yml, {one_of(known)}")
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            self.report(name, f"{_shown(value)} is not a list of {noun} keys; write [key, key]")
            return ()
        for item in items:
            if item not in known:
                self.report(name, f"unknown {noun} {_shown(item)};{suggestion(item, known)} {one_of(known)}")
        duplicates = sorted({item for item in items if items.count(item) > 1})
        for item in duplicates:
            self.report(name, f"{noun} {_shown(item)} is listed twice")
        return tuple(items)

    def translation_key(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not TRANSLATION_KEY_PATTERN.match(str(value)):
            self.report(name, f"{_shown(value)} is not a usable key; expected letters, digits, '-' and '_', e.g. 2018-eu-tablets")
            return None
        return str(value)

    def event_dates(self, name: str) -> tuple[datetime.date, datetime.date] | None:
        value = self.raw.get(name)
        if value is None:
            return None
        report = lambda message: self.report(name, message)  # noqa: E731
        if not isinstance(value, str):
            report(f"{_shown(value)} is not a date; expected YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD, e.g. 2018-03-06/2018-03-09")
            return None
        text = value
        start_text, slash, end_text = text.partition("/")
        if slash and not end_text.strip():
            report(f"{_shown(text)} has no end date after '/'; expected YYYY-MM-DD/YYYY-MM-DD, e.g. 2018-03-06/2018-03-09")
            return None
        start = parse_date(start_text.strip(), report, example="expected YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD, e.g. 2018-03-06/2018-03-09")
        end = parse_date(end_text.strip(), report, example="expected YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD") if end_text else start
        if start is None or end is None:
            return None
        if end < start:
            report(f"{_shown(text)} ends before it starts; write the earlier date first")
            return None
        return start.date(), end.date()

    def image(self, name: str) -> Image | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(name, f"{_shown(value)} is not an image; expected 'src:' and 'alt:' lines indented under 'image:'")
            return None
        problems_before = len(self.problems)
        for key in value:
            if key not in IMAGE_FIELDS:
                self.report(f"{name}.{key}", f"unknown field;{suggestion(str(key), IMAGE_FIELDS)} {one_of(IMAGE_FIELDS)}")
        src = value.get("src")
        alt = value.get("alt")
        if not isinstance(src, str) or not src.strip():
            self.report(f"{name}.src", "missing; give the image's path under content/, e.g. images/2018/conference.jpg")
        elif not self.site.image_exists(src.strip()):
            self.report(f"{name}.src", f"{_shown(src)} does not exist under content/")
        if not isinstance(alt, str) or not alt.strip():
            self.report(f"{name}.alt", "missing; describe the image for readers who cannot see it")
        texts = {key: value.get(key) for key in ("caption", "credit")}
        for key, text in texts.items():
            if text is not None and not isinstance(text, str):
                self.report(f"{name}.{key}", f"{_shown(text)} is not text")
        if len(self.problems) > problems_before:
            return None
        return Image(src.strip(), alt.strip(), texts["caption"], texts["credit"])

    def url(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        parts = urlsplit(str(value))
        if not isinstance(value, str) or parts.scheme not in ("http", "https") or not parts.netloc:
            self.report(name, f"{_shown(value)} is not a web address; expected https://…")
            return None
        return value

    def flag(self, name: str) -> bool:
        value = self.raw.get(name, False)
        if not isinstance(value, bool):
            self.report(name, f"{_shown(value)} is not true or false")
            return False
        return value

    def slug(self, name: str) -> str | None:
        value = self.raw.get(name)
        try:
            if value is None:
                return slugs.from_filename(self.path)
            return slugs.slugify(str(value))
        except ValueError as error:
            where = name if value is not None else "slug"
            source = _shown(value) if value is not None else "the file name"
            self.report(where, f"{source} gives no usable URL name ({error}); set 'slug: words-in-latin-letters'")
            return None


def parse_date(value: object, report: Callable[[str], None], example: str = DATE_EXAMPLE) -> datetime.datetime | None:
    """A real calendar date (and optional time) from YAML text, or None after a report."""
    text = str(value).strip()
    match = DATE_PATTERN.match(text) if isinstance(value, (str, datetime.date)) else None
    if not match:
        report(f"{_shown(value)} is not a date; {example}")
        return None
    year, month, day, hour, minute, second = (int(part) if part else 0 for part in match.groups())
    try:
        return datetime.datetime(year, month, day, hour, minute, second)
    except ValueError as error:
        report(f"{_shown(text)} is not a real date ({error}); {example}")
        return None


def _shown(value: object) -> str:
    """A value as the author wrote it, quoted the way the messages quote values."""
    if isinstance(value, str):
        return f"'{value}'"
    return repr(value)
