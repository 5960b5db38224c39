"""Slugs: Georgian romanised by the national system (2002) without apostrophes, then slugified."""

from __future__ import annotations

import re
import unicodedata

import pytest

from newsroom import slugs

NO_SLUG = "no letters or digits to make a slug from"
NO_WORDS = "no words left once the date, language tag and '.md' are removed"
NOT_MARKDOWN = "not a '.md' file name"

# Every letter of the national system, with the ejectives' apostrophes dropped.
LETTERS = [
    ("ა", "a"),
    ("ბ", "b"),
    ("გ", "g"),
    ("დ", "d"),
    ("ე", "e"),
    ("ვ", "v"),
    ("ზ", "z"),
    ("თ", "t"),
    ("ი", "i"),
    ("კ", "k"),
    ("ლ", "l"),
    ("მ", "m"),
    ("ნ", "n"),
    ("ო", "o"),
    ("პ", "p"),
    ("ჟ", "zh"),
    ("რ", "r"),
    ("ს", "s"),
    ("ტ", "t"),
    ("უ", "u"),
    ("ფ", "p"),
    ("ქ", "k"),
    ("ღ", "gh"),
    ("ყ", "q"),
    ("შ", "sh"),
    ("ჩ", "ch"),
    ("ც", "ts"),
    ("ძ", "dz"),
    ("წ", "ts"),
    ("ჭ", "ch"),
    ("ხ", "kh"),
    ("ჯ", "j"),
    ("ჰ", "h"),
]

ARCHAIC = [
    ("ჱ", "e"),
    ("ჲ", "y"),
    ("ჳ", "w"),
    ("ჴ", "q"),
    ("ჵ", "o"),
    ("ჶ", "f"),
    ("ჷ", "y"),
    ("ჸ", ""),
    ("ჹ", ""),
    ("ჺ", ""),
    ("ჼ", ""),  # modifier letter nar
    ("჻", ""),  # paragraph separator
]

# Real words and place names, each checked letter by letter against LETTERS.
WORDS = [
    ("ქუთაისი", "kutaisi"),
    ("მცხეთა", "mtskheta"),
    ("თბილისი", "tbilisi"),
    ("წყალტუბო", "tsqaltubo"),
    ("ბათუმი", "batumi"),
    ("ზუგდიდი", "zugdidi"),
    ("ღონისძიება", "ghonisdzieba"),
    ("ცხინვალი", "tskhinvali"),
    ("ჭიათურა", "chiatura"),
    ("ყვარელი", "qvareli"),
    ("ჟინვალი", "zhinvali"),
    ("შიდა ქართლი", "shida-kartli"),
    ("სამცხე-ჯავახეთი", "samtskhe-javakheti"),
    ("აჭარა", "achara"),
    ("გურჯაანი", "gurjaani"),
    ("ფოთი", "poti"),
    ("ხაშური", "khashuri"),
    ("თელავი", "telavi"),
    ("ოზურგეთი", "ozurgeti"),
    ("რუსთავი", "rustavi"),
    ("საქართველო", "sakartvelo"),
    ("კატასტროფის", "katastropis"),
    ("სარფი", "sarpi"),
    ("პოლიცია", "politsia"),
    ("ჰუმანიტარული", "humanitaruli"),
    ("მიგრაცია", "migratsia"),
    ("ზესტაფონი", "zestaponi"),
    ("ბორჯომი", "borjomi"),
    ("ახალციხე", "akhaltsikhe"),
    ("სიღნაღი", "sighnaghi"),
    ("ლაგოდეხი", "lagodekhi"),
    ("ქობულეთი", "kobuleti"),
    ("დედოფლისწყარო", "dedoplistsqaro"),
    ("ჩოხატაური", "chokhatauri"),
    ("ლტოლვილი", "ltolvili"),
    ("ჯანმრთელობა", "janmrteloba"),
    ("უსაფრთხოება", "usaprtkhoeba"),
    ("ტრეფიკინგი", "trepikingi"),
]


@pytest.mark.parametrize(("letter", "latin"), LETTERS + ARCHAIC)
def test_romanise_letter(letter: str, latin: str) -> None:
    assert slugs.romanise(letter) == latin


def test_letter_table_covers_the_modern_alphabet() -> None:
    assert len(LETTERS) == 33
    assert {letter for letter, _ in LETTERS} == {chr(c) for c in range(0x10D0, 0x10F1)}


@pytest.mark.parametrize(("word", "slug"), WORDS)
def test_slugify_georgian_word(word: str, slug: str) -> None:
    assert slugs.slugify(word) == slug


