"""Articles made in code, for tests of what is built from them (timelines, browsing, pages)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from wirearchive.archive import Archive
from wirearchive.model import Article, Event

ZURICH = ZoneInfo("Europe/Zurich")


def make_article(
    name: str = "x", when: str | dt.datetime = "2025-10-01T09:00", **fields
) -> Article:
    """An article named `name` (its file, slug and title) filed at `when` (Zurich time unless
    it has an offset); any other field as given. `events` may be `(date, text)` pairs."""
    date = dt.datetime.fromisoformat(when) if isinstance(when, str) else when
    values: dict = {
        "source_file": f"articles/{name}.txt",
        "title": f"Title {name}",
        "date": date if date.tzinfo else date.replace(tzinfo=ZURICH),
        "language": "fr",
        "sources": (),
        "rubric": None,
        "section": None,
        "summary": None,
        "image": None,
        "slug": name,
        "body": "Body.",
    }
    values.update(fields)
    values["events"] = tuple(
        e if isinstance(e, Event) else Event(*e) for e in values.get("events", ())
    )
    for key in ("sources", "entities", "notes"):
        if key in values:
            values[key] = tuple(values[key])
    return Article(**values)


def archive_of(*articles: Article) -> Archive:
    """An archive as read_archive leaves it: newest first."""
    return Archive(articles=sorted(articles, key=lambda a: (a.date, a.source_file), reverse=True))
