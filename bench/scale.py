"""A projection of growth: the guide with ten times the pages in ten languages, generated from the real
pages, built twice — as ours, and as stock Material with mkdocs-static-i18n (what a stock multilingual
Material site is) — to show what a reader downloads as the site grows.

Generated languages beyond ours reuse our translations' text under other locale codes (not the default
language's: mkdocs-static-i18n leaves pages identical to the default language out of search); each holds
its pages ten times (the real tree, then nine copies in sub-folders). Both sites get the same automatic
navigation (no `nav`), so the menu grows alike in both; the builds are not strict (copies are not in a nav).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from keep_your_cool.model.site import Site
from sites import build

# Locales Material and lunr both know; the first ones are replaced by ours, in our order.
EXTRA_LOCALES = ["de", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "no"]
LANGUAGES, COPIES = 10, 10


def generate_docs(docs: Path, site: Site) -> list[str]:
    """docs/<locale>/ for ten locales, each with the real pages ten times; returns the locales (ours
    first, the default language first of all: it is the projection's default too)."""
    translations = [lang.locale for lang in site.languages if not lang.default]
    ours = [site.default.locale, *translations]
    locales = (ours + [loc for loc in EXTRA_LOCALES if loc not in ours])[:LANGUAGES]
    reused = translations or ours
    for i, locale in enumerate(locales):
        source = site.docs_dir / (ours[i] if i < len(ours) else reused[(i - len(ours)) % len(reused)])
        for copy in range(COPIES):
            target = docs / locale / (f"part-{copy}" if copy else "")
            shutil.copytree(source, target, dirs_exist_ok=True)
    return locales


def languages_block(locales: list[str]) -> list[dict]:
    return [{"locale": loc, "name": loc, "build": True, **({"default": True} if i == 0 else {})} for i, loc in enumerate(locales)]


def write_configs(work: Path, site: Site) -> tuple[Path, Path, list[str]]:
    """Two mkdocs.yml over one generated docs tree: ours (our theme and plugins) and stock."""
    docs = work / "docs"
    locales = generate_docs(docs, site)
    shutil.copytree(site.root / "translations", work / "translations")  # our plugin reads the site's own words there
    # our mkdocs.yml as written (MkDocs' own reading of its YAML, !ENV included), to write a changed copy
    ours = yaml_load(Path(site.config.config_file_path).read_text(encoding="utf-8"))
    ours.pop("nav", None)
    ours["docs_dir"] = str(docs)
    ours["theme"]["custom_dir"] = str(site.root / "overrides")
    ours["validation"] = {}  # the copies are not in a nav: not a problem for a projection
    for plugin in ours["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["languages"] = languages_block(locales)
    stock = {
        "site_name": ours["site_name"],
        "docs_dir": str(docs),
        "theme": {"name": "material"},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages_block(locales)}}],
    }
    paths = []
    for name, config in (("ours", ours), ("stock", stock)):
        path = work / f"mkdocs-{name}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], locales


def build_scaled(work: Path, site: Site) -> dict:
    """Build both projected sites; returns their site folders, locales and page counts."""
    ours_yml, stock_yml, locales = write_configs(work, site)
    sites = {"ours": work / "ours-scaled", "stock": work / "stock-scaled"}
    for name, config in (("ours", ours_yml), ("stock", stock_yml)):
        done = build(config, sites[name], strict=False)
        if not done.ok:
            raise RuntimeError(f"the projected {name} site did not build:\n{done.log[-2000:]}")
    pages = sum(1 for _ in (work / "docs").rglob("*.md"))
    return {"sites": sites, "locales": locales, "pages": pages}
