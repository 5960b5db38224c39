"""The NEWSROOM_* settings: defaults, and a SettingsError naming the setting and the bad value."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

from newsroom import settings
from newsroom.errors import NewsroomError, SettingsError
from newsroom.settings import Config, Contact, Language

DEFAULT = Config(
    languages=(Language("en", "en_GB", "IOM Georgia Newsroom"), Language("ka", "ka", "IOM საქართველო — პრესცენტრი")),
    untranslated="list",
    strict=False,
    preview=False,
    per_page=10,
    feed_items=20,
    atomic_output=True,
    search=True,
    meta_policy=True,
    parallel_from=200,
    start_method="spawn" if sys.platform in ("win32", "darwin") else "fork",
    problem_pages=False,
)
LANGUAGES_SHAPE = "must map language codes to {'locale': …, 'sitename': …}"


@pytest.fixture(autouse=True)
def no_start_method_in_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSROOM_START_METHOD", raising=False)


def test_defaults() -> None:
    assert settings.config({}) == DEFAULT


def test_defaults_ignore_other_settings() -> None:
    assert settings.config({"SITENAME": "x", "PATH": "content", "NEWSROOM_UNKNOWN": 1}) == DEFAULT


def test_defaults_pass_their_own_check() -> None:
    assert settings.config(settings.DEFAULTS) == DEFAULT


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"NEWSROOM_UNTRANSLATED": "hide"}, {"untranslated": "hide"}),
        ({"NEWSROOM_STRICT": True, "NEWSROOM_PREVIEW": True}, {"strict": True, "preview": True}),
        ({"NEWSROOM_PER_PAGE": 1, "NEWSROOM_FEED_ITEMS": 50}, {"per_page": 1, "feed_items": 50}),
        ({"NEWSROOM_ATOMIC_OUTPUT": False}, {"atomic_output": False}),
        ({"NEWSROOM_SEARCH": False}, {"search": False}),
        ({"NEWSROOM_META_POLICY": False}, {"meta_policy": False}),
        ({"NEWSROOM_START_METHOD": "spawn"}, {"start_method": "spawn"}),
        ({"NEWSROOM_START_METHOD": "serial"}, {"start_method": "serial"}),
        ({"NEWSROOM_PROBLEM_PAGES": True}, {"problem_pages": True}),
        (
            {"NEWSROOM_LANGUAGES": {"ka": {"locale": "ka_GE", "sitename": "პრესცენტრი"}, "en": {"locale": "en", "sitename": "Newsroom"}}},
            {"languages": (Language("ka", "ka_GE", "პრესცენტრი"), Language("en", "en", "Newsroom"))},
        ),
    ],
)
def test_config_reads_settings(overrides: dict, expected: dict) -> None:
    found = settings.config(overrides)
    assert {name: getattr(found, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("languages", "codes", "default", "ka"),
    [
        (None, ("en", "ka"), "en", Language("ka", "ka", "IOM საქართველო — პრესცენტრი")),
        (
            {"ka": {"locale": "ka", "sitename": "პრესცენტრი"}, "en": {"locale": "en_GB", "sitename": "Newsroom"}},
            ("ka", "en"),
            "ka",
            Language("ka", "ka", "პრესცენტრი"),
        ),
    ],
)
def test_config_languages(languages: dict | None, codes: tuple[str, ...], default: str, ka: Language) -> None:
    found = settings.config({} if languages is None else {"NEWSROOM_LANGUAGES": languages})
    assert (found.codes, found.default.code, found.language("ka")) == (codes, default, ka)


SETTINGS_ERRORS = [
    ({"NEWSROOM_UNTRANSLATED": "show"}, "setting NEWSROOM_UNTRANSLATED must be one of 'list', 'hide'; got 'show'"),
    ({"NEWSROOM_UNTRANSLATED": "List"}, "setting NEWSROOM_UNTRANSLATED must be one of 'list', 'hide'; got 'List'"),
    ({"NEWSROOM_UNTRANSLATED": None}, "setting NEWSROOM_UNTRANSLATED must be one of 'list', 'hide'; got None"),
    ({"NEWSROOM_UNTRANSLATED": ["list"]}, "setting NEWSROOM_UNTRANSLATED must be one of 'list', 'hide'; got ['list']"),
    ({"NEWSROOM_STRICT": "yes"}, "setting NEWSROOM_STRICT must be True or False; got 'yes'"),
    ({"NEWSROOM_STRICT": 1}, "setting NEWSROOM_STRICT must be True or False; got 1"),
    ({"NEWSROOM_PREVIEW": "False"}, "setting NEWSROOM_PREVIEW must be True or False; got 'False'"),
    ({"NEWSROOM_ATOMIC_OUTPUT": None}, "setting NEWSROOM_ATOMIC_OUTPUT must be True or False; got None"),
    ({"NEWSROOM_SEARCH": "yes"}, "setting NEWSROOM_SEARCH must be True or False; got 'yes'"),
    ({"NEWSROOM_PROBLEM_PAGES": "yes"}, "setting NEWSROOM_PROBLEM_PAGES must be True or False; got 'yes'"),
    (
        {"NEWSROOM_PROBLEM_PAGES": True, "NEWSROOM_STRICT": True},
        "setting NEWSROOM_PROBLEM_PAGES is for the live preview, and a strict build (NEWSROOM_STRICT = True) "
        "publishes no page about problems; got True for both",
    ),
    ({"NEWSROOM_PER_PAGE": 0}, "setting NEWSROOM_PER_PAGE must be a whole number of at least 1; got 0"),
    ({"NEWSROOM_PER_PAGE": -10}, "setting NEWSROOM_PER_PAGE must be a whole number of at least 1; got -10"),
    ({"NEWSROOM_PER_PAGE": "10"}, "setting NEWSROOM_PER_PAGE must be a whole number of at least 1; got '10'"),
    ({"NEWSROOM_PER_PAGE": 10.0}, "setting NEWSROOM_PER_PAGE must be a whole number of at least 1; got 10.0"),
    ({"NEWSROOM_PER_PAGE": True}, "setting NEWSROOM_PER_PAGE must be a whole number of at least 1; got True"),
    ({"NEWSROOM_FEED_ITEMS": None}, "setting NEWSROOM_FEED_ITEMS must be a whole number of at least 1; got None"),
    ({"NEWSROOM_START_METHOD": "threads"}, "setting NEWSROOM_START_METHOD must be one of 'auto', 'fork', 'spawn', 'serial'; got 'threads'"),
    ({"NEWSROOM_LANGUAGES": {}}, f"setting NEWSROOM_LANGUAGES {LANGUAGES_SHAPE}; got {{}}"),
    ({"NEWSROOM_LANGUAGES": ["en", "ka"]}, f"setting NEWSROOM_LANGUAGES {LANGUAGES_SHAPE}; got ['en', 'ka']"),
    ({"NEWSROOM_LANGUAGES": None}, f"setting NEWSROOM_LANGUAGES {LANGUAGES_SHAPE}; got None"),
    (
        {"NEWSROOM_LANGUAGES": {"en": {"locale": "en_GB", "sitename": "Newsroom"}, "ka": {"locale": "ka"}}},
        "setting NEWSROOM_LANGUAGES['ka'] needs 'locale' and 'sitename' strings; got {'locale': 'ka'}",
    ),
    (
        {"NEWSROOM_LANGUAGES": {"en": "en_GB"}},
        "setting NEWSROOM_LANGUAGES['en'] needs 'locale' and 'sitename' strings; got 'en_GB'",
    ),
    (
        {"NEWSROOM_LANGUAGES": {"en": {"locale": None, "sitename": "Newsroom"}}},
        "setting NEWSROOM_LANGUAGES['en'] needs 'locale' and 'sitename' strings; got {'locale': None, 'sitename': 'Newsroom'}",
    ),
    (
        {"NEWSROOM_LANGUAGES": {"ka": {"locale": "xx", "sitename": "პრესცენტრი"}}},
        "setting NEWSROOM_LANGUAGES['ka']['locale'] is not a Babel locale: 'xx' (unknown locale 'xx')",
    ),
    (
        {"NEWSROOM_LANGUAGES": {"en": {"locale": "en-GB", "sitename": "Newsroom"}}},
        "setting NEWSROOM_LANGUAGES['en']['locale'] is not a Babel locale: 'en-GB' (expected only letters, got 'en-gb')",
    ),
    (
        {"NEWSROOM_LANGUAGES": {"en": {"locale": "en_XX", "sitename": "Newsroom"}}},
        "setting NEWSROOM_LANGUAGES['en']['locale'] is not a Babel locale: 'en_XX' (unknown locale 'en_XX')",
    ),
]


# made-up contacts (example.org is reserved for examples): the office's own are set in pelicanconf.py
EN_CONTACT = {"name": "Nino Example", "role": "Media officer", "email": "press@example.org", "phone": "+995 (32) 200-00-00"}
KA_CONTACT = {"name": "ნინო მაგალითი", "email": "press@example.org"}
CONTACT_SHAPE = "{'name': …, 'role': …, 'email': …, 'phone': …}"


def contact(**changes) -> dict:
    return {"NEWSROOM_MEDIA_CONTACT": {"en": {**EN_CONTACT, **changes}, "ka": KA_CONTACT}}


def test_a_media_contact_in_every_language_is_read_with_a_dialable_phone_number() -> None:
    found = settings.config(contact(name="  Nino   Example "))
    assert found.media_contacts == (
        Contact("en", "Nino Example", "Media officer", "press@example.org", "+995 (32) 200-00-00"),
        Contact("ka", "ნინო მაგალითი", "", "press@example.org", ""),
    )
    assert (found.media_contact("en").tel, found.media_contact("ka").phone) == ("+995322000000", "")
    assert settings.config({}).media_contact("en") is None  # unset: no block


SETTINGS_ERRORS += [
    ({"NEWSROOM_MEDIA_CONTACT": {"en": EN_CONTACT}},
     f"setting NEWSROOM_MEDIA_CONTACT has no contact for 'ka'; give one for every site language ('en', 'ka'), each {CONTACT_SHAPE}"),
    ({"NEWSROOM_MEDIA_CONTACT": {"en": EN_CONTACT, "ka": KA_CONTACT, "de": EN_CONTACT}},
     "setting NEWSROOM_MEDIA_CONTACT has a contact for 'de', which is not a site language; expected one of: 'en', 'ka' (NEWSROOM_LANGUAGES)"),
    ({"NEWSROOM_MEDIA_CONTACT": {}},
     f"setting NEWSROOM_MEDIA_CONTACT must map each site language ('en', 'ka') to {CONTACT_SHAPE}, or be None for no media contact; got {{}}"),
    ({"NEWSROOM_MEDIA_CONTACT": "press@example.org"},
     f"setting NEWSROOM_MEDIA_CONTACT must map each site language ('en', 'ka') to {CONTACT_SHAPE}, or be None for no media contact; "
     "got 'press@example.org'"),
    ({"NEWSROOM_MEDIA_CONTACT": {"en": "press@example.org", "ka": KA_CONTACT}},
     f"setting NEWSROOM_MEDIA_CONTACT['en'] must be {CONTACT_SHAPE}; got 'press@example.org'"),
    (contact(email="press@iom"),
     "setting NEWSROOM_MEDIA_CONTACT['en']['email'] is not an e-mail address: 'press@iom'; write it as name@domain, e.g. 'press@example.org'"),
    (contact(email="Press Office <press@example.org>"),
     "setting NEWSROOM_MEDIA_CONTACT['en']['email'] is not an e-mail address: 'Press Office <press@example.org>'; "
     "write it as name@domain, e.g. 'press@example.org'"),
    (contact(email=""),
     "setting NEWSROOM_MEDIA_CONTACT['en']['email'] is required: write the contact's e-mail address in quotes; got ''"),
    (contact(name=None),
     "setting NEWSROOM_MEDIA_CONTACT['en']['name'] is required: write the contact's name in quotes; got None"),
    (contact(phone=2002000),
     "setting NEWSROOM_MEDIA_CONTACT['en']['phone'] must be written in quotes (the contact's phone number); got 2002000"),
    (contact(phone="ask at the desk"),
     "setting NEWSROOM_MEDIA_CONTACT['en']['phone'] is not a phone number: 'ask at the desk'; "
     "write the digits with the country code first (+995 for Georgia), with spaces if you like"),
    (contact(mail="press@example.org"),
     "setting NEWSROOM_MEDIA_CONTACT['en'] has an unknown key 'mail'; did you mean 'email'? expected one of: 'email', 'name', 'phone', 'role'"),
]


@pytest.mark.parametrize(("overrides", "message"), SETTINGS_ERRORS)
def test_config_refuses(overrides: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=f"^{re.escape('newsroom: ' + message)}$"):
        settings.config(overrides)


def test_settings_error_is_a_newsroom_error() -> None:
    with pytest.raises(NewsroomError):
        settings.config({"NEWSROOM_PER_PAGE": 0})


@pytest.mark.parametrize(("module", "strict", "preview"), [("pelicanconf", False, True), ("publishconf", True, False)])
def test_the_projects_settings_pass(module: str, strict: bool, preview: bool) -> None:
    conf = importlib.import_module(module)
    found = settings.config(vars(conf))
    # pages about problems: only livereload's session turns them on (session.py), never a settings file
    assert (found.codes, found.strict, found.preview, found.problem_pages) == (("en", "ka"), strict, preview, False)
    assert (found.codes, found.strict, found.preview) == (("en", "ka"), strict, preview)


def test_the_media_contact_is_unset_and_its_commented_example_passes_once_filled_in() -> None:
    """The office's contact is not invented: pelicanconf.py leaves it unset, with an example to fill in."""
    conf = importlib.import_module("pelicanconf")
    assert "NEWSROOM_MEDIA_CONTACT" not in vars(conf) and settings.config(vars(conf)).media_contacts == ()
    source = Path(conf.__file__).read_text(encoding="utf-8")
    example = re.search(r"^# NEWSROOM_MEDIA_CONTACT = \{\n(?:#  .*\n)+# \}$", source, re.MULTILINE)
    assert example and "EXAMPLE ONLY" in source
    namespace: dict = {}
    exec("\n".join(line[2:] for line in example.group(0).splitlines()), namespace)  # noqa: S102 - our own settings file
    found = settings.config({"NEWSROOM_MEDIA_CONTACT": namespace["NEWSROOM_MEDIA_CONTACT"]})
    assert [contact.lang for contact in found.media_contacts] == ["en", "ka"]
    assert {contact.email for contact in found.media_contacts} == {"press@example.org"}  # a reserved, made-up address
