"""What a build does when writing goes wrong, or another build runs beside it: it fails with one
clear message and leaves the last good site in place, byte for byte; two builds of one output
folder take turns; a live preview notices when another build replaced its folder."""

from __future__ import annotations

import json
import logging
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import pytest
from PIL import Image
from conftest import PELICAN_WITH_WORKERS, ROOT, ROOTS, build, settings_for
from full_disk import PAGE, snapshot

from newsroom import images, output, render, search
from newsroom.errors import OutputError
from newsroom.session import Session

SITE = "https://example.org/newsroom"
PHOTO = (1200, 900)  # a lead photo of noise: its variants take room on the disk, as real photos do


def release(number: int) -> str:
    words = random.Random(number).choices(["migration", "border", "training", "police", "labour", "health", "Tbilisi"], k=2000)
    body = "\n\n".join(" ".join(words[start : start + 100]) + "." for start in range(0, len(words), 100))
    return (f"---\ntitle: Release number {number}\ndate: 2019-02-{number:02d}\nlang: en\n"
            f"translation_key: 2019-release-{number}\npartners: [mia]\ntopics: [policing]\n---\n{body}\n")


@pytest.fixture(scope="module")
def contents(tmp_path_factory):
    """The last site's content (the bilingual fixture), and a bigger one, with a big photo."""
    root = tmp_path_factory.mktemp("contents")
    last = root / "last"
    shutil.copytree(ROOTS / "bilingual" / "content", last)
    bigger = root / "bigger"
    shutil.copytree(last, bigger)
    for number in range(1, 21):
        (bigger / "releases" / "2019" / f"2019-02-{number:02d}-release-{number}.en.md").write_text(release(number), encoding="utf-8")
    Image.frombytes("RGB", PHOTO, random.Random(1).randbytes(PHOTO[0] * PHOTO[1] * 3)).save(bigger / "images" / "archive.jpg", quality=95)
    first = bigger / "releases" / "2019" / "2019-02-01-release-1.en.md"
    first.write_text(first.read_text(encoding="utf-8").replace("---\n", "---\nimage: {src: images/archive.jpg, alt: Noise}\n", 1), encoding="utf-8")
    return last, bigger


@pytest.fixture(scope="module")
def last_site(contents, tmp_path_factory):
    """The last good site, built once; each test copies it where its build goes."""
    root = tmp_path_factory.mktemp("last")
    return build(contents[0], root / "output", CACHE_PATH=str(root / "cache"))


def place(site: Path, where: Path) -> Path:
    shutil.copytree(site, where)
    return where


def in_place(out: Path, before: dict[str, str]) -> None:
    """The last site is still there, byte for byte, and no staging folder is left beside it."""
    assert snapshot(out) == before
    assert sorted(path.name for path in out.parent.iterdir() if path.name.startswith(out.name)) == [out.name, f"{out.name}.lock"]


def pelican(content: Path, out: Path, cache: Path, *extra: str, workers: bool = False) -> list[str]:
    """Pelican's command line; `workers`: reading and rendering in WORKERS processes, on any machine."""
    start = [sys.executable, "-c", PELICAN_WITH_WORKERS] if workers else [sys.executable, "-m", "pelican"]
    return [*start, str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(out), "--cache-path", str(cache), *extra]


ENV = {"SITEURL": SITE, "COLUMNS": "1000"}  # one line per message


def said(log: str) -> str:
    """The build's own error message, from Pelican's log line `CRITICAL OutputError: newsroom: …`."""
    found = re.search(r"(newsroom: the new site .*? then build again)", log)
    assert found, log
    return found.group(1)


# -- a full disk -------------------------------------------------------------------------------------

STAGES = ("images", "pages", "pagefind")  # in the order a build writes them


def stage_of(name: str) -> str:
    if name.startswith(("images/", "theme/")) or name == "_headers":
        return "images"  # photos' variants, the theme's files and _headers, written first
    if name.startswith("pagefind/"):
        return "pagefind"
    return "pages"  # pages, feeds, the sitemap


