"""Timelines in date order, grouped by year and month, and their TimelineJS export."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.timeline.helpers import archive_of
from wirearchive.browse.indexes import Browse
from wirearchive.model import Event
from wirearchive.timeline import timeline, timelinejs
from wirearchive.timeline.partial import label, sort_key, span_of

from .helpers import article


def test_entries_are_grouped_by_year_then_month_with_partial_dates_first():
    a = article(
        "a",
        "2026-02-01T09:00",
        events=[("2026-01-31", "Samedi."), ("2025-09", "Septembre."), ("2025", "L'an dernier.")],
    )
    b = article("b", "2025-09-15T10:00", events=[("2025-09-14", "La veille.")])
    built = timeline.of_articles([a, b])
    assert [y.year for y in built.years] == ["2025", "2026"]
    y2025 = built.years[0]
    assert [e.text for e in y2025.entries] == [
        "L'an dernier."
    ]  # known to the year: before the months
    assert [m.key for m in y2025.months] == ["2025-09"]
    assert [(e.date, e.kind) for e in y2025.months[0].entries] == [
        ("2025-09", "event"),
        ("2025-09-14", "event"),
        ("2025-09-15", "publication"),
    ]
    assert [(e.date, e.kind) for e in built.years[1].months[0].entries] == [("2026-01-31", "event")]
    assert [(e.date, e.kind) for e in built.years[1].months[1].entries] == [
        ("2026-02-01", "publication")
    ]
    assert built.count == 6


def test_latest_events_stop_at_the_given_day():
    a = article(
        "a",
        "2026-02-01T09:00",
        events=[("2026-01-31", "Passé."), ("2027", "Futur."), ("2026-02", "Ce mois.")],
    )
    latest = timeline.latest_events([a], 10, until="2026-02-01")
    assert [e.text for e in latest] == ["Ce mois.", "Passé."]


def test_timelinejs_keeps_precision_and_escapes_text():
    a = article(
        "a",
        "2026-02-01T09:00",
        events=[("2025-09", "Plans <b>présentés</b>."), ("2024", "Fondée.")],
    )
    document = timelinejs.export(timeline.of_articles([a]), "Chipwerk & co", "fr")
    slides = document["events"]
    assert document["title"]["text"]["headline"] == "Chipwerk &amp; co"
    assert [s["start_date"] for s in slides] == [
        {"year": 2024, "display_date": "2024"},
        {"year": 2025, "month": 9, "display_date": "septembre 2025"},
        {"year": 2026, "month": 2, "day": 1, "display_date": "1 février 2026"},
    ]
    assert slides[1]["text"]["text"] == "Plans &lt;b&gt;présentés&lt;/b&gt;."
    assert [s["group"] for s in slides] == ["Events", "Events", "Publications"]
    assert json.loads(timelinejs.dumps(document)) == document


def test_partial_dates():
    assert sort_key("2025") < sort_key("2025-01") < sort_key("2025-01-01") < sort_key("2025-02")
    assert (
        label("2025-09", "de") == "September 2025"
        and label("2026-01-31", "en") == "January 31, 2026"
    )
    import datetime as dt

    assert span_of(dt.date(2026, 1, 19), dt.date(2026, 1, 25)) == "2026-01"
    assert span_of(dt.date(2026, 1, 26), dt.date(2026, 2, 1)) == "2026"
    assert span_of(dt.date(2025, 12, 29), dt.date(2026, 1, 4)) is None


def test_timelinejs_export_keeps_the_latest_entries_when_limited():
    a = article(
        "a",
        "2026-02-01T09:00",
        events=[("2024", "Ancien."), ("2025-09", "Septembre."), ("2026-01-31", "Samedi.")],
    )
    document = timelinejs.export(timeline.of_articles([a]), "A", "en", limit=2)
    assert [s["start_date"]["display_date"] for s in document["events"]] == [
        "January 31, 2026",
        "February 1, 2026",
    ]
    assert document["title"]["text"]["text"] == "The latest 2 of 4 entries."


def test_an_entitys_timeline_keeps_the_events_about_it():
    both = article(
        "both",
        "2025-10-06T09:00",
        entities=["nvidia", "tsmc"],
        events=[
            Event("2025-10-01", "Nvidia a annoncé un accord.", about=("nvidia",)),
            Event("2024-12", "TSMC a ouvert son usine de Phoenix.", about=("tsmc",)),
            Event("2025-09", "Les deux groupes ont signé.", about=("nvidia", "tsmc")),
        ],
    )
    given = article(
        "given", "2025-10-07T09:00", entities=["nvidia"], events=[("2025-08", "Sans about.")]
    )
    browse = Browse(archive_of(both, given))
    texts = [e.text for e in browse.timeline("nvidia").entries() if e.kind == "event"]
    assert texts == ["Sans about.", "Les deux groupes ont signé.", "Nvidia a annoncé un accord."]
    tsmc = [e.text for e in browse.timeline("tsmc").entries() if e.kind == "event"]
    assert tsmc == ["TSMC a ouvert son usine de Phoenix.", "Les deux groupes ont signé."]


def test_the_latest_events_of_the_archive_timeline_are_the_latest_events():
    """The home page reads them from the archive's timeline, built once for the timeline
    pages, rather than sorting every event of the archive again."""
    from wirearchive.browse.indexes import Browse

    from .helpers import archive_of

    articles = [
        article(
            f"a{n}",
            f"2026-02-{n + 1:02d}T09:00",
            events=[(f"2026-01-{n + 3:02d}", f"Fait {n}."), ("2026", f"Année {n}."),
                    (f"2026-02-{n + 2:02d}", f"Après {n}."), ("2027-05", f"Plus tard {n}.")],
        )
        for n in range(12)
    ]  # fmt: skip
    browse = Browse(archive_of(*articles))
    newest = browse.articles[0].date.date().isoformat()
    expected = timeline.latest_events(browse.articles, 10, until=newest)
    assert [(e.date, e.text) for e in browse.latest_events(10)] == [
        (e.date, e.text) for e in expected
    ]
    # none after the newest dispatch's day (12 February: "Après 11." is the 13th)
    assert [e.text for e in expected][:3] == ["Après 10.", "Après 9.", "Après 8."]
    assert not {"Après 11.", "Plus tard 0."} & {e.text for e in expected}


def _shape(made: timeline.Timeline) -> list:
    """A timeline's years, months and entries, each entry as the very object it is."""
    return [
        (
            y.year,
            [id(e) for e in y.entries],
            [(m.key, [id(e) for e in m.entries]) for m in y.months],
        )
        for y in made.years
    ]


