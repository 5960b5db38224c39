"""A built site on disk, seen through its URLs: which file answers an internal URL.

A site built for its address (SITEURL) is checked where it lies: served on 127.0.0.1 under a
sub-path, like a project site on GitHub Pages, or read from the folder through its URLs.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pelicanconf

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = tuple(pelicanconf.NEWSROOM_LANGUAGES)


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the output folder
    siteurl: str  # SITEURL it was built for, without a trailing slash

    @property
    def _base(self):
        return urlsplit(self.siteurl)

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def files(self, pattern: str) -> list[Path]:
        return sorted(path for path in self.root.rglob(pattern) if path.is_file())

    def url_of(self, path: Path, siteurl: str | None = None) -> str:
        """The URL a file is published at: `en/news/x/index.html` → `SITEURL/en/news/x/`."""
        rel = self.relative(path)
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return f"{siteurl or self.siteurl}/{rel}"

    def is_internal(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == (self._base.scheme, self._base.netloc)

    def locate(self, url: str) -> tuple[Path | None, str | None]:
        """The file an internal URL is answered by, or why there is none."""
        parts = urlsplit(url)
        if "/../" in parts.path or parts.path.endswith("/.."):
            return None, "climbs with /../"
        if not self.is_internal(url):
            return None, f"not on {self._base.scheme}://{self._base.netloc}"
        prefix = self._base.path.rstrip("/")
        path = unquote(parts.path)
        if not (path == prefix or path.startswith(prefix + "/")):
            return None, f"outside the site's path {prefix}/"
        rel = path[len(prefix):].lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        target = self.root / rel
        if target.is_dir():
            return None, f"a folder without its trailing slash (answered only by a redirect to {rel}/)"
        if not target.is_file():
            return None, f"no such file {rel}"
        return target, None

    def copy(self, destination: Path) -> BuiltSite:
        """A copy to plant a defect in; its URLs stay those of the original."""
        shutil.copytree(self.root, destination)
        return BuiltSite(destination, self.siteurl)

    @property
    def stylesheet(self) -> str:
        """The site's stylesheet, published under its fingerprinted name (theme/css/site.<hash>.css)."""
        (path,) = self.root.glob("theme/css/site.*.css")
        return path.relative_to(self.root).as_posix()

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace the first `old` in a file by `new` (the text must be there: a planted defect must land)."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} does not contain {old!r}; the planted defect would not land"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a folder on 127.0.0.1 (a free port) from a thread; yields the origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
