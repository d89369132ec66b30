"""What a page's rendered HTML may contain: exactly what our Markdown extensions produce.

The content policy is judged on the HTML the reader gets, after Python-Markdown has rendered
the page, so nothing a translator hides from a Markdown reader (attribute lists, raw HTML, a
fence left open) escapes it. Every element, attribute and class must be on the allowlist below,
in the place our extensions put it (a class on the element that carries it, an id on a heading);
every tag opened is closed, nothing closed that was not opened; one <h1>. Every URL is read as a
browser reads it (browser_url), then links may be relative or go to https:, http:, mailto: and
tel: elsewhere than this computer or the site's own address; images only come from the site.
"""

from __future__ import annotations

import html
import ipaddress
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import SplitResult, unquote, urlsplit

from pygments.token import STANDARD_TYPES

from keep_your_cool.checks.problem import Problem
from keep_your_cool.model.markdown_facts import PageFacts, read_page

# Elements Python-Markdown and our extensions (attr_list, admonition, tables, toc, pymdownx.details,
# superfences, tabbed) write, plus the inline ones a translator may type for the reader: <kbd>, <br>, <abbr>.
ELEMENTS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "pre",
    "span",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "details",
    "summary",
    "input",
    "label",
    "kbd",
    "abbr",
    "sup",
    "sub",
    "del",
    "ins",
    "mark",
    "dl",
    "dt",
    "dd",
    "s",
    "small",
    "q",
    "cite",
}
GLOBAL_ATTRIBUTES = {"class", "title", "lang"}
ATTRIBUTES = {
    **{h: {"id"} for h in ("h1", "h2", "h3", "h4", "h5", "h6")},  # a section's id: trainers link to it
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "details": {"open"},
    "label": {"for"},
    "div": {"data-tabs"},  # pymdownx.tabbed
    "input": {"type", "name", "checked", "id"},  # pymdownx.tabbed's radio buttons
    "th": {"style", "align"},  # tables: style="text-align: …" for an aligned column
    "td": {"style", "align"},
}
VOID = {"br", "hr", "img", "input"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ATTRIBUTE_VALUES = {  # attributes whose value is one of a few
    "style": re.compile(r"text-align: (?:left|right|center);?"),
    "align": re.compile(r"left|right|center"),
    "type": re.compile(r"radio"),
    "width": re.compile(r"\d{1,4}"),
    "height": re.compile(r"\d{1,4}"),
    "start": re.compile(r"\d{1,4}"),
    "data-tabs": re.compile(r"\d+:\d+"),
    # a section id, never one in the theme's or the site's own namespaces (md-…, kyc-…, __…), which
    # their scripts look up by id; on an input, pymdownx.tabbed's own
    "id": re.compile(r"(?!md-|kyc-)[a-z0-9][a-z0-9-]*|__tabbed_\d+_\d+"),
    "for": re.compile(r"__tabbed_\d+_\d+"),
    "name": re.compile(r"__tabbed_\d+"),
    "lang": re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*"),
    "hreflang": re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*"),
}
ADMONITION_KINDS = {
    "note",
    "abstract",
    "summary",
    "tldr",
    "info",
    "todo",
    "tip",
    "hint",
    "important",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "warning",
    "caution",
    "attention",
    "failure",
    "fail",
    "missing",
    "danger",
    "error",
    "bug",
    "example",
    "quote",
    "cite",
    # a role-play card's three briefs (CONTRIBUTING.md, "Role-play cards"), one box per role
    "customer",
    "staff",
    "observer",
}
BOX_CLASSES = ADMONITION_KINDS | {"inline", "end"}  # whether English uses a kind is parity's job
CLASSES = {  # element -> the classes our extensions put on it
    "div": BOX_CLASSES
    | {"admonition", "tabbed-set", "tabbed-alternate", "tabbed-labels", "tabbed-content", "tabbed-block", "highlight"},
    "details": BOX_CLASSES,
    "p": {"admonition-title"},
}
CODE_LANGUAGE = re.compile(r"language-[\w+-]{1,40}")  # fenced code's language, on <code> or its <div>
# the highlighter's token classes, on <span>s inside a code block only
HIGHLIGHT_CLASSES = set(STANDARD_TYPES.values()) - {""}
LINK_SCHEMES = {"https", "http", "mailto", "tel"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
CONTROLS = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")  # what a browser strips around a URL
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")  # and removes inside it
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
LOCAL_NAMES = re.compile(r"(?:.*\.)?localhost\.?|")  # also an empty host
MOST = 20  # problems reported for one page
UNTERMINATED = re.compile(r"<(?=[^<>]*(?:<|\Z))")  # a '<' with no '>' before the next '<' or the end


def browser_url(value: str) -> str:
    """A URL as a browser reads it (the WHATWG URL parser's first steps): entities decoded,
    surrounding controls and spaces stripped, tabs and newlines removed, '\\' read as '/'."""
    url = TAB_OR_NEWLINE.sub("", CONTROLS.sub("", html.unescape(value)))
    return url.replace("\\", "/")


def _ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address a browser reads in a host of numbers: 127.1, 0x7f.0.0.1, 2130706433, 0177.0.0.1."""
    parts = host.rstrip(".").split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        base = 16 if part[:2].lower() == "0x" else 8 if len(part) > 1 and part.startswith("0") else 10
        digits = part[2:] if base == 16 else part
        if not digits and base == 16:
            digits = "0"
        try:
            numbers.append(int(digits, base))
        except ValueError:
            return None
    *first, last = numbers
    if any(n > 255 for n in first) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last + sum(n << (8 * (3 - i)) for i, n in enumerate(first))
    return ipaddress.IPv4Address(value)


def _local_host(host: str, site_host: str | None) -> str | None:
    """Why a link's host is not one to link to from a page: this computer, a local network, this site."""
    host = unquote(host).lower()
    if site_host and host.rstrip(".") == site_host:
        return "is the site's own full address (it breaks on a copy hosted elsewhere or opened from a folder)"
    if LOCAL_NAMES.fullmatch(host):
        return "points to this computer (localhost)"
    try:
        address = _ipv4(host) or ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address.is_private or address.is_unspecified or address.is_link_local:
        return f"points to this computer or a local network ({address})"
    return None


@dataclass(frozen=True)
class _Finding:
    """A problem before it is located: where to look for it in the page's Markdown."""

    what: str
    fix: str
    search: tuple[str, ...]  # text to look for in the Markdown source, best first
    heading: str | None  # id of the heading the element follows, for when the text is not found
    title: int | None = None  # for a page title (<h1>): which one, from 0


def url_problem(url: str, resource: bool, site_host: str | None = None) -> str | None:
    """Why a link (or, when `resource`, an image) URL is not allowed, or None; judged as a browser reads it."""
    clean = browser_url(url)
    scheme = SCHEME.match(clean)
    name = scheme.group(1).lower() if scheme else None
    after = clean[scheme.end() :] if scheme else clean
    if resource and (scheme or clean.startswith("/")):
        return "is loaded from outside the site" if scheme or clean.startswith("//") else "is an absolute path"
    if name and name not in LINK_SCHEMES:
        return f"uses the '{name}:' scheme"
    if name in {"http", "https"} and not after.startswith("//"):
        return f"is not a full '{name}://' address (a browser reads '{name}:' then a path as another site or another page)"
    if not scheme and clean.startswith("//"):
        return "has no scheme ('//host')"
    if not scheme and clean.startswith("/"):
        return "is an absolute path (it breaks when the site is served under a sub-path or from a folder)"
    if name in {"http", "https"}:
        try:
            return local_address(urlsplit(clean), site_host)
        except ValueError:
            return "is not an address a browser can read"
    return None


def local_address(address: SplitResult, site_host: str | None) -> str | None:
    """Why a link to this address is not one to put on a page: this computer, a local network, this site."""
    if address.scheme.lower() not in {"", "http", "https"}:
        return None
    return _local_host(address.hostname or "", site_host)


class _Auditor(HTMLParser):
    def __init__(self, site_host: str | None, reader=None):
        super().__init__(convert_charrefs=False)  # so a '<' left as text is seen as such
        self.site_host = site_host
        self.reader = reader  # also given the page's tags and text (see audit)
        self.findings: list[_Finding] = []
        self.heading: str | None = None
        self.open: list[tuple[str, str, list[str]]] = []  # (tag, its start tag as written, its classes)
        self.titles = 0

    def add(self, what: str, fix: str, *search: str, title: int | None = None) -> None:
        what = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", what)  # one line in the terminal, every character seen
        self.findings.append(_Finding(what, fix, tuple(s for s in search if s), self.heading, title))

    def _inside(self, tag: str, css_class: str | None = None) -> bool:
        return any(t == tag and (css_class is None or css_class in c) for t, _, c in self.open)

    def _class_allowed(self, tag: str, token: str, attributes: dict) -> bool:
        if token in CLASSES.get(tag, ()):
            return True
        if tag in {"code", "div"} and CODE_LANGUAGE.fullmatch(token):
            return True
        if tag == "span" and token in HIGHLIGHT_CLASSES:  # the highlighter's tokens, in a code block only
            return self._inside("pre") and self._inside("div", "highlight")
        if tag == "a" and token == "headerlink":  # the theme's permalink, only as the toc extension writes it
            heading = self.open[-1] if self.open else None
            return bool(heading) and heading[0] in HEADINGS and attributes.get("href") == f"#{self.heading}"
        return False

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)
        if tag in ELEMENTS and tag not in VOID:
            classes = (dict(attrs).get("class") or "").split()
            self.open.append((tag, (self.get_starttag_text() or f"<{tag}")[:40], classes))
        if self.reader:
            self.reader.start(tag, attrs)

    def _start(self, tag, attrs):
        source = self.get_starttag_text() or f"<{tag}"
        if tag not in ELEMENTS:
            self.add(
                f"<{tag}> is not allowed on a page",
                f"remove it: pages are Markdown; to show '<{tag}>' as text, put it in `backticks`",
                f"<{tag}",
                source[:40],
            )
            return
        attributes = dict(attrs)
        if tag in HEADINGS:
            self.heading = attributes.get("id") or self.heading
            if tag == "h1":
                self.titles += 1
                if self.titles > 1:
                    self.add(
                        "a second page title (<h1>): a page has one",
                        "start this heading with ## (a section), as in English",
                        title=self.titles - 1,
                    )
            elif not attributes.get("id"):
                self.add(
                    f"heading <{tag}> has no id (trainers link to sections by id)",
                    "write the heading in Markdown ('## Text {#id}') with the id of the English heading",
                    source[:40],
                    f"<{tag}",
                )
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            written = f'{name}="{value}"' if value else name
            if name not in allowed:
                how = "event handlers run script" if name.startswith("on") else "it is not one our pages use"
                self.add(
                    f"attribute '{written[:60]}' on <{tag}> is not allowed ({how})",
                    "remove it (from the '{: …}' after the text, or from the HTML tag)",
                    value[:30],
                    source[:40],
                    f"{name}=",
                )
            elif name in ATTRIBUTE_VALUES and not ATTRIBUTE_VALUES[name].fullmatch(value):
                self.add(
                    f"attribute '{written[:60]}' on <{tag}> has a value our pages never use",
                    "remove it, or copy the value from the English page"
                    + (" (ids starting md-, kyc- or __ belong to the site's scripts)" if name == "id" else ""),
                    value[:30],
                    source[:40],
                    f"{name}=",
                )
            elif name == "class":
                for token in value.split():
                    if not self._class_allowed(tag, token, attributes):
                        self.add(
                            f"class '{token}' on <{tag}> is not one the site's styles define for it on pages",
                            "remove it (a translation changes words, not the look)",
                            token,
                        )
            elif name in {"href", "src"} and (why := url_problem(value, name == "src", self.site_host)):
                fix = (
                    "save the image under docs/ and give a relative path"
                    if name == "src"
                    else "link to a page of this site by its relative path (e.g. 'three-rs.md#remedy'), "
                    "or to another site's full https:// address"
                )
                self.add(f"{'image' if name == 'src' else 'link'} '{value[:80]}' {why}", fix, value[:30], source[:40])

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if self.reader:
            self.reader.start(tag, attrs)
            self.reader.end(tag)

    def handle_endtag(self, tag):
        if self.reader:
            self.reader.end(tag)
        tags = [t for t, _, _ in self.open]
        if tag not in tags:
            if tag in ELEMENTS and tag not in VOID:
                self.add(
                    f"'</{tag}>' closes nothing opened on the page (it would close the page's own layout)",
                    f"remove the '</{tag}>'",
                    f"</{tag}",
                )
            return
        while self.open:
            opened, written, _ = self.open.pop()
            if opened == tag:
                return
            self._unclosed(opened, written)

    def _unclosed(self, tag: str, written: str) -> None:
        self.add(
            f"'{written}' is never closed (the rest of the page would be inside it)",
            f"close it with '</{tag}>', or write the text in Markdown",
            written,
        )

    def handle_data(self, data):
        if self.reader:
            if "&" in data:
                self._text_as_written()
            self.reader.text(data)
        if "<" in data:  # the parser could not read it as a tag; a browser might
            text = data[data.index("<") :][:30]
            self.add(
                f"'{text.strip()}' is neither text nor a complete tag",
                "write '&lt;' for a '<' shown as text, or put it in `backticks`",
                text.strip(),
            )

    def handle_entityref(self, name):
        self._text_as_written()

    def handle_charref(self, name):
        self._text_as_written()

    def _text_as_written(self):
        """Text with an entity or a '&': this reading leaves it as written where a browser decodes it (and
        the reader with it); where the reader reads the text, it must read the page alone."""
        if self.reader and self.reader.reads_text():
            self.reader.unsure = True

    def handle_comment(self, data):  # browsers and parsers disagree on where some comments end
        self.add("an HTML comment '<!--' is not allowed on a page", "remove it; readers never see it", "<!--")

    def handle_decl(self, decl):
        self.add(f"'<!{decl[:30]}>' is not allowed on a page", "remove it", f"<!{decl[:10]}")

    def unknown_decl(self, data):
        self.handle_decl(data)

    def handle_pi(self, data):
        self.add(f"'<?{data[:30]}>' is not allowed on a page", "remove it", f"<?{data[:10]}")


def unterminated_tags(page_html: str) -> list[int]:
    """Where a '<' starts a tag ('<a', '</', '<!', '<?') that does not end ('>') before the next '<'."""
    last = len(page_html) - 1
    return [
        start
        for match in UNTERMINATED.finditer(page_html)
        if (start := match.start()) < last and (page_html[start + 1].isalpha() or page_html[start + 1] in "/!?")
    ]


def audit(page_html: str, source: SourceLines, file: str, site_url: str | None = None, reader=None) -> list[Problem]:
    """Everything in a page's rendered HTML that is not on the allowlist, at the line of its Markdown
    `source` that made it (the first MOST, then how many more); `site_url` is the site's own address.

    A `reader` (checks/rendered_structure.StructureReader) is given the same reading of the page, tags
    and text, so the page is read once; it is marked unsure wherever that reading can differ from the
    reader's own (an entity in text it reads, or a page with a problem: text left as written, a tag
    never ended), and must then read the page alone."""
    auditor = _Auditor(urlsplit(site_url).hostname if site_url else None, reader)
    unterminated = unterminated_tags(page_html)
    for start in unterminated:
        auditor.handle_data(page_html[start : start + 30].split("\n", 1)[0])
    # html.parser would rescan the rest of the page from each of them (quadratic time): they are text to it
    pieces, last = [], 0
    for start in unterminated:
        pieces += [page_html[last:start], "&lt;"]
        last = start + 1
    auditor.feed("".join([*pieces, page_html[last:]]))
    auditor.close()
    if auditor.rawdata:  # a tag or comment left open at the end of the page
        auditor.handle_data("<" + auditor.rawdata.lstrip("<"))
    for tag, written, _ in reversed(auditor.open):
        auditor._unclosed(tag, written)
    findings = auditor.findings
    if reader and (unterminated or findings):
        reader.unsure = True
    found = [Problem(file, source.line_of(f), f.what, f.fix + ".") for f in findings[:MOST]]
    if len(findings) > MOST:  # a page pasted from elsewhere: the first ones say what to do
        last_line = max((p.line or 0) for p in found) or None
        found.append(
            Problem(file, last_line, f"and {len(findings) - MOST} more like these on the page", "fix the ones above first.")
        )
    return found


@dataclass
class SourceLines:
    """A page's Markdown source, to point a finding at the line that made it."""

    lines: list[str]
    heading_lines: dict[str, int] = field(default_factory=dict)  # explicit {#id} -> its line
    sections: list[int] = field(default_factory=list)  # the lines of the section headings (## and below), in order
    boxes: list[int] = field(default_factory=list)  # the lines of the '!!!'/'???' boxes, in order
    titles: list[int] = field(default_factory=list)  # the lines of the page titles ('# …')

    @classmethod
    def read(cls, text: str) -> SourceLines:
        return cls.of(text, read_page(text))

    @classmethod
    def of(cls, text: str, facts: PageFacts) -> SourceLines:
        """The source lines of a page whose facts were read already (model.markdown_facts.page_facts)."""
        headings = {}
        for heading in facts.headings:
            if heading.id:
                headings.setdefault(heading.id, heading.line)
        sections = [h.line for h in facts.headings if h.level >= 2]
        titles = [h.line for h in facts.headings if h.level == 1]
        return cls(text.splitlines(), headings, sections, [box.line for box in facts.admonitions], titles)

    def line_of(self, finding: _Finding) -> int:
        if finding.title is not None and finding.title < len(self.titles):
            return self.titles[finding.title]
        start = self.heading_lines.get(finding.heading, 1) if finding.heading else 1
        for text in finding.search:
            for needle in {text, text.replace("&", "&amp;"), text.replace('"', "&quot;")}:
                # the first match after the heading the element follows, else anywhere
                for number in [*range(start, len(self.lines) + 1), *range(1, start)]:
                    if needle in self.lines[number - 1]:
                        return number
        return start
