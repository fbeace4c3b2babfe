"""Real agency items (IPTC 7901, ANPA 1312 plain text) from ../shared/dispatches.

They are copyrighted test data, read from beside the repository, never copied into it.
"""

import pytest

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


@pytest.mark.parametrize(
    "name", ["02_ats_fr.txt", "05_sda_de.txt", "08_dpa_de.txt", "11_afp_fr.txt", "15_ap_en.txt"]
)
def test_agency_machine_formats_get_a_clear_error_and_no_crash(shared, name):
    loaded = load((shared / name).read_bytes(), f"articles/{name}", ParseOptions())
    assert loaded.article is None
    assert "not the text of a dispatch" in loaded.problems[-1].message
