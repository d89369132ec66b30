"""Every file at the top of hooks/ is a hook wired into mkdocs.yml (and the checks and the site
model they call live in hooks/keep_your_cool/checks/ and hooks/keep_your_cool/model/); the search index is split per language."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SITE
from keep_your_cool.features import search_per_language
from keep_your_cool.model.site import load

EVENT = "\ndef on_"


def test_every_file_at_the_top_of_hooks_is_a_registered_hook():
    registered = {Path(module.__file__).name for module in SITE.config.hooks.values()}
    top = {p.name for p in (ROOT / "hooks").glob("*.py")}
    assert top and top == registered
    assert all(EVENT in (ROOT / "hooks" / name).read_text(encoding="utf-8") for name in top)


def test_no_module_below_hooks_handles_an_event():
    below = [p for folder in ("checks", "model") for p in (ROOT / "hooks" / folder).glob("*.py")]
    assert below and [p.name for p in below if EVENT in p.read_text(encoding="utf-8")] == []


def test_split_index_gives_each_language_only_its_own_pages(tmp_path):
    site = load(ROOT / "tests" / "fixtures" / "three-languages" / "mkdocs.yml")
    merged = {  # as mkdocs-static-i18n writes it: fr/three-rs/ left out, as a duplicate of English
        "config": {"lang": ["en", "fr"], "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Home", "text": "hello"},
            {"location": "three-rs/", "title": "Three", "text": "three"},
            {"location": "three-rs/#regret", "title": "Regret", "text": "sorry"},
            {"location": "extra/", "title": "Extra", "text": "more"},
            {"location": "examples/", "title": "Examples", "text": "cases"},
            {"location": "examples/late/", "title": "Late", "text": "late"},
            {"location": "fr/", "title": "Accueil", "text": "bonjour"},
            {"location": "fr/extra/", "title": "Extra", "text": "Pas encore traduit. more"},  # English, under a notice
            {"location": "tl/three-rs/#regret", "title": "Pagsisisi", "text": "paumanhin"},
            {"location": "tl/", "title": "Home", "text": "Hindi pa naisasalin. hello"},
        ],
    }
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr/min/lunr.fr.min.js").touch()
    split = search_per_language.split_index(merged, site, tmp_path)
    locations = {locale: sorted(d["location"] for d in index["docs"]) for locale, index in split.items()}
    assert locations == {
        "en": ["", "examples/", "examples/late/", "extra/", "three-rs/", "three-rs/#regret"],
        "fr": ["", "three-rs/", "three-rs/#regret"],  # its copy of English is its own page
        "tl": ["three-rs/#regret"],  # its home and extra page are English: in the English index only
    }
    assert split["fr"]["config"]["lang"] == ["fr"]
    # no lunr support for Tagalog: no stemmer or stop words, so words match as typed
    assert split["tl"]["config"]["lang"] == ["en"] and split["tl"]["config"]["pipeline"] == []
