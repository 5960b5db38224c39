"""cms.config: the browser editor's configuration, made from the content model and the registries.

Each rule of the content model (which fields exist, which are required, their patterns, which
registry a field's keys come from, which fields the language versions share) is looked up in the
configuration; a field added to the model appears in it; every partner and topic of the real
registries is a choice, named in English and Georgian.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import ROOT
from newsroom import attachments, audit, cms, frontmatter, model
from newsroom.errors import SettingsError, ThemeError

LANGUAGES = ("en", "ka")
REGISTRIES = audit.load_registries(ROOT / "content", LANGUAGES)
KNOWN = {"partners": REGISTRIES.partners, "topics": REGISTRIES.topics}
ADMIN = cms.settings_of({})
LOCAL = cms.settings_of({"NEWSROOM_ADMIN_LOCAL": "http://127.0.0.1:8081/api/v1"})


def fields_of(config: dict) -> dict[str, dict]:
    (collection,) = config["collections"]
    return {field["name"]: field for field in collection["fields"]}


CONFIG = cms.config(KNOWN, LANGUAGES, ADMIN)
FIELDS = fields_of(CONFIG)


def test_the_registries_of_the_site_load_without_problems():
    assert REGISTRIES.problems == ()
    assert REGISTRIES.partners and REGISTRIES.topics


def test_every_field_the_front_matter_accepts_is_in_the_editor_and_nothing_else_but_the_text():
    assert list(FIELDS) == [*frontmatter.FIELDS, "body"]
    assert [part["name"] for part in FIELDS["image"]["fields"]] == list(frontmatter.IMAGE_FIELDS)


@pytest.mark.parametrize("field", model.FIELDS, ids=lambda field: field.name)
def test_each_rule_of_the_model_is_in_the_editor(field):
    made = FIELDS[field.name]
    # lang is written by the editor itself: nothing for the officer to fill in, never asked for
    assert made["required"] is (field.required and field.kind != "language")
    assert made["hint"] == field.help and made["label"] == field.label
    assert made["i18n"] == (True if field.translated else "duplicate")
    if field.pattern:
        assert made["pattern"] == [field.pattern, field.help]
    else:
        assert "pattern" not in made
    if field.choices:
        assert [option["value"] for option in made["options"]] == list(KNOWN[field.choices])
        assert made["multiple"] is True


@pytest.mark.parametrize(("kind", "widget"), [
    ("text", "string"), ("paragraph", "text"), ("date", "datetime"), ("day", "string"), ("days", "string"),
    ("keys", "select"), ("flag", "boolean"), ("url", "string"), ("key", "string"), ("names", "list"),
    ("language", "newsroom-language"), ("image", "object"), ("documents", "list"),
])
def test_each_kind_of_field_has_its_widget(kind, widget):
    made = [FIELDS[field.name]["widget"] for field in model.FIELDS if field.kind == kind]
    assert made and set(made) == {widget}


def test_the_patterns_accept_what_the_model_accepts_and_refuse_the_usual_slips():
    date = re.compile(FIELDS["date"]["pattern"][0])
    assert all(date.match(value) for value in ("2018-06-06", "2018-12", "2016"))
    assert not any(date.match(value) for value in ("6 June 2018", "2018-6-6", "c. 2018"))
    days = re.compile(FIELDS["event_dates"]["pattern"][0])
    assert days.match("2018-03-06/2018-03-09") and not days.match("2018-03-06–2018-03-09")
    assert not re.match(FIELDS["video"]["pattern"][0], "http://example.org/video")


def test_the_date_picker_writes_the_day_as_the_model_and_the_file_name_have_it():
    assert FIELDS["date"] | {"format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False} == FIELDS["date"]


def test_a_photo_needs_its_file_and_its_alt_text_once_it_is_there():
    parts = {part["name"]: part for part in FIELDS["image"]["fields"]}
    assert parts["src"]["widget"] == "image"
    # Decap would ask for them in a release without a photo: the editor's script asks once a photo is chosen
    assert {name for name, part in parts.items() if part["newsroom_required"]} == {"src", "alt"}
    assert not any(part["required"] for part in parts.values())
    assert parts["src"]["i18n"] == "duplicate" and parts["alt"]["i18n"] is True


def test_a_field_added_to_the_model_appears_in_the_editor(monkeypatch):
    added = model.Field("related", "Related", "names", "URL names of related releases")
    monkeypatch.setattr(model, "FIELDS", (*model.FIELDS, added))
    made = fields_of(cms.config(KNOWN, LANGUAGES, ADMIN))
    assert made["related"] == {"name": "related", "label": "Related", "hint": "URL names of related releases",
                                   "required": False, "i18n": True, "widget": "list"}


def test_documents_need_a_title_and_a_pdf_uploaded_where_the_build_looks_for_it():
    parts = {part["name"]: part for part in FIELDS["attachments"]["fields"]}
    assert list(parts) == list(attachments.FIELDS) == ["title", "file"]
    assert parts["file"]["widget"] == "file" and parts["file"]["media_folder"] == "/content/files"
    assert parts["file"]["public_folder"] == "files", "written files/…, as the build reads it"
    assert parts["title"]["required"] and parts["file"]["required"]


def test_every_partner_and_topic_is_a_choice_with_its_english_and_georgian_names():
    for field, registry in (("partners", "partners"), ("funded_by", "partners"), ("topics", "topics")):
        options = {option["value"]: option["label"] for option in FIELDS[field]["options"]}
        assert options == {key: f"{entry.name('en')} / {entry.name('ka')}" for key, entry in KNOWN[registry].items()}
    assert {"value": "eu", "label": "European Union / ევროკავშირი"} in FIELDS["partners"]["options"]


def test_one_entry_holds_every_language_saved_as_the_files_a_person_writes():
    (collection,) = CONFIG["collections"]
    assert CONFIG["i18n"] == {"structure": "multiple_files", "locales": ["en", "ka"], "default_locale": "en"}
    assert collection["folder"] == "content/releases" and collection["extension"] == "md"
    assert collection["format"] == "yaml-frontmatter" and collection["i18n"] is True
    assert collection["path"] == "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}"
    assert (collection["media_folder"], collection["public_folder"]) == ("/content/images", "images")
    assert CONFIG["locale"] == "en"


def test_production_saves_through_github_and_only_dev_cms_through_the_local_server():
    assert CONFIG["backend"]["name"] == "github" and "local_backend" not in CONFIG
    assert cms.config(KNOWN, LANGUAGES, LOCAL)["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_the_editor_has_its_own_policy_from_the_headers_file_and_dev_cms_may_reach_its_server():
    policy = cms.policy(ROOT / "theme", ADMIN)
    assert "frame-ancestors" not in policy  # a <meta> policy cannot say it: the header does
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self' 'unsafe-eval'"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert "127.0.0.1" not in policy and "localhost" not in policy
    assert cms.policy(ROOT / "theme", LOCAL).count("http://127.0.0.1:8081") == 1


def test_the_editor_page_is_not_indexed_and_loads_nothing_from_another_host():
    page = cms.page("default-src 'self'", "../theme/css/site.0123456789.css")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    sources = re.findall(r'(?:src|href|data-preview-style)="([^"]*)"', page)
    assert sources == ["config.yml", "decap-cms.js", cms.SCRIPT, "../theme/css/site.0123456789.css"]


def test_a_theme_without_a_policy_for_the_editor_stops_the_build(tmp_path):
    (tmp_path / "_headers").write_text("/*\n  Content-Security-Policy: default-src 'self'\n", encoding="utf-8")
    with pytest.raises(ThemeError, match=r"the editor needs its Content-Security-Policy: add '/admin/\*'"):
        cms.policy(tmp_path, ADMIN)


@pytest.mark.parametrize(("setting", "value", "message"), [
    ("NEWSROOM_ADMIN", "yes", "newsroom: setting NEWSROOM_ADMIN must be True or False; got 'yes'"),
    ("NEWSROOM_ADMIN_BACKEND", "github", "newsroom: setting NEWSROOM_ADMIN_BACKEND must be Decap's backend, e.g. "
                                          "{'name': 'github', 'repo': 'owner/name', 'branch': 'main'}; got 'github'"),
    ("NEWSROOM_ADMIN_LOCAL", "https://cms.example.org", "newsroom: setting NEWSROOM_ADMIN_LOCAL must be decap-server's "
                                                          "address on this machine, http://127.0.0.1:PORT/api/v1, or None; "
                                                          "got 'https://cms.example.org'"),
])
def test_a_bad_editor_setting_is_named_with_its_value(setting, value, message):
    with pytest.raises(SettingsError) as raised:
        cms.settings_of({setting: value})
    assert str(raised.value) == message


def test_the_model_refuses_a_kind_it_does_not_know():
    with pytest.raises(ValueError, match="kind 'number' is not one of"):
        dataclasses.replace(model.FIELDS[0], kind="number")
