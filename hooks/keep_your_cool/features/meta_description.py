"""Page descriptions that survive being put in an HTML attribute.

Material writes the front matter `description` into <meta name="description" content="...">
as it is: a double quote in it (answered with their own word, "surprised") ends the attribute
there, and search engines read half a sentence. Escape it, once, before the page is rendered.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def safe_description(description):
    """The description as markup, quotes and ampersands escaped (markup already escaped is kept)."""
    return escape(description) if isinstance(description, str) and not isinstance(description, Markup) else description


def escape_description(page) -> None:
    if "description" in page.meta:
        page.meta["description"] = safe_description(page.meta["description"])
