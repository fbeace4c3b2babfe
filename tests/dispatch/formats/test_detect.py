"""The format is chosen from the bytes, never from the file's name."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from wirearchive.dispatch.formats import FORMATS, detect_format, read_item

from .conftest import FORMAT_FIXTURES, HOSTILE, ZURICH, require_shared

OWN_ITEMS = {
    "newsml12-nitf-v1.xml": "newsml1",
    "newsml12-nitf-v2.xml": "newsml1",
    "newsml1-embargoed.xml": "newsml1",
    "nitf33.xml": "nitf",
    "g2-xhtml.xml": "newsml-g2",
    "g2-nitf.xml": "newsml-g2",
    "ninjs1.json": "ninjs",
    "ninjs2.json": "ninjs",
    "sda-document.xml": "sda-xml",
    "encoding-utf16-bom.xml": "nitf",
    "encoding-declares-utf16-is-utf8.xml": "nitf",
}
SHARED_ITEMS = {
    "01_ats_fr.txt": None,
    "02_ats_fr.txt": "newsml1",
    "03_ats_fr.txt": "sda-xml",
    "04_awp_fr.txt": "newsml1",
    "05_sda_de.txt": "newsml1",
    "06_sda_de.txt": "newsml1",
    "07_sda_de.txt": "newsml1",
    "08_dpa_de.txt": "newsml-g2",
    "09_dpa_en.txt": None,
    "10_dpa_en.txt": None,
    "11_afp_fr.txt": "newsml1",
    "12_afp_en.txt": "newsml1",
    "13_ap_en.txt": None,
    "14_reuters_en.txt": "newsml-g2",
    "15_ap_en.txt": "ninjs",
}


@pytest.mark.parametrize("name", sorted(OWN_ITEMS))
def test_own_items_are_recognised_by_content(name):
    assert detect_format((FORMAT_FIXTURES / name).read_bytes()) == OWN_ITEMS[name]
    assert OWN_ITEMS[name] in FORMATS


@pytest.mark.parametrize("name", sorted(SHARED_ITEMS))
def test_shared_items_are_recognised_and_plain_text_is_left_to_the_text_parser(shared, name):
    assert detect_format((shared / name).read_bytes()) == SHARED_ITEMS[name]


@pytest.mark.parametrize("name", ["de-nvidia-vier-billionen.txt", "fr-apple-iphone-air.txt"])
def test_web_copy_is_not_an_agency_format(name):
    assert detect_format((FIXTURES / "dispatches" / name).read_bytes()) is None


@pytest.mark.parametrize("fake_name", ["story.txt", "story.json", "story.xml", "story"])
def test_the_file_name_changes_nothing(fake_name):
    data = (FORMAT_FIXTURES / "g2-xhtml.xml").read_bytes()
    item, problems = read_item(data, f"articles/{fake_name}", ZURICH)
    assert item is not None and item.format == "newsml-g2"
    assert item.title == "French AI start-up raises 600 million euros"


def test_unknown_xml_and_json_are_not_claimed():
    assert detect_format(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>') is None
    assert detect_format(b'{"name": "a package.json, not news"}') is None
    assert detect_format(b"") is None


def test_a_ninjs_list_is_claimed_so_that_its_error_is_reported():
    assert detect_format((HOSTILE / "ninjs-list.json").read_bytes()) == "ninjs"


def test_plain_text_gets_an_error_from_read_item_not_an_exception():
    item, problems = read_item(b"Headline\n\nGeneva (Reuters) - Text.", "a.txt", ZURICH)
    assert item is None
    assert "not an agency item" in problems[0].message and problems[0].path == "a.txt"


def test_missing_shared_items_skip_with_a_reason_but_fail_under_ci(tmp_path, monkeypatch):
    missing = tmp_path / "no-such-dispatches"
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not beside the repository"):
        require_shared(missing)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the tests"):
        require_shared(missing)
    assert require_shared(tmp_path) == tmp_path
