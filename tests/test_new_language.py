"""A new language in one command: a partial language builds strictly, says in its own words which
pages are not translated yet, appears in the switcher and on every status page (fixture site)."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, copy_fixture, mkdocs_build
from keep_your_cool.commands import new_language
from keep_your_cool.commands.translations import write_record
from keep_your_cool.model.site import load

FIXTURE = ROOT / "tests" / "fixtures" / "partial-language"


def git(site, *args):
    return subprocess.run(["git", "-C", str(site), *args], check=True, capture_output=True, text=True).stdout.strip()


def commit_all(site, message):
    git(site, "add", "-A")
    git(site, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message)


@pytest.fixture
def site(tmp_path):
    """The fixture site with its own git history; its French translates the home page only."""
    site = tmp_path / "partial-language"
    copy_fixture("partial-language", site)
    for other in {p.name for p in (site / "translations").iterdir()} - {"en", "fr", "_template"}:
        shutil.rmtree(site / "translations" / other)  # the fixture's languages only
    (site / "link-contract.txt").write_text("/\n/#welcome\n/guide/\n/guide/#steps\n/fr/\n/fr/#welcome\n", encoding="utf-8")
    git(site, "init", "-q")
    commit_all(site, "English")
    write_record(site / "docs/fr/index.md", git(site, "log", "-1", "--format=%H", "--", "docs/en/index.md"))
    commit_all(site, "French home page")
    return site


def build(site):
    result = mkdocs_build(site / "mkdocs.yml", site / "out")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return site / "out"


def test_a_partial_language_builds_with_a_notice_on_every_missing_page(site):
    out = build(site)
    page = (out / "fr/guide/index.html").read_text(encoding="utf-8")
    assert "Cette page n&#39;est pas encore traduite" in page and '<div lang="en"><h1' in page
    assert '<a href="https://example.org/repository/blob/trunk/CONTRIBUTING.md">Aidez-nous à la traduire</a>' in page
    assert "translation-notice" not in (out / "fr/index.html").read_text(encoding="utf-8")
    status = (out / "fr/translation-status/index.html").read_text(encoding="utf-8").split('id="status-fr"')[1]
    assert re.findall(r'<td><a href="([^"]+)" hreflang="fr">', status) == ["../", "../guide/", "./"]  # reading order


def test_new_language_adds_a_language_that_builds_at_once(site, capsys):
    before = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert new_language.main(["es", "Español"], root=site) == 0
    assert "cp docs/en/index.md docs/es/index.md" in capsys.readouterr().out
    assert not (site / "docs/es").exists()  # no English text passed off as a translation, no record saying so

    after = (site / "mkdocs.yml").read_text(encoding="utf-8")
    changes = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]
    assert changes and all(line.startswith("+ ") for line in changes)  # inserted as text: comments and layout kept
    es = load(site / "mkdocs.yml").config.plugins["i18n"].config.languages[-1]  # as MkDocs reads it
    assert (es.locale, es.name, es.theme) == ("es", "Español", {"language": "es"})
    assert es.nav_translations == {"Guides": "Guides"}  # section labels only, to translate
    assert {"/es/", "/es/guide/#steps", "/es/#welcome"} <= set((site / "link-contract.txt").read_text().split())

    # the translator's first edit: the notice in their own words
    words = site / "translations/es/ui.yml"
    words.write_text(
        words.read_text(encoding="utf-8").replace("missing_title: Not translated yet", "missing_title: Aún sin traducir"),
        encoding="utf-8",
    )
    out = build(site)
    assert "Aún sin traducir" in (out / "es/guide/index.html").read_text(encoding="utf-8")
    assert "Aún sin traducir" in (out / "es/index.html").read_text(encoding="utf-8")  # until the home page is translated
    assert re.search(
        r'id="status-es".*?<td><a href="[^"]*" hreflang="es">[^<]*</a></td><td>Not translated yet</td>',
        (out / "translation-status/index.html").read_text(encoding="utf-8"),
        re.S,
    )
    for prefix in ("", "fr/", "es/"):
        page = (out / prefix / "translation-status/index.html").read_text(encoding="utf-8")
        assert 'id="status-es"' in page and 'id="status-fr"' in page, prefix
        switcher = re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link">\s*([^<]+?)\s*</a>',
            (out / prefix / "guide/index.html").read_text(encoding="utf-8"),
        )
        assert [href for href, lang, name in switcher if (lang, name) == ("es", "Español")] == [
            {"": "../es/guide/", "fr/": "../../es/guide/", "es/": "./"}[prefix]
        ], prefix


def test_new_language_says_what_to_type_and_refuses_a_declared_one(site, capsys):
    assert new_language.main([], root=site) == 2
    assert "make new-language LANG=es NAME=Español" in capsys.readouterr().out
    assert new_language.main(["fr", "Français"], root=site) == 2
    assert "already a language of this site" in capsys.readouterr().out
    assert new_language.main(["Spanish", "Español"], root=site) == 2
    assert "not a language code" in capsys.readouterr().out
    assert not (site / "translations/es").exists()
