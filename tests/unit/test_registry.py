"""The partner and topic registries: keys, names in every language, web addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom import registry
from newsroom.registry import Entry

LANGUAGES = ("en", "ka")
PATH = "content/partners.yml"
EU = {"name": {"en": "European Union", "ka": "ევროკავშირი"}}


def messages(raw: object) -> list[str]:
    return [str(problem) for problem in registry.parse(raw, PATH, LANGUAGES)[1]]


def test_parse_valid() -> None:
    raw = {
        "eu": {
            "name": {"en": " European Union ", "ka": "ევროკავშირი"},
            "url": "https://www.eeas.europa.eu/delegations/georgia_en",
            "logo": "images/partners/eu.svg",
        },
        "us-embassy": {"name": {"ka": "აშშ-ის საელჩო საქართველოში", "en": "U.S. Embassy in Georgia"}, "url": "https://ge.usembassy.gov/"},
        "2018-partners": {"name": {"en": "Partners of 2018", "ka": "2018 წლის პარტნიორები"}},
    }
    assert registry.parse(raw, PATH, LANGUAGES) == (
        {
            "eu": Entry(
                "eu",
                (("en", "European Union"), ("ka", "ევროკავშირი")),
                url="https://www.eeas.europa.eu/delegations/georgia_en",
                logo="images/partners/eu.svg",
            ),
            "us-embassy": Entry("us-embassy", (("en", "U.S. Embassy in Georgia"), ("ka", "აშშ-ის საელჩო საქართველოში")), url="https://ge.usembassy.gov/"),
            "2018-partners": Entry("2018-partners", (("en", "Partners of 2018"), ("ka", "2018 წლის პარტნიორები"))),
        },
        [],
    )


def test_parse_keeps_the_files_order() -> None:
    raw = {key: EU for key in ("ncdc", "eu", "mia")}
    assert list(registry.parse(raw, PATH, LANGUAGES)[0]) == ["ncdc", "eu", "mia"]


@pytest.mark.parametrize(("lang", "name"), [("en", "European Union"), ("ka", "ევროკავშირი")])
def test_entry_name(lang: str, name: str) -> None:
    assert registry.parse({"eu": EU}, PATH, LANGUAGES)[0]["eu"].name(lang) == name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"eu": {"name": {"en": "European Union"}}}, ["'eu.name': no name in 'ka'; every entry is named in every site language"]),
        ({"eu": {"name": {"en": "European Union", "ka": " "}}}, ["'eu.name': no name in 'ka'; every entry is named in every site language"]),
        ({"eu": {"name": {"en": "European Union", "ka": None}}}, ["'eu.name': no name in 'ka'; every entry is named in every site language"]),
        (
            {"eu": {"name": {"ge": "ევროკავშირი"}}},
            [
                "'eu.name': no name in 'en'; every entry is named in every site language",
                "'eu.name': no name in 'ka'; every entry is named in every site language",
            ],
        ),
        ({"eu": {"name": "European Union"}}, ["'eu.name': expected one name per language: {en: …, ka: …}"]),
        ({"eu": {"url": "https://europa.eu/"}}, ["'eu.name': expected one name per language: {en: …, ka: …}"]),
        ({"eu": "European Union"}, ["'eu': expected 'name:' with one name per language (en, ka)"]),
        ({"eu": None}, ["'eu': expected 'name:' with one name per language (en, ka)"]),
        ({"EU": EU}, ["'EU': is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy"]),
        ({"eu_union": EU}, ["'eu_union': is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy"]),
        ({"-eu": EU}, ["'-eu': is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy"]),
        ({"european union": EU}, ["'european union': is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy"]),
        ({"ევროკავშირი": EU}, ["'ევროკავშირი': is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy"]),
        ({"eu": {**EU, "logo_url": "images/eu.svg"}}, ["'eu.logo_url': unknown field; did you mean 'logo'? expected one of: 'logo', 'name', 'url'"]),
        ({"eu": {**EU, "nmae": "EU"}}, ["'eu.nmae': unknown field; did you mean 'name'? expected one of: 'logo', 'name', 'url'"]),
        ({"eu": {**EU, "phone": "+995"}}, ["'eu.phone': unknown field; expected one of: 'logo', 'name', 'url'"]),
        ({"eu": {**EU, "url": "ftp://europa.eu/"}}, ["'eu.url': 'ftp://europa.eu/' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "url": "www.eeas.europa.eu"}}, ["'eu.url': 'www.eeas.europa.eu' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "url": "mailto:delegation@eeas.europa.eu"}}, ["'eu.url': 'mailto:delegation@eeas.europa.eu' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "url": 42}}, ["'eu.url': 42 is not a secure web address; expected https://…"]),
        # a slash short: a link to nowhere, as front-matter's `video:` already refuses
        ({"eu": {**EU, "url": "https:/www.eeas.europa.eu"}}, ["'eu.url': 'https:/www.eeas.europa.eu' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "url": "http://ge.usembassy.gov/"}}, ["'eu.url': 'http://ge.usembassy.gov/' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "url": "javascript:alert(1)"}}, ["'eu.url': 'javascript:alert(1)' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "url": "https://europa.eu/\u202e"}}, ["'eu.url': 'https://europa.eu/\\u202e' is not a secure web address; expected https://…"]),
        ({"eu": {**EU, "logo": 5}}, ["'eu.logo': 5 is not a path under content/, e.g. images/logos/eu.png"]),
        # names reach pages, feeds and search filters as plain text: nothing that could become markup
        ({"eu": {"name": {"en": "<img src=x onerror=alert(1)>", "ka": "ევროკავშირი"}}},
         ["'eu.name.en': '<img src=x onerror=alert(1)>' contains '<' or '>'; a name is plain text, write it without them"]),
        ({"eu": {"name": {"en": "European\u202eUnion", "ka": "ევროკავშირი"}}},
         ["'eu.name.en': 'European\\u202eUnion' contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) after 'European'; delete it"]),
        ({"eu": {"name": {"en": "European\nUnion", "ka": "ევროკავშირი"}}},
         ["'eu.name.en': 'European\\nUnion' contains a line break after 'European'; delete it"]),
        (
            {"EU": EU, "eu": {"name": {"en": "European Union"}, "site": "https://europa.eu/"}, "mia": "Ministry"},
            [
                "'EU': is not a usable key; expected lower-case letters, digits and '-', e.g. eu or us-embassy",
                "'eu.site': unknown field; expected one of: 'logo', 'name', 'url'",
                "'eu.name': no name in 'ka'; every entry is named in every site language",
                "'mia': expected 'name:' with one name per language (en, ka)",
            ],
        ),
    ],
)
def test_parse_problems(raw: dict, expected: list[str]) -> None:
    assert messages(raw) == [f"{PATH}: {message}" for message in expected]


@pytest.mark.parametrize("raw", [["eu", "mia"], "eu", 2018])
def test_parse_a_registry_that_is_not_a_mapping(raw: object) -> None:
    assert messages(raw) == [f"{PATH}: the registry must be a mapping of keys to entries"]


# -- load --------------------------------------------------------------------------------------


def test_load_a_file(tmp_path: Path) -> None:
    path = tmp_path / "partners.yml"
    path.write_text("# partners\neu:\n  name: {en: European Union, ka: ევროკავშირი}\n  url: https://europa.eu/\n", encoding="utf-8")
    assert registry.load(path, PATH, LANGUAGES) == (
        {"eu": Entry("eu", (("en", "European Union"), ("ka", "ევროკავშირი")), url="https://europa.eu/")},
        [],
    )


@pytest.mark.parametrize("text", ["", "# nothing yet\n"])
def test_load_an_empty_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "partners.yml"
    path.write_text(text, encoding="utf-8")
    assert registry.load(path, PATH, LANGUAGES) == ({}, [])


def test_load_a_missing_file_is_an_empty_registry(tmp_path: Path) -> None:
    assert registry.load(tmp_path / "partners.yml", PATH, LANGUAGES) == ({}, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # the same words and line as a release's front-matter gives for the same slip
        pytest.param(
            "eu:\n  name: {en: European Union, ka: ევროკავშირი\nmia:\n  name: {en: MIA, ka: შსს}\n",
            "line 2: malformed YAML: while parsing a flow mapping, did not find expected ',' or '}'",
            id="unclosed {",
        ),
        pytest.param(
            "eu:\n  name: {en: European Union, ka: ევროკავშირი}\n url: https://europa.eu/\n",
            "line 3: malformed YAML: while parsing a block mapping, did not find expected key",
            id="indented by one",
        ),
        pytest.param("eu:\n  name: {en: EU, ka: ევროკავშირი}\neu:\n  name: {en: EU, ka: ევროკავშირი}\n",
                     "line 3: 'eu' is there twice; keep one", id="a key twice"),
        pytest.param("eu: &eu\n  name: {en: EU, ka: ევროკავშირი}\nmia: *eu\n",
                     "line 1: '&eu' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes", id="anchor"),
        pytest.param("eu:\n  name: {en: 010, ka: 12:30}\n", None, id="numbers stay text"),
        pytest.param("x: " + "[" * 100_000 + "]" * 100_000 + "\n",
                     "line 1: lists and fields are nested more than 6 levels deep; no field needs that, check the brackets and indentation",
                     id="100,000 brackets"),
    ],
)
def test_load_malformed_yaml(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "partners.yml"
    path.write_text(text, encoding="utf-8")
    entries, problems = registry.load(path, PATH, LANGUAGES)
    if message is None:
        assert (entries["eu"].names, problems) == ((("en", "010"), ("ka", "12:30")), [])
    else:
        assert (entries, [str(problem) for problem in problems]) == ({}, [f"{PATH}: {message}"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("eu:\n  name: {en: Europe’s Union, ka: x}\n".encode("cp1252"),
         "line 2: is not UTF-8 text (byte 0x92 ('’' in Windows-1252)); save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8; "
         "in Word: Plain Text, Unicode (UTF-8))"),
        ("eu:\n  name: {en: EU, ka: x}\n".encode("utf-16"),
         "is saved as UTF-16 text; save it as UTF-8 (in Notepad: File → Save as → Encoding: UTF-8; in Word: Plain Text, Unicode (UTF-8))"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text file (it holds binary data); a release is Markdown text saved as UTF-8"),
        (b"# " + b"x" * 300_000, "is larger than 256 KB, more than any release or list needs; check that this is the file you meant to save, and split or shorten it"),
    ],
)
def test_load_a_file_that_is_not_utf8_text(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "partners.yml"
    path.write_bytes(data)
    assert [str(problem) for problem in registry.load(path, PATH, LANGUAGES)[1]] == [f"{PATH}: {message}"]


@pytest.mark.parametrize("name", ["partners.yml", "topics.yml"])
def test_the_rich_fixtures_registries_are_valid(name: str) -> None:
    """The registries of tests/roots/rich: the site's own as they were, logos added. content/'s
    are checked by the smoke test of content/ (tests/functional/test_real_content.py)."""
    path = Path(__file__).resolve().parents[1] / "roots" / "rich" / "content" / name
    entries, problems = registry.load(path, f"content/{name}", LANGUAGES)
    assert (len(entries) > 0, problems) == (True, [])
