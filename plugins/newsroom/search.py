"""Search: Pagefind indexes the built pages, one index per language (from each page's <html lang>)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import NewsroomError


class SearchError(NewsroomError):
    """Pagefind could not index the site."""


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
        shutil.copytree(output_path / "pagefind", kept)
    else:
        shutil.copytree(kept, output_path / "pagefind")


def digest(output_path: Path) -> str:
    """A hash of every page of the site, names and bytes: what Pagefind's index is made from."""
    pages = hashlib.sha256()
    for path in sorted(output_path.rglob("*.html")):
        pages.update(path.relative_to(output_path).as_posix().encode() + b"\0" + path.read_bytes())
    return pages.hexdigest()


def _run(output_path: Path, glob: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output_path), "--glob", glob, "--silent"],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        raise SearchError(f"newsroom: Pagefind failed to index {output_path}: {(run.stderr or run.stdout).strip()}")
