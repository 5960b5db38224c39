"""The fast path (releases read and pages rendered on every core) writes exactly what the plain
path (one file at a time) writes."""

from __future__ import annotations

import collections
import filecmp
import multiprocessing.context
import os
import shutil

import pytest

from conftest import ROOTS, WORKERS, build


def files(root):
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_parallel_reading_and_rendering_give_byte_identical_output(tmp_path, workers):
    content = ROOTS / "bilingual" / "content"
    here = os.getpid()
    plain = build(content, tmp_path / "plain", NEWSROOM_PARALLEL_FROM=10**9, NEWSROOM_SEARCH=False)
    serial = workers.take()
    assert set(serial["read"]) == {here} and serial["read"][here] == 6  # every release, in this process
    assert set(serial["rendered"]) == {here}
    fast = build(content, tmp_path / "fast", NEWSROOM_PARALLEL_FROM=1, NEWSROOM_SEARCH=False)
    parallel = workers.take()
    # every release read, and every page rendered, in other processes: WORKERS of them render
    assert here not in parallel["read"] and sum(parallel["read"].values()) == 6
    assert here not in parallel["rendered"] and len(parallel["rendered"]) == WORKERS
    assert sum(parallel["rendered"].values()) == sum(serial["rendered"].values())
    assert files(plain) == files(fast) and len(files(plain)) > 40
    _, mismatch, errors = filecmp.cmpfiles(plain, fast, files(plain), shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_fast_path_reports_problems_like_the_plain_path(tmp_path, capsys, workers):
    content = ROOTS / "invalid" / "content"
    here = os.getpid()
    build(content, tmp_path / "plain", "pelicanconf.py", NEWSROOM_PARALLEL_FROM=10**9, NEWSROOM_SEARCH=False)
    plain = capsys.readouterr().err
    serial = workers.take()["read"]
    assert set(serial) == {here}
    build(content, tmp_path / "fast", "pelicanconf.py", NEWSROOM_PARALLEL_FROM=1, NEWSROOM_SEARCH=False)
    parallel = workers.take()["read"]
    assert here not in parallel and sum(parallel.values()) == sum(serial.values())  # every file, in worker processes
    assert capsys.readouterr().err == plain and plain.count("\n") == 10


def warm_build(content, output, cache):
    return build(content, output, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache), NEWSROOM_SEARCH=False)


def test_a_warm_build_writes_what_a_cold_build_writes(tmp_path):
    content = ROOTS / "bilingual" / "content"
    cold = build(content, tmp_path / "cold", NEWSROOM_SEARCH=False)
    warm_build(content, tmp_path / "first", tmp_path / "cache")
    assert list((tmp_path / "cache" / "newsroom-pages").glob("*/*.html"))
    warm = warm_build(content, tmp_path / "warm", tmp_path / "cache")
    _, mismatch, errors = filecmp.cmpfiles(cold, warm, files(cold), shallow=False)
    assert files(cold) == files(warm) and (mismatch, errors) == ([], [])


def test_an_edit_reaches_every_page_that_shows_the_release(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "bilingual" / "content", content)
    warm_build(content, tmp_path / "before", tmp_path / "cache")
    release = content / "releases" / "2018" / "2018-03-09-women-police.en.md"
    release.write_text(release.read_text(encoding="utf-8").replace("Women in Policing Conference", "Regional Women in Policing Conference"), encoding="utf-8")
    os.utime(release, (release.stat().st_atime + 10, release.stat().st_mtime + 10))
    after = warm_build(content, tmp_path / "after", tmp_path / "cache")
    cold = build(content, tmp_path / "cold", NEWSROOM_SEARCH=False)
    _, mismatch, errors = filecmp.cmpfiles(cold, after, files(cold), shallow=False)
    assert (mismatch, errors) == ([], [])
    changed = [name for name in files(after) if "Regional Women in Policing" in (after / name).read_text(encoding="utf-8", errors="replace")]
    assert {"en/news/women-police/index.html", "en/index.html", "ka/index.html", "en/partners/mia/index.html",
            "ka/partners/mia/index.html", "en/topics/policing/index.html", "en/archive/2018/index.html",
            "en/news/eu-tablets/index.html"} <= set(changed)


