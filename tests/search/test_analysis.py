"""The text pipeline of the index: what a reader types meets what the dispatch says."""

from __future__ import annotations

import pytest

from wirearchive.search.analysis import (
    fold,
    is_stop_word,
    query_terms,
    stem,
    stop_words,
    terms,
    transliterate,
    words,
)
from wirearchive.search.porter import stem as lunr_english_stem


def finds(query: str, text: str, language: str) -> bool:
    """Would a one-word query match the text, as the browser asks it (every language's term)?"""
    indexed = set(terms(text, language))
    return any(term in indexed for word in words(query) for term in query_terms(word))


@pytest.mark.parametrize(
    "text, folded",
    [
        ("L’Économie", "l'economie"),
        ("Straße", "strasse"),
        ("Œuvre CŒUR", "oeuvre coeur"),
        ("Zürich Genève Bâle", "zurich geneve bale"),
        ("ﬁnance", "finance"),
    ],
)
def test_fold_removes_case_accents_and_ligatures(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text, expected",
    [
        ("l'économie", ["economie"]),
        ("L’équipement", ["equipement"]),  # typographic apostrophe
        ("d'OpenAI", ["openai"]),
        ("jusqu'à", ["a"]),
        ("qu'elle", ["elle"]),
        ("dell'anno", ["anno"]),  # Italian
        ("OpenAI's users", ["openai", "users"]),  # English possessive
        ("aujourd'hui", ["aujourd", "hui"]),  # not an elision: both halves kept
        ("Keystone-ATS, 5,4 milliards", ["keystone", "ats", "5", "4", "milliards"]),
    ],
)
def test_words_split_elisions(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "query, text, language",
    [
        ("investissements", "un investissement record", "fr"),
        ("investissement", "des investissements massifs", "fr"),
        ("nie", "le groupe a nié toute faute", "fr"),
        ("économie", "l'économie suisse", "fr"),
        ("economie", "l'économie suisse", "fr"),
        ("equipement", "l'équipement industriel", "fr"),
        ("OpenAI", "le capital d'OpenAI", "fr"),
        ("annonces", "il annonçait", "fr"),
        ("Borse", "an der Börse", "de"),
        ("Chipfabriken", "die Chipfabrik in Magdeburg", "de"),
        ("Milliarde", "fünf Milliarden Dollar", "de"),
        ("Unternehmens", "das Unternehmen", "de"),
        ("Strasse", "die Straße", "de"),
        # spelled-out umlauts, on either side
        ("boerse", "an der Börse", "de"),
        ("Börse", "an der Boerse", "de"),
        ("zuerich", "in Zürich", "de"),
        ("Zürich", "die Zuercher Kantonalbank in Zuerich", "de"),
        ("Muenchen", "in München", "de"),
        ("Aerzte", "die Ärzte", "de"),
        ("zuerich", "la start-up zurichoise, basée à Zurich", "fr"),
        ("chips", "a chip boom", "en"),
        ("reported", "reports higher profit", "en"),
        ("users", "800 million weekly user base", "en"),
    ],
)
def test_a_query_finds_other_forms_of_its_word(query, text, language):
    assert finds(query, text, language)


@pytest.mark.parametrize(
    "query, text, language",
    [
        ("economie", "l'écologie suisse", "fr"),
        ("chips", "a ship", "en"),
        ("Quelle", "die Qulle", "de"),  # `que` spells no umlaut
        ("issues", "the iss", "en"),  # English is not transliterated
    ],
)
def test_a_query_does_not_find_other_words(query, text, language):
    assert not finds(query, text, language)


@pytest.mark.parametrize(
    "word, spelled",
    [("boerse", "borse"), ("zuerich", "zurich"), ("aerzte", "arzte"), ("quelle", "quelle")],
)
def test_transliteration_reads_spelled_out_umlauts(word, spelled):
    assert transliterate(word) == spelled


def test_german_stop_words_are_transliterated_like_the_text():
    assert "fur" in stop_words("de")  # für
    assert terms("Fuer die Anleger", "de") == terms("Für die Anleger", "de") == ["anleg"]


def test_query_terms_try_every_language_and_the_transliterated_word():
    assert query_terms("investissements", ("fr", "en")) == ["invest", "investiss"]
    assert "zurich" in query_terms("zuerich", ("fr",))  # French `Zurich`
    assert query_terms("le", ("fr",)) == []  # a stop word in the only language
    assert is_stop_word("die") and not is_stop_word("nvidia")


def test_stop_words_are_shipped_and_folded():
    assert {"le", "la", "des", "ete"} <= stop_words("fr")  # `été` folded
    assert {"der", "die", "und"} <= stop_words("de")
    assert {"the", "and"} <= stop_words("en")
    assert stop_words("xx") == frozenset()
    assert terms("le la les de des", "fr") == []


def test_unsupported_language_is_folded_but_not_stemmed():
    assert terms("Ünïcode Bäume", "sv") == ["unicode", "baume"]


@pytest.mark.parametrize(
    "word, stemmed",
    [
        # lunr.js's own Porter variant, which PyStemmer's `porter` and lunr.py do not match
        ("says", "say"),
        ("monday", "monday"),
        ("buy", "buy"),
        ("trying", "tri"),
        ("generalization", "gener"),
        ("relational", "relat"),
        ("hopping", "hop"),
        ("yelling", "yell"),
    ],
)
def test_english_stemmer_is_lunr_js_own(word, stemmed):
    assert lunr_english_stem(word) == stemmed
    assert stem(word, "en") == stemmed
