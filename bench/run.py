"""Keep Your Cool against stock Material, in one run: build time, page weight, search latency, Lighthouse.

Prints a markdown table (measure | ours | baseline | ratio | target | met?) and writes every number
behind it to bench/results/latest.json. See bench/README.md for what each measure means.
Exits 1 when something could not be measured (a failed build, a crash); a missed target is a result.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import html
import json
import platform
import re
import subprocess
import sys
import tempfile
import traceback
from importlib.metadata import version
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

import browser
import lighthouse
import scale
from keep_your_cool.commands.static_host import serve
from keep_your_cool.model import words
from keep_your_cool.model.site import Site, load
from sites import ROOT, build, make_baseline, median, timed_builds

BENCH = Path(__file__).resolve().parent


GUIDE, EXAMPLE = "four-step-method/", "examples/late-damaged-order/"
MEASURED_PAGES = {"": "home", GUIDE: "guide page", EXAMPLE: "example page"}  # in every language
SECOND_PAGES = [EXAMPLE, "three-rs/", "listening/"]  # opened after GUIDE, as a reader goes on


def pocket_off(config_file: Path) -> str:
    """Our mkdocs.yml (as MkDocs reads it, !ENV resolved) with the offline copy turned off: the plugin's
    `pocket: enabled: false`, to weigh what the offline copy adds to a first load."""
    config = yaml_load(config_file.read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "keep-your-cool" in plugin:
            plugin["keep-your-cool"]["pocket"]["enabled"] = False
    return "# bench/run.py: our site with the offline copy turned off\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False
    )


TARGET_POCKET_BYTES = 2000  # the offline copy adds at most this to a first load (gzip)
TARGET_FIRST_LOAD_RATIO = 0.8  # of stock Material's first load of the same English page


def search_words(locale: str) -> list[str]:
    """Words a reader types in a language (translations/<lang>/search-words.yml)."""
    return list(words.search_words(ROOT, locale))


TARGET_SEARCH_MS = 100
TARGET_OPENING_MS = 300
TARGET_BUILD_RATIO = 2.0  # issue 25: three languages at most twice the stock English build


def kb(n):
    return "—" if n is None else f"{n / 1000:.1f} kB"


def ratio(ours, base):
    return f"{ours / base:.2f}×" if ours is not None and base else "—"


def met(ok):
    return "—" if ok is None else ("yes" if ok else "**no**")


def index_words(index_file: Path) -> set[str]:
    docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", d["title"] + " " + d["text"])) for d in docs)
    return set(re.findall(r"\w+", text.lower()))


def problems(log: str) -> str:
    """The lines of a build log that say what went wrong."""
    lines = [line for line in log.splitlines() if line.startswith(("ERROR", "WARNING", "Aborted"))]
    return "\n".join(lines or log.splitlines()[-10:])[-3000:]


def git_state() -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    return git("rev-parse", "--short", "HEAD") + (" (uncommitted changes)" if git("status", "--porcelain") else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builds", type=int, default=5, help="timed builds of each site (default 5)")
    parser.add_argument("--search-rounds", type=int, default=3, help="times each query is timed (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; median kept")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slowest part)")
    parser.add_argument("--no-scale", action="store_true", help="skip the projection to 10x pages in 10 languages")
    parser.add_argument("--output", type=Path, default=BENCH / "results" / "latest.json")
    args = parser.parse_args()

    site = load(ROOT / "mkdocs.yml")
    locales, default = site.locales, site.default.locale
    results: dict = {"errors": {}, "notes": []}
    errors, notes = results["errors"], results["notes"]

    def attempt(name, fn):
        """Run one part; a crash is recorded and the other parts still run."""
        try:
            return fn()
        except Exception as error:
            traceback.print_exc()
            errors[name] = f"{type(error).__name__}: {error}"
            return None

    with tempfile.TemporaryDirectory(prefix="kyc-bench-") as tmp:
        work = Path(tmp)
        ours_yml, base_yml = ROOT / "mkdocs.yml", make_baseline(work / "baseline", site.docs_dir / default)
        ours_site, base_site = work / "ours-site", work / "baseline-site"

        # 1. One untimed build of each: it warms caches and gives the sites measured below.
        print("building both sites…", file=sys.stderr)
        first = build(ours_yml, ours_site)
        if not first.ok:
            # Mid-edit content can break the strict build: say so, and still measure what can be.
            errors["build"] = "our strict build failed:\n" + problems(first.log)
            if build(ours_yml, ours_site, strict=False).ok:
                notes.append("Our strict build FAILED; page weight, search and Lighthouse use a non-strict build.")
            else:
                ours_site = None
                notes.append("Our build FAILED even without --strict: only the baseline was measured.")
        if not build(base_yml, base_site).ok:
            errors["baseline"] = "the stock-Material baseline did not build"
            base_site = None
        # Ours without the offline copy (hooks/keep_your_cool/features/pocket.py): beside mkdocs.yml, whose paths it keeps.
        off_yml, off_site = ROOT / ".bench-pocket-off.yml", work / "ours-pocket-off"
        try:
            off_yml.write_text(pocket_off(ours_yml), encoding="utf-8")
            if not (ours_site and build(off_yml, off_site, strict=first.ok).ok):
                off_site = None
        finally:
            off_yml.unlink(missing_ok=True)

        # 2. Build time, interleaved; only meaningful when both strict builds pass.
        builds = None
        if first.ok and base_site:
            print(f"timing {args.builds} builds of each…", file=sys.stderr)
            builds = attempt("build time", lambda: timed_builds(ours_yml, base_yml, work, args.builds))
            if builds and builds.get("failed"):  # the sources changed under us (someone is editing)
                errors["build time"] = f"a timed build of {builds['failed']} failed:\n" + problems(builds.pop("log"))
        results["build_seconds"] = builds

        # 3. Search index sizes, straight from the built files.
        def index_sizes(folder, paths):
            sizes = {}
            for key, path in paths.items():
                data = (folder / path).read_bytes()
                sizes[key] = {"raw": len(data), "gzip": len(gzip.compress(data, 6))}
            return sizes

        indexes = (
            attempt(
                "search index",
                lambda: {
                    "ours": ours_site
                    and index_sizes(ours_site, {l.locale: f"{l.prefix}search/search_index.json" for l in site.languages}),
                    "baseline": base_site and index_sizes(base_site, {default: "search/search_index.json"}),
                },
            )
            or {}
        )
        results["search_index_bytes"] = indexes

        # Queries whose word is not in a language's index would time out, not measure search.
        def searchable(loc):
            words = index_words(ours_site / site.language(loc).prefix / "search" / "search_index.json")
            wanted = search_words(loc)
            # a phrase ("not my fault") is searchable when each of its words starts a word of the index
            found = [q for q in wanted if all(any(w.startswith(part) for w in words) for part in re.findall(r"\w+", q.lower()))]
            if missing := sorted(set(wanted) - set(found)):
                notes.append(f"search {loc}: no page has a word starting with {missing}; not timed")
            if not wanted:
                notes.append(f"search {loc}: translations/{loc}/search-words.yml lists no word; not timed")
            return found

        queries = {loc: attempt(f"search queries {loc}", lambda: searchable(loc)) or [] for loc in locales} if ours_site else {}
        results["queries"] = queries

        # 4. In Chromium: page weight and search latency, both sites served at once.
        # (A site that did not build is replaced by the empty work dir: nothing is asked of it.)
        with (
            serve(ours_site or work) as ours_url,
            serve(base_site or work) as base_url,
            serve(off_site or work) as off_url,
        ):
            sites = {"ours": ours_url, "baseline": base_url, "ours-pocket-off": off_url}
            weight_pages, search = {}, {}
            if ours_site:
                weight_pages["ours"] = [lang.prefix + page for lang in site.languages for page in MEASURED_PAGES]
            if off_site:
                weight_pages["ours-pocket-off"] = weight_pages["ours"]
                search.update({f"ours/{loc}": (site.language(loc).prefix, q) for loc, q in queries.items() if q})
            if base_site:
                weight_pages["baseline"] = list(MEASURED_PAGES)
                search[f"baseline/{default}"] = ("", search_words(default))
            print("measuring page weight and search in Chromium…", file=sys.stderr)
            origins = {"ours": site.site_url, "ours-pocket-off": site.site_url}  # the baseline has none
            measured = attempt("chromium", lambda: browser.measure(sites, weight_pages, search, args.search_rounds, origins))
            results.update(measured or {"page_weight": {}, "search": {}})

            # The offline copy: bytes saved in the background per language, and a second page view.
            print("measuring the offline copy and second page views in Chromium…", file=sys.stderr)
            runs = {}
            if ours_site:
                for lang in site.languages:
                    seconds = [lang.prefix + page for page in SECOND_PAGES]
                    runs[f"ours/{lang.locale}"] = (lang.prefix + GUIDE, seconds, lang.locale)
            if base_site:
                runs[f"baseline/{default}"] = (GUIDE, SECOND_PAGES, None)
            results["offline_copy"] = attempt("offline copy", lambda: browser.measure_offline_copy(sites, runs)) or {}

            # 5. Lighthouse, mobile.
            results["lighthouse"] = {}
            why_not = "skipped (--no-lighthouse)" if args.no_lighthouse else attempt("lighthouse", lighthouse.unavailable)
            if why_not:
                notes.append(f"Lighthouse not run: {why_not}")
            elif "lighthouse" not in errors:
                # Lighthouse cannot reroute the site's own address, so it reads a copy built for
                # the local server's address: its absolute links (canonical, hreflang) stay on it.
                local_site = work / "ours-at-local-address"
                local_site.mkdir()
                with serve(local_site) as local_url:
                    local_ok = ours_site and build(ours_yml, local_site, strict=first.ok, site_url=local_url).ok
                    pages = (
                        [(f"ours/{lang.locale}", local_url, lang.prefix + p) for lang in site.languages for p in MEASURED_PAGES]
                        if local_ok
                        else []
                    )
                    pages += [(f"baseline/{default}", base_url, p) for p in MEASURED_PAGES] if base_site else []
                    for key, url, path in pages:
                        print(f"lighthouse {key} /{path}…", file=sys.stderr)
                        results["lighthouse"][f"{key} /{path}"] = attempt(
                            f"lighthouse {key} /{path}", lambda: lighthouse.run(url + path, args.lighthouse_runs)
                        )

        # 6. The projection: ten times the pages in ten languages, ours and stock, built and loaded.
        if args.no_scale:
            notes.append("Projection not run: skipped (--no-scale)")
        else:
            print("building the projection (10x pages, 10 languages) of both sites…", file=sys.stderr)
            results["scale"] = attempt("projection", lambda: measure_scale(work / "scale", site))

    results["table"] = table(results, site)
    results["about"] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": git_state(),
        "machine": f"{platform.machine()}, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "playwright": version("playwright"),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    report(results)
    print(f"\nall numbers: {args.output}", file=sys.stderr)
    return 1 if errors else 0


def measure_scale(work: Path, site: Site) -> dict:
    """First load of a guide page in the projection's last language, and the search index each site
    fetches for it: ours only when search is opened, stock's (every language merged) on every page."""
    projected = scale.build_scaled(work, site)
    last = projected["locales"][-1]
    sites = projected["sites"]
    with serve(sites["ours"]) as ours_url, serve(sites["stock"]) as stock_url:
        measured = browser.measure(
            {"ours": ours_url, "stock": stock_url}, {"ours": [f"{last}/{GUIDE}"], "stock": [f"{last}/{GUIDE}"]}, {}, 0, {}
        )
    indexes = {
        "ours": sites["ours"] / last / "search" / "search_index.json",
        "stock": sites["stock"] / "search" / "search_index.json",
    }
    return {
        "pages": projected["pages"],
        "languages": len(projected["locales"]),
        "path": f"{last}/{GUIDE}",
        "first_load": {name: pages[f"{last}/{GUIDE}"]["bytes"] for name, pages in measured["page_weight"].items()},
        "index_gzip": {name: len(gzip.compress(path.read_bytes(), 6)) for name, path in indexes.items()},
    }


