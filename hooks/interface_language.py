"""The theme's labels in the language being built.

Material's own labels (skip link, search, footer, language selector…) come from its
translation for the language; translations/<lang>/theme.yml replaces any of them, and
overrides/partials/language.html reads the replacements from the `theme_words` template
variable set here. translations/en/theme.yml lists every label a translation may give.

mkdocs.yml can give a label in one language only: the section links' "copy link" label (the toc
extension's `permalink_title`, which overrides/assets/javascripts/sections.js also uses as the
control's accessible name) and the palette toggle's names. Set them for each language's build
from translations/<lang>/ui.yml, and give the site's scripts the words they show (overrides/main.html
puts `config.extra.script_words` in the page).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from model.site import from_config
from model.words import ui_words

# The toggle shown on a palette switches to the other one.
PALETTE_TOGGLE_WORDS = {"default": "switch_to_dark", "slate": "switch_to_light"}
THEME_WORDS = "theme.yml"
PLACEHOLDER = re.compile(r"\{\w+\}")
# The theme writes its labels into HTML attributes and text unescaped.
MARKUP = re.compile(r'[<>"]')
# Labels that assets/javascripts/ add to pages.
SCRIPT_WORDS = ("print_cards", "print_scenario", "print_page")


def label_toggles(palettes: list[dict], words: dict[str, str]) -> None:
    for palette in palettes:
        key = PALETTE_TOGGLE_WORDS.get(palette.get("scheme", "default"))
        if palette.get("toggle") and key in words:
            palette["toggle"]["name"] = words[key]


def _read_labels(root: Path, locale: str) -> tuple[str, list[tuple[str, str, int]]]:
    """translations/<locale>/theme.yml as (file, [(key, value, line)]); a YAML mistake is a located error."""
    file = root / "translations" / locale / THEME_WORDS
    name = file.relative_to(root).as_posix()
    if not file.is_file():
        return name, []
    try:
        node = yaml.compose(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise PluginError(
            f"{where}: not valid YAML ({getattr(error, 'problem', error)}). "
            "Fix: write one 'key: label' per line, quoting a label that contains ': '."
        ) from None
    if node is None:
        return name, []
    if not isinstance(node, yaml.MappingNode):
        raise PluginError(
            f"{name}:{node.start_mark.line + 1}: not a list of 'key: label' lines. "
            "Fix: copy the layout of translations/en/theme.yml."
        )
    labels = []
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not isinstance(value, yaml.ScalarNode) or value.tag != "tag:yaml.org,2002:str":
            raise PluginError(
                f"{name}:{line}: the label of '{key.value}' is not text. "
                "Fix: write the label as one line of text after the colon."
            )
        labels.append((key.value, value.value, line))
    return name, labels


def theme_words(root: Path, locale: str, default: str) -> dict[str, str]:
    """The theme's labels that translations/<locale>/theme.yml gives, checked against the default language's list."""
    reference_file, reference = _read_labels(root, default)
    allowed = {key: set(PLACEHOLDER.findall(value)) for key, value, _ in reference}
    name, labels = _read_labels(root, locale)
    problems = []
    for key, value, line in labels:
        if key not in allowed:
            problems.append(
                f"{name}:{line}: '{key}' is not one of the theme's labels. "
                f"Fix: use a key listed in {reference_file}, spelled the same."
            )
        elif set(PLACEHOLDER.findall(value)) != allowed[key]:
            problems.append(
                f"{name}:{line}: the label of '{key}' must contain {', '.join(sorted(allowed[key])) or 'no {…}'}, as in {reference_file}. "
                "Fix: keep each {…} as it is (it is replaced by the theme) and translate the words around it."
            )
        elif MARKUP.search(value):
            problems.append(
                f"{name}:{line}: the label of '{key}' contains {MARKUP.search(value).group()!r}, which would break the page's HTML. "
                "Fix: use the language's own quotation marks (« », “ ”) and no HTML."
            )
    if problems:
        raise PluginError("\n".join(problems))
    return {key: value for key, value, _ in labels}


@event_priority(-150)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def on_config(config):
    locale = config.plugins["i18n"].current_language
    site = from_config(config)
    words = ui_words(site.root, locale, site.default.locale)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["copy_link"]
    config.extra["script_words"] = {key: words[key] for key in SCRIPT_WORDS}
    palettes = config.theme.get("palette")
    if isinstance(palettes, list):
        label_toggles(palettes, words)
    return config


def on_env(env, config, files):
    locale = config.plugins["i18n"].current_language
    site = from_config(config)
    env.globals["theme_words"] = theme_words(site.root, locale, site.default.locale)
    env.globals["language_home"] = site.url(locale, "index.md")  # titled by the edition's name alone (overrides/main.html)
    return env
