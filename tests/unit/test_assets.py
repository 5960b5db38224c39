"""Fingerprinted theme assets: the name follows the content."""

from __future__ import annotations

import pytest

from newsroom import assets
from newsroom.errors import ThemeError


def test_the_fingerprint_is_a_hash_of_the_content():
    first = assets.fingerprinted("css/site.css", b"body{}")
    assert first.startswith("css/site.") and first.endswith(".css") and len(first) == len("css/site.0123456789.css")
    assert assets.fingerprinted("css/site.css", b"body{}") == first
    assert assets.fingerprinted("css/site.css", b"body{color:red}") != first


def test_stylesheets_and_scripts_are_published_under_their_fingerprint_the_rest_as_is(tmp_path):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "js").mkdir()
    (static / "css" / "site.css").write_text("body{}")
    (static / "js" / "search.js").write_text("run()")
    (static / "fonts").mkdir()
    (static / "fonts" / "georgian.woff2").write_bytes(b"font")
    published = assets.Assets(static, "theme")
    published.write(tmp_path / "output")
    written = sorted(p.relative_to(tmp_path / "output").as_posix() for p in (tmp_path / "output").rglob("*.*"))
    assert written == sorted([published.url("css/site.css"), published.url("js/search.js"), "theme/fonts/georgian.woff2"])
    assert (tmp_path / "output" / published.url("css/site.css")).read_text() == "body{}"


def test_other_files_keep_their_names_and_a_missing_file_is_an_error(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "georgian.1a2b.woff2").write_bytes(b"font")
    published = assets.Assets(tmp_path, "theme")
    assert published.url("fonts/georgian.1a2b.woff2") == "theme/fonts/georgian.1a2b.woff2"
    with pytest.raises(ThemeError) as failure:
        published.url("css/none.css")
    assert str(failure.value) == (f"newsroom: a template asks for the theme file 'css/none.css', which is not in {tmp_path}; "
                                  "add the file or correct the template")
