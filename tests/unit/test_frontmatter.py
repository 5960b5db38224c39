"""Front-matter: split from the body, YAML loaded, every field checked and converted."""

from __future__ import annotations

import datetime
import re

import pytest

from newsroom import frontmatter, messages
from newsroom.dates import PublicationDate, Schedule
from newsroom.frontmatter import Image, Release

SITE = frontmatter.Site(languages=("en", "ka"), today=datetime.date(2026, 11, 29))
PATH = "content/releases/2018/eu-tablets.en.md"  # no date in the name: the tests change the date
BODY = "The EU has donated 540 tablets to the Ministry of Internal Affairs.\n"
FIELDS = (
    "'aliases', 'attachments', 'correction', 'date', 'date_approximate', 'draft', 'event_dates', 'funded_by', 'image', 'lang', 'location', "
    "'partners', 'slug', 'summary', 'title', 'topics', 'translation_key', 'updated', 'video', 'withdrawn', 'withdrawn_reason'"
)
LANGUAGES = "expected one of: 'en', 'ka'"
DATE = "expected YYYY-MM-DD, e.g. 2018-06-06, or YYYY-MM or YYYY when the day is not known"
EVENT = ("expected YYYY-MM-DD, a range YYYY-MM-DD/YYYY-MM-DD or a list of them, "
         "e.g. [2018-12-14, 2018-12-15, 2018-12-17/2018-12-18]")
NO_DAY = "if the day is not known, write date: 2018-12, and add date_approximate: true if the month is only inferred"
NO_MONTH = "if the month is not known, write date: 2018, and add date_approximate: true if the year is only inferred"
ALONE = "write the date alone, date: {}, and add the line date_approximate: true"
NOT_BEGUN = ("a date without its day is for a release published in the past, an embargoed release carries the day it may be "
             "published, expected YYYY-MM-DD, e.g. 2018-06-06")
NO_EVENT_DAYS = "an event's dates are days, expected YYYY-MM-DD, e.g. 2018-06-06; if its days are not known, leave event_dates out"
CORRECTED = "write the day the release was corrected, YYYY-MM-DD, e.g. 2019-01-12"
WITHDRAWN = "write the day the release was withdrawn, YYYY-MM-DD, e.g. 2019-02-01"
URL_NAME = "write it as the address had it, in small Latin letters, digits and '-'"
OLD_ADDRESS = "write an old URL name, e.g. eu-tablets, or an old address, e.g. /en/news/eu-tablets/"
NO_FRONT_MATTER = (
    f"{PATH}: no front-matter: the file must start with a line '---' "
    "and the metadata must end with another '---' line"
)

# The smallest valid front-matter, as YAML text per field.
MINIMAL = {"title": "EU tablets for policing", "date": "2018-06-06", "lang": "en", "partners": "[eu]"}


def source(body: str = BODY, **changes: str | None) -> str:
    """A release file: MINIMAL with `changes` (YAML text per field; None leaves a field out)."""
    fields = {**MINIMAL, **changes}
    lines = "".join(f"{name}: {value}\n" for name, value in fields.items() if value is not None)
    return f"---\n{lines}---\n{body}"


def problems(text: str, path: str = PATH) -> list[str]:
    return [str(problem) for problem in frontmatter.parse(text, path, SITE)[2]]


def events(*spans: tuple[str, str]) -> Schedule:
    """A schedule from (first day, last day) pairs written YYYY-MM-DD."""
    return Schedule(tuple((datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)) for start, end in spans))


def release(text: str, path: str = PATH) -> Release:
    result, _, found = frontmatter.parse(text, path, SITE)
    assert [str(problem) for problem in found] == []
    return result


# -- split -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: T\n---\nBody\n", ("title: T\n", "Body\n", 2)),
        ("---\ntitle: T\nlang: en\n---\n\nBody\n", ("title: T\nlang: en\n", "\nBody\n", 2)),
        ("---\ntitle: T\n...\nBody\n", ("title: T\n", "Body\n", 2)),  # YAML's own end marker
        ("\ufeff---\ntitle: T\n---\nBody\n", ("title: T\n", "Body\n", 2)),  # a byte-order mark
        ("---\r\ntitle: T\r\n---\r\nBody\r\n", ("title: T\r\n", "Body\r\n", 2)),
        ("---  \ntitle: T\n---\n", ("title: T\n", "", 2)),
        ("---\n---\nBody\n", ("", "Body\n", 2)),
        ("---\ntitle: T\n---\nBody\n---\nMore\n", ("title: T\n", "Body\n---\nMore\n", 2)),
        ("title: T\n---\nBody\n", None),
        ("Body\n---\ntitle: T\n---\n", None),
        ("---\ntitle: T\nBody\n", None),  # never closed
        ("", None),
    ],
)
def test_split(text: str, expected: tuple[str, str, int] | None) -> None:
    assert frontmatter.split(text) == expected


# -- parse: the file as a whole ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["The EU has donated 540 tablets.\n", "title: T\ndate: 2018-06-06\n", "---\ntitle: T\n", ""],
)
def test_parse_without_front_matter(text: str) -> None:
    result, body, found = frontmatter.parse(text, PATH, SITE)
    assert (result, body, [str(problem) for problem in found]) == (None, "", [NO_FRONT_MATTER])


QUOTE_IT = "if a value contains ': ', put the whole value in quotes, e.g. title: \"IOM: a new office\""
# Each file's YAML goes wrong on the file's 4th line (the 3rd line of its YAML).
MALFORMED = [
    pytest.param("partners: [eu\nlang: en\n", "while parsing a flow sequence, did not find expected ',' or ']'", id="unclosed ["),
    pytest.param(
        "image: {src: images/ok.jpg\nlang: en\n", "while parsing a flow mapping, did not find expected ',' or '}'", id="unclosed {"
    ),
    pytest.param(
        'summary: "Tablets for the police\nlang: en\n',
        "while scanning a quoted scalar, found unexpected end of stream; a quote was opened and not closed; close it on the same line",
        id="unclosed quote",
    ),
    pytest.param("partners eu\nlang: en\n", "while scanning a simple key, could not find expected ':'", id="no colon"),
    pytest.param("lang: en: ka\npartners: [eu]\n", f"mapping values are not allowed in this context; {QUOTE_IT}", id="two colons"),
    pytest.param("  lang: en\npartners: [eu]\n", f"mapping values are not allowed in this context; {QUOTE_IT}", id="indented"),
    pytest.param(
        "summary: @IOM\nlang: en\n",
        "while scanning for the next token, found character that cannot start any token; put a value that starts with '@' in quotes",
        id="at sign",
    ),
    # an apostrophe inside single quotes, as in a title with "IOM's": a likely slip
    pytest.param(
        "summary: 'IOM's new office'\nlang: en\n", "while parsing a block mapping, did not find expected key; a value that starts with ' "
        "must end with it; put the whole value in the other kind of quotes, e.g. title: \"IOM's new office\"", id="quote in quotes"
    ),
    pytest.param(
        'summary: "The "new" office"\nlang: en\n', "while parsing a block mapping, did not find expected key; a value that starts with \" "
        "must end with it; put the whole value in the other kind of quotes, e.g. title: '\"Women in Policing\" opens'", id="double quotes"
    ),
    pytest.param("- en\npartners: [eu]\n", "while parsing a block mapping, did not find expected key", id="list item"),
    pytest.param(
        "\tlang: en\npartners: [eu]\n",
        "while scanning a plain scalar, found a tab character that violates indentation; indent with spaces, not tabs",
        id="tab",
    ),
]


