"""The plugin's settings: defaults, and a check that stops the build at start on a bad value."""

from __future__ import annotations

import functools
import re

from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from . import workers
from .errors import SettingsError
from .messages import one_of, shown, suggestion

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
    # the "Media enquiries" block at the end of every release page: language code -> {'name', 'email',
    # and optionally 'role' and 'phone'}, one for each language; None: no block
    "NEWSROOM_MEDIA_CONTACT": None,
}
CONTACT_FIELDS = ("name", "role", "email", "phone")
CONTACT_REQUIRED = ("name", "email")
EMAIL = re.compile(r"[^@\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
PHONE = re.compile(r"\+?[0-9][0-9 ().-]*[0-9]")


@dataclass(frozen=True)
class Language:
    code: str
    locale: str
    sitename: str


@dataclass(frozen=True)
class Contact:
    """Who answers journalists' questions, in one language."""

    lang: str
    name: str
    role: str
    email: str
    phone: str

    @property
    def tel(self) -> str:
        """The phone number as a tel: link wants it: the + and the digits."""
        return re.sub(r"[^0-9+]", "", self.phone)


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
    media_contacts: tuple[Contact, ...] = ()  # none: no "Media enquiries" block

    @functools.cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def default(self) -> Language:
        return self.languages[0]

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def media_contact(self, code: str) -> Contact | None:
        return next((contact for contact in self.media_contacts if contact.lang == code), None)


def config(settings: Mapping) -> Config:
    """Read and check the NEWSROOM_* settings; raise SettingsError naming the first bad one."""
    value = lambda name: settings.get(name, DEFAULTS[name])  # noqa: E731
    problem_pages = _flag("NEWSROOM_PROBLEM_PAGES", value("NEWSROOM_PROBLEM_PAGES"))
    if problem_pages and value("NEWSROOM_STRICT") is True:
        raise SettingsError("newsroom: setting NEWSROOM_PROBLEM_PAGES is for the live preview, and a strict build "
                            "(NEWSROOM_STRICT = True) publishes no page about problems; got True for both")
    languages = _languages(value("NEWSROOM_LANGUAGES"))
    return Config(
        languages=languages,
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
        media_contacts=_contacts(value("NEWSROOM_MEDIA_CONTACT"), tuple(language.code for language in languages)),
    )


def _contacts(raw: object, codes: tuple[str, ...]) -> tuple[Contact, ...]:
    name = "NEWSROOM_MEDIA_CONTACT"
    if raw is None:
        return ()
    shape = "{'name': …, 'role': …, 'email': …, 'phone': …}"
    if not isinstance(raw, Mapping) or not raw:
        raise SettingsError(f"newsroom: setting {name} must map each site language ({', '.join(map(repr, codes))}) to {shape}, "
                            f"or be None for no media contact; got {raw!r}")
    for code in raw:
        if code not in codes:
            raise SettingsError(f"newsroom: setting {name} has a contact for {code!r}, which is not a site language; "
                                f"{one_of(codes)} (NEWSROOM_LANGUAGES)")
    missing = [code for code in codes if code not in raw]
    if missing:
        raise SettingsError(f"newsroom: setting {name} has no contact for {missing[0]!r}; give one for every site language "
                            f"({', '.join(map(repr, codes))}), each {shape}")
    return tuple(_contact(f"{name}[{code!r}]", code, raw[code]) for code in codes)


def _contact(name: str, code: str, entry: object) -> Contact:
    if not isinstance(entry, Mapping):
        raise SettingsError(f"newsroom: setting {name} must be {{'name': …, 'role': …, 'email': …, 'phone': …}}; got {entry!r}")
    for key in entry:
        if key not in CONTACT_FIELDS:
            raise SettingsError(f"newsroom: setting {name} has an unknown key {shown(key)};"
                                f"{suggestion(str(key), CONTACT_FIELDS)} {one_of(CONTACT_FIELDS)}")
    values = {}
    for key in CONTACT_FIELDS:
        value = entry.get(key, "")
        noun = {"email": "e-mail address", "phone": "phone number"}.get(key, key)
        if key in CONTACT_REQUIRED and not (isinstance(value, str) and value.strip()):
            raise SettingsError(f"newsroom: setting {name}[{key!r}] is required: write the contact's {noun} in quotes; got {value!r}")
        if not isinstance(value, str):
            raise SettingsError(f"newsroom: setting {name}[{key!r}] must be written in quotes (the contact's {noun}); got {value!r}")
        values[key] = " ".join(value.split())
    if not EMAIL.fullmatch(values["email"]):
        raise SettingsError(f"newsroom: setting {name}['email'] is not an e-mail address: {values['email']!r}; "
                            "write it as name@domain, e.g. 'press@example.org'")
    if values["phone"] and not (PHONE.fullmatch(values["phone"]) and len(re.sub(r"\D", "", values["phone"])) >= 6):
        raise SettingsError(f"newsroom: setting {name}['phone'] is not a phone number: {values['phone']!r}; "
                            "write the digits with the country code first (+995 for Georgia), with spaces if you like")
    return Contact(code, **values)


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
