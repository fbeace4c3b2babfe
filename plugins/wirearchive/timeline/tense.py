"""Tense around a date: `les appareils arriveront en magasin le 19 septembre` is ahead.

Without a year, a date is taken in the past (wires report what happened) unless the clause
around it is in the future tense, says `prochain`/`next`/`nächsten`, or says the thing is
planned or expected (`prévue`, `attendue`, `geplant`, `erwartet`, `scheduled`, `previsto`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

FUTURE = {
    # A word of a future ending (`-eront`, `-ra`: two letters or more before it) or one of the
    # words. Read as `\b(?:\w{2,}(?:eront|iront|...|rra)|va|...)\b`, but faster: each word
    # is taken whole (`\w++`, no backtracking through it) and its end looked at behind.
    "fr": re.compile(
        r"\b(?:(?:va|vont|devrait|devraient|doit|doivent|prévue?s?|attendue?s?|prochaine?s?)\b"
        r"|\w++(?:(?<=\w{7})(?<=eront|iront|erons)|(?<=\w{6})(?<=ront)"
        r"|(?<=\w{5})(?<=era|ira|ura|dra|tra|vra|rra)))(?!-t)",
        re.I,
    ),
    "de": re.compile(
        r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|dürfte|dürften|voraussichtlich|"
        r"künftig|erwartet|geplant|vorgesehen|"
        r"kommende[mnrs]?|nächste[mnrs]?)\b",
        re.I,
    ),
    "en": re.compile(
        r"(?:\b(?:will|shall|won't|plans?\s+to|(?:is|are)\s+(?:expected|set|due|scheduled)\s+to|"
        r"expects?\s+to|scheduled|"
        r"next|upcoming)\b|\w'll\b)",
        re.I,
    ),
    # `sarà`, `lanceranno`, `arriverà`, `dovrebbe`, `prevede di`, `prossimo`
    "it": re.compile(
        r"\b(?:\w{2,}(?:erà|irà|arà|ranno|remo|rete)|sarà|saranno|dovrebbe|dovrebbero|deve|devono|"
        r"prevede\s+di|intende|previst[oaie]|prossim[oaie])(?!\w)",
        re.I,
    ),
}
CLAUSE_BREAK = re.compile(
    r"[,;:()«»\"“”—–]|\s(?:et|mais|que|alors|and|but|that|while|und|aber|dass|während|"
    r"nachdem|e|ma|che|mentre)\s|\bqu['’]",
    re.I,
)


def clause_around(sentence: str, start: int, end: int) -> str:
    """The part of `sentence` between the clause breaks before `start` and after `end`."""
    starts, ends = _breaks(sentence)
    before = bisect_right(ends, start)  # the breaks that end at or before `start`
    after = bisect_left(starts, end)  # the first break that starts at or after `end`
    left = ends[before - 1] if before else 0
    right = starts[after] if after < len(starts) else len(sentence)
    return sentence[left:start] + " " + sentence[end:right]


@lru_cache(maxsize=64)
def _breaks(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the clause breaks of `sentence` start and end, in order (both ascending: the
    breaks do not overlap). Kept for the sentence's next dates: one scan per sentence."""
    found = [brk.span() for brk in CLAUSE_BREAK.finditer(sentence)]
    return tuple(s for s, _ in found), tuple(e for _, e in found)


def is_future(sentence: str, start: int, end: int, language: str) -> bool:
    """Whether the clause around `sentence[start:end]` speaks of what is still to come."""
    return bool(FUTURE[language].search(clause_around(sentence, start, end)))


# A verb of the past right before the date: `said on Monday`, `annoncé lundi`, `annunciato
# martedì`. The date is then what was done, whatever the rest of the clause says (`AMD va
# fournir ... un accord annoncé lundi`, `Apple said on Monday it would spend ... over the
# next four years`).
DONE_BEFORE = {
    "fr": re.compile(
        r"\b(?!(?:prévu|programmé|fixé|planifié|attendu|agendé)e?s?\b)[^\W\d_]{3,}(?:é|ée|és|ées)"
        r"\s+(?:le\s+|ce\s+)?$",
        re.I,
    ),
    "de": re.compile(r"(?!)"),  # the verb comes after the date in German
    "en": re.compile(
        r"\b(?:(?!(?:scheduled|expected|slated|planned|set|due|required|needed)\b)[^\W\d_]{3,}ed|"
        r"said|told|took|made|gave|sold|bought|rose|fell|won|held|met|began|spoke)"
        r"\s+(?:late\s+|early\s+)?(?:on\s+)?$",
        re.I,
    ),
    "it": re.compile(
        r"\b(?!(?:previst|programmat|fissat|attes)[oaie]\b)[^\W\d_]{3,}(?:at|ut)[oaie]\s+$", re.I
    ),
}


@lru_cache(maxsize=256)  # asked for a date when it is resolved, then again for its kind
def looks_ahead(sentence: str, start: int, end: int, language: str) -> bool:
    """Whether the date at `sentence[start:end]` is spoken of as still to come: its clause is
    in the future tense and no verb of the past stands right before it."""
    if DONE_BEFORE[language].search(sentence, max(0, start - 30), start):
        return False
    return is_future(sentence, start, end, language)
