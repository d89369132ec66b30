"""A "page not found" page in each language: 404.html, fr/404.html, tl/404.html.

mkdocs-static-i18n renders the theme's 404.html once per language, every time to the
site root, so the last language built wins. Keep the default language's at the root,
write each other language's into its own folder, and give overrides/404.html the
site's own words in the page's language (translations/<lang>/ui.yml).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_languages import default_locale, ui_words

TEMPLATE = "404.html"


def destination(site_dir: Path, locale: str, default: str) -> Path:
    return site_dir / TEMPLATE if locale == default else site_dir / locale / TEMPLATE


@event_priority(-100)  # after mkdocs-static-i18n (50) has added its own variables
def on_template_context(context, template_name, config):
    if template_name == TEMPLATE:
        i18n = config.plugins["i18n"]
        root = Path(config.config_file_path).parent
        context["ui"] = ui_words(root, i18n.current_language, default_locale(config))
        # what overrides/main.html reads on pages, to send search to this language's index
        context["i18n_page_locale"], context["i18n_config"] = i18n.current_language, i18n.config
    return context


def on_post_template(output, template_name, config):
    if template_name != TEMPLATE:
        return output
    locale, default = config.plugins["i18n"].current_language, default_locale(config)
    if locale == default:
        return output
    target = destination(Path(config.site_dir), locale, default)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs writes nothing for an empty page: the root 404.html stays the default language's
