"""Check the HTML each page renders to, and the title that reaches its <title>, in every language.

mkdocs-static-i18n builds the default language, then each other language inside the default
build's on_post_build. Problems are collected as pages render, each at the Markdown line that made
it; from the first problem on nothing more is written (a language's pages all render before any
is written), and a page with a problem is emptied before the search index or a template sees it
or its title. Once every language is built, every problem is reported, the translators' files
first, and the build stops, no traceback. The state of one build lives in a `Run`, which the plugin
starts afresh for every build, so `mkdocs serve` rebuilds start clean.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from keep_your_cool.checks.html_allowlist import SourceLines, audit
from keep_your_cool.checks.plain_text import markup_in
from keep_your_cool.checks.problem import Problem
from keep_your_cool.checks.rendered_structure import Structure, StructureReader, structure, structure_problems
from keep_your_cool.model.markdown_facts import page_facts
from keep_your_cool.model.site import Site

log = logging.getLogger("mkdocs.plugins.keep_your_cool.rendered_checks")


@dataclass
class Run:
    """One build, every language: what was found, which pages were checked, the English pages' structure."""

    problems: list[Problem] = field(default_factory=list)
    checked: Counter = field(default_factory=Counter)  # locale -> pages checked
    english: dict[str, tuple[Structure, SourceLines]] = field(default_factory=dict)  # page path -> its English page
    default: str = ""  # the default language, whose files come last
    reported: bool = False


def title_problem(title: str | None, text: str, file: str) -> Problem | None:
    """The page's title as the theme prints it into <title> (tags stripped, entities decoded, not
    escaped again) must be plain text."""
    if not title:
        return None
    printed = Markup(title).striptags()  # Material: {{ page.title | striptags }}; MkDocs keeps '&amp;' in titles
    markup = markup_in(printed) or ("<" in title and (markup_in(title) or title))
    if not markup:
        return None
    facts = page_facts(text)
    front = facts.front_matter
    title_line = next((h.line for h in facts.headings if h.level == 1), None)
    if front and isinstance(front.data, dict) and "title" in front.data:
        title_line = front.key_line("title")
    return Problem(
        file,
        title_line,
        f"the page title becomes '{printed[:80]}' in the page's <title>: '{markup.strip()[:30]}' is markup, not text",
        "write the title (the '# ' heading) as plain words: no code span, tag or '&…;' entity in it.",
    )


def page_problems(
    html: str,
    source: SourceLines,
    file: str,
    original: tuple[Structure, SourceLines] | None = None,
    en_file: str = "",
    site_url: str | None = None,
) -> tuple[list[Problem], Structure | None]:
    """Every allowlist problem in one page's HTML, and how its structure differs from the English
    `original` (for a translation), located in its Markdown `source`; and, for an English page (no
    `original`), its structure, which its translations must keep."""
    reader = StructureReader()  # given the allowlist's reading of the page: one reading for both
    found = audit(html, source, file, site_url, reader)

    def page() -> Structure:
        return structure(html) if reader.unsure else reader.found  # read alone where that reading could not tell

    if original is None:
        return found, page()
    if not found:  # the structure of a page that renders what it should not is moot
        english, en_source = original
        found += structure_problems(page(), english, source, en_source, file, en_file)
    return found, None


def source_of(page, root: Path) -> tuple[str, str]:
    """The page's Markdown source, and its path from the project's folder."""
    path = Path(page.file.abs_src_path)
    return path.read_text(encoding="utf-8-sig", errors="replace"), path.relative_to(root).as_posix()


def check_page(run: Run, html: str, page, site: Site, locale: str) -> str:
    """The page's HTML as readers may get it: emptied (title included) when it has a problem."""
    if not page.file.abs_src_path or getattr(page.file, "locale", locale) != locale:
        return html  # a fallback page: checked in its own language
    text, file = source_of(page, site.root)
    default, path = site.default.locale, page.file.norm_src_uri
    source = SourceLines.of(text, page_facts(text))
    if locale == default:
        found, english = page_problems(html, source, file, site_url=site.site_url)
        run.english[path] = (english, source)
    else:
        found, _ = page_problems(html, source, file, run.english.get(path), f"docs/{default}/{path}", site.site_url)
    if title := title_problem(page.title, text, file):
        found.append(title)
    run.checked[locale] += 1
    if found:
        run.problems.extend(found)
        page.meta["title"] = page.file.name  # its title reaches the nav of every page and the search index
        return ""  # nor does its content
    return html


def log_language(run: Run, locale: str) -> None:
    if not any(p.file.startswith(f"docs/{locale}/") for p in run.problems):
        log.info(f"rendered_checks: {run.checked[locale]} '{locale}' pages are within the allowlist")


def report(run: Run) -> int:
    """Every problem once, the translations' files first (their cause is usually there)."""
    english = f"docs/{run.default}/"
    found = sorted(dict.fromkeys(run.problems), key=lambda p: (p.file.startswith(english), p.file, p.line or 0))
    for problem in found:
        log.error(str(problem))
    run.reported = True
    return len(found)


def stop_if_problems(run: Run) -> None:
    """Once every language is built: every problem, then the build stops."""
    if not run.reported and (count := report(run)):
        raise PluginError(f"{count} problem(s) in the rendered pages of {len(run.checked)} language(s); see above.")