@pytest.fixture(scope="module")
def footprint(contents, tmp_path_factory):
    """What the bigger site takes on a tmpfs, stage by stage (whole pages of memory per file)."""
    root = tmp_path_factory.mktemp("reference")
    site = build(contents[1], root / "output", CACHE_PATH=str(root / "cache"))
    sizes = dict.fromkeys(STAGES, 0)
    for path in site.rglob("*"):
        if path.is_file():
            sizes[stage_of(path.relative_to(site).as_posix())] += -(-path.stat().st_size // PAGE) * PAGE
    assert sizes["images"] > 200 * 1024 and all(sizes.values()), sizes
    return sizes


def room_until(sizes: dict[str, int], stage: str) -> int:
    """Room for every stage before `stage`, half of `stage`, and the lock file."""
    before = sum(sizes[name] for name in STAGES[: STAGES.index(stage)])
    return before + sizes[stage] // 2 + PAGE


def on_a_full_disk(tmp_path: Path, site: Path, room: int, command_for) -> dict:
    """Run the command a `command_for(mount)` gives on a tmpfs holding `site`, `room` bytes free."""
    mount = tmp_path / "disk"
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"mount": str(mount), "site": str(site), "room": room, "cwd": str(ROOT), "env": ENV,
                                "command": command_for(mount)}), encoding="utf-8")
    # a mount namespace of its own (root's, or a user namespace's), so the tmpfs never outlives it
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    run = subprocess.run([*namespace, sys.executable, str(Path(__file__).with_name("full_disk.py")), str(spec)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("stage, parallel, message", [
    ("pages", False, r"newsroom: the new site could not be written \(\w\w/[^:]*\.html: No space left on device\); "
                     r"the last site was left in place\. Free some space on the disk that holds {disk}, then build again"),
    ("pages", True, r"newsroom: the new site could not be written \(No space left on device\); "
                    r"the last site was left in place\. Free some space on the disk that holds {disk}, then build again"),
    ("pagefind", False, r"newsroom: the new site is incomplete \(pagefind/[^ ]+ is (empty|missing|cut short); and \d+ more problems?\); "
                        r"the last site was left in place\. Check that Pagefind runs \(`python -m pagefind --version`\) "
                        r"and that the disk that holds {disk} has free space, then build again"),
    ("images", False, r"newsroom: the new site could not be written \([^)]*images/sized/archive-[^)]*: No space left on device\); "
                      r"the last site was left in place\. Free some space on the disk that holds {disk}, then build again"),
], ids=["pages", "pages-in-worker-processes", "pagefind", "photos"])
def test_a_build_that_fills_the_disk_fails_and_leaves_the_last_site(contents, last_site, footprint, tmp_path, stage, parallel, message):
    extra = ("-e", "NEWSROOM_PARALLEL_FROM=1") if parallel else ()
    result = on_a_full_disk(tmp_path, last_site, room_until(footprint, stage),
                            lambda disk: pelican(contents[1], disk / "output", tmp_path / "cache", *extra, workers=parallel))
    assert result["returncode"] == 1, result["log"]
    assert re.fullmatch(message.format(disk=re.escape(str(tmp_path / "disk"))), said(result["log"])), said(result["log"])
    assert result["changed"] == []  # the last site, byte for byte
    assert result["beside"] == ["output.lock"]  # the staging folder went


# -- short writes --------------------------------------------------------------------------------------


def limited(size: int):
    """In the child: files may grow to `size` bytes; a write past it is cut short (SIGXFSZ ignored)."""
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


LIMIT = 256 * 1024  # more than Pagefind's biggest file (its UI script, about 175 KB)


@pytest.mark.parametrize("big, message", [
    # the plugin writes pages itself, and stops at the first write that fails
    ("releases/2019/2019-03-01-huge.en.md", "newsroom: the new site could not be written (en/news/huge/index.html: File too large); "
                                           "the last site was left in place. Raise the limit on the size of files this build may "
                                           "write (`ulimit -f`), then build again"),
], ids=["page"])
def test_a_file_cut_short_fails_the_build(contents, last_site, tmp_path, big, message):
    content = tmp_path / "content"
    shutil.copytree(contents[0], content)
    size = LIMIT * 3 // 2  # a release within its own limit (512 KB) whose page is over this one
    if big.endswith(".md"):
        text = release(1).replace("Release number 1", "Huge").replace("2019-release-1", "2019-huge").replace("2019-02-01", "2019-03-01")
        (content / big).write_text(text + "\n\n" + "A long report. " * (size // 15), encoding="utf-8")
    else:
        (content / big).write_bytes(random.Random(2).randbytes(size))
    out = place(last_site, tmp_path / "output")
    before = snapshot(out)
    run = subprocess.run(pelican(content, out, tmp_path / "cache"), cwd=ROOT, env={**os.environ, **ENV},
                         capture_output=True, text=True, preexec_fn=limited(LIMIT), timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert said(run.stdout + run.stderr) == message.format(limit=LIMIT, size=size, parent=tmp_path)
    in_place(out, before)


@pytest.fixture
def last(last_site, tmp_path):
    """The last good site in tmp_path/output, and its snapshot."""
    out = place(last_site, tmp_path / "output")
    return out, snapshot(out)


def build_over(contents, out: Path, tmp_path: Path, **overrides):
    build(contents[0], out, CACHE_PATH=str(tmp_path / "cache"), **overrides)


def test_an_empty_page_fails_the_build(contents, last, tmp_path, monkeypatch):
    out, before = last
    write = render._write

    def lose_one(path, data, made, whole=False):  # a writer that swallowed its error
        write(path, b"" if path.as_posix().endswith("en/news/women-police/index.html") else data, made, whole)

    monkeypatch.setattr(render, "_write", lose_one)
    with pytest.raises(OutputError) as failure:
        build_over(contents, out, tmp_path)
    assert str(failure.value) == (
        "newsroom: the new site is incomplete (en/news/women-police/index.html is empty); the last site was left in place. "
        f"Free some space on the disk that holds {tmp_path}, then build again")
    in_place(out, before)


def test_an_image_copied_short_fails_the_build(contents, last, tmp_path, monkeypatch):
    out, before = last

    def half(source, destination):
        data = Path(source).read_bytes()
        Path(destination).write_bytes(data[: len(data) // 2])

    monkeypatch.setattr(images, "shutil", types.SimpleNamespace(copyfile=half))
    # three share pictures (the releases without a lead photo) and three variants of the photo, all copied short
    with pytest.raises(OutputError, match=r"^newsroom: the new site is incomplete \(images/share/en-eu-tablets-\w+\.png is cut "
                                          r"short \(\d+ of \d+ bytes\); and 5 more problems\); the last site was left in place\. "):
        build_over(contents, out, tmp_path)
    in_place(out, before)


# -- Pagefind --------------------------------------------------------------------------------------------

EMPTY_BUNDLE = """
import sys
from pathlib import Path
bundle = Path(sys.argv[sys.argv.index("--site") + 1]) / "pagefind"
bundle.mkdir()
for name in ("pagefind.js", "pagefind-entry.json", "pagefind-ui.js"):
    (bundle / name).write_bytes(b"")
"""


@pytest.mark.parametrize("stub, message", [
    ("pass", "newsroom: the new site is incomplete (pagefind/pagefind.js is missing; and 1 more problem); the last site was "
             "left in place. Check that Pagefind runs (`python -m pagefind --version`) and that the disk that holds {parent} "
             "has free space, then build again"),
    (EMPTY_BUNDLE, "newsroom: the new site is incomplete (pagefind/pagefind-entry.json is empty; and 2 more problems); the last "
                   "site was left in place. Check that Pagefind runs (`python -m pagefind --version`) and that the disk that "
                   "holds {parent} has free space, then build again"),
    ("import sys; sys.exit('Error: no space to write pagefind.js')",
     "newsroom: Pagefind could not index the site (Error: no space to write pagefind.js); fix what it says, then build again"),
], ids=["writes-nothing", "writes-empty-files", "fails"])
def test_pagefind_that_exits_without_a_whole_index_fails_the_build(contents, last, tmp_path, monkeypatch, stub, message):
    """Pagefind 1.5 on a full disk leaves empty files and exits 0: its exit code alone is not enough."""
    out, before = last
    monkeypatch.setattr(search, "PAGEFIND", (sys.executable, "-c", stub))
    with pytest.raises(Exception) as failure:
        build_over(contents, out, tmp_path)
    assert str(failure.value) == message.format(parent=tmp_path)
    in_place(out, before)


def test_a_failed_build_lets_the_next_one_go_at_once(contents, last, tmp_path, caplog):
    """Pelican sends no signal when a build fails: the lock must go all the same (a live preview
    builds again in the same process)."""
    out, before = last
    broken = tmp_path / "broken"
    shutil.copytree(contents[0], broken)
    (broken / "releases" / "2018" / "2018-03-09-women-police.en.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    with pytest.raises(Exception, match="problem in the content; nothing was published"):
        build(broken, out, CACHE_PATH=str(tmp_path / "cache"))
    in_place(out, before)
    with caplog.at_level(logging.WARNING, logger="newsroom"):
        build_over(contents, out, tmp_path)
    assert "waiting" not in caplog.text


def test_output_retention_keeps_the_named_files_of_the_last_site(contents, last, tmp_path):
    out, _ = last
    (out / "CNAME").write_text("news.example.org", encoding="utf-8")
    (out / "stale.html").write_text("a page no build writes", encoding="utf-8")
    build_over(contents, out, tmp_path, OUTPUT_RETENTION=["CNAME"])
    assert (out / "CNAME").read_text(encoding="utf-8") == "news.example.org"
    assert not (out / "stale.html").exists()


def test_a_search_index_left_incomplete_is_not_kept_for_the_next_build(contents, last, tmp_path, monkeypatch):
    out, _ = last
    warm = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}  # the search index is cached by its pages
    monkeypatch.setattr(search, "PAGEFIND", (sys.executable, "-c", EMPTY_BUNDLE))
    with pytest.raises(OutputError, match="pagefind-entry.json is empty"):
        build_over(contents, out, tmp_path, **warm)
    monkeypatch.undo()
    build_over(contents, out, tmp_path, **warm)  # the same pages: Pagefind runs again
    assert search.bundle_problems(out, ["en", "ka"]) == []


# -- builds side by side -----------------------------------------------------------------------------------


def complete(out: Path) -> str | None:
    """What a reader of the output folder would miss at this instant, if anything."""
    for name in ("index.html", "en/index.html", "ka/index.html", "sitemap.xml", "_headers", "pagefind/pagefind.js", "pagefind/pagefind-entry.json"):
        try:
            if (out / name).stat().st_size == 0:
                return f"{name} is empty"
        except FileNotFoundError:
            return f"{name} is missing"
    return None


class Watch(threading.Thread):
    """Looks at the output folder again and again until stopped; keeps what it ever found missing."""

    def __init__(self, out: Path):
        super().__init__(daemon=True)
        self.out, self.seen, self.looks, self.stopped = out, [], 0, threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            missing = complete(self.out)
            if missing:
                self.seen.append(missing)
            self.looks += 1
            time.sleep(0.001)  # leave the builds the processor


class Build:
    """`pelican` in a process of its own; its console lines are collected as they come."""

    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **ENV}, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True)
        self.reader.start()

    def waiting(self) -> bool:
        return any("waiting for it to finish" in line for line in self.lines)

    def finish(self) -> int:
        code = self.process.wait(timeout=120)
        self.reader.join(timeout=10)
        return code


def wait_until(condition, seconds: float = 300) -> bool:
    """Whether `condition` came true; the time only runs out when something is broken."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_two_builds_into_one_output_folder_take_turns(contents, last_site, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(contents[0], content)
    out = place(last_site, tmp_path / "output")
    watch = Watch(out)
    watch.start()
    try:
        for turn in range(3):
            page = content / "releases" / "2018" / "2018-03-09-women-police.en.md"
            page.write_text(page.read_text(encoding="utf-8") + f"\nRound {turn}.\n", encoding="utf-8")
            commands = [pelican(content, out, tmp_path / f"cache-{n}") for n in range(2)]
            if turn < 2:  # both start while a third holds the lock: both wait, then one after the other
                with output.Lock(out):
                    builds = [Build(command) for command in commands]
                    assert wait_until(lambda: all(b.waiting() for b in builds)), [b.lines for b in builds]
                waited = "".join(builds[0].lines)
                assert re.search(rf"newsroom: another build \(process {os.getpid()}\) is writing {re.escape(str(out))}; "
                                 r"waiting for it to finish \(stop that build to go on at once\)", waited), waited
            else:  # started at once, as two CI steps would
                builds = [Build(command) for command in commands]
            looks = watch.looks
            assert wait_until(lambda: watch.looks > looks)  # the watch is looking at this turn's builds
            assert [b.finish() for b in builds] == [0, 0], [b.lines for b in builds]
            assert f"Round {turn}." in (out / "en" / "news" / "women-police" / "index.html").read_text(encoding="utf-8")
    finally:
        watch.stopped.set()
        watch.join()
    assert watch.seen == []
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("output")) == ["output", "output.lock"]


@pytest.fixture
def live(contents, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(contents[0], content)
    session = Session(settings_of(content, tmp_path))
    session.build()
    return session


def settings_of(content: Path, tmp_path: Path) -> dict:
    return settings_for(content, tmp_path / "live", "pelicanconf.py", CACHE_PATH=str(tmp_path / "cache"))


def edit(session: Session, words: str) -> None:
    path = session.content / "releases" / "2018" / "2018-03-09-women-police.en.md"
    before = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def page(session: Session) -> str:
    return (session.output / "en" / "news" / "women-police" / "index.html").read_text(encoding="utf-8")


def test_a_live_preview_rebuilds_when_another_build_replaced_its_folder(live, tmp_path, caplog):
    build(live.content, live.output, "pelicanconf.py", CACHE_PATH=str(tmp_path / "other-cache"), NEWSROOM_SEARCH=True)
    assert (live.output / "pagefind" / "pagefind.js").is_file()  # the other build's, with search
    edit(live, "Saved after the other build.")
    with caplog.at_level(logging.WARNING, logger="newsroom"):
        refresh = live.refresh()
    assert refresh.kind == "full"
    assert f"newsroom: another build replaced {live.output}; rebuilding the whole site" in caplog.text
    assert "Saved after the other build." in page(live)
    assert not (live.output / "pagefind").exists()  # the session's own build again
    edit(live, "And a second save.")
    assert live.refresh().kind == "releases"  # its own folder again: refreshed in place


def test_a_refresh_waits_for_a_build_that_holds_the_folder(live, tmp_path, caplog):
    other = build(live.content, tmp_path / "other", "pelicanconf.py", CACHE_PATH=str(tmp_path / "other-cache"), NEWSROOM_SEARCH=False)
    edit(live, "Saved while another build ran.")
    done: list = []
    with caplog.at_level(logging.WARNING, logger="newsroom"):
        with output.Lock(live.output):  # another build, between its staging and its swap
            refreshing = threading.Thread(target=lambda: done.append(live.refresh()))
            refreshing.start()
            assert wait_until(lambda: "waiting for it to finish" in caplog.text), caplog.text
            assert done == [] and "Saved while another build ran." not in page(live)
            staging = live.output.with_name(f"{live.output.name}.staging-test")
            shutil.copytree(other, staging)
            output.replace(live.output, staging)  # … which publishes
        refreshing.join(timeout=60)
    assert [refresh.kind for refresh in done] == ["full"]  # it noticed, and built the whole site anew
    assert "Saved while another build ran." in page(live)
    assert complete_preview(live.output) is None


def complete_preview(out: Path) -> str | None:
    for name in ("index.html", "en/index.html", "ka/index.html", "sitemap.xml", "en/news/women-police/index.html"):
        if not (out / name).is_file() or (out / name).stat().st_size == 0:
            return name
    return None
