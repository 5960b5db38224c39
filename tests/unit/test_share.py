"""Share pictures: titles set in whole words, smaller when long, in the page's own letters; the
PNG the same bytes at every build; the mark drawn from the numbers of the theme's SVG."""

from __future__ import annotations

import io
import pickle
import re
import shutil
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from newsroom import share
from newsroom.errors import ThemeError

THEME = Path(__file__).resolve().parents[2] / "theme"
ENGLISH = "Temporary labour migration: a workshop for the employers of Georgian seasonal workers in the European Union"
GEORGIAN = "კატასტროფის რისკის შემცირების საერთაშორისო დღე: IOM-ის მხარდაჭერით 2017 წელს ჩატარებული სწავლებები"


def letters(text: str, size: int) -> float:
    """A width to set text by in the pure tests: 1 unit a character at size 10."""
    return len(text) * size / 10


@pytest.fixture(scope="module")
def painter() -> share.Painter:
    return share.Painter(THEME)


@pytest.mark.parametrize("title, expected", [
    ("World TB Day", ["World", "TB", "Day"]),
    ("  two  spaces\tand a tab ", ["two", "spaces", "and", "a", "tab"]),
    ("2018\u00a0წელს IOM-ის", ["2018\u00a0წელს", "IOM-ის"]),  # no line break at a no-break space or a hyphen
])
def test_a_title_breaks_only_at_spaces(title, expected):
    assert share.words(title) == expected


@pytest.mark.parametrize("items, limit, expected", [
    (["aa", "bb", "cc"], 5, [["aa", "bb"], ["cc"]]),
    (["aa", "bb", "cc"], 8, [["aa", "bb", "cc"]]),
    (["aaaa", "b"], 4, [["aaaa"], ["b"]]),
    (["aaaaaa", "b"], 5, None),  # a word wider than the line is never cut
])
def test_wrap_fills_each_line_with_whole_words(items, limit, expected):
    assert share.wrap(items, len, 1, limit) == expected


def test_balance_evens_the_lines_without_adding_one():
    items = ["one", "two", "three", "four"]
    assert share.wrap(items, len, 1, 14) == [["one", "two", "three"], ["four"]]
    assert share.balance(items, len, 1, 14) == [["one", "two"], ["three", "four"]]


@pytest.mark.parametrize("title, size, lines", [
    # a line holds 20 characters at size 10 and 10 at size 20; 5 lines fit at size 10, 2 at size 20
    ("World TB", 20, ["World TB"]),
    ("Twelve chars and twelve more", 10, ["Twelve chars", "and twelve more"]),  # balanced: not 16 + 11 characters
    ("abcdefghijklmnopqrstu", 10, []),  # one word wider than the line even at the smallest size
    ("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu",
     10, ["aaaa bbbb cccc dddd", "eeee ffff gggg hhhh", "iiii jjjj kkkk llll", "mmmm nnnn oooo pppp", "qqqq rrrr ssss tttt…"]),
])
def test_fit_takes_the_largest_size_that_holds_the_title_else_ends_at_a_whole_word(title, size, lines):
    assert share.fit(title, letters, sizes=(20, 10), limit=20, height=70) == (size, lines)


def test_rows_count_the_last_line_as_one_font_size_high():
    assert share.rows(10, 10) == 1
    assert share.rows(10, 10 + 10 * share.LEADING) == 2
    assert share.rows(10, 5) == 1


@pytest.mark.parametrize("title", [ENGLISH, GEORGIAN, "World TB Day", "ა" * 30 + " " + GEORGIAN])
def test_the_title_is_set_letter_for_letter_in_whole_words(painter, title):
    size, lines = share.fit(title, painter.width_of)
    assert size in share.SIZES
    assert " ".join(lines) == " ".join(share.words(title))  # nothing cut, nothing upper-cased (no Mtavruli)
    assert all(painter.width_of(line, size) <= share.WIDTH - 2 * share.MARGIN for line in lines)


def test_a_longer_title_is_set_smaller(painter):
    sizes = [share.fit(title, painter.width_of)[0] for title in ("World TB Day", ENGLISH, f"{ENGLISH}; {ENGLISH}")]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[1] > sizes[2]


