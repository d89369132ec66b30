"""axe-core finds no WCAG 2.x A or AA problem on any page, in any language, on a desktop or a
phone, in the light or the dark palette. (`make screenshots` shows each kind of page to a person.)

Every page is checked in one combination (the default language, desktop, light palette) and
every kind of page in every other combination: the pages of a kind share their markup and
styles, so a problem of a viewport or palette shows on each kind's page.
Problems are fixed in the theme's configuration, overrides or CSS: no rule is turned off and no
element left out. axe-core runs offline (axe-playwright-python ships it).
"""

from __future__ import annotations

from itertools import product

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_pages import PAGE_TYPES, PALETTES, VIEWPORTS, built_pages, use_palette
from conftest import DEFAULT_LOCALE, LOCALES, ROOT, SITE
from keep_your_cool.model.words import ui_words

pytestmark = pytest.mark.browser

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FULL_CRAWL = (DEFAULT_LOCALE, "desktop", "light")
OTHER_COMBINATIONS = [c for c in product(LOCALES, VIEWPORTS, PALETTES) if c != FULL_CRAWL]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def violations(axe: Axe, page) -> list[str]:
    """Every node axe-core finds at fault on the page: 'rule-id [impact] target: summary'."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]})
    return [
        f"{rule['id']} [{rule['impact']}] {' '.join(map(str, node['target']))}: {rule['help']}"
        for rule in results.response["violations"]
        for node in rule["nodes"]
    ]


def page_kinds(locale: str) -> list[str]:
    """One page of each kind in a language, and its 'page not found' page."""
    return [SITE.url(locale, page) for page in PAGE_TYPES.values()] + [SITE.language(locale).prefix + "404.html"]


def check(page, site_url, axe, locale, viewport, palette, paths) -> list[str]:
    page.set_viewport_size(VIEWPORTS[viewport])
    use_palette(page, site_url, locale, palette)
    found = []
    for path in paths:
        status = page.goto(site_url + path).status
        if status != 200 and not path.endswith("404.html"):  # a wrong address would check the 404 page instead
            found.append(f"{site_url + path}  answered {status}")
        found += [f"{site_url + path}  {problem}" for problem in violations(axe, page)]
    return found


def test_no_wcag_violation_on_any_page(page, site_url, built_site, axe):
    found = check(page, site_url, axe, *FULL_CRAWL, built_pages(built_site, FULL_CRAWL[0]))
    assert found == [], f"{len(found)} accessibility violation(s):\n" + "\n".join(found)


@pytest.mark.parametrize("locale,viewport,palette", OTHER_COMBINATIONS, ids="-".join)
def test_no_wcag_violation_on_any_kind_of_page(page, site_url, axe, locale, viewport, palette):
    found = check(page, site_url, axe, locale, viewport, palette, page_kinds(locale))
    assert found == [], f"{len(found)} accessibility violation(s):\n" + "\n".join(found)


def test_every_page_kind_exists_in_every_language(built_site):
    for locale in LOCALES:
        pages = built_pages(built_site, locale)
        assert {SITE.url(locale, page) for page in PAGE_TYPES.values()} <= set(pages)
    assert "404.html" in built_pages(built_site, DEFAULT_LOCALE)


@pytest.mark.parametrize("locale", LOCALES)
def test_controls_are_named_in_the_pages_language(page, site_url, locale):
    """axe's WCAG rules leave these to a person: the search dialog has a name (axe's aria-dialog-name),
    and the palette toggle and menu button speak the page's language."""
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + SITE.url(locale, "three-rs.md"))
    words = ui_words(ROOT, locale, DEFAULT_LOCALE)
    search = page.locator(".md-search__input").get_attribute("aria-label")
    assert page.get_by_role("dialog", name=search).count() == 1
    assert page.locator("form[data-md-component=palette] input").evaluate_all("inputs => inputs.map(i => i.ariaLabel)") == [
        words["switch_to_dark"],
        words["switch_to_light"],
    ]
    assert page.get_by_role("button", name=page.locator(".md-nav--primary").get_attribute("aria-label")).is_visible()
    assert axe_rule_passes(page, "aria-dialog-name")


def axe_rule_passes(page, rule: str) -> bool:
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": [rule]}})
    return results.response["violations"] == []
