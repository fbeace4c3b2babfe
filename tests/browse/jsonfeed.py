"""The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) that a feed must meet.

feedparser 6.0 reads RSS and Atom but not JSON Feed, so this checks the specification's
requirements directly: required keys, their types, RFC 3339 dates, absolute URLs.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

VERSION = "https://jsonfeed.org/version/1.1"
STRING_KEYS = (
    "home_page_url",
    "feed_url",
    "description",
    "user_comment",
    "next_url",
    "icon",
    "favicon",
    "language",
)
ITEM_STRINGS = (
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "image",
    "banner_image",
    "language",
)


def _absolute(url) -> bool:
    parts = urlsplit(url) if isinstance(url, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def _rfc3339(value) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def problems(feed) -> list[str]:
    """What in `feed` (a decoded JSON document) breaks JSON Feed 1.1; empty when valid."""
    found: list[str] = []
    if not isinstance(feed, dict):
        return ["the feed is not a JSON object"]
    if feed.get("version") != VERSION:
        found.append(f"version must be {VERSION}")
    if not isinstance(feed.get("title"), str):
        found.append("title (string) is required")
    found += [
        f"{key} must be a string"
        for key in STRING_KEYS
        if key in feed and not isinstance(feed[key], str)
    ]
    found += [
        f"{key} must be an absolute URL"
        for key in ("home_page_url", "feed_url")
        if key in feed and not _absolute(feed[key])
    ]
    items = feed.get("items")
    if not isinstance(items, list):
        return found + ["items (array) is required"]
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    if len(set(map(str, ids))) != len(ids):
        found.append("item ids must be unique")
    for n, item in enumerate(items):
        where = f"items[{n}]"
        if not isinstance(item, dict):
            found.append(f"{where} is not an object")
            continue
        if not isinstance(item.get("id"), str) or not item["id"]:
            found.append(f"{where}.id (non-empty string) is required")
        if not any(isinstance(item.get(k), str) for k in ("content_html", "content_text")):
            found.append(f"{where} needs content_html or content_text")
        found += [
            f"{where}.{k} must be a string"
            for k in ITEM_STRINGS
            if k in item and not isinstance(item[k], str)
        ]
        if "url" in item and not _absolute(item["url"]):
            found.append(f"{where}.url must be an absolute URL")
        found += [
            f"{where}.{k} must be an RFC 3339 date-time"
            for k in ("date_published", "date_modified")
            if k in item and not _rfc3339(item[k])
        ]
        tags = item.get("tags", [])
        if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
            found.append(f"{where}.tags must be an array of strings")
        for author in item.get("authors", []):
            if not (
                isinstance(author, dict)
                and any(isinstance(author.get(k), str) for k in ("name", "url", "avatar"))
            ):
                found.append(f"{where}.authors entries need a name, url or avatar")
    return found
