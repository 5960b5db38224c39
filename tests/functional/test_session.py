"""The live preview session (`invoke livereload`): after each save it rewrites only what the change
touches, and what it leaves on disk is exactly what a full build of the same files writes."""

from __future__ import annotations

import filecmp
import io
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from checks.conftest import require
from sitecheck.nuchecker import VNU_JAR, check_html
from conftest import ROOTS, Site, build, settings_for

from newsroom.errors import ContentError
from newsroom.session import Session

RELEASES = Path("releases")


def files(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def save(path: Path, text: str) -> None:
    """Write as an editor would; the time stamp moves on even within one clock tick."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.fixture
def live(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "bilingual" / "content", content)
    settings = settings_for(content, tmp_path / "live", "pelicanconf.py", CACHE_PATH=str(tmp_path / "cache"))
    session = Session(settings)
    session.build()
    return session


def assert_same_as_a_full_build(session: Session, tmp_path: Path) -> None:
    full = build(session.content, tmp_path / "full", "pelicanconf.py", NEWSROOM_SEARCH=False, NEWSROOM_META_POLICY=False,
                 NEWSROOM_PROBLEM_PAGES=True)
    assert files(session.output) == files(full)
    _, mismatch, errors = filecmp.cmpfiles(full, session.output, files(full), shallow=False)
    assert (mismatch, errors) == ([], [])


def edit(session: Session, name: str, old: str, new: str) -> Path:
    path = session.content / RELEASES / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    save(path, text.replace(old, new))
    return path


def page(session: Session, url: str):
    """A page of the preview, parsed."""
    return Site(session.output).html(f"https://example.org/newsroom/{url}")


def problems_shown(session: Session, url: str) -> list[str] | None:
    """The problem lines the page at `url` lists in place of a release; None: it is no page about problems."""
    found = page(session, url)
    if found.h1 is None or found.h1.get_text() not in ("Problems in this press release", "ამ პრესრელიზის პრობლემები"):
        return None
    return [line.get_text() for line in found.select("main .problems__line")]


def banner(session: Session, url: str) -> str | None:
    """Where the page at `url` reads its banner from (its script's list of problems), if it has one."""
    script = page(session, url).select_one('head script[src$="/problems/banner.js"]')
    return None if script is None else script["data-problems"]


def test_nothing_changed_nothing_written(live):
    assert live.refresh().kind == "none"
    # what editors leave beside a file they are editing is not a change
    (live.content / RELEASES / "2018" / ".2018-03-09-women-police.en.md.swp").write_bytes(b"vim")
    (live.content / "partners.yml~").write_text("a backup", encoding="utf-8")
    assert live.refresh().kind == "none"


def test_an_edited_body_rewrites_its_page_and_the_lists_it_is_on(live, tmp_path):
    untouched = live.output / "ka" / "news" / "katastropis-dghe" / "index.html"
    inode = untouched.stat().st_ino
    edit(live, "2018/2018-03-09-women-police.en.md", "closes today in Tbilisi.", "closes today in Tbilisi, after four days.")
    refresh = live.refresh()
    assert refresh.kind == "releases" and refresh.changed == (str(live.content / RELEASES / "2018/2018-03-09-women-police.en.md"),)
    page = (live.output / "en" / "news" / "women-police" / "index.html").read_text(encoding="utf-8")
    assert "after four days" in page
    assert 1 <= refresh.pages < len(files(live.output)) // 3
    assert untouched.stat().st_ino == inode  # not rewritten
    assert_same_as_a_full_build(live, tmp_path)


def test_a_new_title_reaches_the_neighbours_and_the_lists(live, tmp_path):
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "title: The EU donates", "title: Corrected, the EU donates")
    assert live.refresh().kind == "releases"
    for page in ("en/news/women-police/index.html", "en/index.html", "en/partners/eu/index.html"):
        assert "Corrected, the EU donates" in (live.output / page).read_text(encoding="utf-8"), page
    assert_same_as_a_full_build(live, tmp_path)


def test_a_new_title_gets_a_new_share_picture_and_the_old_one_goes(live, tmp_path):
    before = {path.name for path in (live.output / "images" / "share").iterdir()}
    edit(live, "2017/2017-10-13-კატასტროფის-დღე.ka.md", "title: კატასტროფის", "title: შესწორებული — კატასტროფის")
    assert live.refresh().kind == "releases"
    after = {path.name for path in (live.output / "images" / "share").iterdir()}
    (new,) = after - before
    assert new.startswith("ka-katastropis-dghe-") and len(before - after) == 1
    page = (live.output / "ka" / "news" / "katastropis-dghe" / "index.html").read_text(encoding="utf-8")
    assert f"/images/share/{new}" in page
    with Image.open(live.output / "images" / "share" / new) as picture:
        assert picture.size == (1200, 630)
    assert_same_as_a_full_build(live, tmp_path)


def test_a_release_that_loses_its_lead_photo_gets_a_share_picture(live, tmp_path):
    edit(live, "2018/2018-03-09-women-police.en.md", "image:\n  src: images/conference.png\n  alt: Police officers at the conference\n"
         "  caption: The seventh regional conference\n  credit: IOM Georgia\n", "")
    assert live.refresh().kind == "releases"
    assert [path.name for path in (live.output / "images" / "share").glob("en-women-police-*.png")]
    assert_same_as_a_full_build(live, tmp_path)


def test_a_new_date_moves_the_release_through_every_list(live, tmp_path):
    """A new date, and the file renamed to start with it (the name's date and `date` agree)."""
    old = live.content / RELEASES / "2018" / "2018-03-09-women-police.en.md"
    text = old.read_text(encoding="utf-8").replace("date: 2018-03-09", "date: 2016-03-09")
    (live.content / RELEASES / "2016").mkdir()
    save(live.content / RELEASES / "2016" / "2016-03-09-women-police.en.md",
         text.replace("event_dates: 2018-03-06/2018-03-09", "event_dates: 2016-03-06/2016-03-09"))
    old.unlink()
    assert live.refresh().kind == "releases"
    assert (live.output / "en" / "archive" / "2016" / "index.html").is_file()
    assert_same_as_a_full_build(live, tmp_path)


def test_added_and_deleted_releases(live, tmp_path):
    twin = live.content / RELEASES / "2018" / "2018-03-09-women-police.ka.md"
    source = (live.content / RELEASES / "2018" / "2018-03-09-women-police.en.md").read_text(encoding="utf-8")
    save(twin, source.replace("lang: en", "lang: ka").replace("title: Women in Policing Conference", "title: ქალები პოლიციაში"))
    assert live.refresh().kind == "releases"
    assert (live.output / "ka" / "news" / "women-police" / "index.html").is_file()
    assert_same_as_a_full_build(live, tmp_path)

    (live.content / RELEASES / "2018" / "2018-06-06-eu-tablets.ka.md").unlink()
    assert live.refresh().kind == "releases"
    assert not (live.output / "ka" / "news" / "eu-tablets").exists()
    assert_same_as_a_full_build(live, tmp_path)


def test_a_broken_edit_is_reported_and_its_fix_brings_the_page_back(live, tmp_path, capsys):
    path = edit(live, "2018/2018-03-09-women-police.en.md", "lang: en", "lang: ge")
    assert live.refresh().kind == "releases"
    line = ("content/releases/2018/2018-03-09-women-police.en.md: 'lang': 'ge' is not a site language; did you mean 'ka'? "
            "expected one of: 'en', 'ka'")
    assert line in capsys.readouterr().err.splitlines()
    # the release's address (from its file's name: its front-matter does not read) says why it is gone
    assert problems_shown(live, "en/news/women-police/") == [line]
    assert_same_as_a_full_build(live, tmp_path)
    capsys.readouterr()  # what the full build said

    save(path, path.read_text(encoding="utf-8").replace("lang: ge", "lang: en"))
    assert live.refresh().kind == "releases"
    assert "is not a site language" not in capsys.readouterr().err
    assert problems_shown(live, "en/news/women-police/") is None
    assert page(live, "en/news/women-police/").h1.get_text() == "Women in Policing Conference"
    assert_same_as_a_full_build(live, tmp_path)


def test_while_a_release_has_problems_its_address_lists_them_and_every_other_page_has_a_banner(live, tmp_path):
    path = edit(live, "2018/2018-06-06-eu-tablets.en.md", "partners: [mia]", "partners: [mai]")
    assert live.refresh().kind == "releases"
    typo = ("content/releases/2018/2018-06-06-eu-tablets.en.md: 'partners': unknown partner 'mai'; did you mean 'mia'? "
            "expected one of: 'eu', 'mia', 'ncdc'")
    twin = ("content/releases/2018/2018-06-06-eu-tablets.ka.md: 'partners': [mia] disagrees with its twin "
            "content/releases/2018/2018-06-06-eu-tablets.en.md ([mai]); the language versions of one release share their partners")
    assert reported(live) == [typo, twin]
    assert problems_shown(live, "en/news/eu-tablets/") == [typo]
    # its twin, now at odds with it, says so at its own address, in its language
    assert problems_shown(live, "ka/news/eu-tablets/") == [twin]
    ka = page(live, "ka/news/eu-tablets/")
    assert (ka.html["lang"], ka.select_one("main .problems")["lang"]) == ("ka", "en")
    assert ka.select_one("main a[href$='/ka/problems/']").get_text() == "წინასწარი ნახვის ყველა პრობლემა"
    # the list in each language: every line, and the banner every other page shows
    for lang, words in (("en", "2 files have problems: see the list"), ("ka", "2 ფაილს აქვს პრობლემები: იხილეთ სია")):
        listed = page(live, f"{lang}/problems/")
        assert [line.get_text() for line in listed.select("main .problems__line")] == [typo, twin]
        shown = BeautifulSoup(listed.select_one("template#problem-banner").decode_contents(), "lxml")
        assert shown.a.get_text() == words and shown.a["href"] == f"https://example.org/newsroom/{lang}/problems/"
    for url in ("en/", "ka/", "en/news/women-police/", "en/partners/mia/", "ka/404.html", ""):
        lang = "ka" if url.startswith("ka") else "en"
        assert banner(live, url) == f"https://example.org/newsroom/{lang}/problems/", url
    for url in ("en/news/eu-tablets/", "en/problems/"):
        assert banner(live, url) is None, url
    pages = [live.output / url / "index.html" for url in ("en/news/eu-tablets", "ka/news/eu-tablets", "en/problems", "ka/problems", "en")]
    assert check_html(pages, live.output, require(VNU_JAR)) == []
    assert_same_as_a_full_build(live, tmp_path)

    save(path, path.read_text(encoding="utf-8").replace("partners: [mai]", "partners: [mia]"))
    assert live.refresh().kind == "releases"
    assert reported(live) == []
    for url, title in (("en/news/eu-tablets/", "The EU donates tablets to the police"),
                       ("ka/news/eu-tablets/", "ევროკავშირმა პოლიციას პლანშეტები გადასცა")):
        assert problems_shown(live, url) is None
        assert page(live, url).select_one("main h1").get_text() == title
    assert page(live, "en/problems/").select_one("template#problem-banner") is None
    assert page(live, "en/problems/").select_one(".page-header__lead").get_text() == "No file has problems."
    assert_same_as_a_full_build(live, tmp_path)


def test_a_file_whose_name_says_no_language_is_listed_with_the_other_problems(live, tmp_path):
    save(live.content / RELEASES / "2018" / "2018-07-01-no-language.md", "---\ntitle: [unclosed\n---\nText.\n")
    assert live.refresh().kind == "releases"
    (line,) = reported(live)
    assert line.startswith("content/releases/2018/2018-07-01-no-language.md: ")
    assert [item.get_text() for item in page(live, "ka/problems/").select("main .problems__line")] == [line]
    assert not (live.output / "en" / "news" / "no-language").exists()
    assert_same_as_a_full_build(live, tmp_path)


def test_a_preview_build_writes_no_page_about_problems_and_a_strict_build_none_at_all(tmp_path):
    """Only livereload's session shows problems on pages: `./dev build` leaves the broken release
    out, and the production build (publishconf.py) fails."""
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "bilingual" / "content", content)
    release = content / RELEASES / "2018" / "2018-06-06-eu-tablets.en.md"
    release.write_text(release.read_text(encoding="utf-8").replace("partners: [mia]", "partners: [mai]"), encoding="utf-8")
    preview = build(content, tmp_path / "preview", "pelicanconf.py")
    assert not (preview / "en" / "news" / "eu-tablets").exists()
    assert not (preview / "en" / "problems").exists() and not (preview / "problems").exists()
    assert "banner.js" not in (preview / "en" / "index.html").read_text(encoding="utf-8")
    with pytest.raises(ContentError):
        build(content, tmp_path / "published", "publishconf.py")
    assert not (tmp_path / "published").exists()


