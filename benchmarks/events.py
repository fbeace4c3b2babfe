"""Dated events against the labelled set: precision and recall; the sentence splitter's cost.

    .venv/bin/python benchmarks/events.py [--plugins DIR] [--errors] [--speed]

Reads `tests/fixtures/timeline/labelled/*.yaml` (README.md there says how it is labelled),
finds the events of each item with the package found under `--plugins` (default: this
checkout's), and prints, overall and per language:

* `found`: events found; `labelled`: events of the set;
* `sentence+date`: found events whose sentence and date (and span end) match a label;
* `+kind`: ... and whose kind (past, planned, deadline) is the label's;
* `+entities`: ... and whose entities are exactly the label's: these are the right events;
* precision = right / found, recall = right / labelled.

Entities are the glossary's (`docs/entities`), found with `wirearchive.entities.Matcher` as
the build finds them. A checkout from before event kinds and entity relevance existed
(`find_events` only) is measured as the site then used it: every event `past`, and about
every entity the dispatch names (an entity's timeline took every event of every dispatch
naming it).

`--errors` lists each wrong or missing event; `--speed` times the sentence splitters
(`wirearchive.text.sentences`, and pysbd when installed) on the set's paragraphs, and event
finding per dispatch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "fixtures" / "timeline" / "labelled"
GLOSSARY = ROOT / "docs" / "entities"
LANGUAGES = ("fr", "de", "en", "it")


@dataclass(frozen=True)
class Labelled:
    """One event: what the set says, or what the finder found."""

    item: str
    language: str
    date: str
    text: str
    kind: str = "past"
    until: str | None = None
    about: frozenset[str] = frozenset()

    @property
    def place(self) -> tuple[str, str, str, str | None]:
        """Sentence and date: which label a found event stands for."""
        return (self.item, " ".join(self.text.split()), self.date, self.until)


@dataclass(frozen=True)
class Item:
    id: str
    language: str
    published: dt.datetime
    text: str
    events: tuple[Labelled, ...]

    def paragraphs(self) -> list[tuple[str, int]]:
        """The text's paragraphs (blank-line separated) with their first line, from 1."""
        found, start = [], 1
        for number, line in enumerate(self.text.split("\n"), 1):
            if not line.strip():
                start = number + 1
            elif number == start:
                found.append((line, number))
            else:
                found[-1] = (found[-1][0] + " " + line, found[-1][1])
        return found


