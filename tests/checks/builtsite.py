"""A fixture site built by Pelican in-process with the repository's `publishconf.py` (strict, as
published); what is checked in it is in sitecheck/, which `./dev verify` runs on a built site."""

from __future__ import annotations

from pathlib import Path

from sitecheck.builtsite import LANGUAGES, ROOT, BuiltSite, serve

__all__ = ["LANGUAGES", "ROOT", "BuiltSite", "build", "serve"]


def build(content: Path, output: Path, siteurl: str, **overrides) -> BuiltSite:
    """Build `content` with the production settings (`publishconf.py`: strict) into `output`."""
    from conftest import build as build_site

    build_site(content, output, "publishconf.py", SITEURL=siteurl, **overrides)
    return BuiltSite(output, siteurl)
