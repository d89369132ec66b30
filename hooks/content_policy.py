"""Content policy, for every language: a page cannot change what the site runs.

Raw HTML that could run script or pull in another site (script, iframe, object, embed,
style, on*= attributes, javascript: URLs, other-origin src) is refused, so a translation
pull request can only change words. Ordinary Markdown links to other sites are fine:
they load nothing until the reader follows them.
"""
from __future__ import annotations

import html
import re
from typing import Iterator

from markdown_facts import PageFacts

Finding = tuple  # (line or None, what is wrong, how to fix it)

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "form"}
URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "poster", "background", "data"}
SCRIPT_URL = re.compile(r"^(?:javascript:|vbscript:|data:text/html)")
OTHER_ORIGIN = re.compile(r"^(?:https?:|//|[a-z][a-z0-9+.-]*://)")
NO_REMOTE = "save the file under docs/ and use a relative path, so the site loads nothing from another site"


def _url(value: str) -> str:
    """A URL as a browser reads it: entities decoded, blanks dropped, backslashes as slashes."""
    return re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower().replace("\\", "/")


def _attribute_urls(name: str, value: str) -> list[str]:
    """The URLs an attribute holds: srcset lists several, a style attribute may hold CSS url(...)s."""
    if name == "srcset":
        return [_url(item.split()[0]) for item in value.split(",") if item.strip()]
    if name == "style":
        return [_url(u) for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", value, re.I)]
    return [_url(value)]


def policy_problems(facts: PageFacts) -> Iterator[Finding]:
    """Raw HTML and URLs in a page that could run script or load something from another site."""
    for link in facts.links:
        url = _url(link.target)
        if SCRIPT_URL.match(url):
            yield (link.line, f"link '{link.target}' is a script URL", "link to a page or an https:// address instead.")
        elif link.image and OTHER_ORIGIN.match(url):
            yield (link.line, f"image '{link.target}' is loaded from another site", NO_REMOTE + ".")
    for tag in facts.html_tags:
        if tag.name in FORBIDDEN_TAGS:
            yield (tag.line, f"raw HTML <{tag.name}> is not allowed: it can run script or load another site",
                   "remove it; use Markdown instead (ask a maintainer if the theme needs a new feature).")
            continue  # one problem per tag is enough
        for name, value in tag.attrs:
            urls = _attribute_urls(name, value or "")
            if name.startswith("on"):
                yield (tag.line, f"raw HTML attribute '{name}=' on <{tag.name}> runs script", "remove the attribute.")
            elif any(SCRIPT_URL.match(u) for u in urls):
                yield (tag.line, f"raw HTML <{tag.name} {name}=\"{value}\"> is a script URL", "remove it, or link to a page or an https:// address in Markdown.")
            elif (name in URL_ATTRS or name == "style") and any(OTHER_ORIGIN.match(u) for u in urls):
                yield (tag.line, f"raw HTML <{tag.name} {name}=\"{value}\"> points to another site",
                         NO_REMOTE + "; for an ordinary link write it in Markdown: [text](https://…).")
