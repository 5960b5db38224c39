#!/usr/bin/env python3
"""Which path a CI run takes: `content` (check, build, verify the built site, deploy) or `code`
(the whole test suite too, which the deployment then waits for).

A push or a pull request that changes only files under content/ is content; one that changes
anything else (code, theme, settings, dependencies, the workflow, the tests) is code. A push
whose first commit is not known here (a new branch, a force-push, a first push: GitHub then
gives no usable "before") is code: nothing says what it changed. The nightly run and a run
started by hand push nothing: content (the code was tested when it was pushed).

Run by .github/workflows/site.yml with EVENT, BEFORE and AFTER in the environment; prints the
answer and, under GitHub Actions, writes `code=true` or `code=false` to $GITHUB_OUTPUT.
Standard library only: it runs before Python's packages are installed.
"""

from __future__ import annotations

import os
import subprocess
import sys

CONTENT = "content/"
PUSHED = ("push", "pull_request")


def classify(paths: list[str] | None) -> str:
    """'content' when every changed path is under content/, else 'code' (None: not known)."""
    if paths is None:
        return "code"
    return "content" if all(path.startswith(CONTENT) for path in paths) else "code"


def git(*args: str, cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def changed_paths(before: str, after: str, cwd: str | None = None) -> list[str] | None:
    """The paths changed from `before` to `after` (both sides of a rename), or None when
    `before` is missing, all zeros (a new branch) or not a commit of this clone (force-pushed away)."""
    if not before or not before.strip("0") or not after:
        return None
    for commit in (before, after):
        if git("cat-file", "-e", f"{commit}^{{commit}}", cwd=cwd).returncode != 0:
            return None
    diff = git("diff", "--name-only", "--no-renames", "-z", before, after, cwd=cwd)
    if diff.returncode != 0:
        return None
    return [path for path in diff.stdout.split("\0") if path]


def path_for(event: str, before: str, after: str, cwd: str | None = None) -> str:
    if event not in PUSHED:
        return "content"
    return classify(changed_paths(before, after, cwd))


def main() -> int:
    answer = path_for(os.environ.get("EVENT", ""), os.environ.get("BEFORE", ""), os.environ.get("AFTER", ""))
    print(f"This run takes the {answer} path" + (": the whole test suite runs too" if answer == "code" else
                                                   ": only content/ changed, the test suite does not run"))
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as file:
            file.write(f"code={'true' if answer == 'code' else 'false'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
