"""`mkdocs build --dirty` and `mkdocs serve --dirty`: only the archive's changed pages are built.

MkDocs' dirty build skips a page whose `File.is_modified()` is false: for a page written from
a Markdown file, when `site/` holds an output newer than its source. The archive's pages have
no source file (`File.generated`), so MkDocs counted every one of them modified, and a dirty
build read, converted, rendered and wrote all of them. Worse, a hand-written page may show the
archive (the home page's template reads it; an entity's page, from its glossary entry, lists
the dispatches naming it): MkDocs left it as it was after an edit to a dispatch.

Here an archive page is modified unless this build finds, before MkDocs reads any page
(`on_nav`), that `site/` already holds its HTML for the same inputs: the page's key
(`site/pagecache.py`: its Markdown, metadata, context, what its template reads, and everything
site-wide) is the key the last build that wrote `site/` recorded for it. A page that is not
modified is neither read nor rendered nor written; the others are built as in any build. Every
hand-written page is built (they are few), and so is every page in the navigation (its title
is on every page).

The record (`BuildRecord`) is a file of the site's cache, one per output folder: the key of
each page a build wrote there, and of each plain file what stands for its content (a digest)
and what the file system said of it once written (`cache.file_stamp`): a plain file found with
both is taken as it is, neither made (a dispatch as delivered) nor read to be compared. It is
removed when a build starts and written when it ends, so after a failed or interrupted build
the next one builds every page.
A dirty build also removes the pages and files of the archive that the last build wrote and
this one does not (a dispatch removed or renamed). So a dirty build's `site/` is the same, byte
for byte, as a clean build's (`tests/site/test_dirty.py`). MkDocs' own dirty builds do not
remove what other plugins or the theme wrote before, and an unchanged page's `page.meta` is
empty for other plugins.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .files import PosixSource

RECORD_FORMAT = 2  # 2: a plain file with what stands for its content and its stamp


class ArchiveFile(PosixSource):
    """A page of the archive: modified, for a dirty build, unless `unchanged` was set."""

    unchanged = False  # site/ holds this page's HTML for this build's inputs (set in on_nav)

    def is_modified(self) -> bool:
        return not self.unchanged


class BuildRecord:
    """What the last build wrote into one output folder: its pages' keys and its plain files."""

    def __init__(self, folder: Path, site_dir: str) -> None:
        self.site_dir = os.path.abspath(site_dir)
        name = hashlib.sha256(self.site_dir.encode("utf-8")).hexdigest()[:16]
        self.folder = folder
        self.path = folder / f"{name}.json"

    def take(self) -> tuple[dict[str, str], dict[str, str]]:
        """The record of the last build (pages' keys, and plain files' content digests and
        stamps, by dest_uri), removed: until this build ends well, `site/` is not what any
        record says."""
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            data = None
        self.path.unlink(missing_ok=True)
        if (
            not isinstance(data, dict)
            or data.get("format") != RECORD_FORMAT
            or data.get("site_dir") != self.site_dir
        ):
            return {}, {}
        return dict(data["pages"]), dict(data["files"])

    def write(self, pages: Mapping[str, str], files: Mapping[str, str]) -> None:
        data = {
            "format": RECORD_FORMAT,
            "site_dir": self.site_dir,
            "pages": dict(sorted(pages.items())),
            "files": dict(sorted(files.items())),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            part = self.path.with_suffix(f".{os.getpid()}.part")
            part.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(part, self.path)
        except OSError:
            return  # without a record the next dirty build builds every page: slower, right
        self._forget_gone_folders()

    def _forget_gone_folders(self) -> None:
        """Records of output folders that no longer exist (`mkdocs serve` builds into a new
        temporary folder each time it starts) are removed."""
        for path in self.folder.glob("*.json"):
            if path == self.path:
                continue
            try:
                site_dir = json.loads(path.read_bytes()).get("site_dir")
            except (OSError, ValueError, AttributeError):
                site_dir = None
            if not isinstance(site_dir, str) or not os.path.isdir(site_dir):
                path.unlink(missing_ok=True)


class HeldRecord:
    """The record of `mkdocs serve`'s builds (as `BuildRecord`'s `take` and `write`), held by
    the plugin from one build to the next rather than written: serve builds into a temporary
    folder of its own, removed when it stops, so a record on disk never serves another build.
    Writing it and reading it back (36,000 entries at 10,000 dispatches) took 0.15 s of every
    reload."""

    def __init__(self, site_dir: str) -> None:
        self.site_dir = os.path.abspath(site_dir)
        self.held: tuple[dict[str, str], dict[str, str]] | None = None

    def take(self) -> tuple[dict[str, str], dict[str, str]]:
        """The record of the last build, let go: until this build ends well, `site/` is not
        what any record says."""
        held, self.held = self.held, None
        return held if held is not None else ({}, {})

    def write(self, pages: Mapping[str, str], files: Mapping[str, str]) -> None:
        self.held = (dict(pages), dict(files))


def remove_stale(site_dir: str, dest_uris: Iterable[str]) -> int:
    """Remove files the last build wrote and this one does not, and the folders they leave
    empty. Returns how many files were removed."""
    root = Path(site_dir)
    removed = 0
    for dest_uri in sorted(dest_uris):
        path = root.joinpath(*dest_uri.split("/"))
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
        parent = path.parent
        while parent != root:
            try:
                parent.rmdir()  # only if empty
            except OSError:
                break
            parent = parent.parent
    return removed
