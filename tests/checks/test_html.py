"""HTML and CSS: the W3C Nu HTML Checker finds no error in any page or stylesheet."""

import pytest

from sitecheck.nuchecker import check_html


def test_every_page_and_stylesheet_is_valid(site, vnu_jar):
    files = site.files("*.html") + site.files("*.css")
    findings = check_html(files, site.root, vnu_jar)
    assert not findings, "\n".join(findings)


def test_release_pages_with_the_media_contact_are_valid(contact_site, vnu_jar):
    files = contact_site.files("*/news/*/index.html")
    assert files and all("contact__card" in path.read_text(encoding="utf-8") for path in files)
    findings = check_html(files, contact_site.root, vnu_jar)
    assert not findings, "\n".join(findings)


@pytest.fixture(scope="module")
def planted_report(site, vnu_jar, tmp_path_factory):
    """One run of the checker over a page and a stylesheet, each with a planted error."""
    planted = site.copy(tmp_path_factory.mktemp("vnu") / "newsroom")
    planted.edit("en/index.html", "</main>", "<blink>x</blink></main>")
    css = planted.root / planted.stylesheet
    css_line = css.read_text(encoding="utf-8").count("\n") + 1
    css.write_text(css.read_text(encoding="utf-8") + "body { colour: red; }\n", encoding="utf-8")
    files = [planted.root / "en/index.html", css]
    text = files[0].read_text(encoding="utf-8")
    return check_html(files, planted.root, vnu_jar), text[: text.index("<blink>")].count("\n") + 1, css_line


def test_a_planted_invalid_element_is_reported(planted_report):
    findings, line, _ = planted_report
    message = "The “blink” element is a completely-unknown element that is not allowed anywhere in any HTML content."
    assert f"en/index.html:{line}: {message}" in findings


def test_a_planted_invalid_css_property_is_reported(planted_report):
    findings, _, css_line = planted_report
    stylesheet = next(finding.split(":")[0] for finding in findings if ".css:" in finding)
    assert stylesheet.startswith("theme/css/site.")
    assert f"{stylesheet}:{css_line}: CSS: “colour”: Property “colour” doesn't exist." in findings
