"""The strict build with the browser editor on (NEWSROOM_ADMIN): /admin/ is published with Decap's
bundle, its configuration and its own policy, and is on no list, feed, sitemap or search index.
Off (every build but `./dev cms` and publishing with the editor), there is no /admin/ at all.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, ROOTS, build
from newsroom import cms
from newsroom.errors import ThemeError

BUNDLE = ROOT / "admin" / "node_modules" / "decap-cms" / "dist"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (BUNDLE / "decap-cms.js").is_file():
        pytest.fail("Decap CMS is not installed: run `npm ci` in admin/ (./dev test does)")
    output = tmp_path_factory.mktemp("editor") / "output"
    return build(ROOTS / "bilingual" / "content", output, NEWSROOM_ADMIN=True)


def test_the_editor_is_published_with_its_bundle_configuration_and_script(site):
    admin = site / "admin"
    assert (admin / "decap-cms.js").read_bytes() == (BUNDLE / "decap-cms.js").read_bytes()
    chunks = sorted(path.name for path in BUNDLE.glob("*.decap-cms.js"))
    assert chunks and sorted(path.name for path in admin.glob("*.decap-cms.js")) == chunks
    assert (admin / cms.SCRIPT).read_bytes() == (ROOT / "admin" / cms.SCRIPT).read_bytes()
    config = json.loads((admin / "config.yml").read_text(encoding="utf-8"))
    partners = next(field for field in config["collections"][0]["fields"] if field["name"] == "partners")
    assert {option["value"] for option in partners["options"]} >= {"eu"}


def test_the_editor_page_says_noindex_carries_its_policy_and_previews_with_the_sites_stylesheet(site):
    page = BeautifulSoup((site / "admin" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert policy == cms.policy(ROOT / "theme", cms.settings_of({}))
    stylesheet = page.find("script", src=cms.SCRIPT)["data-preview-style"]
    assert re.fullmatch(r"\.\./theme/css/site\.[0-9a-f]{10}\.css", stylesheet)
    assert (site / "admin" / stylesheet).resolve().is_file()


def test_the_headers_file_tells_hosts_not_to_index_the_editor(site):
    rules = (site / "_headers").read_text(encoding="utf-8")
    assert re.search(r"^/admin/\*\n(  .*\n)*  X-Robots-Tag: noindex, nofollow$", rules, re.MULTILINE)


def test_no_list_feed_sitemap_or_search_index_names_the_editor(site):
    for path in site.rglob("*"):
        if path.is_file() and "admin" not in path.relative_to(site).parts and path.suffix in (".html", ".xml", ".json"):
            assert "/admin" not in path.read_text(encoding="utf-8"), path
    indexed = [path for path in (site / "pagefind").rglob("*") if path.is_file()]
    assert indexed and not any("admin" in path.name for path in indexed)


def test_without_the_setting_there_is_no_editor(tmp_path):
    output = build(ROOTS / "bilingual" / "content", tmp_path / "output")
    assert not (output / "admin").exists()


def test_the_setting_on_without_the_bundle_stops_the_build_and_says_how_to_install_it(tmp_path):
    shutil.copytree(ROOTS / "bilingual" / "content", tmp_path / "content")
    with pytest.raises(ThemeError) as raised:
        build(tmp_path / "content", tmp_path / "output", NEWSROOM_ADMIN=True, NEWSROOM_ADMIN_BUNDLE=str(tmp_path / "none"))
    assert str(raised.value) == (f"newsroom: NEWSROOM_ADMIN is on but Decap CMS is not installed in {tmp_path / 'none'}; "
                                 "run `npm ci` in admin/ (./dev cms does), or turn NEWSROOM_ADMIN off")
    assert not (tmp_path / "output").exists()
