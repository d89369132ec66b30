"""The theme's files, listed from disk once per build rather than once per language; and its
templates, compiled once per build, whichever environment of the theme asks for them.

Every MkDocs build lists the theme's files to publish its static ones (Files.add_files_from_theme
asks the theme's Jinja loader for every template, Material's ~14,500 icons included, and matches
each name against its patterns), and mkdocs-static-i18n runs one such build per language, with the
same theme folders and the same docs. The default language's build lists and matches them all; each
other language's build is handed only the names that one kept, which MkDocs matches and looks up
again as usual, so it keeps the same files. Rendering is untouched: the loader finds any template
as before, only its list is shorter.

Every environment config.theme.get_env() makes (MkDocs' own for each language, and those plugins
make, such as Material's search, which renders its language partials three times in the first build)
is given the build's compiled templates (model/compiled_templates.py, Jinja's bytecode cache).

This is the one place that relies on how MkDocs lists the theme (through the environment
config.theme.get_env() returns, and its loader's list_templates()): tests/test_plugin.py fails if an
upgrade changes it, or if another language's build would then get other files than a full listing gives.
"""

from __future__ import annotations

import jinja2
from mkdocs.structure.files import Files


class ThemeListing:
    """One build's listing of the theme: the names the default language's build kept (None before it has)."""

    def __init__(self) -> None:
        self.kept: list[str] | None = None


class _KeptNames(jinja2.FileSystemLoader):
    """The theme's own loader (same folders, same reading), whose list is the names already kept."""

    def __init__(self, loader: jinja2.FileSystemLoader, kept: list[str]) -> None:
        super().__init__(loader.searchpath, loader.encoding, loader.followlinks)
        self.kept = kept

    def list_templates(self) -> list[str]:
        return list(self.kept)


def share_theme(config, listing: ThemeListing, compiled: jinja2.BytecodeCache) -> None:
    """From now on, the theme's environments share `compiled`, and list only what the default language's
    build kept, once it has."""
    theme = config.theme
    make_env = type(theme).get_env

    def get_env() -> jinja2.Environment:
        env = make_env(theme)
        env.bytecode_cache = compiled
        if listing.kept is not None and isinstance(env.loader, jinja2.FileSystemLoader):
            env.loader = _KeptNames(env.loader, listing.kept)
        return env

    theme.get_env = get_env


def theme_files(files: Files, config) -> list:
    """The files MkDocs took from the theme's folders (Material's and overrides/), not from docs/."""
    folders = set(config.theme.dirs) - {config.docs_dir}
    return [f for f in files if f.src_dir in folders]


def kept_from_theme(files: Files, config) -> list[str]:
    """The names of the theme's files MkDocs put in this build's files (before any plugin changed them)."""
    return sorted(f.src_uri for f in theme_files(files, config))
