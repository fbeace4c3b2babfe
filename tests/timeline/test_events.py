"""Dated events found in dispatch text, resolved against the dispatch's own date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wirearchive.timeline import partial as dates
from wirearchive.timeline.events import dated_events, find_events

ZURICH = ZoneInfo("Europe/Zurich")
SUNDAY = dt.datetime(2026, 2, 1, 9, 12, tzinfo=ZURICH)  # Sunday 1 February 2026
WEDNESDAY = dt.datetime(2025, 10, 8, 7, 42, tzinfo=ZURICH)  # Wednesday 8 October 2025
TUESDAY_JUNE = dt.datetime(2025, 6, 10, 18, 0, tzinfo=ZURICH)  # Tuesday 10 June 2025


def dates_of(text: str, when: dt.datetime, language: str) -> list[str]:
    """The dates of every event of `text`, past, planned or deadline."""
    events, _ = dated_events([(text, 1)], when, language)
    return [e.date for e in events]


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # French: the expressions of the issue
        ("fr", "Le groupe a annoncé samedi un tour de table.", ["2026-01-31"]),
        ("fr", "Il avait présenté ses plans en septembre.", ["2025-09"]),
        ("fr", "Un prototype avait été livré en octobre 2025.", ["2025-10"]),
        ("fr", "Le contrat a été signé le 14 janvier 2026 à Zurich.", ["2026-01-14"]),
        ("fr", "Le contrat a été signé le 1er décembre 2025.", ["2025-12-01"]),
        ("fr", "Les négociations ont abouti hier.", ["2026-01-31"]),
        ("fr", "La semaine dernière, l'action a chuté.", ["2026-01"]),  # 19-25 January
        ("fr", "Le groupe a été fondé en 2019.", ["2019"]),
        (
            "fr",
            "Le groupe a publié ses comptes dimanche.",
            ["2026-02-01"],
        ),  # the dispatch's own day
        ("fr", "Il avait annoncé lundi dernier un plan.", ["2026-01-26"]),
        ("fr", "L'an dernier, les ventes ont doublé.", ["2025"]),
        ("fr", "Le mois dernier, les ventes ont doublé.", ["2026-01"]),
        ("fr", "Les ventes ont doublé mi-2025.", ["2025"]),
        ("fr", "Le groupe emploie 2000 personnes.", []),
        ("fr", "Le modèle de demain sera plus sobre.", []),  # figurative, not a date
        # German
        ("de", "Der Konzern hat am Samstag eine Finanzierungsrunde abgeschlossen.", ["2026-01-31"]),
        ("de", "Die Pläne wurden im September vorgestellt.", ["2025-09"]),
        ("de", "Ein Prototyp wurde im Oktober 2025 ausgeliefert.", ["2025-10"]),
        ("de", "Der Vertrag wurde am 14. Januar 2026 unterzeichnet.", ["2026-01-14"]),
        ("de", "Gestern fiel die Aktie.", ["2026-01-31"]),
        ("de", "Letzte Woche stieg die Aktie.", ["2026-01"]),
        ("de", "Im Vorjahr war der Umsatz tiefer.", ["2025"]),
        ("de", "Die Technik von morgen ist sparsam.", []),
        ("de", "Am Morgen war es ruhig.", []),
        # English
        ("en", "The company said on Saturday it raised funds.", ["2026-01-31"]),
        ("en", "It presented its plans in September.", ["2025-09"]),
        ("en", "A prototype shipped in October 2025.", ["2025-10"]),
        ("en", "The deal was signed on January 14, 2026.", ["2026-01-14"]),
        ("en", "Shares fell yesterday.", ["2026-01-31"]),
        ("en", "Last week shares rose.", ["2026-01"]),
        ("en", "Revenue may rise this year.", ["2026"]),
        ("en", "Tomorrow's chips will be smaller.", []),
    ],
)
def test_expressions_resolve_against_the_dispatch_date(language, text, expected):
    assert dates_of(text, SUNDAY, language) == expected


def test_the_issue_example_gives_day_month_and_month_precision():
    text = (
        "La jeune pousse a annoncé samedi un tour de table. Elle avait présenté ses plans en septembre. "
        "Un prototype avait été livré en octobre 2025."
    )
    events, problems = find_events([(text, 10)], SUNDAY, "fr")
    assert [(e.date, dates.precision(e.date)) for e in events] == [
        ("2026-01-31", "day"),
        ("2025-09", "month"),
        ("2025-10", "month"),
    ]
    assert events[1].text == "Elle avait présenté ses plans en septembre."
    assert problems == []


def test_each_event_keeps_its_whole_sentence():
    text = "Premier point. Le groupe a annoncé mercredi la vente de sa division robotique, a-t-il précisé. Fin."
    events, _ = find_events([(text, 3)], WEDNESDAY, "fr")
    assert [e.as_dict() for e in events] == [
        {
            "date": "2025-10-08",
            "text": "Le groupe a annoncé mercredi la vente de sa division robotique, a-t-il précisé.",
        }
    ]


def test_past_is_preferred_for_a_month_without_year():
    # `en novembre` in an October dispatch is last November, not next month.
    assert dates_of("Le groupe avait présenté ce plan en novembre.", WEDNESDAY, "fr") == ["2024-11"]
    assert dates_of("Le groupe a présenté ce plan en octobre.", WEDNESDAY, "fr") == ["2025-10"]


def test_future_tense_clause_looks_forward():
    text = "Les précommandes s'ouvriront vendredi et les appareils arriveront en magasin le 19 septembre, a précisé Apple."
    assert dates_of(text, dt.datetime(2025, 9, 9, 20, 15, tzinfo=ZURICH), "fr") == [
        "2025-09-12",
        "2025-09-19",
    ]
    # ... but only the clause around the date: the announcement itself was on Saturday.
    assert dates_of("Le groupe a annoncé samedi qu'il investira davantage.", SUNDAY, "fr") == [
        "2026-01-31"
    ]
    assert dates_of("The plant will open next Monday.", SUNDAY, "en") == ["2026-02-02"]


def test_a_day_without_year_is_the_nearest_one():
    # `jusqu'au 13 juin` in a dispatch of 10 June is three days ahead, not a year back.
    assert dates_of("La conférence se tient jusqu'au 13 juin.", TUESDAY_JUNE, "fr") == [
        "2025-06-13"
    ]
    assert dates_of(
        "Le groupe a été fondé le 2 décembre.", dt.datetime(2026, 1, 5, tzinfo=ZURICH), "fr"
    ) == ["2025-12-02"]


def test_dispatch_date_is_read_in_its_own_time_zone():
    # 23:30 UTC on Saturday is already Sunday in Zurich: `samedi` is then the day before.
    late = dt.datetime(2026, 1, 31, 23, 30, tzinfo=dt.UTC).astimezone(ZURICH)
    assert dates_of("Le groupe a annoncé samedi un accord.", late, "fr") == ["2026-01-31"]
    assert dates_of("Le groupe a annoncé hier un accord.", late, "fr") == ["2026-01-31"]


def test_unresolvable_date_is_left_out_with_an_info_problem():
    events, problems = find_events(
        [("Le contrat a été signé le 30 février 2026.", 7)], SUNDAY, "fr", "articles/x.txt"
    )
    assert events == []
    assert [(p.path, p.line, p.severity) for p in problems] == [("articles/x.txt", 7, "info")]
    assert "30 février 2026" in problems[0].message


def test_a_week_across_two_years_is_not_guessed():
    # Last week of a dispatch of Monday 5 January 2026 is 29 December - 4 January.
    events, problems = find_events(
        [("La semaine dernière, les ventes ont chuté.", 2)],
        dt.datetime(2026, 1, 5, 9, tzinfo=ZURICH),
        "fr",
    )
    assert events == [] and problems[0].severity == "info"


def test_italian_dates_resolve_against_the_dispatch():
    text = (
        "Il gruppo ha annunciato sabato un accordo firmato a settembre. "
        "Le consegne inizieranno il 19 marzo. La settimana scorsa il titolo è sceso."
    )
    assert dates_of(text, SUNDAY, "it") == ["2026-01-31", "2025-09", "2026-03-19", "2026-01"]


def test_languages_without_a_grammar_give_no_events():
    assert find_events([("El grupo anunció el sábado un acuerdo.", 1)], SUNDAY, "es") == ([], [])


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("fr", "Le contrat du 14.3.2025 a été résilié.", ["2025-03-14"]),
        ("de", "Der Vertrag vom 01.02.2026 gilt.", ["2026-02-01"]),
        ("en", "The filing dated 2025-11-30 shows it.", ["2025-11-30"]),
        (
            "de",
            "Der Vertrag vom 31.02.2026 gilt.",
            [],
        ),  # no such day: left out (with an info problem)
    ],
)
def test_numeric_dates(language, text, expected):
    assert dates_of(text, SUNDAY, language) == expected
