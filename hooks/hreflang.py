"""Language alternates as absolute addresses, with an x-default.

mkdocs-static-i18n points `config.extra.alternate` (Material's language switcher and the
`<link rel="alternate" hreflang>` tags in <head>) at the same page in every language, but as
paths: search engines want full addresses, and an x-default for readers of other languages
(the default language's page, added by overrides/main.html). The 404 page has no page of its
own in other languages: its alternates are the languages' home pages.
"""
from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.plugins import event_priority

from site_languages import default_locale


def absolute(alternates: list[dict], site_url: str) -> list[dict]:
    """The same alternates, each link made absolute against site_url."""
    return [{**alt, "link": urljoin(site_url, alt["link"])} for alt in alternates]


def home_pages(languages, site_url: str) -> list[dict]:
    """Each language's home page as an alternate (languages: the i18n plugin's language configs)."""
    return [{"name": lang.name, "lang": lang.locale, "link": urljoin(site_url, lang.link.lstrip("/"))}
            for lang in languages if lang.build]


def x_default(alternates: list[dict], default: str) -> str | None:
    return next((alt["link"] for alt in alternates if alt["lang"] == default), None)


def alternates_of(config) -> list[dict]:
    # mkdocs-static-i18n sets them as an attribute of config.extra on pages (which Jinja reads first)
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


@event_priority(-100)  # after mkdocs-static-i18n (50) has pointed the alternates at this page
def on_page_context(context, page, config, nav):
    if config.site_url and alternates_of(config):
        config.extra.alternate = absolute(alternates_of(config), config.site_url)
        context["x_default"] = x_default(config.extra.alternate, default_locale(config))
    return context


def on_pre_template(template, template_name, config):
    if template_name == "404.html" and config.site_url and alternates_of(config):
        config.extra.alternate = home_pages(config.plugins["i18n"].config.languages, config.site_url)
    return template
