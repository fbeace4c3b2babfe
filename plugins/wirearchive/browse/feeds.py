"""Feeds of the latest dispatches: RSS 2.0 (written by feedgen) and JSON Feed 1.1.

Feed readers need absolute links, so feeds are made only for a site with a `site_url`.
Dates carry the site's time zone offset. Nothing depends on the clock: the feed's
`lastBuildDate` is the newest dispatch's date, so the same archive gives the same bytes.

RSS readers show titles and descriptions as HTML, so the RSS feed gives them as HTML that
reads as the text (escaped once more inside the XML); characters XML cannot hold (NUL and
other controls) are left out. The JSON feed gives text as text (`content_text`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from ..model import Article

FEED_COUNT = 30
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedInfo:
    """What a feed says about itself; URLs relative to the site root."""

    title: str
    description: str
    page: str  # the page the feed follows, `` for the home page, `entities/<id>/`
    path: str  # the feed's own path without extension: `feed`, `entities/<id>/feed`
    language: str | None = None


def _absolute(site_url: str, path: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def _summary(article: Article) -> str:
    return article.summary or article.title


def _html(text: str) -> str:
    """Text as the HTML an RSS reader renders: escaped, without what XML cannot hold."""
    return html.escape(XML_UNSAFE.sub("", text), quote=False)


def rss(info: FeedInfo, articles: Sequence[Article], site_url: str) -> bytes:
    """An RSS 2.0 document of `articles` (newest first)."""
    feed = FeedGenerator()
    feed.title(_html(info.title))
    feed.link(href=_absolute(site_url, info.path + ".xml"), rel="self")
    feed.link(
        href=_absolute(site_url, info.page), rel="alternate"
    )  # after `self`: feedgen keeps the last for <link>
    feed.description(_html(info.description))
    feed.generator("Wirearchive")
    if info.language:
        feed.language(info.language)
    if articles:
        feed.lastBuildDate(articles[0].date)
        feed.pubDate(articles[0].date)
    for article in articles:
        url = _absolute(site_url, article.url)
        entry = feed.add_entry(order="append")
        entry.title(_html(article.title))
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.description(_html(_summary(article)))
        entry.pubDate(article.date)
        for source in article.sources:
            entry.category(term=XML_UNSAFE.sub("", source))
    return feed.rss_str(pretty=True)


def json_feed(info: FeedInfo, articles: Sequence[Article], site_url: str) -> str:
    """A JSON Feed 1.1 document of `articles` (newest first)."""
    document: dict = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": _absolute(site_url, info.page),
        "feed_url": _absolute(site_url, info.path + ".json"),
        "description": info.description,
    }
    if info.language:
        document["language"] = info.language
    document["items"] = [_json_item(article, site_url) for article in articles]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_item(article: Article, site_url: str) -> dict:
    url = _absolute(site_url, article.url)
    item: dict[str, object] = {
        "id": url,
        "url": url,
        "title": article.title,
        "content_text": _summary(article),
        "date_published": article.date.isoformat(),
        "language": article.language,
    }
    if article.summary:
        item["summary"] = article.summary
    if article.sources:
        item["authors"] = [{"name": source} for source in article.sources]
    if article.entities:
        item["tags"] = list(article.entities)
    return item
