"""Responsive lead images: resized AVIF, WebP and original-format variants made with Pillow.

Variant names carry a hash of the source, so hosts may cache them forever. Encoded files are kept
in Pelican's cache folder and copied into each build, so an unchanged image is encoded once.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

WIDTHS = (480, 800, 1200)
# (format, extension, MIME type, Pillow save options), best first
MODERN = (
    ("AVIF", "avif", "image/avif", {"quality": 55, "speed": 8}),
    ("WEBP", "webp", "image/webp", {"quality": 78, "method": 4}),
)
FALLBACK = {"JPEG": ("jpg", "image/jpeg", {"quality": 82, "optimize": True, "progressive": True}),
            "PNG": ("png", "image/png", {"optimize": True})}
FOLDER = "images/sized"


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


def widths_for(width: int) -> tuple[int, ...]:
    """The standard widths below the original's, then the original's (at most the largest)."""
    top = min(width, WIDTHS[-1])
    return tuple(w for w in WIDTHS if w < top) + (top,)


def picture(source: Path, src: str, cache: Path) -> Picture:
    """Make (or reuse from `cache`) every variant of one image; URLs are relative to the site root."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    stem = Path(src).stem
    with Image.open(source) as image:
        image.load()
        width, height = image.size
        fallback_format = "PNG" if image.format == "PNG" or image.mode in ("RGBA", "LA", "P") else "JPEG"
        sizes = widths_for(width)
        sources = []
        for fmt, ext, mime, options in (*MODERN, (fallback_format, *FALLBACK[fallback_format])):
            srcset = []
            for w in sizes:
                name = f"{FOLDER}/{stem}-{digest}-{w}.{ext}"
                target = cache / name
                if not target.exists():
                    _encode(image, w, round(height * w / width), fmt, options, target)
                srcset.append((name, w))
            sources.append(Source(mime, tuple(srcset)))
    final_height = round(height * sizes[-1] / width)
    return Picture(tuple(sources[:-1]), sources[-1], sizes[-1], final_height)


def _encode(image: Image.Image, width: int, height: int, fmt: str, options: dict, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    resized = image.resize((width, height), Image.Resampling.LANCZOS) if width != image.width else image.copy()
    if fmt == "JPEG" and resized.mode not in ("RGB", "L"):
        resized = resized.convert("RGB")
    partial = target.with_suffix(target.suffix + ".part")
    resized.save(partial, fmt, **options)
    partial.replace(target)


def files(cache: Path, pictures: list[Picture]) -> list[tuple[str, Path]]:
    """Every variant of these pictures: (its name in the site, its encoded file in `cache`)."""
    return [(name, cache / name) for name in sorted({name for item in pictures for name in item.files()})]


def copy_into(output: Path, cache: Path, pictures: list[Picture]) -> None:
    for name, source in files(cache, pictures):
        destination = output / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
