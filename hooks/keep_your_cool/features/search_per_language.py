"""Give each language its own search index.

mkdocs-static-i18n merges every language into one `search/search_index.json`,
so a French reader gets English results. After the whole build we split that
index into `search/search_index.json` (default language) and
`<locale>/search/search_index.json`, and `overrides/main.html` points each
page's search at its own language's index.

lunr has no stemmer or stop-word list for some languages (Tagalog): their index
uses an empty pipeline, so words are matched as typed and, through Material's
trailing wildcard, from their first letters.
"""

from __future__ import annotations

import json
from pathlib import Path

from keep_your_cool.model.markdown_facts import read_front_matter
from keep_your_cool.model.site import Site

INDEX = Path("search") / "search_index.json"
LUNR_LANGUAGES = Path("assets") / "javascripts" / "lunr" / "min"


def lunr_supports(locale: str, site_dir: Path) -> bool:
    return locale == "en" or (site_dir / LUNR_LANGUAGES / f"lunr.{locale}.min.js").exists()


def body(file: Path) -> list[str]:
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    return lines[read_front_matter(lines)[1] :]


def still_a_copy(site: Site, locale: str, page: str) -> bool:
    """The language's file for the page says, word for word, what the default language's says."""
    return locale != site.default.locale and body(site.source(locale, page)) == body(site.source(site.default.locale, page))


def split_index(index: dict, site: Site, site_dir: Path) -> dict[str, dict]:
    """One search index per language, with locations relative to that language's root.

    A language's index holds the pages it has its own file for, and only them: a page it
    still lacks is shown in English under its address, and stays out of its index (it is in
    the English one). A page still copied word for word from English is in it, although
    mkdocs-static-i18n leaves such duplicates out of the merged index."""
    split: dict[str, dict] = {}
    for language in site.languages:
        config = dict(index["config"])
        if lunr_supports(language.locale, site_dir):
            config["lang"] = [language.locale]
        else:
            config["lang"], config["pipeline"] = ["en"], []
        split[language.locale] = {"config": config, "docs": []}
    by_page: dict[tuple[str, str], list[dict]] = {}
    for doc in index["docs"]:
        found = site.page_at(doc["location"])
        if found:
            language, page = found
            by_page.setdefault((language.locale, page), []).append({**doc, "location": doc["location"][len(language.prefix) :]})
    for language in site.languages:
        for page in site.pages(language.locale):
            docs = by_page.get((language.locale, page))
            if not docs and still_a_copy(site, language.locale, page):  # left out by static-i18n as a duplicate
                docs = by_page.get((site.default.locale, page), [])
            split[language.locale]["docs"] += docs or []
    return split


def write_indexes(site: Site, site_dir: Path) -> None:
    """Once every language is built (static-i18n has written the merged index): one index per language."""
    if not (site_dir / INDEX).is_file():  # a site without the search plugin
        return
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    for locale, index in split_index(merged, site, site_dir).items():
        target = site_dir / site.language(locale).prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
