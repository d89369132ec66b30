"""A moved page's old address leads to its new one in every language, with its #section.

mkdocs.yml lists each move once, as mkdocs-redirects does for one language
(`redirect_maps: {old.md: new.md}`, paths inside a language's folder). With
mkdocs-static-i18n's folder layout every language's files are under docs/<lang>/:
give the redirects plugin, as each language is built, its move, from that language's old address
to its own page, and let it read the files once mkdocs-static-i18n has given them
their addresses (the default language's at the root).
"""

from __future__ import annotations

from keep_your_cool.model.site import Language


def in_language(moves: dict[str, str], language: Language) -> dict[str, str]:
    """{'old.md': 'new.md'} -> in French {'fr/old.md': 'fr/new.md'}, in English {'old.md': 'en/new.md'}:
    the key is the old address in the site's layout (the language's prefix), the value the page's source file."""
    return {language.prefix + old: f"{language.locale}/{new}" for old, new in moves.items()}
