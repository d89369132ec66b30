"""The download box: on pages whose front matter says `downloads: true`, in the page's language
(translations/<lang>/ui.yml), links relative to the site's root to the offline edition and to the
page's language's handbook; on no other page, and not in the offline edition."""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import ROOT, built_fixture
from model.site import load
from model.words import ui_words

FIXTURE = ROOT / "tests" / "fixtures" / "downloads"
DOWNLOADS = load(FIXTURE / "mkdocs.yml")
LOCALES = DOWNLOADS.locales


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture(FIXTURE / "mkdocs.yml", tmp_path_factory)


def box_links(html: str) -> list[tuple[str, str]]:
    box = re.search(r'<aside class="admonition kyc-downloads".*?</aside>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', box.group(0)) if box else []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_box_speaks_the_pages_language_and_links_from_the_site_root(site, locale):
    words = ui_words(ROOT, locale, "en")
    page = DOWNLOADS.language(locale).prefix + "index.html"
    html = (site / page).read_text(encoding="utf-8")
    assert f">{words['downloads_title']}</p>" in html
    links = box_links(html)
    assert [text for _, text in links] == [
        words["downloads_offline"],
        words["downloads_handbook"].replace("{language}", DOWNLOADS.language(locale).name),
    ]
    reached = [posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href, _ in links]
    assert reached == ["downloads/keep-your-cool-offline.zip", f"downloads/keep-your-cool-{locale}.pdf"]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_box_on_pages_that_do_not_ask_for_it(site, locale):
    assert box_links((site / DOWNLOADS.language(locale).prefix / "other" / "index.html").read_text(encoding="utf-8")) == []


def test_every_language_has_the_box_words():
    keys = {"downloads_title", "downloads_offline", "downloads_offline_how", "downloads_handbook"}
    for locale in LOCALES:
        own = (ROOT / "translations" / locale / "ui.yml").read_text(encoding="utf-8")
        assert all(re.search(rf"^{key}:", own, re.M) for key in keys), locale
