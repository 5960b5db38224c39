"""The browser editor at /admin/ (Decap CMS): its configuration, made from the content model and
the registries, and its page, published with the site when NEWSROOM_ADMIN is on.

The configuration is never written by hand: each field of `model.FIELDS` becomes a field of the
editor's form (required or not, its pattern, partners and topics as choices named in every
language), so a field added to the model is in the editor at the next build. The editor's own
files (Decap's bundle, pinned in admin/package.json and installed by `./dev cms` or CI) are
copied from NEWSROOM_ADMIN_BUNDLE; with the editor on and no bundle there, the build stops and
says how to install it: the site is never published with its editor silently missing.

The editor is not part of the public site: no list, feed, sitemap or search index names it (they
are made from releases only), its page says `noindex`, and it has a Content-Security-Policy of its
own, `/admin/*` in the theme's `_headers`, also carried by its page as a <meta> element.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import attachments, headers, model
from .errors import SettingsError, ThemeError
from .registry import Entry

FOLDER = "admin"  # its address below the site: /admin/
SCRIPT = "newsroom-cms.js"  # ours: the language widget, the preview's language and stylesheet
BUNDLE_FILES = ("decap-cms.js", "*.decap-cms.js", "*.wasm")  # Decap's ready bundle and the parts it loads later
ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / FOLDER  # admin/: package.json, its lock, our script

SETTINGS = {
    # publish the editor at /admin/ (off: the site has no editor, and no build needs npm)
    "NEWSROOM_ADMIN": False,
    # where Decap's bundle is installed (`npm ci` in admin/)
    "NEWSROOM_ADMIN_BUNDLE": str(SOURCE / "node_modules" / "decap-cms" / "dist"),
    # the editor's backend: GitHub, through an OAuth helper at base_url (docs/hosting.md)
    "NEWSROOM_ADMIN_BACKEND": {"name": "github", "repo": "iom-georgia/newsroom", "branch": "main"},
    # `./dev cms`: the address of decap-server, which saves into the working copy; None in production
    "NEWSROOM_ADMIN_LOCAL": None,
}


@dataclass(frozen=True)
class Admin:
    """The checked NEWSROOM_ADMIN* settings."""

    enabled: bool
    bundle: Path
    backend: Mapping
    local: str | None


def settings_of(settings: Mapping) -> Admin:
    """Read and check the NEWSROOM_ADMIN* settings; raise SettingsError naming the first bad one."""
    value = lambda name: settings.get(name, SETTINGS[name])  # noqa: E731
    enabled = value("NEWSROOM_ADMIN")
    if not isinstance(enabled, bool):
        raise SettingsError(f"newsroom: setting NEWSROOM_ADMIN must be True or False; got {enabled!r}")
    backend = value("NEWSROOM_ADMIN_BACKEND")
    if not isinstance(backend, Mapping) or not isinstance(backend.get("name"), str):
        raise SettingsError(f"newsroom: setting NEWSROOM_ADMIN_BACKEND must be Decap's backend, e.g. "
                            f"{{'name': 'github', 'repo': 'owner/name', 'branch': 'main'}}; got {backend!r}")
    local = value("NEWSROOM_ADMIN_LOCAL")
    if local is not None and not (isinstance(local, str) and local.startswith(("http://127.0.0.1:", "http://localhost:"))):
        raise SettingsError(f"newsroom: setting NEWSROOM_ADMIN_LOCAL must be decap-server's address on this machine, "
                            f"http://127.0.0.1:PORT/api/v1, or None; got {local!r}")
    return Admin(enabled, Path(value("NEWSROOM_ADMIN_BUNDLE")), dict(backend), local)


# -- the configuration -------------------------------------------------------------------------


def choices(entries: Mapping[str, Entry], languages: tuple[str, ...]) -> list[dict]:
    """A registry's entries as the editor's choices: the key saved, every language's name shown."""
    return [{"label": " / ".join(entry.name(lang) for lang in languages), "value": key} for key, entry in entries.items()]


