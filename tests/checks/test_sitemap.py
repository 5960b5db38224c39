"""Sitemap: valid against the sitemaps.org schema with xhtml:link, and every URL it lists
(pages and their language alternates) is a page of the site."""

from lxml import etree

from sitecheck.sitemap import SM, XHTML, check_sitemap


def test_the_sitemap_is_valid_and_lists_only_pages_that_exist(site):
    findings = check_sitemap(site, site.root / "sitemap.xml")
    assert not findings, "\n".join(findings)


def plant(site, change) -> int:
    """Apply `change` to sitemap.xml; the line of the element it returns, once written."""
    path = site.root / "sitemap.xml"
    tree = etree.parse(str(path))
    where = tree.getelementpath(change(tree.getroot()))
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return etree.parse(str(path)).find(where).sourceline


def test_a_planted_alternate_to_a_missing_page_is_reported(planted):
    link = next(etree.parse(str(planted.root / "sitemap.xml")).getroot().iter(XHTML + "link"))
    href = link.get("href") + "gone/"

    def to_missing_page(urlset):
        alternate = next(urlset.iter(XHTML + "link"))
        alternate.set("href", href)
        return alternate

    line = plant(planted, to_missing_page)
    rel = href.removeprefix(planted.siteurl + "/")
    finding = f"sitemap.xml:{line}: alternate {link.get('hreflang')} {href!r}: no such file {rel}index.html"
    assert finding in check_sitemap(planted, planted.root / "sitemap.xml")


def test_a_planted_invalid_element_is_reported(planted):
    line = plant(planted, lambda urlset: etree.SubElement(urlset.find(SM + "url"), SM + "language"))
    finding = f"sitemap.xml:{line}: Element '{SM}language': This element is not expected."
    assert finding in check_sitemap(planted, planted.root / "sitemap.xml")
