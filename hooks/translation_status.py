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

from model.markdown_facts import page_facts
from model.site import Site, from_config
from model.translation_records import MISSING, OUTDATED, UP_TO_DATE, PageStatus, changed_sections, statuses_of
from model.words import ui_words

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
    return {h.id: h.text for h in page_facts(path.read_text(encoding="utf-8-sig")).headings if h.id}


def page_title(path: Path) -> str:
    try:
        return next(h.text for h in page_facts(path.read_text(encoding="utf-8-sig")).headings if h.level == 1)
    except (StopIteration, UnicodeDecodeError, OSError):
        return path.stem


def status_table(all_statuses: list[PageStatus], words: dict, site: Site, from_url: str) -> str:
    """HTML for the status page: per language, a summary and every page with its state, linked
    relative to the page at `from_url`, in the guide's reading order."""
    order = {page: i for i, page in enumerate(site.reading_order())}
    languages = []
    for locale in dict.fromkeys(s.locale for s in all_statuses):
        by_page = {s.page: s for s in all_statuses if s.locale == locale}
        rows = [
            {
                "url": site.relative_url(locale, page, from_url),
                "state": by_page[page].state,
                "title": page_title(site.source(locale if by_page[page].state != MISSING else site.default.locale, page)),
            }
            for page in sorted(by_page, key=lambda page: (order.get(page, len(order)), page))
        ]
        languages.append(
            {
                "locale": locale,
                "name": site.language(locale).name,
                "rows": rows,
                "done": sum(row["state"] == UP_TO_DATE for row in rows),
            }
        )
    return TEMPLATES.get_template("partials/translation-status.html").render(languages=languages, words=words)


def contributing_url(config) -> str | None:
    """CONTRIBUTING.md in the repository (repo_url, on the branch edit_uri names), where translators start."""
    if not config.repo_url:
        return None
    branch = re.match(r"(?:edit|blob)/([^/]+)/", config.edit_uri or "")
    return f"{config.repo_url.rstrip('/')}/blob/{branch[1] if branch else 'main'}/CONTRIBUTING.md"


# --- MkDocs wiring -----------------------------------------------------------------


def _statuses(site: Site) -> list[PageStatus]:
    return statuses_of(site)


def on_page_content(html_content, page, config, files):
    site, locale, page_path = from_config(config), config.plugins["i18n"].current_language, page.file.norm_src_uri
    default = site.default.locale
    words = ui_words(site.root, locale, default)
    if page_path == STATUS_PAGE:
        html_content += status_table(_statuses(site), words, site, page.url)
    if locale == default:
        return html_content
    if page.file.locale != locale:  # static-i18n fell back to the English page
        help_url = contributing_url(config) or site.relative_url(locale, STATUS_PAGE, page.url)
        notice = missing_notice(words, locale, site.language(locale).name, help_url)
        return f'{notice}<div lang="{default}">{html_content}</div>'
    status = next((s for s in _statuses(site) if (s.locale, s.page) == (locale, page_path)), None)
    if status and status.state == OUTDATED:
        english_file = site.source(default, page_path)
        titles = headings(english_file)
        changed = [
            {"id": section, "heading": titles.get(section, section)}
            for section in changed_sections(site.root, english_file, status.source_commit)
        ]
        english_url = site.relative_url(default, page_path, page.url)
        return outdated_notice(words, locale, english_url, changed) + html_content
    return html_content
