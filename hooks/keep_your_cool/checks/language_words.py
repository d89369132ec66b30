"""One schema for a language's words: translations/<lang>/ui.yml (the site's own words),
translations/<lang>/theme.yml (the theme's labels), translations/<lang>/search-words.yml and the
language's block in mkdocs.yml (its names and menu labels). The preflight checks every language
at once, each problem at its file and line; the build then reads the same files through read_words.

Every file is read by model/safe_yaml (UTF-8, no tags, anchors or aliases); every value is one
line of plain text: no number, null or list, no tag or entity (they would be shown as they are written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from keep_your_cool.checks.plain_text import markup_in
from keep_your_cool.checks.problem import Problem, closest
from keep_your_cool.model import safe_yaml
from keep_your_cool.model.site import nav_labels
from keep_your_cool.model.translation_records import MISSING, OUTDATED, UNKNOWN, UP_TO_DATE

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
OPTIONAL = re.compile(r"^#\s*optional:(.*)$", re.M)  # placeholders a translation may write out in words
PLAIN = "write plain words, without '<' tags or '&…;' entities (type the character itself: « », ’, a no-break space)."


@dataclass(frozen=True)
class WordsFile:
    """A words file of translations/<lang>/ and how its placeholders compare with English's."""

    name: str  # ui.yml
    placeholders_exact: bool  # theme labels: every {…} of English, exactly; ui.yml may write {language} out


UI = WordsFile("ui.yml", False)  # the site's own words
THEME = WordsFile("theme.yml", True)  # the theme's labels

# The site's own words: every key the templates, page scripts and plugin read from ui.yml. English
# must give each of them and no other (tests/test_preflight.py finds each one read in the code).
SITE_WORDS = frozenset(
    {
        *("outdated_title", "outdated_body", "outdated_sections", "english_page"),
        *("missing_title", "missing_body", "help_translate"),
        *("status_summary", "status_page_column", "status_state_column"),
        *(f"state_{state}" for state in (UP_TO_DATE, OUTDATED, MISSING, UNKNOWN)),
        *("copy_link", "switch_to_dark", "switch_to_light", "app_short_name"),
        *("not_found_title", "not_found_body", "not_found_home"),
        *("downloads_title", "downloads_offline", "downloads_offline_how", "downloads_handbook"),
        *("downloads_size_kb", "downloads_size_mb", "decimal_mark"),
        *("handbook_subtitle", "handbook_online", "handbook_contents", "handbook_page"),
        *("offline_title", "offline_body", "offline_home", "offline_not_downloaded"),
        *("offline_update", "offline_reload", "offline_save", "offline_saved"),
        *("print_edition", "print_page", "print_cards", "print_scenario"),
    }
)


def _read(path: Path) -> tuple[list[tuple[str, int, yaml.Node]], None] | tuple[None, safe_yaml.YamlProblem]:
    try:
        return safe_yaml.entries(safe_yaml.compose(safe_yaml.decode(path.read_bytes()))), None
    except safe_yaml.YamlProblem as problem:
        return None, problem


def _optional(file: Path) -> set[str]:
    return {p for line in OPTIONAL.findall(file.read_text(encoding="utf-8-sig")) for p in PLACEHOLDER.findall(line)}


