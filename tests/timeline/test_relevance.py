"""Entity relevance: each event is about the entities its sentence names, or that a pronoun
or a description carries on from the sentences just before (fixture glossary)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wirearchive.timeline.events import dated_events
from wirearchive.timeline.relevance import Relevance

WHEN = dt.datetime(2025, 10, 29, 18, 0, tzinfo=ZoneInfo("Europe/Zurich"))  # a Wednesday


@pytest.fixture
def about(matcher):
    """The finder of names the site gives: the glossary's matcher, people remembered."""
    introduced: set[str] = set()
    return lambda sentence: [(m.start, m.end, m.entity) for m in matcher.find(sentence, introduced)]


@pytest.fixture
def types(glossary):
    return {ident: entity.type for ident, entity in glossary.entities.items()}


def abouts(text: str, about, types, language: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    events, _ = dated_events([(text, 1)], WHEN, language, about=about, types=types)
    return [(e.date, e.about) for e in events]


def test_an_event_is_about_what_its_sentence_names_not_the_whole_dispatch(about, types):
    text = (
        "Nvidia est devenu mercredi la première entreprise à valoir 5000 milliards. "
        "Fondée en 2015, OpenAI a lancé ChatGPT fin 2022."
    )
    assert abouts(text, about, types) == [
        ("2025-10-29", ("nvidia",)),
        ("2015", ("openai", "chatgpt")),
        ("2022", ("openai", "chatgpt")),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pronoun carries on the entity of the sentence before
        (
            "Nvidia a publié ses résultats. Il avait dépassé les 4000 milliards en juillet.",
            ["nvidia"],
        ),
        # a description of a company carries on the company, not the person
        ("Jensen Huang dirige Nvidia. Le groupe avait été fondé en 1993.", ["nvidia"]),
        # a possessive, when nothing is named before it
        ("Intel a publié ses comptes. Son patron a pris ses fonctions en mars.", ["intel"]),
        # plural: both companies
        ("Nvidia investit dans OpenAI. Les deux groupes ont signé lundi.", ["nvidia", "openai"]),
        # German demonstrative for the whole statement
        (
            "Nvidia steigt bei Intel ein. Das teilten die Konzerne am Mittwoch mit.",
            ["nvidia", "intel"],
        ),
        # reaching back over a sentence that names nobody
        (
            "Apple a présenté ses comptes. La demande est forte. Le groupe avait relevé ses prévisions en juillet.",
            ["apple"],
        ),
        # a description right before a name is that name's, not a pronoun
        (
            "Intel a publié ses comptes. Le géant américain Nvidia avait investi en septembre.",
            ["nvidia"],
        ),
        # nothing named, nothing carried
        ("Intel a publié ses comptes. La transaction sera finalisée en 2026.", []),
    ],
)
def test_pronouns_and_descriptions_carry_on(text, expected, about, types):
    language = "de" if "steigt" in text else "fr"
    dated = abouts(text, about, types, language)
    assert list(dated[-1][1]) == expected


def test_a_newspaper_quoted_as_source_and_a_product_naming_a_company_are_not_about(about, types):
    text = "Selon le Wall Street Journal, OpenAI a signé en septembre un contrat."
    assert abouts(text, about, types) == [("2025-09", ("openai",))]
    text = "The ChatGPT maker raised funds in March."
    assert abouts(text, about, types, "en") == [("2025-03", ())]
    text = "In September, the Wall Street Journal reported that OpenAI had signed a contract."
    assert abouts(text, about, types, "en") == [("2025-09", ("openai",))]


def test_a_description_after_a_name_of_its_kind_means_that_name(about, types):
    text = "Intel a publié ses comptes. Meta et le groupe ont signé un accord mardi."
    assert abouts(text, about, types) == [("2025-10-28", ("meta",))]


def test_people_are_found_by_their_short_name_once_introduced(about, types):
    text = "Le patron de Nvidia, Jensen Huang, était à Zurich. Huang a parlé mardi."
    assert abouts(text, about, types) == [("2025-10-28", ("jensen-huang",))]


def test_without_a_finder_events_are_about_nothing():
    events, _ = dated_events([("Nvidia a publié mardi ses comptes.", 1)], WHEN, "fr")
    assert [e.about for e in events] == [()]


def test_relevance_reads_every_sentence_in_order():
    seen: list[str] = []

    def about(sentence: str):
        seen.append(sentence)
        return [(0, 5, "acme")] if sentence.startswith("Acme") else []

    relevance = Relevance(about, {"acme": "company"}, "en")
    assert relevance.of("Acme grew.") == ("acme",)
    assert relevance.of("No news here.") == ()
    assert relevance.of("The company raised prices.") == ("acme",)
    assert seen == ["Acme grew.", "No news here.", "The company raised prices."]
