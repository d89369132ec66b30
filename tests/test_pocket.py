"""The offline copy's build side (hooks/keep_your_cool/features/pocket.py): a page naming a file that is not in the site fails
the build at that page; turned off in mkdocs.yml, pages offer no worker and sw.js deletes what an
earlier build saved; `mkdocs serve` offers it only when asked (the plugin's `pocket` options); each
language's words are there.
What a reader gets in the browser: tests/test_browser_pocket.py."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

from conftest import ROOT, SITE, mkdocs_build
from keep_your_cool.plugin import KeepYourCoolPlugin
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


def plugin_with(**pocket_options) -> KeepYourCoolPlugin:
    plugin = KeepYourCoolPlugin()
    errors, warnings = plugin.load_config({"pocket": pocket_options})
    assert not errors and not warnings, (errors, warnings)
    return plugin


SITE_BUILD = SimpleNamespace(plugins={})
OFFLINE_EDITION = SimpleNamespace(plugins={"material/offline": SimpleNamespace(config=SimpleNamespace(enabled=True))})


def test_the_offline_edition_never_has_it():
    assert plugin_with(enabled=True).pocket_active(SITE_BUILD)
    assert not plugin_with(enabled=True).pocket_active(OFFLINE_EDITION)


def test_make_serve_registers_it_only_when_asked():
    def serving(**options):
        plugin = plugin_with(**options)
        plugin.on_startup(command="serve", dirty=False)
        return plugin.pocket_active(SITE_BUILD)

    assert not serving(enabled=True)
    assert serving(enabled=True, serve=True)
    assert not serving(enabled=False, serve=True)
    assert not plugin_with().pocket_active(SITE_BUILD)  # unset: not offered


def test_a_misspelt_setting_is_a_clear_error():
    """MkDocs checks the plugin's typed options: a strict build stops at the warning, naming the option."""
    errors, warnings = KeepYourCoolPlugin().load_config({"pocket": {"enable": True}})
    assert warnings == [("pocket", "Sub-option 'enable': Unrecognised configuration name: enable")] and not errors
    errors, _ = KeepYourCoolPlugin().load_config({"pocket": {"enabled": "yes"}})
    assert [(option, str(error)) for option, error in errors] == [
        ("pocket", "Sub-option 'enabled': Expected type: <class 'bool'> but received: <class 'str'>")
    ]


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
