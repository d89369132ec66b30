"""The language switcher's links, relative to the page, so the site works at any address.

mkdocs-static-i18n points `config.extra.alternate` (Material's language switcher) at the same
page in every language, as a path from the server's root ("/fr/", "fr/three-rs/"). Made
relative to the site's root instead, Material's `url` filter turns each into a link relative
to the page ("../fr/three-rs/"): it then works under any sub-path and from an unzipped copy.

Search engines read each page's address in every language from sitemap.xml (absolute, written
by mkdocs-static-i18n): overrides/main.html leaves the `<link rel="alternate">` tags out of
<head>, because Material fetches a sitemap.xml beside each of them. The 404 page has no page
of its own in other languages: its alternates are the languages' home pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from keep_your_cool.model.site import Site


def from_site_root(link: str, site_url: str | None) -> str:
    """A switcher link as a path from the site's root: '/kyc/fr/' -> 'fr/', '/kyc/' -> '.'."""
    root = urlsplit(site_url or "/").path
    path = urlsplit(link).path
    if path.startswith(root):
        path = path[len(root) :]
    return path.lstrip("/") or "."


def relative(alternates: list[dict], site_url: str | None) -> list[dict]:
    return [{**alt, "link": from_site_root(alt["link"], site_url)} for alt in alternates]


def home_pages(site: Site) -> list[dict]:
    """Each language's home page as an alternate, from the site's root."""
    return [{"name": lang.name, "lang": lang.locale, "link": lang.prefix or "."} for lang in site.languages]


def alternates_of(config) -> list[dict]:
    # mkdocs-static-i18n sets them as an attribute of config.extra on pages (which Jinja reads first)
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def point_at_page(config) -> None:
    """The switcher's links for the page being rendered (static-i18n has pointed them at it)."""
    if alternates_of(config):
        config.extra.alternate = relative(alternates_of(config), config.site_url)


def point_at_homes(config, site: Site) -> None:
    """A page with no page of its own in other languages (404.html): the switcher leads to each home page."""
    if alternates_of(config):
        config.extra.alternate = home_pages(site)