# What YAML could make explode, or turn into something else, is refused before it is built: each
# on the file's 4th line.
REFUSED = [
    pytest.param("summary: *tablets\n", "'*tablets' is a YAML alias, which is not allowed; if the value starts with '*', put it in quotes", id="alias"),
    pytest.param("summary: &a Tablets\n", "'&a' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes", id="anchor"),
    pytest.param("summary: !!python/object:os.system x\n", "YAML tags ('!!python/object:os.system') are not allowed; write the value without it", id="tag"),
    pytest.param("summary: !!str 010\n", "YAML tags ('!!str') are not allowed; write the value without it", id="str tag"),
    pytest.param("summary: " + "[" * 50 + "]" * 50 + "\n",
                 "lists and fields are nested more than 6 levels deep; no field needs that, check the brackets and indentation", id="nested"),
    pytest.param("summary: " + "[" * 8_000 + "]" * 8_000 + "\n",
                 "lists and fields are nested more than 6 levels deep; no field needs that, check the brackets and indentation", id="8,000 brackets"),
    pytest.param("[eu]: partners\n", "a list or a mapping cannot be a field name; write 'name: value'", id="list as key"),
    pytest.param("? {a: b}\n: partners\n", "a list or a mapping cannot be a field name; write 'name: value'", id="mapping as key"),
    pytest.param("true: partners\n", "'true' cannot be a field name; write 'name: value'", id="boolean key"),
    pytest.param("summary: [" + "x," * 5100 + "x]\n", "holds more than 5000 values; check that this is the file you meant", id="many values"),
]


@pytest.mark.parametrize(("fourth_line", "complaint"), REFUSED)
def test_parse_refuses_what_yaml_could_turn_into_something_else(fourth_line: str, complaint: str) -> None:
    text = f"---\ntitle: EU tablets\ndate: 2018-06-06\n{fourth_line}---\n{BODY}"
    assert problems(text) == [f"{PATH}: line 4: {complaint}"]


def test_parse_an_alias_bomb_is_refused_before_it_is_built() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    assert problems(f"---\n{bomb}---\n{BODY}") == [
        f"{PATH}: line 2: '&a' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes"]


def test_parse_a_huge_front_matter_is_refused_before_it_is_parsed() -> None:
    text = "---\ntitle: T\nsummary: '" + "x" * 20_000 + "'\n---\nBody\n"
    assert problems(text) == [f"{PATH}: the front-matter is longer than 16 KB; check that the closing '---' line is where the fields end"]


@pytest.mark.parametrize(("fourth_line_on", "complaint"), MALFORMED)
def test_parse_malformed_yaml_names_the_files_line(fourth_line_on: str, complaint: str) -> None:
    text = f"---\ntitle: EU tablets\ndate: 2018-06-06\n{fourth_line_on}---\n{BODY}"
    assert text.splitlines()[3] == fourth_line_on.splitlines()[0]
    assert problems(text) == [f"{PATH}: line 4: malformed YAML: {complaint}"]


def test_parse_malformed_yaml_after_a_byte_order_mark() -> None:
    text = f"\ufeff---\ntitle: EU tablets\ndate: 2018-06-06\npartners: [eu\n---\n{BODY}"
    assert problems(text) == [f"{PATH}: line 4: malformed YAML: while parsing a flow sequence, did not find expected ',' or ']'"]


def test_parse_malformed_yaml_keeps_the_body() -> None:
    result, body, _ = frontmatter.parse(f"---\npartners: [eu\n---\n{BODY}", PATH, SITE)
    assert (result, body) == (None, BODY)


@pytest.mark.parametrize("yaml", ["- title: T\n- lang: en\n", "EU tablets for policing\n", "2018\n"])
def test_parse_front_matter_that_is_not_a_mapping(yaml: str) -> None:
    assert problems(f"---\n{yaml}---\n{BODY}") == [f"{PATH}: the front-matter must be 'field: value' lines"]


def test_parse_a_field_written_twice_is_an_error_at_its_second_line() -> None:
    text = f"---\ntitle: T\ndate: 2018-06-06\ndate: 2018-06-07\n---\n{BODY}"
    assert problems(text) == [f"{PATH}: line 4: 'date' is there twice; keep one"]


def test_parse_empty_front_matter_reports_every_required_field() -> None:
    assert problems(f"---\n---\n{BODY}") == [
        f"{PATH}: 'title': missing; every release needs a title",
        f"{PATH}: 'date': missing; every release needs a date, {DATE}",
        f"{PATH}: 'lang': missing; every release declares its language, {LANGUAGES}",
    ]


def test_parse_reports_every_problem_of_a_file_not_just_the_first() -> None:
    text = source(
        body="\n",
        title='""',
        date="2018-02-30",
        lang="ge",
        partners="[eu, eu]",
        event_dates="2018-03-09/2018-03-06",
        image="{src: images/missing.jpg}",
        video="youtube.com/watch?v=x",
        draft='"no"',
        partnr="[mia]",
    )
    assert problems(text) == [
        f"{PATH}: 'title': empty; every release needs a title",
        f"{PATH}: 'date': '2018-02-30' is not a real date (day is out of range for month); {DATE}",
        f"{PATH}: 'lang': 'ge' is not a site language; did you mean 'ka'? {LANGUAGES}",
        f"{PATH}: 'partners': partner 'eu' is listed twice",
        f"{PATH}: 'event_dates': '2018-03-09/2018-03-06' ends before it starts; write the earlier date first",
        f"{PATH}: 'image.alt': missing; describe the image for readers who cannot see it",
        f"{PATH}: 'video': 'youtube.com/watch?v=x' is not a secure web address; expected https://…",
        f"{PATH}: 'draft': 'no' is not true or false; write true or false",
        f"{PATH}: 'partnr': unknown field; did you mean 'partners'? expected one of: {FIELDS}",
        f"{PATH}: 'body': the release has no text after the front-matter",
    ]


def test_parse_gives_no_release_when_there_is_a_problem() -> None:
    assert frontmatter.parse(source(lang="ge"), PATH, SITE)[0] is None


# -- parse: one field at a time ----------------------------------------------------------------

