"""The hostile corpus: input from strangers, built into a site, and what the site makes of it.

`tests/fixtures/hostile/` holds raw dispatches (`*.txt`), curated articles (`*.md`) and
glossary entries (`glossary/*.md`), each an attack on one input path; `mkdocs.yml` there is
the site they are built into (the demo's theme, a `site_url` so feeds are made, and the
Markdown extensions Material sites enable: tables, attr_list, md_in_html). The build copies
the raw and curated files under `articles/2025/06/` and the glossary under `docs/entities/`,
then adds what is too big to commit: 10,000 tiny files (9,000 bad in four ways, 1,000 good)
and, in tests of their own, a 50 MB file and a glossary of bad entries only.

Every case is *published* (a good file: its page exists, shows each of its paragraphs as
text, and no warning names it), *reported* (a bad file: exactly one warning of the build
log and one line of `wirearchive check` name it) or *warned* (both: published, and one
warning says what was left out of it). Whatever it is, no page, feed or
TimelineJS export may carry markup from it (see `htmlcheck.py`: scripts, event handlers,
URLs of another scheme than http, https or mailto, iframes, objects, embeds, forms, SVG,
MathML, styles), text is escaped exactly once, and nothing is written outside `site/` and
`.cache/`. `mkdocs build --strict` fails on the corpus; `mkdocs build` finishes.

Raw dispatches (published unless marked *reported*):

    raw-headline-script.txt         <script> elements (inline, src=, upper case) in headline and body
    raw-headline-handlers.txt       onerror/onload/onmouseover/onclick handlers in headline and body
    raw-webcopy-section.txt         web copy: <svg onload> in the digest-section line, handlers in headline, lede, body
    raw-webcopy-caption-credit.txt  web copy: <iframe src=javascript:> in the repeated caption, <object> in the credit
    raw-webcopy-lede.txt            web copy: javascript: link, Markdown link, <form action=javascript:> in the lede
    raw-body-markdown-links.txt     Markdown links, images, reference definitions, autolinks to javascript:/vbscript:/data:
    raw-body-raw-html.txt           <iframe>, <object>, <embed>, <form formaction>, <style>, style=, <math>, comments, <base>, meta refresh, <link>, <noscript> breakout
    raw-byline-credits-notes.txt    markup in the byline, the (Reporting by ...) credits and an (Eds: ...) wire note
    raw-dateline.txt                <svg/onload> with entity-encoded parentheses in the dateline's place
    raw-url-schemes.txt             javascript: in any case, with a tab, a space, a newline, entity-encoded (decimal, hex, padded); data:, vbscript:
    raw-markdown-breakout.txt       breaking out of a link target, a table cell, a code span, indented and fenced code
    raw-iptc-envelope.txt           IPTC 7901 envelope (SOH/STX/ETX) with markup in its header line and headline
    raw-fm-title-summary.txt        front matter title and summary: <script>, handlers, attribute breakout, `&`
    raw-fm-image-quotes.txt         front matter image caption/credit and quotations (speaker, text)
    raw-fm-events-sources-rubric.txt  front matter rubric (`Tech & Médias`), section, sources and events
    raw-entity-encoded.txt          `&lt;script&gt;`, `&#60;img ...&#62;`, `&#106;avascript:` shown as typed, never decoded
    raw-mentions-hostile-glossary.txt  names the hostile glossary's entities: their names and descriptions reach links and tooltips
    raw-encoding-cp1252.txt         Windows-1252 bytes, CRLF, a <script> in the headline
    raw-encoding-utf16.txt          UTF-16 with BOM, CR line ends, an <img onerror> in the headline
    raw-encoding-mixed.txt          UTF-8 and Windows-1252 mixed in one file: both parts read as written
    raw-encoding-lying-bom.txt      reported: a UTF-8 byte-order mark before Windows-1252 bytes
    raw-encoding-utf16-lying.txt    reported: a UTF-16 byte-order mark before an unpaired surrogate
    raw-binary-nul.txt              reported: a NUL byte in a text file
    raw-same-dispatch-1.txt         the first copy of a dispatch pasted twice
    raw-same-dispatch-2.txt         reported: the same dispatch again, with CRLF and other spacing
    raw-slug-traversal.txt          reported: `slug: ../../x`
    raw-slug-absolute.txt           reported: `slug: /tmp/wa-hostile-pwned`
    raw-slug-windows.txt            reported: `slug: 'C:\\wa-hostile-pwned\\..\\..\\x'`
    raw-slug-nul.txt                reported: a NUL byte in the slug
    raw-yaml-python-tag.txt         reported: `!!python/object/apply:os.system` (touching a canary file)
    raw-yaml-bomb.txt               reported: a YAML alias bomb ("billion laughs") under one key
    raw-yaml-huge-number.txt        reported: a 38-digit number as the date
    raw-yaml-wrong-type.txt         reported: `image: "javascript:alert(1)"`, a string where a mapping belongs
    raw-fm-event-date.txt           reported: an event dated 2025-13-40
    raw-date-impossible.txt         reported: `date: 2025-11-31` unquoted (YAML's own date constructor raised)

Curated articles:

    md-link-javascript.md           `[full report](javascript:alert(1))`
    md-link-scheme-variants.md      javascript: upper/mixed case, in <>, with a tab, a space, entity-encoded; data:, vbscript:
    md-images.md                    images with javascript: and data: sources, a title breaking out into onerror
    md-reference-links.md           reference definitions to javascript:, JavaScript:, data:
    md-autolinks.md                 <javascript:...>, <vbscript:...>, <data:...> autolinks
    md-raw-html.md                  <script>, <img onerror>, <a href=javascript:>, <iframe>, <object>, <embed>, <form>, <style>, style= overlay
    md-html-comments.md             scripts hidden in and around HTML comments, an abruptly closed comment
    md-svg-mathml.md                <svg onload>, SVG <a xlink:href>, <animate values=javascript:>, <use href=data:>, MathML <mglyph><style> mutation, <math href>
    md-attr-list.md                 attr_list setting onclick/onmouseover/style/href on paragraphs, links, headings
    md-markdown-breakout.md         breaking out of a link (target, title), a table cell and code spans
    md-frontmatter-fields.md        title, summary, rubric, section, sources, image, quotes, events all hostile; `&` in the title
    md-title-nul.md                 warned: a NUL byte and a vertical tab in the title (XML feeds cannot hold them)
    md-date-basic-time.md           `date: "2025-06-04T051011 "`: ISO basic time and a trailing space (found by fuzzing)
    md-yaml-python-name.md          reported: `!!python/name:os.system` as the title
    md-wrong-type-title.md          reported: a list as the title
    md-date-impossible.md           reported: `date: 2025-13-40` unquoted

Glossary entries (`glossary/`):

    scriptor.md                     <script> in the name, <img onerror> and an attribute breakout in the description (tooltips)
    maliciel.md                     a hostile alias; javascript: links and image in the Markdown body
    rawbody.md                      raw HTML in the body: <script>, <img onerror>, <iframe>, a style= overlay with onclick
    ampersand-medias.md             `&`, <b> and quotes in the name and description
    control-name.md                 warned: a vertical tab and a NUL byte in the name (entity feeds are XML)
    bad-yaml-tag.md                 reported: `!!python/object/apply:os.system` as the name
    bad-bomb.md                     reported: a YAML alias bomb as the aliases
    BadId.md                        reported: a file name that is not an entity id
    bad-type.md                     reported: `type: <script>...`

Generated by the tests: `tiny/` (10,000 files: empty, blank, a headline without a date, a NUL
byte, and 1,000 good one-paragraph dispatches) and `huge-50mb.txt` (50 MB of good paragraphs,
over the 1 MB limit: reported, not published, and quickly). The bad glossary entries are also
built alone, with no valid entry beside them: each must still be reported.

Cases marked xfail fail on the code this corpus landed on, each for the issue-9 item named;
the mark goes when the fix lands (`strict=True`: a fix that makes one pass is noticed).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from wirearchive.dispatch.layouts import DEFAULT_RUBRICS
from wirearchive.text.markdown import plain_paragraphs

from . import htmlcheck
from .site import Built, build, corpus, glossary, source_of

ESCAPING = "issue 9 item 1: one escaping boundary, Markdown and glossary bodies sanitised (nh3)"
ONE_LINE = "issue 9 item 2: every error is one message naming the file, never a traceback"


@dataclass(frozen=True)
class Case:
    outcome: str  # "published", "warned" (published, and one warning names it) or "reported"
    xfail: dict[str, str] = field(default_factory=dict)  # check -> reason


P, W, R = "published", "warned", "reported"
CASES: dict[str, Case] = {
    "raw-headline-script.txt": Case(P),
    "raw-headline-handlers.txt": Case(P),
    "raw-webcopy-section.txt": Case(P),
    "raw-webcopy-caption-credit.txt": Case(P),
    "raw-webcopy-lede.txt": Case(P),
    "raw-body-markdown-links.txt": Case(P),
    "raw-body-raw-html.txt": Case(P),
    "raw-byline-credits-notes.txt": Case(P),
    "raw-dateline.txt": Case(P),
    "raw-url-schemes.txt": Case(P),
    "raw-markdown-breakout.txt": Case(P),
    "raw-iptc-envelope.txt": Case(P),
    "raw-fm-title-summary.txt": Case(P),
    "raw-fm-image-quotes.txt": Case(P),
    "raw-fm-events-sources-rubric.txt": Case(P),
    "raw-entity-encoded.txt": Case(P),
    "raw-mentions-hostile-glossary.txt": Case(P),
    "raw-encoding-cp1252.txt": Case(P),
    "raw-encoding-utf16.txt": Case(P),
    "raw-encoding-mixed.txt": Case(P),
    "raw-encoding-lying-bom.txt": Case(R),
    "raw-encoding-utf16-lying.txt": Case(R),
    "raw-binary-nul.txt": Case(R),
    "raw-same-dispatch-1.txt": Case(P),
    "raw-same-dispatch-2.txt": Case(R),
    "raw-slug-traversal.txt": Case(R),
    "raw-slug-absolute.txt": Case(R),
    "raw-slug-windows.txt": Case(R),
    "raw-slug-nul.txt": Case(R),
    "raw-yaml-python-tag.txt": Case(R),
    "raw-yaml-bomb.txt": Case(R),
    "raw-yaml-huge-number.txt": Case(R),
    "raw-yaml-wrong-type.txt": Case(R),
    "raw-fm-event-date.txt": Case(R),
    "raw-date-impossible.txt": Case(R),
    "md-link-javascript.md": Case(P),
    "md-link-scheme-variants.md": Case(P),
    "md-images.md": Case(P),
    "md-reference-links.md": Case(P),
    "md-autolinks.md": Case(P),
    "md-raw-html.md": Case(P),
    "md-html-comments.md": Case(P),
    "md-svg-mathml.md": Case(P),
    "md-attr-list.md": Case(P),
    "md-markdown-breakout.md": Case(P),
    "md-frontmatter-fields.md": Case(P),
    "md-title-nul.md": Case(W),
    "md-date-basic-time.md": Case(P),
    "md-yaml-python-name.md": Case(R),
    "md-wrong-type-title.md": Case(R),
    "md-date-impossible.md": Case(R),
    "glossary/scriptor.md": Case(P),
    "glossary/maliciel.md": Case(P),
    "glossary/rawbody.md": Case(P),
    "glossary/ampersand-medias.md": Case(P),
    "glossary/control-name.md": Case(W),
    "glossary/bad-yaml-tag.md": Case(R),
    "glossary/bad-bomb.md": Case(R),
    "glossary/BadId.md": Case(R),
    "glossary/bad-type.md": Case(R),
}
TINY_COUNT, TINY_GOOD = 10_000, 1_000
TIME_BUDGET = 120  # seconds, for each command of a build


def corpus_files() -> dict[str, bytes]:
    return corpus() | {f"glossary/{name}": data for name, data in glossary().items()}


def cases(check: str, *outcomes: str) -> list:
    """The cases of `outcomes` (all when none is given) that a check applies to, each carrying
    the xfail mark of that check if it has one."""
    params = []
    for name, case in CASES.items():
        if outcomes and case.outcome not in outcomes:
            continue
        marks = []
        if check in case.xfail:
            marks.append(pytest.mark.xfail(strict=True, reason=case.xfail[check]))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


# ----------------------------------------------------------------------------- tiny files


TINY_KINDS = {  # the last digit of a tiny file's number -> what it holds
    0: "good",
    1: "empty",
    2: "empty",
    3: "empty",
    4: "blank",
    5: "blank",
    6: "headline only",
    7: "headline only",
    8: "headline only",
    9: "NUL byte",
}


def tiny_files() -> dict[str, bytes]:
    """10,000 tiny files: 1,000 good one-paragraph dispatches, 9,000 bad in four ways."""
    files: dict[str, bytes] = {}
    for number in range(TINY_COUNT):
        path = f"articles/2025/07/tiny/{number // 1000}/t{number:05d}.txt"
        files[path] = {
            "good": (
                f"Tiny dispatch number {number}\n\n"
                f"ZURICH, July 1, 2025 (Reuters) - Tiny body number {number} <b>bold</b>.\n"
            ).encode(),
            "empty": b"",
            "blank": b" \n\t\n",
            "headline only": f"Only a headline {number}\n".encode(),
            "NUL byte": b"\x00",
        }[TINY_KINDS[number % 10]]
    return files


# ----------------------------------------------------------------------------- builds


@pytest.fixture(scope="module")
def main(tmp_path_factory) -> Built:
    """The corpus and the 10,000 tiny files, built and checked once for this module."""
    files = corpus_files()
    articles = {n: d for n, d in files.items() if not n.startswith("glossary/")}
    entities = {n.removeprefix("glossary/"): d for n, d in files.items() if n not in articles}
    try:
        return build(
            tmp_path_factory.mktemp("hostile"), articles, entities, tiny_files(), TIME_BUDGET
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"a command took over {exc.timeout:.0f} s: {' '.join(exc.cmd)}")


# ----------------------------------------------------------------------------- expectations

FURNITURE = re.compile(
    r"^(?:\d{1,2}\.\d{1,2}\.\d{4}(?: - |, )\d{1,2}:\d{2}"  # web-copy timestamps
    r"|ATS|Keystone-ATS|Keystone-SDA|SDA|AFP|Reuters|dpa|AP"  # agency lines (shown as sources)
    r"|\d{6} GMT \w{3} \d{2})$"  # IPTC filing-time trailer
)
HEADER = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\b")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def decoded_lines(data: bytes) -> list[str]:
    """The lines of a file as a person reads them: UTF-16 by its BOM, else each line in UTF-8
    or, failing that, Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return (
            data.decode("utf-16", errors="replace")
            .replace("\r\n", "\n")
            .replace("\r", "\n")
            .split("\n")
        )
    lines = []
    for raw in data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"):
        try:
            lines.append(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return lines


def split_front_matter(lines: list[str]) -> tuple[dict, list[str]]:
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = 1 + [line.strip() for line in lines[1:]].index("---")
        return yaml.safe_load("\n".join(lines[1:end])) or {}, lines[end + 1 :]
    return {}, lines


def _text(value: str) -> str:
    return " ".join(CONTROLS.sub("", value).split())


def expected_texts(name: str, data: bytes) -> list[str]:
    """What the page of a good file must show as text, computed from the file alone.

    Raw dispatch: every line, but for page furniture (timestamps, agency lines and the
    web-copy header's date and digest section: metadata, in the page's front matter), with the
    rubric cut from the headline; the parsed headline when front matter replaces it. Curated article and
    glossary body: its paragraphs as plain text, but for those with HTML, images, code,
    reference definitions or attribute lists (the markup tests check them). All: the front
    matter's title, summary, rubric, sources, photo, name and description.
    """
    values, body = split_front_matter(decoded_lines(data))
    texts = []
    for key in ("title", "summary", "rubric", "name", "description"):
        if isinstance(values.get(key), str):
            texts.append(values[key])
    texts += [s for s in values.get("sources", []) if isinstance(s, str)]
    if isinstance(values.get("image"), dict):
        texts += [values["image"].get("caption") or "", values["image"].get("credit") or ""]
    if name.endswith(".md"):
        for block in re.split(r"\n\s*\n", "\n".join(body)):
            if not any(mark in block for mark in ("<", "![", "{:", "`", "]:")):
                texts += [text for text, _ in plain_paragraphs(block)]
        return [t for t in map(_text, texts) if t]
    first_block = True
    for raw in body:
        line = _text(raw).rstrip("= ").strip("() ")
        if not line:
            first_block = False
            continue
        if first_block and "title" in values:
            continue  # the parsed headline, replaced by the front matter's
        if FURNITURE.match(line):
            continue
        if HEADER.match(line):
            continue  # the date and the digest section: metadata, not shown on the page
        for rubric in DEFAULT_RUBRICS:
            if line.startswith(rubric + " "):
                line = line[len(rubric) + 1 :]
                break
        if line:
            texts.append(line)
    return [t for t in map(_text, texts) if t]


def page_of(built: Built, name: str) -> str | None:
    """The path in the site of the page made from case `name`, if there is one."""
    if name.startswith("glossary/"):
        path = f"entities/{Path(name).stem}/index.html"
        return path if path in built.pages else None
    return built.article_pages.get(source_of(name))


# ----------------------------------------------------------------------------- the corpus


def test_the_corpus_is_documented_and_every_file_has_a_case():
    files = set(corpus_files())
    assert files == set(CASES), "a corpus file without a case, or a case without its file"
    assert len(files) >= 40
    for name in files:
        assert Path(name).name in __doc__, f"{name} is not described in the module docstring"
    for name, data in corpus_files().items():
        assert len(data) < 4096, f"{name}: committed fixtures stay small"


# ----------------------------------------------------------------------------- the build


def test_strict_build_fails_on_the_corpus_and_the_plain_build_finishes(main):
    assert main.strict.returncode != 0, "mkdocs build --strict passed on the hostile corpus"
    assert "Traceback" not in main.strict.stderr, main.strict.stderr[-3000:]
    assert main.build.returncode == 0, main.build.stderr[-3000:]
    assert "Traceback" not in main.build.stderr
    assert (main.site / "index.html").is_file()


def test_check_exits_non_zero_and_prints_no_traceback(main):
    assert main.check.returncode == 1, main.check.stderr[-3000:]
    assert "Traceback" not in main.check.stderr


def test_nothing_is_written_outside_site_and_cache(main):
    assert main.written_outside() == []
    assert main.canaries == [], "a hostile file wrote outside the site"
    assert (main.root / ".cache").is_dir() and main.site.is_dir()


@pytest.mark.parametrize("name", cases("reported", R, W))
def test_a_bad_file_is_reported_once_by_the_build_and_by_check(main, name):
    source = source_of(name)
    assert main.build.returncode == 0, main.build.stderr[-3000:]
    assert len(main.warnings_naming(source)) == 1, main.warnings_naming(source)
    assert len(main.check_lines_naming(source)) == 1, main.check.stdout[-3000:]
    if CASES[name].outcome == W:
        assert ": warning: " in main.warnings_naming(source)[0]
    assert main.check.returncode == 1


@pytest.mark.parametrize("name", cases("published", P, W))
def test_a_good_file_is_published_with_every_paragraph(main, name):
    source = source_of(name)
    assert main.build.returncode == 0, main.build.stderr[-3000:]
    if CASES[name].outcome == P:
        assert main.warnings_naming(source) == []
        assert main.check_lines_naming(source) == []
    page = page_of(main, name)
    assert page is not None, f"no page made from {source}"
    shown = htmlcheck.visible_text(main.pages[page])
    missing = [text for text in expected_texts(name, corpus_files()[name]) if text not in shown]
    assert missing == [], f"not shown on {page}"


@pytest.mark.parametrize("name", cases("markup"))
def test_the_page_of_a_file_carries_no_markup_from_it(main, baseline, name):
    built = main
    assert built.build.returncode == 0, built.build.stderr[-3000:]
    page = page_of(built, name)
    if page is None:
        assert CASES[name].outcome == R, f"no page made from {name}"
        return
    assert htmlcheck.findings(built.pages[page], baseline) == [], page


# Character references that the corpus itself writes as text (raw-entity-encoded.txt): shown
# as text, they are the input; any other is text escaped twice (`&amp;` for `&`).
CORPUS_TEXT = "\n".join("\n".join(decoded_lines(d)) for d in corpus_files().values())
ESCAPED_TWICE = re.compile(r"&(?:amp|quot|apos|lt|gt|#\d+|#x[0-9a-f]+);", re.I)


def escaped_twice(built: Built, path: str, input_text: str = "") -> list[str]:
    """Character references seen as text on a page (its title and its visible text) that the
    input did not write as text itself: text escaped twice."""
    document = built.pages[path]
    titles = [htmlcheck.visible_text(t) for t in htmlcheck.elements(document, "title")]
    attributes = [
        v
        for e in document.iter()
        if isinstance(e.tag, str)
        for k, v in e.attrib.items()
        if htmlcheck.local_name(k) in ("title", "alt", "aria-label", "content")
    ]
    seen = [htmlcheck.visible_text(document), *titles, *attributes]
    written = set(ESCAPED_TWICE.findall(input_text))
    return sorted({ref for text in seen for ref in ESCAPED_TWICE.findall(text)} - written)


@pytest.mark.parametrize("name", cases("escaped once"))
def test_the_page_of_a_file_shows_its_text_escaped_once(main, name):
    built = main
    assert built.build.returncode == 0, built.build.stderr[-3000:]
    page = page_of(built, name)
    if page is None:
        assert CASES[name].outcome == R, f"no page made from {name}"
        return
    assert escaped_twice(built, page, CORPUS_TEXT) == [], page


def other_pages(built: Built) -> list[str]:
    made = {page_of(built, name) for name in CASES}
    return [p for p in built.pages if p not in made and not p.startswith("2025/07/tiny")]


def test_listing_and_index_pages_carry_no_markup_from_input(main, baseline):
    found = {
        path: htmlcheck.findings(main.pages[path], baseline)
        for path in other_pages(main)
        if htmlcheck.findings(main.pages[path], baseline)
    }
    assert found == {}


def test_listing_and_index_pages_show_text_escaped_once(main):
    found = {
        path: refs for path in other_pages(main) if (refs := escaped_twice(main, path, CORPUS_TEXT))
    }
    assert found == {}


FEEDS = {
    "feed.xml": htmlcheck.rss_findings,
    "feed.json": htmlcheck.json_feed_findings,
    "entities/*/feed.xml": htmlcheck.rss_findings,
    "entities/*/feed.json": htmlcheck.json_feed_findings,
    "**/timeline.json": htmlcheck.timelinejs_findings,
}


@pytest.mark.parametrize("pattern", FEEDS)
def test_feeds_and_timeline_exports_carry_no_markup_from_input(main, pattern):
    paths = sorted(main.site.glob(pattern))
    assert paths, f"no {pattern} in the site"
    read = FEEDS[pattern]
    found = {
        path.relative_to(main.site).as_posix(): read(
            path.read_bytes() if pattern.endswith(".xml") else path.read_text(encoding="utf-8")
        )
        for path in paths
    }
    assert {path: f for path, f in found.items() if f} == {}


# ----------------------------------------------------------------------------- scale


@pytest.mark.parametrize("kind", dict.fromkeys(TINY_KINDS.values()))
def test_ten_thousand_tiny_files_are_each_published_or_reported_once(main, kind):
    files = tiny_files()
    assert len(files) == TINY_COUNT
    chosen = [p for p in files if TINY_KINDS[int(Path(p).stem[1:]) % 10] == kind]
    reported: dict[str, int] = {}
    for line in main.build.stderr.splitlines():
        if line.startswith("WARNING") and (
            match := re.search(r"articles/2025/07/tiny/\S+?\.txt", line)
        ):
            reported[match.group()] = reported.get(match.group(), 0) + 1
    if kind != "good":
        counts = {path: reported.get(path, 0) for path in chosen}
        assert {p: n for p, n in counts.items() if n != 1} == {}
        return
    assert len(chosen) == TINY_GOOD
    assert not set(chosen) & set(reported)
    for path in chosen:
        page = main.article_pages.get(path)
        assert page is not None, f"{path} is not published"
        number = int(Path(path).stem[1:])
        assert f"Tiny body number {number} <b>bold</b>." in htmlcheck.visible_text(main.pages[page])


# ----------------------------------------------------------------------------- 50 MB


def huge_dispatch(size: int = 50_000_000) -> bytes:
    """50 MB of good paragraphs under one headline: several dispatches pasted into one file?"""
    paragraph = (
        "GENEVA, June 3, 2025 (Reuters) - The chipmaker said on Tuesday it would build a "
        "plant, <script>alert(1)</script> and hire engineers in September.\n\n"
    )
    return ("A dispatch of fifty megabytes\n\n" + paragraph * (size // len(paragraph))).encode()


def test_a_50_mb_file_is_reported_once_and_not_published_and_quickly(tmp_path_factory):
    data = huge_dispatch()
    assert len(data) >= 50_000_000
    good = corpus_files()["raw-headline-script.txt"]
    try:
        built = build(
            tmp_path_factory.mktemp("huge"),
            {"huge-50mb.txt": data, "raw-headline-script.txt": good},
            {},
            timeout=60,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"a command took over {exc.timeout:.0f} s on a 50 MB file: {exc.cmd}")
    source = source_of("huge-50mb.txt")
    assert built.strict.returncode != 0
    assert built.build.returncode == 0, built.build.stderr[-3000:]
    assert len(built.warnings_naming(source)) == 1, built.warnings_naming(source)
    assert len(built.check_lines_naming(source)) == 1 and built.check.returncode == 1
    assert source not in built.article_pages
    assert source_of("raw-headline-script.txt") in built.article_pages
    site_bytes = sum(p.stat().st_size for p in built.site.rglob("*") if p.is_file())
    assert site_bytes < 20_000_000, f"the site is {site_bytes / 1e6:.0f} MB"
    assert built.written_outside() == []


# ----------------------------------------------------------------------------- bad glossary


def test_a_glossary_of_bad_entries_only_is_reported(tmp_path_factory):
    files = corpus_files()
    bad = [n for n, case in CASES.items() if n.startswith("glossary/") and case.outcome == R]
    entities = {n.removeprefix("glossary/"): files[n] for n in bad}
    articles = {"raw-mentions-hostile-glossary.txt": files["raw-mentions-hostile-glossary.txt"]}
    built = build(tmp_path_factory.mktemp("bad-glossary"), articles, entities, timeout=60)
    assert built.build.returncode == 0, built.build.stderr[-3000:]
    for name in bad:
        assert len(built.warnings_naming(source_of(name))) == 1, name
        assert len(built.check_lines_naming(source_of(name))) == 1, name
    assert built.check.returncode == 1
