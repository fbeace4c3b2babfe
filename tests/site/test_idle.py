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


def test_idle_work_runs_once_idle_and_never_during_a_build():
    """Work that reports on a build (the site's measure) runs once the server has been idle
    for the delay, before the collection; a build that starts first drops it, and a build
    that starts while it runs waits for its end."""
    collector = IdleCollector(delay=0.2)
    ran: list[tuple[str, float]] = []

    def work(name: str, seconds: float = 0.0):
        def job() -> None:
            ran.append((f"{name} start", time.monotonic()))
            time.sleep(seconds)
            ran.append((f"{name} end", time.monotonic()))

        return job

    try:
        collector.after_build(work("dropped"))
        collector.before_build()  # an edit at once: the first build's work is dropped
        ended = time.monotonic()
        collector.after_build(work("measure", 0.4))
        time.sleep(0.3)  # idle: the work has started
        assert [name for name, _ in ran] == ["measure start"]
        assert ran[0][1] - ended >= 0.2
        collector.before_build()  # another edit: waits for the work to end
        started = time.monotonic()
        assert [name for name, _ in ran] == ["measure start", "measure end"]
        assert started >= ran[1][1]
        assert collector.collections == 1  # after the work, in the same idle moment
        time.sleep(0.4)
        assert len(ran) == 2
    finally:
        collector.close()


def test_mkdocs_serve_measures_the_site_once_idle(tmp_path, caplog):
    """`mkdocs serve`'s builds log the site's size once the server is idle, not in the build:
    walking the site's files took 0.3 s of a reload at 10,000 dispatches."""
    import logging

    from ..conftest import served

    with served(tmp_path) as serve:
        serve.plugin.idle.delay = 0.2
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.wirearchive"):
            serve.build()
            assert "wirearchive: site: " not in caplog.text
            for _ in range(40):
                if serve.plugin.idle.collections:
                    break
                time.sleep(0.05)
        assert "wirearchive: site: " in caplog.text and "1 article pages" in caplog.text
