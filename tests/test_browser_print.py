"""Printing in Chromium, read back from the PDF: each worked example is a one-page handout, the quick
reference one sheet (front and back), every printed page names where it comes from (guide, page,
published address, edition) and a handout's QR code decodes to its own address; quizzes print their
answers; the role-play deck prints one card per role, four to six to a sheet with cut lines; the
print controls work on a phone."""

from __future__ import annotations

import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from browser_pages import VIEWPORTS
from conftest import FIXTURES, LOCALES, ROOT, SITE, built_fixture
from keep_your_cool.commands.handbook import reading_order
from keep_your_cool.commands.static_host import route_handler
from keep_your_cool.features.handouts import edition
from keep_your_cool.model.site import load
from keep_your_cool.model.words import ui_words

pytestmark = pytest.mark.browser

PAPERS = ["A4", "Letter"]
# The worked examples, in the guide's reading order: the pages of the section whose index is the examples' list.
GUIDE = [SITE.url(SITE.default.locale, page) for page in reading_order(SITE)]
EXAMPLES_INDEX = "examples/"
EXAMPLES = [page for page in GUIDE if page.startswith(EXAMPLES_INDEX) and page != EXAMPLES_INDEX]
# Quick reference: the phrases on the front, the ASAP and three R's cards on the back.
QUICK_REFERENCE_PAGES = 2
ROLES = ["customer", "staff", "observer"]
CARDS_PER_SHEET = range(4, 7)  # four to six cards on every sheet of a whole deck
QR_RESOLUTION = 300  # dots per inch, as a phone's camera sees a printed sheet


class Printed:
    """A printed PDF: its pages' text and the QR codes on each page."""

    def __init__(self, data: bytes):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.pages = self.reader.pages

    def texts(self) -> list[str]:
        return [words(p.extract_text() or "") for p in self.pages]

    def qr_codes(self, number: int) -> list[str]:
        """What each QR code on a page (from 0) decodes to."""
        bitmap = pypdfium2.PdfDocument(self.data)[number].render(scale=QR_RESOLUTION / 72)
        return [code.text for code in zxingcpp.read_barcodes(bitmap.to_pil(), formats=zxingcpp.BarcodeFormat.QRCode)]


def printed(page, url: str, paper: str) -> Printed:
    if url:
        page.goto(url)
    page.emulate_media(media="print")
    return Printed(page.pdf(format=paper))


def words(text: str) -> str:
    return " ".join(text.replace("¶", "").split())


def text_sizes(pdf: PdfReader) -> list[tuple[float, str]]:
    """The size on paper, in points, of each run of text (its font size times the page's scale)."""
    sizes = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            sizes.append((size * abs(tm[3] * cm[3]), text.strip()))

    for pdf_page in pdf.pages:
        pdf_page.extract_text(visitor_text=visit)
    return sizes


def smallest_size_of(pdf: PdfReader, phrases: list[str]) -> float:
    runs = text_sizes(pdf)
    found = [size for size, text in runs if any(text in phrase or phrase in text for phrase in phrases)]
    assert found, f"none of {phrases[:2]}... found in the PDF"
    return min(found)


def inner_texts(page, selector: str) -> list[str]:
    return [words(t) for t in page.locator(selector).all_inner_texts()]


def address(locale: str, source: str) -> str:
    return SITE.site_url + SITE.url(locale, source)


def footer(page, locale: str, source: str) -> str:
    """What every printed page's footer says: guide name in the page's language, title, published address, edition."""
    edition_line = ui_words(ROOT, locale, SITE.default.locale)["print_edition"].format(**edition())
    title = inner_texts(page, "h1")[0]
    return words(f"{SITE.language(locale).site_name} · {title} {address(locale, source)} · {edition_line}")


def body(page, pdf: Printed, locale: str, source: str) -> list[str]:
    """Each printed page's text without its footer."""
    return [text.replace(footer(page, locale, source), "").strip() for text in pdf.texts()]


