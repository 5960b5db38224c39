"""Worker processes for the work that splits across cores: how many, and how they start.

A worker starts in one of two ways, chosen when the build runs (never at import, so that the
plugin imports on every system):

- fork (Linux): the worker is a copy of the build's process and inherits its state (settings,
  templates, the whole context) without pickling any of it;
- spawn (Windows, and macOS, where forking a process that has loaded the system's libraries is
  unsafe and Python spawns by default): the worker is a fresh interpreter, which receives what it
  needs pickled (`flatten`) and rebuilds the rest (the templates).

`serial` starts no worker: everything runs in the build's own process. The environment variable
NEWSROOM_START_METHOD, or the setting of that name, forces one of the three.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import SettingsError

START_METHODS = ("fork", "spawn", "serial")
ENVIRONMENT = "NEWSROOM_START_METHOD"
# the folder that holds this package: a spawned worker imports the plugin from there
PLUGINS = str(Path(__file__).resolve().parent.parent)


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def start_method(setting: str = "auto") -> str:
    """How workers start: the environment's NEWSROOM_START_METHOD, else the setting, else fork where
    the system has it (not on macOS: see above) and spawn elsewhere."""
    chosen = os.environ.get(ENVIRONMENT) or setting
    where = f"the environment variable {ENVIRONMENT}" if os.environ.get(ENVIRONMENT) else f"setting {ENVIRONMENT}"
    if chosen == "auto":
        return "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin" else "spawn"
    if chosen not in START_METHODS:
        raise SettingsError(f"newsroom: {where} must be one of {', '.join(map(repr, ('auto', *START_METHODS)))}; got {chosen!r}")
    if chosen != "serial" and chosen not in multiprocessing.get_all_start_methods():
        raise SettingsError(f"newsroom: {where} is {chosen!r}, which this system cannot do; use 'spawn' or 'serial'")
    return chosen


def context(method: str):
    """The multiprocessing context of a start method other than serial."""
    return multiprocessing.get_context(method)


@contextlib.contextmanager
def importable(method: str) -> Iterator[None]:
    """While workers start: a spawned worker finds the plugin where this process found it (Pelican
    loads it from PLUGIN_PATHS without putting them on sys.path; a spawned worker starts with this
    process's sys.path)."""
    added = method == "spawn" and PLUGINS not in sys.path
    if added:
        sys.path.append(PLUGINS)
    try:
        yield
    finally:
        if added:
            sys.path.remove(PLUGINS)


# -- Pickling a build's objects for spawned workers ----------------------------------------------
# Releases link to each other (the previous and next release, the language versions), in chains
# as long as the site: pickle would follow a chain object by object, one level of recursion each,
# past Python's limit. Instances of the `flat` classes are pickled one after another instead,
# each referring to the others by number.


class _Flattener(pickle.Pickler):
    def __init__(self, file, flat: tuple[type, ...]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.flat = flat
        self.table: list = []
        self.numbers: dict[int, int] = {}

    def persistent_id(self, obj):
        if not isinstance(obj, self.flat):
            return None
        number = self.numbers.get(id(obj))
        if number is None:
            number = self.numbers[id(obj)] = len(self.table)
            self.table.append(obj)
        return (number, type(obj))


class _Unflattener(pickle.Unpickler):
    def __init__(self, file):
        super().__init__(file)
        self.shells: dict[int, object] = {}

    def persistent_load(self, pid):
        number, cls = pid
        if number not in self.shells:
            self.shells[number] = cls.__new__(cls)
        return self.shells[number]


def flatten(value, flat: tuple[type, ...]) -> bytes:
    """`value` pickled, with every instance of the `flat` classes (plain objects with a __dict__)
    pickled apart, so that no chain of them is followed in depth."""
    buffer = io.BytesIO()
    pickler = _Flattener(buffer, flat)
    pickler.dump(value)
    done = 0
    while done < len(pickler.table):  # an object's state may name objects not met before
        obj = pickler.table[done]
        pickler.dump((done, type(obj), obj.__dict__))
        done += 1
    pickler.dump(None)
    return buffer.getvalue()


def unflatten(data: bytes):
    """What `flatten` pickled."""
    unpickler = _Unflattener(io.BytesIO(data))
    value = unpickler.load()
    while (item := unpickler.load()) is not None:
        number, cls, state = item
        unpickler.persistent_load((number, cls)).__dict__.update(state)
    return value
