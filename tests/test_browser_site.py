"""Each language's home page in Chromium: the right <html lang>, no console errors, nothing from other origins."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, language_prefix

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("locale", [lang["locale"] for lang in LANGUAGES])
def test_home_page_loads_cleanly_from_its_own_origin(page, site_url, locale):
    errors, foreign = [], []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    own_origin = urlsplit(site_url).netloc
    page.on("request", lambda req: urlsplit(req.url).scheme in ("http", "https")
            and urlsplit(req.url).netloc != own_origin and foreign.append(req.url))

    response = page.goto(site_url + language_prefix(locale))
    page.wait_for_load_state("networkidle")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == locale
    assert errors == []
    assert foreign == []
