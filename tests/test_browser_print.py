"""Printing in Chromium: each worked example is a one-page handout, the quick reference one sheet
(front and back), the role-play cards never split and print alone to cut out."""

from __future__ import annotations

import io
import math
import sys

import pytest
from pypdf import PdfReader

from conftest import LOCALES, ROOT, SITE

sys.path.insert(0, str(ROOT / "scripts"))
from handbook import reading_order  # noqa: E402

pytestmark = pytest.mark.browser

PAPERS = ["A4", "Letter"]
# The worked examples, in the guide's reading order: the pages of the section whose index is the examples' list.
GUIDE = [SITE.url(SITE.default.locale, page) for page in reading_order(SITE)]
EXAMPLES_INDEX = "examples/"
EXAMPLES = [page for page in GUIDE if page.startswith(EXAMPLES_INDEX) and page != EXAMPLES_INDEX]
# Quick reference: the phrases on the front, the ASAP and three R's cards on the back.
QUICK_REFERENCE_PAGES = 2
CARDS_PER_PAGE = 2


def printed(page, url: str, paper: str) -> PdfReader:
    if url:
        page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format=paper)))


def words(text: str) -> str:
    return " ".join(text.replace("¶", "").split())


def page_texts(pdf: PdfReader) -> list[str]:
    return [words(p.extract_text() or "") for p in pdf.pages]


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


def test_the_examples_are_found_in_the_nav():
    assert len(EXAMPLES) >= 5 and all(not e.endswith("index/") for e in EXAMPLES)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_prints_on_one_page(page, site_url, locale, paper, example):
    pdf = printed(page, site_url + SITE.language(locale).prefix + example, paper)
    assert len(pdf.pages) == 1, f"{locale} {example} on {paper}: {len(pdf.pages)} pages"
    text = page_texts(pdf)[0]
    assert inner_texts(page, "h1")[0] in text
    assert inner_texts(page, "#guide-sections")[0] in text
    # the phrases to say, at 11pt or more (within the PDF's rounding)
    phrases = inner_texts(page, ".admonition.success p:not(.admonition-title)")
    assert smallest_size_of(pdf, phrases) >= 10.95
    # no site chrome on paper: search box, navigation and footer are not printed
    assert page.locator(".md-search__input").get_attribute("placeholder") not in text


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
def test_quick_reference_prints_front_and_back(page, site_url, locale, paper):
    pdf = printed(page, site_url + SITE.url(locale, "quick-reference.md"), paper)
    assert len(pdf.pages) == QUICK_REFERENCE_PAGES
    front, back = page_texts(pdf)
    title = inner_texts(page, "h1")[0]
    assert front.startswith(title), "something is printed above the title"
    # every card stays whole, with its heading: the phrases in front, the two cards behind
    for section in ("say-this", "avoid-this"):
        assert inner_texts(page, f"h2#{section}")[0] in front
        assert all(item in front for item in inner_texts(page, f"#{section} + .admonition li"))
    for section in ("asap-card", "three-rs-card"):
        assert inner_texts(page, f"h2#{section}")[0] in back
        # each row's last cell begins on the back (a cell's wrapped lines interleave in the PDF's text)
        assert all(" ".join(cell.split()[:3]) in back for cell in inner_texts(page, f"#{section} ~ * tr td:last-child"))
    phrases = inner_texts(page, "#say-this + .admonition li")
    assert smallest_size_of(pdf, phrases) >= 9.95


def cards_on_pages(page, pdf: PdfReader) -> dict[str, set[int]]:
    """Each role-play card's title, and the PDF pages its first brief and last line print on
    (the titles alone are not enough: the session plans name the examples too)."""
    texts = page_texts(pdf)
    cards = page.locator(".kyc-card")
    found = {}
    for i in range(cards.count()):
        card = cards.nth(i)
        first = words(card.locator("p").first.inner_text())
        last = words(card.locator("li").last.inner_text())
        found[words(card.locator("h3").inner_text())] = {
            n for n, text in enumerate(texts) for line in (first, last) if line in text
        }
    return found


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
def test_trainers_page_never_splits_a_role_play_card(page, site_url, locale, paper):
    pdf = printed(page, site_url + SITE.url(locale, "trainers.md"), paper)
    cards = cards_on_pages(page, pdf)
    assert len(cards) == page.locator("#role-play-cards ~ .kyc-cards h3").count() >= 5
    for title, pages in cards.items():
        assert len(pages) == 1, f"{title!r} is split across pages {sorted(pages)}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("locale", LOCALES)
def test_print_the_cards_prints_them_alone_to_cut_out(page, site_url, locale, paper):
    page.goto(site_url + SITE.url(locale, "trainers.md"))
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    button = page.locator(".kyc-print-cards-button")
    assert words(button.inner_text()) != "" and button.is_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    assert page.evaluate("document.documentElement.classList.contains('kyc-print-cards')")
    pdf = printed(page, "", paper)
    cards = cards_on_pages(page, pdf)
    assert len(pdf.pages) == math.ceil(len(cards) / CARDS_PER_PAGE)
    for n, (title, pages) in enumerate(cards.items()):
        assert pages == {n // CARDS_PER_PAGE}, f"{title!r} prints on pages {sorted(pages)}"
    # the cards alone: nothing else of the page
    everything = " ".join(page_texts(pdf))
    assert inner_texts(page, "h1")[0] not in everything
    assert inner_texts(page, "h2#sixty-minute-session")[0] not in everything
    # once printed, the page prints whole again
    assert not page.evaluate("document.documentElement.classList.contains('kyc-print-cards')")


def test_a_translation_notice_stays_off_paper(page, site_url):
    """A handout of a page still in English (a language just added) or out of date is one sheet
    as the page itself is: the notice above it shows on screen only."""
    page.goto(site_url + SITE.url("fr", "examples/start-date.md"))
    page.locator("article").evaluate(
        """article => article.insertAdjacentHTML('afterbegin',
            '<div class="admonition info translation-notice"><p class="admonition-title">Pas encore traduite</p></div>')"""
    )
    assert page.locator(".translation-notice").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".translation-notice").is_hidden()
