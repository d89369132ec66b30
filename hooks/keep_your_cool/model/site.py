"""The site in one model: its languages, where each is published, and page <-> source file <-> URL.

Read from MkDocs itself: the configuration MkDocs and mkdocs-static-i18n validated (the
running build's, or `load()` for tools and tests), MkDocs' file list and MkDocs' own page
addresses. Pages are named by their path inside a language's folder ("examples/start-date.md");
URLs are relative to the site root ("fr/examples/start-date/", "" for the default home).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from mkdocs.structure.files import File, get_files
from mkdocs.utils import get_relative_url

from keep_your_cool.model.i18n_engine import engine, site_values


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool
    site_name: str
    site_description: str

    @property
    def prefix(self) -> str:
        """Where static-i18n's folder layout publishes the language: '' for the default, 'fr/' for French."""
        return "" if self.default else f"{self.locale}/"


@dataclass(frozen=True, eq=False)
class Site:
    config: object  # the MkDocsConfig it was read from
    languages: tuple[Language, ...]  # the built ones, in mkdocs.yml's order

    @property
    def root(self) -> Path:
        return Path(self.config.config_file_path).resolve().parent  # `mkdocs build -f x.yml` gives it relative

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def site_url(self) -> str:
        return self.config.site_url or ""

    @property
    def default(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def locales(self) -> list[str]:
        return [lang.locale for lang in self.languages]

    def language(self, locale: str) -> Language:
        return next(lang for lang in self.languages if lang.locale == locale)

    def source(self, locale: str, page: str) -> Path:
        return self.docs_dir / locale / page

    def source_name(self, locale: str, page: str) -> str:
        """The source file as the project names it, from its root: 'docs/fr/three-rs.md'."""
        return self.source(locale, page).relative_to(self.root).as_posix()

    def page_of_file(self, file: Path) -> tuple[str, str] | None:
        """(locale, page) of a source file inside a language's folder, or None."""
        try:
            parts = Path(file).resolve().relative_to(self.docs_dir.resolve()).parts
        except ValueError:
            return None
        return (parts[0], Path(*parts[1:]).as_posix()) if len(parts) > 1 and parts[0] in self.locales else None

    def translated(self, locale: str, page: str) -> bool:
        """Whether the language has its own file for the page (else the default language's is shown)."""
        return self.source(locale, page).is_file()

    @cached_property  # MkDocs' file list, read once for this model (a build makes a new model)
    def _sources(self) -> tuple[str, ...]:
        return tuple(sorted(file.src_uri for file in get_files(self.config).documentation_pages()))

    def pages(self, locale: str | None = None) -> list[str]:
        """The pages with a source file in the language's folder (the default language's: every page)."""
        folder = f"{locale or self.default.locale}/"
        return [src.removeprefix(folder) for src in self._sources if src.startswith(folder)]

    @cached_property
    def _page_at_url(self) -> dict[str, str]:
        return {self.url(self.default.locale, page): page for page in self.pages()}

    def reading_order(self) -> list[str]:
        """Every page the nav lists, in its order."""
        return [page for _, page in nav_entries(self.config.nav) if isinstance(page, str) and page.endswith(".md")]

    def nav_labels(self) -> list[str]:
        """Every label the nav gives, in its order: the sections' (pages are listed by path, titled by their H1)."""
        return nav_labels(self.config.nav)

    def url(self, locale: str, page: str) -> str:
        """The page's address in a language, as MkDocs names it, under the language's prefix."""
        address = File(page, None, "", self.config.use_directory_urls).url
        return self.language(locale).prefix + ("" if address == "./" else address)

    def relative_url(self, locale: str, page: str, from_url: str) -> str:
        """The page's address relative to the page at `from_url`, always ending in '/' for a folder."""
        target = self.url(locale, page)
        relative = get_relative_url(target, from_url)
        folder = target == "" or target.endswith("/")
        return relative + "/" if folder and not relative.endswith("/") else relative

    def language_at(self, url: str) -> Language:
        """The language a site-relative URL is published in."""
        path = url.lstrip("/")
        return next((lang for lang in self.languages if lang.prefix and path.startswith(lang.prefix)), self.default)

    def page_at(self, url: str) -> tuple[Language, str] | None:
        """(language, page) published at a site-relative URL (query and #section ignored), or None."""
        path = url.split("#")[0].split("?")[0].lstrip("/")
        language = self.language_at(path)
        path = path.removeprefix(language.prefix)
        page = self._page_at_url.get(path)
        if page is None and (path == "index.html" or path.endswith("/index.html")):  # a folder's file, as served
            page = self._page_at_url.get(path.removesuffix("index.html"))
        return (language, page) if page else None


def nav_entries(nav) -> Iterator[tuple[object, object]]:
    """The one walk of an mkdocs.yml nav (lists of page paths and {label: page, or a list}), in its order:
    (label, page) for a page, (label, None) for a section before its entries, label None when not given."""
    for item in nav if isinstance(nav, list) else []:
        for label, value in item.items() if isinstance(item, dict) else [(None, item)]:
            yield label, None if isinstance(value, list) else value
            if isinstance(value, list):
                yield from nav_entries(value)


def nav_labels(nav) -> list:
    """Every label a nav gives, in its order."""
    return [label for label, _ in nav_entries(nav) if label is not None]


def from_config(config) -> Site:
    """The site a running build (or a loaded mkdocs.yml) describes."""
    i18n = engine(config)
    original = site_values(config)  # static-i18n swaps the site's name per language while it builds
    site_name = original.get("site_name", config.site_name)
    site_description = original.get("site_description", config.site_description) or ""
    languages = tuple(
        Language(
            lang.locale,
            lang.name,
            bool(lang.default),
            lang.site_name or site_name,
            lang.site_description or site_description,
        )
        for lang in i18n.config.languages
        if lang.build
    )
    return Site(config, languages)


def load(config_file: Path = Path("mkdocs.yml")) -> Site:
    """The site an mkdocs.yml describes, read and validated by MkDocs, for tools and tests (no build)."""
    config_file = Path(config_file).resolve()
    return _load(config_file, config_file.stat().st_mtime_ns)


@cache
def _load(config_file: Path, _changed: int) -> Site:
    from mkdocs.config import load_config  # here: hooks get their config from the build

    return from_config(load_config(str(config_file)))
