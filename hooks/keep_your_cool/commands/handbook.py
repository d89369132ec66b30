"""The handbook: the whole guide in one PDF per language, dist/keep-your-cool-<lang>.pdf.

    python hooks/keep_your_cool/commands/handbook.py [--site site] [--out dist]     (make handbook builds the site first)

Chromium (through Playwright, as the tests drive it) reads each page of the built site in the
nav's reading order and prints them as one document: a cover with the edition's own title, the
contents with page numbers, then every page, with links between the guide's pages turned into
links inside the PDF, bookmarks from the headings and, in the footer, the edition (the built site's:
version and build date, as on its cover) and page numbers. Quizzes print with their answers. It prints
twice: the first print tells on which page each chapter starts, the second prints those numbers
in the contents. The browser reads the built folder at the site's own address, offline: nothing
is fetched from the network, and a request for any other address fails the script.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from pypdf import PdfReader

from keep_your_cool.commands import chromium
from keep_your_cool.commands.static_host import route_handler
from keep_your_cool.features.downloads import handbook as handbook_file
from keep_your_cool.features.translation_status import STATUS_PAGE
from keep_your_cool.model.site import Site, load
from keep_your_cool.model.words import ui_words

ROOT = Path.cwd()  # the project the command runs in: the Makefile runs every command at its top

HERE = Path(__file__).resolve().parent
EXTRACT_CHAPTER = (HERE / "handbook.js").read_text(encoding="utf-8")
TEMPLATES = Environment(loader=FileSystemLoader(HERE), autoescape=True)
# The handbook's own page margins (in handbook.html too): room at the foot for the page number.
MARGIN = {"top": "14mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
PAPER = "A4"
HANDBOOK_PAGE = "handbook.html"  # where the combined page is served, beside the edition's home page
MAX_PRINTS = 6  # page numbers settle after the second print, a tighter chapter or two after more; more is a loop
# A chapter whose last page would hold fewer lines than this prints tighter (handbook.html), up to TIGHTEST times:
# no page of a few stray lines.
MIN_LINES = 12
TIGHTEST = 2


class HandbookError(Exception):
    """A handbook that cannot be made as it should: the message says why and what to do."""


def reading_order(site: Site) -> list[str]:
    """The guide's pages in the nav's order, without the translation status page (about the site, not the guide)."""
    return [page for page in site.reading_order() if page != STATUS_PAGE]


def editions(site: Site) -> list[dict]:
    """Each language's edition: its locale, folder, own title and description, and site words."""
    return [
        {
            "locale": lang.locale,
            "prefix": lang.prefix,
            "title": lang.site_name,
            "description": lang.site_description,
            "words": ui_words(site.root, lang.locale, site.default.locale),
        }
        for lang in site.languages
    ]


def chapter_key(address: str) -> str:
    """An id for a chapter, from its page's address: 'index', 'examples--late-damaged-order'."""
    return address.strip("/").replace("/", "--") or "index"


def read_chapters(page, site: Site, edition: dict) -> list[dict]:
    """Each page of the edition as the browser shows it: title, key and article, links rewritten."""
    # a chapter's key is made from its address in the default language: the same in every edition
    keys = {
        site.site_url + site.url(edition["locale"], source): chapter_key(site.url(site.default.locale, source))
        for source in reading_order(site)
    }
    chapters = []
    for url in keys:
        if page.goto(url).status != 200:
            raise HandbookError(f"{url}: not in the built site. Run `make build` first (make handbook does).")
        chapters.append({"key": keys[url], **page.evaluate(EXTRACT_CHAPTER, {"key": keys[url], "chapters": keys})})
    return chapters


def footer(edition: dict, edition_line: str) -> str:
    """Each page's foot: the edition's title and its edition, then the page number."""
    return TEMPLATES.get_template("handbook-footer.html").render(
        title=edition["title"], edition_line=edition_line, words=edition["words"]
    )


