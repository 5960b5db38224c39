"""Localisation in templates: gettext catalogs per language, Babel dates, names in the page's language.

One Jinja environment renders every language: the gettext callables and date filters read the
page's language from the template context, so no per-language re-run is needed.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Mapping
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import dates, pages
from .errors import ThemeError
from .settings import Config


def language_name_in(lang: str, in_locale: str) -> str:
    """The name of language `lang` in `in_locale`: `language_name_in("ka", "en_GB") == "Georgian"`."""
    name = Locale.parse(lang).get_language_name(in_locale)
    if not name:
        raise ValueError(f"Babel has no name for language {lang!r} in {in_locale!r}")
    return name

DOMAIN = "messages"


def catalog_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


# Babel reads a line whose quotes are wrong without a word: `msgstr "Archive` (the closing quote
# lost) as "Archiv". Each line of an entry is checked first: a keyword and one text in double
# quotes, or a text that continues the one above.
KEYWORDS = re.compile(r"msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def line_problem(line: str) -> str | None:
    """What is wrong with one line of a .po file, or None. Comments and blank lines pass; an
    obsolete entry (`#~`) is checked as the entry it was."""
    line = line.strip()
    if line.startswith("#~"):
        line = line[2:].lstrip()
    elif line.startswith("#"):
        return None
    if not line:
        return None
    keyword, _, text = line.partition(" ") if not line.startswith('"') else ("", "", line)
    if keyword and not KEYWORDS.fullmatch(keyword):
        return f"{keyword!r} is not a keyword of a catalog; expected msgid, msgid_plural, msgstr, msgstr[N] or msgctxt"
    if not QUOTED.fullmatch(text.strip()):
        return f"{line!r}: a text opens and closes with a double quote, and a quote inside it is written \\\"; fix the quotes of that line"
    return None


def read_catalog(po_path: Path, lang: str, shown: str | None = None) -> Catalog:
    """Read a .po file strictly: any line Babel would misread or skip stops the build with a
    `ThemeError` naming the file as `shown`, each such line and its fix."""
    shown = shown or str(po_path)
    data = po_path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ThemeError(f"{shown}: line {line}: not UTF-8; save the file as UTF-8") from None
    problems = [f"{shown}: line {number}: {problem}"
                for number, line in enumerate(text.splitlines(), 1) if (problem := line_problem(line)) is not None]
    if problems:
        raise ThemeError("\n".join(problems))
    try:
        return read_po(io.BytesIO(data), locale=lang, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:  # Babel counts lines from 0 and ends its message with " on <line>"
        raise ThemeError(f"{shown}: line {error.lineno + 1}: {str(error).rsplit(' on ', 1)[0]}; fix the entry of that line") from None


def compile_catalog(po_path: Path, lang: str, shown: str | None = None) -> gettext.GNUTranslations:
    """Compile a .po file in memory, exactly as `pybabel compile` would (fuzzy entries left out)."""
    catalog = read_catalog(po_path, lang, shown)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def load_catalogs(translations_dir: Path, config: Config) -> dict[str, gettext.NullTranslations]:
    """A catalog per site language; the source language (templates are written in English) needs none.
    A catalog that does not read stops the build (`ThemeError`), naming it from the theme's folder."""
    catalogs: dict[str, gettext.NullTranslations] = {}
    theme = translations_dir.parent
    for language in config.languages:
        path = catalog_path(translations_dir, language.code)
        shown = f"{theme.name}/{path.relative_to(theme).as_posix()}"
        catalogs[language.code] = compile_catalog(path, language.code, shown) if path.exists() else gettext.NullTranslations()
    return catalogs


def page_language(context: Context | Mapping, default: str) -> str:
    """The language of the page being rendered: `lang` if the writer passed it, else the article's."""
    lang = context.get("lang")
    if lang:
        return lang
    item = context.get("article") or context.get("page")
    return getattr(item, "lang", default)


def install(env: Environment, catalogs: Mapping[str, gettext.NullTranslations], config: Config) -> None:
    """Give a Jinja environment gettext and date filters that follow each page's language."""
    default = config.default.code

    def catalog(context) -> gettext.NullTranslations:
        return catalogs[page_language(context, default)]

    def locale(context) -> str:
        return config.language(page_language(context, default)).locale

    @pass_context
    def gettext_(context, message: str) -> str:
        return catalog(context).gettext(message)

    translated: dict[tuple[str, str, bool], str] = {}

    @pass_context
    def underscore(context, message: str, **variables) -> str:
        """`_()`: what Jinja's new-style gettext returns, each translation looked up and marked
        safe once per language (a page asks for some thirty), not once per call."""
        key = (page_language(context, default), message, context.eval_ctx.autoescape)
        try:
            text = translated[key]
        except KeyError:
            text = catalogs[key[0]].gettext(message)
            text = translated[key] = Markup(text) if key[2] else text
        return text % variables

    def underscore_in(lang: str, message: str, **variables) -> str:
        """`_in(lang, …)`: a message in another language than the page's, for words addressed to
        that language's readers (the note beside a language's name in the switcher)."""
        key = (lang, message, env.autoescape is True)
        if key not in translated:
            text = catalogs[lang].gettext(message) if lang in catalogs else message
            translated[key] = Markup(text) if key[2] else text
        return translated[key] % variables

    @pass_context
    def ngettext_(context, singular: str, plural: str, count: int) -> str:
        return catalog(context).ngettext(singular, plural, count)

    @pass_context
    def date_filter(context, day) -> str:
        """A day (a date or datetime), or a release's `PublicationDate` as far as it is known."""
        if isinstance(day, dates.PublicationDate):
            return dates.format_known(day, locale(context))
        return dates.format_day(day, locale(context))

    @pass_context
    def schedule_filter(context, schedule: dates.Schedule) -> str:
        return dates.format_schedule(schedule, locale(context))

    @pass_context
    def decimal_filter(context, number) -> str:
        """A number as the page's language writes it: 1.2 and 1,234,567 in English, 1,2 and 1 234 567 in Georgian."""
        return format_decimal(number, format="#,##0.#", locale=locale(context))

    @pass_context
    def language_name(context, lang: str, in_own_language: bool = False) -> str:
        """A language's name, in the page's language or (for a switcher) in its own."""
        target = config.language(lang).locale if in_own_language else locale(context)
        return language_name_in(lang, target)

    @pass_context
    def entry_name(context, entry) -> str:
        return entry.name(page_language(context, default))

    @pass_context
    def url_for(context, kind: str, key: str | None = None) -> str:
        """The absolute URL of a list page (home, partner, topic, year …) in the page's language."""
        return f"{context['SITEURL']}/{pages.url_of(kind, page_language(context, default), key)}"

    env.add_extension("jinja2.ext.i18n")
    env.globals["url_for"] = url_for
    env.globals["page_language"] = pass_context(lambda context: page_language(context, default))
    env.install_gettext_callables(gettext_, ngettext_, newstyle=True)
    env.globals["_"] = underscore
    env.globals["_in"] = underscore_in
    env.filters.update(
        date=date_filter,
        schedule=schedule_filter,
        decimal=decimal_filter,
        iso=dates.iso,
        language_name=language_name,
        local_name=entry_name,
    )
