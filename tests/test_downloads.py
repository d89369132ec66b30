"""Downloads that work wherever the site is: the box (on pages whose front matter says `downloads: true`)
links only the files this copy has (`make publish` puts them in downloads/), each with its size in the
page's language; a copy built without them shows no box and no link that fails; the offline edition
carries the handbooks, never itself. README "Hosting a copy" and the site workflow use one command."""

from __future__ import annotations

import posixpath
import re
import zipfile

import pytest
import yaml

from conftest import ROOT, built_fixture
from keep_your_cool.commands import offline
from keep_your_cool.features import downloads
from keep_your_cool.model.site import load
from keep_your_cool.model.words import ui_words

FIXTURE = ROOT / "tests" / "fixtures" / "downloads"
DOWNLOADS = load(FIXTURE / "mkdocs.yml")
LOCALES = DOWNLOADS.locales
# What a publish made: the offline edition and the handbooks but Tagalog's (a handbook that failed)
MADE = {"keep-your-cool-offline.zip": 2_345_678, "keep-your-cool-en.pdf": 830_499, "keep-your-cool-fr.pdf": 1_049_000}
SIZES = {  # as each language writes them
    "en": {"keep-your-cool-offline.zip": "2.3 MB", "keep-your-cool-en.pdf": "830 kB"},
    "fr": {"keep-your-cool-offline.zip": "2,3 Mo", "keep-your-cool-fr.pdf": "1,0 Mo"},
    "tl": {"keep-your-cool-offline.zip": "2.3 MB"},
}

DOWNLOADS_ENV = "KYC_DOWNLOADS"  # mkdocs.yml sets the plugin's `downloads` option from it


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("made")
    for name, size in MADE.items():
        with open(folder / name, "wb") as file:
            file.truncate(size)
    return folder


@pytest.fixture(scope="module")
def published(made, tmp_path_factory):
    """The fixture site built as `make publish` builds it, with the files it made."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv(DOWNLOADS_ENV, str(made))
        return built_fixture("downloads", tmp_path_factory)


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """The fixture site built with `make build` alone: no downloads made."""
    with pytest.MonkeyPatch.context() as env:
        env.delenv(DOWNLOADS_ENV, raising=False)
        return built_fixture("downloads", tmp_path_factory)


def box(html: str) -> str | None:
    found = re.search(r'<aside class="admonition kyc-downloads".*?</aside>', html, re.S)
    return found.group(0) if found else None


def box_items(html: str) -> list[tuple[str, str, str]]:
    """(href, link text, size) of each item in the download box."""
    return re.findall(
        r'<a href="([^"]+)"[^>]*>([^<]+)</a>\s*<span class="kyc-downloads__size">\(([^)]+)\)</span>', box(html) or ""
    )


def download_links(site) -> list[tuple[str, str]]:
    """(page, the file a link into downloads/ reaches) for every such link in a built site."""
    links = []
    for page in site.rglob("*.html"):
        path = page.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"]*downloads/[^"]*)"', page.read_text(encoding="utf-8")):
            links.append((path, posixpath.normpath(posixpath.join(posixpath.dirname(path), href))))
    return links


@pytest.mark.parametrize("locale", LOCALES)
def test_the_box_lists_the_files_made_with_their_sizes_in_the_pages_language(published, locale):
    words = ui_words(ROOT, locale, "en")
    page = DOWNLOADS.language(locale).prefix + "index.html"
    html = (published / page).read_text(encoding="utf-8")
    assert f">{words['downloads_title']}</p>" in html
    items = box_items(html)
    expected = [("keep-your-cool-offline.zip", words["downloads_offline"])]
    if f"keep-your-cool-{locale}.pdf" in MADE:
        name = DOWNLOADS.language(locale).name
        expected.append((f"keep-your-cool-{locale}.pdf", words["downloads_handbook"].replace("{language}", name)))
    assert [(posixpath.basename(href), text) for href, text, _ in items] == expected
    assert [size for *_, size in items] == [SIZES[locale][file] for file, _ in expected]
    reached = [posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href, _, _ in items]
    assert reached == [f"downloads/{file}" for file, _ in expected]


def test_every_download_link_of_a_published_copy_reaches_its_file(published):
    links = download_links(published)
    assert len(links) >= 5
    for page, file in links:
        assert (published / file).is_file(), f"{page} links {file}, which the copy does not have"
    assert {p.name: p.stat().st_size for p in (published / "downloads").iterdir()} == MADE


@pytest.mark.parametrize("locale", LOCALES)
def test_no_box_on_pages_that_do_not_ask_for_it(published, locale):
    assert box((published / DOWNLOADS.language(locale).prefix / "other" / "index.html").read_text(encoding="utf-8")) is None


def test_a_copy_built_without_downloads_offers_none(bare):
    assert download_links(bare) == []
    assert not (bare / "downloads").exists()


def test_the_project_site_as_built_has_no_link_that_fails(built_site):
    """The site `make build` makes (here, as the tests build it): every link into downloads/ reaches a file."""
    for page, file in download_links(built_site):
        assert (built_site / file).is_file(), f"{page} links {file}, which this copy does not have"


def test_the_offline_edition_carries_the_handbooks_not_itself(made):
    assert "keep-your-cool-offline.zip" in downloads.available(made, DOWNLOADS, offline_edition=False)
    assert sorted(downloads.available(made, DOWNLOADS, offline_edition=True)) == [
        "keep-your-cool-en.pdf",
        "keep-your-cool-fr.pdf",
    ]


def test_one_command_publishes_the_site_as_readme_and_the_workflow_say():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hosting = readme.split("## Hosting a copy", 1)[1].split("\n## ", 1)[0]
    assert "`make publish`, then copy `site/`" in hosting
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["deploy"]["steps"]]
    assert "make publish" in runs
    assert not any("downloads" in run or "make build" in run for run in runs), "the workflow publishes by other steps"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npublish:", 1)[1].split("\n\n", 1)[0]
    assert "kyc-handbook" in recipe and "kyc-offline" in recipe and f"{DOWNLOADS_ENV}=" in recipe


def test_every_language_has_the_box_words():
    keys = {"downloads_title", "downloads_offline", "downloads_offline_how", "downloads_handbook"}
    keys |= {"downloads_size_kb", "downloads_size_mb", "decimal_mark"}
    for locale in LOCALES:
        own = (ROOT / "translations" / locale / "ui.yml").read_text(encoding="utf-8")
        assert all(re.search(rf"^{key}:", own, re.M) for key in keys), locale


def test_the_offline_edition_made_with_the_downloads_holds_the_handbooks(made, monkeypatch, tmp_path):
    """`make publish` makes the offline edition with the handbooks: its download box links them inside the zip."""
    monkeypatch.setenv(DOWNLOADS_ENV, str(made))
    archive = tmp_path / downloads.OFFLINE_EDITION
    assert offline.main([str(tmp_path)]) == 0
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        assert {n for n in names if "/downloads/" in n} == {
            f"{offline.FOLDER}/downloads/{name}" for name in MADE if name.endswith(".pdf")
        }
        trainers = zf.read(f"{offline.FOLDER}/fr/trainers.html").decode("utf-8")
    links = [posixpath.normpath(posixpath.join("fr", href)) for href, _, _ in box_items(trainers)]
    assert links == ["downloads/keep-your-cool-fr.pdf"]
