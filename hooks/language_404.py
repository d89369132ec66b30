"""One "page not found" page for every language: the root 404.html.

Static hosts (GitHub Pages among them) serve only the root 404.html, at whatever address was
asked for. mkdocs-static-i18n renders the theme's 404.html once per language, every time to
the site root: keep the default language's, and give overrides/404.html every language's words
(translations/<lang>/ui.yml) and the site's top-level folders, from which its script finds the
site's root and the language of the address asked for, under any sub-path.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from model.site import Site, from_config
from model.words import ui_words

TEMPLATE = "404.html"


def languages_words(site: Site) -> list[dict]:
    """Each built language's folder ('' for the default), site name and not-found words, the default first."""
    return [
        {
            "locale": lang.locale,
            "folder": lang.prefix.strip("/"),
            "site_name": lang.site_name,
            "words": ui_words(site.root, lang.locale, site.default.locale),
        }
        for lang in sorted(site.languages, key=lambda lang: not lang.default)
    ]


def top_level_names(urls: list[str]) -> list[str]:
    """The first segment of each page address: 'examples/late-damaged-order/' -> 'examples'."""
    return sorted({url.split("/")[0] for url in urls if url.split("/")[0] not in ("", ".")})


@event_priority(-100)  # after mkdocs-static-i18n (50) has added its own variables
def on_template_context(context, template_name, config):
    if template_name == TEMPLATE:
        context["not_found_languages"] = languages_words(from_config(config))
        context["site_top_level"] = top_level_names([page.url for page in context["nav"].pages])
        # links relative to the site root, which the page's script sets as <base> (the page is
        # served at any depth: MkDocs' absolute links from site_url break under another sub-path)
        context["base_url"] = "."
    return context


def on_post_template(output, template_name, config):
    if template_name == TEMPLATE and config.plugins["i18n"].current_language != from_config(config).default.locale:
        return ""  # MkDocs writes nothing for an empty page: the root 404.html stays the default language's
    return output
