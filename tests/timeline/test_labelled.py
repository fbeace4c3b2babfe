"""The event finder against the labelled set (tests/fixtures/timeline/labelled/, scored by
benchmarks/events.py): what it reaches, asserted so that it does not slip back.

The issue aims at 95% precision and recall for the whole event (right date, really an event,
right entities). Dates and kinds reach it; entities do not yet (about 93%: the misses are
pronouns whose gender or sense picks another antecedent, `Il succède à Gemini 2.0`, `la
jeune pousse` after two companies, and the glossary's matcher refusing `Tan` at the start of
a sentence), so the whole event is held at what it reaches.
"""

from __future__ import annotations

import pytest

from wirearchive.entities import load_glossary
from wirearchive.text.sentences import sentences

from ..conftest import ROOT, benchmark


@pytest.fixture(scope="module")
def bench():
    return benchmark("events")


@pytest.fixture(scope="module")
def items(bench):
    return bench.load_items()


@pytest.fixture(scope="module")
def scores(bench, items):
    return bench.evaluate(items, bench.finder())[0]


def test_the_labelled_set_is_sound_and_large_enough(bench, items):
    known = load_glossary(ROOT / "docs" / "entities", ROOT, ROOT / "docs").entities
    assert bench.check_items(items, known) == []
    per_language = {
        lang: sum(len(i.events) for i in items if i.language == lang) for lang in bench.LANGUAGES
    }
    assert sum(per_language.values()) >= 150
    assert min(per_language[lang] for lang in ("fr", "de", "en")) >= 40 and per_language["it"] >= 15
    kinds = {e.kind for i in items for e in i.events}
    assert kinds == {"past", "planned", "deadline"}


def test_dates_and_kinds_reach_the_aim(scores):
    every = scores["all"]
    assert every.kind / every.found >= 0.95  # precision: right sentence, date and kind
    assert every.kind / every.labelled >= 0.95  # recall
    for language in ("fr", "de", "en", "it"):
        assert scores[language].kind / scores[language].labelled >= 0.95, language


def test_whole_events_with_their_entities_hold_what_they_reach(scores):
    every = scores["all"]
    assert every.precision >= 0.92
    assert every.recall >= 0.92


def test_hard_sentence_boundaries(bench):
    for language, text, expected in bench.load_boundaries():
        assert sentences(text) == expected, (language, text)
