"""Front-matter of a release: split it from the body, load its YAML, check every field.

Pure functions: text in, a `Release` and a list of `Problem`s out. Nothing here knows Pelican.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import attachments, characters, datefields, model, slugs, yamlload
from .attachments import Attachment
from .bodyimages import BodyImage
from .dates import PublicationDate, Schedule
from .links import ReleaseLink
from .errors import Problem
from .messages import one_of, shown, suggestion

# The fields a release may have, in the order files write them: the content model (`model`).
FIELDS = model.NAMES
IMAGE_FIELDS = model.IMAGE_NAMES

# Likely slips for a language code, mapped to the code that was meant.
LANGUAGE_SLIPS = {
    "ge": "ka",
    "geo": "ka",
    "kat": "ka",
    "ka-ge": "ka",
    "ka_ge": "ka",
    "georgian": "ka",
    "ქართული": "ka",
    "eng": "en",
    "english": "en",
    "en-gb": "en",
    "en_gb": "en",
    "en-us": "en",
    "en_us": "en",
    "gb": "en",
    "uk": "en",
}

# Names of fields other sites and tools use for ours, mapped to ours.
FIELD_SLIPS = {
    "redirect_from": "aliases",  # Jekyll
    "redirects": "aliases",
    "old_slugs": "aliases",
    "modified": "updated",  # Pelican
    "last_modified": "updated",
    "lastmod": "updated",  # Hugo
    "withdrawn_note": "withdrawn_reason",
    "withdrawal_reason": "withdrawn_reason",
    "correction_note": "correction",
    "attachment": "attachments",
    "documents": "attachments",
    "files": "attachments",
    "downloads": "attachments",
}

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
TRANSLATION_KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
DATE_EXAMPLE = datefields.DATE_EXAMPLE

# Plausibility: what no real release of the office can be.
FOUNDED = 1951  # IOM was founded in 1951: no release is older
FUTURE_DAYS = 366  # an embargo is days or weeks; a date years ahead is a typo
TITLE_LIMIT = 200  # characters; the longest real headline is about 140
SUMMARY_LIMIT = 1000
LINE_LIMIT = 300  # location, alt text, caption, credit
FRONT_MATTER_LIMIT = 16 * 1024

# The days a published release changed: which day each field holds, and an example of one.
UPDATED = ("the day the release was corrected", "2019-01-12")
WITHDRAWN = ("the day the release was withdrawn", "2019-02-01")
# An old URL name, as the site made it from a file name (`slugs.slugify`): what an alias must be.
URL_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
URL_NAME_EXAMPLE = "eu-tablets"


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Release:
    """One language version of one press release, as its file declares it."""

    path: str
    title: str
    date: datetime.datetime  # the first instant of what is known: see `published`
    lang: str
    slug: str
    partners: tuple[str, ...]
    funded_by: tuple[str, ...] = ()
    translation_key: str | None = None
    summary: str | None = None
    location: str | None = None
    event_dates: Schedule | None = None
    image: Image | None = None
    video: str | None = None
    topics: tuple[str, ...] = ()
    draft: bool = False
    date_approximate: bool = False
    date_precision: str = "day"  # how much of `date` is known: 'day', 'month' or 'year'
    updated: datetime.datetime | None = None  # the day (and time) of the last correction
    correction: str | None = None  # what was corrected, one line in the file's language
    aliases: tuple[str, ...] = ()  # URL names the release had before, each leading to it
    withdrawn: datetime.datetime | None = None  # the day it was withdrawn: its page says so, instead of its text
    withdrawn_reason: str | None = None
    attachments: tuple[Attachment, ...] = ()  # documents listed after the text (`attachments`)
    body_images: tuple[BodyImage, ...] = ()  # the photos in the text, found when it is converted
    links: tuple[ReleaseLink, ...] = ()  # its text's links to other releases ({filename}/…)

    @property
    def published(self) -> PublicationDate:
        """The publication date as far as it is known: what every page, feed and data block says."""
        return PublicationDate(self.date, self.date_precision, self.date_approximate)

    @property
    def event_adds_to_dateline(self) -> bool:
        """Whether the event's days say more than the dateline: not when the event was held on the
        one day the release is exactly dated (the page would say the same day twice)."""
        if self.event_dates is None:
            return False
        published = self.published
        exact = published.precision == "day" and not published.approximate
        return not (exact and self.event_dates.only_day == self.date.date())

    @property
    def group_key(self) -> str:
        """What joins the language versions: the translation key; else, as Hugo pairs files, the
        file's name without its language (x.en.md and x.ka.md are one release)."""
        return self.translation_key or f"file:{slugs.namesake(self.path)}"


