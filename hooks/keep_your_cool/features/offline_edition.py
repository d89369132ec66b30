"""The offline edition (`make offline`): the whole site opened from an unzipped folder (file://).

Material's offline plugin (enabled by KYC_OFFLINE=true, through mkdocs.yml) gives pages addresses that work without
a server and inlines the search index into search/search_index.js. Three things it leaves:
- its file:// search shim (iframe-worker) comes from a CDN: ship the pinned copy in
  overrides/assets/javascripts/iframe-worker/ instead, so nothing is asked of the network;
- it inlines only the root index: each language's index (hooks/keep_your_cool/features/search_per_language.py) gets its own;
- a page's canonical address would be its offline file name ('three-rs.html'): keep the published
  address, which copy-a-link gives trainers (overrides/assets/javascripts/sections.js).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

SHIM = "assets/javascripts/iframe-worker/shim.js"


def offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def published_path(url: str) -> str:
    """A page's address on the published site, from its offline one: 'fr/three-rs.html' -> 'fr/three-rs/'."""
    folder, name = posixpath.split(url)
    if name in ("", "index.html"):
        return folder + "/" if folder else ""
    return posixpath.join(folder, name.removesuffix(".html")) + "/"


def inline_indexes(site_dir: Path) -> list[Path]:
    """Write search_index.js beside every search_index.json, as Material's offline plugin does at the root."""
    written = []
    for index in sorted(site_dir.rglob("search/search_index.json")):
        script = index.with_suffix(".js")
        script.write_text(f"var __index = {index.read_text(encoding='utf-8')}", encoding="utf-8")
        written.append(script)
    return written


def use_shipped_shim(config) -> None:
    """Before the offline plugin looks for a polyfill named iframe-worker: ours, not its CDN copy
    (Material adds that only when no polyfill of that name is listed)."""
    config.extra["polyfills"] = [SHIM, *[p for p in config.extra.get("polyfills", []) if p != SHIM]]


def keep_published_address(page, config) -> None:
    if config.site_url:
        page.canonical_url = config.site_url + published_path(page.url)
