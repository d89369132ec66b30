"""Put a copy of the all-languages sitemap at each language's root.

Material's language switcher looks for `sitemap.xml` under each language's URL
to land the reader on the same page; mkdocs-static-i18n writes only the root one,
so without these copies every page logs a 404 and the switcher falls back.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from site_languages import default_locale, locales

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def copy_sitemaps(site_dir: Path, to_locales: list[str]) -> None:
    for locale in to_locales:
        for name in SITEMAPS:
            if (site_dir / name).exists():
                shutil.copyfile(site_dir / name, site_dir / locale / name)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    default = default_locale(config)
    copy_sitemaps(Path(config.site_dir), [loc for loc in locales(config) if loc != default])
