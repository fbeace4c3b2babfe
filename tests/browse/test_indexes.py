"""Ways into the archive: periods, facets, neighbours, related dispatches, most mentioned."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirearchive.browse.indexes import Browse, ranks_carried_over, unique_slugs
from wirearchive.model import Event
from wirearchive.site.generators.browse import newest_links, page_links, paginate, paginate_newest

from ..timeline.helpers import archive_of, article


def test_previous_and_next_follow_publication_time():
    a, b, c = (
        article("a", "2025-01-01T08:00"),
        article("b", "2025-01-02T08:00"),
        article("c", "2025-01-03T08:00"),
    )
    browse = Browse(archive_of(b, c, a))
    assert browse.previous(b) is a and browse.next(b) is c
    assert browse.previous(a) is None and browse.next(c) is None


def test_related_rank_shared_entities_then_closeness_in_time():
    me = article("me", "2025-06-15T12:00", entities=["x", "y"])
    both_far = article("both-far", "2024-01-01T12:00", entities=["x", "y"])
    one_near = article("one-near", "2025-06-15T13:00", entities=["x"])
    one_far = article("one-far", "2025-01-01T12:00", entities=["y"])
    unrelated = article("unrelated", "2025-06-15T12:30", entities=["z"])
    browse = Browse(archive_of(me, both_far, one_near, one_far, unrelated))
    assert [r.slug for r in browse.related(me)] == ["both-far", "one-near", "one-far"]


def test_related_closeness_is_elapsed_time_across_a_clock_change():
    """Zurich's clocks went back on 26 October 2025: 9 October 19:17 is 36 days 22:01 after
    2 September 21:16 and 36 days 22:37 before 15 November 16:54, though the wall clocks say
    36 days 21:37 for the second (Python subtracts datetimes of one time zone by their wall
    clocks)."""
    me = article("me", "2025-10-09T19:17", entities=["x"])
    before = article("before", "2025-09-02T21:16", entities=["x"])
    after = article("after", "2025-11-15T16:54", entities=["x"])
    browse = Browse(archive_of(me, before, after))
    assert [r.slug for r in browse.related(me)] == ["before", "after"]


def test_facets_by_source_rubric_and_language():
    a = article("a", "2025-01-01T08:00", sources=["ATS", "AFP"], rubric="Économie")
    b = article("b", "2025-01-02T08:00", sources=["AFP"], rubric="Tech", language="en")
    browse = Browse(archive_of(a, b))
    sources = browse.facets["source"]
    assert [(f.name, f.slug, [x.slug for x in f.articles]) for f in sources] == [
        ("AFP", "afp", ["b", "a"]),
        ("ATS", "ats", ["a"]),
    ]
    assert [(f.name, f.url) for f in browse.facets["rubric"]] == [
        ("Économie", "rubrics/economie/"),
        ("Tech", "rubrics/tech/"),
    ]
    assert [(f.name, f.label) for f in browse.facets["language"]] == [
        ("en", "English"),
        ("fr", "français"),
    ]


def test_slugs_stay_unique():
    assert unique_slugs(["Tech", "tech", "TECH"]) == {
        "TECH": "tech",
        "Tech": "tech-2",
        "tech": "tech-3",
    }


def test_years_and_months_newest_first():
    browse = Browse(
        archive_of(
            article("a", "2024-12-31T23:00"),
            article("b", "2025-01-01T08:00"),
            article("c", "2025-03-01T08:00"),
        )
    )
    assert [y.key for y in browse.years] == ["2025", "2024"]
    assert [(m.key, m.url) for m in browse.months["2025"]] == [
        ("2025-03", "archive/2025/03/"),
        ("2025-01", "archive/2025/01/"),
    ]


def test_most_mentioned_counts_dispatches_of_the_last_weeks():
    old = article("old", "2025-01-01T08:00", entities=["y", "y", "y"])
    recent = [
        article(f"r{n}", f"2025-03-0{n}T08:00", entities=["x", "y"] if n % 2 else ["x"])
        for n in range(1, 6)
    ]
    browse = Browse(archive_of(old, *recent))
    assert browse.most_mentioned(weeks=4) == [("x", 5), ("y", 3)]


def test_pagination_pages_and_links():
    pages = paginate("archive/2025/01", list(range(120)), size=50)
    assert [src for src, _, _ in pages] == [
        "archive/2025/01/index.md",
        "archive/2025/01/page/2.md",
        "archive/2025/01/page/3.md",
    ]
    _, items, pagination = pages[1]
    assert items == list(range(50, 100))
    assert (pagination["previous"], pagination["next"]) == (
        "archive/2025/01/",
        "archive/2025/01/page/3/",
    )
    assert (pagination["first"], pagination["last"], pagination["total"]) == (51, 100, 120)


def newest_first(count: int) -> list[int]:
    """A list of `count` items newest first, each its own date (`date_of` below)."""
    return list(range(count, 0, -1))


def pages_of(count: int, size: int = 50) -> list[tuple[str, list, dict]]:
    return paginate_newest("sources/ats", newest_first(count), size, date_of=lambda n: n)


def test_a_list_newest_first_numbers_its_pages_from_the_oldest():
    pages = pages_of(173)
    assert [src for src, _, _ in pages] == [
        "sources/ats/index.md",
        "sources/ats/page/2.md",
        "sources/ats/page/1.md",
    ]
    (_, newest, latest), (_, second, two), (_, oldest, one) = pages
    # the newest page holds all after the last full page; every item is on one page
    assert newest == list(range(173, 100, -1))
    assert second == list(range(100, 50, -1)) and oldest == list(range(50, 0, -1))
    assert (latest["first"], latest["last"], latest["total"]) == (1, 73, 173)
    assert (two["oldest"], two["newest"]) == (51, 100)
    assert "total" not in two and "total" not in one
    assert (latest["previous"], latest["next"]) == (None, "sources/ats/page/2/")
    assert (two["previous"], two["next"]) == ("sources/ats/", "sources/ats/page/1/")
    assert (one["previous"], one["next"]) == ("sources/ats/page/2/", None)
    assert two["links"] == [
        (None, "sources/ats/"),
        (2, "sources/ats/page/2/"),
        (1, "sources/ats/page/1/"),
    ]
    # a list of fewer than twice a page has its newest page alone
    assert [len(items) for _, items, _ in pages_of(99)] == [99]
    assert [len(items) for _, items, _ in pages_of(100)] == [50, 50]
    assert pages_of(0)[0][1:] == ([], {**pages_of(0)[0][2], "links": [(None, "sources/ats/")]})


def test_a_dispatch_added_to_a_list_changes_its_newest_page_alone():
    """Its older pages keep their items, dates and links as the list grows at its newest end
    (but for the pages that link to the page a new item completes): a dirty build renders
    again the list's newest page, not all its pages (178 at 10,000 dispatches for ATS)."""
    for count in range(100, 1200, 7):
        before = {src: (items, p) for src, items, p in pages_of(count)}
        after = {src: (items, p) for src, items, p in pages_of(count + 1)}
        full = len(before) - 1
        changed = {src for src in before if before[src] != after[src]}
        if len(after) == len(before):
            assert changed == {"sources/ats/index.md"}, count
        else:  # the newest page gives its oldest 50 to a new page: those whose links reach
            # it (two on each side) or now have a gap before it change
            near = {f"sources/ats/page/{n}.md" for n in range(full - 2, full + 1)}
            assert changed <= {"sources/ats/index.md"} | near, count


