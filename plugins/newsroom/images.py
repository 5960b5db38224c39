"""Published images: `inspect` checks a source under content/images/ (one line says what is wrong),
`picture` makes its resized AVIF/WebP/JPEG/PNG variants: upright, in sRGB, and without the metadata
that says where a photo was taken and who took it. Only variants are published. Their names carry a
hash of the source and of how it was encoded, so hosts may cache them forever; they are kept in
Pelican's cache folder and copied into each build."""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import shutil
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import ExifTags, Image, ImageOps

try:
    from PIL import ImageCms
except ImportError:  # Pillow built without LittleCMS: profiles are dropped, not applied
    ImageCms = None

PIPELINE = 2  # in every variant's name: bump it when the code below makes different pixels or bytes
WIDTHS = (480, 800, 1200)
FORMATS = ("JPEG", "PNG", "WEBP")  # what a source may be, as Pillow detects it (never by its name)
MAX_BYTES = 20_000_000  # a camera's full-size JPEG is 5–15 MB
MAX_PIXELS = 50_000_000  # a 50-megapixel phone photo; decoded, it takes 150–200 MB of memory
FOLDER = "images/sized"


@dataclass(frozen=True)
class Encoding:
    format: str  # Pillow's name
    ext: str
    mime: str
    options: dict  # given to Image.save; never exif, xmp or icc_profile


AVIF = Encoding("AVIF", "avif", "image/avif", {"quality": 55, "speed": 8})
WEBP = Encoding("WEBP", "webp", "image/webp", {"quality": 78, "method": 4})
WEBP_LOSSLESS = Encoding("WEBP", "webp", "image/webp", {"lossless": True})
JPEG = Encoding("JPEG", "jpg", "image/jpeg", {"quality": 82, "optimize": True, "progressive": True})
PNG = Encoding("PNG", "png", "image/png", {"optimize": True})


@dataclass(frozen=True)
class Recipe:
    """One kind of image: the widths and formats it is published in, and how messages name it."""

    noun: str
    example: str  # a good path, shown in messages
    fix: str  # what to do with a file of another type
    widths: tuple[int, ...]
    modern: tuple[Encoding, ...]  # best first: a browser takes the first it supports
    fallback: Encoding  # PNG anyway for a PNG or a transparent source


PHOTO = Recipe("photo", "images/2018/conference.jpg", "export it as JPEG", WIDTHS, (AVIF, WEBP), JPEG)
# shown in a 48×48 box on cards and a 144×72 box on the partner's page: both at 1× and 2×
LOGO = Recipe("logo", "images/partners/eu.png", "give the logo as PNG", (48, 96, 144, 288), (WEBP_LOSSLESS,), PNG)

# what else a file may be, told by how it begins, to name it in the message (refused all the same)
OTHER = (
    (rb"....ftyp.{0,24}avi[fs]", "an AVIF image"),
    (rb"....ftyp.{0,24}(hei[cxms]|hev[cx]|mif1|msf1)", "a HEIC photo (an iPhone's format)"),
    (rb"....ftyp", "a video"),
    (rb"GIF8", "a GIF image"),
    (rb"II\*\x00|MM\x00\*", "a TIFF image"),
    (rb"8BPS", "a Photoshop file"),
    (rb"%PDF", "a PDF document"),
)


@dataclass(frozen=True)
class Source:
    mime: str
    srcset: tuple[tuple[str, int], ...]  # (URL relative to the site root, width)


@dataclass(frozen=True)
class Picture:
    """What a template needs for <picture>: modern sources, a fallback, the intrinsic size."""

    sources: tuple[Source, ...]
    fallback: Source
    width: int
    height: int

    @property
    def src(self) -> str:
        return self.fallback.srcset[-1][0]

    def files(self) -> list[str]:
        return [url for source in (*self.sources, self.fallback) for url, _ in source.srcset]


