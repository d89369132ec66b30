"""The site model (hooks/keep_your_cool/model/site.py) on a fixture doc tree: languages and their prefixes as
MkDocs and mkdocs-static-i18n read mkdocs.yml, and page <-> source file <-> URL both ways."""

from __future__ import annotations

from mkdocs.config import load_config

from conftest import FIXTURES, copy_fixture
from keep_your_cool.model.site import from_config, load

FIXTURE = FIXTURES / "three-languages"
SITE = load(FIXTURE / "mkdocs.yml")
OFFLINE = load(FIXTURE / "mkdocs-offline.yml")


def test_languages_come_from_mkdocs_yml_with_their_prefixes_and_names():
    assert [(lang.locale, lang.prefix, lang.name, lang.site_name) for lang in SITE.languages] == [
        ("en", "", "English", "Fixture"),
        ("fr", "fr/", "Français", "Le fixture"),
        ("tl", "tl/", "Tagalog", "Fixture"),  # no site name of its own: the site's
    ]
    assert SITE.default.locale == "en" and SITE.site_url == "https://example.org/kyc/"


def test_pages_are_the_files_of_each_language_folder_and_the_nav_gives_the_reading_order():
    assert SITE.pages() == ["examples/index.md", "examples/late.md", "extra.md", "index.md", "three-rs.md"]
    assert SITE.pages("fr") == ["index.md", "three-rs.md"] and SITE.pages("tl") == ["three-rs.md"]
    assert SITE.reading_order() == ["index.md", "three-rs.md", "examples/index.md", "examples/late.md", "extra.md"]
    assert SITE.nav_labels() == ["Guides"]
    assert SITE.translated("fr", "index.md") and not SITE.translated("tl", "index.md")


def test_a_page_has_the_address_mkdocs_gives_it_under_its_languages_prefix():
    assert [SITE.url("en", page) for page in ("index.md", "examples/index.md", "examples/late.md")] == [
        "",
        "examples/",
        "examples/late/",
    ]
    assert SITE.url("fr", "index.md") == "fr/" and SITE.url("tl", "examples/late.md") == "tl/examples/late/"
    assert OFFLINE.url("fr", "three-rs.md") == "fr/three-rs.html" and OFFLINE.url("fr", "index.md") == "fr/index.html"


def test_relative_addresses_lead_from_one_page_to_another_and_keep_a_folders_slash():
    assert SITE.relative_url("en", "index.md", "fr/examples/late/") == "../../../"
    assert SITE.relative_url("fr", "three-rs.md", "fr/examples/") == "../three-rs/"
    assert SITE.relative_url("fr", "index.md", "fr/") == "./"
    assert OFFLINE.relative_url("en", "three-rs.md", "fr/examples/late.html") == "../../three-rs.html"


def test_an_address_leads_back_to_its_language_and_page():
    assert [(lang.locale, page) for lang, page in [SITE.page_at(url) for url in ("", "fr/", "tl/examples/late/#x")]] == [
        ("en", "index.md"),
        ("fr", "index.md"),
        ("tl", "examples/late.md"),
    ]
    assert SITE.page_at("fr/examples/late/index.html")[1] == "examples/late.md"  # as a static host names it
    assert SITE.page_at("no-such-page/") is None and SITE.language_at("fr/no-such-page/").locale == "fr"
    assert OFFLINE.page_at("fr/three-rs.html")[1] == "three-rs.md" and OFFLINE.page_at("fr/index.html")[1] == "index.md"


def test_a_source_file_leads_back_to_its_language_and_page():
    assert SITE.page_of_file(FIXTURE / "docs" / "fr" / "three-rs.md") == ("fr", "three-rs.md")
    assert SITE.source_name("tl", "three-rs.md") == "docs/tl/three-rs.md"
    assert SITE.page_of_file(FIXTURE / "mkdocs.yml") is None
    assert SITE.page_of_file(FIXTURE / "docs" / "de" / "index.md") is None  # not a language of the site


def test_what_a_build_works_out_once_is_not_reused_by_the_next(tmp_path):
    """`mkdocs serve` loads mkdocs.yml again for each rebuild: the file list a build reads once for all
    its pages (the plugin makes one site model per build) is the build's own, so a page added before the
    next build is found."""
    copy_fixture("three-languages", tmp_path)
    site = from_config(load_config(str(tmp_path / "mkdocs.yml")))
    assert "new.md" not in site.pages()
    (tmp_path / "docs" / "en" / "new.md").write_text("# New\n", encoding="utf-8")
    assert "new.md" not in site.pages()  # the running build keeps the list it read
    assert "new.md" in from_config(load_config(str(tmp_path / "mkdocs.yml"))).pages()  # the next build reads it again
