"""The one smoke test of the office's own releases (content/); every other test builds a fixture
in tests/roots/ (the output checks and the browser tests the rich one, tests/roots/rich).

Whatever releases content/ holds, and however many, `./dev check` finds no problem in it and the
strict build (publishconf.py) succeeds, with a page for every release file that is due (not a
draft, its date come) and none for a draft. So the office may edit or delete any release: this
test fails only when what it leaves in content/ would fail the publishing build too.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from conftest import ROOT, build, settings_for
from newsroom import commands

CONTENT = ROOT / "content"


def due(release, timezone: str) -> bool:
    """Published by a strict build now: not a draft, and its date (Tbilisi time if it names none) come."""
    date = release.date if release.date.tzinfo else release.date.replace(tzinfo=ZoneInfo(timezone))
    return not release.draft and date <= datetime.datetime.now(datetime.timezone.utc)


def test_the_real_content_passes_the_check_and_the_strict_build_publishes_every_release(tmp_path):
    # what `./dev check` runs once its environment is installed, in the project folder
    checked = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
    settings = settings_for(CONTENT, tmp_path / "output")
    files = commands.release_files(settings)
    assert files, "content/releases/ holds no release file"
    assert checked.stdout.strip() == f"No problems in {len(files)} release files."

    releases, problems = commands.read_releases(settings)
    assert ([str(problem) for problem in problems], len(releases)) == ([], len(files))
    output = build(CONTENT, tmp_path / "output")  # strict: raises on any problem
    missing, leaked = [], []
    for release in releases:
        page = output / settings["ARTICLE_URL"].format(lang=release.lang, slug=release.slug) / "index.html"
        if due(release, settings["TIMEZONE"]):
            if not page.is_file():
                missing.append(f"{release.path}: no page {page.relative_to(output)}")
            elif BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").html["lang"] != release.lang:
                missing.append(f"{release.path}: {page.relative_to(output)} is not in '{release.lang}'")
        elif release.draft and page.exists():
            leaked.append(f"{release.path}: a draft, published at {page.relative_to(output)}")
    assert missing + leaked == []
