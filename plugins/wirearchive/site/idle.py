"""`mkdocs serve`: Python's full garbage collections run while the server waits, not in a reload.

Through `mkdocs serve`'s builds, the plugin holds what the last build made of unchanged
dispatches (wirearchive.carry): about 800,000 objects the collector tracks at 10,000
dispatches. Each reload makes as many again, most of which live to the end of the build, so
Python's collector ran one to three full collections in every reload, 0.6 s each: a seventh
to a quarter of a reload's time. The previous build's pages, files and navigation are held
in reference cycles (a page and its file name each other) and only a full collection frees
them.

So, once the first build is done, the collector no longer starts full collections by itself
(its youngest generations still run as they do), and one full collection runs when the
server has been idle for `IDLE_SECONDS` after a build: the reader's browser has reloaded by
then. A build that starts first cancels it; the next idle moment collects what both builds
left. `close` gives the collector its thresholds back.

Other work that only reports on a build can wait for that moment too (`after_build(work)`):
the measure of the site, which walks its 36,000 files (0.3 s) to log its size and the pages
over budget. It runs before the collection, and never while a build runs: a build that
starts waits for it to end, and work whose build was followed by another is dropped.

Written here rather than taken from a library: it is three calls of the standard `gc` module
and a timer, and what matters is when they run, which only the plugin's events know.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

IDLE_SECONDS = 1.0  # after a build, before the full collection
NO_FULL_COLLECTIONS = 1_000_000  # youngest collections between full ones: never, in practice


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

    def after_build(self, *work: Callable[[], None]) -> None:
        """A build ended (or failed): run `work`, then collect, once the server has been idle
        a while, unless another build has started by then."""
        self.before_build()
        if self.thresholds is None:
            self.thresholds = gc.get_threshold()
            gc.set_threshold(self.thresholds[0], self.thresholds[1], NO_FULL_COLLECTIONS)
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
        if self.thresholds is not None:
            gc.set_threshold(*self.thresholds)
            self.thresholds = None
