"""One build, top to bottom: stage → read → check → plan → render → verify → publish.

`guard` (at Pelican's `initialized`) sends every `run()` of a Pelican through `build`, which
holds what a build changes in the process and on disk, and gives it all back however the build
ends (Pelican sends no signal when a build fails):

- stage: one build at a time per output folder (`output.Lock`), into a staging folder of its
  own (`output.stage`) that this Pelican writes into;
- read: Pelican's articles generator reads each release with `reader.ReleaseReader` (front-matter
  by `frontmatter`, text by Python-Markdown under `htmlpolicy`);
- check: `generator.NewsroomGenerator.generate_context` checks the content as a whole (`audit`:
  `inventory`, `references`, `pairing`) and reports every problem; a strict build stops here;
- plan: it pairs the language versions (`pairing`) and plans every list page (`pages`);
- render: `generate_output` renders the pages (`render`), feeds, sitemap and search index;
- verify: every file the generators said they wrote is there, whole (`output.check`);
- publish: the staging folder is swapped in for the output (`output.replace`).
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable
from pathlib import Path

from pelican import signals

from . import pelican_internals
from .errors import OutputError
from .output import (Identity, Lock, check, check_replaceable, disk_full, expected, identity, incomplete, replace, retain,
                     stage, unwritten)
from .settings import config


def guard(pelican) -> None:
    """Every run of this Pelican goes through `build` (a live preview runs one Pelican again and again)."""
    pelican_internals.wrap_run(pelican, lambda run: build(pelican, run))


def build(pelican, run: Callable[[], None]) -> Identity | None:
    """Run one build under the output folder's lock: into a staging folder of its own, checked, then
    swapped in. Returns the identity of the output folder it published (`Session` compares it)."""
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    atomic = config(settings).atomic_output
    if atomic:
        check_replaceable(output, Path(settings["PATH"]))
    generators: list = []

    def capture(found) -> None:
        generators.extend(found)

    with Lock(output):
        # stage
        staging = stage(output) if atomic else output
        pelican_internals.set_output_path(pelican, str(staging))
        signals.all_generators_finalized.connect(capture)
        try:
            # read, check, plan, render: Pelican's generators, ours last
            run()
            # verify
            if atomic:
                retain(output, staging, settings.get("OUTPUT_RETENTION", ()))
            problems = check(staging, expected(generators))
            if problems:
                raise OutputError(incomplete(problems, output, atomic))
            # publish
            if atomic:
                replace(output, staging)
        except OSError as error:
            if not disk_full(error):
                raise
            raise OutputError(unwritten(error, staging, output, atomic)) from error
        finally:
            signals.all_generators_finalized.disconnect(capture)
            gc.unfreeze()  # what the build kept from the collector (generator.generate_context) is its again
            pelican_internals.set_output_path(pelican, str(output))
            if atomic:
                shutil.rmtree(staging, ignore_errors=True)
        return identity(output)
