"""Finding glossary entities in text with one Aho-Corasick automaton over all aliases.

Text and aliases are folded character by character (lower case, accents stripped, every
character that is not a letter or digit made a space), so positions in the folded text are
positions in the original. Keys carry a space on each side where the alias starts or ends
with a letter: that makes matches whole words, and lets `d'OpenAI`, `l'UBS`, `Nvidia's`
and `Google-Aktie` through. Each candidate is then checked against the original text
with the alias's own rules (exact case and accents unless it folds them), and overlaps
are resolved longest first, in reading order, applying the short-form rules of
:mod:`.aliases`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from ..text.folding import fold_in_place, fold_key
from ..text.sentences import starts_sentence
from .model import Alias, Entity
from .words import HONORIFIC_BEFORE


@dataclass(frozen=True)
class Mention:
    """An entity found at `text[start:end]`."""

    start: int
    end: int
    entity: str
    alias: Alias
    honorific: bool = False


@dataclass(frozen=True)
class _Variant:
    entity: str
    kind: str
    alias: Alias
    expected: str  # the alias as written in the text, normalised with its own folds
    lead: int  # 1 if the key starts with a boundary space
    genitive: bool  # key ends with the genitive `s`


class Matcher:
    """All aliases of a glossary in one automaton; `find` returns the mentions in a text."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        keys: dict[str, list[_Variant]] = {}
        for entity in entities:
            for alias in entity.aliases:
                core = fold_key(alias.text)
                lead = 1 if core[:1].strip() else 0
                tail = " " if core[-1:].strip() else ""
                expected = fold_in_place(alias.text, alias.fold_case, alias.fold_accents)
                keys.setdefault(" " * lead + core + tail, []).append(
                    _Variant(entity.id, entity.type, alias, expected, lead, False)
                )
                if tail and _takes_genitive(alias.text):
                    keys.setdefault(" " * lead + core + "s ", []).append(
                        _Variant(entity.id, entity.type, alias, expected, lead, True)
                    )
                if entity.type == "person" and " " in alias.text and not alias.short:
                    # An editor's insertion in a quotation names the person too:
                    # «Sam (Altman) est en train de ...» is Sam Altman.
                    first_words, last = alias.text.rsplit(" ", 1)
                    written = f"{first_words} ({last})"
                    keys.setdefault(" " + fold_key(written), []).append(
                        _Variant(
                            entity.id,
                            entity.type,
                            alias,
                            fold_in_place(written, alias.fold_case, alias.fold_accents),
                            1,
                            False,
                        )
                    )
        self.automaton = ahocorasick.Automaton()
        for key, variants in keys.items():
            self.automaton.add_word(key, (len(key), tuple(variants)))
        self.size = len(keys)
        if keys:
            self.automaton.make_automaton()

    def candidates(self, text: str) -> list[tuple[int, int, _Variant]]:
        """Every (start, end, variant) whose alias is written in `text` by its own rules."""
        if not self.size:
            return []
        padded = " " + fold_key(text) + " "
        found = []
        for last, (length, variants) in self.automaton.iter(padded):
            first = last - length + 1  # in padded coordinates; text index = padded index - 1
            for v in variants:
                start = first + v.lead - 1
                end = start + len(v.expected)
                if (
                    fold_in_place(text[start:end], v.alias.fold_case, v.alias.fold_accents)
                    != v.expected
                ):
                    continue
                found.append((start, end + 1 if v.genitive else end, v))
        return found

    def find(self, text: str, introduced: set[str] | None = None) -> list[Mention]:
        """Mentions in reading order, longest first where they overlap.

        `introduced` (updated in place) holds the people already named in full earlier in
        the same article; their short forms count from then on.
        """
        introduced = set() if introduced is None else introduced
        groups: dict[tuple[int, int], list[_Variant]] = {}
        for start, end, variant in self.candidates(text):
            groups.setdefault((start, end), []).append(variant)
        mentions: list[Mention] = []
        covered = 0
        for start, end in sorted(groups, key=lambda span: (span[0], -span[1])):
            if start < covered:
                continue
            honorific = bool(HONORIFIC_BEFORE.search(text, max(0, start - 8), start))
            chosen: dict[str, _Variant] = {}
            for v in groups[(start, end)]:
                if v.alias.short and v.entity not in introduced:
                    continue
                if v.alias.common and not honorific and starts_sentence(text, start):
                    continue
                chosen.setdefault(v.entity, v)
            if len(chosen) != 1:
                continue  # nothing left, or two entities written alike: not a guess
            ((entity, v),) = chosen.items()
            if v.kind == "person" and not v.alias.short:
                introduced.add(entity)
            mentions.append(Mention(start, end, entity, v.alias, honorific))
            covered = end
        return mentions


def _takes_genitive(text: str) -> bool:
    """`Nvidias`, `AMDs`: not for short words, whose `s` form is often another word."""
    letters = sum(c.isalnum() for c in text)
    return letters > 3 or text.isupper()
