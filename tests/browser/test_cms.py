"""The browser editor as the officer uses it: `./dev cms` in a copy of the project, Decap CMS at
/admin/ in Chromium, a release written in English and Georgian, saved, then checked and built.

The copy has the project's content, tasks and settings (plugin, theme and admin/ shared), so the
worktree's content/ is never written. Nothing the editor loads may come from another host, and
the only script its policy stops is livereload's inline one (the preview's, not the editor's).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, ROOTS, build
from newsroom import scaffold

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PATIENCE = 300  # seconds for ./dev cms to serve: a first build on a busy machine
SEED = "content/releases/2018/2018-06-06-eu-tablets-for-intelligence-led-policing.en.md"
SEED_ENTRY = "2018/2018-06-06-eu-tablets-for-intelligence-led-policing"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str, data: bytes | None = None) -> bool:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10):
            return True
    except (OSError, urllib.error.URLError):
        return False


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project: its content, tasks, settings and locks; code, theme and the editor's
    packages shared (links)."""
    project = tmp_path_factory.mktemp("cms") / "project"
    project.mkdir()
    for name in ("dev", "tasks.py", "pelicanconf.py", "publishconf.py", "requirements.lock", "requirements-test.lock"):
        shutil.copy2(ROOT / name, project / name)
    # the rich fixture (it holds the seed's releases as they were), never content/, which the office edits
    shutil.copytree(ROOTS / "rich" / "content", project / "content")
    for name in ("plugins", "theme", "admin", ".venv"):
        (project / name).symlink_to(ROOT / name)
    return project


@pytest.fixture(scope="module")
def editor(project):
    """`./dev cms` running in the project: yields the editor's address."""
    port, backend = free_port(), free_port()
    log = open(project.parent / "cms.log", "w+", encoding="utf-8")  # noqa: SIM115 - read after it ends
    environment = {name: value for name, value in os.environ.items() if name != "SITEURL"}
    server = subprocess.Popen(["./dev", "cms", "--port", str(port), "--backend-port", str(backend)], cwd=project,
                              stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True)
    origin = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + PATIENCE
        while not (answers(f"{origin}/admin/") and answers(f"http://127.0.0.1:{backend}/api/v1", b'{"action": "info"}')):
            log.seek(0)
            assert server.poll() is None and time.monotonic() < deadline, f"./dev cms never served the editor:\n{log.read()}"
            time.sleep(0.2)
        yield origin
    finally:
        # Ctrl-C, as the officer stops it: the task stops decap-server on its way out
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


@pytest.fixture
def tab(chromium, editor):
    """A tab on the editor, signed in to the local backend; records what it asked of other hosts
    (refused) and what the page's policy stopped."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.elsewhere, page.refused = [], []

    def local_only(route):
        if urlsplit(route.request.url).hostname in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            page.elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page.on("console", lambda message: page.refused.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(f"{editor}/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Press releases").first.wait_for()
    yield page
    context.close()


def field(page, name: str, version: int = 0):
    """A field of the form: version 0 is the English one (left), 1 the Georgian one (right)."""
    return page.locator(f"[id^='{name}-field-']").nth(version)


def choose(page, name: str, *typed: str) -> None:
    for words in typed:
        field(page, name).click()
        field(page, name).fill(words)
        page.keyboard.press("Enter")


def write_text(page, version: int, text: str) -> None:
    page.locator("[contenteditable=true]").nth(version).click()
    page.keyboard.type(text)


def publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Entry saved").wait_for()


NEW_EN = """---
title: New office opens in Kutaisi
date: 2024-05-02
lang: en
partners:
  - eu
  - mia
topics:
  - labour-migration
location: Kutaisi
event_dates: 2024-05-01
image:
  src: images/kutaisi-office.jpg
  alt: The new office's front door
---
IOM opened an office in Kutaisi.
"""
NEW_KA = """---
title: ახალი ოფისი ქუთაისში
date: 2024-05-02
lang: ka
partners:
  - eu
  - mia
topics:
  - labour-migration
location: ქუთაისი
event_dates: 2024-05-01
image:
  src: images/kutaisi-office.jpg
  alt: ოფისის შესასვლელი
