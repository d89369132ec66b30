"""Drive Material's search box the way a reader does: click it and type."""
from __future__ import annotations


def search(page, query: str) -> list[str]:
    """Type `query` into the search box; return the result links' absolute URLs (empty when none match)."""
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    placeholder = meta.text_content()
    page.locator("input.md-search__input").press_sequentially(query, delay=40)
    # The meta line changes from the placeholder to a count (or "no match") once the query has run.
    page.wait_for_function(
        "placeholder => document.querySelector('.md-search-result__meta').textContent !== placeholder",
        arg=placeholder, timeout=10_000,
    )
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    return [link.evaluate("a => a.href") for link in links.all()]
