"""Progress on the console for builds long enough to wait for, in the style of Pelican's own lines."""

from __future__ import annotations

import logging
import time
from collections import Counter

from .pelican_internals import console

logger = logging.getLogger(__name__)

# Builds of fewer releases finish in a couple of seconds: they only log (visible with -v).
SHOWN_FROM = 500


class Progress:
    def __init__(self, releases: int, quiet: bool = False):
        self.shown = releases >= SHOWN_FROM and not quiet
        self.start = time.perf_counter()

    def say(self, stage: str, message: str) -> None:
        line = f"{stage}: {message} ({time.perf_counter() - self.start:.1f} s)"
        if self.shown:
            console.print(line)
        else:
            logger.info("newsroom: %s", line)


def per_language(items, lang_of) -> str:
    """'en 1000, ka 990' for items of several languages."""
    counts = Counter(lang_of(item) for item in items)
    return ", ".join(f"{lang} {count}" for lang, count in sorted(counts.items()))
