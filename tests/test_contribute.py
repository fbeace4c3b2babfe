"""`wirearchive add`: pasted dispatches stored where the site expects them, or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, wirearchive, write_site
from wirearchive.article import load
from wirearchive.contribute import add, date_line, known_dispatches, stored_text, text_fingerprint
from wirearchive.dispatch import ParseOptions
from wirearchive.project import Project

INPUTS = FIXTURES / "contribute"
WEB_COPY = "articles/2026/03/le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions.txt"


@pytest.fixture
def site(tmp_path) -> Path:
    return write_site(
        tmp_path,
        {
            "2025/10/existing.txt": (INPUTS / "web-copy.txt")
            .read_text(encoding="utf-8")
            .replace("14.3.2026", "6.10.2025")
            .replace("2026-03-14", "2025-10-06")
            .replace("Chipwerk", "Halbwerk")
        },
    )


def text(name: str) -> str:
    return (INPUTS / name).read_text(encoding="utf-8")


def test_a_pasted_dispatch_is_stored_by_date_and_headline(site):
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    result = wirearchive("add", "-", cwd=site, stdin=text("web-copy.txt"))
    assert result.returncode == 0, result.stderr
    stored = site / WEB_COPY
    # nothing written but the dispatch, in the articles folder (no cache either)
    after = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert sorted(set(after) - set(before)) == ["articles/2026", "articles/2026/03", WEB_COPY]
    assert stored.read_text(encoding="utf-8") == text("web-copy.txt")
    assert (
        f"added {WEB_COPY} -> page 2026/03/le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions/"
        in result.stdout
    )
    # What was understood, as `show` prints it.
    assert (
        "title: Le fabricant de puces zurichois Chipwerk lève 40 millions de francs"
        in result.stdout
    )
    assert "date: '2026-03-14T09:12:00+01:00'" in result.stdout
    assert "rubric: Économie" in result.stdout
    assert f"source_file: {WEB_COPY}" in result.stdout
    check = wirearchive("check", cwd=site)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "2 dispatches published, 0 errors, 0 warnings" in check.stderr


def test_the_same_dispatch_is_refused_naming_the_file_that_has_it(site):
    assert wirearchive("add", "-", cwd=site, stdin=text("web-copy.txt")).returncode == 0
    # Pasted again from another page: other line ends, spacing and case, a front matter block.
    again = "---\nlanguage: fr\n---\n" + text("web-copy.txt").upper().replace("\n", "\r\n").replace(
        " ", "  "
    )
    result = wirearchive("add", "-", cwd=site, stdin=again)
    assert result.returncode == 1
    assert f"the same dispatch is already in the archive: {WEB_COPY}" in result.stderr
    assert sorted(p.name for p in (site / "articles/2026/03").iterdir()) == [Path(WEB_COPY).name]


def test_a_dispatch_without_a_date_is_refused_with_the_date_line_to_add(site):
    result = wirearchive("add", "-", cwd=site, stdin=text("undated-wire.txt"))
    assert result.returncode == 1
    assert (
        "<stdin>:3: error: no date found (the dateline has `March 20` but no year)" in result.stderr
    )
    assert "not added: without a date it has no place in the archive" in result.stderr
    assert '---\ndate: YYYY-03-20T00:00  # the dateline says "March 20"' in result.stderr
    assert not list((site / "articles").rglob("*chipwerk*"))
    # Following the advice: the same text with the date line on top is accepted.
    dated = "---\ndate: 2026-03-20T07:45+08:00\n---\n" + text("undated-wire.txt")
    result = wirearchive("add", "-", cwd=site, stdin=dated)
    assert result.returncode == 0, result.stderr
    assert "added articles/2026/03/chipwerk-opens-design-centre-in-taipei.txt" in result.stdout
    assert "date: '2026-03-20T00:45:00+01:00'" in result.stdout  # shown in the site's time zone


def test_a_dispatch_without_a_headline_gets_the_title_line(site):
    body = text("undated-wire.txt").split("\n\n", 1)[1]
    result = wirearchive("add", "-", cwd=site, stdin="---\ndate: 2026-03-20\n---\n" + body)
    assert "title: <the headline, as published>" in result.stderr
    assert "error: no headline found" in result.stderr
    assert result.returncode == 1


def test_same_headline_same_month_gets_the_next_free_name_and_slug(site):
    first = wirearchive(
        "add", str(INPUTS / "web-copy.txt"), str(INPUTS / "same-headline.txt"), cwd=site
    )
    assert first.returncode == 0, first.stderr
    second_file = WEB_COPY.replace(".txt", "-2.txt")
    assert (site / second_file).is_file()
    assert (
        f"added {second_file} -> page 2026/03/le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions-2/"
        in first.stdout
    )


def test_a_file_already_inside_the_archive_is_moved_to_its_place(site):
    dropped = site / "articles" / "new.txt"
    dropped.write_text(text("web-copy.txt"), encoding="utf-8")
    result = wirearchive("add", "articles/new.txt", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not dropped.exists()
    assert (site / WEB_COPY).is_file()


def test_the_same_text_twice_in_one_run_is_stored_once(site):
    result = wirearchive(
        "add", str(INPUTS / "web-copy.txt"), str(INPUTS / "web-copy.txt"), cwd=site
    )
    assert result.returncode == 1
    assert result.stdout.count("added ") == 1
    assert f"already in the archive: {WEB_COPY}" in result.stderr


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.replace("\n", "\r\n").encode("utf-8-sig"),
        lambda s: s.encode("utf-16"),
        lambda s: s.replace("\n", "\r").encode("cp1252"),
    ],
    ids=["utf-8 BOM CRLF", "utf-16", "cp1252 CR"],
)
def test_stored_text_is_utf8_with_line_feeds(encode):
    assert stored_text(encode(text("web-copy.txt"))) == text("web-copy.txt")


def test_fingerprint_is_that_of_the_archive(site):
    known = known_dispatches(site, "articles")
    assert list(known.values()) == ["articles/2025/10/existing.txt"]
    existing = (site / "articles/2025/10/existing.txt").read_bytes()
    assert text_fingerprint(existing) in known
    assert (
        text_fingerprint(existing)
        == load(existing, "articles/2025/10/existing.txt", ParseOptions()).article.fingerprint
    )
    assert text_fingerprint(b"---\ntitle: x\n---\n" + existing) in known


def test_add_in_process_updates_the_known_fingerprints(site):
    known = known_dispatches(site, "articles")
    project = Project(site, site / "docs")
    added = add(text("web-copy.txt").encode(), "-", project, known=known)
    assert added.stored == WEB_COPY
    assert known[added.loaded.article.fingerprint] == WEB_COPY


@pytest.mark.parametrize(
    "dateline, line",
    [
        ("Feb 1", "date: YYYY-02-01T00:00"),
        ("1er février", "date: YYYY-02-01T00:00"),
        (None, "date: YYYY-MM-DDTHH:MM"),
    ],
)
def test_date_line(dateline, line):
    assert date_line(dateline).startswith(line)


def test_dry_run_says_where_it_would_go_and_writes_nothing(site):
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    result = wirearchive("add", "--dry-run", "-", cwd=site, stdin=text("web-copy.txt"))
    assert result.returncode == 0, result.stderr
    assert f"would add {WEB_COPY} -> page 2026/03/" in result.stdout
    assert "title: Le fabricant de puces zurichois Chipwerk" in result.stdout
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before


def test_date_option_dates_a_dispatch_that_gives_none(site):
    result = wirearchive(
        "add", "--date", "2026-02-01T08:30", "-", cwd=site, stdin=text("undated-wire.txt")
    )
    assert result.returncode == 0, result.stderr
    stored = next(site.glob("articles/2026/02/*.txt"))
    assert stored.read_text(encoding="utf-8").startswith("---\ndate: 2026-02-01T08:30\n---\n")
    bad = wirearchive("add", "--date", "2026-02-31", "-", cwd=site, stdin=text("undated-wire.txt"))
    assert bad.returncode == 2 and "is not a date" in bad.stderr


def test_add_prints_what_show_prints(site):
    (site / "docs" / "entities").mkdir()
    (site / "docs" / "entities" / "chipwerk.md").write_text(
        "---\nname: Chipwerk\ntype: company\n---\n", encoding="utf-8"
    )
    added = wirearchive("add", "-", cwd=site, stdin=text("web-copy.txt"))
    assert added.returncode == 0, added.stderr
    shown = wirearchive("show", WEB_COPY, cwd=site)
    assert "entities:\n- chipwerk\n" in shown.stdout
    assert added.stdout.split("\n", 1)[1] == shown.stdout
