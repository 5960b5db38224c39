"""Safe output: a build writes into a fresh staging folder that replaces the output only on success.

A failed build leaves the last good site in place, and a build never deletes a folder that holds
the project itself (content/, .git) because OUTPUT_PATH was set wrong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import OutputError
from .settings import config

PROJECT_MARKERS = (".git", "content", "pelicanconf.py", "pyproject.toml")


def check_replaceable(output: Path, content: Path) -> None:
    """Refuse an output folder that is, or holds, the project or its content."""
    output, content = output.resolve(), content.resolve()
    if output == content or output in content.parents:
        raise OutputError(f"newsroom: setting OUTPUT_PATH {str(output)!r} contains the content folder {str(content)!r}; refusing to replace it")
    markers = [name for name in PROJECT_MARKERS if (output / name).exists()]
    if markers:
        raise OutputError(f"newsroom: setting OUTPUT_PATH {str(output)!r} holds {', '.join(markers)}, so it is not a build output; refusing to replace it")


def staging_path(output: Path) -> Path:
    return output.with_name(output.name + ".staging")


def stage(pelican) -> None:
    """Point this build at a fresh staging folder beside the configured output."""
    if not config(pelican.settings).atomic_output:
        return
    output = Path(pelican.settings["OUTPUT_PATH"])
    check_replaceable(output, Path(pelican.settings["PATH"]))
    staging = staging_path(output)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    pelican.output_path = str(staging)


def publish(pelican) -> None:
    """The build succeeded: swap the staging folder in for the output."""
    output = Path(pelican.settings["OUTPUT_PATH"])
    staging = Path(pelican.output_path)
    if staging == output:
        return
    replace(output, staging)
    pelican.output_path = str(output)


def replace(output: Path, staging: Path) -> None:
    previous = output.with_name(output.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    if previous.exists():
        shutil.rmtree(previous)
