"""Every language's Markdown sources, checked before MkDocs builds them.

One run finds every problem in every language, each with its file, line, what is wrong and
how to fix it (what a page renders to is checked on its HTML: checks/html_allowlist.py).
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from keep_your_cool.checks.bounds import bounds_problems
from keep_your_cool.checks.html_allowlist import browser_url, local_address
from keep_your_cool.checks.plain_text import markup_in
from keep_your_cool.checks.problem import Problem, closest
from keep_your_cool.model.markdown_facts import Heading, PageFacts, page_facts
from keep_your_cool.model.translation_records import has_history, statuses_this_build

# Front matter the guide uses: Material reads title, description, search and hide; we add
# l10n (the translation record) and downloads. Anything else (template, …) changes the page.
FRONT_MATTER_KEYS = ("description", "title", "l10n", "search", "hide", "downloads")
# What a translation may say differently from its English page: none of these (hide the navigation,
# drop the page from search, add or remove the download box).
SAME_AS_ENGLISH = ("hide", "search", "downloads")
# The only files published from a language folder: its pages and, in English, raster images (an SVG,
# HTML, script or style sheet would be published as it is). A translation may replace an English image.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
COMMIT = re.compile(r"[0-9a-f]{7,40}")


class Checker:
    def __init__(self, docs_dir: Path, locales: list[str], default: str, site_url: str | None = None):
        self.docs, self.locales, self.default, self.site_url = docs_dir, locales, default, site_url
        self.problems: list[Problem] = []
        self.pages: dict[str, dict[str, PageFacts | None]] = {}  # locale -> page path -> facts (None: unreadable or empty)
        self.files: dict[str, set[str]] = {}  # locale -> every file path, for images
        # (locale, page, id) a translation lost -> the links (file, line) that depend on it
        self.lost_ids: dict[tuple[str, str, str], list[tuple[str, int]]] = {}

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
                self.problems.append(
                    Problem(
                        self.rel(entry.name),
                        None,
                        f"folder '{entry.name}' is not a declared language (declared: {', '.join(self.locales)})",
                        "declare it in mkdocs.yml under plugins → i18n → languages, or move the files into a language folder.",
                    )
                )
            elif entry.is_file() and not entry.name.startswith("."):
                self.problems.append(
                    Problem(
                        entry.relative_to(self.docs.parent).as_posix(),
                        None,
                        ("page" if entry.suffix == ".md" else "file") + " is outside every language folder",
                        f"move it into {self.rel(self.default)} (or a translation folder)"
                        + ("." if entry.suffix == ".md" else ", or delete it: the site publishes pages and images only."),
                    )
                )
        if not (self.docs / self.default).is_dir():
            self.add(
                self.default,
                "",
                None,
                "the default language's folder is missing",
                "create it: every page starts in this language.",
            )
        for locale in self.locales:
            files = self.regular_files(locale)
            self.files[locale] = {p.relative_to(self.docs / locale).as_posix() for p in files}
            self.pages[locale] = {
                p.relative_to(self.docs / locale).as_posix(): self.read(locale, p) for p in sorted(files) if p.suffix == ".md"
            }
        self.check_file_types()

    def check_file_types(self) -> None:
        """Only pages and the images English has are published from a language folder."""
        english = self.files.get(self.default, set())
        for locale in self.locales:
            for name in sorted(self.files.get(locale, ())):
                suffix = posixpath.splitext(name)[1]
                if suffix == ".md":
                    continue
                if suffix.lower() == ".md":
                    what, fix = f"the page's extension '{suffix}' is not '.md'", f"rename it to '{name[: -len(suffix)]}.md'."
                elif locale == self.default and suffix in IMAGE_SUFFIXES:
                    continue
                elif locale == self.default:
                    what = (
                        f"'{suffix or name}' files are not published: only pages (.md) and images ({', '.join(IMAGE_SUFFIXES)})"
                    )
                    fix = "delete it, or convert an image to one of these formats."
                elif suffix in IMAGE_SUFFIXES and name in english:
                    continue
                else:
                    what = (
                        f"only pages (.md) and images English has ({self.rel(self.default)}, same name) "
                        "are published from a translation's folder"
                    )
                    fix = "delete it: pages show the English images; to translate an image, give it the English image's name."
                self.add(locale, name, None, what, fix)

    def regular_files(self, locale: str) -> list[Path]:
        """The files MkDocs would publish from docs/<locale>/; a symbolic link is a problem, never followed."""
        folder, found = self.docs / locale, []
        if folder.is_symlink():
            self.add(locale, "", None, "the language folder is a symbolic link", "make it a real folder inside the repository.")
            return found
        for parent, folders, names in os.walk(folder):  # does not follow folder links
            here = Path(parent)
            folders[:] = [f for f in sorted(folders) if not f.startswith(".")]  # MkDocs skips dot-files, so do we
            for name in sorted(folders) + sorted(n for n in names if not n.startswith(".")):
                path = here / name
                if path.is_symlink():
                    target = os.readlink(path)
                    self.add(
                        locale,
                        path.relative_to(folder).as_posix(),
                        None,
                        f"is a symbolic link (to '{target}'): only regular files inside docs/{locale}/ are published",
                        "replace the link with a copy of the file, or delete it.",
                    )
                elif name in names:
                    found.append(path)
            folders[:] = [f for f in folders if not (here / f).is_symlink()]
        return found

    def read(self, locale: str, path: Path) -> PageFacts | None:
        page = path.relative_to(self.docs / locale).as_posix()
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")  # MkDocs reads pages the same way: a BOM is fine
        except UnicodeDecodeError as error:
            self.add(
                locale,
                page,
                data[: error.start].count(b"\n") + 1,
                "file is not UTF-8 text (first bad byte on this line)",
                "save the file as UTF-8 in your editor (check the accented letters on this line).",
            )
            return None
        if too_much := next(bounds_problems(text, len(data), self.rel(locale, page)), None):  # before anything parses it
            self.problems.append(too_much)
            return None
        facts = page_facts(text)
        if facts.empty:
            self.add(
                locale,
                page,
                None,
                "page is empty (nothing after the front matter)",
                "write the page, or delete the file so readers get the English page instead."
                if locale != self.default
                else "write the page, or delete it and its entry in mkdocs.yml's nav.",
            )
            return None  # one clear problem, not every section and link it lacks
        if facts.unclosed_fence:
            self.add(
                locale,
                page,
                facts.unclosed_fence,
                "this code fence is never closed, so the rest of the page is shown as code",
                "close it with the same fence (``` or ~~~) on a line of its own, indented like the opening one.",
            )
            return None  # the cause, not every section and link after it
        return facts

    # 2: front matter
    def check_front_matter(self, locale: str, page: str, facts: PageFacts) -> None:
        front = facts.front_matter
        example = "'description: <one sentence saying what the page is about>'"
        if front is None:
            self.add(
                locale,
                page,
                1,
                "page has no front matter with a 'description'",
                f"start the file with a '---' line, {example}, and another '---' line (search results and link previews show it).",
            )
        elif front.error:
            self.add(
                locale,
                page,
                front.error_line,
                f"front matter: {front.error}",
                "write plain 'key: value' lines between the '---' lines (no '&', '*' or '!' markers); "
                "put quotes around a value that contains ': ' or starts with a quote, '[' or '{'.",
            )
        elif not isinstance(front.data, (dict, type(None))):
            self.add(
                locale,
                page,
                front.line,
                f"front matter is a {type(front.data).__name__}, not a list of 'key: value' lines",
                f"write it as {example}.",
            )
        else:
            data = front.data or {}
            description = data.get("description")
            if not isinstance(description, str) or not description.strip():
                self.add(
                    locale,
                    page,
                    front.key_line("description"),
                    "front matter has no 'description' text",
                    f"add {example} between the '---' lines.",
                )
            for key in data:
                if key not in FRONT_MATTER_KEYS:
                    self.add(
                        locale,
                        page,
                        front.key_line(str(key)),
                        f"front matter key '{key}' is not one the guide uses",
                        f"remove it; the keys allowed are {', '.join(FRONT_MATTER_KEYS)}.",
                    )
            self.check_front_matter_values(locale, page, front, data)
            for key in ("title", "description"):
                if isinstance(data.get(key), str) and (markup := markup_in(data[key])):
                    self.add(
                        locale,
                        page,
                        front.key_line(key),
                        f"the {key} holds markup ('{markup}'): it is shown as plain text",
                        "write it as plain words, without '<' tags or '&…;' entities.",
                    )
            self.check_record(locale, page, front, data.get("l10n"))

    def check_front_matter_values(self, locale: str, page: str, front, data: dict) -> None:
        """A title is text; hide, search and downloads say what the English page says."""
        if "title" in data and not (isinstance(data["title"], str) and data["title"].strip()):
            self.add(
                locale,
                page,
                front.key_line("title"),
                "front matter 'title' is not text",
                "write it as words after 'title: ' (quoted if it contains ': '), or remove it: the page's '#' heading titles it.",
            )
        boost = data.get("search", {}).get("boost") if isinstance(data.get("search"), dict) else None
        if boost is not None and not (isinstance(boost, (int, float)) and not isinstance(boost, bool) and 0 <= boost <= 10):
            self.add(
                locale,
                page,
                front.key_line("search"),
                f"search boost {boost!r} is not a number from 0 to 10",
                "copy it from English.",
            )
        english = self.pages.get(self.default, {}).get(page)
        if locale == self.default or english is None or english.front_matter is None:
            return
        theirs = english.front_matter.data if isinstance(english.front_matter.data, dict) else {}
        for key in SAME_AS_ENGLISH:
            if data.get(key) != theirs.get(key):
                said = f"'{key}: {_flow(theirs[key])}'" if key in theirs else f"no '{key}'"
                self.add(
                    locale,
                    page,
                    front.key_line(key),
                    f"front matter '{key}' differs from the English page's (it has {said}): "
                    "a translation cannot change how its page is shown, found or downloaded",
                    f"copy '{key}' from {self.rel(self.default, page)} exactly"
                    + ("." if key in theirs else ", that is remove it."),
                )

    def check_record(self, locale: str, page: str, front, record) -> None:
        """l10n: sourceCommit: <the hex commit of the English page translated>."""
        if record is None:
            return
        line = front.key_line("l10n")
        fix = f"write 'l10n:' then '  sourceCommit: <commit>' (`make translation-done PAGE={self.rel(locale, page)}` writes it)."
        if not isinstance(record, dict) or set(record) - {"sourceCommit"}:
            self.add(locale, page, line, "the translation record 'l10n' must hold only 'sourceCommit'", fix)
            return
        commit = record.get("sourceCommit")
        line = next((n for n, text in enumerate(front.lines, front.line + 1) if "sourceCommit" in text), line)
        if isinstance(commit, int):  # a commit of digits only reads as a number: its text, leading zeros kept
            commit = front.written("l10n", "sourceCommit")
        if not isinstance(commit, str) or not COMMIT.fullmatch(commit):
            self.add(
                locale,
                page,
                line,
                f"sourceCommit {commit!r} is not a commit hash (7 to 40 hexadecimal characters; not HEAD or a branch)",
                fix,
            )

    # 5: heading ids
    def check_headings(self, locale: str, page: str, facts: PageFacts) -> None:
        seen: dict[str, int] = {}
        for heading in facts.headings:
            if heading.level >= 2 and not heading.id:
                how = (
                    f"add an id after the text, e.g. '{'#' * heading.level} {heading.text} {{#{_slug(heading.text)}}}'"
                    if locale == self.default
                    else f"copy the '{{#…}}' id of the matching heading in {self.rel(self.default, page)}"
                )
                self.add(
                    locale,
                    page,
                    heading.line,
                    f"heading '{heading.text}' has no explicit id (trainers link to sections by id)",
                    how + ".",
                )
            if heading.id and heading.id in seen:
                self.add(
                    locale,
                    page,
                    heading.line,
                    f"section id '#{heading.id}' is used twice (first on line {seen[heading.id]})",
                    "give each heading its own id.",
                )
            elif heading.id:
                seen[heading.id] = heading.line

    def relative_form(self, page: str, url_path: str) -> str:
        """The relative link from `page` to the page a site address (path after the host) shows."""
        path = url_path.lstrip("/")
        base = (self.site_url or "").split("//", 1)[-1].partition("/")[2]
        path = path.removeprefix(base) if base else path
        first, _, rest = path.partition("/")
        if first in self.locales:
            path = rest
        path = path.rstrip("/")
        target = next(
            (
                c
                for c in (f"{path}/index.md" if path else "index.md", f"{path}.md", path)
                if c in self.pages.get(self.default, {})
            ),
            path or "index.md",
        )
        return posixpath.relpath(target, posixpath.dirname(page) or ".")

    def check_addresses(self, locale: str, page: str, facts: PageFacts) -> None:
        """Links to this site must be relative: never to localhost, the site's own address or another language."""
        site_host = urlsplit(self.site_url).hostname if self.site_url else None
        for link in facts.links:
            target = link.target
            try:  # read as a browser reads it: the one reading of URLs, also used on the HTML
                address = urlsplit(browser_url(target))
                why = local_address(address, site_host) if address.netloc else None
            except ValueError:
                continue  # an address no browser can read: the rendered checks name it
            if why:
                path = address.path or "/"
            elif target.startswith("/") and not target.startswith("//"):
                why, path = "is an absolute path (breaks when the site is served under a sub-path or from a folder)", target
            else:
                continue
            path = re.split(r"[?#]", path, maxsplit=1)[0]
            anchor = target.split("#", 1)[1] if "#" in target else None
            relative = self.relative_form(page, path) + (f"#{anchor}" if anchor else "")
            self.add(locale, page, link.line, f"link '{target}' {why}", f"link to '{relative}' instead (relative to this page).")

    # 7: links point to pages and sections that exist
    def check_links(self, locale: str, page: str, facts: PageFacts) -> None:
        self.check_addresses(locale, page, facts)
        for link in facts.internal_links:
            path = unquote(link.path)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
            if resolved == ".." or resolved.startswith("../"):
                other, _, inside = resolved.lstrip("./").partition("/")
                inside = (
                    posixpath.normpath(posixpath.join(*[p for p in resolved.split("/") if p != ".."]))
                    if other in self.locales
                    else ""
                )
                if other in self.locales and inside.startswith(other + "/"):
                    inside = inside[len(other) + 1 :]
                relative = (
                    posixpath.relpath(inside, posixpath.dirname(page) or ".") + (f"#{link.anchor}" if link.anchor else "")
                    if inside
                    else None
                )
                self.add(
                    locale,
                    page,
                    link.line,
                    f"link '{link.target}' points outside docs/{locale}/" + (" (to another language's page)" if relative else ""),
                    f"link to '{relative}': readers switch language with the site's selector."
                    if relative
                    else "link to pages by their path inside the language folder, e.g. 'three-rs.md'.",
                )
            elif link.image or not resolved.endswith(".md"):
                if link.image and not any(resolved in self.files.get(loc, ()) for loc in (locale, self.default)):
                    self.add(
                        locale,
                        page,
                        link.line,
                        f"image '{link.target}' does not exist ({self.rel(self.default, resolved)})",
                        "put the image there (translations share English images) or fix the path.",
                    )
            elif (target := self.served(locale, resolved)) is None:
                hint = closest(resolved, self.pages.get(self.default, {}))
                self.add(
                    locale,
                    page,
                    link.line,
                    f"link '{link.target}' points to a page that does not exist ({self.rel(locale, resolved)})",
                    f"link to {f'{hint!r}' if hint else 'an existing page'} (paths are relative to this page).",
                )
            elif link.anchor and target[1] is not None and link.anchor not in target[1].ids:
                where = self.rel(target[0], resolved)
                english = self.pages.get(self.default, {}).get(resolved)
                if target[0] != self.default and english and link.anchor in english.ids:
                    # the translated page lost the id: one problem there, the cause, not one per link
                    self.lost_ids.setdefault((target[0], resolved, link.anchor), []).append((self.rel(locale, page), link.line))
                    continue
                hint = closest(link.anchor, target[1].ids)
                fix = f"use {repr('#' + hint) if hint else 'one of its heading ids'}, as written in '{{#…}}' after its headings."
                self.add(
                    locale,
                    page,
                    link.line,
                    f"link '{link.target}' points to a section that does not exist: {where} has no id '#{link.anchor}'",
                    fix,
                )

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
                    hint = closest(page, english)
                    self.add(
                        locale,
                        page,
                        None,
                        f"translation has no English original ({self.rel(self.default, page)})",
                        f"rename it to match its English file{f' (closest: {hint!r})' if hint else ''}, or add the English page first.",
                    )
                self.check_links(locale, page, facts)
        self.report_lost_ids()
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0))

    def report_lost_ids(self) -> None:
        """A section id a translation dropped or renamed: one problem at the translator's heading,
        counting the links that depend on it (the rest of a translation's parity is judged on its HTML)."""
        for (locale, page, anchor), links in self.lost_ids.items():
            facts, english = self.pages[locale][page], self.pages[self.default][page]
            heading = where_id_belongs(facts, english, anchor)
            en_line = english.ids[anchor].line
            file = self.rel(locale, page)
            if heading is not None:  # its own "no explicit id" problem is this one
                self.problems = [p for p in self.problems if (p.file, p.line) != (file, heading.line)]
            has = f"has '#{heading.id}'" if heading and heading.id else "has no id"
            what = (
                f"section id '#{anchor}' is missing: "
                + (f"this heading {has} where " if heading else "")
                + f"English has '{{#{anchor}}}' ({self.rel(self.default, page)}:{en_line})"
            )
            elsewhere = [f"{f}:{n}" for f, n in links if f != file]
            if elsewhere:
                shown = ", ".join(elsewhere[:3]) + (", …" if len(elsewhere) > 3 else "")
                what += f"; {len(elsewhere)} link(s) in other pages depend on it ({shown})"
            if len(links) > len(elsewhere):
                what += f"; {len(links) - len(elsewhere)} link(s) on this page too"
            self.add(
                locale,
                page,
                heading.line if heading else None,
                what,
                f"write the heading with '{{#{anchor}}}' exactly as in English; translate only its text.",
            )


