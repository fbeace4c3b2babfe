"""The SDA/ATS editorial XML (`<document>`), on an item written for these tests."""

from __future__ import annotations

from datetime import datetime

from .conftest import FORMAT_FIXTURES, read


def test_title_lead_escaped_html_body_and_note(fixture_item):
    item = fixture_item("sda-document.xml")
    assert item.format == "sda-xml"
    assert item.title == "Le hackathon neuchâtelois d'IA bat son record de participation"
    assert ("catchline", "Hackathon IA record") in item.newslines
    assert item.rubric == "Innovation" and item.language == "fr" and item.urgency == 4
    assert item.sources == ("ATS",) and item.authors == ("rb",)
    assert item.dateline_place == "Neuchâtel"
    assert item.date == datetime.fromisoformat("2026-11-16T16:30:00+01:00")
    assert [(p.kind, p.line, p.text[:18]) for p in item.paragraphs] == [
        ("lede", 12, "Un record de 45 éq"),
        ("p", 11, "Les 45 équipes ont"),
        ("p", 11, "Le jury se prononc"),
    ]
    assert item.summary == item.paragraphs[0].text
    assert [(f.label, f.text[:17]) for f in item.furniture] == [("note", "NOTE: Cette dépêc")]


def test_no_identifier_means_a_key_of_the_bytes(fixture_item):
    item = fixture_item("sda-document.xml")
    assert item.item_id is None and item.story_key.startswith("sha256:")
    again, _ = read(FORMAT_FIXTURES / "sda-document.xml")
    assert again.story_key == item.story_key
