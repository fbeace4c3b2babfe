"""The whole archive: duplicates, slugs unique in their month, bad files never crash it."""

import os
import shutil
from pathlib import Path

from wirearchive.archive import read_archive
from wirearchive.dispatch import ParseOptions
from wirearchive.text.slugs import make_slug

from .conftest import FIXTURES

OPTIONS = ParseOptions()
WIRE = "{title}\n\nZURICH, June {day}, 2025 (Reuters) - {text}\n"


def write(root, name, text):
    path = root / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_same_text_pasted_twice_is_an_error_naming_the_first(tmp_path):
    text = WIRE.format(title="Chipmaker raises funds", day=3, text="A Swiss designer raised funds.")
    write(tmp_path, "2025/06/a.txt", text)
    write(tmp_path, "2025/06/b.txt", text.replace("  ", " ") + "\n\n")
    archive = read_archive(tmp_path, "articles", OPTIONS)
    assert len(archive.articles) == 1
    [error] = archive.errors
    assert error.path == "articles/2025/06/b.txt" and "articles/2025/06/a.txt" in error.message


def test_slugs_are_unique_within_a_month_in_date_order(tmp_path):
    for day, name in ((5, "late.txt"), (3, "early.txt"), (4, "middle.txt")):
        write(
            tmp_path,
            f"2025/06/{name}",
            WIRE.format(title="Same headline", day=day, text=f"Text {day}."),
        )
    write(
        tmp_path, "2025/07/other.txt", "Same headline\n\nZURICH, July 1, 2025 (Reuters) - Text.\n"
    )
    archive = read_archive(tmp_path, "articles", OPTIONS)
    slugs = {a.source_file.split("/")[-1]: a.url for a in archive.articles}
    assert slugs == {
        "early.txt": "2025/06/same-headline/",
        "middle.txt": "2025/06/same-headline-2/",
        "late.txt": "2025/06/same-headline-3/",
        "other.txt": "2025/07/same-headline/",
    }
    assert archive.errors == []


def test_two_front_matter_slugs_that_collide_are_an_error(tmp_path):
    for day in (3, 4):
        write(
            tmp_path,
            f"2025/06/{day}.txt",
            "---\nslug: chosen\n---\n"
            + WIRE.format(title=f"Headline {day}", day=day, text="x y z"),
        )
    archive = read_archive(tmp_path, "articles", OPTIONS)
    [error] = archive.errors
    assert "slug `chosen` is already used by articles/2025/06/3.txt" in error.message
    assert sorted(a.slug for a in archive.articles) == ["chosen", "chosen-2"]


def test_articles_are_newest_first(tmp_path):
    for day in (3, 9, 5):
        write(
            tmp_path,
            f"2025/06/{day}.txt",
            WIRE.format(title=f"Headline number {day}", day=day, text=f"Text {day}."),
        )
    archive = read_archive(tmp_path, "articles", OPTIONS)
    assert [a.date.day for a in archive.articles] == [9, 5, 3]


def test_bad_files_are_reported_and_good_ones_still_read(tmp_path):
    shutil.copytree(FIXTURES / "bad", tmp_path / "articles" / "bad")
    write(tmp_path, "2025/06/good.txt", WIRE.format(title="A good dispatch", day=3, text="Fine."))
    big = tmp_path / "articles" / "2025" / "06" / "paste.txt"
    big.write_text(
        WIRE.format(title="Three megabytes", day=4, text="Lorem ipsum dolor sit amet. " * 100_000),
        encoding="utf-8",
    )
    archive = read_archive(tmp_path, "articles", OPTIONS)
    by_file = {}
    for problem in archive.problems:
        by_file.setdefault(problem.path.split("/")[-1], []).append(problem.message)
    assert {
        "empty.txt",
        "whitespace.txt",
        "binary.txt",
        "no-date.txt",
        "no-headline.txt",
        "invalid-yaml.txt",
        "wrong-types.txt",
        "unclosed-frontmatter.txt",
        "xml.txt",
        "paste.txt",
    } <= set(by_file)
    assert any("MB" in m for m in by_file["paste.txt"])
    titles = {a.title for a in archive.articles}
    assert {"A good dispatch", "Three megabytes"} <= titles  # over the limit: error, still read


