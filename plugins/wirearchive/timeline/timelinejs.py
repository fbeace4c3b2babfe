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

# The words of a document, in English; the site's generator gives them in its language.
LABELS = {
    "event": "Events",
    "publication": "Publications",
    "planned": "Planned",  # an event still to come when reported (a plan or a deadline)
    "note": "The latest %(kept)d of %(total)d entries.",
}


def _date(date: str, locale: str | None) -> dict[str, int | str]:
    year, month, day = partial.sort_key(date)
    out: dict[str, int | str] = {"year": year}
    if month:
        out["month"] = month
    if day:
        out["day"] = day
    out["display_date"] = partial.label(date, locale)
    return out


def export(
    timeline: Timeline,
    title: str,
    locale: str | None = None,
    limit: int | None = None,
    labels: dict[str, str] = LABELS,
) -> dict:
    """The TimelineJS document of `timeline`, its slides in date order; only the latest `limit`
    entries when given, and the title then says how many of how many. Events still to come
    when reported are a group of their own; a span (`von 2016 bis 2020`) has its end date."""
    total = timeline.count
    kept = timeline.last(limit) if limit is not None else timeline.entries()
    slides = []
    for number, entry in enumerate(kept, total - len(kept) + 1):
        event_text = entry.text if entry.kind == "event" else entry.article.summary or ""
        ahead = entry.event is not None and entry.event.kind != "past"
        slide: dict = {
            "unique_id": f"{entry.kind}-{number}",
            "start_date": _date(entry.date, locale),
            "text": {
                "headline": html.escape(entry.article.title),
                "text": html.escape(event_text),
            },
            "group": labels["planned" if ahead else entry.kind],
        }
        if entry.event is not None and entry.event.until:
            slide["end_date"] = _date(entry.event.until, locale)
        slides.append(slide)
    note = labels["note"] % {"kept": len(kept), "total": total} if len(kept) < total else ""
    return {"title": {"text": {"headline": html.escape(title), "text": note}}, "events": slides}


def dumps(document: dict) -> str:
    """Stable JSON text: the same timeline gives the same bytes."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
