"""sitemap.xml: valid against the sitemaps.org 0.9 schema with the xhtml:link extension, and
every <loc> and every language alternate is a page of the site."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .builtsite import BuiltSite

SCHEMA = Path(__file__).parent / "schemas" / "sitemap-with-xhtml.xsd"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def check_sitemap(site: BuiltSite, path: Path) -> list[str]:
    """Every problem of one sitemap, as `sitemap.xml:line: what is wrong`."""
    rel = site.relative(path)
    try:
        document = etree.parse(str(path))
    except etree.XMLSyntaxError as error:
        return [f"{rel}: not well-formed XML: {error}"]
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    findings = []
    if not schema.validate(document):
        findings += [f"{rel}:{error.line}: {error.message}" for error in schema.error_log]
    for url in document.getroot().iter(SM + "url"):
        for loc in url.iter(SM + "loc"):
            _, problem = site.locate((loc.text or "").strip())
            if problem:
                findings.append(f"{rel}:{loc.sourceline}: <loc> {loc.text!r}: {problem}")
        for link in url.iter(XHTML + "link"):
            _, problem = site.locate(link.get("href", ""))
            if problem:
                where = f"{rel}:{link.sourceline}: alternate {link.get('hreflang')} {link.get('href')!r}"
                findings.append(f"{where}: {problem}")
    return findings
