"""Hypothesis strategies for what contributors paste: any text, dispatch-shaped text, YAML.

Random Unicode alone rarely looks like a dispatch, so :func:`dispatch_texts` also draws
lines from the shapes the parser looks for (datelines, web-copy timestamps, agency lines,
rubric-glued headlines, photo credits, wire envelopes and trailers, bylines, front matter
fences) and mixes them with arbitrary lines, blank lines, every line end (LF, CRLF, CR),
control characters and markup.
"""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import strategies as st

LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
# Characters that matter to the parser or to HTML, over-represented on purpose.
SPECIAL = st.sampled_from(
    list("\x00\x01\x02\x03\x04\x0b\x0c\x1b\x7f\x85\u00a0\u2028\u2029\ufeff\u200b\u00ad")
    + list("<>&\"'`*_[]()!#|\\=^-–—,.:;«»’")
    + ["İ", "ß", "ﬁ", "Σ", "ǅ", "\u0301", "é", "e\u0301", "𝕏", "\U0001f600"]
)
WORDS = st.sampled_from(
    [
        "Nvidia",
        "OpenAI",
        "d'OpenAI",
        "l’UBS",
        "Nvidia's",
        "Swisscom",
        "Jensen Huang",
        "Huang",
        "M. Huang",
        "Zürich",
        "Genève",
        "samedi",
        "lundi",
        "hier",
        "demain",
        "en septembre",
        "le 1er décembre 2025",
        "in October 2025",
        "letzte Woche",
        "am Montag",
        "31 février",
        "en 2019",
        "Technologie",
        "Économie",
        "ATS",
        "Keystone-ATS",
        "Reuters",
        "AFP",
        "dpa",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "&amp;",
        "&#106;",
    ]
)
ANY_LINE = st.text(max_size=80)
WORDY_LINE = st.lists(st.one_of(WORDS, st.text(max_size=12), SPECIAL), max_size=12).map(" ".join)
SHAPED_LINE = st.one_of(
    st.builds(
        "{} {}-{:02d}-{:02d}   {}".format,
        st.sampled_from(["date", " date", "DATE"]),
        st.integers(1900, 2100),
        st.integers(0, 13),
        st.integers(0, 32),
        WORDY_LINE,
    ),
    st.builds(
        "{} {}".format,
        st.sampled_from(["Technologie", "Économie", "Économie numérique", "Wirtschaft", "Tech"]),
        WORDY_LINE,
    ),
    st.builds(
        "{}.{}.{} - {}:{:02d}".format,
        st.integers(0, 40),
        st.integers(0, 14),
        st.integers(1900, 2100),
        st.integers(0, 25),
        st.integers(0, 61),
    ),
    st.builds(
        "{:02d}.{:02d}.{}, {:02d}:{:02d}".format,
        st.integers(0, 40),
        st.integers(0, 14),
        st.integers(1900, 2100),
        st.integers(0, 25),
        st.integers(0, 61),
    ),
    st.builds(
        "{}{} ({}) {} {}".format,
        st.sampled_from(["GENEVA", "Zürich", "Taipei", "SAN FRANCISCO", "Genève", "x"]),
        st.sampled_from(["", ", Feb 1", ", June 3, 2025", ", 10 juil 2024", ", 31 Feb", ", 2025"]),
        st.sampled_from(["Reuters", "AFP", "awp/sda", "Keystone-ATS", "ats afp", "dpa", "AP", "x"]),
        st.sampled_from(["-", "--", "–", "—", "_", ""]),
        WORDY_LINE,
    ),
    st.sampled_from(
        [
            "ATS",
            "Keystone-ATS",
            "KEYSTONE/EPA/Ritchie B. Tongo",
            "By Jane Doe, Reuters",
            "Von Hans Muster, dpa",
            "(Reporting by A; Editing by B)",
            "(Eds: refiles)",
            "UPDATE 1",
            "REFILE",
            "BC-Tech-Chips",
            "/tech/chips/",
            "^Headline<",
            "\x01ZCZC sda123 4 wi 0321",
            "\x02Headline=",
            "\x03",
            "091223 dec 18",
            "101137 GMT Dez 18",
            "AP-WF-05-09-17 0056GMT",
            "* * * *",
            "The following information is not intended for publication",
            "---",
            "----",
            "title: x",
            "   indented line",
            "\t tabbed line",
        ]
    ),
)
LINE = st.one_of(ANY_LINE, WORDY_LINE, SHAPED_LINE, st.just(""), SPECIAL)