def test_twins_that_disagree_and_then_agree(live, tmp_path, capsys):
    path = edit(live, "2018/2018-06-06-eu-tablets.ka.md", "partners: [mia]", "partners: [eu]")
    live.refresh()
    assert "disagrees with its twin" in capsys.readouterr().err
    assert_same_as_a_full_build(live, tmp_path)
    save(path, path.read_text(encoding="utf-8").replace("partners: [eu]", "partners: [mia]"))
    assert live.refresh().kind == "releases"
    assert (live.output / "ka" / "news" / "eu-tablets" / "index.html").is_file()
    assert_same_as_a_full_build(live, tmp_path)


def test_other_changes_rebuild_the_whole_site(live, tmp_path):
    registry = live.content / "partners.yml"
    save(registry, registry.read_text(encoding="utf-8"))
    assert live.refresh().kind == "full"
    assert_same_as_a_full_build(live, tmp_path)


def test_a_template_change_rebuilds_with_the_new_template(tmp_path):
    content, theme = tmp_path / "content", tmp_path / "theme"
    shutil.copytree(ROOTS / "bilingual" / "content", content)
    shutil.copytree(Path(__file__).resolve().parents[2] / "theme", theme)
    session = Session(settings_for(content, tmp_path / "live", "pelicanconf.py", CACHE_PATH=str(tmp_path / "cache"), THEME=str(theme)))
    session.build()
    base = theme / "templates" / "base.html"
    save(base, base.read_text(encoding="utf-8").replace('<main id="main"', '<main data-edited id="main"'))
    assert session.refresh().kind == "full"
    assert "<main data-edited" in (session.output / "en" / "news" / "women-police" / "index.html").read_text(encoding="utf-8")


