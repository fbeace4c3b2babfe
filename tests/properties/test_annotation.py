"""Mention finding, dated events and search terms on any text: a result, never an exception;
positions inside the text, dates that exist, the same output for the same input."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from wirearchive.entities import Matcher, load_glossary
from wirearchive.problems import Problem
from wirearchive.search.analysis import LANGUAGES, terms, words
from wirearchive.text.folding import fold_in_place
from wirearchive.timeline.events import find_events

from ..conftest import GLOSSARY
from .strategies import TEXTS

MATCHER = Matcher(load_glossary(GLOSSARY, GLOSSARY.parent, GLOSSARY.parent).entities.values())
EVENT_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@given(TEXTS)
@example("İİİ Nvidia Nvidia's d'OpenAI M. Huang Jensen Huang Huang")
@example("ǅ\u0301Zürich\u00a0Swisscom’s")
def test_mentions_are_found_inside_the_text_in_reading_order(text):
    mentions = MATCHER.find(text)
    assert MATCHER.find(text) == mentions
    covered = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= covered, "mentions overlap or are out of order"
        covered = mention.end
        alias = mention.alias
        written = text[mention.start : mention.start + len(alias.text)]
        assert fold_in_place(written, alias.fold_case, alias.fold_accents) == fold_in_place(
            alias.text, alias.fold_case, alias.fold_accents
        ), (written, alias.text)


DATES = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)).map(
    lambda d: d.replace(tzinfo=ZoneInfo("Europe/Zurich"))
)


@given(
    st.lists(st.tuples(TEXTS, st.none() | st.integers(1, 10_000)), max_size=5),
    DATES,
    st.sampled_from(["fr", "de", "en", "it", "xx", ""]),
)
@example(
    [("Le 31 février et samedi, en septembre 2025, hier.", 3)],
    dt.datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Zurich")),
    "fr",
)
@example(
    [("Am 1. Januar und letzte Woche.", 1)],
    dt.datetime(1900, 1, 1, tzinfo=ZoneInfo("Europe/Zurich")),
    "de",
)
def test_dated_events_are_dates_that_exist(paragraphs, published, language):
    events, problems = find_events(paragraphs, published, language, "articles/x.txt")
    assert find_events(paragraphs, published, language, "articles/x.txt") == (events, problems)
    for event in events:
        assert EVENT_DATE.match(event.date), event.date
        parts = [int(p) for p in event.date.split("-")] + [1, 1]
        dt.date(parts[0], parts[1], parts[2])  # a date of the calendar
        assert event.text.strip()
    assert all(isinstance(p, Problem) and p.path == "articles/x.txt" for p in problems)


@given(TEXTS, st.sampled_from([*LANGUAGES, "xx"]))
@example("L’Économie d'OpenAI jusqu'à Straße ǅ İ ﬁ", "fr")
def test_search_terms_are_folded_words(text, language):
    found = words(text)
    assert words(text) == found
    for word in found:
        assert word and not any(c.isspace() for c in word), word
        if word == word.lower():  # else: see test_regressions (mathematical letters)
            assert words(word) == [word], word  # a reader typing the word finds it
    stems = terms(text, language)
    assert terms(text, language) == stems
    assert len(stems) <= len(found)
    assert all(stem and not any(c.isspace() for c in stem) for stem in stems)
