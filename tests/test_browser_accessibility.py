"""axe-core finds no WCAG 2.x A or AA problem on any page, in any language, on a desktop or a
phone, in the light or the dark palette; and a screenshot of each kind of page for a person.

Problems are fixed in the theme's configuration, overrides or CSS: no rule is turned off and no
element left out. axe-core runs offline (axe-playwright-python ships it).
"""
from __future__ import annotations


import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_pages import LOCALES, PAGE_TYPES, PALETTES, VIEWPORTS, built_pages, use_palette
from conftest import DEFAULT_LOCALE, ROOT, language_prefix
from site_languages import ui_words

pytestmark = pytest.mark.browser

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = ROOT / "tests" / "screenshots"  # git-ignored


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


def screenshot(page, locale: str, path: str, palette: str, viewport: str) -> None:
    kind = next((kind for kind, page_path in PAGE_TYPES.items() if language_prefix(locale) + page_path == path), None)
    if kind:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{locale}-{kind}-{palette}-{viewport}.png", full_page=True)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("locale", LOCALES)
def test_no_wcag_violation_on_any_page(page, site_url, built_site, axe, locale, viewport, palette):
    page.set_viewport_size(VIEWPORTS[viewport])
    use_palette(page, site_url, locale, palette)
    found = []
    for path in built_pages(built_site, locale):
        page.goto(site_url + path)
        found += [f"{site_url + path}  {problem}" for problem in violations(axe, page)]
        screenshot(page, locale, path, palette, viewport)
    assert found == [], f"{len(found)} accessibility violation(s):\n" + "\n".join(found)


def test_every_page_kind_exists_in_every_language(built_site):
    for locale in LOCALES:
        pages = built_pages(built_site, locale)
        assert {language_prefix(locale) + path for path in PAGE_TYPES.values()} <= set(pages)
    assert "404.html" in built_pages(built_site, DEFAULT_LOCALE)


@pytest.mark.parametrize("locale", LOCALES)
def test_controls_are_named_in_the_pages_language(page, site_url, locale):
    """axe's WCAG rules leave these to a person: the search dialog has a name (axe's aria-dialog-name),
    and the palette toggle and menu button speak the page's language."""
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + language_prefix(locale) + "three-rs/")
    words = ui_words(ROOT, locale, DEFAULT_LOCALE)
    search = page.locator(".md-search__input").get_attribute("aria-label")
    assert page.get_by_role("dialog", name=search).count() == 1
    assert page.locator("form[data-md-component=palette] input").evaluate_all("inputs => inputs.map(i => i.ariaLabel)") \
        == [words["switch_to_dark"], words["switch_to_light"]]
    assert page.get_by_role("button", name=page.locator(".md-nav--primary").get_attribute("aria-label")).is_visible()
    assert axe_rule_passes(page, "aria-dialog-name")


def axe_rule_passes(page, rule: str) -> bool:
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": [rule]}})
    return results.response["violations"] == []
