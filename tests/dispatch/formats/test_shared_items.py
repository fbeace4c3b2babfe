"""The eleven real agency items of ../shared/dispatches that are XML or JSON.

Expected values were read in the files themselves: headline, the item's own first-created
(or version-created) instant, language, agency, and the body's first and last paragraphs.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from wirearchive.dispatch.formats import AgencyItem, Entity, Subject

from .conftest import ZURICH, errors, read

ITEMS = {
    # file: (title, the item's own time, language, sources, paragraphs, first starts, last ends)
    "02_ats_fr.txt": (
        "Un taureau entre dans un magasin à Landquart (GR)",
        "20190603T174729+0200",
        "fr",
        ("ATS",),
        3,
        "Un taureau âgé d'un an est entré",
        "Il a ensuite été transporté dans son enclos.",
    ),
    "03_ats_fr.txt": (
        "La Suisse compte 1059 nouveaux cas de coronavirus en 24 heures",
        None,
        "fr",
        ("ATS",),
        6,
        "La Suisse compte mardi 1059 cas supplémentaires",
        "qui ont dû aussi passer par la case de la quarantaine.",
    ),
    "04_awp_fr.txt": (
        "Suisse: 142'550 nouvelles vaccinations en 7 jours (OFSP)",
        "20210319T152112+0100",
        "fr",
        ("awp",),
        7,
        "Berne (awp) - Du 11 mars au 17 mars, 142'550 doses",
        "Base logistique de l'Armée (BLA) sur www.covid.admin.ch",
    ),
    "05_sda_de.txt": (
        "Studie: Basel-Stadt kann Ziele der 2000-Watt-Gesellschaft erreichen",
        "20110831T140908+0200",
        "de",
        ("SDA",),
        6,
        "Basel-Stadt kann vor Ende des Jahrhunderts",
        "Ab etwa 2050 werde mehr eingespart als ausgegeben.",
    ),
    "06_sda_de.txt": (
        "Urnerin gewinnt WM-Gold im Cross Country",
        "20110831T170230+0200",
        "de",
        ("SI",),
        2,
        "Die Schweizer Juniorin Linda Indergand gewinnt",
        "Eliane Müggler und Ramona Forchini klassierten sich auf den Plätzen 24 und 25.",
    ),
    "07_sda_de.txt": (
        "Staffel mit Silber - Juniorin Indergrand mit Gold",
        "20110831T170230+0200",
        "de",
        ("SI",),
        3,
        "Die Schweizer Cross-Country-Staffel gewinnt",
        "Eliane Müggler und Ramona Forchini klassierten sich auf den Plätzen 24 und 25.",
    ),
    "08_dpa_de.txt": (
        "EU geht nach Boeing-Airbus-Schiedsspruch der WTO in Berufung",
        "2017-06-29T17:02:45+02:00",
        "de",
        ("dpa",),
        3,
        "Genf (dpa) - Die Europäische Union zieht im internationalen Streit",
        "streiten seit mehr als einem Jahrzehnt über die Verzerrung des Wettbewerbs durch Subventionen.",
    ),
    "11_afp_fr.txt": (
        "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée",
        "20240710T125902Z",
        "fr",
        ("AFP",),
        11,
        "L'opératrice du Samu condamnée pour non-assistance",
        "évoquant un accident vasculaire digestif ayant entraîné une hémorragie.",
    ),
    "12_afp_en.txt": (
        "Sweden court accepts receivership for Saab carmaker",
        "20140829T134951+0000",
        "en",
        ("AFP",),
        9,
        "A Chinese-owned company set up to take over Saab's assets",
        "the company has targeted the Chinese market with a line of electric cars.",
    ),
    "14_reuters_en.txt": (
        "Gold rises as Trump policy fuels safe haven demand",
        "2017-01-31T03:47:29.000Z",
        "en",
        ("Reuters",),
        15,
        "Spot gold may edge up to $1,205 per ounce- technicals",
        "Palladium rose 0.7 percent, to $745.40 per ounce.",
    ),
    "15_ap_en.txt": (
        "Captain of wrecked cruise ship on trial in Italy",
        "2013-07-09T10:37:00Z",
        "en",
        ("AP",),
        4,
        "GROSSETO, Italy (AP) -- The trial of the captain of the shipwrecked Costa Concordia",
        "took on water and capsized. Schettino has denied wrongdoing.",
    ),
}


def own_instant(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def items(shared) -> dict[str, tuple[AgencyItem, list]]:
    return {name: read(shared / name) for name in ITEMS}


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_headline_date_language_agency_and_whole_body(items, name):
    title, stamp, language, sources, count, first, last = ITEMS[name]
    item, problems = items[name]
    assert item is not None, problems
    assert (item.title, item.language, item.sources) == (title, language, sources)
    if stamp is None:
        assert item.date is None
    else:
        assert item.date == own_instant(stamp)  # the same instant ...
        assert item.date.tzinfo == ZURICH  # ... in the site's zone
        assert item.date.utcoffset() == ZURICH.utcoffset(item.date.replace(tzinfo=None))
    assert len(item.paragraphs) == count, [p.text[:30] for p in item.paragraphs]
    assert item.paragraphs[0].text.startswith(first)
    assert item.paragraphs[-1].text.endswith(last)
    assert all(p.line for p in item.paragraphs) or name == "15_ap_en.txt"


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_no_error_except_the_missing_date_of_the_sda_document(items, name):
    _, problems = items[name]
    expected = ["no date"] if name == "03_ats_fr.txt" else []
    assert [p.message.split(":")[0] for p in errors(problems)] == expected


def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


def _source_paragraphs(raw: str) -> list[str]:
    """The text of every <p> in a file, found without the readers' code (a regex, unescaped)."""
    raw = html.unescape(raw) if "&lt;p&gt;" in raw else raw
    found = re.findall(r"<p(?:\s[^>]*)?>(.*?)</p>", raw, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in found]


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_nothing_of_the_body_is_lost(shared, items, name):
    item, _ = items[name]
    raw = (shared / name).read_bytes().decode(item.encoding)
    kept = _words(" ".join([p.text for p in item.paragraphs] + [f.text for f in item.furniture]))
    if name == "15_ap_en.txt":  # ninjs: the XHTML body is a JSON string
        raw = raw.split('"body_xhtml"')[1]
    sources = _source_paragraphs(raw)
    assert sources
    missing = _words(" ".join(sources)) - kept
    assert not missing, missing


