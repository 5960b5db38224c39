"""The officer's tasks, run as the officer runs them: `invoke new`, then `invoke check`, then a build."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitecheck import axe
from conftest import ROOT, ROOTS, Site, build

SITE = "https://example.org/newsroom"


@pytest.fixture
def project(tmp_path):
    """A copy of the project's settings and tasks, with the rich fixture (tests/roots/rich) as its
    content, not the office's own releases; plugin and theme shared."""
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOTS / "rich" / "content", tmp_path / "content")
    for name in ("plugins", "theme"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def invoke(project, *args):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project, capture_output=True, text=True)


def test_a_new_release_passes_the_check_and_is_published(project, tmp_path):
    created = invoke(project, "new", "--lang", "ka", "--title", "ახალი ოფისი ქუთაისში", "--partner", "eu",
                     "--partner", "mia", "--date", "2024-05-02", "--twin")
    assert created.returncode == 0, created.stderr
    assert created.stdout.split() == [
        "content/releases/2024/2024-05-02-akhali-opisi-kutaisshi.ka.md",
        "content/releases/2024/2024-05-02-akhali-opisi-kutaisshi.en.md",
    ]
    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = Site(build(project / "content", tmp_path / "output"), SITE)
    page = site.html(f"{SITE}/ka/news/akhali-opisi-kutaisshi/")
    assert page.h1.get_text() == "ახალი ოფისი ქუთაისში"
    # the English twin is a draft stub: not published until someone translates it
    assert not site.file(f"{SITE}/en/news/akhali-opisi-kutaisshi/").exists()


def test_new_without_a_date_says_which_day_it_used_and_makes_a_short_name(project):
    created = invoke(project, "new", "--lang", "en", "--title",
                     "The European Union supports the Ministry of Internal Affairs of Georgia in Intelligence-Led Policing")
    assert created.returncode == 0, created.stderr
    (path,) = created.stdout.split()
    today = re.search(r"Dated (\d{4}-\d{2}-\d{2}), today in Tbilisi; for another day give --date YYYY-MM-DD", created.stderr).group(1)
    assert path == f"content/releases/{today[:4]}/{today}-european-union-supports-ministry-internal.en.md"
    text = (project / path).read_text(encoding="utf-8")
    assert f"translation_key: {today[:4]}-european-union-supports-ministry-internal\n" in text
    assert "partners" not in text  # none given: IOM's own work


@pytest.mark.parametrize("date, name, written", [
    ("2018-12", "2018-12-migration-film-festival", "2018-12"),
    ("2018", "2018-migration-film-festival", "2018"),
])
def test_new_with_a_month_or_a_year_names_the_file_for_it_and_marks_an_approximate_date(project, tmp_path, date, name, written):
    created = invoke(project, "new", "--lang", "en", "--title", "Migration film festival", "--date", date, "--approximate")
    assert created.returncode == 0, created.stderr
    assert created.stdout.split() == [f"content/releases/2018/{name}.en.md"]
    text = (project / created.stdout.split()[0]).read_text(encoding="utf-8")
    assert f"\ndate: {written}\ndate_approximate: true\nlang: en\n" in text
    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    page = Site(build(project / "content", tmp_path / "output"), SITE).html(f"{SITE}/en/news/migration-film-festival/")
    assert page.select_one(".dateline").get_text(" ", strip=True) == ("c. December 2018" if date == "2018-12" else "c. 2018")


def test_new_refuses_a_date_it_cannot_read_with_the_checks_message(project):
    created = invoke(project, "new", "--lang", "en", "--title", "A visit", "--date", "Dec 2018")
    assert created.returncode == 1
    assert created.stderr.strip() == "--date 'Dec 2018' is not a date; write it year-month-day, as far as it is known: date: 2018-12"
    assert not (project / "content" / "releases" / "2018" / "2018-12-visit.en.md").exists()


def test_new_refuses_an_unknown_partner_with_the_checks_message(project):
    created = invoke(project, "new", "--lang", "en", "--title", "A visit", "--partner", "EUU", "--date", "2024-05-02")
    assert created.returncode == 1
    assert "'partners': unknown partner 'EUU'; did you mean 'eu'?" in created.stderr
    assert not (project / "content" / "releases" / "2024").exists()


