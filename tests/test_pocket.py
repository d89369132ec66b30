"""The offline copy's build side (hooks/keep_your_cool/features/pocket.py): a page naming a file that is not in the site fails
the build at that page; turned off in mkdocs.yml, pages offer no worker and sw.js deletes what an
earlier build saved; `mkdocs serve` registers it only when asked; each language's words are there.
What a reader gets in the browser: tests/test_browser_pocket.py."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, SITE, mkdocs_build
from keep_your_cool.features import pocket
from test_browser_pocket import fixture_source


def edited_fixture(tmp_path, extra: str):
    config = fixture_source(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return config


def test_a_page_naming_a_missing_file_fails_the_build_at_that_page(tmp_path):
    config = edited_fixture(tmp_path, "extra_javascript:\n  - assets/javascripts/no-such-script.js\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    located = re.search(
        r"^index\.html \(from docs/en/index\.md\): names 'assets/javascripts/no-such-script\.js'.*$", result.stderr, re.M
    )
    assert located, result.stderr
    assert "(in en, fr, tl)" in located.group(0) and "Fix:" in located.group(0)


def test_turned_off_no_page_offers_it_and_sw_js_removes_earlier_copies(tmp_path):
    config = fixture_source(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("enabled: true", "enabled: false"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    pages = list(site.rglob("*.html"))
    assert pages and not [
        p for p in pages if "manifest.json" in p.read_text(encoding="utf-8") or "pocket" in p.read_text(encoding="utf-8")
    ]
    assert not list(site.rglob("manifest.json")) and not list(site.rglob("offline.html"))
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "caches.delete" in worker and "GUIDES" not in worker and '"fetch"' not in worker


def test_a_language_block_cannot_turn_it_off(tmp_path):
    config = fixture_source(tmp_path)
    block = "        - locale: fr\n          name: Français\n"
    text = config.read_text(encoding="utf-8")
    assert block in text
    config.write_text(
        text.replace(block, block + "          extra:\n            pocket:\n              enabled: false\n"), encoding="utf-8"
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert '<link rel="manifest" href="manifest.json">' in (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")


def fake_config(**pocket_settings):
    return SimpleNamespace(extra={"pocket": pocket_settings}, plugins={})


def test_the_offline_edition_never_has_it():
    edition = SimpleNamespace(
        extra={"pocket": {"enabled": True}}, plugins={"offline": SimpleNamespace(config=SimpleNamespace(enabled=True))}
    )
    assert not pocket.active(edition)


def test_make_serve_registers_it_only_when_asked():
    try:
        pocket.on_startup(command="build", dirty=False)
        assert pocket.active(fake_config(enabled=True))
        pocket.on_startup(command="serve", dirty=False)
        assert not pocket.active(fake_config(enabled=True))
        assert pocket.active(fake_config(enabled=True, serve=True))
        assert not pocket.active(fake_config(enabled=False, serve=True))
    finally:
        pocket.on_startup(command="build", dirty=False)


def test_a_misspelt_setting_is_a_clear_error():
    with pytest.raises(PluginError, match=r"extra\.pocket must be 'enabled: true\|false' and 'serve: true\|false'"):
        pocket.settings(fake_config(enable=True))


def test_the_site_has_it_on_with_a_manifest_per_language(built_site):
    for lang in SITE.languages:
        manifest = json.loads((built_site / lang.prefix / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["name"] == lang.site_name and manifest["lang"] == lang.locale
        assert len(manifest["short_name"]) <= 12, f"translations/{lang.locale}/ui.yml: app_short_name is cut on a home screen"
        for icon in manifest["icons"]:
            assert (built_site / lang.prefix / icon["src"]).resolve().is_file()
        home = (built_site / lang.prefix / "index.html").read_text(encoding="utf-8")
        assert '<link rel="manifest" href="manifest.json">' in home
    assert (ROOT / "overrides" / "assets" / "images" / "apple-touch-icon.png").is_file()
