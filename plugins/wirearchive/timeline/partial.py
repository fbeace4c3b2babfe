"""Partial dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept at the precision the text gives."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from babel.core import UnknownLocaleError
from babel.dates import format_date, format_skeleton

Precision = Literal["year", "month", "day"]
PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def precision(value: str) -> Precision:
    """How much of a partial date is known: `2025` year, `2025-09` month, `2025-09-14` day."""
    return ("year", "month", "day")[value.count("-")]


@lru_cache(maxsize=65536)
def sort_key(value: str) -> tuple[int, int, int]:
    """Orders partial dates: a year before its months, a month before its days."""
    match = PARTIAL.match(value)
    if not match:
        raise ValueError(f"not a partial date: {value!r}")
    return int(match["year"]), int(match["month"] or 0), int(match["day"] or 0)


def year_of(value: str) -> str:
    return value[:4]


def month_of(value: str) -> str | None:
    """`2025-09` of `2025-09` or `2025-09-14`; None for a date known only to the year."""
    return value[:7] if len(value) >= 7 else None


def of_day(day: dt.date) -> str:
    return day.isoformat()


def of_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def of_year(year: int) -> str:
    return f"{year:04d}"


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date covers: `2025-09` is 1 to 30 September."""
    year, month, day = sort_key(value)
    if day:
        return (dt.date(year, month, day),) * 2
    if month:
        return dt.date(year, month, 1), last_day(year, month)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def span_of(first: dt.date, last: dt.date) -> str | None:
    """The most precise partial date that holds every day from `first` to `last`.

    A week inside one month is that month; one across two months is the year;
    one across two years cannot be told honestly and gives None.
    """
    if first == last:
        return of_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return of_month(first.year, first.month)
    if first.year == last.year:
        return of_year(first.year)
    return None


@lru_cache(maxsize=8192)
def label(value: str, locale: str | None = None) -> str:
    """A partial date as a reader says it: `2025`, `septembre 2025`, `31 janvier 2026`."""
    year, month, day = sort_key(value)
    try:
        if not month:
            return of_year(year)
        if not day:
            return format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale or "en")
        return format_date(dt.date(year, month, day), "long", locale=locale or "en")
    except (UnknownLocaleError, ValueError):
        return value
