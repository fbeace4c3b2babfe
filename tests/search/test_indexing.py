"""The prebuilt index: split into valid lunr parts, cached by content, the same bytes every time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lunr.index import Index

from tests.conftest import FIXTURES
from wirearchive.archive import read_archive
from wirearchive.cache import FileCache
from wirearchive.dispatch import ParseOptions
from wirearchive.search.analysis import query_variants, words
from wirearchive.search.indexing import build_index, documents

ARCHIVE = FIXTURES / "search"


def archive_docs(root: Path = ARCHIVE, folder: str = "archive"):
    archive = read_archive(root, folder, ParseOptions(), workers=1)
    assert not archive.problems
    return documents(archive.articles)


def load(index, path: str) -> Index:
    return Index.load(json.loads(index.files[path]))


def ask(lunr_index: Index, query: str) -> list[str]:
    """Refs matching every word of `query`, as the browser's engine asks (stems of every language)."""
    found = None
    for word in words(query):
        refs = set()
        for term in set(query_variants(word).values()):
            refs |= {
                hit["ref"]
                for hit in lunr_index.query(
                    lunr_index.create_query().term(term, use_pipeline=False)
                )
            }
        found = refs if found is None else found & refs
    return sorted(found or [])


@pytest.fixture(scope="module")
def built():
    return build_index(archive_docs(), workers=1)


def manifest(index) -> dict:
    return json.loads(index.files["search/manifest.json"])


def test_refs_are_month_and_rank_by_date():
    docs = archive_docs()
    assert [(d.ref, d.title) for d in docs] == [
        ("202509.0", "Le fabricant investit dans une nouvelle usine"),
        ("202509.1", "Chipkonzern legt an der Börse zu"),
        ("202510.0", "Chipmaker reports record quarterly profit"),
        ("202510.1", "Bruxelles inflige une amende au groupe"),
    ]


def test_manifest_names_every_file_and_parts_carry_their_hash(built):
    m = manifest(built)
    named = {m["filters"], *m["head"].values(), *m["terms"].values()}
    for part in m["parts"]:
        named |= {part["index"], part["docs"]}
    assert named | {"search/manifest.json"} == set(built.files)
    assert [p["id"] for p in m["parts"]] == ["202509", "202510"]
    assert all(path.startswith("search/parts/") for path in named)
    assert m["pipeline"]["stopWords"]["fr"] and "l" in m["pipeline"]["elisions"]


@pytest.mark.parametrize(
    "query, part, expected",
    [
        ("investissements", "202509", ["202509.0"]),  # singular in the lede
        ("equipement", "202509", ["202509.0"]),  # l'équipement
        ("usines", "202509", ["202509.0"]),
        ("Borse", "202509", ["202509.1"]),
        ("nie", "202510", ["202510.1"]),  # a nié
        ("chip", "202510", ["202510.0"]),
        ("europeenne amende", "202510", ["202510.1"]),
    ],
)
def test_month_parts_are_lunr_indexes_that_find_word_forms(built, query, part, expected):
    path = next(p["index"] for p in manifest(built)["parts"] if p["id"] == part)
    assert ask(load(built, path), query) == expected


def test_head_indexes_hold_headlines_only_split_by_first_letter(built):
    heads = manifest(built)["head"]
    assert ask(load(built, heads["a"]), "amendes") == ["202510.1"]  # headline word
    assert ask(load(built, heads["u"]), "usine") == ["202509.0"]
    assert (
        "e" not in heads or ask(load(built, heads["e"]), "equipement") == []
    )  # lede only: not in the head


def test_term_directory_names_the_parts_holding_a_term(built):
    m = manifest(built)
    directory = json.loads(built.files[m["terms"]["e"]])
    assert [m["parts"][i]["id"] for i in directory["equip"]] == ["202509"]


def test_docs_files_hold_what_a_result_shows(built):
    m = manifest(built)
    docs = json.loads(built.files[m["parts"][0]["docs"]])
    title, url, date, sources, language, rubric, lede, entities = docs["202509.0"]
    assert (title, url, date, language) == (
        "Le fabricant investit dans une nouvelle usine",
        "2025/09/le-fabricant-investit-dans-une-nouvelle-usine/",
        "2025-09-03",
        "fr",
    )
    assert lede.startswith("Le groupe a annoncé un investissement")


def test_same_input_same_bytes_with_or_without_cache(tmp_path):
    first = build_index(archive_docs(), workers=1)
    cold = build_index(archive_docs(), cache=FileCache(tmp_path / "cache", ""), workers=1)
    warm = build_index(archive_docs(), cache=FileCache(tmp_path / "cache", ""), workers=1)
    assert first.files == cold.files == warm.files
    assert cold.built == ["202509", "202510"] and cold.cached == []
    assert warm.built == [] and warm.cached == ["202509", "202510"]


def test_adding_a_dispatch_rebuilds_only_its_month(tmp_path):
    shutil.copytree(ARCHIVE / "archive", tmp_path / "archive")
    cache = tmp_path / "cache"
    build_index(archive_docs(tmp_path), cache=FileCache(cache, ""), workers=1)
    (tmp_path / "archive" / "2025" / "10" / "new.md").write_text(
        "---\ntitle: Un nouveau rachat\ndate: 2025-10-30T10:00:00+01:00\n---\nLe groupe rachète un concurrent.\n",
        encoding="utf-8",
    )
    again = build_index(archive_docs(tmp_path), cache=FileCache(cache, ""), workers=1)
    assert again.built == ["202510"]
    assert again.cached == ["202509"]


def test_parallel_build_gives_the_same_bytes(monkeypatch):
    monkeypatch.setattr("wirearchive.search.indexing.PARALLEL_FROM", 1)
    docs = archive_docs()
    assert build_index(docs, workers=2).files == build_index(docs, workers=1).files
