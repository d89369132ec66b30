"""A moved page never breaks a link: in a fixture site where a page moved (mkdocs-redirects, set up
for mkdocs-static-i18n's folders by hooks/keep_your_cool/features/redirects_per_language.py), the old address in every
language, with its #section, reaches the new page and section, and the link contract counts it."""

from __future__ import annotations

import pytest

from conftest import ROOT, built_fixture
from keep_your_cool.commands.links import redirected
from keep_your_cool.commands.static_host import static_host
from keep_your_cool.model.site import load

FIXTURE = ROOT / "tests" / "fixtures" / "moved-page"
MOVED = load(FIXTURE / "mkdocs.yml")
PREFIXES = {lang.locale: lang.prefix for lang in MOVED.languages}


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    return built_fixture("moved-page", tmp_path_factory)


@pytest.mark.parametrize("locale", PREFIXES)
def test_the_link_contract_counts_the_old_address_as_redirected(moved_site, locale):
    assert redirected(moved_site, f"/{PREFIXES[locale]}method/#apologize")
    assert redirected(moved_site, f"/{PREFIXES[locale]}method/")
    assert not redirected(moved_site, f"/{PREFIXES[locale]}method/#no-such-section")
    assert not redirected(moved_site, f"/{PREFIXES[locale]}guides/method/#apologize")  # the page itself


@pytest.mark.browser
@pytest.mark.parametrize("locale", PREFIXES)
def test_old_address_with_section_reaches_the_new_page_and_section(page, moved_site, locale):
    with static_host(moved_site, "/kyc/") as host:
        page.goto(f"{host}{PREFIXES[locale]}method/#apologize")
        page.wait_for_url(f"{host}{PREFIXES[locale]}guides/method/#apologize")
        assert page.locator("h1").inner_text() == f"Method ({locale})"
        assert page.evaluate("location.hash") == "#apologize" and page.locator("#apologize").is_visible()
