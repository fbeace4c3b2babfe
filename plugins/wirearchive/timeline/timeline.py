"""Timelines: the events and publications of some articles, in date order, by year and month.

An event known only to its month sits in its month before the days of that month; one
known only to its year sits in its year before the months: each is shown as what it is.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..model import Article, Event
from . import partial

Kind = Literal["event", "publication"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a timeline: an event a dispatch reports, or the dispatch's publication."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: Kind
    text: str  # the event's sentence, or the dispatch's title
    article: Article
    event: Event | None = None  # the event itself (kind, span, entities); None for publications

    @property
    def precision(self) -> partial.Precision:
        return partial.precision(self.date)

    def sort_key(self) -> tuple:
        # Events before the publication of the same day; then in the order of publication.
        return (
            partial.sort_key(self.date),
            self.kind == "publication",
            self.article.date,
            self.article.source_file,
            self.text,
        )


# Months, years and timelines with slots: every timeline page has its own (tens of thousands
# at 10,000 dispatches), 40 bytes fewer each
@dataclass(slots=True)
class Month:
    key: str  # YYYY-MM
    entries: list[Entry] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.key[:4])

    @property
    def number(self) -> int:
        return int(self.key[5:7])


@dataclass(slots=True)
class Year:
    year: str
    entries: list[Entry] = field(default_factory=list)  # known to the year only
    months: list[Month] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.entries) + sum(len(m.entries) for m in self.months)

    def in_order(self) -> list[Entry]:
        """Its entries in timeline order: those known to the year only, then each month's."""
        return [*self.entries, *(e for m in self.months for e in m.entries)]


@dataclass(slots=True)
class Timeline:
    """Years, oldest first; in each, the year-only entries, then the months."""

    years: list[Year] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(y.count for y in self.years)

    def entries(self) -> list[Entry]:
        return [e for y in self.years for e in y.in_order()]

    def last(self, count: int) -> list[Entry]:
        """Its last `count` entries, in timeline order (`entries()[-count:]`), without listing
        the others: a TimelineJS export keeps the latest 100 of each timeline, and listing
        every entry of the archive's, its years' and every entity's for them was 0.3 s of
        each build at 10,000 dispatches."""
        chunks: list[list[Entry]] = []
        left = count
        for year in reversed(self.years):
            for entries in [*(m.entries for m in reversed(year.months)), year.entries]:
                if left <= 0:
                    break
                chunk = entries[-left:]
                chunks.append(chunk)
                left -= len(chunk)
        return [entry for chunk in reversed(chunks) for entry in chunk]

    def year(self, year: str) -> Timeline:
        """The part of this timeline that falls in `year`."""
        return Timeline([y for y in self.years if y.year == year])


class SharedEntries(Protocol):
    """Entries made before, by the id of their event or article: a dict, or what a build
    carries for the next (wirearchive.carry.CarriedEntries)."""

    def get(self, key: int, /) -> Entry | None: ...

    def __setitem__(self, key: int, value: Entry, /) -> None: ...


def entries_of(
    articles: Iterable[Article],
    *,
    events: bool = True,
    publications: bool = True,
    about: str | None = None,
    shared: SharedEntries | None = None,
) -> list[Entry]:
    """Every event and publication of `articles`, unsorted.

    With `about` (an entity id), only the events whose sentence is about that entity: an
    entity's timeline is not every date of every dispatch that names it. An event that says
    nothing of what it is about (given in front matter without `about`) counts for the
    article's entities. `shared` gives the entries made before, by the id of their event (or
    of their article, for a publication): the timelines of one archive (the whole, each
    entity's) then hold one entry per event, not one per timeline (at 1,000 dispatches, 93,000
    entries were made for 14,000 events and publications). An entry given there is taken
    only for the very article it was made with: `shared` may be carried from an earlier
    build (wirearchive.carry), where another article object (a slug the archive gave anew)
    held the same events.
    """
    made = shared if shared is not None else {}
    found: list[Entry] = []
    for article in articles:
        if publications:
            entry = made.get(id(article))
            if entry is None or entry.article is not article:
                day = article.date.date().isoformat()
                entry = made[id(article)] = Entry(day, "publication", article.title, article)
            found.append(entry)
        if not events:
            continue
        for e in article.events:
            if about is None or about in (e.about or article.entities):
                entry = made.get(id(e))
                if entry is None or entry.article is not article:
                    entry = made[id(e)] = Entry(e.date, "event", e.text, article, e)
                found.append(entry)
    return found


