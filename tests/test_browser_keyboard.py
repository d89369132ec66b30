"""Every control works from the keyboard in Chromium, and shows where the focus is.

Tab reaches the controls in order, each one looks different while it has the focus, and
Enter or Space does what a click does: skip to the content, open a quiz answer, switch
language or palette, search, open the navigation on a phone.
"""

from __future__ import annotations

import pytest

from browser_pages import VIEWPORTS, current_scheme
from conftest import LOCALES, SITE

pytestmark = pytest.mark.browser

GUIDE = "four-step-method.md"
ACTIVE_IS = "element => element === document.activeElement"
# The controls a reader tabs through on the guide, at each width: (what, selector of the focused element).
CONTROLS = {
    "desktop": [
        ("skip link", ".md-skip"),
        ("palette toggle", "form[data-md-component=palette] input"),
        ("language switcher", ".md-select > button"),
        ("a language", ".md-select__link"),
        ("search box", ".md-search__input"),
        ("navigation link", ".md-sidebar--primary .md-nav__link"),
        ("table of contents link", ".md-sidebar--secondary .md-nav__link"),
        ("copy-link control", ".md-content .headerlink"),
        ("quiz question", "#check-yourself ~ details > summary"),
        ("next page link", ".md-footer__link"),
    ],
    "phone": [
        ("skip link", ".md-skip"),
        ("menu button", ".md-header .kyc-menu-button"),
        ("palette toggle", "form[data-md-component=palette] input"),
        ("language switcher", ".md-select > button"),
        ("search box", ".md-search__input"),
        ("copy-link control", ".md-content .headerlink"),
        ("quiz question", "#check-yourself ~ details > summary"),
        ("next page link", ".md-footer__link"),
    ],
}


def active(page):
    return page.evaluate_handle("document.activeElement").as_element()


