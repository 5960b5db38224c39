"""Responsive image variants: which widths, which formats, named by content, encoded once."""

from __future__ import annotations

import pytest
from PIL import Image

from newsroom import images


@pytest.mark.parametrize("width, expected", [
    (2000, (480, 800, 1200)),
    (1200, (480, 800, 1200)),
    (1000, (480, 800, 1000)),
    (800, (480, 800)),
    (481, (480, 481)),
    (300, (300,)),
])
def test_widths_never_upscale(width, expected):
    assert images.widths_for(width) == expected


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "content" / "images" / "visit.jpg"
    path.parent.mkdir(parents=True)
    Image.new("RGB", (1000, 750), (30, 90, 160)).save(path, "JPEG")
    return path


def test_a_picture_has_avif_webp_and_jpeg_variants_with_their_real_sizes(photo, tmp_path):
    cache = tmp_path / "cache"
    picture = images.picture(photo, "images/visit.jpg", cache)
    assert [source.mime for source in picture.sources] == ["image/avif", "image/webp"]
    assert picture.fallback.mime == "image/jpeg"
    assert (picture.width, picture.height) == (1000, 750)
    for url in picture.files():
        with Image.open(cache / url) as variant:
            width = int(url.rsplit("-", 1)[1].split(".")[0])
            assert variant.size == (width, round(750 * width / 1000))
            assert variant.format == {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}[url.rsplit(".", 1)[1]]


def test_variant_names_change_with_the_content_and_are_encoded_once(photo, tmp_path):
    cache = tmp_path / "cache"
    first = images.picture(photo, "images/visit.jpg", cache)
    stamps = {url: (cache / url).stat().st_mtime_ns for url in first.files()}
    assert images.picture(photo, "images/visit.jpg", cache) == first
    assert {url: (cache / url).stat().st_mtime_ns for url in first.files()} == stamps
    Image.new("RGB", (1000, 750), (200, 20, 20)).save(photo, "JPEG")
    assert set(images.picture(photo, "images/visit.jpg", cache).files()).isdisjoint(first.files())


def test_copy_into_puts_every_variant_in_the_output(photo, tmp_path):
    cache, output = tmp_path / "cache", tmp_path / "output"
    picture = images.picture(photo, "images/visit.jpg", cache)
    images.copy_into(output, cache, [picture])
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*.*")) == sorted(picture.files())
