"""The one static host: what a built site's folder answers for an address, as GitHub Pages or an
intranet copy serves it, over HTTP on 127.0.0.1 (the bench, Lighthouse, the hosting tests) or as a
Playwright route at the site's own address, offline (the handbook, the browser tests).

A folder's address ending in '/' gets its index.html, a file's address the file, anything else the
root 404.html with status 404. A folder's address without its final slash is a 404 too (GitHub Pages
redirects it): so a test sees any link that would cost a reader that extra round trip.
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


def answer(directory: Path, url: str, prefix: str = "/") -> tuple[Path | None, int]:
    """The file that answers `url` (an address or its path) for a site served at `prefix`, and its
    status: (file, 200), else (the root 404.html, 404), or (None, 404) for a site without one."""
    path = unquote(urlsplit(url).path)
    if path.startswith(prefix):
        file = directory / path[len(prefix) :]
        if path.endswith("/"):
            file = file / "index.html"
        if file.is_file() and file.resolve().is_relative_to(directory.resolve()):
            return file, 200
    not_found = directory / "404.html"
    return (not_found if not_found.is_file() else None), 404


def compressible(content_type: str) -> bool:
    """Text that a static host gzips; images and fonts are sent as they are."""
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith("text/") or any(t in kind for t in ("javascript", "json", "xml", "svg"))


class _Host(SimpleHTTPRequestHandler):
    """answer() over HTTP, text gzipped when `gzip` (as GitHub Pages or Netlify send it: Lighthouse counts it)."""

    prefix = "/"
    gzip = True

    def do_GET(self):
        self._send(body=True)

    def do_HEAD(self):
        self._send(body=False)

    def _send(self, body: bool) -> None:
        file, status = answer(Path(self.directory), self.path, self.prefix)
        if file is None:
            return self.send_error(404)
        content_type = self.guess_type(str(file)) if status == 200 else "text/html; charset=utf-8"
        data = file.read_bytes()
        gzipped = self.gzip and compressible(content_type) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            data = gzip_module.compress(data, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        if status == 200:
            self.send_header("Last-Modified", self.date_time_string(int(file.stat().st_mtime)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, *args):  # quiet: the caller reports what failed
        pass


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/", gzip: bool = True):
    """Serve `directory` at http://127.0.0.1:<free port><prefix>, in a thread of this process; yield that address."""
    handler = type("Host", (_Host,), {"prefix": prefix, "gzip": gzip})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def static_host(directory: Path, prefix: str = "/kyc/"):
    """The hosting tests' host: the site under a sub-path, at another address than its site_url, sent as it is."""
    return serve(directory, prefix, gzip=False)


def route_handler(site: Path, site_url: str, documents: dict[str, str] | None = None, stopped: list[str] | None = None):
    """A Playwright route handler answering site_url from the built folder `site` by answer()'s rules.

    `documents`: pages that are not files (URL -> HTML), such as the handbook's combined page. Any other
    origin is aborted, and its request recorded in `stopped` when given: nothing leaves the machine."""
    prefix = urlsplit(site_url).path

    def handle(route) -> None:
        url = route.request.url.split("#")[0]
        if url in (documents or {}):
            return route.fulfill(body=documents[url], content_type="text/html; charset=utf-8")
        if not url.startswith(site_url):
            if stopped is not None:
                stopped.append(url)
            return route.abort()
        file, status = answer(site, url, prefix)
        if file is None:
            return route.fulfill(status=status)
        route.fulfill(path=file, status=status)

    return handle
