"""What a clean repository and a reproducible build look like."""

from __future__ import annotations

import filecmp
from pathlib import Path

# Top-level folders that only builds, installs and test runs produce (see .gitignore).
GENERATED_FOLDERS = {"output", "node_modules", ".venv", "cache", ".pytest_cache", "test-artifacts"}
GENERATED_SUFFIXES = (".mo", ".pyc")
# Pagefind 1.5.2 writes its filter and metadata indexes in an order that changes from run to run
# (upstream: Pagefind/pagefind#638; its pages, fragments and word indexes are stable). These few
# files are compared by name pattern only; everything else must be byte-identical.
UNSTABLE_UPSTREAM = ("pagefind/filter/", "pagefind/pagefind.", "pagefind/pagefind-entry.json")


def generated_files(tracked: list[str]) -> list[str]:
    """The generated files among those git tracks (paths as `git ls-files` prints them)."""
    findings = []
    for path in tracked:
        parts = path.split("/")
        if (
            parts[0] in GENERATED_FOLDERS
            or (len(parts) > 1 and parts[0].startswith("output."))
            or "__pycache__" in parts[:-1]
            or path.endswith(GENERATED_SUFFIXES)
        ):
            findings.append(f"{path}: generated, but tracked by git")
    return findings


def _first_difference(a: bytes, b: bytes) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _files(root: Path, ignore: tuple[str, ...]) -> set[str]:
    paths = (path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    return {path for path in paths if not path.startswith(ignore)}


def compare_trees(first: Path, second: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """Every file that is not byte-identical in two builds, with where it first differs."""
    in_first, in_second = _files(first, ignore), _files(second, ignore)
    findings = [f"{rel}: only in the first build" for rel in sorted(in_first - in_second)]
    findings += [f"{rel}: only in the second build" for rel in sorted(in_second - in_first)]
    for rel in sorted(in_first & in_second):
        if filecmp.cmp(first / rel, second / rel, shallow=False):
            continue
        a, b = (first / rel).read_bytes(), (second / rel).read_bytes()
        at = _first_difference(a, b)
        around = slice(max(0, at - 30), at + 30)
        findings.append(f"{rel}: differs from byte {at}: {a[around]!r} / {b[around]!r}")
    return findings
