"""What one build of `mkdocs serve` hands the next (wirearchive.carry): taken only for the
very objects it was made from, and let go after one build that does not take it."""

from __future__ import annotations

from dataclasses import replace

from tests.timeline.helpers import archive_of, article
from wirearchive.browse.indexes import Browse
from wirearchive.carry import MISSING, Carried, CarriedEntries, made_of
from wirearchive.model import Event


def test_a_value_is_taken_for_the_same_sources_only():
    carried = Carried()
    a, b = ["a"], ["b"]
    made = []

    def make(value):
        made.append(value)
        return value

    assert made_of(carried, "x", 1, [a, b], lambda: make("first")) == "first"
    carried.next_build()
    assert made_of(carried, "x", 1, [a, b], lambda: make("second")) == "first"
    assert carried.taken["x"] == 1
    carried.next_build()
    # An equal list is not the same object; more or fewer sources are other sources.
    assert made_of(carried, "x", 1, [a, ["b"]], lambda: make("third")) == "third"
    carried.next_build()
    assert made_of(carried, "x", 1, [a], lambda: make("fourth")) == "fourth"
    assert made == ["first", "third", "fourth"]
    assert made_of(None, "x", 1, [a], lambda: "none") == "none"


def test_what_a_build_does_not_take_is_let_go_at_its_end():
    carried = Carried()
    carried.keep("x", "used", 1)
    carried.keep("x", "unused", 2)
    carried.next_build()
    assert carried.recall("x", "used") == 1
    carried.end_build()
    carried.next_build()
    assert carried.recall("x", "used") == 1  # kept again by the build that took it
    assert carried.recall("x", "unused") is MISSING
    # This build's own value is checked as the last build's is: once, by the same test.
    assert carried.recall("x", "used", valid=lambda value: value == 1) == 1
    assert carried.recall("x", "used", valid=lambda value: False) is MISSING
    carried.next_build()
    assert carried.recall("x", "used", valid=lambda value: False) is MISSING


def test_an_entry_is_taken_for_the_very_article_it_was_made_with():
    """The archive gives an article a slug anew by making another article object with the
    same events: the last build's entry of those events names the old object, and is not
    taken for the new one."""
    event = Event("2025-09", "Apple a présenté l'iPhone Air en septembre 2025.")
    first = article("Apple présente l'iPhone Air", "2025-09-10", events=(event,))
    carried = Carried()
    carried.next_build()
    entries = Browse(archive_of(first), carried).timeline().entries()
    carried.next_build()
    again = Browse(archive_of(first), carried).timeline().entries()
    assert [e is f for e, f in zip(entries, again)] == [True, True]
    renamed = replace(first, slug="apple-presente-l-iphone-air-2")
    carried.next_build()
    shared = CarriedEntries(carried)
    renamed_entries = Browse(archive_of(renamed), carried).timeline().entries()
    assert all(e.article is renamed for e in renamed_entries)
    assert shared.get(id(event)).article is renamed


def test_an_archive_timeline_taken_whole_hands_its_entries_on():
    """A build that changed nothing takes the archive's timeline whole; the next build,
    after an edit, still takes the entries of the unchanged articles one by one."""
    kept = article("Nvidia investit", "2025-09-22", events=(Event("2025-09", "Un accord."),))
    carried = Carried()
    carried.next_build()
    entries = Browse(archive_of(kept), carried).timeline().entries()
    carried.end_build()
    carried.next_build()
    Browse(archive_of(kept), carried).timeline()
    carried.end_build()
    carried.next_build()
    edited = article("Intel annonce", "2025-10-01")
    again = Browse(archive_of(kept, edited), carried).timeline().entries()
    assert sum(any(e is f for f in entries) for e in again) == len(entries)


def _related(browse: Browse) -> dict[str, list[str]]:
    return {a.source_file: [r.source_file for r in browse.related(a, 8)] for a in browse.articles}


def test_related_ranks_are_taken_while_files_dates_and_entities_stay_the_same(
    monkeypatch, tmp_path
):
    """An edit to a dispatch's text keeps every ranking of related dispatches: the next
    build takes the ranks and gives the current articles (the edited one is a new object).
    Another entity ranks again the articles naming it, or naming what the article named
    (here all of them); a new dispatch, those naming its entities, and no other."""
    names = [
        (f"a{n}", f"2025-0{1 + n % 9}-1{n % 10}T09:00", ["x", "y", "z"][n % 3 :]) for n in range(30)
    ]
    articles = [article(name, when, entities=entities) for name, when, entities in names]
    carried = Carried()
    carried.next_build()
    first = _related(Browse(archive_of(*articles), carried))
    carried.end_build()

    edited = [replace(a, body="Autre texte.") if n == 7 else a for n, a in enumerate(articles)]
    carried.next_build()
    browse = Browse(archive_of(*edited), carried)
    assert _related(browse) == first == _related(Browse(archive_of(*edited)))
    assert carried.taken["related ranks"] == 1
    new = edited[7]
    assert any(r is new for a in browse.articles for r in browse.related(a, 8))
    carried.end_build()

    ranked: list[str] = []
    rank = Browse._rank_related
    monkeypatch.setattr(
        Browse,
        "_rank_related",
        lambda self, a, me, n: ranked.append(a.source_file) or rank(self, a, me, n),
    )
    renamed = [replace(a, entities=("x",)) if n == 7 else a for n, a in enumerate(edited)]
    carried.next_build()
    browse = Browse(archive_of(*renamed), carried)
    assert _related(browse) == _related(Browse(archive_of(*renamed))) != first
    assert carried.taken["related ranks"] == 0
    assert len(set(ranked)) == 30  # every article names z, which a7 named
    carried.end_build()

    added = [*renamed, article("new", "2025-09-30T09:00", entities=["x"])]
    carried.next_build()
    ranked.clear()
    browse = Browse(archive_of(*added), carried)
    # The ranks kept on disk are not read: the last build handed on all it had.
    from wirearchive.cache import FileCache

    read: list[str] = []
    monkeypatch.setattr(FileCache, "get", lambda self, key: read.append(key))
    assert browse.recall_related(FileCache(tmp_path / "related", "")) == 0 and read == []
    got = _related(browse)
    naming_x = {a.source_file for a in added if "x" in a.entities}
    assert len(naming_x) == 12  # of 31
    assert sorted(ranked) == sorted(naming_x)
    assert got == _related(Browse(archive_of(*added)))


