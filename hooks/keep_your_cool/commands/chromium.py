"""The Chromium that the tests and the benchmarks drive, chosen in this one place.

CHROME_PATH when it is set; else Debian's `chromium` where it is installed (Playwright cannot
download a browser on every machine); else None, and Playwright uses its own download.
"""

from __future__ import annotations

import os
import shutil

# Quiet and reproducible: no first-run pages, updates or background requests of Chromium's own.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def executable() -> str | None:
    return os.environ.get("CHROME_PATH") or shutil.which("chromium")
