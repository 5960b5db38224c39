"""How worker processes start (fork, spawn or none), chosen when the build runs, and what a
spawned worker receives pickled."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

from conftest import ROOT
from newsroom import workers
from newsroom.errors import SettingsError


@pytest.fixture(autouse=True)
def no_environment(monkeypatch):
    monkeypatch.delenv(workers.ENVIRONMENT, raising=False)


@pytest.mark.parametrize(
    ("environment", "setting", "expected"),
    [
        (None, "auto", "spawn" if sys.platform in ("win32", "darwin") else "fork"),
        (None, "spawn", "spawn"),
        (None, "serial", "serial"),
        ("spawn", "fork", "spawn"),  # the environment wins over the setting
        ("serial", "auto", "serial"),
        ("", "spawn", "spawn"),  # set but empty: as if not set
    ],
)
def test_start_method(monkeypatch, environment, setting, expected):
    if environment is not None:
        monkeypatch.setenv(workers.ENVIRONMENT, environment)
    assert workers.start_method(setting) == expected


@pytest.mark.parametrize(
    ("environment", "setting", "message"),
    [
        (None, "Fork", "setting NEWSROOM_START_METHOD must be one of 'auto', 'fork', 'spawn', 'serial'; got 'Fork'"),
        (None, None, "setting NEWSROOM_START_METHOD must be one of 'auto', 'fork', 'spawn', 'serial'; got None"),
        ("threads", "auto", "the environment variable NEWSROOM_START_METHOD must be one of 'auto', 'fork', 'spawn', 'serial'; got 'threads'"),
    ],
)
def test_a_bad_start_method_names_where_it_came_from(monkeypatch, environment, setting, message):
    if environment is not None:
        monkeypatch.setenv(workers.ENVIRONMENT, environment)
    with pytest.raises(SettingsError, match=f"^{re.escape('newsroom: ' + message)}$"):
        workers.start_method(setting)


# Windows as the plugin sees it: no os.fork, and multiprocessing offers spawn only.
WITHOUT_FORK = """
import multiprocessing, multiprocessing.context, os, pkgutil, sys, importlib
del os.fork
multiprocessing.context._concrete_contexts.pop("fork")
multiprocessing.get_all_start_methods = lambda: ["spawn"]
sys.path.insert(0, {plugins!r})
import newsroom
for module in pkgutil.iter_modules(newsroom.__path__):
    importlib.import_module("newsroom." + module.name)
from newsroom import settings, workers
from newsroom.errors import SettingsError
print(workers.start_method(), settings.config({{}}).start_method)
try:
    workers.start_method("fork")
except SettingsError as error:
    print(error)
"""


def test_nothing_needs_fork_at_import():
    """Every module of the plugin imports where fork does not exist; workers are then spawned, and
    asking for fork says why not."""
    run = subprocess.run([sys.executable, "-c", WITHOUT_FORK.format(plugins=str(ROOT / "plugins"))],
                         capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "spawn spawn",
        "newsroom: setting NEWSROOM_START_METHOD is 'fork', which this system cannot do; use 'spawn' or 'serial'",
    ]


@dataclass(eq=False)
class Link:
    number: int
    older: Link | None = None


def chain(length: int) -> list[Link]:
    links = [Link(number) for number in range(length)]
    for newer, older in zip(links, links[1:]):
        newer.older = older
    return links


def test_a_long_chain_is_too_deep_for_plain_pickle():
    """Why `flatten`: releases linked newer to older, as many as a site has, are beyond pickle."""
    with pytest.raises(RecursionError):
        pickle.dumps(chain(20_000)[0])


def test_flatten_keeps_every_object_once_and_every_link():
    links = chain(20_000)
    value = {"first": links[0], "all": links, "shared": (links[5], links[5])}
    copy = workers.unflatten(workers.flatten(value, (Link,)))
    assert [link.number for link in copy["all"]] == list(range(20_000))
    assert copy["first"] is copy["all"][0] and copy["shared"][0] is copy["shared"][1] is copy["all"][5]
    assert all(newer.older is older for newer, older in zip(copy["all"], copy["all"][1:]))
    assert copy["all"][-1].older is None


def test_importable_puts_the_plugin_on_the_path_only_while_spawning(monkeypatch):
    monkeypatch.setattr(sys, "path", [path for path in sys.path if path != workers.PLUGINS])
    before = list(sys.path)
    with workers.importable("spawn"):
        assert sys.path == [*before, workers.PLUGINS]
    with workers.importable("fork"):
        assert sys.path == before
    assert sys.path == before