@dataclass(frozen=True)
class Site:
    """What a front-matter is checked against on its own: the site's languages and today's date.
    What depends on other files (registries, images, twins) is checked per build: `references`."""

    languages: tuple[str, ...]
    today: datetime.date = field(default_factory=datetime.date.today)
    # a release's address (Pelican's ARTICLE_URL): how an old address in `aliases` is read
    article_url: str = "{lang}/news/{slug}/"


def split(text: str) -> tuple[str, str, int] | None:
    """Split a file into (front-matter YAML, body, line number of the YAML's first line).

    Returns None when the file does not open with a `---` line.
    """
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 2
    return None


def parse(text: str, path: str, site: Site) -> tuple[Release | None, str, list[Problem]]:
    """Parse a whole release file: (release or None, Markdown body, problems)."""
    parts = split(text)
    if parts is None:
        return None, "", [Problem(path, None, "no front-matter: the file must start with a line '---' and the metadata must end with another '---' line")]
    source, body, first_line = parts
    if len(source) > FRONT_MATTER_LIMIT:
        return None, body, [Problem(path, None, f"the front-matter is longer than {FRONT_MATTER_LIMIT // 1024} KB; "
                                                "check that the closing '---' line is where the fields end")]
    try:
        raw = yamlload.load(source, first_line)
    except yamlload.YamlProblem as problem:
        return None, body, [Problem(path, None, str(problem))]
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return None, body, [Problem(path, None, "the front-matter must be 'field: value' lines")]
    release, problems = validate(raw, body, path, site, first_line + len(source.splitlines()) + 1)
    return release, body, problems


def body_line(text: str) -> int:
    """The line of the file on which the body starts (1 when there is no front-matter)."""
    parts = split(text)
    return 1 if parts is None else parts[2] + len(parts[0].splitlines()) + 1


def validate(raw: Mapping, body: str, path: str, site: Site, body_line: int = 1) -> tuple[Release | None, list[Problem]]:
    """Check every field of a loaded front-matter; return the release only when all is well.
    `body_line`: the line of the file where the body starts, for messages about the body."""
    checker = _Checker(path, raw, site, body_line)
    title = checker.text("title", required=True, limit=TITLE_LIMIT)
    published = checker.date("date")
    values = {
        "path": path,
        "title": title,
        "date": published and published.start,
        "date_precision": published and published.precision,
        "lang": checker.language("lang"),
        "partners": checker.keys("partners", "partner"),
        "funded_by": checker.keys("funded_by", "partner"),
        "translation_key": checker.translation_key("translation_key"),
        "summary": checker.text("summary", multiline=True, limit=SUMMARY_LIMIT),
        "location": checker.text("location"),
        "event_dates": checker.event_dates("event_dates"),
        "image": checker.image("image"),
        "video": checker.url("video"),
        "topics": checker.keys("topics", "topic"),
        "draft": checker.flag("draft"),
        "date_approximate": checker.flag("date_approximate"),
        "slug": checker.slug("slug", published),
    }
    values |= {
        "updated": checker.changed("updated", published, UPDATED,
                                   "a correction comes after the release, check the day",
                                   "correct the text and leave 'updated' out"),
        "correction": checker.note("correction", "updated", "a correction note needs the day of the correction; "
                                                            "add the line updated: YYYY-MM-DD"),
        "aliases": checker.aliases("aliases", values["lang"], values["slug"]),
        "withdrawn": checker.changed("withdrawn", published, WITHDRAWN,
                                     "a release is withdrawn after it was published, check the day",
                                     "to keep it off the site, add draft: true or delete the file"),
        "withdrawn_reason": checker.note("withdrawn_reason", "withdrawn", "a reason needs the day the release was withdrawn; "
                                                                          "add the line withdrawn: YYYY-MM-DD"),
        "attachments": checker.attachments("attachments"),
    }
    checker.unknown_fields()
    checker.body(body)
    if checker.problems:
        return None, checker.problems
    return Release(**values), []