def inspect(content: Path, src: str, recipe: Recipe = PHOTO, *,
            max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> Path | str:
    """The file `src` (a path from `content`) names, or one line saying what is wrong and the fix."""
    shown, noun, example = f"'{src}'", recipe.noun, recipe.example
    outside = (f"{shown} is outside content/images/; put the {noun} in content/images/ "
               f"and give its path from content/, e.g. {example}")
    enough = f"export it smaller ({recipe.widths[-1]} pixels wide is enough)"
    if not src.strip():
        return f"missing; give the {noun}'s path from content/, e.g. {example}"
    if re.search(r"[\x00-\x1f\x7f]", src):
        return f"{src!r} has a control character in it; give the path on one line, e.g. {example}"
    if "\\" in src:
        return f"{shown} has a backslash; separate folders with /, e.g. {example}"
    if "://" in src:
        return f"{shown} is a web address; save the {noun} in content/images/ and give its path from content/, e.g. {example}"
    if src.startswith("/") or re.match(r"[A-Za-z]:", src):
        return f"{shown} is an absolute path; give the path from content/, e.g. {example}"
    if ".." in src.split("/"):
        normal = posixpath.normpath(src)
        return f"{shown} has '..' in it; write it as '{normal}'" if normal.startswith("images/") else outside
    if PurePosixPath(src).parts[:1] != ("images",):
        return outside

    missing = f"{shown} does not exist under content/; check the spelling, or add the {noun} to content/images/"
    try:
        path = (content / src).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return missing
    if not path.is_relative_to((content / "images").resolve()):
        return f"{shown} is a link to a place outside content/images/; copy the {noun} itself into content/images/"
    try:
        status = path.stat()
    except FileNotFoundError:
        return missing
    except OSError as error:
        return f"{shown} cannot be read ({error.strerror}); check the file's permissions"
    if stat.S_ISDIR(status.st_mode):
        return f"{shown} is a folder; give the path of a {noun} in it, e.g. {example}"
    if not stat.S_ISREG(status.st_mode):
        return f"{shown} is not a regular file; put the {noun} itself in content/images/"
    if status.st_size > max_bytes:
        return f"{shown} is {_megabytes(status.st_size)}, more than the limit of {_megabytes(max_bytes)}; {enough}"

    damaged = f"{shown} is damaged or incomplete; copy or export it again from the original"
    limit = f"more than the limit of {max_pixels / 1_000_000:g} megapixels; {enough}"
    with open(path, "rb") as file, warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # refused below, by our own limit
        try:
            image = Image.open(file, formats=FORMATS)
        except Image.DecompressionBombError:
            return f"{shown} is over {2 * Image.MAX_IMAGE_PIXELS // 1_000_000} megapixels, {limit}"
        except Exception:  # not an image Pillow may read, or a header no decoder could make sense of
            file.seek(0)
            head = file.read(1024)
            ours = head.startswith((b"\xff\xd8", b"\x89PNG")) or head[:4] + head[8:12] == b"RIFFWEBP"
            return damaged if ours else f"{shown} is {_what(head)}; {recipe.fix}"
        with image:
            if image.width * image.height > max_pixels:
                return f"{shown} is {image.width} × {image.height} pixels, {limit}"
            try:  # decoded at 1/8 of the size where the format allows (JPEG): a cut-off file shows all the same
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
                image.getexif()
            except Exception:  # whatever a decoder raises on a damaged file, never a traceback
                return damaged
    return path


def _what(head: bytes) -> str:
    """What a file Pillow does not read as JPEG, PNG or WebP is, in words, from its first bytes."""
    if not head:
        return "an empty file"
    for pattern, name in OTHER:
        if re.match(pattern, head, re.DOTALL):
            return name
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:  # a character cut in two at the end is still text
        text = head[:error.start].decode("utf-8") if error.start > len(head) - 4 else None
    if text is None or "\x00" in text:
        return "not a JPEG, PNG or WebP image"
    return "an SVG drawing, which can carry script" if "<svg" in text.lower() else "a text file, not an image"


def _megabytes(size: int) -> str:
    return f"{-(-size // 100_000) / 10:g} MB"  # rounded up: 20.01 MB is shown as 20.1, not 20


def widths_for(width: int, widths: tuple[int, ...] = WIDTHS) -> tuple[int, ...]:
    """The standard widths below the original's, then the original's (at most the largest)."""
    top = min(width, widths[-1])
    return tuple(w for w in widths if w < top) + (top,)


def picture(source: Path, src: str, cache: Path, recipe: Recipe = PHOTO) -> Picture:
    """Make (or reuse from `cache`) every variant of one inspected image; URLs are relative to the site root."""
    data = source.read_bytes()
    stem = re.sub(r"[^A-Za-z0-9_]+", "-", PurePosixPath(src).stem).strip("-")[:60] or recipe.noun
    with Image.open(io.BytesIO(data), formats=FORMATS) as image:
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        width, height = image.size[::-1] if orientation in (5, 6, 7, 8) else image.size
        fallback = PNG if image.format == "PNG" or image.has_transparency_data else recipe.fallback
        encodings = (*recipe.modern, fallback)
        digest = hashlib.sha256(repr((PIPELINE, encodings)).encode() + data).hexdigest()[:10]
        sizes = widths_for(width, recipe.widths)
        height_at = {w: max(1, round(height * w / width)) for w in sizes}
        names = [[(f"{FOLDER}/{stem}-{digest}-{w}.{encoding.ext}", w) for w in sizes] for encoding in encodings]
        upright = None  # decoded only when a variant is missing
        for encoding, srcset in zip(encodings, names):
            for name, w in srcset:
                if not (cache / name).exists():
                    if upright is None:
                        upright = _bare(image)
                    with written(cache / name) as part:
                        _encode(upright, w, height_at[w], encoding, part)
    sources = tuple(Source(encoding.mime, tuple(srcset)) for encoding, srcset in zip(encodings, names))
    return Picture(sources[:-1], sources[-1], sizes[-1], height_at[sizes[-1]])


def _bare(image: Image.Image) -> Image.Image:
    """The pixels alone: upright, in sRGB, RGB or RGBA, with no EXIF, XMP, IPTC, comment or profile."""
    mode = "RGBA" if image.has_transparency_data else "RGB"
    profile = image.info.get("icc_profile")
    ImageOps.exif_transpose(image, in_place=True)
    if image.mode.startswith("I"):  # 16-bit grey: scaled to 8 bits, not clipped to white
        image = image.point(lambda value: value / 257).convert("L")
    if image.mode not in ("CMYK", "L"):  # a profile's own colour space: CMYK and grey are converted by it
        image = image.convert(mode)
    if profile and ImageCms is not None:
        try:  # applied even when it says sRGB: a profile's name is free text
            image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                              ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken or unusual profile: the pixels are kept as they are
    image = image.convert(mode) if image.mode != mode else image
    image.info = {}  # what Pillow read from the file; some encoders copy it from here
    return image


def _encode(image: Image.Image, width: int, height: int, encoding: Encoding, target: Path) -> None:
    resized = image.resize((width, height), Image.Resampling.LANCZOS) if width != image.width else image
    resized.save(target, encoding.format, **encoding.options)


@contextmanager
def written(target: Path) -> Iterator[Path]:
    """A temporary name to write, renamed to `target` once whole; errors (a full disk) propagate."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        yield partial
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def files(cache: Path, pictures: list[Picture]) -> list[tuple[str, Path]]:
    """Every variant of these pictures: (its name in the site, its encoded file in `cache`)."""
    return [(name, cache / name) for name in sorted({name for item in pictures for name in item.files()})]


def copy_into(output: Path, cache: Path, pictures: list[Picture]) -> None:
    for name, source in files(cache, pictures):
        with written(output / name) as part:
            shutil.copyfile(source, part)
