"""The site's languages, read from mkdocs.yml (the one place they are declared), and its own words in each."""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml


def _languages(config) -> list:
    return config.plugins["i18n"].config.languages


def locales(config) -> list[str]:
    return [lang.locale for lang in _languages(config)]


def default_locale(config) -> str:
    return next(lang.locale for lang in _languages(config) if lang.default)


@cache  # read once per build, not per page; cleared when a new build starts (hooks/translation_status.py)
def ui_words(root: Path, locale: str, default: str) -> dict[str, str]:
    """The site's own words in `locale` (translations/<locale>/ui.yml), English for any not translated."""
    words = yaml.safe_load((root / "translations" / default / "ui.yml").read_text(encoding="utf-8"))
    own = root / "translations" / locale / "ui.yml"
    if own.is_file():
        words.update(yaml.safe_load(own.read_text(encoding="utf-8")) or {})
    return words


def read_mkdocs_yml(mkdocs_yml: Path) -> dict:
    """mkdocs.yml as data, for tools and tests that run without a build."""
    # mkdocs.yml may use !ENV (read like MkDocs does) and !!python/name tags (not run here)
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", _env)
    loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    loader.add_multi_constructor("!", lambda *_: None)
    return yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=loader)


def _env(loader, node):
    """`!ENV VAR` or `!ENV [VAR, ..., default]`: the first variable set, else the default."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[v] for v in variables if v in os.environ), default)


def declared_languages(mkdocs_yml: Path) -> list[dict]:
    """The i18n language entries of an mkdocs.yml."""
    for plugin in read_mkdocs_yml(mkdocs_yml).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise ValueError(f"{mkdocs_yml}: no i18n plugin with languages")
