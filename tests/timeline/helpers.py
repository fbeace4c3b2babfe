"""Articles made in code for the timeline and browsing tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from wirearchive.archive import Archive
from wirearchive.model import Article, Event

ZURICH = ZoneInfo("Europe/Zurich")


def article(
    name: str,
    when: str,
    *,
    entities=(),
    events=(),
    sources=("ATS",),
    rubric="Technologie",
    language="fr",
    summary=None,
) -> Article:
    date = dt.datetime.fromisoformat(when).replace(tzinfo=ZURICH)
    return Article(
        source_file=f"articles/{name}.txt",
        title=f"Title {name}",
        date=date,
        language=language,
        sources=tuple(sources),
        rubric=rubric,
        section=None,
        summary=summary,
        image=None,
        slug=name,
        body="Body.",
        entities=tuple(entities),
        events=tuple(Event(d, t) for d, t in events),
    )


def archive_of(*articles: Article) -> Archive:
    """An archive as read_archive leaves it: newest first."""
    return Archive(articles=sorted(articles, key=lambda a: (a.date, a.source_file), reverse=True))
