"""What the property tests, the fuzzer and the hostile corpus found, one test each.

Each failed on the code it was found in and passes on the fix.
"""

from __future__ import annotations

import pytest

from wirearchive.article import load
from wirearchive.dispatch import ParseOptions, decode, parse_text
from wirearchive.search.analysis import words

from ..conftest import FIXTURES
from .strategies import RAISED_BEFORE
from .test_dispatch import lost_words

OPTIONS = ParseOptions()


def test_the_agency_after_a_byline_is_kept_as_a_source():
    # The parser cut `, Reuters` off the byline and kept it nowhere (found by hypothesis).
    text = "By Jane Doe, Reuters\n\nGENEVA (AFP) - Body."
    d, _ = parse_text(text, OPTIONS)
    assert d.byline == "By Jane Doe"
    assert d.sources == ["AFP", "Reuters"]
    assert lost_words(text, d) == []


def test_a_file_mixing_utf8_and_windows_1252_is_read_as_written():
    # Decoded as Windows-1252 as a whole, the UTF-8 headline read `sociÃ©tÃ©` (hostile corpus).
    data = (FIXTURES / "hostile" / "raw-encoding-mixed.txt").read_bytes()
    text = decode(data).text
    assert text.startswith("Mixed encodings in one file: société\n")
    assert "Windows-1252: société générale." in text
    article = load(data, "articles/2025/06/mixed.txt", OPTIONS).article
    assert article is not None and article.title == "Mixed encodings in one file: société"


def test_a_file_in_one_single_byte_code_page_is_still_read_in_it():
    text = "Les ventes ont progressé à Genève: «record» – 5 € de plus."
    assert decode(text.encode("cp1252")).text == text


@pytest.mark.parametrize("block", RAISED_BEFORE)
@pytest.mark.parametrize("source", ["articles/2025/06/a.txt", "articles/a.md"])
def test_front_matter_that_raised_is_read_or_reported(block, source):
    data = f"---\ntitle: T\n{block}\n---\nGENEVA, June 3, 2025 (Reuters) - Body.\n".encode()
    loaded = load(data, source, OPTIONS)  # found by hypothesis and by the fuzzer: it raised
    errors = [p for p in loaded.problems if p.severity == "error"]
    assert loaded.article is not None or errors
    assert all(p.path == source and p.line for p in errors)


def test_a_word_in_mathematical_letters_is_found_by_typing_it_plainly():
    assert words("𝕊𝕨𝕚𝕤𝕤𝕔𝕠𝕞") == words("swisscom")
