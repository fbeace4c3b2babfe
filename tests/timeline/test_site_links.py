"""Every page of a built site with timelines is valid HTML and every link resolves.

Crawls with the shared crawler `tests/sitecheck.py` (a sub-path server plus link checker)
and parses each page reached with html5lib, reporting its parse errors.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import html5lib

from ..conftest import FIXTURES, benchmark, mkdocs_build
from ..sitecheck import crawl_site, serve

TIMELINE = FIXTURES / "timeline"


def html_errors(site: Path) -> list[str]:
    """html5lib's parse errors in every HTML page under `site`, as `page:line:col: error`.

    Material's Google Fonts link has a bare `&` before `display=` in an attribute, which
    HTML allows (an ambiguous ampersand followed by `=`) but html5lib still reports.
    """
    found = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        lines = text.split("\n")
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(text)
        for (line, column), code, _ in parser.errors:
            if code == "expected-named-entity" and "fonts.googleapis.com" in lines[line - 1]:
                continue
            found.append(f"{page.relative_to(site)}:{line}:{column}: {code}")
    return found


def published_site(root: Path) -> tuple[str, str]:
    """(site_url, its path) from the site's mkdocs.yml."""
    site_url = re.search(
        r"(?m)^site_url:\s*(\S+)", (root / "mkdocs.yml").read_text(encoding="utf-8")
    )[1]
    return site_url, urlsplit(site_url).path


def check(root: Path) -> None:
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site_url, prefix = published_site(root)
    with serve(root / "site", prefix) as base:
        crawl = crawl_site(base, site_url=site_url)
    assert not crawl.broken, crawl.describe()
    reached = {urlsplit(url).path[len(prefix) :] for url in crawl.pages}
    for page in (
        "timeline/",
        "archive/",
        "sources/",
        "rubrics/",
        "languages/",
        "feed.xml",
        "feed.json",
    ):
        assert page in reached
    assert html_errors(root / "site") == []
    return reached


def test_demo_with_the_sunday_dispatch(demo_copy):
    target = demo_copy / "articles" / "2026" / "02"
    target.mkdir(parents=True)
    shutil.copy(TIMELINE / "chipwerk-dimanche.txt", target / "chipwerk-dimanche.txt")
    shutil.copy(TIMELINE / "chipwerk.md", demo_copy / "docs" / "entities" / "chipwerk.md")
    reached = check(demo_copy)
    assert {
        "timeline/2026/",
        "entities/chipwerk/",
        "entities/chipwerk/timeline.json",
        "entities/chipwerk/feed.xml",
    } <= reached


def test_synthetic_archive_with_long_lists(tmp_path):
    root = benchmark("synth").make_archive(tmp_path / "synthetic", 150, seed=4, glossary=12)
    reached = check(root)
    assert any(re.fullmatch(r"sources/[a-z-]+/page/1/", page) for page in reached), (
        "a paginated list was crawled"
    )


def test_the_html_check_can_fail(tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>x</title><p><b>unclosed</p></i>", encoding="utf-8"
    )
    assert html_errors(tmp_path)