def tab_to(page, selector: str, limit: int = 400):
    """Press Tab until an element matching selector has the focus; return it (fail if Tab never gets there)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = active(page)
        if focused.evaluate("(element, selector) => element.matches(selector)", selector):
            return focused
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def focus_order(page, limit: int = 400):
    """Tab once through the whole page, yielding each element that gets the focus."""
    page.keyboard.press("Tab")
    first = active(page)
    yield first
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = active(page)
        if focused.evaluate("(element, first) => element === document.body || element === first", first):
            return
        yield focused
    raise AssertionError(f"{limit} presses of Tab never came back to the start")


def shown_by(element):
    """What shows an element's focus: a palette toggle's radio button is hidden, its label shows it."""
    if element.evaluate("element => element.matches('form[data-md-component=palette] input')"):
        return element.evaluate_handle("input => input.nextElementSibling").as_element()
    return element


def settle(page) -> None:
    """Wait until no CSS transition or animation is running (asking for them starts any that are due)."""
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")


def in_view(page, element) -> bool:
    box = element.bounding_box()
    size = page.viewport_size
    return (
        bool(box)
        and box["width"] > 0
        and box["height"] > 0
        and box["x"] < size["width"]
        and box["y"] < size["height"]
        and box["x"] + box["width"] > 0
        and box["y"] + box["height"] > 0
    )


def look(page, element) -> bytes:
    """A picture of the element and a few pixels around it (where a focus ring may be drawn)."""
    box, size, pad = element.bounding_box(), page.viewport_size, 4
    x, y = max(box["x"] - pad, 0), max(box["y"] - pad, 0)
    clip = {
        "x": x,
        "y": y,
        "width": min(box["x"] + box["width"] + pad, size["width"]) - x,
        "height": min(box["y"] + box["height"] + pad, size["height"]) - y,
    }
    return page.screenshot(clip=clip, animations="disabled")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_tab_reaches_every_control_and_shows_the_focus(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + SITE.url(SITE.default.locale, GUIDE))
    for what, selector in CONTROLS[viewport]:
        element = tab_to(page, selector)
        shown = shown_by(element)
        settle(page)  # Material's transitions (search box, language list)
        assert in_view(page, shown), f"{viewport}: the focused {what} is out of sight"
        focused_look = look(page, shown)
        if what == "search box":
            page.keyboard.press("Escape")  # Material keeps the search open once the box loses the focus
        else:
            page.evaluate("document.activeElement.blur()")
        assert look(page, shown) != focused_look, f"{viewport}: the {what} shows no focus"
        element.focus()  # and go on tabbing from it


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_nothing_out_of_sight_takes_the_focus(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + SITE.url(SITE.default.locale, GUIDE))
    hidden = []
    for focused in focus_order(page):
        if not in_view(page, shown_by(focused)):
            settle(page)  # a control that slides in (the phone's search box) gets there
            if not in_view(page, shown_by(focused)):
                hidden.append(focused.evaluate("element => element.outerHTML.slice(0, 150)"))
    assert hidden == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_skip_link_moves_the_keyboard_to_the_content(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + "three-rs/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate(ACTIVE_IS) and skip.is_visible()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.url.endswith(target)
    heading = page.locator(target)
    assert heading.evaluate("h => h.closest('.md-content') !== null")
    assert abs(heading.bounding_box()["y"]) < VIEWPORTS[viewport]["height"] / 2  # scrolled to the content
    page.keyboard.press("Tab")  # the next Tab goes on from the content, not from the header
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")


@pytest.mark.parametrize("locale", LOCALES)
def test_quiz_answer_opens_and_closes_with_the_keyboard(page, site_url, locale):
    page.goto(site_url + SITE.url(locale, GUIDE))
    quiz = page.locator("#check-yourself ~ details").first
    answer = quiz.locator("> :not(summary)").first
    assert not answer.is_visible()
    tab_to(page, "#check-yourself ~ details > summary")
    assert quiz.locator("summary").evaluate(ACTIVE_IS)
    page.keyboard.press("Enter")
    assert quiz.evaluate("d => d.open") and answer.is_visible() and answer.inner_text().strip()
    page.keyboard.press("Space")
    assert not quiz.evaluate("d => d.open") and not answer.is_visible()


@pytest.mark.parametrize("guide", ["four-step-method.md", "three-rs.md", "listening.md", "expert-tactics.md"])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_quiz_answer_is_reached_and_opened_by_keyboard(page, site_url, locale, guide):
    page.goto(site_url + SITE.url(locale, guide))
    quizzes = page.locator("#check-yourself ~ details")
    assert quizzes.count() >= 3
    opened = 0
    for element in focus_order(page):
        if element.evaluate("e => e.matches('#check-yourself ~ details > summary')"):
            page.keyboard.press("Enter")
            assert element.evaluate("summary => summary.parentElement.open")
            opened += 1
    assert opened == quizzes.count()
    assert all(answer.is_visible() for answer in quizzes.locator("> :not(summary)").all())


def test_language_switcher_works_from_the_keyboard(page, site_url):
    page.goto(site_url + SITE.url(SITE.default.locale, GUIDE))
    tab_to(page, ".md-select > button")
    french = page.locator(".md-select__link[hreflang=fr]")
    tab_to(page, ".md-select__link[hreflang=fr]")
    assert french.is_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + SITE.url("fr", GUIDE)


def test_palette_toggle_works_from_the_keyboard(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + SITE.url(SITE.default.locale, GUIDE))
    assert current_scheme(page) == "default"
    tab_to(page, "form[data-md-component=palette] input")
    page.keyboard.press("Enter")
    assert current_scheme(page) == "slate"
    page.keyboard.press("Enter")
    assert current_scheme(page) == "default"


def test_search_works_from_the_keyboard(page, site_url):
    page.goto(site_url + SITE.url(SITE.default.locale, GUIDE))
    tab_to(page, ".md-search__input")
    page.keyboard.type("apolog", delay=40)
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for()
    page.keyboard.press("ArrowDown")
    assert first.evaluate(ACTIVE_IS)
    href = first.evaluate("a => a.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href


def test_phone_menu_opens_and_closes_from_the_keyboard(page, site_url):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + SITE.url(SITE.default.locale, GUIDE))
    menu = tab_to(page, ".md-header .kyc-menu-button")
    assert menu.get_attribute("aria-label") and menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    link = tab_to(page, ".md-sidebar--primary .md-nav__link[href]")
    settle(page)  # the drawer slides in
    assert in_view(page, link)
    # the page under the open menu is out of the keyboard's way
    assert page.locator(".md-content").evaluate("content => content.inert")
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.activeElement.closest('.md-content, .md-footer') !== null")
    page.keyboard.press("Escape")
    assert not page.locator(".md-content").evaluate("content => content.inert")
    assert menu.get_attribute("aria-expanded") == "false" and menu.evaluate(ACTIVE_IS)
