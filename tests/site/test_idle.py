"""`mkdocs serve` runs Python's full garbage collections while it waits (site/idle.py)."""

from __future__ import annotations

import gc
import time

from wirearchive.site.idle import NO_FULL_COLLECTIONS, IdleCollector


class Cycle:
    """What a build leaves behind: objects that name each other (a page and its file)."""

    def __init__(self) -> None:
        self.other = self


def _full_collections() -> list[float]:
    found: list[float] = []

    def note(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            found.append(time.monotonic())

    gc.callbacks.append(note)
    return found


def test_full_collections_run_once_the_server_is_idle_and_never_in_a_build():
    before = gc.get_threshold()
    collector = IdleCollector(delay=0.2)
    full = _full_collections()
    try:
        collector.after_build()  # the first build
        assert gc.get_threshold() == (before[0], before[1], NO_FULL_COLLECTIONS)
        collector.before_build()  # an edit at once: no collection during the build
        built = time.monotonic()
        # A build's worth of objects that live to its end: by default, the collector would
        # have run a full collection while they were made.
        held = [Cycle() for _ in range(300_000)]
        time.sleep(0.4)
        assert not full and collector.collections == 0  # the youngest generations only
        del held  # the build ends: its objects are garbage only a full collection frees
        collector.after_build()
        ended = time.monotonic()
        for _ in range(50):
            if collector.collections:
                break
            time.sleep(0.05)
        assert collector.collections == 1 and len(full) == 1
        assert full[0] - ended >= 0.2 and full[0] > built
        assert gc.collect() < 1000  # the cycles were freed by the idle collection
    finally:
        collector.close()
        gc.callbacks.pop()
    assert gc.get_threshold() == before