def test_the_longest_title_allowed_fits_whole(painter):
    title = " ".join(["შემცირების"] * 18)[:200].rsplit(" ", 1)[0]  # 200 characters is the front-matter's limit
    size, lines = share.fit(title, painter.width_of)
    assert " ".join(lines) == title and size >= share.SIZES[-1]


@pytest.mark.parametrize("georgian, characters", [
    (True, [chr(code) for code in range(0x10D0, 0x10FB)] + ["₾"]),  # Mkhedruli, and the lari sign
    (False, [chr(code) for code in range(0x21, 0x7F)] + list("«»“”‘’–—…€")),
])
def test_every_letter_of_a_title_goes_to_a_font_that_has_it_not_a_box(painter, georgian, characters):
    font = painter.font(georgian, 40)
    box = bytes(font.getmask("\ue000"))  # a private-use character: what the font draws for one it lacks
    assert [char for char in characters if share.is_georgian(char) == georgian] == characters
    assert [char for char in characters if bytes(font.getmask(char)) == box] == []


@pytest.mark.parametrize("size", share.SIZES)
def test_no_line_reaches_out_of_the_band_drawn_for_each_card(painter, size):
    count = share.rows(size, share.TITLE_BOTTOM - share.TITLE_TOP)
    found = share.baselines(size, count)
    assert len(found) == count
    tallest = min(painter.font(georgian, size).getbbox(sample, anchor="ls")[1] for georgian, sample in ((False, "ÅÉ|"), (True, "ჭბხ")))
    deepest = max(painter.font(georgian, size).getbbox(sample, anchor="ls")[3] for georgian, sample in ((False, "gjpq|"), (True, "ჭჩყ")))
    assert found[0] + tallest >= share.STRIP[0] and found[-1] + deepest <= share.STRIP[1]


def chunks(data: bytes) -> list[bytes]:
    found, at = [], 8
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        found.append(data[at + 4 : at + 8])
        at += 12 + length
    return found


def test_a_card_is_a_1200_by_630_palette_png_in_white_and_the_theme_blue(painter):
    card = painter.card(GEORGIAN, "ka", "IOM საქართველო — პრესცენტრი", "katastropis-dghe")
    assert re.fullmatch(r"images/share/ka-katastropis-dghe-[0-9a-f]{10}\.png", card.name)
    assert chunks(painter.encode(card)) == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]  # no text, no date
    with painter.draw(card) as image:
        image.load()
        assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
        assert image.getpalette()[:3] == [255, 255, 255] and image.getpalette()[-3:] == [0x00, 0x33, 0xA0]
        title_rows = image.crop((0, share.TITLE_TOP, 1200, share.TITLE_BOTTOM))
        assert title_rows.getextrema() == (0, share.LEVELS - 1)  # the title is drawn, dark on white
        strip = painter.strip(card)
        assert strip.crop((0, 0, share.PAD, strip.height)).getextrema() == (0, 0)  # PNG's filter byte of each row: 0
        assert image.crop((0, share.STRIP[0], 1200, share.STRIP[1])).tobytes() == strip.crop((share.PAD, 0, strip.width, strip.height)).tobytes()


def test_a_card_is_the_same_bytes_in_every_build(painter):
    card = painter.card(ENGLISH, "en", "IOM Georgia Newsroom", "temporary-labour-migration-workshop")
    again = share.Painter(THEME)
    assert again.card(card.title, card.lang, card.sitename, "temporary-labour-migration-workshop") == card
    assert again.encode(card) == painter.encode(card)


def test_a_painter_that_has_drawn_goes_to_a_spawned_worker_pickled_and_draws_the_same(painter):
    card = painter.card(GEORGIAN, "ka", "IOM საქართველო — პრესცენტრი", "katastropis-dghe")
    drawn = painter.encode(card)  # fonts open, glyphs and the template made
    copy = pickle.loads(pickle.dumps(painter))
    assert (copy.fonts, copy.glyphs, copy.templates) == ({}, {}, {}) and painter.glyphs
    assert copy.encode(card) == drawn


def test_the_name_changes_with_what_the_picture_shows(painter):
    names = {painter.card(*values, "same").name for values in (
        ("World TB Day", "en", "IOM Georgia Newsroom"), ("World TB Day!", "en", "IOM Georgia Newsroom"),
        ("World TB Day", "ka", "IOM Georgia Newsroom"), ("World TB Day", "en", "IOM საქართველო — პრესცენტრი"))}
    assert len(names) == 4


