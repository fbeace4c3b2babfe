"""`mkdocs build --dirty` (what `mkdocs serve --dirty` runs on each change, site/dirty.py):
the archive's unchanged pages are left as they are in site/, the rest is built, and site/ is
then what a clean build of the same archive gives, byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess

from ..conftest import mkdocs_build
from .test_page_cache import tree
from .test_pages import by_class, parse, text_of

EDITED = "articles/2025/10/qualcomm-rachete-l-italien-arduino.txt"
REMOVED = "articles/2025/11/google-lance-gemini-3-son-modele-d-ia-le-plus-avance.txt"


def dirty_build(root) -> subprocess.CompletedProcess:
    """`mkdocs build --dirty`, not strict: MkDocs warns of every dirty build."""
    return mkdocs_build(root, "--dirty", strict=False)


def unchanged(log: str) -> tuple[int, int]:
    found = re.search(r"dirty build: ([\d,]+) of ([\d,]+) pages unchanged", log)
    assert found, log[-3000:]
    return int(found[1].replace(",", "")), int(found[2].replace(",", ""))


def mtimes(site) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_a_dirty_build_writes_only_changed_pages_and_gives_the_clean_build(demo_copy, tmp_path):
    site = demo_copy / "site"
    first = mkdocs_build(demo_copy)
    assert first.returncode == 0, first.stderr[-3000:]
    removed_page = next(site.glob("2025/11/google-lance-gemini-3*/index.html"))
    removed_raw = next(removed_page.parent.glob("*.txt"))
    edited_page = next(site.glob("2025/10/qualcomm-*/index.html"))

    # Nothing changed: no page of the archive is read or written again.
    before = mtimes(site)
    again = dirty_build(demo_copy)
    assert again.returncode == 0, again.stderr[-3000:]
    count, pages = unchanged(again.stderr)
    assert pages > count > 50
    after = mtimes(site)
    left = [path for path in before if after[path] == before[path]]
    assert len(left) == count  # exactly the unchanged pages were not written
    assert edited_page.relative_to(site).as_posix() in left

    # An edited dispatch, a new one (the newest: the home page, a hand-written page whose
    # template reads the archive, lists it), and one removed.
    edited = demo_copy / EDITED
    edited.write_text(edited.read_text("utf-8").replace("bon marché", "peu coûteuse", 1), "utf-8")
    (demo_copy / "articles/2025/11/added.txt").write_text(
        "Un nouveau venu dans l'archive\n\nGenève, 28 novembre 2025 (Keystone-ATS) - Nvidia a "
        "annoncé vendredi un nouvel accord avec Logitech, selon un communiqué.\n",
        "utf-8",
    )
    (demo_copy / REMOVED).unlink()
    dirty = dirty_build(demo_copy)
    assert dirty.returncode == 0, dirty.stderr[-3000:]
    count, pages = unchanged(dirty.stderr)
    assert 0 < count < pages
    assert not removed_page.exists() and not removed_raw.exists()
    assert "peu coûteuse" in edited_page.read_text("utf-8")
    assert edited_page.stat().st_mtime_ns > after[edited_page.relative_to(site).as_posix()]
    assert "Un nouveau venu dans l&#39;archive" in (site / "index.html").read_text("utf-8")

    clean = tmp_path / "clean"
    shutil.copytree(demo_copy, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(site) == tree(clean / "site")


def test_a_page_whose_build_logged_a_warning_is_built_again(demo_copy):
    """A page that logged a warning is not recorded, so the next dirty build builds it and
    logs the warning again, as a strict build must see it each time."""
    entity = demo_copy / "docs/entities/abb.md"
    entity.write_text(entity.read_text("utf-8") + "\nVoir [la fiche](missing.md).\n", "utf-8")
    assert mkdocs_build(demo_copy).returncode != 0
    for _ in range(2):
        again = dirty_build(demo_copy)
        assert "missing.md" in again.stderr, again.stderr[-3000:]


def test_an_edit_to_a_dispatchs_text_builds_again_only_the_pages_showing_it(tmp_path):
    """Pages that link to a dispatch (timeline entries, neighbours, related ones) are keyed
    by what they show of it, and an agency's, a language's or a month's listing by its number
    of dispatches: more text in one dispatch builds again its page and the lists showing its
    lede, not every page of its agency, language, month and timelines."""
    from .test_workers import synthetic

    root = synthetic(tmp_path / "edited", 1)
    site = root / "site"
    assert mkdocs_build(root).returncode == 0
    dispatch = sorted((root / "articles").rglob("*.txt"))[75]
    page = next(
        p.parent.name
        for p in site.glob(f"{dispatch.parent.parent.name}/{dispatch.parent.name}/*/dispatch.txt")
        if p.read_text("utf-8").strip() == dispatch.read_text("utf-8").strip()
    )
    before = mtimes(site)
    dispatch.write_text(
        dispatch.read_text("utf-8").rstrip("\n") + " Une phrase de plus.\n", "utf-8"
    )
    dirty = dirty_build(root)
    assert dirty.returncode == 0, dirty.stderr[-3000:]
    rebuilt = {path for path, mtime in mtimes(site).items() if before.get(path) != mtime}
    hand_written = {f"entities/{p.stem}/index.html" for p in (root / "docs/entities").glob("*.md")}
    in_nav = {f"{s}index.html" for s in ("", "archive/", "timeline/", "entities/", "sources/")}
    in_nav |= {"search/index.html", "404.html"}
    assert any(page in path for path in rebuilt)  # its own page
    others = sorted(rebuilt - hand_written - in_nav)
    assert others and [p for p in others if f"/{page}/" not in (site / p).read_text("utf-8")] == []
    assert len(others) <= 10, others
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(site) == tree(clean / "site")


def year_counts(page) -> dict[str, int]:
    """The years a timeline's page links to, with their counts of events."""
    (filters,) = by_class(parse(page), "wa-filters")
    counts = {}
    for item in filters.iter("li"):
        count = by_class(item, "wa-count")
        if count and re.fullmatch(r"\d{4}", text_of(item).split()[0]):
            counts[text_of(item).split()[0]] = int(text_of(count[0]).strip("()"))
    return counts


