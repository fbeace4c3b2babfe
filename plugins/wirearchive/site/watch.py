"""`mkdocs serve` is told of a changed dispatch by the operating system, rather than polling for it.

MkDocs' live-reload server watches with watchdog's `PollingObserver`: every 0.5 s it lists and
stats every file under each watched folder and compares the listing with the last one. At 10,000
dispatches one look at `articles/` takes about 85 ms of Python (50 ms listing, 35 ms comparing),
holding the interpreter's lock. While a reload builds, the poller so takes about a sixth of the
build's time, and a saved file is seen a quarter of a second late on average.

watchdog's native observer (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
Windows) is told of a change by the kernel and costs nothing while nothing changes. The archive's
folders, which the plugin asks the server to watch (`on_serve`), are scheduled on one of its own.
The server still gets each change through its own `watch` callback, so it debounces and rebuilds
exactly as for `docs/`, which it keeps polling itself (MkDocs schedules it before any plugin
runs; it holds the glossary, a few hundred files).

Native events do not cross every mount (a Docker volume shared from macOS, some network shares):
`native_watch: false` keeps MkDocs' polling. A folder the native observer cannot watch (inotify's
`max_user_watches` reached, say) is polled, with an info line that says so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.wirearchive")


class _Changes(FileSystemEventHandler):
    """Hands on to the server's handler only the events that change a file. inotify also tells
    of a file opened, or closed unwritten; a build reads every dispatch, so each build would
    start the next."""

    READS = frozenset({"opened", "closed_no_write"})  # watchdog's names, 2.3 and 4.0 on

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type not in self.READS:
            self.handler.dispatch(event)


class _NativeFirst:
    """Stands in for the server's observer while the server schedules the archive's folders:
    each goes to the native observer, or to the server's own when the native one refuses it."""

    def __init__(self, native: BaseObserver, polling: BaseObserver) -> None:
        self.native = native
        self.polling = polling

    def schedule(self, handler: Any, path: str, *, recursive: bool = False, **options: Any) -> Any:
        try:
            return self.native.schedule(_Changes(handler), path, recursive=recursive, **options)
        except OSError as error:
            log.info("%s is polled for changes: the system would not watch it (%s)", path, error)
            return self.polling.schedule(handler, path, recursive=recursive, **options)


class NativeWatch:
    """The observer that watches the archive's folders for one `mkdocs serve`."""

    def __init__(self) -> None:
        self.observer: BaseObserver | None = None

    def watch(self, server: Any, folders: Iterable[Path]) -> None:
        """Has `server` (MkDocs' `LiveReloadServer`) rebuild when a file under `folders` changes,
        learning of it from the system where watchdog has a native observer for it."""
        paths = [str(folder) for folder in folders]
        native = Observer()
        if isinstance(native, PollingObserver):  # no native observer on this platform
            for path in paths:
                server.watch(path)
            return
        native.start()  # so that scheduling starts each folder's watch here, and fails here
        self.observer = native
        polling = server.observer
        server.observer = _NativeFirst(native, polling)
        try:
            for path in paths:
                server.watch(path)
        finally:
            server.observer = polling

    def close(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
            self.observer = None
