"""URL slugs: Georgian romanised by the national system of 2002, ejective apostrophes dropped.

Pure functions, no state: `romanise`, `slugify` and `from_filename`.
"""

from __future__ import annotations

import datetime
import re
from types import MappingProxyType

from slugify import slugify as _ascii_slugify

# Mkhedruli (U+10D0–U+10FF) to Latin: the national system of 2002 (BGN/PCGN 2009) without the
# apostrophes of the ejectives (კ k, პ p, ტ t, ყ q, წ ts, ჭ ch), plus the archaic letters.
# An empty string drops the character.
_MKHEDRULI = MappingProxyType(
    {
        "ა": "a",
        "ბ": "b",
        "გ": "g",
        "დ": "d",
        "ე": "e",
        "ვ": "v",
        "ზ": "z",
        "თ": "t",
        "ი": "i",
        "კ": "k",
        "ლ": "l",
        "მ": "m",
        "ნ": "n",
        "ო": "o",
        "პ": "p",
        "ჟ": "zh",
        "რ": "r",
        "ს": "s",
        "ტ": "t",
        "უ": "u",
        "ფ": "p",
        "ქ": "k",
        "ღ": "gh",
        "ყ": "q",
        "შ": "sh",
        "ჩ": "ch",
        "ც": "ts",
        "ძ": "dz",
        "წ": "ts",
        "ჭ": "ch",
        "ხ": "kh",
        "ჯ": "j",
        "ჰ": "h",
        # archaic letters
        "ჱ": "e",
        "ჲ": "y",
        "ჳ": "w",
        "ჴ": "q",
        "ჵ": "o",
        "ჶ": "f",
        "ჷ": "y",
        "ჸ": "",
        "ჹ": "",
        "ჺ": "",
        "჻": "",  # paragraph separator
        "ჼ": "",  # modifier letter nar
        # letters added for other languages (aen, hard sign, labial sign): no Georgian sound
        "ჽ": "",
        "ჾ": "",
        "ჿ": "",
    }
)

# The other Georgian scripts run parallel to Mkhedruli: (first code point, letters, Mkhedruli
# code point of the first letter).
_PARALLEL_RUNS: tuple[tuple[int, int, int], ...] = (
    (0x1C90, 0x2B, 0x10D0),  # Mtavruli capitals Ა–Ჺ
    (0x1CBD, 0x03, 0x10FD),  # Mtavruli Ჽ Ჾ Ჿ
    (0x10A0, 0x26, 0x10D0),  # Asomtavruli Ⴀ–Ⴥ
    (0x10C7, 0x01, 0x10F7),  # Asomtavruli yn Ⴧ
    (0x10CD, 0x01, 0x10FD),  # Asomtavruli aen Ⴭ
    (0x2D00, 0x26, 0x10D0),  # Nuskhuri ⴀ–ⴥ
    (0x2D27, 0x01, 0x10F7),  # Nuskhuri yn ⴧ
    (0x2D2D, 0x01, 0x10FD),  # Nuskhuri aen ⴭ
)


def _build_table() -> MappingProxyType[int, str]:
    """The `str.translate` table: every Georgian letter's code point to its Latin letters."""
    table = {ord(letter): latin for letter, latin in _MKHEDRULI.items()}
    for start, count, target in _PARALLEL_RUNS:
        for offset in range(count):
            table[start + offset] = table[target + offset]
    return MappingProxyType(table)


_ROMANISATION = _build_table()

# `YYYY-MM-DD-<words>.<lang>.md`; the date and the language tag are optional. A release whose
# day is not known is named for what is known: `YYYY-MM-<words>…` or `YYYY-<words>…`. The other
# endings Pelican reads as Markdown are release files too.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
_LANGUAGE_TAG = re.compile(r"\.[a-z]{2,3}\Z")
_DATE_PREFIX = re.compile(r"\A\d{4}-\d{2}-\d{2}(?:-|\Z)")
# The longest date a name may start with: a day, a month or a year, then '-' or the name's end.
_PARTIAL_PREFIX = re.compile(r"\A(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=-|\Z)")


def romanise(text: str) -> str:
    """Georgian letters (any script) in Latin by the national system, without apostrophes."""
    return text.translate(_ROMANISATION)