def test_an_event_added_builds_again_the_timeline_of_its_year_from_where_it_goes_in(tmp_path):
    """A timeline's pages after its first show neither the years and busiest entities with
    their counts of events nor its total: on every page, one event more changed every page of
    every year's timeline. Now the first pages, and those of its year from the event on."""
    from .test_workers import synthetic

    root = synthetic(tmp_path / "event", 1)
    site = root / "site"
    assert mkdocs_build(root).returncode == 0
    before = mtimes(site)
    later = {p for p in before if re.fullmatch(r"timeline/\d{4}/page/\d+/index\.html", p)}
    years = {p.split("/")[1] for p in later}
    year = min(y for y in years if f"timeline/{y}/page/3/index.html" in later)
    assert len(years) >= 3  # timelines of several pages, in several years
    counted = year_counts(site / "timeline" / "index.html")
    # a new dispatch of late November, reporting one event of early November
    (root / "articles" / year / "11").mkdir(exist_ok=True)
    (root / "articles" / year / "11" / "added.txt").write_text(
        f"---\ndate: {year}-11-28T10:00:00\n---\nUn accord de plus\n\nGenève (Keystone-ATS) - "
        f"Le groupe a confirmé le 2 novembre {year} un accord avec ses fournisseurs.\n",
        "utf-8",
    )
    dirty = dirty_build(root)
    assert dirty.returncode == 0, dirty.stderr[-3000:]
    # the event was added: /timeline/ counts one more in its year, as does its first page
    assert year_counts(site / "timeline" / "index.html") == {**counted, year: counted[year] + 1}
    assert year_counts(site / "timeline" / year / "index.html")[year] == counted[year] + 1
    rebuilt = {path for path, mtime in mtimes(site).items() if before.get(path) != mtime}
    last = max(int(p.split("/")[3]) for p in later if p.startswith(f"timeline/{year}/"))
    assert sorted(rebuilt & later) == [f"timeline/{year}/page/{last}/index.html"]
    assert "Un accord de plus" in (site / f"timeline/{year}/page/{last}/index.html").read_text(
        "utf-8"
    )
    # a later page links to every year without counts, and gives no total
    two = parse(site / "timeline" / year / "page" / "2" / "index.html")
    (filters,) = by_class(two, "wa-filters")
    assert by_class(filters, "wa-count") == []
    assert years - {year} <= {text_of(a) for a in filters.iter("a")}
    (numbers,) = [text_of(p) for p in by_class(two, "wa-pagination")[0].iter("p")]
    assert numbers == "Événements 101 à 200"
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(site) == tree(clean / "site")


