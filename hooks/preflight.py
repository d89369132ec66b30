"""Check every language's Markdown sources before MkDocs builds them.

One run reports every problem in every language, each with its file, line, what is
wrong and how to fix it, then stops the build with exit code 1 and no traceback.
The checks are plain functions (tests call `find_problems` directly); the hook event
at the bottom only wires them into `mkdocs build` and `mkdocs serve`.
"""
from __future__ import annotations

import difflib
import html
import logging
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from urllib.parse import unquote

from mkdocs.exceptions import PluginError

from markdown_facts import Link, PageFacts, read_page
from site_languages import default_locale, locales
from translation_status import has_history, statuses

log = logging.getLogger("mkdocs.plugins.preflight")

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "form"}
URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "poster", "background", "data"}
SCRIPT_URL = re.compile(r"^(?:javascript:|vbscript:|data:text/html)")
OTHER_ORIGIN = re.compile(r"^(?:https?:|//|[a-z][a-z0-9+.-]*://)")
NO_REMOTE = "save the file under docs/ and use a relative path, so the site loads nothing from another site"


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the project root, e.g. docs/fr/three-rs.md
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what}. Fix: {self.fix}"


def _url(value: str) -> str:
    """A URL as a browser reads it: entities decoded, blanks dropped, backslashes as slashes."""
    return re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower().replace("\\", "/")


def _closest(word: str, choices) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.4)
    return found[0] if found else None


