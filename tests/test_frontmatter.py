"""A contributor's front matter: it wins over the parser, and its mistakes are named."""

import pytest

from wirearchive.article import load
from wirearchive.dispatch import ParseOptions

OPTIONS = ParseOptions()
WIRE = "Swiss chipmaker raises funds\n\nZURICH, June 3, 2025 (Reuters) - A Swiss chip designer raised funds.\n"


def load_text(text: str, name: str = "articles/2025/06/x.txt"):
    return load(text.encode("utf-8"), name, OPTIONS)


def test_each_key_replaces_what_the_parser_found():
    text = (
        "---\ntitle: Corrected headline\ndate: 2025-06-04T08:30:00+02:00\nlanguage: de\nsources: [awp]\n"
        "rubric: Tech\nsection: 1. Companies\nsummary: A short lede.\nslug: custom-slug\n"
        "image: {caption: A photo, credit: KEYSTONE}\n---\n" + WIRE
    )
    loaded = load_text(text)
    assert loaded.problems == []
    meta = loaded.article.metadata()
    assert meta["title"] == "Corrected headline"
    assert meta["date"] == "2025-06-04T08:30:00+02:00"
    assert (meta["language"], meta["sources"], meta["rubric"], meta["section"]) == (
        "de",
        ["awp"],
        "Tech",
        "1. Companies",
    )
    assert (meta["summary"], meta["slug"]) == ("A short lede.", "custom-slug")
    assert meta["image"] == {"caption": "A photo", "credit": "KEYSTONE"}
    assert loaded.article.body.startswith("ZURICH, June 3, 2025 (Reuters)")


def test_a_date_without_offset_is_wall_clock_time_in_the_site_zone():
    loaded = load_text("---\ndate: 2025-12-01 09:00\n---\n" + WIRE)
    assert loaded.article.date.isoformat() == "2025-12-01T09:00:00+01:00"


@pytest.mark.parametrize(
    "line, key, fragment",
    [
        ("title: 12", "title", "non-empty string"),
        ("date: next tuesday", "date", "ISO 8601"),
        ("sources: Reuters", "sources", "list of strings"),
        ("language: French", "language", "two-letter"),
        ("slug: Not A Slug", "slug", "lower-case ASCII"),
        ("image: a photo", "image", "caption"),
        ("entities: nvidia", "entities", "list of strings"),
        ("events: [{date: 2025-13, text: x}]", "events", "not YYYY"),
        ("quotes: [{speaker: x}]", "quotes", "speaker, text"),
    ],
)
def test_wrong_types_are_errors_naming_file_line_and_key(line, key, fragment):
    loaded = load_text(f"---\nrubric: Tech\n{line}\n---\n" + WIRE)
    [problem] = [p for p in loaded.problems if p.severity == "error"]
    assert (problem.path, problem.line) == ("articles/2025/06/x.txt", 3)
    assert f"`{key}`" in problem.message and fragment in problem.message
    assert loaded.article is not None  # the rest of the dispatch still places it


def test_unknown_keys_are_warnings_with_their_line():
    loaded = load_text("---\ntitle: A title here\ncolour: blue\n---\n" + WIRE)
    [problem] = loaded.problems
    assert (problem.severity, problem.line) == ("warning", 3)
    assert "`colour`" in problem.message


def test_invalid_yaml_names_the_line():
    loaded = load_text('---\ntitle: "unterminated\n---\n' + WIRE)
    assert loaded.problems[0].severity == "error"
    assert "not valid YAML" in loaded.problems[0].message and loaded.problems[0].line >= 2


def test_yaml_is_loaded_safely():
    loaded = load_text("---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n" + WIRE)
    assert loaded.problems[0].severity == "error"
    assert loaded.article.title == "Swiss chipmaker raises funds"


def test_front_matter_that_is_not_a_mapping():
    loaded = load_text("---\n- a\n- b\n---\n" + WIRE)
    assert "mapping" in loaded.problems[0].message


def test_unclosed_front_matter_is_an_error():
    loaded = load_text("---\ntitle: x\n" + WIRE)
    assert "never closed" in loaded.problems[0].message


