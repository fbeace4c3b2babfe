"""A sharded build (wirearchive.shards): the shared shard and years shards, built apart and
merged, give the site one build gives, byte for byte; merge refuses parts that do not."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..conftest import mkdocs_build, wirearchive

BUILT_AT = {"SOURCE_DATE_EPOCH": "1764400000"}


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def build(root: Path, out: Path, shard: str | None = None) -> None:
    env = {**BUILT_AT, **({"WIREARCHIVE_SHARD": shard} if shard else {})}
    done = mkdocs_build(root, "-d", str(out), env=env)
    assert done.returncode == 0, done.stderr[-3000:]


def test_merged_shards_are_the_one_build_byte_for_byte(demo_copy, tmp_path):
    build(demo_copy, tmp_path / "whole")
    planned = wirearchive("shards", "--count", "2", cwd=demo_copy)
    assert planned.returncode == 0, planned.stderr
    specs = planned.stdout.split()
    assert specs == ["shared", "-2024", "2025-"]  # the demo's years: 2024, 2025
    for spec in specs:
        build(demo_copy, tmp_path / spec, spec)

    # A years shard renders its years' pages only, and neither the search index nor feeds.
    years = tree(tmp_path / "-2024")
    assert any(p.startswith("2024/") and p.endswith("index.html") for p in years)
    assert not any(p.startswith("2025/") for p in years)
    pages = [p for p in years if p.endswith(".html") and p != "404.html"]  # 404: the theme's
    assert pages and all(p.startswith("2024/") for p in pages)
    assert "feed.xml" not in years
    assert not any("search/index" in p or "manifest" in p for p in years)
    shared = tree(tmp_path / "shared")
    assert not any(p[:4].isdigit() for p in shared)  # no article of any year

    merged = wirearchive(  # in any order: each part says which shard it is
        "merge", *(str(tmp_path / s) for s in reversed(specs)), "--into", str(tmp_path / "site")
    )
    assert merged.returncode == 0, merged.stderr
    assert "merged 3 shards" in merged.stdout
    whole, site = tree(tmp_path / "whole"), tree(tmp_path / "site")
    assert sorted(site) == sorted(whole)
    assert [p for p in whole if whole[p] != site[p]] == []


def test_merge_refuses_parts_that_are_not_one_site(demo_copy, tmp_path):
    for spec in ("shared", "-2024", "2025"):
        build(demo_copy, tmp_path / spec, spec)
    shutil.copytree(tmp_path / "-2024", tmp_path / "again")
    refused = {
        # 2025 closes the years: a dispatch of 2026 would have no page.
        ("shared", "-2024", "2025"): "no shard holds the years from 2026",
        ("shared", "-2024"): "no shard holds the years from 2025",
        ("shared", "-2024", "again"): "holds years another shard holds too",
        ("-2024", "2025"): "no shared shard among the parts",
        ("docs", "-2024"): "not the output of a shard's build",  # demo_copy is tmp_path
    }
    for parts, message in refused.items():
        done = wirearchive(
            "merge", *(str(tmp_path / p) for p in parts), "--into", str(tmp_path / "site")
        )
        assert done.returncode == 1 and message in done.stderr, (parts, done.stderr)


def test_a_bad_shard_is_a_configuration_error(demo_copy):
    done = mkdocs_build(demo_copy, env={"WIREARCHIVE_SHARD": "2025-2024"})
    assert done.returncode != 0
    assert "shard" in done.stderr and "2025-2024" in done.stderr
