"""CI's two paths, run as CI runs them.

The content path's commands are read from .github/workflows/site.yml (the `run:` lines of the
steps a push to a branch runs, in order, in the build job and then the verify job) and run with
bash as GitHub runs a step, under GITHUB_ACTIONS=true, on a scratch copy of the project holding
a fixture site (tests/roots/bilingual) as its content/. Between the jobs the built site is handed
on as upload-pages-artifact and download-artifact do: one tar file, into a fresh copy.

And `.ci/changed.py`, which decides whether a run takes the code path too, on a real git history.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import tarfile

import pytest
import yaml

from conftest import ROOT, ROOTS

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
TYPO_FILE = "content/releases/2018/2018-03-09-women-police.en.md"
ANNOTATION = re.compile(r"^::error file=(?P<file>[^,]*),line=(?P<line>\d+),title=(?P<title>[^:]*)::(?P<message>.*)$",
                        re.MULTILINE)


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# the workflow's conditions, evaluated as tests/unit/test_workflow.py evaluates them
rules = load("workflow_rules", ROOT / "tests" / "unit" / "test_workflow.py")
changed = load("changed", ROOT / ".ci" / "changed.py")


def content_path() -> dict[str, list[str]]:
    """The `run:` lines of the content path, job by job, for a push to a branch."""
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return {job: rules.commands(jobs[job], "push", rules.FEATURE) for job in ("build", "verify")}


def checkout(destination, content=ROOTS / "bilingual" / "content"):
    """What actions/checkout gives a job: the project's files, with a fixture site as content/;
    the virtualenv and npm packages this machine already installed from the same locks."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in tracked.stdout.split("\0"):
        if name and not name.startswith(("content/", "tests/", "bench/", "docs/")) and (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
    shutil.copytree(content, destination / "content")
    for name in (".venv", "node_modules"):
        (destination / name).symlink_to(ROOT / name)
    return destination


def run_job(lines, project, environment) -> tuple[int, str]:
    """Each line as a step (`bash -e`), in order; a failed step ends the job, as in Actions."""
    log = []
    for line in lines:
        step = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", line], cwd=project, env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
        log.append(step.stdout)
        if step.returncode != 0:
            return step.returncode, "".join(log)
    return 0, "".join(log)


@pytest.fixture
def actions(tmp_path):
    """The environment of a step on GitHub's runner, as far as our commands read it."""
    summary = tmp_path / "summary.md"
    environment = {name: value for name, value in os.environ.items()
                   if not name.startswith(("GITHUB_", "RUNNER_")) and name != "SITEURL"}
    environment |= {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary),
                    "RUNNER_TEMP": str(tmp_path / "runner-temp")}
    (tmp_path / "runner-temp").mkdir()
    return environment, summary


def test_the_content_path_runs_check_publish_then_verify():
    assert content_path() == {
        "build": ["./dev check", "./dev publish"],
        "verify": ['mkdir -p output && tar -xf "$RUNNER_TEMP/site/artifact.tar" -C output', "./dev verify"],
    }


def test_a_partner_typo_is_one_annotation_on_its_file_and_line(tmp_path, actions):
    environment, summary = actions
    project = checkout(tmp_path / "build")
    release = project / TYPO_FILE
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("partners: [mia]", "partners: [mai]", 1), encoding="utf-8")
    line = text.splitlines().index("partners: [mia]") + 1

    status, log = run_job(content_path()["build"], project, environment)

    assert status != 0
    assert "Traceback" not in log
    message = (f"{TYPO_FILE}: 'partners': unknown partner 'mai'; did you mean 'mia'? "
               "expected one of: 'eu', 'mia', 'ncdc'")
    (annotation,) = [match.groupdict() for match in ANNOTATION.finditer(log)]
    assert annotation == {"file": TYPO_FILE, "line": str(line), "title": "Content problem", "message": message}
    assert log.count("::") == 2, "no other workflow command"
    assert not (project / "output").exists(), "the build does not run after a failed check"
    page = summary.read_text(encoding="utf-8")
    assert page.startswith("### 1 problem in the content: nothing was published\n")
    assert f"- `{TYPO_FILE}`, line {line}: 'partners': unknown partner 'mai'" in page