def test_a_new_font_or_mark_makes_new_names(tmp_path, painter):
    theme = shutil.copytree(THEME, tmp_path / "theme", ignore=shutil.ignore_patterns("templates", "translations"))
    before = share.Painter(theme).card("World TB Day", "en", "IOM Georgia Newsroom", "x").name
    assert before == painter.card("World TB Day", "en", "IOM Georgia Newsroom", "x").name
    (mark,) = (theme / "static" / "images").glob("mark.*.svg")
    mark.write_text(mark.read_text().replace("#0033a0", "#00205f"))
    assert share.Painter(theme).card("World TB Day", "en", "IOM Georgia Newsroom", "x").name != before


def test_a_theme_without_the_fonts_stops_the_build_naming_the_file(tmp_path):
    theme = shutil.copytree(THEME, tmp_path / "theme", ignore=shutil.ignore_patterns("templates", "translations"))
    (theme / "fonts" / "NotoSansGeorgian-Bold.ttf").unlink()
    with pytest.raises(ThemeError) as raised:
        share.Painter(theme).card("World TB Day", "en", "IOM Georgia Newsroom", "x")
    assert str(raised.value) == (f"newsroom: the share pictures need the theme file {theme / 'fonts' / 'NotoSansGeorgian-Bold.ttf'}, "
                                 "which is missing; restore it from the project's history (git checkout -- theme)")


def test_make_draws_once_and_prune_keeps_only_the_cards_in_use(tmp_path, painter):
    kept = painter.card("World TB Day", "en", "IOM Georgia Newsroom", "tb")
    gone = painter.card("World TB Day, 2018", "en", "IOM Georgia Newsroom", "tb")
    for card in (kept, gone):
        painter.make(card, tmp_path)
    (tmp_path / kept.name).write_bytes(b"kept")  # already there: not drawn again
    painter.make(kept, tmp_path)
    assert (tmp_path / kept.name).read_bytes() == b"kept"
    share.prune(tmp_path, [kept])
    assert sorted(path.name for path in (tmp_path / share.FOLDER).iterdir()) == [Path(kept.name).name]


def svg_paths(d: str) -> list[tuple[tuple[float, float], ...]]:
    """The polylines of an SVG path made of M, h and l commands, in absolute coordinates."""
    paths, point = [], (0.0, 0.0)
    for command, numbers in re.findall(r"([MhlL])([^MhlL]*)", d):
        values = [float(value) for value in re.findall(r"-?[\d.]+", numbers)]
        if command == "M":
            point = (values[0], values[1])
            paths.append([point])
        elif command == "h":
            point = (point[0] + values[0], point[1])
            paths[-1].append(point)
        else:
            for dx, dy in zip(values[::2], values[1::2]):
                point = (point[0] + dx, point[1] + dy)
                paths[-1].append(point)
    return [tuple(path) for path in paths]


def test_the_mark_is_drawn_from_the_numbers_of_the_theme_svg():
    (path,) = (THEME / "static" / "images").glob("mark.*.svg")
    svg = ET.fromstring(path.read_text())
    ns = {"svg": "http://www.w3.org/2000/svg"}
    rect, group = svg.find("svg:rect", ns), svg.find("svg:g", ns)
    assert (svg.get("viewBox"), rect.get("width"), rect.get("rx")) == (f"0 0 {share.MARK['box']} {share.MARK['box']}", "48", str(share.MARK["radius"]))
    assert (rect.get("fill"), group.get("stroke")) == ("#0033a0", "#fff") and float(group.get("stroke-width")) == share.MARK["stroke"]
    assert group.get("stroke-linecap") == group.get("stroke-linejoin") == "round"
    drawn = [tuple((float(x), float(y)) for x, y in path) for path in share.MARK["paths"]]
    assert [point for element in group.findall("svg:path", ns) for point in svg_paths(element.get("d"))] == drawn


@pytest.mark.parametrize("first, second", [(b"", b""), (b"", b"abc"), (b"abc", b""), (b"Wiki", b"pedia"),
                                           (bytes(70000), b"\xff" * 70000), (bytes(range(256)) * 300, bytes(1201))])