FIELD_PROBLEMS = [
    # title
    ({"title": None}, "'title': missing; every release needs a title"),
    ({"title": '""'}, "'title': empty; every release needs a title"),
    ({"title": '"   "'}, "'title': empty; every release needs a title"),
    ({"title": ""}, "'title': missing; every release needs a title"),  # YAML null
    ({"title": "[EU, tablets]"}, "'title': ['EU', 'tablets'] is not text; expected a single line of text"),
    ({"title": "true"}, "'title': True is not text; expected a single line of text"),
    ({"summary": "{a: b}"}, "'summary': {'a': 'b'} is not text; expected text"),
    ({"title": "'Tbilisi\u202egnol'"}, "'title': 'Tbilisi\\u202egnol' contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) "
                                       "after 'Tbilisi'; delete it (retype the words around it if you cannot see it)"),
    ({"title": "'EU\u200btablets'"}, "'title': 'EU\\u200btablets' contains an invisible character U+200B (ZERO WIDTH SPACE) "
                                     "after 'EU'; delete it (retype the words around it if you cannot see it)"),
    ({"title": '"EU\\x1btablets"'}, "'title': 'EU\\x1btablets' contains an invisible character U+001B (ESCAPE) "
                                     "after 'EU'; delete it (retype the words around it if you cannot see it)"),
    ({"title": "|\n  EU tablets\n  for policing"}, "'title': 'EU tablets\\nfor policing' contains a line break after 'EU tablets'; write it on one line"),
    ({"location": '"Tbilisi\\u2028Batumi"'}, "'location': 'Tbilisi\\u2028Batumi' contains a line break after 'Tbilisi'; write it on one line"),
    ({"title": "x" * 201}, "'title': is 201 characters long; at most 200 fit where it is shown, shorten it"),
    ({"summary": "x" * 1001}, "'summary': is 1001 characters long; at most 1000 fit where it is shown, shorten it"),
    # lang
    ({"lang": None}, f"'lang': missing; every release declares its language, {LANGUAGES}"),
    ({"lang": "ge"}, f"'lang': 'ge' is not a site language; did you mean 'ka'? {LANGUAGES}"),
    ({"lang": "GE"}, f"'lang': 'GE' is not a site language; did you mean 'ka'? {LANGUAGES}"),
    ({"lang": "georgian"}, f"'lang': 'georgian' is not a site language; did you mean 'ka'? {LANGUAGES}"),
    ({"lang": "ქართული"}, f"'lang': 'ქართული' is not a site language; did you mean 'ka'? {LANGUAGES}"),
    ({"lang": "ka-GE"}, f"'lang': 'ka-GE' is not a site language; did you mean 'ka'? {LANGUAGES}"),
    ({"lang": "english"}, f"'lang': 'english' is not a site language; did you mean 'en'? {LANGUAGES}"),
    ({"lang": "EN"}, f"'lang': 'EN' is not a site language; did you mean 'en'? {LANGUAGES}"),
    ({"lang": "en-GB"}, f"'lang': 'en-GB' is not a site language; did you mean 'en'? {LANGUAGES}"),
    ({"lang": "fr"}, f"'lang': 'fr' is not a site language; {LANGUAGES}"),
    ({"lang": "ru"}, f"'lang': 'ru' is not a site language; {LANGUAGES}"),
    ({"lang": "[en]"}, f"'lang': ['en'] is not a site language; {LANGUAGES}"),
    # partners, funded_by, topics
    ({"partners": "[eu, eu]"}, "'partners': partner 'eu' is listed twice"),
    ({"partners": "[eu, [mia]]"}, "'partners': ['eu', ['mia']] is not a list of partner keys; write [key, key]"),
    ({"partners": "{eu: yes}"}, "'partners': {'eu': 'yes'} is not a list of partner keys; write [key, key]"),
    ({"partners": "eu, mia"}, "'partners': 'eu, mia' is not a list; write the partners in brackets: [eu, mia]"),
    ({"funded_by": "[eu, eu]"}, "'funded_by': partner 'eu' is listed twice"),
    # date
    ({"date": None}, f"'date': missing; every release needs a date, {DATE}"),
    ({"date": "2018-14-06"}, f"'date': '2018-14-06' is not a real date (month must be in 1..12); {DATE}"),
    ({"date": "2018-02-30"}, f"'date': '2018-02-30' is not a real date (day is out of range for month); {DATE}"),
    ({"date": "2018-06-06 25:00"}, f"'date': '2018-06-06 25:00' is not a real date (hour must be in 0..23); {DATE}"),
    ({"date": "June 6"}, f"'date': 'June 6' is not a date; {DATE}"),
    ({"date": "06/06/2018"}, f"'date': '06/06/2018' is not a date; {DATE}"),
    ({"date": "20180606"}, f"'date': '20180606' is not a date; {DATE}"),
    ({"date": "1950-12-31"}, "'date': '1950-12-31' is before IOM was founded (1951); check the year"),
    ({"date": "0218-06-06"}, "'date': '0218-06-06' is before IOM was founded (1951); check the year"),
    ({"date": "2027-12-01"}, "'date': '2027-12-01' is more than a year from now; an embargoed release carries the day it may be published, check the year"),
    ({"date": "2099-01-01"}, "'date': '2099-01-01' is more than a year from now; an embargoed release carries the day it may be published, check the year"),
    ({"date": "[2018-06-06]"}, f"'date': ['2018-06-06'] is not a date; {DATE}"),
    # date: a day, a month or a year that is not known, and the likely ways of writing so
    ({"date": "2018-12-00"}, f"'date': '2018-12-00' is not a real date (day is out of range for month); {NO_DAY}"),
    ({"date": "2018-12-??"}, f"'date': '2018-12-??' is not a date; {NO_DAY}"),
    ({"date": "2018-12-XX"}, f"'date': '2018-12-XX' is not a date; {NO_DAY}"),
    ({"date": "2018-12-xx"}, f"'date': '2018-12-xx' is not a date; {NO_DAY}"),
    ({"date": "2018-12-"}, f"'date': '2018-12-' is not a date; {NO_DAY}"),
    ({"date": "2018-00"}, f"'date': '2018-00' is not a real date (month must be in 1..12); {NO_MONTH}"),
    ({"date": "2018-00-00"}, f"'date': '2018-00-00' is not a real date (month must be in 1..12); {NO_MONTH}"),
    ({"date": "2018-??-??"}, f"'date': '2018-??-??' is not a date; {NO_MONTH}"),
    ({"date": "2018-13"}, f"'date': '2018-13' is not a real date (month must be in 1..12); {DATE}"),
    ({"date": "c. 2018"}, f"'date': 'c. 2018' is not a date; {ALONE.format('2018')}"),
    ({"date": "ca 2018-12"}, f"'date': 'ca 2018-12' is not a date; {ALONE.format('2018-12')}"),
    ({"date": "circa December 2018"}, f"'date': 'circa December 2018' is not a date; {ALONE.format('2018-12')}"),
    ({"date": '"~2018"'}, f"'date': '~2018' is not a date; {ALONE.format('2018')}"),
    ({"date": "2018?"}, f"'date': '2018?' is not a date; {ALONE.format('2018')}"),
    ({"date": "2018-12 (approx.)"}, f"'date': '2018-12 (approx.)' is not a date; {ALONE.format('2018-12')}"),
    ({"date": "დაახლოებით 2018"}, f"'date': 'დაახლოებით 2018' is not a date; {ALONE.format('2018')}"),
    ({"date": "December 2018"}, "'date': 'December 2018' is not a date; write it year-month-day, as far as it is known: date: 2018-12"),
    ({"date": "Dec. 2018"}, "'date': 'Dec. 2018' is not a date; write it year-month-day, as far as it is known: date: 2018-12"),
    ({"date": "6 June 2018"}, "'date': '6 June 2018' is not a date; write it year-month-day, as far as it is known: date: 2018-06-06"),
    ({"date": "June 6, 2018"}, "'date': 'June 6, 2018' is not a date; write it year-month-day, as far as it is known: date: 2018-06-06"),
    ({"date": "დეკემბერი, 2018"}, "'date': 'დეკემბერი, 2018' is not a date; write it year-month-day, as far as it is known: date: 2018-12"),
    ({"date": "12/2018"}, "'date': '12/2018' is not a date; write it year-month-day, as far as it is known: date: 2018-12"),
    ({"date": "2018-12-14/2018-12-18"}, "'date': '2018-12-14/2018-12-18' is not a date; a release has one publication date, write it alone, "
                                        "and the event's days go in event_dates: 2018-12-14/2018-12-18"),
    ({"date": "1950-12"}, "'date': '1950-12' is before IOM was founded (1951); check the year"),
    ({"date": "1950"}, "'date': '1950' is before IOM was founded (1951); check the year"),
    ({"date": "2026-12"}, f"'date': '2026-12' has not begun yet; {NOT_BEGUN}"),
    ({"date": "2027"}, f"'date': '2027' has not begun yet; {NOT_BEGUN}"),
    # event_dates
    ({"event_dates": "2018-03-09/2018-03-06"}, "'event_dates': '2018-03-09/2018-03-06' ends before it starts; write the earlier date first"),
    ({"event_dates": "March 6"}, f"'event_dates': 'March 6' is not a date; {EVENT}"),
    ({"event_dates": "6 March 2018"}, "'event_dates': '6 March 2018' is not a date; write it year-month-day: 2018-03-06"),
    ({"event_dates": "2018-03-06/March 9"}, "'event_dates': 'March 9' is not a date; expected YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD"),
    ({"event_dates": "2018-02-30/2018-03-01"}, f"'event_dates': '2018-02-30' is not a real date (day is out of range for month); {EVENT}"),
    (
        {"event_dates": "2018-03-06/"},
        "'event_dates': '2018-03-06/' has no end date after '/'; expected YYYY-MM-DD/YYYY-MM-DD, e.g. 2018-03-06/2018-03-09",
    ),
    ({"event_dates": "2018-12-14–2018-12-18"}, "'event_dates': '2018-12-14–2018-12-18' is not a date; write a range with a slash: 2018-12-14/2018-12-18"),
    ({"event_dates": "2018-12-14 to 2018-12-18"}, "'event_dates': '2018-12-14 to 2018-12-18' is not a date; write a range with a slash: 2018-12-14/2018-12-18"),
    ({"event_dates": "2018-12"}, f"'event_dates': '2018-12' is not a day; {NO_EVENT_DAYS}"),
    ({"event_dates": "[2018-12-14, 2018]"}, f"'event_dates': '2018' is not a day; {NO_EVENT_DAYS}"),
    ({"event_dates": "2018-12-14, 2018-12-15"},
     "'event_dates': '2018-12-14, 2018-12-15' is not a list; write the days in brackets: [2018-12-14, 2018-12-15]"),
    ({"event_dates": "[2018-12-17, 2018-12-14, 2018-12-15]"},
     "'event_dates': '2018-12-14' comes after '2018-12-17' in the list; list the days in order, earliest first: [2018-12-14, 2018-12-15, 2018-12-17]"),
    ({"event_dates": "[2018-12-14, 2018-12-14]"}, "'event_dates': '2018-12-14' is listed twice; list each day once"),
    ({"event_dates": "[2018-12-14/2018-12-16, 2018-12-15]"}, "'event_dates': '2018-12-15' overlaps '2018-12-14/2018-12-16'; list each day once"),
    ({"event_dates": "[2018-12-14/2018-12-16, 2018-12-16/2018-12-18]"},
     "'event_dates': '2018-12-16/2018-12-18' overlaps '2018-12-14/2018-12-16'; list each day once"),
    ({"event_dates": "[2018-12-14, [2018-12-15]]"}, f"'event_dates': ['2018-12-15'] is not a date; {EVENT}"),
    ({"event_dates": "{start: 2018-12-14}"}, f"'event_dates': {{'start': '2018-12-14'}} is not a date; {EVENT}"),
    ({"event_dates": "[2018-12-14, 2018-12-32]"}, f"'event_dates': '2018-12-32' is not a real date (day is out of range for month); {EVENT}"),
    # image
    ({"image": "{src: images/ok.jpg}"}, "'image.alt': missing; describe the image for readers who cannot see it"),
    ({"image": '{src: images/ok.jpg, alt: " "}'}, "'image.alt': missing; describe the image for readers who cannot see it"),
    ({"image": "{alt: Tablets}"}, "'image.src': missing; give the image's path under content/, e.g. images/2018/conference.jpg"),
    (
        {"image": "{src: images/ok.jpg, alt: Tablets, captoin: At the ministry}"},
        "'image.captoin': unknown field; did you mean 'caption'? expected one of: 'alt', 'caption', 'credit', 'src'",
    ),
    (
        {"image": "{src: images/ok.jpg, alt: Tablets, width: 800}"},
        "'image.width': unknown field; expected one of: 'alt', 'caption', 'credit', 'src'",
    ),
    ({"image": "{src: images/ok.jpg, alt: Tablets, credit: [IOM]}"}, "'image.credit': ['IOM'] is not text; expected a single line of text"),
    ({"image": "{src: images/ok.jpg, alt: '\u202eTablets'}"}, "'image.alt': '\\u202eTablets' contains an invisible character U+202E "
                                                           "(RIGHT-TO-LEFT OVERRIDE) after the start of the line; delete it (retype the words around it if you cannot see it)"),
    ({"image": "images/ok.jpg"}, "'image': 'images/ok.jpg' is not an image; expected 'src:' and 'alt:' lines indented under 'image:'"),
    # video
    ({"video": "youtube.com/watch?v=x"}, "'video': 'youtube.com/watch?v=x' is not a secure web address; expected https://…"),
    ({"video": "ftp://example.org/tablets.mp4"}, "'video': 'ftp://example.org/tablets.mp4' is not a secure web address; expected https://…"),
    ({"video": "http://example.org/tablets.mp4"}, "'video': 'http://example.org/tablets.mp4' is not a secure web address; expected https://…"),
    ({"video": "javascript:alert(1)//https://x"}, "'video': 'javascript:alert(1)//https://x' is not a secure web address; expected https://…"),
    ({"video": "https://"}, "'video': 'https://' is not a secure web address; expected https://…"),
    ({"video": "2018"}, "'video': '2018' is not a secure web address; expected https://…"),
    # draft, date_approximate
    ({"draft": '"true"'}, "'draft': 'true' is not true or false; write true or false"),
    ({"draft": "1"}, "'draft': '1' is not true or false; write true or false"),
    ({"draft": "yes"}, "'draft': 'yes' is not true or false; write true or false"),
    ({"date_approximate": "maybe"}, "'date_approximate': 'maybe' is not true or false; write true or false"),
    # lang and the file name
    ({"lang": "ka"}, "'lang': 'ka' disagrees with the file name, which ends in '.en.md'; give the file the ending of its language ('.ka.md') or correct 'lang'"),
    # translation_key
    (
        {"translation_key": "2018 eu tablets"},
        "'translation_key': '2018 eu tablets' is not a usable key; expected letters, digits, '-' and '_', e.g. 2018-eu-tablets",
    ),
    (
        {"translation_key": "-eu-tablets"},
        "'translation_key': '-eu-tablets' is not a usable key; expected letters, digits, '-' and '_', e.g. 2018-eu-tablets",
    ),
    (
        {"translation_key": "ტაბლეტები"},
        "'translation_key': 'ტაბლეტები' is not a usable key; expected letters, digits, '-' and '_', e.g. 2018-eu-tablets",
    ),
    (
        {"translation_key": "true"},
        "'translation_key': True is not a usable key; expected letters, digits, '-' and '_', e.g. 2018-eu-tablets",
    ),
    # slug
    ({"slug": "'!!!'"}, "'slug': '!!!' gives no usable URL name (no letters or digits to make a slug from); set 'slug: words-in-latin-letters'"),
    # updated: the day of a correction, a day, from the release's date to today
    ({"updated": "2019-01"}, f"'updated': '2019-01' is not a day; {CORRECTED}"),
    ({"updated": "2019"}, f"'updated': '2019' is not a day; {CORRECTED}"),
    ({"updated": "2019-02-30"}, f"'updated': '2019-02-30' is not a real date (day is out of range for month); {CORRECTED}"),
    ({"updated": "2019-01-12 25:00"}, f"'updated': '2019-01-12 25:00' is not a real date (hour must be in 0..23); {CORRECTED}"),
    ({"updated": "yes"}, f"'updated': 'yes' is not a date; {CORRECTED}"),
    ({"updated": "true"}, f"'updated': True is not a date; {CORRECTED}"),
    ({"updated": "[2019-01-12]"}, f"'updated': ['2019-01-12'] is not a date; {CORRECTED}"),
    ({"updated": "12/01/2019"}, f"'updated': '12/01/2019' is not a date; {CORRECTED}"),
    ({"updated": "12 January 2019"}, "'updated': '12 January 2019' is not a date; write it year-month-day: 2019-01-12"),
    ({"updated": "January 12, 2019"}, "'updated': 'January 12, 2019' is not a date; write it year-month-day: 2019-01-12"),
    ({"updated": "2018-06-05"}, "'updated': '2018-06-05' is before the release's date, 2018-06-06; a correction comes after the release, check the day"),
    ({"date": "2018-06-06 10:30", "updated": "2018-06-06 09:00"},
     "'updated': '2018-06-06 09:00' is before the release's date, 2018-06-06 10:30; a correction comes after the release, check the day"),
    ({"updated": "2026-11-30"}, "'updated': '2026-11-30' has not come yet; write the day the release was corrected, today at the latest"),
    ({"date": "2026-12-10", "updated": "2026-12-11"},
     "'updated': '2026-12-11' is for a release already published, and this one waits for its date, 2026-12-10; "
     "correct the text and leave 'updated' out"),
    # correction: one line, with the day of the correction
    ({"correction": "The number of tablets was 540, not 450."},
     "'correction': a correction note needs the day of the correction; add the line updated: YYYY-MM-DD"),
    ({"updated": "2019-01-12", "correction": "|\n  540 tablets,\n  not 450."},
     "'correction': '540 tablets,\\nnot 450.' contains a line break after '540 tablets,'; write it on one line"),
    ({"updated": "2019-01-12", "correction": "'540\u200btablets'"},
     "'correction': '540\\u200btablets' contains an invisible character U+200B (ZERO WIDTH SPACE) after '540'; "
     "delete it (retype the words around it if you cannot see it)"),
    ({"updated": "2019-01-12", "correction": "x" * 301}, "'correction': is 301 characters long; at most 300 fit where it is shown, shorten it"),
    ({"updated": "2019-01-12", "correction": "[540, 450]"}, "'correction': ['540', '450'] is not text; expected a single line of text"),
    # aliases: the URL names a renamed release had, or its old addresses, in its language
    ({"aliases": "eu-tablets-old, tablets"}, "'aliases': 'eu-tablets-old, tablets' is not a list; write the old URL names in brackets: [eu-tablets-old, tablets]"),
    ({"aliases": "[tablets, [old]]"}, "'aliases': ['tablets', ['old']] is not a list of old URL names; write [old-name, older-name]"),
    ({"aliases": "{old: tablets}"}, "'aliases': {'old': 'tablets'} is not a list of old URL names; write [old-name, older-name]"),
    ({"aliases": "[EU Tablets]"}, f"'aliases': 'EU Tablets' is not a URL name; {URL_NAME}: eu-tablets"),
    ({"aliases": "[ტაბლეტები]"}, f"'aliases': 'ტაბლეტები' is not a URL name; {URL_NAME}: tabletebi"),
    ({"aliases": "['!!!']"}, f"'aliases': '!!!' is not a URL name; {URL_NAME}"),
    ({"aliases": "[/en/news/EU_Tablets/]"}, f"'aliases': '/en/news/EU_Tablets/' is not a URL name; {URL_NAME}: eu-tablets"),
    ({"aliases": "[tablets, /en/news/tablets/]"}, "'aliases': 'tablets' is listed twice"),
    ({"aliases": "[eu-tablets]"}, "'aliases': 'eu-tablets' is the release's own URL name; list only the names it had before"),
    ({"aliases": "[/en/news/eu-tablets/]"}, "'aliases': '/en/news/eu-tablets/' is the release's own URL name; list only the names it had before"),
    ({"aliases": "[/ka/news/tabletebi/]"}, "'aliases': '/ka/news/tabletebi/' is an address in 'ka'; list it in the 'ka' version of the release"),
    ({"aliases": "[/en/partners/eu/]"}, f"'aliases': '/en/partners/eu/' is not the address of a release; {OLD_ADDRESS}"),
    ({"aliases": "[/en/news/]"}, f"'aliases': '/en/news/' is not the address of a release; {OLD_ADDRESS}"),
    ({"aliases": "[../../etc/passwd]"}, f"'aliases': '../../etc/passwd' is not the address of a release; {OLD_ADDRESS}"),
    ({"aliases": "['https://example.org/newsroom/en/news/tablets/']"},
     "'aliases': 'https://example.org/newsroom/en/news/tablets/' is a web address; write the old URL name alone: tablets"),
    ({"aliases": "['https://www.iom.int/news/tablets']"}, f"'aliases': 'https://www.iom.int/news/tablets' is a web address; {OLD_ADDRESS}"),
    # withdrawn: the day it was withdrawn, as `updated`; a reason only with it
    ({"withdrawn": "true"}, f"'withdrawn': True is not a date; {WITHDRAWN}"),
    ({"withdrawn": "yes"}, f"'withdrawn': 'yes' is not a date; {WITHDRAWN}"),
    ({"withdrawn": "2019-02"}, f"'withdrawn': '2019-02' is not a day; {WITHDRAWN}"),
    ({"withdrawn": "2019-02-29"}, f"'withdrawn': '2019-02-29' is not a real date (day is out of range for month); {WITHDRAWN}"),
    ({"withdrawn": "1 February 2019"}, "'withdrawn': '1 February 2019' is not a date; write it year-month-day: 2019-02-01"),
    ({"withdrawn": "2018-06-01"},
     "'withdrawn': '2018-06-01' is before the release's date, 2018-06-06; a release is withdrawn after it was published, check the day"),
    ({"withdrawn": "2026-11-30"}, "'withdrawn': '2026-11-30' has not come yet; write the day the release was withdrawn, today at the latest"),
    ({"date": "2026-12-10", "withdrawn": "2026-12-11"},
     "'withdrawn': '2026-12-11' is for a release already published, and this one waits for its date, 2026-12-10; "
     "to keep it off the site, add draft: true or delete the file"),
    ({"withdrawn_reason": "The figures were wrong."},
     "'withdrawn_reason': a reason needs the day the release was withdrawn; add the line withdrawn: YYYY-MM-DD"),
    ({"withdrawn": "2019-02-01", "withdrawn_reason": "x" * 301},
     "'withdrawn_reason': is 301 characters long; at most 300 fit where it is shown, shorten it"),
    ({"withdrawn": "2019-02-01", "withdrawn_reason": "'Wrong\u202efigures'"},
     "'withdrawn_reason': 'Wrong\\u202efigures' contains an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) after 'Wrong'; "
     "delete it (retype the words around it if you cannot see it)"),
    # unknown fields
    ({"withdrawn_note": "x"}, f"'withdrawn_note': unknown field; did you mean 'withdrawn_reason'? expected one of: {FIELDS}"),
    ({"redirect_from": "[old]"}, f"'redirect_from': unknown field; did you mean 'aliases'? expected one of: {FIELDS}"),
    ({"modified": "2019-01-12"}, f"'modified': unknown field; did you mean 'updated'? expected one of: {FIELDS}"),
    ({"lastmod": "2019-01-12"}, f"'lastmod': unknown field; did you mean 'updated'? expected one of: {FIELDS}"),
    ({"alias": "[old]"}, f"'alias': unknown field; did you mean 'aliases'? expected one of: {FIELDS}"),
    ({"partnr": "[eu]"}, f"'partnr': unknown field; did you mean 'partners'? expected one of: {FIELDS}"),
    ({"Title": "EU tablets"}, f"'Title': unknown field; did you mean 'title'? expected one of: {FIELDS}"),
    ({"author": "IOM"}, f"'author': unknown field; expected one of: {FIELDS}"),
]


