"""The phrases staff are to say are easy to read: the "Say this" and "Avoid this" boxes and the
quiz answers are set at least at the size of the page's body text, on a desktop and a phone."""

from __future__ import annotations

import pytest

from browser_pages import VIEWPORTS
from conftest import LOCALES, SITE

pytestmark = pytest.mark.browser

# A guide and a worked example: both have "Say this" and "Avoid this" boxes and quiz answers.
PAGES = ["four-step-method.md", "examples/abusive-caller.md"]
BOX_TEXT = ".md-typeset :is(.admonition, details) :is(p, li, summary, .admonition-title)"
BODY_TEXT = ".md-typeset > p, .md-typeset > [lang] > p"  # [lang]: a page shown in English until translated


def font_sizes(page, selector: str) -> list[float]:
    return page.locator(selector).evaluate_all("els => els.map(el => parseFloat(getComputedStyle(el).fontSize))")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("locale", LOCALES)
def test_say_this_phrases_are_at_least_body_size(page, site_url, locale, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    for path in PAGES:
        page.goto(site_url + SITE.url(locale, path))
        for kind in ("success", "failure"):
            assert page.locator(f".md-typeset .admonition.{kind} p").count(), f"{path}: no {kind} box"
        body = font_sizes(page, BODY_TEXT)
        assert body, f"{path}: no body paragraph"
        smaller = [size for size in font_sizes(page, BOX_TEXT) if size < max(body)]
        assert smaller == [], f"{path}: box text of {sorted(set(smaller))} px beside {max(body)} px body text"
