"""The theme's catalogs: the .pot matches the templates, Georgian translates all of it, and the
plugin compiles it as `pybabel compile` would."""

from __future__ import annotations

import io
import re
from pathlib import Path

import jinja2.ext
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from newsroom import localisation
from newsroom.errors import ThemeError

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "theme" / "translations"
POT = TRANSLATIONS / "messages.pot"
PO = TRANSLATIONS / "ka" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "_in": (2,), "gettext": None, "ngettext": (1, 2)}  # as tasks.py's i18n-extract
# Generated and installed trees (see .gitignore): nothing to extract, and slow to walk.
NOT_SOURCE = {"node_modules", "output", "cache", "test-artifacts"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
PO_HEADER = '''\
msgid ""
msgstr ""
"Language: ka\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"Content-Type: text/plain; charset=utf-8\\n"

'''


def read(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def catalog(entries: str) -> Catalog:
    """A Georgian catalog from the text of its entries."""
    return read_po(io.BytesIO((PO_HEADER + entries).encode("utf-8")), locale="ka")


def ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {message.id for message in catalog if message.id}


def untranslated(template: Catalog, translations: Catalog) -> list[str]:
    """Each message of the template that the translations lack, leave empty or mark fuzzy."""
    problems = []
    for message in template:
        if not message.id:
            continue
        found = translations.get(message.id)
        strings = () if found is None else found.string if isinstance(found.string, tuple) else (found.string,)
        if found is None:
            problems.append(f"{message.id!r}: missing")
        elif not all(string and string.strip() for string in strings):
            problems.append(f"{message.id!r}: not translated")
        elif found.fuzzy:
            problems.append(f"{message.id!r}: fuzzy")
    return problems


def misplaced(translations: Catalog) -> list[str]:
    """Each translation whose %(name)s placeholders differ from its message's."""
    problems = []
    for message in translations:
        if not message.id:
            continue
        msgids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {name for msgid in msgids for name in PLACEHOLDER.findall(msgid)}
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"{message.id!r}: {string!r} has {sorted(PLACEHOLDER.findall(string))}, expected {sorted(wanted)}")
    return problems


def same_as_english(translations: Catalog, allowed: dict[str, str]) -> list[str]:
    """Each translation identical to its English message, unless `allowed` (message → why it is
    the same in the other language); and each allowed message that is no longer the same."""
    problems = []
    for message in translations:
        if not message.id:
            continue
        msgids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        same = any(string and string in msgids for string in strings)
        if same and msgids[0] not in allowed:
            problems.append(f"{message.id!r}: the same as the English")
        elif not same and msgids[0] in allowed:
            problems.append(f"{message.id!r}: allowed to be the same as the English, and no longer is")
    missing = set(allowed) - {message.id if isinstance(message.id, str) else message.id[0] for message in translations}
    problems += [f"{msgid!r}: allowed to be the same as the English, and not in the catalog" for msgid in sorted(missing)]
    return problems


def extract(root: Path) -> set[str | tuple[str, ...]]:
    """The msgids of the templates under `root`, as `invoke i18n-extract` (pybabel, babel.cfg) finds them."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    methods = [(pattern, jinja2.ext.babel_extract if method == "jinja2" else method) for pattern, method in method_map]
    found = extract_from_dir(root, methods, options_map, keywords=KEYWORDS, directory_filter=_source_directory)
    return {message for _, _, message, _, _ in found}


def _source_directory(path: str) -> bool:
    """Babel's default (no hidden or `_` directories), less the generated trees."""
    name = Path(path).name
    return not name.startswith((".", "_")) and name not in NOT_SOURCE


# -- the committed catalogs --------------------------------------------------------------------


def test_babel_cfg_extracts_templates_as_pelican_renders_them() -> None:
    with (ROOT / "babel.cfg").open() as config:
        assert parse_mapping_cfg(config) == (
            [("theme/templates/**.html", "jinja2")],
            {"theme/templates/**.html": {"trim_blocks": "True", "lstrip_blocks": "True", "autoescape": "True"}},
        )


def test_pot_is_up_to_date_with_the_templates() -> None:
    extracted, committed = extract(ROOT), ids(read(POT))
    assert (sorted(map(str, extracted - committed)), sorted(map(str, committed - extracted))) == ([], [])


def test_georgian_has_exactly_the_messages_of_the_pot() -> None:
    georgian, template = ids(read(PO)), ids(read(POT))
    assert (sorted(map(str, georgian - template)), sorted(map(str, template - georgian))) == ([], [])


def test_every_message_has_a_georgian_translation_that_is_not_fuzzy() -> None:
    assert untranslated(read(POT), read(PO)) == []


def test_georgian_translations_keep_every_placeholder() -> None:
    assert misplaced(read(PO)) == []


# The Georgian entries that are exactly the English, on purpose, and why; every other entry must
# differ, or it is English left in place. (No brand name is here: "Share on %(network)s" takes
# Facebook, X and LinkedIn as values, and IOM appears only inside longer Georgian sentences.)
SAME_IN_GEORGIAN = {
    "%(place)s, %(date)s": "the dateline: a place, a comma, a date, in this order in Georgian too (თბილისი, 6 ივნისი, 2018)",
    "%(type)s, %(size)s": "a document's type and size: PDF, 1,2 მბ; the type's name (PDF) is the same in Georgian",
}


def test_no_georgian_translation_is_the_english_left_in_place() -> None:
    assert same_as_english(read(PO), SAME_IN_GEORGIAN) == []


def test_georgian_catalog_declares_georgian_plurals() -> None:
    georgian = read(PO)
    assert (str(georgian.locale), georgian.num_plurals, georgian.plural_expr, georgian.fuzzy) == ("ka", 1, "0", False)


# -- the checks above catch what they are meant to ---------------------------------------------

TEMPLATE = catalog('msgid "Partners"\nmsgstr ""\n\nmsgid "%(num)d release"\nmsgid_plural "%(num)d releases"\nmsgstr[0] ""\n')
PARTNERS = 'msgid "Partners"\nmsgstr "პარტნიორები"\n\n'
RELEASES = 'msgid "%(num)d release"\nmsgid_plural "%(num)d releases"\nmsgstr[0] "%(num)d პრესრელიზი"\n'


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (PARTNERS + RELEASES, []),
        (RELEASES, ["'Partners': missing"]),
        (
            'msgid "Partners"\nmsgstr ""\n\n' + RELEASES.replace('"%(num)d პრესრელიზი"', '" "'),
            ["'Partners': not translated", "('%(num)d release', '%(num)d releases'): not translated"],
        ),
        ("#, fuzzy\n" + PARTNERS + RELEASES, ["'Partners': fuzzy"]),
    ],
    ids=["complete", "missing", "empty", "fuzzy"],
)
def test_untranslated_finds(entries: str, expected: list[str]) -> None:
    assert untranslated(TEMPLATE, catalog(entries)) == expected


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ('msgid "Press releases of %(year)s"\nmsgstr "%(year)s წლის პრესრელიზები"\n', []),
        ('msgid "Page %(number)s of %(count)s"\nmsgstr "გვერდი %(number)s / %(count)s"\n', []),
        ('msgid "Press releases of %(year)s"\nmsgstr "პრესრელიზები"\n', ["'Press releases of %(year)s': 'პრესრელიზები' has [], expected ['year']"]),
        (
            'msgid "Press releases of %(year)s"\nmsgstr "%(yaer)s წლის პრესრელიზები"\n',
            ["'Press releases of %(year)s': '%(yaer)s წლის პრესრელიზები' has ['yaer'], expected ['year']"],
        ),
        (
            'msgid "%(num)d release"\nmsgid_plural "%(num)d releases"\nmsgstr[0] "პრესრელიზი"\n',
            ["('%(num)d release', '%(num)d releases'): 'პრესრელიზი' has [], expected ['num']"],
        ),
    ],
    ids=["kept", "reordered", "dropped", "misspelt", "plural"],
)
def test_misplaced_finds(entries: str, expected: list[str]) -> None:
    assert misplaced(catalog(entries)) == expected


