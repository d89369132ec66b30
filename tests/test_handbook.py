"""The handbook (make handbook): one PDF per language with a cover naming the edition, contents with
page numbers, every guide page in reading order, working internal links, bookmarks, the edition and
page numbers in every footer, the quizzes' answers, no control or download box, no page of a few
stray lines, embedded fonts, its own language's words, and nothing fetched from elsewhere while printing."""

from __future__ import annotations

import html
import re

import pytest
from pypdf import PdfReader

from conftest import SITE
from keep_your_cool.commands import handbook
from keep_your_cool.features.handouts import edition

pytestmark = pytest.mark.browser

EDITIONS = {edition["locale"]: edition for edition in handbook.editions(SITE)}
GUIDE = [SITE.url(SITE.default.locale, page) for page in handbook.reading_order(SITE)]
HEADING = re.compile(r"<h([12]) id=\"[^\"]+\">(.*?)<a class=\"headerlink\"", re.S)


@pytest.fixture(scope="session")
def handbooks(browser, built_site, tmp_path_factory):
    """Every edition's handbook, printed once for the session from the built site."""
    written, stopped = handbook.make_handbooks(browser, built_site, SITE, tmp_path_factory.mktemp("dist"))
    return {path.stem.removeprefix("keep-your-cool-"): PdfReader(path) for path in written}, stopped


def words(text: str) -> str:
    return " ".join(text.split())


def pages_text(pdf: PdfReader) -> list[str]:
    return [words(page.extract_text() or "") for page in pdf.pages]


def built_article(site, edition: dict, address: str) -> str:
    """A built page's article: what its Markdown wrote (the scripts' controls are not in it yet)."""
    text = (site / edition["prefix"] / address / "index.html").read_text(encoding="utf-8")
    article = text.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return re.sub(r'<button [^>]*class="[^"]*kyc-print-control.*?</button>', "", article, flags=re.S)


def built_headings(site, edition: dict, address: str) -> list[tuple[int, str]]:
    """The h1 and h2 headings of a built page, as the reader sees them."""
    article = built_article(site, edition, address)
    return [(int(level), words(html.unescape(re.sub(r"<[^>]+>", "", heading)))) for level, heading in HEADING.findall(article)]


def link_annotations(pdf: PdfReader, page_number: int) -> list[dict]:
    annotations = pdf.pages[page_number].get("/Annots") or []
    return [a.get_object() for a in annotations if a.get_object().get("/Subtype") == "/Link"]


def test_one_handbook_per_language_and_nothing_fetched_elsewhere(handbooks):
    pdfs, stopped = handbooks
    assert sorted(pdfs) == sorted(EDITIONS)
    assert stopped == [], f"requests left the site while printing: {stopped}"


@pytest.mark.parametrize("locale", EDITIONS)
def test_cover_and_footers_name_the_edition_in_the_readers_language(handbooks, locale):
    pdf, book = handbooks[0][locale], EDITIONS[locale]
    texts = pages_text(pdf)
    assert len(texts) > 15
    cover = texts[0]
    assert cover.startswith(words(book["title"]))
    assert words(book["words"]["handbook_subtitle"]) in cover
    edition_line = words(book["words"]["print_edition"].format(**edition()))
    for number, text in enumerate(texts, start=1):
        page = book["words"]["handbook_page"].format(page=number, pages=len(texts))
        footer = f"{words(book['title'])} · {edition_line} · {words(page)}"
        assert text.endswith(footer), f"page {number}: no footer {footer!r}"
        if number == 1:
            assert edition_line in text.removesuffix(footer), "the cover does not name the edition"


@pytest.mark.parametrize("locale", EDITIONS)
def test_no_control_and_no_download_box(handbooks, built_site, locale):
    everything = " ".join(pages_text(handbooks[0][locale]))
    own = EDITIONS[locale]["words"]
    # the pages' own words may name a control ("use the Print the cards button"): only those are printed
    written = " ".join(
        words(html.unescape(re.sub(r"<[^>]+>", " ", built_article(built_site, EDITIONS[locale], address)))) for address in GUIDE
    )
    for key in ("print_page", "print_cards", "print_scenario", "downloads_title"):
        label = words(own[key])
        assert everything.count(label) == written.count(label), f"{label!r}: a control printed in the handbook"


