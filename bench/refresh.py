"""Edit-to-refresh: how long after one release is saved its page is rewritten, and the whole
rebuild takes, with the caches `invoke livereload` uses (Pelican's content cache, our page cache).

    python bench/refresh.py --n 5000

Builds a synthetic corpus (bench/corpus.py) once cold, once warm, then edits one release's title
and rebuilds, timing from the save to the moment its page on disk shows the new title, and to the
end of the build. The build runs in-process, as livereload runs it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

import corpus  # noqa: E402


def build(content: Path, output: Path, cache: Path) -> float:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache),
        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "NEWSROOM_SEARCH": False,
    })
    start = time.perf_counter()
    Pelican(settings).run()
    return time.perf_counter() - start


def watch(page: Path, text: str, seen: dict) -> None:
    while "at" not in seen:
        try:
            if text in page.read_text(encoding="utf-8"):
                seen["at"] = time.perf_counter()
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="releases per language (default 5000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsroom-refresh-") as folder:
        folder = Path(folder)
        corpus.main(["--n", str(args.n), "--format", "newsroom", "--out", str(folder)])
        content, output, cache = folder / "content", folder / "output", folder / "cache"
        print(f"cold build:  {build(content, output, cache):6.2f} s")
        print(f"warm build:  {build(content, output, cache):6.2f} s (nothing changed)")
        release = sorted((content / "releases").rglob("*.en.md"))[len(list((content / 'releases').rglob('*.en.md'))) // 2]
        text = release.read_text(encoding="utf-8")
        slug = release.name.split("-", 3)[3].removesuffix(".en.md")
        page = output / "en" / "news" / slug / "index.html"
        seen: dict = {}
        watcher = threading.Thread(target=watch, args=(page, "A sentence added by the officer.", seen), daemon=True)
        release.write_text(text + "\nA sentence added by the officer.\n", encoding="utf-8")
        saved = time.perf_counter()
        watcher.start()
        total = build(content, output, cache)
        watcher.join(timeout=5)
        print(f"after an edit of {release.relative_to(content)}:")
        print(f"  its page rewritten after {seen['at'] - saved:6.2f} s" if "at" in seen else "  its page was not rewritten")
        print(f"  the rebuild finished after {total:6.2f} s")


if __name__ == "__main__":
    main()
