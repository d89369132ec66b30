"""The download box (overrides/partials/downloads.html) on pages whose front matter has `downloads: true`:
the offline edition (`make offline`) and the page's language's handbook (`make handbook`), which the
site workflow publishes in downloads/. The offline edition itself has no box: it has no downloads/."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from model.site import from_config
from model.words import ui_words
from offline_edition import offline

OFFLINE_EDITION = "keep-your-cool-offline.zip"


def handbook(locale: str) -> str:
    return f"keep-your-cool-{locale}.pdf"


@event_priority(-100)  # after mkdocs-static-i18n (50) has set the page's language
def on_page_context(context, page, config, nav):
    if page.meta.get("downloads") is True and not offline(config):
        site, locale = from_config(config), config.plugins["i18n"].current_language
        words = ui_words(site.root, locale, site.default.locale)
        context["downloads"] = {
            "locale": locale,
            "language": site.language(locale).name,
            "words": words,
            "offline": OFFLINE_EDITION,
            "handbook": handbook(locale),
        }
    return context
