"""Share pictures: a 1200×630 picture for a release without a lead photo, so a link to it shared on
Facebook or X shows a large card: the title in the release's language, the organisation's mark and
the site's name, dark blue on white.

Pillow draws it. It cannot read SVG, so the mark (theme/static/images/mark.*.svg, a 48×48 drawing:
a rounded square and three lines and a chevron with round ends) is drawn here from the same
numbers (`MARK`; a unit test checks them against the SVG). The fonts are Noto Sans Bold for Latin
letters, digits and punctuation, and Noto Sans Georgian Bold for Georgian, both from theme/fonts/
(OFL, Debian's fonts-noto-core): each character is drawn in its script's font.
Lines break only at spaces, never inside a word; a long title is set smaller; letters are never
changed (Georgian Mkhedruli never becomes Mtavruli, nothing is upper-cased).

Every pixel is one of 16 shades from white to the blue, so a picture is drawn as palette indices
and saved as a 4-bit palette PNG. Only the rows that hold the title's letters are drawn and
compressed for each picture: the rows above and below the title, and the blank rows between its
lines, are compressed once and spliced in (see `Span`). About 1 ms and 10–40 KB a picture. Its name
carries a hash of everything that changes its pixels (the title, the site's name, the fonts, the
mark, this module, Pillow's version), so it is made once and kept in Pelican's cache folder, and
hosts may cache it forever.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import struct
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from .errors import ThemeError
from .images import written

WIDTH, HEIGHT = 1200, 630
FOLDER = "images/share"
MARGIN = 80  # left and right
TITLE_TOP, TITLE_BOTTOM = 206, 560  # the title is centred between these
STRIP = (176, 608)  # the rows a title's letters may reach (accents, descenders): drawn for each card
CAP_HEIGHT = 0.78  # of Noto Sans Bold: a capital's height, in font sizes
SIZES = (84, 76, 68, 62, 56, 50, 45, 40, 36, 32)  # the title's font sizes in pixels, tried largest first
LEADING = 1.28  # line height, in font sizes (Georgian letters reach far above and below the line)
MARK_AT, MARK_SIZE = (MARGIN, 64), 88
NAME_SIZE = 30
BAND = 16  # the blue band along the bottom edge
BLUE, WHITE = (0x00, 0x33, 0xA0), (0xFF, 0xFF, 0xFF)  # the theme's --blue (theme/static/css/site.css)
LEVELS = 16  # shades from white to blue: anti-aliased edges need no more; 4 bits a pixel
# zlib's fastest level, matching runs only (Z_RLE, what a picture of flat colour needs): 10–40 KB
# a picture, against 10–30 KB at its best level and 20 times the time; raw deflate (wbits < 0: no
# zlib header or checksum), as `Span`s are spliced into one stream that `zstream` wraps
COMPRESSION = (1, zlib.DEFLATED, -15, 9, zlib.Z_RLE)
ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KB window, fastest level; (0x78 << 8 | 0x01) % 31 == 0, as RFC 1950 wants
LAST_BLOCK = b"\x03\x00"  # an empty final block (fixed codes): what ends a deflate stream
ADLER_BASE = 65521  # adler32's modulus
# rows compressed in one go at most: zlib slides its window (and rehashes) after ~64 KB of input;
# 100 rows of 601 bytes never reach it, which makes a title's rows ~10 % cheaper to compress
SPAN_ROWS = 100
PAD = 2  # blank pixels before each row (see `scanlines`)
ROW = (PAD + WIDTH) // 2  # bytes a row: PNG's filter byte and 1200 pixels at 4 bits

# the mark, in its SVG's 48×48 units: the square, its corner radius, the strokes' width and paths
MARK = {"box": 48, "radius": 9, "stroke": 4.5,
        "paths": (((11, 15), (25, 15)), ((11, 24), (28, 24)), ((11, 33), (22, 33)), ((31, 13), (38, 24), (31, 35)))}

# Asomtavruli, Mkhedruli, Mtavruli, Nuskhuri, and the lari sign ₾, which Noto Sans lacks
GEORGIAN = re.compile("[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f\u20be]")
BREAKS = re.compile(r"[ \t\n\r\u2000-\u200a\u3000]+")  # a space where a line may break (not the no-break space)
ELLIPSIS = "…"


@dataclass(frozen=True)
class Glyph:
    advance: float
    mask: Image.Image | None  # None: nothing to draw (a space)
    offset: tuple[int, int]  # of the mask's top left corner from the pen, on the baseline
    stamp: tuple[object, int, int] | None = None  # what `Painter.text` pastes: the mask's Pillow core image, its size


class Advances(dict):
    """Character → its advance at one size, looked up at C speed (`fit` measures every word at
    several sizes); a character not seen yet is measured once."""

    def __init__(self, measure: Callable[[str], float]):
        super().__init__()
        self.measure = measure

    def __missing__(self, char: str) -> float:
        self[char] = advance = self.measure(char)
        return advance


@dataclass(frozen=True)
class Span:
    """Some rows' scanlines compressed on their own, ready to splice into a PNG's deflate stream.

    A raw deflate compressor flushed with Z_FULL_FLUSH ends its output on a byte boundary (an
    empty stored block) and forgets what it saw, so the blocks it wrote refer to nothing before or
    after them: the spans of consecutive rows, laid end to end, are a valid deflate stream, still to
    be ended by a final block. The zlib stream around it checks the adler32 of all the scanlines;
    a span keeps its rows' adler32 and length, and `adler32_combine` joins them without reading
    the rows again."""

    deflated: bytes
    adler: int  # zlib.adler32 of the rows' scanlines
    length: int  # bytes of scanlines


@dataclass(frozen=True)
class Template:
    """What every card with one site name shares: the rows above the title's strip and those below it."""

    head: Span
    tail: Span


