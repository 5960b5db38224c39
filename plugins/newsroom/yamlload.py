"""The one YAML loader of the site, for front-matter and registries alike.

Text stays the characters the officer typed: every scalar is a string except `true`/`false` and
an empty value, so `title: 010` is "010", not 8, and `12:30:00` is not 45000 (YAML 1.1's number
and sexagesimal rules). What YAML could make explode is refused before anything is built:
anchors and aliases (the "billion laughs"), tags, nesting deeper than any field needs, too many
nodes. Duplicate keys, and keys that are not plain words, are problems.
"""

from __future__ import annotations

import re

import yaml

from .messages import character, printable, shown

BaseLoader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader

MAX_DEPTH = 6  # a registry entry's names: registry → entry → name → language; front-matter: image → src
MAX_NODES = 5000

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # control characters but tab and line ends
BOOLEAN = re.compile(r"\A(?:true|True|TRUE|false|False|FALSE)\Z")
NULL = re.compile(r"\A(?:~|null|Null|NULL|)\Z")


class YamlProblem(Exception):
    """What is wrong with a YAML text, with the line in the file where it is (or None)."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


def load(text: str, first_line: int = 1):
    """The data of a YAML text whose first line is line `first_line` of its file; YamlProblem if
    it is not plain YAML of strings, lists and mappings.

    The values are built from YAML's event stream in one pass, without recursion (so however
    deep the brackets go, nothing overflows), and every rule is checked as the events come."""
    control = CONTROL.search(text)
    if control:  # YAML refuses them with words no officer reads; the line and the character instead
        index = control.start()
        start = text.rfind("\n", 0, index) + 1
        before = f"'{printable(text[start:index])}'" if index > start else "the start of the line"
        raise YamlProblem(text.count("\n", 0, index) + first_line, f"contains an invisible character {character(text[index])} after "
                                                                  f"{before}; delete it (retype the words around it if you cannot see it)")
    builder = _Builder(text.splitlines(), first_line)
    try:
        for event in yaml.parse(text, Loader=BaseLoader):
            builder.take(event)
    except yaml.YAMLError as error:
        raise _syntax(error, text, first_line) from None
    return builder.document


class _Builder:
    """Lists and mappings of strings, built event by event, each rule checked as it comes."""

    def __init__(self, lines: list[str], first_line: int):
        self.lines = lines
        self.first_line = first_line
        self.open: list[list] = []  # [container, the key waiting for its value (mappings)]
        self.document = None
        self.documents = 0
        self.nodes = 0

    def take(self, event) -> None:
        line = event.start_mark.line + self.first_line
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlProblem(line, "a line '---' ends the fields; remove it, or this file holds two sets of fields")
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, f"'*{event.anchor}' is a YAML alias, which is not allowed; if the value starts with '*', put it in quotes")
        if not isinstance(event, yaml.NodeEvent):
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                self.open.pop()
            return
        if event.anchor:
            raise YamlProblem(line, f"'&{event.anchor}' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes")
        if event.tag is not None and not (event.tag == "!" and isinstance(event, yaml.ScalarEvent)):
            if event.tag.startswith("tag:yaml.org,2002:"):  # `!!python/object`: never a slip
                raise YamlProblem(line, f"YAML tags ('{event.tag.replace('tag:yaml.org,2002:', '!!')}') are not allowed; write the value without it")
            raise YamlProblem(line, f"YAML tags ('{printable(event.tag)}') are not allowed; if the value starts with '!', put it in quotes")
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(line, f"holds more than {MAX_NODES} values; check that this is the file you meant")
        if isinstance(event, yaml.ScalarEvent):
            self.comment_after(event)
            self.add(event, self.scalar(event), line)
            return
        container = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        self.add(event, container, line)
        if len(self.open) >= MAX_DEPTH:
            raise YamlProblem(line, f"lists and fields are nested more than {MAX_DEPTH} levels deep; no field needs that, check the brackets and indentation")
        self.open.append([container, NO_KEY])

    @staticmethod
    def scalar(event):
        """A plain `true`/`false` is a flag, a plain empty value or `null` nothing; all else text."""
        if event.style:  # quoted, or a block (| or >): text as written
            return event.value
        if BOOLEAN.match(event.value):
            return event.value.lower() == "true"
        return None if NULL.match(event.value) else event.value

    def add(self, event, value, line: int) -> None:
        if not self.open:
            self.document = value
            return
        frame = self.open[-1]
        container, key = frame
        if isinstance(container, list):
            container.append(value)
        elif key is NO_KEY:
            if not isinstance(value, str):
                what = shown(event.value) if isinstance(event, yaml.ScalarEvent) else "a list or a mapping"
                raise YamlProblem(line, f"{what} cannot be a field name; write 'name: value'")
            if value in container:
                raise YamlProblem(line, f"'{printable(value)}' is there twice; keep one")
            frame[1] = value
        else:
            container[key] = value
            frame[1] = NO_KEY

    def comment_after(self, event) -> None:
        """`title: IOM #1 in Georgia`: YAML reads 'IOM' and drops the rest as a comment."""
        if event.style or event.end_mark.line >= len(self.lines):
            return
        after = self.lines[event.end_mark.line][event.end_mark.column :]
        if after[:1].isspace() and after.lstrip().startswith("#"):
            raise YamlProblem(event.end_mark.line + self.first_line, f"{shown(after.rstrip())} is a YAML comment and would be left "
                                                                     "out of the value; put the whole value in quotes")


NO_KEY = object()  # a mapping whose next scalar is a key


# YAML constructs that run on until they are closed: their error is where they were opened.
UNCLOSED = ("while parsing a flow", "while scanning a quoted", "while scanning a simple key")

# YAML's words for common slips, and the fix in the officer's words.
FIXES = (
    ("mapping values are not allowed", "if a value contains ': ', put the whole value in quotes, e.g. title: \"IOM: a new office\""),
    ("found undefined alias", "'*' starts a YAML alias; put a value that starts with '*' in quotes"),
    ("while scanning an alias", "'*' starts a YAML alias; put a value that starts with '*' in quotes"),
    ("while scanning a quoted", "a quote was opened and not closed; close it on the same line"),
    ("found a tab character", "indent with spaces, not tabs"),
)
# A character YAML cannot start a value with: the fix for each.
START_FIXES = {"\t": "indent with spaces, not tabs", "@": "put a value that starts with '@' in quotes",
               "`": "put a value that starts with '`' in quotes", "%": "put a value that starts with '%' in quotes"}


def _syntax(error: yaml.YAMLError, text: str, first_line: int) -> YamlProblem:
    """YAML's complaint with the file's line: where an unclosed '[' or quote was opened, else
    where the parser stopped; with the fix where the slip is a common one."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "context_mark", None) if context.startswith(UNCLOSED) else None
    mark = mark or getattr(error, "problem_mark", None)
    what = ", ".join(part for part in (context, getattr(error, "problem", None)) if part) or str(error).splitlines()[0]
    fix = next((fix for words, fix in FIXES if words in what), None)
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "cannot start any token" in what:
        fix = START_FIXES.get(line[mark.column : mark.column + 1], fix)
    value = re.match(r"\s*[^:#\s][^:]*:\s+([\[{\"'])", line)
    if fix is None and value and "did not find expected key" in what:
        if value.group(1) in "[{":  # `title: [Draft] IOM opens`
            fix = f"put a value that starts with '{value.group(1)}' in quotes"
        else:  # `title: "Women in Policing" conference opens`
            example = "title: \"IOM's new office\"" if value.group(1) == "'" else "title: '\"Women in Policing\" opens'"
            fix = f"a value that starts with {value.group(1)} must end with it; put the whole value in the other kind of quotes, e.g. {example}"
    message = f"malformed YAML: {what}" + (f"; {fix}" if fix else "")
    return YamlProblem(None if mark is None else mark.line + first_line, message)
