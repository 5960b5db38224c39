"""Worker processes for the work that splits across cores: how many, and how they start."""

from __future__ import annotations

import os
from multiprocessing import get_context

# Forked workers inherit the build's state (settings, templates, context) without pickling it.
FORK = get_context("fork")


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