def reported(session: Session) -> list[str]:
    return sorted({str(problem) for problem in session.newsroom.problems})


def assert_same_problems_as_a_cold_build(session: Session, tmp_path: Path) -> list[str]:
    """What the live preview reports after a change is what a cold build of the same files reports."""
    cold = Session(settings_for(session.content, tmp_path / "cold", "pelicanconf.py", CACHE_PATH=str(tmp_path / "cold-cache")))
    cold.build()
    assert reported(session) == reported(cold)
    return reported(session)


def test_a_partner_removed_from_the_registry_is_reported_as_a_cold_build_reports_it(live, tmp_path):
    registry = live.content / "partners.yml"
    text = registry.read_text(encoding="utf-8")
    start = text.index("\nmia:")
    end = text.index("\n", text.index("name:", start)) + 1
    while text[end:].startswith("  "):
        end = text.index("\n", end) + 1
    save(registry, text[:start + 1] + text[end:])
    assert live.refresh().kind == "full"
    problems = assert_same_problems_as_a_cold_build(live, tmp_path)
    assert problems and all("'partners': unknown partner 'mia'" in line for line in problems), problems
    assert_same_as_a_full_build(live, tmp_path)


def test_a_renamed_partner_is_reported_then_its_releases_come_back(live, tmp_path):
    registry = live.content / "partners.yml"
    save(registry, registry.read_text(encoding="utf-8").replace("\nmia:", "\ninterior:"))
    assert live.refresh().kind == "full"
    assert any("unknown partner 'mia'" in line for line in assert_same_problems_as_a_cold_build(live, tmp_path))
    for path in (live.content / RELEASES).rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "mia" in text:
            save(path, text.replace("[mia]", "[interior]").replace("mia, ", "interior, ").replace(", mia", ", interior"))
    live.refresh()
    assert assert_same_problems_as_a_cold_build(live, tmp_path) == []
    assert (live.output / "en" / "partners" / "interior" / "index.html").is_file()
    assert_same_as_a_full_build(live, tmp_path)


