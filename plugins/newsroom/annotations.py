"""Problems as GitHub Actions shows them: an annotation on the file and line at fault, and a short
summary on the run's page. Pure functions: `./dev check` and `./dev verify` print what they return
when they run under GitHub Actions (GITHUB_ACTIONS=true) and their plain lines everywhere else.

Workflow commands, as GitHub documents them: `::error file=F,line=L,title=T::MESSAGE`, where the
message escapes %, CR and LF, and each property also escapes ':' and ','.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import Problem

TITLE = "Content problem"
# a message that starts by saying its line ("line 12: link to …")
SAYS_LINE = re.compile(r"line (\d+):")
# a YAML key at the start of a line, after its indentation and an optional list dash
KEY = re.compile(r"""(\s*)(?:-\s+)?(?:"([^"]+)"|'([^']+)'|([^\s:#'"{}\[\],][^:#{}\[\],]*?))\s*:(?:\s|$)""")


def escape_data(text: str) -> str:
    """A message of a workflow command: % first, so that the escapes themselves survive."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property's value (file, title): as a message, and ':' and ',' too, which end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def error(path: str | None, line: int | None, message: str, title: str = TITLE) -> str:
    """The workflow command that shows `message` on `path` at `line` (a red annotation); on the
    run as a whole when there is no file to name."""
    properties = [f"file={escape_property(path)}", f"line={line}"] if path else []
    properties.append(f"title={escape_property(title)}")
    return f"::error {','.join(properties)}::{escape_data(message)}"


@dataclass(frozen=True)
class Located:
    """A problem line and where it points: a file of the repository and its line (1: the file)."""

    path: str
    line: int
    text: str


def _yaml_region(lines: list[str]) -> tuple[int, int]:
    """The lines holding the fields: the front-matter between its '---' lines, or a whole
    registry file (a file that does not start with '---')."""
    if not lines or lines[0].strip() != "---":
        return 0, len(lines)
    for number, line in enumerate(lines[1:], 1):
        if line.strip() in ("---", "..."):
            return 1, number
    return 1, len(lines)


def _key(line: str) -> tuple[int, str] | None:
    """(indentation, key) of a 'key: …' line; None for comments, list items without a key, text."""
    match = KEY.match(line)
    if not match or line.lstrip().startswith("#"):
        return None
    return len(match.group(1)), next(group for group in match.groups()[1:] if group is not None).strip()


def field_line(text: str, field: str | None) -> int | None:
    """The line (from 1) of `field` in a front-matter or a registry file: 'partners', a nested
    'image.src', a registry's 'undp.logo'; an index ('event_dates[1]') is the field's line. A
    nested key not on a line of its own (`image: {src: x}`) is its parent's line. None when the
    field is not written at all (a required field that is missing)."""
    if not field:
        return None
    lines = text.splitlines()
    start, end = _yaml_region(lines)
    keys = [(number, *key) for number in range(start, end) if (key := _key(lines[number])) is not None]
    found: tuple[int, int, str] | None = None
    for part in (re.sub(r"(\[\d+\])+$", "", part) for part in field.split(".")):
        if found is None:
            block = keys
        else:  # the keys below the parent, to the next key as far left as it
            after = keys[keys.index(found) + 1:]
            ends = next((index for index, key in enumerate(after) if key[1] <= found[1]), len(after))
            block = after[:ends]
        level = min((key[1] for key in block), default=0)
        match = next((key for key in block if key[1] == level and key[2] == part), None)
        if match is None:
            break
        found = match
    return found[0] + 1 if found is not None else None


def problem_line(problem: Problem, text: str | None) -> int:
    """The line an annotation of `problem` points at: the line its message names ('line 12: …'),
    else its field's line in the file, else 1 (the file as a whole)."""
    said = SAYS_LINE.match(problem.message)
    if said:
        return int(said.group(1))
    if text is not None and problem.field:
        return field_line(text, problem.field) or 1
    return 1


def locate(problem: Problem, text: str | None) -> Located:
    return Located(problem.path, problem_line(problem, text), str(problem))


def summary(located: Iterable[Located], headline: str, advice: str) -> str:
    """The run's summary page (Markdown): the headline, each problem with its file and line, what
    to do. Plain words: the officer reads it on the run's page."""
    items = list(located)
    lines = [f"### {headline}", ""]
    lines += [f"- `{item.path}`, line {item.line}: {item.text.removeprefix(item.path + ': ')}" for item in items]
    lines += ["", advice, ""]
    return "\n".join(lines)


def count(number: int, noun: str) -> str:
    """'1 problem', '3 problems'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
