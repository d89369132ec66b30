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

from mkdocs.plugins import event_priority

from site_languages import default_locale, locales

INDEX = Path("search") / "search_index.json"
LUNR_LANGUAGES = Path("assets") / "javascripts" / "lunr" / "min"


def lunr_supports(locale: str, site_dir: Path) -> bool:
    return locale == "en" or (site_dir / LUNR_LANGUAGES / f"lunr.{locale}.min.js").exists()


def split_index(index: dict, all_locales: list[str], default: str, site_dir: Path) -> dict[str, dict]:
    """Return one search index per locale, with locations relative to that locale's root."""
    prefixes = {locale: "" if locale == default else f"{locale}/" for locale in all_locales}
    split: dict[str, dict] = {}
    for locale in prefixes:
        config = dict(index["config"])
        if lunr_supports(locale, site_dir):
            config["lang"] = [locale]
        else:
            config["lang"], config["pipeline"] = ["en"], []
        split[locale] = {"config": config, "docs": []}
    for doc in index["docs"]:
        locale = next(
            (loc for loc, prefix in prefixes.items() if prefix and doc["location"].startswith(prefix)),
            default,
        )
        split[locale]["docs"].append({**doc, "location": doc["location"][len(prefixes[locale]) :]})
    return split


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:  # an inner build of one language: the merged index is not final yet
        return
    site_dir = Path(config.site_dir)
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    default = default_locale(config)
    for locale, index in split_index(merged, locales(config), default, site_dir).items():
        target = site_dir / ("" if locale == default else locale) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