def test_the_links_of_a_page_of_a_list_newest_first():
    """The newest page (None), the pages within two of this one, and the oldest (1), in
    reading order with a gap mark (0): a fixed number however long the list."""
    assert newest_links(None, 178) == [None, 178, 177, 0, 1]
    assert newest_links(100, 178) == [None, 0, 102, 101, 100, 99, 98, 0, 1]
    assert newest_links(177, 178) == [None, 178, 177, 176, 175, 0, 1]
    assert newest_links(3, 178) == [None, 0, 5, 4, 3, 2, 1]
    assert newest_links(1, 1) == [None, 1]
    assert newest_links(None, 0) == [None]


def test_a_page_of_a_long_list_links_a_fixed_number_of_pages():
    """The first and last pages, two on each side of this one, and a gap mark (0) between:
    however long the list, each page's pagination is the same size (it once held every
    page's URL, so each page of a list cost its template the whole list)."""
    pages = paginate("timeline/2025", list(range(2000)), size=1)
    for _, _, pagination in pages:
        assert len(pagination["links"]) <= 9
        assert "urls" not in pagination
    numbers = [n for n, _ in pages[999][2]["links"]]
    assert numbers == [1, 0, 998, 999, 1000, 1001, 1002, 0, 2000]
    assert pages[999][2]["links"][2] == (998, "timeline/2025/page/998/")
    assert [n for n, _ in pages[0][2]["links"]] == [1, 2, 3, 0, 2000]
    assert page_links(4, 10) == [1, 2, 3, 4, 5, 6, 0, 10]
    assert page_links(1, 1) == [1]
    assert page_links(2, 3) == [1, 2, 3]