def test_a_deleted_photo_is_reported_as_a_cold_build_reports_it(live, tmp_path):
    (live.content / "images" / "conference.png").unlink()
    assert live.refresh().kind == "full"
    problems = assert_same_problems_as_a_cold_build(live, tmp_path)
    assert problems == ["content/releases/2018/2018-03-09-women-police.en.md: 'image.src': 'images/conference.png' does not exist "
                        "under content/; check the spelling, or add the photo to content/images/"]
    assert problems_shown(live, "en/news/women-police/") == problems
    assert_same_as_a_full_build(live, tmp_path)


def test_a_photo_added_to_the_text_and_a_link_to_a_deleted_release(live, tmp_path):
    """A photo in the text of an edited release reaches the page as a full build makes it; a link to
    a release that is then deleted is reported as a cold build reports it."""
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "Internal Affairs.",
         "Internal Affairs.\n\n![At the ministry](../../images/conference.png)\n\nSee also [the conference]({filename}/releases/2018/2018-03-09-women-police.en.md).")
    assert live.refresh().kind == "releases"
    assert "<picture>" in (live.output / "en" / "news" / "eu-tablets" / "index.html").read_text(encoding="utf-8")
    assert_same_as_a_full_build(live, tmp_path)
    (live.content / RELEASES / "2018" / "2018-03-09-women-police.en.md").unlink()
    assert live.refresh().kind == "releases"
    assert assert_same_problems_as_a_cold_build(live, tmp_path) == [
        "content/releases/2018/2018-06-06-eu-tablets.en.md: 'body': line 16: link to '{filename}/releases/2018/2018-03-09-women-police.en.md' "
        "names no release file in content/; check the path from content/, e.g. {filename}/releases/2018/2018-06-06-eu-tablets-for-policing.en.md"]


