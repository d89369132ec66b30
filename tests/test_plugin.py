"""The site's own code is one installable package (hooks/keep_your_cool/) with one MkDocs plugin that
wires it into MkDocs' events; nothing reaches it through sys.path or module-level state. And the
search index is split per language."""

from __future__ import annotations

import ast
import re
import subprocess
import tomllib
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as build_in_process
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

from conftest import ROOT, SITE, copy_fixture
from keep_your_cool.features import pocket, search_per_language
from keep_your_cool.model import i18n_engine
from keep_your_cool.model.site import load
from keep_your_cool.plugin import KeepYourCoolPlugin

PACKAGE = ROOT / "hooks" / "keep_your_cool"
# The environment variables the package reads, each where a config option cannot carry it.
ENVIRONMENT = {
    "features/handouts.py": {"SOURCE_DATE_EPOCH"},  # the reproducible-builds convention for the build date
    "commands/chromium.py": {"CHROME_PATH"},  # the browser to use, as Lighthouse and Playwright name it
}


def python_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return listed.split()


def test_mkdocs_yml_lists_the_one_plugin_by_its_entry_point():
    (plugin,) = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "keep-your-cool"]
    assert plugin.load() is KeepYourCoolPlugin
    assert isinstance(SITE.config.plugins["keep-your-cool"], KeepYourCoolPlugin)
    assert not SITE.config.hooks, "the site's code is wired by its plugin, not by hooks"


def test_no_file_of_the_project_inserts_into_sys_path():
    inserts = re.compile(r"sys\.path\s*(?:\.(?:insert|append|extend)|\[|\+?=)")
    assert [f for f in python_files() if inserts.search((ROOT / f).read_text(encoding="utf-8"))] == []
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "pythonpath" not in pytest_options


def test_only_the_plugin_handles_mkdocs_events():
    handlers = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p.name != "plugin.py" and re.search(r"^\s*def on_[a-z_]+\(", p.read_text(encoding="utf-8"), re.M)
    ]
    assert handlers == []


def test_the_package_keeps_no_state_between_builds():
    """No `global`, and no module-level name bound to anything but a constant (UPPER_CASE), a type alias or a logger."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.name}: global" for node in ast.walk(tree) if isinstance(node, ast.Global)]
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            found += [f"{path.name}: {name}" for name in names if not (name[0].isupper() or name == "log")]
    assert found == []


def test_the_package_reads_only_the_environment_variables_no_option_can_carry():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        read = set(re.findall(r"environ(?:\.get)?[\[(]\s*\"([A-Z_]+)\"", text)) | set(re.findall(r"getenv\(\"([A-Z_]+)\"", text))
        assert read <= ENVIRONMENT.get(path.relative_to(PACKAGE).as_posix(), set()), (path, read)


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


def test_static_i18n_still_exposes_what_the_plugin_reads(tmp_path, monkeypatch):
    """model/i18n_engine.py reads static-i18n's own attributes (not its documented options): during one
    real build it must say the default language is built first, then each other one in a build of its own,
    and give the site's own name while a language's replaces it. An upgrade that changes them fails here."""
    seen = []
    read = i18n_engine.language_being_built
    monkeypatch.setattr(
        i18n_engine,
        "language_being_built",
        lambda config: (
            seen.append((read(config), i18n_engine.building_another_language(config), config.site_name)) or read(config)
        ),
    )
    config = load_config(str(copy_fixture("moved-page", tmp_path / "source")), site_dir=str(tmp_path / "site"))
    config.plugins["i18n"].config.languages[1].site_name = "Page déplacée"  # the French block's own name
    build_in_process(config)
    assert seen == [("en", False, "Moved page"), ("fr", True, "Page déplacée"), ("tl", True, "Moved page")]
    assert i18n_engine.site_values(config)["site_name"] == "Moved page"


def test_every_language_keeps_the_theme_files_a_full_listing_gives(tmp_path, monkeypatch):
    """model/theme_listing.py lists the theme's folders once per build and hands each other language's
    build the names the default language's kept: during one real build of the site, MkDocs must read the
    folders once, and each language's build must keep exactly the theme files a full listing gives it.
    An upgrade that changes how MkDocs lists the theme fails here."""
    kept, full_listing, reads, probing = [], [], [], []
    add_files_from_theme = Files.add_files_from_theme

    def watched(files, env, config):
        before = set(files.src_uris)
        probing.append(True)
        full = Files(list(files))
        add_files_from_theme(full, Theme.get_env(config.theme), config)  # the theme's own environment, as MkDocs makes it
        probing.pop()
        add_files_from_theme(files, env, config)
        kept.append(sorted(set(files.src_uris) - before))
        full_listing.append(sorted(set(full.src_uris) - before))

    read_folders = jinja2.FileSystemLoader.list_templates

    def counted(loader):
        if not probing:
            reads.append(loader.searchpath)
        return read_folders(loader)

    monkeypatch.setattr(Files, "add_files_from_theme", watched)
    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    build_in_process(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(kept) == len(SITE.locales) and kept[0], kept
    assert kept == full_listing
    assert len(reads) == 1, reads


def test_the_theme_files_are_copied_once_and_every_language_finds_them(tmp_path, monkeypatch):
    """i18n_engine.theme_files_copied_already: the other languages' builds skip copying the theme's files,
    which static-i18n leaves at the site's root, where the default language's build copied them. During
    one real build each must be copied once, and every file any language's build had is in the site as
    its source. An upgrade that moves them, or copies before the plugin's on_env, fails here."""
    listed, copies = [], []
    add_files_from_theme, copy_file = Files.add_files_from_theme, File.copy_file

    def watched(files, env, config):
        before = set(files.src_uris)
        add_files_from_theme(files, env, config)
        listed.append([files.src_uris[name] for name in sorted(set(files.src_uris) - before)])

    def counted(file, dirty=False):
        copies.append(file.abs_dest_path)
        return copy_file(file, dirty)

    monkeypatch.setattr(Files, "add_files_from_theme", watched)
    monkeypatch.setattr(File, "copy_file", counted)
    build_in_process(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(listed) == len(SITE.locales) and listed[0]
    theme_files = {f.abs_dest_path: f.abs_src_path for files in listed for f in files}
    assert sorted(d for d in copies if d in theme_files) == sorted(theme_files)
    for destination, source in theme_files.items():
        if not destination.endswith((pocket.WORKER_SOURCE, pocket.RETIRED_SOURCE)):  # removed once sw.js is made of them
            assert Path(destination).read_bytes() == Path(source).read_bytes(), destination


def test_no_template_is_compiled_twice_in_a_build(tmp_path, monkeypatch):
    """Every environment of the theme (MkDocs' own for each language, Material's search plugin's) shares
    the build's compiled templates (model/theme_listing.share_theme): during one real build, a template is
    compiled once for each set of Jinja extensions the environments have."""
    compiled = Counter()
    compile_source = jinja2.Environment.compile

    def counted(env, source, name=None, *args, **kwargs):
        compiled[(name, tuple(sorted(env.extensions)))] += 1
        return compile_source(env, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    build_in_process(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert compiled and {key: n for key, n in compiled.items() if n > 1} == {}
