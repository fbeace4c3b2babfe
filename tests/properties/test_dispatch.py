"""The dispatch parser and `article.load` on any input: a result or problems, never an exception;
nothing lost; the same input, the same output."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wirearchive.article import Loaded, load
from wirearchive.dispatch import ParseOptions, normalize, parse_text, strip_controls
from wirearchive.dispatch.model import Dispatch
from wirearchive.frontmatter import SLUG
from wirearchive.model import Article
from wirearchive.problems import Problem

from .strategies import ANY_BYTES, TEXTS, dispatch_texts, encoded, front_matter

OPTIONS = ParseOptions()
WORD = re.compile(r"\w+")


def accounted(d: Dispatch) -> list[str]:
    """Every place a paragraph of the input may end up: metadata, body, furniture, notes."""
    parts = [d.title, d.rubric, d.section, d.summary, d.byline, d.credits, d.dateline]
    parts += list(d.sources)
    if d.image:
        parts += [d.image.caption, d.image.credit]
    parts += [p.text for p in d.body + d.furniture + d.notes]
    return [p for p in parts if p]


def lost_words(text: str, d: Dispatch) -> list[tuple[str, str]]:
    """(line, word) for each word of a non-blank input line found nowhere in the dispatch.

    Words, not characters: the parser may drop the markers of a format (`=` ending an IPTC
    headline, `^` and `<` of ANPA lines, the parentheses around credits) but no word.
    Case is folded: agencies are kept in their canonical spelling.
    """
    known = {w.casefold() for part in accounted(d) for w in WORD.findall(part)}
    return [
        (line, word)
        for line in input_lines(text)
        for word in WORD.findall(line)
        if word.casefold() not in known
    ]


def input_lines(text: str) -> list[str]:
    """The lines of a text as the parser sees them: an IPTC envelope's STX and ETX separate
    header, text and trailer; other control characters are dropped."""
    parts = [text]
    if "\x02" in text:
        header, _, rest = text.partition("\x02")
        body, _, trailer = rest.partition("\x03")
        parts = [header, body, trailer]
    return [strip_controls(line) for part in parts for line in part.split("\n")]


def _parse(text: str) -> tuple[Dispatch, list[Problem]]:
    return parse_text(normalize(text), OPTIONS, path="articles/x.txt")


@given(TEXTS)
@example("Headline\n\nGENEVA, June 3, 2025 (Reuters) - Body.\n")
@example(" date 2026-03-14   2. Marchés\nÉconomie Titre\n\nATS\n\n14.3.2026 - 09:12\n")
@example("\x02\x03")
@example("By Jane Doe, Reuters\n\nGENEVA (AFP) - Body.")
def test_parse_text_returns_a_dispatch_and_problems_and_never_raises(text):
    d, problems = _parse(text)
    assert isinstance(d, Dispatch)
    assert all(isinstance(p, Problem) and p.path == "articles/x.txt" for p in problems)
    assert d.layout in ("web copy", "wire")
    assert d.date is None or d.date.tzinfo is not None


@given(TEXTS)
@example("By Jane Doe, Reuters\n\nGENEVA (AFP) - Body.")
@example("Headline=\n\nZURICH (SDA) - Text.\n")
def test_parse_text_loses_no_word_of_the_input(text):
    d, _ = _parse(text)
    assert lost_words(normalize(text), d) == []


@given(TEXTS)
def test_parse_text_is_deterministic(text):
    assert _parse(text) == _parse(text)


def _check_loaded(loaded: Loaded, source: str) -> None:
    assert isinstance(loaded, Loaded)
    assert all(isinstance(p, Problem) for p in loaded.problems)
    assert all(p.path == source for p in loaded.problems)
    assert all(p.severity in ("error", "warning", "info") for p in loaded.problems)
    article = loaded.article
    if article is None:
        assert any(p.severity == "error" for p in loaded.problems), "dropped without an error"
        return
    assert isinstance(article, Article)
    assert isinstance(article.title, str) and article.title.strip()
    assert article.date.tzinfo is not None
    assert SLUG.match(article.slug), article.slug
    assert ".." not in article.url and not article.url.startswith("/")
    assert isinstance(article.body, str)
    article.metadata()  # the documented keys can be made


@given(ANY_BYTES, st.sampled_from(["articles/2025/06/a.txt", "articles/b.md", "articles/c.txt"]))
@example(b"\xef\xbb\xbf\xff", "articles/a.txt")
@example(b"\xff\xfe\x00\xd8", "articles/a.txt")
@example(b"---\ntitle: x\ndate: 2025-11-31\n---\nBody", "articles/a.md")
def test_load_never_raises_on_any_bytes(data, source):
    _check_loaded(load(data, source, OPTIONS), source)


@given(ANY_BYTES, st.sampled_from(["articles/2025/06/a.txt", "articles/b.md"]))
def test_load_is_deterministic(data, source):
    assert load(data, source, OPTIONS) == load(data, source, OPTIONS)


@given(
    front_matter(),
    st.one_of(dispatch_texts(), st.just("Headline\n\nGENEVA, June 3, 2025 (Reuters) - Body.\n")),
)
def test_load_with_any_front_matter_never_raises(fm, body):
    for source in ("articles/2025/06/a.txt", "articles/a.md"):
        data = (fm + body).encode("utf-8", errors="replace")
        _check_loaded(load(data, source, OPTIONS), source)


# A few examples of a few megabytes: still a result or problems, in reasonable time.
@settings(max_examples=4)
@given(dispatch_texts(max_lines=30), st.integers(20_000, 60_000))
def test_load_of_a_few_megabytes(text, repeat):
    big = (
        (text + "\n\n") * (repeat // max(1, len(text) // 50 + 1))
        if text.strip()
        else "x\n" * repeat
    )
    data = big.encode("utf-8", errors="replace")[:4_000_000]
    _check_loaded(load(data, "articles/big.txt", OPTIONS, max_bytes=10_000_000), "articles/big.txt")


@settings(max_examples=10)
@given(encoded(dispatch_texts()))
def test_load_of_encoded_text_never_raises(data):
    _check_loaded(load(data, "articles/2025/06/e.txt", OPTIONS), "articles/2025/06/e.txt")
