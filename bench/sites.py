"""Build our site and the stock-Material baseline, and time their builds (hooks/keep_your_cool/commands/static_host.py serves them)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")

# The baseline is what `mkdocs new` plus Material gives: no extensions, no hooks, no overrides.
# Stock Material loads Google Fonts; nothing else is added or removed.
BASELINE_YML = """\
site_name: Keep Your Cool
theme:
  name: material
plugins:
  - search
"""


@dataclass
class Build:
    ok: bool
    seconds: float
    log: str  # the build's stderr, where MkDocs writes its messages


def build(config_file: Path, site_dir: Path, strict: bool = True, site_url: str | None = None) -> Build:
    """Build a site; site_url, if given, replaces mkdocs.yml's (ours reads it from KYC_SITE_URL)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"KYC_SITE_URL": site_url} if site_url else {})}
    cmd = [str(MKDOCS), "build", "-f", str(config_file), "-d", str(site_dir)] + (["--strict"] if strict else [])
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=config_file.parent)
    return Build(done.returncode == 0, time.perf_counter() - start, done.stderr)


def make_baseline(workdir: Path, pages: Path) -> Path:
    """A copy of the default language's pages (its docs folder) with a stock mkdocs.yml; returns that mkdocs.yml."""
    shutil.copytree(pages, workdir / "docs")
    config = workdir / "mkdocs.yml"
    config.write_text(BASELINE_YML, encoding="utf-8")
    return config


def timed_builds(ours: Path, baseline: Path, workdir: Path, runs: int) -> dict:
    """Seconds per build of each: {"ours": [...], "baseline": [...]}, plus "failed" and "log" if one failed.

    The two are interleaved, alternating which goes first, so machine noise hits both alike.
    """
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    configs = {"ours": ours, "baseline": baseline}
    for run in range(runs):
        order = ["ours", "baseline"] if run % 2 == 0 else ["baseline", "ours"]
        for name in order:
            result = build(configs[name], workdir / f"timed-{name}")
            if not result.ok:  # a failed build is not a time: stop and let the caller report it
                return {**times, "failed": name, "log": result.log}
            times[name].append(result.seconds)
    return times


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
