"""Every page stays bounded however large the archive grows (issue 11.2).

A synthetic archive (benchmarks/synth.py: 300 dispatches, a glossary of 8, so that each
entity is named by dozens of them, with many dated events) is built with every feature on.
Pages that grow with the archive are paginated or summarised at fixed sizes: an entity's
page shows its latest dispatches, quotes and events; lists, timelines and feeds hold a
fixed number of items; the TimelineJS exports are cut to their latest events; and no page
copies an article's text: lists carry titles and dates (the ledes only on the home page and
on an entity's topic page, both of fixed length).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from wirearchive.site.generators.browse import (
    ENTITY_EVENTS,
    ENTITY_FEED_COUNT,
    EXPORT_LIMIT,
    PAGE_SIZE,
    TIMELINE_PAGE_SIZE,
)
from wirearchive.site.generators.glossary import ENTITY_ARTICLES, ENTITY_QUOTES

from ..conftest import benchmark, mkdocs_build

KB = 1024
PAGE_LIMIT = 200 * KB  # no HTML page larger (issue 11)
ARTICLE_LIMIT = 20 * KB  # an article's page, all of it
ENTITY_LIMIT = 40 * KB  # an entity's topic page, however often it is named
ARTICLE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    synth = benchmark("synth")
    root = synth.make_archive(
        tmp_path_factory.mktemp("bounds") / "archive", 300, seed=5, glossary=8
    )
    synth.full_config(root)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def html_pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}


def count(path: Path, marker: str) -> int:
    return path.read_text(encoding="utf-8").count(marker)


def test_the_archive_is_busy_enough_to_test_the_bounds(site):
    entity_pages = list(site.glob("entities/*/dispatches/page/1/index.html"))
    assert entity_pages, "an entity named by more dispatches than two pages of a list"
    assert list(site.glob("entities/*/timeline/page/2/index.html"))
    assert list(site.glob("timeline/*/page/2/index.html"))


def test_no_page_is_over_200_kb_and_no_article_page_over_20_kb(site):
    pages = html_pages(site)
    too_large = {
        name: p.stat().st_size for name, p in pages.items() if p.stat().st_size > PAGE_LIMIT
    }
    assert too_large == {}
    articles = {name: p.stat().st_size for name, p in pages.items() if ARTICLE.match(name)}
    assert len(articles) == 300
    assert {name: size for name, size in articles.items() if size > ARTICLE_LIMIT} == {}


def test_an_entity_page_shows_a_fixed_number_of_each_thing(site):
    for page in site.glob("entities/*/index.html"):
        if page.parent.name == "entities":
            continue
        assert page.stat().st_size <= ENTITY_LIMIT, page
        assert count(page, 'class="wa-list__item"') <= ENTITY_ARTICLES
        assert count(page, 'class="wa-quote"') <= ENTITY_QUOTES
        assert count(page, 'class="wa-tl ') <= ENTITY_EVENTS


@pytest.mark.parametrize(
    "glob, marker, limit",
    [
        ("timeline/**/index.html", 'class="wa-tl ', TIMELINE_PAGE_SIZE),
        ("entities/*/timeline/**/index.html", 'class="wa-tl ', TIMELINE_PAGE_SIZE),
    ],
)
def test_timelines_are_paginated(site, glob, marker, limit):
    pages = list(site.glob(glob))
    assert pages
    assert max(count(p, marker) for p in pages) <= limit


@pytest.mark.parametrize(
    "folders",
    ["archive/*/*", "sources/*", "languages/*", "entities/*/dispatches"],
)
def test_lists_are_paginated(site, folders):
    """A list's numbered pages hold a page of dispatches each; its own address, the newest,
    holds those after them: fewer than two pages' worth (browse.paginate_newest)."""
    numbered = list(site.glob(f"{folders}/page/*/index.html"))
    assert numbered or folders == "archive/*/*"  # a month of 300 dispatches is short
    assert {count(p, 'class="wa-list__item"') for p in numbered} <= {PAGE_SIZE}
    newest = list(site.glob(f"{folders}/index.html"))
    assert newest
    assert max(count(p, 'class="wa-list__item"') for p in newest) < 2 * PAGE_SIZE


