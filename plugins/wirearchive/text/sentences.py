"""Sentences of a paragraph, and whether a word starts one.

One notion of a sentence for every reader of text: dated events take a sentence as their
text, quotations look for their speaker in theirs, mention finding and name suggestion ask
whether a capital is only there because a sentence starts.

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
followed by white space and a capital, a digit or an opening quote. It does not end after
an initial (`C.C. Wei`, `J.-P. Dupont`), an honorific or a common abbreviation (`M. Huang`,
`Dr.`, `bzw.`, `3 Mio. Fr.`), an abbreviation before a number (`art. 5`, `Jan. 5`), or a
German ordinal day before a month (`1. Februar`); it does end after a country's initials
when a sentence plainly starts (`in the U.S. The rest`).

The rules are our own rather than a library's: pysbd (the maintained rule-based splitter
with French, German, English and Italian) was measured against them on the labelled
paragraphs of `tests/fixtures/timeline/labelled/` (`benchmarks/events.py --speed`): it keeps
no more event sentences whole, gets more of the hard boundaries wrong (`4,5 mrd. de
francs`, `p. ex.`, `J.-P.`, `Platz 3. Auf`) and takes about 1.3 ms a paragraph against a
few microseconds here, which a build of 100,000 dispatches cannot pay.
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
        "mio",
        "mrd",
        "mia",
        "mld",
        "mrds",
        "p. ex",
        "ex",
        "approx",
        "i.e",
        "e.g",
        "u. a",
        "z. b",
    }
)
# Abbreviations that stand before a number: `art. 5`, `Abs. 2`, `no. 3`, `p. 12`.
BEFORE_NUMBER = frozenset(
    {"art", "abs", "al", "ch", "ziff", "lit", "p", "pp", "fig", "vol", "no", "nr"}
)
# Words that start a sentence after a country's initials (`in the U.S. The rest`).
STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "this",
        "that",
        "but",
        "in",
        "on",
        "at",
        "shares",
        "le",
        "la",
        "les",
        "il",
        "elle",
        "ils",
        "der",
        "die",
        "das",
        "er",
        "sie",
        "es",
    ]
)
BOUNDARY = re.compile(r"[.!?…][\"»”’)\]]*\s+(?=[«\"“„(\[]?[A-ZÀ-ÖØ-Þ0-9])")
# `c`, `c.c`, `j.-p` (the last dot already dropped)
INITIALS = re.compile(r"[^\W\d_](?:\.-?[^\W\d_])*")
OPENERS = "«“„\"'‹»‘’([ \u00a0"
QUOTE_MARKS = '«»“”„"'
STOPS = ".!?…:"  # after these, a capital may start a sentence (a colon included)


def _keeps_going(text: str, start: int, stop: int, after: int) -> bool:
    """Whether the full stop at `stop` ends a word that does not end the sentence."""
    if stop < start:
        return False
    words = text[start : stop + 1].rsplit(None, 2)
    before = re.split(r"['’]", words[-1].rstrip(".").lower())[-1]  # `l'art.`: `art`
    pair = " ".join(words[-2:]).rstrip(".").lower()  # `p. ex`, `z. B`, `u. a`
    rest = text[after:].split(None, 1)
    following = rest[0].rstrip(".,;:") if rest else ""
    if text[stop] != ".":
        return False
    if re.fullmatch(r"[A-Z](?:\.[A-Z])+", words[-1].rstrip(".")) and following.lower() in STARTERS:
        return False  # `in the U.S. The rest`
    if INITIALS.fullmatch(before) or before in ABBREVIATIONS or pair in ABBREVIATIONS:
        return True  # `C.`, `C.C.`, `M.`, `Dr.`, `p. ex.`
    if following[:1].isdigit() and (before in BEFORE_NUMBER or month_number(before) is not None):
        return True  # `art. 5`, `Jan. 5`
    if re.fullmatch(r"\d{1,2}", before):
        return month_number(following) is not None
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
