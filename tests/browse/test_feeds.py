"""RSS 2.0 and JSON Feed 1.1 of the latest dispatches, checked with a feed parser."""

from __future__ import annotations

import datetime as dt
import json
import time

import feedparser

from wirearchive.browse import feeds

from ..timeline.helpers import article
from . import jsonfeed

SITE = "https://org.github.io/repo/"
INFO = feeds.FeedInfo("Archive", "Latest dispatches", "", "feed", "fr")


def sample():
    return [
        article(
            "b", "2026-02-01T09:12", summary="Le lede <b>gras</b>.", sources=["ATS", "Keystone-ATS"]
        ),
        article("a", "2025-07-15T23:30", entities=["chipwerk"]),
    ]


def test_rss_is_valid_rss_20_with_dates_in_the_site_time_zone():
    body = feeds.rss(INFO, sample(), SITE)
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Archive" and parsed.feed.link == SITE
    first, second = parsed.entries
    assert first.link == SITE + "2026/02/b/" and first.id == first.link
    # HTML that reads as the text: a reader shows `<b>gras</b>`, not bold
    assert first.summary == "Le lede &lt;b&gt;gras&lt;/b&gt;."
    assert [t.term for t in first.tags] == ["ATS", "Keystone-ATS"]
    assert (
        "+0100" in first.published and "+0200" in second.published
    )  # winter and summer time in Zurich
    assert time.strftime("%Y-%m-%d %H:%M", second.published_parsed) == "2025-07-15 21:30"  # UTC
    assert b"<lastBuildDate>Sun, 01 Feb 2026 09:12:00 +0100</lastBuildDate>" in body


def test_rss_does_not_depend_on_the_clock():
    assert feeds.rss(INFO, sample(), SITE) == feeds.rss(INFO, sample(), SITE)


def test_json_feed_follows_version_11():
    document = json.loads(feeds.json_feed(INFO, sample(), SITE))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["home_page_url"] == SITE and document["feed_url"] == SITE + "feed.json"
    first, second = document["items"]
    assert set(first) >= {"id", "url", "title", "content_text", "date_published"}
    assert dt.datetime.fromisoformat(first["date_published"]) == dt.datetime(
        2026, 2, 1, 8, 12, tzinfo=dt.UTC
    )
    assert first["date_published"].endswith("+01:00")
    assert first["authors"] == [{"name": "ATS"}, {"name": "Keystone-ATS"}]
    assert second["tags"] == ["chipwerk"] and "summary" not in second
    assert jsonfeed.problems(document) == []
    assert (
        jsonfeed.problems({**document, "items": [{"url": "/relative/"}]}) != []
    )  # the check can fail
