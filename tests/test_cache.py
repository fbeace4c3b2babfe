"""The caches: keyed by content, path, settings and code; data, never code; never in the way."""

import json
import pickle
import shutil
import sqlite3
import zlib
from zoneinfo import ZoneInfo

import pytest

from wirearchive import cache as cache_module
from wirearchive.archive import read_archive
from wirearchive.article import from_json, load, to_json
from wirearchive.cache import FileCache, ParseCache
from wirearchive.dispatch import ParseOptions
from wirearchive.entities.annotate import Annotator

from .conftest import FIXTURES, write_site

DATA = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_bytes()


def test_an_article_comes_back_from_json_equal_in_the_site_zone():
    loaded = load(DATA, "articles/2025/09/a.txt", ParseOptions())
    again = from_json(to_json(loaded), ZoneInfo("Europe/Zurich"))
    assert again.article == loaded.article and again.problems == loaded.problems
    assert again.article.date.tzinfo == ZoneInfo("Europe/Zurich")


def test_an_annotated_article_comes_back_from_json_equal(glossary):
    """The events' entities (`Event.about`) come back as the tuple an article is made with,
    not a JSON list: the same article whether parsed or read from the parse cache."""
    loaded = load(DATA, "articles/2025/09/a.txt", ParseOptions(), annotator=Annotator(glossary))
    assert any(e.about for e in loaded.article.events)
    again = from_json(to_json(loaded), ZoneInfo("Europe/Zurich"))
    assert again.article == loaded.article
    assert all(type(e.about) is tuple for e in again.article.events)


def test_articles_read_from_the_cache_hold_one_of_each_repeated_small_value(tmp_path, glossary):
    """JSON gives each value its own object: an archive's repeated dates, entity tuples,
    agencies and languages are taken once per read (`from_json`'s `shared`), and the
    articles are equal to those parsed."""
    names = ["fr-apple-iphone-air", "fr-anthropic-leve-13-milliards", "de-nvidia-vier-billionen"]
    root = write_site(
        tmp_path,
        {
            f"2025/09/{name}-{copy}.txt": (FIXTURES / "dispatches" / f"{name}.txt")
            .read_text(encoding="utf-8")
            .replace("\n\n", f"\n\nCopie {copy}.\n\n", 1)
            for name in names
            for copy in (1, 2)
        },
    )
    folder = root / ".cache" / "parse"
    parsed = read_archive(root, "articles", ParseOptions(), glossary=glossary, cache_dir=folder)
    read = read_archive(root, "articles", ParseOptions(), glossary=glossary, cache_dir=folder)
    assert read.parsed == 0 and len(read.articles) == 6
    assert read.articles == parsed.articles

    def one_of_each(values):
        # equal values are the very same object
        return len({id(v) for v in values}) == len(set(values))

    events = [e for a in read.articles for e in a.events]
    assert len(events) > len({e.date for e in events})  # dates repeat
    assert one_of_each([e.date for e in events])
    assert one_of_each([e.kind for e in events])
    abouts = [e.about for e in events if e.about]
    assert len(abouts) > len(set(abouts))
    assert one_of_each(abouts) and one_of_each([i for about in abouts for i in about])
    assert one_of_each([a.sources for a in read.articles])
    assert one_of_each([a.language for a in read.articles])
    assert one_of_each([m[2] for a in read.articles for m in a.mentions])


def test_the_parse_cache_stores_json_not_pickles(tmp_path):
    root = write_site(tmp_path, {"2025/09/a.txt": DATA})
    read_archive(root, "articles", ParseOptions(), cache_dir=root / ".cache" / "parse")
    with sqlite3.connect(root / ".cache" / "parse" / "parse.sqlite") as db:
        (value,) = db.execute("SELECT value FROM parsed").fetchone()
    stored = json.loads(zlib.decompress(value))
    assert stored["article"]["title"] == "Apple présente l'iPhone Air, son smartphone le plus fin"


def test_a_pickle_planted_in_the_cache_is_never_run(tmp_path):
    root = write_site(tmp_path, {"2025/09/a.txt": DATA})
    folder = root / ".cache" / "parse"
    first = read_archive(root, "articles", ParseOptions(), cache_dir=folder)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    with sqlite3.connect(folder / "parse.sqlite") as db:
        db.execute("UPDATE parsed SET value = ?", (zlib.compress(pickle.dumps(Payload())),))
    again = read_archive(root, "articles", ParseOptions(), cache_dir=folder)
    assert not marker.exists()
    assert [a.metadata() for a in again.articles] == [a.metadata() for a in first.articles]


