"""Draw the app's icons from the favicon: the PNG sizes phones and browsers ask for.

    .venv/bin/python scripts/draw_icons.py     rewrite overrides/assets/images/{icon-*,apple-touch-icon}.png

The PNGs are committed (the build needs no browser); run this again after changing favicon.svg.
- icon-192.png, icon-512.png: the favicon as it is (Android's launcher and install dialogs);
- icon-maskable-512.png: full-bleed background, the drawing inside the central safe zone (Android
  crops it to its own shape);
- apple-touch-icon.png, 180 px: full-bleed too, as iOS rounds the corners itself.
Chromium (hooks/keep_your_cool/commands/chromium.py) draws them, so they look as the SVG does in a browser.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from keep_your_cool.commands import chromium

IMAGES = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "images"
SAFE_ZONE_SCALE = 0.75  # the drawing, scaled around the centre, stays well inside the maskable safe circle (80%)


def full_bleed(svg: str) -> str:
    """The favicon on a square background with its drawing scaled into the safe zone."""
    view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
    _, _, width, height = (float(n) for n in view_box.split())
    background = re.search(r'<rect[^>]*fill="([^"]+)"', svg).group(1)
    drawing = re.sub(r"<rect[^>]*/>", "", svg[svg.index(">") + 1 : svg.rindex("</svg>")])
    cx, cy = width / 2, height / 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}"><rect width="{width:g}" height="{height:g}" fill="{background}"/>'
        f'<g transform="translate({cx:g} {cy:g}) scale({SAFE_ZONE_SCALE}) translate({-cx:g} {-cy:g})">{drawing}</g></svg>'
    )


def main() -> int:
    favicon = (IMAGES / "favicon.svg").read_text(encoding="utf-8")
    icons = {
        "icon-192.png": (favicon, 192),
        "icon-512.png": (favicon, 512),
        "icon-maskable-512.png": (full_bleed(favicon), 512),
        "apple-touch-icon.png": (full_bleed(favicon), 180),
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.executable(), args=chromium.LAUNCH_ARGS)
        for name, (svg, size) in icons.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f'<body style="margin:0"><img src="data:image/svg+xml,{quote(svg)}" width="{size}" height="{size}" style="display:block">'
            )
            page.screenshot(path=str(IMAGES / name), omit_background=True)
            page.close()
            print(f"wrote {(IMAGES / name).relative_to(IMAGES.parents[2])} ({size}x{size})")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
