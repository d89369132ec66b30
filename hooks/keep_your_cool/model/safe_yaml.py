"""The one way the site reads YAML a translator edits: ui.yml, theme.yml, search-words.yml, front
matter and the language blocks of mkdocs.yml.

PyYAML's safe loader still expands aliases (a "billion laughs" file is a few lines long and
exhausts memory once anything walks it) and accepts local tags. Here a file holds plain YAML
only: no tags, no anchors or aliases, UTF-8 text; a problem is a YamlProblem at its line.
"""

from __future__ import annotations

import yaml

# libyaml's parser where PyYAML has it: every build reads every page's front matter
FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STRING = "tag:yaml.org,2002:str"


class YamlProblem(Exception):
    def __init__(self, line: int, what: str):
        super().__init__(f"line {line}: {what}")
        self.line, self.what = line, what


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is fine), or a YamlProblem at the line of the first byte that is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlProblem(
            data[: error.start].count(b"\n") + 1, "the file is not UTF-8 text (first bad byte on this line)"
        ) from None


def _syntax_problem(text: str, error: yaml.YAMLError) -> YamlProblem:
    if isinstance(error, yaml.reader.ReaderError):  # a control character: no mark, a position
        line = text[: error.position].count("\n") + 1
        return YamlProblem(
            line,
            f"character U+{ord(error.character) if isinstance(error.character, str) else error.character:04X} "
            "cannot be in a YAML file (an invisible control character; delete it)",
        )
    try:  # PyYAML's own parser points at the line a translator got wrong better than libyaml
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as located:
        error = located
    mark = getattr(error, "problem_mark", None)
    if "end of stream" in str(getattr(error, "problem", "")):  # a quote never closed: where it opened
        mark = getattr(error, "context_mark", None) or mark
    return YamlProblem((mark.line + 1) if mark else 1, f"not valid YAML: {getattr(error, 'problem', None) or error}")


def refuse_hazards(text: str, first: int = 0, last: int | None = None) -> None:
    """A YamlProblem for the first tag, anchor or alias (between 0-based lines first and last, if given)."""
    try:
        for event in yaml.parse(text, Loader=FAST):
            line = event.start_mark.line
            if line < first or (last is not None and line > last):
                continue
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                raise YamlProblem(
                    line + 1,
                    f"'{sign}{event.anchor}' is a YAML anchor or alias (a value repeated from elsewhere); "
                    "write each value out in full",
                )
            if getattr(event, "tag", None) is not None:
                raise YamlProblem(line + 1, f"'{event.tag}' is a YAML tag; write the value as plain text, without '!'")
    except yaml.YAMLError as error:
        raise _syntax_problem(text, error) from None


def compose(text: str) -> yaml.Node | None:
    """The YAML's node tree (each node knows its line), with no tag, anchor or alias in it."""
    refuse_hazards(text)
    return yaml.compose(text, Loader=FAST)


def load(text: str) -> object:
    """The YAML's value, with no tag, anchor or alias in it."""
    refuse_hazards(text)
    return yaml.load(text, Loader=FAST)


def written_at(node: yaml.Node | None, *keys: str) -> str | None:
    """The scalar at `keys` in mappings nested from `node`, as its text is written, whatever YAML would make
    of it (a commit of digits stays '0012345'); the last of a repeated key, as load reads it; else None."""
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in reversed(node.value) if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    return node.value if isinstance(node, yaml.ScalarNode) else None


def is_text(node: yaml.Node | None) -> bool:
    """A plain or quoted string: not a number, a date, true/false or null."""
    return isinstance(node, yaml.ScalarNode) and node.tag == STRING


def entries(node: yaml.Node | None) -> list[tuple[str, int, yaml.Node]]:
    """(key, 1-based line, value node) of a mapping; a YamlProblem when it is not 'key: value' lines."""
    if node is None:
        return []
    if not isinstance(node, yaml.MappingNode):
        raise YamlProblem(node.start_mark.line + 1, "not a list of 'key: value' lines")
    found = []
    for key, value in node.value:
        if not is_text(key) and not isinstance(key, yaml.ScalarNode):
            raise YamlProblem(key.start_mark.line + 1, "a key must be a word, not a list or a mapping")
        found.append((str(key.value), key.start_mark.line + 1, value))
    return found
