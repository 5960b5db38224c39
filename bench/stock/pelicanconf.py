"""Stock Pelican, one language: the "plain Pelican" row of bench/run.py.

The same page families as our site, from Pelican's own generators and no plugin:
releases (articles), a paginated home (index), topics (tags), partners (authors, Pelican's only
multi-valued taxonomy besides tags), years (period archives) and an Atom feed. bench/run.py passes
the content folder and the output folder on the command line and SITEURL in the environment.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "IOM Georgia"
SITENAME = "IOM Georgia Newsroom"
SITEURL = os.environ.get("SITEURL", "http://localhost:8000").rstrip("/")
TIMEZONE = "Asia/Tbilisi"
DEFAULT_LANG = "en"

PATH = "content"
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = []
STATIC_PATHS = ["images"]
THEME = os.path.join(HERE, "theme")
RELATIVE_URLS = False

# URLs shaped like ours: folders with index.html
ARTICLE_URL = ARTICLE_LANG_URL = "news/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "news/{slug}/index.html"
TAG_URL, TAG_SAVE_AS = "topics/{slug}/", "topics/{slug}/index.html"
TAGS_URL, TAGS_SAVE_AS = "topics/", "topics/index.html"
AUTHOR_URL, AUTHOR_SAVE_AS = "partners/{slug}/", "partners/{slug}/index.html"
AUTHORS_URL, AUTHORS_SAVE_AS = "partners/", "partners/index.html"
YEAR_ARCHIVE_URL, YEAR_ARCHIVE_SAVE_AS = "archive/{date:%Y}/", "archive/{date:%Y}/index.html"
ARCHIVES_URL, ARCHIVES_SAVE_AS = "archive/", "archive/index.html"
# every release is in one category ("News"), which like ours gets no page of its own
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "authors", "archives"]
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "tag": None, "author": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# one Atom feed of the 20 newest releases, like ours
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feed.atom"
FEED_MAX_ITEMS = 20
FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TAG_FEED_ATOM = None

# the Markdown extensions our reader uses (Pelican adds `meta` for its own metadata)
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
# One language, no gettext: `_()` in the templates returns its English text.
JINJA_GLOBALS = {"_": lambda message, **values: message % values if values else message}
PLUGINS = []