DATE_FIX = "expected YYYY-MM-DD, e.g. 2018-06-06, or YYYY-MM or YYYY when the day is not known"


@pytest.mark.parametrize("options, said", [
    (["--lang", "en", "--title", "A visit", "--date", "06/06/2018"], [f"--date '06/06/2018' is not a date; {DATE_FIX}"]),
    (["--lang", "en", "--title", "A visit", "--date", "2019-02-30"],
     [f"--date '2019-02-30' is not a real date (day is out of range for month); {DATE_FIX}"]),
    (["--lang", "en", "--title", "?!…", "--date", "2019-02-03"],
     ["--title '?!…' gives no usable URL name (no letters or digits to make a slug from); write the headline with words in it: "
      "the file's name and the release's address are made from them"]),
    (["--lang", "ge", "--title", "A visit", "--date", "2019-02-03", "--twin"],
     ["--lang 'ge' is not a site language; did you mean 'ka'? expected one of: 'en', 'ka'"]),
    (["--lang", "fr", "--title", "A visit", "--date", "2019-02-30"],  # every problem, each once
     [f"--date '2019-02-30' is not a real date (day is out of range for month); {DATE_FIX}",
      "--lang 'fr' is not a site language; expected one of: 'en', 'ka'"]),
    (["--lang", "en", "--title", "A visit", "--date", "2091-05-02"],  # read, but checked as check checks a 'date'
     ["--date '2091-05-02' is more than a year from now; an embargoed release carries the day it may be published, check the year"]),
    (["--title", "A visit"], ["--lang is missing; give the language you write in (en or ka): --lang en"]),
    (["--lang", "ka"], ['--title is missing; give the headline: --title "…"']),
    (["--lang", "en", "--title", "Women in policing conference", "--date", "2018-03-09"],
     ["content/releases/2018/2018-03-09-women-policing-conference.en.md already exists; choose another title, or edit that file"]),
])
def test_new_refuses_what_it_cannot_use_in_one_line_each_without_a_traceback(project, options, said):
    existing = project / "content" / "releases" / "2018" / "2018-03-09-women-policing-conference.en.md"
    existing.write_text("---\ntitle: Unchanged\n---\nUnchanged.\n", encoding="utf-8")
    before = sorted((project / "content").rglob("*"))
    created = invoke(project, "new", *options)
    assert (created.returncode, created.stderr.splitlines(), created.stdout) == (1, said, "")
    assert sorted((project / "content").rglob("*")) == before
    assert existing.read_text(encoding="utf-8") == "---\ntitle: Unchanged\n---\nUnchanged.\n"


def test_new_says_of_a_date_what_check_says_of_it(project):
    release = project / "content" / "releases" / "2018" / "2018-03-24-world-tb-day-migrant-survey.en.md"
    release.write_text(release.read_text(encoding="utf-8").replace("date: 2018-03-24", "date: 2018-02-30"), encoding="utf-8")
    checked = invoke(project, "check").stderr.splitlines()
    created = invoke(project, "new", "--lang", "en", "--title", "A visit", "--date", "2018-02-30")
    assert f"{release.relative_to(project)}: 'date': {created.stderr.strip().removeprefix('--date ')}" in checked


