"""Check the HTML each page renders to, in every language, before any page is written.

MkDocs renders every page (on_page_content) before it writes one (after on_env), and
mkdocs-static-i18n runs one such build per language: problems are collected while pages
render and stop that build in on_env, each at the Markdown line that made it, no traceback.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from html_allowlist import SourceLines, audit
from preflight import Problem

log = logging.getLogger("mkdocs.plugins.rendered_checks")
problems: list[Problem] = []  # this language's build
checked: list[str] = []  # the pages this language's build checked


def page_problems(html: str, markdown_source: str, file: str) -> list[Problem]:
    """Every allowlist finding in one page's HTML, located in its Markdown source."""
    findings = audit(html)
    if not findings:
        return []
    source = SourceLines.read(markdown_source)
    return [Problem(file, source.line_of(f), f.what, f.fix + ".") for f in findings]


def _source(page, config) -> tuple[str, str]:
    path = Path(page.file.abs_src_path)
    root = Path(config.config_file_path).parent
    return path.read_text(encoding="utf-8-sig", errors="replace"), path.relative_to(root).as_posix()


@event_priority(50)  # before other hooks add their own notices to the page
def on_page_content(html, page, config, files):
    i18n = config.plugins["i18n"]
    if page.file.abs_src_path and getattr(page.file, "locale", i18n.current_language) == i18n.current_language:
        text, file = _source(page, config)
        problems.extend(page_problems(html, text, file))
        checked.append(file)
    return html


def on_env(env, config, files):
    found = sorted(set(problems), key=lambda p: (p.file, p.line or 0))
    pages = len(checked)
    problems.clear()
    checked.clear()
    for problem in found:
        log.error(str(problem))
    if found:
        raise PluginError(f"{len(found)} problem(s) in the rendered pages; see above.")
    log.info(f"rendered_checks: {pages} '{config.plugins['i18n'].current_language}' pages are within the allowlist")
    return env
