"""`mkdocs serve` runs Python's full garbage collections while it waits, `mkdocs build` none
(site/idle.py)."""

from __future__ import annotations

import gc
import textwrap
import time

from wirearchive.site.idle import NO_FULL_COLLECTIONS, BuildCollector, IdleCollector

from ..conftest import mkdocs_build, write_site


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


# A hook making what a large build makes: objects that live to its end, enough for Python's
# collector to start full collections by default. It counts those started while it runs.
BUILD_HOOK = """
    import gc
    from pathlib import Path

    full = []
    held = []

    class Cycle:
        def __init__(self):
            self.other = self

    def note(phase, info):
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    def on_files(files, config):
        gc.callbacks.append(note)
        held.extend(Cycle() for _ in range(300_000))

    def on_post_build(config):
        gc.callbacks.remove(note)
        Path(config.config_file_path).with_name("full.txt").write_text(str(len(full)))
"""


def test_mkdocs_build_runs_no_full_collection(tmp_path):
    """A build's objects live to its end: the collector walking them again and again (2 s of
    a dirty build at 10,000 dispatches) frees nothing; the process ends with the build."""
    plain = tmp_path / "plain"
    (plain / "docs").mkdir(parents=True)
    (plain / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (plain / "hook.py").write_text(textwrap.dedent(BUILD_HOOK), encoding="utf-8")
    (plain / "mkdocs.yml").write_text("site_name: Plain\nhooks: [hook.py]\n", encoding="utf-8")
    ours = write_site(tmp_path / "ours", {}, extra="hooks: [hook.py]\n")
    (ours / "hook.py").write_text(textwrap.dedent(BUILD_HOOK), encoding="utf-8")
    for root in (plain, ours):
        done = mkdocs_build(root)
        assert done.returncode == 0, done.stderr
    # Without the plugin, the same objects start full collections (the test shows something)
    assert int((plain / "full.txt").read_text()) > 0
    assert int((ours / "full.txt").read_text()) == 0


def test_the_build_collector_collects_between_builds_and_gives_its_thresholds_back():
    """`mkdocs serve --clean` runs each build as a `build`: what one left is collected as the
    next starts; the command's end gives the collector its thresholds back."""
    before = gc.get_threshold()
    collector = BuildCollector()
    full = _full_collections()
    try:
        collector.before_build()
        assert gc.get_threshold() == (before[0], before[1], NO_FULL_COLLECTIONS)
        held = [Cycle() for _ in range(300_000)]
        assert not full and collector.collections == 0
        del held  # garbage only a full collection frees
        collector.before_build()
        assert collector.collections == 1 and len(full) == 1
        assert gc.collect() < 1000  # freed as the second build started
    finally:
        collector.close()
        gc.callbacks.pop()
    assert gc.get_threshold() == before


def test_the_build_command_alone_runs_without_full_collections():
    """MkDocs' `build` and `gh-deploy` commands run `on_startup` and `on_shutdown` around their
    build; a build run without them (a script's, a test's) keeps the collector as it is, and
    so does `mkdocs serve` (its idle collector decides)."""
    from wirearchive.site.plugin import ArchivePlugin

    before = gc.get_threshold()
    for command in ("build", "gh-deploy"):
        plugin = ArchivePlugin()
        plugin.on_startup(command=command, dirty=False)
        assert plugin.collector is not None
        plugin.collector.before_build()  # as on_config does
        assert gc.get_threshold() == (before[0], before[1], NO_FULL_COLLECTIONS)
        plugin.on_shutdown()
        assert gc.get_threshold() == before
    assert ArchivePlugin().collector is None
    served = ArchivePlugin()
    served.on_startup(command="serve", dirty=False)
    assert served.collector is None
    served.on_shutdown()
    assert gc.get_threshold() == before
