"""A timeline in TimelineJS's JSON format (https://timeline.knightlab.com/docs/json-format.html).

Newsrooms embed it with TimelineJS. Dates keep their precision (`start_date` has a day
only when the text gave one) and carry a `display_date` in the site's language. TimelineJS
reads `headline` and `text` as HTML: both are escaped here.
"""

from __future__ import annotations

import html
import json

from . import partial
from .timeline import Timeline

GROUPS = {"event": "Events", "publication": "Publications"}


def export(
    timeline: Timeline, title: str, locale: str | None = None, limit: int | None = None
) -> dict:
    """The TimelineJS document of `timeline`, its slides in date order; only the latest `limit`
    entries when given, and the title then says how many of how many."""
    entries = timeline.entries()
    kept = entries[-limit:] if limit is not None else entries
    slides = []
    for number, entry in enumerate(kept, len(entries) - len(kept) + 1):
        year, month, day = partial.sort_key(entry.date)
        start: dict[str, int | str] = {"year": year}
        if month:
            start["month"] = month
        if day:
            start["day"] = day
        start["display_date"] = partial.label(entry.date, locale)
        event_text = entry.text if entry.kind == "event" else entry.article.summary or ""
        slides.append(
            {
                "unique_id": f"{entry.kind}-{number}",
                "start_date": start,
                "text": {
                    "headline": html.escape(entry.article.title),
                    "text": html.escape(event_text),
                },
                "group": GROUPS[entry.kind],
            }
        )
    note = f"The latest {len(kept)} of {len(entries)} entries." if len(kept) < len(entries) else ""
    return {"title": {"text": {"headline": html.escape(title), "text": note}}, "events": slides}


def dumps(document: dict) -> str:
    """Stable JSON text: the same timeline gives the same bytes."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
