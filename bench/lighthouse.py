"""Lighthouse (mobile, its default) with the version pinned in bench/package-lock.json and Debian's Chromium."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from keep_your_cool.commands import chromium  # hooks/keep_your_cool/commands/chromium.py: the browser the tests use too

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Every other host fails to resolve at once: this machine has no network, and stock Material's
# Google Fonts would otherwise wait for a time-out and make runs differ from one machine to another.
CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'


def unavailable() -> str | None:
    """Why Lighthouse cannot run here (None when it can); installs the pinned version on first use."""
    chrome = chromium.executable()
    if not chrome:
        return "no Chromium: apt-get install chromium (or set CHROME_PATH)"
    if not shutil.which("node") or not shutil.which("npm"):
        return (
            "no Node.js/npm: install Node.js 18.20+ (apt-get install nodejs npm, or nodejs.org), "
            "then `make bench` installs Lighthouse into bench/node_modules"
        )
    if not LIGHTHOUSE.exists():
        done = subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], capture_output=True, text=True)
        if done.returncode != 0:
            return f"`npm ci --prefix bench` failed: {done.stderr.strip()[-500:]}"
    return None


def run_once(url: str) -> dict:
    chrome = chromium.executable()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": chrome},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"lighthouse exited {done.returncode}: {done.stderr.strip()[-500:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {cat: round(100 * (data["categories"][cat]["score"] or 0)) for cat in CATEGORIES}
    # What cost points, so a missed 100 says what to fix.
    failing = set()
    for cat in CATEGORIES:
        for ref in data["categories"][cat]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                failing.add(f"{cat}: {ref['id']}{shown}")
    # Lighthouse's own measure of this machine's CPU: scores from a slower or busier machine are lower.
    return {"scores": scores, "failing": sorted(failing), "benchmark_index": data["environment"].get("benchmarkIndex")}


def run(url: str, runs: int = 1) -> dict:
    """Median score per category over `runs` (performance moves a little from run to run)."""
    results = [run_once(url) for _ in range(runs)]
    return {
        "url": url,
        "scores": {cat: statistics.median(r["scores"][cat] for r in results) for cat in CATEGORIES},
        "failing": sorted({audit for r in results for audit in r["failing"]}),
        "benchmark_index": [r["benchmark_index"] for r in results],
    }
