"""Which pages Pagefind reads: the release pages, found from ARTICLE_URL."""

import gzip
import json

import pytest

from newsroom import search


@pytest.mark.parametrize("article_url, glob", [
    ("{lang}/news/{slug}/", "*/news/*/index.html"),
    ("{lang}/{date:%Y}/{slug}/", "*/*/*/index.html"),
])
def test_the_glob_matches_release_pages(article_url, glob):
    assert search.pages_glob(article_url) == glob


def test_the_digest_follows_the_pages(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("one")
    first = search.digest(tmp_path)
    (tmp_path / "en" / "index.html").write_text("two")
    assert search.digest(tmp_path) != first


def bundle(site, **changes):
    """A Pagefind bundle as Pagefind 1.5 writes it (its gzipped files gzipped), with `changes`:
    a name → bytes to write instead, or None to leave that file out."""
    entry = {"version": "1.5.2", "languages": {"en": {"hash": "en_1a2b", "wasm": "en", "page_count": 2},
                                               "ka": {"hash": "ka_3c4d", "wasm": None, "page_count": 1}}}
    files = {
        "pagefind.js": b"const pagefind = 1;",
        "pagefind-entry.json": json.dumps(entry).encode(),
        "pagefind.en_1a2b.pf_meta": gzip.compress(b"meta en"),
        "pagefind.ka_3c4d.pf_meta": gzip.compress(b"meta ka"),
        "wasm.en.pagefind": gzip.compress(b"wasm"),
        "index/en_1.pf_index": gzip.compress(b"index en"),
        "fragment/en_1.pf_fragment": gzip.compress(b"fragment"),
    }
    files.update(changes)
    for name, data in files.items():
        if data is not None:
            (site / "pagefind" / name).parent.mkdir(parents=True, exist_ok=True)
            (site / "pagefind" / name).write_bytes(data)
    return site


@pytest.mark.parametrize("changes, problems", [
    ({}, []),
    ({"pagefind.js": None, "pagefind-entry.json": None}, ["pagefind/pagefind.js is missing", "pagefind/pagefind-entry.json is missing"]),
    ({"pagefind.js": b"", "fragment/en_1.pf_fragment": b""}, ["pagefind/pagefind.js is empty", "pagefind/fragment/en_1.pf_fragment is empty"]),
    ({"index/en_1.pf_index": gzip.compress(b"index en")[:-3]}, ["pagefind/index/en_1.pf_index is cut short"]),
    ({"pagefind-entry.json": b'{"version": "1.5.2", "lang'}, ["pagefind/pagefind-entry.json is not Pagefind's list of indexes"]),
    ({"pagefind.ka_3c4d.pf_meta": None}, ["pagefind/pagefind.ka_3c4d.pf_meta is missing"]),
    ({"pagefind-entry.json": b'{"languages": {"en": {"hash": "en_1a2b"}}}'}, ["pagefind/ has no index for 'ka'"]),
], ids=["whole", "nothing", "empty", "cut", "entry-cut", "meta-missing", "language-missing"])
def test_pagefinds_bundle_is_checked_file_by_file(tmp_path, changes, problems):
    """Pagefind's exit code is not enough: on a full disk it leaves empty files and exits 0."""
    assert search.bundle_problems(bundle(tmp_path, **changes), ["en", "ka"]) == problems
