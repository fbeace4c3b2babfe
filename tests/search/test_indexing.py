"""The prebuilt index: shards of the term directory, rows, texts and glossary entries; cached
by content, the same bytes every time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from wirearchive.archive import read_archive
from wirearchive.cache import FileCache
from wirearchive.dispatch import ParseOptions
from wirearchive.search import indexing
from wirearchive.search.analysis import query_terms, words
from wirearchive.search.indexing import (
    GLOSSARY,
    TIERS,
    GlossaryEntry,
    build_index,
    decode,
    docs_chunk,
    documents,
    encode,
    key_order,
    shard_of,
)

ARCHIVE = FIXTURES / "search"
GLOSSARY_ENTRIES = (
    GlossaryEntry("bruxelles", "Bruxelles", "place", "entities/bruxelles/", "", ("Brüssel",)),
    GlossaryEntry(
        "commission-europeenne",
        "Commission européenne",
        "organization",
        "entities/commission-europeenne/",
        "L'exécutif de l'Union européenne.",
        ("European Commission", "EU-Kommission"),
    ),
    GlossaryEntry("chipwerk", "Chipwerk", "company", "entities/chipwerk/"),
)


def archive_docs(root: Path = ARCHIVE, folder: str = "archive"):
    archive = read_archive(root, folder, ParseOptions(), workers=1)
    assert not archive.problems
    return documents(archive.articles)


@pytest.fixture(scope="module")
def built():
    return build_index(archive_docs(), workers=1, glossary=GLOSSARY_ENTRIES)


def manifest(index) -> dict:
    return json.loads(index.files["search/manifest.json"])


def postings(index, key: str) -> list[list[int]] | None:
    """The segments of `key`, found as the browser finds it: by the shards' first keys."""
    shards = manifest(index)["shards"]
    shard = json.loads(index.files[shards[shard_of(shards, key)][1]])
    if key not in shard:
        return None
    segments = [decode(text) for text in shard[key].split(",")]
    return segments + [[] for _ in range(GLOSSARY + 1 - len(segments))]