@pytest.mark.parametrize(("changes", "message"), FIELD_PROBLEMS)
def test_parse_field_problem(changes: dict[str, str | None], message: str) -> None:
    assert problems(source(**changes)) == [f"{PATH}: {message}"]


@pytest.mark.parametrize("body", ["", "\n", "  \n\n\t\n"])
def test_parse_a_release_without_a_body(body: str) -> None:
    assert problems(source(body=body)) == [f"{PATH}: 'body': the release has no text after the front-matter"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "content/releases/2018/2018-06-06.en.md",
            "'slug': the file name gives no usable URL name (no words left once the date, language tag and '.md' "
            "are removed); set 'slug: words-in-latin-letters'",
        ),
        (
            "content/releases/2018/2018-06-06-!!!.en.md",
            "'slug': the file name gives no usable URL name (no letters or digits to make a slug from); "
            "set 'slug: words-in-latin-letters'",
        ),
    ],
)
def test_parse_a_file_name_without_a_slug(path: str, message: str) -> None:
    assert problems(source(), path) == [f"{path}: {message}"]


def test_parse_a_file_name_without_a_slug_is_fine_with_slug_set() -> None:
    assert release(source(slug="eu-tablets"), "content/releases/2018/2018-06-06.en.md").slug == "eu-tablets"