def test_slugs_are_ascii_and_spell_out_umlauts():
    assert (
        make_slug("Nvidia steigt mit fünf Milliarden bei Intel ein", "de")
        == "nvidia-steigt-mit-fuenf-milliarden-bei-intel-ein"
    )
    assert (
        make_slug("L'économie «résiste» à 5000 milliards", "fr")
        == "l-economie-resiste-a-5000-milliards"
    )
    assert len(make_slug("word " * 40)) <= 60
    assert make_slug("«»") == "dispatch"


def test_parallel_reading_gives_the_same_archive(tmp_path):
    for n in range(12):
        write(
            tmp_path,
            f"2025/06/{n}.txt",
            WIRE.format(title=f"Headline {n} of the day", day=n % 28 + 1, text=f"Text {n}."),
        )
    one = read_archive(tmp_path, "articles", OPTIONS, workers=1)
    from wirearchive import archive as module

    module_threshold, module.PARALLEL_FROM = module.PARALLEL_FROM, 1
    cache = tmp_path / ".cache" / "parse"
    try:
        two = read_archive(tmp_path, "articles", OPTIONS, workers=2, cache_dir=cache)
    finally:
        module.PARALLEL_FROM = module_threshold
    assert [a.metadata() for a in one.articles] == [a.metadata() for a in two.articles]
    assert one.articles == two.articles and one.problems == two.problems
    # sent back as the parse cache's entries: made as from the cache, small values shared
    assert len({id(a.sources) for a in two.articles}) == 1
    assert len({id(a.language) for a in two.articles}) == 1
    again = read_archive(tmp_path, "articles", OPTIONS, workers=2, cache_dir=cache)
    assert again.parsed == 0 and again.articles == two.articles
    assert again.origins.keys() == two.origins.keys()
    assert [d for _, d in again.origins.values()] == [d for _, d in two.origins.values()]


def test_a_file_far_over_the_limit_is_reported_and_not_read(tmp_path):
    huge = tmp_path / "articles" / "2025" / "06" / "huge.txt"
    huge.parent.mkdir(parents=True)
    huge.write_text(WIRE.format(title="Huge", day=4, text="Lorem ipsum. " * 400_000), "utf-8")
    archive = read_archive(tmp_path, "articles", OPTIONS)
    assert archive.articles == []
    [problem] = archive.problems
    assert problem.message.startswith("file is 5.2 MB, over the 1.0 MB limit for one dispatch")


def test_versions_of_a_wire_story_are_one_article(tmp_path):
    first = (FIXTURES / "revisions" / "chipwerk-first.txt").read_text("utf-8")
    second = (FIXTURES / "revisions" / "chipwerk-second.txt").read_text("utf-8")
    write(tmp_path, "2026/03/first.txt", "---\ndate: 2026-03-20T08:00\n---\n" + first)
    write(tmp_path, "2026/03/second.txt", "---\ndate: 2026-03-20T10:30\n---\n" + second)
    archive = read_archive(tmp_path, "articles", OPTIONS)
    (article,) = archive.articles
    assert article.title == "Chipwerk to hire 30 engineers for new Taipei design centre"
    assert article.url == "2026/03/chipwerk-to-open-design-centre-in-taipei/"
    assert article.revision_note == "1ST LEAD"
    assert [r.article.title for r in article.revisions] == [
        "Chipwerk to open design centre in Taipei"
    ]


