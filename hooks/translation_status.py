"""What readers see about translations: notices on outdated and untranslated pages, and the status page.

The states come from each page's translation record (hooks/translation_records.py). An outdated
page gets a notice in its language linking to the English sections that changed; a page not
translated yet shows the English text, marked lang="en", under a notice saying so and where to
help. The words are in translations/<lang>/ui.yml.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from markdown_facts import read_page
from site_languages import default_locale, locales, ui_words
from translation_records import MISSING, OUTDATED, UP_TO_DATE, PageStatus, changed_sections, statuses_this_build

STATUS_PAGE = "translation-status.md"
# The project's templates (overrides/partials/), rendered here with autoescape on: the words are text.
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).resolve().parents[1] / "overrides"), autoescape=True)


def outdated_notice(words: dict, lang: str, english_url: str, changed: list[dict]) -> str:
    """changed: the English sections that changed, as {"id": ..., "heading": ...}."""
    return TEMPLATES.get_template("partials/translation-notice.html").render(
        state=OUTDATED, words=words, lang=lang, english_url=english_url, changed=changed
    )


def missing_notice(words: dict, lang: str, language_name: str, help_url: str) -> str:
    return TEMPLATES.get_template("partials/translation-notice.html").render(
        state=MISSING, words=words, lang=lang, language_name=language_name, help_url=help_url
    )


def headings(path: Path) -> dict[str, str]:
    """Section id -> its heading's text, as the page shows it."""
    return {h.id: h.text for h in read_page(path.read_text(encoding="utf-8-sig")).headings if h.id}


def page_title(path: Path) -> str:
    try:
        return next(h.text for h in read_page(path.read_text(encoding="utf-8-sig")).headings if h.level == 1)
    except (StopIteration, UnicodeDecodeError, OSError):
        return path.stem


def nav_paths(nav) -> list[str]:
    """The pages of mkdocs.yml's nav, in the guide's reading order."""
    paths = []
    for entry in nav or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        paths += nav_paths(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return paths


def in_reading_order(pages: list[str], nav) -> list[str]:
    order = {path: i for i, path in enumerate(nav_paths(nav))}
    return sorted(pages, key=lambda page: (order.get(page, len(order)), page))


def status_table(
    all_statuses: list[PageStatus], words: dict, names: dict[str, str], docs_dir: Path, url_of, default: str, nav=None
) -> str:
    """HTML for the status page: per language, a summary and every page with its state, linked."""
    languages = []
    for locale in dict.fromkeys(s.locale for s in all_statuses):
        by_page = {s.page: s for s in all_statuses if s.locale == locale}
        rows = [
            {
                "url": url_of(locale, page),
                "state": by_page[page].state,
                "title": page_title(docs_dir / (locale if by_page[page].state != MISSING else default) / page),
            }
            for page in in_reading_order(list(by_page), nav)
        ]
        languages.append(
            {"locale": locale, "name": names[locale], "rows": rows, "done": sum(row["state"] == UP_TO_DATE for row in rows)}
        )
    return TEMPLATES.get_template("partials/translation-status.html").render(languages=languages, words=words)


def contributing_url(config) -> str | None:
    """CONTRIBUTING.md in the repository (repo_url, on the branch edit_uri names), where translators start."""
    if not config.repo_url:
        return None
    branch = re.match(r"(?:edit|blob)/([^/]+)/", config.edit_uri or "")
    return f"{config.repo_url.rstrip('/')}/blob/{branch[1] if branch else 'main'}/CONTRIBUTING.md"


# --- MkDocs wiring -----------------------------------------------------------------


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _statuses(config) -> list[PageStatus]:
    return statuses_this_build(_root(config), Path(config.docs_dir), tuple(locales(config)), default_locale(config))


@event_priority(100)
def on_pre_build(config):
    if config.plugins["i18n"].building:  # computed once, in the outer build, for every language
        return
    # `mkdocs serve` rebuilds: pick up edited pages and translations/<lang>/ui.yml
    ui_words.cache_clear()
    statuses_this_build.cache_clear()


def on_page_content(html_content, page, config, files):
    i18n = config.plugins["i18n"]
    locale, default = i18n.current_language, default_locale(config)
    root, page_path = _root(config), page.file.norm_src_uri
    words = ui_words(root, locale, default)

    def url_of(target_locale: str, target_page: str) -> str:
        target_url = target_page[: -len(".md")].removesuffix("index") + ("" if target_page.endswith("index.md") else "/")
        prefix = "" if target_locale == default else f"{target_locale}/"
        relative = get_relative_url(prefix + target_url, page.url)
        return relative if relative.endswith("/") else relative + "/"  # every page is a folder URL

    if page_path == STATUS_PAGE:
        names = {lang.locale: lang.name for lang in i18n.config.languages}
        html_content += status_table(_statuses(config), words, names, Path(config.docs_dir), url_of, default, config.nav)
    if locale == default:
        return html_content
    if page.file.locale != locale:  # static-i18n fell back to the English page
        name = next(lang.name for lang in i18n.config.languages if lang.locale == locale)
        notice = missing_notice(words, locale, name, contributing_url(config) or url_of(locale, STATUS_PAGE))
        return f'{notice}<div lang="{default}">{html_content}</div>'
    status = next((s for s in _statuses(config) if (s.locale, s.page) == (locale, page_path)), None)
    if status and status.state == OUTDATED:
        english_file = Path(config.docs_dir) / default / page_path
        titles = headings(english_file)
        changed = [
            {"id": section, "heading": titles.get(section, section)}
            for section in changed_sections(root, english_file, status.source_commit)
        ]
        return outdated_notice(words, locale, url_of(default, page_path), changed) + html_content
    return html_content
