"""Quotations and their speakers: attributed where the sentence says so, else null."""

from __future__ import annotations

import pytest

from wirearchive.entities.quotes import extract


@pytest.fixture
def quotes(glossary, matcher):
    types = glossary.types()

    def run(text: str) -> list[tuple[str | None, str]]:
        mentions = matcher.find(text)
        return [(q.speaker, q.text) for q in extract(text, mentions, types)]

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        # fr: verb then honorific and surname; pronoun after the quotation; `selon lui`
        (
            "Jensen Huang était à Taipei. « Nous ne faisons que commencer ce travail », a assuré M. Huang.",
            [("jensen-huang", "Nous ne faisons que commencer ce travail")],
        ),
        (
            "Sam Altman s'est exprimé mardi.\n\nSelon lui, « la demande reste plus forte que l'offre ».",
            [("sam-altman", "la demande reste plus forte que l'offre")],
        ),
        (
            "Sam Altman a parlé. « Tout commence par la puissance de calcul », a-t-il ajouté.",
            [("sam-altman", "Tout commence par la puissance de calcul")],
        ),
        (
            "« C'est historique », a déclaré le patron de Nvidia, Jensen Huang.",
            [("jensen-huang", "C'est historique")],
        ),
        # de: „ “ and » «, verb before the surname, `sagte er`
        (
            "Ralph Hamers trat ab. „Wir haben viel erreicht in dieser Zeit“, sagte Hamers.",
            [("ralph-hamers", "Wir haben viel erreicht in dieser Zeit")],
        ),
        (
            "Ralph Hamers trat ab. »Die Bank ist gut aufgestellt für die Zukunft«, sagte er.",
            [("ralph-hamers", "Die Bank ist gut aufgestellt für die Zukunft")],
        ),
        # en: “ ” and straight quotes, `said Huang`, `Huang said`
        (
            "Jensen Huang visited. “We are at the beginning of a new era,” said Huang.",
            [("jensen-huang", "We are at the beginning of a new era,")],
        ),
        (
            'Jensen Huang visited. Huang said demand was "stronger than we ever thought".',
            [("jensen-huang", "stronger than we ever thought")],
        ),
    ],
)
def test_attributed(quotes, text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # nobody said it in the sentence: no guess
        (
            "Jensen Huang a parlé mardi.\n\nLes analystes y voient « un signal très fort pour le secteur ».",
            [(None, "un signal très fort pour le secteur")],
        ),
        # two people named, the pronoun could be either
        (
            "Jensen Huang et Sam Altman ont signé. « Ce partenariat change tout pour nous », a-t-il dit.",
            [(None, "Ce partenariat change tout pour nous")],
        ),
        (
            "Analysts called it “the deal of the decade for the chip industry”.",
            [(None, "the deal of the decade for the chip industry")],
        ),
    ],
)
def test_unattributed_quotes_keep_a_null_speaker(quotes, text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Meta se voit reprocher son modèle «payer ou consentir».",
        "Le modèle « Gemini 3 » est sorti.",
    ],
)
def test_scare_quotes_are_not_quotations(quotes, text):
    assert quotes(text) == []
