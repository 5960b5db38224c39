"""Rendering every page of the site: the same templates and context Pelican's writer would use, on
every core. Each worker process is forked after the context is complete, renders its share of the
pages and writes them; nothing is sent back but its exit code."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import NewsroomError
from .workers import FORK, cores

class RenderError(NewsroomError):
    """A template failed while rendering a page."""


@dataclass(frozen=True)
class Job:
    """One page: where it goes, which template renders it, and its own context values."""

    save_as: str
    template: str
    values: Mapping[str, Any] = field(default_factory=dict)


def render_all(jobs: Sequence[Job], get_template: Callable[[str], Any], context: Mapping, output: Path, parallel: bool) -> None:
    """Render and write every job, in one worker process per core when `parallel`."""
    workers = cores() if parallel else 1
    if workers == 1:
        _render(jobs, get_template, context, output)
        return
    processes = [FORK.Process(target=_worker, args=(jobs[index::workers], get_template, context, output)) for index in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    failed = [process.exitcode for process in processes if process.exitcode != 0]
    if failed:
        raise RenderError(f"newsroom: {len(failed)} of {workers} rendering processes failed; their errors are above")


def _worker(jobs, get_template, context, output) -> None:
    try:
        _render(jobs, get_template, context, output)
    except BaseException:  # noqa: BLE001 - reported here, turned into the exit code
        traceback.print_exc()
        raise SystemExit(1) from None


def _render(jobs: Sequence[Job], get_template, context: Mapping, output: Path) -> None:
    made: set[Path] = set()
    for job in jobs:
        html = get_template(job.template).render({**context, "output_file": job.save_as, **job.values})
        path = output / job.save_as
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(html, encoding="utf-8")
