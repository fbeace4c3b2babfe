"""Real agency items from ../shared/dispatches, read as the archive reads them: IPTC 7901 and
ANPA 1312 plain text by the text parser, NewsML, NITF, NewsML-G2, ninjs and SDA XML by their
formats' readers; versions of one story grouped, embargoes kept.

They are copyrighted test data, read from beside the repository, never copied into it.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from wirearchive.archive import read_archive
from wirearchive.article import load
from wirearchive.dispatch import ParseOptions

from ..conftest import SHARED_DISPATCHES
from .formats.conftest import require_shared

PLAIN_TEXT_ITEMS = {
    "01_ats_fr.txt": (
        "Gilets jaunes: une «catastrophe pour notre économie» (Le Maire)",
        "2018-12-09T12:23:00+01:00",
        "fr",
        ["ATS", "AFP"],
    ),
    "09_dpa_en.txt": (
        "Switzerland joins list of countries resisting UN migration pact",
        "2018-11-22T00:22:00+01:00",
        "en",
        ["dpa"],
    ),
    "10_dpa_en.txt": (
        "Top EU court: Britain can unilaterally reverse Brexit decision",
        "2018-12-10T12:37:00+01:00",
        "en",
        ["dpa"],
    ),
    "13_ap_en.txt": (
        "AP Exclusive: China lawyer's family says US helped them flee",
        "2017-05-09T02:56:00+02:00",
        "en",
        ["AP"],
    ),
}


@pytest.fixture
def shared():
    """The shared real agency items: skip without them, but fail under CI (the `CI` variable
    set), as the browser tests do: real-format coverage must not silently disappear there."""
    return require_shared(SHARED_DISPATCHES)


@pytest.mark.parametrize("name", sorted(PLAIN_TEXT_ITEMS))
def test_plain_text_wire_items_give_title_date_and_body(shared, name):
    title, date, language, sources = PLAIN_TEXT_ITEMS[name]
    loaded = load((shared / name).read_bytes(), f"articles/{name}", ParseOptions())
    article = loaded.article
    assert [p for p in loaded.problems if p.severity == "error"] == []
    assert (article.title, article.date.isoformat(), article.language, list(article.sources)) == (
        title,
        date,
        language,
        sources,
    )
    assert article.body.count("\n\n") >= 2
    assert "\x02" not in article.body and "\x03" not in article.body


def test_sign_off_and_wire_trailer_are_not_body(shared):
    article = load((shared / "01_ats_fr.txt").read_bytes(), "a.txt", ParseOptions()).article
    assert "SDA" not in article.body and "091223" not in article.body
    assert article.body.startswith("Paris (ats afp) Les violences")


def test_not_for_publication_block_is_kept_out_of_the_body(shared):
    article = load((shared / "09_dpa_en.txt").read_bytes(), "a.txt", ParseOptions()).article
    assert "Editing by" not in article.body and "The following information" not in article.body
    assert any("Editing by" in note for note in article.notes)
    assert article.byline == "By dpa correspondents"


AGENCY_ITEMS = {
    # file: (headline, date with offset, language, agencies, body paragraphs)
    "02_ats_fr.txt": (
        "Un taureau entre dans un magasin à Landquart (GR)",
        "2019-06-03T17:47:29+02:00",
        "fr",
        ["ATS"],
        2,
    ),
    "04_awp_fr.txt": (
        "Suisse: 142'550 nouvelles vaccinations en 7 jours (OFSP)",
        "2021-03-19T15:21:12+01:00",
        "fr",
        ["awp"],
        13,
    ),
    "05_sda_de.txt": (
        "Studie: Basel-Stadt kann Ziele der 2000-Watt-Gesellschaft erreichen",
        "2011-08-31T14:09:08+02:00",
        "de",
        ["SDA"],
        5,
    ),
    "08_dpa_de.txt": (
        "EU geht nach Boeing-Airbus-Schiedsspruch der WTO in Berufung",
        "2017-06-29T17:02:45+02:00",
        "de",
        ["dpa"],
        3,
    ),
    "11_afp_fr.txt": (
        "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée",
        "2024-07-10T14:59:02+02:00",
        "fr",
        ["AFP"],
        11,
    ),
    "12_afp_en.txt": (
        "Sweden court accepts receivership for Saab carmaker",
        "2014-08-29T15:49:51+02:00",
        "en",
        ["AFP"],
        9,
    ),
    "14_reuters_en.txt": (
        "Gold rises as Trump policy fuels safe haven demand",
        "2017-01-31T04:47:29+01:00",
        "en",
        ["Reuters"],
        15,
    ),
    "15_ap_en.txt": (
        "Captain of wrecked cruise ship on trial in Italy",
        "2013-07-09T12:37:00+02:00",
        "en",
        ["AP"],
        4,
    ),
}


@pytest.mark.parametrize("name", sorted(AGENCY_ITEMS))
def test_agency_items_are_read_as_articles(shared, name):
    title, date, language, sources, paragraphs = AGENCY_ITEMS[name]
    loaded = load((shared / name).read_bytes(), f"articles/{name}", ParseOptions())
    assert [p for p in loaded.problems if p.severity == "error"] == []
    article = loaded.article
    assert (article.title, article.date.isoformat(), article.language, list(article.sources)) == (
        title,
        date,
        language,
        sources,
    )
    assert len(article.body.split("\n\n")) == paragraphs
    assert article.metadata()["agency"]["format"] == article.raw_format != "text"


def test_an_undated_sda_item_says_where_its_date_goes_and_takes_it_from_there(shared):
    data = (shared / "03_ats_fr.txt").read_bytes()
    loaded = load(data, "articles/2021/08/item.sda.xml", ParseOptions())
    assert loaded.article is None
    assert "write a line `date: YYYY-MM-DDTHH:MM` in item.sda.xml.yml beside it" in (
        loaded.problems[-1].message
    )
    dated = load(
        data, "articles/2021/08/item.sda.xml", ParseOptions(), sidecar=b"date: 2021-08-03T12:00\n"
    )
    assert [p for p in dated.problems if p.severity == "error"] == []
    assert dated.article.date.isoformat() == "2021-08-03T12:00:00+02:00"
    assert dated.article.title == "La Suisse compte 1059 nouveaux cas de coronavirus en 24 heures"


def test_two_versions_of_one_sda_story_are_one_article_with_its_history(shared, tmp_path):
    for name in ("06_sda_de.txt", "07_sda_de.txt"):
        target = tmp_path / "articles" / "2011" / "08" / name.replace(".txt", ".newsml.xml")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((shared / name).read_bytes())
    archive = read_archive(tmp_path, "articles", ParseOptions())
    assert [p for p in archive.problems if p.severity == "error"] == []
    (article,) = archive.articles
    assert article.title == "Staffel mit Silber - Juniorin Indergrand mit Gold"  # the latest text
    assert article.slug == "urnerin-gewinnt-wm-gold-im-cross-country"  # the first's address
    assert [r.version for r in article.revisions] == [1] and article.version == 4
    assert article.revision_note == "ergänzt"
    assert article.revisions[0].article.title == "Urnerin gewinnt WM-Gold im Cross Country"


def test_an_embargoed_item_is_withheld_until_its_time(shared, tmp_path):
    target = tmp_path / "articles" / "2011" / "08" / "studie.newsml.xml"
    target.parent.mkdir(parents=True)
    target.write_bytes((shared / "05_sda_de.txt").read_bytes())
    zurich = ZoneInfo("Europe/Zurich")
    before = read_archive(
        tmp_path, "articles", ParseOptions(), now=datetime(2011, 8, 31, 14, 59, tzinfo=zurich)
    )
    assert before.articles == [] and [a.title for a in before.withheld] == [
        "Studie: Basel-Stadt kann Ziele der 2000-Watt-Gesellschaft erreichen"
    ]
    assert before.withheld[0].embargo.isoformat() == "2011-08-31T15:00:29+02:00"
    after = read_archive(
        tmp_path, "articles", ParseOptions(), now=datetime(2011, 8, 31, 15, 1, tzinfo=zurich)
    )
    assert len(after.articles) == 1 and after.withheld == []
    preview = read_archive(
        tmp_path,
        "articles",
        ParseOptions(),
        publish_embargoed=True,
        now=datetime(2011, 8, 31, 14, 59, tzinfo=zurich),
    )
    assert len(preview.articles) == 1
