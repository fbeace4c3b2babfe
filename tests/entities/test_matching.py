"""Mention forms of real news text, in French, German and English."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # French: elision with straight and typographic apostrophes, contractions
        ("Le capital d'OpenAI a doublé.", [("openai", "OpenAI")]),
        ("Le capital d’OpenAI a doublé.", [("openai", "OpenAI")]),
        ("L'UBS a publié ses comptes.", [("ubs", "UBS")]),
        ("Les clients de l’UBS sont inquiets.", [("ubs", "UBS")]),
        ("Un article du Wall Street Journal.", [("wall-street-journal", "Wall Street Journal")]),
        ("Jusqu'à ce qu'Apple réagisse.", [("apple", "Apple")]),
        # German: genitive without apostrophe, compounds with a hyphen
        ("Nvidias Umsatz stieg deutlich.", [("nvidia", "Nvidias")]),
        ("Die Aktie von OpenAIs Partner.", [("openai", "OpenAIs")]),
        ("Der UBS-Chef trat zurück.", [("ubs", "UBS")]),
        # English: possessives, straight and typographic
        ("Nvidia's chips sold out.", [("nvidia", "Nvidia")]),
        ("Nvidia’s chips sold out.", [("nvidia", "Nvidia")]),
    ],
)
def test_elision_contraction_and_possessive(mentioned, text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le patron Jensen Huang a parlé. M. Huang a ajouté que Huang resterait.",
            [
                ("jensen-huang", "Jensen Huang"),
                ("jensen-huang", "Huang"),
                ("jensen-huang", "Huang"),
            ],
        ),
        (
            "Ralph Hamers verlässt die UBS. Herr Hamers sagte, Hamers' Nachfolger sei bereit.",
            [
                ("ralph-hamers", "Ralph Hamers"),
                ("ubs", "UBS"),
                ("ralph-hamers", "Hamers"),
                ("ralph-hamers", "Hamers"),
            ],
        ),
        (
            "Jensen Huang spoke first. Mr. Huang said Huang’s company would grow.",
            [
                ("jensen-huang", "Jensen Huang"),
                ("jensen-huang", "Huang"),
                ("jensen-huang", "Huang"),
            ],
        ),
        (
            "Laut Huangs Sprecher. Jensen Huang kam später; Huangs Rede folgte.",
            [("jensen-huang", "Jensen Huang"), ("jensen-huang", "Huangs")],
        ),
    ],
)
def test_short_forms_and_honorifics_once_introduced(mentioned, text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "M. Huang a parlé.",  # never introduced: another Huang, perhaps
        "Herr Hamers sagte nichts.",
        "Mr Huang said little.",
    ],
)
def test_short_forms_need_an_introduction(mentioned, text):
    assert mentioned(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Apple sells an apple a day.", [("apple", "Apple")]),
        ("Apple verkauft Äpfel, keine apple pie.", [("apple", "Apple")]),
        ("La pomme, apple en anglais, et Apple Inc. à Cupertino.", [("apple", "Apple Inc.")]),
        (
            "L'action cotée à SIX Swiss Exchange, puis à SIX; six mois plus tard.",
            [("six-swiss-exchange", "SIX Swiss Exchange"), ("six-swiss-exchange", "SIX")],
        ),
        (
            "Son groupe a investi. Masayoshi Son le veut. Son pari est risqué, dit M. Son, et Son ami.",
            [
                ("masayoshi-son", "Masayoshi Son"),
                ("masayoshi-son", "Son"),
                ("masayoshi-son", "Son"),
            ],
        ),
        ("Lisa Su leads AMD, where Su said so.", [("lisa-su", "Lisa Su"), ("lisa-su", "Su")]),
        # `su` is a common (Italian) word: at a sentence start, where any word has a capital, it is not taken
        ("Lisa Su leads AMD. Su said so.", [("lisa-su", "Lisa Su")]),
    ],
)
def test_case_rules_and_common_words(mentioned, text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "L'intelligence artificielle d'Intel et le metaverse de Meta.",
            [("intel", "Intel"), ("meta", "Meta")],
        ),
        (
            "Google Gemini est sorti; Gemini 3 aussi; Google aussi.",
            [
                ("google-gemini", "Google Gemini"),
                ("google-gemini", "Gemini 3"),
                ("google", "Google"),
            ],
        ),
        ("Die Intelligenz von Intelligent Systems.", []),
        ("Meta Platforms et Metal.", [("meta", "Meta Platforms")]),
    ],
)
def test_whole_words_longest_first(mentioned, text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zürich und Zurich und Zuerich.", [("zurich", "Zürich"), ("zurich", "Zurich")]),
        ("In ZURICH.", []),  # case is not folded unless the alias says so
        (
            "La ville de Zurîch.",
            [("zurich", "Zurîch")],
        ),  # accents folded: the alias `Zürich` says so
    ],
)
def test_accents_folded_where_the_alias_says_so(mentioned, text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "SWISSCOM und swisscom und Swisscom.",
            [("swisscom", "SWISSCOM"), ("swisscom", "swisscom"), ("swisscom", "Swisscom")],
        ),
        ("Apple et APPLE.", [("apple", "Apple")]),
    ],
)
def test_case_folded_where_the_entity_says_so(mentioned, text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ursula von der Leyen a parlé. Selon Mme von der Leyen, Leyen n'est pas un nom.",
            [
                ("ursula-von-der-leyen", "Ursula von der Leyen"),
                ("ursula-von-der-leyen", "von der Leyen"),
            ],
        ),
        ("Frau von der Leyen sagte nichts.", []),
    ],
)
def test_surnames_keep_their_particles(mentioned, text, expected):
    assert mentioned(text) == expected


def test_spaces_and_line_breaks_inside_names(mentioned):
    assert mentioned("Le\u00a0patron Jensen\u00a0Huang et Sam\nAltman.") == [
        ("jensen-huang", "Jensen\u00a0Huang"),
        ("sam-altman", "Sam\nAltman"),
    ]


def test_an_editors_insertion_in_a_quotation_names_the_person(mentioned):
    text = "«Sam (Altman) est en train de tout changer», a dit un analyste."
    assert mentioned(text) == [("sam-altman", "Sam (Altman)")]
    # and it introduces the person: the surname alone counts from there
    assert mentioned(text + " Altman a répondu.")[-1] == ("sam-altman", "Altman")