@pytest.mark.parametrize(("word", "slug"), [w for w in WORDS if " " not in w[0] and "-" not in w[0]])
def test_romanise_georgian_word(word: str, slug: str) -> None:
    assert slugs.romanise(word) == slug


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("ᲗᲑᲘᲚᲘᲡᲘ", "tbilisi"),  # Mtavruli
        ("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "sakartvelo"),
        ("ᲥᲣᲗᲐᲘᲡᲘ", "kutaisi"),
        ("Ⴇⴁⴈⴊⴈⴑⴈ", "tbilisi"),  # Asomtavruli capital, Nuskhuri small letters
        ("ႵႠႰႧႪႨ", "kartli"),  # Asomtavruli
        ("ⴑⴀⴕⴀⴐⴇⴅⴄⴊⴍ", "sakartvelo"),  # Nuskhuri
    ],
)
def test_romanise_other_scripts(text: str, latin: str) -> None:
    assert slugs.romanise(text) == latin


@pytest.mark.parametrize(("text", "slug"), [("ᲗᲑᲘᲚᲘᲡᲘ", "tbilisi"), ("ᲨᲘᲓᲐ ᲥᲐᲠᲗᲚᲘ", "shida-kartli")])
def test_slugify_mtavruli(text: str, slug: str) -> None:
    assert slugs.slugify(text) == slug


def _same_letter(prefix: str, mkhedruli: str) -> str | None:
    """The letter named like a Mkhedruli one in another script, or None."""
    name = unicodedata.name(mkhedruli).replace("GEORGIAN LETTER ", prefix)
    try:
        return unicodedata.lookup(name)
    except KeyError:
        return None


@pytest.mark.parametrize(
    "prefix", ["GEORGIAN MTAVRULI CAPITAL LETTER ", "GEORGIAN CAPITAL LETTER ", "GEORGIAN SMALL LETTER "]
)
def test_other_scripts_match_mkhedruli_by_unicode_name(prefix: str) -> None:
    mkhedruli = [chr(c) for c in range(0x10D0, 0x1100) if unicodedata.name(chr(c)).startswith("GEORGIAN LETTER ")]
    pairs = [(other, m) for m in mkhedruli if (other := _same_letter(prefix, m)) is not None]
    assert len(pairs) >= 38
    assert [slugs.romanise(other) for other, _ in pairs] == [slugs.romanise(m) for _, m in pairs]


def test_every_georgian_character_romanises_to_ascii() -> None:
    blocks = [range(0x10A0, 0x1100), range(0x1C90, 0x1CC0), range(0x2D00, 0x2D30)]
    georgian = "".join(chr(c) for block in blocks for c in block if unicodedata.category(chr(c)) != "Cn")
    assert slugs.romanise(georgian).isascii()


@pytest.mark.parametrize("text", ["IOM Georgia", "Café déjà vu", "Київ", "2018 — 10%!", "Prosecutor’s", ""])
def test_romanise_leaves_other_characters(text: str) -> None:
    assert slugs.romanise(text) == text


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("IOM Georgia Marks World TB Day", "iom-georgia-marks-world-tb-day"),
        (
            "კატასტროფის რისკის შემცირების საერთაშორისო დღე / International Disaster Risk Reduction Day",
            "katastropis-riskis-shemtsirebis-saertashoriso-dghe-international-disaster-risk-reduction-day",
        ),
        ("„ახალი“ — ფოთი, 2018!", "akhali-poti-2018"),
        ("IOM-ის ტრენინგი: „მიგრაცია“", "iom-is-treningi-migratsia"),
        # python-slugify drops a curly apostrophe inside a word...
        ("Prosecutor’s Office hosts IOM training", "prosecutors-office-hosts-iom-training"),
        # ...and so do we with a straight one (python-slugify alone would split "prosecutor-s")
        ("Prosecutor's Office", "prosecutors-office"),
        ("Café “Déjà vu” in Tbilisi", "cafe-deja-vu-in-tbilisi"),
        ("  Spaces   and\ttabs  ", "spaces-and-tabs"),
    ],
)
def test_slugify_title(title: str, slug: str) -> None:
    assert slugs.slugify(title) == slug


def test_slugify_keeps_words_whole_where_python_slugify_alone_splits_them() -> None:
    from slugify import slugify as plain

    assert plain("კატასტროფის") == "katastrop-is"
    assert slugs.slugify("კატასტროფის") == "katastropis"


