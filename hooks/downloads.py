"""The download box (overrides/partials/downloads.html) on pages whose front matter has `downloads: true`:
the offline edition (`make offline`) and the page's language's handbook (`make handbook`), which the
site workflow publishes in downloads/. The offline edition itself has no box: it has no downloads/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from offline_edition import offline
from site_languages import default_locale, ui_words

OFFLINE_EDITION = "keep-your-cool-offline.zip"


def handbook(locale: str) -> str:
    return f"keep-your-cool-{locale}.pdf"


def language_name(config, locale: str) -> str:
    return next(lang.name for lang in config.plugins["i18n"].config.languages if lang.locale == locale)


@event_priority(-100)  # after mkdocs-static-i18n (50) has set the page's language
def on_page_context(context, page, config, nav):
    if page.meta.get("downloads") is True and not offline(config):
        locale = config.plugins["i18n"].current_language
        words = ui_words(Path(config.config_file_path).parent, locale, default_locale(config))
        context["downloads"] = {
            "locale": locale,
            "language": language_name(config, locale),
            "words": words,
            "offline": OFFLINE_EDITION,
            "handbook": handbook(locale),
        }
    return context
