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

import contextlib
import hashlib
import os
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
    """Parsed results by key, as bytes (the caller's JSON), in `folder/parse.sqlite`.

    Use as a context manager. A cache that cannot be read or written (a full disk, a
    read-only folder, a damaged file) is a cache that misses: the build goes on without it,
    and `failure` says why, for the caller to report.
    """

    def __init__(self, folder: Path, settings: str):
        self.path = folder / "parse.sqlite"
        self.settings = settings
        self.hits = self.misses = 0
        self.failure: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("CREATE TABLE IF NOT EXISTS parsed (key TEXT PRIMARY KEY, value BLOB)")
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        self.failure = self.failure or f"{self.path}: {exc}"
        if self._db is not None:
            self._db.close()
        self._db = None

    def key(self, source_file: str, data: bytes, sidecar: bytes | None = None) -> str:
        """The key of a file: its path and bytes, and those of its sidecar front matter."""
        extra = (b"\0sidecar\0" + sidecar,) if sidecar is not None else ()
        return content_key(self.settings, source_file, data, *extra)

    def get(self, key: str) -> bytes | None:
        row = None
        if self._db is not None:
            try:
                row = self._db.execute("SELECT value FROM parsed WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                self._fail(exc)
        try:
            value = zlib.decompress(row[0]) if row is not None else None
        except zlib.error:  # a damaged entry: treat it as absent
            value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store entries as `items` makes them: a build's are never all in memory at once."""
        if self._db is None:
            return
        rows = ((key, zlib.compress(value, 3)) for key, value in items)
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO parsed (key, value) VALUES (?, ?)", rows
                )
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def prune(self, keep: set[str]) -> None:
        """Forget entries of files that are gone or changed, so the cache does not grow forever."""
        if self._db is None:
            return
        try:
            stale = [
                (key,) for (key,) in self._db.execute("SELECT key FROM parsed") if key not in keep
            ]
            if stale:
                with self._db:
                    self._db.executemany("DELETE FROM parsed WHERE key = ?", stale)
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


PART = ".part"  # a file being written (FileCache.put)


class FileCache:
    """Built files by key, one file each in `folder` (`<key><suffix>`).

    As the parse cache, it misses rather than fails: `failure` says why it could not write.
    """

    def __init__(
        self, folder: Path, settings: str, suffix: str = ".json", former: tuple[str, ...] = ()
    ):
        self.folder = folder
        self.settings = settings
        self.suffix = suffix
        self.former = former  # suffixes of entries an earlier version wrote: pruned as stale
        self.failure: str | None = None

    def key(self, *parts: bytes | str) -> str:
        return content_key(self.settings, *parts)

    def get(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}{self.suffix}").read_bytes()
        except OSError:
            return None

    def has(self, key: str) -> bool:
        return (self.folder / f"{key}{self.suffix}").is_file()

    def put(self, key: str, data: bytes) -> None:
        if self.failure is not None:
            return
        path = self.folder / f"{key}{self.suffix}"
        # Written aside, then renamed: a build killed mid-write leaves no half file to be
        # read back as a whole one.
        part = self.folder / f"{key}.{os.getpid()}{PART}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            part.write_bytes(data)
            os.replace(part, path)
        except OSError as exc:
            self.failure = f"{self.folder}: {exc}"
            with contextlib.suppress(OSError):  # NotADirectoryError, if the folder is a file
                part.unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Forget the files whose keys are not in `keep`."""
        wanted = {f"{key}{self.suffix}" for key in keep}
        try:
            for path in self.folder.iterdir() if self.folder.is_dir() else ():
                if path.name not in wanted and path.name.endswith(
                    (self.suffix, PART, *self.former)
                ):
                    path.unlink(missing_ok=True)
        except OSError as exc:
            self.failure = self.failure or f"{self.folder}: {exc}"


def file_stamp(path: str | Path) -> tuple[int, int, int, int] | None:
    """What the file system says of a file: size, modification and change times, inode; None
    when it cannot say. An edit changes it; a tool that sets the modification time back
    still changes the change time, which no program can set."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