class Checker:
    def __init__(self, docs_dir: Path, locales: list[str], default: str):
        self.docs, self.locales, self.default = docs_dir, locales, default
        self.problems: list[Problem] = []
        self.pages: dict[str, dict[str, PageFacts | None]] = {}  # locale -> page path -> facts (None: unreadable or empty)
        self.files: dict[str, set[str]] = {}  # locale -> every file path, for images

    def rel(self, locale: str, page: str = "") -> str:
        return (self.docs / locale / page).relative_to(self.docs.parent).as_posix() + ("" if page else "/")

    def add(self, locale: str, page: str, line: int | None, what: str, fix: str) -> None:
        self.problems.append(Problem(self.rel(locale, page), line, what, fix))

    def served(self, locale: str, page: str) -> tuple[str, PageFacts | None] | None:
        """The page a reader of `locale` gets: its translation, else English (the site falls back)."""
        for candidate in (locale, self.default):
            if page in self.pages.get(candidate, {}):
                return candidate, self.pages[candidate][page]
        return None

    # 1 and 3: folders, encodings, empty pages
    def load(self) -> None:
        for entry in sorted(self.docs.iterdir()):
            if entry.is_dir() and entry.name not in self.locales and not entry.name.startswith("."):
                self.problems.append(Problem(
                    self.rel(entry.name), None, f"folder '{entry.name}' is not a declared language (declared: {', '.join(self.locales)})",
                    "declare it in mkdocs.yml under plugins → i18n → languages, or move the files into a language folder."))
            elif entry.suffix == ".md":
                self.problems.append(Problem(
                    entry.relative_to(self.docs.parent).as_posix(), None, "page is outside every language folder",
                    f"move it into {self.rel(self.default)} (or a translation folder)."))
        if not (self.docs / self.default).is_dir():
            self.add(self.default, "", None, "the default language's folder is missing", "create it: every page starts in this language.")
        for locale in self.locales:
            folder = self.docs / locale
            # MkDocs skips dot-files (its default exclude_docs), so do we
            files = [p for p in folder.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(folder).parts)] if folder.is_dir() else []
            self.files[locale] = {p.relative_to(folder).as_posix() for p in files}
            self.pages[locale] = {p.relative_to(folder).as_posix(): self.read(locale, p) for p in sorted(files) if p.suffix == ".md"}

    def read(self, locale: str, path: Path) -> PageFacts | None:
        page = path.relative_to(self.docs / locale).as_posix()
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")  # MkDocs reads pages the same way: a BOM is fine
        except UnicodeDecodeError as error:
            self.add(locale, page, data[: error.start].count(b"\n") + 1, "file is not UTF-8 text (first bad byte on this line)",
                     "save the file as UTF-8 in your editor (check the accented letters on this line).")
            return None
        facts = read_page(text)
        if facts.empty:
            self.add(locale, page, None, "page is empty (nothing after the front matter)",
                     "write the page, or delete the file so readers get the English page instead."
                     if locale != self.default else "write the page, or delete it and its entry in mkdocs.yml's nav.")
            return None  # one clear problem, not every section and link it lacks
        return facts

    # 2: front matter
    def check_front_matter(self, locale: str, page: str, facts: PageFacts) -> None:
        front = facts.front_matter
        example = "'description: <one sentence saying what the page is about>'"
        if front is None:
            self.add(locale, page, 1, "page has no front matter with a 'description'",
                     f"start the file with a '---' line, {example}, and another '---' line (search results and link previews show it).")
        elif front.error:
            self.add(locale, page, front.error_line, f"front matter is not valid YAML: {front.error}",
                     "fix the YAML between the '---' lines; put quotes around a value that contains ': ' or starts with a quote, '[' or '{'.")
        elif not isinstance(front.data, (dict, type(None))):
            self.add(locale, page, front.line, f"front matter is a {type(front.data).__name__}, not a list of 'key: value' lines",
                     f"write it as {example}.")
        else:
            description = (front.data or {}).get("description")
            if not isinstance(description, str) or not description.strip():
                self.add(locale, page, front.key_line("description"), "front matter has no 'description' text",
                         f"add {example} between the '---' lines.")

    # 5: heading ids
    def check_headings(self, locale: str, page: str, facts: PageFacts) -> None:
        seen: dict[str, int] = {}
        for heading in facts.headings:
            if heading.level >= 2 and not heading.id:
                how = (f"add an id after the text, e.g. '{'#' * heading.level} {heading.text} {{#{_slug(heading.text)}}}'"
                       if locale == self.default else f"copy the '{{#…}}' id of the matching heading in {self.rel(self.default, page)}")
                self.add(locale, page, heading.line, f"heading '{heading.text}' has no explicit id (trainers link to sections by id)", how + ".")
            if heading.id and heading.id in seen:
                self.add(locale, page, heading.line, f"section id '#{heading.id}' is used twice (first on line {seen[heading.id]})",
                         "give each heading its own id.")
            elif heading.id:
                seen[heading.id] = heading.line

    # 6: parity with English
    def check_parity(self, locale: str, page: str, facts: PageFacts, english: PageFacts) -> None:
        en_file = self.rel(self.default, page)
        self.check_heading_order(locale, page, facts, english, en_file)
        link_fix = "keep every link target and #anchor exactly as in English; translate only the link text."
        self.compare_multisets(locale, page, en_file, "link to", link_fix,
                               [l for l in english.internal_links if not l.image], [l for l in facts.internal_links if not l.image])
        self.compare_multisets(locale, page, en_file, "image", "use the same images as English; translate only the alt text.",
                               english.images, facts.images)
        en_blocks = [f"{a.marker} {a.kind}" for a in english.admonitions]
        blocks = [f"{a.marker} {a.kind}" for a in facts.admonitions]
        fix = "keep the same '!!!'/'???' blocks with the same kind, in the English order; translate only their titles and text."
        for tag, i1, i2, j1, j2 in SequenceMatcher(a=en_blocks, b=blocks, autojunk=False).get_opcodes():
            for k in range(0 if tag == "equal" else max(i2 - i1, j2 - j1)):
                en = english.admonitions[i1 + k] if i1 + k < i2 else None
                tr = facts.admonitions[j1 + k] if j1 + k < j2 else None
                if en and tr:
                    self.add(locale, page, tr.line, f"block '{blocks[j1 + k]}' stands where English has '{en_blocks[i1 + k]}' ({en_file}:{en.line})", fix)
                elif en:
                    nxt = facts.admonitions[j2].line if j2 < len(facts.admonitions) else None  # where it belongs
                    self.add(locale, page, nxt, f"block '{en_blocks[i1 + k]}' is missing (English has it at {en_file}:{en.line})", fix)
                elif tr:
                    self.add(locale, page, tr.line, f"block '{blocks[j1 + k]}' is not in English ({en_file})", fix)

    def check_heading_order(self, locale, page, facts, english, en_file) -> None:
        en = [h for h in english.headings if h.id]
        tr = [h for h in facts.headings if h.id]
        en_ids, tr_ids = [h.id for h in en], [h.id for h in tr]
        renamed = {}
        for tag, i1, i2, j1, j2 in SequenceMatcher(a=en_ids, b=tr_ids, autojunk=False).get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                renamed.update({e: t for e, t in zip(en[i1:i2], tr[j1:j2]) if e.id not in tr_ids and t.id not in en_ids})
        keep = "exactly as in English; translate only its text."
        for i, h in enumerate(en):
            if h in renamed:
                self.add(locale, page, renamed[h].line, f"section id '#{renamed[h].id}' should be '#{h.id}' as in English ({en_file}:{h.line})",
                         f"write the heading with '{{#{h.id}}}' {keep}")
            elif h.id not in tr_ids:
                after = next((t.line for e in en[i + 1:] for t in tr if t.id == e.id), None)  # where it belongs
                self.add(locale, page, after, f"section id '#{h.id}' is missing (English has it at {en_file}:{h.line})",
                         f"keep the heading with '{{#{h.id}}}' {keep}")
        for t in tr:
            if t.id not in en_ids and t not in renamed.values():
                self.add(locale, page, t.line, f"section id '#{t.id}' is not in English ({en_file})",
                         "remove the heading or use the id of the English heading it translates; add new sections to English first.")
        common_en = [i for i in en_ids if i in tr_ids]
        common_tr = [i for i in tr_ids if i in en_ids]
        k = next((k for k, (a, b) in enumerate(zip(common_en, common_tr)) if a != b), None)
        if k is not None:
            line = next(t.line for t in tr if t.id == common_tr[k])
            self.add(locale, page, line, f"sections are out of order: '#{common_tr[k]}' comes where English has '#{common_en[k]}'",
                     f"put the sections in the English order ({', '.join('#' + i for i in common_en)}).")

    def compare_multisets(self, locale, page, en_file, noun, fix, english: list[Link], translated: list[Link]) -> None:
        en_count = Counter(_target(l) for l in english)
        tr_count = Counter(_target(l) for l in translated)
        missing, extra = en_count - tr_count, tr_count - en_count
        for target in missing:
            first = next(l.line for l in english if _target(l) == target)
            self.add(locale, page, None, f"{noun} '{target}' is missing (English has it at {en_file}:{first})", fix)
        for target, count in extra.items():
            for link in [l for l in translated if _target(l) == target][-count:]:
                hint = _closest(target, missing)
                self.add(locale, page, link.line, f"{noun} '{target}' is not in English ({en_file})",
                         fix + (f" Did you mean '{hint}'?" if hint else ""))

    # 7: links point to pages and sections that exist
    def check_links(self, locale: str, page: str, facts: PageFacts) -> None:
        for link in facts.internal_links:
            path = unquote(link.path)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
            if resolved == ".." or resolved.startswith("../"):
                self.add(locale, page, link.line, f"link '{link.target}' points outside docs/{locale}/",
                         "link to pages by their path inside the language folder, e.g. 'three-rs.md'.")
            elif link.image or not resolved.endswith(".md"):
                if link.image and not any(resolved in self.files.get(loc, ()) for loc in (locale, self.default)):
                    self.add(locale, page, link.line, f"image '{link.target}' does not exist ({self.rel(self.default, resolved)})",
                             "put the image there (translations share English images) or fix the path.")
            elif (target := self.served(locale, resolved)) is None:
                hint = _closest(resolved, self.pages.get(self.default, {}))
                self.add(locale, page, link.line, f"link '{link.target}' points to a page that does not exist ({self.rel(locale, resolved)})",
                         f"link to {f'{hint!r}' if hint else 'an existing page'} (paths are relative to this page).")
            elif link.anchor and target[1] is not None and link.anchor not in target[1].ids:
                where = self.rel(target[0], resolved)
                english = self.pages.get(self.default, {}).get(resolved)
                if target[0] != self.default and english and link.anchor in english.ids:  # the translated page lost the id
                    fix = f"keep '{{#{link.anchor}}}' on the matching heading of {where}, exactly as in English."
                else:
                    hint = _closest(link.anchor, target[1].ids)
                    fix = f"use {repr('#' + hint) if hint else 'one of its heading ids'}, as written in '{{#…}}' after its headings."
                self.add(locale, page, link.line, f"link '{link.target}' points to a section that does not exist: {where} has no id '#{link.anchor}'", fix)

    # 8: nothing that runs script or loads another site
    def check_policy(self, locale: str, page: str, facts: PageFacts) -> None:
        for link in facts.links:
            url = _url(link.target)
            if SCRIPT_URL.match(url):
                self.add(locale, page, link.line, f"link '{link.target}' is a script URL", "link to a page or an https:// address instead.")
            elif link.image and OTHER_ORIGIN.match(url):
                self.add(locale, page, link.line, f"image '{link.target}' is loaded from another site", NO_REMOTE + ".")
        for tag in facts.html_tags:
            if tag.name in FORBIDDEN_TAGS:
                self.add(locale, page, tag.line, f"raw HTML <{tag.name}> is not allowed: it can run script or load another site",
                         "remove it; use Markdown instead (ask a maintainer if the theme needs a new feature).")
                continue  # one problem per tag is enough
            for name, value in tag.attrs:
                urls = _attribute_urls(name, value or "")
                if name.startswith("on"):
                    self.add(locale, page, tag.line, f"raw HTML attribute '{name}=' on <{tag.name}> runs script", "remove the attribute.")
                elif any(SCRIPT_URL.match(u) for u in urls):
                    self.add(locale, page, tag.line, f"raw HTML <{tag.name} {name}=\"{value}\"> is a script URL", "remove it, or link to a page or an https:// address in Markdown.")
                elif (name in URL_ATTRS or name == "style") and any(OTHER_ORIGIN.match(u) for u in urls):
                    self.add(locale, page, tag.line, f"raw HTML <{tag.name} {name}=\"{value}\"> points to another site",
                             NO_REMOTE + "; for an ordinary link write it in Markdown: [text](https://…).")

    def run(self) -> list[Problem]:
        self.load()
        english = self.pages.get(self.default, {})
        for locale, pages in self.pages.items():
            for page, facts in pages.items():
                if facts is None:
                    continue
                self.check_front_matter(locale, page, facts)
                self.check_headings(locale, page, facts)
                if locale != self.default and page not in english:
                    hint = _closest(page, english)
                    self.add(locale, page, None, f"translation has no English original ({self.rel(self.default, page)})",
                             f"rename it to match its English file{f' (closest: {hint!r})' if hint else ''}, or add the English page first.")
                elif locale != self.default and english[page] is not None:
                    self.check_parity(locale, page, facts, english[page])
                self.check_links(locale, page, facts)
                self.check_policy(locale, page, facts)
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0))


