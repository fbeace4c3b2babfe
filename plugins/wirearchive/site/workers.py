"""Pages rendered by worker processes beside MkDocs' page loop (issue 11: use the cores).

MkDocs renders pages one after the other, in one process. The archive's pages that may be
kept (`site/pagecache.py`) are rendered from data the plugin holds, and MkDocs' loop takes a
kept page as it is. So once every page is converted and every plugin's `on_env` has run, the
later pages still to render are shared among forked workers, while MkDocs' loop renders the
first ones in the build's own process. Each worker renders its pages as MkDocs' loop would
(MkDocs' context, every plugin's `on_page_context`, the page's template) and keeps them; when
MkDocs' loop reaches the workers' pages, it waits for them and takes those pages as kept. A
worker's page is the same bytes as MkDocs' own: `tests/site/test_workers.py` builds one site
with one process and with workers and compares them, file by file.

Workers are forked, so they start with everything the build holds, without copying it. Only
where that is safe and worth it: an OS with `fork`, no other thread running (`mkdocs serve`
runs its server and its watcher in threads, and a fork copies no thread but may copy a lock
one of them holds), enough pages to share, and as many workers as the free memory holds
(`workers_for`: a worker copies what it reads). A page a worker could not render, or whose
rendering logged a warning, is not kept: MkDocs' loop renders it and reports the warning.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

PARALLEL_FROM = 200  # fewer pages than this are rendered by MkDocs' loop (a fork costs ~20 ms)

Page = TypeVar("Page")


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


class Workers:
    """Worker processes rendering the later pages of a build while MkDocs' loop renders the
    first ones (`start_workers`)."""

    def __init__(self, pids: list[int], pages: list) -> None:
        self.pids = pids
        self.pages = pages  # the pages the workers render
        self.started = time.monotonic()

    def wait(self) -> float:
        """Waits for every worker; returns the seconds since they started."""
        try:
            for pid in self.pids:
                os.waitpid(pid, 0)
        finally:
            self.pids = []
            gc.unfreeze()
        return time.monotonic() - self.started


def start_workers(
    pages: Sequence[Page], render: Callable[[Page], None], processes: int
) -> Workers | None:
    """Forks workers to run `render` on the later pages of `pages` (in MkDocs' order), so that
    `processes` processes render them with this one, which renders the first share itself in
    MkDocs' loop and waits for the workers when its loop reaches their pages. Returns None
    (every page left to MkDocs' loop) when that is not safe or not worth it.

    Before, every share went to a worker while this process waited: each worker copied what
    it read, and on two cores that was two copies where one does (issue 11: memory).

    `render` keeps what it renders where this process finds it (the page cache's files):
    nothing else a worker does comes back.
    """
    processes = min(processes, len(pages))
    if processes < 2 or len(pages) < PARALLEL_FROM or not can_fork():
        return None
    workers = min(processes - 1, affordable(processes - 1))
    if workers < 1:
        return None
    # Contiguous shares of equal size, the first this process's: it waits for the workers
    # once its loop reaches their first page.
    shares = workers + 1
    bounds = [len(pages) * n // shares for n in range(1, shares + 1)]
    # The collector would write to every object the workers inherit, and so copy all of it
    # into each worker; frozen, it leaves them alone (reading an object still writes its
    # reference count: a worker copies what it reads).
    gc.freeze()
    pids: list[int] = []
    try:
        for number in range(workers):
            pid = os.fork()
            if pid == 0:  # the worker
                code = 1
                try:
                    _quiet()
                    for page in pages[bounds[number] : bounds[number + 1]]:
                        # a page that fails is left to the build, which reports it
                        with contextlib.suppress(Exception):
                            render(page)
                    code = 0
                finally:
                    os._exit(code)
            pids.append(pid)
    except BaseException:
        Workers(pids, []).wait()
        raise
    return Workers(pids, list(pages[bounds[0] : bounds[len(pids)]]))


def affordable(wanted: int) -> int:
    """How many workers the free memory allows, `wanted` at most (see `workers_for`); where
    the kernel does not say (no /proc), `wanted`."""
    try:
        resident = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        found = re.search(r"^MemAvailable:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    except (OSError, ValueError, IndexError):
        return wanted
    if found is None:
        return wanted
    available = int(found[1]) * 1024
    return workers_for(available, resident, wanted)


def workers_for(available: int, resident: int, wanted: int) -> int:
    """Workers that fit in `available` bytes, each counted at the build's `resident` size.

    A worker starts with the build's memory shared, but copies what it reads (CPython writes
    an object's reference count when it reads it), and rendering half of a site reads most
    of it: at 100,000 dispatches two workers came to 4.1 GB of their own beside the build's
    4.4 GB (PSS). A fifth of what is free is left free.
    """
    return max(0, min(wanted, int(available * 0.8) // max(resident, 1)))


def _quiet() -> None:
    """A worker says nothing: a page whose rendering logs a warning is not kept, and MkDocs'
    loop renders it again and logs the warning once, where a strict build counts it."""
    for name in ("mkdocs", ""):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            if isinstance(handler, logging.StreamHandler):
                logger.removeHandler(handler)
