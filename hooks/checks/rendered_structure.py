"""The structure a page renders to, compared between a translation and its English page.

Judged on the HTML, not on the Markdown text: a heading turned h2 → h3, a box whose body was
indented two spaces (an empty box, the text below it), a tab-indented list rendered as code, a
link or image that only Python-Markdown sees. Only the words may differ.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from checks.html_allowlist import ADMONITION_KINDS, SCHEME, SourceLines

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass
class Box:
    kind: str
    section: str | None  # id of the heading it follows
    empty: bool = True


@dataclass
class Structure:
    headings: list[tuple[int, str | None]] = field(default_factory=list)  # (level, id)
    boxes: list[Box] = field(default_factory=list)
    code: Counter = field(default_factory=Counter)  # section id -> code blocks in it
    links: Counter = field(default_factory=Counter)  # internal link targets
    images: Counter = field(default_factory=Counter)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = Structure()
        self.section: str | None = None
        self.open: list[tuple[str, Box | None, bool]] = []  # (tag, box it opens, is a box title)

    def _inside_box_body(self) -> Box | None:
        box = None
        for _, opened, title in self.open:
            if title:
                return None
            box = opened or box
        return box

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if (box := self._inside_box_body()) and not (tag == "p" and "admonition-title" in classes):
            box.empty = False
        if tag in HEADINGS:
            self.section = attributes.get("id") or self.section
            self.found.headings.append((HEADINGS[tag], attributes.get("id")))
        elif tag == "pre":
            self.found.code[self.section] += 1
        elif tag == "a" and "headerlink" not in classes and (href := attributes.get("href") or ""):
            if not SCHEME.match(href) and not href.startswith("//"):
                self.found.links[href] += 1
        elif tag == "img":
            self.found.images[attributes.get("src") or ""] += 1
        if tag in {"br", "img", "hr", "input"}:
            return
        opened = None
        if (tag == "div" and "admonition" in classes) or tag == "details":
            opened = Box(next((c for c in classes if c in ADMONITION_KINDS), "note"), self.section)
            self.found.boxes.append(opened)
        self.open.append((tag, opened, tag == "summary" or (tag == "p" and "admonition-title" in classes)))

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                return

    def handle_data(self, data):
        if data.strip() and (box := self._inside_box_body()):
            box.empty = False


def structure(html: str) -> Structure:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.found


def _box_lines(source: SourceLines) -> list[int]:
    return [n for n, line in enumerate(source.lines, 1) if re.match(r"\s*(?:!!!|\?\?\?\+?)\s", line)]


def structure_problems(page: Structure, english: Structure, source: SourceLines, en_file: str) -> list[tuple[int, str, str]]:
    """How the rendered translation differs from the rendered English page, at the translator's lines."""
    found = []
    at = lambda section: source.heading_lines.get(section, 1) if section else 1
    en_ids = [i for level, i in english.headings if i and level > 1]  # a title's id is made from its words
    levels = dict((i, level) for level, i in english.headings if i)
    for level, heading in page.headings:
        if heading in levels and levels[heading] != level and heading in en_ids:
            found.append(
                (
                    at(heading),
                    f"heading '#{heading}' renders as h{level}, English has h{levels[heading]} ({en_file})",
                    f"start the heading with {'#' * levels[heading]} as in English",
                )
            )
    ids = [i for level, i in page.headings if i and level > 1]
    if ids != en_ids and not found:
        first = next((t for e, t in zip(en_ids, ids) if e != t), None)
        found.append(
            (
                at(first),
                f"the page renders the sections {', '.join('#' + i for i in ids)}; English has "
                f"{', '.join('#' + i for i in en_ids)} ({en_file})",
                "keep every heading and its {#id} as in English",
            )
        )
    box_lines = _box_lines(source)
    for n, box in enumerate(page.boxes):
        line = box_lines[n] if n < len(box_lines) else at(box.section)
        if box.empty:
            found.append(
                (
                    line,
                    f"the '{box.kind}' box is empty: its text is not indented under it",
                    "indent every line of the box's text by 4 spaces",
                )
            )
    kinds, en_kinds = [b.kind for b in page.boxes], [b.kind for b in english.boxes]
    if kinds != en_kinds:
        n = next((k for k, (a, b) in enumerate(zip(kinds, en_kinds)) if a != b), min(len(kinds), len(en_kinds)))
        line = box_lines[n] if n < len(box_lines) else at(page.boxes[n].section if n < len(page.boxes) else None)
        found.append(
            (
                line,
                f"the boxes render as {kinds or 'none'}; English has {en_kinds or 'none'} ({en_file})",
                "keep the same '!!!'/'???' boxes in the English order",
            )
        )
    for section, count in (page.code - english.code).items():
        start = at(section)
        tab = next((n for n, text in enumerate(source.lines[start:], start + 1) if text.startswith("\t")), start)
        found.append(
            (
                tab,
                f"{count} code block(s) in section '#{section}' where English has none there ({en_file})",
                "a line indented by a tab or 4 spaces becomes code: indent list items and text as in English",
            )
        )
    for noun, mine, theirs in (("link to", page.links, english.links), ("image", page.images, english.images)):
        for target in mine - theirs:
            anchor = target.rsplit("#", 1)[-1] if "#" in target else target.rstrip("/").rsplit("/", 1)[-1]
            line = next((n for n, text in enumerate(source.lines, 1) if anchor and anchor in text), 1)
            found.append(
                (
                    line,
                    f"the page renders a {noun} '{target}' that English does not have ({en_file})",
                    "keep every link and image target as in English; translate only the words",
                )
            )
        for target in theirs - mine:
            found.append(
                (
                    1,
                    f"the page does not render English's {noun} '{target}' ({en_file})",
                    "keep every link and image target as in English; translate only the words",
                )
            )
    return found
