"""`mkdocs serve`: Python's full garbage collections run while the server waits, not in a reload.

Through `mkdocs serve`'s builds, the plugin holds what the last build made of unchanged
dispatches (wirearchive.carry): about 800,000 objects the collector tracks at 10,000
dispatches. Each reload makes as many again, most of which live to the end of the build, so
Python's collector ran one to three full collections in every reload, 0.6 s each: a seventh
to a quarter of a reload's time. The previous build's pages, files and navigation are held
in reference cycles (a page and its file name each other) and only a full collection frees
them.

So, from the first build on, the collector no longer starts full collections by itself
(its youngest generations still run as they do), and one full collection runs when the
server has been idle for `IDLE_SECONDS` after a build: the reader's browser has reloaded by
then. A build that starts first cancels it; the next idle moment collects what both builds
left. `close` gives the collector its thresholds back.

Other work that only reports on a build can wait for that moment too (`after_build(work)`):
the measure of the site, which walks its 36,000 files (0.3 s) to log its size and the pages
over budget. It runs before the collection, and never while a build runs: a build that
starts waits for it to end, and work whose build was followed by another is dropped.

`mkdocs build` and `mkdocs gh-deploy` run one build and end (`BuildCollector`): no full
collection runs in it at all (`ending.hold_full_collections`). A dirty build of 10,000
dispatches reads 10,000 articles and makes their pages' keys and timelines, objects that live
to its end, and the collector walked them in 11 full collections: 2.0 s of its 9.8 s, for
nothing freed (its peak memory was the same without them, 402 MB); in a cold build's main
process they were 2.4 s. The process then ends without a last collection either.

Written here rather than taken from a library: it is three calls of the standard `gc` module
and a timer, and what matters is when they run, which only the plugin's events know.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from ..ending import NO_FULL_COLLECTIONS, give_back, hold_full_collections

IDLE_SECONDS = 1.0  # after a build, before the full collection
__all__ = ["NO_FULL_COLLECTIONS", "BuildCollector", "IdleCollector"]


class IdleCollector:
    """Full garbage collections between `mkdocs serve`'s builds (see the module)."""

    def __init__(self, delay: float = IDLE_SECONDS) -> None:
        self.delay = delay
        self.thresholds: tuple[int, int, int] | None = None  # the collector's, while changed
        self.timer: threading.Timer | None = None
        self.collections = 0  # full collections this collector ran
        self.builds = 0  # builds started: idle work of an earlier one is dropped
        self.idle = threading.Lock()  # held by idle work, and by a build while it starts

    def before_build(self) -> None:
        """A build starts: no collection or idle work during it (one running is waited for)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        with self.idle:
            self.builds += 1
        self.thresholds = self.thresholds or hold_full_collections()

    def after_build(self, *work: Callable[[], None]) -> None:
        """A build ended (or failed): run `work`, then collect, once the server has been idle
        a while, unless another build has started by then."""
        self.before_build()
        self.timer = threading.Timer(self.delay, self._when_idle, (self.builds, work))
        self.timer.daemon = True  # never keeps the server from exiting
        self.timer.start()

    def _when_idle(self, build: int, work: tuple[Callable[[], None], ...]) -> None:
        with self.idle:
            if build != self.builds:  # a build started after the timer went off
                return
            for job in work:
                job()
            gc.collect()
            self.collections += 1

    def close(self) -> None:
        """The server stops: no collection pending, and the collector's thresholds back."""
        self.before_build()
        give_back(self.thresholds)
        self.thresholds = None


class BuildCollector:
    """`mkdocs build` and `mkdocs gh-deploy`: no full collection while the build runs (see the
    module). `mkdocs serve --clean` runs each of its builds as a `build` in one process: what
    one build left (its pages and files name each other) is collected as the next starts."""

    def __init__(self) -> None:
        self.thresholds: tuple[int, int, int] | None = None  # the collector's, while changed
        self.builds = 0
        self.collections = 0  # full collections run between builds

    def before_build(self) -> None:
        if self.builds:
            gc.collect()
            self.collections += 1
        self.builds += 1
        self.thresholds = self.thresholds or hold_full_collections()

    def close(self) -> None:
        """The command ends: the collector's thresholds back."""
        give_back(self.thresholds)
        self.thresholds = None
