"""Words a translator writes that reach a template: they must be plain text.

MkDocs renders templates with autoescape off, so a title, a site name or a ui.yml value
holding a tag or an entity would become part of the page's HTML.
"""

from __future__ import annotations

import re

# a tag, a comment or an entity: '3 < 4', quotes and '&' alone stay text
MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)


def markup_in(text: str) -> str | None:
    """The piece of `text` around its first markup, or None when it is plain text."""
    match = MARKUP.search(text)
    return text[max(0, match.start() - 10) : match.end() + 20] if match else None
