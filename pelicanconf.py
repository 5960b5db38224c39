"""Pelican settings for the IOM Georgia newsroom: the local preview build.

`publishconf.py` adds the production overrides; `plugins/newsroom/settings.py` documents the
NEWSROOM_* settings and their defaults.
"""

import os

# -- Identity ----------------------------------------------------------------------------------
AUTHOR = "IOM Georgia"
SITENAME = "IOM Georgia Newsroom"  # per-language names: NEWSROOM_LANGUAGES below
# Absolute, so hreflang, canonical and feed links are absolute; `invoke serve` serves here.
SITEURL = os.environ.get("SITEURL", "http://localhost:8000").rstrip("/")
TIMEZONE = "Asia/Tbilisi"
DEFAULT_LANG = "en"

# -- Paths and URLs ----------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = []  # the site has releases only; list pages come from the newsroom plugin
# Nothing under content/ is copied as it is: the plugin publishes resized copies, without their
# metadata, of the photos a published release or partner uses. The host's `_headers` (security
# headers) is a theme file, theme/templates/_headers.txt: content cannot weaken the policy.
STATIC_PATHS = []
# An editor's hidden, backup and lock files are never read (Pelican's default misses them all).
IGNORE_FILES = [".*", "*~", "#*#"]
OUTPUT_PATH = "output"
# Every release lives under its language; the slug comes from the file name (see docs/content.md).
ARTICLE_URL = ARTICLE_LANG_URL = "{lang}/news/{slug}/"
# The plugin writes every page, release pages included (at ARTICLE_URL + index.html, on every
# core), so Pelican itself must not write them a second time.
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = ""
# Releases are paired by the plugin through `translation_key`, not by Pelican's slug matching.
ARTICLE_TRANSLATION_ID = None
DEFAULT_CATEGORY = "news"
USE_FOLDER_AS_CATEGORY = False
SLUGIFY_SOURCE = "basename"
# Dates come from the front-matter, never from file names (Pelican would parse each one).
FILENAME_METADATA = ""
# Pelican's own lists are single-language; the plugin writes every list in every language.
DIRECT_TEMPLATES = []
PAGINATED_TEMPLATES = {}
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
# Drafts never get a page of their own: the preview shows them in place, marked.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
# Feeds are per language, written by the plugin.
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
# Absolute links everywhere: relative URLs would put `../` in the output.
RELATIVE_URLS = False

# -- Languages ---------------------------------------------------------------------------------
NEWSROOM_LANGUAGES = {
    "en": {"locale": "en_GB", "sitename": "IOM Georgia Newsroom"},
    "ka": {"locale": "ka", "sitename": "IOM საქართველო — პრესცენტრი"},
}
# An untranslated release is listed in the other language, marked, linking to the original.
NEWSROOM_UNTRANSLATED = "list"
NEWSROOM_PER_PAGE = 10

# -- Media contact -----------------------------------------------------------------------------
# The "Media enquiries" block at the end of every release page (docs/officer-guide.md). Not set:
# the office's press contact is not known here, so no block is shown. THE LINES BELOW ARE AN
# EXAMPLE ONLY, with made-up values: uncomment them and put in the real contact of each language.
# NEWSROOM_MEDIA_CONTACT = {
#     "en": {"name": "Name Surname", "role": "Media and Communications", "email": "press@example.org", "phone": "+995 00 000 00 00"},
#     "ka": {"name": "სახელი გვარი", "role": "მედია და კომუნიკაცია", "email": "press@example.org", "phone": "+995 00 000 00 00"},
# }

# -- Preview -----------------------------------------------------------------------------------
# Locally: show drafts and embargoed releases (marked), and skip broken files with a warning.
NEWSROOM_PREVIEW = True
NEWSROOM_STRICT = False

# -- Markdown ----------------------------------------------------------------------------------
# Tables, footnotes, attribute lists and abbreviations; no `meta` (front-matter is YAML).
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# -- Plugins and theme -------------------------------------------------------------------------
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsroom"]
THEME = "theme"
# The plugin publishes the theme's files itself, stylesheets and scripts under fingerprinted names.
THEME_STATIC_PATHS = []
# Pelican's content cache makes a warm rebuild read only what changed (the plugin adds caches of
# rendered pages and of the search index there); uncompressed, it saves in a fraction of the time.
CACHE_PATH = "cache"
GZIP_CACHE = False
# Escape everything by default; release bodies are marked safe where they are printed.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# -- Editor ------------------------------------------------------------------------------------
# The browser editor at /admin/ (Decap CMS, plugins/newsroom/cms.py): built only when
# NEWSROOM_ADMIN=1 is in the environment (`./dev cms`, and CI when publishing), since it needs
# Decap's bundle from admin/ (npm); every other build needs no npm.
# Any other value than 1, 0 or none is kept as it is, for the plugin to refuse ("true" must not
# silently leave the editor out).
NEWSROOM_ADMIN = {"": False, "0": False, "1": True}.get(os.environ.get("NEWSROOM_ADMIN", ""), os.environ.get("NEWSROOM_ADMIN"))
# The repository the editor saves into, through GitHub (docs/hosting.md: signing in).
NEWSROOM_ADMIN_BACKEND = {
    "name": "github",
    "repo": os.environ.get("NEWSROOM_ADMIN_REPO", "iom-georgia/newsroom"),
    "branch": "main",
    **({"base_url": os.environ["NEWSROOM_ADMIN_AUTH"]} if os.environ.get("NEWSROOM_ADMIN_AUTH") else {}),
}
# `./dev cms`: decap-server's address, which saves into this working copy; unset in production.
NEWSROOM_ADMIN_LOCAL = os.environ.get("NEWSROOM_ADMIN_LOCAL") or None
