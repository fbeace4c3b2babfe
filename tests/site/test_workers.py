"""Pages rendered by worker processes (site/workers.py) are the pages MkDocs' loop renders:
one archive built by one process and with two workers gives the same site, byte for byte."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from wirearchive.site.workers import PARALLEL_FROM, affordable, workers_for

from ..conftest import benchmark, mkdocs_build
from .test_page_cache import reused, tree


def synthetic(folder: Path, workers: int) -> Path:
    synth = benchmark("synth")
    root = synth.make_archive(folder, 150, seed=7, glossary=8)
    synth.full_config(root)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"      workers: {workers}\n")
    return root


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked (POSIX)")
def test_a_site_rendered_by_workers_is_the_site_rendered_by_one_process(tmp_path):
    one, two = synthetic(tmp_path / "one", 1), synthetic(tmp_path / "two", 2)
    serial, parallel = mkdocs_build(one), mkdocs_build(two)
    assert serial.returncode == 0, serial.stderr[-3000:]
    assert parallel.returncode == 0, parallel.stderr[-3000:]

    assert "worker processes" not in serial.stderr
    # One worker renders the later pages while the build renders the first ones.
    rendered = re.search(
        r"pages: (\d+) of (\d+) rendered by 1 worker processes beside", parallel.stderr
    )
    assert rendered, parallel.stderr[-3000:]
    count, keepable = reused(parallel.stderr)
    assert count == 0  # a cold build: rendered, not reused
    # Entities' pages are kept but rendered by the build: Material's search indexes them.
    indexed = len(list((two / "docs" / "entities").glob("*.md")))
    assert indexed == 8
    assert (keepable - indexed) // 2 <= int(rendered[1]) == int(rendered[2]) < keepable

    assert tree(one / "site") == tree(two / "site")

    # The pages the workers kept serve the next build, as MkDocs' own do.
    again = mkdocs_build(two)
    assert again.returncode == 0, again.stderr[-3000:]
    count, keepable = reused(again.stderr)
    assert count == keepable > PARALLEL_FROM
    assert tree(one / "site") == tree(two / "site")


def test_workers_are_forked_only_as_many_as_the_free_memory_holds():
    """Each worker is counted at the build's size: a 4.4 GB build (100,000 dispatches) gets
    its two workers with 20 GB free, none on a 7 GB machine (2.5 GB free)."""
    gb = 2**30
    assert workers_for(20 * gb, int(4.4 * gb), 2) == 2
    assert workers_for(int(2.5 * gb), int(4.4 * gb), 2) == 0
    assert workers_for(10 * gb, 4 * gb, 4) == 2
    assert workers_for(64 * gb, 500 * 2**20, 4) == 4
    assert 0 <= affordable(2) <= 2  # this machine's own figures, read from /proc


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked (POSIX)")
def test_pages_no_worker_kept_are_rendered_by_the_build_the_same(tmp_path):
    """A worker's page that it could not keep (here: the page cache cannot be written) is
    rendered in the build by its own template, with the same context: the same site."""
    one, two = synthetic(tmp_path / "one", 1), synthetic(tmp_path / "two", 2)
    (two / ".cache").mkdir()
    (two / ".cache" / "pages").write_text("not a folder", encoding="utf-8")
    serial, parallel = mkdocs_build(one), mkdocs_build(two)
    assert serial.returncode == 0, serial.stderr[-3000:]
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    rendered = re.search(r"pages: 0 of (\d+) rendered by 1 worker processes", parallel.stderr)
    assert rendered and int(rendered[1]) > PARALLEL_FROM // 2, parallel.stderr[-3000:]
    assert tree(one / "site") == tree(two / "site")