DATELINE = 'msgid "%(place)s, %(date)s"\nmsgstr "%(place)s, %(date)s"\n\n'


@pytest.mark.parametrize(
    ("entries", "allowed", "expected"),
    [
        (PARTNERS + RELEASES, {}, []),
        ('msgid "Partners"\nmsgstr "Partners"\n\n' + RELEASES, {}, ["'Partners': the same as the English"]),
        (PARTNERS + RELEASES.replace("%(num)d პრესრელიზი", "%(num)d releases"), {},
         ["('%(num)d release', '%(num)d releases'): the same as the English"]),
        (DATELINE + PARTNERS, {}, ["'%(place)s, %(date)s': the same as the English"]),
        (DATELINE + PARTNERS, {"%(place)s, %(date)s": "a dateline"}, []),
        (DATELINE.replace('msgstr "%(place)s, %(date)s"', 'msgstr "%(date)s, %(place)s"'), {"%(place)s, %(date)s": "a dateline"},
         ["'%(place)s, %(date)s': allowed to be the same as the English, and no longer is"]),
        (PARTNERS, {"%(place)s, %(date)s": "a dateline"},
         ["'%(place)s, %(date)s': allowed to be the same as the English, and not in the catalog"]),
    ],
    ids=["translated", "english", "english-plural", "same-not-allowed", "allowed", "allowed-changed", "allowed-gone"],
)
def test_same_as_english_finds(entries: str, allowed: dict[str, str], expected: list[str]) -> None:
    assert same_as_english(catalog(entries), allowed) == expected


