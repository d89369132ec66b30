"""The guide in a reader's pocket: installable, and each language readable offline once opened.

For each built language this writes, beside its home page:
- `manifest.json`: the web app manifest (name, short name and description in the language, its
  home page as start page, the icons drawn in overrides/assets/images/, the palette's colour),
  linked from every page of the language (overrides/main.html), so "Add to Home screen" opens
  that language's guide;
- `offline.html`: the page shown for an address that is not saved on the device while offline
  (overrides/offline.html, in the language).

And at the site's root, the scope it must have to serve every page, `sw.js`: the service worker
(overrides/assets/javascripts/pocket-worker.js) headed by what to save for each language, with a
hash per file and a version per language. The build fails with each page and file if the list
names a file that is not in the site. overrides/assets/javascripts/pocket.js registers the worker
and asks it to save the page's language once the page has loaded and the browser is idle.

mkdocs.yml turns it on and off (the plugin's `pocket:` options); the offline edition (file://) never has it, and
`mkdocs serve` only with `serve: true`. Turned off, `sw.js` is a worker that takes over on readers'
devices, deletes what an earlier build saved, and handles no request.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from keep_your_cool.features.language_switcher import home_pages
from keep_your_cool.model.site import Site

WORKER = "sw.js"  # at the site's root: a service worker's scope is the folder it is served from
WORKER_SOURCE = "assets/javascripts/pocket-worker.js"
RETIRED_SOURCE = "assets/javascripts/pocket-retired.js"
PAGE_SCRIPT = "assets/javascripts/pocket.js"
MANIFEST = "manifest.json"
OFFLINE_PAGE = "offline.html"
ICONS = [
    {"src": "assets/images/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "assets/images/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "assets/images/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
]
APPLE_TOUCH_ICON = "assets/images/apple-touch-icon.png"  # iPhones read no icon from the manifest
BACKGROUND = "#ffffff"
# Words the page script shows (added to config.extra.script_words, read by overrides/main.html)
SCRIPT_WORDS = ("offline_not_downloaded", "offline_update", "offline_reload", "offline_save", "offline_saved")
# Material's palette sheet gives each primary colour's value as `[data-md-color-primary=<name>]{--md-primary-fg-color:#…`
PRIMARY = r"\[data-md-color-primary={name}\]\{{--md-primary-fg-color:(#[0-9a-fA-F]{{3,8}})"
# How Material's search worker finds its stemmers (its src/templates/assets/javascripts/workers/search):
# lunr.stemmer.support, lunr.<lang> for each language but English, lunr.multi for more than one.
LUNR = "assets/javascripts/lunr/"
LUNR_EXTRA = {"ja": ["tinyseg.js"], "hi": ["wordcut.js"], "th": ["wordcut.js"]}


def configure(config, words: dict[str, str]) -> None:
    """The language's build offers the worker: its scripts' words, and its offline page to render."""
    config.extra.setdefault("script_words", {}).update({key: words[key] for key in SCRIPT_WORDS})
    config.theme.static_templates.add(OFFLINE_PAGE)


def links(prefix: str) -> dict[str, str]:
    """What overrides/main.html links, from the site's root."""
    return {"manifest": prefix + MANIFEST, "apple_touch_icon": APPLE_TOUCH_ICON, "script": PAGE_SCRIPT, "worker": WORKER}


def offline_page_context(context, config, site: Site, locale: str, words: dict[str, str]) -> None:
    context["base_url"] = posixpath.relpath(".", site.language(locale).prefix or ".")  # written into the language's folder
    context["offline_words"] = words
    config.extra.alternate = home_pages(site)  # the switcher leads to each home page (else the last page's alternates)


def write_offline_page(output: str, site_dir: Path, prefix: str) -> str:
    """Each language's offline page in its folder; "" for MkDocs, which then writes nothing at the root."""
    target = site_dir / prefix / OFFLINE_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


# Where a built page names what the browser fetches: the tags below, and Material's configuration
# (which names its search worker). Only these are parsed, not the whole page (the build's own HTML).
FETCHING_TAGS = re.compile(r"<(?:link|script|img)\b[^>]*>", re.I)
MATERIAL_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


