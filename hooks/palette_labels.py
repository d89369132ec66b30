"""The palette toggle's label in the page's language.

mkdocs.yml can name each palette's toggle ("Switch to dark mode") in one language only: set the
names for each language's build from translations/<lang>/ui.yml, as hooks/section_links.py does
for the copy-link label.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_languages import default_locale, ui_words

# The toggle shown on a palette switches to the other one.
WORDS = {"default": "switch_to_dark", "slate": "switch_to_light"}


def label_toggles(palettes: list[dict], words: dict[str, str]) -> None:
    for palette in palettes:
        key = WORDS.get(palette.get("scheme", "default"))
        if palette.get("toggle") and key in words:
            palette["toggle"]["name"] = words[key]


@event_priority(-150)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def on_config(config):
    palettes = config.theme.get("palette")
    if isinstance(palettes, list):
        locale = config.plugins["i18n"].current_language
        label_toggles(palettes, ui_words(Path(config.config_file_path).parent, locale, default_locale(config)))
    return config
