"""Built sites: the timeline, entity timelines, archive pages and feeds, as a reader gets them."""

from __future__ import annotations

import json
import re
from html import unescape

import feedparser
import pytest

from ..browse import jsonfeed
from ..conftest import FIXTURES, mkdocs_build, wirearchive, write_site

SITE_URL = "https://org.github.io/repo/"
TIMELINE = FIXTURES / "timeline"


@pytest.fixture(scope="module")
def chipwerk_site(tmp_path_factory):
    root = write_site(
        tmp_path_factory.mktemp("chipwerk"),
        {
            "2026/02/chipwerk-dimanche.txt": (TIMELINE / "chipwerk-dimanche.txt").read_text(
                encoding="utf-8"
            ),
            "2026/02/chipwerk-corrected.txt": (TIMELINE / "chipwerk-corrected.txt").read_text(
                encoding="utf-8"
            ),
        },
        docs={"entities/chipwerk.md": (TIMELINE / "chipwerk.md").read_text(encoding="utf-8")},
        extra=f"site_url: {SITE_URL}\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


def read(root, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def test_show_lists_the_events_of_the_sunday_dispatch(chipwerk_site):
    result = wirearchive(
        "show", "--json", "articles/2026/02/chipwerk-dimanche.txt", cwd=chipwerk_site
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["date"] == "2026-02-01T09:12:00+01:00"
    assert [e["date"] for e in shown["events"]] == ["2026-01-31", "2025-09", "2025-10"]
    assert "chipwerk" in shown["entities"]


def test_events_from_front_matter_replace_those_found(chipwerk_site):
    shown = json.loads(
        wirearchive(
            "show", "--json", "articles/2026/02/chipwerk-corrected.txt", cwd=chipwerk_site
        ).stdout
    )
    assert shown["events"] == [
        {
            "date": "2025-11",
            "text": "Chipwerk a signé un premier contrat avec un constructeur automobile.",
        }
    ]


def test_an_invalid_event_date_is_an_error_naming_file_line_and_key(tmp_path):
    write_site(
        tmp_path, {"2025/11/bad-event-date.txt": (TIMELINE / "bad-event-date.txt").read_bytes()}
    )
    result = wirearchive("show", "--json", str(tmp_path / "articles/2025/11/bad-event-date.txt"))
    assert result.returncode == 1
    assert re.search(
        r"bad-event-date\.txt:4: error: front matter key `events` has an event date '2025-13'",
        result.stderr,
    )


def _times(html: str) -> list[str]:
    return re.findall(r'<time class="wa-tl__date" datetime="([^"]+)"', html)


def test_timeline_page_shows_the_events_at_their_precision(chipwerk_site):
    html = read(chipwerk_site, "timeline/index.html")
    times = _times(html)
    for date in ("2026-01-31", "2025-09", "2025-10", "2025-11"):
        assert date in times
    assert times == sorted(times, key=lambda d: [int(p) for p in d.split("-")])
    assert (
        "Le fabricant de puces avait présenté en septembre les plans d'une nouvelle usine à Winterthour."
        in unescape(html)
    )
    # A month is drawn as a month: labelled as such, never as a day, in the dispatch's language.
    assert re.search(
        r'datetime="2025-09">septembre 2025</time> <span class="wa-tl__precision">\(mois connu, pas le jour\)',
        html,
    )
    assert "<script" not in html.split('<div class="wa-timeline">')[1].split("</article>")[0]


def test_entity_page_has_the_entity_timeline(chipwerk_site):
    html = read(chipwerk_site, "entities/chipwerk/index.html")
    section = html.split('<section class="wa-entity__timeline"')[1].split("wa-entity__exports")[0]
    assert {"2026-01-31", "2025-09", "2025-10"} <= set(_times(section))
    exports = html.split('<p class="wa-entity__exports">')[1].split("</p>")[0]
    assert 'href="timeline.json"' in exports and 'href="feed.xml"' in exports


def test_timelinejs_exports(chipwerk_site):
    for path in ("timeline/timeline.json", "entities/chipwerk/timeline.json"):
        document = json.loads(read(chipwerk_site, path))
        starts = [(s["start_date"], s["group"]) for s in document["events"]]
        assert ({"year": 2025, "month": 9, "display_date": "September 2025"}, "Events") in starts
        assert (
            {"year": 2026, "month": 1, "day": 31, "display_date": "January 31, 2026"},
            "Events",
        ) in starts


def test_archive_and_facet_pages(chipwerk_site):
    assert 'href="2026/"' in read(chipwerk_site, "archive/index.html")
    month = read(chipwerk_site, "archive/2026/02/index.html")
    assert month.count('class="wa-list__item"') == 2
    for page in (
        "sources/ats/index.html",
        "rubrics/technologie/index.html",
        "languages/fr/index.html",
    ):
        assert "Chipwerk lève 40 millions de francs pour sa nouvelle usine" in read(
            chipwerk_site, page
        )


def test_article_links_to_neighbours_and_related(chipwerk_site):
    html = read(
        chipwerk_site,
        "2026/02/chipwerk-leve-40-millions-de-francs-pour-sa-nouvelle-usine/index.html",
    )
    assert re.search(
        r'Next: <a rel="next" href="\.\./chipwerk-signe-avec-un-constructeur-automobile/"', html
    )
    assert '<section class="wa-related"' in html
    assert '<time datetime="2025-09">' in html  # its dated events


def test_feeds_of_the_site_and_of_each_entity(chipwerk_site):
    for path in ("feed.xml", "entities/chipwerk/feed.xml"):
        parsed = feedparser.parse(read(chipwerk_site, path))
        assert not parsed.bozo and parsed.version == "rss20"
        assert [e.link for e in parsed.entries] == [
            SITE_URL + "2026/02/chipwerk-signe-avec-un-constructeur-automobile/",
            SITE_URL + "2026/02/chipwerk-leve-40-millions-de-francs-pour-sa-nouvelle-usine/",
        ]
        assert parsed.entries[1].published == "Sun, 01 Feb 2026 09:12:00 +0100"
    for path in ("feed.json", "entities/chipwerk/feed.json"):
        document = json.loads(read(chipwerk_site, path))
        assert jsonfeed.problems(document) == []
        assert document["items"][1]["date_published"] == "2026-02-01T09:12:00+01:00"


def test_home_page_shows_most_mentioned_and_latest_events(chipwerk_site):
    html = read(chipwerk_site, "index.html")
    mentioned = html.split('<section class="wa-mentioned">')[1].split("</section>")[0]
    assert (
        'href="entities/chipwerk/">Chipwerk</a> <span class="wa-count">(2 dispatches)' in mentioned
    )
    latest = html.split('<section class="wa-latest-events">')[1].split("</section>")[0]
    assert _times(latest) == ["2026-01-31", "2025-11", "2025-10", "2025-09"]  # newest first


def test_dispatch_text_is_escaped_on_every_browsing_page(tmp_path):
    root = write_site(
        tmp_path,
        {"2026/02/injection.txt": (TIMELINE / "injection.txt").read_text(encoding="utf-8")},
        docs={"entities/chipwerk.md": (TIMELINE / "chipwerk.md").read_text(encoding="utf-8")},
        extra=f"site_url: {SITE_URL}\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    pages = {
        p.relative_to(root / "site").as_posix(): p.read_text(encoding="utf-8")
        for p in (root / "site").rglob("*.html")
    }
    for page in (
        "index.html",
        "timeline/index.html",
        "entities/chipwerk/index.html",
        "archive/2026/02/index.html",
        "rubrics/b-tech-b/index.html",
        "sources/i-ats-i/index.html",
    ):
        assert page in pages
    for page, html in pages.items():
        assert (
            "<img src=x" not in html and "<script>alert" not in html and "<b>Tech</b>" not in html
        ), page
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["timeline/index.html"]
