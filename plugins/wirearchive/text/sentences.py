"""Sentences of a paragraph, and whether a word starts one.

One notion of a sentence for every reader of text: dated events take a sentence as their
text, quotations look for their speaker in theirs, mention finding and name suggestion ask
whether a capital is only there because a sentence starts.

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
followed by white space and a capital, a digit or an opening quote. It does not end after
an initial (`C.C. Wei`), an honorific or a common abbreviation (`M. Huang`, `Dr.`, `bzw.`),
or a German ordinal day before a month (`1. Februar`).
"""

from __future__ import annotations

import re

from .months import month_number

ABBREVIATIONS = frozenset(
    {
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "me",
        "mgr",
        "dr",
        "pr",
        "st",
        "ste",
        "prof",
        "inc",
        "corp",
        "co",
        "ltd",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "no",
        "nr",
        "bzw",
        "ca",
        "env",
        "etc",
        "vs",
        "z.b",
        "u.a",
        "d.h",
        "s.a",
        "gen",
        "lt",
        "col",
        "sig",
        "dott",
        "ing",
        "avv",
        "vgl",
        "evtl",
        "inkl",
    }
)
BOUNDARY = re.compile(r"[.!?…][\"»”’)\]]*\s+(?=[«\"“„(\[]?[A-ZÀ-ÖØ-Þ0-9])")
INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")  # `c`, `c.c` (the last dot already dropped)
OPENERS = "«“„\"'‹»‘’([ \u00a0"
QUOTE_MARKS = '«»“”„"'
STOPS = ".!?…:"  # after these, a capital may start a sentence (a colon included)


def _keeps_going(text: str, start: int, stop: int, after: int) -> bool:
    """Whether the full stop at `stop` ends a word that does not end the sentence."""
    before = text[start : stop + 1].rsplit(None, 1)[-1].rstrip(".").lower() if stop >= start else ""
    if INITIALS.fullmatch(before) or before in ABBREVIATIONS:
        return True  # `C.`, `C.C.`, `M.`, `Dr.`
    if re.fullmatch(r"\d{1,2}", before) and text[stop] == ".":
        following = text[after:].split(None, 1)
        return bool(following) and month_number(following[0].rstrip(".,")) is not None
    return False


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, white space around them left out."""
    result: list[tuple[int, int]] = []
    start = 0
    for brk in BOUNDARY.finditer(text):
        if _keeps_going(text, start, brk.start(), brk.end()):
            continue
        end = brk.end() - (len(brk.group()) - len(brk.group().rstrip()))
        result.append((start, end))
        start = brk.end()
    if text[start:].strip():
        result.append((start, len(text.rstrip())))
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in result if text[s:e].strip()
    ]


def sentences(text: str) -> list[str]:
    """The sentences of one paragraph, in order."""
    return [text[start:end] for start, end in spans(text)]


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence of `text` that holds `text[start:end]`.

    Give a text whose quotations are masked (their letters replaced) when a full stop
    inside a quotation must not end the sentence that quotes it.
    """
    begin, finish = 0, len(text)
    for s, e in spans(text):
        if s <= start:
            begin = s
        if e >= end:
            finish = e
            break
    return begin, finish


def starts_sentence(text: str, index: int, *, after_quote: bool = False) -> bool:
    """Whether the word at `text[index]` is the first of a sentence (or of the text).

    Opening quotes and brackets before it are looked through; with `after_quote`, a
    quotation mark right before it counts as a start too (quoted speech opens with a capital).
    """
    i = index - 1
    while i >= 0 and text[i] in OPENERS:
        if after_quote and text[i] in QUOTE_MARKS:
            return True
        i -= 1
    return i < 0 or text[i] in STOPS or text[i] == "\n"