# -- parse: conversions ------------------------------------------------------------------------

CONVERSIONS = [
    ({}, "title", "EU tablets for policing"),
    ({"title": "  EU tablets for policing  "}, "title", "EU tablets for policing"),
    ({"title": "2018"}, "title", "2018"),
    # text stays the characters typed: no YAML 1.1 numbers, times or booleans
    ({"title": "010"}, "title", "010"),
    ({"title": "12:30:00"}, "title", "12:30:00"),
    ({"title": "1.50"}, "title", "1.50"),
    ({"title": "1e3"}, "title", "1e3"),
    ({"title": "0x1F"}, "title", "0x1F"),
    ({"title": "yes"}, "title", "yes"),
    ({"title": "off"}, "title", "off"),
    ({"title": ".inf"}, "title", ".inf"),
    ({"title": "2018-06-06"}, "title", "2018-06-06"),
    ({"title": "children <5 and adults >60"}, "title", "children <5 and adults >60"),
    ({"title": "'EU\u200dtablets'"}, "title", "EU\u200dtablets"),  # a zero-width joiner (emoji, some scripts) is kept
    ({"location": "'Tbilisi\tBatumi'"}, "location", "Tbilisi\tBatumi"),
    ({"title": "'IOM''s new office'"}, "title", "IOM's new office"),
    ({}, "date", datetime.datetime(2018, 6, 6)),
    ({}, "date_precision", "day"),
    ({}, "published", PublicationDate(datetime.datetime(2018, 6, 6), "day", False)),
    # a month or a year: Pelican's `date` is the period's first instant, `published` says what is known
    ({"date": "2018-12"}, "date", datetime.datetime(2018, 12, 1)),
    ({"date": "2018-12"}, "published", PublicationDate(datetime.datetime(2018, 12, 1), "month", False)),
    ({"date": "2018-6"}, "published", PublicationDate(datetime.datetime(2018, 6, 1), "month", False)),
    ({"date": "'2018-12'"}, "date_precision", "month"),
    ({"date": "2018"}, "date", datetime.datetime(2018, 1, 1)),
    ({"date": "2018"}, "published", PublicationDate(datetime.datetime(2018, 1, 1), "year", False)),
    ({"date": "2018", "date_approximate": "true"}, "published", PublicationDate(datetime.datetime(2018, 1, 1), "year", True)),
    ({"date": "2018-06-06", "date_approximate": "true"}, "published", PublicationDate(datetime.datetime(2018, 6, 6), "day", True)),
    ({"date": "1951"}, "published", PublicationDate(datetime.datetime(1951, 1, 1), "year", False)),
    ({"date": "2026-11"}, "published", PublicationDate(datetime.datetime(2026, 11, 1), "month", False)),  # this month: begun
    ({"date": "2026"}, "published", PublicationDate(datetime.datetime(2026, 1, 1), "year", False)),
    ({"date": "2018-06-06 10:30"}, "date", datetime.datetime(2018, 6, 6, 10, 30)),
    ({"date": "2018-06-06T10:30:15"}, "date", datetime.datetime(2018, 6, 6, 10, 30, 15)),
    ({"date": "'2018-06-06'"}, "date", datetime.datetime(2018, 6, 6)),
    ({"date": "2016-02-29"}, "date", datetime.datetime(2016, 2, 29)),
    ({"date": "1951-01-01"}, "date", datetime.datetime(1951, 1, 1)),
    ({"date": "2027-11-29"}, "date", datetime.datetime(2027, 11, 29)),  # an embargo within the year
    ({"partners": "[eu]"}, "partners", ("eu",)),
    ({"partners": "eu"}, "partners", ("eu",)),  # a single key needs no brackets
    ({"partners": "[ncdc, eu, mia]"}, "partners", ("ncdc", "eu", "mia")),  # the author's order
    ({"partners": "\n  - mia\n  - eu"}, "partners", ("mia", "eu")),
    ({}, "funded_by", ()),
    ({"funded_by": "[eu]"}, "funded_by", ("eu",)),
    ({"funded_by": "eu"}, "funded_by", ("eu",)),
    ({}, "topics", ()),
    ({"topics": "[health, border-management]"}, "topics", ("health", "border-management")),
    ({}, "event_dates", None),
    ({"event_dates": "[]"}, "event_dates", None),
    ({"event_dates": "2018-03-06"}, "event_dates", events(("2018-03-06", "2018-03-06"))),
    ({"event_dates": "2018-03-06/2018-03-09"}, "event_dates", events(("2018-03-06", "2018-03-09"))),
    ({"event_dates": "2018-03-06 / 2018-03-09"}, "event_dates", events(("2018-03-06", "2018-03-09"))),
    ({"event_dates": "2018-12-31/2019-01-02"}, "event_dates", events(("2018-12-31", "2019-01-02"))),
    ({"event_dates": "2018-03-06/2018-03-06"}, "event_dates", events(("2018-03-06", "2018-03-06"))),
    ({"event_dates": "[2018-03-06]"}, "event_dates", events(("2018-03-06", "2018-03-06"))),
    ({"event_dates": "[2018-03-06/2018-03-09]"}, "event_dates", events(("2018-03-06", "2018-03-09"))),
    (
        {"event_dates": "[2018-12-14, 2018-12-15, 2018-12-17/2018-12-18]"},
        "event_dates",
        events(("2018-12-14", "2018-12-14"), ("2018-12-15", "2018-12-15"), ("2018-12-17", "2018-12-18")),
    ),
    ({"event_dates": "\n  - 2018-12-14\n  - 2018-12-17/2018-12-18"}, "event_dates",
     events(("2018-12-14", "2018-12-14"), ("2018-12-17", "2018-12-18"))),
    ({"event_dates": "[2018-12-30, 2019-01-02]"}, "event_dates", events(("2018-12-30", "2018-12-30"), ("2019-01-02", "2019-01-02"))),
    ({}, "image", None),
    ({"image": "{src: images/ok.jpg, alt: Tablets}"}, "image", Image("images/ok.jpg", "Tablets")),
    ({"image": "{src: ' images/ok.jpg ', alt: ' Tablets '}"}, "image", Image("images/ok.jpg", "Tablets")),
    (
        {"image": "{src: images/ok.jpg, alt: Tablets, caption: At the ministry, credit: IOM Georgia}"},
        "image",
        Image("images/ok.jpg", "Tablets", "At the ministry", "IOM Georgia"),
    ),
    ({}, "video", None),
    ({"video": "https://www.youtube.com/watch?v=x"}, "video", "https://www.youtube.com/watch?v=x"),
    ({}, "draft", False),
    ({"draft": "true"}, "draft", True),
    ({"draft": "false"}, "draft", False),
    ({}, "date_approximate", False),
    ({"date_approximate": "true"}, "date_approximate", True),
    ({}, "translation_key", None),
    ({"translation_key": "2018-eu-tablets"}, "translation_key", "2018-eu-tablets"),
    ({"translation_key": "EU_tablets_2018"}, "translation_key", "EU_tablets_2018"),
    ({"translation_key": "2018"}, "translation_key", "2018"),
    ({"translation_key": "010"}, "translation_key", "010"),
    ({}, "summary", None),
    ({"summary": "Tablets for the police."}, "summary", "Tablets for the police."),
    ({}, "location", None),
    ({"location": "თბილისი"}, "location", "თბილისი"),
    ({}, "slug", "eu-tablets"),
    ({"slug": "tablets"}, "slug", "tablets"),
    ({"slug": "EU Tablets for Policing"}, "slug", "eu-tablets-for-policing"),
    ({"slug": "ტაბლეტები პოლიციას"}, "slug", "tabletebi-politsias"),
    ({"slug": "2018"}, "slug", "2018"),
    # a correction: its day (and time), and what was corrected
    ({}, "updated", None),
    ({"updated": "2019-01-12"}, "updated", datetime.datetime(2019, 1, 12)),
    ({"updated": "'2019-1-12'"}, "updated", datetime.datetime(2019, 1, 12)),
    ({"updated": "2019-01-12 16:45"}, "updated", datetime.datetime(2019, 1, 12, 16, 45)),
    ({"updated": "2018-06-06"}, "updated", datetime.datetime(2018, 6, 6)),  # the day it was published
    ({"date": "2018-06-06 10:30", "updated": "2018-06-06"}, "updated", datetime.datetime(2018, 6, 6)),  # that day, no time said
    ({"date": "2018-12", "updated": "2018-12-01"}, "updated", datetime.datetime(2018, 12, 1)),
    ({"date": "2018", "updated": "2018-03-01"}, "updated", datetime.datetime(2018, 3, 1)),
    ({"updated": "2026-11-29"}, "updated", datetime.datetime(2026, 11, 29)),  # today
    ({}, "correction", None),
    ({"updated": "2019-01-12", "correction": "The number of tablets was 540, not 450."}, "correction",
     "The number of tablets was 540, not 450."),
    ({"updated": "2019-01-12", "correction": "'  IOM-ის ოფისი: 540, და არა 450.  '"}, "correction", "IOM-ის ოფისი: 540, და არა 450."),
    # old URL names, however written
    ({}, "aliases", ()),
    ({"aliases": "[]"}, "aliases", ()),
    ({"aliases": "tablets"}, "aliases", ("tablets",)),  # a single name needs no brackets
    ({"aliases": "[tablets, eu-tablets-for-policing]"}, "aliases", ("tablets", "eu-tablets-for-policing")),
    ({"aliases": "[/en/news/tablets/, en/news/tablets-2, /newsroom/en/news/tablets-3/index.html]"}, "aliases",
     ("tablets", "tablets-2", "tablets-3")),
    ({"aliases": "\n  - 2018\n  - ' tablets '"}, "aliases", ("2018", "tablets")),
    # a withdrawal: its day, and why, if said
    ({}, "withdrawn", None),
    ({"withdrawn": "2019-02-01"}, "withdrawn", datetime.datetime(2019, 2, 1)),
    ({"withdrawn": "2019-02-01 09:00"}, "withdrawn", datetime.datetime(2019, 2, 1, 9, 0)),
    ({}, "withdrawn_reason", None),
    ({"withdrawn": "2019-02-01", "withdrawn_reason": "The figures were wrong; see the corrected release."}, "withdrawn_reason",
     "The figures were wrong; see the corrected release."),
]


