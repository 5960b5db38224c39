"""Fingerprinted theme assets: `css/site.css` is published as `css/site.<hash>.css`, so hosts can
cache it forever and a change reaches readers at once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ThemeError


def fingerprinted(name: str, content: bytes) -> str:
    """`css/site.css` → `css/site.1a2b3c4d5e.css`, the hash taken from the content."""
    path = Path(name)
    digest = hashlib.sha256(content).hexdigest()[:10]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


# Files fingerprinted at build time; the others (fonts, icons) carry a hash in their committed name.
FINGERPRINTED = ("*.css", "*.js")


class Assets:
    """The theme's static files as published: stylesheets and scripts under their fingerprint."""

    def __init__(self, static_dir: Path, url_dir: str):
        self.static_dir = static_dir
        self.url_dir = url_dir
        self.names: dict[str, str] = {}

    def url(self, name: str) -> str:
        """The site-relative URL of a theme file, e.g. theme/css/site.1a2b3c4d5e.css."""
        if name not in self.names:
            path = self.static_dir / name
            if not path.is_file():
                raise ThemeError(f"newsroom: a template asks for the theme file {name!r}, which is not in {self.static_dir}; "
                                 "add the file or correct the template")
            fingerprint = any(path.match(pattern) for pattern in FINGERPRINTED)
            self.names[name] = fingerprinted(name, path.read_bytes()) if fingerprint else name
        return f"{self.url_dir}/{self.names[name]}"

    def files(self) -> list[tuple[str, Path]]:
        """Every file of the theme's static folder: (its name in the site, as `url` gives it; its source)."""
        return [(self.url(path.relative_to(self.static_dir).as_posix()), path)
                for path in sorted(self.static_dir.rglob("*")) if path.is_file()]

    def write(self, output: Path) -> None:
        """Publish every file of the theme's static folder under the name `url` gives it."""
        for name, path in self.files():
            target = output / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