def assert_says_where_it_comes_from(page, pdf: Printed, locale: str, source: str, qr: bool) -> None:
    """Every printed page carries the footer; on a handout, also a QR code of its address."""
    for number, text in enumerate(pdf.texts()):
        assert footer(page, locale, source) in text, f"{source} ({locale}) page {number + 1}: no footer"
        codes = pdf.qr_codes(number)
        assert codes == ([address(locale, source)] if qr else []), f"{source} ({locale}) page {number + 1}: QR {codes}"


def test_the_examples_are_found_in_the_nav():
    assert len(EXAMPLES) >= 5 and all(not e.endswith("index/") for e in EXAMPLES)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_prints_on_one_page_with_its_footer_and_qr_code(page, site_url, locale, paper, example):
    pdf = printed(page, site_url + SITE.language(locale).prefix + example, paper)
    assert len(pdf.pages) == 1, f"{locale} {example} on {paper}: {len(pdf.pages)} pages"
    source = SITE.page_at(SITE.language(locale).prefix + example)[1]
    text = body(page, pdf, locale, source)[0]
    assert text.startswith(inner_texts(page, "h1")[0]), "something is printed above the title"
    assert inner_texts(page, "#guide-sections")[0] in text
    # the phrases to say, at 11pt or more (within the PDF's rounding)
    phrases = inner_texts(page, ".admonition.success p:not(.admonition-title)")
    assert smallest_size_of(pdf.reader, phrases) >= 10.95
    # no site chrome on paper: search box, navigation and footer are not printed, nor the print control
    assert page.locator(".md-search__input").get_attribute("placeholder") not in text
    assert ui_words(ROOT, locale, SITE.default.locale)["print_page"] not in text
    assert_says_where_it_comes_from(page, pdf, locale, source, qr=True)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
def test_quick_reference_prints_front_and_back(page, site_url, locale, paper):
    pdf = printed(page, site_url + SITE.url(locale, "quick-reference.md"), paper)
    assert len(pdf.pages) == QUICK_REFERENCE_PAGES
    front, back = body(page, pdf, locale, "quick-reference.md")
    title = inner_texts(page, "h1")[0]
    assert front.startswith(title), "something is printed above the title"
    assert ui_words(ROOT, locale, SITE.default.locale)["print_page"] not in front, "the print control is printed"
    # every card stays whole, with its heading: the phrases in front, the two cards behind
    for section in ("say-this", "avoid-this"):
        heading = inner_texts(page, f"h2#{section}")[0]
        assert heading in front
        # the box under the heading does not repeat it on paper
        assert front.count(heading) == 1, f"{heading!r} printed twice"
        assert all(item in front for item in inner_texts(page, f"#{section} + .admonition li"))
    for section in ("asap-card", "three-rs-card"):
        assert inner_texts(page, f"h2#{section}")[0] in back
        # each row's last cell begins on the back (a cell's wrapped lines interleave in the PDF's text)
        assert all(" ".join(cell.split()[:3]) in back for cell in inner_texts(page, f"#{section} ~ * tr td:last-child"))
    phrases = inner_texts(page, "#say-this + .admonition li")
    assert smallest_size_of(pdf.reader, phrases) >= 9.95
    assert_says_where_it_comes_from(page, pdf, locale, "quick-reference.md", qr=True)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_page_that_is_not_a_handout_prints_its_footer_without_a_qr_code(page, site_url, locale):
    pdf = printed(page, site_url + SITE.url(locale, "sources.md"), "A4")
    assert_says_where_it_comes_from(page, pdf, locale, "sources.md", qr=False)