def table(results: dict, site: Site) -> list[dict]:
    locales, default = site.locales, site.default.locale
    rows = []

    def row(measure, ours="—", baseline="—", ratio_="—", target="—", ok=None):
        rows.append({"measure": measure, "ours": ours, "baseline": baseline, "ratio": ratio_, "target": target, "met": met(ok)})

    b = results.get("build_seconds") or {}
    if b.get("failed") or "build" in results["errors"]:
        failed = f"{b['failed']} failed while timed" if b.get("failed") else "strict build failed"
        row("Build, all languages", f"FAILED: {failed} (see ERROR below)", target=f"≤ {TARGET_BUILD_RATIO}×", ok=False)
    elif b:
        ours, base, n = median(b["ours"]), median(b["baseline"]), len(locales)
        row(
            f"Build, all {n} languages (median of {len(b['ours'])})",
            f"{ours:.2f} s",
            f"{base:.2f} s ({default} only)",
            ratio(ours, base),
            f"≤ {TARGET_BUILD_RATIO}×",
            ours / base <= TARGET_BUILD_RATIO,
        )
        row("Build, per language built", f"{ours / n:.2f} s", f"{base:.2f} s", ratio(ours / n, base))

    weights = results.get("page_weight", {})
    base_w = weights.get("baseline", {})
    for path, page in weights.get("ours", {}).items():
        in_default = path.removeprefix(site.language_at(path).prefix)
        same = base_w.get(in_default)  # the baseline has English only
        base_bytes = same and same["bytes"]
        base_shown = kb(base_bytes) + (f" + {len(same['blocked'])} blocked" if same and same["blocked"] else "")
        name = MEASURED_PAGES[in_default]
        row(
            f"First load, {name} /{path} (gzip, {page['requests']} req.)",
            kb(page["bytes"]),
            base_shown,
            ratio(page["bytes"], base_bytes),
            f"≤ {TARGET_FIRST_LOAD_RATIO}× baseline",
            bool(base_bytes) and page["bytes"] <= TARGET_FIRST_LOAD_RATIO * base_bytes,
        )

    off_w = weights.get("ours-pocket-off", {})
    for path, page in weights.get("ours", {}).items():
        off = off_w.get(path)
        if off:
            added = page["bytes"] - off["bytes"]
            row(
                f"First load, offline copy on vs off, /{path}",
                f"{added / 1000:+.1f} kB ({kb(page['bytes'])} vs {kb(off['bytes'])})",
                target=f"within ±{TARGET_POCKET_BYTES / 1000:g} kB",
                ok=abs(added) <= TARGET_POCKET_BYTES,
            )

    copies = results.get("offline_copy") or {}
    base_copy = copies.get(f"baseline/{default}") or {}
    for loc in locales:
        copy = copies.get(f"ours/{loc}")
        if not copy:
            continue
        row(
            f"Offline copy of {loc}, saved in the background after one page (gzip, {copy['background_files']} files)",
            kb(copy["background_bytes"]),
            "none (needs the network)",
        )
        row(
            f"Second page view, {loc}: load event on slow 4G / network bytes (median of {len(copy['views'])})",
            f"{copy['median_ms']:.0f} ms / {kb(copy['median_network_bytes'])}",
            f"{base_copy['median_ms']:.0f} ms / {kb(base_copy['median_network_bytes'])} ({default})" if base_copy else "—",
            ratio(copy["median_ms"], base_copy.get("median_ms")),
            "from the device: 0 network bytes",
            copy["median_network_bytes"] == 0,
        )

    indexes = results.get("search_index_bytes", {})
    base_index = (indexes.get("baseline") or {}).get(default)
    for loc, size in (indexes.get("ours") or {}).items():
        row(
            f"Search index {loc} (gzip; raw)",
            f"{kb(size['gzip'])}; {kb(size['raw'])}",
            base_index and f"{kb(base_index['gzip'])}; {kb(base_index['raw'])}" or "—",
            ratio(size["gzip"], base_index and base_index["gzip"]),
        )

    search = results.get("search", {})
    base_ms = (search.get(f"baseline/{default}") or {}).get("median_ms")
    for loc in locales:
        s = search.get(f"ours/{loc}")
        ms = s and s.get("median_ms")
        shown = f"{ms:.0f} ms" if ms is not None else ("ERROR" if s and s.get("error") else "—")
        row(
            f"Search, last key to first result, {loc} (median)",
            shown,
            f"{base_ms:.0f} ms ({default})" if base_ms is not None else "—",
            ratio(ms, base_ms),
            f"≤ {TARGET_SEARCH_MS} ms",
            ms is not None and ms <= TARGET_SEARCH_MS,
        )
    base_open = ((search.get(f"baseline/{default}") or {}).get("opening") or {}).get("median_ms")
    for loc in locales:
        s = (search.get(f"ours/{loc}") or {}).get("opening")
        ms = s and s.get("median_ms")
        row(
            f"Search, opening to first results, {loc} (median, fresh page)",
            f"{ms:.0f} ms" if ms is not None else "—",
            f"{base_open:.0f} ms ({default})" if base_open is not None else "—",
            ratio(ms, base_open),
            f"≤ {TARGET_OPENING_MS} ms",
            ms is not None and ms <= TARGET_OPENING_MS,
        )

    projected = results.get("scale")
    if projected:
        size = f"{projected['pages']} pages in {projected['languages']} languages"
        first, index = projected["first_load"], projected["index_gzip"]
        row(
            f"Projection ({size}): first load /{projected['path']}",
            kb(first["ours"]),
            kb(first["stock"]),
            ratio(first["ours"], first["stock"]),
            f"≤ {TARGET_FIRST_LOAD_RATIO}× stock",
            first["ours"] <= TARGET_FIRST_LOAD_RATIO * first["stock"],
        )
        row(
            "Projection: search index (gzip), ours when search is opened, stock on every page",
            kb(index["ours"]),
            kb(index["stock"]),
            ratio(index["ours"], index["stock"]),
        )

    lh = results.get("lighthouse", {})
    for key, result in lh.items():
        if not key.startswith("ours/"):
            continue
        locale, path = key.removeprefix("ours/").split(" /", 1)
        base_lh = lh.get(f"baseline/{default} /{path.removeprefix(site.language(locale).prefix)}")
        shown = "/".join(f"{v:.0f}" for v in result["scores"].values()) if result else "ERROR"
        base = "/".join(f"{v:.0f}" for v in base_lh["scores"].values()) if base_lh else "—"
        ok = (
            bool(result)
            and bool(base_lh)
            and result["scores"]["performance"] >= base_lh["scores"]["performance"]
            and all(v == 100 for name, v in result["scores"].items() if name != "performance")
        )
        row(
            f"Lighthouse perf/a11y/best/SEO /{path} (median of {len(result['benchmark_index'])})"
            if result
            else f"Lighthouse /{path}",
            shown,
            base,
            "—",
            "perf ≥ baseline, others 100",
            ok,
        )
    return rows


