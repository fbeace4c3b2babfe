"""Tense around a date: `les appareils arriveront en magasin le 19 septembre` is ahead.

Without a year, a date is taken in the past (wires report what happened) unless the clause
around it is in the future tense or says `prochain`/`next`/`nächsten`.
"""

from __future__ import annotations

import re

FUTURE = {
    "fr": re.compile(
        r"\b(?:\w{2,}(?:eront|iront|ront|erons|era|ira|ura|dra|tra|vra|rra)|va|vont|devrait|"
        r"devraient|doit|doivent|"
        r"prochaine?s?)\b(?!-t)",
        re.I,
    ),
    "de": re.compile(
        r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|dürfte|dürften|voraussichtlich|"
        r"künftig|"
        r"kommende[mnrs]?|nächste[mnrs]?)\b",
        re.I,
    ),
    "en": re.compile(
        r"(?:\b(?:will|shall|won't|plans?\s+to|(?:is|are)\s+(?:expected|set|due|scheduled)\s+to|"
        r"expects?\s+to|"
        r"next|upcoming)\b|\w'll\b)",
        re.I,
    ),
    # `sarà`, `lanceranno`, `arriverà`, `dovrebbe`, `prevede di`, `prossimo`
    "it": re.compile(
        r"\b(?:\w{2,}(?:erà|irà|arà|ranno|remo|rete)|sarà|saranno|dovrebbe|dovrebbero|deve|devono|"
        r"prevede\s+di|intende|prossim[oaie])(?!\w)",
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
    left, right = 0, len(sentence)
    for brk in CLAUSE_BREAK.finditer(sentence):
        if brk.end() <= start:
            left = brk.end()
        elif brk.start() >= end:
            right = brk.start()
            break
    return sentence[left:start] + " " + sentence[end:right]


def is_future(sentence: str, start: int, end: int, language: str) -> bool:
    """Whether the clause around `sentence[start:end]` speaks of what is still to come."""
    return bool(FUTURE[language].search(clause_around(sentence, start, end)))
