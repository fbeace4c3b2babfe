"""Site size, budgets and page dates (`wirearchive.publish`)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tests.articles import make_article
from tests.conftest import FIXTURES, mkdocs_build, write_site
from wirearchive.model import Article
from wirearchive.publish import KB, MB, SiteSize, measure, over_budget, page_date

ZURICH = ZoneInfo("Europe/Zurich")


def article(day: int, hour: int = 9) -> Article:
    return make_article(
        f"x{day}",
        dt.datetime(2025, 10, day, hour, tzinfo=ZURICH),
        slug=f"t{day}",
        title="t",
        body="",
    )


def test_measure_counts_bytes_files_pages_and_article_pages(tmp_path):
    (tmp_path / "2025/10/a").mkdir(parents=True)
    (tmp_path / "2025/10/a/index.html").write_bytes(b"x" * 3000)
    (tmp_path / "2025/10/a/dispatch.txt").write_bytes(b"x" * 500)
    (tmp_path / "index.html").write_bytes(b"x" * 1000)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/style.css").write_bytes(b"x" * 100)
    size = measure(tmp_path, ["2025/10/a/"])
    assert (size.total_bytes, size.files, size.pages, size.html_bytes) == (4600, 4, 2, 4000)
    assert size.article_html == [3000]
    assert size.page_sizes == [(3000, "2025/10/a/index.html"), (1000, "index.html")]
    assert (
        size.summary()
        == "site: 0.0 MB in 4 files, 2 pages (0.0 MB of HTML); 1 article pages, 2.9 KB of HTML each on average"
    )


def test_over_budget_names_the_budget_and_the_heavy_pages():
    size = SiteSize(
        total_bytes=2 * MB, page_sizes=[(600 * KB, "timeline/index.html"), (10 * KB, "index.html")]
    )
    assert over_budget(size, site_mb=3, page_kb=1000) == []
    messages = over_budget(size, site_mb=1, page_kb=500)
    assert messages[0].startswith(
        "the site is 2.0 MB, over its budget of 1 MB (option `size_budget_mb`"
    )
    assert messages[1] == (
        "1 pages are over the page budget of 500 KB of HTML (option `page_budget_kb`): "
        "timeline/index.html (600 KB)"
    )


def test_page_date_comes_from_the_archive_not_the_clock():
    newest = article(20)
    assert page_date(article(6, hour=23), newest, {}) == "2025-10-06"
    assert page_date(None, newest, {}) == "2025-10-20"
    assert page_date(None, newest, {"SOURCE_DATE_EPOCH": "0"}) is None  # MkDocs uses it
    assert page_date(article(6), newest, {"SOURCE_DATE_EPOCH": "0"}) == "2025-10-06"
    assert page_date(None, None, {}) is None


def test_the_build_reports_its_size_and_warns_over_budget(tmp_path):
    dispatch = (FIXTURES / "contribute" / "web-copy.txt").read_text(encoding="utf-8")
    site = write_site(tmp_path, {"2026/03/chipwerk.txt": dispatch})
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert "wirearchive: site: " in result.stderr and "1 article pages" in result.stderr
    site = write_site(tmp_path, {}, plugin_options="      page_budget_kb: 5")
    result = mkdocs_build(site)
    assert result.returncode == 1
    assert "over the page budget of 5 KB of HTML (option `page_budget_kb`)" in result.stderr
