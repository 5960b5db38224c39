"""Fingerprinted theme assets: `css/site.css` is published as `css/site.<hash>.css`, so hosts can
cache it forever and a change reaches readers at once."""

from __future__ import annotations

import hashlib
from pathlib import Path


def fingerprinted(name: str, content: bytes) -> str:
    """`css/site.css` → `css/site.1a2b3c4d5e.css`, the hash taken from the content."""
    path = Path(name)
    digest = hashlib.sha256(content).hexdigest()[:10]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


class Assets:
    """The theme's static files as published: each asked-for file is written once under its hash."""

    def __init__(self, static_dir: Path, url_dir: str):
        self.static_dir = static_dir
        self.url_dir = url_dir
        self.names: dict[str, str] = {}

    def url(self, name: str) -> str:
        """The site-relative URL of a theme file, e.g. theme/css/site.1a2b3c4d5e.css."""
        if name not in self.names:
            self.names[name] = fingerprinted(name, (self.static_dir / name).read_bytes())
        return f"{self.url_dir}/{self.names[name]}"

    def write(self, output: Path, patterns: tuple[str, ...] = ("*.css", "*.js")) -> None:
        """Publish the theme's static files: stylesheets and scripts under their fingerprinted
        names, the rest (fonts, whose names carry their version, icons) as they are."""
        for path in sorted(self.static_dir.rglob("*")):
            if not path.is_file():
                continue
            name = path.relative_to(self.static_dir).as_posix()
            published = self.url(name) if any(path.match(pattern) for pattern in patterns) else f"{self.url_dir}/{name}"
            target = output / published
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
