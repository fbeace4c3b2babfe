"""Quotations and who said them.

A quotation is text in `« »`, `„ “`, `“ ”`, `» «` or `" "` within one paragraph. Its
speaker is an entity only when the sentence says so:

1. a person (or company, organisation, outlet) named right after a verb of saying or
   right before it: `a assuré M. Huang`, `said Huang`, `sagte Hamers`, `Huang said`;
2. a single person named in the sentence, which also has a verb of saying or a colon
   before the quotation;
3. a pronoun standing for the speaker (`selon lui`, `a-t-il ajouté`, `he said`, `sagte
   er`) or a role after the verb (`a déclaré le patron du groupe`), resolved to the one
   person named in the nearest sentence before that names any.

Anything else keeps `speaker: None`: an unattributed quotation is never given a guessed
speaker. Quoted words that are not speech (`le modèle « Gemini 3 »`) are left out unless
attributed: a quotation needs four words or a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.sentences import around
from .matching import Mention
from .words import HONORIFICS, PRONOUN_SPEAKER, ROLE_AFTER_VERB, SPEECH

QUOTE = re.compile(
    r"«\s*(?P<fr>[^«»\n]+?)\s*»"
    r"|„(?P<de>[^„“”\n]+?)[“”]"
    r"|“(?P<en>[^“”„\n]+?)”"
    r"|»(?P<de2>[^»«\n]+?)«"
    r'|"(?P<plain>[^"\n]+?)"'
)
QUOTE_MARKS = re.compile(r'[«„“»"]')
WORD = re.compile(r"\w+")
MIN_WORDS = 4
SPEAKER_TYPES = {"person", "company", "organization", "media"}
NEXT_TO_VERB = re.compile(
    r"^[\s,]*(?:" + HONORIFICS + r"\s+|(?:le|la|l'|les|the|der|die|das)\s+)?$", re.IGNORECASE
)
AFTER_VERB_REACH = 80  # characters after a verb of saying in which the named person is its subject


@dataclass
class Quote:
    text: str
    speaker: str | None
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text}


def extract(text: str, mentions: list[Mention], types: dict[str, str]) -> list[Quote]:
    """Quotations of `text` with their speakers (entity ids of `types`) where attributed."""
    quotes: list[Quote] = []
    seen: set[str] = set()
    if not QUOTE_MARKS.search(text):
        return quotes
    paragraphs = _paragraphs(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        found = list(QUOTE.finditer(paragraph))
        if not found:
            continue
        masked = _mask(paragraph, found)
        for match in found:
            inner = " ".join(next(g for g in match.groups() if g is not None).split())
            q_start, q_end = p_start + match.start(), p_start + match.end()
            speaker = _speaker(
                text, masked, p_start, q_start, q_end, mentions, types, paragraphs[:index]
            )
            if inner in seen or (len(WORD.findall(inner)) < MIN_WORDS and speaker is None):
                continue
            seen.add(inner)
            quotes.append(Quote(inner, speaker, q_start, q_end))
    return quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    spans, start = [], 0
    for part in text.split("\n\n"):
        if part.strip("\n"):
            spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


def _mask(paragraph: str, found) -> str:
    chars = list(paragraph)
    for match in found:
        for i in range(match.start() + 1, match.end() - 1):
            if chars[i] != "\n":
                chars[i] = "x"
    return "".join(chars)


def _speaker(text, masked, p_start, q_start, q_end, mentions, types, earlier) -> str | None:
    # the sentence around the quotation, in the paragraph with quotations masked: a full
    # stop inside a quotation does not end the sentence that quotes it
    s_begin, s_end = around(masked, q_start - p_start, q_end - p_start)
    s_begin, s_end = s_begin + p_start, s_end + p_start
    outside = [
        m
        for m in mentions
        if s_begin <= m.start < s_end
        and masked[m.start - p_start] != "x"
        and types.get(m.entity) in SPEAKER_TYPES
    ]
    sentence = masked[s_begin - p_start : s_end - p_start]
    verbs = [(v.start() + s_begin, v.end() + s_begin) for v in SPEECH.finditer(sentence)]
    # 1. named next to a verb of saying
    for v_start, v_end in verbs:
        for m in outside:
            if m.start >= v_end and (
                NEXT_TO_VERB.match(text[v_end : m.start])
                or (
                    types[m.entity] == "person"
                    and m.start - v_end <= AFTER_VERB_REACH
                    and "x" not in masked[v_end - p_start : m.start - p_start]
                )
            ):
                return m.entity
            if m.end <= v_start and NEXT_TO_VERB.match(text[m.end : v_start]):
                return m.entity
    people = {m.entity for m in outside if types[m.entity] == "person"}
    pronoun = PRONOUN_SPEAKER.search(sentence) or any(
        ROLE_AFTER_VERB.match(text, v_end) for _, v_end in verbs
    )
    colon = ":" in masked[s_begin - p_start : q_start - p_start]
    # 2. the one person of the sentence
    if len(people) == 1 and (verbs or pronoun or colon):
        return next(iter(people))
    # 3. a pronoun: the person of the nearest sentence before that names one
    if pronoun and not people:
        return _previous_person(text, p_start, s_begin, mentions, types, earlier)
    return None


def _previous_person(text, p_start, s_begin, mentions, types, earlier) -> str | None:
    before = [m for m in mentions if m.start < s_begin and types.get(m.entity) == "person"]
    limit = earlier[-1][0] if earlier else p_start  # this paragraph and the one before
    before = [m for m in before if m.start >= limit]
    if not before:
        return None
    last = before[-1]
    # the sentence of the last person named: everyone named in it
    start, end = around(text[limit:s_begin], last.start - limit, last.end - limit)
    named = {m.entity for m in before if limit + start <= m.start < limit + end}
    return last.entity if len(named) == 1 else None
