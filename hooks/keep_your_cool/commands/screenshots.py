"""`make screenshots`: a screenshot of each kind of page, in every language, viewport and palette, for a
person to look at (the browser tests check what can be checked; this shows what a reader sees).

The built site (site/, `make build`) is served locally and opened in the tests' Chromium.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from pathlib import Path

from keep_your_cool.commands import chromium
from keep_your_cool.commands.static_host import serve
from keep_your_cool.model.site import load

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PALETTES = {"light": "default", "dark": "slate"}  # Material's color scheme for each palette in mkdocs.yml
# One page of each kind (its source in a language's folder).
PAGE_TYPES = {
    "home": "index.md",
    "guide": "four-step-method.md",
    "example": "examples/late-damaged-order.md",
    "quick-reference": "quick-reference.md",
    "trainers": "trainers.md",
    "status": "translation-status.md",
}


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright  # a test dependency: imported only when a browser is needed

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium.executable(), args=chromium.LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def take(site_dir: Path, out: Path) -> list[Path]:
    """Every screenshot, as `<locale>-<kind>-<palette>-<viewport>.png` in `out`."""
    site = load()
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with serve(site_dir) as address, browser() as chromium_browser:
        for viewport, size in VIEWPORTS.items():
            for palette in PALETTES:
                context = chromium_browser.new_context(viewport=size, color_scheme="dark" if palette == "dark" else "light")
                page = context.new_page()
                for locale in site.locales:
                    for kind, source in PAGE_TYPES.items():
                        page.goto(address + site.url(locale, source))
                        path = out / f"{locale}-{kind}-{palette}-{viewport}.png"
                        page.screenshot(path=path, full_page=True)
                        taken.append(path)
                context.close()
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (make build)")
    parser.add_argument("--out", type=Path, default=Path("dist/screenshots"), help="where the screenshots go")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}/index.html is missing: build the site first (make build)")
    taken = take(args.site, args.out)
    print(f"{len(taken)} screenshots in {args.out}/")
    return 0
