"""Check the HTML each page renders to, and the title that reaches its <title>, in every language.

mkdocs-static-i18n builds the default language, then each other language inside the default
build's on_post_build. Problems are collected as pages render, each at the Markdown line that made
it; from the first problem on nothing more is written (a language's pages all render before any
is written), and a page with a problem is emptied before the search index or a template sees it
or its title. Once every language is built, every problem is reported, the translators' files
first, and the build stops, no traceback. The state of one build lives in a `Run`, started afresh
by every build, so `mkdocs serve` rebuilds start clean.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from checks.html_allowlist import SourceLines, audit
from checks.plain_text import markup_in
from checks.problem import Problem
from checks.rendered_structure import Structure, structure, structure_problems
from model.markdown_facts import page_facts
from model.site import from_config

log = logging.getLogger("mkdocs.plugins.rendered_checks")
MOST = 20  # problems reported for one page


@dataclass
class Run:
    """One build, every language: what was found, which pages were checked, the English pages' structure."""

    problems: list[Problem] = field(default_factory=list)
    checked: Counter = field(default_factory=Counter)  # locale -> pages checked
    english: dict[str, tuple[Structure, SourceLines]] = field(default_factory=dict)  # page path -> its English page
    default: str = ""  # the default language, whose files come last
    reported: bool = False


run = Run()  # replaced by on_pre_build at the start of every build


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
    markdown_source: str,
    file: str,
    original: tuple[Structure, SourceLines] | None = None,
    en_file: str = "",
    site_url: str | None = None,
) -> list[Problem]:
    """Every allowlist finding in one page's HTML, and how its structure differs from the English
    `original` (for a translation), located in its Markdown source."""
    source = SourceLines.of(markdown_source, page_facts(markdown_source))
    findings = audit(html, site_url)
    found = [Problem(file, source.line_of(f), f.what, f.fix + ".") for f in findings[:MOST]]
    if len(findings) > MOST:  # a page pasted from elsewhere: the first ones say what to do
        last = max((p.line or 0) for p in found) or None
        found.append(Problem(file, last, f"and {len(findings) - MOST} more like these on the page", "fix the ones above first."))
    if original is not None and not found:  # the structure of a page that renders what it should not is moot
        english, en_source = original
        found += [
            Problem(file, line, what, fix)
            for line, what, fix in structure_problems(structure(html), english, source, en_source, en_file)
        ]
    return found


def _source(page, config) -> tuple[str, str]:
    path = Path(page.file.abs_src_path)
    root = Path(config.config_file_path).parent
    return path.read_text(encoding="utf-8-sig", errors="replace"), path.relative_to(root).as_posix()


@event_priority(100)  # before the preflight, which may stop the build (on_build_error then finds nothing stale)
def on_pre_build(config):
    global run
    if not config.plugins["i18n"].building:  # the default language's build starts the whole build
        run = Run(default=from_config(config).default.locale)


@event_priority(50)  # before other hooks add their own notices to the page
def on_page_content(html, page, config, files):
    i18n = config.plugins["i18n"]
    locale = i18n.current_language
    if not page.file.abs_src_path or getattr(page.file, "locale", locale) != locale:
        return html  # a fallback page: checked in its own language
    text, file = _source(page, config)
    default, path = from_config(config).default.locale, page.file.norm_src_uri
    if locale == default:
        run.english[path] = (structure(html), SourceLines.of(text, page_facts(text)))
        found = page_problems(html, text, file, site_url=config.site_url)
    else:
        found = page_problems(html, text, file, run.english.get(path), f"docs/{default}/{path}", config.site_url)
    if title := title_problem(page.title, text, file):
        found.append(title)
    run.checked[locale] += 1
    if found:
        run.problems.extend(found)
        page.meta["title"] = page.file.name  # its title reaches the nav of every page and the search index
        return ""  # nor does its content
    return html


@event_priority(-100)  # after every other hook
def on_post_page(output, page, config):
    """Once a problem is found, nothing more is written: this language's pages render before any is written."""
    return "" if run.problems else output


@event_priority(-100)
def on_post_template(output, template_name, config):
    return "" if run.problems else output  # 404.html, sitemap.xml: they hold the nav and addresses too


def on_env(env, config, files):
    locale = config.plugins["i18n"].current_language
    if not any(p.file.startswith(f"docs/{locale}/") for p in run.problems):
        log.info(f"rendered_checks: {run.checked[locale]} '{locale}' pages are within the allowlist")
    return env


def _report() -> int:
    """Every problem once, the translations' files first (their cause is usually there)."""
    english = f"docs/{run.default}/"
    found = sorted(dict.fromkeys(run.problems), key=lambda p: (p.file.startswith(english), p.file, p.line or 0))
    for problem in found:
        log.error(str(problem))
    run.reported = True
    return len(found)


@event_priority(-110)  # after static-i18n has built every other language (its on_post_build is -100)
def on_post_build(config):
    if config.plugins["i18n"].building or run.reported:
        return
    if count := _report():
        raise PluginError(f"{count} problem(s) in the rendered pages of {len(run.checked)} language(s); see above.")


def on_build_error(error):
    """Another error stopped the build: the problems found so far are still reported, first."""
    if run.problems and not run.reported:
        _report()
