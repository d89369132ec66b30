"""What readers see about translations: notices on outdated and untranslated pages, and the status page.

The states come from each page's translation record (hooks/translation_records.py). An outdated
page gets a notice in its language linking to the English sections that changed; a page not
translated yet shows the English text, marked lang="en", under a notice saying so and where to
help. The words are in translations/<lang>/ui.yml.
"""
from __future__ import annotations

import html
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from markdown_facts import read_page
from site_languages import default_locale, locales, ui_words
from translation_records import MISSING, OUTDATED, UP_TO_DATE, PageStatus, changed_sections, statuses_this_build

STATUS_PAGE = "translation-status.md"


def admonition(kind: str, title: str, body: str, lang: str) -> str:
    return (f'<div class="admonition {kind} translation-notice" lang="{lang}">'
            f'<p class="admonition-title">{html.escape(title)}</p>{body}</div>')


def outdated_notice(words: dict, lang: str, english_url: str, changed: list[str]) -> str:
    links = ", ".join(f'<a href="{english_url}#{section}" hreflang="en">#{section}</a>' for section in changed)
    body = (f"<p>{html.escape(words['outdated_body'])} "
            f'<a href="{english_url}" hreflang="en">{html.escape(words["english_page"])}</a></p>')
    if links:
        body += f"<p>{html.escape(words['outdated_sections'])} {links}</p>"
    return admonition("warning", words["outdated_title"], body, lang)


def missing_notice(words: dict, lang: str, language_name: str, status_url: str) -> str:
    body = (f"<p>{html.escape(words['missing_body'].format(language=language_name))} "
            f'<a href="{status_url}">{html.escape(words["help_translate"])}</a></p>')
    return admonition("info", words["missing_title"], body, lang)


def page_title(path: Path) -> str:
    try:
        return next(h.text for h in read_page(path.read_text(encoding="utf-8-sig")).headings if h.level == 1)
    except (StopIteration, UnicodeDecodeError, OSError):
        return path.stem


def status_table(all_statuses: list[PageStatus], words: dict, names: dict[str, str], docs_dir: Path,
                 url_of, default: str) -> str:
    """HTML for the status page: per language, a summary and every page with its state, linked."""
    out = []
    for locale in dict.fromkeys(s.locale for s in all_statuses):
        rows = [s for s in all_statuses if s.locale == locale]
        done = sum(s.state == UP_TO_DATE for s in rows)
        out.append(f'<h2 id="status-{locale}">{html.escape(names[locale])}</h2>'
                   f"<p>{html.escape(words['status_summary'].format(done=done, total=len(rows)))}</p>")
        out.append(f"<table><thead><tr><th>{html.escape(words['status_page_column'])}</th>"
                   f"<th>{html.escape(words['status_state_column'])}</th></tr></thead><tbody>")
        for s in rows:
            source = docs_dir / (locale if s.state != MISSING else default) / s.page
            out.append(f'<tr><td><a href="{url_of(locale, s.page)}" hreflang="{locale}">{html.escape(page_title(source))}</a></td>'
                       f"<td>{html.escape(words['state_' + s.state])}</td></tr>")
        out.append("</tbody></table>")
    return "".join(out)


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
        target_url = target_page[:-len(".md")].removesuffix("index") + ("" if target_page.endswith("index.md") else "/")
        prefix = "" if target_locale == default else f"{target_locale}/"
        relative = get_relative_url(prefix + target_url, page.url)
        return relative if relative.endswith("/") else relative + "/"  # every page is a folder URL

    if page_path == STATUS_PAGE:
        names = {lang.locale: lang.name for lang in i18n.config.languages}
        html_content += status_table(_statuses(config), words, names, Path(config.docs_dir), url_of, default)
    if locale == default:
        return html_content
    if page.file.locale != locale:  # static-i18n fell back to the English page
        name = next(lang.name for lang in i18n.config.languages if lang.locale == locale)
        notice = missing_notice(words, locale, name, url_of(locale, STATUS_PAGE))
        return f'{notice}<div lang="{default}">{html_content}</div>'
    status = next((s for s in _statuses(config) if (s.locale, s.page) == (locale, page_path)), None)
    if status and status.state == OUTDATED:
        english_file = Path(config.docs_dir) / default / page_path
        changed = changed_sections(root, english_file, status.source_commit)
        return outdated_notice(words, locale, url_of(default, page_path), changed) + html_content
    return html_content