@pytest.mark.parametrize("locale", LOCALES)
def test_quizzes_print_with_their_answers(page, site_url, locale):
    page.goto(site_url + SITE.url(locale, "four-step-method.md"))
    quizzes = page.locator("details")
    assert quizzes.count() >= 3
    assert page.locator("details[open]").count() == 0, "on screen, the answers stay folded"
    answers = [words(a) for a in page.locator("details > p").all_text_contents()]
    # shown by the print styles themselves, with or without a script opening them before printing
    page.emulate_media(media="print")
    assert all(answer.is_visible() for answer in page.locator("details > p").all())
    everything = " ".join(printed(page, "", "A4").texts())
    for answer in answers:
        assert answer[:60] in everything, f"answer not printed: {answer[:60]!r}"


def deck_cards(page) -> list[dict]:
    """The deck's cards as built for printing: scenario, role, text, and the sheet each is on."""
    return page.evaluate("""() => [...document.querySelectorAll('.kyc-deck__sheet')].flatMap((sheet, n) =>
        [...sheet.querySelectorAll('.kyc-deck__card')].map(card => ({
            sheet: n,
            role: [...card.classList].find(c => c.startsWith('kyc-deck__card--')).split('--')[1],
            scenario: card.querySelector('.kyc-deck__scenario').textContent,
            title: card.querySelector('.kyc-deck__role').textContent,
            text: card.innerText,
            links: card.querySelectorAll('a, button').length,
            edges: getComputedStyle(card).borderRightStyle + ' ' + getComputedStyle(card).borderBottomStyle,
            overflows: card.scrollHeight > card.clientHeight + 1,
        })))""")


def briefs(page) -> dict[tuple[str, str], str]:
    """Each scenario's brief for each role, as the trainers' page shows it: (scenario, role) -> text."""
    found = {}
    for card in page.locator(".kyc-card").all():
        scenario = words(card.locator("h3").inner_text())
        for role in ROLES:
            found[scenario, role] = words(card.locator(f".admonition.{role} > :not(.admonition-title)").first.inner_text())
    return found


def print_cards(page, site_url, locale, button: str) -> None:
    page.goto(site_url + SITE.url(locale, "trainers.md"))
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    control = page.locator(button)
    assert words(control.inner_text()) != "" and control.is_visible()
    control.click()
    page.wait_for_function("window.printed === 1")  # once the cards' QR codes are drawn


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
def test_print_the_cards_prints_one_card_per_role_four_to_six_a_sheet(page, site_url, locale, paper):
    shown = {}
    page.goto(site_url + SITE.url(locale, "trainers.md"))
    shown = briefs(page)
    assert len(shown) >= 3 * 8
    print_cards(page, site_url, locale, ".kyc-print-cards-button")
    page.emulate_media(media="print")
    cards = deck_cards(page)
    # one card per role of every scenario, each naming its scenario and role, with its own brief only
    assert sorted((words(c["scenario"]), c["role"]) for c in cards) == sorted(shown)
    for card in cards:
        own = (words(card["scenario"]), card["role"])
        text = words(card["text"])
        # the role's title is set in capitals on paper
        assert words(card["title"]).casefold() in text.casefold() and shown[own][:80] in text
        others = [brief for (scenario, role), brief in shown.items() if scenario == own[0] and role != own[1]]
        assert not any(brief[:40] in text for brief in others), f"{own}: another role's brief on the card"
        assert card["links"] == 0, f"{own}: a link or button on a printed card"
        assert card["edges"] == "dashed dashed", f"{own}: no cut line"
        assert not card["overflows"], f"{own}: the brief does not fit its card"
    pdf = printed(page, "", paper)
    sheets = sorted({c["sheet"] for c in cards})
    assert len(pdf.pages) == len(sheets)
    texts = pdf.texts()
    for sheet in sheets:
        on_sheet = [c for c in cards if c["sheet"] == sheet]
        assert len(on_sheet) in CARDS_PER_SHEET, f"sheet {sheet + 1}: {len(on_sheet)} cards"
        for card in on_sheet:
            brief = shown[words(card["scenario"]), card["role"]]
            found = words(card["title"]).casefold() in texts[sheet].casefold() and brief[:40] in texts[sheet]
            assert found, f"{card['scenario']}, {card['role']}: not on its sheet"
        # a QR code on every card, and one in the page's footer: all lead back to the trainers' page
        assert pdf.qr_codes(sheet) == [address(locale, "trainers.md")] * (len(on_sheet) + 1)
    # the cards alone: nothing else of the page
    everything = " ".join(texts)
    assert inner_texts(page, "h1")[0] not in everything.split("·")[0]
    assert inner_texts(page, "h2#sixty-minute-session")[0] not in everything
    # once printed, the page is as it was and prints whole again
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(".kyc-deck").count() == 0
    assert not page.evaluate("document.documentElement.classList.contains('kyc-print-cards')")