def test_rubrics_of_one_subject_in_several_languages_are_one_facet():
    articles = [
        article("a", "2025-01-01T08:00", rubric="Technologie"),
        article("b", "2025-01-02T08:00", rubric="Tech", language="en"),
        article("c", "2025-01-03T08:00", rubric="Technologie"),
        article("d", "2025-01-04T08:00", rubric="Wirtschaft", language="de"),
        article("e", "2025-01-05T08:00", rubric="Économie"),
    ]
    browse = Browse(archive_of(*articles))
    facets = {f.name: [a.slug for a in f.articles] for f in browse.facets["rubric"]}
    assert facets["Technologie"] == ["c", "b", "a"]
    assert sorted(facets) == ["Technologie", "Économie"]  # a tie is named in reading order
    tech = browse.facet_of("rubric", "Tech")
    assert tech is browse.facet_of("rubric", "Technologie") and tech.slug == "technologie"
    assert browse.spellings(tech) == ("Tech", "Technologie")


def test_the_timelines_of_one_archive_share_their_entries():
    """An event shows on the archive's timeline and on the timeline of each entity it is
    about: one entry, not one per timeline (they were 93,000 for 14,000 events and
    publications at 1,000 dispatches, each held through the build)."""
    from wirearchive.model import Event

    both = Event("2025-03-01", "X and Y sign a deal.", about=("x", "y"))
    only_x = Event("2025-02-01", "X opens a plant.", about=("x",))
    me = article("me", "2025-06-15T12:00", entities=["x", "y"], events=(both, only_x))
    browse = Browse(archive_of(me))
    whole, x, y = browse.timeline(), browse.timeline("x"), browse.timeline("y")
    by_text = {e.text: e for e in whole.entries()}
    assert [e.text for e in x.entries()] == ["X opens a plant.", "X and Y sign a deal.", "Title me"]
    assert [e.text for e in y.entries()] == ["X and Y sign a deal.", "Title me"]
    assert all(e is by_text[e.text] for e in [*x.entries(), *y.entries()])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),  # hours after the first
            st.sets(st.sampled_from("abcd"), min_size=1, max_size=3),
        ),
        min_size=2,
        max_size=30,
    ),
    st.integers(1, 4),
)
def test_related_is_the_ranking_it_describes(drawn, window):
    """`related`, as its docstring says: per entity, the `RELATED_WINDOW` articles nearest in
    its order by time on each side; then most entities shared, nearest in time, older first,
    then by file. Written plainly here, against the counted and ranked one."""
    from datetime import datetime, timedelta
    from unittest import mock

    from wirearchive.browse import indexes

    start = datetime(2025, 3, 1, 8, 0)
    articles = [
        article(f"a{n}", (start + timedelta(hours=h)).isoformat(timespec="minutes"),
                entities=sorted(e))
        for n, (h, e) in enumerate(drawn)
    ]  # fmt: skip
    archive = archive_of(*articles)
    with mock.patch.object(indexes, "RELATED_WINDOW", window):
        browse = Browse(archive)
        for me in archive.articles:
            shared: dict[str, int] = {}
            for entity in set(me.entities):
                group = sorted(
                    (a for a in archive.articles if entity in a.entities),
                    key=lambda a: (a.date, a.source_file),
                )
                at = group.index(me)
                for other in group[max(0, at - window) : at + window + 1]:
                    if other is not me:
                        shared[other.source_file] = shared.get(other.source_file, 0) + 1
            expected = sorted(
                (a for a in archive.articles if a.source_file in shared),
                key=lambda a: (
                    -shared[a.source_file],
                    abs((a.date - me.date).total_seconds()),
                    a.date,
                    a.source_file,
                ),
            )
            assert [a.source_file for a in browse.related(me, 8)] == [
                a.source_file for a in expected[:8]
            ]


