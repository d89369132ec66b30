"""One "page not found" page for every language: the root 404.html.

Static hosts (GitHub Pages among them) serve only the root 404.html, at whatever address was
asked for. mkdocs-static-i18n renders the theme's 404.html once per language, every time to
the site root: keep the default language's, and give overrides/404.html every language's words
(translations/<lang>/ui.yml) and the site's top-level folders, from which its script finds the
site's root and the language of the address asked for, under any sub-path.
"""

from __future__ import annotations

from keep_your_cool.model.site import Site
from keep_your_cool.model.words import ui_words

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


def add_context(context, site: Site) -> None:
    """What overrides/404.html needs to find the site's root and the reader's language (static-i18n has added its own)."""
    context["not_found_languages"] = languages_words(site)
    context["site_top_level"] = top_level_names([page.url for page in context["nav"].pages])
    # links relative to the site root, which the page's script sets as <base> (the page is
    # served at any depth: MkDocs' absolute links from site_url break under another sub-path)
    context["base_url"] = "."