def test_a_photo_new_to_the_site_put_in_the_text_of_a_release_is_published_with_it(live, tmp_path):
    """A photo no release used before: its variants are written when the release that now shows it is."""
    Image.new("RGB", (800, 500), "green").save(live.content / "images" / "fresh.png")
    assert live.refresh().kind == "full"
    assert not list((live.output / "images" / "sized").glob("fresh-*"))
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "Internal Affairs.", "Internal Affairs.\n\n![A green field](../../images/fresh.png)")
    assert live.refresh().kind == "releases"
    assert list((live.output / "images" / "sized").glob("fresh-*"))
    assert_same_as_a_full_build(live, tmp_path)


# -- corrections, renames, withdrawals: a refresh writes what a full build writes -----------------


def test_a_correction_reaches_the_page_the_feed_and_the_data(live, tmp_path):
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "lang: en\n",
         "lang: en\nupdated: 2019-01-12\ncorrection: the number of tablets was 540, not 450.\n")
    assert live.refresh().kind == "releases"
    page = (live.output / "en" / "news" / "eu-tablets" / "index.html").read_text(encoding="utf-8")
    assert "the number of tablets was 540, not 450." in page and '"dateModified": "2019-01-12T00:00:00+04:00"' in page
    assert "<updated>2019-01-12T00:00:00+04:00</updated>" in (live.output / "en" / "feed.atom").read_text(encoding="utf-8")
    assert_same_as_a_full_build(live, tmp_path)


