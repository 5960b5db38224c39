"""Tasks for people who write and run the newsroom: `invoke --list` shows them all."""

import functools
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


def under_actions() -> bool:
    """Run by GitHub Actions: problems are also shown as annotations on the file and line at fault."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def one_line_failures(command: str):
    """A task that never ends in a Python traceback: a fault of the tool itself (not of the
    content, which the task reports line by line) is said in one line, and the task fails."""
    def decorate(body):
        @functools.wraps(body)
        def run(*args, **kwargs):
            try:
                return body(*args, **kwargs)
            except (SystemExit, KeyboardInterrupt):
                raise
            except Exception as error:  # noqa: BLE001 - one line, never a traceback
                fail(command, f"{command} could not run: {type(error).__name__}: {error} "
                              "(a fault of the tools, not of the content: tell the developers)")
        return run
    return decorate


def fail(command: str, line: str) -> None:
    """Stop `command` with one line, which under GitHub Actions is also an annotation on the run."""
    if under_actions():
        from newsroom import annotations

        print(annotations.error(None, None, line, title=command), flush=True)
    sys.exit(line)


def report(located, headline: str, advice: str, title: str = "Content problem") -> None:
    """Problems as GitHub Actions shows them: a red annotation each on the run's page and its
    file, the headline, the problems and what to do on the run's summary."""
    from newsroom import annotations

    for item in located:
        print(annotations.error(item.path, item.line, item.text, title), flush=True)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and located:
        with open(summary, "a", encoding="utf-8") as page:
            page.write(annotations.summary(located, headline, advice))


def source_text(path: str) -> str | None:
    """The text of a file named by a problem (a path from the project's folder), if it can be read."""
    try:
        return (ROOT / path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def preview_at(port) -> None:
    """The preview's links point where it is served, unless SITEURL in the environment says otherwise:
    http://localhost:PORT, or in a GitHub Codespace the address its port forwarding gives PORT."""
    codespace = os.environ.get("CODESPACE_NAME"), os.environ.get("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN")
    address = f"https://{codespace[0]}-{port}.{codespace[1]}" if all(codespace) else f"http://localhost:{port}"
    os.environ.setdefault("SITEURL", address)


def bind_address() -> str:
    """Where the preview listens: this machine only (127.0.0.1), unless NEWSROOM_BIND says otherwise
    (the devcontainer says 0.0.0.0, so that the editor's port forwarding reaches it)."""
    return os.environ.get("NEWSROOM_BIND") or "127.0.0.1"


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port=8000):
    """Build the preview site and serve it at http://localhost:PORT/ (Ctrl-C stops)."""
    from newsroom import server

    preview_at(port)
    build(c)
    # not `pelican --listen`: it answers an address the site does not have with no reply at all
    server.serve(Path(settings()["OUTPUT_PATH"]), int(port), bind_address())


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
    # one port for the pages and the reload socket, which the pages find at their own address:
    # through a forwarded port (a devcontainer, a Codespace) the reload works as it does locally
    server.serve(host=bind_address(), port=port, root=str(session.output))


@task(help={"port": "port of the preview and the editor (default 8000)",
            "backend_port": "port of decap-server, which saves into this working copy (default 8081)"})
