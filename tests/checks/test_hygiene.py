"""Hygiene: git tracks no generated file, and two builds of the same content are byte-identical."""

import os
import subprocess
import sys

from conftest import ROOTS

from .builtsite import ROOT
from .hygiene import UNSTABLE_UPSTREAM, compare_trees, generated_files


def git_ls_files(*options: str) -> list[str]:
    command = ["git", "ls-files", "-z", *options]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return [path for path in result.stdout.split("\0") if path]


def test_git_tracks_no_generated_file():
    # by name, and anything .gitignore ignores that was committed before it was ignored
    findings = generated_files(git_ls_files())
    assert not findings, "\n".join(findings)
    ignored = git_ls_files("--cached", "--ignored", "--exclude-standard")
    assert not ignored, "\n".join(ignored)


def test_a_tracked_generated_file_is_reported():
    tracked = [
        "content/partners.yml", "output/index.html", "node_modules/axe-core/axe.min.js",
        ".venv/bin/python", "theme/translations/ka/LC_MESSAGES/messages.mo",
        "plugins/newsroom/__pycache__/pages.cpython-311.pyc", "output.staging/en/index.html",
    ]
    assert generated_files(tracked) == [f"{path}: generated, but tracked by git" for path in tracked[1:]]


def publish(output, hash_seed, timezone):
    """`pelican CONTENT -s publishconf.py` in its own process, with its own hash seed and time zone, of
    the rich fixture (tests/roots/rich): releases in both languages and in one, photos, logos."""
    env = {**os.environ, "SITEURL": "https://example.org/newsroom", "PYTHONHASHSEED": hash_seed,
           "TZ": timezone}
    command = [sys.executable, "-m", "pelican", str(ROOTS / "rich" / "content"), "-s", str(ROOT / "publishconf.py"),
               "-o", str(output), "--cache-path", str(output.with_name(output.name + ".cache")), "-q"]
    return subprocess.Popen(command, cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_two_builds_are_byte_identical(tmp_path):
    builds = [
        publish(tmp_path / "first", hash_seed="1", timezone="UTC"),
        publish(tmp_path / "second", hash_seed="2", timezone="Pacific/Kiritimati"),
    ]
    for build in builds:
        log, _ = build.communicate(timeout=300)
        assert build.returncode == 0, log
    assert (tmp_path / "first" / "sitemap.xml").is_file()
    findings = compare_trees(tmp_path / "first", tmp_path / "second", ignore=UNSTABLE_UPSTREAM)
    assert not findings, "\n".join(findings)
    fragments = list((tmp_path / "first" / "pagefind" / "fragment").iterdir())
    assert fragments, "the search index was compared too"


def test_a_difference_between_builds_is_reported(site, tmp_path):
    first, second = site.copy(tmp_path / "first"), site.copy(tmp_path / "second")
    stylesheet = first.stylesheet
    css = (first.root / stylesheet).read_bytes()
    (second.root / stylesheet).write_bytes(css + b"/* 12:00 */")
    (second.root / "ka/feed.atom").rename(second.root / "ka/feed.xml")
    assert compare_trees(first.root, second.root) == [
        "ka/feed.atom: only in the first build",
        "ka/feed.xml: only in the second build",
        f"{stylesheet}: differs from byte {len(css)}: {css[-30:]!r} / {css[-30:] + b'/* 12:00 */'!r}",
    ]
