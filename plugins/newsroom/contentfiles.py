"""A file a release names by its path from content/ (a photo, a document): found, or one line
saying what is wrong with the path and the fix. What the file holds is its own module's check
(`images.inspect`, `attachments.inspect`); where it may be and how it is named is checked here."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from pathlib import Path, PurePosixPath


def locate(content: Path, src: str, folder: str, noun: str, example: str,
           checks=lambda src, shown: None) -> tuple[Path, os.stat_result] | str:
    """The file `src` names under `content/<folder>/` and its status, or the problem with it.

    `checks(src, shown)` is the caller's check of the name itself (a document's type), made once
    the path is known to be in the folder and before the file is looked for."""
    shown = f"'{src}'"
    outside = (f"{shown} is outside content/{folder}/; put the {noun} in content/{folder}/ "
               f"and give its path from content/, e.g. {example}")
    if re.search(r"[\x00-\x1f\x7f]", src):
        return f"{src!r} has a control character in it; give the path on one line, e.g. {example}"
    if "\\" in src:
        return f"{shown} has a backslash; separate folders with /, e.g. {example}"
    if "://" in src:
        return f"{shown} is a web address; save the {noun} in content/{folder}/ and give its path from content/, e.g. {example}"
    if src.startswith("/") or re.match(r"[A-Za-z]:", src):
        return f"{shown} is an absolute path; give the path from content/, e.g. {example}"
    if ".." in src.split("/"):
        normal = posixpath.normpath(src)
        return f"{shown} has '..' in it; write it as '{normal}'" if normal.startswith(f"{folder}/") else outside
    if PurePosixPath(src).parts[:1] != (folder,):
        return outside
    refused = checks(src, shown)
    if refused:
        return refused

    missing = f"{shown} does not exist under content/; check the spelling, or add the {noun} to content/{folder}/"
    try:
        path = (content / src).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return missing
    if not path.is_relative_to((content / folder).resolve()):
        return f"{shown} is a link to a place outside content/{folder}/; copy the {noun} itself into content/{folder}/"
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return missing
    except OSError as error:
        return f"{shown} cannot be read ({error.strerror}); check the file's permissions"
    if stat.S_ISDIR(status.st_mode):
        return f"{shown} is a folder; give the path of a {noun} in it, e.g. {example}"
    if not stat.S_ISREG(status.st_mode):
        return f"{shown} is not a regular file; put the {noun} itself in content/{folder}/"
    return path, status