@pytest.mark.parametrize("locale", LOCALES)
def test_print_one_scenarios_cards(page, site_url, locale):
    page.goto(site_url + SITE.url(locale, "trainers.md"))
    scenario = words(page.locator(".kyc-card h3").nth(1).inner_text())
    print_cards(page, site_url, locale, ".kyc-card >> nth=1 >> .kyc-print-control")
    cards = deck_cards(page)
    assert [(words(c["scenario"]), c["role"]) for c in cards] == [(scenario, role) for role in ROLES]
    pdf = printed(page, "", "Letter")
    assert len(pdf.pages) == 1 and len(pdf.qr_codes(0)) == len(ROLES) + 1


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
def test_trainers_page_never_splits_a_scenario(page, site_url, locale, paper):
    """Printed whole (Ctrl+P), the trainers' page keeps each scenario's box on one page."""
    pdf = printed(page, site_url + SITE.url(locale, "trainers.md"), paper)
    texts = pdf.texts()
    scenarios = page.locator(".kyc-card")
    assert scenarios.count() >= 8
    for card in scenarios.all():
        first = words(card.locator(".admonition.customer > p:not(.admonition-title)").first.inner_text())
        last = words(card.locator(".admonition.observer li").last.inner_text())
        pages = {n for n, text in enumerate(texts) for line in (first, last) if line in text}
        assert len(pages) == 1, f"{card.locator('h3').inner_text()!r} is split across pages {sorted(pages)}"


@pytest.mark.parametrize("source", ["examples/defective-product.md", "quick-reference.md"])
@pytest.mark.parametrize("locale", LOCALES)
def test_a_handout_has_a_print_control_that_works_on_a_phone(page, site_url, locale, source):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + SITE.url(locale, source))
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    control = page.locator(".kyc-print-page")
    assert words(control.inner_text()) == ui_words(ROOT, locale, SITE.default.locale)["print_page"]
    assert control.is_visible()
    control.click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert control.is_hidden(), "the control itself is not printed"


def test_a_page_that_is_not_a_handout_has_no_print_control(page, site_url):
    page.goto(site_url + SITE.url(SITE.default.locale, "three-rs.md"))
    assert page.locator(".kyc-print-page").count() == 0


@pytest.fixture(scope="module")
def partial_language(tmp_path_factory):
    """A built site whose French lacks a page: that page shows English under the real notice."""
    return built_fixture("partial-language", tmp_path_factory)


def test_a_translation_notice_stays_off_paper(browser, partial_language):
    """A handout of a page still in English (a language just added) or out of date is one sheet
    as the page itself is: the notice above it (overrides/partials/translation-notice.html) shows on screen only."""
    address = load(FIXTURES / "partial-language" / "mkdocs.yml").site_url
    context = browser.new_context()
    context.route(address + "**", route_handler(partial_language, address))
    page = context.new_page()
    page.goto(address + "fr/guide/")
    notice = page.locator(".translation-notice")
    assert notice.is_visible() and "pas encore traduite" in notice.inner_text()
    page.emulate_media(media="print")
    assert notice.is_hidden()
    context.close()