@st.composite
def dispatch_texts(draw, max_lines: int = 40) -> str:
    """A text of lines shaped like a dispatch's or not, with any line ends."""
    lines = draw(st.lists(LINE, max_size=max_lines))
    ends = draw(st.lists(LINE_ENDS, min_size=len(lines), max_size=len(lines)))
    return "".join(line + end for line, end in zip(lines, ends))


TEXTS = st.one_of(st.text(), dispatch_texts())


@st.composite
def encoded(draw, texts=TEXTS) -> bytes:
    """A text as a contributor's file holds it: UTF-8 (with or without BOM), UTF-16, cp1252."""
    text = draw(texts)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    return text.encode(encoding, errors="replace")


ANY_BYTES = st.one_of(st.binary(max_size=2000), encoded())

# ----------------------------------------------------------------------------- YAML


def _yaml_scalars():
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(),
        st.text(max_size=40),
        WORDS,
        st.dates(min_value=dt.date(1, 1, 1)),
        st.datetimes(timezones=st.none() | st.just(dt.UTC)),
        st.sampled_from(["2025-11-31", "2025-13-40", "0000-00-00", "9999-12-31T23:59:59+14:00"]),
        st.sampled_from(["fr", "de", "xx", "FR", "", " ", "../../x", "C:\\x", "a\x00b", "-x-"]),
    )


YAML_VALUES = st.recursive(
    _yaml_scalars(),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(["caption", "credit", "speaker", "text", "date", "x"]),
            children,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "title",
        "date",
        "language",
        "sources",
        "rubric",
        "section",
        "summary",
        "image",
        "slug",
        "entities",
        "entities_exclude",
        "quotes",
        "events",
        "unknown",
        "Title",
        "1",
    ]
)
# YAML written by hand: tags, anchors, merges, odd scalars, broken documents.
# Front matter that raised in `frontmatter.split` or `article.load` before issue 9's fixes (an
# explicit `!!timestamp` tag; a date the check accepted once stripped): each is a regression
# test in test_regressions.py, and the strategies draw them too (RAW_YAML).
RAISED_BEFORE = (
    "date: !!timestamp 2025-13-40",
    "text: !!timestamp ascript:alert(5)",
    'date: "2025-06-04T051011 "',
)


RAW_YAML = st.sampled_from(
    [
        *RAISED_BEFORE,
        'title: !!python/object/apply:os.system ["true"]',
        "title: !!python/name:os.system",
        "title: !!binary aGVsbG8=",
        "date: 2025-11-31",
        "date: 2025-02-29T25:61:00",
        "a: &a [1, 2]\nsources: *a",
        "a: &a {caption: x}\nimage:\n  <<: *a\n  credit: y",
        "sources: &s [x, *s]",
        "title: *undefined",
        "title: [unclosed",
        "title: 'unclosed",
        "title: x\ntitle: y",
        "? [complex, key]\n: value",
        "title: .inf",
        "title: 0x1F",
        "title: 1_000",
        "title: ~",
        "sources: !!set {a, b}",
        "events: !!omap [{date: 2025}, {text: x}]",
        "quotes: [{speaker: null, text: null}]",
        "image: {caption: null}",
        "%YAML 1.1\n---\ntitle: x",
        "title: x\n---\nmore: y",
        "\t- tab",
        "- a list",
        "just a string",
        "title: " + "[" * 3000 + "]" * 3000,
        "title: " + "{a: " * 500 + "x" + "}" * 500,
    ]
)


@st.composite
def front_matter(draw) -> str:
    """A front-matter block: mappings of known and unknown keys to any values, or raw YAML."""
    if draw(st.booleans()):
        values = draw(st.dictionaries(KEYS, YAML_VALUES, max_size=6))
        body = yaml.safe_dump(values, allow_unicode=draw(st.booleans()), sort_keys=False)
    else:
        body = "\n".join(draw(st.lists(RAW_YAML, min_size=1, max_size=3)))
    return f"---\n{body}\n---\n"
