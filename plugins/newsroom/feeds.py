"""One Atom feed per language, written with feedgenerator (the library Pelican's own feeds use)."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from feedgenerator import Atom1Feed, get_tag_uri

from . import pages
from .pelican_internals import set_date_tzinfo

URL = "{lang}/feed.atom"
# `updated` of a feed with no entries: fixed, so that two builds of the same content are identical.
EMPTY_FEED_UPDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)


def url_of(lang: str) -> str:
    return URL.format(lang=lang)


class _Feed(Atom1Feed):
    def latest_post_date(self):
        return super().latest_post_date() if self.items else EMPTY_FEED_UPDATED

    def add_item_elements(self, handler, item):
        """Atom's categories with their label in the feed's language (`term` stays the key):
        feedgenerator writes the term alone."""
        super().add_item_elements(handler, {**item, "categories": ()})
        for term, label, scheme in item["labelled_categories"]:
            handler.addQuickElement("category", "", {"term": term, "label": label, "scheme": scheme})


def vaguer_than_a_timestamp(release) -> bool:
    """Whether a release's date is less than an entry's `published` says: RFC 3339 needs a full
    timestamp, which for a release dated to the month or the year is the period's first instant,
    and for an approximate date a guess."""
    return release.published.precision != "day" or release.published.approximate


def build(items: list, lang: str, title: str, settings, dateline: Callable[[object], str] | None = None,
          topics: Mapping = MappingProxyType({}), updated: Callable[[object], str] | None = None) -> _Feed:
    """The feed of one language: its newest releases, with full text, in that language; `topics`
    (the registry) names each release's topics in that language.

    `dateline(item)`: the release page's dateline (HTML). An entry whose date is vaguer than its
    timestamp starts its summary and its text with it, so that what a feed reader shows says what
    is known ("December 2018", "c. 2018") next to the timestamp it must carry.

    A corrected release's entry is `updated` at its correction (Pelican's `modified`), and its text
    starts with `updated(item)`, the page's line that says when and what was corrected."""
    site = settings["SITEURL"].rstrip("/")
    timezone = settings.get("TIMEZONE")
    feed_url = f"{site}/{url_of(lang)}"
    feed = _Feed(
        title=title,
        link=f"{site}/{lang}/",
        feed_url=feed_url,
        feed_guid=feed_url,
        description="",
        language=lang,
        author_name=title,
        author_link=f"{site}/{lang}/",
    )
    for item in items:
        link = f"{site}/{item.url}"
        summary = item.metadata.get("summary")
        said = dateline(item) if dateline is not None and vaguer_than_a_timestamp(item.release) else ""
        corrected = updated(item) if updated is not None and item.release.updated is not None else ""
        feed.add_item(
            title=item.title,  # plain text, as written: feedgenerator escapes it
            link=link,
            unique_id=get_tag_uri(link, item.date),
            description=summary if summary is None else said + summary,
            content=said + corrected + item.get_content(site),
            pubdate=set_date_tzinfo(item.date, timezone),
            updateddate=set_date_tzinfo(getattr(item, "modified", item.date), timezone),
            labelled_categories=[(key, topics[key].name(lang) if key in topics else key, f"{site}/{pages.url_of('topics', lang)}")
                                 for key in item.release.topics],
        )
    return feed


def write(output_path: str, items: list, lang: str, title: str, settings,
          dateline: Callable[[object], str] | None = None, topics: Mapping = MappingProxyType({}),
          updated: Callable[[object], str] | None = None) -> tuple[str, _Feed]:
    """Write one language's feed; its path and the feed (what Pelican's `feed_written` carries)."""
    path = Path(output_path) / url_of(lang)
    os.makedirs(path.parent, exist_ok=True)
    feed = build(items, lang, title, settings, dateline, topics, updated)
    with open(path, "w", encoding="utf-8") as out:
        feed.write(out, "utf-8")
    return str(path), feed
