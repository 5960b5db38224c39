"""Profile our production build of the synthetic corpus with cProfile.

    python bench/profile.py --n 1000              # top 25 by cumulative and by own time
    python bench/profile.py --n 1000 --save build.prof

The build runs in this process (Pelican's own `Pelican(settings).run()`, the settings read from
publishconf.py as `pelican -s publishconf.py` reads them), cold: fresh output, no content cache,
and serial (NEWSROOM_PARALLEL_FROM set out of reach, so that the plugin's reading and rendering
workers do their work where cProfile sees it; `--parallel` keeps them).
Besides pstats' two lists it prints the own time summed by package, which says where the time
goes (Markdown, Jinja, our plugin, Pelican, writing files) better than any single function.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# This file's name is the standard library's `profile`, which cProfile imports: take bench/ off
# the import path before importing cProfile, and load corpus.py by its path.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != BENCH]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402

_spec = importlib.util.spec_from_file_location("corpus", BENCH / "corpus.py")
corpus = sys.modules["corpus"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

SITEURL = "https://bench.example"


def build(content: Path, output: Path, cache: Path, site: Path = ROOT, **overrides):
    """Read publishconf.py the way `pelican -s` does, then run Pelican; returns the Pelican object."""
    os.environ["SITEURL"] = SITEURL
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(site / "publishconf.py"),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache),
                  "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **overrides},
    )
    pelican = Pelican(settings)
    pelican.run()
    return pelican


def export(ref: str, target: Path) -> Path:
    """Settings, plugin and theme as committed at `ref` (as bench/run.py --ref does)."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", ref, "pelicanconf.py", "publishconf.py", "plugins", "theme"],
                             cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


# Where a function's file lies, as a name for the summary by package.
AREAS = (
    ("/newsroom/", "newsroom plugin"),
    ("/markdown/", "Python-Markdown"),
    ("/jinja2/", "Jinja2 (incl. template code)"),
    ("/markupsafe/", "MarkupSafe"),
    ("/pelican/", "Pelican"),
    ("/yaml/", "PyYAML"),
    ("/babel/", "Babel"),
    ("/feedgenerator/", "feedgenerator"),
    ("/slugify/", "python-slugify"),
    ("/unidecode/", "Unidecode"),
    ("/blinker/", "blinker"),
    ("/dateutil/", "dateutil"),
    ("/docutils/", "docutils"),
    ("/pygments/", "Pygments"),
    ("/rich/", "rich"),
)


def area(filename: str) -> str:
    if filename.startswith("<template>") or filename.endswith(".html"):
        return "Jinja2 (incl. template code)"
    for marker, name in AREAS:
        if marker in filename:
            return name
    if filename == "~":
        return "built-ins (C: I/O, regex, str, …)"
    return "Python stdlib / other"


def by_area(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        totals[area(filename)] += own
    return sorted(totals.items(), key=lambda item: item[1], reverse=True)


def by_builtin(stats: pstats.Stats, top: int = 8) -> list[tuple[str, float, int]]:
    """The C functions with the most own time (file writes, regex, …), which pstats lists among the rest."""
    rows = [(name, own, calls) for (filename, _, name), (_, calls, own, _, _) in stats.stats.items() if filename == "~"]
    return sorted(rows, key=lambda row: row[1], reverse=True)[:top]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="releases per language (default 1000)")
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument("--top", type=int, default=25, help="rows of each list (default 25)")
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for snakeviz, pstats)")
    parser.add_argument("--ref", help="profile the settings, plugin and theme of this commit (git archive), not the working tree")
    parser.add_argument("--no-search", action="store_true", help="build without the Pagefind search index (NEWSROOM_SEARCH=False)")
    parser.add_argument("--parallel", action="store_true",
                        help="keep the plugin's worker processes (NEWSROOM_PARALLEL_FROM); by default the build runs in "
                             "this one process, since cProfile sees nothing of what forked workers do")
    parser.add_argument("--tmpdir", type=Path, help="where to build (default: the system's temporary folder); /dev/shm takes the disk out")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="what cProfile counts: elapsed time (default), or this process's CPU time, "
                             "which other work on a busy machine does not inflate (but file-system waits vanish)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="newsroom-profile-", dir=args.tmpdir))
    try:
        stories = corpus.bilingual(args.n, args.seed)
        content = corpus.write_newsroom(stories, work / "newsroom")
        site = export(args.ref, work / "site") if args.ref else ROOT
        overrides = {"NEWSROOM_SEARCH": False} if args.no_search else {}
        if not args.parallel:  # a setting older commits ignore
            overrides["NEWSROOM_PARALLEL_FROM"] = 10**9
        profiler = cProfile.Profile(time.process_time) if args.clock == "cpu" else cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        build(content, work / "output", work / "cache", site, **overrides)
        profiler.disable()
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if args.save:
        profiler.dump_stats(str(args.save))
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"\nN = {args.n} per language, {corpus.file_count(stories)} files: "
          f"{elapsed:.2f} s wall under cProfile, {total:.2f} s of profiled {args.clock} time\n")
    print("Own time by package:")
    for name, seconds in by_area(stats):
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {name}")
    print("\nBuilt-in (C) functions with the most own time:")
    for name, seconds, calls in by_builtin(stats):
        print(f"  {seconds:7.2f} s  {calls:9d} calls  {name}")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        text = out.getvalue()
        print(f"\n=== top {args.top} by {order} ===")
        print(text[text.index("   ncalls"):] if "   ncalls" in text else text)


if __name__ == "__main__":
    main()
