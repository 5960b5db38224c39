"""The newsroom's problems and exceptions: one vocabulary for every message a person reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one content file, reported on one line."""

    path: str
    field: str | None
    message: str

    def __str__(self) -> str:
        if self.field is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}: '{self.field}': {self.message}"


class NewsroomError(Exception):
    """Base class of every error the newsroom plugin raises."""


class SettingsError(NewsroomError):
    """A NEWSROOM_* setting is missing or wrong; raised before anything is read."""


class OptionError(NewsroomError):
    """An option given to a command (`./dev new --title …`) cannot be used; the message, one line,
    names the option and says what to give instead."""


class ContentError(NewsroomError):
    """The content has problems and a strict build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the content; nothing was published")


class ThemeError(NewsroomError):
    """The theme is broken: a file its templates ask for is missing, or a catalog cannot be read."""


class RenderError(NewsroomError):
    """A template failed while rendering a page."""


class SearchError(NewsroomError):
    """Pagefind could not index the site."""


class OutputError(NewsroomError):
    """The output directory cannot be safely replaced."""
