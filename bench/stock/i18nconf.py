"""Stock Pelican + pelican-i18n-subsites 1.0.0: the "stock i18n" row of bench/run.py.

English is the main site (at /), Georgian a subsite (at /ka/), each a full Pelican run, as the
plugin does it. Language versions are paired by slug (Pelican's ARTICLE_TRANSLATION_ID).
bench/run.py passes I18N_GETTEXT_LOCALEDIR: a folder with the theme's .mo compiled from
theme/translations/ka/LC_MESSAGES/messages.po.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402, F403

PLUGINS = ["pelican.plugins.i18n_subsites"]
I18N_SUBSITES = {"ka": {"SITENAME": "IOM საქართველო — პრესცენტრი"}}
# An untranslated release is left out of the other language (the plugin's default, "hide").
I18N_UNTRANSLATED_ARTICLES = "hide"
# gettext in templates through the plugin, not the one-language `_` of pelicanconf.py
JINJA_ENVIRONMENT = {**JINJA_ENVIRONMENT, "extensions": ["jinja2.ext.i18n"]}  # noqa: F405
JINJA_GLOBALS = {}
