"""Safe output: one build at a time per output folder; each writes into its own staging folder,
which is checked, then swapped in for the output. A failed or incomplete build leaves the last good
site in place, and a build never deletes a folder that holds the project itself (content/, .git)
because OUTPUT_PATH was set wrong.

`lifecycle.build` uses these pieces: `Lock`, `stage`, `retain`, `check`, `replace`.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import resource
import shutil
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import pelican_internals, search
from .errors import OutputError

logger = logging.getLogger(__name__)

PROJECT_MARKERS = (".git", "content", "pelicanconf.py", "pyproject.toml")
# A write that fails for want of room: what to do about each
ROOM = {
    errno.ENOSPC: "free some space on the disk that holds {folder}",
    errno.EDQUOT: "free some space, or ask for a larger disk quota, on the disk that holds {folder}",
    errno.EFBIG: "raise the limit on the size of files this build may write (`ulimit -f`)",
}
# Linux swaps two folders in one step (renameat2 RENAME_EXCHANGE): the output never goes missing.
_LIBC = ctypes.CDLL(None, use_errno=True)
_RENAMEAT2 = getattr(_LIBC, "renameat2", None)
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2

Identity = tuple[int, int]  # (device, inode) of a folder: another build's swap changes it


@dataclass(frozen=True)
class Expected:
    """What a generator says it wrote into the new site: checked before the site is published."""

    files: tuple[str, ...] = ()  # each there and not empty
    copies: tuple[tuple[str, Path], ...] = ()  # (name in the site, source): each the size of its source
    search: tuple[str, ...] | None = None  # Pagefind's bundle, with an index for each language; None: no search


# -- the build -------------------------------------------------------------------------------------


def incomplete(problems: Sequence[str], output: Path, atomic: bool) -> str:
    more = f"; and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''}" if len(problems) > 1 else ""
    fix = f"Free some space on the disk that holds {output.parent}"
    if any(problem.startswith("pagefind/") for problem in problems):
        fix = f"Check that Pagefind runs (`python -m pagefind --version`) and that the disk that holds {output.parent} has free space"
    if resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY:  # files are cut at a size
        fix += f" or {ROOM[errno.EFBIG]}"
    return f"newsroom: the new site is incomplete ({problems[0]}{more}); {outcome(output, atomic)}. {fix}, then build again"


def unwritten(error: OSError, staging: Path, output: Path, atomic: bool) -> str:
    found = next(cause for cause in causes(error) if cause.errno in ROOM)
    where = ""
    if found.filename:
        name = Path(os.fsdecode(found.filename))
        where = f"{name.relative_to(staging).as_posix() if name.is_relative_to(staging) else name}: "
    fix = ROOM[found.errno].format(folder=output.parent)
    return (f"newsroom: the new site could not be written ({where}{found.strerror}); "
            f"{outcome(output, atomic)}. {fix[0].upper()}{fix[1:]}, then build again")


def outcome(output: Path, atomic: bool) -> str:
    if atomic:
        return "the last site was left in place"
    return f"NEWSROOM_ATOMIC_OUTPUT is off, so {output} holds this incomplete build"


def causes(error: BaseException) -> Iterable[OSError]:
    """The error and those it came from; for shutil's copies of folders, each file's error."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError):
            if isinstance(seen, shutil.Error) and seen.args and isinstance(seen.args[0], list):
                for _, destination, why in seen.args[0]:  # copytree keeps only the text of each error
                    code = next((code for code in ROOM if f"[Errno {code}]" in str(why)), None)
                    if code is not None:
                        yield OSError(code, os.strerror(code), destination)
            yield seen
        seen = seen.__cause__ or seen.__context__


def disk_full(error: BaseException) -> bool:
    """The error, or one it came from, is a write that found no room (disk full, quota, file size limit)."""
    return any(cause.errno in ROOM for cause in causes(error))


# -- one build at a time ---------------------------------------------------------------------------


class Lock:
    """One build at a time per output folder: an exclusive `flock` on `<output>.lock` beside it.

    A second build waits for the first to finish (with a message saying so), then builds: two CI
    steps, or `./dev build` beside `./dev livereload`, each end with a whole site, the later one's.
    The system releases the lock when its holder exits, however it ends, so a killed build never
    blocks the next one.
    """

    def __init__(self, output: Path):
        self.output = output
        self.path = output.with_name(output.name + ".lock")
        self.file = None

    def __enter__(self) -> Lock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until __exit__
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.file.seek(0)
            holder = self.file.read().strip()
            who = f"process {holder}" if holder.isdigit() else "another process"
            logger.warning("newsroom: another build (%s) is writing %s; waiting for it to finish "
                           "(stop that build to go on at once)", who, self.output)
            fcntl.flock(self.file, fcntl.LOCK_EX)
        self.file.seek(0)
        self.file.truncate()
        self.file.write(str(os.getpid()))
        self.file.flush()
        return self

    def __exit__(self, *exc_info) -> None:
        self.file.close()  # releases the lock
        self.file = None