class _References(HTMLParser):
    """The files a page makes the browser fetch: stylesheets, icons, manifest, scripts, images."""

    LINKS = {"stylesheet", "icon", "manifest", "apple-touch-icon", "preload", "modulepreload"}

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and self.LINKS & set((attrs.get("rel") or "").split()):
            self.found.append(attrs.get("href") or "")
        elif tag in ("script", "img") and attrs.get("src"):
            self.found.append(attrs["src"])


@lru_cache(maxsize=4096)  # the same few tags head every page: each is read once per build
def tag_references(tag: str) -> tuple[str, ...]:
    """What one tag makes the browser fetch (each tag read on its own: a lone <script> tag would make
    the parser read what follows as its code)."""
    references = _References()
    references.feed(tag)
    return tuple(references.found)


def fetched(html: str) -> tuple[list[str], str | None]:
    """What a built page makes the browser fetch, and Material's configuration (JSON) if it has one."""
    found = [reference for tag in FETCHING_TAGS.findall(html) for reference in tag_references(tag)]
    config = MATERIAL_CONFIG.search(html)
    return found, config[1] if config else None


def from_root(reference: str, page_url: str) -> str | None:
    """A page's reference as a path from the site's root, or None if it is not a file of the site."""
    if not reference or re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", reference, re.I):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url) or ".", reference.split("#")[0].split("?")[0]))
    return None if path.startswith("..") else path.removeprefix("./")


def page_file(url: str) -> str:
    return url + "index.html" if url == "" or url.endswith("/") else url


