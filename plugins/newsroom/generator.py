"""The newsroom generator: after Pelican has read the releases, check them as a whole, pair the
language versions, and write every list page, feed and the sitemap, for all languages in one run.

A withdrawn release keeps its page (which says it was withdrawn) and leaves everything else:
lists, neighbours, feeds, the sitemap, search. A renamed release gets a page at each old address
that sends readers on to it."""

from __future__ import annotations

import datetime
import functools
import gc
import hashlib
import logging
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from . import (assets, attachments, audit, bodyimages, cms, feeds, headers, fragments, images, pages, pairing, pelican_internals,
               problempages, progress, references, registry, render, search, settings, share, sitemap)
from .reader import PROBLEMS
from .errors import ContentError, Problem
from .output import Expected
from .pairing import Group

logger = logging.getLogger(__name__)

# a photo in a release's text is as wide as the text (theme/static/css/site.css: .release__body)
BODY_SIZES = "(min-width: 64rem) 42rem, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)"


@dataclass
class Links:
    """How one page connects to its other-language versions (URLs relative to the site root)."""

    lang: str
    url: str
    alternates: dict[str, str]
    x_default: str | None
    switcher: list[tuple[str, str, bool]] = field(default_factory=list)


@dataclass
class Newsroom:
    """What templates need besides the page itself: registries, languages, feeds."""

    config: settings.Config
    partners: dict[str, registry.Entry]
    topics: dict[str, registry.Entry]
    logos: dict[str, images.Picture] = field(default_factory=dict)  # partner key → its logo's variants

    def feed_url(self, lang: str) -> str:
        return feeds.url_of(lang)

    def home_url(self, lang: str) -> str:
        return pages.url_of("home", lang)

    def problems_url(self, lang: str) -> str:
        """The live preview's list of every problem, in `lang` (NEWSROOM_PROBLEM_PAGES)."""
        return problempages.list_url(lang)


def shown(item) -> tuple[str, bool]:
    """Everything of a release that a page showing it can show, as a digest. What cannot change
    while the item lives (all but the embargo) is hashed once; a preview session keeps items."""
    try:
        fixed = item.newsroom_fixed
    except AttributeError:
        text = repr((item.url, item.lang, item.title, item.release, item.metadata.get("summary"), getattr(item, "picture", None),
                     getattr(item, "attachments", ()), getattr(item, "share", None)))
        digest = hashlib.sha256(text.encode())
        digest.update(b"\0" + item.content.encode())
        fixed = item.newsroom_fixed = digest.hexdigest()
    return (fixed, item.embargoed)


def neighbour(item) -> tuple | None:
    return (item.url, item.title) if item is not None else None


def withdrawn(group: Group) -> bool:
    """A release withdrawn (its language versions are withdrawn together: `pairing.SHARED_FIELDS`)."""
    return any(item.release.withdrawn for item in group.versions.values())


