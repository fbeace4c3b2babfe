"""Dated events: the dates a dispatch's sentences report, resolved against its own date.

>>> import datetime as dt
>>> sunday = dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.timezone.utc)
>>> events, _ = find_events([("Le groupe a annoncé samedi un accord conclu en septembre.", 12)],
...                         sunday, "fr")
>>> [e.date for e in events]
['2026-01-31', '2025-09']

A date keeps the precision the text gives: `en septembre` is a month (`2025-09`), never a
day. Without a year, the past is preferred (wires report what happened), unless the clause
around the date is in the future tense (:mod:`.tense`). A date that cannot be resolved
(`31 février`, a week across two years) is left out with an info problem, never guessed.
The rules of each language are in :mod:`.grammar`.

:func:`dated_events` tells more of each event (:class:`DatedEvent`): whether it is past,
planned or a deadline (:mod:`.kinds`; `jusqu'en 2032` is no 2032 event), where a span
ends (`von 2016 bis 2020`), and, given a finder of names, the entities its sentence is
about (:mod:`.relevance`). Its text is the sentence as a reader should see it: without the
wire's dateline (`SAN FRANCISCO, Oct 6 (Reuters) -`) and without a quotation mark the
sentence split left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial

from ..dispatch.layouts import ParseOptions, find_dateline
from ..model import Event
from ..problems import Problem
from ..text.sentences import spans
from . import partial as dates
from .grammar import LANGUAGES, Context, Resolver, Span, grammar, kinds_present
from .kinds import Kind, kind_of
from .relevance import LOOKBACK, About, Relevance
from .tense import looks_ahead

DEFAULT_OPTIONS = ParseOptions()  # the agencies a dateline may name, when the caller gives none
QUOTE_MARKS = '«»“”„‹›"'
OPENING_MARKS, CLOSING_MARKS = '«“„‹"', '»”“›"'


@dataclass(frozen=True)
class Found:
    """One date expression of a sentence: its span and the partial date it resolves to."""

    start: int
    end: int
    expression: str
    date: str | None
    reason: str | None = None  # why `date` is None
    until: str | None = None  # the end of a span whose start is `date`


@dataclass(frozen=True)
class DatedEvent:
    """An event as the text reports it: more than :class:`~wirearchive.model.Event` holds."""

    date: str  # `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a span's start
    text: str  # the sentence, without dateline
    kind: Kind = "past"  # `past`, `planned` (still to come when filed) or `deadline`
    until: str | None = None  # a span's end (`von 2016 bis 2020`: 2020)
    about: tuple[str, ...] = ()  # ids of the entities the sentence is about
    line: int | None = None  # the paragraph's first line in the file

    def as_event(self) -> Event:
        return Event(self.date, self.text)

    def as_dict(self) -> dict:
        return {
            "date": self.date,
            "text": self.text,
            "kind": self.kind,
            "until": self.until,
            "about": list(self.about),
        }


def find_dates(
    sentence: str, published: dt.date, language: str, anchor: dt.date | None = None
) -> list[Found]:
    """The date expressions of one sentence, left to right, none overlapping another.

    `anchor` is the last day the text named before (`le même jour` is that day).
    """
    present = kinds_present(sentence, language)
    if not present:
        return []
    matches: list[tuple[re.Match, Resolver]] = []
    for pattern, resolve, needs in grammar(language):
        if needs <= present:
            matches += [(m, resolve) for m in pattern.finditer(sentence)]
    matches.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    found, taken_until = [], 0
    for m, resolve in matches:
        if m.start() < taken_until:
            continue
        taken_until = m.end()
        ahead = partial(looks_ahead, sentence, m.start(), m.end(), language)
        result = resolve(m, Context(published, ahead, language, anchor))
        if isinstance(result, Span):
            found.append(Found(m.start(), m.end(), m.group(), result.start, until=result.end))
        elif isinstance(result, tuple):
            found.append(Found(m.start(), m.end(), m.group(), None, result[1]))
        else:
            found.append(Found(m.start(), m.end(), m.group(), result))
        if found[-1].date and dates.precision(found[-1].date) == "day":
            anchor = dt.date.fromisoformat(found[-1].date)
    return found


def find_events(
    paragraphs: Iterable[tuple[str, int | None]],
    published: dt.datetime,
    language: str,
    path: str = "<text>",
    *,
    kinds: Iterable[str] = ("past",),
    options: ParseOptions | None = None,
) -> tuple[list[Event], list[Problem]]:
    """Events of the paragraphs `(text, line)`, in reading order, each date once per sentence.

    `published` is the dispatch's date in its own time zone: relative expressions
    (`samedi`, `hier`, `en septembre`) are resolved against its calendar day there.
    Languages without a grammar (anything but fr, de, en, it) give no events. Only the
    events of `kinds` are given: by default those that happened (an :class:`Event` cannot
    say that one is planned or a deadline; :func:`dated_events` can).
    """
    wanted = set(kinds)
    found, problems = dated_events(paragraphs, published, language, path, options=options)
    return [e.as_event() for e in found if e.kind in wanted], problems


def dated_events(
    paragraphs: Iterable[tuple[str, int | None]],
    published: dt.datetime,
    language: str,
    path: str = "<text>",
    *,
    about: About | None = None,
    types: Mapping[str, str] | None = None,
    options: ParseOptions | None = None,
) -> tuple[list[DatedEvent], list[Problem]]:
    """Events of the paragraphs `(text, line)` with their kind, span and entities.

    `about` finds the names of a sentence: `(start, end, entity id)` of each, in order (the
    glossary's matcher); it is called on every sentence, in reading order, so that it may
    remember the people already introduced. `types` maps an entity id to its glossary type
    (`company`, `person`, ...): pronouns then carry on an entity of a fitting type. Without
    `about`, events are about nothing. `options` gives the agencies a dateline may name.
    """
    if language not in LANGUAGES:
        return [], []
    day = published.date()
    options = options or DEFAULT_OPTIONS
    relevance = Relevance(about, types, language) if about is not None else None
    events: list[DatedEvent] = []
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    anchor: dt.date | None = None
    # First the dates of every sentence (in order: a day named resolves the next ones), then
    # what the sentences are about: names everywhere (one pass of the glossary's matcher per
    # paragraph, which remembers the people introduced), and what pronouns carry on only near
    # a dated sentence, where an event may need it.
    read: list[tuple[str, int | None, list[tuple[int, int, str]], list[Found]]] = []
    for raw, line in paragraphs:
        text = without_dateline(" ".join(raw.split()), options)
        if relevance is None and not kinds_present(text, language):
            continue  # no date word: not worth splitting
        names = list(about(text)) if about is not None else []
        for start, end in spans(text):
            sentence = text[start:end]
            found = find_dates(sentence, day, language, anchor)
            for date in found:
                if date.date is not None and dates.precision(date.date) == "day":
                    anchor = dt.date.fromisoformat(date.date)
            inside = [(s - start, e - start, i) for s, e, i in names if start <= s and e <= end]
            read.append((sentence, line, inside, found))
    near = {i - back for i, item in enumerate(read) if item[3] for back in range(LOOKBACK + 1)}
    for number, (sentence, line, names, found) in enumerate(read):
        ids = relevance.of(sentence, names, carry=number in near) if relevance is not None else ()
        for date in found:
            if date.date is None:
                problems.append(
                    Problem(
                        path,
                        line,
                        "info",
                        f"date `{date.expression}` left out of the events: {date.reason} "
                        f"(add it under `events:` in front matter if it matters)",
                    )
                )
                continue
            kind = kind_of(sentence, date.start, date.end, date.date, day, language)
            if kind is None or (date.date, sentence) in seen:
                continue
            seen.add((date.date, sentence))
            events.append(DatedEvent(date.date, clean(sentence), kind, date.until, ids, line))
    return events, problems


def without_dateline(paragraph: str, options: ParseOptions = DEFAULT_OPTIONS) -> str:
    """A paragraph without the dateline it opens with (`Zürich (awp/sda) - `), if any."""
    if "(" not in paragraph[:100]:
        return paragraph
    dateline = find_dateline(paragraph, options)
    return paragraph[dateline.end :].lstrip() if dateline else paragraph


def clean(sentence: str) -> str:
    """A sentence without a quotation mark that opens or closes nothing in it."""
    if sentence[:1] in OPENING_MARKS and not any(c in QUOTE_MARKS for c in sentence[1:]):
        sentence = sentence[1:].lstrip()
    if sentence[-1:] in CLOSING_MARKS and not any(c in QUOTE_MARKS for c in sentence[:-1]):
        sentence = sentence[:-1].rstrip()
    return sentence
