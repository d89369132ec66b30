"""Build our site and the stock-Material baseline, time their builds, and serve them locally."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
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


def make_baseline(workdir: Path) -> Path:
    """A copy of the English pages with a stock mkdocs.yml; returns that mkdocs.yml."""
    shutil.copytree(ROOT / "docs" / "en", workdir / "docs")
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


def compressible(content_type: str) -> bool:
    """Text that a static host gzips; images and fonts are sent as they are."""
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith("text/") or any(t in kind for t in ("javascript", "json", "xml", "svg"))


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Behaves like GitHub Pages or Netlify where it matters to Lighthouse: gzip, and the site's 404.html."""

    def log_message(self, *args):
        pass

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        gzipped = compressible(content_type) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.is_file():
            self._send(200, self.guess_type(str(path)), path.read_bytes())
        else:  # directory redirects and 404s
            super().do_GET()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            self._send(404, "text/html; charset=utf-8", page.read_bytes())
        else:
            super().send_error(code, message, explain)


@contextmanager
def serve(site_dir: Path):
    """Serve a built site on 127.0.0.1, in a thread of this process."""
    handler = functools.partial(_StaticHostHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