def identity(folder: Path) -> Identity | None:
    try:
        info = folder.stat()
    except FileNotFoundError:
        return None
    return (info.st_dev, info.st_ino)


# -- staging and swapping --------------------------------------------------------------------------


def check_replaceable(output: Path, content: Path) -> None:
    """Refuse an output folder that is, or holds, the project or its content."""
    output, content = output.resolve(), content.resolve()
    if output == content or output in content.parents:
        raise OutputError(f"newsroom: setting OUTPUT_PATH {str(output)!r} contains the content folder {str(content)!r}; refusing to replace it")
    markers = [name for name in PROJECT_MARKERS if (output / name).exists()]
    if markers:
        raise OutputError(f"newsroom: setting OUTPUT_PATH {str(output)!r} holds {', '.join(markers)}, so it is not a build output; refusing to replace it")


def leftovers(output: Path) -> list[Path]:
    """Staging and retired folders of builds that were killed (and of older versions of this plugin)."""
    names = [f"{output.name}.staging-*", f"{output.name}.previous-*", f"{output.name}.staging", f"{output.name}.previous"]
    return sorted({path for name in names for path in output.parent.glob(name) if path.is_dir() and not path.is_symlink()})


def stage(output: Path) -> Path:
    """A fresh staging folder of this build's own beside the output (so the swap is a rename). Only
    the lock's holder calls it, so any other staging folder there is a killed build's: removed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if not output.exists():  # a build killed between the two renames of a swap without renameat2
        retired = [path for path in leftovers(output) if ".previous" in path.name]
        if retired:
            retired[-1].rename(output)
    for leftover in leftovers(output):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f"{output.name}.staging-"))
    # mkdtemp makes it private (0700); the published site keeps the output folder's mode
    staging.chmod(stat.S_IMODE(output.stat().st_mode) if output.exists() else 0o755)
    return staging


def retain(output: Path, staging: Path, names: Iterable[str]) -> None:
    """OUTPUT_RETENTION: what the last site had under these top-level names, and this build did not
    write, is copied into the new site (Pelican keeps them when it empties the output folder)."""
    for name in names:
        old, new = output / name, staging / name
        if new.exists() or new.is_symlink() or not (old.exists() or old.is_symlink()):
            continue
        if old.is_dir() and not old.is_symlink():
            shutil.copytree(old, new, symlinks=True)
        else:
            shutil.copy2(old, new, follow_symlinks=False)


def replace(output: Path, staging: Path) -> None:
    """Swap the staging folder in for the output, then remove the last site."""
    if not output.exists():
        staging.rename(output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now the last site; else the next build removes it
        return
    retired = staging.with_name(staging.name.replace(".staging-", ".previous-", 1))
    if retired == staging:
        retired = staging.with_name(staging.name + ".previous")
    output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders' names in one step; False where the system or file system cannot."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


# -- checking the new site -------------------------------------------------------------------------


def expected(generators: Iterable) -> list[Expected]:
    """What each generator of the build wrote: ours say so; Pelican's StaticGenerator, which logs a
    failed copy and goes on, is read from its list of static files."""
    found = []
    for generator in generators:
        said = getattr(generator, "expected_output", None)
        if isinstance(said, Expected):
            found.append(said)
        if isinstance(generator, pelican_internals.StaticGenerator):
            found.append(static_copies(generator))
    return found


def static_copies(generator) -> Expected:
    files = pelican_internals.static_files(generator)
    return Expected(copies=tuple(sorted((save_as, Path(generator.path, source)) for save_as, source in files)))


def check(site: Path, expectations: Iterable[Expected]) -> list[str]:
    """Every way the site falls short of what its generators said they wrote, one line each."""
    problems = []
    for expectation in expectations:
        for name in expectation.files:
            size = _size(site / name)
            if size is None:
                problems.append(f"{name} is missing")
            elif size == 0:
                problems.append(f"{name} is empty")
        for name, source in expectation.copies:
            size, wanted = _size(site / name), _size(source)
            if size is None:
                problems.append(f"{name} is missing")
            elif wanted is None or size == wanted:
                continue
            elif size == 0:
                problems.append(f"{name} is empty")
            else:
                problems.append(f"{name} is cut short ({size} of {wanted} bytes)" if size < wanted else f"{name} is {size} bytes, not {wanted}")
        if expectation.search is not None:
            problems += search.bundle_problems(site, expectation.search)
    return problems


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        return None