def test_adler32_combine_is_the_checksum_of_both_pieces_end_to_end(first, second):
    assert share.adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(first + second)


@pytest.mark.parametrize("ranges, expected", [
    ([], []),
    ([(5, 9), (0, 3)], [(0, 3), (5, 9)]),
    ([(0, 3), (3, 6)], [(0, 6)]),  # touching
    ([(0, 5), (2, 4), (4, 8)], [(0, 8)]),  # overlapping, one inside another
    ([(4, 4), (7, 2)], []),  # empty
])
def test_merge_makes_row_ranges_few_sorted_and_apart(ranges, expected):
    assert share.merge(ranges) == expected


def test_spans_compressed_apart_and_spliced_inflate_to_the_scanlines_end_to_end():
    row = share.ROW
    pieces = [bytes(3 * row), bytes(range(256)) * 10 + bytes(row * 5 - 2560), bytes(row), b"\x00\x0f\xff" * row, bytes(200 * row)]
    compressor = zlib.compressobj(*share.COMPRESSION)
    spans = [share.deflate(compressor, piece) for piece in pieces]
    data = share.zstream(spans)
    assert zlib.decompress(data) == zlib.decompress(zlib.compress(b"".join(pieces))) == b"".join(pieces)  # and its adler32 checks
    assert zlib.decompress(share.zstream([])) == b""
    # a compressor that has compressed other spans compresses the next as a new one would: the
    # bytes of a card do not depend on which cards a worker drew before it
    assert [share.deflate(zlib.compressobj(*share.COMPRESSION), piece) for piece in pieces] == spans


def reference(painter: share.Painter, card: share.Card) -> bytes:
    """The card's pixels drawn the plain way, as before spans: the whole picture on one canvas, each
    letter pasted by Image.paste, all rows compressed together; what `encode` must decode to."""
    def text(image, at, line, size):
        x, y = at[0] + share.PAD, at[1]
        for char in line:
            glyph = painter.glyph(char, size)
            if glyph.mask is not None:
                image.paste(share.LEVELS - 1, (round(x) + glyph.offset[0], y + glyph.offset[1]), glyph.mask)
            x += glyph.advance
    image = share.canvas(share.HEIGHT)
    image.paste(painter.mark(), (share.PAD + share.MARK_AT[0], share.MARK_AT[1]))
    image.paste(share.LEVELS - 1, (share.PAD, share.HEIGHT - share.BAND, share.PAD + share.WIDTH, share.HEIGHT))
    middle = share.MARK_AT[1] + share.MARK_SIZE / 2
    text(image, (share.MARK_AT[0] + share.MARK_SIZE + 24, round(middle + share.NAME_SIZE * share.CAP_HEIGHT / 2)), card.sitename, share.NAME_SIZE)
    size, lines = share.fit(card.title, painter.width_of)
    for line, baseline in zip(lines, share.baselines(size, len(lines))):
        text(image, (share.MARGIN, baseline), line, size)
    drawn = share.png(share.WIDTH, share.HEIGHT, share.palette(), zlib.compress(share.scanlines(image)))
    with Image.open(io.BytesIO(drawn)) as decoded:
        return decoded.tobytes()


@pytest.mark.parametrize("title, lang, sitename", [
    (ENGLISH, "en", "IOM Georgia Newsroom"),
    (GEORGIAN, "ka", "IOM საქართველო — პრესცენტრი"),
    ("World TB Day", "en", "IOM Georgia Newsroom"),
    ("ა" * 30 + " " + GEORGIAN, "ka", "IOM საქართველო — პრესცენტრი"),  # set small, ended with '…'
    ("Jiujitsu ÅÉ gjpq, ჭბხ ჭჩყ — «quoted»", "en", "IOM Georgia Newsroom"),  # the tallest and deepest letters
])
def test_a_card_decodes_to_the_pixels_drawn_the_plain_way(painter, title, lang, sitename):
    card = painter.card(title, lang, sitename, "x")
    with painter.draw(card) as image:
        assert image.tobytes() == reference(painter, card)
    assert painter.scratch.getextrema() == (0, 0)  # the strip is wiped for the next card