def tasks() -> list[str]:
    listed = subprocess.run([sys.executable, "-m", "invoke", "--list", "--list-format=json"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return [task["name"] for task in json.loads(listed.stdout)["tasks"]]


@pytest.mark.parametrize("task", tasks())
def test_every_task_says_how_to_use_it_through_dev(task):
    """`./dev TASK --help` shows the task's options and does nothing else (none needs its arguments for it)."""
    helped = subprocess.run([str(ROOT / "dev"), task, "--help"], capture_output=True, text=True, timeout=300)
    assert (helped.returncode, helped.stderr) == (0, "")
    assert helped.stdout.startswith(f"Usage: inv[oke] [--core-opts] {task} ")


def test_new_says_how_to_use_it_with_its_options():
    helped = subprocess.run([str(ROOT / "dev"), "new", "--help"], capture_output=True, text=True, timeout=300)
    options = re.findall(r"^\s+(?:-\w(?: \w+)?, )?--([\w-]+)", helped.stdout, re.MULTILINE)
    assert sorted(options) == ["approximate", "date", "draft", "lang", "partner", "title", "twin"]


def test_check_fails_with_one_line_per_problem(project):
    release = next((project / "content" / "releases").rglob("*.en.md"))
    release.write_text(release.read_text(encoding="utf-8").replace("lang: en", "lang: ge"), encoding="utf-8")
    checked = invoke(project, "check")
    assert checked.returncode == 1
    lines = checked.stderr.strip().splitlines()
    assert lines[0].startswith(f"{release.relative_to(project)}: 'lang': 'ge' is not a site language; did you mean 'ka'?")
    assert lines[1:] == ["1 problem in the content"]
    assert checked.stdout == ""


def test_the_translation_report_lists_every_release(project):
    report = invoke(project, "translations")
    assert report.returncode == 0
    # the rich fixture: two releases in both languages (one of them paired by file name), eight in one, a
    # draft and an embargoed release, each listed
    assert "12 releases: 2 in every language, 10 missing a language" in report.stdout
    assert "en:draft  ka:--  (no translation_key)  missing ka; en only a draft, not yet translated" in report.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except (OSError, urllib.error.URLError):
        return None


# How long to wait for what should happen in a second or two: long enough that only something
# broken, never a busy machine, runs it out. Nothing here waits for a time to pass.
PATIENCE = 300


class Console:
    """What a running command says, line by line, as it says it (its stdout and stderr, merged)."""

    def __init__(self, stream):
        self.lines: list[str] = []
        self.ended = False
        self.said = threading.Condition()
        self.reader = threading.Thread(target=self.read, args=(stream,), daemon=True)
        self.reader.start()

    def read(self, stream) -> None:
        for line in stream:
            with self.said:
                self.lines.append(line)
                self.said.notify_all()
        with self.said:
            self.ended = True
            self.said.notify_all()

    def mark(self) -> int:
        """Where the next line will be; `wait_for(…, after=mark)` looks only at what comes next."""
        with self.said:
            return len(self.lines)

    def wait_for(self, pattern: str, after: int = 0) -> int:
        """The number of the first line from `after` on that matches `pattern`, once it is said."""
        wanted = re.compile(pattern)
        deadline = time.monotonic() + PATIENCE
        with self.said:
            while True:
                for number in range(after, len(self.lines)):
                    if wanted.search(self.lines[number]):
                        return number
                after = len(self.lines)
                left = deadline - time.monotonic()
                if self.ended or left <= 0:
                    pytest.fail(f"never said /{pattern}/ ({'it ended' if self.ended else 'still running'}):\n{self.text}")
                self.said.wait(left)

    @property
    def text(self) -> str:
        with self.said:
            return "".join(self.lines)


# what changes where the preview is served and where its links lead (a devcontainer, a Codespace)
PREVIEW_ENVIRONMENT = ("SITEURL", "NEWSROOM_BIND", "CODESPACE_NAME", "GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN")


@contextlib.contextmanager
def livereload(project, port=None, **environment):
    """`invoke livereload` running in `project`, with `environment` added to this one's less
    PREVIEW_ENVIRONMENT; yields its origin and its console."""
    port = port or free_port()
    origin = f"http://127.0.0.1:{port}"
    env = {name: value for name, value in os.environ.items() if name not in PREVIEW_ENVIRONMENT}
    server = subprocess.Popen([sys.executable, "-m", "invoke", "livereload", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**env, **environment})
    console = Console(server.stdout)
    try:
        deadline = time.monotonic() + PATIENCE
        while fetch(f"{origin}/en/") is None:
            assert server.poll() is None and time.monotonic() < deadline, f"the preview was never served:\n{console.text}"
            time.sleep(0.1)
        yield origin, console
    finally:
        server.terminate()
        server.wait()
        console.reader.join()


@contextlib.contextmanager
def serving(project):
    """`invoke serve` running in `project`; yields its origin."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={name: value for name, value in os.environ.items() if name not in PREVIEW_ENVIRONMENT})
    console = Console(server.stdout)
    try:
        console.wait_for(rf"^Serving .* at http://localhost:{port}/")
        yield origin
    finally:
        server.terminate()
        server.wait()
        console.reader.join()


def answer(url: str) -> tuple[int, str, BeautifulSoup]:
    """The status, type and parsed body of what the server answers at `url`."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers["Content-Type"], BeautifulSoup(response.read(), "lxml")
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], BeautifulSoup(error.read(), "lxml")


def test_serve_answers_an_address_the_site_does_not_have_with_its_404_page(project):
    with serving(project) as origin:
        status, kind, page = answer(origin + "/en/")
        assert (status, kind, page.html["lang"]) == (200, "text/html", "en")
        for path, lang, title in (("/en/news/no-such-release/", "en", "Page not found"),
                                  ("/ka/news/no-such-release/?q=1", "ka", "გვერდი ვერ მოიძებნა"),
                                  ("/en/news/", "en", "Page not found"),  # a folder without a page: no listing of it
                                  ("/no-such-page.html", "en", None)):
            status, kind, page = answer(origin + path)
            assert (status, kind, page.html["lang"]) == (404, "text/html; charset=utf-8", lang), path
            if title is not None:
                assert page.h1.get_text() == title, path
            else:  # the site's own, in every language
                assert page.select_one("link[rel=stylesheet]") is not None and page.find(lang="ka") is not None
        # a folder's address without its '/' is sent on to it, as hosts do
        status, _, page = answer(origin + "/en/archive")
        assert status == 200 and page.h1 is not None


RELEASE = "content/releases/2018/2018-06-06-eu-tablets-for-intelligence-led-policing.en.md"
PAGE = "/en/news/eu-tablets-for-intelligence-led-policing/"
SENTENCE = "A sentence saved during the preview."
REWROTE = r"^newsroom: 1 release file\(s\) changed; rewrote \d+ pages"


def add_sentence(project) -> None:
    release = project / RELEASE
    release.write_text(release.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")


def save_again(project) -> None:
    """Save the release unchanged, a second later by its clock, as an editor's second save."""
    release = project / RELEASE
    later = release.stat().st_mtime_ns + 10**9
    os.utime(release, ns=(later, later))


def test_livereload_serves_the_preview_and_shows_a_saved_edit(project):
    with livereload(project) as (origin, console):
        assert SENTENCE not in fetch(origin + PAGE)
        port = origin.rsplit(":", 1)[1]
        # its links lead to where it is served, whatever the port
        assert f'<link rel="canonical" href="http://localhost:{port}{PAGE}">' in fetch(origin + PAGE)
        saved = console.mark()
        add_sentence(project)
        console.wait_for(REWROTE, after=saved)  # said once the pages are written
        assert SENTENCE in fetch(origin + PAGE)


# livereload's words (its log): a page's script has connected; the open pages are told to reload;
# a reload dropped, for it came within 3 s of the one before or of the server's start.
CONNECTED, RELOAD, DROPPED = r"Browser Connected: ", r"Reload [1-9]\d* waiters", r"Ignore: "


def test_the_open_page_refreshes_itself_after_a_save(project, chromium):
    with livereload(project) as (origin, console):
        page = chromium.new_page()
        page.set_default_timeout(PATIENCE * 1000)
        try:
            # at the address its links use (localhost), or its policy blocks them as another site's
            page.goto(origin.replace("127.0.0.1", "localhost") + PAGE, wait_until="load")
            after = console.wait_for(CONNECTED) + 1  # the page's livereload script listens
            assert SENTENCE not in page.inner_text("main")
            add_sentence(project)
            told_to_reload(project, console, after)
            # no reload from here: livereload's script in the page asks for it
            # (a locator, not a JavaScript predicate: the page's Content-Security-Policy forbids eval)
            page.locator("main", has_text=SENTENCE).wait_for()
        finally:
            page.close()


def told_to_reload(project, console: Console, after: int) -> int:
    """Once the release is saved: the line where livereload told the open pages to reload, after
    the session rewrote the pages (saved again, as the officer would, if the reload was dropped)."""
    for _ in range(20):
        rewrote = console.wait_for(REWROTE, after=after)
        answer = console.wait_for(f"{RELOAD}|{DROPPED}|{CONNECTED}", after=rewrote + 1)
        if re.search(RELOAD, console.lines[answer]):
            return answer  # the page was told to reload, after its page was rewritten
        # dropped, or the page was reloading (livereload reloads it once at its start) while
        # its page was rewritten: save again, as the officer would
        after = answer + 1
        save_again(project)
    pytest.fail(f"livereload never told the page to reload:\n{console.text}")


def test_a_broken_release_shows_its_problems_in_the_browser_until_it_is_fixed(project, chromium):
    """The officer has the release open in the preview, mistypes a partner and saves: the page
    shows the line `./dev check` prints; every other page says a file has problems, and leads to
    the list; fixed and saved, the page shows the release again."""
    release = project / RELEASE
    text = release.read_text(encoding="utf-8")
    with livereload(project) as (origin, console):
        origin = origin.replace("127.0.0.1", "localhost")
        page = chromium.new_page()
        page.set_default_timeout(PATIENCE * 1000)
        try:
            page.goto(origin + PAGE, wait_until="load")
            after = console.wait_for(CONNECTED) + 1
            title = page.inner_text("main h1")
            release.write_text(text.replace("partners: [mia]", "partners: [mai]"), encoding="utf-8")
            told_to_reload(project, console, after)
            checked = invoke(project, "check")
            line, verdict = checked.stderr.splitlines()  # what `./dev check` says, word for word
            assert line.startswith(f"{RELEASE}: 'partners': unknown partner 'mai'; did you mean 'mia'?") and verdict == "1 problem in the content"
            page.locator("main .problems__line", has_text="unknown partner 'mai'").wait_for()
            assert page.locator("main .problems__line").all_inner_texts() == [line]
            assert page.inner_text("main h1") == "Problems in this press release"
            assert axe.violations(page, "the release's page about its problems") == []
            # styled by the site's stylesheet: the masthead is the site's blue
            assert page.eval_on_selector(".masthead", "e => getComputedStyle(e).backgroundColor") == "rgb(0, 51, 160)"

            other = chromium.new_page()
            other.set_default_timeout(PATIENCE * 1000)
            try:
                other.goto(origin + "/en/", wait_until="load")
                link = other.locator(".problem-banner a")
                link.wait_for()
                assert link.inner_text() == "1 file has problems: see the list"
                assert axe.violations(other, "a page with the banner") == []
                link.click()
                other.wait_for_url(origin + "/en/problems/")
                assert other.locator("main .problems__line").all_inner_texts() == [line]
                other.goto(origin + "/ka/", wait_until="load")
                other.locator(".problem-banner a", has_text="1 ფაილს აქვს პრობლემები: იხილეთ სია").wait_for()
            finally:
                other.close()

            after = console.mark()
            release.write_text(text, encoding="utf-8")
            told_to_reload(project, console, after)
            page.locator("main h1", has_text=title).wait_for()
            assert page.locator("main .problems__line").count() == 0
            assert page.locator(".problem-banner").count() == 0
        finally:
            page.close()


def listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses a socket of this machine listens on at `port` (Linux's /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, at = local.split(":")
        if state == "0A" and int(at, 16) == port:  # 0A: listening
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_livereload_in_a_codespace_is_reached_and_reloads_through_the_forwarded_port(project):
    """In the devcontainer (NEWSROOM_BIND=0.0.0.0) the preview listens where the editor's port
    forwarding reaches it; in a Codespace its links lead to the forwarded address; the reload
    script in its pages connects to the address the page came from, on the page's port, so the
    one forwarded port carries the pages and the reload socket."""
    port = free_port()
    environment = {"NEWSROOM_BIND": "0.0.0.0", "CODESPACE_NAME": "fluffy-pancake-x7q",
                   "GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN": "app.github.dev"}
    with livereload(project, port, **environment) as (origin, console):
        assert listening_addresses(port) == {"0.0.0.0"}
        page = fetch(origin + PAGE)
        forwarded = f"https://fluffy-pancake-x7q-{port}.app.github.dev"
        assert f'<link rel="canonical" href="{forwarded}{PAGE}">' in page
        assert 'var port=(window.location.port || (window.location.protocol == \'https:\' ? 443: 80));' in page
        assert 's.src="//"+window.location.hostname+":"+port' in page
        with socket.create_connection(("127.0.0.1", port), timeout=PATIENCE) as connection:
            connection.sendall(b"GET /livereload HTTP/1.1\r\nHost: " + forwarded.removeprefix("https://").encode() + b"\r\n"
                               b"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                               b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
            assert connection.recv(4096).split(b"\r\n")[0] == b"HTTP/1.1 101 Switching Protocols"