def test_the_search_index_of_unchanged_pages_is_reused(tmp_path):
    content = ROOTS / "bilingual" / "content"
    options = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    first = build(content, tmp_path / "first", **options)
    second = build(content, tmp_path / "second", **options)
    kept = list((tmp_path / "cache" / "newsroom-search").iterdir())
    assert len(kept) == 1 and files(first / "pagefind") == files(second / "pagefind")
    _, mismatch, _ = filecmp.cmpfiles(first / "pagefind", second / "pagefind", files(first / "pagefind"), shallow=False)
    assert mismatch == []  # identical, where a fresh Pagefind run orders its filter index anew


@pytest.fixture(scope="module")
def forked(tmp_path_factory):
    """The bilingual fixture built with WORKERS forked workers reading and rendering."""
    with pytest.MonkeyPatch.context() as patch:
        return build_started_as("fork", tmp_path_factory.mktemp("fork"), patch)


def build_started_as(method: str, folder, patch):
    """Build the bilingual fixture with workers started by `method` (NEWSROOM_START_METHOD); the
    output folder, and the worker processes started: (start method, what they ran) → how many."""
    from newsroom import reader, render

    started = collections.Counter()
    for kind in (multiprocessing.context.ForkProcess, multiprocessing.context.SpawnProcess):
        def start(process, original=kind.start):
            started[process._start_method, process._target.__name__] += 1
            return original(process)
        patch.setattr(kind, "start", start)
    patch.setattr(reader, "cores", lambda: WORKERS)
    patch.setattr(render, "cores", lambda: WORKERS)
    patch.setenv("NEWSROOM_START_METHOD", method)
    output = build(ROOTS / "bilingual" / "content", folder / "output", NEWSROOM_PARALLEL_FROM=1, NEWSROOM_SEARCH=False)
    return output, started


@pytest.mark.parametrize("method", ["spawn", "serial"])
def test_spawned_or_no_workers_write_what_forked_workers_write(forked, tmp_path, monkeypatch, method):
    """Where a system cannot fork (Windows) or should not (macOS), workers are spawned: they receive
    the releases and the context pickled and make the templates again; 'serial' starts none."""
    fork_output, fork_started = forked
    output, started = build_started_as(method, tmp_path, monkeypatch)
    # WORKERS rendering processes, and reading processes (ProcessPoolExecutor's), started as asked
    assert fork_started["fork", "_worker"] == WORKERS and fork_started["fork", "_process_worker"] >= 1
    assert {key[0] for key in fork_started} == {"fork"}
    if method == "spawn":
        assert started["spawn", "_worker"] == WORKERS and started["spawn", "_process_worker"] >= 1
        assert {key[0] for key in started} == {"spawn"}
    else:
        assert started == {}
    assert files(output) == files(fork_output) and len(files(output)) > 40
    _, mismatch, errors = filecmp.cmpfiles(fork_output, output, files(output), shallow=False)
    assert (mismatch, errors) == ([], [])


def test_share_pictures_are_drawn_by_the_rendering_processes_and_match_the_plain_path(tmp_path, workers, monkeypatch):
    from newsroom import share

    log = tmp_path / "drawn.log"
    make = share.Painter.make

    def drawing(painter, card, cache):
        if not (cache / card.name).exists():
            with log.open("a", encoding="utf-8") as file:
                file.write(f"{os.getpid()}\n")
        return make(painter, card, cache)

    monkeypatch.setattr(share.Painter, "make", drawing)
    content = ROOTS / "bilingual" / "content"
    here = os.getpid()
    plain = build(content, tmp_path / "plain", NEWSROOM_PARALLEL_FROM=10**9, NEWSROOM_SEARCH=False, CACHE_PATH=str(tmp_path / "cache-plain"))
    assert log.read_text(encoding="utf-8").split() == [str(here)] * 3  # the pair and the Georgian-only release
    log.unlink()
    fast = build(content, tmp_path / "fast", NEWSROOM_PARALLEL_FROM=1, NEWSROOM_SEARCH=False, CACHE_PATH=str(tmp_path / "cache-fast"))
    drawn = log.read_text(encoding="utf-8").split()
    assert len(drawn) == 3 and str(here) not in drawn
    cards = sorted(path.name for path in (plain / "images" / "share").iterdir())
    assert cards == sorted(path.name for path in (fast / "images" / "share").iterdir()) and len(cards) == 3
    _, mismatch, errors = filecmp.cmpfiles(plain / "images" / "share", fast / "images" / "share", cards, shallow=False)
    assert (mismatch, errors) == ([], [])
    workers.take()
