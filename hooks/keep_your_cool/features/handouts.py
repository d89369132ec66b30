"""Where a printed page comes from (overrides/partials/imprint.html): every page prints a footer
with the guide's name in its language, the page's title, its published address and the edition
(the project's version and the build's date); the handouts (each worked example, the quick
reference, the trainers' page and its role-play cards) also print a QR code of that address, and
assets/javascripts/print-cards.js gives each page with one a print control, for a phone that has no Ctrl+P.

The QR code is drawn here at build time by segno, as an SVG data URI: no service is asked for it,
and it prints from an unzipped folder too. The offline edition's pages name their published
address as well (hooks/keep_your_cool/features/offline_edition.py), never a path on someone's computer.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from importlib.metadata import version

import segno

from keep_your_cool.features.offline_edition import published_path
from keep_your_cool.model.site import Site

# The handouts: pages a trainer prints and hands out (in every language's folder).
HANDOUT_PAGES = {"quick-reference.md", "trainers.md"}
HANDOUT_SECTION = "examples/"  # every worked example, but not the section's own index
HANDOUT_EXCLUDED = {"examples/index.md"}
# One of the standard's eight mask patterns, always the same: any of them scans, and searching for the
# best (segno's default) was most of the build's time spent on QR codes.
QR_MASK = 0


def edition() -> dict[str, str]:
    """The edition: the project's version, and the build's date (SOURCE_DATE_EPOCH, the reproducible-builds
    convention, for a build that must come out the same)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return {"version": version("keep-your-cool"), "date": built.date().isoformat()}


def is_handout(page: str) -> bool:
    return page in HANDOUT_PAGES or (page.startswith(HANDOUT_SECTION) and page not in HANDOUT_EXCLUDED)


def qr_code(address: str) -> str:
    """The address as a QR code, an SVG data URI (medium error correction: a creased sheet still scans)."""
    code = segno.make(address, error="m", mask=QR_MASK)
    return code.svg_data_uri(border=0, dark="#000", omitsize=True, svgclass=None, lineclass=None, encode_minimal=True)


def css_string(text: str) -> str:
    """Text as a CSS string (for @page margin boxes): quotes and backslashes escaped, a line break as \\A,
    '<' as \\3C so nothing ends the <style> it is written in."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", "\\A ")
    return f'"{escaped}"'


def imprint(page, config, site: Site, words: dict[str, str], edition: dict[str, str], offline_edition: bool) -> dict:
    """What overrides/partials/imprint.html prints on the page."""
    path = published_path(page.url) if offline_edition else page.url
    found = site.page_at(path)
    address = (config.site_url or "") + path
    edition_line = words["print_edition"].format(**edition)
    handout = bool(found) and is_handout(found[1])
    return {
        "edition_line": edition_line,
        "footer": css_string(f"{config.site_name} · {page.title}\n{address} · {edition_line}"),
        "qr": qr_code(address) if handout else None,
    }