def test_without_the_typo_the_site_is_built_and_verified(tmp_path, actions):
    environment, summary = actions
    build = checkout(tmp_path / "build")
    status, log = run_job(content_path()["build"], build, environment)
    assert status == 0, log
    assert "Traceback" not in log and "::error" not in log

    # upload-pages-artifact: the output folder as one tar file; download-artifact: into a
    # folder of the runner's temp, in the verify job's fresh checkout
    (tmp_path / "runner-temp" / "site").mkdir()
    with tarfile.open(tmp_path / "runner-temp" / "site" / "artifact.tar", "w") as artifact:
        artifact.add(build / "output", arcname=".")
    verify = checkout(tmp_path / "verify")
    status, log = run_job(content_path()["verify"], verify, environment)

    assert status == 0, log
    lines = log.splitlines()
    assert len(lines) == 1 and re.fullmatch(r"No problems in the built site \(\d+ pages, its feeds and sitemap\)\.",
                                            lines[0]), log
    assert not summary.exists(), "nothing to report"


def test_a_broken_link_in_a_release_is_reported_on_its_line(tmp_path, actions):
    """What the build cannot know (the site's own address as a reader follows it) verify reports,
    on the line of the release file that holds the link."""
    environment, _ = actions
    project = checkout(tmp_path / "build")
    release = project / TYPO_FILE
    text = release.read_text(encoding="utf-8")
    link = "https://iom-georgia.github.io/newsroom/en/news/no-such-release/"
    release.write_text(text + f"\nRead [the earlier release]({link}).\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    status, log = run_job(content_path()["build"], project, environment)
    assert status == 0, log
    status, log = run_job(["./dev verify"], project, environment)
    assert status != 0 and "Traceback" not in log
    (annotation,) = [match.groupdict() for match in ANNOTATION.finditer(log)]
    assert (annotation["file"], annotation["line"], annotation["title"]) == (TYPO_FILE, str(line), "Problem in the built site")
    assert annotation["message"] == (
        f"{TYPO_FILE}: line {line}: in its page en/news/women-police/index.html: href '{link}': "
        "no such file en/news/no-such-release/index.html; correct the address on that line of the release, "
        "or remove the link")


def test_a_fault_of_the_tools_is_one_line_never_a_traceback(tmp_path, actions):
    project = checkout(tmp_path / "build")
    settings = project / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8") + "NEWSROOM_LANGUAGES = 5\n", encoding="utf-8")
    status, log = run_job(["./dev check"], project, actions[0])
    assert status != 0 and "Traceback" not in log
    line = ("./dev check could not run: SettingsError: newsroom: setting NEWSROOM_LANGUAGES must map language codes "
            "to {'locale': …, 'sitename': …}; got 5 (a fault of the tools, not of the content: tell the developers)")
    assert log.splitlines() == [f"::error title=./dev check::{line}", line]


# -- The officer guide's partner, with a logo file that does not exist ------------------------------

def guide_partner() -> str:
    """The partner example of docs/officer-guide.md, as an officer copies it."""
    guide = (ROOT / "docs" / "officer-guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Adding a partner or a topic"):]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_guides_partner_with_a_missing_logo_is_refused_by_check_and_build(tmp_path, actions):
    environment, _ = actions
    project = checkout(tmp_path / "build")
    partner = guide_partner()
    assert "logo: images/partners/" in partner
    registry = project / "content" / "partners.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + partner, encoding="utf-8")
    line = registry.read_text(encoding="utf-8").splitlines().index(
        next(row for row in partner.splitlines() if row.strip().startswith("logo:"))) + 1
    logo = re.search(r"logo: (\S+)", partner)[1]

    status, log = run_job(["./dev check"], project, environment)
    assert status != 0 and "Traceback" not in log
    (annotation,) = [match.groupdict() for match in ANNOTATION.finditer(log)]
    key = partner.split(":", 1)[0]
    assert annotation == {"file": "content/partners.yml", "line": str(line), "title": "Content problem",
                          "message": f"content/partners.yml: '{key}.logo': '{logo}' does not exist under content/; "
                                     "check the spelling, or add the logo to content/images/"}

    status, log = run_job(["./dev publish"], project, {**environment, "GITHUB_ACTIONS": ""})
    assert status != 0 and "Traceback" not in log
    assert f"content/partners.yml: '{key}.logo': '{logo}' does not exist under content/" in log
    assert not (project / "output").exists()