def _ranks(browse: Browse) -> dict[str, list[str]]:
    return {a.source_file: [r.source_file for r in browse.related(a, 8)] for a in browse.articles}


ENTITIES = st.sets(st.sampled_from("abcde"), min_size=1, max_size=3)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 400), ENTITIES), min_size=2, max_size=25),
    st.lists(
        st.tuples(
            st.sampled_from(["add", "remove", "move", "rename", "edit"]),
            st.integers(0, 1000),  # which article
            st.integers(0, 400),  # its new time
            ENTITIES,  # its new entities
        ),
        min_size=1,
        max_size=3,
    ),
    st.integers(1, 4),
)
def test_ranks_carried_over_a_change_are_those_a_fresh_ranking_gives(drawn, changes, window):
    """After dispatches are added, removed, moved in time, given other entities or edited,
    the ranks `ranks_carried_over` keeps are exactly those of a fresh ranking, and it keeps
    those of every unchanged article naming no entity that a changed one names."""
    from dataclasses import replace
    from datetime import datetime, timedelta
    from unittest import mock

    from wirearchive.browse import indexes

    start = datetime(2025, 3, 1, 8, 0)

    def made(name: str, hours: int, entities):
        when = (start + timedelta(hours=hours)).isoformat(timespec="minutes")
        return article(name, when, entities=sorted(entities))

    before = {f"a{n}": made(f"a{n}", h, e) for n, (h, e) in enumerate(drawn)}
    after = dict(before)
    named: set[str] = set()  # the entities of every changed article, before and after
    for number, (change, which, hours, entities) in enumerate(changes):
        if change == "add" or not after:
            name = f"new{number}"
            after[name] = made(name, hours, entities)
            named |= entities
            continue
        name = sorted(after)[which % len(after)]
        old = after[name]
        if change == "edit":  # another text: the same shape
            after[name] = replace(old, body="Autre texte.")
            continue
        named |= set(old.entities)
        if change == "remove":
            del after[name]
        elif change == "move":
            after[name] = replace(old, date=made(name, hours, entities).date)
        else:
            after[name] = replace(old, entities=tuple(sorted(entities)))
            named |= entities
    with mock.patch.object(indexes, "RELATED_WINDOW", window):
        then = Browse(archive_of(*before.values()))
        _ranks(then)
        now = Browse(archive_of(*after.values()))
        fresh = _ranks(now)
        carried = ranks_carried_over(then._shape(), then._related_positions, now._shape())
    for me, ranked in carried.items():
        mine = now.articles[me]
        assert [now.articles[n].source_file for n in ranked] == fresh[mine.source_file]
    for me, mine in enumerate(now.articles):
        name = mine.source_file.removeprefix("articles/").removesuffix(".txt")
        unchanged = name in before and before[name] is mine
        if unchanged and named.isdisjoint(mine.entities):
            assert me in carried


