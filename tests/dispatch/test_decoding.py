"""Bytes to text: every encoding and line end seen in the wild, and what is not text."""

import pytest

from wirearchive.dispatch import NotText, decode, normalize
from wirearchive.dispatch.decoding import strip_controls

EXPECTED_TITLE = "Apple présente l'iPhone Air, son smartphone le plus fin"


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("utf8.txt", "utf-8"),
        ("utf8-bom.txt", "utf-8"),
        ("utf16le-bom.txt", "utf-16"),
        ("utf16be-bom.txt", "utf-16"),
        ("cp1252-crlf.txt", "cp1252"),
        ("latin1-cr.txt", None),  # latin-1 and cp1252 agree on every byte this file has
    ],
)
def test_every_encoding_decodes_to_the_same_text(fixture_path, name, encoding):
    decoded = decode(fixture_path("encodings", name).read_bytes())
    text = normalize(decoded.text)
    if encoding:
        assert decoded.encoding.replace("_", "-") == encoding
    assert EXPECTED_TITLE.replace("'", "") in text.replace("'", "").replace("\u2019", "")
    assert "\r" not in text and "\ufeff" not in text
    assert "Cupertino" in text and "é" in text


def test_no_break_spaces_become_spaces_and_controls_go(fixture_path):
    text = strip_controls(
        normalize(decode(fixture_path("encodings", "nbsp-controls.txt").read_bytes()).text)
    )
    assert "\u00a0" not in text and "\x7f" not in text
    assert " de " in text


def test_line_ends_are_unified():
    assert normalize("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_accents_are_composed():
    assert normalize("e\u0301conomie") == "économie"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(0, 32)) * 20,
    ],
)
def test_binary_data_is_not_text(data):
    with pytest.raises(NotText):
        decode(data)


def test_windows_1252_quotes_are_detected_not_guessed():
    data = "«L’économie», a-t-il déclaré – 5 € de plus.".encode("cp1252")
    assert decode(data).text == "«L’économie», a-t-il déclaré – 5 € de plus."
