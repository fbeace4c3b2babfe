"""The archive's files as MkDocs holds them: made for 36,000 files a build at 10,000 dispatches.

MkDocs' `File` normalises every source path it is given through a `PurePath` (its `src_path`
setter), and copies every static file in `copy_static_files`: for a file a plugin wrote into
`site_dir` itself, three `stat` calls to find it unmodified (`mkdocs build --dirty`) or a
`shutil.SameFileError` caught (a clean build). At 10,000 dispatches these were 0.3 s of every
build, and of every reload of `mkdocs serve`, for files that need neither.

- `PosixSource`: a file whose source path the generators made, in POSIX form already (no
  backslash, no `.` or empty part): taken as it is.
- `WrittenFile`: a plain file (a dispatch as delivered, a feed, a search part) the plugin wrote
  into `site_dir` itself (`plugin._written`): MkDocs copies nothing for it.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File


class PosixSource(File):
    """A file whose source path is a POSIX path as the generators make it: not parsed again."""

    @property
    def src_path(self) -> str:
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        if "\\" in value or "//" in value or value.startswith(("./", "/")) or "/./" in value:
            raise ValueError(f"not a generated source path: {value!r}")
        self.src_uri = value


class WrittenFile(PosixSource):
    """A plain file the plugin wrote into `site_dir` at its destination: nothing to copy."""

    def is_modified(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass
