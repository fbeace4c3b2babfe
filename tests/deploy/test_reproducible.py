"""Two builds of the same tree give the same bytes, and no build date leaks into them."""

from __future__ import annotations

import datetime as dt
import gzip
import time

from tests.deploy.conftest import build, demo_site


def tree(site) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_tree_are_byte_identical(published, tmp_path):
    # Another folder, another second, another hash seed: none of them may show in the output.
    time.sleep(1.1)
    second = build(demo_site(tmp_path / "again"))
    first, again = tree(published), tree(second)
    assert sorted(first) == sorted(again), "the two builds wrote different files"
    differ = sorted(name for name in first if first[name] != again[name])
    assert not differ, f"files that differ between two builds: {differ}"
    # Built once more in the same folder, with what the first build left in its cache.
    warm = tree(build(second.parent))
    differ = sorted(name for name in first if first[name] != warm.get(name))
    assert sorted(warm) == sorted(first) and not differ, f"a build from the cache differs: {differ}"


def test_no_build_date_in_the_site(published):
    # The demo's newest dispatch is of 2025: the date of the build must appear nowhere.
    today = dt.datetime.now(dt.UTC)
    stamps = {
        today.strftime("%Y-%m-%d"),
        today.strftime("%d %b %Y"),
        (today - dt.timedelta(days=1)).strftime("%Y-%m-%d"),
    }
    found = sorted(
        name for name, data in tree(published).items() for stamp in stamps if stamp.encode() in data
    )
    assert not found, f"files with the build's date in them: {found}"
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-10-06</lastmod>" in sitemap  # an article page is dated by its dispatch
    with gzip.open(published / "sitemap.xml.gz") as compressed:
        assert compressed.read().decode() == sitemap


def test_source_date_epoch_dates_the_pages_that_are_not_articles(tmp_path, monkeypatch):
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2030, 1, 2, tzinfo=dt.UTC).timestamp()))
    )
    site = build(demo_site(tmp_path / "dated"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2030-01-02</lastmod>" in sitemap
    assert "<lastmod>2025-10-06</lastmod>" in sitemap
