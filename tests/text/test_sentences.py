"""Sentences: one notion of a sentence for events, quotations and mention finding."""

from wirearchive.text.sentences import around, sentences, starts_sentence


def test_sentences_keep_abbreviations_initials_and_ordinals_whole():
    text = "M. Tan dirige Intel depuis mars. Am 1. Februar 2026 kommt er. Es ist so! Und dann?"
    assert sentences(text) == [
        "M. Tan dirige Intel depuis mars.",
        "Am 1. Februar 2026 kommt er.",
        "Es ist so!",
        "Und dann?",
    ]


def test_initials_do_not_end_a_sentence():
    text = "Das gab Konzernchef C.C. Wei am Montag bekannt. Dann ging er."
    assert sentences(text) == ["Das gab Konzernchef C.C. Wei am Montag bekannt.", "Dann ging er."]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("Il a dit «oui.» Puis il est parti.") == [
        "Il a dit «oui.»",
        "Puis il est parti.",
    ]


def test_around_gives_the_sentence_of_a_span():
    text = "Premier point. Le patron a parlé. Fin."
    start = text.index("patron")
    assert text[slice(*around(text, start, start + 6))] == "Le patron a parlé."


def test_a_word_after_a_stop_or_an_opening_quote_starts_a_sentence():
    assert starts_sentence("Son avis compte.", 0)
    assert starts_sentence("Fin. Son avis compte.", 5)
    assert not starts_sentence("Le fils Son parle.", 8)
    assert starts_sentence("Il a dit: «Son avis»", 11, after_quote=True)
    assert not starts_sentence("Il a dit «Son avis»", 10)
