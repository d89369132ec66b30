"""Parity of a translation with its English page, judged on what the reader gets: the HTML.

The one parity checker. Trainers swap the language in a link and expect the same section, so a
translation renders the English page's section ids in the same order and at the same levels,
the same boxes (kind, open or collapsed, classes), tabbed blocks and code blocks in the same
sections, and the same internal links and images: a heading turned h2 → h3, a box whose body
was indented two spaces (an empty box), a tab-indented list rendered as code, a link only
Python-Markdown sees. Only the words may differ. Each difference is reported once, at the line
of the translator's Markdown that made it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser

from keep_your_cool.checks.html_allowlist import ADMONITION_KINDS, SCHEME, SourceLines
from keep_your_cool.checks.problem import Problem, closest

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

UP_LEVELS = re.compile(r"^(?:\.\./)+")


@dataclass
class Box:
    kind: str  # as a translator writes it: '!!! tip', '??? question', '???+ note inline'
    section: str | None  # id of the heading it follows
    empty: bool = True


@dataclass
class Structure:
    headings: list[tuple[int, str | None]] = field(default_factory=list)  # (level, id)
    boxes: list[Box] = field(default_factory=list)
    code: Counter = field(default_factory=Counter)  # section id -> code blocks in it
    tabs: Counter = field(default_factory=Counter)  # section id -> tabbed blocks in it
    tab_counts: list[str] = field(default_factory=list)  # how many tabs each tabbed block has, in order
    links: Counter = field(default_factory=Counter)  # internal link targets
    images: Counter = field(default_factory=Counter)
    words: dict[str, str] = field(default_factory=dict)  # a link or image target -> its first text or alt text


def _box_kind(tag: str, classes: list[str], opened: bool) -> str:
    kind = next((c for c in classes if c in ADMONITION_KINDS), "note")
    others = [c for c in classes if c not in {kind, "admonition"}]
    marker = "!!!" if tag == "div" else "???+" if opened else "???"
    return " ".join([marker, kind, *others])


class StructureReader:
    """A page's structure, from the tags and text of its HTML as a browser reads them (entities
    decoded). structure() reads a page for it alone; the allowlist's audit hands it the tags and text
    of its own reading of the page (html_allowlist.audit), and marks it `unsure` where that reading
    could differ (an entity in text it reads): the page is then read again for it alone."""

    def __init__(self):
        self.found = Structure()
        self.section: str | None = None
        self.open: list[tuple[str, Box | None, bool]] = []  # (tag, box it opens, is a box title)
        self.link: str | None = None  # the internal link being read
        self.unsure = False

    def _inside_box_body(self) -> Box | None:
        box = None
        for _, opened, title in self.open:
            if title:
                return None
            box = opened or box
        return box

    def reads_text(self) -> bool:
        """Whether text here counts: in a box's body (it is not empty) or in a link (its words)."""
        return bool(self.link) or self._inside_box_body() is not None

    def start(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if (box := self._inside_box_body()) and not (tag == "p" and "admonition-title" in classes):
            box.empty = False
        if tag in HEADINGS:
            self.section = attributes.get("id") or self.section
            self.found.headings.append((HEADINGS[tag], attributes.get("id")))
        elif tag == "pre":
            self.found.code[self.section] += 1
        elif tag == "div" and "tabbed-set" in classes:
            self.found.tabs[self.section] += 1
            self.found.tab_counts.append((attributes.get("data-tabs") or ":").split(":")[1])
        elif tag == "a" and "headerlink" not in classes and (href := attributes.get("href") or ""):
            if not SCHEME.match(href) and not href.startswith("//"):
                self.found.links[href] += 1
                self.link = href
        elif tag == "img":
            # from the site's root up: a translation showing English's own image has one more '../' (static-i18n)
            src = UP_LEVELS.sub("", attributes.get("src") or "")
            self.found.images[src] += 1
            self.found.words.setdefault(src, attributes.get("alt") or "")
        if tag in {"br", "img", "hr", "input"}:
            return
        opened = None
        if (tag == "div" and "admonition" in classes) or tag == "details":
            opened = Box(_box_kind(tag, classes, "open" in attributes), self.section)
            self.found.boxes.append(opened)
        self.open.append((tag, opened, tag == "summary" or (tag == "p" and "admonition-title" in classes)))

    def end(self, tag):
        if tag == "a":
            self.link = None
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                return

    def text(self, data):
        if data.strip() and (box := self._inside_box_body()):
            box.empty = False
        if self.link and data.strip():
            self.found.words.setdefault(self.link, data.strip())


class _Reader(HTMLParser):
    def __init__(self, reader: StructureReader):
        super().__init__()  # entities decoded in text, as a browser shows it
        self.reader = reader

    def handle_starttag(self, tag, attrs):
        self.reader.start(tag, attrs)

    def handle_endtag(self, tag):
        self.reader.end(tag)

    def handle_data(self, data):
        self.reader.text(data)


def structure(html: str) -> Structure:
    reader = StructureReader()
    parser = _Reader(reader)
    parser.feed(html)
    parser.close()
    return reader.found


def structure_problems(
    page: Structure, english: Structure, source: SourceLines, en_source: SourceLines, file: str, en_file: str
) -> list[Problem]:
    """How the rendered translation (`file`, its Markdown `source`) differs from the rendered English
    page (`en_file`), each difference once, at the translation's line that made it."""
    found = _heading_problems(page, english, source, en_source, file, en_file)
    sections_differ = bool(found)  # then what each section holds cannot be compared: the cause is enough
    found += _box_problems(page, english, source, file, en_file)
    at = lambda section: source.heading_lines.get(section) if section else None
    for counts, en_counts, noun, fix in (
        (
            page.code,
            english.code,
            "code block(s)",
            "a line indented by a tab or 4 spaces becomes code: indent list items and text as in English",
        ),
        (page.tabs, english.tabs, "tabbed block(s)", "keep the '===' tabs English has, no others"),
    ):
        for section, count in (counts - en_counts).items() if not sections_differ else ():
            start = at(section) or 1
            marker = "\t" if noun.startswith("code") else "==="
            line = next(
                (n for n, text in enumerate(source.lines[start:], start + 1) if text.lstrip(" ").startswith(marker)), start
            )
            found.append(
                Problem(
                    file,
                    line,
                    f"{count} {noun} in section '#{section}' where English has {en_counts[section] or 'none'} ({en_file})",
                    fix,
                )
            )
    if not sections_differ and page.tabs == english.tabs and page.tab_counts != english.tab_counts:
        k = next(k for k, (a, b) in enumerate(zip(page.tab_counts, english.tab_counts)) if a != b)
        starts = _tab_block_lines(source.lines)
        found.append(
            Problem(
                file,
                starts[k] if k < len(starts) else None,
                f"tabbed block {k + 1} has {page.tab_counts[k]} tabs; English has {english.tab_counts[k]} ({en_file})",
                "keep the '===' tabs English has, no others.",
            )
        )
    found += _target_problems("link", page.links, english.links, page.words, source, file, en_file)
    found += _target_problems("image", page.images, english.images, page.words, source, file, en_file)
    return found


def _heading_problems(
    page: Structure, english: Structure, source: SourceLines, en_source: SourceLines, file: str, en_file: str
) -> list[Problem]:
    en_ids = [i for level, i in english.headings if level > 1]  # a title's id is made from its words
    ids = [i for level, i in page.headings if level > 1]

    def line(index: int) -> int | None:  # of the translation's index-th section heading
        if index < len(ids) and ids[index] in source.heading_lines:
            return source.heading_lines[ids[index]]
        return source.sections[index] if index < len(source.sections) else len(source.lines)  # after the last section

    en_at = lambda i: f"{en_file}:{en_source.heading_lines[i]}" if i in en_source.heading_lines else en_file
    keep = "exactly as in English; translate only its text"
    found: list[Problem] = []
    if ids != en_ids and sorted(ids, key=str) == sorted(en_ids, key=str):
        k = next(k for k, (a, b) in enumerate(zip(ids, en_ids)) if a != b)
        return [
            Problem(
                file,
                line(k),
                f"sections are out of order: '#{ids[k]}' comes where English has '#{en_ids[k]}'",
                f"put the sections in the English order ({', '.join(f'#{i}' for i in en_ids)}).",
            )
        ]
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=en_ids, b=ids, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        renamed = tag == "replace" and i2 - i1 == j2 - j1
        for k in range(i1, i2):
            if renamed:
                mine = ids[j1 + k - i1]
                what = f"section id '#{mine}' should be '#{en_ids[k]}' as in English ({en_at(en_ids[k])})"
                found.append(Problem(file, line(j1 + k - i1), what, f"write the heading with '{{#{en_ids[k]}}}' {keep}."))
            else:
                what = f"section id '#{en_ids[k]}' is missing (English has it at {en_at(en_ids[k])})"
                found.append(Problem(file, line(j1), what, f"keep the heading with '{{#{en_ids[k]}}}' {keep}."))
        for j in range(j1, j2) if not renamed else ():
            found.append(
                Problem(
                    file,
                    line(j),
                    f"section id '#{ids[j]}' is not in English ({en_file})",
                    "remove the heading or use the id of the English heading it translates; add new sections to English first.",
                )
            )
    levels = {i: level for level, i in english.headings if i}
    for index, (level, heading) in enumerate((level, i) for level, i in page.headings if level > 1):
        if heading in en_ids and levels[heading] != level:
            found.append(
                Problem(
                    file,
                    line(index),
                    f"heading '#{heading}' renders as h{level}, English has h{levels[heading]} ({en_at(heading)})",
                    f"start the heading with {'#' * levels[heading]} as in English.",
                )
            )
    return found


def _box_problems(page: Structure, english: Structure, source: SourceLines, file: str, en_file: str) -> list[Problem]:
    found: list[Problem] = []
    box_line = lambda n: source.boxes[n] if n < len(source.boxes) else None
    for n, box in enumerate(page.boxes):
        if box.empty:
            found.append(
                Problem(
                    file,
                    box_line(n),
                    f"the '{box.kind.split()[1]}' box is empty: its text is not indented under it",
                    "indent every line of the box's text by 4 spaces.",
                )
            )
    kinds, en_kinds = [b.kind for b in page.boxes], [b.kind for b in english.boxes]
    fix = "keep the same '!!!'/'???' boxes with the same kind, in the English order; translate only their titles and text."
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=en_kinds, b=kinds, autojunk=False).get_opcodes():
        for k in range(0 if tag == "equal" else max(i2 - i1, j2 - j1)):
            en = en_kinds[i1 + k] if i1 + k < i2 else None
            mine = kinds[j1 + k] if j1 + k < j2 else None
            if en and mine:
                found.append(Problem(file, box_line(j1 + k), f"box '{mine}' stands where English has '{en}' ({en_file})", fix))
            elif en:
                found.append(Problem(file, box_line(j2), f"box '{en}' is missing (English has it, {en_file})", fix))
            else:
                found.append(Problem(file, box_line(j1 + k), f"box '{mine}' is not in English ({en_file})", fix))
    return found