def test_a_read_in_the_same_process_takes_the_files_it_kept(tmp_path):
    """`mkdocs serve` rebuilds through one plugin: the files its last build read are kept
    (`kept`), and a file whose bytes are unchanged is taken from there, not read back from
    the parse cache; the archive is the one a fresh read gives."""
    for n in range(4):
        write(
            tmp_path,
            f"2025/06/{n}.txt",
            WIRE.format(title=f"Headline {n} of the day", day=n + 1, text=f"Text {n}."),
        )
    cache = tmp_path / "cache"
    kept: dict = {}
    first = read_archive(tmp_path, "articles", OPTIONS, workers=1, cache_dir=cache, kept=kept)
    assert (first.parsed, first.remembered, len(kept)) == (4, 0, 4)

    write(tmp_path, "2025/06/1.txt", WIRE.format(title="Edited headline", day=2, text="New."))
    (tmp_path / "articles/2025/06/3.txt").unlink()
    second = read_archive(tmp_path, "articles", OPTIONS, workers=1, cache_dir=cache, kept=kept)
    assert (second.read, second.parsed, second.remembered, len(kept)) == (3, 1, 2, 3)
    by_file = {a.source_file: a for a in first.articles}
    for article in second.articles:  # the unchanged files' articles are the same objects
        unchanged = article.source_file != "articles/2025/06/1.txt"
        assert (article is by_file[article.source_file]) is unchanged
    fresh = read_archive(tmp_path, "articles", OPTIONS, workers=1, cache_dir=cache)
    assert fresh.remembered == 0
    assert [a.metadata() for a in second.articles] == [a.metadata() for a in fresh.articles]
    assert "Edited headline" in [a.title for a in second.articles]
    assert {f: d for f, (_, d) in second.origins.items()} == {
        f: d for f, (_, d) in fresh.origins.items()
    }


def test_a_read_in_the_same_process_does_not_read_a_file_the_file_system_says_is_unchanged(
    tmp_path, monkeypatch
):
    """With `stamps`, a file whose size, times and inode are those the last read saw is
    taken from `kept` without being read; a file written again is read, even when its
    size and modification time are set back as they were (its change time is not); so is
    every file when the settings change."""
    for n in range(3):
        write(
            tmp_path, f"2025/06/{n}.txt", WIRE.format(title=f"Headline {n}", day=n + 1, text="A.")
        )
    cache = tmp_path / "cache"
    kept: dict = {}
    stamps: dict = {}

    def read(**options):
        return read_archive(
            tmp_path, "articles", OPTIONS, workers=1, cache_dir=cache, kept=kept, stamps=stamps,
            **options,
        )  # fmt: skip

    first = read()
    assert (first.parsed, len(stamps)) == (3, 3)
    opened: list[str] = []
    real = Path.read_bytes

    def spy(path: Path) -> bytes:
        opened.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", spy)
    second = read()
    assert (second.parsed, second.remembered, opened) == (0, 3, [])
    assert [a.metadata() for a in second.articles] == [a.metadata() for a in first.articles]

    edited = tmp_path / "articles/2025/06/1.txt"
    before = edited.stat()
    while edited.stat().st_ctime_ns == before.st_ctime_ns:  # the clock's next tick (~4 ms)
        edited.write_text(WIRE.format(title="Headline X", day=2, text="A."), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert edited.stat().st_size == before.st_size
    third = read()
    assert opened == ["1.txt"] and (third.parsed, third.remembered) == (1, 2)
    assert "Headline X" in [a.title for a in third.articles]
    # Other settings give other keys: every file is read (and parsed) again.
    opened.clear()
    fourth = read(max_bytes=500_000)
    assert sorted(opened) == ["0.txt", "1.txt", "2.txt"] and fourth.parsed == 3


def test_the_dispatches_found_are_those_under_the_folder_in_path_order(tmp_path):
    """Files with a dispatch's suffix, at any depth, in the order of their paths; not hidden
    files, other suffixes, folders named like dispatches, or what a link to a folder holds
    (a link to a file is a file)."""
    from wirearchive.archive import find_sources

    root = tmp_path / "articles"
    wanted = [
        "2025/09/b.txt",
        "2025/09/a.md",
        "2025/10/item.xml",
        "2025/10/item.json",
        "2025/10/deep/er/z.txt",
        ".hidden/inside.txt",  # a hidden folder is walked, as rglob walks it
        "top.txt",
    ]
    for name in [*wanted, "2025/09/.draft.txt", "2025/09/notes.rtf", "2025/09/a.md.bak"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "2025" / "folder.txt").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "outside.txt").write_text("x", encoding="utf-8")
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "2025" / "link.txt").symlink_to(elsewhere / "outside.txt")
    found = [p.relative_to(root).as_posix() for p in find_sources(root)]
    assert found == sorted([*wanted, "2025/link.txt"])
    # what pathlib's rglob gives, which find_sources walked before
    globbed = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.suffix in (".txt", ".md", ".xml", ".json")
        and p.is_file()
        and not p.name.startswith(".")
    )
    assert found == globbed
    assert find_sources(tmp_path / "missing") == []
