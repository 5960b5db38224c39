""".github/workflows/site.yml: actionlint and zizmor find nothing in it, and it does what
docs/hosting.md says: the commands a person runs, a daily build for embargoes, a site built apart
from the test tools, and a Pages deployment from main only, in order, with the least privilege.
Two paths: content (check, build, verify, deploy) on every run, and the test suite only when code
changed, which the deployment then waits for.

The `if:` conditions are evaluated, not searched for substrings: `steps_run` plays a job for an
event and a branch and returns the steps that would run; `deploys` plays the deploy job's
condition over the results of the jobs it needs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
MAIN = "refs/heads/main"
PULL = "refs/pull/7/merge"
FEATURE = "refs/heads/new-release"


def binary(name: str) -> str:
    """A tool that requirements-test.lock installs into the virtualenv (or one on PATH)."""
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.is_file() else shutil.which(name)
    assert found, f"{name} is not installed: `./dev test` installs it from requirements-test.lock"
    return found


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([binary("actionlint"), "-no-color", "-oneline", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def zizmor(path: Path, output: str = "json") -> subprocess.CompletedProcess:
    """zizmor's audits of `path`, offline: no GitHub token, nothing asked of GitHub."""
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    return subprocess.run([binary("zizmor"), "--offline", "--no-progress", f"--format={output}", str(path)],
                          cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


def findings(path: Path) -> list[str]:
    """zizmor's findings on `path`, as their rule names (an empty list when it finds nothing)."""
    run = zizmor(path)
    assert run.returncode == 0 or run.stdout.lstrip().startswith("["), run.stderr
    return [finding["ident"] for finding in json.loads(run.stdout)]


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow["on"] if "on" in workflow else workflow[True]


# -- A tiny evaluator for the `if:` expressions the workflow uses ---------------------------------

TOKEN = re.compile(r"\s*(&&|\|\||==|!=|!|[A-Za-z_][\w.-]*\(\)|\(|\)|'(?:[^']|'')*'|[A-Za-z_][\w.-]*)")


def evaluate(expression: str, context: dict[str, str]) -> bool:
    """Evaluate `a == 'x' && (b != 'y' || !c())` over `context` (GitHub compares case-insensitively;
    a function without arguments, `cancelled()`, is looked up in `context` by that name)."""
    text = expression.strip().removeprefix("${{").removesuffix("}}").strip()
    tokens, position = [], 0
    while position < len(text.rstrip()):
        match = TOKEN.match(text, position)
        assert match, f"cannot read {text[position:]!r} in {expression!r}"
        tokens.append(match.group(1))
        position = match.end()
    tokens.append(None)

    def take():
        return tokens.pop(0)

    def value():
        token = take()
        if token == "(":
            result = either()
            assert take() == ")", expression
            return result
        if token == "!":
            return not value()
        if token.startswith("'"):
            return token[1:-1].replace("''", "'")
        assert token in context, f"unknown context {token!r} in {expression!r}"
        return context[token]

    def comparison():
        left = value()
        if tokens[0] in ("==", "!="):
            operator, right = take(), value()
            equal = str(left).lower() == str(right).lower()
            return equal if operator == "==" else not equal
        return left

    def both():
        result = comparison()
        while tokens[0] == "&&":
            take()
            result = comparison() and result
        return result

    def either():
        result = both()
        while tokens[0] == "||":
            take()
            result = both() or result
        return result

    result = either()
    assert tokens == [None], f"left over {tokens} in {expression!r}"
    return bool(result)


def render(template: str, context: dict[str, str]) -> str:
    """`template` with each `${{ name }}` replaced by its value in `context`."""
    def value(match: re.Match) -> str:
        assert match.group(1) in context, f"unknown context {match.group(1)!r} in {template!r}"
        return context[match.group(1)]
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", value, template)


def steps_run(job: dict, event: str, ref: str) -> list[dict]:
    """The steps of `job` that run for `event` on `ref`, every earlier step having succeeded."""
    context = {"github.event_name": event, "github.ref": ref}
    ran = []
    for step in job["steps"]:
        runs = evaluate(step["if"], context) if "if" in step else True
        if "id" in step:
            context[f"steps.{step['id']}.outcome"] = "success" if runs else "skipped"
            context[f"steps.{step['id']}.conclusion"] = "success" if runs else "skipped"
        if runs:
            ran.append(step)
    return ran


def job_runs(job: dict, event: str, ref: str) -> bool:
    return evaluate(job["if"], {"github.event_name": event, "github.ref": ref}) if "if" in job else True


def action(step: dict) -> str:
    return step.get("uses", "").partition("@")[0]


def commands(job: dict, event: str, ref: str) -> list[str]:
    return [step["run"].strip() for step in steps_run(job, event, ref) if "run" in step]


def needs(job: dict) -> list[str]:
    return [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", [])


def the_job_that_uploads(workflow: dict) -> dict:
    (job,) = [job for job in workflow["jobs"].values()
              if any(action(step) == "actions/upload-pages-artifact" for step in job["steps"])]
    return job


# -- actionlint -----------------------------------------------------------------------------------

def by_tag(text: str) -> str:
    """The workflow with each action's commit replaced by its major version's tag (`@v7`).

    actionlint knows the inputs and outputs of the official actions by tag, not by commit: linting
    this view too keeps a misspelt input or output of a pinned action from passing unseen."""
    return re.sub(r"@[0-9a-f]{40} # (v\d+)\S*", r"@\1", text)


def test_actionlint_finds_nothing(tmp_path):
    view = tmp_path / "site.yml"
    view.write_text(by_tag(WORKFLOW.read_text(encoding="utf-8")), encoding="utf-8")
    for path in (WORKFLOW, view):
        run = actionlint(path)
        assert (run.returncode, run.stdout + run.stderr) == (0, ""), path


# Realistic slips, made in a copy of the real workflow: each must make actionlint fail, with the
# rule that catches it.
BROKEN = {
    "a job that does not exist": ("needs: build", "needs: built", "[job-needs]"),
    "a step id that does not exist": ("steps.pages.outputs.base_url", "steps.page.outputs.base_url", "[expression]"),
    "an invalid permission": ("id-token: write", "id-token: writ", "[permissions]"),
    "an input the action does not have": ("path: output/", "directory: output/", "[action]"),
    "a broken expression": ("github.ref == 'refs/heads/main' &&", "github.ref = 'refs/heads/main' &&", "[expression]"),
}


@pytest.mark.parametrize("original, broken, message", list(BROKEN.values()), ids=list(BROKEN))
def test_actionlint_fails_on_a_broken_workflow(tmp_path, original, broken, message):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert original in text, f"the workflow no longer contains {original!r}: update this case"
    copy = tmp_path / "site.yml"
    copy.write_text(by_tag(text.replace(original, broken, 1)), encoding="utf-8")
    run = actionlint(copy)
    assert run.returncode != 0
    assert message in run.stdout, run.stdout


# -- zizmor ---------------------------------------------------------------------------------------

def test_zizmor_finds_nothing():
    run = zizmor(WORKFLOW)
    assert (run.returncode, json.loads(run.stdout)) == (0, []), zizmor(WORKFLOW, "plain").stdout


# Slips zizmor exists to catch, made in a copy of the real workflow: each must be found.
UNSAFE = {
    "credentials left in the checkout": ("        with:\n          persist-credentials: false\n", "", "artipacked"),
    "an action pinned to a tag": (re.compile(r"actions/checkout@[0-9a-f]{40}"), "actions/checkout@v7", "unpinned-uses"),
    "a branch name in a script": ("run: ./dev test", "run: ./dev test ${{ github.head_ref }}", "template-injection"),
}


@pytest.mark.parametrize("original, unsafe, rule", list(UNSAFE.values()), ids=list(UNSAFE))
def test_zizmor_finds_an_unsafe_workflow(tmp_path, original, unsafe, rule):
    text = WORKFLOW.read_text(encoding="utf-8")
    pattern = original if isinstance(original, re.Pattern) else re.compile(re.escape(original))
    assert pattern.search(text), f"the workflow no longer contains {original!r}: update this case"
    copy = tmp_path / "site.yml"
    copy.write_text(pattern.sub(lambda _: unsafe, text, count=1), encoding="utf-8")
    assert rule in findings(copy)


# -- When it runs ---------------------------------------------------------------------------------

def test_it_runs_on_push_pull_request_by_hand_and_daily(workflow):
    on = triggers(workflow)
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(on)
    (schedule,) = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "daily, so an embargoed release goes live on its date"


# -- What it runs: the commands a person runs -----------------------------------------------------

# Besides the commands a person runs, two steps of CI's own plumbing: which path a run takes, and
# unpacking the built site handed from the build job to the verify job.
PLUMBING = {"python3 .ci/changed.py", 'mkdir -p output && tar -xf "$RUNNER_TEMP/site/artifact.tar" -C output'}


def test_the_only_commands_are_the_ones_a_person_runs(workflow):
    run = {step["run"].strip() for job in workflow["jobs"].values() for step in job["steps"] if "run" in step}
    assert run - PLUMBING == {"./dev test", "./dev check", "./dev publish", "./dev verify"}
    assert PLUMBING <= run
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(command in readme for command in run - PLUMBING)


EVERY_RUN = [("pull_request", PULL), ("push", FEATURE), ("push", MAIN), ("schedule", MAIN), ("workflow_dispatch", MAIN)]


@pytest.mark.parametrize("event, ref", EVERY_RUN)
def test_every_run_checks_builds_strictly_and_verifies_the_built_site(workflow, event, ref):
    jobs = workflow["jobs"]
    assert job_runs(jobs["build"], event, ref) and job_runs(jobs["verify"], event, ref)
    assert commands(jobs["build"], event, ref) == ["./dev check", "./dev publish"]
    assert commands(jobs["verify"], event, ref)[-1] == "./dev verify"
    assert needs(jobs["verify"]) == ["build"], "the verify job checks the site the build job made"


def test_the_content_path_never_waits_for_the_tests(workflow):
    jobs = workflow["jobs"]
    assert needs(jobs["build"]) == [] and needs(jobs["verify"]) == ["build"]
    assert commands(jobs["test"], "push", MAIN) == ["./dev test"]


@pytest.mark.parametrize("code, runs", [("true", True), ("false", False), ("", False)])
def test_the_tests_run_only_when_code_changed(workflow, code, runs):
    test = workflow["jobs"]["test"]
    assert needs(test) == ["changes"]
    assert evaluate(test["if"], {"needs.changes.outputs.code": code}) is runs
    changes = workflow["jobs"]["changes"]
    (classify,) = [step for step in changes["steps"] if step.get("id") == "classify"]
    assert changes["outputs"]["code"] == "${{ steps.classify.outputs.code }}"
    assert classify["run"].strip() == "python3 .ci/changed.py"
    (checkout,) = [step for step in changes["steps"] if action(step) == "actions/checkout"]
    assert checkout["with"]["fetch-depth"] == 0, "the pushed range's first commit must be in the clone"


def test_the_verify_job_checks_the_site_the_build_job_handed_on(workflow):
    jobs = workflow["jobs"]
    upload = next(step for step in jobs["build"]["steps"] if action(step) == "actions/upload-pages-artifact")
    download = next(step for step in jobs["verify"]["steps"] if action(step) == "actions/download-artifact")
    assert upload["with"]["path"].rstrip("/") == "output"
    assert download["with"]["name"] == "github-pages"  # upload-pages-artifact's name
    unpack = next(step for step in jobs["verify"]["steps"] if "tar -xf" in step.get("run", ""))
    assert download["with"]["path"].replace("${{ runner.temp }}", "$RUNNER_TEMP") + "/artifact.tar" in unpack["run"]
    (verify,) = [step for step in jobs["verify"]["steps"] if step.get("run", "").strip() == "./dev verify"]
    pages = next(step for step in jobs["build"]["steps"] if action(step) == "actions/configure-pages")
    assert jobs["build"]["outputs"]["siteurl"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert verify["env"]["SITEURL"] == "${{ needs.build.outputs.siteurl }}", "checked at the address it was built for"
    assert not any(step.get("run", "").strip() == "./dev test" for step in jobs["verify"]["steps"])


def test_the_published_site_is_built_where_the_test_tools_never_were(workflow):
    # A job of its own, on a runner of its own: `./dev publish` installs requirements.lock only,
    # into a fresh checkout, so Playwright, pytest and the linters never touch what is published.
    build = the_job_that_uploads(workflow)
    assert not any(step.get("run", "").strip() in ("./dev test", "./dev verify") for step in build["steps"])
    assert action(build["steps"][0]) == "actions/checkout"
    assert build["steps"][0]["with"]["persist-credentials"] is False
    (python,) = [step for step in build["steps"] if action(step) == "actions/setup-python"]
    assert "cache" not in python["with"], "no cache, which another job could have written, is read"


@pytest.mark.parametrize("event, ref, published", [
    ("push", MAIN, True), ("schedule", MAIN, True), ("workflow_dispatch", MAIN, True),
    ("pull_request", PULL, False), ("pull_request", MAIN, False), ("push", FEATURE, False),
    ("workflow_dispatch", FEATURE, False),
])
def test_only_main_is_built_for_pages_and_deployed(workflow, event, ref, published):
    jobs = workflow["jobs"]
    steps = steps_run(jobs["build"], event, ref)
    used = [action(step) for step in steps]
    assert ("actions/configure-pages" in used) is published
    assert "actions/upload-pages-artifact" in used, "every run hands its site to the verify job"
    assert deploys(jobs["deploy"], event, ref, SUCCESS) is published
    if published:
        (build,) = [step for step in steps if step.get("run", "").strip() == "./dev publish"]
        pages = next(step for step in steps if action(step) == "actions/configure-pages")
        assert build["env"]["SITEURL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"


# -- When it deploys: the jobs it needs, as they ended ----------------------------------------------

SUCCESS = {"changes": "success", "build": "success", "verify": "success", "test": "success"}
CONTENT_ONLY = {**SUCCESS, "test": "skipped"}


def deploys(deploy: dict, event: str, ref: str, results: dict[str, str], cancelled: bool = False) -> bool:
    """Whether the deploy job runs, the jobs it needs having ended with `results`."""
    context = {"github.event_name": event, "github.ref": ref, "cancelled()": cancelled,
               "always()": True, "success()": all(result == "success" for result in results.values())}
    context |= {f"needs.{job}.result": result for job, result in results.items()}
    assert set(needs(deploy)) == set(results)
    return evaluate(deploy["if"], context) if "if" in deploy else context["success()"]


@pytest.mark.parametrize("results, deployed", [
    (SUCCESS, True),  # code changed and the tests passed
    (CONTENT_ONLY, True),  # a content-only run: the tests were skipped
    ({**SUCCESS, "test": "failure"}, False),
    ({**SUCCESS, "test": "cancelled"}, False),
    ({**CONTENT_ONLY, "verify": "failure"}, False),
    ({**CONTENT_ONLY, "verify": "skipped"}, False),  # the build failed, so verify did not run
    ({**CONTENT_ONLY, "build": "failure", "verify": "skipped"}, False),
    ({**CONTENT_ONLY, "changes": "failure"}, False),  # not knowing whether code changed
])
def test_deploy_needs_check_build_verify_and_the_tests_when_they_ran(workflow, results, deployed):
    assert deploys(workflow["jobs"]["deploy"], "push", MAIN, results) is deployed


def test_a_cancelled_run_does_not_deploy(workflow):
    assert deploys(workflow["jobs"]["deploy"], "push", MAIN, CONTENT_ONLY, cancelled=True) is False


def test_deploy_uses_the_official_action(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert workflow["jobs"]["build"] is the_job_that_uploads(workflow)
    (step,) = deploy["steps"]
    assert action(step) == "actions/deploy-pages"
    assert deploy["environment"] == {"name": "github-pages", "url": f"${{{{ steps.{step['id']}.outputs.page_url }}}}"}


def test_a_deployment_in_progress_is_never_cancelled(workflow):
    concurrency = workflow["jobs"]["deploy"]["concurrency"]
    assert concurrency["group"] and concurrency["cancel-in-progress"] is False


# -- In order: an older run never deploys after a newer one ---------------------------------------

def concurrency_for(workflow: dict, event: str, ref: str) -> tuple[str, bool]:
    """The workflow's concurrency group and cancel-in-progress for a run of `event` on `ref`."""
    concurrency = workflow["concurrency"]
    context = {"github.workflow": workflow["name"], "github.event_name": event, "github.ref": ref}
    cancel = concurrency["cancel-in-progress"]
    return render(concurrency["group"], context), cancel if isinstance(cancel, bool) else evaluate(cancel, context)


def test_every_run_on_main_is_in_one_concurrency_group(workflow):
    # Pushes, the nightly run and runs started by hand all deploy: they queue behind each other.
    groups = {concurrency_for(workflow, event, MAIN)[0] for event in ("push", "schedule", "workflow_dispatch")}
    assert len(groups) == 1


def test_branches_and_pull_requests_have_groups_of_their_own(workflow):
    refs = [MAIN, PULL, "refs/pull/8/merge", FEATURE, "refs/heads/other"]
    groups = [concurrency_for(workflow, "push", ref)[0] for ref in refs]
    assert len(set(groups)) == len(refs), groups


@pytest.mark.parametrize("event, ref, cancelled", [
    ("push", MAIN, False), ("schedule", MAIN, False), ("workflow_dispatch", MAIN, False),
    ("pull_request", PULL, True), ("push", FEATURE, True), ("workflow_dispatch", FEATURE, True),
])
def test_a_newer_run_cancels_an_older_one_only_where_nothing_is_deployed(workflow, event, ref, cancelled):
    # On main a run in progress finishes (it may be deploying) and the newer one waits; GitHub
    # keeps only the newest waiting run of a group, so no older run deploys after a newer one.
    assert concurrency_for(workflow, event, ref)[1] is cancelled


# -- Least privilege ------------------------------------------------------------------------------

def test_the_workflow_and_every_job_but_deploy_only_read(workflow):
    assert isinstance(workflow["permissions"], dict)
    assert set(workflow["permissions"].values()) <= {"read", "none"}
    for job in ("changes", "test", "verify"):
        assert workflow["jobs"][job]["permissions"] == {"contents": "read"}, job
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}


def test_only_the_deploy_job_writes_and_only_to_pages(workflow):
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_no_personal_tokens(workflow):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "secrets." not in text and not re.search(r"(?<![\w-])token:", text)


def test_actions_are_pinned_to_a_commit_with_its_version_beside_it(workflow):
    # A tag can be moved to other code; a commit cannot. The comment says which release it is.
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", use) for use in uses), uses
    lines = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == len(uses)
    assert all(re.fullmatch(r"(- )?uses: actions/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line) for line in lines), lines


@pytest.mark.parametrize("expression, expected", [
    ("github.ref == 'refs/heads/main'", True),
    ("${{ github.ref == 'refs/heads/main' && github.event_name != 'push' }}", False),
    ("github.event_name == 'pull_request' || github.ref == 'refs/heads/MAIN'", True),
    ("!(github.ref == 'refs/heads/main')", False),
    ("github.ref != 'refs/heads/main' || (github.event_name == 'push' && !github.ref)", False),
    ("!cancelled() && github.ref == 'refs/heads/main'", True),
])
def test_the_expression_evaluator(expression, expected):
    assert evaluate(expression, {"github.ref": MAIN, "github.event_name": "push", "cancelled()": False}) is expected
