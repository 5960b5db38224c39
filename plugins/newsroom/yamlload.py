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

STRING = "tag:yaml.org,2002:str"
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


class _Loader(BaseLoader):
    """Safe, with YAML 1.2's booleans and null as the only implicit types."""


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", BOOLEAN, list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", NULL, ["~", "n", "N", ""])


def _mapping(loader, node):
    result = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STRING:
            what = "a list or a mapping" if not isinstance(key_node, yaml.ScalarNode) else shown(key_node.value)
            raise YamlProblem(key_node.start_mark.line, f"{what} cannot be a field name; write 'name: value'")
        key = loader.construct_object(key_node)
        if key in result:
            raise YamlProblem(key_node.start_mark.line, f"'{key}' is there twice; keep one")
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(text: str, first_line: int = 1):
    """The data of a YAML text whose first line is line `first_line` of its file; YamlProblem if
    it is not plain YAML of strings, lists and mappings."""
    control = CONTROL.search(text)
    if control:  # YAML refuses them with words no officer reads; the line and the character instead
        index = control.start()
        start = text.rfind("\n", 0, index) + 1
        before = f"'{printable(text[start:index])}'" if index > start else "the start of the line"
        raise YamlProblem(text.count("\n", 0, index) + first_line, f"contains an invisible character {character(text[index])} after "
                                                                  f"{before}; delete it (retype the words around it if you cannot see it)")
    _check_shape(text, first_line)
    try:
        return yaml.load(text, Loader=_Loader)
    except YamlProblem as problem:
        problem.line = None if problem.line is None else problem.line + first_line
        raise
    except yaml.YAMLError as error:
        raise _syntax(error, text, first_line) from None
    except RecursionError:
        raise YamlProblem(None, "is nested too deeply to read") from None


def _check_shape(text: str, first_line: int) -> None:
    """Walk YAML's event stream (flat, whatever the nesting) before building anything."""
    depth = nodes = 0
    lines = text.splitlines()
    try:
        for event in yaml.parse(text, Loader=BaseLoader):
            line = event.start_mark.line + first_line
            if isinstance(event, yaml.ScalarEvent) and not event.style and event.end_mark.line < len(lines):
                after = lines[event.end_mark.line][event.end_mark.column :]
                if after[:1].isspace() and after.lstrip().startswith("#"):  # `title: IOM #1 in Georgia`
                    raise YamlProblem(event.end_mark.line + first_line, f"{shown(after.rstrip())} is a YAML comment and would be left "
                                                                        "out of the value; put the whole value in quotes")
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(line, f"'*{event.anchor}' is a YAML alias, which is not allowed; if the value starts with '*', put it in quotes")
            if getattr(event, "anchor", None):
                raise YamlProblem(line, f"'&{event.anchor}' is a YAML anchor, which is not allowed; if the value starts with '&', put it in quotes")
            if isinstance(event, yaml.NodeEvent) and event.tag is not None and not (event.tag == "!" and isinstance(event, yaml.ScalarEvent)):
                if event.tag.startswith("tag:yaml.org,2002:"):  # `!!python/object`: never a slip
                    raise YamlProblem(line, f"YAML tags ('{event.tag.replace('tag:yaml.org,2002:', '!!')}') are not allowed; write the value without it")
                raise YamlProblem(line, f"YAML tags ('{printable(event.tag)}') are not allowed; if the value starts with '!', put it in quotes")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(line, f"lists and fields are nested more than {MAX_DEPTH} levels deep; no field needs that, check the brackets and indentation")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    raise YamlProblem(line, f"holds more than {MAX_NODES} values; check that this is the file you meant")
    except yaml.YAMLError as error:
        raise _syntax(error, text, first_line) from None


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
