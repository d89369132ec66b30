"""What a page's rendered HTML may contain: exactly what our Markdown extensions produce.

The content policy is judged on the HTML the reader gets, after Python-Markdown has rendered
the page, so nothing a translator hides from a Markdown reader (attribute lists, raw HTML, a
fence left open) escapes it. Every element, attribute and class must be on the allowlist below;
links may be relative or go to https:, http:, mailto: and tel:; images only come from the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang"}
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "details": {"open"},
    "label": {"for"},
    "div": {"data-tabs"},  # pymdownx.tabbed
    "input": {"type", "name", "checked"},  # pymdownx.tabbed's radio buttons
    "th": {"style", "align"},  # tables: style="text-align: …" for an aligned column
    "td": {"style", "align"},
}
ATTRIBUTE_VALUES = {  # attributes whose value is one of a few
    "style": re.compile(r"text-align: (?:left|right|center);?"),
    "align": re.compile(r"left|right|center"),
    "type": re.compile(r"radio"),
    "width": re.compile(r"\d{1,4}"),
    "height": re.compile(r"\d{1,4}"),
    "start": re.compile(r"\d{1,4}"),
    "data-tabs": re.compile(r"\d+:\d+"),
    "id": re.compile(r"[a-z0-9][a-z0-9-]*|__tabbed_\d+_\d+|fn:?[\w-]+|fnref\d*:[\w-]+"),
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
CLASSES = ADMONITION_KINDS | {
    "admonition",
    "admonition-title",
    "headerlink",
    "toclink",
    "tabbed-set",
    "tabbed-alternate",
    "tabbed-labels",
    "tabbed-content",
    "tabbed-block",
    "highlight",
    "inline",
    "end",
}
CLASS_PATTERN = re.compile(r"language-[\w+-]+")  # fenced code's language
LINK_SCHEMES = {"https", "http", "mailto", "tel"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
BLANKS = re.compile(r"[\x00-\x20\x7f]")  # what a browser ignores inside a URL


@dataclass(frozen=True)
class Finding:
    what: str
    fix: str
    search: tuple[str, ...]  # text to look for in the Markdown source, best first
    heading: str | None  # id of the heading the element follows, for when the text is not found


def url_problem(url: str, resource: bool) -> str | None:
    """Why a link (or, when `resource`, an image) URL is not allowed, or None."""
    clean = BLANKS.sub("", url).replace("\\", "/")
    scheme = SCHEME.match(clean.lower())
    if resource and (scheme or clean.startswith("/")):
        return "is loaded from outside the site" if scheme or clean.startswith("//") else "is an absolute path"
    if scheme and scheme.group(1) not in LINK_SCHEMES:
        return f"uses the '{scheme.group(1)}:' scheme"
    if clean.startswith("//"):
        return "has no scheme ('//host')"
    if clean.startswith("/"):
        return "is an absolute path (it breaks when the site is served under a sub-path or from a folder)"
    return None


class _Auditor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)  # so a '<' left as text is seen as such
        self.findings: list[Finding] = []
        self.heading: str | None = None

    def add(self, what: str, fix: str, *search: str) -> None:
        self.findings.append(Finding(what, fix, tuple(s for s in search if s), self.heading))

    def handle_starttag(self, tag, attrs):
        source = self.get_starttag_text() or f"<{tag}"
        if tag not in ELEMENTS:
            self.add(
                f"<{tag}> is not allowed on a page",
                f"remove it: pages are Markdown; to show '<{tag}>' as text, put it in `backticks`",
                f"<{tag}",
                source[:40],
            )
            return
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading = dict(attrs).get("id") or self.heading
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
                    "remove it, or copy the value from the English page",
                    value[:30],
                    source[:40],
                    f"{name}=",
                )
            elif name == "class":
                for token in value.split():
                    if token not in CLASSES and not CLASS_PATTERN.fullmatch(token):
                        self.add(
                            f"class '{token}' on <{tag}> is not one the site's styles define for pages",
                            "remove it (a translation changes words, not the look)",
                            token,
                        )
            elif name in {"href", "src"} and (why := url_problem(value, resource=name == "src")):
                fix = (
                    "save the image under docs/ and give a relative path"
                    if name == "src"
                    else "link to a page by its relative path, or to an https:// address"
                )
                self.add(f"{'image' if name == 'src' else 'link'} '{value[:80]}' {why}", fix, value[:30], source[:40])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if "<" in data:  # the parser could not read it as a tag; a browser might
            text = data[data.index("<") :][:30]
            self.add(
                f"'{text.strip()}' is neither text nor a complete tag",
                "write '&lt;' for a '<' shown as text, or put it in `backticks`",
                text.strip(),
            )

    def handle_comment(self, data):  # browsers and parsers disagree on where some comments end
        self.add("an HTML comment '<!--' is not allowed on a page", "remove it; readers never see it", "<!--")

    def handle_decl(self, decl):
        self.add(f"'<!{decl[:30]}>' is not allowed on a page", "remove it", f"<!{decl[:10]}")

    def unknown_decl(self, data):
        self.handle_decl(data)

    def handle_pi(self, data):
        self.add(f"'<?{data[:30]}>' is not allowed on a page", "remove it", f"<?{data[:10]}")


def audit(html: str) -> list[Finding]:
    """Everything in a page's rendered HTML that is not on the allowlist."""
    auditor = _Auditor()
    auditor.feed(html)
    auditor.close()
    if auditor.rawdata:  # a tag or comment left open at the end of the page
        auditor.handle_data("<" + auditor.rawdata.lstrip("<"))
    return auditor.findings


@dataclass
class SourceLines:
    """A page's Markdown source, to point a finding at the line that made it."""

    lines: list[str]
    heading_lines: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, text: str) -> SourceLines:
        lines = text.splitlines()
        headings = {}
        for number, line in enumerate(lines, 1):
            for found in re.finditer(r"\{[^{}]*#([\w-]+)", line):
                headings.setdefault(found.group(1), number)
        return cls(lines, headings)

    def line_of(self, finding: Finding) -> int:
        start = self.heading_lines.get(finding.heading, 1) if finding.heading else 1
        for text in finding.search:
            for needle in {text, text.replace("&", "&amp;"), text.replace('"', "&quot;")}:
                # the first match after the heading the element follows, else anywhere
                for number in [*range(start, len(self.lines) + 1), *range(1, start)]:
                    if needle in self.lines[number - 1]:
                        return number
        return start