def test_a_renamed_release_leaves_a_page_at_its_old_address_until_the_alias_goes(live, tmp_path):
    path = edit(live, "2018/2018-03-09-women-police.en.md", "lang: en\n", "lang: en\nslug: women-in-policing\naliases: [women-police]\n")
    assert live.refresh().kind == "releases"
    old = (live.output / "en" / "news" / "women-police" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=https://example.org/newsroom/en/news/women-in-policing/"' in old
    assert (live.output / "en" / "news" / "women-in-policing" / "index.html").is_file()
    assert_same_as_a_full_build(live, tmp_path)

    save(path, path.read_text(encoding="utf-8").replace("aliases: [women-police]\n", ""))
    assert live.refresh().kind == "releases"
    assert not (live.output / "en" / "news" / "women-police").exists()
    assert_same_as_a_full_build(live, tmp_path)


def test_a_withdrawal_takes_the_release_off_every_list_and_back(live, tmp_path):
    names = ("2018/2018-06-06-eu-tablets.en.md", "2018/2018-06-06-eu-tablets.ka.md")
    paths = [edit(live, name, "partners: [mia]\n", "partners: [mia]\nwithdrawn: 2019-02-01\n") for name in names]
    assert live.refresh().kind == "releases"
    assert "This press release was withdrawn on" in (live.output / "en" / "news" / "eu-tablets" / "index.html").read_text(encoding="utf-8")
    for page in ("en/index.html", "ka/index.html", "en/partners/eu/index.html", "ka/topics/policing/index.html",
                 "en/news/women-police/index.html", "en/feed.atom", "ka/feed.atom", "sitemap.xml"):
        assert "news/eu-tablets/" not in (live.output / page).read_text(encoding="utf-8"), page
    assert_same_as_a_full_build(live, tmp_path)

    for path in paths:
        save(path, path.read_text(encoding="utf-8").replace("withdrawn: 2019-02-01\n", ""))
    assert live.refresh().kind == "releases"
    assert "news/eu-tablets/" in (live.output / "en" / "index.html").read_text(encoding="utf-8")
    assert_same_as_a_full_build(live, tmp_path)


def test_a_release_withdrawn_in_one_language_is_reported_as_a_cold_build_reports_it(live, tmp_path):
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "partners: [mia]\n", "partners: [mia]\nwithdrawn: 2019-02-01\n")
    assert live.refresh().kind == "releases"
    assert assert_same_problems_as_a_cold_build(live, tmp_path) == [
        "content/releases/2018/2018-06-06-eu-tablets.ka.md: 'withdrawn': none disagrees with its twin "
        "content/releases/2018/2018-06-06-eu-tablets.en.md (2019-02-01); the language versions of one release are withdrawn "
        "together, on the same day"]
    assert_same_as_a_full_build(live, tmp_path)


def test_a_withdrawn_releases_photo_leaves_the_preview(live, tmp_path):
    assert list((live.output / "images" / "sized").glob("conference-*"))
    edit(live, "2018/2018-03-09-women-police.en.md", "lang: en\n", "lang: en\nwithdrawn: 2019-02-01\n")
    assert live.refresh().kind == "releases"
    assert not list((live.output / "images" / "sized").glob("conference-*"))
    assert_same_as_a_full_build(live, tmp_path)


# -- attached documents: a refresh writes what a full build writes -----------------------------------

UNATTACHED = ("is attached to no release (or only to one with a problem of its own); "
              "attach it to its release under 'attachments:', or delete it")
ATTACHED = "lang: en\nattachments:\n  - title: The tablets' manual\n    file: files/manual.pdf\n"


def pdf(size: tuple[int, int]) -> bytes:
    """A real PDF (Pillow's writer): the larger the picture in it, the larger the file."""
    out = io.BytesIO()
    Image.new("P", size).save(out, "PDF")
    return out.getvalue()


def save_bytes(path: Path, data: bytes) -> None:
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, ns=(before + 10**9, before + 10**9))


