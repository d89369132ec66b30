"""Printing in Chromium: the quick reference is a one- or two-page card, each example a handout."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, language_prefix

pytestmark = pytest.mark.browser

EXAMPLES = sorted(p.stem for p in (ROOT / "docs/en/examples").glob("*.md") if p.stem != "index")


def printed(page, url: str, paper: str) -> PdfReader:
    page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))


def text_of(pdf: PdfReader) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("locale", [lang["locale"] for lang in LANGUAGES])
def test_quick_reference_prints_as_a_card(page, site_url, locale, paper):
    pdf = printed(page, site_url + language_prefix(locale) + "quick-reference/", paper)
    assert 1 <= len(pdf.pages) <= 2
    text = text_of(pdf)
    heading = " ".join(page.locator("h2#asap-card").inner_text().replace("¶", "").split())
    assert heading in text
    # no site chrome on paper: search box, navigation and footer are not printed
    assert page.locator(".md-search__input").get_attribute("placeholder") not in text


@pytest.mark.parametrize("locale", [lang["locale"] for lang in LANGUAGES])
@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_prints_as_a_handout(page, site_url, locale, example):
    pdf = printed(page, site_url + language_prefix(locale) + f"examples/{example}/", "A4")
    assert 1 <= len(pdf.pages) <= 2
    title = " ".join(page.locator("h1").inner_text().replace("¶", "").split())
    assert title in text_of(pdf)
