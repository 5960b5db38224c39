"""axe-core (from npm) in a real Chromium: WCAG 2.0 and 2.1 A and AA violations of one page."""

from __future__ import annotations

from .builtsite import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def inject(page) -> None:
    """Load axe-core into the page from the test, not as a <script>: the page's own
    Content-Security-Policy rightly refuses a script it did not ship."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")


def check_page(page, url: str, label: str) -> list[str]:
    """Every violating element, as `label: rule [impact] what is wrong: CSS selector`."""
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        return [f"{label}: {url} answered {response.status if response else 'nothing'}"]
    return violations(page, label)


def violations(page, label: str) -> list[str]:
    """Every violating element of the page as it is now (after a script changed it, say)."""
    page.evaluate("() => document.fonts.ready.then(() => true)")
    inject(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{label}: {violation['id']} [{violation['impact']}] {violation['help']}: "
        + " ".join(str(target) for target in node["target"])
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
