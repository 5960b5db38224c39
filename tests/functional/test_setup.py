"""How the project is set up: what `./dev` installs for each task, and the devcontainer
(.devcontainer/devcontainer.json) in which the office works from a browser or from VS Code."""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

RUNTIME_TASKS = ["serve", "new", "check", "publish", "build", "livereload"]


def names(lock: str) -> set[str]:
    """The packages a requirements file pins (`name==version`), by their normalised names."""
    found = set()
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.\[\]-]+)==", line)
        if match:
            found.add(re.sub(r"[-_.]+", "-", match.group(1).split("[")[0]).lower())
    return found


def test_the_runtime_lock_holds_no_test_tool():
    """What builds the site never installs what only the tests need (pytest, Playwright, …)."""
    test_only = (names("requirements-test.in") | names("requirements-verify.in")) - names("requirements.in")
    assert {"pytest", "playwright", "beautifulsoup4", "lxml"} <= test_only
    assert names("requirements.lock") & test_only == set()


@pytest.fixture
def dev(tmp_path):
    """`./dev` in a copy of the project whose .venv records what it is asked to run: its python
    (pip) and its invoke write their arguments to calls.log instead of running."""
    for name in ("dev", "requirements.lock", "requirements-verify.lock", "requirements-test.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    bin = tmp_path / ".venv" / "bin"
    bin.mkdir(parents=True)
    for tool in ("python", "invoke"):
        (bin / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >> "$(dirname "$0")/../../calls.log"\n')
        (bin / tool).chmod(0o755)

    def run(*args: str) -> list[str]:
        log = tmp_path / "calls.log"
        log.unlink(missing_ok=True)
        subprocess.run([str(tmp_path / "dev"), *args], check=True, capture_output=True)
        return log.read_text().splitlines()
    return run


INSTALL_RUNTIME = "python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock"


@pytest.mark.parametrize("task", RUNTIME_TASKS)
def test_a_task_installs_the_runtime_lock_only_and_only_once(dev, task):
    assert dev(task, "--help") == [INSTALL_RUNTIME, f"invoke {task} --help"]
    assert dev(task, "--help") == [f"invoke {task} --help"]  # installed: nothing again


def test_a_test_environment_serves_the_other_tasks_as_it_is(dev, tmp_path):
    """A .venv that `./dev test` filled (both locks installed) is not touched by `./dev serve`;
    a new runtime lock reinstalls the runtime lock only."""
    for lock in ("requirements.lock", "requirements-verify.lock", "requirements-test.lock"):
        shutil.copy(tmp_path / lock, tmp_path / ".venv" / f".{lock}")
    assert dev("serve") == ["invoke serve"]
    with (tmp_path / "requirements.lock").open("a") as lock:
        lock.write("# changed\n")
    assert dev("serve") == [INSTALL_RUNTIME, "invoke serve"]
    assert not (tmp_path / ".venv" / ".requirements-test.lock").exists()
    assert not (tmp_path / ".venv" / ".requirements-verify.lock").exists()


# -- the devcontainer ---------------------------------------------------------------------------

def devcontainer() -> dict:
    return json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))


def readme_commands() -> set[str]:
    """The commands the README gives: the quick start's lines and the first column of its table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    lines = re.findall(r"^(\./dev [^#\n]*?)\s*(?:#.*)?$", quick_start, re.MULTILINE)
    cells = re.findall(r"^\| `(\./dev [^`]+)`", quick_start, re.MULTILINE)
    return {command.strip() for command in [*lines, *cells]}


def commands(config: dict) -> list[str]:
    """Every command the devcontainer runs (a string, a list of words, or named commands)."""
    found = []
    for key, value in config.items():
        if key.endswith("Command"):
            values = value.values() if isinstance(value, dict) else [value]
            found += [" ".join(item) if isinstance(item, list) else item for item in values]
    return found


def test_the_devcontainer_is_a_pinned_debian_python_3_11():
    image = devcontainer()["image"]
    assert re.fullmatch(r"mcr\.microsoft\.com/devcontainers/python:\d+\.\d+\.\d+-3\.11-bookworm@sha256:[0-9a-f]{64}", image), image


def test_the_devcontainer_runs_the_readmes_commands_only():
    config = devcontainer()
    found = commands(config)
    assert set(found) == {"./dev check", "./dev livereload"}  # installs (check), then the preview
    assert set(found) <= readme_commands()
    assert readme_commands() >= {"./dev serve", "./dev test", "./dev check", "./dev livereload"}


def test_the_devcontainer_forwards_the_previews_port_where_the_preview_listens():
    import tasks

    config = devcontainer()
    port = inspect.signature(tasks.serve.body).parameters["port"].default
    assert port == inspect.signature(tasks.livereload.body).parameters["port"].default == 8000
    assert config["forwardPorts"] == [port]
    assert config["portsAttributes"][str(port)]["label"]
    # the container's own address, where forwarding arrives, not its loopback only
    assert config["containerEnv"]["NEWSROOM_BIND"] == "0.0.0.0"


def test_the_preview_listens_on_this_machine_only_unless_told(monkeypatch):
    import tasks

    monkeypatch.delenv("NEWSROOM_BIND", raising=False)
    assert tasks.bind_address() == "127.0.0.1"
    monkeypatch.setenv("NEWSROOM_BIND", devcontainer()["containerEnv"]["NEWSROOM_BIND"])
    assert tasks.bind_address() == "0.0.0.0"
