"""Read one Markdown page into facts, each with its 1-based line number in the file.

A careful reader of the text rather than Python-Markdown: the preflight needs line
numbers, which Python-Markdown throws away. Fenced code and code spans are blanked
out first (line breaks kept, so offsets still map to lines): markup shown as an
example inside code is never taken for the real thing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from keep_your_cool.model import safe_yaml

# Every pattern here runs on a translator's text: none may backtrack more than linearly (no two
# adjacent quantifiers that can match the same characters, no scan across lines from each start).
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
BACKTICKS = re.compile(r"`+")
# Leading spaces are allowed: admonition, details and tab bodies are indented four spaces,
# and Python-Markdown renders their headings (the site uses fences, never indented code).
ATX = re.compile(r"^[ \t]*(#{1,6})(?=[ \t]|$)")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
NOT_PARAGRAPH = re.compile(r"^\s*(?:$|[#>|]|[-*+][ \t]|\d+[.)][ \t]|!!!|\?\?\?|===)")
ATTR_LIST = re.compile(r"\{:?([^{}]*)\}[ \t]*$")
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)[ \t]+([\w-]+)")
# [text](target "title") and ![alt](src); the text may hold one level of brackets,
# so [![badge](a.png)](b.md) is found (its inner image is found by a second pass).
LINK = re.compile(
    r"""(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*"""
    r"""(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)"""
)
REF_DEF = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?", re.M)
IMAGE_REF = re.compile(r"!\[([^\[\]]*)\](?!\()(?:[ ]?\[([^\[\]]*)\])?")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    id: str | None


@dataclass(frozen=True)
class Link:
    line: int
    target: str  # as written, e.g. "../three-rs.md#regret"
    image: bool

    @property
    def path(self) -> str:
        return re.split(r"[?#]", self.target, maxsplit=1)[0]

    @property
    def anchor(self) -> str | None:
        return self.target.split("#", 1)[1] if "#" in self.target else None

    @property
    def internal(self) -> bool:
        """A relative target: a page, a file or '#anchor' of this site (not '/x', '//host', 'x:')."""
        return bool(self.target) and not self.target.startswith(("/", "\\")) and not SCHEME.match(self.target)


@dataclass(frozen=True)
class Admonition:
    line: int
    marker: str  # '!!!', '???' (collapsed) or '???+' (open)
    kind: str  # note, tip, question...


@dataclass
class FrontMatter:
    line: int  # the opening '---'
    lines: list[str]  # the YAML text, one entry per file line from line + 1
    data: object = None
    error: str | None = None  # None when it is valid YAML
    error_line: int | None = None

    def written(self, *keys: str) -> str | None:
        """The value at `keys` (e.g. 'l10n', 'sourceCommit') as its text is written, or None."""
        return None if self.error else safe_yaml.written_at(safe_yaml.compose("\n".join(self.lines)), *keys)

    def key_line(self, key: str) -> int:
        """The line of `key:` (or of the opening '---' when it is absent)."""
        for number, text in enumerate(self.lines, self.line + 1):
            if re.match(rf"{re.escape(key)}\s*:", text):
                return number
        return self.line


@dataclass
class PageFacts:
    front_matter: FrontMatter | None
    empty: bool  # nothing but front matter and whitespace
    unclosed_fence: int | None = None  # the line of a ``` or ~~~ fence never closed
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # Markdown links and images, all targets
    admonitions: list[Admonition] = field(default_factory=list)

    @property
    def internal_links(self) -> list[Link]:
        return [link for link in self.links if link.internal]

    @property
    def images(self) -> list[Link]:
        return [link for link in self.links if link.image]

    @property
    def ids(self) -> dict[str, Heading]:
        found: dict[str, Heading] = {}
        for heading in self.headings:
            if heading.id:
                found.setdefault(heading.id, heading)
        return found


def read_front_matter(lines: list[str]) -> tuple[FrontMatter | None, int]:
    """The front matter, and how many lines of the file it takes (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return FrontMatter(1, lines[1:], error="the '---' on line 1 opens it but no '---' line closes it", error_line=1), 0
    front = FrontMatter(1, lines[1:end])
    try:
        front.data = safe_yaml.load("\n".join(front.lines))
    except safe_yaml.YamlProblem as problem:
        front.error, front.error_line = problem.what, problem.line + 1  # +1: the opening '---'
    return front, end + 1


def blank_code(lines: list[str]) -> tuple[list[str], int | None]:
    """The lines with fenced blocks emptied and code spans turned to spaces, and the
    0-based index of the fence left open at the end, if any."""
    out, fence, opened = [], None, None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if fence:
            closing = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
            if closing and not line[match.end() :].strip():
                fence = None
            out.append("")
        elif match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
            fence, opened = match.group(1), index
            out.append("")
        else:
            out.append(blank_code_spans(line))
    return out, opened if fence else None


def blank_code_spans(line: str) -> str:
    """The line with each code span (a run of backticks up to the next run of the same length)
    turned to spaces; in one pass over the runs, whatever the line."""
    if "`" not in line:  # most lines: nothing to blank
        return line
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    later: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, last first
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    out, index = list(line), 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[-1] <= index:
            same.pop()
        if same:
            close = same.pop()
            out[start : runs[close][1]] = " " * (runs[close][1] - start)
            index = close + 1
        else:
            index += 1
    return "".join(out)


def _heading(line: int, level: int, text: str) -> Heading:
    attrs = ATTR_LIST.search(text)
    heading_id = None
    if attrs:
        text = text[: attrs.start()]
        found = re.search(r"(?:^|\s)#([^\s#}]+)", attrs.group(1))
        heading_id = found.group(1) if found else None
    text = text.strip(" \t")
    closing = text.rstrip("#")  # an ATX heading's closing #s, after a space
    if closing != text and (not closing or closing[-1] in " \t"):
        text = closing
    return Heading(line, level, text.strip(), heading_id)


def _headings(lines: list[str]) -> list[Heading]:
    found = []
    for i, line in enumerate(lines):
        atx = ATX.match(line)
        if atx:
            found.append(_heading(i + 1, len(atx.group(1)), line[atx.end() :]))
        elif SETEXT.match(line) and i and not NOT_PARAGRAPH.match(lines[i - 1]) and not SETEXT.match(lines[i - 1]):
            level = 1 if line.strip()[0] == "=" else 2
            found.append(_heading(i, level, lines[i - 1].strip()))
    return found


def _links(text: str, line_of) -> list[Link]:
    found = []

    def scan(start: int, end: int) -> None:
        for match in LINK.finditer(text, start, end):
            target = match.group(3).strip("<>").strip()
            found.append(Link(line_of(match.start()), target, match.group(1) == "!"))
            scan(match.start(2), match.end(2))

    scan(0, len(text))
    # Reference definitions `[label]: target`: an image when some `![alt][label]` uses it.
    label = lambda s: " ".join(s.split()).lower()
    image_labels = {label(m.group(2) or m.group(1)) for m in IMAGE_REF.finditer(text)}
    for match in REF_DEF.finditer(text):
        found.append(Link(line_of(match.start(2)), match.group(2), label(match.group(1)) in image_labels))
    return sorted(found, key=lambda link: link.line)


def read_page(text: str) -> PageFacts:
    """Every fact the preflight checks, from the text of one page."""
    lines = text.splitlines()
    front, skip = read_front_matter(lines)
    code_blanked, open_fence = blank_code(lines[skip:])
    prose = [""] * skip + code_blanked  # front matter blanked too, lines kept
    body = "\n".join(prose)
    starts = [0] + [m.end() for m in re.finditer("\n", body)]
    line_of = lambda offset: bisect.bisect_right(starts, offset)
    return PageFacts(
        front_matter=front,
        empty=not "\n".join(lines[skip:]).strip(),
        unclosed_fence=None if open_fence is None else skip + open_fence + 1,
        headings=_headings(prose),
        links=_links(body, line_of),
        admonitions=[Admonition(i + 1, m.group(1), m.group(2)) for i, line in enumerate(prose) if (m := ADMONITION.match(line))],
    )


@lru_cache(maxsize=512)  # keyed on the text itself: an edited page is read afresh
def page_facts(text: str) -> PageFacts:
    """read_page() once per text: the preflight, the rendered checks and the translation notices of a
    build each ask for every page's facts. Callers never modify them."""
    return read_page(text)
