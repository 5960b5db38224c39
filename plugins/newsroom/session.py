"""A live preview: one full build, then, after each save, only what the change touches.

`invoke livereload` keeps a `Session`. Its first build is an ordinary Pelican build (caches on,
search off); the session keeps that build's generators, with the releases they read, in memory.
When only release files changed, it reads just those files again and works the site's context out
anew from the releases in memory (no other file is read). The edited releases' own pages are
written as soon as their twins and neighbours are known; then the lists are planned, and only the
pages whose signature changed are rendered, in place. Any other change (theme, settings,
registries, images, documents) runs the full build again. Editors' backup and lock files (hidden, or ending
in `~`) are not changes. A refresh holds the output folder's lock as a build does (`output.Lock`);
if another build has replaced the folder since, the session builds the whole site again.

What a refresh writes is what a full build of the same files writes (tests/functional/test_session.py).
"""

from __future__ import annotations

import gc
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from pelican import Pelican, signals

from . import inventory, output, pages, pelican_internals
from .pelican_internals import Article
from .generator import NewsroomGenerator
from .reader import PROBLEMS, display_path

logger = logging.getLogger(__name__)

Stamps = dict[str, tuple[int, int]]  # path → (mtime in ns, size)


@dataclass(frozen=True)
class Refresh:
    """What one refresh did: `kind` is 'none', 'releases' (in place) or 'full' (a whole build)."""

    kind: str
    changed: tuple[str, ...] = ()
    pages: int = 0
    first_page_after: float = 0.0  # seconds until the first edited release's page was written
    seconds: float = 0.0

    def __str__(self) -> str:
        if self.kind == "none":
            return "newsroom: nothing changed"
        if self.kind == "full":
            return f"newsroom: rebuilt the whole site in {self.seconds:.2f} s"
        return (f"newsroom: {len(self.changed)} release file(s) changed; rewrote {self.pages} pages in "
                f"{self.seconds:.2f} s (the first after {self.first_page_after:.2f} s)")


