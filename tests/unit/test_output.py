"""Safe output: the build replaces only a folder that is a build output, and only on success."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import pytest

from newsroom import lifecycle, output
from newsroom.errors import OutputError


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_an_ordinary_output_folder_may_be_replaced(project):
    output.check_replaceable(project / "output", project / "content")
    (project / "output").mkdir()
    (project / "output" / "index.html").write_text("old")
    output.check_replaceable(project / "output", project / "content")


@pytest.mark.parametrize("name", [".", "content"])
def test_the_project_or_its_content_is_never_an_output(project, name):
    with pytest.raises(OutputError) as refused:
        output.check_replaceable(project / name, project / "content")
    target, content = (project / name).resolve(), (project / "content").resolve()
    assert str(refused.value) == (
        f"newsroom: setting OUTPUT_PATH {str(target)!r} contains the content folder {str(content)!r}; refusing to replace it"
    )


def test_a_folder_holding_a_repository_is_refused(project):
    (project / "elsewhere" / ".git").mkdir(parents=True)
    target = (project / "elsewhere").resolve()
    with pytest.raises(OutputError) as refused:
        output.check_replaceable(project / "elsewhere", project / "content")
    assert str(refused.value) == f"newsroom: setting OUTPUT_PATH {str(target)!r} holds .git, so it is not a build output; refusing to replace it"


def test_a_folder_holding_a_project_file_is_refused(project):
    (project / "site").mkdir()
    (project / "site" / "pelicanconf.py").write_text("")
    with pytest.raises(OutputError, match="holds pelicanconf.py"):
        output.check_replaceable(project / "site", project / "content")


def test_replace_swaps_the_staging_folder_in(tmp_path):
    live, staging = tmp_path / "output", tmp_path / "output.staging"
    live.mkdir()
    (live / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    output.replace(live, staging)
    assert sorted(p.name for p in live.iterdir()) == ["new.html"]
    assert not staging.exists() and not (tmp_path / "output.previous").exists()


# -- swapping ------------------------------------------------------------------------------------


def site(folder, **files):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def names(folder):
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_replace_puts_the_new_site_in_place_and_removes_the_last(tmp_path, monkeypatch, exchange):
    if not exchange:  # a system without renameat2: the folder is renamed away, then the new one in
        monkeypatch.setattr(output, "_RENAMEAT2", None)
    live = site(tmp_path / "output", **{"old.html": "old"})
    staging = site(tmp_path / "output.staging-1a2b", **{"new.html": "new"})
    output.replace(live, staging)
    assert names(live) == ["new.html"] and names(tmp_path) == ["output"]


def test_the_first_site_is_renamed_into_place(tmp_path):
    staging = site(tmp_path / "output.staging-1a2b", **{"new.html": "new"})
    output.replace(tmp_path / "output", staging)
    assert names(tmp_path) == ["output"]


def test_each_build_stages_into_a_folder_of_its_own_and_removes_killed_builds_folders(tmp_path):
    live = site(tmp_path / "output", **{"index.html": "old"})
    live.chmod(0o750)
    for leftover in ("output.staging-dead", "output.previous-dead", "output.staging", "output.previous"):
        site(tmp_path / leftover, **{"half.html": ""})
    (tmp_path / "output.staging-note.txt").write_text("not a folder: not ours")
    staging = output.stage(live)
    assert staging.parent == tmp_path and staging.name.startswith("output.staging-") and names(staging) == []
    assert names(tmp_path) == sorted(["output", staging.name, "output.staging-note.txt"])
    assert stat.S_IMODE(staging.stat().st_mode) == 0o750  # the published folder keeps the output's mode
    assert stat.S_IMODE(output.stage(tmp_path / "fresh").stat().st_mode) == 0o755  # not mkdtemp's 0700


def test_a_site_left_renamed_away_by_a_killed_swap_is_put_back(tmp_path):
    site(tmp_path / "output.previous-1a2b", **{"index.html": "last good"})
    output.stage(tmp_path / "output")
    assert (tmp_path / "output" / "index.html").read_text() == "last good"


def test_output_retention_copies_the_named_files_of_the_last_site(tmp_path):
    live = site(tmp_path / "output", **{"CNAME": "news.example.org", "old.html": "old", "kept.txt": "last"})
    (live / ".well-known").mkdir()
    (live / ".well-known" / "security.txt").write_text("Contact: x")
    staging = site(tmp_path / "staging", **{"kept.txt": "this build's"})
    output.retain(live, staging, ["CNAME", ".well-known", "kept.txt", "absent"])
    assert names(staging) == [".well-known", "CNAME", "kept.txt"]
    assert (staging / ".well-known" / "security.txt").read_text() == "Contact: x"
    assert (staging / "kept.txt").read_text() == "this build's"  # what the build wrote wins
    assert names(live) == [".well-known", "CNAME", "kept.txt", "old.html"]  # copied, not moved


# -- one build at a time -------------------------------------------------------------------------

HOLD = """
import fcntl, sys
lock = open(sys.argv[1], "a+")
fcntl.flock(lock, fcntl.LOCK_EX)
lock.seek(0); lock.truncate(); lock.write("{pid}"); lock.flush()
print("held", flush=True)
sys.stdin.readline()  # held until the test says so
open(sys.argv[2], "w").close()  # the last thing done before the lock goes with the process
"""


def holder(tmp_path):
    """Another build, holding the output folder's lock until a line on its stdin."""
    process = subprocess.Popen([sys.executable, "-c", HOLD.replace("{pid}", "4242"), str(tmp_path / "output.lock"),
                                str(tmp_path / "released")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "held\n"
    return process


def until(condition, seconds: float = 120) -> bool:
    """Whether `condition` came true; the time only runs out when something is broken."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path, caplog):
    first = holder(tmp_path)
    went_on = []

    def second():
        with output.Lock(tmp_path / "output"):
            went_on.append((tmp_path / "released").exists())

    try:
        with caplog.at_level(logging.WARNING, logger="newsroom"):
            waiting = threading.Thread(target=second, daemon=True)
            waiting.start()
            assert until(lambda: caplog.messages), "the second build never said it waits"
            assert went_on == []  # still waiting
            first.communicate("\n")  # the first build ends
            waiting.join()
    finally:
        first.kill()
    assert went_on == [True]  # it went on once the first had ended, not before
    assert caplog.messages == [f"newsroom: another build (process 4242) is writing {tmp_path / 'output'}; "
                               "waiting for it to finish (stop that build to go on at once)"]


def test_a_killed_build_does_not_hold_the_lock(tmp_path, caplog):
    killed = holder(tmp_path)
    killed.kill()
    killed.wait()
    with caplog.at_level(logging.WARNING, logger="newsroom"), output.Lock(tmp_path / "output") as lock:
        assert caplog.messages == []  # taken at once: no wait, so nothing said
        assert lock.path.read_text() == str(os.getpid())


def test_a_run_is_guarded_once():
    runs = []
    pelican = types.SimpleNamespace(run=lambda: runs.append("run"))
    lifecycle.guard(pelican)
    guarded = pelican.run
    lifecycle.guard(pelican)  # the plugin registered twice (two Pelican objects in one process)
    assert pelican.run is guarded


# -- checking the new site -----------------------------------------------------------------------


def test_the_new_site_is_checked_against_what_its_generators_wrote(tmp_path):
    new = site(tmp_path / "new", **{"index.html": "<html>", "empty.html": "", "short.css": "body", "long.css": "body{}!"})
    sources = site(tmp_path / "sources", **{"short.css": "body{}", "long.css": "body{}", "gone.js": "x", "same.css": "ok"})
    (new / "same.css").write_text("ok")
    said = output.Expected(
        files=("index.html", "empty.html", "en/missing.html"),
        copies=(("short.css", sources / "short.css"), ("long.css", sources / "long.css"), ("gone.js", sources / "gone.js"),
                ("same.css", sources / "same.css"), ("empty.html", sources / "same.css")),
    )
    assert output.check(new, [said]) == [
        "empty.html is empty",
        "en/missing.html is missing",
        "short.css is cut short (4 of 6 bytes)",
        "long.css is 7 bytes, not 6",
        "gone.js is missing",
        "empty.html is empty",
    ]


def no_room(code):
    return OSError(code, os.strerror(code), "/site/output.staging-1a2b/en/news/x/index.html")


@pytest.mark.parametrize("code, fix", [
    (errno.ENOSPC, "Free some space on the disk that holds /site"),
    (errno.EDQUOT, "Free some space, or ask for a larger disk quota, on the disk that holds /site"),
    (errno.EFBIG, "Raise the limit on the size of files this build may write (`ulimit -f`)"),
])
def test_a_write_that_found_no_room_is_said_in_plain_words(code, fix):
    message = output.unwritten(no_room(code), Path("/site/output.staging-1a2b"), Path("/site/output"), atomic=True)
    assert message == (f"newsroom: the new site could not be written (en/news/x/index.html: {os.strerror(code)}); "
                       f"the last site was left in place. {fix}, then build again")


def test_an_incomplete_site_is_said_in_plain_words():
    assert output.incomplete(["en/news/x/index.html is empty"], Path("/site/output"), atomic=True) == (
        "newsroom: the new site is incomplete (en/news/x/index.html is empty); the last site was left in place. "
        "Free some space on the disk that holds /site, then build again")
    assert output.incomplete(["pagefind/pagefind.js is empty", "_headers is empty", "x is empty"], Path("/site/output"), atomic=False) == (
        "newsroom: the new site is incomplete (pagefind/pagefind.js is empty; and 2 more problems); "
        "NEWSROOM_ATOMIC_OUTPUT is off, so /site/output holds this incomplete build. Check that Pagefind runs "
        "(`python -m pagefind --version`) and that the disk that holds /site has free space, then build again")


def test_a_full_disk_is_found_behind_other_errors():
    copied = shutil.Error([("a", "/site/output.staging-1/pagefind/a.pf_index", str(no_room(errno.ENOSPC)))])
    assert output.disk_full(copied)
    try:
        try:
            raise no_room(errno.EDQUOT)
        except OSError as error:
            raise RuntimeError("wrapped") from error
    except RuntimeError as wrapped:
        assert output.disk_full(wrapped)
    assert not output.disk_full(PermissionError(errno.EACCES, "Permission denied"))
    assert not output.disk_full(shutil.Error([("a", "b", "[Errno 13] Permission denied")]))
