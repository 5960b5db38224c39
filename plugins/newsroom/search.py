"""Search: Pagefind indexes the built pages, one index per language (from each page's <html lang>)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path

from .errors import SearchError


PAGEFIND = (sys.executable, "-m", "pagefind")  # the command; tests put a stub in its place
ENTRY = "pagefind-entry.json"  # Pagefind's list of indexes, one per language
# Pagefind's gzipped files, decompressed to check they are whole (CRC and length at their end). Its
# fragments (.pf_fragment, one per page) are only checked for being there and not empty:
# decompressing 10,000 of them takes a third of a second, and what a full disk cuts is the one
# file being written when it filled up; every file after it is left empty.
GZIPPED = (".pf_meta", ".pf_index", ".pf_filter", ".pagefind")


def pages_glob(article_url: str) -> str:
    """The release pages, the only ones indexed: ARTICLE_URL with its fields as wildcards."""
    return re.sub(r"\{[^}]*\}", "*", article_url).rstrip("/") + "/index.html"


def index(output_path: Path, glob: str, cache: Path | None = None) -> None:
    """Run Pagefind over the release pages (`glob`); its bundle lands in pagefind/.

    With a `cache` folder, an index of the very same pages is copied from there instead.
    """
    if cache is None:
        _run(output_path, glob)
        return
    kept = cache / digest(output_path)
    if not kept.is_dir():
        _run(output_path, glob)
        shutil.rmtree(cache, ignore_errors=True)
        if not bundle_problems(output_path):  # a bundle cut short is never kept (the build fails on it)
            partial = kept.with_name(kept.name + ".part")  # a copy cut short is never found either
            shutil.copytree(output_path / "pagefind", partial)
            partial.rename(kept)
    else:
        shutil.copytree(kept, output_path / "pagefind")


def digest(output_path: Path) -> str:
    """A hash of every page of the site, names and bytes: what Pagefind's index is made from."""
    pages = hashlib.sha256()
    for path in sorted(output_path.rglob("*.html")):
        pages.update(path.relative_to(output_path).as_posix().encode() + b"\0" + path.read_bytes())
    return pages.hexdigest()


def bundle_problems(site: Path, languages: Iterable[str] = ()) -> list[str]:
    """What is wrong with Pagefind's bundle in site/pagefind, one line each: Pagefind's exit code is
    not enough (on a full disk, Pagefind 1.5 leaves empty files and exits 0). `languages`: each
    must have an index."""
    bundle = site / "pagefind"
    problems = [f"pagefind/{name} is missing" for name in ("pagefind.js", ENTRY) if not (bundle / name).is_file()]
    if problems:
        return problems
    for folder, folders, names in os.walk(bundle):
        folders.sort()
        for name in sorted(names):
            problem = _damage(Path(folder, name))
            if problem:
                problems.append(f"{Path(folder, name).relative_to(site).as_posix()} {problem}")
    if problems:
        return problems
    try:
        indexes = json.loads((bundle / ENTRY).read_bytes())["languages"]
        metas = {lang: bundle / f"pagefind.{index['hash']}.pf_meta" for lang, index in indexes.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return [f"pagefind/{ENTRY} is not Pagefind's list of indexes"]
    problems += [f"pagefind/ has no index for {lang!r}" for lang in languages if lang.lower() not in indexes]
    problems += [f"{meta.relative_to(site).as_posix()} is missing" for meta in metas.values() if not meta.is_file()]
    return problems


def _damage(path: Path) -> str | None:
    if path.stat().st_size == 0:
        return "is empty"
    if path.name.endswith(GZIPPED):
        try:
            gzip.decompress(path.read_bytes())
        except (OSError, EOFError, zlib.error):
            return "is cut short"
    return None


def _run(output_path: Path, glob: str) -> None:
    run = subprocess.run(
        [*PAGEFIND, "--site", str(output_path), "--glob", glob, "--silent"],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        lines = dict.fromkeys(line.strip() for line in (run.stderr or run.stdout).splitlines() if line.strip())
        said = " ".join(lines) or f"exit code {run.returncode}, no message"  # Pagefind may say it twice
        raise SearchError(f"newsroom: Pagefind could not index the site ({said}); fix what it says, then build again")