@dataclass(frozen=True)
class Card:
    """One release's share picture: what it shows, and its name in the site (relative to the root)."""

    title: str
    lang: str
    sitename: str
    name: str
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def src(self) -> str:
        return self.name

    def files(self) -> list[str]:
        return [self.name]


def prune(cache: Path, cards: Sequence[Card]) -> None:
    """Remove from the cache the share pictures no release shows any more (a title changed)."""
    keep = {card.name for card in cards}
    for path in (cache / FOLDER).glob("*.png"):
        if f"{FOLDER}/{path.name}" not in keep:
            path.unlink(missing_ok=True)


# -- setting the title: pure ------------------------------------------------------------------------


def is_georgian(char: str) -> bool:
    """A Georgian letter, drawn in Noto Sans Georgian; the rest (Latin, digits, punctuation) in Noto Sans."""
    return GEORGIAN.match(char) is not None


def words(title: str) -> list[str]:
    return [word for word in BREAKS.split(title.strip()) if word]


def wrap(items: Sequence[str], width_of: Callable[[str], float], space: float, limit: float) -> list[list[str]] | None:
    """The words in lines no wider than `limit`, each as full as it can be; None if a word alone
    is wider (a word is never cut)."""
    lines: list[list[str]] = []
    used = 0.0
    for word in items:
        width = width_of(word)
        if width > limit:
            return None
        if lines and used + space + width <= limit:
            lines[-1].append(word)
            used += space + width
        else:
            lines.append([word])
            used = width
    return lines


def balance(items: Sequence[str], width_of: Callable[[str], float], space: float, limit: float) -> list[list[str]] | None:
    """`wrap`, then the narrowest measure that needs no more lines, so the lines come out about
    as long as each other (CSS's `text-wrap: balance`): no last line with a word alone."""
    lines = wrap(items, width_of, space, limit)
    if lines is None or len(lines) < 2:
        return lines
    low, high = max(width_of(word) for word in items), limit  # at `low` every word fits, maybe in more lines
    while high - low > 1:
        middle = (low + high) / 2
        if len(wrap(items, width_of, space, middle) or lines + [[]]) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(items, width_of, space, high)


def fit(title: str, width_of: Callable[[str, int], float], sizes: Sequence[int] = SIZES,
        limit: float = WIDTH - 2 * MARGIN, height: float = TITLE_BOTTOM - TITLE_TOP) -> tuple[int, list[str]]:
    """The largest size at which the whole title fits in `limit` × `height`, and its lines. A title
    too long even at the smallest size is set there up to the last whole word that fits, then '…'."""
    items = words(title)
    for size in sizes:
        measure = {word: width_of(word, size) for word in items}.__getitem__  # each word once: `balance` wraps ~10 times
        lines = wrap(items, measure, width_of(" ", size), limit)
        if lines is not None and len(lines) <= rows(size, height):
            lines = balance(items, measure, width_of(" ", size), limit)
            return size, [" ".join(line) for line in lines]
    size = sizes[-1]
    kept: list[str] = []
    for word in items:  # the longest start of the title that fits with an ellipsis after it
        lines = wrap([*kept, word + ELLIPSIS], lambda text: width_of(text, size), width_of(" ", size), limit)
        if lines is None or len(lines) > rows(size, height):
            break
        kept.append(word)
    if not kept:
        return size, []
    kept[-1] += ELLIPSIS
    lines = wrap(kept, lambda text: width_of(text, size), width_of(" ", size), limit) or []
    return size, [" ".join(line) for line in lines]