def test_pagination_links_the_first_last_and_nearby_pages(site):
    """Every page of a timeline links to pages 1 and N, to the two pages on each side of it
    (itself unlinked) and marks each gap with one "…", whatever the timeline's length. A list
    of dispatches newest first links its newest page ("Dernières", its own address), then,
    newest first, the numbered pages within two of this one and page 1 (the oldest)."""
    checked = 0
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="wa-pagination"' not in html:
            continue
        nav = html.split('class="wa-pagination"', 1)[1].split("</nav>", 1)[0]
        items = re.findall(r"<li[^>]*>(.*?)</li>", nav, re.S)
        numbered = [text_of(i) for i in items if "rel=" not in i]
        current = re.search(r'<strong aria-current="page">([^<]+)</strong>', nav)[1]
        folder = page.parent.parent.parent if page.parent.parent.name == "page" else page.parent
        last = len(list(folder.glob("page/*/index.html")))
        if "timeline" in page.parts:
            last += 1  # a timeline's first page is its own address
            shown = [n for n in range(1, last + 1) if n in (1, last) or abs(n - int(current)) <= 2]
        else:
            here = last + 1 if current == "Dernières" else int(current)
            shown = [last + 1] + [n for n in range(last, 0, -1) if n == 1 or abs(n - here) <= 2]
        expected: list[str] = []
        for before, n in zip([None, *shown], shown, strict=False):
            if before is not None and abs(before - n) > 1:
                expected.append("…")
            expected.append(str(n))
        if "timeline" not in page.parts:
            expected[0] = "Dernières"
        assert numbered == expected, page
        checked += 1
    assert checked > 20


def test_timelinejs_exports_keep_their_latest_events(site):
    exports = list(site.rglob("timeline.json"))
    assert len(exports) > 5
    for export in exports:
        document = json.loads(export.read_text(encoding="utf-8"))
        assert len(document["events"]) <= EXPORT_LIMIT, export


def test_entity_feeds_carry_summaries_of_the_latest_dispatches(site):
    for feed in site.glob("entities/*/feed.json"):
        items = json.loads(feed.read_text(encoding="utf-8"))["items"]
        assert 0 < len(items) <= ENTITY_FEED_COUNT
        for item in items:
            article = (site / item["url"].split("/archive/", 1)[1] / "index.html").read_text(
                encoding="utf-8"
            )
            body = article.split('<div class="wa-body">')[1].split("</div>")[0]
            paragraphs = [unescape(p) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
            assert paragraphs and not any(p in item["content_text"] for p in paragraphs)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_no_page_copies_an_article_text(site):
    """A paragraph of an article's body is on its own page only (a timeline has the sentence
    of each event); a lede on its own page, on the home page and on the topic pages of its
    entities (their latest ten), not on lists."""
    pages = {name: p.read_text(encoding="utf-8") for name, p in html_pages(site).items()}
    paragraphs, ledes = [], []
    for name, html in sorted(pages.items()):
        if ARTICLE.match(name) and len(paragraphs) < 100:
            body = html.split('<div class="wa-body">')[1].split("</div>")[0]
            paragraphs += [text_of(p) for p in re.findall(r"<p>(.*?)</p>", body, re.S)[:2]]
            lede = re.search(r'<p class="wa-lede">(.*?)</p>', html)
            ledes += [text_of(lede[1])] if lede else []
    assert len(paragraphs) >= 100 and len(ledes) >= 30
    lists = re.compile(r"^(archive|sources|rubrics|languages)/|/dispatches/")
    # a timeline shows each event's sentence (what it is made of), a sentence at a time
    timeline = re.compile(r"(^|/)timeline/")
    for name, html in pages.items():
        if ARTICLE.match(name):
            continue
        text = text_of(html)
        if not timeline.search(name):
            assert not [p for p in paragraphs if p in text], f"{name} copies an article's text"
        if lists.search(name):
            assert not [lede for lede in ledes if lede in text], f"{name} copies ledes"
