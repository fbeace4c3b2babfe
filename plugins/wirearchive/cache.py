"""A cache of parsed dispatches, keyed by content: unchanged files are not parsed again.

The key of a file is a hash of its bytes, its path in the archive (which gives its year and
its `source_file`), the settings that change what parsing gives, and the version of the
code (a hash of the package's own source files), so any change to any of them is a miss.
Entries live in one SQLite file under the site's cache folder, which git ignores; a build
without the cache gives the same bytes as a build with it.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PARSE_CACHE = Path(".cache") / "parse"  # beside mkdocs.yml; git ignores /.cache/


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of every Python source file of the package: a new version of the code, new keys."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ParseCache:
    """Parsed results by key, in `folder/parse.sqlite`. Use as a context manager."""

    def __init__(self, folder: Path, settings: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "parse.sqlite"
        self._salt = hashlib.sha256(f"{code_version()}\n{settings}".encode()).digest()
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS parsed (key TEXT PRIMARY KEY, value BLOB)")
        self.hits = self.misses = 0

    def key(self, source_file: str, data: bytes) -> str:
        digest = hashlib.sha256(self._salt)
        digest.update(source_file.encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

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
        rows = [(key, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 3)) for key, value in items]
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

    def __enter__(self) -> "ParseCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
