"""A site with one mistake per file (tests/roots/invalid): every problem is reported on its own
line, the strict build fails and publishes nothing, the preview builds what is valid."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, ROOTS, build
from newsroom.errors import ContentError

CONTENT = ROOTS / "invalid" / "content"
FIELDS = ("'aliases', 'attachments', 'correction', 'date', 'date_approximate', 'draft', 'event_dates', 'funded_by', 'image', 'lang', 'location', "
          "'partners', 'slug', 'summary', 'title', 'topics', 'translation_key', 'updated', 'video', 'withdrawn', 'withdrawn_reason'")
D = "content/releases/2018"
EXPECTED = [
    f"{D}/2018-01-02-wrong-language.en.md: 'lang': 'ge' is not a site language; did you mean 'ka'? expected one of: 'en', 'ka'",
    f"{D}/2018-01-03-misspelt-field.en.md: 'partnr': unknown field; did you mean 'partners'? expected one of: {FIELDS}",
    f"{D}/2018-01-04-unknown-partner.en.md: 'partners': unknown partner 'EUU'; did you mean 'eu'? expected one of: 'eu', 'mia', 'ncdc'",
    f"{D}/2018-01-05-impossible-date.en.md: 'date': '2018-14-06' is not a real date (month must be in 1..12); expected YYYY-MM-DD, e.g. 2018-06-06, or YYYY-MM or YYYY when the day is not known",
    f"{D}/2018-01-06-no-title.en.md: 'title': missing; every release needs a title",
    f"{D}/2018-01-07-broken-yaml.en.md: line 5: malformed YAML: while parsing a flow sequence, did not find expected ',' or ']'",
    f"{D}/2018-01-08-no-body.en.md: 'body': the release has no text after the front-matter",
    f"{D}/2018-01-09-shared-key.en.md: 'translation_key': 'shared' is also the translation key of {D}/2018-01-09-shared-key-again.en.md in the same language ('en'); each release needs its own",
    f"{D}/2018-01-11-twins.ka.md: 'date': 2018-01-11 disagrees with its twin {D}/2018-01-10-twins.en.md (2018-01-10); the language versions of one release share their date",
    f"{D}/2018-01-11-twins.ka.md: 'partners': [eu] disagrees with its twin {D}/2018-01-10-twins.en.md ([eu, mia]); the language versions of one release share their partners",
]


def test_the_strict_build_reports_every_problem_then_fails(tmp_path):
    with pytest.raises(ContentError) as failure:
        build(CONTENT, tmp_path / "output")
    assert [str(problem) for problem in failure.value.problems] == EXPECTED
    assert str(failure.value) == "10 problems in the content; nothing was published"


def test_pelican_with_publishconf_exits_non_zero_with_one_line_per_problem(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(CONTENT), "-s", str(ROOT / "publishconf.py"), "-o", str(tmp_path / "output")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"},
    )
    assert run.returncode == 1
    assert [line for line in run.stderr.splitlines() if line.startswith("content/")] == EXPECTED
    assert "Traceback" not in run.stdout + run.stderr


def test_a_failed_build_leaves_the_last_good_site_in_place(tmp_path):
    output = tmp_path / "output"
    build(ROOTS / "bilingual" / "content", output)
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    with pytest.raises(ContentError):
        build(CONTENT, output)
    after = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    assert after == before


def test_the_preview_skips_broken_files_and_builds_the_rest(tmp_path, capsys):
    output = build(CONTENT, tmp_path / "output", "pelicanconf.py")
    assert (output / "en" / "news" / "good" / "index.html").is_file()
    assert not (output / "en" / "news" / "wrong-language").exists()
    assert not (output / "ka" / "news" / "twins").exists()
    assert capsys.readouterr().err.splitlines() == EXPECTED