def _attribute_urls(name: str, value: str) -> list[str]:
    """The URLs an attribute holds: srcset lists several, a style attribute may hold CSS url(...)s."""
    if name == "srcset":
        return [_url(item.split()[0]) for item in value.split(",") if item.strip()]
    if name == "style":
        return [_url(u) for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", value, re.I)]
    return [_url(value)]


def _target(link: Link) -> str:
    """A link target compared across languages: './a.md' and 'a.md' are the same."""
    path = posixpath.normpath(link.path) if link.path else ""
    return path + (f"#{link.anchor}" if link.anchor is not None else "")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def record_problems(docs_dir: Path, locales: list[str], default_locale: str) -> list[Problem]:
    """Translations whose l10n.sourceCommit is absent or names no revision of their English page.

    Records can only be checked against git history: outside a full clone there is nothing to report.
    """
    if not has_history(docs_dir.parent):
        return []
    problems = []
    for status in statuses(docs_dir.parent, docs_dir, locales, default_locale):
        if status.bad_record:
            path = docs_dir / status.locale / status.page
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            line = next((n for n, text in enumerate(lines, 1) if "sourceCommit:" in text), 1)
            english = f"docs/{default_locale}/{status.page}"
            problems.append(Problem(
                path.relative_to(docs_dir.parent).as_posix(), line,
                f"the translation record is wrong: {status.bad_record}",
                f"set l10n.sourceCommit to the commit of {english} you translated; "
                f"if the page says what {english} says now, run `make translation-done PAGE={path.relative_to(docs_dir.parent).as_posix()}`"))
    return problems


def find_problems(docs_dir: Path, locales: list[str], default_locale: str) -> list[Problem]:
    """Every problem in every language's pages; files are named relative to docs_dir's parent (the project root)."""
    docs_dir = Path(docs_dir)
    return Checker(docs_dir, list(locales), default_locale).run() + record_problems(docs_dir, list(locales), default_locale)


def on_pre_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("preflight: the i18n plugin is not configured in mkdocs.yml, so there are no languages to check.")
    if i18n.building:  # static-i18n's inner build of one more language: the outer build checked them all
        return
    languages = locales(config)
    try:
        problems = find_problems(Path(config.docs_dir), languages, default_locale(config))
    except Exception as error:  # a bug in the preflight itself: still no traceback for writers
        log.debug("preflight crashed", exc_info=True)  # shown by `mkdocs build --verbose`
        raise PluginError(f"preflight could not check the Markdown sources ({type(error).__name__}: {error}); "
                          "run with --verbose for the details and report it.") from None
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in the Markdown sources; see above.")
    log.info(f"preflight: the Markdown sources of {len(languages)} languages have no problems")
