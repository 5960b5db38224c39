"""IOM Georgia newsroom: one Pelican run builds the site in every language.

Registration only: which handler answers which Pelican signal. Per-build state lives in the
`NewsroomGenerator` that Pelican creates for each build; nothing is kept at module level.
"""

import logging
from pathlib import Path

from pelican import signals

from . import assets, cms, headers, inventory, lifecycle, localisation, pelican_internals, settings, typography
from .errors import NewsroomError
from .generator import NewsroomGenerator
from .reader import PROBLEMS, ReleaseReader


def check_settings(pelican):
    """Stop at start on a bad NEWSROOM_* setting (the editor's too); drafts and embargoes follow the preview switch."""
    config = settings.config(pelican.settings)
    cms.settings_of(pelican.settings)
    pelican.settings["WITH_FUTURE_DATES"] = config.preview


def add_reader(readers):
    """Release files are read by our reader only: no other reader (HTML, reStructuredText) may
    publish a file put among the releases. Every Markdown ending Pelican knows is ours."""
    pelican_internals.only_reader(readers, ReleaseReader)


def exclude_linked_folders(generator):
    """Pelican follows links to folders (a link to / would walk the whole disk): it must not walk
    into any; the inventory reports each once."""
    pelican_internals.exclude_folders(generator, inventory.linked_folders(Path(generator.path), generator.settings["ARTICLE_PATHS"]))


def read_in_parallel(generator):
    """Convert every release not in Pelican's cache up front, on every core."""
    reader = pelican_internals.reader_of(generator, ReleaseReader.file_extensions[0])
    if isinstance(reader, ReleaseReader):
        reader.prepare(pelican_internals.not_cached(generator, pelican_internals.article_files(generator)))


def prepare_templates(generator):
    """Every generator's templates get the page-language gettext, dates and fingerprinted assets."""
    config = settings.config(generator.settings)
    catalogs = localisation.load_catalogs(Path(generator.theme) / "translations", config)
    localisation.install(generator.env, catalogs, config)
    theme_assets = assets.Assets(Path(generator.theme) / "static", generator.settings["THEME_STATIC_DIR"])
    generator.env.globals["asset"] = lambda name: f"{generator.settings['SITEURL']}/{theme_assets.url(name)}"
    generator.env.filters["endings"] = typography.endings  # IOM-ის never breaks after its hyphen
    generator.env.globals["content_security_policy"] = headers.policy_of(Path(generator.theme)) if config.meta_policy else None
    # Each build makes its environment afresh (a live preview too, when a template changes), so
    # no template changes under it: no need to look at every template file's time at every page.
    generator.env.auto_reload = False


def collect_problems(generator, metadata):
    """A file's problems arrive in its metadata; gather them for the generator to report."""
    problems = metadata.get(PROBLEMS)
    if problems:
        generator.context.setdefault(PROBLEMS, []).extend(problems)


def add_generator(pelican):
    return NewsroomGenerator


HANDLERS = (
    (signals.initialized, check_settings),
    # each run: under the output folder's lock, into its own staging folder, checked, swapped in
    (signals.initialized, lifecycle.guard),
    (signals.readers_init, add_reader),
    (signals.generator_init, prepare_templates),
    (signals.article_generator_init, exclude_linked_folders),
    (signals.article_generator_init, read_in_parallel),
    (signals.article_generator_context, collect_problems),
    (signals.get_generators, add_generator),
)


class _NoTracebackForOwnErrors(logging.Filter):
    """Our errors are already explained in plain words; Pelican's traceback would bury them."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], NewsroomError):
            record.exc_info = None
            record.exc_text = None
        return True


QUIET_ERRORS = _NoTracebackForOwnErrors()


def register():
    logging.getLogger("pelican").addFilter(QUIET_ERRORS)
    for signal, handler in HANDLERS:
        signal.connect(handler)