def documents_listed(session: Session, url: str) -> list[str]:
    html = BeautifulSoup((session.output / url / "index.html").read_text(encoding="utf-8"), "lxml")
    return [item.get_text(" ", strip=True) for item in html.select(".documents li")]


def test_a_document_added_attached_replaced_and_detached(live, tmp_path):
    manual = live.content / "files" / "manual.pdf"
    save_bytes(manual, pdf((40, 30)))
    assert live.refresh().kind == "full"
    assert reported(live) == [f"content/files/manual.pdf: {UNATTACHED}"]  # …and not published
    assert not (live.output / "files").exists()
    assert_same_as_a_full_build(live, tmp_path)

    path = edit(live, "2018/2018-06-06-eu-tablets.en.md", "lang: en\n", ATTACHED)
    assert live.refresh().kind == "releases"
    assert documents_listed(live, "en/news/eu-tablets") == ["The tablets' manual PDF, 3 KB PDF, 3,312 bytes"]
    assert (live.output / "files" / "manual.pdf").read_bytes() == manual.read_bytes()
    assert reported(live) == []
    assert_same_as_a_full_build(live, tmp_path)

    save_bytes(manual, pdf((800, 750)))  # a new version of the document, under the same name
    assert live.refresh().kind == "full"
    assert documents_listed(live, "en/news/eu-tablets") == ["The tablets' manual PDF, 1.2 MB PDF, 1,216,278 bytes"]
    assert (live.output / "files" / "manual.pdf").read_bytes() == manual.read_bytes()
    assert_same_as_a_full_build(live, tmp_path)

    save(path, path.read_text(encoding="utf-8").replace(ATTACHED, "lang: en\n"))
    assert live.refresh().kind == "releases"
    assert documents_listed(live, "en/news/eu-tablets") == []
    assert not (live.output / "files").exists()
    assert assert_same_problems_as_a_cold_build(live, tmp_path) == [f"content/files/manual.pdf: {UNATTACHED}"]
    assert_same_as_a_full_build(live, tmp_path)


def test_a_deleted_document_is_reported_as_a_cold_build_reports_it(live, tmp_path):
    save_bytes(live.content / "files" / "manual.pdf", pdf((40, 30)))
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "lang: en\n", ATTACHED)
    live.refresh()
    live.refresh()
    assert (live.output / "files" / "manual.pdf").is_file()
    (live.content / "files" / "manual.pdf").unlink()
    assert live.refresh().kind == "full"
    assert assert_same_problems_as_a_cold_build(live, tmp_path) == [
        "content/releases/2018/2018-06-06-eu-tablets.en.md: 'attachments[1].file': 'files/manual.pdf' does not exist under content/; "
        "check the spelling, or add the document to content/files/"]
    assert problems_shown(live, "en/news/eu-tablets/") == assert_same_problems_as_a_cold_build(live, tmp_path)
    assert not (live.output / "files").exists()
    assert_same_as_a_full_build(live, tmp_path)


def test_a_withdrawn_releases_document_leaves_the_preview_and_comes_back(live, tmp_path):
    save_bytes(live.content / "files" / "manual.pdf", pdf((40, 30)))
    edit(live, "2018/2018-06-06-eu-tablets.en.md", "lang: en\n", ATTACHED)
    live.refresh()
    live.refresh()
    names = ("2018/2018-06-06-eu-tablets.en.md", "2018/2018-06-06-eu-tablets.ka.md")
    paths = [edit(live, name, "partners: [mia]\n", "partners: [mia]\nwithdrawn: 2019-02-01\n") for name in names]
    assert live.refresh().kind == "releases"
    assert not (live.output / "files").exists()
    assert documents_listed(live, "en/news/eu-tablets") == []
    assert_same_as_a_full_build(live, tmp_path)
    for path in paths:
        save(path, path.read_text(encoding="utf-8").replace("withdrawn: 2019-02-01\n", ""))
    assert live.refresh().kind == "releases"
    assert (live.output / "files" / "manual.pdf").is_file()
    assert_same_as_a_full_build(live, tmp_path)