def rows(size: int, height: float) -> int:
    """How many lines of this size fit in `height`: the last needs only one font size, not a line height."""
    return max(1, 1 + math.floor((height - size) / (size * LEADING)))


def baselines(size: int, count: int) -> list[int]:
    """Where `count` lines of this size stand, centred between TITLE_TOP and TITLE_BOTTOM (from the
    first line's capital height to the last line's baseline)."""
    step = size * LEADING
    first = TITLE_TOP + (TITLE_BOTTOM - TITLE_TOP - size - step * (count - 1)) / 2 + size * CAP_HEIGHT
    return [round(first + index * step) for index in range(count)]


def palette() -> bytes:
    """Shade i of LEVELS, from white (0) to the blue (LEVELS - 1), as PNG's palette: RGB triples."""
    return bytes(round(w + (b - w) * i / (LEVELS - 1)) for i in range(LEVELS) for w, b in zip(WHITE, BLUE))


# -- the PNG file: pure -----------------------------------------------------------------------------


def merge(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges of rows (top, bottom: the first row after) as few as can be: sorted, the empty ones
    left out, those that overlap or touch made one."""
    merged: list[tuple[int, int]] = []
    for top, bottom in sorted(ranges):
        if top >= bottom:
            continue
        if merged and top <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def canvas(height: int) -> Image.Image:
    """A white palette image of `height` rows, two pixels wider than the picture (see `scanlines`)."""
    return Image.new("P", (PAD + WIDTH, height), 0)


def scanlines(image: Image.Image) -> bytes:
    """A `canvas`'s rows as PNG stores them: each row's first two pixels, always white, make the
    byte 0 that PNG wants before a row (its filter type: none), then the row at 4 bits a pixel."""
    return image.tobytes("raw", "P;4")


def deflate(compressor, data: bytes) -> Span:
    """`data` compressed as a `Span` by `compressor` (raw deflate, as COMPRESSION), which is left
    as a new one would be: it may compress the next span, and its output for a span is the same
    whatever it compressed before."""
    return Span(compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH), zlib.adler32(data), len(data))


def adler32_combine(first: int, second: int, length: int) -> int:
    """The adler32 of two pieces of data laid end to end, from each one's and the second's length
    (zlib's adler32_combine, which Python's zlib does not offer). Adler32 is two sums modulo 65521:
    A, 1 plus the bytes, and B, the sum of A after each byte; after the first piece A is one more
    than the bytes so far, which adds `length` × (A₁ − 1) to the second piece's B."""
    a1, b1, a2, b2 = first & 0xFFFF, first >> 16, second & 0xFFFF, second >> 16
    a = (a1 + a2 - 1) % ADLER_BASE
    b = (b1 + b2 + length * (a1 - 1)) % ADLER_BASE
    return b << 16 | a


def zstream(spans: Sequence[Span]) -> bytes:
    """The spans, in order, as one zlib stream (RFC 1950): the header, the spans' deflate blocks
    and a final empty block, then the adler32 of all their scanlines."""
    adler = 1  # of nothing
    for span in spans:
        adler = adler32_combine(adler, span.adler, span.length)
    return b"".join((ZLIB_HEADER, *(span.deflated for span in spans), LAST_BLOCK, struct.pack(">I", adler)))


def png(width: int, height: int, colours: bytes, data: bytes) -> bytes:
    """A 4-bit palette PNG around `data`, its compressed scanlines: no other chunk, so no date."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0)  # 4 bits, palette, deflate, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", colours) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


# -- drawing ----------------------------------------------------------------------------------------


class Painter:
    """Draws share pictures with the theme's fonts and mark. One per build: fonts are opened once."""

    def __init__(self, theme: Path):
        self.fonts_folder = theme / "fonts"
        self.latin_file = self.fonts_folder / "NotoSans-Bold.ttf"
        self.georgian_file = self.fonts_folder / "NotoSansGeorgian-Bold.ttf"
        marks = sorted((theme / "static" / "images").glob("mark.*.svg"))
        self.mark_file = marks[0] if marks else None
        self.fonts: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}
        self.glyphs: dict[tuple[str, int], Glyph] = {}
        self.advances: dict[int, Advances] = {}
        self.templates: dict[str, Template] = {}
        self.blanks: dict[int, Span] = {}  # blank rows of the strip, by their count
        self.scratch: Image.Image | None = None  # the strip, drawn in for each card and wiped after
        self.deflater: object | None = None  # zlib's compressor (COMPRESSION), left fresh after each span
        self._version: str | None = None

    def __getstate__(self) -> dict:
        """What a worker started afresh (not forked) receives: the files, not what was drawn or opened
        with them (FreeType's fonts and zlib's compressors cannot be pickled; the worker opens its own)."""
        return {**self.__dict__, "fonts": {}, "glyphs": {}, "advances": {}, "templates": {}, "blanks": {},
                "scratch": None, "deflater": None}

    @property
    def version(self) -> str:
        """A hash of all that draws a picture besides its text: fonts, mark, this module, Pillow."""
        if self._version is None:
            missing = [path for path in (self.latin_file, self.georgian_file) if not path.is_file()]
            if missing or self.mark_file is None:
                name = missing[0] if missing else self.fonts_folder.parent / "static" / "images" / "mark.<hash>.svg"
                raise ThemeError(f"newsroom: the share pictures need the theme file {name}, which is missing; "
                                 "restore it from the project's history (git checkout -- theme)")
            digest = hashlib.sha256(PIL.__version__.encode())
            for path in (self.latin_file, self.georgian_file, self.mark_file, Path(__file__)):
                digest.update(b"\0" + path.read_bytes())
            self._version = digest.hexdigest()
        return self._version

    def card(self, title: str, lang: str, sitename: str, slug: str) -> Card:
        """The card of one release (a name only: `make` draws it)."""
        title = unicodedata.normalize("NFC", title)  # an accent typed apart is drawn on its letter
        key = hashlib.sha256(repr((self.version, title, lang, sitename)).encode()).hexdigest()[:10]
        stem = re.sub(r"[^A-Za-z0-9_]+", "-", slug).strip("-")[:60] or "release"
        return Card(title, lang, sitename, f"{FOLDER}/{lang}-{stem}-{key}.png")

    def make(self, card: Card, cache: Path) -> None:
        """Draw the card into `cache` unless it is there already (its name says what it shows)."""
        target = cache / card.name
        if not target.exists():
            with written(target) as part:
                part.write_bytes(self.encode(card))

    def encode(self, card: Card) -> bytes:
        """The card as a PNG: the rows above and below the title's strip are the same in every card
        with this site name, and so are the blank rows between the title's lines; only the rows the
        title's letters reach are drawn and compressed for each card (`Span`)."""
        template = self.template(card.sitename)
        return png(WIDTH, HEIGHT, palette(), zstream([template.head, *self.title(card), template.tail]))

    def title(self, card: Card) -> list[Span]:
        """The strip's rows as spans: blank rows compressed once for each count, the rows that hold
        letters compressed here, at most SPAN_ROWS in one go. The letters are drawn on a strip kept
        from card to card (making one costs more than compressing a third of it) and wiped after."""
        if self.scratch is None:
            self.scratch = canvas(STRIP[1] - STRIP[0])
        strip = self.scratch
        try:
            spans: list[Span] = []
            row = 0
            for top, bottom in self.set(strip, card):
                if top > row:
                    spans.append(self.blank(top - row))
                for start in range(top, bottom, SPAN_ROWS):
                    rows = strip.crop((0, start, strip.width, min(start + SPAN_ROWS, bottom)))
                    spans.append(deflate(self.compressor(), scanlines(rows)))
                row = bottom
            if row < strip.height:
                spans.append(self.blank(strip.height - row))
            return spans
        finally:
            strip.paste(0, (0, 0, strip.width, strip.height))

    def strip(self, card: Card) -> Image.Image:
        """The rows from STRIP[0] to STRIP[1], with the title set in them."""
        strip = canvas(STRIP[1] - STRIP[0])
        self.set(strip, card)
        return strip

    def set(self, strip: Image.Image, card: Card) -> list[tuple[int, int]]:
        """Set the title in a blank strip; the ranges of rows its letters reach."""
        size, lines = fit(card.title, self.width_of)
        reached = [self.text(strip, (MARGIN, baseline - STRIP[0]), line, size)
                   for line, baseline in zip(lines, baselines(size, len(lines)))]
        return merge([(max(top, 0), min(bottom, strip.height)) for top, bottom in reached])

    def blank(self, count: int) -> Span:
        """`count` white rows, compressed once."""
        if count not in self.blanks:
            self.blanks[count] = deflate(self.compressor(), bytes(count * ROW))
        return self.blanks[count]

    def compressor(self):
        if self.deflater is None:
            self.deflater = zlib.compressobj(*COMPRESSION)
        return self.deflater

    def draw(self, card: Card) -> Image.Image:
        """The card as Pillow reads it back (for tests and a look)."""
        return Image.open(io.BytesIO(self.encode(card)))

    def template(self, sitename: str) -> Template:
        """White, with the mark and the site's name at the top and the band at the bottom: the rows
        above the title's strip and those below it, compressed."""
        if sitename not in self.templates:
            image = canvas(HEIGHT)
            image.paste(self.mark(), (PAD + MARK_AT[0], MARK_AT[1]))
            image.paste(LEVELS - 1, (PAD, HEIGHT - BAND, PAD + WIDTH, HEIGHT))
            middle = MARK_AT[1] + MARK_SIZE / 2
            self.text(image, (MARK_AT[0] + MARK_SIZE + 24, round(middle + NAME_SIZE * CAP_HEIGHT / 2)), sitename, NAME_SIZE)
            self.templates[sitename] = Template(deflate(self.compressor(), scanlines(image.crop((0, 0, image.width, STRIP[0])))),
                                                deflate(self.compressor(), scanlines(image.crop((0, STRIP[1], image.width, HEIGHT)))))
        return self.templates[sitename]

    def mark(self) -> Image.Image:
        """The mark at MARK_SIZE pixels in the picture's shades, drawn 4× larger and reduced, so its
        edges are smooth."""
        scale = 4
        unit = MARK_SIZE * scale / MARK["box"]
        image = Image.new("L", (MARK_SIZE * scale, MARK_SIZE * scale), 0)
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((0, 0, image.width - 1, image.height - 1), radius=round(MARK["radius"] * unit), fill=255)
        width = MARK["stroke"] * unit
        for path in MARK["paths"]:
            points = [(x * unit, y * unit) for x, y in path]
            draw.line(points, fill=0, width=round(width), joint="curve")
            for x, y in points[:: len(points) - 1]:  # round ends
                draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=0)
        shades = image.reduce(scale).point([round(value * (LEVELS - 1) / 255) for value in range(256)])
        return Image.frombytes("P", shades.size, shades.tobytes())

    def font(self, georgian: bool, size: int) -> ImageFont.FreeTypeFont:
        key = (georgian, size)
        if key not in self.fonts:
            path = self.georgian_file if georgian else self.latin_file
            # the basic layout: the same pixels wherever the build runs (Georgian needs no shaping)
            self.fonts[key] = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
        return self.fonts[key]

    def glyph(self, char: str, size: int) -> Glyph:
        """One character at one size, drawn once per build: FreeType draws a glyph in ~50 µs, a
        picture has ~100 of them, and the same few dozen letters come back in every title."""
        key = (char, size)
        if key not in self.glyphs:
            font = self.font(is_georgian(char), size)
            left, top, right, bottom = font.getbbox(char, anchor="ls")
            mask = None
            if right > left and bottom > top:
                mask = Image.new("L", (right - left, bottom - top), 0)
                ImageDraw.Draw(mask).text((-left, -top), char, fill=255, font=font, anchor="ls")
            stamp = None if mask is None else (mask.im, mask.width, mask.height)
            self.glyphs[key] = Glyph(font.getlength(char), mask, (left, top), stamp)
        return self.glyphs[key]

    def width_of(self, text: str, size: int) -> float:
        if size not in self.advances:
            self.advances[size] = Advances(lambda char: self.glyph(char, size).advance)
        return sum(map(self.advances[size].__getitem__, text))

    def text(self, image: Image.Image, at: tuple[int, int], text: str, size: int) -> tuple[int, int]:
        """One line from its left end (in the picture: `image` is a `canvas`) on its baseline, each
        character in its script's font; the rows it reached, top and bottom (the first row after).
        Each letter goes straight to Pillow's core paste, what Image.paste calls after its checks:
        the checks cost more than the paste, and a card has ~80 letters."""
        x, y = at[0] + PAD, at[1]
        core = image.im
        top, bottom = image.height, 0
        for char in text:
            glyph = self.glyph(char, size)
            if glyph.stamp is not None:
                mask, width, height = glyph.stamp
                left, upper = round(x) + glyph.offset[0], y + glyph.offset[1]
                core.paste(LEVELS - 1, (left, upper, left + width, upper + height), mask)
                top, bottom = min(top, upper), max(bottom, upper + height)
            x += glyph.advance
        return top, bottom