def test_04_keeps_its_table_of_figures_and_signoff(items):
    item, _ = items["04_awp_fr.txt"]
    table = next(p for p in item.paragraphs if p.kind == "pre")
    assert "Doses administrées                  142'550" in table.text
    assert table.text.count("\n") > 20 and table.line == 139
    assert item.signoff == "awp-robot/sw/"
    assert Entity("Bundesamt für Gesundheit (BAG)", "organization", None, "about") in item.entities


def test_05_is_embargoed_until_its_status_changes(items):
    item, problems = items["05_sda_de.txt"]
    assert item.status == "embargoed"
    # StatusWillChange 20110831T150029 has no offset: it is on the item's clock (+02:00).
    assert item.embargo == datetime.fromisoformat("2011-08-31T15:00:29+02:00")
    assert item.subtitle == "Ab 2050 übertreffen Einsparungen die Investitionen"
    assert [(f.label, f.text) for f in item.furniture] == [("embargo note", "SPERRFRIST 1500")]
    assert any("no UTC offset" in p.message for p in problems if p.severity == "info")


def test_06_and_07_are_versions_1_and_4_of_one_story(items):
    first, latest = items["06_sda_de.txt"][0], items["07_sda_de.txt"][0]
    assert first.story_key == latest.story_key == "urn:newsml:www.sda-ats.ch:20110831:brz012"
    assert (first.version, latest.version) == (1, 4)
    assert latest.instruction == "Update" and first.instruction is None
    assert latest.revision_note == "ergänzt" and first.revision_note is None
    assert latest.version_created == datetime.fromisoformat("2011-08-31T20:24:56+02:00")
    assert latest.date == first.date  # a story keeps the date of its first version
    assert ("CatchLine", "Gold und Silber für Schweizer Biker") in latest.newslines
    assert latest.rubric == "Mountainbike"


