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

from checks.html_allowlist import SourceLines, audit
from checks.problem import Problem
from checks.rendered_structure import Structure, structure, structure_problems
from model.site import from_config

log = logging.getLogger("mkdocs.plugins.rendered_checks")
problems: list[Problem] = []  # this language's build
checked: list[str] = []  # the pages this language's build checked
english: dict[str, Structure] = {}  # page path in the language folder -> its English structure


def page_problems(
    html: str, markdown_source: str, file: str, original: Structure | None = None, en_file: str = ""
) -> list[Problem]:
    """Every allowlist finding in one page's HTML, and how its structure differs from the English
    `original` (for a translation), located in its Markdown source."""
    source = SourceLines.read(markdown_source)
    found = [Problem(file, source.line_of(f), f.what, f.fix + ".") for f in audit(html)]
    if original is not None and not found:  # the structure of a page that renders what it should not is moot
        found += [
            Problem(file, line, what, fix + ".")
            for line, what, fix in structure_problems(structure(html), original, source, en_file)
        ]
    return found


def _source(page, config) -> tuple[str, str]:
    path = Path(page.file.abs_src_path)
    root = Path(config.config_file_path).parent
    return path.read_text(encoding="utf-8-sig", errors="replace"), path.relative_to(root).as_posix()


@event_priority(50)  # before other hooks add their own notices to the page
def on_page_content(html, page, config, files):
    i18n = config.plugins["i18n"]
    if page.file.abs_src_path and getattr(page.file, "locale", i18n.current_language) == i18n.current_language:
        text, file = _source(page, config)
        default, path = from_config(config).default.locale, page.file.norm_src_uri
        if i18n.current_language == default:
            english[path] = structure(html)
            problems.extend(page_problems(html, text, file))
        else:
            problems.extend(page_problems(html, text, file, english.get(path), f"docs/{default}/{path}"))
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