def _partial(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def load_items(folder: Path = LABELLED) -> list[Item]:
    """Every item of the labelled set, language by language."""
    items = []
    for language in LANGUAGES:
        for raw in yaml.safe_load((folder / f"{language}.yaml").read_text(encoding="utf-8")):
            events = tuple(
                Labelled(
                    raw["id"],
                    language,
                    _partial(e["date"]),
                    e["text"],
                    e["kind"],
                    _partial(e["until"]) if e.get("until") else None,
                    frozenset(e.get("about") or ()),
                )
                for e in raw["events"]
            )
            items.append(Item(raw["id"], language, raw["published"], raw["text"], events))
    return items


def check_items(items: list[Item], known: Iterable[str]) -> list[str]:
    """What is wrong with the set itself: a label whose sentence is not in its text, an
    unknown entity id, a kind that does not exist, an item id used twice."""
    known = set(known)
    problems = []
    seen = Counter(item.id for item in items)
    problems += [f"{name}: id used {n} times" for name, n in seen.items() if n > 1]
    for item in items:
        flat = " ".join(item.text.split())
        if item.published.tzinfo is None:
            problems.append(f"{item.id}: `published` needs a UTC offset")
        for e in item.events:
            if " ".join(e.text.split()) not in flat:
                problems.append(f"{item.id}: sentence not in the text: {e.text!r}")
            if e.kind not in ("past", "planned", "deadline"):
                problems.append(f"{item.id}: unknown kind {e.kind!r}")
            problems += [f"{item.id}: unknown entity `{i}`" for i in sorted(e.about - known)]
    return problems


# ----------------------------------------------------------------------------- finding


Finder = Callable[[Item], list[Labelled]]


def finder(plugins: Path | None = None) -> Finder:
    """Events of an item as the package under `plugins` finds them, entities included."""
    if plugins is not None:
        sys.path.insert(0, str(plugins))
    events = importlib.import_module("wirearchive.timeline.events")
    entities = importlib.import_module("wirearchive.entities")
    glossary = entities.load_glossary(GLOSSARY, ROOT, ROOT / "docs")
    matcher = entities.Matcher(glossary.entities.values())
    types = {ident: entity.type for ident, entity in glossary.entities.items()}

    def named(item: Item) -> frozenset[str]:
        introduced: set[str] = set()
        return frozenset(
            m.entity for p, _ in item.paragraphs() for m in matcher.find(p, introduced)
        )

    if hasattr(events, "dated_events"):

        def find(item: Item) -> list[Labelled]:
            introduced: set[str] = set()

            def about(sentence: str) -> list[tuple[int, int, str]]:
                return [(m.start, m.end, m.entity) for m in matcher.find(sentence, introduced)]

            found, _ = events.dated_events(
                item.paragraphs(), item.published, item.language, about=about, types=types
            )
            return [
                Labelled(
                    item.id, item.language, e.date, e.text, e.kind, e.until, frozenset(e.about)
                )
                for e in found
            ]

    else:  # the package before event kinds and relevance

        def find(item: Item) -> list[Labelled]:
            found, _ = events.find_events(item.paragraphs(), item.published, item.language)
            everyone = named(item)
            return [
                Labelled(item.id, item.language, e.date, e.text, "past", None, everyone)
                for e in found
            ]

    return find


# ----------------------------------------------------------------------------- scoring


@dataclass
class Score:
    labelled: int = 0
    found: int = 0
    placed: int = 0  # sentence and date right
    kind: int = 0  # ... and kind
    right: int = 0  # ... and entities

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0

    def add(self, other: Score) -> None:
        for name in ("labelled", "found", "placed", "kind", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_item(labels: Iterable[Labelled], found: Iterable[Labelled]) -> tuple[Score, list[str]]:
    """How many found events are right, and a line for each wrong or missing one."""
    labels, found = list(labels), list(found)
    score = Score(labelled=len(labels), found=len(found))
    waiting = {label.place: label for label in labels}
    notes = []
    for event in found:
        label = waiting.pop(event.place, None)
        if label is None:
            notes.append(f"  wrong   {event.date} {event.kind}: {event.text}")
            continue
        score.placed += 1
        if event.kind != label.kind:
            notes.append(f"  kind    {event.date} {event.kind}, not {label.kind}: {event.text}")
            continue
        score.kind += 1
        if event.about != label.about:
            extra, missing = sorted(event.about - label.about), sorted(label.about - event.about)
            notes.append(f"  about   {event.date} +{extra} -{missing}: {event.text}")
            continue
        score.right += 1
    notes += [f"  missed  {label.date} {label.kind}: {label.text}" for label in waiting.values()]
    return score, notes


def evaluate(items: list[Item], find: Finder) -> tuple[dict[str, Score], list[str]]:
    """Scores per language and overall (key `all`), and the notes on every item."""
    scores = {language: Score() for language in (*LANGUAGES, "all")}
    notes = []
    for item in items:
        score, item_notes = score_item(item.events, find(item))
        scores[item.language].add(score)
        scores["all"].add(score)
        if item_notes:
            notes += [f"{item.id} ({item.published:%a %Y-%m-%d})", *item_notes]
    return scores, notes


def table(scores: dict[str, Score]) -> str:
    head = f"{'':4} {'labelled':>8} {'found':>6} {'sent+date':>9} {'+kind':>6} {'+entities':>9} {'precision':>9} {'recall':>7}"
    rows = [head]
    for name, s in scores.items():
        rows.append(
            f"{name:4} {s.labelled:8} {s.found:6} {s.placed:9} {s.kind:6} {s.right:9} "
            f"{s.precision:9.3f} {s.recall:7.3f}"
        )
    return "\n".join(rows)


# ----------------------------------------------------------------------------- splitters


def splitters() -> dict[str, Callable[[str, str], list[str]]]:
    """The package's splitter, and pysbd's when it is installed."""
    from wirearchive.text import sentences

    found: dict[str, Callable[[str, str], list[str]]] = {
        "wirearchive.text.sentences": lambda text, language: sentences.sentences(text)
    }
    try:
        import pysbd
    except ImportError:
        return found
    segmenters: dict[str, object] = {}

    def split(text: str, language: str) -> list[str]:
        if language not in segmenters:
            segmenters[language] = pysbd.Segmenter(language=language, clean=False)
        return [s.strip() for s in segmenters[language].segment(text) if s.strip()]  # type: ignore[attr-defined]

    found["pysbd 0.3"] = split
    return found


def load_boundaries(folder: Path = LABELLED) -> list[tuple[str, str, list[str]]]:
    """The hard sentence boundaries: (language, paragraph, its sentences)."""
    raw = yaml.safe_load((folder / "sentences.yaml").read_text(encoding="utf-8"))
    return [(case["language"], case["text"], case["sentences"]) for case in raw]


def splitter_report(items: list[Item], rounds: int = 20) -> str:
    """For each splitter: labelled sentences it keeps whole (those of the events, with their
    datelines, which the event finder takes off first; and the hard boundaries of
    sentences.yaml), and its time per paragraph of the labelled set."""
    paragraphs = [(p, item.language) for item in items for p, _ in item.paragraphs()]
    wanted = {(item.id, " ".join(e.text.split())) for item in items for e in item.events}
    hard = load_boundaries()
    lines = [
        f"{len(paragraphs)} paragraphs, {len(wanted)} labelled sentences; "
        f"{len(hard)} paragraphs of hard boundaries"
    ]
    for name, split in splitters().items():
        whole = set()
        for item in items:
            for paragraph, _ in item.paragraphs():
                whole |= {(item.id, s) for s in split(paragraph, item.language)}
        kept = len(wanted & whole)
        right = sum(split(text, language) == expected for language, text, expected in hard)
        started = time.perf_counter()
        for _ in range(rounds):
            for paragraph, language in paragraphs:
                split(paragraph, language)
        per = (time.perf_counter() - started) / rounds / len(paragraphs)
        lines.append(
            f"  {name:28} event sentences whole {kept}/{len(wanted)}, "
            f"hard paragraphs right {right}/{len(hard)}, {per * 1e6:8.1f} µs per paragraph"
        )
    return "\n".join(lines)


def speed_report(items: list[Item], find: Finder, rounds: int = 20) -> str:
    started = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            find(item)
    per = (time.perf_counter() - started) / rounds / len(items)
    return f"events with entities: {per * 1e6:.0f} µs per dispatch ({len(items)} dispatches, {rounds} rounds)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--plugins", type=Path, help="the source root of the package to measure")
    parser.add_argument("--errors", action="store_true", help="list each wrong or missing event")
    parser.add_argument("--speed", action="store_true", help="time splitters and event finding")
    args = parser.parse_args()
    find = finder(args.plugins)
    items = load_items()
    entities = importlib.import_module("wirearchive.entities")
    known = entities.load_glossary(GLOSSARY, ROOT, ROOT / "docs").entities
    problems = check_items(items, known)
    if problems:
        sys.exit("the labelled set is wrong:\n" + "\n".join(problems))
    scores, notes = evaluate(items, find)
    print(f"package: {Path(sys.modules['wirearchive'].__file__ or '').parent}")
    print(table(scores))
    if args.errors:
        print("\n".join(notes))
    if args.speed:
        print(splitter_report(items))
        print(speed_report(items, find))


if __name__ == "__main__":
    main()