DATES = ["2019", "2023-05", "2023-05-02", "2024", "2024-11-30", "2025-01", "2025-01-15"]


@settings(max_examples=60, deadline=None)
@given(
    events=st.lists(st.lists(st.sampled_from(DATES), max_size=4), min_size=2, max_size=12),
    gone=st.sets(st.integers(0, 11)),
    added=st.lists(st.lists(st.sampled_from(DATES), max_size=4), max_size=3),
)
def test_a_timeline_rebuilt_for_an_edit_is_the_one_built_afresh(events, gone, added):
    """`rebuilt` gives what `build` gives for the same entries, in the same order, and keeps
    the very years neither the removed nor the added articles touch."""

    def made(n: int, dates: list[str], prefix: str):
        return article(
            f"{prefix}{n}",
            f"2025-0{1 + n % 9}-1{n % 10}T09:00",
            events=tuple(Event(d, f"Phrase {k} de {prefix}{n}.") for k, d in enumerate(dates)),
        )

    articles = [made(n, dates, "a") for n, dates in enumerate(events)]
    shared: dict = {}
    last = timeline.of_articles(articles, shared=shared)
    removed = {id(a) for n, a in enumerate(articles) if n in gone}
    new = [made(n, dates, "n") for n, dates in enumerate(added)]
    kept = [a for a in articles if id(a) not in removed]
    again = timeline.rebuilt(last, removed, timeline.entries_of(new, shared=shared))
    fresh = timeline.build(timeline.entries_of([*new, *kept], shared=shared))
    assert _shape(again) == _shape(fresh)
    changed = [*new, *(a for a in articles if id(a) in removed)]
    touched = {e.date[:4] for e in timeline.entries_of(changed)}
    for year in again.years:
        if year.year not in touched:
            assert any(year is y for y in last.years)


@settings(max_examples=60, deadline=None)
@given(
    events=st.lists(st.lists(st.sampled_from(DATES), max_size=5), max_size=8),
    count=st.integers(-1, 45),
)
def test_the_last_entries_of_a_timeline_are_its_entries_last(events, count):
    """`last(n)` gives what `entries()[-n:]` gives (nothing for none), without listing them."""
    articles = [
        article(
            f"a{n}",
            f"2025-0{1 + n % 9}-1{n % 10}T09:00",
            events=tuple(Event(d, f"Phrase {k} de a{n}.") for k, d in enumerate(dates)),
        )
        for n, dates in enumerate(events)
    ]
    built = timeline.of_articles(articles)
    expected = built.entries()[-count:] if count > 0 else []
    assert [id(e) for e in built.last(count)] == [id(e) for e in expected]


def _grouped(entries: list) -> list:
    """Entries grouped as `itertools.groupby` groups them, by year, then by month (the way
    `build` grouped them before it grouped them in one pass)."""
    from itertools import groupby

    shape = []
    for year, in_year in groupby(entries, key=lambda e: e.date[:4]):
        known_to_year: list = []
        months: list = []
        for month, in_month in groupby(
            in_year, key=lambda e: e.date[:7] if len(e.date) >= 7 else None
        ):
            if month is None:
                known_to_year += [id(e) for e in in_month]
            else:
                months.append((month, [id(e) for e in in_month]))
        shape.append((year, known_to_year, months))
    return shape


@settings(max_examples=100, deadline=None)
@given(dates=st.lists(st.sampled_from(DATES), max_size=30))
def test_a_timeline_of_entries_in_any_order_is_grouped_as_groupby_groups_them(dates):
    """`build(..., ordered=True)` groups entries as they come, as grouping by year and then by
    month with `itertools.groupby` does, even when they are not in timeline order (a month
    broken by entries known to the year only is two months); sorted, each year and month is
    one group."""
    made = article(
        "a", "2025-09-09T09:00", events=[(d, f"Phrase {n}.") for n, d in enumerate(dates)]
    )
    entries = [e for e in timeline.entries_of([made]) if e.kind == "event"]
    assert _shape(timeline.build(entries, ordered=True)) == _grouped(entries)
    built = timeline.build(entries)
    assert _shape(built) == _grouped(built.entries())
    assert len({y.year for y in built.years}) == len(built.years)
    assert all(len({m.key for m in y.months}) == len(y.months) for y in built.years)
