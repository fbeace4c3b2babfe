"""What a date says of its event: past, planned, a deadline, or no event at all.

`prolongés jusqu'en 2032` is not something that happened in 2032: it is a deadline.
`La mise en service est prévue en 2026` is planned. `sa plus forte baisse depuis mars 2020`
is a comparison, `en référence à l'année 2026` a reference, `devait initialement entrer en
service en 2027` a plan given up: none is an event. A span (`von 2016 bis 2020`) dates its
event by its start.

A date whose days all lie after the dispatch's day is planned, one whose days all lie before
it is past; one that holds the dispatch's day (`cette année`, `en octobre` in October) is
planned when the clause around it is in the future tense (:mod:`.tense`). The words that
narrow a year or a month (`fin 2026`, `Ende Januar`, `au second semestre`, `cet automne`)
narrow the days it covers for that test.

These are word lists and short patterns of our own, like the date grammar (:mod:`.grammar`):
no tagger tells a deadline from a date, and one spaCy pipeline per language would cost far
more per dispatch than the build can spend.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from . import partial as dates
from .tense import clause_around, looks_ahead

Kind = Literal["past", "planned", "deadline"]
KINDS: tuple[Kind, ...] = ("past", "planned", "deadline")

# The expression, or the words just before it, make its date an end or a limit.
DEADLINE = re.compile(
    r"\b(?:jusqu['’]\s*(?:en|au|à|a|aux|fin)|d['’]ici|until|till|by|through|bis|entro|"
    r"fino\s+a(?:l(?:la)?)?|spätestens|no\s+later\s+than|au\s+plus\s+tard)\b",
    re.I,
)
# ... which must then be right before the date (`jusqu'à fin 2026`, `bis Ende 2025`).
DEADLINE_BEFORE = re.compile(
    r"\b(?:jusqu['’](?:à|a|en|au)|d['’]ici(?:\s+à)?|until|by|bis|entro|fino\s+a)\s*(?:la\s+|l['’])?$",
    re.I,
)
# A reference to a year, not a happening in it: `en référence à l'année 2026`.
REFERENCE = re.compile(
    r"\b(?:r[ée]f[ée]rence\s+(?:à|a|to)|Anlehnung\s+an|riferimento\s+a)\s*$", re.I
)
# A superlative or a multiple a few words before `depuis`/`since`/`seit`: a comparison
# (`sa plus forte baisse depuis mars 2020`, `so stark wie seit 1992`, `tripled since`).
SINCE_COMPARISON = re.compile(
    r"\b(?:plus\s+(?:forte?s?|fort|haut|bas|grande?s?|important|élevée?s?|faible)|jamais|"
    r"biggest|largest|highest|lowest|best|worst|strongest|weakest|sharpest|steepest|most|least|"
    r"doubled|tripled|quadrupled|so\s+\w+\s+wie|stärkste\w*|höchste\w*|tiefste\w*|"
    r"grösste\w*|größte\w*|schwächste\w*|più|massim[oa]|minim[oa])"
    r"(?:\s+[\w'’-]+){0,2}\s+(?:depuis|since|seit|dal|da)\b",
    re.I,
)
# `plus que l'an dernier`, `mehr als im Vorjahr`, `more than last year`: a comparison.
COMPARED = re.compile(
    r"\b(?:plus|moins|autant|davantage|mieux|more|less|fewer|higher|lower|mehr|weniger|höher|"
    r"tiefer|besser|più|meno)\b[^,;.]{0,60}?\b(?:que|qu['’]|than|als|rispetto\s+a(?:l|ll['’])?)"
    r"\s*$",
    re.I,
)
# `the quarter ending in January`: the end of a period, not a happening.
PERIOD_END = re.compile(
    r"\b(?:ending|ended|ends|closing|se\s+terminant|clos|endet|endete|chiuso)\s+(?:in\s+|le\s+)?$",
    re.I,
)
# A plan given up or changed: `devait initialement`, `ursprünglich wollte`, `was originally due`.
ORIGINALLY = re.compile(
    r"\b(?:initialement|à\s+l['’]origine|ursprünglich|eigentlich|originally|initially|"
    r"inizialmente|originariamente)\b",
    re.I,
)

# Words that narrow the days a year or a month covers: (first month, last month) of a year;
# (first day, last day) of a month.
NARROW_YEAR = [
    (re.compile(r"\b(?:fin|end|late|ende|fine)\b", re.I), (9, 12)),
    (re.compile(r"\b(?:début|early|start|beginning|anfang|inizio)\b", re.I), (1, 4)),
    (re.compile(r"\b(?:mi|mid|mitte|metà)\b", re.I), (5, 8)),
    (
        re.compile(
            r"\b(?:second|deuxième|zweiten|secondo)\b.{0,12}\b(?:semestre|half|hälfte|halbjahr|jahreshälfte)",
            re.I,
        ),
        (7, 12),
    ),
    (
        re.compile(
            r"\b(?:premier|first|ersten|primo)\b.{0,12}\b(?:semestre|half|hälfte|halbjahr|jahreshälfte)",
            re.I,
        ),
        (1, 6),
    ),
    (re.compile(r"\b(?:printemps|frühling|frühjahr|spring|primavera)\b", re.I), (3, 5)),
    (re.compile(r"\b(?:été|sommer|summer|estate)\b", re.I), (6, 8)),
    (re.compile(r"\b(?:automne|herbst|autumn|fall|autunno)\b", re.I), (9, 11)),
]
NARROW_MONTH = [
    (re.compile(r"\b(?:fin|end|late|ende|fine)\b", re.I), (21, 31)),
    (re.compile(r"\b(?:début|early|start|beginning|anfang|inizio)\b", re.I), (1, 10)),
    (re.compile(r"\b(?:mi|mid|mitte|metà)\b", re.I), (11, 20)),
]


def covered(date: str, expression: str) -> tuple[dt.date, dt.date]:
    """The days a date covers, narrowed by the words of its expression (`fin 2026`)."""
    first, last = dates.bounds(date)
    precision = dates.precision(date)
    if precision == "year":
        for pattern, (a, b) in NARROW_YEAR:
            if pattern.search(expression):
                return dt.date(first.year, a, 1), dates.last_day(first.year, b)
    elif precision == "month":
        for pattern, (a, b) in NARROW_MONTH:
            if pattern.search(expression):
                return first.replace(day=a), min(last, first.replace(day=min(b, last.day)))
    return first, last


def kind_of(
    sentence: str, start: int, end: int, date: str, day: dt.date, language: str
) -> Kind | None:
    """The kind of the event `sentence[start:end]` dates, or None when it is no event."""
    expression = sentence[start:end]
    before = sentence[max(0, start - 80) : start]
    if REFERENCE.search(before) or PERIOD_END.search(before) or COMPARED.search(before):
        return None
    compared = SINCE_COMPARISON.search(sentence, max(0, start - 60), min(end, start + 12))
    if compared and compared.end() >= start - 12:
        return None
    first, last = covered(date, expression)
    if last >= day and ORIGINALLY.search(clause_around(sentence, start, end)):
        return None  # (a date in the past needs no look at its clause)
    if DEADLINE.match(expression) or DEADLINE_BEFORE.search(before):
        return "deadline"
    if first > day:
        return "planned"
    if last < day:
        return "past"
    return "planned" if looks_ahead(sentence, start, end, language) else "past"
