"""The front-matter overlay on any text: `split` and `check` give values and problems, never an
exception; each key is applied or reported, never both, never silently dropped; a valid value
given in front matter is what the article shows."""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st

from wirearchive import frontmatter
from wirearchive.article import load
from wirearchive.dispatch import ParseOptions, normalize
from wirearchive.problems import Problem

from .strategies import TEXTS, YAML_VALUES, front_matter

PATH = "articles/2025/06/a.txt"
BODY = "Parsed headline\n\nGENEVA, June 3, 2025 (Reuters) - The body of the dispatch.\n"


@given(st.one_of(TEXTS, st.builds(str.__add__, front_matter(), TEXTS)))
@example("---\n---\n")
@example("---\ntitle: x\n")
@example("---\n" + "[" * 5000 + "\n---\nBody")
def test_split_and_check_never_raise(text):
    fm, problems = frontmatter.split(text, PATH)
    assert isinstance(fm.values, dict)
    assert fm.body_line >= 1
    assert all(isinstance(p, Problem) and p.path == PATH for p in problems)
    good, checked = frontmatter.check(fm, PATH)
    assert set(good) <= set(frontmatter.CHECKS)
    assert all(isinstance(p, Problem) and p.path == PATH for p in checked)


@given(front_matter())
def test_every_key_is_applied_or_reported(block):
    fm, problems = frontmatter.split(block + BODY, PATH)
    if problems:
        return  # the block as a whole is refused, and said so
    good, checked = frontmatter.check(fm, PATH)
    for key in fm.values:
        named = [p for p in checked if f"`{key}`" in p.message]
        if key in good:
            assert not [p for p in named if p.severity == "error"], (key, named)
        else:
            assert named, f"key {key!r} neither applied nor reported"


@given(
    st.text(min_size=1).filter(str.strip),
    st.sampled_from(["title", "summary", "rubric", "section"]),
)
@example("Tech & Médias", "rubric")
@example("<script>alert(1)</script>", "title")
def test_a_valid_string_in_front_matter_is_what_the_article_shows(value, key):
    # The file's text is normalised before its YAML is read (a no-break space is a space):
    # the value is written as it will be read, so that YAML reads the same value back.
    value = normalize(value)
    assume(value.strip())
    block = frontmatter.dump({key: value}, "").split("\n---\n", 1)[0] + "\n---\n"
    loaded = load((block + BODY).encode(), PATH, ParseOptions())
    if any(p.severity == "error" for p in loaded.problems):
        # Refused (the file's text is normalised before its YAML is read: an invisible
        # character dropped can leave YAML that is no longer valid): said so, on that file.
        assert loaded.article is None or loaded.article.title
        return
    assert loaded.article is not None
    # What was given, as every text of the file is read: line ends, spaces, invisible
    # characters and composed accents made plain (wirearchive.dispatch.normalize), control
    # characters left out (frontmatter.CONTROLS: a title is text, feeds' XML cannot hold them).
    shown = getattr(loaded.article, key) or ""
    # Compared without white space: YAML reads NEL (U+0085) as a line break or as a character
    # by how the value is quoted, and the character is a control, left out.
    given = frontmatter.CONTROLS.sub("", normalize(value))
    assert "".join(normalize(shown).split()) == "".join(given.split())


@given(st.dictionaries(st.sampled_from(sorted(frontmatter.CHECKS)), YAML_VALUES, max_size=5))
def test_load_reports_each_refused_key_by_name_and_line(values):
    block = frontmatter.dump(values, "").split("\n---\n", 1)[0] + "\n---\n"
    loaded = load((block + BODY).encode(), PATH, ParseOptions())
    fm, _ = frontmatter.split(block + BODY, PATH)
    good, _ = frontmatter.check(fm, PATH)
    for key in set(fm.values) - set(good):
        named = [p for p in loaded.problems if f"`{key}`" in p.message]
        assert named and all(p.line == fm.lines[key] for p in named), (key, loaded.problems)
