"""Run a command on a full disk: a small tmpfs holding the last good site, with `room` bytes free.

`python full_disk.py SPEC` (SPEC: a JSON file, see `run`) prints, as JSON, the command's exit code and
output, and what became of the last site. Mounting needs root: the test runs it in a mount
namespace of its own (`unshare --mount`; `--user --map-root-user` too when not root), so the tmpfs
goes with the process, however it ends.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PAGE = 4096  # tmpfs counts whole pages of memory; folders cost nothing


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` and every folder, with a digest of its bytes and its mode."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        mode = oct(path.lstat().st_mode)
        found[name] = f"{mode} {hashlib.sha256(path.read_bytes()).hexdigest()}" if path.is_file() else mode
    return found


def footprint(folder: Path) -> int:
    """What the files below `folder` take on a tmpfs."""
    return sum(-(-path.stat().st_size // PAGE) * PAGE for path in folder.rglob("*") if path.is_file())


def run(spec: dict) -> dict:
    """spec: mount (an empty folder), site (the last good site, copied to mount/output), room (bytes
    left free), command (run in `cwd` with `env` added)."""
    mount = Path(spec["mount"])
    mount.mkdir(parents=True, exist_ok=True)
    size = footprint(Path(spec["site"])) + -(-spec["room"] // PAGE) * PAGE
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    try:
        shutil.copytree(spec["site"], mount / "output")
        assert os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize == size - footprint(Path(spec["site"]))
        before = snapshot(mount / "output")
        command = subprocess.run(spec["command"], cwd=spec["cwd"], env={**os.environ, **spec["env"]},
                                 capture_output=True, text=True, timeout=120)
        after = snapshot(mount / "output") if (mount / "output").is_dir() else {}
        return {
            "returncode": command.returncode,
            "log": command.stdout + command.stderr,
            "changed": sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name)),
            "beside": sorted(path.name for path in mount.iterdir() if path.name != "output"),
        }
    finally:
        subprocess.run(["umount", str(mount)], check=True)


if __name__ == "__main__":
    print(json.dumps(run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))))
