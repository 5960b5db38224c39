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
        "us-embassy": {"name": {"ka": "აშშ-ის საელჩო საქართველოში", "en": "U.S. Embassy in Georgia"}, "url": "http://ge.usembassy.gov/"},
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
            "us-embassy": Entry("us-embassy", (("en", "U.S. Embassy in Georgia"), ("ka", "აშშ-ის საელჩო საქართველოში")), url="http://ge.usembassy.gov/"),
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
        ({"EU": EU}, ["'EU': is not a usable key; expected lower-case letters, digits and '-'"]),
        ({"eu_union": EU}, ["'eu_union': is not a usable key; expected lower-case letters, digits and '-'"]),
        ({"-eu": EU}, ["'-eu': is not a usable key; expected lower-case letters, digits and '-'"]),
        ({"european union": EU}, ["'european union': is not a usable key; expected lower-case letters, digits and '-'"]),
        ({"ევროკავშირი": EU}, ["'ევროკავშირი': is not a usable key; expected lower-case letters, digits and '-'"]),
        ({"eu": {**EU, "logo_url": "images/eu.svg"}}, ["'eu.logo_url': unknown field; did you mean 'logo'? expected one of: 'logo', 'name', 'url'"]),
        ({"eu": {**EU, "nmae": "EU"}}, ["'eu.nmae': unknown field; did you mean 'name'? expected one of: 'logo', 'name', 'url'"]),
        ({"eu": {**EU, "phone": "+995"}}, ["'eu.phone': unknown field; expected one of: 'logo', 'name', 'url'"]),
        ({"eu": {**EU, "url": "ftp://europa.eu/"}}, ["'eu.url': 'ftp://europa.eu/' is not a web address; expected https://…"]),
        ({"eu": {**EU, "url": "www.eeas.europa.eu"}}, ["'eu.url': 'www.eeas.europa.eu' is not a web address; expected https://…"]),
        ({"eu": {**EU, "url": "mailto:delegation@eeas.europa.eu"}}, ["'eu.url': 'mailto:delegation@eeas.europa.eu' is not a web address; expected https://…"]),
        ({"eu": {**EU, "url": 42}}, ["'eu.url': 42 is not a web address; expected https://…"]),
        # a slash short: a link to nowhere, as front-matter's `video:` already refuses
        ({"eu": {**EU, "url": "https:/www.eeas.europa.eu"}}, ["'eu.url': 'https:/www.eeas.europa.eu' is not a web address; expected https://…"]),
        ({"eu": {**EU, "logo": 5}}, ["'eu.logo': 5 is not a path under content/"]),
        (
            {"EU": EU, "eu": {"name": {"en": "European Union"}, "site": "https://europa.eu/"}, "mia": "Ministry"},
            [
                "'EU': is not a usable key; expected lower-case letters, digits and '-'",
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
    ],
)
def test_load_malformed_yaml(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "partners.yml"
    path.write_text(text, encoding="utf-8")
    entries, problems = registry.load(path, PATH, LANGUAGES)
    assert (entries, [str(problem) for problem in problems]) == ({}, [f"{PATH}: {message}"])


@pytest.mark.parametrize("name", ["partners.yml", "topics.yml"])
def test_the_sites_registries_are_valid(name: str) -> None:
    path = Path(__file__).resolve().parents[2] / "content" / name
    entries, problems = registry.load(path, f"content/{name}", LANGUAGES)
    assert (len(entries) > 0, problems) == (True, [])