def test_body_line_numbers_count_the_front_matter():
    loaded = load_text(
        "---\nrubric: Tech\n---\n\n\nZURICH - no headline, no date, just text that runs on.\n"
    )
    [error] = [p for p in loaded.problems if "no date" in p.message]
    assert error.line == 6  # the first line of text, after the front matter and blank lines


CURATED = """---
title: Le Conseil fédéral adopte sa stratégie numérique
date: 2025-11-20T10:00:00+01:00
sources: [ATS]
---
Le **gouvernement** a adopté sa stratégie. <script>alert("x")</script> Voir <https://www.admin.ch>.
"""


def test_curated_markdown_keeps_its_formatting_but_not_raw_html():
    loaded = load(CURATED.encode(), "articles/2025/11/strategie.md", OPTIONS)
    article = loaded.article
    assert loaded.problems == []
    assert article.title == "Le Conseil fédéral adopte sa stratégie numérique"
    assert "**gouvernement**" in article.body
    assert "<script>" not in article.body and "&lt;script>" in article.body
    assert "<https://www.admin.ch>" in article.body
    assert article.language == "fr"


def test_curated_markdown_needs_title_and_date():
    loaded = load(b"---\ntitle: Only a title\n---\nText.\n", "articles/x.md", OPTIONS)
    assert loaded.article is None
    assert "`date`" in loaded.problems[0].message


def test_front_matter_sources_get_their_canonical_spelling():
    loaded = load_text("---\nsources: [Keystone-ATS, ats, Bloomberg News]\n---\n" + WIRE)
    assert loaded.article.sources == ("Keystone-SDA", "ATS", "Bloomberg News")


@pytest.mark.parametrize(
    "value, reason",
    [
        ("2025-11-31", "day is out of range for month"),
        ("2025-13-40", "month must be in 1..12"),
        ("2025-02-29T10:00", "day is out of range for month"),
        ("'2025-11-31'", "day is out of range for month"),
    ],
)
def test_an_impossible_date_is_an_error_at_its_line_quoted_or_not(value, reason):
    loaded = load_text(f"---\ntitle: A title\ndate: {value}\n---\n" + WIRE)
    errors = [str(p) for p in loaded.problems if p.severity == "error"]
    assert errors[0].startswith(
        f"articles/2025/06/x.txt:3: error: front matter key `date` is not a date of the calendar "
        f"({reason})"
    )


def test_a_yaml_alias_bomb_is_reported_in_a_line():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 10):
        bomb += f"b{n}: &b{n} [" + ", ".join([f"*{'a' if n == 1 else f'b{n - 1}'}"] * 9) + "]\n"
    bomb += "title: *b9\n---\n" + WIRE
    loaded = load_text(bomb)
    messages = [p.message for p in loaded.problems]
    assert any(
        m.startswith("front matter key `title` must be a non-empty string") for m in messages
    )
    assert all(len(m) < 400 for m in messages)
    assert loaded.article.title == "Swiss chipmaker raises funds"


def test_yaml_tags_that_would_run_code_are_refused():
    loaded = load_text("---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + WIRE)
    assert [p.line for p in loaded.problems] == [2]
    assert "front matter is not valid YAML" in loaded.problems[0].message


def test_front_matter_events_may_say_their_kind_span_and_entities():
    loaded = load_text(
        "---\nevents:\n  - {date: 2026, text: Un plan., kind: planned}\n"
        "  - {date: 2016, until: 2020, text: Une période., about: [chipwerk]}\n---\n" + WIRE
    )
    assert loaded.problems == []
    assert [e.as_dict() for e in loaded.article.events] == [
        {"date": "2026", "text": "Un plan.", "kind": "planned"},
        {"date": "2016", "text": "Une période.", "until": "2020", "about": ["chipwerk"]},
    ]
    bad = load_text("---\nevents:\n  - {date: 2026, text: x, kind: someday}\n---\n" + WIRE)
    assert "`kind` that is not past, planned or deadline" in bad.problems[0].message