def language_files(site: Site, locale: str, site_dir: Path) -> dict[str, str]:
    """Every file a reader of `locale` needs offline, from the site's root -> where it is named
    (a page, or what names the search files)."""
    prefix = site.language(locale).prefix
    files: dict[str, str] = {}
    for page in site.pages():  # the default language's: every page, translated or shown in English
        url = site.url(locale, page)
        origin = (
            f"{page_file(url)} (from {site.source_name(locale if site.translated(locale, page) else site.default.locale, page)})"
        )
        files.setdefault(page_file(url), origin)
        html = site_dir / page_file(url)
        if not html.is_file():
            continue
        references, material_config = fetched(html.read_text(encoding="utf-8"))
        for reference in references:
            path = from_root(reference, page_file(url))
            if path:
                files.setdefault(path, origin)
        if material_config:  # Material's search worker, named in the page's configuration
            worker = from_root(json.loads(material_config).get("search") or "", page_file(url))
            if worker:
                files.setdefault(worker, f"{origin}, its search configuration")
    index = prefix + "search/search_index.json"
    files.setdefault(index, "hooks/keep_your_cool/features/search_per_language.py")
    if (site_dir / index).is_file():
        languages = json.loads((site_dir / index).read_text(encoding="utf-8"))["config"].get("lang") or ["en"]
        stemmers = [f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"]
        stemmers += [extra for lang in languages for extra in LUNR_EXTRA.get(lang, [])]
        stemmers += ["min/lunr.multi.min.js"] if len(languages) > 1 else []
        for stemmer in ["min/lunr.stemmer.support.min.js", *stemmers] if stemmers else []:
            files.setdefault(LUNR + stemmer, f"{index} (its languages: {', '.join(languages)})")
    for name in (prefix + OFFLINE_PAGE, prefix + MANIFEST, *(icon["src"] for icon in ICONS)):
        files.setdefault(name, "hooks/keep_your_cool/features/pocket.py")
    return files


def missing_files(files: dict[str, dict[str, str]], site_dir: Path) -> list[str]:
    """One located line per file the languages' lists name that is not in the built site: the first
    page (or hook) naming it, and the languages whose readers would miss it offline."""
    missing: dict[str, tuple[str, list[str]]] = {}
    for locale, named in files.items():
        for path, origin in named.items():
            if not (site_dir / path).is_file():
                missing.setdefault(path, (origin, []))[1].append(locale)
    return [
        f"{origin}: names '{path}', which is not in the built site ({site_dir.name}/{path}), so readers "
        f"offline would miss it (in {', '.join(locales)}). Fix: correct the link, or add the file to docs/ or overrides/."
        for path, (origin, locales) in missing.items()
    ]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def saved_guides(site: Site, site_dir: Path) -> dict[str, dict]:
    """For each language: its version, offline page, and each file with the hash of its content."""
    named = {lang.locale: language_files(site, lang.locale, site_dir) for lang in site.languages}
    problems = missing_files(named, site_dir)
    if problems:
        raise PluginError("pocket: the offline copy of the guide names files that are not in the site:\n" + "\n".join(problems))
    guides, digests = {}, {}  # a file every language saves (the theme's scripts) is hashed once
    for lang in site.languages:
        for path in named[lang.locale].keys() - digests.keys():
            digests[path] = digest((site_dir / path).read_bytes())
        files = {path.removesuffix("index.html"): digests[path] for path in sorted(named[lang.locale])}
        guides[lang.locale] = {
            "prefix": lang.prefix,
            "offline": lang.prefix + OFFLINE_PAGE,
            "version": digest(json.dumps(files, sort_keys=True).encode()),
            "files": files,
        }
    return guides


def theme_colour(config, site_dir: Path) -> str:
    """The palette's primary colour, as Material's palette sheet in the site defines it."""
    palettes = config.theme.get("palette") or [{}]
    primary = (palettes[0] if isinstance(palettes, list) else palettes).get("primary", "indigo")
    for sheet in sorted((site_dir / "assets" / "stylesheets").glob("palette.*.css")):
        found = re.search(PRIMARY.format(name=re.escape(primary)), sheet.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    raise PluginError(
        f"mkdocs.yml: theme.palette's primary colour '{primary}' is not in Material's palette sheet "
        "(site/assets/stylesheets/palette.*.css), so the app manifest has no theme colour. "
        "Fix: use one of Material's primary colour names, or update hooks/keep_your_cool/features/pocket.py's PRIMARY to the sheet's form."
    )


def manifest(site: Site, locale: str, colour: str, short_name: str) -> dict:
    lang = site.language(locale)
    up = posixpath.relpath(".", lang.prefix or ".")
    root = "./" if up == "." else up + "/"
    return {
        "name": lang.site_name,
        "short_name": short_name,
        "description": lang.site_description,
        "lang": locale,
        "start_url": "./",  # the manifest sits in the language's folder, beside its home page
        "scope": root,  # the whole site: the switcher leads to the other languages inside the app
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": colour,
        "icons": [{**icon, "src": root + icon["src"]} for icon in ICONS],
    }


def theme_file(config, name: str) -> Path:
    """A file of the theme (overrides/ first, then Material), as MkDocs would copy it."""
    for folder in config.theme.dirs:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    raise PluginError(f"pocket: {name} is not in overrides/ nor in the theme.")


def write_worker(config, site: Site, site_dir: Path, active: bool, retire: bool, short_names: dict[str, str]) -> None:
    """Once every language's pages and search index are written: the manifests and sw.js (or, when
    `retire`, the worker that deletes readers' copies; nothing for the offline edition)."""
    for source in (WORKER_SOURCE, RETIRED_SOURCE):  # the theme's copies: only sw.js is a worker
        (site_dir / source).unlink(missing_ok=True)
    if not active:
        if retire:
            (site_dir / WORKER).write_bytes(theme_file(config, RETIRED_SOURCE).read_bytes())
        return
    colour = theme_colour(config, site_dir)
    for lang in site.languages:
        target = site_dir / lang.prefix / MANIFEST
        data = manifest(site, lang.locale, colour, short_names[lang.locale])
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    guides = saved_guides(site, site_dir)
    head = f"// Written by hooks/keep_your_cool/features/pocket.py: what each language saves, and the version of each.\nconst GUIDES = {json.dumps(guides, separators=(',', ':'))}\n"
    (site_dir / WORKER).write_text(head + theme_file(config, WORKER_SOURCE).read_text(encoding="utf-8"), encoding="utf-8")
