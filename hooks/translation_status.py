"""Which translations are up to date, out of date or missing, and what readers see about it.

Each translated page records in its front matter the git commit of the English
file it follows (`l10n: sourceCommit: <sha>`, after MDN). A translation is up to
date when the English file's content at that commit is the same as now: the
English file's own history decides, not commit dates. Without git history
(a shallow clone, a tarball) the state is "unknown", never "outdated".
"""
from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from site_languages import default_locale, locales, ui_words

UP_TO_DATE, OUTDATED, MISSING, UNKNOWN = "up_to_date", "outdated", "missing", "unknown"
STATUS_PAGE = "translation-status.md"
SECTION_ID = re.compile(r"^#{2,6}\s.*\{#([\w-]+)[^}]*\}\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageStatus:
    locale: str
    page: str  # path inside the language folder, e.g. "examples/start-date.md"
    state: str
    source_commit: str | None = None
    bad_record: str | None = None  # why the record names no usable revision


def git(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, text=True)


def has_history(root: Path) -> bool:
    shallow = git(root, "rev-parse", "--is-shallow-repository")
    return shallow.returncode == 0 and shallow.stdout.strip() == "false"


def read_front_matter(path: Path) -> dict:
    """The page's front matter, or {} when it has none or it is broken (the preflight reports that)."""
    try:
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            return {}
        # BaseLoader keeps every value a string: a hex commit of digits must not become a number
        data = yaml.load(text.split("\n---", 1)[0][3:], Loader=yaml.BaseLoader)
    except (UnicodeDecodeError, yaml.YAMLError, IndexError):
        return {}
    return data if isinstance(data, dict) else {}


def source_commit(path: Path) -> str | None:
    l10n = read_front_matter(path).get("l10n")
    commit = l10n.get("sourceCommit") if isinstance(l10n, dict) else None
    return str(commit) if commit else None


def english_pages(docs_dir: Path, default: str) -> list[str]:
    return sorted(p.relative_to(docs_dir / default).as_posix() for p in (docs_dir / default).rglob("*.md"))


def statuses(root: Path, docs_dir: Path, all_locales: list[str], default: str) -> list[PageStatus]:
    """The state of every English page in every other language, in two git calls."""
    pages = english_pages(docs_dir, default)
    english = {page: (docs_dir / default / page).relative_to(root).as_posix() for page in pages}
    records = {
        (locale, page): source_commit(docs_dir / locale / page)
        for locale in all_locales if locale != default
        for page in pages if (docs_dir / locale / page).is_file()
    }
    history = has_history(root)
    if history:
        current = dict(zip(pages, git(root, "hash-object", "--stdin-paths", stdin="\n".join(english.values())).stdout.split()))
        wanted = sorted({(commit, page) for (_, page), commit in records.items() if commit})
        answers = git(root, "cat-file", "--batch-check=%(objectname)", stdin="".join(
            f"{commit}^{{commit}}\n{commit}:{english[page]}\n" for commit, page in wanted)).stdout.splitlines()
        at_commit = {key: (answers[2 * i], answers[2 * i + 1]) for i, key in enumerate(wanted)}

    result = []
    for locale in all_locales:
        if locale == default:
            continue
        for page in pages:
            if (locale, page) not in records:
                result.append(PageStatus(locale, page, MISSING))
                continue
            commit = records[(locale, page)]
            if not commit:
                result.append(PageStatus(locale, page, UNKNOWN, None, "it has no l10n.sourceCommit"))
            elif not history:
                result.append(PageStatus(locale, page, UNKNOWN, commit))
            elif at_commit[(commit, page)][0].endswith("missing"):
                result.append(PageStatus(locale, page, UNKNOWN, commit, f"commit {commit} does not exist in this repository"))
            elif at_commit[(commit, page)][1].endswith("missing"):
                result.append(PageStatus(locale, page, UNKNOWN, commit, f"{english[page]} does not exist at commit {commit}"))
            else:
                state = UP_TO_DATE if at_commit[(commit, page)][1] == current[page] else OUTDATED
                result.append(PageStatus(locale, page, state, commit))
    return result


def sections(markdown: str) -> dict[str, str]:
    """Section id -> the text of that section, for comparing two revisions of a page."""
    matches = list(SECTION_ID.finditer(markdown))
    return {m.group(1): markdown[m.start():(matches[i + 1].start() if i + 1 < len(matches) else len(markdown))]
            for i, m in enumerate(matches)}


def changed_sections(root: Path, english_file: Path, commit: str) -> list[str]:
    """Ids of the sections of an English page that differ between `commit` and now."""
    old = git(root, "show", f"{commit}:{english_file.relative_to(root).as_posix()}").stdout
    before, now = sections(old), sections(english_file.read_text(encoding="utf-8"))
    return [section for section, text in now.items() if before.get(section) != text]


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
        return next(line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
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

_statuses: dict[tuple[str, str], PageStatus] = {}


def _root(config) -> Path:
    return Path(config.config_file_path).parent


@event_priority(100)
def on_pre_build(config):
    if config.plugins["i18n"].building:  # computed once, in the outer build, for every language
        return
    _statuses.clear()
    ui_words.cache_clear()  # `mkdocs serve` rebuilds: pick up edited translations/<lang>/ui.yml
    all_statuses = statuses(_root(config), Path(config.docs_dir), locales(config), default_locale(config))
    _statuses.update({(s.locale, s.page): s for s in all_statuses})


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
        html_content += status_table(list(_statuses.values()), words, names, Path(config.docs_dir), url_of, default)
    if locale == default:
        return html_content
    if page.file.locale != locale:  # static-i18n fell back to the English page
        name = next(lang.name for lang in i18n.config.languages if lang.locale == locale)
        notice = missing_notice(words, locale, name, url_of(locale, STATUS_PAGE))
        return f'{notice}<div lang="{default}">{html_content}</div>'
    status = _statuses.get((locale, page_path))
    if status and status.state == OUTDATED:
        english_file = Path(config.docs_dir) / default / page_path
        changed = changed_sections(root, english_file, status.source_commit)
        return outdated_notice(words, locale, url_of(default, page_path), changed) + html_content
    return html_content
