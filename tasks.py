"""Tasks for people who write and run the newsroom: `invoke --list` shows them all."""

import os
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

PELICAN = f"{sys.executable} -m pelican"
CATALOGS = "theme/translations"
POT = f"{CATALOGS}/messages.pot"
PYBABEL = Path(sys.executable).parent / "pybabel"


def settings(path="pelicanconf.py"):
    from pelican.settings import read_settings

    return read_settings(str(ROOT / path))


def preview_at(port) -> None:
    """The preview's links point where it is served, unless SITEURL in the environment says otherwise."""
    os.environ.setdefault("SITEURL", f"http://localhost:{port}")


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port=8000):
    """Build the preview site and serve it at http://localhost:PORT/ (Ctrl-C stops)."""
    from newsroom import server

    preview_at(port)
    build(c)
    # not `pelican --listen`: it answers an address the site does not have with no reply at all
    server.serve(Path(settings()["OUTPUT_PATH"]), int(port))


@task(help={"port": "port to serve on (default 8000)"})
def livereload(c, port=8000):
    """Serve the preview and, on every save, rewrite what the change touches and refresh the browser."""
    from livereload import Server

    from newsroom.session import Session

    # The session keeps the site in memory: saving a release rewrites its pages, its twin's and
    # the lists it is on; any other change rebuilds the whole site. Search waits for `./dev build`.
    preview_at(port)
    session = Session(settings(), watched=(ROOT / "pelicanconf.py",))
    session.build()

    def refresh():
        try:
            print(session.refresh(), flush=True)
        except Exception as error:  # noqa: BLE001 - e.g. a template that does not parse: fix, save, go on
            print(f"newsroom: the build failed ({error}); fix the file and save it again", flush=True)

    server = Server()
    for path in session.watched:
        server.watch(str(path), refresh)
    server.serve(host="127.0.0.1", port=port, root=str(session.output))


@task(
    iterable=["partner"],
    help={
        "lang": "the language you write in: en or ka",
        "title": "the headline",
        "partner": "a partner key from content/partners.yml (repeat for several)",
        "twin": "also create a stub for the other language, sharing the translation key",
        "date": "publication date YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known (default: today in Tbilisi)",
        "approximate": "the date is an estimate (adds 'date_approximate: true')",
        "draft": "keep it off the published site until you remove 'draft: true'",
    },
)
def new(c, lang=None, title=None, partner=None, twin=False, date=None, approximate=False, draft=False):
    """Create a new release file with valid front-matter and print its path."""
    import dataclasses
    import datetime
    import zoneinfo

    from newsroom import audit, datefields, dates, frontmatter, reader, references, scaffold, settings as newsroom_settings
    from newsroom.errors import OptionError

    pelican_settings = settings()
    codes = newsroom_settings.config(pelican_settings).codes
    site = reader.site_for(pelican_settings)
    # every problem of the options on a line of its own, worded as `./dev check` words it; one stop
    said = scaffold.missing(lang, title, codes)
    if said:
        sys.exit("\n".join(said))
    today = datetime.datetime.now(zoneinfo.ZoneInfo(pelican_settings["TIMEZONE"])).date()
    day = dates.PublicationDate(datetime.datetime.combine(today, datetime.time()))
    unread: list[str] = []  # what is wrong with --date, if it cannot be read
    if date:
        day = datefields.publication_date(date, unread.append) or day  # today's stands in, to check the rest
        said += [f"--date {message}" for message in unread]
    day = dataclasses.replace(day, approximate=approximate)
    twin_lang = next(code for code in codes if code != lang) if twin else None
    content = Path(pelican_settings["PATH"])
    try:
        files = scaffold.new_release(content, title, lang, day, list(partner or []), twin_lang, draft)
    except OptionError as error:
        sys.exit("\n".join([*said, str(error)]))
    registries = audit.load_registries(content, codes)
    known = {"partners": registries.partners, "topics": registries.topics}
    for file in files:
        if file.path.exists():
            said.append(f"{file.path.relative_to(ROOT)} already exists; choose another title, or edit that file")
        shown = reader.display_path(str(file.path), str(content))
        release, _, problems = frontmatter.parse(file.text, shown, site)
        if release is not None:
            problems += references.check([release], known, photos=None)
        said += [scaffold.as_option(problem) for problem in problems if not (unread and problem.field == "date")]
    if said:
        sys.exit("\n".join(dict.fromkeys(said)))  # a twin's stub says its twin's problems again: once
    for file in files:
        file.path.parent.mkdir(parents=True, exist_ok=True)
        file.path.write_text(file.text, encoding="utf-8")
        print(file.path.relative_to(ROOT))
    if not date:  # an archive item written today must not be dated today: say which day was used
        print(f"Dated {day.iso()}, today in Tbilisi; for another day give --date YYYY-MM-DD "
              "(or YYYY-MM, YYYY when the day is not known)", file=sys.stderr)


