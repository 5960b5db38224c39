"""Rendering every page of the site: the same templates and context Pelican's writer would use, on
every core. Each worker process starts after the context is complete, renders its share of the
pages and writes them; nothing is sent back but its exit code. A forked worker inherits the
templates and the context; a spawned one (`workers`) receives the jobs and the context pickled and
makes the templates again (`Rebuild`).

With a page cache, a page whose signature (a hash of everything it shows, see
`generator.NewsroomGenerator.signature`) was rendered before is copied from the cache instead.
"""

from __future__ import annotations

import os
import shutil
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import RenderError
from .output import ROOM
from . import workers
from .workers import cores


@dataclass(frozen=True)
class Job:
    """One page: where it goes, which template renders it, and its own context values."""

    save_as: str
    template: str
    values: Mapping[str, Any] = field(default_factory=dict)
    signature: str | None = None  # None: always rendered


@dataclass(frozen=True)
class PageCache:
    """Rendered pages by signature, in Pelican's cache folder; what a build did not use is pruned."""

    folder: Path

    def path(self, signature: str) -> Path:
        return self.folder / signature[:2] / f"{signature}.html"

    def prune(self, keep: set[str]) -> None:
        for path in self.folder.glob("*/*.html"):
            if path.stem not in keep:
                path.unlink()


@dataclass(frozen=True)
class Rebuild:
    """What a spawned worker cannot receive pickled, and how it gets it: `templates`, a picklable
    function that makes the build's templates again and returns its `get_template`; `flat`, the
    classes whose instances link to each other in long chains (`workers.flatten`)."""

    templates: Callable[[], Callable[[str], Any]]
    flat: tuple[type, ...] = ()


def render_all(jobs: Sequence[Job], get_template: Callable[[str], Any], context: Mapping, output: Path,
               parallel: bool, cache: PageCache | None = None, in_place: bool = False,
               start: str | None = None, rebuild: Rebuild | None = None,
               tasks: Sequence[Callable[[], None]] = ()) -> None:
    """Render and write every job, in one worker process per core when `parallel`; `in_place`:
    into a folder being served, each file through a temporary name so no reader sees half of it.
    `start`: how workers start (default: `workers.start_method()`); spawned workers need `rebuild`.
    `tasks`: other work split between the same processes (drawing share pictures), done first;
    each is picklable, for spawned workers."""
    start = start or workers.start_method()
    if cache is not None:
        cache.prune({job.signature for job in jobs if job.signature})
    count = cores() if parallel and start != "serial" else 1
    if count == 1:
        _work(tasks, jobs, get_template, context, output, cache, in_place)
        return
    split = shares(jobs, count)
    if start == "spawn":
        if rebuild is None:
            raise RenderError("newsroom: spawned rendering workers need a Rebuild of the templates")
        payload = workers.flatten((split, context), rebuild.flat)  # once for all the workers
        arguments = [(tasks[index::count], (), None, None, output, cache, in_place, (payload, index, rebuild.templates))
                     for index in range(count)]
    else:
        arguments = [(tasks[index::count], share, get_template, context, output, cache, in_place) for index, share in enumerate(split)]
    with workers.importable(start):
        processes = [workers.context(start).Process(target=_worker, args=args) for args in arguments]
        for process in processes:
            process.start()
    for process in processes:
        process.join()
    failed = [process.exitcode for process in processes if process.exitcode != 0]
    no_room = [code for code in failed if code in ROOM]  # a worker found no room to write (see _worker)
    if no_room:
        raise OSError(no_room[0], os.strerror(no_room[0]))
    if failed:
        raise RenderError(f"newsroom: {len(failed)} of {count} rendering processes failed; their errors are above")


def shares(jobs: Sequence[Job], workers: int) -> list[list[Job]]:
    """Split the jobs into one share per worker, equal in number, each as few languages as can be:
    a release's card is rendered once per language per worker, so a worker that renders all of one
    language's lists renders each of that language's cards once."""
    ordered = sorted(jobs, key=lambda job: str(job.values.get("lang", "")))  # stable: pages keep their order
    size = -(-len(ordered) // workers)
    return [ordered[index * size : (index + 1) * size] for index in range(workers)]


def _worker(tasks, jobs, get_template, context, output, cache, in_place, spawned=None) -> None:
    try:
        if spawned is not None:  # the jobs and the context arrive pickled; the templates are made again
            payload, index, templates = spawned
            split, context = workers.unflatten(payload)
            jobs, get_template = split[index], templates()
        _work(tasks, jobs, get_template, context, output, cache, in_place)
    except BaseException as error:  # noqa: BLE001 - reported here, turned into the exit code
        traceback.print_exc()
        # no room to write (a full disk): the error's number, so that the build can say so
        raise SystemExit(error.errno if isinstance(error, OSError) and error.errno in ROOM else 1) from None


def _work(tasks: Sequence[Callable[[], None]], jobs: Sequence[Job], *args) -> None:
    for task in tasks:
        task()
    _render(jobs, *args)


def _render(jobs: Sequence[Job], get_template, context: Mapping, output: Path, cache: PageCache | None, in_place: bool = False) -> None:
    made: set[Path] = set()
    for job in jobs:
        cached = cache.path(job.signature) if cache is not None and job.signature else None
        if cached is not None and _link(cached, output / job.save_as, made):
            continue
        html = get_template(job.template).render({**context, "output_file": job.save_as, **job.values}).encode()
        if cached is not None:
            _write(cached, html, made, whole=True)
        _write(output / job.save_as, html, made, whole=in_place)


def _link(cached: Path, path: Path, made: set[Path]) -> bool:
    """Put a cached page in place: a hard link (cache files are replaced, never changed), else a copy."""
    if path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        made.add(path.parent)
    try:
        os.link(cached, path)
    except FileNotFoundError:
        return False
    except OSError:  # another file system
        try:
            shutil.copyfile(cached, path)
        except FileNotFoundError:
            return False
    return True


def _write(path: Path, data: bytes, made: set[Path], whole: bool = False) -> None:
    """Write a file; `whole`: through a temporary name, so no reader ever sees half of it."""
    if path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        made.add(path.parent)
    target = path if not whole else path.with_name(path.name + ".part")
    try:
        target.write_bytes(data)
    except OSError as error:
        if error.filename is None:  # a failed write names no file; the message must
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
    if whole:
        target.replace(path)
