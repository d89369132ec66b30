"""A one-entry sitemap beside every page, for Material's language switcher.

Material fetches `sitemap.xml` next to each `<link rel="alternate">` of a page, expecting
alternates to be language roots. Ours point at the same page in each language (as search
engines need), so it asks for `<page>/sitemap.xml` on every page: without these files each
page load costs 404s and console errors. Each file holds just that page's entry and its
alternates, copied from the full sitemap mkdocs-static-i18n writes at the site root (the
one search engines read, left untouched).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def write_page_sitemaps(site_dir: Path, site_url: str) -> int:
    """Write <page folder>/sitemap.xml for every entry of the root sitemap; return how many."""
    root_path = urlsplit(site_url).path
    written = 0
    for url in ET.parse(site_dir / "sitemap.xml").getroot().findall(f"{{{SITEMAP_NS}}}url"):
        folder = urlsplit(url.findtext(f"{{{SITEMAP_NS}}}loc")).path.removeprefix(root_path)
        if not folder:  # the site root keeps the full sitemap
            continue
        single = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        single.append(url)
        ET.ElementTree(single).write(site_dir / folder / "sitemap.xml", encoding="utf-8", xml_declaration=True)
        written += 1
    return written


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and the full sitemap
def on_post_build(config):
    if config.plugins["i18n"].building or not (Path(config.site_dir) / "sitemap.xml").is_file():
        return
    write_page_sitemaps(Path(config.site_dir), config.site_url or "/")
