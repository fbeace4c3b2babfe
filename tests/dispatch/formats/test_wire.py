"""Wire conventions shared by all formats: datelines, markers, sign-offs, embargo notes."""

from __future__ import annotations

from datetime import datetime

import pytest

from wirearchive.dispatch.agencies import Agencies
from wirearchive.dispatch.formats import textblocks, wire
from wirearchive.dispatch.formats.times import embargo_from_text, parse_instant

AGENCIES = Agencies()


@pytest.mark.parametrize(
    "text, place, date, credit",
    [
        ("Genf (dpa) - Die Europäische Union", "Genf", None, "dpa"),
        ("STOCKHOLM, Aug 29, 2014 (AFP) - A Chinese", "STOCKHOLM", "Aug 29, 2014", "AFP"),
        ("GROSSETO, Italy (AP) -- The trial", "GROSSETO, Italy", None, "AP"),
        ("Jan 30 (Reuters) - Gold rose", None, "Jan 30", "Reuters"),
        ("Zürich (awp/sda) - Die Aktie", "Zürich", None, "awp/sda"),
        ("Tokyo (Kyodo) - A new plant", "Tokyo", None, "Kyodo"),
    ],
)
def test_datelines(text, place, date, credit):
    found = wire.find_dateline(text, AGENCIES)
    assert found is not None and (found.place, found.date, found.credit) == (place, date, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Le président (PS) a dit que le projet avance.",  # parentheses in a sentence, no dash
        "Die Firma (gegründet 2020) - so der Chef - wächst.",  # not a credit
    ],
)
def test_sentences_with_parentheses_are_not_datelines(text):
    assert wire.find_dateline(text, AGENCIES) is None


@pytest.mark.parametrize(
    "headline, slug, title, markers",
    [
        (
            "UPDATE 2-CHIPS-Taiwan chipmaker lifts forecast",
            "CHIPS-TAIWAN/",
            "Taiwan chipmaker lifts forecast",
            ["UPDATE 2"],
        ),
        ("REFILE-UPDATE 1-Gold rises", "GOLD/", "Gold rises", ["REFILE", "UPDATE 1"]),
        ("US-China trade talks resume", "USA-CHINA/TRADE", "US-China trade talks resume", []),
        ("Swiss franc rises (UPDATE 3)", "", "Swiss franc rises", ["UPDATE 3"]),
    ],
)
def test_titles_lose_wire_markers_and_topic_prefixes_only(headline, slug, title, markers):
    words = set(slug.replace("/", " ").replace("-", " ").split()) if slug else set()
    assert wire.clean_title(headline, words) == (title, markers)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(SDA/sj)", True),
        ("hh/ph/ts/hd", True),
        ("awp-robot/sw/", True),
        ("ats/afp/mk", True),
        ("dpa oe xx n1 hgo", True),
        ("https://example.com/a/b", False),
        ("Die Aktie stieg.", False),
    ],
)
def test_signoffs(text, expected):
    assert wire.is_signoff(text, AGENCIES) is expected


REFERENCE = datetime.fromisoformat("2011-08-31T14:09:08+02:00")


@pytest.mark.parametrize(
    "note, expected",
    [
        ("SPERRFRIST 1500", "2011-08-31T15:00:00+02:00"),
        ("Sperrfrist: 15.00 Uhr", "2011-08-31T15:00:00+02:00"),
        ("EMBARGOED UNTIL 1300 GMT", "2011-08-31T13:00:00+00:00"),
        ("Sperrfrist 1.9. 06:00", "2011-09-01T06:00:00+02:00"),
        ("SPERRFRIST 0900", "2011-09-01T09:00:00+02:00"),  # before filing: the next morning
        ("Embargo 3. September", None),
        ("Ergänzt", None),
    ],
)
def test_embargo_notes(note, expected):
    found = embargo_from_text(note, REFERENCE)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    "stamp, expected",
    [
        ("20190603T174729+0200", "2019-06-03T17:47:29+02:00"),
        ("2017-01-31T03:47:29.000Z", "2017-01-31T03:47:29+00:00"),
        ("20110831T150029", None),  # no offset and no zone to take it in
        ("not a date", None),
    ],
)
def test_times(stamp, expected):
    found = parse_instant(stamp)
    assert (found.isoformat() if found else None) == expected


def test_reuters_indentation_marks_paragraphs_and_bullets():
    raw = (
        "(Adds detail)\n    * First point\n    * Second point\n\n    By A. Writer\n"
        "    LONDON, Jan 3 (Reuters) - Shares rose\non Tuesday.\n    A second\nparagraph."
    )
    blocks = textblocks.split(raw, 10)
    assert [(b.text, b.line, b.kind) for b in blocks] == [
        ("(Adds detail)", 10, "p"),
        ("First point", 11, "li"),
        ("Second point", 12, "li"),
        ("By A. Writer", 14, "p"),
        ("LONDON, Jan 3 (Reuters) - Shares rose on Tuesday.", 15, "p"),
        ("A second paragraph.", 17, "p"),
    ]


def test_pretty_printed_xml_text_stays_one_paragraph():
    raw = "\n      A paragraph that the provider\n      wrapped and indented evenly.\n    "
    assert [(b.text, b.line) for b in textblocks.split(raw, 5)] == [
        ("A paragraph that the provider wrapped and indented evenly.", 6)
    ]