def widget(field: model.Field, registries: Mapping[str, Mapping[str, Entry]], languages: tuple[str, ...]) -> dict:
    """One model field as a field of the editor's form."""
    made: dict = {"name": field.name, "label": field.label, "hint": field.help, "required": field.required}
    # each language version has its own value, or all carry the same (they must agree)
    made["i18n"] = True if field.translated else "duplicate"
    if field.kind == "date":
        # a day picker, saved as the file writes it (2018-06-06), which also names the file
        # (<year>/<date>-<slug>); a date known only to the month or the year is typed in the
        # file (docs/officer-guide.md), and the editor keeps it as it is
        made |= {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    elif field.kind in ("text", "day", "days", "url", "key"):
        made["widget"] = "string"
    elif field.kind == "paragraph":
        made["widget"] = "text"
    elif field.kind == "flag":
        made["widget"] = "boolean"
    elif field.kind == "keys":
        made |= {"widget": "select", "multiple": True, "options": choices(registries[field.choices], languages)}
    elif field.kind == "names":
        made["widget"] = "list"
    elif field.kind == "language":
        # admin/newsroom-cms.js writes each version's language once it has a title: the officer
        # has nothing to fill in, and a version not begun (no title) is not asked for one
        made |= {"widget": "newsroom-language", "required": False}
    elif field.kind == "image":
        parts = [widget(part, registries, languages) for part in field.parts]
        for part in parts:
            # Decap would ask for a required part of a photo a release does not have: the editor
            # asks for them once a photo is chosen (admin/newsroom-cms.js, `newsroom_required`)
            part["newsroom_required"], part["required"] = part["required"], False
        parts[0]["widget"] = "image"  # the photo itself: chosen or uploaded into content/images/
        made |= {"widget": "object", "collapsed": False, "fields": parts}
    elif field.kind == "documents":
        parts = [widget(part, registries, languages) for part in field.parts]
        # the file itself: chosen or uploaded into content/files/, written files/… as the model has it
        parts[1] |= {"widget": "file", "media_folder": f"/content/{attachments.FOLDER}", "public_folder": attachments.FOLDER}
        made |= {"widget": "list", "collapsed": False, "summary": "{{fields.title}}", "fields": parts}
    if field.pattern:
        made["pattern"] = [field.pattern, field.help]
    return made


def config(registries: Mapping[str, Mapping[str, Entry]], languages: tuple[str, ...], admin: Admin,
           content: str = "content") -> dict:
    """Decap's configuration: one collection, the releases, each entry every language's version."""
    i18n = {"structure": "multiple_files", "locales": list(languages), "default_locale": languages[0]}
    made = {
        "backend": dict(admin.backend),
        "locale": "en",  # the editor's own interface strings, in English
        "media_folder": f"{content}/images",
        "public_folder": "images",
        "i18n": i18n,
        "collections": [{
            "name": "releases",
            "label": "Press releases",
            "label_singular": "Press release",
            "folder": f"{content}/releases",
            "create": True,
            "extension": "md",
            "format": "yaml-frontmatter",
            # <year>/<date>-<slug>.<lang>.md: the date is the release's (the field named date)
            "path": "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}",
            # photos go where the build looks for them (/: from the repository's root), and an
            # image's src is written as the model has it, images/…, under content/
            "media_folder": f"/{content}/images",
            "public_folder": "images",
            "slug": "{{title}}",
            "summary": "{{fields.date}} {{title}}",
            "sortable_fields": ["date", "title"],
            "i18n": True,
            "fields": [*(widget(field, registries, languages) for field in model.FIELDS),
                       {"name": "body", "label": "Text", "widget": "markdown", "i18n": True,
                        "hint": "The release; headings start at ## (the title is the page's heading)"}],
        }],
    }
    if admin.local:
        made["local_backend"] = {"url": admin.local}
    return made


# -- the page ----------------------------------------------------------------------------------


def policy(theme: Path, admin: Admin) -> str:
    """The editor's Content-Security-Policy for its <meta> element: `/admin/*` in `_headers`,
    less what only a header can say; `./dev cms` adds the local decap-server it saves through."""
    rules = headers.parse((theme / headers.NAME).read_text(encoding="utf-8")) if (theme / headers.NAME).is_file() else {}
    written = rules.get(f"/{FOLDER}/*", {}).get("Content-Security-Policy")
    if not written:
        raise ThemeError(f"newsroom: the editor needs its Content-Security-Policy: add '/{FOLDER}/*' with a "
                         f"Content-Security-Policy line to {theme / headers.NAME}")
    parts = [part.strip() for part in written.split(";") if part.split() and part.split()[0] not in headers.HEADER_ONLY]
    if admin.local:
        origin = admin.local.split("/api/")[0]
        parts = [f"{part} {origin}" if part.split()[0] == "connect-src" else part for part in parts]
    return "; ".join(parts)


def page(csp: str, stylesheet: str) -> str:
    """The editor's page: Decap's bundle and our script, nothing from another host."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<title>Newsroom editor</title>\n'
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        '<script src="decap-cms.js"></script>\n'
        f'<script src="{SCRIPT}" data-preview-style="{html.escape(stylesheet)}"></script>\n'
        "</body>\n</html>\n"
    )


def bundle_files(bundle: Path) -> list[Path]:
    return sorted({path for pattern in BUNDLE_FILES for path in bundle.glob(pattern) if path.is_file()})


def files(admin: Admin) -> list[tuple[str, Path]]:
    """What `publish` copies: (its name in the site, its source)."""
    copied = [(f"{FOLDER}/{path.name}", path) for path in bundle_files(admin.bundle)]
    return [*copied, (f"{FOLDER}/{SCRIPT}", SOURCE / SCRIPT)]


def publish(output: Path, settings: Mapping, registries: Mapping[str, Mapping[str, Entry]],
            languages: tuple[str, ...], stylesheet: str) -> tuple[list[str], list[tuple[str, Path]]]:
    """Write the editor into the site: (files written, files copied), for the build's check.
    Nothing when NEWSROOM_ADMIN is off."""
    admin = settings_of(settings)
    if not admin.enabled:
        return [], []
    if not (admin.bundle / "decap-cms.js").is_file():
        raise ThemeError(f"newsroom: NEWSROOM_ADMIN is on but Decap CMS is not installed in {admin.bundle}; "
                         f"run `npm ci` in {FOLDER}/ (./dev cms does), or turn NEWSROOM_ADMIN off")
    theme = Path(settings["THEME"])
    folder = output / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    copied = files(admin)
    for name, source in copied:
        (output / name).write_bytes(source.read_bytes())
    # JSON is YAML: Decap reads it as its config.yml, and it is written from data, never by hand
    content = Path(settings["PATH"]).name
    made = config(registries, languages, admin, content)
    (folder / "config.yml").write_text(json.dumps(made, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "index.html").write_text(page(policy(theme, admin), stylesheet), encoding="utf-8")
    return [f"{FOLDER}/config.yml", f"{FOLDER}/index.html"], copied
