"""Photos in a release's text: found in the converted body, resolved to a path under content/,
and put back as the variants the build made."""

from __future__ import annotations

import pytest

from newsroom import bodyimages
from newsroom.bodyimages import BodyImage


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("images/2018/a.jpg", "images/2018/a.jpg"),
        ("/images/2018/a.jpg", "images/2018/a.jpg"),
        ("{static}/images/2018/a.jpg", "images/2018/a.jpg"),
        ("{static}images/2018/a.jpg", "images/2018/a.jpg"),
        ("|static|/images/2018/a.jpg", "images/2018/a.jpg"),
        ("../../images/2018/a.jpg", "images/2018/a.jpg"),  # relative to content/releases/2018/
        ("a.jpg", "releases/2018/a.jpg"),
        ("images/2018/my%20photo.jpg", "images/2018/my photo.jpg"),
        ("../../../etc/passwd", "../../../etc/passwd"),  # leaves content/: kept as written, refused by inspect
        ("https://tracker.example/p.gif", "releases/2018/https:/tracker.example/p.gif"),
    ],
)
def test_resolve(written: str, expected: str) -> None:
    assert bodyimages.resolve(written, "releases/2018") == expected


def test_extract_replaces_each_image_by_a_placeholder_in_order() -> None:
    html = '<p>One <img alt="First" src="images/a.jpg"> two</p>\n<p><img src="/images/b.png" alt="Second &amp; last" /></p>'
    body, found = bodyimages.extract(html, "releases/2018", lambda written: {"images/a.jpg": 7}.get(written))
    assert body == "<p>One <!--newsroom-image-0--> two</p>\n<p><!--newsroom-image-1--></p>"
    assert found == (BodyImage("images/a.jpg", "First", "images/a.jpg", 7), BodyImage("images/b.png", "Second & last", "/images/b.png", None))


def test_extract_leaves_a_body_without_images_as_it_is() -> None:
    html = "<p>No photo here: &lt;img src=x&gt; is text.</p>"
    assert bodyimages.extract(html, "releases/2018") == (html, ())


def test_fill_puts_each_images_markup_in_its_place() -> None:
    images = (BodyImage("images/a.jpg", "A", "images/a.jpg"), BodyImage("images/b.jpg", "B", "images/b.jpg"))
    body = "<p><!--newsroom-image-0--></p><p><!--newsroom-image-1--></p>"
    assert bodyimages.fill(body, images, lambda image: f"<picture>{image.alt}</picture>") == "<p><picture>A</picture></p><p><picture>B</picture></p>"