def test_extract_finds_a_new_string(tmp_path: Path) -> None:
    templates = tmp_path / "theme" / "templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "home.html").write_text('<h1>{{ _("Latest news") }}</h1>\n{% trans %}Hello{% endtrans %}\n', encoding="utf-8")
    (templates / "partials" / "count.html").write_text('{{ ngettext("%(num)d release", "%(num)d releases", count) }}\n', encoding="utf-8")
    (tmp_path / "theme" / "notes.txt").write_text('{{ _("Not a template") }}\n', encoding="utf-8")
    assert extract(tmp_path) == {"Latest news", "Hello", ("%(num)d release", "%(num)d releases")}


# -- the plugin's compiler ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "georgian"),
    [
        ("Partners", "პარტნიორები"),
        ("Press releases", "პრესრელიზები"),
        ("Page %(number)s of %(count)s", "გვერდი %(number)s / %(count)s"),
        ("A string nobody translated", "A string nobody translated"),
    ],
)
def test_compile_catalog_gives_georgian(message: str, georgian: str) -> None:
    assert localisation.compile_catalog(PO, "ka").gettext(message) == georgian


@pytest.mark.parametrize("count", [1, 2, 21])
def test_compile_catalog_gives_the_one_georgian_plural(count: int) -> None:
    translations = localisation.compile_catalog(PO, "ka")
    assert translations.ngettext("%(num)d release", "%(num)d releases", count) == "%(num)d პრესრელიზი"


