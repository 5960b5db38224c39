"""`./dev serve`: the built site at http://localhost:PORT/, as a host serves it.

A folder's address serves its `index.html`; an address the site does not have gets the site's own
not-found page with status 404, the nearest one as Cloudflare Pages picks it (`ka/…` → `ka/404.html`,
else `404.html`), where Pelican's development server closed the connection without a word. A
folder without an `index.html` is not a page of the site: 404 too, not a listing of its files.
Each request looks the folder up again, so a build that swaps in a new `output/` is served at once.
"""

from __future__ import annotations

import http.server
import posixpath
import urllib.parse
from functools import partial
from http import HTTPStatus
from pathlib import Path

NOT_FOUND = "404.html"


def not_found_page(root: Path, url_path: str) -> Path | None:
    """The not-found page for `url_path` (as requested: '/ka/news/gone/?q'): that of its first
    folder, else the site's; None if the site has neither."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path)
    first = posixpath.normpath(path).strip("/").split("/")[0]
    candidates = [root / first / NOT_FOUND] if first not in ("", ".", "..") else []
    return next((page for page in [*candidates, root / NOT_FOUND] if page.is_file()), None)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler, with the site's 404 page and no folder listings."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".atom": "application/atom+xml",
        ".js": "text/javascript",
        ".woff2": "font/woff2",
    }

    def send_error(self, code, message=None, explain=None):
        page = not_found_page(Path(self.directory), self.path) if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)
        return None


def serve(root: Path, port: int, host: str = "127.0.0.1") -> None:
    """Serve `root` until Ctrl-C."""
    handler = partial(Handler, directory=str(root))
    with http.server.ThreadingHTTPServer((host, port), handler) as httpd:
        print(f"Serving {root} at http://localhost:{port}/ (Ctrl-C stops)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.", flush=True)