def test_keys_change_with_bytes_path_and_settings(tmp_path):
    with (
        ParseCache(tmp_path, "Europe/Zurich") as cache,
        ParseCache(tmp_path / "other", "America/New_York") as other,
    ):
        base = cache.key("articles/a.txt", DATA)
        assert cache.key("articles/a.txt", DATA) == base
        assert cache.key("articles/b.txt", DATA) != base
        assert cache.key("articles/a.txt", DATA + b" ") != base
        assert other.key("articles/a.txt", DATA) != base


def test_the_code_version_changes_with_any_source_file(tmp_path, monkeypatch):
    package = tmp_path / "wirearchive"
    shutil.copytree(cache_module.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "PACKAGE", package)
    versions = []
    for change in (None, "archive.py", "text/slugs.py"):
        if change:
            with (package / change).open("a", encoding="utf-8") as source:
                source.write("\n# changed\n")
        cache_module.code_version.cache_clear()
        versions.append(cache_module.code_version())
    cache_module.code_version.cache_clear()
    assert len(set(versions)) == 3 and all(len(v) == 64 for v in versions)


def test_prune_forgets_what_is_not_kept(tmp_path):
    with ParseCache(tmp_path, "s") as cache:
        cache.put_many([("k1", b"1"), ("k2", b"2")])
        cache.prune({"k2"})
        assert cache.get("k1") is None and cache.get("k2") == b"2"


def test_file_cache_prunes_what_a_build_did_not_use(tmp_path):
    cache = FileCache(tmp_path, "s")
    cache.put("a", b"1")
    cache.put("b", b"2")
    cache.prune(["b"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]


def test_a_cache_that_cannot_be_written_is_a_warning_not_a_crash(tmp_path):
    root = write_site(tmp_path, {"2025/09/a.txt": DATA})
    (root / ".cache").write_text("a file where the cache folder should be", encoding="utf-8")
    archive = read_archive(root, "articles", ParseOptions(), cache_dir=root / ".cache" / "parse")
    assert [a.title for a in archive.articles] == [
        "Apple présente l'iPhone Air, son smartphone le plus fin"
    ]
    warnings = [p for p in archive.problems if p.severity == "warning"]
    assert len(warnings) == 1
    assert warnings[0].message.startswith("the parse cache could not be used")


def test_a_write_cut_short_leaves_nothing_to_read_back(tmp_path, monkeypatch):
    """A build killed while it writes a kept file (here: interrupted half-way) must not leave
    half a page that a later build serves as a whole one."""
    files = FileCache(tmp_path / "pages", "settings", ".html")
    key = files.key("page")
    real = type(tmp_path).write_bytes

    def cut_short(path, data):
        real(path, data[: len(data) // 2])
        raise KeyboardInterrupt

    monkeypatch.setattr(type(tmp_path), "write_bytes", cut_short)
    with pytest.raises(KeyboardInterrupt):
        files.put(key, b"<html>" + b"x" * 1000 + b"</html>")
    monkeypatch.undo()
    assert files.get(key) is None
    assert not files.has(key)
    files.put(key, b"<html>whole</html>")
    assert files.get(key) == b"<html>whole</html>"
    files.prune({key})  # what the cut write left aside goes too
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == [f"{key}.html"]


def test_a_file_cache_whose_folder_is_a_file_misses_and_says_why(tmp_path):
    """The cache misses rather than fails: a file where its folder should be (a build
    crashed on it, NotADirectoryError, while cleaning up its half-written file)."""
    folder = tmp_path / "pages"
    folder.write_text("not a folder", encoding="utf-8")
    cache = FileCache(folder, "")
    cache.put("key", b"data")
    assert cache.failure is not None and str(folder) in cache.failure
    assert cache.get("key") is None and not cache.has("key")


def test_a_file_cache_prunes_the_entries_of_a_former_suffix_only(tmp_path):
    """Entries an earlier version wrote under another suffix are stale once the cache names its
    files otherwise: `prune` forgets them; a file of no suffix the cache knows is not its own."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "old.json").write_bytes(b"{}")
    (folder / "notes.txt").write_bytes(b"not the cache's")
    cache = FileCache(folder, "", ".html.gz", former=(".json",))
    cache.put("kept", b"page")
    cache.put("gone", b"page")
    cache.prune({"kept"})
    assert sorted(p.name for p in folder.iterdir()) == ["kept.html.gz", "notes.txt"]
