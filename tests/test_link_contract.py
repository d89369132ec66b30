"""Shared links keep working: the built site publishes exactly the addresses in link-contract.txt."""

from __future__ import annotations

from keep_your_cool.commands.links import CONTRACT, published_links, read_contract, redirected


def test_every_address_in_the_contract_still_resolves(built_site):
    published = published_links(built_site)
    broken = sorted(link for link in read_contract() if link not in published and not redirected(built_site, link))
    assert broken == [], (
        f"These shared addresses no longer resolve: {broken}. Restore the page or section id, "
        f"or add a redirect (mkdocs-redirects) for a moved page."
    )


def test_every_published_address_is_in_the_contract(built_site):
    unlisted = sorted(published_links(built_site) - read_contract())
    assert unlisted == [], f"New addresses not in {CONTRACT.name}: {unlisted}. Run `make links` and commit it."


def test_contract_covers_every_language_and_section(built_site):
    contract = read_contract()
    assert {"/four-step-method/#apologize", "/fr/four-step-method/#apologize", "/tl/four-step-method/#apologize"} <= contract
