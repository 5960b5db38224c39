"""The plugin's settings: defaults, and a check that stops the build at start on a bad value."""

from __future__ import annotations

import functools

from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from . import workers
from .errors import SettingsError

UNTRANSLATED_POLICIES = ("list", "hide")

DEFAULTS = {
    # language code -> Babel locale and the site's name in that language; the first is x-default
    "NEWSROOM_LANGUAGES": {
        "en": {"locale": "en_GB", "sitename": "IOM Georgia Newsroom"},
        "ka": {"locale": "ka", "sitename": "IOM საქართველო — პრესცენტრი"},
    },
    # what readers of the other language see of an untranslated release (docs/content.md)
    "NEWSROOM_UNTRANSLATED": "list",
    # fail the build on any content problem (publishing); else skip broken files (preview)
    "NEWSROOM_STRICT": False,
    # show drafts and embargoed releases, marked as such (local preview only)
    "NEWSROOM_PREVIEW": False,
    "NEWSROOM_PER_PAGE": 10,
    "NEWSROOM_FEED_ITEMS": 20,
    # build into a fresh directory and swap it in only when the build succeeded
    "NEWSROOM_ATOMIC_OUTPUT": True,
    # index the built pages with Pagefind (one index per language) for the search pages
    "NEWSROOM_SEARCH": True,
    # every page carries the theme's Content-Security-Policy as a <meta> element, for hosts that
    # send no headers; off only in `livereload`, whose reload script is inline code
    "NEWSROOM_META_POLICY": True,
    # read releases and render pages on every core from this many releases on; below it, worker
    # processes cost more than they save
    "NEWSROOM_PARALLEL_FROM": 200,
    # how those processes start: 'auto' (fork on Linux, spawn on Windows and macOS), 'fork',
    # 'spawn' or 'serial' (none: everything in the build's process); the environment variable of
    # the same name wins over this setting (`workers.start_method`)
    "NEWSROOM_START_METHOD": "auto",
    # at a broken release's address, a page listing its problems, and a banner on every other page
    # (problempages.py); on only in `livereload`'s session, never with NEWSROOM_STRICT
    "NEWSROOM_PROBLEM_PAGES": False,
}


@dataclass(frozen=True)
class Language:
    code: str
    locale: str
    sitename: str


@dataclass(frozen=True)
class Config:
    """The checked NEWSROOM_* settings."""

    languages: tuple[Language, ...]
    untranslated: str
    strict: bool
    preview: bool
    per_page: int
    feed_items: int
    atomic_output: bool
    search: bool
    meta_policy: bool
    parallel_from: int
    start_method: str  # 'fork', 'spawn' or 'serial', as this system and the settings choose
    problem_pages: bool = False

    @functools.cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def default(self) -> Language:
        return self.languages[0]

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)


def config(settings: Mapping) -> Config:
    """Read and check the NEWSROOM_* settings; raise SettingsError naming the first bad one."""
    value = lambda name: settings.get(name, DEFAULTS[name])  # noqa: E731
    problem_pages = _flag("NEWSROOM_PROBLEM_PAGES", value("NEWSROOM_PROBLEM_PAGES"))
    if problem_pages and value("NEWSROOM_STRICT") is True:
        raise SettingsError("newsroom: setting NEWSROOM_PROBLEM_PAGES is for the live preview, and a strict build "
                            "(NEWSROOM_STRICT = True) publishes no page about problems; got True for both")
    return Config(
        languages=_languages(value("NEWSROOM_LANGUAGES")),
        untranslated=_choice("NEWSROOM_UNTRANSLATED", value("NEWSROOM_UNTRANSLATED"), UNTRANSLATED_POLICIES),
        strict=_flag("NEWSROOM_STRICT", value("NEWSROOM_STRICT")),
        preview=_flag("NEWSROOM_PREVIEW", value("NEWSROOM_PREVIEW")),
        per_page=_count("NEWSROOM_PER_PAGE", value("NEWSROOM_PER_PAGE")),
        feed_items=_count("NEWSROOM_FEED_ITEMS", value("NEWSROOM_FEED_ITEMS")),
        atomic_output=_flag("NEWSROOM_ATOMIC_OUTPUT", value("NEWSROOM_ATOMIC_OUTPUT")),
        search=_flag("NEWSROOM_SEARCH", value("NEWSROOM_SEARCH")),
        meta_policy=_flag("NEWSROOM_META_POLICY", value("NEWSROOM_META_POLICY")),
        parallel_from=_count("NEWSROOM_PARALLEL_FROM", value("NEWSROOM_PARALLEL_FROM")),
        start_method=workers.start_method(value("NEWSROOM_START_METHOD")),
        problem_pages=problem_pages,
    )


def _languages(raw: object) -> tuple[Language, ...]:
    name = "NEWSROOM_LANGUAGES"
    if not isinstance(raw, Mapping) or not raw:
        raise SettingsError(f"newsroom: setting {name} must map language codes to {{'locale': …, 'sitename': …}}; got {raw!r}")
    languages = []
    for code, entry in raw.items():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("locale"), str) or not isinstance(entry.get("sitename"), str):
            raise SettingsError(f"newsroom: setting {name}[{code!r}] needs 'locale' and 'sitename' strings; got {entry!r}")
        try:
            Locale.parse(entry["locale"])
        except (UnknownLocaleError, ValueError) as error:
            raise SettingsError(f"newsroom: setting {name}[{code!r}]['locale'] is not a Babel locale: {entry['locale']!r} ({str(error).splitlines()[0]})") from None
        languages.append(Language(code, entry["locale"], entry["sitename"]))
    return tuple(languages)


def _choice(name: str, raw: object, allowed: tuple[str, ...]) -> str:
    if raw not in allowed:
        raise SettingsError(f"newsroom: setting {name} must be one of {', '.join(map(repr, allowed))}; got {raw!r}")
    return raw


def _flag(name: str, raw: object) -> bool:
    if not isinstance(raw, bool):
        raise SettingsError(f"newsroom: setting {name} must be True or False; got {raw!r}")
    return raw


def _count(name: str, raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise SettingsError(f"newsroom: setting {name} must be a whole number of at least 1; got {raw!r}")
    return raw
