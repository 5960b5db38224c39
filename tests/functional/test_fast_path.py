"""The fast path (releases read and pages rendered on every core) writes exactly what the plain
path (one file at a time) writes."""

from __future__ import annotations

import filecmp
import logging

from conftest import ROOTS, build


def files(root):
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_parallel_reading_and_rendering_give_byte_identical_output(tmp_path, caplog):
    content = ROOTS / "bilingual" / "content"
    with caplog.at_level(logging.INFO, logger="newsroom"):
        plain = build(content, tmp_path / "plain", NEWSROOM_PARALLEL_FROM=10**9, NEWSROOM_SEARCH=False)
        assert "on 2 cores" not in caplog.text
        fast = build(content, tmp_path / "fast", NEWSROOM_PARALLEL_FROM=1, NEWSROOM_SEARCH=False)
        assert "newsroom: read 6 releases on" in caplog.text
    assert files(plain) == files(fast) and len(files(plain)) > 40
    _, mismatch, errors = filecmp.cmpfiles(plain, fast, files(plain), shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_fast_path_reports_problems_like_the_plain_path(tmp_path, capsys):
    content = ROOTS / "invalid" / "content"
    build(content, tmp_path / "plain", "pelicanconf.py", NEWSROOM_PARALLEL_FROM=10**9, NEWSROOM_SEARCH=False)
    plain = capsys.readouterr().err
    build(content, tmp_path / "fast", "pelicanconf.py", NEWSROOM_PARALLEL_FROM=1, NEWSROOM_SEARCH=False)
    assert capsys.readouterr().err == plain and plain.count("\n") == 10
