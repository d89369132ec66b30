"""What readers see about translations: notices on outdated and untranslated pages, and the status page.

The states come from each page's translation record (keep_your_cool/model/translation_records.py). An outdated
page gets a notice in its language linking to the English sections that changed; a page not
translated yet shows the English text, marked lang="en", under a notice saying so and where to
help. The words are in translations/<lang>/ui.yml.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from keep_your_cool.model.markdown_facts import page_facts
from keep_your_cool.model.site import Site
from keep_your_cool.model.translation_records import MISSING, OUTDATED, UP_TO_DATE, PageStatus, changed_sections

STATUS_PAGE = "translation-status.md"


def outdated_notice(templates: jinja2.Environment, words: dict, lang: str, english_url: str, changed: list[dict]) -> str:
    """changed: the English sections that changed, as {"id": ..., "heading": ...}."""
    return templates.get_template("partials/translation-notice.html").render(
        state=OUTDATED, words=words, lang=lang, english_url=english_url, changed=changed
    )


def missing_notice(templates: jinja2.Environment, words: dict, lang: str, language_name: str, help_url: str) -> str:
    return templates.get_template("partials/translation-notice.html").render(
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


def status_table(templates: jinja2.Environment, all_statuses: list[PageStatus], words: dict, site: Site, from_url: str) -> str:
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
    return templates.get_template("partials/translation-status.html").render(languages=languages, words=words)


def contributing_url(config) -> str | None:
    """CONTRIBUTING.md in the repository (repo_url, on the branch edit_uri names), where translators start."""
    if not config.repo_url:
        return None
    branch = re.match(r"(?:edit|blob)/([^/]+)/", config.edit_uri or "")
    return f"{config.repo_url.rstrip('/')}/blob/{branch[1] if branch else 'main'}/CONTRIBUTING.md"


def with_notices(
    html_content: str,
    page,
    site: Site,
    locale: str,
    words: dict,
    templates: jinja2.Environment,
    statuses: list[PageStatus],
    config,
) -> str:
    """The page's HTML with what readers see about its translation: the status table on the status
    page, and a notice on a page shown in English or out of date. `templates`: the theme's own."""
    default, page_path = site.default.locale, page.file.norm_src_uri
    if page_path == STATUS_PAGE:
        html_content += status_table(templates, statuses, words, site, page.url)
    if locale == default:
        return html_content
    if page.file.locale != locale:  # static-i18n fell back to the English page
        help_url = contributing_url(config) or site.relative_url(locale, STATUS_PAGE, page.url)
        notice = missing_notice(templates, words, locale, site.language(locale).name, help_url)
        return f'{notice}<div lang="{default}">{html_content}</div>'
    status = next((s for s in statuses if (s.locale, s.page) == (locale, page_path)), None)
    if status and status.state == OUTDATED:
        english_file = site.source(default, page_path)
        titles = headings(english_file)
        changed = [
            {"id": section, "heading": titles.get(section, section)}
            for section in changed_sections(site.root, english_file, status.source_commit)
        ]
        english_url = site.relative_url(default, page_path, page.url)
        return outdated_notice(templates, words, locale, english_url, changed) + html_content
    return html_content
