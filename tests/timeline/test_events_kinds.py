"""Events as the issue wants them: past, planned or deadline; spans dated by their start;
the misses of the demo found; a clean sentence as text (no dateline, no stray quote mark)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wirearchive.timeline.events import clean, dated_events, find_events, without_dateline
from wirearchive.timeline.kinds import covered

ZURICH = ZoneInfo("Europe/Zurich")


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T10:00").replace(tzinfo=ZURICH)


def found(text: str, day: str, language: str) -> list[tuple[str, str, str | None]]:
    events, _ = dated_events([(text, 1)], at(day), language)
    return [(e.date, e.kind, e.until) for e in events]


@pytest.mark.parametrize(
    "language, day, text, expected",
    [
        # the misses the issue lists, on the demo's dispatch days
        (
            "de",
            "2025-07-25",
            "Intel hatte den Bau im vergangenen September verschoben.",
            [("2024-09", "past", None)],
        ),
        (
            "fr",
            "2025-06-09",
            "Les versions qui sortiront cet automne porteront le numéro 26.",
            [("2025", "planned", None)],
        ),
        (
            "en",
            "2025-10-06",
            "It starts with MI450 chips in the second half of 2026.",
            [("2026", "planned", None)],
        ),
        (
            "en",
            "2025-10-06",
            "Nvidia's own deal, announced two weeks earlier, is larger.",
            [("2025-09", "past", None)],
        ),
        (
            "de",
            "2024-11-15",
            "Sunrise war bereits von 2016 bis 2020 an der SIX kotiert.",
            [("2016", "past", "2020")],
        ),
        (
            "fr",
            "2025-06-09",
            "Les versions porteront le numéro 26, en référence à l'année 2026.",
            [],
        ),
        # year-only and `until` dates: deadlines, not events of their year
        (
            "fr",
            "2025-10-28",
            "Les droits de Microsoft sont prolongés jusqu'en 2032.",
            [("2032", "deadline", None)],
        ),
        (
            "fr",
            "2025-06-09",
            "La conférence WWDC se tient jusqu'au 13 juin.",
            [("2025-06-13", "deadline", None)],
        ),
        (
            "fr",
            "2025-02-06",
            "L'opérateur veut raccorder 75% des logements d'ici 2030.",
            [("2030", "deadline", None)],
        ),
        (
            "en",
            "2025-01-29",
            "It aims to reach 60 billion euros of revenue by 2030.",
            [("2030", "deadline", None)],
        ),
        (
            "de",
            "2025-04-01",
            "Der Betrag soll bis Ende 2025 vollständig fliessen.",
            [("2025", "deadline", None)],
        ),
        ("fr", "2025-09-28", "Sa mise en service est prévue en 2026.", [("2026", "planned", None)]),
        # spans in each language
        (
            "en",
            "2024-12-03",
            "Gelsinger led the company from 2021 to 2024.",
            [("2021", "past", "2024")],
        ),
        (
            "fr",
            "2024-11-15",
            "Il y avait déjà été coté de 2016 à 2020.",
            [("2016", "past", "2020")],
        ),
        (
            "it",
            "2025-01-01",
            "Il gruppo è stato quotato dal 2016 al 2020.",
            [("2016", "past", "2020")],
        ),
        (
            "fr",
            "2025-06-02",
            "Le salon VivaTech se tient du 11 au 14 juin.",
            [("2025-06-11", "planned", "2025-06-14")],
        ),
        # comparisons, references, plans given up and period ends are no events
        ("fr", "2025-01-28", "L'action a chuté de 17%, sa plus forte baisse depuis mars 2020.", []),
        (
            "de",
            "2025-09-11",
            "Die Aktie stieg um 36 Prozent, so stark wie seit 1992 nicht mehr.",
            [],
        ),
        ("en", "2025-07-10", "Its shares have more than tripled since the start of 2023.", []),
        ("de", "2025-11-06", "Swisscom hat mehr umgesetzt als im Vorjahr.", []),
        ("fr", "2025-07-25", "L'usine devait initialement entrer en service en 2027.", []),
        (
            "en",
            "2025-11-19",
            "It expects sales of $65 billion in the quarter ending in January.",
            [],
        ),
        (
            "en",
            "2025-04-24",
            "Its obligations have applied since March 2024.",
            [("2024-03", "past", None)],
        ),
        # a verb of the past right before the date outweighs a future clause
        (
            "fr",
            "2025-10-06",
            "AMD va fournir des puces dans le cadre d'un accord annoncé lundi.",
            [("2025-10-06", "past", None)],
        ),
        (
            "en",
            "2025-02-25",
            "Apple said on Monday it would spend $500 billion over the next four years.",
            [("2025-02-24", "past", None)],
        ),
        # the end of the dispatch's own month is still to come
        (
            "de",
            "2025-01-07",
            "Die ersten Modelle kommen Ende Januar in den Handel.",
            [("2025-01", "planned", None)],
        ),
        (
            "de",
            "2025-09-10",
            "Vorbestellungen sind ab Freitag möglich.",
            [("2025-09-12", "planned", None)],
        ),
    ],
)
def test_kinds_spans_and_the_issues_misses(language, day, text, expected):
    assert found(text, day, language) == expected


def test_the_same_day_is_the_day_the_text_named_last():
    text = (
        "La loi a été acceptée dimanche de justesse. Le même jour, le peuple a accepté la "
        "suppression de la valeur locative. La veille, les partisans étaient confiants."
    )
    assert found(text, "2025-09-29", "fr") == [
        ("2025-09-28", "past", None),
        ("2025-09-28", "past", None),
        ("2025-09-27", "past", None),
    ]
    assert found("Am selben Tag fiel die Aktie.", "2025-09-29", "de") == [
        ("2025-09-29", "past", None)
    ]


@pytest.mark.parametrize(
    "language, day, text, date",
    [
        ("fr", "2025-11-20", "L'été dernier, le groupe a doublé ses ventes.", "2025"),
        ("fr", "2025-08-20", "L'été dernier, le groupe a doublé ses ventes.", "2024"),
        ("en", "2025-05-22", "The deal is expected to close this summer.", "2025"),
        ("de", "2025-06-10", "Im vergangenen Herbst stieg die Aktie.", "2024"),
        ("it", "2025-09-10", "Lo scorso anno il gruppo aveva lanciato l'iPhone 16.", "2024"),
        ("fr", "2025-10-07", "Il y a trois jours, le titre a bondi.", "2025-10-04"),
        ("de", "2025-10-07", "Vor zwei Wochen hatte Nvidia investiert.", "2025-09"),
        ("it", "2025-10-07", "Due settimane fa Nvidia aveva investito.", "2025-09"),
    ],
)
def test_seasons_and_counted_back_dates(language, day, text, date):
    assert [d for d, _, _ in found(text, day, language)] == [date]


def test_winter_spans_two_years_and_is_not_guessed():
    events, problems = dated_events(
        [("Cet hiver, les ventes ont reculé.", 4)], at("2025-12-10"), "fr"
    )
    assert events == [] and "winter" in problems[0].message


def test_find_events_keeps_only_what_happened_by_default():
    text = "Le groupe a annoncé lundi un accord. Sa mise en service est prévue en 2026."
    events, _ = find_events([(text, 1)], at("2025-09-23"), "fr")
    assert [e.date for e in events] == ["2025-09-22"]
    everything, _ = find_events([(text, 1)], at("2025-09-23"), "fr", kinds=("past", "planned"))
    assert [e.date for e in everything] == ["2025-09-22", "2026"]


@pytest.mark.parametrize(
    "paragraph, text",
    [
        ("SAN FRANCISCO, Oct 6 (Reuters) - AMD will supply chips.", "AMD will supply chips."),
        ("Zürich (awp/sda) - Sunrise ist zurück.", "Sunrise ist zurück."),
        ("Genève (Keystone-ATS) - Le sommet s'ouvre.", "Le sommet s'ouvre."),
        ("SAN FRANCISCO (AP) — OpenAI said so.", "OpenAI said so."),
        ("Apple (AAPL) - hausse.", "Apple (AAPL) - hausse."),  # no agency: no dateline
    ],
)
def test_datelines_are_taken_off(paragraph, text):
    assert without_dateline(paragraph) == text


def test_event_text_has_no_dateline_and_no_stray_quote_mark():
    events, _ = dated_events(
        [("SAN FRANCISCO, Oct 6 (Reuters) - AMD said on Monday it will supply chips.", 3)],
        at("2025-10-06"),
        "en",
    )
    assert [e.text for e in events] == ["AMD said on Monday it will supply chips."]
    assert (
        clean("«Nous investirons en 2026, a dit le patron.")
        == "Nous investirons en 2026, a dit le patron."
    )
    assert clean("Le patron a dit «oui» lundi.") == "Le patron a dit «oui» lundi."
    assert clean("„Wir investieren weiter“, sagte er.") == "„Wir investieren weiter“, sagte er."


@pytest.mark.parametrize(
    "date, expression, first, last",
    [
        ("2026", "fin 2026", "2026-09-01", "2026-12-31"),
        ("2026", "au second semestre 2026", "2026-07-01", "2026-12-31"),
        ("2025", "cet automne", "2025-09-01", "2025-11-30"),
        ("2025-01", "Ende Januar", "2025-01-21", "2025-01-31"),
        ("2025-02", "en février", "2025-02-01", "2025-02-28"),
    ],
)
def test_words_narrow_the_days_a_date_covers(date, expression, first, last):
    assert covered(date, expression) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
