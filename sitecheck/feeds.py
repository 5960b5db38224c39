"""Atom 1.0 feeds (RFC 4287), element by element, and what they point at.

Per feed: one id, title and updated (an RFC 3339 date-time); an author on the feed or on every
entry; a rel="self" link to the feed's own URL; xml:lang the language folder it lives in. Per
entry: one id, title and updated, and an alternate link to a page that exists.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from lxml import etree

from .builtsite import BuiltSite

ATOM = "http://www.w3.org/2005/Atom"
A = f"{{{ATOM}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")


def is_rfc3339(text: str | None) -> bool:
    if not text or not RFC3339.fullmatch(text.strip()):
        return False
    try:
        datetime.fromisoformat(text.strip().upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _one(parent, name: str, where: str, findings: list[str]):
    """The single child `atom:name` of `parent`; a finding when it is missing or repeated."""
    found = parent.findall(A + name)
    if not found:
        findings.append(f"{where}: no <{name}>")
        return None
    if len(found) > 1:
        findings.append(f"{where}: {len(found)} <{name}> elements; Atom allows one")
    return found[0]


def _links(parent, rel: str):
    return [link for link in parent.findall(A + "link") if link.get("rel", "alternate") == rel]


def _has_author(parent) -> bool:
    return any((author.findtext(A + "name") or "").strip() for author in parent.findall(A + "author"))


def check_feed(site: BuiltSite, path: Path) -> list[str]:
    """Every problem of one Atom feed, as `feed: where: what is wrong`."""
    rel = site.relative(path)
    findings: list[str] = []
    try:
        feed = etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError as error:
        return [f"{rel}: not well-formed XML: {error}"]
    if feed.tag != A + "feed":
        return [f"{rel}: the root element is {feed.tag!r}, not an Atom <feed>"]

    folder = Path(rel).parts[0] if len(Path(rel).parts) > 1 else None
    lang = feed.get(XML_LANG)
    if folder and lang != folder:
        findings.append(f"{rel}: xml:lang is {lang!r}; the feed is in the {folder!r} folder")
    elif not lang:
        findings.append(f"{rel}: no xml:lang")

    for name in ("id", "title"):
        element = _one(feed, name, rel, findings)
        if element is not None and not (element.text or "").strip():
            findings.append(f"{rel}: <{name}> is empty")
    updated = _one(feed, "updated", rel, findings)
    if updated is not None and not is_rfc3339(updated.text):
        findings.append(f"{rel}: <updated> {updated.text!r} is not an RFC 3339 date-time")

    self_links = _links(feed, "self")
    own_url = site.url_of(path)
    if not self_links:
        findings.append(f"{rel}: no <link rel=\"self\">")
    for link in self_links:
        if link.get("href") != own_url:
            findings.append(f"{rel}: <link rel=\"self\"> is {link.get('href')!r}, not the feed's own URL {own_url!r}")
    for link in _links(feed, "alternate"):
        _, problem = site.locate(link.get("href", ""))
        if problem:
            findings.append(f"{rel}: <link rel=\"alternate\"> {link.get('href')!r}: {problem}")

    entries = feed.findall(A + "entry")
    if not _has_author(feed):
        for number, entry in enumerate(entries, 1):
            if not _has_author(entry):
                findings.append(f"{rel}: entry {number}: no <author>, and the feed has none")
    ids = Counter()
    for number, entry in enumerate(entries, 1):
        where = f"{rel}: entry {number}"
        entry_id = _one(entry, "id", where, findings)
        if entry_id is not None:
            text = (entry_id.text or "").strip()
            ids[text] += 1
            if not urlsplit(text).scheme:
                findings.append(f"{where}: <id> {text!r} is not an absolute IRI")
        _one(entry, "title", where, findings)
        entry_updated = _one(entry, "updated", where, findings)
        if entry_updated is not None and not is_rfc3339(entry_updated.text):
            findings.append(f"{where}: <updated> {entry_updated.text!r} is not an RFC 3339 date-time")
        alternates = _links(entry, "alternate")
        if not alternates:
            findings.append(f"{where}: no <link rel=\"alternate\"> to its page")
        for link in alternates:
            _, problem = site.locate(link.get("href", ""))
            if problem:
                findings.append(f"{where}: <link> {link.get('href')!r}: {problem}")
    for entry_id, count in ids.items():
        if count > 1:
            findings.append(f"{rel}: {count} entries share the id {entry_id!r}")

    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo:
        findings.append(f"{rel}: feedparser: {parsed.bozo_exception}")
    return findings


def check_feeds(site: BuiltSite) -> list[str]:
    feeds = site.files("*.atom")
    if not feeds:
        return ["no *.atom feed in the output"]
    return [finding for feed in feeds for finding in check_feed(site, feed)]