def test_compile_catalog_leaves_out_fuzzy_translations(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_text(
        PO_HEADER + 'msgid "Partners"\nmsgstr "პარტნიორები"\n\n#, fuzzy\nmsgid "Topics"\nmsgstr "თემატიკა"\n\nmsgid "Archive"\nmsgstr ""\n',
        encoding="utf-8",
    )
    translations = localisation.compile_catalog(po, "ka")
    assert [translations.gettext(message) for message in ("Partners", "Topics", "Archive")] == ["პარტნიორები", "Topics", "Archive"]


# -- reading strictly: a line Babel would misread stops the build ----------------------------

QUOTES = "a text opens and closes with a double quote, and a quote inside it is written \\\"; fix the quotes of that line"
KEYWORD = "is not a keyword of a catalog; expected msgid, msgid_plural, msgstr, msgstr[N] or msgctxt"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('msgid "Partners"', None),
        ('msgstr[0] "%(num)d პრესრელიზი"', None),
        ('msgstr ""', None),
        ('"a text that goes on, with a \\"quoted\\" word and a \\\\ "', None),
        ("  ", None),
        ("#, python-format", None),
        ('#: theme/templates/base.html:12 "not a text"', None),
        ('#~ msgid "Archive"', None),
        ('msgstr "არქივი', f"'msgstr \"არქივი': {QUOTES}"),  # Babel: "არქივ", the last letter cut
        ('msgstr არქივი"', f"'msgstr არქივი\"': {QUOTES}"),
        ('msgstr "the "Archive" page"', f"'msgstr \"the \"Archive\" page\"': {QUOTES}"),
        ('msgstr "ends with a backslash\\"', f"'msgstr \"ends with a backslash\\\\\"': {QUOTES}"),
        ("msgstr", f"'msgstr': {QUOTES}"),
        ('"continued', f"'\"continued': {QUOTES}"),
        ('#~ msgstr "old', f"'msgstr \"old': {QUOTES}"),
        ('msgstrr "Archive"', f"'msgstrr' {KEYWORD}"),
        ('Archive', f"'Archive' {KEYWORD}"),
    ],
    ids=["msgid", "plural", "empty", "continued", "blank", "flags", "reference", "obsolete", "unclosed", "unopened",
         "inner-quotes", "escaped-close", "no-text", "unclosed-continued", "obsolete-unclosed", "misspelt", "no-keyword"],
)
def test_line_problem_names_what_babel_would_misread(line: str, problem: str | None) -> None:
    assert localisation.line_problem(line) == problem


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ('msgid "Archive"\nmsgstr "არქივი\n\nmsgid "Topics"\nmsgstr "თემები\n',
         f"ka.po: line 8: 'msgstr \"არქივი': {QUOTES}\nka.po: line 11: 'msgstr \"თემები': {QUOTES}"),
        ('msgid "Archive"\n\nmsgid "Topics"\nmsgstr "თემები"\n',
         "ka.po: line 7: missing msgstr for msgid 'Archive'; fix the entry of that line"),
    ],
    ids=["every-unquoted-line", "babel-refuses"],
)
def test_a_catalog_that_does_not_read_is_a_theme_error_naming_each_line(tmp_path: Path, entries: str, message: str) -> None:
    po = tmp_path / "messages.po"
    po.write_text(PO_HEADER + entries, encoding="utf-8")
    with pytest.raises(ThemeError) as failure:
        localisation.compile_catalog(po, "ka", "ka.po")
    assert str(failure.value) == message


def test_a_catalog_that_is_not_utf8_is_a_theme_error_naming_the_line(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_bytes((PO_HEADER + 'msgid "Archive"\nmsgstr "Arch\u00efv"\n').encode("latin-1"))
    with pytest.raises(ThemeError) as failure:
        localisation.compile_catalog(po, "ka", "ka.po")
    assert str(failure.value) == "ka.po: line 8: not UTF-8; save the file as UTF-8"


# -- gettext in templates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "values", "expected"),
    [
        ('{{ _("Partners") }}', {"lang": "ka"}, "პარტნიორები"),
        ('{{ _("Partners") }}', {"lang": "en"}, "Partners"),
        ('{{ _("Page %(number)s of %(count)s", number=2, count="<3>") }}', {"lang": "ka"}, "გვერდი 2 / &lt;3&gt;"),
        ('{{ _("100%%") }}', {"lang": "en"}, "100%"),
        ('{% autoescape false %}{{ _("Page %(number)s of %(count)s", number=1, count="<3>") }}{% endautoescape %}', {"lang": "en"},
         "Page 1 of <3>"),
        ('{{ ngettext("%(num)d release", "%(num)d releases", 3) }}', {"lang": "ka"}, "3 პრესრელიზი"),
    ],
)
def test_templates_translate_into_the_page_language_as_jinja_gettext_does(source: str, values: dict, expected: str) -> None:
    from pelican.settings import DEFAULT_CONFIG

    from newsroom import settings

    config = settings.config({**DEFAULT_CONFIG, "NEWSROOM_LANGUAGES": {"en": {"locale": "en_GB", "sitename": "N"}, "ka": {"locale": "ka", "sitename": "N"}}})
    env = jinja2.Environment(autoescape=True)
    localisation.install(env, localisation.load_catalogs(TRANSLATIONS, config), config)
    template = env.from_string(source)
    assert template.render(values) == expected
    assert template.render(values) == expected  # the second time from what the first looked up
