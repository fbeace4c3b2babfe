"""Slugs: ASCII words of an address, from a headline, kept unique."""

import pytest

from wirearchive.text.slugs import make_slug, numbered


@pytest.mark.parametrize(
    "title, language, slug",
    [
        (
            "ABB vend sa division robotique à SoftBank pour 5,4 milliards",
            "fr",
            "abb-vend-sa-division-robotique-a-softbank-pour-5-4-milliards",
        ),
        ("Le titre gagne 2.5 Prozent", "de", "le-titre-gagne-2-5-prozent"),
        (
            "Nvidia steigt mit fünf Milliarden Dollar bei Intel ein",
            "de",
            "nvidia-steigt-mit-fuenf-milliarden-dollar-bei-intel-ein",
        ),
        # cut at 60 characters, and not after a word that leaves the phrase hanging
        (
            "Le fabricant de puces zurichois Chipwerk lève 40 millions de francs",
            "fr",
            "le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions",
        ),
        (
            "Un titre court garde tous ses mots, même le dernier de",
            "fr",
            "un-titre-court-garde-tous-ses-mots-meme-le-dernier-de",
        ),
        ("", "fr", "dispatch"),
    ],
)
def test_slugs_of_headlines(title, language, slug):
    assert make_slug(title, language) == slug


def test_a_cut_slug_does_not_end_on_a_small_word():
    slug = make_slug("Chipwerk " + "et la " * 20 + "fin", "fr", max_length=20)
    assert slug == "chipwerk"


def test_numbered_finds_the_next_free_slug():
    assert numbered("a", {"a", "a-2"}) == "a-3"
    assert numbered("b", lambda s: False) == "b"
