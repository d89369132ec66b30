"""Section links in the reader's language.

Every heading carries a permalink (the toc extension); overrides/assets/javascripts/sections.js
turns it into a "copy link" control. Its label is the toc extension's `permalink_title`, which
mkdocs.yml can only give in one language: set it for each language's build from translations/<lang>/ui.yml.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_languages import default_locale, ui_words


@event_priority(-150)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def on_config(config):
    locale = config.plugins["i18n"].current_language
    words = ui_words(Path(config.config_file_path).parent, locale, default_locale(config))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["copy_link"]
    return config