@pytest.mark.parametrize(("changes", "name", "expected"), CONVERSIONS)
def test_parse_converts_field(changes: dict[str, str], name: str, expected: object) -> None:
    assert getattr(release(source(**changes)), name) == expected


@pytest.mark.parametrize(
    ("path", "slug"),
    [
        ("content/releases/2018/2018-06-06-eu-tablets.en.md", "eu-tablets"),
        ("content/releases/2018/2018-06-06-eu-tablets-for-policing.en.md", "eu-tablets-for-policing"),
        ("content/releases/2017/2017-10-13-კატასტროფის-დღე.ka.md", "katastropis-dghe"),
        ("content/releases/2018/2018-03-01-წყალტუბო.ka.md", "tsqaltubo"),
        ("content/releases/2018/World_TB_Day.en.md", "world-tb-day"),
    ],
)
def test_parse_takes_the_slug_from_the_file_name(path: str, slug: str) -> None:
    named = re.match(r"\d{4}-\d{2}-\d{2}", path.rsplit("/", 1)[-1])
    text = source(lang="ka" if path.endswith(".ka.md") else "en", date=named.group() if named else "2018-06-06")
    assert release(text, path).slug == slug


@pytest.mark.parametrize(
    ("name", "date", "slug"),
    [
        ("2018-12-film-festival.en.md", "2018-12", "film-festival"),
        ("2018-archive-photos.en.md", "2018", "archive-photos"),
        ("film-festival.en.md", "2018-12", "film-festival"),  # a name without a date
        ("2018-12-14-film-festival.en.md", "2018-12-14", "film-festival"),
        ("2018-2030-agenda.en.md", "2018", "2030-agenda"),
        ("2030-agenda.en.md", "2018", "2030-agenda"),  # 2030 is not a year a release can have: words
        # for a release dated to the day, a name's year or month is words, as it always was
        ("2018-eu-tablets.en.md", "2018-06-06", "2018-eu-tablets"),
        ("2018-12-film-festival.en.md", "2018-12-14", "2018-12-film-festival"),
        ("2017-review.en.md", "2018-06-06", "2017-review"),
    ],
)
def test_parse_a_file_named_for_a_month_or_a_year(name: str, date: str, slug: str) -> None:
    assert release(source(date=date), f"content/releases/2018/{name}").slug == slug