class Session:
    """A preview build that stays in memory between saves. `settings` are Pelican's settings."""

    def __init__(self, settings: dict, watched: tuple[Path, ...] = ()):
        # livereload's reload script is inline code, which the pages' own policy would block; a
        # broken release's address shows its problems, and every page a banner (problempages.py)
        self.settings = {**settings, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "NEWSROOM_SEARCH": False,
                         "NEWSROOM_META_POLICY": False, "NEWSROOM_PROBLEM_PAGES": True}
        self.content = Path(self.settings["PATH"])
        self.output = Path(self.settings["OUTPUT_PATH"])
        self.watched = (self.content, Path(self.settings["THEME"]), *watched)
        self.ignored = tuple(self.settings.get("IGNORE_FILES", inventory.IGNORED))
        self.stamps: Stamps = {}
        self.articles_generator = None
        self.newsroom: NewsroomGenerator | None = None
        self.items: dict[str, Article] = {}  # release file (relative to content/) → what it read as
        self.problems: dict[str, list] = {}  # release file → the problems reading it found
        self.signatures: dict[str, str | None] = {}  # page (save_as) → signature last written
        self.published: output.Identity | None = None  # the output folder this session's build made

    # -- what changed ---------------------------------------------------------------------------

    def scan(self) -> Stamps:
        stamps: Stamps = {}
        for root in self.watched:
            if root.is_file():
                stat = root.stat()
                stamps[str(root)] = (stat.st_mtime_ns, stat.st_size)
                continue
            for folder, folders, names in os.walk(root):
                folders[:] = [name for name in folders if not inventory.ignored(name, self.ignored)]
                for name in names:
                    if inventory.ignored(name, self.ignored):  # an editor's, not the site's
                        continue
                    path = os.path.join(folder, name)
                    try:
                        stat = os.stat(path)
                    except FileNotFoundError:  # deleted while walking
                        continue
                    stamps[path] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def is_release(self, path: str) -> bool:
        relative = Path(path).relative_to(self.content) if Path(path).is_relative_to(self.content) else None
        if relative is None:
            return False
        return inventory.classify(relative.as_posix(), self.settings["ARTICLE_PATHS"], ())[0] == "releases"

    # -- building -------------------------------------------------------------------------------

    def build(self) -> Refresh:
        """The whole site, as `pelican` builds it; the generators are kept for later refreshes."""
        start = time.perf_counter()
        self.stamps = self.scan()
        self.articles_generator = self.newsroom = None
        gc.unfreeze()  # the previous build's state may go
        captured: list = []

        def capture(generators):
            captured.extend(generators)

        signals.all_generators_finalized.connect(capture)
        try:
            self.published = Pelican(self.settings).run()  # our run, see lifecycle.guard
        finally:
            signals.all_generators_finalized.disconnect(capture)
        self.keep(captured)
        return Refresh("full", seconds=time.perf_counter() - start)

    def keep(self, generators: list) -> None:
        self.newsroom = next(g for g in generators if isinstance(g, NewsroomGenerator))
        self.newsroom.quiet = True  # a refresh says what it did in one line
        self.articles_generator = pelican_internals.articles_generator(generators)
        self.items = {item.relative_source_path: item for item in self.newsroom.releases_read}
        self.problems = {}
        for problem in self.newsroom.read_problems:
            self.problems.setdefault(problem.path, []).append(problem)
        self.signatures = {job.save_as: job.signature for job in self.newsroom.jobs()}
        # kept until the next full build, so the collector leaves it alone (a refresh is ~25% faster;
        # the few releases an edit replaces are freed at the next full build)
        gc.freeze()

    def refresh(self) -> Refresh:
        """Bring the output up to date with the files on disk, doing as little as the change needs."""
        start = time.perf_counter()
        stamps = self.scan()
        changed = sorted(path for path in stamps.keys() | self.stamps.keys() if stamps.get(path) != self.stamps.get(path))
        if not changed:
            return Refresh("none")
        if self.newsroom is None or not all(self.is_release(path) for path in changed):
            return self.build()
        with output.Lock(self.output):  # no build swaps the output folder while pages are rewritten in it
            if output.identity(self.output) == self.published:
                self.stamps = stamps
                try:
                    return self.refresh_releases(changed, stamps, start)
                except Exception:
                    logger.exception("newsroom: refreshing %d release file(s) failed; rebuilding the whole site", len(changed))
            else:  # what the session knows of the pages there is another build's no more
                logger.warning("newsroom: another build replaced %s; rebuilding the whole site", self.output)
        return self.build()

    def refresh_releases(self, changed: list[str], stamps: Stamps, start: float) -> Refresh:
        newsroom = self.newsroom
        edited = []
        for path in changed:
            relative = Path(path).relative_to(self.content).as_posix()
            before = self.items.pop(relative, None)
            self.problems.pop(display_path(path, str(self.content)), None)
            if path not in stamps and before is not None:  # deleted: its page goes at once
                remove(self.output, pages.save_as(before.url))
            if path in stamps:
                item = self.read(relative)
                if item is not None:
                    self.items[relative] = item
                    edited.append(item)
        by_status: dict[str, list] = {"published": [], "draft": [], "hidden": []}
        for item in self.items.values():
            by_status[item.status].append(item)
        context = newsroom.context
        context["articles"] = pelican_internals.order(by_status["published"], self.settings["ARTICLE_ORDER_BY"])
        context["drafts"] = by_status["draft"]
        context[PROBLEMS] = [problem for problems in self.problems.values() for problem in problems]
        pictures_before = picture_files(newsroom.pictures) | picture_files(newsroom.cards)
        documents_before = dict(newsroom.published_documents)
        newsroom.link_releases()
        # the edited releases' own pages first: they need their twins and neighbours, not the lists
        linked = {id(item) for group in newsroom.groups for item in group.versions.values()}
        first = newsroom.release_jobs([item for item in edited if id(item) in linked])
        # the photos' variants the site did not have: a lead photo or a photo in the text of an edited release
        newsroom.write_pictures(self.output, [picture for picture in newsroom.pictures if not set(picture.files()) <= pictures_before])
        # the documents the site did not have (the files themselves changed: a full build)
        newsroom.write_documents(self.output, newsroom.published_documents.keys() - documents_before.keys())
        # the share pictures of new titles (and of releases that lost their lead photo), drawn here
        newsroom.write_cards(self.output, [card for card in newsroom.cards if card.name not in pictures_before])
        newsroom.render_in_place(first, self.output)
        first_page_after = time.perf_counter() - start
        newsroom.plan_lists()

        jobs = newsroom.jobs()
        signatures = {job.save_as: job.signature for job in jobs}
        written = {job.save_as: job.signature for job in first}
        due = [job for job in jobs if job.save_as not in written and (
               job.save_as not in self.signatures or (job.signature is not None and job.signature != self.signatures[job.save_as]))]
        pictures_now = picture_files(newsroom.pictures) | picture_files(newsroom.cards)
        for gone in ((self.signatures.keys() - signatures.keys()) | (pictures_before - pictures_now)
                     | (documents_before.keys() - newsroom.published_documents.keys())):
            remove(self.output, gone)
        # an edited release that no longer reads: the page at its address that lists its problems first
        edited_paths = {display_path(path, str(self.content)) for path in changed}
        urgent = [job for job in due if job.template == "release_problems" and job.values["path"] in edited_paths]
        if not urgent and not first:
            urgent = due[:1]
        written_first = len(first) + len(urgent)
        if urgent:
            newsroom.render_in_place(urgent, self.output)
            first_page_after = time.perf_counter() - start
            done = {id(job) for job in urgent}
            due = [job for job in due if id(job) not in done]
        newsroom.render_in_place(due, self.output)
        newsroom.write_feeds_and_sitemap(self.output)
        self.signatures = signatures
        return Refresh("releases", tuple(changed), written_first + len(due), first_page_after, time.perf_counter() - start)

    def read(self, relative: str) -> Article | None:
        """One release file as Pelican's article generator reads it; None: skipped (its problems kept)."""
        gen = self.articles_generator
        gen.context.pop(PROBLEMS, None)
        try:
            return pelican_internals.read_article(gen, relative, signals.article_generator_preread, signals.article_generator_context)
        finally:
            for problem in gen.context.pop(PROBLEMS, []):
                self.problems.setdefault(problem.path, []).append(problem)


def picture_files(pictures) -> set[str]:
    return {name for picture in pictures for name in picture.files()}


def remove(output: Path, save_as: str) -> None:
    """Delete a page no longer in the site, and the folders it leaves empty (if it is still there)."""
    path = output / save_as
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == output or not folder.is_relative_to(output):
            break
        if folder.exists():
            if any(folder.iterdir()):
                break
            folder.rmdir()
