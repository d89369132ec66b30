"""A static host on 127.0.0.1, the way an intranet copy or GitHub Pages serves the built site:
under a sub-path, a folder's index.html, a file, or else the root 404.html with status 404."""

from __future__ import annotations

import contextlib
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


class StaticHost(SimpleHTTPRequestHandler):
    """Serves `directory` at `prefix` ('/kyc/'); anything else, or missing, gets 404.html."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if (
            (path.is_dir() and not (path / "index.html").is_file())
            or (not path.is_dir() and not path.is_file())
            or (path.is_dir() and not self.path.split("?")[0].endswith("/"))
        ):
            return self.not_found()
        return super().send_head()

    def not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):  # quiet: the tests report what failed
        pass


@contextlib.contextmanager
def static_host(directory: Path, prefix: str = "/kyc/"):
    """Serve `directory` at http://127.0.0.1:<free port><prefix>; yield that address."""
    handler = type("Host", (StaticHost,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