---
IOM-მა ქუთაისში ოფისი გახსნა.
"""


def test_a_release_written_in_both_languages_is_saved_checked_and_published_paired(tab, project, tmp_path):
    photo = tmp_path / "kutaisi-office.jpg"
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(photo, quality=80)
    tab.goto(tab.url.split("#")[0] + "#/collections/releases/new")
    field(tab, "title").fill("New office opens in Kutaisi")
    field(tab, "date").fill("2024-05-02")
    choose(tab, "partners", "European Union", "Ministry of Internal")
    choose(tab, "topics", "Labour migration")
    field(tab, "location").fill("Kutaisi")
    field(tab, "event_dates").fill("2024-05-01")
    tab.get_by_text("Choose an image").first.click()
    tab.locator("input[type=file]").set_input_files(photo)
    tab.get_by_role("button", name="Choose selected").click()
    field(tab, "alt").fill("The new office's front door")
    write_text(tab, 0, "IOM opened an office in Kutaisi.")
    # the Georgian version, beside it: the shared fields (date, partners, topics, photo) are the English ones
    field(tab, "title", 1).fill("ახალი ოფისი ქუთაისში")
    field(tab, "location", 1).fill("ქუთაისი")
    field(tab, "alt", 1).fill("ოფისის შესასვლელი")
    write_text(tab, 1, "IOM-მა ქუთაისში ოფისი გახსნა.")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / "cms-side-by-side.png")
    publish(tab)

    folder = project / "content" / "releases" / "2024"
    assert sorted(path.name for path in folder.iterdir()) == ["2024-05-02-new-office-opens-in-kutaisi.en.md",
                                                             "2024-05-02-new-office-opens-in-kutaisi.ka.md"]
    assert (folder / "2024-05-02-new-office-opens-in-kutaisi.en.md").read_text(encoding="utf-8") == NEW_EN
    # ./dev new writes what the editor writes, field for field
    for name, value in (("title", "New office opens in Kutaisi"), ("date", "2024-05-02"), ("lang", "en"), ("partners", ["eu", "mia"])):
        assert scaffold._field(name, value) in NEW_EN
    assert (folder / "2024-05-02-new-office-opens-in-kutaisi.ka.md").read_text(encoding="utf-8") == NEW_KA
    assert (project / "content" / "images" / "kutaisi-office.jpg").read_bytes() == photo.read_bytes()

    checked = subprocess.run(["./dev", "check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    count = len(list((project / "content" / "releases").rglob("*.md")))
    assert checked.stdout.strip() == f"No problems in {count} release files."
    output = build(project / "content", tmp_path / "output")  # the strict build, publishconf.py
    for lang, other in (("en", "ka"), ("ka", "en")):
        page = BeautifulSoup((output / lang / "news" / "new-office-opens-in-kutaisi" / "index.html").read_text(encoding="utf-8"), "lxml")
        twin = page.find("link", rel="alternate", hreflang=other)
        assert twin["href"] == f"https://example.org/newsroom/{other}/news/new-office-opens-in-kutaisi/"
    assert tab.elsewhere == []


def test_opening_a_hand_written_release_changes_nothing_and_an_edit_rewrites_it_as_the_guide_says(tab, project):
    before = (project / SEED).read_bytes()
    tab.goto(tab.url.split("#")[0] + f"#/collections/releases/entries/{SEED_ENTRY}")
    field(tab, "title").wait_for()
    tab.get_by_text("Changes saved").wait_for()  # opened, nothing to save
    assert (project / SEED).read_bytes() == before
    # one edit: the file is written in the editor's format (docs/content.md: the editor's format)
    field(tab, "location").fill("Batumi")
    publish(tab)
    assert (project / SEED).read_text(encoding="utf-8") == before.decode("utf-8").replace("""---
title: The European Union supports the Ministry of Internal Affairs of Georgia in Intelligence-Led Policing
date: 2018-06-06
lang: en
translation_key: 2018-eu-tablets-for-intelligence-led-policing
location: Tbilisi
partners: [mia]
funded_by: [eu]
topics: [policing]
---""", """---
title: The European Union supports the Ministry of Internal Affairs of Georgia
  in Intelligence-Led Policing
date: 2018-06-06
lang: en
translation_key: 2018-eu-tablets-for-intelligence-led-policing
partners:
  - mia
funded_by:
  - eu
topics:
  - policing
