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
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Event
from ..problems import Problem
from ..text.sentences import sentences
from .grammar import LANGUAGES, Context, Resolver, grammar, kinds_present
from .tense import is_future


@dataclass(frozen=True)
class Found:
    """One date expression of a sentence: its span and the partial date it resolves to."""

    start: int
    end: int
    expression: str
    date: str | None
    reason: str | None = None  # why `date` is None


def find_dates(sentence: str, published: dt.date, language: str) -> list[Found]:
    """The date expressions of one sentence, left to right, none overlapping another."""
    present = kinds_present(sentence, language)
    if not present:
        return []
    matches: list[tuple[re.Match, Resolver]] = []
    for pattern, resolve, needs in grammar(language):
        if needs in present:
            matches += [(m, resolve) for m in pattern.finditer(sentence)]
    matches.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    found, taken_until = [], 0
    for m, resolve in matches:
        if m.start() < taken_until:
            continue
        taken_until = m.end()
        ctx = Context(published, is_future(sentence, m.start(), m.end(), language), language)
        result = resolve(m, ctx)
        if isinstance(result, tuple):
            found.append(Found(m.start(), m.end(), m.group(), None, result[1]))
        else:
            found.append(Found(m.start(), m.end(), m.group(), result))
    return found


def find_events(
    paragraphs: Iterable[tuple[str, int | None]],
    published: dt.datetime,
    language: str,
    path: str = "<text>",
) -> tuple[list[Event], list[Problem]]:
    """Events of the paragraphs `(text, line)`, in reading order, each date once per sentence.

    `published` is the dispatch's date in its own time zone: relative expressions
    (`samedi`, `hier`, `en septembre`) are resolved against its calendar day there.
    Languages without a grammar (anything but fr, de, en) give no events.
    """
    if language not in LANGUAGES:
        return [], []
    day = published.date()
    events: list[Event] = []
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for text, line in paragraphs:
        for sentence in sentences(" ".join(text.split())):
            for found in find_dates(sentence, day, language):
                if found.date is None:
                    problems.append(
                        Problem(
                            path,
                            line,
                            "info",
                            f"date `{found.expression}` left out of the events: {found.reason} "
                            f"(add it under `events:` in front matter if it matters)",
                        )
                    )
                    continue
                if (found.date, sentence) not in seen:
                    seen.add((found.date, sentence))
                    events.append(Event(found.date, sentence))
    return events, problems
