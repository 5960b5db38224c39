"""The content model as data: every front-matter field of a release, once.

`frontmatter` takes the names of the fields it accepts from here (`NAMES`) and checks each one;
`cms` makes the browser editor's form from the same list (its widgets, which fields are
required, their patterns and help). A new field is one more `Field` here, in the order files
write it: what `./dev new` writes, and the order the editor saves the fields in.

Pure data: nothing here reads a file or knows Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass

# What each kind of value is, for the editor:
# text (one line), paragraph (several lines), date (a day, a month or a year), day (a day),
# days (an event's days: a day, a range or a list), keys (keys of a registry: `choices` names it),
# flag (true or false), url (https://), key (letters, digits, '-' and '_'), names (a list of URL
# names), language (the file's language), image (a photo with its fields, `parts`), documents
# (a list of files under content/files/, each with its fields, `parts`).
KINDS = ("text", "paragraph", "date", "day", "days", "keys", "flag", "url", "key", "names", "language", "image",
         "documents")

# The patterns the editor checks as the officer types; the build checks more (a real calendar
# day, not before 1951, …) and says why in words.
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY = r"^\d{4}-\d{2}-\d{2}$"
DAYS = r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$"
KEY = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
URL = r"^https://\S+$"


@dataclass(frozen=True)
class Field:
    """One front-matter field: its name, what it holds, whether every release needs it, the pattern
    its value must match or the registry its keys come from, whether each language has its own
    value (`translated`) or the language versions must agree on it, and the help shown under it."""

    name: str
    label: str
    kind: str
    help: str
    required: bool = False
    pattern: str | None = None
    choices: str | None = None  # the registry (content/<choices>.yml) a `keys` field names
    translated: bool = True
    parts: tuple[Field, ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name!r}: kind {self.kind!r} is not one of {KINDS}")


IMAGE = (
    Field("src", "Photo", "text", "A JPEG, PNG or WebP photo under content/images/", required=True, translated=False),
    Field("alt", "Alt text", "text", "What the photo shows, for readers who cannot see it: required", required=True),
    Field("caption", "Caption", "text", "Shown under the photo"),
    Field("credit", "Credit", "text", "Who took the photo, e.g. IOM Georgia"),
)

DOCUMENT = (
    Field("title", "Title", "text", "What the document is, in this language, e.g. Annual report 2018", required=True),
    Field("file", "File", "text", "A PDF under content/files/", required=True),
)

FIELDS = (
    Field("title", "Title", "text", "The headline, in this language (at most 200 characters)", required=True),
    Field("date", "Date", "date", "Publication date YYYY-MM-DD; YYYY-MM or YYYY when the day is not known: never invent a day",
          required=True, pattern=DATE, translated=False),
    Field("date_approximate", "Date is approximate", "flag", "On when the date is an inference, not a fact: the site says 'c.'",
          translated=False),
    Field("lang", "Language", "language", "The file's language, set by the editor", required=True),
    Field("translation_key", "Translation key", "key",
          "Only for language versions named differently: letters, digits, '-' and '_', the same in each version",
          pattern=KEY, translated=False),
    Field("partners", "Partners", "keys", "Who the work was done with; leave empty for IOM's own work",
          choices="partners", translated=False),
    Field("funded_by", "Funded by", "keys", "Who funded it", choices="partners", translated=False),
    Field("topics", "Topics", "keys", "What the release is about", choices="topics", translated=False),
    Field("location", "Location", "text", "The dateline city, in this language, e.g. Tbilisi / თბილისი"),
    Field("event_dates", "Event dates", "days",
          "The day of the event YYYY-MM-DD, or a range YYYY-MM-DD/YYYY-MM-DD; several days: [a, b] written in the file",
          pattern=DAYS, translated=False),
    Field("summary", "Summary", "paragraph", "One or two sentences for lists, feeds and search; else the first paragraph"),
    Field("image", "Lead photo", "image", "The photo at the top of the release", parts=IMAGE),
    Field("video", "Video", "url", "A link to the video, https://…", pattern=URL),
    Field("attachments", "Documents", "documents",
          "PDFs readers can download with this version (a report, the release itself): a title and the file each",
          parts=DOCUMENT),
    Field("draft", "Draft", "flag", "On keeps this language version off the published site"),
    Field("slug", "URL name", "text", "Only to change the address; else the file name's words"),
    Field("updated", "Corrected on", "day", "The day a published release was corrected, YYYY-MM-DD", pattern=DAY),
    Field("correction", "Correction", "text", "What was corrected, one line; only with 'Corrected on'"),
    Field("aliases", "Old URL names", "names", "The URL names this release had before it was renamed"),
    Field("withdrawn", "Withdrawn on", "day", "The day the release was withdrawn, YYYY-MM-DD", pattern=DAY, translated=False),
    Field("withdrawn_reason", "Reason for withdrawal", "text", "Why, one line; only with 'Withdrawn on'"),
)

NAMES = tuple(field.name for field in FIELDS)
IMAGE_NAMES = tuple(field.name for field in IMAGE)
DOCUMENT_NAMES = tuple(field.name for field in DOCUMENT)
