"""What a reader's Chromium sees: bytes of a first page load, and how fast search answers."""

from __future__ import annotations

import gzip
import statistics

from playwright.sync_api import Browser, sync_playwright

from keep_your_cool.commands import chromium  # hooks/keep_your_cool/commands/chromium.py: the browser the tests use too
from keep_your_cool.commands.static_host import (
    compressible,  # hooks/keep_your_cool/commands/static_host.py: what the local host gzips, as a real one does
)


def launch(playwright) -> Browser:
    return playwright.chromium.launch(executable_path=chromium.executable(), args=chromium.LAUNCH_ARGS)


def served_size(body: bytes, content_type: str) -> int:
    """Bytes a static host sends: text gzipped (level 6, the nginx/Apache default), the rest as-is."""
    # Playwright hands over the decoded body whatever the server sent, so compress it here.
    return len(gzip.compress(body, compresslevel=6)) if compressible(content_type) else len(body)


def _local_only(context, base: str, own_origin: str | None, blocked: list[str]) -> None:
    """Serve the site's own production origin (site_url) from the local copy; block every other origin.

    Pages may ask their own site by its absolute URL (Material fetches sitemap.xml from each
    hreflang link): those bytes are the site's and count. Other origins (stock Material's Google
    Fonts) cannot be reached here, and blocking them keeps runs alike.
    """

    def handle(route):
        url = route.request.url
        if url.startswith(base):
            route.continue_()
        elif own_origin and url.startswith(own_origin):
            route.fulfill(response=route.fetch(url=base + url.removeprefix(own_origin)))
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", handle)


def page_weight(browser: Browser, base: str, path: str, own_origin: str | None = None) -> dict:
    """Every response of a first load (fresh context, so an empty cache) until the network is idle."""
    context = browser.new_context()
    blocked: list[str] = []
    _local_only(context, base, own_origin, blocked)
    responses = []
    # On the context, not the page, to get the search worker's requests too (a lambda: Playwright
    # cannot wrap a bound builtin such as list.append).
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle", timeout=180_000)  # the projection's stock index is megabytes
    items = []
    for response in responses:
        if response.request.service_worker:  # the offline copy, saved once the page is idle: offline_copy() counts it
            continue
        try:
            body = response.body()
        except Exception:  # a redirect has no body
            body = b""
        content_type = response.headers.get("content-type", "")
        items.append(
            {
                "url": response.url.removeprefix(base.rstrip("/")).removeprefix((own_origin or "").rstrip("/")),
                "status": response.status,
                "type": content_type,
                "raw": len(body),
                "served": served_size(body, content_type),
            }
        )
    context.close()
    return {
        "path": path,
        "bytes": sum(item["served"] for item in items),
        "requests": len(items),
        "responses": sorted(items, key=lambda item: -item["served"]),
        "blocked": blocked,
    }


# Armed just before the last keystroke: the clock starts at that keystroke's input event and
# stops when the first result is in the DOM (a MutationObserver runs before the next paint).
ARM = """() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__benchSearch = new Promise(resolve => {
    let start = null;
    const done = value => { observer.disconnect(); clearTimeout(timer); resolve(value); };
    input.addEventListener("input", () => { start = performance.now(); }, {once: true});
    const observer = new MutationObserver(() => {
      if (start !== null && list.querySelector(".md-search-result__item")) done(performance.now() - start);
    });
    observer.observe(list, {childList: true, subtree: true});
    const timer = setTimeout(() => done(null), 5000);
  });
}"""


def search_latency(browser: Browser, base: str, path: str, queries: list[str], rounds: int) -> dict:
    """Milliseconds from the last keystroke to the first result, per query, after one warm-up search."""
    context = browser.new_context()
    _local_only(context, base, None, [])
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    item = page.locator(".md-search-result__item")
    box.click()

    def clear():
        # Material reads the box on keyup, so clear it with keys, then wait for the list to empty.
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        item.first.wait_for(state="detached", timeout=5000)

    # Warm-up: the worker fetches and indexes on first use; a reader's later searches do not pay that.
    box.press_sequentially(queries[0], delay=20)
    item.first.wait_for(timeout=15000)
    times: dict[str, list[float | None]] = {query: [] for query in queries}
    for _ in range(rounds):
        for query in queries:
            clear()
            # All but the last letter go in silently, so the only search that runs is the full query's.
            # A key a US keyboard lacks (the é of « cassé ») cannot be pressed: the whole query goes in
            # silently and End's key-up makes the search read it.
            last = query[-1] if query[-1].isascii() else ""
            box.evaluate("(el, value) => { el.value = value; }", query[:-1] if last else query)
            page.evaluate(ARM)
            page.keyboard.press(last or "End")
            times[query].append(page.evaluate("window.__benchSearch"))
    context.close()
    found = [t for samples in times.values() for t in samples if t is not None]
    return {
        "path": path,
        "median_ms": statistics.median(found) if found else None,
        "per_query_ms": times,
        "no_result": [q for q, samples in times.items() if any(t is None for t in samples)],
    }


