"""Every hook in hooks/ is wired into mkdocs.yml, and the search index is split per language."""

from __future__ import annotations

from pathlib import Path

import search_per_language
from conftest import ROOT
from site_languages import read_mkdocs_yml


def registered_hooks() -> set[str]:
    return {Path(hook).name for hook in read_mkdocs_yml(ROOT / "mkdocs.yml")["hooks"]}


def test_every_hook_with_an_event_is_registered():
    hook_files = {p.name for p in (ROOT / "hooks").glob("*.py") if "\ndef on_" in p.read_text(encoding="utf-8")}
    assert hook_files, "no hooks found"
    assert hook_files == registered_hooks()


def test_split_index_gives_each_language_its_own_pages(tmp_path):
    merged = {
        "config": {"lang": ["en", "fr"], "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Home", "text": "hello"},
            {"location": "fr/", "title": "Accueil", "text": "bonjour"},
            {"location": "tl/three-rs/#regret", "title": "Pagsisisi", "text": "paumanhin"},
        ],
    }
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr/min/lunr.fr.min.js").touch()
    split = search_per_language.split_index(merged, ["en", "fr", "tl"], "en", tmp_path)
    assert [d["title"] for d in split["en"]["docs"]] == ["Home"]
    assert split["fr"]["docs"] == [{"location": "", "title": "Accueil", "text": "bonjour"}]
    assert split["tl"]["docs"][0]["location"] == "three-rs/#regret"
    assert split["fr"]["config"]["lang"] == ["fr"]
    # no lunr support for Tagalog: no stemmer or stop words, so words match as typed
    assert split["tl"]["config"]["lang"] == ["en"] and split["tl"]["config"]["pipeline"] == []