def test_a_new_dispatch_builds_again_the_newest_page_of_its_lists_alone(tmp_path):
    """A list of dispatches (an agency's, a language's, a month's, an entity's) is newest
    first with its pages numbered from the oldest (browse.paginate_newest): a dispatch added
    at its newest end changes the list's own address, not its numbered pages. Numbered from
    the newest, each of them moved by one dispatch, and a dirty build rendered every page of
    the agency's and the language's lists again (178 and 121 pages at 10,000 dispatches)."""
    from .test_workers import synthetic

    root = synthetic(tmp_path / "lists", 1)
    site = root / "site"
    assert mkdocs_build(root).returncode == 0
    before = mtimes(site)
    numbered = {p for p in before if "/page/" in p and "timeline" not in p}
    assert any(p.startswith("sources/keystone-sda/page/") for p in numbered)
    listed = text_of(by_class(parse(site / "sources/keystone-sda/index.html"), "wa-up")[0])
    count = int(re.search(r"(\d+) dépêches", listed)[1])
    assert count >= 2 * 50  # a list long enough for a numbered page
    (root / "articles" / "2026" / "01").mkdir(parents=True)
    (root / "articles" / "2026" / "01" / "added.txt").write_text(
        "---\ndate: 2026-01-10T10:00:00+01:00\nsources: [Keystone-SDA]\n---\n"
        "Une dépêche de plus\n\nGenève (Keystone-ATS) - Le groupe a annoncé samedi un "
        "accord avec ses fournisseurs.\n",
        "utf-8",
    )
    dirty = dirty_build(root)
    assert dirty.returncode == 0, dirty.stderr[-3000:]
    rebuilt = {path for path, mtime in mtimes(site).items() if before.get(path) != mtime}
    assert rebuilt & numbered == set()
    newest = parse(site / "sources/keystone-sda/index.html")
    assert f"{count + 1} dépêches" in text_of(by_class(newest, "wa-up")[0])
    assert text_of(by_class(newest, "wa-list__title")[0]) == "Une dépêche de plus"
    # a numbered page says its dates, not its rank in a list that grows
    older = parse(site / "sources/keystone-sda/page/1/index.html")
    (dates,) = [text_of(p) for p in by_class(older, "wa-pagination")[0].iter("p")]
    assert re.fullmatch(r"Dépêches du \d+ \w+ \d{4} au \d+ \w+ \d{4}", dates), dates
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(site) == tree(clean / "site")


def test_mkdocs_serve_holds_its_builds_record_rather_than_writing_it(tmp_path, caplog):
    """`mkdocs serve --dirty` builds into a temporary folder of its own: the record of what its
    last build wrote is held by the plugin, not written under .cache/builds/, and its next
    build still leaves the unchanged pages as they are."""
    import logging

    from ..conftest import served

    with served(tmp_path, dirty=True) as serve:
        serve.build()
        records = serve.root / ".cache" / "builds"
        assert not records.exists() or list(records.iterdir()) == []
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.wirearchive"):
            serve.build()
        kept, pages = unchanged(caplog.text)
        assert 0 < kept < pages  # hand-written pages are always built
        assert not records.exists() or list(records.iterdir()) == []