def file_problems(root: Path, locale: str, default: str, kind: WordsFile) -> list[Problem]:
    """Each problem of translations/<locale>/<kind.name>: its keys (ui.yml: SITE_WORDS, in every language;
    theme.yml: the default language's) and, against the default language's file, its {…}."""
    path, english_path = (root / "translations" / loc / kind.name for loc in (locale, default))
    name, english_name = (p.relative_to(root).as_posix() for p in (path, english_path))
    if not path.is_file():
        return []
    entries, broken = _read(path)
    if broken:
        return [
            Problem(
                name,
                broken.line,
                broken.what,
                "keep one 'key: translated words' per line (save the file as UTF-8); "
                "put quotes around words that contain ': ' or start with a quote, '{', '&', '*' or '!'.",
            )
        ]
    english = {key: (node.value if safe_yaml.is_text(node) else "") for key, _, node in (_read(english_path)[0] or [])}
    keys = SITE_WORDS if kind is UI else english.keys()
    optional = _optional(english_path) if english_path.is_file() and not kind.placeholders_exact else set()
    found = []
    for key, line, node in entries:
        if key not in keys:
            hint = f" (closest: {found_hint!r})" if (found_hint := closest(key, keys)) else ""
            found.append(
                Problem(
                    name,
                    line,
                    f"'{key}' is not one of the site's own words (nothing shows it)",
                    f"check its spelling{hint}; a new word is added to SITE_WORDS in "
                    "hooks/keep_your_cool/checks/language_words.py with the code that shows it.",
                )
                if locale == default
                else Problem(
                    name,
                    line,
                    f"'{key}' is not a key of {english_name}",
                    f"use the keys of the English file exactly{hint}; translate only the words after ': '.",
                )
            )
            continue
        if not safe_yaml.is_text(node) or not node.value.strip():
            kind_of = (
                "no words"
                if not isinstance(node, yaml.ScalarNode) or node.value == ""
                else "a number, true/false or null, not words"
            )
            found.append(
                Problem(
                    name,
                    line,
                    f"'{key}' has {kind_of}",
                    "write the translated words after ': ' (in quotes if they look like a number).",
                )
            )
            continue
        value = node.value
        wanted, have = set(PLACEHOLDER.findall(english.get(key, ""))), set(PLACEHOLDER.findall(value))
        if locale != default and key in english and (have - wanted or wanted - have - optional):
            found.append(
                Problem(
                    name,
                    line,
                    f"'{key}' has the placeholders {', '.join(sorted(have)) or 'none'}; English has {', '.join(sorted(wanted)) or 'none'}",
                    "keep each {placeholder} exactly as in English, untranslated (the site puts a name or number there).",
                )
            )
        if markup := markup_in(PLACEHOLDER.sub("", value)):
            found.append(
                Problem(name, line, f"'{key}' holds markup ('{markup}'): the site shows these words as plain text", PLAIN)
            )
    if kind is UI:  # every word the site shows must exist; a theme label left out keeps Material's own
        last = max((line for _, line, _ in entries), default=0) + 1
        have = {key for key, _, _ in entries}
        # a translation is told only of what English gives (English's own gaps are English's problems)
        wanted = [key for key in english if key in SITE_WORDS]
        wanted += sorted(SITE_WORDS - english.keys()) if locale == default else []
        found += [
            Problem(
                name,
                last,
                f"'{key}' is missing: the site shows these words in every language that does not translate them",
                f"add '{key}: <words>' (git log -p {name} shows what it said).",
            )
            if locale == default
            else Problem(name, last, f"'{key}' is missing (it is in {english_name})", f"add '{key}: <translated words>'.")
            for key in wanted
            if key not in have
        ]
    return found


def read_words(root: Path, locale: str, kind: WordsFile) -> dict[str, str]:
    """The words a file gives (plain strings only); {} when it is absent or unreadable (the preflight says why)."""
    path = root / "translations" / locale / kind.name
    entries, _ = _read(path) if path.is_file() else ([], None)
    return {key: node.value for key, _, node in entries or [] if safe_yaml.is_text(node)}


def search_word_problems(root: Path, locale: str) -> list[Problem]:
    """translations/<locale>/search-words.yml: 'word: page' lines, the page a file of docs/<locale>/."""
    path = root / "translations" / locale / "search-words.yml"
    if not path.is_file():
        return []
    name = path.relative_to(root).as_posix()
    entries, broken = _read(path)
    if broken:
        what = f"search-words.yml is {broken.what.removeprefix('the file is ')}"
        return [Problem(name, broken.line, what, "write one 'word: page.md' per line, as UTF-8.")]
    return [
        Problem(name, line, f"the page for '{key}' is not a file name", "write the page's path under docs/, e.g. 'three-rs.md'.")
        for key, line, node in entries
        if not safe_yaml.is_text(node)
    ]


# A language's block in mkdocs.yml: what it may set, as plain text. Anything else static-i18n accepts
# there (theme beyond its language, extra, copyright, nav, site_url, links, admonition titles, default…)
# changes what the site runs or what other languages' readers get; it may only repeat English's.
BLOCK_TEXT = ("locale", "name", "site_name", "site_description")
BLOCK_KEYS = (*BLOCK_TEXT, "build", "nav_translations", "theme")


def _plain(node: yaml.Node) -> object:
    """A node as comparable data (safe: the block has no alias, so every node is visited once)."""
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    return sorted((_plain(key), _plain(value)) for key, value in node.value)


def language_blocks(text: str) -> list[tuple[yaml.MappingNode, int, int]]:
    """The i18n plugin's language blocks of an mkdocs.yml, as nodes with their first and last
    0-based lines (from the layout, never by walking a node: a block may alias itself a billion times)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # MkDocs' own tags (!ENV) elsewhere are MkDocs' to read

    def value(mapping, key):
        return next((v for k, v in mapping.value if k.value == key), None) if isinstance(mapping, yaml.MappingNode) else None

    for plugin in getattr(value(root, "plugins"), "value", None) or []:
        languages = value(value(plugin, "i18n"), "languages")
        if isinstance(languages, yaml.SequenceNode):
            starts = [node.start_mark.line for node in languages.value] + [languages.end_mark.line + 1]
            return [
                (node, first, max(first, after - 1))
                for node, first, after in zip(languages.value, starts, starts[1:])
                if isinstance(node, yaml.MappingNode)
            ]
    return []


def nav_labels_of(text: str) -> list[str]:
    """The labels of an mkdocs.yml's nav, read from its text (before MkDocs reads it): every value as
    text, MkDocs' own tags (!ENV) elsewhere left to MkDocs."""
    config = yaml.load(text, Loader=yaml.BaseLoader)
    return nav_labels(config.get("nav") if isinstance(config, dict) else None)


