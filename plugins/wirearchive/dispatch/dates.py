"""The date forms that dispatches use, read into time-zone-aware datetimes.

Month names come from `wirearchive.text.months` (CLDR data, as Babel ships it), so
`févr.`, `Dez`, `März` and `September` are all known without a hand-kept table.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..text.months import month_number

MONTH = r"(?P<month>[A-Za-zÀ-ÿ]{3,10}\.?)"

# `1er février 2026`, `1. Februar 2026`, `1 February 2026`, `10 juil 2024`
DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:er|\.)?\s+" + MONTH + r"\s+(?P<year>\d{4})\b")
# `February 1, 2026`, `Feb 1 2026`
MONTH_DAY_YEAR = re.compile(r"\b" + MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b")
# `Feb 1`, `Oct. 6` (no year)
MONTH_DAY = re.compile(r"^" + MONTH + r"\s+(?P<day>\d{1,2})$")
# `1 Feb`, `1er février` (no year)
DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})(?:er|\.)?\s+" + MONTH + r"$")
ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
# `1.2.2026 - 05:50` (web copy, first timestamp) and `01.02.2026, 05:50` (second one)
TIMESTAMP_DASH = re.compile(
    r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r"\s+-\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})$"
)
TIMESTAMP_COMMA = re.compile(
    r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r",\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})$"
)
# IPTC 7901 trailers: `091223 dec 18`, `212322 GMT Nov 18`, `101137 GMT Dez 18`
WIRE_TRAILER = re.compile(
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})\s+(?P<gmt>GMT\s+)?"
    + MONTH
    + r"\s+(?P<year>\d{2})\b",
    re.I,
)
# ANPA 1312 trailer: `AP-WF-05-09-17 0056GMT`
ANPA_TRAILER = re.compile(
    r"(?P<month>\d{2})-(?P<day>\d{2})-(?P<year>\d{2})\s+(?P<hour>\d{2})(?P<minute>\d{2})GMT"
)


def zone(name: str) -> ZoneInfo:
    """The IANA time zone `name`; raises ValueError with the name if it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def local(day: date, at: time, tz: ZoneInfo) -> datetime:
    """A wall-clock time in `tz` (daylight saving applied)."""
    return datetime.combine(day, at, tzinfo=tz)


def _safe_date(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_timestamp(line: str, tz: ZoneInfo) -> datetime | None:
    """`1.2.2026 - 05:50` or `01.02.2026, 05:50`, local time in `tz`."""
    m = TIMESTAMP_DASH.match(line) or TIMESTAMP_COMMA.match(line)
    if not m:
        return None
    day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    hour, minute = int(m["hour"]), int(m["minute"])
    if day is None or hour > 23 or minute > 59:
        return None
    return local(day, time(hour, minute), tz)


def parse_full_date(text: str, tz: ZoneInfo) -> datetime | None:
    """A date with day, month name and year anywhere in `text`, at midnight in `tz`."""
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = pattern.search(text)
        if m:
            day = _safe_date(int(m["year"]), month_number(m["month"]), int(m["day"]))
            if day:
                return local(day, time(0, 0), tz)
    return None


def parse_partial_date(text: str, year: int, tz: ZoneInfo) -> datetime | None:
    """`Feb 1` or `1er février` without a year, in the given year."""
    text = text.strip()
    m = MONTH_DAY.match(text) or DAY_MONTH.match(text)
    if not m:
        return None
    day = _safe_date(year, month_number(m["month"]), int(m["day"]))
    return local(day, time(0, 0), tz) if day else None


def parse_iso(value: str, tz: ZoneInfo) -> datetime | None:
    """ISO 8601 date or datetime; naive values are wall-clock time in `tz`."""
    value = value.strip()
    if not ISO.match(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=tz)
    return parsed.astimezone(tz)


def parse_wire_trailer(text: str, tz: ZoneInfo) -> datetime | None:
    """The filing time at the end of an IPTC 7901 or ANPA 1312 item."""
    m = WIRE_TRAILER.search(text)
    if m:
        day = _safe_date(2000 + int(m["year"]), month_number(m["month"]), int(m["day"]))
        zone_ = UTC if m["gmt"] else tz
    else:
        m = ANPA_TRAILER.search(text)
        if not m:
            return None
        day = _safe_date(2000 + int(m["year"]), int(m["month"]), int(m["day"]))
        zone_ = UTC
    hour, minute = int(m["hour"]), int(m["minute"])
    if day is None or hour > 23 or minute > 59:
        return None
    return datetime.combine(day, time(hour, minute), tzinfo=zone_).astimezone(tz)


def to_zone(value: datetime, tz: ZoneInfo) -> datetime:
    """`value` in `tz`, keeping wall-clock time for naive values."""
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
