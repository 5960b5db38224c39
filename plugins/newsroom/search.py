"""Search: Pagefind indexes the built pages, one index per language (from each page's <html lang>)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import NewsroomError


class SearchError(NewsroomError):
    """Pagefind could not index the site."""


def index(output_path: Path) -> None:
    """Run Pagefind over the built site; its bundle lands in pagefind/ beside the pages."""
    run = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output_path), "--silent"],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        raise SearchError(f"newsroom: Pagefind failed to index {output_path}: {(run.stderr or run.stdout).strip()}")