# Armed before the search box is opened: the clock starts when the box gets the focus (which is
# what opening search does, by tap, click or keyboard shortcut) and stops at the first result.
ARM_OPENING = """() => {
  const input = document.querySelector("input.md-search__input");
  window.__benchOpening = new Promise(resolve => {
    let start = null;
    const done = value => { observer.disconnect(); clearTimeout(timer); resolve(value); };
    input.addEventListener("focus", () => { start = performance.now(); }, {once: true});
    const observer = new MutationObserver(() => {
      const list = document.querySelector(".md-search-result__list");
      if (start !== null && list && list.querySelector(".md-search-result__item")) done(performance.now() - start);
    });
    observer.observe(document.body, {childList: true, subtree: true});
    const timer = setTimeout(() => done(null), 10000);
  });
}"""


def first_results_after_opening(browser: Browser, base: str, path: str, query: str, rounds: int) -> dict:
    """Milliseconds from opening search on a freshly loaded page to the first result of a query typed
    at once: what a reader waits for the first time, worker and index loading included."""
    times = []
    for _ in range(rounds):
        context = browser.new_context()
        _local_only(context, base, None, [])
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        page.evaluate(ARM_OPENING)
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)
        times.append(page.evaluate("window.__benchOpening"))
        context.close()
    found = [t for t in times if t is not None]
    return {"path": path, "query": query, "median_ms": statistics.median(found) if found else None, "samples_ms": times}


def measure(
    sites: dict[str, str],
    weight_pages: dict[str, list[str]],
    search: dict[str, tuple[str, list[str]]],
    rounds: int,
    origins: dict[str, str],
) -> dict:
    """sites: name -> local base URL; weight_pages: name -> paths; search: 'name/locale' -> (path, queries);
    origins: name -> the production site_url that the local copy stands for."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            weights = {
                name: {path: page_weight(browser, sites[name], path, origins.get(name)) for path in paths}
                for name, paths in weight_pages.items()
            }
            latency = {}
            for key, (path, queries) in search.items():
                site = sites[key.split("/")[0]]
                try:  # one language's failure (no search box, no result) must not hide the others
                    latency[key] = search_latency(browser, site, path, queries, rounds)
                    latency[key]["opening"] = first_results_after_opening(browser, site, path, queries[0], rounds)
                except Exception as error:
                    latency[key] = {"path": path, "median_ms": None, "error": f"{type(error).__name__}: {error}"}
        finally:
            browser.close()
    return {"page_weight": weights, "search": latency}


# Lighthouse's mobile network: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}


def launch_local(playwright) -> Browser:
    """A browser that reaches 127.0.0.1 only, without request routing (Playwright turns the HTTP cache
    off in a routed context, and a second page view is about what the cache and the worker keep)."""
    rules = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    return playwright.chromium.launch(executable_path=chromium.executable(), args=[*chromium.LAUNCH_ARGS, rules])


def second_views(browser: Browser, base: str, first: str, seconds: list[str], saved_locale: str | None) -> dict:
    """A reader's first page, then each of `seconds` on an emulated phone network: milliseconds to its
    load event and bytes received over the network. With `saved_locale` (ours), the first page's
    language is saved on the device first, and the bytes the worker downloaded for it are counted."""
    context = browser.new_context()
    saved = []
    context.on("response", lambda response: response.request.service_worker and saved.append(response))
    page = context.new_page()
    page.goto(base + first, wait_until="networkidle")
    if saved_locale:
        page.wait_for_selector(f"html[data-pocket-saved~='{saved_locale}']", state="attached", timeout=120_000)
    # bytes as sent (the host gzips text): a worker's response body is not always kept for reading
    background = sum(r.request.sizes()["responseBodySize"] for r in saved)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    received: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda event: received.__setitem__(event["requestId"], event["encodedDataLength"]))
    views = []
    for path in seconds:
        received.clear()
        page.goto(base + path, wait_until="load")
        ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
        views.append({"path": path, "load_ms": ms, "network_bytes": sum(received.values())})
    context.close()
    return {
        "first": first,
        "background_bytes": background if saved_locale else None,
        "background_files": len(saved) if saved_locale else None,
        "views": views,
        "median_ms": statistics.median(v["load_ms"] for v in views),
        "median_network_bytes": statistics.median(v["network_bytes"] for v in views),
    }


def measure_offline_copy(sites: dict[str, str], runs: dict[str, tuple[str, list[str], str | None]]) -> dict:
    """runs: 'name/locale' -> (first page, second pages, the locale saved on the device or None)."""
    with sync_playwright() as playwright:
        browser = launch_local(playwright)
        try:
            return {key: second_views(browser, sites[key.split("/")[0]], *run) for key, run in runs.items()}
        finally:
            browser.close()