def print_handbook(context, documents: dict[str, str], site: Site, edition: dict) -> bytes:
    """The edition's handbook as PDF bytes, printed by Chromium from a context serving the site
    (see make_handbooks; the combined page is served from `documents`)."""
    online = site.site_url + edition["prefix"]
    page = context.new_page()
    try:
        chapters = read_chapters(page, site, edition)
        page.goto(online)
        look = page.evaluate("""() => ({
            stylesheets: [...document.styleSheets].map(sheet => sheet.href).filter(Boolean),
            body: Object.fromEntries([...document.body.attributes].map(a => [a.name, a.value])),
            edition_line: document.querySelector('meta[name="kyc-edition"]').content,
        })""")
        document = online + HANDBOOK_PAGE
        starts: dict[str, int] = {}
        tight = dict.fromkeys((c["key"] for c in chapters), 0)
        for _ in range(MAX_PRINTS):
            documents[document] = TEMPLATES.get_template("handbook.html").render(
                edition=edition, words=edition["words"], online=online, chapters=chapters, starts=starts, tight=tight, **look
            )
            page.goto(document)
            page.emulate_media(media="print")
            pdf = page.pdf(
                format=PAPER,
                margin=MARGIN,
                outline=True,
                tagged=True,
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer(edition, look["edition_line"]),
            )
            reader = PdfReader(io.BytesIO(pdf))
            printed = chapter_pages(reader, chapters)
            tighter = [key for key in short_endings(reader, chapters, printed) if tight[key] < TIGHTEST]
            for key in tighter:
                tight[key] += 1
            if printed == starts and not tighter:
                return pdf
            starts = printed
        raise HandbookError(f"{edition['locale']}: the contents' page numbers did not settle after {MAX_PRINTS} prints")
    finally:
        page.close()


def chapter_pages(pdf: PdfReader, chapters: list[dict]) -> dict[str, int]:
    """The page number (from 1) on which each chapter starts: where the contents' links lead."""
    targets = {name.removeprefix("/"): dest for name, dest in pdf.named_destinations.items()}
    missing = [c["key"] for c in chapters if c["key"] not in targets]
    if missing:
        raise HandbookError(f"no link target in the PDF for chapters {missing}: is each a link in the contents?")
    return {c["key"]: pdf.get_destination_page_number(targets[c["key"]]) + 1 for c in chapters}


def page_lines(pdf: PdfReader, number: int) -> int:
    """How many lines of text a page (from 1) holds, its footer not counted."""
    return len([line for line in (pdf.pages[number - 1].extract_text() or "").splitlines() if line.strip()]) - 1


def short_endings(pdf: PdfReader, chapters: list[dict], starts: dict[str, int]) -> list[str]:
    """The chapters that spill a few stray lines onto a last page of their own."""
    ends = [starts[c["key"]] - 1 for c in chapters[1:]] + [len(pdf.pages)]
    return [c["key"] for c, last in zip(chapters, ends) if last > starts[c["key"]] and page_lines(pdf, last) < MIN_LINES]


def make_handbooks(browser, built: Path, site: Site, out: Path) -> tuple[list[Path], list[str]]:
    """Every edition's handbook into `out`, read from the built folder at the site's own address,
    offline (as GitHub Pages would serve it); also the requests stopped because they left the site."""
    out.mkdir(parents=True, exist_ok=True)
    documents: dict[str, str] = {}
    stopped: list[str] = []
    # no service worker: the reader's offline copy (hooks/keep_your_cool/features/pocket.py) would download the site in the background
    context = browser.new_context(service_workers="block")
    context.route("**/*", route_handler(built, site.site_url, documents, stopped))
    written = []
    try:
        for edition in editions(site):
            target = out / handbook_file(edition["locale"])
            target.write_bytes(print_handbook(context, documents, site, edition))
            written.append(target)
    finally:
        context.close()
    return written, stopped


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make build)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the PDFs go")
    args = parser.parse_args()
    site = load(ROOT / "mkdocs.yml")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.executable(), args=chromium.LAUNCH_ARGS)
        try:
            written, stopped = make_handbooks(browser, args.site, site, args.out)
        except HandbookError as error:
            print(f"handbook: {error}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    if stopped:
        print(
            "handbook: the pages asked for addresses outside the site (not fetched):\n  "
            + "\n  ".join(sorted(set(stopped)))
            + "\nShip what they need with the site instead.",
            file=sys.stderr,
        )
        return 1
    print("\n".join(str(path) for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
