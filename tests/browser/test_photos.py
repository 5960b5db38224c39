"""Photos as readers get them: upright, without what the camera knew, and only those of what is
published. IOM photographs migrants: a photo's GPS position or a draft's photo must never leak."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from checks.builtsite import BuiltSite, serve
from conftest import ROOTS, build

SECRETS = (b"Exif", b"GPS", b"http://ns.adobe.com/xap/1.0/", b"Photoshop 3.0", b"Photographer Name", b"Shelter B")


def phone_photo(path, colour=(200, 0, 0)) -> None:
    """Taken sideways (EXIF orientation 6: turn 90° clockwise to show), its left half `colour`,
    which is the top once upright; with who took it and where in its metadata."""
    image = Image.new("RGB", (1600, 1000), "white")
    image.paste(colour, (0, 0, 800, 1000))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x013B] = "Photographer Name"
    exif.get_ifd(0x8825).update({1: "N", 2: (41.0, 43.0, 0.0), 3: "E", 4: (44.0, 47.0, 0.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
    image.save(path, "JPEG", exif=exif, comment=b"Shelter B, room 12", xmp=xmp)


def lead_image(release, src: str, alt: str) -> None:
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("---\n", f"---\nimage: {{src: {src}, alt: {alt}}}\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def photographed(tmp_path_factory) -> BuiltSite:
    """The fixture with phone photos: one on a published release, one on the draft, one on the
    embargoed release; built strictly, as published."""
    www = tmp_path_factory.mktemp("photos")
    content = shutil.copytree(ROOTS / "bilingual" / "content", www / "content")
    releases = content / "releases"
    for name, folder, colour in (("published", "2018/2018-06-06-eu-tablets.en.md", (200, 0, 0)),
                                 ("draft-only", "2019/2019-01-10-unfinished.en.md", (0, 200, 0)),
                                 ("embargoed-only", "embargoed/embargoed.en.md", (0, 0, 200))):
        phone_photo(content / "images" / f"{name}.jpg", colour)
        lead_image(releases / folder, f"images/{name}.jpg", "A photo")
    with serve(www) as origin:
        build(content, www / "site", "publishconf.py", SITEURL=f"{origin}/site")
        yield BuiltSite(www / "site", f"{origin}/site")


def test_no_file_of_the_site_carries_what_the_camera_knew(photographed):
    files = photographed.files("*")
    assert any(path.suffix in (".jpg", ".webp", ".avif") for path in files)
    leaks = [(photographed.relative(path), secret) for path in files for secret in SECRETS if secret in path.read_bytes()]
    assert leaks == []


def test_no_original_and_nothing_of_a_draft_or_an_embargoed_release_is_published(photographed):
    names = [photographed.relative(path) for path in photographed.files("*")]
    # resized photos, and the share pictures the build draws of titles: never an original
    assert not [name for name in names if name.startswith("images/") and not name.startswith(("images/sized/", "images/share/"))]
    assert [name for name in names if name.startswith("images/sized/published-")]
    assert not [name for name in names if "draft-only" in name or "embargoed-only" in name or "unfinished" in name or "embargoed" in name]


def test_a_photo_taken_sideways_shows_upright(photographed, visit):
    page = visit.open(f"{photographed.siteurl}/en/news/eu-tablets/")
    image = page.locator(".release__image img")
    box = image.bounding_box()
    assert box["height"] > box["width"], box  # portrait, as the camera was held
    shot = Image.open(io.BytesIO(image.screenshot())).convert("RGB")
    top, bottom = shot.getpixel((shot.width // 2, shot.height // 10)), shot.getpixel((shot.width // 2, shot.height * 9 // 10))
    assert top[0] > 150 and top[1] < 80, top  # red on top
    assert min(bottom) > 200, bottom  # white below