def test_related_ranks_kept_on_disk_serve_the_next_build_of_the_same_shape(tmp_path, monkeypatch):
    """A build keeps the ranks of related dispatches in the cache; the next one (another
    process) takes them while every file, date and entity is the same, and ranks no article.
    The answers are the same either way; another entity ranks again; a damaged file is none."""
    from dataclasses import replace

    from wirearchive.cache import FileCache

    store = FileCache(tmp_path / "related", "")
    when = [f"2025-0{1 + n % 9}-1{n % 10}T09:00" for n in range(30)]
    articles = [article(f"a{n}", when[n], entities=["x", "y", "z"][n % 3 :]) for n in range(30)]
    first = Browse(archive_of(*articles))
    assert first.recall_related(store) == 0
    expected = _ranks(first)
    first.keep_related()
    assert len(list((tmp_path / "related").iterdir())) == 1

    ranked: list[int] = []
    rank = Browse._rank_related
    monkeypatch.setattr(
        Browse, "_rank_related", lambda self, a, me, n: ranked.append(me) or rank(self, a, me, n)
    )
    edited = [replace(a, body="Autre texte.") if n == 7 else a for n, a in enumerate(articles)]
    again = Browse(archive_of(*edited))
    assert again.recall_related(store) == 30
    assert _ranks(again) == expected and ranked == []
    assert any(r is edited[7] for a in again.articles for r in again.related(a, 8))

    renamed = [replace(a, entities=("x",)) if n == 7 else a for n, a in enumerate(edited)]
    other = Browse(archive_of(*renamed))
    assert other.recall_related(store) == 0
    assert _ranks(other) != expected and len(ranked) == 30
    assert _ranks(other) == _ranks(Browse(archive_of(*renamed)))
    other.keep_related()  # the ranks of the old shape are forgotten
    assert len(list((tmp_path / "related").iterdir())) == 1

    # A new dispatch: only the articles naming its entity rank again; the others' ranks are
    # taken, at their new positions.
    added = [*renamed, article("new", "2025-09-30T09:00", entities=["x"])]
    grown = Browse(archive_of(*added))
    ranked.clear()
    naming_x = [n for n, a in enumerate(grown.articles) if "x" in a.entities]
    assert grown.recall_related(store) == 31 - len(naming_x) == 19
    assert _ranks(grown) == _ranks(Browse(archive_of(*added)))
    assert sorted(ranked[: len(naming_x)]) == naming_x
    grown.keep_related()  # kept for the new shape
    ranked.clear()
    assert Browse(archive_of(*added)).recall_related(store) == 31 and ranked == []

    [kept] = (tmp_path / "related").iterdir()
    whole = kept.read_bytes()
    for damaged in (
        b"{",
        b"[1, 2]",
        whole.replace(b'"ranks":[[', b'"ranks":[[99,', 1),
        whole.replace(b'"shape":[[', b'"shape":[[7,', 1),
        whole.replace(b'"shape":[', b'"shape":[]', 1),
    ):
        kept.write_bytes(damaged)
        assert Browse(archive_of(*added)).recall_related(store) == 0


_NAMES = st.sampled_from(["acme", "bolt", "cora", "dune"])
_DATES = st.sampled_from(["2024", "2024-03", "2024-03-09", "2025-01", "2025-01-31", "2026"])


@st.composite
def _archives(draw):
    """Articles naming some of four entities, with events about some of them, all of them
    (no `about`), or one the article does not name; on a few days, so that dates tie."""
    articles = []
    for n in range(draw(st.integers(0, 12))):
        entities = tuple(draw(st.lists(_NAMES, max_size=3)))
        events = [
            Event(draw(_DATES), f"Fait {n}-{k}", "past", None, tuple(draw(st.lists(_NAMES, max_size=2))))
            for k in range(draw(st.integers(0, 4)))
        ]  # fmt: skip
        day = draw(st.sampled_from(["2025-10-01T09:00", "2025-10-01T10:00", "2025-10-02T09:00"]))
        articles.append(article(f"a{n:02d}", day, entities=entities, events=events))
    return archive_of(*articles)


@settings(max_examples=200, deadline=None)
@given(_archives())
def test_a_builds_entity_timelines_are_each_entitys_articles_sorted_alone(archive):
    """A build takes every entity's timeline from one pass over the archive's timeline; each
    is, entry for entry and year by year, the timeline of the articles naming it, sorted on
    their own (`mkdocs serve` makes them so)."""
    from wirearchive.timeline import timeline as timelines

    browse = Browse(archive)
    for entity_id, articles in browse.by_entity.items():
        alone = timelines.of_articles(articles, about=entity_id)
        taken = browse.timeline(entity_id)
        assert [(y.year, [m.key for m in y.months]) for y in taken.years] == [
            (y.year, [m.key for m in y.months]) for y in alone.years
        ]
        assert [(e.date, e.kind, e.text, e.article.source_file) for e in taken.entries()] == [
            (e.date, e.kind, e.text, e.article.source_file) for e in alone.entries()
        ]
    assert set(browse._entity_entries) <= set(browse.by_entity)
