"""The plain functions behind hosting anywhere: switcher links from the site root, published
addresses of offline pages, each language's redirects, the 404 page's top-level names."""

from __future__ import annotations

from conftest import SITE
from keep_your_cool.features.language_404 import top_level_names
from keep_your_cool.features.language_switcher import from_site_root
from keep_your_cool.features.offline_edition import published_path
from keep_your_cool.features.redirects_per_language import in_language


def test_switcher_links_from_the_site_root():
    assert from_site_root("/fr/", "https://example.org/") == "fr/"
    assert from_site_root("/kyc/fr/", "https://example.org/kyc/") == "fr/"
    assert from_site_root("/kyc/", "https://example.org/kyc/") == "."
    assert from_site_root("fr/three-rs/", "https://example.org/kyc/") == "fr/three-rs/"
    assert from_site_root("/", None) == "."


def test_offline_pages_keep_their_published_address():
    assert published_path("index.html") == ""
    assert published_path("fr/index.html") == "fr/"
    assert published_path("fr/three-rs.html") == "fr/three-rs/"
    assert published_path("examples/late-damaged-order.html") == "examples/late-damaged-order/"


def test_a_move_in_each_language():
    moves = {"method.md": "guides/method.md"}
    assert in_language(moves, SITE.language("en")) == {"method.md": "en/guides/method.md"}
    assert in_language(moves, SITE.language("fr")) == {"fr/method.md": "fr/guides/method.md"}


def test_top_level_names_of_page_addresses():
    assert top_level_names(["", "three-rs/", "examples/", "examples/x/", "quick-reference.html"]) == [
        "examples",
        "quick-reference.html",
        "three-rs",
    ]