def test_08_metadata_and_non_public_contacts(items):
    item, _ = items["08_dpa_de.txt"]
    assert item.version == 3 and item.story_key == "urn:newsml:dpa.com:20090101:170629-99-48913"
    assert item.dateline == "Genf (dpa) -" and item.dateline_place == "Genf"
    assert item.slugline == "Flugzeugbau/EU/USA/WTO" and item.keywords == ("WTO",)
    assert item.rubric == "Wirtschaft" and item.urgency == 4
    assert item.signoff == "dpa oe xx n1 hgo"
    assert Subject("20000295", "Flug- und Raumfahrindustrie", "medtop") in item.subjects
    assert Entity("USA", "place", None, "about", "dpacountry:184") in item.entities
    contacts = [f for f in item.furniture if f.label == "contact"]
    assert len(contacts) == 3 and not any(f.public for f in contacts)
    assert any(f.text.startswith("Autorin: Christiane Oelrich") for f in contacts)


def test_11_declares_latin_1_and_is_read_as_utf_8(items):
    item, problems = items["11_afp_fr.txt"]
    assert item.encoding == "utf-8"
    assert item.dateline == "Strasbourg, 10 juil 2024 (AFP)" and item.dateline_place == "Strasbourg"
    assert item.slugline == "procès-santé-secours" and item.copyright == "© 2024 AFP"
    assert [p.message for p in problems] == [
        "declares ISO-8859-1 but its bytes are UTF-8: read as UTF-8"
    ]


def test_12_subject_codes_keywords_and_signoff(items):
    item, _ = items["12_afp_en.txt"]
    assert Subject("04000000", "economy, business and finance", "subj") in item.subjects
    assert Subject("04016038", None, "subj") in item.subjects
    assert item.keywords == ("Sweden", "China", "auto", "business", "bankruptcy", "Saab")
    assert item.signoff == "hh/ph/ts/hd"
    assert item.dateline == "STOCKHOLM, Aug 29, 2014 (AFP) -"
    assert Entity("Stockholm", "place", None, "origin", "City") in item.entities


def test_14_revision_byline_credits_and_the_dateline_that_is_not_the_date(items):
    item, _ = items["14_reuters_en.txt"]
    assert item.revision_markers == ("UPDATE 1",) and item.revision_note == "Adds comments, detail"
    assert item.byline == "By Arpan Varghese"
    assert item.credits == (
        "Reporting by Arpan Varghese in Bengaluru; Editing by Joseph Radford and Richard Pullin",
    )
    assert [p.kind for p in item.paragraphs[:4]] == ["li", "li", "li", "p"]
    assert item.paragraphs[3].text.startswith("Jan 30 (Reuters) - Gold rose on Tuesday")
    assert item.dateline == "Jan 30 (Reuters) -" and item.dateline_place is None
    assert item.date.isoformat() == "2017-01-31T04:47:29+01:00"  # created on the 31st
    assert item.story_key == "tag:reuters.com,0000:newsml_L4N1FL0N0"


def test_15_linked_people_places_and_organisations(items):
    item, _ = items["15_ap_en.txt"]
    assert item.byline == "Paulo Santalucia and Frances d'Emilio"
    assert item.dateline_place == "Grossetto, Italy"
    assert (
        Entity("Francesco Schettino", "person", None, "about", "http://www.freebase.com/m/0hzcydt")
        in item.entities
    )
    assert Entity("Costa Crociere SpA", "organization", None, "mentions", None) in item.entities
    assert {e.name for e in item.entities if e.type == "place"} == {"Grossetto", "Tuscany", "Italy"}


def test_the_site_zone_changes_the_offset_not_the_instant(shared):
    new_york = ZoneInfo("America/New_York")
    item, _ = read(shared / "02_ats_fr.txt", new_york)
    assert item.date.isoformat() == "2019-06-03T11:47:29-04:00"
    assert item.date == own_instant("20190603T174729+0200")
