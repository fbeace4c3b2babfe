"""Caches keyed by content, under the site's `.cache/` folder (which git ignores).

One rule for every key: a hash of the version of the code (every Python source file of the
package), of the settings that change the result, and of the input itself. Any change to
any of them is a miss; a build without the cache gives the same bytes as a build with it.
Each cache forgets, after a build, the entries that build did not use (`prune`), so the
folder does not grow with every edit.

- :class:`ParseCache`: parsed dispatches, in one SQLite file (`.cache/parse/`);
- :class:`FileCache`: built files such as search index parts, one file per key
  (`.cache/search/`).
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CACHE_DIR = ".cache"  # beside mkdocs.yml; git ignores /.cache/


def cache_folder(root: Path, name: str) -> Path:
    """The folder of the cache `name` of the site whose root is `root`."""
    return root / CACHE_DIR / name


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of every Python source file of the package: a new version of the code, new keys."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(settings: str, *parts: bytes | str) -> str:
    """The key of an input: code version, settings, then each part, separated."""
    digest = hashlib.sha256(code_version().encode())
    for part in (settings, *parts):
        digest.update(b"\0")
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()


class ParseCache:
    """Parsed results by key, in `folder/parse.sqlite`. Use as a context manager."""

    def __init__(self, folder: Path, settings: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "parse.sqlite"
        self.settings = settings
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS parsed (key TEXT PRIMARY KEY, value BLOB)")
        self.hits = self.misses = 0

    def key(self, source_file: str, data: bytes) -> str:
        return content_key(self.settings, source_file, data)

    def get(self, key: str):
        row = self._db.execute("SELECT value FROM parsed WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(zlib.decompress(row[0]))
        except Exception:  # an entry written by other code: treat it as absent
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put_many(self, items: list[tuple[str, object]]) -> None:
        rows = [
            (key, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 3))
            for key, value in items
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO parsed (key, value) VALUES (?, ?)", rows)

    def prune(self, keep: set[str]) -> None:
        """Forget entries of files that are gone or changed, so the cache does not grow forever."""
        stale = [(key,) for (key,) in self._db.execute("SELECT key FROM parsed") if key not in keep]
        if stale:
            with self._db:
                self._db.executemany("DELETE FROM parsed WHERE key = ?", stale)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class FileCache:
    """Built files by key, one file each in `folder` (`<key><suffix>`)."""

    def __init__(self, folder: Path, settings: str, suffix: str = ".json"):
        self.folder = folder
        self.settings = settings
        self.suffix = suffix

    def key(self, *parts: bytes | str) -> str:
        return content_key(self.settings, *parts)

    def get(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}{self.suffix}").read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{key}{self.suffix}").write_bytes(data)

    def prune(self, keep: Iterable[str]) -> None:
        """Forget the files whose keys are not in `keep`."""
        wanted = {f"{key}{self.suffix}" for key in keep}
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in wanted and path.suffix == self.suffix:
                    path.unlink(missing_ok=True)