def test_the_guides_annotation_is_what_check_prints(tmp_path, actions):
    """docs/officer-guide.md shows an annotation as printed: the seed's release (as in the rich
    fixture, which has the seed's releases and partners), with the typo the guide describes, gives
    exactly that line."""
    guide = (ROOT / "docs" / "officer-guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## When the site is not published"):]
    (shown,) = [line.strip() for line in section.split("## ", 2)[1].splitlines() if line.strip().startswith("::error")]
    annotation = ANNOTATION.match(shown)
    project = checkout(tmp_path / "build", content=ROOTS / "rich" / "content")
    release = project / annotation["file"]
    text = release.read_text(encoding="utf-8")
    assert text.splitlines()[int(annotation["line"]) - 1] == "partners: [mia]"
    release.write_text(text.replace("partners: [mia]", "partners: [mai]", 1), encoding="utf-8")
    status, log = run_job(["./dev check"], project, actions[0])
    assert status != 0
    assert [line for line in log.splitlines() if line.startswith("::")] == [shown]


# -- Content only, or code too? -------------------------------------------------------------------

@pytest.mark.parametrize("paths, path", [
    (["content/releases/2026/2026-05-02-office.en.md"], "content"),
    (["content/releases/2026/a.en.md", "content/images/2026/a.jpg", "content/partners.yml"], "content"),
    ([], "content"),  # an empty commit changes nothing the tests cover
    (["content/releases/2026/a.en.md", "theme/templates/base.html"], "code"),
    (["plugins/newsroom/frontmatter.py"], "code"),
    (["requirements.lock"], "code"),
    ([".github/workflows/site.yml"], "code"),
    (["tests/roots/bilingual/content/partners.yml"], "code"),  # a fixture's content/ is a test's
    (["contents.md"], "code"),
    (None, "code"),  # not known: a new branch, a force-push
])
def test_the_classifier(paths, path):
    assert changed.classify(paths) == path


def git(repository, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repository,
                          capture_output=True, text=True, check=True).stdout.strip()


def commit(repository, files: dict[str, str]) -> str:
    for name, text in files.items():
        (repository / name).parent.mkdir(parents=True, exist_ok=True)
        (repository / name).write_text(text, encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "x")
    return git(repository, "rev-parse", "HEAD")


@pytest.fixture
def history(tmp_path):
    repository = tmp_path / "repository"
    repository.mkdir()
    git(repository, "init", "-q")
    start = commit(repository, {"tasks.py": "", "content/partners.yml": "eu:\n"})
    release = commit(repository, {"content/releases/2026/a.en.md": "---\n"})
    code = commit(repository, {"content/releases/2026/b.en.md": "---\n", "theme/base.html": "<html>"})
    renamed = commit(repository, {"content/tasks.py": ""})
    git(repository, "rm", "-q", "tasks.py")
    git(repository, "commit", "-q", "-m", "move")
    return repository, start, release, code, renamed, git(repository, "rev-parse", "HEAD")


def test_the_pushed_range_decides(history):
    repository, start, release, code, renamed, moved = history
    assert changed.path_for("push", start, release, cwd=repository) == "content"
    assert changed.path_for("push", release, code, cwd=repository) == "code"
    assert changed.path_for("push", start, code, cwd=repository) == "code"
    assert changed.path_for("push", code, renamed, cwd=repository) == "content"
    assert changed.path_for("push", renamed, moved, cwd=repository) == "code", "a file moved out of the code"
    assert changed.path_for("pull_request", start, release, cwd=repository) == "content"


@pytest.mark.parametrize("event, before, path", [
    ("push", "0" * 40, "code"),  # a new branch: GitHub gives no "before"
    ("push", "", "code"),
    ("push", "1234567890abcdef1234567890abcdef12345678", "code"),  # force-pushed away: not in the clone
    ("schedule", "", "content"),  # the nightly run pushes nothing
    ("workflow_dispatch", "", "content"),
])
def test_no_usable_first_commit_counts_as_code(history, event, before, path):
    repository, *_, last = history
    assert changed.path_for(event, before, last, cwd=repository) == path


def test_the_answer_is_a_step_output(history, tmp_path):
    repository, start, release, code, *_ = history
    for after, expected in ((release, "code=false\n"), (code, "code=true\n")):
        output = tmp_path / "output"
        output.unlink(missing_ok=True)
        environment = {**os.environ, "EVENT": "push", "BEFORE": start, "AFTER": after, "GITHUB_OUTPUT": str(output)}
        ran = subprocess.run(["python3", str(ROOT / ".ci" / "changed.py")], cwd=repository, env=environment,
                             capture_output=True, text=True)
        assert ran.returncode == 0 and ran.stderr == ""
        assert output.read_text(encoding="utf-8") == expected
