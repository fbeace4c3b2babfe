"""Declared and actual encodings that disagree are read as a person would read them."""

from __future__ import annotations

import pytest

from .conftest import FORMAT_FIXTURES, read

CASES = [
    # file, encoding used, headline, what the info problem says (None: nothing to say)
    (
        "encoding-declares-latin1-is-utf8.xml",
        "utf-8",
        "Zürich prüft Gebühren für Drohnenflüge",
        "declares ISO-8859-1 but its bytes are UTF-8",
    ),
    (
        "encoding-latin1-with-cp1252-quotes.xml",
        "windows-1252",
        "Start-up \u201cNeuroDesk\u201d opens in Geneva",
        "holds Windows-1252 characters",
    ),
    (
        "encoding-declares-utf8-is-cp1252.xml",
        "windows-1252",
        "Genève accueille un salon de la robotique",
        "declares UTF-8 but is not valid UTF-8 (line 7)",
    ),
    ("encoding-utf16-bom.xml", "utf-16le", "Tokyo: 東京の半導体工場が稼働", None),
    (
        "encoding-declares-utf16-is-utf8.xml",
        "utf-8",
        "Basel: Pharmafirma setzt auf KI",
        "declares UTF-16 but its bytes are UTF-8",
    ),
    ("newsml12-nitf-v2.xml", "iso-8859-15", "Chipwerk lève 40 millions et vise 200 employés", None),
]


@pytest.mark.parametrize("name, encoding, title, note", CASES)
def test_encoding_as_a_person_reads_it(name, encoding, title, note):
    item, problems = read(FORMAT_FIXTURES / name)
    assert item is not None
    assert (item.encoding, item.title) == (encoding, title)
    notes = [p for p in problems if p.severity == "info"]
    if note is None:
        assert notes == []
    else:
        assert len(notes) == 1 and note in notes[0].message
    assert not [p for p in problems if p.severity == "error"]


def test_the_same_text_whatever_the_encoding():
    latin1, _ = read(FORMAT_FIXTURES / "encoding-latin1-with-cp1252-quotes.xml")
    assert latin1.paragraphs[0].text == (
        "Geneva (AP) - The \u201cNeuroDesk\u201d start-up \u2013 a spin-off \u2013 opened its office."
    )
    utf16, _ = read(FORMAT_FIXTURES / "encoding-utf16-bom.xml")
    assert (
        utf16.paragraphs[0].text == "Tokyo (Kyodo) - A new chip plant started production on Monday."
    )
    assert utf16.paragraphs[0].line == 9