location: Batumi
---""")
    # ./dev new writes a title as the editor does: one format
    assert scaffold._field("title", "The European Union supports the Ministry of Internal Affairs of Georgia in "
                                    "Intelligence-Led Policing") in (project / SEED).read_text(encoding="utf-8")
    # an English-only release stays English-only: no empty Georgian file
    assert not (project / SEED.replace(".en.md", ".ka.md")).exists()
    assert tab.elsewhere == []


def test_the_editor_runs_under_its_policy_and_loads_nothing_from_elsewhere(tab, editor):
    tab.goto(tab.url.split("#")[0] + "#/collections/releases/new")
    field(tab, "title").wait_for()
    assert tab.elsewhere == []
    # livereload adds its inline script to every page it serves: the editor's policy stops it,
    # and nothing else
    assert tab.refused and all(message.startswith("Executing inline script violates") for message in tab.refused), tab.refused
    source = urllib.request.urlopen(f"{editor}/admin/", timeout=10).read().decode("utf-8")
    assert "livereload" in source


def test_the_preview_shows_the_version_being_edited_in_its_language_with_the_sites_stylesheet_and_font(tab):
    tab.goto(tab.url.split("#")[0] + "#/collections/releases/new")
    field(tab, "title").fill("New office opens in Kutaisi")
    field(tab, "title", 1).fill("ახალი ოფისი ქუთაისში")
    tab.locator("[title='Toggle i18n']").click()
    tab.locator("[title='Toggle preview']").click()
    preview = tab.frame_locator("iframe").first
    assert preview.locator("main").get_attribute("lang") == "en"
    tab.get_by_text("Writing in EN").click()
    tab.get_by_role("menuitem").filter(has_text="KA").first.click()
    assert preview.locator("h1").inner_text() == "ახალი ოფისი ქუთაისში"
    assert preview.locator("main").get_attribute("lang") == "ka"
    frame = next(frame for frame in tab.frames if frame != tab.main_frame)
    stylesheets = frame.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(link => link.href)")
    assert len(stylesheets) == 1 and "/theme/css/site." in stylesheets[0]
    # the headline in the site's Georgian webfont, loaded from the site
    assert frame.evaluate("document.fonts.load('700 2rem \"Noto Sans Georgian Web\"', 'ახ').then(faces => faces.length)") >= 1
    assert frame.evaluate("document.fonts.check('700 2rem \"Noto Sans Georgian Web\"', 'ახ')")
    assert tab.elsewhere == []


def test_a_photo_without_its_alt_text_is_not_saved_and_the_editor_says_why(tab, project, tmp_path):
    photo = tmp_path / "no-alt.jpg"
    Image.new("RGB", (800, 600), (160, 90, 40)).save(photo, quality=80)
    tab.goto(tab.url.split("#")[0] + "#/collections/releases/new")
    field(tab, "title").fill("A photo without words")
    field(tab, "date").fill("2024-06-03")
    tab.get_by_text("Choose an image").first.click()
    tab.locator("input[type=file]").set_input_files(photo)
    tab.get_by_role("button", name="Choose selected").click()
    write_text(tab, 0, "Text.")
    tab.get_by_role("button", name="Publish").first.click()
    tab.get_by_text("Publish now").click()
    tab.get_by_text("Lead photo: Alt text is missing. What the photo shows, for readers who cannot see it: required").wait_for()
    assert not list((project / "content" / "releases").glob("*/2024-06-03-*"))


def test_a_georgian_version_added_to_an_english_release_is_its_twin(tab, project):
    seed = project / "content" / "releases" / "2017" / "2017-10-19-temporary-labour-migration-workshop.en.md"
    tab.goto(tab.url.split("#")[0] + "#/collections/releases/entries/2017/2017-10-19-temporary-labour-migration-workshop")
    field(tab, "title", 1).fill("სამუშაო შეხვედრა დროებითი შრომითი მიგრაციის შესახებ")
    write_text(tab, 1, "IOM-მა სამუშაო შეხვედრა გამართა.")
    publish(tab)
    twin = seed.with_name(seed.name.replace(".en.md", ".ka.md")).read_text(encoding="utf-8")
    assert twin == """---
title: სამუშაო შეხვედრა დროებითი შრომითი მიგრაციის შესახებ
date: 2017-10-19
date_approximate: true
lang: ka
translation_key: 2017-temporary-labour-migration-workshop
partners:
  - iom-vienna
topics:
  - labour-migration
event_dates: 2017-10-17/2017-10-19
---
IOM-მა სამუშაო შეხვედრა გამართა.
"""
    checked = subprocess.run(["./dev", "check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
