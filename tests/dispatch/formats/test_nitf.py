"""NITF 3.x on its own, on an item written for these tests."""

from __future__ import annotations

from datetime import datetime

from wirearchive.dispatch.formats import Entity, Subject


def test_hl1_wins_over_the_title_slug_and_hl2_is_the_subtitle(fixture_item):
    item = fixture_item("nitf33.xml")
    assert item.format == "nitf" and item.format_version == "3.3"
    assert item.title == "Une puce souple\u00a0: l\u2019EPFL imprime des circuits sur du papier"
    assert item.subtitle == "Un prototype tient sur un timbre-poste"
    assert ("title", "TECH-CHIPS-LAUSANNE") in item.newslines


def test_docdata_gives_ids_version_times_embargo_and_status(fixture_item):
    item = fixture_item("nitf33.xml")
    assert item.item_id == "ats-20260520-0412"
    assert item.story_key == "ats-chips-lausanne" and item.version == 2
    assert item.urgency == 4 and item.status == "usable"
    assert item.version_created == datetime.fromisoformat("2026-05-20T08:00:00+02:00")
    assert item.first_created == datetime.fromisoformat("2026-05-20T07:45:00+02:00")
    assert item.date == item.first_created
    assert item.embargo == datetime.fromisoformat("2026-05-20T10:00:00+02:00")
    assert item.copyright == "© 2026 Example News Agency"
    assert item.keywords == ("semiconductors", "EPFL")
    assert item.rubric == "Technologie"


def test_body_head_gives_byline_dateline_abstract_and_source(fixture_item):
    item = fixture_item("nitf33.xml")
    assert item.byline == "Par Claire Martin, ATS"
    assert item.dateline == "Lausanne, 20 mai 2026" and item.dateline_place == "Lausanne"
    assert item.summary == "Des chercheurs lausannois impriment des circuits sur du papier recyclé."
    assert item.sources == ("ATS",)


def test_every_block_of_the_body_is_kept_with_its_kind_and_line(fixture_item):
    item = fixture_item("nitf33.xml")
    assert [(p.kind, p.line) for p in item.paragraphs] == [
        ("lede", 43),
        ("p", 44),
        ("heading", 45),
        ("li", 47),
        ("li", 48),
        ("table", 50),
        ("quote", 54),
    ]
    assert item.paragraphs[5].text == "Matériau | Coût\npapier | 0,02 fr."
    assert "parle d'une «\u00a0étape\u00a0»" in item.paragraphs[1].text
    labels = {f.label: f for f in item.furniture}
    assert labels["contact"].text.startswith("Contact: service de presse")
    assert labels["tagline"].text == "Avec la collaboration du service scientifique"
    assert labels["note"].public is False  # type="npa": not for publication
    assert labels["editor's note"].text == "Photos available on the picture service"


def test_subjects_and_linked_entities(fixture_item):
    item = fixture_item("nitf33.xml")
    assert Subject("13000000", "science and technology", "subj") in item.subjects
    assert Subject("04016000", "manufacturing and engineering", "subj") in item.subjects
    assert Entity("Marc Dubois", "person", "Q99999997", "mentions", "Q99999997") in item.entities
    assert Entity("Lausanne", "place", None, "about", None) in item.entities
