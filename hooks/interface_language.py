"""The theme's labels in the language being built.

mkdocs.yml can give a label in one language only: the section links' "copy link" label (the toc
extension's `permalink_title`, which overrides/assets/javascripts/sections.js also uses as the
control's accessible name) and the palette toggle's names. Set them for each language's build
from translations/<lang>/ui.yml, and give the site's scripts the words they show (overrides/main.html
puts `config.extra.script_words` in the page).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_languages import default_locale, ui_words

# The toggle shown on a palette switches to the other one.
PALETTE_TOGGLE_WORDS = {"default": "switch_to_dark", "slate": "switch_to_light"}
# Labels that assets/javascripts/ add to pages.
SCRIPT_WORDS = ("print_cards",)


def label_toggles(palettes: list[dict], words: dict[str, str]) -> None:
    for palette in palettes:
        key = PALETTE_TOGGLE_WORDS.get(palette.get("scheme", "default"))
        if palette.get("toggle") and key in words:
            palette["toggle"]["name"] = words[key]


@event_priority(-150)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def on_config(config):
    locale = config.plugins["i18n"].current_language
    words = ui_words(Path(config.config_file_path).parent, locale, default_locale(config))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["copy_link"]
    config.extra["script_words"] = {key: words[key] for key in SCRIPT_WORDS}
    palettes = config.theme.get("palette")
    if isinstance(palettes, list):
        label_toggles(palettes, words)
    return config
