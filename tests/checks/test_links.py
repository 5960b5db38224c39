"""Links: every internal URL of every page and stylesheet resolves; external ones are listed."""

import pytest

from sitecheck.links import check_links, external_links


def test_every_internal_link_resolves(site, report_external):
    report_external(external_links(site))
    findings = check_links(site)
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize(
    ("href", "problem"),
    [
        ("{siteurl}/en/no-such-page/", "no such file en/no-such-page/index.html"),
        ("no-such-page/", "no such file en/no-such-page/index.html"),
        ("{siteurl}/en/#no-such-id", "no id 'no-such-id' in en/index.html"),
        ("#no-such-id", "no id 'no-such-id' in en/index.html"),
        ("{siteurl}/en/../ka/", "climbs with /../"),
        ("{siteurl}/en/partners", "a folder without its trailing slash (answered only by a redirect to en/partners/)"),
        ("{origin}/elsewhere/", "outside the site's path /newsroom/"),
    ],
)
def test_a_planted_broken_link_is_reported(planted, href, problem):
    origin = planted.siteurl.rsplit("/", 1)[0]
    href = href.format(siteurl=planted.siteurl, origin=origin)
    planted.edit("en/index.html", "</main>", f'<p><a href="{href}">x</a></p></main>')
    assert f"en/index.html: href {href!r}: {problem}" in check_links(planted)


def test_a_planted_missing_image_is_reported(planted):
    planted.edit("ka/index.html", "</main>", '<img src="/newsroom/images/none.jpg" alt="x"></main>')
    assert "ka/index.html: src '/newsroom/images/none.jpg': no such file images/none.jpg" in check_links(planted)


def test_a_planted_broken_stylesheet_url_is_reported(planted):
    planted.edit(planted.stylesheet, ":root {", ':root {\n  background: url("../fonts/none.woff2");')
    assert f"{planted.stylesheet}: url() '../fonts/none.woff2': no such file theme/fonts/none.woff2" in check_links(planted)


def test_external_links_are_listed_not_checked(planted):
    links = '<a href="https://unreachable.example/x">x</a> <a href="mailto:a@example.org">a</a>'
    planted.edit("en/index.html", "</main>", f"<p>{links}</p></main>")
    external = external_links(planted)
    assert external["https://unreachable.example/x"] == ["en/index.html"]
    assert external["mailto:a@example.org"] == ["en/index.html"]
    findings = check_links(planted)
    assert not findings, "\n".join(findings)