@pytest.mark.parametrize(
    ("name", "date", "message"),
    [
        ("2018-12-14-film-festival.en.md", "2018-12",
         "'2018-12' disagrees with the file name, which starts 2018-12-14; correct the date, or rename the file to 2018-12-film-festival.en.md"),
        ("2018-11-film-festival.en.md", "2018-12",
         "'2018-12' disagrees with the file name, which starts 2018-11; correct the date, or rename the file to 2018-12-film-festival.en.md"),
        ("2018-12-film-festival.en.md", "2018",
         "'2018' disagrees with the file name, which starts 2018-12; correct the date, or rename the file to 2018-film-festival.en.md"),
        ("2017-film-festival.en.md", "2018",
         "'2018' disagrees with the file name, which starts 2017; correct the date, or rename the file to 2018-film-festival.en.md"),
        ("2018-film-festival.en.md", "2018-12",
         "'2018-12' disagrees with the file name, which starts 2018; correct the date, or rename the file to 2018-12-film-festival.en.md"),
    ],
)
def test_parse_a_file_name_that_disagrees_with_a_month_or_a_year(name: str, date: str, message: str) -> None:
    path = f"content/releases/2018/{name}"
    assert problems(source(date=date), path) == [f"{path}: 'date': {message}"]


def test_parse_a_fully_valid_file() -> None:
    text = """\
---
title: The European Union supports the Ministry of Internal Affairs of Georgia
date: 2018-06-06 10:30
lang: ka
translation_key: 2018-eu-tablets-for-policing
partners: [mia, ncdc]
funded_by: [eu]
summary: '  The EU has donated 540 tablets.  '
location: თბილისი
event_dates: 2018-06-04/2018-06-05
image:
  src: images/ok.jpg
  alt: Police officers with tablets
  caption: At the ministry
  credit: IOM Georgia
video: https://www.youtube.com/watch?v=abc
topics: [border-management]
draft: true
date_approximate: true
slug: ტაბლეტები
updated: 2018-06-08 15:00
correction: 540 პლანშეტი და არა 450.
aliases: [eu-tablets, /ka/news/planshetebi/]
withdrawn: 2019-02-01
withdrawn_reason: ციფრები არასწორი იყო.
---
ევროკავშირმა შინაგან საქმეთა სამინისტროს 540 პლანშეტი გადასცა.
"""
    path = "content/releases/2018/2018-06-06-eu-tablets.ka.md"
    assert frontmatter.parse(text, path, SITE) == (
        Release(
            path=path,
            title="The European Union supports the Ministry of Internal Affairs of Georgia",
            date=datetime.datetime(2018, 6, 6, 10, 30),
            lang="ka",
            slug="tabletebi",
            partners=("mia", "ncdc"),
            funded_by=("eu",),
            translation_key="2018-eu-tablets-for-policing",
            summary="The EU has donated 540 tablets.",
            location="თბილისი",
            event_dates=events(("2018-06-04", "2018-06-05")),
            image=Image("images/ok.jpg", "Police officers with tablets", "At the ministry", "IOM Georgia"),
            video="https://www.youtube.com/watch?v=abc",
            topics=("border-management",),
            draft=True,
            date_approximate=True,
            updated=datetime.datetime(2018, 6, 8, 15, 0),
            correction="540 პლანშეტი და არა 450.",
            aliases=("eu-tablets", "planshetebi"),
            withdrawn=datetime.datetime(2019, 2, 1),
            withdrawn_reason="ციფრები არასწორი იყო.",
        ),
        "ევროკავშირმა შინაგან საქმეთა სამინისტროს 540 პლანშეტი გადასცა.\n",
        [],
    )


