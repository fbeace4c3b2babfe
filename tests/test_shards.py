"""Shards of a build (wirearchive.shards): what each holds, and how the years are split."""

from __future__ import annotations

import pytest

from wirearchive.shards import parse_shard, plan, sorted_sitemap


def test_shards_own_their_folders():
    shared = parse_shard("shared")
    assert shared.shared and shared.owns("entities/nvidia.md") and shared.owns("index.md")
    assert not shared.owns("2024/11/x.md")
    assert parse_shard("2024").owns("2024/11/x/index.html")
    assert not parse_shard("2024").owns("2025/01/x.md")
    assert parse_shard("2020-2023,2025").owns("2021/01/x.md")
    assert not parse_shard("2020-2023,2025").owns("2024/01/x.md")
    assert parse_shard("2024-").owns("2187/01/x.md")
    assert parse_shard("-2019").owns("1998/01/x.md")
    assert not parse_shard("-2019").owns("entities/x.md")


@pytest.mark.parametrize("bad", ["", "all", "24", "2025-2024", "2024--2025", "2024,", "-"])
def test_a_bad_shard_says_what_is_expected(bad):
    with pytest.raises(ValueError, match="2024|backwards"):
        parse_shard(bad)


def test_a_plan_holds_every_year_once_in_shards_of_about_one_size():
    years = dict.fromkeys(range(2000, 2026), 1000)
    specs = plan(years, 5)
    assert specs == ["shared", "-2004", "2005-2009", "2010-2015", "2016-2020", "2021-"]
    shards = [parse_shard(s) for s in specs[1:]]
    for year in range(1900, 2200):
        assert sum(s.owns(f"{year}/x") for s in shards) == 1

    # A busy recent year is a shard of its own; quiet early years share one.
    growing = {2019: 10, 2020: 10, 2021: 10, 2022: 500, 2023: 600, 2024: 700, 2025: 800}
    assert plan(growing, 4) == ["shared", "-2022", "2023", "2024", "2025-"]
    assert plan({2025: 3}, 4) == ["shared", "-9999"]
    assert plan({}, 4) == ["shared", "-9999"]


def test_a_sitemap_is_sorted_by_address():
    xml = (
        '<?xml version="1.0"?>\n<urlset>\n'
        "    <url>\n         <loc>https://x/b/</loc>\n    </url>\n"
        "    <url>\n         <loc>https://x/a/</loc>\n    </url>\n"
        "</urlset>"
    )
    out = sorted_sitemap(xml)
    assert out.index("https://x/a/") < out.index("https://x/b/")
    assert out.startswith('<?xml version="1.0"?>\n<urlset>\n') and out.endswith("</urlset>")
    assert len(out) == len(xml)
