""".github/workflows/site.yml: actionlint finds nothing in it, and it does what docs/hosting.md
says: the commands a person runs, a daily build for embargoes, and a Pages deployment from main
only, with the least privilege.

The `if:` conditions are evaluated, not searched for substrings: `steps_run` plays the test job
for an event and a branch and returns the steps that would run.
"""

from __future__ import annotations

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


def actionlint_binary() -> str:
    """The actionlint that requirements.lock installs into the virtualenv (or one on PATH)."""
    beside_python = Path(sys.executable).with_name("actionlint")
    found = str(beside_python) if beside_python.is_file() else shutil.which("actionlint")
    assert found, "actionlint is not installed: `./dev test` installs it from requirements.lock"
    return found


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint_binary(), "-no-color", "-oneline", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow["on"] if "on" in workflow else workflow[True]


# -- A tiny evaluator for the `if:` expressions the workflow uses ---------------------------------

TOKEN = re.compile(r"\s*(&&|\|\||==|!=|!|\(|\)|'(?:[^']|'')*'|[A-Za-z_][\w.-]*)")


def evaluate(expression: str, context: dict[str, str]) -> bool:
    """Evaluate `a == 'x' && (b != 'y' || !c)` over `context` (GitHub compares case-insensitively)."""
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


# -- actionlint -----------------------------------------------------------------------------------

def test_actionlint_finds_nothing():
    run = actionlint(WORKFLOW)
    assert (run.returncode, run.stdout + run.stderr) == (0, "")


# Realistic slips, made in a copy of the real workflow: each must make actionlint fail, with the
# rule that catches it.
BROKEN = {
    "a job that does not exist": ("needs: test", "needs: tests", "[job-needs]"),
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
    copy.write_text(text.replace(original, broken, 1), encoding="utf-8")
    run = actionlint(copy)
    assert run.returncode != 0
    assert message in run.stdout, run.stdout


# -- When it runs ---------------------------------------------------------------------------------

def test_it_runs_on_push_pull_request_by_hand_and_daily(workflow):
    on = triggers(workflow)
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(on)
    (schedule,) = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "daily, so an embargoed release goes live on its date"


# -- What it runs: the commands a person runs -----------------------------------------------------

def test_the_only_commands_are_the_ones_a_person_runs(workflow):
    commands = [step["run"].strip() for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert set(commands) == {"./dev test", "./dev publish"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(command in readme for command in commands)


@pytest.mark.parametrize("event, ref", [
    ("pull_request", PULL), ("push", FEATURE), ("push", MAIN), ("schedule", MAIN), ("workflow_dispatch", MAIN),
])
def test_every_run_tests_and_builds_the_site_strictly(workflow, event, ref):
    commands = [step["run"].strip() for step in steps_run(workflow["jobs"]["test"], event, ref) if "run" in step]
    assert commands == ["./dev test", "./dev publish"]


@pytest.mark.parametrize("event, ref, published", [
    ("push", MAIN, True), ("schedule", MAIN, True), ("workflow_dispatch", MAIN, True),
    ("pull_request", PULL, False), ("pull_request", MAIN, False), ("push", FEATURE, False),
    ("workflow_dispatch", FEATURE, False),
])
def test_only_main_is_built_for_pages_uploaded_and_deployed(workflow, event, ref, published):
    jobs = workflow["jobs"]
    steps = steps_run(jobs["test"], event, ref)
    used = [action(step) for step in steps]
    assert ("actions/configure-pages" in used) is published
    assert ("actions/upload-pages-artifact" in used) is published
    assert job_runs(jobs["deploy"], event, ref) is published
    if published:
        (build,) = [step for step in steps if step.get("run", "").strip() == "./dev publish"]
        pages = next(step for step in steps if action(step) == "actions/configure-pages")
        assert build["env"]["SITEURL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
        upload = next(step for step in steps if action(step) == "actions/upload-pages-artifact")
        assert upload["with"]["path"].rstrip("/") == "output"


def test_deploy_needs_the_tests_and_uses_the_official_action(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("test", ["test"])
    (step,) = deploy["steps"]
    assert action(step) == "actions/deploy-pages"
    assert deploy["environment"] == {"name": "github-pages", "url": f"${{{{ steps.{step['id']}.outputs.page_url }}}}"}


def test_a_deployment_in_progress_is_never_cancelled(workflow):
    concurrency = workflow["jobs"]["deploy"]["concurrency"]
    assert concurrency["group"] and concurrency["cancel-in-progress"] is False


# -- Least privilege ------------------------------------------------------------------------------

def test_the_workflow_and_the_test_job_only_read(workflow):
    assert isinstance(workflow["permissions"], dict)
    assert set(workflow["permissions"].values()) <= {"read", "none"}
    assert set(workflow["jobs"]["test"].get("permissions", {}).values()) <= {"read", "none"}


def test_only_the_deploy_job_writes_and_only_to_pages(workflow):
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_no_personal_tokens_and_actions_pinned_to_a_major_version(workflow):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "secrets." not in text and not re.search(r"(?<![\w-])token:", text)
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@v\d+", use) for use in uses), uses


@pytest.mark.parametrize("expression, expected", [
    ("github.ref == 'refs/heads/main'", True),
    ("${{ github.ref == 'refs/heads/main' && github.event_name != 'push' }}", False),
    ("github.event_name == 'pull_request' || github.ref == 'refs/heads/MAIN'", True),
    ("!(github.ref == 'refs/heads/main')", False),
    ("github.ref != 'refs/heads/main' || (github.event_name == 'push' && !github.ref)", False),
])
def test_the_expression_evaluator(expression, expected):
    assert evaluate(expression, {"github.ref": MAIN, "github.event_name": "push"}) is expected