def test_an_article_pages_key_is_taken_while_it_and_its_neighbours_are_the_same(tmp_path):
    """`mkdocs serve`: an article page made of the very same article, showing the very same
    neighbours and related dispatches, takes the last build's key; a page next to an edited
    dispatch makes its key again. Every key is the one a fresh build gives."""
    from functools import partial

    from wirearchive.cache import FileCache
    from wirearchive.site.generators import Generated
    from wirearchive.site.pagecache import PageCache

    def page(shown) -> Generated:
        return Generated(
            shown.url + "index.md",
            "",
            "wirearchive/article.html",
            {"article": shown, "latest": shown, "version": None},
            make=partial(str, shown.body),
            made_from=(shown, shown, None, None),
        )

    def keys(articles, carried=None) -> dict[str, str | None]:
        browse = Browse(archive_of(*articles), carried)
        cache = PageCache(FileCache(tmp_path / "pages", ""), "site", browse, carried)
        return {a.source_file: cache.key_of(a.url + "index.md", page(a)) for a in browse.articles}

    names = [
        (f"a{n:02}", f"2025-0{1 + n % 9}-1{n % 10}T09:00", ["x", "y", "z"][n % 3 :])
        for n in range(30)
    ]
    articles = [article(name, when, entities=entities) for name, when, entities in names]
    carried = Carried()
    carried.next_build()
    first = keys(articles, carried)
    assert first == keys(articles) and None not in first.values()
    carried.end_build()

    edited = [replace(a, body="Autre texte.") if n == 7 else a for n, a in enumerate(articles)]
    carried.next_build()
    second = keys(edited, carried)
    assert second == keys(edited)
    browse = Browse(archive_of(*edited))
    near = {
        a.source_file
        for a in browse.articles
        if edited[7] in (a, browse.previous(a), browse.next(a), *browse.related(a, 8))
    }
    assert 0 < carried.taken["page key"] == len(articles) - len(near)
    changed = {f for f in first if first[f] != second[f]}
    assert changed == {edited[7].source_file}  # a neighbour's body is not on a page


def test_an_edit_rebuilds_the_years_of_the_archive_timeline_it_touches():
    """`mkdocs serve`: after an edit, the archive's timeline is the one a fresh build makes,
    and the years the edited dispatch has no entry in are the last build's very years, as
    are their events (the timeline page of each year is then taken too)."""
    from wirearchive.site.generators.browse import events_only
    from wirearchive.timeline import timeline as timelines

    def made(n: int, year: int, body: str = "Texte.") -> object:
        event = Event(f"{year}-0{1 + n % 9}", f"Un accord numéro {n}.")
        return article(f"a{n}", f"{year}-0{1 + n % 9}-1{n % 10}T09:00", events=(event,), body=body)

    articles = [made(n, 2020 + n % 5) for n in range(40)]
    carried = Carried()
    carried.next_build()
    first = Browse(archive_of(*articles), carried).timeline()
    first_events = events_only(first, carried)
    carried.end_build()

    edited = [made(7, 2022, "Autre texte.") if n == 7 else a for n, a in enumerate(articles)]
    carried.next_build()
    browse = Browse(archive_of(*edited), carried)
    again = browse.timeline()
    fresh = Browse(archive_of(*edited)).timeline()
    assert [(e.date, e.text, e.article) for e in again.entries()] == [
        (e.date, e.text, e.article) for e in fresh.entries()
    ]
    assert [y.year for y in again.years] == [str(y) for y in range(2020, 2025)]
    same = [y.year for y, then in zip(again.years, first.years) if y is then]
    assert same == ["2020", "2021", "2023", "2024"]
    events = events_only(again, carried)
    assert [y is then for y, then in zip(events.years, first_events.years)] == [
        True,
        True,
        False,
        True,
        True,
    ]
    assert (
        events.entries()
        == timelines.build(
            (e for e in fresh.entries() if e.kind == "event"), ordered=True
        ).entries()
    )
    # Entries of the unchanged articles are still handed on to the next build.
    carried.end_build()
    carried.next_build()
    later = Browse(archive_of(*edited[1:]), carried).timeline()
    assert sum(any(e is f for f in again.entries()) for e in later.entries()) == len(
        later.entries()
    )