def block_problems(config_file: Path, root: Path, nav_labels: list[str]) -> list[Problem]:
    """Each problem in the translations' blocks of mkdocs.yml, at its line."""
    name = config_file.relative_to(root).as_posix() if config_file.is_relative_to(root) else config_file.name
    text = config_file.read_text(encoding="utf-8")
    blocks = language_blocks(text)
    found: list[Problem] = []

    def add(line: int, what: str, fix: str) -> None:
        found.append(Problem(name, line, what, fix))

    def texts(node: yaml.Node) -> dict:
        return {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}

    english = next((b for b, _, _ in blocks if getattr(texts(b).get("default"), "value", None) == "true"), None)
    english_keys = texts(english) if english is not None else {}
    titles = {str(label) for label in nav_labels}
    allowed = ", ".join(BLOCK_KEYS[:-1]) + " and theme: language"
    for block, first, last in blocks:
        if block is english:
            continue
        try:
            safe_yaml.refuse_hazards(text, first, last)
        except safe_yaml.YamlProblem as problem:
            add(problem.line, problem.what, "write the language's block out in full, in plain 'key: value' lines.")
            continue
        keys = texts(block)
        locale = keys["locale"].value if safe_yaml.is_text(keys.get("locale")) else "?"
        for key_node, node in block.value:
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in BLOCK_TEXT:
                if not safe_yaml.is_text(node) or not node.value.strip():
                    add(
                        line,
                        f"the {locale} {key} is not text",
                        f"write the {key} as words after '{key}: ' (quoted if it contains ': ').",
                    )
                elif (markup := markup_in(node.value)) or '"' in node.value:
                    add(
                        line,
                        f"the {locale} {key} holds markup ('{markup or node.value}')",
                        PLAIN + " Use the language's own quotation marks, not '\"'.",
                    )
            elif key == "build":
                if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool"):
                    add(line, f"the {locale} build is not true or false", "write 'build: true'.")
            elif key == "nav_translations":
                for title, label, title_line in _pairs(node, line, add, locale):
                    if title not in titles:
                        hint = closest(title, titles)
                        add(
                            title_line,
                            f"nav_translations key '{title}' is not a title of the nav",
                            f"copy the English title from mkdocs.yml's nav exactly{f' (closest: {hint!r})' if hint else ''}.",
                        )
                    if label is None:
                        add(
                            title_line,
                            f"the {locale} nav title for '{title}' is not text",
                            "write the translated title after ': '.",
                        )
                    elif (markup := markup_in(label)) or '"' in label:
                        add(title_line, f"the {locale} nav title for '{title}' holds markup ('{markup or label}')", PLAIN)
            elif key == "theme" and _theme_is_language_only(node, locale):
                continue
            elif key in english_keys and _plain(english_keys[key]) == _plain(node):
                continue  # the same as English: changes nothing
            else:
                add(
                    line,
                    f"'{key}' cannot be set in the {locale} block: a translation may give only its words, "
                    "not change what the site runs or what other languages' readers get"
                    + (f" (theme may only say 'language: {locale}')" if key == "theme" else ""),
                    f"remove it; a language's block may set {allowed} (to its own locale).",
                )
    return found


def _theme_is_language_only(node: yaml.Node, locale: str) -> bool:
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    key, value = node.value[0]
    return key.value == "language" and safe_yaml.is_text(value) and value.value == locale


def _pairs(node: yaml.Node, line: int, add, locale: str):
    """(title, label or None, line) of nav_translations."""
    if not isinstance(node, yaml.MappingNode):
        add(
            line, f"the {locale} nav_translations is not a list of 'English title: translated title' lines", "write one per line."
        )
        return
    for key, value in node.value:
        yield str(key.value), (value.value if safe_yaml.is_text(value) else None), key.start_mark.line + 1


def english_problems(root: Path, default: str) -> list[Problem]:
    """The default language's own words, which every language falls back to: they must be there, and readable."""
    english = root / "translations" / default / UI.name
    if not english.is_file():
        return [
            Problem(
                english.relative_to(root).as_posix(),
                None,
                "the site's own words in its default language are missing: every page and every language needs them",
                f"restore the file (git checkout {english.relative_to(root).as_posix()}), or copy it from the project.",
            )
        ]
    return file_problems(root, default, default, UI)


def word_problems(root: Path, config_file: Path, locales: list[str], default: str, nav_labels: list[str]) -> list[Problem]:
    """Every problem in every language's words, in one run: ui.yml, theme.yml, search-words.yml, mkdocs.yml."""
    found = english_problems(root, default)
    found += [
        p for locale in locales if locale != default for kind in (UI, THEME) for p in file_problems(root, locale, default, kind)
    ]
    found += [p for locale in locales for p in search_word_problems(root, locale)]
    return found + block_problems(config_file, root, nav_labels)
