"""Checks of a language's translations/<lang>/ui.yml: its keys and placeholders are the default language's."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from checks.plain_text import markup_in

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
OPTIONAL = re.compile(r"^#\s*optional:(.*)$", re.M)  # placeholders a translation may write out in words


def _entries(path: Path) -> tuple[dict[str, tuple[int, object]] | None, tuple[int, str] | None]:
    """key -> (line, value) of a ui.yml, or the (line, message) of why it cannot be read."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return None, (1, "the file is not UTF-8 text")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if "end of stream" in str(getattr(error, "problem", "")):  # a quote never closed: where it opened
            mark = getattr(error, "context_mark", None) or mark
        return None, ((mark.line + 1) if mark else 1, f"not valid YAML: {getattr(error, 'problem', None) or error}")
    if node is None:
        return {}, None
    if not isinstance(node, yaml.MappingNode):
        return None, (node.start_mark.line + 1, "not a list of 'key: value' lines")
    entries = {}
    for key, value in node.value:
        entries[str(key.value)] = (key.start_mark.line + 1, value.value if isinstance(value, yaml.ScalarNode) else None)
    return entries, None


def ui_problems(root: Path, locale: str, default: str) -> list[tuple[str, int, str, str]]:
    """(file, line, what, fix) for each problem in translations/<locale>/ui.yml; its keys are those of the default language."""
    path = root / "translations" / locale / "ui.yml"
    name = path.relative_to(root).as_posix()
    if not path.is_file():
        return []
    english, _ = _entries(root / "translations" / default / "ui.yml")
    entries, broken = _entries(path)
    if broken:
        return [
            (
                name,
                broken[0],
                f"ui.yml is {broken[1]}",
                "keep one 'key: translated words' per line; put quotes around words that contain ': ' or start with a quote or '{'.",
            )
        ]
    english = english or {}
    english_file = root / "translations" / default / "ui.yml"
    optional = {p for line in OPTIONAL.findall(english_file.read_text(encoding="utf-8-sig")) for p in PLACEHOLDER.findall(line)}
    found = []
    for key, (line, value) in entries.items():
        if key not in english:
            found.append(
                (
                    name,
                    line,
                    f"'{key}' is not a key of translations/{default}/ui.yml",
                    "use the keys of the English file exactly; translate only the words after ': '.",
                )
            )
            continue
        if not isinstance(value, str) or not value.strip():
            found.append((name, line, f"'{key}' has no words", "write the translated words after ': '."))
            continue
        wanted, have = set(PLACEHOLDER.findall(str(english[key][1]))), set(PLACEHOLDER.findall(value))
        if have - wanted or wanted - have - optional:
            found.append(
                (
                    name,
                    line,
                    f"'{key}' has the placeholders {', '.join(sorted(have)) or 'none'}; "
                    f"English has {', '.join(sorted(wanted)) or 'none'}",
                    "keep each {placeholder} exactly as in English, untranslated (the site puts a name or number there).",
                )
            )
        if markup := markup_in(PLACEHOLDER.sub("", value)):
            found.append(
                (
                    name,
                    line,
                    f"'{key}' holds markup ('{markup}'): the site shows these words as plain text",
                    "write plain words, without '<' tags or '&…;' entities.",
                )
            )
    last = max((line for line, _ in entries.values()), default=0) + 1
    for key in english:
        if key not in entries:
            found.append(
                (name, last, f"'{key}' is missing (it is in translations/{default}/ui.yml)", f"add '{key}: <translated words>'.")
            )
    return found