@pytest.mark.parametrize("locale", EDITIONS)
def test_quizzes_print_with_their_answers(handbooks, built_site, locale):
    everything = " ".join(pages_text(handbooks[0][locale]))
    answers = 0
    for address in GUIDE:
        text = (built_site / EDITIONS[locale]["prefix"] / address / "index.html").read_text(encoding="utf-8")
        for answer in re.findall(r"<details class=\"question\">\s*<summary>.*?</summary>\s*<p>(.*?)</p>", text, re.S):
            answer = words(html.unescape(re.sub(r"<[^>]+>", "", answer)))
            assert answer[:50] in everything, f"{address}: answer {answer[:50]!r} not printed"
            answers += 1
    assert answers >= 9


@pytest.mark.parametrize("locale", EDITIONS)
def test_no_page_of_a_few_stray_lines(handbooks, locale):
    """A page that continues a chapter holds more than a few lines: no example's last list alone on a page."""
    pdf = handbooks[0][locale]
    starts = set(handbook.chapter_pages(pdf, [{"key": handbook.chapter_key(address)} for address in GUIDE]).values())
    for number, page in enumerate(pdf.pages[2:], start=3):
        lines = [line for line in (page.extract_text() or "").splitlines() if line.strip()][:-1]  # less the footer
        if number not in starts:
            assert len(lines) >= 12, f"page {number} holds only {len(lines)} lines: {lines}"


@pytest.mark.parametrize("locale", EDITIONS)
def test_contents_lead_to_every_page_in_reading_order(handbooks, built_site, locale):
    pdf, edition = handbooks[0][locale], EDITIONS[locale]
    texts = pages_text(pdf)
    contents = texts[1]
    assert contents.startswith(words(edition["words"]["handbook_contents"]))
    targets = {name.removeprefix("/"): dest for name, dest in pdf.named_destinations.items()}
    links = [a["/Dest"].removeprefix("/") for a in link_annotations(pdf, 1)]
    titles = [built_headings(built_site, edition, address)[0][1] for address in GUIDE]
    assert len(links) == len(titles), "one entry in the contents per page of the guide"
    starts = []
    for key, title in zip(links, titles):
        start = pdf.get_destination_page_number(targets[key])
        page = texts[start]
        # an out-of-date or untranslated page opens with its notice, as on the site
        notices = [words(edition["words"][key]).split("{")[0] for key in ("outdated_body", "missing_body")]
        opens_with_notice = any(page.startswith(notice) for notice in notices) and title in page
        assert page.startswith(title) or opens_with_notice, f"the contents' {title!r} leads to page {start + 1}"
        assert f"{title} {start + 1}" in contents, f"no page number {start + 1} beside {title!r}"
        starts.append(start)
    assert starts == sorted(starts), "the pages follow the guide's reading order"


@pytest.mark.parametrize("locale", EDITIONS)
def test_headings_of_its_own_language_and_bookmarks(handbooks, built_site, locale):
    pdf, edition = handbooks[0][locale], EDITIONS[locale]
    everything = " ".join(pages_text(pdf))
    bookmarks = [words(item.title) for item in pdf.outline if not isinstance(item, list)]
    for address in GUIDE:
        headings = built_headings(built_site, edition, address)
        assert all(heading in everything for _, heading in headings), address
        assert headings[0][1] in bookmarks, f"no bookmark for {headings[0][1]!r}"
    assert bookmarks[0] == words(edition["words"]["handbook_contents"])


@pytest.mark.parametrize("locale", EDITIONS)
def test_links_between_pages_work_inside_the_pdf(handbooks, locale):
    pdf = handbooks[0][locale]
    targets = {name.removeprefix("/") for name in pdf.named_destinations}
    guide = [SITE.site_url + EDITIONS[locale]["prefix"] + address for address in GUIDE]
    inside = 0
    for number in range(len(pdf.pages)):
        for annotation in link_annotations(pdf, number):
            if "/Dest" in annotation:
                assert annotation["/Dest"].removeprefix("/") in targets
                inside += 1
            else:
                uri = annotation["/A"]["/URI"].split("#")[0]
                assert uri not in guide, f"page {number + 1} links to {uri} online, not inside the handbook"
    assert inside > 100


@pytest.mark.parametrize("locale", EDITIONS)
def test_all_fonts_embedded(handbooks, locale):
    fonts = {}
    for page in handbooks[0][locale].pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
