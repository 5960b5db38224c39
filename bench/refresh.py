"""Edit-to-refresh: how long after one release is saved its page is rewritten, in the live preview
session that `invoke livereload` runs (plugins/newsroom/session.py).

    python bench/refresh.py --n 5000

Builds a synthetic corpus (bench/corpus.py), starts a session (its first build, as livereload's),
then saves edits one at a time: a sentence added to a body, a new title, a new release, a deleted
release, a partner mistyped (the page lists the problem) and corrected. For each it times, from the save, the moment the page on disk shows the change and the end
of the refresh.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

import corpus  # noqa: E402


def session_for(content: Path, output: Path, cache: Path):
    from pelican.settings import read_settings

    from newsroom.session import Session

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache),
        "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
    })
    return Session(settings)


def watch(page: Path, present: bool, text: str, seen: dict) -> None:
    """Note the moment `page` shows `text` (or, `present` False, is gone)."""
    while "at" not in seen:
        try:
            shown = text in page.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            shown = False
        if shown == present:
            seen["at"] = time.perf_counter()
        time.sleep(0.002)


def timed(session, page: Path, text: str, change, present: bool = True) -> str:
    seen: dict = {}
    watcher = threading.Thread(target=watch, args=(page, present, text, seen), daemon=True)
    change()
    saved = time.perf_counter()
    watcher.start()
    refresh = session.refresh()
    total = time.perf_counter() - saved
    watcher.join(timeout=5)
    reached = f"{seen['at'] - saved:5.2f} s" if "at" in seen else "never"
    return f"page {'rewritten' if present else 'removed'} after {reached}, refresh done after {total:5.2f} s ({refresh.kind}, {refresh.pages} pages)"


def save(path: Path, text: str) -> None:
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="releases per language (default 5000)")
    parser.add_argument("--tmpdir", help="where to make the temporary folder (default: the system's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsroom-refresh-", dir=args.tmpdir) as folder:
        folder = Path(folder)
        corpus.main(["--n", str(args.n), "--format", "newsroom", "--out", str(folder)])
        content, output, cache = folder / "content", folder / "output", folder / "cache"
        start = time.perf_counter()
        session_for(content, output, cache).build()
        print(f"livereload starts, cold caches: {time.perf_counter() - start:6.2f} s")
        session = session_for(content, output, cache)
        start = time.perf_counter()
        session.build()
        print(f"livereload starts, warm caches: {time.perf_counter() - start:6.2f} s")

        releases = sorted((content / "releases").rglob("*.en.md"))
        release = releases[len(releases) // 2]
        text = release.read_text(encoding="utf-8")
        slug = release.name.split("-", 3)[3].removesuffix(".en.md")
        page = output / "en" / "news" / slug / "index.html"
        added = "A sentence added by the officer."
        print(f"edits of {release.relative_to(content)}, {2 * args.n} releases in the site:")
        print("  a sentence added:  ", timed(session, page, added, lambda: save(release, text + f"\n{added}\n")))
        title = text.split("title: ", 1)[1].split("\n", 1)[0]
        retitled = (text + f"\n{added}\n").replace(f"title: {title}", "title: A corrected headline", 1)
        print("  a new title:       ", timed(session, page, "A corrected headline", lambda: save(release, retitled)))
        new = release.with_name(release.name.replace(slug, "a-new-release"))
        fresh = retitled.replace("title: A corrected headline", "title: A new release", 1).replace("translation_key: ", "translation_key: new-", 1)
        new_page = output / "en" / "news" / "a-new-release" / "index.html"
        print("  a new release:     ", timed(session, new_page, "A new release", lambda: save(new, fresh)))
        print("  a release deleted: ", timed(session, new_page, "A new release", new.unlink, present=False))
        # a partner mistyped: the release's address lists its problems (and its twin's, now at odds)
        partners = retitled.split("\npartners: ", 1)[1].split("\n", 1)[0]
        mistyped = retitled.replace(f"\npartners: {partners}", "\npartners: [no-such-partner]", 1)
        print("  a partner mistyped:", timed(session, page, "unknown partner", lambda: save(release, mistyped)))
        print("  and corrected:     ", timed(session, page, "A corrected headline", lambda: save(release, retitled)))


if __name__ == "__main__":    main()