def where_id_belongs(facts: PageFacts, english: PageFacts, anchor: str) -> Heading | None:
    """The translation's heading that stands where English has the heading with `anchor`: the one
    at the same place among the sections, counted from the nearest section both pages share."""
    en = [h for h in english.headings if h.level >= 2]
    tr = [h for h in facts.headings if h.level >= 2]
    index = next(i for i, h in enumerate(en) if h.id == anchor)
    shared = {h.id: i for i, h in enumerate(tr) if h.id}
    before = next(((i, shared[h.id]) for i, h in reversed(list(enumerate(en[:index]))) if h.id in shared), (-1, -1))
    after = next(((i, shared[h.id]) for i, h in enumerate(en[index + 1 :], index + 1) if h.id in shared), (len(en), len(tr)))
    for candidate in (before[1] + (index - before[0]), after[1] - (after[0] - index)):
        if before[1] < candidate < after[1] and (tr[candidate].id is None or tr[candidate].id not in english.ids):
            return tr[candidate]
    return None


def _flow(value) -> str:
    """A front matter value as one line of YAML, e.g. {boost: 0.5}."""
    return yaml.safe_dump(value, default_flow_style=True, width=1000).removesuffix("\n...\n").strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def record_problems(docs_dir: Path, locales: list[str], default_locale: str) -> list[Problem]:
    """Translations whose l10n.sourceCommit is absent or names no revision of their English page.

    Records can only be checked against git history: outside a full clone there is nothing to report.
    """
    if not has_history(docs_dir.parent):
        return []
    problems = []
    for status in statuses_this_build(docs_dir.parent, docs_dir, tuple(locales), default_locale):
        if status.bad_record:
            path = docs_dir / status.locale / status.page
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            line = next((n for n, text in enumerate(lines, 1) if "sourceCommit:" in text), 1)
            english = f"docs/{default_locale}/{status.page}"
            problems.append(
                Problem(
                    path.relative_to(docs_dir.parent).as_posix(),
                    line,
                    f"the translation record is wrong: {status.bad_record}",
                    f"set l10n.sourceCommit to the commit of {english} you translated; "
                    f"if the page says what {english} says now, run `make translation-done PAGE={path.relative_to(docs_dir.parent).as_posix()}`",
                )
            )
    return problems


def find_problems(docs_dir: Path, locales: list[str], default_locale: str, site_url: str | None = None) -> list[Problem]:
    """Every problem in every language's pages; files are named relative to docs_dir's parent (the project root)."""
    docs_dir = Path(docs_dir)
    found = Checker(docs_dir, list(locales), default_locale, site_url).run()
    seen = {(p.file, p.line) for p in found}  # a record the checker already refused is one problem, not two
    found += [p for p in record_problems(docs_dir, list(locales), default_locale) if (p.file, p.line) not in seen]
    # a translator's own files first: the cause is usually there
    return sorted(found, key=lambda p: (p.file.startswith(f"docs/{default_locale}/"), p.file, p.line or 0))
