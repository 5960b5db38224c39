"""The live preview's pages about problems (NEWSROOM_PROBLEM_PAGES, on only in `./dev livereload`).

While a release file has problems it has no page; in the preview its address shows, in its place,
a page listing its problems (the lines `./dev check` prints), so the browser that showed the release
shows why it is gone, and the release again once the file is fixed and saved. Each language has a
page listing every problem of the content, and every other page a banner saying how many files
have problems, put there by a script that reads that page: the banner changes, the pages do not
(a save rewrites what it touches, not every page of the site). Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import slugs
from .errors import Problem

LIST_URL = "{lang}/problems/"  # every problem, in each language
BANNER = "problems/banner.js"  # the script that puts the banner on every other page


@dataclass(frozen=True)
class AtAddress:
    """The page at the address of a release whose file has problems."""

    url: str
    lang: str
    path: str  # the file, as the problems name it
    problems: tuple[Problem, ...]


def by_file(problems: Iterable[Problem]) -> dict[str, tuple[Problem, ...]]:
    """Each file's problems, files and their problems in order, each once."""
    files: dict[str, list[Problem]] = {}
    for problem in sorted(set(problems)):
        files.setdefault(problem.path, []).append(problem)
    return {path: tuple(found) for path, found in files.items()}


def at_addresses(problems: Iterable[Problem], read: Mapping[str, tuple[str, str]], languages: Sequence[str],
                 article_url: str, taken: set[str]) -> list[AtAddress]:
    """A page for each release file with problems, at its address. `read`: file → (language, URL)
    of the releases read (a release whose front-matter reads, with problems or not); another file's
    address is made from its name as the build makes it (`<date>-<words>.<lang>.md`), if the name
    says its language. `taken`: addresses of pages the site has (a problem page never replaces one)."""
    pages: dict[str, AtAddress] = {}
    for path, found in by_file(problems).items():
        where = read.get(path) or from_name(path, languages, article_url)
        if where is None or where[1] in taken:
            continue
        lang, url = where
        if url in pages:  # two files with one address: one page lists both files' problems
            pages[url] = AtAddress(url, pages[url].lang, pages[url].path, pages[url].problems + found)
        else:
            pages[url] = AtAddress(url, lang, path, found)
    return list(pages.values())


def from_name(path: str, languages: Sequence[str], article_url: str) -> tuple[str, str] | None:
    """(language, URL) of a release file that did not read, from its name; None if it says no language."""
    lang = slugs.language_tag(path)
    if lang not in languages:
        return None
    try:
        slug = slugs.from_filename(path, slugs.date_prefix(path))
    except ValueError:
        return None
    url = article_url.replace("{lang}", lang).replace("{slug}", slug)
    return None if "{" in url else (lang, url)


def list_url(lang: str) -> str:
    return LIST_URL.format(lang=lang)
