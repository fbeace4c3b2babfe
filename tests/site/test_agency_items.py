"""A site built from agencies' own formats: one page per story with its versions, the raw
item published as delivered, embargoes kept out of every page, search and feed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ..conftest import SHARED_DISPATCHES, wirearchive, write_site
from ..dispatch.formats.conftest import require_shared

AFTER_EMBARGO = "1314799200"  # 2011-08-31T14:00:00Z (16:00 in Zurich: after the 15:00 embargo)
EMBARGO_HOLDS = "1314795000"  # 2011-08-31T12:50:00Z: the embargo (15:00:29 in Zurich) still holds
ITEMS = {
    "2011/08/indergand.newsml.xml": "06_sda_de.txt",
    "2011/08/indergand-2.newsml.xml": "07_sda_de.txt",
    "2011/08/studie.newsml.xml": "05_sda_de.txt",
    "2017/01/gold.g2.xml": "14_reuters_en.txt",
    "2013/07/captain.ninjs.json": "15_ap_en.txt",
    "2024/07/musenga.newsml.xml": "11_afp_fr.txt",
}


def build(root, epoch: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
    )


@pytest.fixture(scope="module")
def shared():
    return require_shared(SHARED_DISPATCHES)


@pytest.fixture(scope="module")
def site(shared, tmp_path_factory):
    root = write_site(
        tmp_path_factory.mktemp("agency"),
        {name: (shared / item).read_bytes() for name, item in ITEMS.items()},
        extra="site_url: https://example.org/archive/\n",
    )
    result = build(root, EMBARGO_HOLDS)
    assert result.returncode == 0, result.stderr
    return root


def test_one_page_per_story_showing_the_latest_version_and_its_history(site):
    page = site / "site/2011/08/urnerin-gewinnt-wm-gold-im-cross-country/index.html"
    html = page.read_text("utf-8")
    assert "<h1>Staffel mit Silber - Juniorin Indergrand mit Gold</h1>" in html
    assert 'class="wa-versions"' in html and "ergänzt" in html
    earlier = (page.parent / "v1" / "index.html").read_text("utf-8")
    assert "<h1>Urnerin gewinnt WM-Gold im Cross Country</h1>" in earlier
    assert "earlier version" in earlier
    assert not (site / "site/2011/08/staffel-mit-silber-juniorin-indergrand-mit-gold").exists()


def test_the_raw_item_is_published_as_delivered_with_its_real_encoding(site, shared):
    folder = site / "site/2024/07"
    (page,) = folder.glob("*/index.html")
    raw = page.parent / "dispatch.xml"
    assert raw.read_bytes() == (shared / "11_afp_fr.txt").read_bytes()
    # AFP's file declares ISO-8859-1 and holds UTF-8: the link says what it really is
    assert 'type="application/xml; charset=utf-8"' in page.read_text("utf-8")
    (ninjs,) = (site / "site/2013/07").glob("*/dispatch.json")
    assert ninjs.read_bytes() == (shared / "15_ap_en.txt").read_bytes()


def test_an_embargoed_item_is_on_no_page_feed_or_search_index(site):
    texts = [
        p.read_text("utf-8", errors="replace")
        for p in (site / "site").rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml")
    ]
    assert not [t for t in texts if "2000-Watt-Gesellschaft" in t]
    assert not (
        site / "site/2011/08/studie-basel-stadt-kann-ziele-der-2000-watt-gesellschaft"
    ).exists()
    check = wirearchive("check", cwd=site, env={"SOURCE_DATE_EPOCH": EMBARGO_HOLDS})
    assert "articles/2011/08/studie.newsml.xml: embargoed until 2011-08-31T15:00:29+02:00" in (
        check.stderr
    )


def test_after_its_embargo_the_item_is_published(site):
    result = build(site, AFTER_EMBARGO)
    assert result.returncode == 0, result.stderr
    page = site / "site/2011/08/studie-basel-stadt-kann-ziele-der-2000-watt-gesellschaft/index.html"
    assert page.is_file()
    feed = json.loads((site / "site/feed.json").read_text("utf-8"))
    assert any("2000-Watt" in item["title"] for item in feed["items"])


def test_add_stores_an_item_as_delivered_and_its_date_beside_it(shared, tmp_path):
    root = write_site(tmp_path, {})
    item = shared / "03_ats_fr.txt"
    undated = wirearchive("add", str(item), cwd=root)
    assert undated.returncode == 1 and "no date" in undated.stderr
    added = wirearchive("add", "--date", "2021-08-03T12:00", str(item), cwd=root)
    assert added.returncode == 0, added.stderr
    (stored,) = (root / "articles/2021/08").glob("*.sda.xml")
    assert stored.read_bytes() == item.read_bytes()
    assert stored.with_name(stored.name + ".yml").read_text("utf-8") == "date: 2021-08-03T12:00\n"
    assert "title: La Suisse compte 1059 nouveaux cas de coronavirus en 24 heures" in added.stdout