@pytest.mark.parametrize(
    ("written", "name"),
    [("old-tablets", "old-tablets"), ("/newsroom/2018/old-tablets.html", "old-tablets"), ("2018/old-tablets.html", "old-tablets")],
)
def test_an_old_address_is_read_as_the_sites_addresses_are_made(written: str, name: str) -> None:
    """Where ARTICLE_URL puts releases elsewhere, an old address is read the same way."""
    site = frontmatter.Site(languages=("en", "ka"), today=SITE.today, article_url="{date:%Y}/{slug}.html")
    result, _, found = frontmatter.parse(source(aliases=f"['{written}']"), PATH, site)
    assert ([str(problem) for problem in found], result.aliases) == ([], (name,))


@pytest.mark.parametrize(
    ("translation_key", "group_key"),
    [("2018-eu-tablets", "2018-eu-tablets"), (None, "file:content/releases/2018/eu-tablets")],
)
def test_group_key(translation_key: str | None, group_key: str) -> None:
    assert release(source(translation_key=translation_key)).group_key == group_key


# -- suggestions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "allowed", "expected"),
    [
        ("EUU", ["eu", "mia", "ncdc"], " did you mean 'eu'?"),
        ("NCDC", ["eu", "mia", "ncdc"], " did you mean 'ncdc'?"),
        ("partnr", frontmatter.FIELDS, " did you mean 'partners'?"),
        ("fundedby", frontmatter.FIELDS, " did you mean 'funded_by'?"),
        ("unicef", ["eu", "mia", "ncdc"], ""),
        ("", ["eu"], ""),
    ],
)
def test_suggestion(value: str, allowed: list[str], expected: str) -> None:
    assert messages.suggestion(value, allowed) == expected


@pytest.mark.parametrize(
    ("allowed", "expected"),
    [(["ka", "en"], "expected one of: 'en', 'ka'"), (["eu"], "expected one of: 'eu'"), ([], "expected one of: ")],
)
def test_one_of(allowed: list[str], expected: str) -> None:
    assert messages.one_of(allowed) == expected


@pytest.mark.parametrize(
    ("path", "date", "message"),
    [
        ("content/releases/2018/2018-06-06-eu-tablets.en.md", "2018-06-06", None),
        ("content/releases/2018/2018-06-06-eu-tablets.en.md", "2018-06-06 10:30", None),
        ("content/releases/2018/eu-tablets.en.md", "2013-01-01", None),  # no date in the name: nothing to compare
        # a day in the name that is not the date: valid, as it always was (./dev translations reports it)
        ("content/releases/2018/2018-06-06-eu-tablets.en.md", "2018-06-07", None),
        ("content/releases/2026/2026-11-29-archive-item.en.md", "2013-05-02", None),
        ("content/releases/2018/2018-12-14-film-festival.en.md", "2018-12-15", None),
    ],
)
def test_a_day_in_the_file_name_is_a_name(path: str, date: str, message: str | None) -> None:
    assert problems(source(date=date), path) == ([f"{path}: {message}"] if message else [])


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({}, False),  # no event
        ({"event_dates": "2018-06-06"}, False),  # on the day of the release: the dateline says it
        ({"event_dates": "2018-06-06/2018-06-06"}, False),
        ({"event_dates": "2018-06-05"}, True),
        ({"event_dates": "2018-06-05/2018-06-06"}, True),
        ({"event_dates": "[2018-06-04, 2018-06-06]"}, True),
        ({"event_dates": "2018-06-06", "date_approximate": "true"}, True),  # the dateline's day is a guess
        ({"event_dates": "2018-06-06", "date": "2018-06"}, True),  # the dateline says June only
    ],
)
def test_the_event_line_is_shown_where_it_says_more_than_the_dateline(changes: dict[str, str], shown: bool) -> None:
    assert release(source(**changes)).event_adds_to_dateline is shown
