"""Make the theme's Georgian webfont: Noto Sans Georgian, subset to the Georgian script, as WOFF2.

The source is Debian's fonts-noto-core (static Regular and Bold TTFs, version 2.001). The subset
keeps the three Georgian blocks (Asomtavruli and Nuskhuri, Mkhedruli, Mtavruli, Nuskhuri
supplement) and the few other characters of Georgian text the font draws: the hyphen U+2010,
the Armenian full stop U+0589 that old Georgian typesetting uses, and the lari sign ₾ U+20BE.
Latin letters, digits and common punctuation stay with the reader's system font, so English pages
never need this file except for the word ქართული in the language switcher.

Each file is named by the hash of its content (`noto-sans-georgian-400.1a2b3c4d5e.woff2`), so
hosts may cache it for a year. theme/static/css/site.css (@font-face) and
theme/templates/partials/files.html (preload) name the files; this script prints the new names to
put there when they change. Run it from the repository root:

    .venv/bin/pip install fonttools brotli   # only to run this script; the build does not need them
    .venv/bin/python theme/fonts/subset.py

The output is byte-for-byte reproducible from the same source files and fontTools version.
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parents[1] / "static" / "fonts"
FACES = {400: "NotoSansGeorgian-Regular.ttf", 700: "NotoSansGeorgian-Bold.ttf"}
# Kept in step with `unicode-range` of the @font-face rules in theme/static/css/site.css.
UNICODE_RANGE = "U+10A0-10FF, U+1C90-1CBF, U+2D00-2D2F, U+0589, U+2010, U+20BE"


def codepoints(unicode_range: str) -> list[int]:
    """'U+10A0-10FF, U+0589' → every code point in those ranges."""
    points: list[int] = []
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points += range(int(first, 16), int(last or first, 16) + 1)
    return points


def make(source: Path) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep every OpenType feature the Georgian shaping uses
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # ttfautohint instructions are a third of the file; browsers rarely use them
    font = TTFont(source, recalcTimestamp=False)  # the source's own date: a reproducible file
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints(UNICODE_RANGE))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.glob("noto-sans-georgian-*.woff2"):
        old.unlink()
    for weight, name in FACES.items():
        data = make(SOURCE / name)
        digest = hashlib.sha256(data).hexdigest()[:10]
        target = TARGET / f"noto-sans-georgian-{weight}.{digest}.woff2"
        target.write_bytes(data)
        print(f"{target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}  {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