def cms(c, port=8000, backend_port=8081):
    """Write and translate releases in the browser at http://localhost:PORT/admin/; each save lands in content/ and the preview."""
    import subprocess

    server = ROOT / "admin" / "node_modules" / ".bin" / "decap-server"
    if not server.is_file():  # ./dev cms installs it (admin/package-lock.json)
        sys.exit("The editor is not installed: run ./dev cms (or npm ci in admin/)")
    # decap-server saves what the editor sends into this working copy: the releases, the photos
    env = {**os.environ, "PORT": str(backend_port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(ROOT), "MODE": "fs"}
    backend = subprocess.Popen([str(server)], cwd=ROOT, env=env)
    os.environ["NEWSROOM_ADMIN"] = "1"
    os.environ["NEWSROOM_ADMIN_LOCAL"] = f"http://127.0.0.1:{backend_port}/api/v1"  # bound there only: no one else on the network
    print(f"The editor: http://localhost:{port}/admin/ (each save is a file in content/; the preview refreshes)", flush=True)
    try:
        livereload(c, port)
    finally:
        backend.terminate()
        backend.wait(timeout=10)


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


CHECK_ADVICE = ("What to do: open each file named above (on GitHub: the repository's Code tab), go to "
                "the line, make the change its problem says, and commit. The site is checked and "
                "published again from that commit; until then the last published site stays as it was.")


@task
@one_line_failures("./dev check")
def check(c):
    """Check every release and registry without building; exits non-zero on any problem."""
    from newsroom import annotations, commands

    problems = commands.check(settings())
    headline = f"{annotations.count(len(problems), 'problem')} in the content"
    if under_actions():
        report([annotations.locate(problem, source_text(problem.path)) for problem in problems],
               f"{headline}: nothing was published", CHECK_ADVICE)
    else:
        for problem in problems:  # where the build prints them: standard error
            print(problem, file=sys.stderr)
    if problems:
        sys.exit(headline)
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
    """Compile requirements*.in into requirements.lock, requirements-verify.lock and
    requirements-test.lock, with hashes."""
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
            c.run(f"{compile_} -c requirements.lock -o requirements-verify.lock requirements-verify.in", env=env)
            c.run(f"{compile_} -c requirements.lock -c requirements-verify.lock -o requirements-test.lock "
                  "requirements-test.in", env=env)


VERIFY_ADVICE = ("What to do: a problem that names a release file is fixed there, on the line given, "
                 "then commit; any other is made by the theme or the plugin: tell the developers. "
                 "Nothing was published.")


@task(help={"site": "the built site's folder (default output/)",
            "siteurl": "the address it was built for (default: SITEURL, else publishconf.py's)"})
@one_line_failures("./dev verify")
def verify(c, site="output", siteurl=None):
    """Check a built site as its readers' tools do: links and anchors, the W3C Nu HTML checker,
    axe-core in Chromium, the Atom feeds, the sitemap; one line per problem, non-zero exit on any."""
    from newsroom import annotations, commands, reader
    from sitecheck import sources
    from sitecheck.builtsite import BuiltSite
    from sitecheck.verify import Missing, run

    folder = Path(site)
    if not (folder / "index.html").is_file():
        fail("./dev verify", f"{site}/ holds no built site (no index.html): build it first with ./dev publish")
    if not os.environ.get("SITEURL"):  # empty (CI, not main) is publishconf.py's default, as the build took it
        os.environ.pop("SITEURL", None)
    pelican_settings = settings("publishconf.py")
    address = (siteurl or pelican_settings["SITEURL"]).rstrip("/")
    releases, _ = commands.read_releases(pelican_settings)  # the check's problems are ./dev check's
    pages = sources.release_pages(
        (sources.Release(release.path, release.lang, release.slug, release.aliases) for release in releases),
        reader.site_for(pelican_settings).article_url)
    try:
        findings = run(BuiltSite(folder.resolve(), address))
    except Missing as missing:
        fail("./dev verify", f"./dev verify: {missing}")
    shown = folder.as_posix().rstrip("/")
    mapped = [sources.locate(finding.check, finding.text, pages, address, shown, source_text) for finding in findings]
    headline = f"{annotations.count(len(mapped), 'problem')} in the built site"
    if under_actions():
        report(mapped, f"{headline}: nothing was published", VERIFY_ADVICE, "Problem in the built site")
    else:
        for item in mapped:
            print(item.text, file=sys.stderr)
    if mapped:
        sys.exit(headline)
    print(f"No problems in the built site ({len(list(folder.rglob('*.html')))} pages, its feeds and sitemap).")