def report(results: dict) -> None:
    cols = ["measure", "ours", "baseline", "ratio", "target", "met"]
    rows = [dict(zip(cols, ["measure", "ours", "baseline", "ratio", "target", "met?"]))] + results["table"]
    width = {c: max(len(str(r[c])) for r in rows) for c in cols}
    for i, r in enumerate(rows):
        print("| " + " | ".join(str(r[c]).ljust(width[c]) for c in cols) + " |")
        if i == 0:
            print("|" + "|".join("-" * (width[c] + 2) for c in cols) + "|")

    # What the numbers are made of, so a missed target says where to look.
    for name, page in (results.get("page_weight") or {}).items():
        guide = page.get(GUIDE)
        if guide:
            print(f"\n{name}, /{GUIDE} first load, largest responses (served bytes):")
            for item in guide["responses"][:6]:
                print(f"  {kb(item['served']):>9}  (raw {kb(item['raw'])})  {item['status']} {item['url']}")
    broken = {
        item["url"]
        for site in (results.get("page_weight") or {}).values()
        for page in site.values()
        for item in page["responses"]
        if item["status"] >= 400
    }
    if broken:
        print(f"\nrequests that failed (their error page is counted above): {', '.join(sorted(broken))}")
    blocked = {item for site in (results.get("page_weight") or {}).values() for page in site.values() for item in page["blocked"]}
    if blocked:
        print(f"\nrequests to other origins, blocked and not counted: {', '.join(sorted(blocked))}")
    failing = {}
    for key, result in (results.get("lighthouse") or {}).items():
        for audit in (result or {}).get("failing", []):
            failing.setdefault(re.sub(r" \(.*\)$", "", audit), []).append(key)
    if failing:
        print("\nLighthouse audits that cost points:")
        for audit, pages in sorted(failing.items()):
            print(f"  {audit}: {', '.join(pages)}")
    for note in results["notes"]:
        print(f"\nnote: {note}")
    for part, error in results["errors"].items():
        print(f"\nERROR in {part}: {error}")


if __name__ == "__main__":
    sys.exit(main())