@pytest.mark.parametrize("text", ["", "   ", "!!!", "— / —", "჻", "ჸჹჺ", "’"])
def test_slugify_refuses_an_empty_slug(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(NO_SLUG)):
        slugs.slugify(text)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("2018-06-06-eu-tablets.en.md", "eu-tablets"),
        ("2018-06-06-eu-tablets.en.markdown", "eu-tablets"),
        ("2018-06-06-eu-tablets.ka.mkd", "eu-tablets"),
        ("content/releases/2017/2017-10-13-კატასტროფის-დღე.ka.md", "katastropis-dghe"),
        ("notes.md", "notes"),
        ("content/releases/2018/2018-06-06-eu-tablets-for-policing.en.md", "eu-tablets-for-policing"),
        ("2018-06-06-eu-tablets.md", "eu-tablets"),
        ("eu-tablets.ka.md", "eu-tablets"),
        ("2018-06-06-10-years-of-iom.en.md", "10-years-of-iom"),
        ("2019-03-24-World_TB_Day.en.md", "world-tb-day"),
        ("2020-01-01-ᲗᲑᲘᲚᲘᲡᲘ.ka.md", "tbilisi"),
        ("/abs/path/2018-06-06-eu-tablets.en.md", "eu-tablets"),
        ("content\\releases\\2018\\2018-06-06-eu-tablets.en.md", "eu-tablets"),
    ],
)
def test_from_filename(name: str, slug: str) -> None:
    assert slugs.from_filename(name) == slug


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("2018-06-06.en.md", NO_WORDS),
        ("2018-06-06-.en.md", NO_WORDS),
        ("content/releases/2018/2018-06-06.ka.md", NO_WORDS),
        ("2018-06-06.md", NO_WORDS),
        (".en.md", NO_WORDS),
        (".md", NO_WORDS),
        ("content/releases/2018/ .md", NO_WORDS),
        ("2018-06-06-!!!.en.md", NO_SLUG),
        ("2018-06-06-—.ka.md", NO_SLUG),
        ("notes", NOT_MARKDOWN),
        ("2018-06-06-eu-tablets.en", NOT_MARKDOWN),
        ("2018-06-06-eu-tablets.en.txt", NOT_MARKDOWN),
        ("content/releases/2018/", NOT_MARKDOWN),
        ("", NOT_MARKDOWN),
    ],
)
def test_from_filename_refuses(name: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        slugs.from_filename(name)


@pytest.mark.parametrize("text", ["", "!!!"])
def test_slugify_error_is_the_whole_message(text: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(NO_SLUG)}$"):
        slugs.slugify(text)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("EU supports border crossing points in Sadakhlo", "eu-supports-border-crossing-points"),
        ("The European Union supports the Ministry of Internal Affairs of Georgia in Intelligence-Led Policing",
         "european-union-supports-ministry-internal"),
        ("IOM", "iom"),
        ("The", "the"),  # nothing but small words: kept
        ("კატასტროფის რისკის შემცირების საერთაშორისო დღე", "katastropis-riskis-shemtsirebis-saertashoriso-dghe"),
        ("Supercalifragilisticexpialidocious " * 3, "supercalifragilisticexpialidocious-supercalifragil"),
    ],
)
def test_short(title: str, expected: str) -> None:
    assert slugs.short(title) == expected
    assert len(slugs.short(title)) <= 50


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("2018-06-06-eu-tablets.en.md", "2018-06-06"),
        ("content/releases/2018/2018-12-film-festival.en.md", "2018-12"),
        ("2018-archive-photos.ka.md", "2018"),
        ("2018.en.md", "2018"),
        ("2018-12.en.md", "2018-12"),
        ("2030-agenda.en.md", "2030"),  # whether that is a year is for the release's date to say
        ("2018-13-steps.en.md", "2018"),  # no month 13: the name starts with a year only
        ("2019-02-29-leap.en.md", "2019-02"),  # no such day: a month
        ("2018-1-x.en.md", "2018"),  # a month has two digits in a name
        ("20181206-x.en.md", None),
        ("eu-tablets.en.md", None),
        ("content\\releases\\2018\\2018-12-film.en.md", "2018-12"),
    ],
)
def test_date_prefix(name: str, prefix: str | None) -> None:
    assert slugs.date_prefix(name) == prefix


@pytest.mark.parametrize(
    ("name", "dated", "slug"),
    [
        ("2018-12-film-festival.en.md", "2018-12", "film-festival"),
        ("2018-archive-photos.en.md", "2018", "archive-photos"),
        ("content/releases/2018/2018-12-ფესტივალი.ka.md", "2018-12", "pestivali"),
        ("film-festival.en.md", "2018-12", "film-festival"),
        ("2018-12-film-festival.en.md", None, "2018-12-film-festival"),  # dated to the day: words
        ("2018-12-film-festival.en.md", "2018", "2018-12-film-festival"),  # not the date: words
        ("2018-2030-agenda.en.md", "2018", "2030-agenda"),
        ("2018-06-06-eu-tablets.en.md", "2018-06", "eu-tablets"),  # a day is always the date's
    ],
)
def test_from_filename_of_a_release_dated_to_the_month_or_the_year(name: str, dated: str | None, slug: str) -> None:
    assert slugs.from_filename(name, dated) == slug


def test_from_filename_a_month_and_nothing_else_is_no_url_name() -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(NO_WORDS)}$"):
        slugs.from_filename("2018-12.en.md", "2018-12")
