"""A built timeline lists its entries in the order they were sorted in, so its slices and
filters (the pages of a timeline, an entity's events) are grouped again without sorting."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from wirearchive.model import Article, Event
from wirearchive.timeline.timeline import Entry, build


def _entries(seed: int) -> list[Entry]:
    rng = random.Random(seed)
    entries = []
    for number in range(60):
        year = rng.choice(["2023", "2024", "2025"])
        day = dt.datetime(int(year), rng.randint(1, 12), rng.randint(1, 28), tzinfo=dt.UTC)
        article = Article(
            f"articles/{number}.txt", f"Titre {number}", day, "fr", (), None, None, None, None,
            f"titre-{number}", "Texte.",
        )  # fmt: skip
        entries.append(Entry(day.date().isoformat(), "publication", article.title, article))
        for _ in range(rng.randint(0, 4)):
            date = rng.choice(
                [year, f"{year}-{rng.randint(1, 12):02d}", f"{year}-{day.month:02d}-{day.day:02d}"]
            )
            text = rng.choice(["Un fait", "Un autre fait", "Encore un fait"])
            event = Event(date, text)
            entries.append(Entry(date, "event", text, article, event))
    rng.shuffle(entries)
    return entries


@pytest.mark.parametrize("seed", range(20))
def test_slices_and_filters_of_a_timeline_need_no_sorting(seed):
    timeline = build(_entries(seed))
    listed = timeline.entries()
    assert listed == sorted(listed, key=Entry.sort_key)
    parts = [
        listed,
        [e for e in listed if e.kind == "event"],
        [e for e in listed if len(e.date) == 4 or e.article.source_file.endswith("3.txt")],
        listed[-50:],
        *(listed[start : start + 25] for start in range(0, len(listed), 25)),
    ]
    for part in parts:
        assert build(part, ordered=True) == build(part)
