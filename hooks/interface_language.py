"""The theme's labels, and the site's own words mkdocs.yml can only give once, in the language being built.

Material's labels (skip link, search, footer, edit button, language selector…) come through its
documented custom translation: theme.language is "custom" for every language's build and
overrides/partials/languages/custom.html gives the language's own labels (translations/<lang>/theme.yml,
checked with the other words by the preflight: checks/language_words.py), else Material's translation
for the language. translations/en/theme.yml lists every label a translation may give.

mkdocs.yml can give a label in one language only: the section links' "copy link" label (the toc
extension's `permalink_title`, which overrides/assets/javascripts/sections.js also uses as the
control's accessible name) and the palette toggle's names. Set them for each language's build
from translations/<lang>/ui.yml, and give the site's scripts the words they show (overrides/main.html
puts `config.extra.script_words` in the page).

MkDocs renders templates with autoescape off, so a word reaching Material's HTML is escaped here.
"""

from __future__ import annotations

import html
from pathlib import Path

import material
from mkdocs.plugins import event_priority

from checks.language_words import THEME, read_words
from model.compiled_templates import compiled_templates
from model.site import from_config
from model.words import ui_words

# The toggle shown on a palette switches to the other one.
PALETTE_TOGGLE_WORDS = {"default": "switch_to_dark", "slate": "switch_to_light"}
# Labels Material's templates hand only to its scripts, in the page's __config JSON (through `tojson`,
# which makes them safe there): given as written, or a '"' would read "&quot;" in search results.
# Every other label reaches HTML text or attributes, escaped. tests/test_theme_words.py guards this.
SCRIPT_LABELS = frozenset(
    {
        "clipboard.copy",
        "clipboard.copied",
        "search.result.placeholder",
        "search.result.none",
        "search.result.one",
        "search.result.other",
        "search.result.more.one",
        "search.result.more.other",
        "search.result.term.missing",
        "select.version",
    }
)
# Labels that assets/javascripts/ add to pages.
SCRIPT_WORDS = ("print_cards", "print_scenario", "print_page")
CUSTOM = "partials/languages/custom.html"  # overrides/: Material's custom translation
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def label_toggles(palettes: list[dict], words: dict[str, str]) -> None:
    for palette in palettes:
        key = PALETTE_TOGGLE_WORDS.get(palette.get("scheme", "default"))
        if palette.get("toggle") and key in words:
            palette["toggle"]["name"] = html.escape(words[key])  # Material writes it into attributes as it is


def theme_labels(root: Path, locale: str) -> dict[str, str]:
    """The labels translations/<locale>/theme.yml gives, ready for Material's templates."""
    labels = {
        key: value if key in SCRIPT_LABELS else html.escape(value) for key, value in read_words(root, locale, THEME).items()
    }
    return {**labels, "language": locale}  # <html lang>, also for a language Material has no translation for


@event_priority(-150)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def on_config(config):
    locale = config.plugins["i18n"].current_language
    site = from_config(config)
    words = ui_words(site.root, locale, site.default.locale)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["copy_link"]
    config.extra["script_words"] = {key: words[key] for key in SCRIPT_WORDS}
    if any((Path(folder) / CUSTOM).is_file() for folder in config.theme.dirs):  # a site without it keeps Material's
        config.theme["language"] = "custom"
    palettes = config.theme.get("palette")
    if isinstance(palettes, list):
        label_toggles(palettes, words)
    return config


def on_env(env, config, files):
    locale = config.plugins["i18n"].current_language
    site = from_config(config)
    env.globals["theme_labels"] = theme_labels(site.root, locale)
    env.globals["material_language"] = locale if (MATERIAL_LANGUAGES / f"{locale}.html").is_file() else "en"
    env.globals["language_home"] = site.url(locale, "index.md")  # titled by the edition's name alone (overrides/main.html)
    env.bytecode_cache = compiled_templates(config)  # each language's build reuses the templates the first compiled
    return env