def _target_problems(
    noun: str, mine: Counter, theirs: Counter, words: dict[str, str], source: SourceLines, file: str, en_file: str
) -> list[Problem]:
    """Links or images that differ, a mistyped target once: 'x' where English has 'y'."""
    fix = "keep every link and image target as in English; translate only the words."
    found: list[Problem] = []
    missing = list((theirs - mine).elements())
    for target in list((mine - theirs).elements())[:20]:  # a page changed all over: the first ones say enough
        last = target.rsplit("#", 1)[-1] if "#" in target else target.rstrip("/").rsplit("/", 1)[-1].strip(".")
        needles = [n for n in (words.get(target, "")[:30], last) if n]
        line = next((n for needle in needles for n, text in enumerate(source.lines, 1) if needle in text), None)
        if hint := closest(target, missing, cutoff=0.6) or (missing[0] if len(missing) == 1 else None):
            missing.remove(hint)
            found.append(
                Problem(file, line, f"the page renders a {noun} to '{target}' where English has '{hint}' ({en_file})", fix)
            )
        else:
            found.append(
                Problem(file, line, f"the page renders a {noun} to '{target}' that English does not have ({en_file})", fix)
            )
    found += [
        Problem(file, None, f"the page does not render English's {noun} to '{target}' ({en_file})", fix)
        for target in missing[:20]
    ]
    return found


def _tab_block_lines(lines: list[str]) -> list[int]:
    """The line of each tabbed block's first '===' tab (the tabs after it, and their indented text, are that block's)."""
    starts, indent = [], None  # indent: of the tabs of the block being read
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        here = len(text) - len(text.lstrip(" "))
        if indent is not None and (here > indent or (here == indent and text.lstrip(" ").startswith("==="))):
            continue
        indent = None
        if text.lstrip(" ").startswith("==="):
            starts.append(number)
            indent = here
    return starts