class _Checker:
    """Collects the problems of one file while its fields are converted."""

    def __init__(self, path: str, raw: Mapping, site: Site, body_line: int = 1):
        self.path = path
        self.raw = raw
        self.site = site
        self.body_line = body_line
        self.problems: list[Problem] = []

    def report(self, name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, name, message))

    def unknown_fields(self) -> None:
        for name in self.raw:
            if name not in FIELDS:
                meant = FIELD_SLIPS.get(str(name).lower())
                hint = f" did you mean '{meant}'?" if meant else suggestion(name, FIELDS)
                self.report(name, f"unknown field;{hint} {one_of(FIELDS)}")

    def text(self, name: str, required: bool = False, multiline: bool = False, limit: int = LINE_LIMIT) -> str | None:
        return self.checked_text(name, self.raw.get(name), required, multiline, limit)

    def checked_text(self, name: str, value: object, required: bool = False, multiline: bool = False,
                     limit: int = LINE_LIMIT) -> str | None:
        """Text as the officer typed it (YAML keeps every scalar a string), without what readers
        cannot see, within `limit` characters."""
        if value is None:
            if required:
                self.report(name, f"missing; every release needs a {name}")
            return None
        if not isinstance(value, str):
            expected = "text" if multiline else "a single line of text"
            self.report(name, f"{shown(value)} is not text; expected {expected}")
            return None
        value = value.strip()
        if not value:
            if required:
                self.report(name, f"empty; every release needs a {name}")
            return None
        hidden = characters.first_hidden(value, multiline)
        if hidden:
            fix = "write it on one line" if hidden.startswith("a line break") else "delete it (retype the words around it if you cannot see it)"
            self.report(name, f"{shown(_short(value))} contains {hidden}; {fix}")
            return None
        if len(value) > limit:
            self.report(name, f"is {len(value)} characters long; at most {limit} fit where it is shown, shorten it")
            return None
        return value

    def date(self, name: str) -> PublicationDate | None:
        """The publication date: a day (`2018-06-06`, optionally with a time), a month (`2018-12`)
        or a year (`2018`), as the file's name starts with it if it starts with a date."""
        value = self.raw.get(name)
        if value is None:
            self.report(name, f"missing; every release needs a date, {DATE_EXAMPLE}")
            return None
        report = lambda message: self.report(name, message)  # noqa: E731
        published = datefields.publication_date(value, report)
        if published is None:
            return None
        date, written = published.start, published.iso()
        if date.year < FOUNDED:
            report(f"{shown(value)} is before IOM was founded ({FOUNDED}); check the year")
            return None
        if published.precision != "day" and date.date() > self.site.today:
            report(f"{shown(value)} has not begun yet; a date without its day is for a release published in the past, "
                   f"an embargoed release carries the day it may be published, {datefields.DAY_EXAMPLE}")
            return None
        if (date.date() - self.site.today).days > FUTURE_DAYS:
            report(f"{shown(value)} is more than a year from now; an embargoed release carries the day it may be published, check the year")
            return None
        if published.precision == "day":
            # a name that says another day was always valid: `./dev translations` reports it
            return published
        # A name starting YYYY- or YYYY-MM- is dated only for a release dated to the month or the
        # year (for one dated to the day they are words, as they always were), and only by a year
        # a release can have (2030-agenda is words): the name and the date must then agree.
        named = slugs.date_prefix(self.path)
        if named is not None and named != written and FOUNDED <= int(named[:4]) <= self.site.today.year + 1:
            base = re.split(r"[/\\]", self.path)[-1]
            report(f"{shown(value)} disagrees with the file name, which starts {named}; "
                   f"correct the date, or rename the file to {written}-{base.removeprefix(named).lstrip('-')}")
            return None
        return published

    def changed(self, name: str, published: PublicationDate | None, day: tuple[str, str], after: str,
                unpublished: str) -> datetime.datetime | None:
        """The day a published release changed (`updated`, `withdrawn`): a day, optionally with a
        time, from its publication to today. `day`: which day it is, and an example. A release that
        waits for its date has not been published: there is nothing to correct or withdraw yet
        (`unpublished` says what to do instead)."""
        value = self.raw.get(name)
        if value is None:
            return None
        what, example = day
        report = lambda message: self.report(name, message)  # noqa: E731
        moment = datefields.moment(value, report, f"write {what}, YYYY-MM-DD, e.g. {example}")
        if moment is None or published is None:
            return moment
        start, today = published.start, self.site.today
        if start.date() > today:
            report(f"{shown(value)} is for a release already published, and this one waits for its date, {published.iso()}; {unpublished}")
            return None
        timed = moment.time() != datetime.time()
        if moment.date() < start.date() or (timed and moment < start):
            written = self.raw["date"].strip() if timed else published.iso()  # with its time, when that decides
            report(f"{shown(value)} is before the release's date, {written}; {after}")
            return None
        if moment.date() > today:
            report(f"{shown(value)} has not come yet; write {what}, today at the latest")
            return None
        return moment

    def note(self, name: str, needs: str, without: str) -> str | None:
        """A one-line note that says more about another field (`correction` about `updated`)."""
        value = self.text(name)
        if value is not None and self.raw.get(needs) is None:
            self.report(name, without)
            return None
        return value

    def aliases(self, name: str, lang: str | None, slug: str | None) -> tuple[str, ...]:
        """The URL names a renamed release had before: each written as the name
        (`eu-tablets`) or as the old address in the release's language (`/en/news/eu-tablets/`).
        Whether another release of that language has the name is checked per build (`pairing`)."""
        value = self.raw.get(name)
        if value is None or value == []:
            return ()
        if isinstance(value, str) and "," in value:
            listed = ", ".join(part.strip() for part in value.split(","))
            self.report(name, f"{shown(value)} is not a list; write the old URL names in brackets: [{listed}]")
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            self.report(name, f"{shown(value)} is not a list of old URL names; write [old-name, older-name]")
            return ()
        names: list[str] = []
        for item in items:
            found = self.alias(name, item.strip(), lang)
            if found is None:
                continue
            if found == slug:
                self.report(name, f"{shown(item.strip())} is the release's own URL name; list only the names it had before")
            elif found in names:
                self.report(name, f"{shown(found)} is listed twice")
            else:
                names.append(found)
        return tuple(names)

    def alias(self, name: str, text: str, lang: str | None) -> str | None:
        """One old URL name, from its name or its old address; None after reporting why not."""
        own = lang or self.site.languages[0]
        example = f"write an old URL name, e.g. {URL_NAME_EXAMPLE}, or an old address, e.g. /{self.address(own, URL_NAME_EXAMPLE)}"
        if "://" in text:
            meant = self.name_in(urlsplit(text).path, own)
            fix = f"write the old URL name alone: {meant}" if meant and URL_NAME.match(meant) else example
            self.report(name, f"{shown(text)} is a web address; {fix}")
            return None
        written = text
        if "/" in text:
            found = self.name_in(text, own)
            if found is None:
                other = next((code for code in self.site.languages if code != own and self.name_in(text, code)), None)
                if other is not None:
                    self.report(name, f"{shown(text)} is an address in '{other}'; list it in the '{other}' version of the release")
                else:
                    self.report(name, f"{shown(text)} is not the address of a release; {example}")
                return None
            text = found
        if not URL_NAME.match(text):
            try:
                meant = f": {slugs.slugify(text)}"
            except ValueError:
                meant = ""
            self.report(name, f"{shown(written)} is not a URL name; write it as the address had it, in small Latin letters, "
                              f"digits and '-'{meant}")
            return None
        return text

    def address(self, lang: str, slug: str) -> str:
        """A release's address below the site, as Pelican makes it: `en/news/eu-tablets/`."""
        return self.site.article_url.replace("{lang}", lang).replace("{slug}", slug)

    def name_in(self, path: str, lang: str) -> str | None:
        """The URL name in a release's address in `lang`, written with or without the slashes at
        its ends, `index.html` or the folder the site is served from; else None."""
        pattern = "".join(
            "(?P<slug>[^/]+)" if part == "{slug}" else re.escape(lang) if part == "{lang}" else "[^/]+" if part.startswith("{") else re.escape(part)
            for part in re.split(r"(\{[^}]*\})", self.site.article_url.strip("/")))
        found = re.fullmatch(rf"(?:.*/)?{pattern}", path.removesuffix("index.html").strip("/"))
        return found.group("slug") if found else None

    def language(self, name: str) -> str | None:
        value = self.raw.get(name)
        languages = self.site.languages
        if value is None:
            self.report(name, f"missing; every release declares its language, {one_of(languages)}")
            return None
        if value not in languages:
            meant = LANGUAGE_SLIPS.get(str(value).lower())
            hint = f" did you mean '{meant}'?" if meant in languages else suggestion(str(value), languages)
            self.report(name, f"{shown(value)} is not a site language;{hint} {one_of(languages)}")
            return None
        tag = slugs.language_tag(self.path)
        if tag is not None and tag != value:
            self.report(name, f"{shown(value)} disagrees with the file name, which ends in '.{tag}.md'; "
                              f"give the file the ending of its language ('.{value}.md') or correct 'lang'")
            return None
        return value

    def keys(self, name: str, noun: str) -> tuple[str, ...]:
        """A list of registry keys, as written; whether the registry has them (and whether a
        release names a partner at all) is checked per build, in `references`."""
        value = self.raw.get(name)
        if value is None or value == []:
            return ()
        if isinstance(value, str) and "," in value:
            listed = ", ".join(part.strip() for part in value.split(","))
            self.report(name, f"{shown(value)} is not a list; write the {noun}s in brackets: [{listed}]")
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            self.report(name, f"{shown(value)} is not a list of {noun} keys; write [key, key]")
            return ()
        duplicates = sorted({item for item in items if items.count(item) > 1})
        for item in duplicates:
            self.report(name, f"{noun} {shown(item)} is listed twice")
        return tuple(items)

    def translation_key(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not TRANSLATION_KEY_PATTERN.match(value):
            self.report(name, f"{shown(value)} is not a usable key; expected letters, digits, '-' and '_', e.g. 2018-eu-tablets")
            return None
        return value

    def event_dates(self, name: str) -> Schedule | None:
        """The days of the event: a day, a range `start/end`, or a list of days and ranges."""
        return datefields.schedule(self.raw.get(name), lambda message: self.report(name, message))

    def image(self, name: str) -> Image | None:
        """The lead image's fields; whether its file is a usable photo is checked per build."""
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(name, f"{shown(value)} is not an image; expected 'src:' and 'alt:' lines indented under 'image:'")
            return None
        problems_before = len(self.problems)
        for key in value:
            if key not in IMAGE_FIELDS:
                self.report(f"{name}.{key}", f"unknown field;{suggestion(key, IMAGE_FIELDS)} {one_of(IMAGE_FIELDS)}")
        src = value.get("src")
        if src is None or src == "":
            self.report(f"{name}.src", "missing; give the image's path under content/, e.g. images/2018/conference.jpg")
        else:
            src = self.checked_text(f"{name}.src", src)
        before_alt = len(self.problems)
        alt = self.checked_text(f"{name}.alt", value.get("alt"))
        if alt is None and len(self.problems) == before_alt:
            self.report(f"{name}.alt", "missing; describe the image for readers who cannot see it")
        caption = self.checked_text(f"{name}.caption", value.get("caption"))
        credit = self.checked_text(f"{name}.credit", value.get("credit"))
        if len(self.problems) > problems_before:
            return None
        return Image(src, alt, caption, credit)

    def attachments(self, name: str) -> tuple[Attachment, ...]:
        """The documents listed after the text: each a `title` and a `file` under content/files/;
        whether the file is there and may be published is checked per build (`references`)."""
        value = self.raw.get(name)
        if value is None or value == []:
            return ()
        entry = f"'- title: …' and '  file: {attachments.EXAMPLE}' lines indented under '{name}:'"
        if not isinstance(value, list):
            self.report(name, f"{shown(value)} is not a list of documents; expected {entry}")
            return ()
        problems_before = len(self.problems)
        found: list[Attachment] = []
        for number, item in enumerate(value, start=1):
            where = f"{name}[{number}]"
            if not isinstance(item, dict):
                self.report(where, f"{shown(item)} is not a document; expected {entry}")
                continue
            for key in item:
                if key not in attachments.FIELDS:
                    hint = " did you mean 'file'?" if str(key).lower() in ("src", "path", "pdf", "url") else suggestion(str(key), attachments.FIELDS)
                    self.report(f"{where}.{key}", f"unknown field;{hint} {one_of(attachments.FIELDS)}")
            before = len(self.problems)
            title = self.checked_text(f"{where}.title", item.get("title"))
            if title is None and len(self.problems) == before:
                self.report(f"{where}.title", "missing; give the words of the link to the document, e.g. 'Annual report 2018'")
            file = item.get("file")
            if file is None or file == "":
                self.report(f"{where}.file", f"missing; give the document's path from content/, e.g. {attachments.EXAMPLE}")
            else:
                file = self.checked_text(f"{where}.file", file)
                if file is not None and file in [attachment.file for attachment in found]:
                    self.report(f"{where}.file", f"{shown(file)} is listed twice")
            if title is not None and file is not None:
                found.append(Attachment(title, file))
        return tuple(found) if len(self.problems) == problems_before else ()

    def url(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme != "https" or not parts.netloc or characters.first_hidden(value):
            self.report(name, f"{shown(value)} is not a secure web address; expected https://…")
            return None
        return value

    def flag(self, name: str) -> bool:
        value = self.raw.get(name, False)
        if not isinstance(value, bool):
            self.report(name, f"{shown(value)} is not true or false; write true or false")
            return False
        return value

    def slug(self, name: str, published: PublicationDate | None = None) -> str | None:
        """The URL name: `slug` if given, else the file name's words (less the date it starts
        with, a month or a year too when the release is dated so)."""
        value = self.raw.get(name)
        try:
            if value is None:
                partial = published.iso() if published is not None and published.precision != "day" else None
                return slugs.from_filename(self.path, partial)
            if not isinstance(value, str):
                raise ValueError("it is not text")
            return slugs.slugify(value)
        except ValueError as error:
            where = name if value is not None else "slug"
            source = shown(value) if value is not None else "the file name"
            self.report(where, f"{source} gives no usable URL name ({error}); set 'slug: words-in-latin-letters'")
            return None

    def body(self, body: str) -> None:
        if characters.blank(body):
            self.report("body", "the release has no text after the front-matter")
            return
        found = characters.first_reordering(body)
        if found:
            line, hidden = found
            self.report("body", f"line {line + self.body_line - 1}: contains {hidden}; delete it (retype the words around it if you cannot see it)")


def _short(text: str) -> str:
    """A long value cut for a message: its start, enough to find it."""
    return text if len(text) <= 60 else text[:57] + "…"