def slugify(text: str) -> str:
    """A lower-case ASCII slug with `-` separators; ValueError if nothing would be left."""
    # Romanising first keeps words whole: python-slugify alone transliterates with apostrophes
    # (text-unidecode's ფ is "p`") and splits at them, e.g. "katastrop-is".
    # Apostrophes join a word, straight or curly: "IOM's" is "ioms", not "iom-s".
    slug = _ascii_slugify(romanise(text), replacements=[["'", ""], ["’", ""]])
    if not slug:
        raise ValueError("no letters or digits to make a slug from")
    return slug


# Words a short URL name leaves out (English function words; Georgian has few separate ones)
SMALL_WORDS = frozenset("a an and at by for from in into of on or the to with da".split())


def short(title: str, words: int = 5, limit: int = 50) -> str:
    """A short URL name for a title: its first few words that say something, e.g. 'EU supports
    border crossing points in Sadakhlo' → 'eu-supports-border-crossing-points'."""
    kept = [word for word in slugify(title).split("-") if word not in SMALL_WORDS] or slugify(title).split("-")
    slug = "-".join(kept[:words])
    return slug[:limit].rstrip("-") if len(slug) > limit else slug


def namesake(path: str) -> str:
    """A release file's path without its language tag and ending: what names it in every language
    (`…/2018-06-06-eu-tablets.en.md` → `…/2018-06-06-eu-tablets`)."""
    suffix = next((suffix for suffix in MARKDOWN_SUFFIXES if path.endswith(suffix)), "")
    return _LANGUAGE_TAG.sub("", path.removesuffix(suffix)) if suffix else path


def date_of(path: str) -> datetime.date | None:
    """The date a file name starts with (`2018-06-06-eu-tablets.en.md`), if it is a real one."""
    found = _DATE_PREFIX.match(re.split(r"[/\\]", path)[-1])
    try:
        return datetime.date.fromisoformat(found.group()[:10]) if found else None
    except ValueError:
        return None


def date_prefix(path: str) -> str | None:
    """The longest real date a file name starts with, as written: `2018-06-06` for
    `2018-06-06-eu-tablets.en.md`, `2018-12` for `2018-12-film-festival.en.md`, `2018` for
    `2018-archive-photos.en.md`; None when it starts with none. Whether a `YYYY-` or `YYYY-MM-`
    start is a date or words (`2030-agenda`) depends on the release's `date`: see `frontmatter`."""
    base = re.split(r"[/\\]", path)[-1]
    suffix = next((suffix for suffix in MARKDOWN_SUFFIXES if base.endswith(suffix)), "")
    found = _PARTIAL_PREFIX.match(_LANGUAGE_TAG.sub("", base.removesuffix(suffix)) if suffix else base)
    if not found:
        return None
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return year
    if day is not None:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return f"{year}-{month}"
    return found.group()


def language_tag(name: str) -> str | None:
    """The language tag of `<words>.<lang>.md` ('en'), or None when the name has none."""
    base = re.split(r"[/\\]", name)[-1]
    suffix = next((suffix for suffix in MARKDOWN_SUFFIXES if base.endswith(suffix)), None)
    match = _LANGUAGE_TAG.search(base.removesuffix(suffix)) if suffix else None
    return match.group()[1:] if match else None


def from_filename(name: str, dated: str | None = None) -> str:
    """The slug of `[YYYY-MM-DD-]<words>[.<lang>].md`, from its words; ValueError if none.
    `dated`: the release's date when it is a month or a year (`2018-12`, `2018`): a name that
    starts with it, `2018-12-<words>…`, loses it too."""
    base = re.split(r"[/\\]", name)[-1]
    suffix = next((suffix for suffix in MARKDOWN_SUFFIXES if base.endswith(suffix)), None)
    if suffix is None:
        raise ValueError("not a '.md' file name")
    words = _DATE_PREFIX.sub("", _LANGUAGE_TAG.sub("", base.removesuffix(suffix)), count=1)
    if dated is not None and date_prefix(words) == dated:
        words = words.removeprefix(dated).removeprefix("-")
    if not words.strip():
        raise ValueError("no words left once the date, language tag and '.md' are removed")
    return slugify(words)
