"""sitemap.xml: every page, with its language alternates as absolute `xhtml:link`s."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr, escape

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def render(pages: Iterable, site_url: str) -> str:
    """`pages` carry `url`, `alternates` ({lang: url}) and `x_default`, all relative to the root."""
    site = site_url.rstrip("/") + "/"
    lines = [HEADER]
    for page in sorted(pages, key=lambda page: page.url):
        lines.append(f"<url><loc>{escape(site + page.url)}</loc>")
        if len(page.alternates) > 1:
            for lang, url in sorted(page.alternates.items()):
                lines.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(site + url)}/>')
            if page.x_default is not None:
                lines.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(site + page.x_default)}/>')
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)


def write(output_path: str, pages: Iterable, site_url: str) -> None:
    Path(output_path, "sitemap.xml").write_text(render(pages, site_url), encoding="utf-8")
