"""IPTC ninjs 1.x and 2.x, on items written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from wirearchive.dispatch.formats import Entity, Subject

from .conftest import HOSTILE, read


def test_ninjs_1_with_plain_text_body(fixture_item):
    item = fixture_item("ninjs1.json")
    assert item.format == "ninjs"
    assert item.title == "Genève teste des taxis sans chauffeur"
    assert item.date == datetime.fromisoformat("2026-09-03T14:20:00+02:00")
    assert item.version_created == datetime.fromisoformat("2026-09-03T14:25:00+02:00")
    assert item.language == "fr" and item.urgency == 5 and item.version == 1
    assert item.summary == "Trois véhicules autonomes circuleront dans le quartier des Nations."
    assert item.sources == ("ATS",) and item.byline == "Paul Favre"
    assert item.dateline == "Genève (ats) -" and item.dateline_place == "Genève"
    assert [p.text[:22] for p in item.paragraphs] == [
        "Genève (ats) - Trois t",
        "Les véhicules transpor",
        "La conseillère d'Etat ",
    ]
    assert all(p.line is None for p in item.paragraphs)  # JSON gives no lines for values
    assert item.signoff == "(ats/pf)"
    assert Subject("20000344", "transport", "medtop") in item.subjects
    assert Subject("13000000", "science and technology", "subj") in item.subjects
    assert (
        Entity(
            "Léa Rochat",
            "person",
            "Q99999994",
            "about",
            "https://www.wikidata.org/entity/Q99999994",
        )
        in item.entities
    )
    assert item.keywords == ("robotaxi", "Genève")


def test_ninjs_2_with_arrays_of_headlines_and_bodies(fixture_item):
    item = fixture_item("ninjs2.json")
    assert item.format_version == "2.1"
    assert item.title == "Berner Forscher bauen Quantenchip mit 100 Qubits"
    assert item.subtitle == "Universität spricht von einem Durchbruch"
    assert item.summary == "Ein Team der Universität Bern stellt einen neuen Quantenchip vor."
    assert item.byline == "Eva Huber" and item.sources == ("SDA",)
    assert item.embargo == datetime.fromisoformat("2026-10-20T12:00:00+00:00")
    assert item.version == 4 and item.revision_note == "Ergänzt um Stellungnahme der Universität"
    # The XHTML body is preferred over the plain one; its heading is kept as a heading.
    assert [(p.kind, p.text[:16]) for p in item.paragraphs] == [
        ("p", "Bern (sda) - For"),
        ("p", "Der Chip arbeite"),
        ("heading", "Industrie intere"),
        ("p", "Mehrere Firmen h"),
    ]
    assert item.signoff == "(SDA/eh)"
    assert (
        Entity(
            "Thomas Brunner",
            "person",
            "Q99999993",
            "about",
            "http://www.wikidata.org/entity/Q99999993",
        )
        in item.entities
    )
    assert Subject("20000763", "Quantencomputer", "medtop") in item.subjects


@pytest.mark.parametrize(
    "name, message",
    [
        ("ninjs-list.json", "an item is one JSON object; this file holds a list"),
        ("ninjs-wrong-types.json", "key 'headline' must be a string, not a number"),
        ("ninjs-wrong-nested-type.json", "key 'person[0]' must be an object, not a string"),
        ("ninjs-truncated.json", "malformed JSON: Unterminated string"),
    ],
)
def test_bad_ninjs_is_one_clear_error_naming_file_and_key(name, message):
    item, problems = read(HOSTILE / name)
    assert item is None and len(problems) == 1
    assert problems[0].path == f"articles/{name}" and problems[0].severity == "error"
    assert message in problems[0].message


def test_truncated_json_error_has_the_line():
    _, problems = read(HOSTILE / "ninjs-truncated.json")
    assert problems[0].line == 4