def _three_dispatches(folder):
    """A site of three of the fixture dispatches, and a function that builds it (clean or
    dirty) in this process after clearing `made`, the list the test's counter fills."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ..conftest import FIXTURES, write_site

    names = ["fr-apple-iphone-air", "fr-anthropic-leve-13-milliards", "de-oracle-aktie-kurssprung"]
    texts = {
        f"2025/09/{name}.txt": (FIXTURES / "dispatches" / f"{name}.txt").read_text("utf-8")
        for name in names
    }
    root = write_site(folder, texts)
    made: list = []

    def run(dirty: bool) -> None:
        made.clear()
        config = load_config(str(root / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=dirty)
        build(config, dirty=dirty)

    return root, made, run


def test_a_dirty_build_neither_makes_nor_rewrites_a_dispatch_file_it_recorded(
    tmp_path, monkeypatch
):
    """The dispatches as delivered (`<page>/<name>.txt`) are recorded with their parse cache
    key and their file's stamp: a dirty build makes again only the edited one's, and rewrites
    a file changed in site/ since (a stamp the last build did not record), however much it
    looks like the old one; site/ is then the clean build's."""
    import os

    from wirearchive.site.generators import articles

    root, made, run = _three_dispatches(tmp_path / "site-root")
    real = articles.raw_file
    monkeypatch.setattr(
        articles, "raw_file", lambda folder, article: made.append(article.source_file) or real(folder, article)
    )  # fmt: skip

    run(dirty=False)
    assert len(made) == 3
    delivered = {p.parent.name: p for p in (root / "site" / "2025").rglob("dispatch.txt")}
    assert len(delivered) == 3
    iphone = next(p for name, p in delivered.items() if "iphone" in name)
    tampered = next(p for name, p in delivered.items() if "anthropic" in name)

    run(dirty=True)
    assert made == []  # nothing changed: none made, none rewritten

    edited = root / "articles" / "2025/09/fr-apple-iphone-air.txt"
    edited.write_text(edited.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    before = tampered.stat()
    data = tampered.read_bytes()
    tampered.write_bytes(data[:-2] + b"!!")  # same size, then the same modification time
    os.utime(tampered, ns=(before.st_atime_ns, before.st_mtime_ns))
    run(dirty=True)
    assert sorted(made) == [
        "articles/2025/09/fr-anthropic-leve-13-milliards.txt",
        "articles/2025/09/fr-apple-iphone-air.txt",
    ]
    assert tampered.read_bytes() == data
    assert "Une phrase de plus." in iphone.read_text("utf-8")

    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(root / "site") == tree(clean / "site")


def test_a_dirty_build_makes_only_the_search_texts_that_changed(tmp_path, monkeypatch):
    """A dispatch's text for the search (`search/text/<hash>.json`) is named by its content's
    hash, kept with its month's analysis: a dirty build makes and writes only the texts of
    edited dispatches, and those missing from site/; site/ is then the clean build's."""
    from wirearchive.search.indexing import Analysed

    root, made, run = _three_dispatches(tmp_path / "site-root")
    real = Analysed.text_file
    monkeypatch.setattr(
        Analysed, "text_file", lambda self, n, keep=False: made.append(real(self, n)) or made[-1]
    )

    run(dirty=False)
    folder = root / "site" / "search" / "text"
    assert len(made) == 3 and len(list(folder.iterdir())) == 3

    run(dirty=True)
    assert made == []  # nothing changed: none made, none rewritten

    edited = root / "articles" / "2025/09/fr-apple-iphone-air.txt"
    edited.write_text(edited.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    run(dirty=True)
    assert len(made) == 1 and "Une phrase de plus." in made[0].decode("utf-8")
    [written] = [p for p in folder.iterdir() if p.read_bytes() == made[0]]

    written.unlink()  # gone from site/: made and written again
    run(dirty=True)
    assert len(made) == 1 and written.read_bytes() == made[0]
    assert len(list(folder.iterdir())) == 3  # the edited one's old text removed

    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(root / "site") == tree(clean / "site")
