"""The W3C Nu HTML Checker (vnu.jar, from npm) over HTML and CSS files, errors only."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .builtsite import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check_html(files: list[Path], root: Path, jar: Path = VNU_JAR) -> list[str]:
    """Every error the checker reports, as `file:line: message` (file relative to `root`)."""
    command = ["java", "-jar", str(jar), "--format", "json", "--errors-only", "--also-check-css", "--stdout"]
    result = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        return [f"vnu.jar gave no report (exit status {result.returncode}): {result.stderr.strip()[-2000:]}"]
    findings = []
    for message in messages:
        if message.get("type") == "info":
            continue
        if "url" not in message:  # a problem of the checker itself, not of a file
            findings.append(f"vnu.jar: {message.get('message')}")
            continue
        path = Path(unquote(urlsplit(message["url"]).path))
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        line = message.get("lastLine")
        if line is not None and path.suffix != ".css":
            # vnu 26.9.27 counts HTML lines from 0 when run with --also-check-css (CSS lines from 1);
            # the planted-error test in test_html.py pins the real line number
            line += 1
        if line is not None:
            where += f":{line}"
        findings.append(f"{where}: {message['message']}")
    return findings
