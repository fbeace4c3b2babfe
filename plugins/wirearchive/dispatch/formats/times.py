"""Times in agency items: ISO 8601 stamps, zone-less ones, and embargoes written as text.

NewsML 1.x writes ``20190603T174729+0200`` (basic format), NewsML-G2 and ninjs
``2017-01-31T03:47:29.000Z``, NITF ``norm`` attributes either. Python 3.11's
``datetime.fromisoformat`` reads all of them. A stamp without an offset (SDA's
``StatusWillChange`` ``20110831T150029``) is taken in the item's own offset, the one its
other times carry: the agency wrote it on the same clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

_EMBARGO = re.compile(
    r"\b(?:SPERRFRIST|Sperrfrist|EMBARGO(?:ED)?|Embargo(?:ed)?)(?:\s+(?:UNTIL|BIS|bis|until|"
    r"jusqu'?à|JUSQU'?À))?\s*[:.]?\s*"
    r"(?:(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.(?:\s?(?P<year>\d{2,4}))?,?\s*)?"
    r"(?:(?P<h1>[01]\d|2[0-3])(?P<m1>[0-5]\d)(?!\d)"  # 1500
    r"|(?P<h2>[01]?\d|2[0-3])[.:hH](?P<m2>[0-5]\d)(?!\d)"  # 15.00, 15:00, 15h00
    r"|(?P<h3>[01]?\d|2[0-3])\s*(?=Uhr|h\b|GMT|UTC|MEZ|MESZ|CET|CEST))"  # 15 Uhr
    r"\s*(?:Uhr|h\b|HRS\b|hrs\b)?\s*(?P<zone>GMT|UTC|MEZ|MESZ|CET|CEST)?"
)
_ZONES = {"GMT": 0, "UTC": 0, "MEZ": 1, "CET": 1, "MESZ": 2, "CEST": 2}


def parse_instant(text: str | None, default_zone: tzinfo | None = None) -> datetime | None:
    """An aware datetime from an ISO 8601 stamp; None when `text` is not one.

    A stamp without offset gets `default_zone`; without that either, None (an instant cannot
    be known).
    """
    if not text or not text.strip():
        return None
    value = text.strip()
    if value.endswith(("z", "Z")):
        value = value[:-1] + "+00:00"
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        try:
            stamp = datetime.combine(date.fromisoformat(value), time(0))
        except ValueError:
            return None
    if stamp.tzinfo is None:
        if default_zone is None:
            return None
        stamp = stamp.replace(tzinfo=default_zone)
    return stamp


def zone_of(stamp: datetime | None) -> tzinfo | None:
    """The zone of a time, None for no time: what a zone-less stamp of the item is taken in."""
    return stamp.tzinfo if stamp is not None else None


def has_offset(text: str | None) -> bool:
    """Whether an ISO 8601 stamp says its offset (Z, +hh, +hhmm, +hh:mm)."""
    return bool(
        text
        and re.search(r"(?:[zZ]|[+-]\d{2}(?::?\d{2})?)\s*$", text.strip())
        and "T" in text.upper()
    )


def embargo_from_text(text: str, reference: datetime) -> datetime | None:
    """The embargo a note states (``SPERRFRIST 1500``, ``Embargo: 15.00 Uhr``, ``EMBARGOED
    UNTIL 1400 GMT``), as an instant.

    A time without a date is on the item's day, in the item's own offset (`reference`, its
    creation time); if that is before the item was filed, the next day is meant.
    """
    match = _EMBARGO.search(text)
    if not match:
        return None
    zone = reference.tzinfo
    if match.group("zone"):
        zone = timezone(timedelta(hours=_ZONES[match.group("zone")]))
    local = reference.astimezone(zone)
    day = local.date()
    if match.group("day"):
        year = int(match.group("year") or day.year)
        year = year + 2000 if year < 100 else year
        try:
            day = date(year, int(match.group("month")), int(match.group("day")))
        except ValueError:
            return None
    hour = match.group("h1") or match.group("h2") or match.group("h3")
    minute = int(match.group("m1") or match.group("m2") or 0)
    stamp = datetime.combine(day, time(int(hour), minute), zone)
    if not match.group("day") and stamp < reference:
        stamp += timedelta(days=1)
    return stamp
