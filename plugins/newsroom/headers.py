"""The host's `_headers` file (Netlify, Cloudflare Pages) and the part of its Content-Security-
Policy every page also carries as a <meta> element, for hosts that send no headers (GitHub Pages,
a plain server): the policy is written once, in the theme's `_headers`, which the build publishes
at the root of the site. It belongs to the theme, which decides what pages load, not to content."""

from __future__ import annotations

from pathlib import Path

# Directives a browser ignores in a <meta> policy (CSP Level 3): only a header can carry them.
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")


def parse(text: str) -> dict[str, dict[str, str]]:
    """`_headers` → {path pattern: {header name: value}}; lines starting with '#' are comments."""
    rules: dict[str, dict[str, str]] = {}
    path = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            path = line.strip()
            rules[path] = {}
        elif path is not None:
            name, _, value = line.strip().partition(":")
            rules[path][name.strip()] = value.strip()
    return rules


def meta_policy(text: str) -> str | None:
    """The Content-Security-Policy every page gets (`/*`), without what only a header can say."""
    policy = parse(text).get("/*", {}).get("Content-Security-Policy")
    if not policy:
        return None
    kept = [part.strip() for part in policy.split(";") if part.split() and part.split()[0] not in HEADER_ONLY]
    return "; ".join(kept)


NAME = "_headers"


def policy_of(theme: Path) -> str | None:
    """The <meta> policy of a theme's `_headers`, or None if the theme has none."""
    path = theme / NAME
    return meta_policy(path.read_text(encoding="utf-8")) if path.is_file() else None


def files(theme: Path) -> list[tuple[str, Path]]:
    """What `publish` copies: (its name in the site, its source)."""
    return [(NAME, theme / NAME)] if (theme / NAME).is_file() else []


def publish(theme: Path, output: Path) -> None:
    """Copy the theme's `_headers` to the root of the site, as it is."""
    if (theme / NAME).is_file():
        (output / NAME).write_bytes((theme / NAME).read_bytes())
