"""`./dev serve`'s choice of not-found page: the nearest, as Cloudflare Pages chooses it."""

from __future__ import annotations

import pytest

from newsroom.server import not_found_page


@pytest.mark.parametrize(("url", "expected"), [
    ("/ka/news/gone/", "ka/404.html"),
    ("/en/news/gone/?q=1#top", "en/404.html"),
    ("/%6Ba/gone", "ka/404.html"),
    ("/fr/gone/", "404.html"),  # no such folder
    ("/images/gone.png", "404.html"),  # a folder without a 404 page of its own
    ("/gone.html", "404.html"),
    ("/", "404.html"),
    ("/../../etc/passwd", "404.html"),
])
def test_the_nearest_not_found_page(tmp_path, url, expected):
    for page in ("404.html", "en/404.html", "ka/404.html"):
        (tmp_path / page).parent.mkdir(exist_ok=True)
        (tmp_path / page).write_text(page)
    (tmp_path / "images").mkdir()
    assert not_found_page(tmp_path, url) == tmp_path / expected


def test_no_not_found_page(tmp_path):
    assert not_found_page(tmp_path, "/en/gone/") is None