def row(index, number: int) -> list:
    m = manifest(index)
    part = m["docs"]["parts"][number // m["docs"]["size"]]
    return json.loads(index.files[part])[str(number)]


def ask(index, query: str) -> dict[str, str]:
    """Titles of the dispatches holding every word of `query`, with the best field of the
    first word, as the browser asks (each word by its terms in every language)."""
    found: dict[int, str] | None = None
    for word in words(query):
        tiers: dict[int, int] = {}
        for term in query_terms(word):
            for tier, numbers in enumerate((postings(index, term) or [[]] * 5)[:GLOSSARY]):
                for n in numbers:
                    tiers[n] = min(tier, tiers.get(n, tier))
        if found is None:
            found = {n: TIERS[t] for n, t in tiers.items()}
        else:
            found = {n: t for n, t in found.items() if n in tiers}
    return {row(index, n)[1]: tier for n, tier in (found or {}).items()}


def test_documents_are_numbered_from_the_oldest():
    docs = archive_docs()
    assert [(d.ref, d.title) for d in docs] == [
        ("202509.0", "Le fabricant investit dans une nouvelle usine"),
        ("202509.1", "Chipkonzern legt an der Börse zu"),
        ("202510.0", "Chipmaker reports record quarterly profit"),
        ("202510.1", "Bruxelles inflige une amende au groupe"),
    ]


def test_manifest_names_every_file_and_files_carry_their_hash(built):
    m = manifest(built)
    named = {m["filters"], *(path for _, path in m["shards"]), *m["docs"]["parts"]}
    named |= set(m["glossary"]["parts"])
    texts = {f"search/text/{row(built, n)[5]}.json" for n in range(m["count"])}
    assert named | texts | {"search/manifest.json"} == set(built.files)
    assert all(path.startswith("search/parts/") for path in named)
    assert [month for month, _ in m["months"]] == ["202509", "202510"]
    assert m["months"] == [["202509", 0], ["202510", 2]]
    assert m["pipeline"]["stopWords"]["fr"] and "l" in m["pipeline"]["elisions"]
    assert m["pipeline"]["transliterated"] == ["de"]
    assert m["warm"] == sum(len(built.files[p]) for p in named - {m["filters"]})


@pytest.mark.parametrize(
    "numbers",
    [[], [0], [0, 1, 2, 3], [5, 40, 1000, 1031, 40_000, 2_000_000], list(range(0, 5000, 7))],
)
def test_postings_round_trip(numbers):
    text = encode(numbers)
    assert decode(text) == numbers
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")


def test_dense_postings_take_a_character_each():
    assert len(encode(range(0, 3000))) == 3000
    assert len(encode(range(0, 3000, 20))) == 150


@pytest.mark.parametrize(
    "query, expected",
    [
        # the lede's `investissement`, and the headline's `investit` (the English `invest`)
        ("investissements", {"Le fabricant investit dans une nouvelle usine": "headline"}),
        ("investissement", {"Le fabricant investit dans une nouvelle usine": "headline"}),
        ("equipement", {"Le fabricant investit dans une nouvelle usine": "lede"}),  # l'équipement
        ("usines", {"Le fabricant investit dans une nouvelle usine": "headline"}),
        ("automobile", {"Le fabricant investit dans une nouvelle usine": "body"}),
        ("Borse", {"Chipkonzern legt an der Börse zu": "headline"}),
        ("boerse", {"Chipkonzern legt an der Börse zu": "headline"}),  # spelled out
        ("nie", {"Bruxelles inflige une amende au groupe": "body"}),  # a nié
        ("chip", {"Chipmaker reports record quarterly profit": "body"}),  # chips
        ("europeenne amende", {"Bruxelles inflige une amende au groupe": "body"}),
        ("revenues", {"Chipmaker reports record quarterly profit": "body"}),
    ],
)
def test_the_directory_finds_word_forms_by_their_best_field(built, query, expected):
    assert ask(built, query) == expected


def test_a_word_in_two_fields_counts_in_the_better(built):
    # `groupe` is in the headline of one dispatch (and its body), in the lede of another
    assert ask(built, "groupe") == {
        "Bruxelles inflige une amende au groupe": "headline",
        "Le fabricant investit dans une nouvelle usine": "lede",
    }


def test_filters_are_keys_of_the_directory(built):
    assert postings(built, "@l:de")[0] == [1]
    assert postings(built, "@l:fr")[0] == [0, 3]
    assert postings(built, "@s:ATS") is None  # the fixtures name no agency


def test_glossary_names_are_found_by_each_word_in_every_language(built):
    m = manifest(built)
    names, lengths = m["glossary"]["names"], m["glossary"]["words"]

    def named(word: str) -> set[tuple[str, int, int]]:
        found = set()
        for term in {t for folded in words(word) for t in query_terms(folded)}:
            for value in (postings(built, term) or [[]] * 5)[GLOSSARY]:
                entry, name, length = (
                    value // lengths // names,
                    value // lengths % names,
                    value % lengths,
                )
                found.add((sorted(e.id for e in GLOSSARY_ENTRIES)[entry], name, length))
        return found

    assert named("Bruxelles") == {("bruxelles", 0, 1)}
    assert named("Brüssel") == named("Bruessel") == {("bruxelles", 1, 1)}  # an alias
    assert ("commission-europeenne", 0, 2) in named("Commission")
    assert ("commission-europeenne", 1, 2) in named("commission")  # European Commission
    assert named("europeennes") >= {("commission-europeenne", 0, 2)}
    entries = json.loads(built.files[m["glossary"]["parts"][0]])
    assert entries[1][:6] == [
        "chipwerk",
        "Chipwerk",
        "company",
        "",
        "entities/chipwerk/",
        0,
    ]


def test_rows_hold_what_a_result_shows_and_texts_its_snippet(built):
    url, title, date, sources, language, text, preview = row(built, 0)
    assert (title, url, date, sources, language) == (
        "Le fabricant investit dans une nouvelle usine",
        "2025/09/le-fabricant-investit-dans-une-nouvelle-usine/",
        "2025-09-03",
        [],
        "fr",
    )
    lede, body = json.loads(built.files[f"search/text/{text}.json"])
    assert lede.startswith("Le groupe a annoncé un investissement")
    assert body.startswith("Le groupe a précisé que l'usine produira")
    # the start of the lede: what a headline match shows, with no text to fetch
    assert (
        preview
        == "Le groupe a annoncé un investissement de deux milliards de francs dans l'équipement de son site."
    )
    assert row(built, 1)[6].startswith("Die Aktie des Chipkonzerns")  # no lede: the body's start


def test_shards_hold_consecutive_keys_in_the_browser_s_order(built):
    shards = manifest(built)["shards"]
    keys = []
    for n, (first, path) in enumerate(shards):
        shard = json.loads(built.files[path])
        assert list(shard) == sorted(shard, key=key_order)
        assert next(iter(shard)) == first
        assert all(shard_of(shards, key) == n for key in shard)
        keys += list(shard)
    assert keys == sorted(keys, key=key_order)


def test_row_files_grow_past_thirty_thousand_dispatches():
    assert docs_chunk(10) == docs_chunk(10_000) == 32
    assert docs_chunk(100_000) == 64


def test_same_input_same_bytes_with_or_without_cache(tmp_path):
    first = build_index(archive_docs(), workers=1)
    cold = build_index(archive_docs(), cache=FileCache(tmp_path / "cache", ""), workers=1)
    warm = build_index(archive_docs(), cache=FileCache(tmp_path / "cache", ""), workers=1)
    assert first.files == cold.files == warm.files
    assert cold.built == ["202509", "202510"] and cold.cached == []
    assert warm.built == [] and warm.cached == ["202509", "202510"]


def test_adding_a_dispatch_analyses_only_its_month(tmp_path):
    shutil.copytree(ARCHIVE / "archive", tmp_path / "archive")
    cache = tmp_path / "cache"
    build_index(archive_docs(tmp_path), cache=FileCache(cache, ""), workers=1)
    (tmp_path / "archive" / "2025" / "10" / "new.md").write_text(
        "---\ntitle: Un nouveau rachat\ndate: 2025-10-30T10:00:00+01:00\n---\n"
        "Le groupe rachète un concurrent.\n",
        encoding="utf-8",
    )
    again = build_index(archive_docs(tmp_path), cache=FileCache(cache, ""), workers=1)
    assert again.built == ["202510"]
    assert again.cached == ["202509"]
    assert ask(again, "rachat") == {"Un nouveau rachat": "headline"}
    assert len(list(cache.glob("*.json"))) == 2  # the old month's entry is forgotten


def test_parallel_build_gives_the_same_bytes(monkeypatch):
    monkeypatch.setattr("wirearchive.search.indexing.PARALLEL_FROM", 1)
    docs = archive_docs()
    assert build_index(docs, workers=2).files == build_index(docs, workers=1).files


def test_documents_out_of_order_are_refused():
    docs = archive_docs()
    with pytest.raises(ValueError):
        build_index(docs[::-1], workers=1)


def test_serve_takes_the_analysis_of_a_month_of_the_very_same_texts(tmp_path, monkeypatch):
    """`mkdocs serve` (wirearchive.carry): a month whose texts are those of the last build is
    that build's analysis, not read from the cache again; in an edited month only the edited
    dispatch is analysed again; a month with one more dispatch is analysed whole. The files
    are those of a fresh build every time."""
    from dataclasses import replace

    from wirearchive.carry import Carried

    cache = FileCache(tmp_path / "cache", "")
    docs = archive_docs()
    carried = Carried()
    carried.next_build()
    first = build_index(docs, cache=cache, workers=1, carried=carried)
    carried.end_build()
    read, months, dispatches = [], [], []
    get, month, dispatch = FileCache.get, indexing.analyse_month, indexing.analyse_doc
    monkeypatch.setattr(FileCache, "get", lambda self, key: read.append(key) or get(self, key))
    monkeypatch.setattr(indexing, "analyse_month", lambda rows: months.append(1) or month(rows))
    monkeypatch.setattr(indexing, "analyse_doc", lambda row: dispatches.append(1) or dispatch(row))

    carried.next_build()
    again = build_index(list(docs), cache=cache, workers=1, carried=carried)
    assert again.files == first.files and read == [] and months == dispatches == []
    assert carried.taken["search month"] == 2 and again.cached == ["202509", "202510"]
    carried.end_build()

    last = docs[-1]
    edited = [*docs[:-1], replace(last, body=last.body + "\n\nUn rachat de plus.")]
    carried.next_build()
    third = build_index(edited, cache=cache, workers=1, carried=carried)
    assert carried.taken["search month"] == 1 and third.built == [last.part]
    assert (len(months), len(dispatches)) == (0, 1)
    carried.end_build()
    assert third.files == build_index(edited, workers=1).files != first.files
    # what a later build reads from the cache is that analysis too
    assert build_index(edited, cache=cache, workers=1).files == third.files

    added = replace(last, ref=last.part + ".99", url=last.url + "x/", title="Un autre rachat")
    more = [*edited, added]
    months.clear()
    carried.next_build()
    fourth = build_index(more, cache=cache, workers=1, carried=carried)
    assert fourth.built == [last.part] and len(months) == 1
    assert fourth.files == build_index(more, workers=1).files