class NewsroomGenerator(Generator):
    """Created by Pelican for each build; it holds that build's state, kept only by a live preview
    (`session.Session`) to refresh that build after an edit. Nothing is kept at module level."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = settings.config(self.settings)
        self.registries = audit.load_registries(Path(self.settings["PATH"]), self.config.codes)
        self.photos = references.Photos(Path(self.settings["PATH"]))  # an image changed: a new build
        self.documents = references.Documents(Path(self.settings["PATH"]))  # a document changed: a new build
        self.problems: list[Problem] = []
        self.read_problems: list[Problem] = []  # what reading the release files found
        self.releases_read: list = []  # every release read without problems, published or draft
        self.quiet = False  # True: no progress lines (a live preview's refreshes)
        self.newsroom = Newsroom(self.config, dict(self.registries.partners), dict(self.registries.topics))
        self.list_pages: list[pages.ListPage] = []
        self.groups: list[Group] = []  # every release with a page
        self.listed: list[Group] = []  # …less the withdrawn: what lists, feeds, the sitemap and search show
        self.pictures: list[images.Picture] = []
        self.published_documents: dict[str, Path] = {}  # name in the site → its file: what shown releases attach
        self.made_pictures: dict[str, images.Picture] = {}  # by src: releases sharing an image share its variants
        self.painter = share.Painter(Path(self.theme))
        self.cards: list[share.Card] = []  # the share pictures of the releases shown without a lead photo
        self.expected_output: Expected | None = None  # what generate_output wrote, checked before publishing

    # -- context -------------------------------------------------------------------------------

    def generate_context(self):
        """Check, pair and link the releases Pelican read, and plan every list page. A live preview
        (`session.Session`) does it again after each edit, with the context's releases replaced."""
        # What Pelican has read lives until the build ends: the cyclic garbage collector need not
        # walk it again and again while the pages are made (1 s of 18 at 5,000 releases a language).
        # Thawed when the build ends, however it ends (`lifecycle.build`).
        gc.freeze()
        self.link_releases()
        self.plan_lists()

    def link_releases(self) -> None:
        """Check and pair the releases, and link each to its twins and neighbours: all a release's
        own page needs."""
        articles = self.context["articles"]
        drafts = self.context.get("drafts", [])
        self.read_problems = self.context.pop(PROBLEMS, [])
        self.releases_read = [*articles, *drafts]
        self.env.globals["fragment"] = fragments.Fragments()  # what this context renders, rendered once
        files = audit.take_inventory(self.settings)
        releases = [a.release for a in self.releases_read]
        self.problems = [*self.read_problems, *audit.problems(files, self.registries, releases, self.photos, self.config.codes,
                                                                         self.documents)]
        self.report_problems()
        broken = {problem.path for problem in self.problems}
        articles[:] = [a for a in articles if a.release.path not in broken]

        for article in articles:
            # Pelican works a URL out from the settings at every use; templates use it often.
            # Pelican does not write release pages (ARTICLE_SAVE_AS is empty): this plugin does.
            article.override_url = article.url
            article.override_save_as = ""
            # only a preview has them: a strict build leaves them out
            article.embargoed = article.date > datetime.datetime.now(article.date.tzinfo)
        self.groups = pairing.group(articles, release_of=lambda a: a.release)
        self.listed = [group for group in self.groups if not withdrawn(group)]
        made = self.made_pictures
        for article in articles:
            if article.release.image:
                src = article.release.image.src
                if src not in made:
                    made[src] = images.picture(self.photos.inspect(src), src, self.image_cache)
                article.picture = made[src]
            self.fill_body_images(article)
            article.attachments = tuple(attachments.document(attachment, self.documents.inspect(attachment.file))
                                        for attachment in article.release.attachments)
        self.newsroom.logos = self.make_logos()
        # a withdrawn release shows no photo: its photos are published only if another release shows them
        shown_articles = [a for a in articles if not a.release.withdrawn]
        used = [a.picture for a in shown_articles if a.release.image]
        used += [made[image.src] for a in shown_articles for image in a.release.body_images]
        self.pictures = list({id(picture): picture for picture in (*used, *self.newsroom.logos.values())}.values())
        # …and its documents likewise; a draft's or an embargoed release's only where its page is (a preview)
        self.published_documents = {document.name: self.documents.inspect(document.name)
                                    for a in shown_articles for document in a.attachments}
        for article in articles:  # a share picture for each release shown without a lead photo
            article.share = None
            if not article.release.image and not article.release.withdrawn:
                article.share = self.painter.card(article.title, article.lang, self.config.language(article.lang).sitename, article.slug)
        self.cards = list({article.share.name: article.share for article in shown_articles if article.share}.values())
        for group in self.groups:  # a withdrawn release has no neighbours, and is no one's
            for item in group.versions.values():
                item.newer = item.older = None
        for lang in self.config.codes:  # previous/next within the release's own language
            own = [group.versions[lang] for group in self.listed if lang in group.versions]
            for newer, item, older in zip([None, *own], own, [*own[1:], None]):
                item.newer, item.older = newer, older
        for group in self.groups:
            alternates = {lang: group.versions[lang].url for lang in self.config.codes if lang in group.versions}
            for lang, item in group.versions.items():
                item.links = self.links(lang, item.url, alternates, x_default=alternates.get(self.config.default.code, item.url))
        self.context["newsroom"] = self.newsroom

    def plan_lists(self) -> None:
        """Every list page in every language, from the paired releases."""
        articles = self.context["articles"]
        self.list_pages = pages.plan(
            self.listed,
            release_of=lambda a: a.release,
            registries={"partner": self.newsroom.partners, "topic": self.newsroom.topics},
            languages=self.config.codes,
            untranslated=self.config.untranslated,
            per_page=self.config.per_page,
        )
        for page in self.list_pages:
            x_default = "" if page.kind == "home" else page.alternates.get(self.config.default.code, page.url)
            page.links = self.links(page.lang, page.url, page.alternates, x_default)
        self.progress = progress.Progress(len(articles), quiet=self.quiet)
        self.progress.say("Read", f"{len(articles)} releases ({progress.per_language(articles, lambda a: a.lang)}), "
                          f"{len(self.groups)} stories; {len(self.list_pages)} list pages to write "
                          f"({progress.per_language(self.list_pages, lambda p: p.lang)})")

    def fill_body_images(self, article) -> None:
        """The photos in a release's text, as the variants the build made of them. Once per
        release read (its text is final; a session re-reads an edited release)."""
        if not article.release.body_images or getattr(article, "newsroom_filled", False):
            return
        for image in article.release.body_images:
            if image.src not in self.made_pictures:
                self.made_pictures[image.src] = images.picture(self.photos.inspect(image.src), image.src, self.image_cache)
        pelican_internals.set_body(article, bodyimages.fill(pelican_internals.body_of(article), article.release.body_images,
                                   lambda image: str(self.macros.picture(self.made_pictures[image.src], BODY_SIZES, image.alt))))
        article.newsroom_filled = True

    @functools.cached_property
    def macros(self):
        """The theme's macros (partials/macros.html), to render a photo in a release's text."""
        return self.env.get_template("partials/macros.html").make_module({"SITEURL": self.settings["SITEURL"]})

    def macros_in(self, lang: str):
        """The theme's macros in one language (gettext and dates follow `lang`): a feed's datelines."""
        return self.env.get_template("partials/macros.html").make_module({"SITEURL": self.settings["SITEURL"], "lang": lang})

    def make_logos(self) -> dict[str, images.Picture]:
        """The variants of every partner's logo that can be published (the others are problems)."""
        logos = {}
        for key, partner in self.newsroom.partners.items():
            if partner.logo and not isinstance(found := self.photos.inspect(partner.logo, images.LOGO), str):
                name = f"logo:{partner.logo}"
                if name not in self.made_pictures:
                    self.made_pictures[name] = images.picture(found, partner.logo, self.image_cache, images.LOGO)
                logos[key] = self.made_pictures[name]
        return logos

    @property
    def image_cache(self) -> Path:
        return Path(self.settings["CACHE_PATH"]) / "newsroom-images"

    def report_problems(self) -> None:
        """Every problem on a line of its own (plain text, never wrapped), then one verdict."""
        problems = sorted(set(self.problems))
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems and self.config.strict:
            raise ContentError(problems)
        if problems:
            noun = "problem" if len(problems) == 1 else "problems"
            logger.warning("%d %s in the content; the files concerned are left out of this preview", len(problems), noun)

    def links(self, lang: str, url: str, alternates: dict[str, str], x_default: str | None) -> Links:
        switcher = [
            (other, alternates.get(other, pages.url_of("home", other)), other in alternates)
            for other in self.config.codes
            if other != lang
        ]
        return Links(lang, url, dict(alternates), x_default, switcher)

    # -- output --------------------------------------------------------------------------------

    def generate_output(self, writer):
        output = Path(self.output_path)
        self.write_pictures(output)
        self.write_documents(output)
        theme_assets = assets.Assets(Path(self.theme) / "static", self.settings["THEME_STATIC_DIR"])
        theme_assets.write(output)
        headers.publish(Path(self.theme), output)
        admin_files, admin_copies = cms.publish(output, self.settings, {"partners": self.newsroom.partners, "topics": self.newsroom.topics},
                                                self.config.codes, f"../{theme_assets.url('css/site.css')}")
        jobs = self.jobs()
        cache = render.PageCache(Path(self.settings["CACHE_PATH"]) / "newsroom-pages") if self.page_cache else None
        share.prune(self.image_cache, self.cards)
        # the share pictures not made by an earlier build are drawn by the processes that render the pages
        cards = [functools.partial(self.painter.make, card, self.image_cache) for card in self.cards
                 if not (self.image_cache / card.name).exists()]
        render.render_all(jobs, self.template, self.context, output, parallel=len(self.groups) >= self.config.parallel_from, cache=cache,
                          start=self.config.start_method, rebuild=self.rebuild(), tasks=cards)
        self.write_cards(output)
        self.announce(jobs, output)
        self.write_feeds_and_sitemap(output)
        self.progress.say("Wrote", f"{len(jobs)} pages ({progress.per_language(jobs, lambda job: job.values['lang'])}), "
                                   f"{len(self.config.codes)} feeds, the sitemap")
        # every page is written by now (Pelican's own generators ran first); a site without a single
        # release (a preview whose every release has a problem) has nothing to index
        indexed = self.config.search and bool(self.listed)
        if indexed:
            cache = Path(self.settings["CACHE_PATH"]) / "newsroom-search" if self.page_cache else None
            search.index(output, search.pages_glob(self.settings["ARTICLE_URL"]), cache)
            self.progress.say("Indexed", "the pages for search, one index per language")
        self.expected_output = Expected(
            files=(*(job.save_as for job in jobs), *(feeds.url_of(code) for code in self.config.codes), "sitemap.xml", *admin_files),
            copies=(*theme_assets.files(), *images.files(self.image_cache, [*self.pictures, *self.cards]), *headers.files(Path(self.theme)),
                    *sorted(self.published_documents.items()), *admin_copies),
            search=tuple(sorted({lang for group in self.listed for lang in group.versions})) if indexed else None,
        )

    def render_in_place(self, jobs: list[render.Job], output: Path) -> None:
        """Rewrite a few pages of a site being served (a live preview's refresh), in this process."""
        render.render_all(jobs, self.template, self.context, output, parallel=False, in_place=True)
        self.announce(jobs, output)

    def announce(self, jobs: list[render.Job], output: Path) -> None:
        """Tell other plugins of every page written, as Pelican's own writer does (`content_written`:
        sitemaps, minifiers, link checkers listen to it); the pages were rendered by our renderer."""
        if not bool(signals.content_written.receivers):
            return
        for job in jobs:
            signals.content_written.send(str(output / job.save_as), context={**self.context, "output_file": job.save_as, **job.values})

    def write_pictures(self, output: Path, pictures: list[images.Picture] | None = None) -> None:
        images.copy_into(output, self.image_cache, self.pictures if pictures is None else pictures)

    def write_documents(self, output: Path, names: Iterable[str] | None = None) -> None:
        """Copy the attached documents of the shown releases (or those of them named) into the site."""
        for name in sorted(self.published_documents if names is None else names):
            with images.written(output / name) as part:
                shutil.copyfile(self.published_documents[name], part)

    def write_cards(self, output: Path, cards: list[share.Card] | None = None) -> None:
        """Publish share pictures from the cache, drawing here any not there yet (a live preview's refresh)."""
        cards = self.cards if cards is None else cards
        for card in cards:
            self.painter.make(card, self.image_cache)
        images.copy_into(output, self.image_cache, cards)

    def write_feeds_and_sitemap(self, output: Path) -> None:
        for language in self.config.languages:
            macros = self.macros_in(language.code)
            path, feed = feeds.write(str(output), self.feed_items(language.code), language.code, language.sitename, self.settings,
                                     dateline=lambda item, macros=macros: str(macros.dateline(item)), topics=self.newsroom.topics,
                                     updated=lambda item, macros=macros: str(macros.updated(item)))
            signals.feed_written.send(path, context=self.context, feed=feed)
        sitemap.write(str(output), self.sitemap_pages(), self.settings["SITEURL"])

    def release_jobs(self, items: list) -> list[render.Job]:
        """The pages of these releases (Pelican is told not to write them)."""
        sign = self.signer if self.page_cache else (lambda *inputs: None)
        return [
            render.Job(pages.save_as(item.url), item.template,
                       {"lang": item.lang, "article": item, "category": item.category, "blog": True, "url": item.url},
                       sign(shown(item) if self.page_cache else None, repr(item.links), neighbour(item.newer), neighbour(item.older)))
            for item in items
        ]

    def redirect_jobs(self, items: list) -> list[render.Job]:
        """A page at each old address of these releases (`aliases`), sending readers to the release."""
        sign = self.signer if self.page_cache else (lambda *inputs: None)
        jobs = []
        for item in items:
            for alias in item.release.aliases:
                url = pelican_internals.url_with_slug(item, alias)
                jobs.append(render.Job(pages.save_as(url), "redirect",
                                       {"lang": item.lang, "target": item, "links": Links(item.lang, url, {}, None)},
                                       sign("redirect", url, item.lang, item.url, item.title)))
        return jobs

    def jobs(self) -> list[render.Job]:
        """Every page this plugin writes: the releases, the old addresses of renamed ones, the lists,
        the rest."""
        sign = self.signer if self.page_cache else (lambda *inputs: None)
        items = [item for group in self.groups for item in group.versions.values()]
        seen = {id(item): shown(item) for item in items} if self.page_cache else {}
        jobs = self.release_jobs(items)
        jobs += self.redirect_jobs(items)
        jobs += [
            render.Job(page.save_as, page.template, {"lang": page.lang, "page": page, "links": page.links},
                       sign(page.kind, page.key, page.lang, page.number, page.count, page.previous_url, page.next_url,
                            repr(page.links), repr(page.entries), [(seen.get(id(entry.item)), entry.foreign) for entry in page.listings]))
            for page in self.list_pages
        ]
        for lang in self.config.codes:
            url = f"{lang}/404.html"
            jobs.append(render.Job(url, "404", {"lang": lang, "links": self.links(lang, url, {lang: url}, None)}))
        default = self.config.default.code
        homes = self.homes()
        jobs += [
            render.Job("index.html", "languages", {"lang": default, "links": Links(default, "", homes, "", []), "homes": homes}),
            render.Job("404.html", "languages_404", {"lang": default, "links": Links(default, "404.html", {}, None, []), "homes": homes}),
            render.Job("robots.txt", "robots.txt", {"lang": default}),
        ]
        if self.config.problem_pages and not self.config.strict:
            jobs += self.problem_jobs({job.save_as for job in jobs})
        return jobs

    def problem_jobs(self, taken: set[str]) -> list[render.Job]:
        """The live preview's pages about problems (`problempages`): at each broken release's
        address, its problems; in each language, every problem; the banner's script."""
        sign = self.signer if self.page_cache else (lambda *inputs: None)
        read = {item.release.path: (item.lang, item.url) for item in self.releases_read}
        files = problempages.by_file(self.problems)
        lines = tuple(problem for found in files.values() for problem in found)
        lists = {lang: problempages.list_url(lang) for lang in self.config.codes}
        jobs = []
        for page in problempages.at_addresses(self.problems, read, self.config.codes, self.settings["ARTICLE_URL"],
                                              {save_as.removesuffix("index.html") for save_as in taken}):
            jobs.append(render.Job(pages.save_as(page.url), "release_problems",
                                   {"lang": page.lang, "links": self.links(page.lang, page.url, {page.lang: page.url}, None),
                                    "path": page.path, "problems": page.problems},
                                   sign("release problems", page.url, page.lang, page.path, page.problems)))
        for lang, url in lists.items():
            jobs.append(render.Job(pages.save_as(url), "problems",
                                   {"lang": lang, "links": self.links(lang, url, lists, None), "files": len(files), "problems": lines},
                                   sign("problems", url, lang, lines)))
        jobs.append(render.Job(problempages.BANNER, "problem_banner.js", {"lang": self.config.default.code}, sign("banner")))
        return jobs

    @property
    def page_cache(self) -> bool:
        """Pages are cached where Pelican caches content (a warm rebuild, livereload)."""
        return bool(self.settings.get("CACHE_CONTENT") and self.settings.get("LOAD_CONTENT_CACHE"))

    @functools.cached_property
    def signer(self):
        """A function from a page's inputs to its signature: a hash of those inputs and of all
        that every page shares (theme, plugin, settings, registries), read once per build."""
        shared = hashlib.sha256()
        for folder in (Path(self.theme), Path(__file__).parent):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    shared.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
        for key, value in sorted(self.settings.items()):
            text = repr(value)
            if key.isupper() and " at 0x" not in text:  # skip settings whose repr is an address
                shared.update(f"{key}={text}".encode())
        shared.update(repr((self.newsroom.partners, self.newsroom.topics, self.newsroom.logos)).encode())

        def sign(*inputs) -> str:
            page = shared.copy()
            page.update(repr(inputs).encode())
            return page.hexdigest()
        return sign

    def template(self, name: str):
        return self.env.get_template(name) if "." in name else self.get_template(name)

    def rebuild(self) -> render.Rebuild:
        """How a spawned rendering worker makes this build's templates again (`spawned_templates`)."""
        return render.Rebuild(functools.partial(spawned_templates, self.settings, self.path, self.theme, self.output_path),
                              flat=(pelican_internals.Content,))

    def homes(self) -> dict[str, str]:
        return {code: pages.url_of("home", code) for code in self.config.codes}

    def feed_items(self, lang: str) -> list:
        items = [group.versions[lang] for group in self.listed if lang in group.versions]
        return items[: self.config.feed_items]

    def sitemap_pages(self) -> list[Links]:
        """Every page a search engine should know: not the 404 pages, not a withdrawn release's,
        not an old address's (each tells search engines not to index it)."""
        articles = [item.links for group in self.listed for item in group.versions.values()]
        root = Links(self.config.default.code, "", self.homes(), "", [])
        return [root, *articles, *(page.links for page in self.list_pages)]


def spawned_templates(settings: dict, path: str, theme: str, output_path: str):
    """In a spawned worker: the build's `template` function, its environment made again from the
    settings as Pelican and `prepare_templates` made it, with fragments of its own (`fragments`)."""
    from . import prepare_templates  # the package, imported by now: it imported this module

    generator = pelican_internals.plain_generator(settings, path, theme, output_path)
    prepare_templates(generator)
    generator.env.globals["fragment"] = fragments.Fragments()
    generator.env.auto_reload = False
    return lambda name: generator.env.get_template(name) if "." in name else generator.get_template(name)
