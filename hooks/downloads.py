"""The download box (overrides/partials/downloads.html) on pages whose front matter has `downloads: true`:
the offline edition and the page's language's handbook, each with its size in the reader's words.

The files are the ones `make publish` makes (scripts/handbook.py, scripts/offline.py) into the folder
that KYC_DOWNLOADS names; the build copies them into the site's downloads/ and the box links only those
that are there. A copy built without them (`make build`) shows no box, so no link that fails. The
offline edition carries the handbooks, never itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from model.site import from_config
from model.words import ui_words
from offline_edition import offline

OFFLINE_EDITION = "keep-your-cool-offline.zip"
FOLDER = "downloads"
SOURCE = "KYC_DOWNLOADS"  # the folder holding the files, relative to mkdocs.yml's folder


def handbook(locale: str) -> str:
    return f"keep-your-cool-{locale}.pdf"


def source_folder(config) -> Path | None:
    folder = os.environ.get(SOURCE)
    return Path(config.config_file_path).parent / folder if folder else None


def available(config) -> dict[str, int]:
    """The files this build publishes in downloads/, by name, with their size in bytes."""
    folder = source_folder(config)
    if not folder or not folder.is_dir():
        return {}
    names = {handbook(locale) for locale in from_config(config).locales}
    if not offline(config):  # the offline edition holds the handbooks, not itself
        names.add(OFFLINE_EDITION)
    return {name: (folder / name).stat().st_size for name in sorted(names) if (folder / name).is_file()}


def size_label(size: int, words: dict[str, str]) -> str:
    """A file's size as its reader writes it: '2.4 MB', '2,4 Mo', '830 kB'."""
    if size >= 1_000_000:
        number, template = f"{size / 1_000_000:.1f}", words["downloads_size_mb"]
    else:
        number, template = f"{max(1, round(size / 1000))}", words["downloads_size_kb"]
    return template.replace("{size}", number.replace(".", words["decimal_mark"]))


@event_priority(-100)  # after mkdocs-static-i18n (50) has set the page's language
def on_page_context(context, page, config, nav):
    if page.meta.get("downloads") is not True:
        return context
    files = available(config)
    site, locale = from_config(config), config.plugins["i18n"].current_language
    words = ui_words(site.root, locale, site.default.locale)
    links = []
    if OFFLINE_EDITION in files:
        links.append({"file": OFFLINE_EDITION, "label": words["downloads_offline"], "how": words["downloads_offline_how"]})
    if handbook(locale) in files:
        label = words["downloads_handbook"].replace("{language}", site.language(locale).name)
        links.append({"file": handbook(locale), "label": label, "hreflang": locale})
    for link in links:
        link["size"] = size_label(files[link["file"]], words)
    if links:
        context["downloads"] = {"folder": FOLDER, "words": words, "links": links}
    return context


def on_post_build(config):
    if config.plugins["i18n"].building:  # once, after every language is built
        return
    files = available(config)
    if files:
        target = Path(config.site_dir) / FOLDER
        target.mkdir(exist_ok=True)
        for name in files:
            shutil.copyfile(source_folder(config) / name, target / name)
