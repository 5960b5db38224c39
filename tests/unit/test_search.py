"""Which pages Pagefind reads: the release pages, found from ARTICLE_URL."""

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
