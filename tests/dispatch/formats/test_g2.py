"""NewsML-G2 with inline XHTML and with inline NITF, on items written for these tests."""

from __future__ import annotations

from datetime import datetime

from wirearchive.dispatch.formats import Entity, Subject

from .conftest import HOSTILE, read


def test_xhtml_item_headline_times_embargo_and_body(fixture_item):
    item = fixture_item("g2-xhtml.xml")
    assert item.format == "newsml-g2" and item.format_version == "2.33"
    assert item.title == "French AI start-up raises 600 million euros"
    assert item.subtitle == "Funding round values the firm at 6 billion"
    assert item.summary == "A Paris start-up building language models raised 600 million euros."
    assert item.first_created == datetime.fromisoformat("2026-06-11T08:05:00+00:00")
    assert item.date.isoformat() == "2026-06-11T10:05:00+02:00"
    assert item.embargo == datetime.fromisoformat("2026-06-11T10:00:00+00:00")
    assert item.language == "en"  # en-GB
    # The XHTML rendition is read, its <header> (the headline again) left out, and the
    # plain-text alternative rendition is not added to it.
    assert [p.line for p in item.paragraphs] == [56, 58, 60]
    assert item.paragraphs[0].text.startswith(
        "PARIS, June 11 (AFP) - A French start-up that builds"
    )
    assert item.paragraphs[1].text.endswith("its chief executive Lucie Bernard told reporters.")
    assert not any("plain text rendition" in p.text for p in item.paragraphs)


def test_xhtml_item_metadata(fixture_item):
    item = fixture_item("g2-xhtml.xml")
    assert item.item_id == item.story_key == "urn:newsml:agency.example:20260611:ai-1234"
    assert item.version == 2 and item.urgency == 2
    assert item.instruction == "Update"  # signal sig:update
    assert item.revision_note == "Updates with company statement in paragraph 3"
    assert item.sources == ("AFP",)
    assert item.byline == "By Jane Doe" and item.authors == ("Jane Doe",)
    assert item.dateline == "PARIS, June 11 (AFP) -" and item.dateline_place == "Paris"
    assert item.signoff == "jd/ab"
    assert item.copyright == "(c) 2026 Example Agency, all rights reserved"  # the item's language
    assert item.keywords == ("artificial intelligence",)
    assert Subject("13000000", "science and technology", "medtop") in item.subjects
    assert Subject("20000763", None, "medtop") in item.subjects
    assert (
        Entity("Mistral Example SAS", "organization", "Q99999996", "about", "wd:Q99999996")
        in item.entities
    )
    assert Entity("Lucie Bernard", "person", "Q99999995", "about", "agperson:123") in item.entities
    contact = next(f for f in item.furniture if f.label == "contact")
    assert contact.text == "Desk: +33 1 00 00 00 00" and contact.public is False


def test_nitf_inside_g2_with_wire_conventions(fixture_item):
    item = fixture_item("g2-nitf.xml")
    assert item.title == "Taiwan chipmaker lifts forecast on AI demand"
    assert item.revision_markers == ("UPDATE 2",)
    assert item.revision_note == "Adds analyst comment in paragraph 4, shares"
    assert item.byline == "By Kim Lee"
    assert item.credits == ("Reporting by Kim Lee; Editing by Sam Holmes",)
    assert item.sources == ("Reuters",)  # provider reuters.com, dateline (Reuters)
    assert item.version == 3 and item.story_key == "tag:wire.example.com,2026:newsml_X1Y2Z3"
    assert item.dateline == "TAIPEI, July 1 (Reuters) -"
    assert [p.text for p in item.paragraphs][1:] == [
        "The company now expects growth of about 30 percent.",
        "Shares rose 4 percent in early trade.",
        '"Demand is still running ahead of supply," said an analyst.',
    ]
    assert item.paragraphs[0].line == 31  # the paragraph spans two lines of the file
    assert [f.label for f in item.furniture] == ["revision note", "byline", "credits"]


def test_remote_content_is_never_fetched_and_is_an_error():
    item, problems = read(HOSTILE / "g2-remote-content.xml")
    assert item is None
    assert problems[-1].line == 6
    assert "remote" in problems[-1].message and "never fetched" in problems[-1].message