@task
def build(c):
    """Build the local preview (drafts and embargoed releases shown, marked) into output/."""
    c.run(f"{PELICAN} content -s pelicanconf.py")


@task
def publish(c):
    """The strict production build: any content problem fails it and nothing is published."""
    c.run(f"{PELICAN} content -s publishconf.py")


@task
def check(c):
    """Check every release and registry without building; exits non-zero on any problem."""
    from newsroom import commands

    problems = commands.check(settings())
    for problem in problems:  # where the build prints them: standard error
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the content")
    print(f"No problems in {len(commands.release_files(settings()))} release files.")


@task
def translations(c):
    """Every release with its languages present or missing, and which version changed last."""
    from newsroom import commands, settings as newsroom_settings, translation_report

    pelican_settings = settings()
    codes = newsroom_settings.config(pelican_settings).codes
    releases, problems = commands.read_releases(pelican_settings)
    print(translation_report.render(translation_report.rows(releases, codes, translation_report.git_changed_at(ROOT)), codes))
    for line in translation_report.misdated(releases):
        print(line)
    if problems:
        print(f"({len(problems)} files have problems and are not listed: run `invoke check`)")


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect the theme's translatable strings into theme/translations/messages.pot."""
    c.run(f"{PYBABEL} extract -F babel.cfg --no-location --sort-output -k _ -k _in:2 -k gettext -k ngettext:1,2 "
          f"--project iom-georgia-newsroom --version 1.0 -o {POT} .")


@task(name="i18n-update", pre=[i18n_extract])
def i18n_update(c):
    """Merge new strings into each language's .po file (then translate the empty ones)."""
    c.run(f"{PYBABEL} update --no-fuzzy-matching -i {POT} -d {CATALOGS} -D messages --ignore-obsolete")


@task(name="i18n-compile")
def i18n_compile(c):
    """Compile the .po files to .mo (the build compiles them itself; this is for other tools)."""
    c.run(f"{PYBABEL} compile --statistics -d {CATALOGS} -D messages")


# The locks are compiled for the Python that CI builds with (.github/workflows/site.yml): a
# dependency that only some Python versions need would be missing from a lock compiled on another.
LOCK_PYTHON = (3, 11)
PIP_TOOLS = "pip-tools==7.6.2"


@task
def lock(c):
    """Compile requirements*.in into requirements.lock and requirements-test.lock, with hashes."""
    import tempfile

    if sys.version_info[:2] != LOCK_PYTHON:
        sys.exit(f"./dev lock: the locks are compiled with Python {'.'.join(map(str, LOCK_PYTHON))}, "
                 f"the version CI uses; this is {sys.version.split()[0]}")
    # --generate-hashes: every file of every version gets its sha256, and `./dev` installs with
    # --require-hashes. --strip-extras: pagefind[bin] is recorded as pagefind and pagefind-bin, so
    # the runtime lock can constrain the test lock. No index, find-links or host is written: the
    # locks name packages and hashes, not where this machine found them.
    options = ("--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url "
               "--no-emit-find-links --no-emit-trusted-host")
    # pip-tools runs from a virtualenv of its own, so it never mixes with the site's packages.
    with tempfile.TemporaryDirectory(prefix="newsroom-lock-") as tools:
        bin_dir = Path(tools) / "bin"
        c.run(f"{sys.executable} -m venv {tools}")
        c.run(f"{bin_dir / 'python'} -m pip install --quiet --disable-pip-version-check {PIP_TOOLS}")
        compile_ = f"{bin_dir / 'pip-compile'} {options}"
        env = {"CUSTOM_COMPILE_COMMAND": "./dev lock"}  # the header says how to regenerate the file
        with c.cd(str(ROOT)):
            c.run(f"{compile_} -o requirements.lock requirements.in", env=env)
            # Constrained by the runtime lock: a package both need gets the same version in both.
            c.run(f"{compile_} -c requirements.lock -o requirements-test.lock requirements-test.in", env=env)
