"""Rendered fragments reused within one build: a release's card appears on its home, partner,
topic and year pages in each language, and is rendered once per language, not once per page.

In a template: `{% call fragment("card", item.url, page_language(), level) %}…{% endcall %}`;
the key must name everything the fragment depends on besides the build itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup


class Fragments:
    def __init__(self):
        self.rendered: dict[tuple[Hashable, ...], Markup] = {}

    def __call__(self, *key: Hashable, caller: Callable[[], str]) -> Markup:
        if key not in self.rendered:
            self.rendered[key] = Markup(caller())
        return self.rendered[key]
