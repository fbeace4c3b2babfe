"""NewsML 1.x with NITF bodies, on items written for these tests."""

from __future__ import annotations

from datetime import datetime

from wirearchive.dispatch.formats import Entity, Subject

from .conftest import FORMAT_FIXTURES, read


def test_headline_date_language_sources_and_whole_body(fixture_item):
    item = fixture_item("newsml12-nitf-v1.xml")
    assert item.format == "newsml1" and item.format_version == "1.2"
    assert item.title == "Le fabricant de puces Chipwerk lève 40 millions"
    assert item.date == datetime.fromisoformat("2026-03-14T09:12:00+01:00")
    assert str(item.date.tzinfo) == "Europe/Zurich"
    assert item.language == "fr"
    assert item.sources == ("awp", "ATS")  # Source before Provider, then the dateline's credit
    assert [p.text[:20] for p in item.paragraphs] == [
        "Zurich (awp/ats) - L",
        "L'entreprise, fondée",
        "Anna Keller, sa dire",
    ]
    assert [p.line for p in item.paragraphs] == [63, 64, 65]
    assert item.paragraphs[0].kind == "lede" and item.summary == item.paragraphs[0].text


def test_newslines_identification_and_metadata(fixture_item):
    item = fixture_item("newsml12-nitf-v1.xml")
    assert item.item_id == "urn:newsml:wire.example.ch:20260314:chw001:1N"
    assert item.story_key == "urn:newsml:wire.example.ch:20260314:chw001"
    assert item.version == 1 and item.urgency == 3 and item.status == "usable"
    assert item.rubric == "Semi-conducteurs"
    assert ("CatchLine", "Chipwerk lève des fonds") in item.newslines
    assert item.dateline == "Zurich" and item.dateline_place == "Zurich"
    assert item.authors == ("ak",)
    assert item.signoff == "(ats/ak)"
    assert [f.label for f in item.furniture] == ["signoff"]
    assert item.subjects == (
        Subject("04000000", "economy, business and finance", "subj"),
        Subject("04016000", None, "subj"),
    )
    assert (
        Entity("Anna Keller", "person", "Q99999999", "about", "wikidata:Q99999999") in item.entities
    )
    assert Entity("Zurich", "place", None, "origin", "City") in item.entities


def test_a_revision_has_the_same_story_key_its_comment_and_instruction(fixture_item):
    first, second = fixture_item("newsml12-nitf-v1.xml"), fixture_item("newsml12-nitf-v2.xml")
    assert first.story_key == second.story_key
    assert (first.version, second.version) == (1, 2)
    assert second.instruction == "Update" and first.instruction is None
    assert second.revision_note == "complète: effectifs, coût des puces"
    assert second.title == "Chipwerk lève 40 millions et vise 200 employés"
    assert second.date == first.date  # the story's first-created time
    assert second.version_created == datetime.fromisoformat("2026-03-14T11:30:00+01:00")
    assert any(f.label == "revision note" and not f.public for f in second.furniture)


def test_iso_8859_15_is_read_with_its_euro_sign(fixture_item):
    item = fixture_item("newsml12-nitf-v2.xml")
    assert item.encoding == "iso-8859-15"
    assert item.paragraphs[-1].text == "Une puce coûtera environ 900 € à la production."


def test_an_embargo_written_as_sperrfrist_in_an_embargoed_item():
    item, problems = read(FORMAT_FIXTURES / "newsml1-embargoed.xml")
    assert item is not None and problems == []
    assert item.status == "embargoed"
    assert item.embargo == datetime.fromisoformat("2026-04-02T14:00:00+02:00")
    assert item.subtitle == "Bundesamt legt Szenarien bis 2035 vor"
    assert item.language == "de"  # from the NewsItem's xml:lang
    assert ("embargo note", "SPERRFRIST 1400") in [(f.label, f.text) for f in item.furniture]
    assert item.signoff == "(SDA/mk)" and len(item.paragraphs) == 2
