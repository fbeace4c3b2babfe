"""`mkdocs serve` learns of a changed dispatch from the system, not by polling (site/watch.py)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from wirearchive.site.watch import NativeWatch

from ..conftest import benchmark, write_site

SERVE = benchmark("serve")


def _polled(server: LiveReloadServer) -> set[str]:
    """The folders MkDocs' own (polling) observer looks through."""
    return {emitter.watch.path for emitter in server.observer.emitters}


def _watched(watch: NativeWatch) -> set[str]:
    assert watch.observer is not None
    return {emitter.watch.path for emitter in watch.observer.emitters}


@contextmanager
def serving(tmp_path: Path, watch_archive) -> Iterator[tuple[LiveReloadServer, list[float]]]:
    """MkDocs' live-reload server, watching `docs/` as `mkdocs serve` does and the archive
    through `watch_archive(server)`, as the plugin's `on_serve` does; yields it and the times
    of the builds it ran."""
    builds: list[float] = []

    def build() -> None:  # reads every file, as a build does
        for path in sorted(tmp_path.glob("[ad]*/**/*")):
            if path.is_file():
                path.read_bytes()
        builds.append(time.monotonic())

    (tmp_path / "site").mkdir()
    server = LiveReloadServer(
        builder=build,
        host="127.0.0.1",
        port=SERVE.free_port(),
        root=str(tmp_path / "site"),
    )
    server.watch(str(tmp_path / "docs"))
    watch_archive(server)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield server, builds
    finally:
        server.shutdown(wait=True)
        thread.join(timeout=10)


def _rebuilt(builds: list[float], change) -> bool:
    """Whether the server builds once after `change()`, within 10 s, and then waits: the
    build's own reading of the files does not start another."""
    time.sleep(0.6)  # the polling observer has taken its first look
    count = len(builds)
    change()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and len(builds) == count:
        time.sleep(0.05)
    time.sleep(1.5)  # three polls, and inotify's events of the build's reads long in
    return len(builds) == count + 1


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles" / "2025" / "09"
    articles.mkdir(parents=True)
    (articles / "iphone.txt").write_text("Apple présente l'iPhone Air\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Archive\n", encoding="utf-8")
    return tmp_path / "articles", tmp_path / "docs"


def test_the_archive_is_watched_by_the_system_and_an_edit_rebuilds(tmp_path, folders):
    articles, docs = folders
    watch = NativeWatch()
    try:
        with serving(tmp_path, lambda server: watch.watch(server, [articles])) as (
            server,
            builds,
        ):
            # MkDocs polls only what it watches itself; the archive is not listed every 0.5 s.
            assert _polled(server) == {str(docs)}
            assert _watched(watch) == {str(articles)}
            dispatch = articles / "2025" / "09" / "iphone.txt"
            assert _rebuilt(builds, lambda: dispatch.write_text("Apple dévoile\n"))
            added = articles / "2025" / "10" / "new.txt"
            added.parent.mkdir()
            assert _rebuilt(builds, lambda: added.write_text("Un nouveau venu\n"))
            # docs/ is still polled by the server, and still rebuilds.
            assert _rebuilt(builds, lambda: (docs / "index.md").write_text("# Archives\n"))
    finally:
        watch.close()
    assert watch.observer is None


def test_a_folder_the_system_will_not_watch_is_polled(tmp_path, folders, monkeypatch, caplog):
    articles, docs = folders
    watch = NativeWatch()

    def refuse(self, handler, path, **options):
        raise OSError(28, "inotify watch limit reached")

    from watchdog.observers import Observer

    monkeypatch.setattr(Observer, "schedule", refuse)
    try:
        with (
            caplog.at_level(logging.INFO, logger="mkdocs.plugins.wirearchive"),
            serving(tmp_path, lambda server: watch.watch(server, [articles])) as (server, builds),
        ):
            assert _polled(server) == {str(docs), str(articles)}
            dispatch = articles / "2025" / "09" / "iphone.txt"
            assert _rebuilt(builds, lambda: dispatch.write_text("Apple dévoile\n"))
    finally:
        watch.close()
    assert f"{articles} is polled for changes" in caplog.text
    assert "inotify watch limit reached" in caplog.text


@pytest.mark.parametrize("native", [True, False], ids=["native_watch", "native_watch: false"])
def test_the_plugin_hands_the_archive_to_the_system_unless_told_not_to(tmp_path, native):
    root = write_site(
        tmp_path,
        {"2025/09/iphone.txt": "Apple présente l'iPhone Air\n"},
        plugin_options="" if native else "      native_watch: false",
    )
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    plugin = config.plugins["wirearchive"]
    server = LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=SERVE.free_port(), root=str(tmp_path)
    )
    server.watch(config.docs_dir)
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        articles, docs = str(root / "articles"), config.docs_dir
        glossary = Path(docs) / "entities"
        archive = {articles} | ({str(glossary)} if glossary.is_dir() else set())
        if native:
            assert _polled(server) == {docs}
            assert _watched(plugin.watcher) == archive
        else:
            assert _polled(server) == {docs} | archive
            assert plugin.watcher.observer is None
    finally:
        config.plugins.on_shutdown()
        server.server_close()
    assert plugin.watcher.observer is None
