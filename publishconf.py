"""Production build: `pelican content -s publishconf.py`. Strict: any content problem fails it."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402, F403

# The address the site is served from, e.g. https://example.github.io/newsroom
SITEURL = os.environ.get("SITEURL", "https://iom-georgia.github.io/newsroom").rstrip("/")

# Publishing never shows drafts or embargoed releases, and stops on any content problem.
NEWSROOM_PREVIEW = False
NEWSROOM_STRICT = True
DELETE_OUTPUT_DIRECTORY = True