def build(entries: Iterable[Entry], *, ordered: bool = False) -> Timeline:
    """Group entries by year, then by month, each group in date order.

    `ordered`: the entries are in timeline order already, being a slice or a filter of a
    built timeline's `entries()` (which lists them in the order they were sorted in: a
    year's entries known to the year only sort before its months), and are not sorted again.
    """
    in_order = entries if ordered else sorted(entries, key=Entry.sort_key)
    # One pass, as `itertools.groupby` by year, then by month, would group them (a run of
    # entries known to the year only between two runs of one month splits that month in
    # two), without its two calls per entry: the timelines of a build at 10,000 dispatches
    # (the archive's, each year's, each of 300 entities' twice) were built in 0.41 s rather
    # than 0.49 s (a dirty build, one run each).
    timeline = Timeline()
    year = Year("")
    month: Month | None = None
    for entry in in_order:
        date = entry.date
        if date[:4] != year.year:
            year = Year(date[:4])
            timeline.years.append(year)
            month = None
        if len(date) < 7:  # known to the year only (partial.month_of)
            year.entries.append(entry)
            month = None
        else:
            if month is None or date[:7] != month.key:
                month = Month(date[:7])
                year.months.append(month)
            month.entries.append(entry)
    return timeline


def rebuilt(last: Timeline, gone: set[int], added: Iterable[Entry]) -> Timeline:
    """`last` without the entries of the articles whose ids are in `gone`, with `added`: what
    `build` gives for the same entries, in which each year that neither touches is `last`'s
    very `Year` (what is made of it is then the same too: wirearchive.carry). An edit to one
    dispatch rebuilds the years its events fall in, not a timeline of 140,000 entries.

    Entries of different articles never sort as equals (`Entry.sort_key` holds the
    article's file), so inserting `added` into the kept order is the order `build` sorts.
    The ids in `gone` must be those of articles `last` still holds.
    """
    new: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(added, key=Entry.sort_key):
        new[partial.year_of(entry.date)].append(entry)
    years: list[Year] = []
    for year in last.years:
        kept = year.in_order()
        if year.year not in new and all(id(e.article) not in gone for e in kept):
            years.append(year)
            continue
        entries = [e for e in kept if id(e.article) not in gone]
        for entry in new.pop(year.year, ()):
            insort(entries, entry, key=Entry.sort_key)
        years += build(entries, ordered=True).years
    for entries in new.values():  # years `last` did not have
        years += build(entries, ordered=True).years
    years.sort(key=lambda y: partial.sort_key(y.year))
    return Timeline(years)


def of_articles(
    articles: Iterable[Article],
    about: str | None = None,
    shared: SharedEntries | None = None,
) -> Timeline:
    """The timeline of `articles` (their events about the entity `about` when given);
    `shared` as for :func:`entries_of`."""
    return build(entries_of(articles, about=about, shared=shared))


def latest_events(articles: Iterable[Article], count: int, until: str | None = None) -> list[Entry]:
    """The `count` most recent events up to the partial date `until` (none later), newest first."""
    return latest_of(build(entries_of(articles, publications=False)), count, until)


def latest_of(timeline: Timeline, count: int, until: str | None = None) -> list[Entry]:
    """The `count` most recent events of a built `timeline` up to the partial date `until`,
    newest first: read from its end rather than sorted again (sorting every event of 10,000
    dispatches anew was a second of each build of the home page)."""
    limit = partial.sort_key(until) if until is not None else None
    found: list[Entry] = []
    for entry in reversed(timeline.entries()):
        if entry.kind == "event" and (limit is None or partial.sort_key(entry.date) <= limit):
            found.append(entry)
            if len(found) == count:
                break
    return found
