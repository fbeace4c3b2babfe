"""Ways into the archive: by date, agency, rubric, language and entity; an article's neighbours.

Built once from the whole archive (articles newest first) and read by every page.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from babel.core import Locale, UnknownLocaleError

from ..archive import Archive
from ..cache import FileCache
from ..carry import MISSING, Carried, CarriedEntries, made_of, same_sources
from ..model import Article
from ..text.folding import fold
from ..text.slugs import make_slug, numbered
from ..timeline import timeline as timelines

RELATED_KEPT = 8  # related dispatches remembered per article (Browse.related)
RELATED_WINDOW = 200  # per shared entity, the articles nearest in time that are weighed as related


@dataclass
class Facet:
    """The articles sharing one source agency, rubric or language (newest first)."""

    kind: str  # "source", "rubric" or "language"
    name: str  # as written in the articles: `ATS`, `Économie`, `fr`
    slug: str
    articles: list[Article] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{FACET_FOLDERS[self.kind]}/{self.slug}/"

    @property
    def label(self) -> str:
        """The name to show: a language by its own name (`français`, `Deutsch`)."""
        if self.kind != "language":
            return self.name
        try:
            return Locale.parse(self.name).get_display_name(self.name) or self.name
        except (ValueError, UnknownLocaleError):
            return self.name


FACET_FOLDERS = {"source": "sources", "rubric": "rubrics", "language": "languages"}

# Rubrics that name one subject in the site's languages: one facet gathers them. A rubric
# in no group is a subject of its own.
RUBRIC_GROUPS = (
    (
        "Technologie",
        "Technologies",
        "Tech",
        "Technology",
        "Technik",
        "Digital",
        "Numérique",
        "Multimédia",
        "Informatique",
        "Netzwelt",
        "Tecnologia",
    ),
    ("Économie", "Economie", "Wirtschaft", "Economy", "Business", "Economia"),
    ("Marchés", "Märkte", "Markets", "Bourse", "Börse", "Mercati", "Borsa"),
    ("Entreprises", "Unternehmen", "Companies", "Aziende"),
    ("Finance", "Finanzen", "Finanza"),
    ("Médias", "Medien", "Media"),
    ("Télécoms", "Télécommunications", "Telekommunikation", "Telecoms"),
    ("Sciences", "Science", "Wissenschaft", "Wissen", "Forschung", "Recherche", "Scienza"),
    ("Santé", "Gesundheit", "Health", "Salute"),
    ("Suisse", "Schweiz", "Switzerland", "Svizzera"),
    ("International", "Monde", "Ausland", "World", "Estero", "Mondo"),
    ("Politique", "Politik", "Politics", "Politica"),
    ("Culture", "Kultur", "Cultura"),
    ("Société", "Gesellschaft", "Society", "Società"),
    ("Énergie", "Energie", "Energy", "Energia"),
)
_RUBRIC_GROUP = {fold(name): group[0] for group in RUBRIC_GROUPS for name in group}


def rubric_group(rubric: str) -> str:
    """The subject a rubric names: `Tech` and `Technologie` are one."""
    return _RUBRIC_GROUP.get(fold(rubric), rubric)


@dataclass
class Period:
    """A year (`2025`) or a month (`2025-09`) of the archive and its articles, newest first."""

    key: str
    articles: list[Article] = field(default_factory=list)

    @property
    def year(self) -> str:
        return self.key[:4]

    @property
    def month(self) -> str | None:
        return self.key[5:7] or None

    @property
    def url(self) -> str:
        return f"archive/{self.year}/" + (f"{self.month}/" if self.month else "")


def reading_order(name: str) -> tuple[str, str]:
    """Sort key of names as a reader expects: `Économie` between `AFP` and `Tech`."""
    return fold(name), name


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A URL slug for each name, made unique (`-2`, `-3`) in the order of the sorted names."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names), key=reading_order):
        slug = numbered(make_slug(name, max_length=0, default="x"), taken)
        taken.add(slug)
        slugs[name] = slug
    return slugs


class Browse:
    """Indexes of one archive; each is computed when first asked for."""

    def __init__(self, archive: Archive, carried: Carried | None = None):
        self.archive = archive
        self.articles: list[Article] = archive.articles  # newest first
        # What the last build of this process made (`mkdocs serve`): the timelines of
        # unchanged articles, and their entries, are taken as they are (wirearchive.carry).
        self.carried = carried
        self._entity_timelines: dict[str, timelines.Timeline] = {}
        # one entry per event, for every timeline
        self._entries: timelines.SharedEntries = {} if carried is None else CarriedEntries(carried)
        self._spellings: dict[str, tuple[str, ...]] = {}
        # What readers above make of these indexes, made once a build (the site's generators)
        self.derived: dict[Hashable, Any] = {}
        # Where related ranks are kept between builds, under which key (`recall_related`),
        # and how many this build ranked
        self._related_store: tuple[FileCache, str] | None = None
        self._ranked = 0
        self._ranks_carried = False  # the last build of this process handed on its ranks

    # -- by date

    @cached_property
    def years(self) -> list[Period]:
        """Years newest first, each with its months newest first in `months`."""
        years: dict[str, Period] = {}
        for article in self.articles:
            years.setdefault(article.year, Period(article.year)).articles.append(article)
        return list(years.values())

    @cached_property
    def months(self) -> dict[str, list[Period]]:
        """Months of each year, newest first."""
        months: dict[str, dict[str, Period]] = defaultdict(dict)
        for article in self.articles:
            key = f"{article.year}-{article.month}"
            months[article.year].setdefault(key, Period(key)).articles.append(article)
        return {year: list(found.values()) for year, found in months.items()}

    # -- by source, rubric, language

    @cached_property
    def facets(self) -> dict[str, list[Facet]]:
        """Facets of each kind, sorted by name. The rubrics of one subject in the site's
        languages (`Tech`, `Technologie`; `Wirtschaft`, `Économie`) make one facet, named
        by the spelling most of its dispatches use."""
        names: dict[str, dict[str, list[Article]]] = {
            kind: defaultdict(list) for kind in FACET_FOLDERS
        }
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        for article in self.articles:
            for source in dict.fromkeys(article.sources):
                names["source"][source].append(article)
            if article.rubric:
                group = rubric_group(article.rubric)
                names["rubric"][group].append(article)
                spellings[group][article.rubric] += 1
            names["language"][article.language].append(article)
        labels = {g: min(c, key=lambda name: (-c[name], fold(name))) for g, c in spellings.items()}
        names["rubric"] = {labels[g]: found for g, found in names["rubric"].items()}
        self._spellings = {labels[g]: tuple(sorted(c, key=fold)) for g, c in spellings.items()}
        result: dict[str, list[Facet]] = {}
        for kind, by_name in names.items():
            slugs = unique_slugs(by_name) if kind != "language" else {n: n for n in by_name}
            result[kind] = [
                Facet(kind, name, slugs[name], by_name[name])
                for name in sorted(by_name, key=reading_order)
            ]
        return result

    def facet_of(self, kind: str, name: str) -> Facet | None:
        """The facet of a source, rubric (any of its spellings) or language."""
        return self._facet_lookup.get((kind, name))

    def spellings(self, facet: Facet) -> tuple[str, ...]:
        """The rubric spellings a rubric facet gathers (`Tech`, `Technologie`)."""
        if facet.kind != "rubric":
            return ()
        self.facets  # noqa: B018 (computes the spellings with the facets)
        return self._spellings.get(facet.name, (facet.name,))

    @cached_property
    def _facet_lookup(self) -> dict[tuple[str, str], Facet]:
        lookup = {(f.kind, f.name): f for facets in self.facets.values() for f in facets}
        for facet in self.facets["rubric"]:
            for spelling in self.spellings(facet):
                lookup[("rubric", spelling)] = facet
        return lookup

    # -- by entity

    def entity(self, entity_id: str):
        """The glossary entity `entity_id` (with `name` and `url`), or None if there is none."""
        glossary = getattr(self.archive, "glossary", None)
        return glossary.get(entity_id) if glossary else None

    def entity_name(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity is not None else entity_id

    @cached_property
    def by_entity(self) -> dict[str, list[Article]]:
        """Articles naming each entity id, newest first."""
        found: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            for entity in dict.fromkeys(article.entities):
                found[entity].append(article)
        return dict(found)

    def timeline(self, entity_id: str | None = None) -> timelines.Timeline:
        """The timeline of the whole archive, or of the articles naming `entity_id`."""
        if entity_id is None:
            return self._archive_timeline
        if entity_id not in self._entity_timelines:
            articles = self.by_entity.get(entity_id, [])
            self._entity_timelines[entity_id] = made_of(
                self.carried,
                "entity timeline",
                entity_id,
                articles,
                lambda: self._entity_timeline(entity_id, articles),
            )
        return self._entity_timelines[entity_id]

    def _entity_timeline(self, entity_id: str, articles: list[Article]) -> timelines.Timeline:
        """The timeline of `articles`, those naming `entity_id`: in a build, taken from the
        archive's timeline, sorted once (`_entity_entries`); under `mkdocs serve`, which makes
        again only the timelines of the entities an edit touches, sorted on its own."""
        if self.carried is None:
            return timelines.build(self._entity_entries.get(entity_id, []), ordered=True)
        return timelines.of_articles(articles, about=entity_id, shared=self._entries)

    @cached_property
    def _entity_entries(self) -> dict[str, list[timelines.Entry]]:
        """Each entity's timeline entries, in timeline order, from one pass over the archive's
        timeline: what `timelines.of_articles(by_entity[id], about=id)` gives, without sorting
        300 entities' entries again (about 0.1 s of a build at 10,000 dispatches, a sort that
        grows faster than the archive). An article's
        publication is its entities'; an event, those it is about among them (all of them when
        it says nothing)."""
        found: dict[str, list[timelines.Entry]] = defaultdict(list)
        for entry in self._archive_timeline.entries():
            named = entry.article.entities
            if entry.event is None or not entry.event.about:
                names: Iterable[str] = dict.fromkeys(named)
            else:
                names = [n for n in dict.fromkeys(entry.event.about) if n in named]
            for name in names:
                found[name].append(entry)
        return found

    @cached_property
    def _archive_timeline(self) -> timelines.Timeline:
        carried = self.carried
        if carried is None:
            return timelines.of_articles(self.articles, shared=self._entries)
        last = carried.last("archive timeline", None)
        found = carried.recall(
            "archive timeline", None, lambda kept: same_sources(kept[0], self.articles)
        )
        if found is not MISSING:
            made = found[1]
        else:
            made = self._rebuilt_timeline(last[0], last[1]) if last is not MISSING else None
            if made is None:
                made = timelines.of_articles(self.articles, shared=self._entries)
            carried.keep("archive timeline", None, (tuple(self.articles), made))
        carried.given.add(id(made))
        # Its entries are kept for the next build (whose timelines of an edited archive
        # take them one by one), those taken with it as well as those made now.
        for entry in made.entries():
            self._entries[id(entry.article if entry.event is None else entry.event)] = entry
        return made

    def _rebuilt_timeline(
        self, articles: Sequence[Article], last: timelines.Timeline
    ) -> timelines.Timeline | None:
        """The archive's timeline made from the last build's `last` of its `articles`
        (`mkdocs serve`): the years the articles removed, added or edited since do not
        touch are its very years. None when a tenth of the archive or more changed."""
        before = {id(a) for a in articles}
        now = {id(a) for a in self.articles}
        added = [a for a in self.articles if id(a) not in before]
        gone = before - now
        if len(added) + len(gone) > len(self.articles) // 10:
            return None
        made = timelines.entries_of(added, shared=self._entries)
        return timelines.rebuilt(last, gone, made)

    def latest_events(self, count: int = 10) -> list[timelines.Entry]:
        """The most recent events reported, none later than the newest dispatch's day."""
        if not self.articles:
            return []
        return timelines.latest_of(
            self._archive_timeline, count, until=self.articles[0].date.date().isoformat()
        )

    def most_mentioned(self, weeks: int = 4, count: int = 10) -> list[tuple[str, int]]:
        """Entity ids named by most dispatches in the `weeks` before the newest one, with counts."""
        if not self.articles:
            return []
        since = self.articles[0].date - dt.timedelta(weeks=weeks)
        counts: Counter[str] = Counter()
        for article in self.articles:
            if article.date <= since:
                break
            counts.update(set(article.entities))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:count]

    # -- neighbours of an article

    @cached_property
    def _position(self) -> dict[int, int]:
        return {id(article): n for n, article in enumerate(self.articles)}

    def previous(self, article: Article) -> Article | None:
        """The dispatch published just before `article`."""
        n = self._position.get(id(article))
        return self.articles[n + 1] if n is not None and n + 1 < len(self.articles) else None

    def next(self, article: Article) -> Article | None:
        """The dispatch published just after `article`."""
        n = self._position.get(id(article))
        return self.articles[n - 1] if n else None

    def related(self, article: Article, count: int = 5) -> list[Article]:
        """Dispatches sharing the most entities with `article`, then the closest in time.

        For an entity named by many dispatches, only the `RELATED_WINDOW` nearest in
        time to `article` are weighed, so the work stays bounded on large archives. The
        first `RELATED_KEPT` are remembered: a page asks for them more than once (its
        template, the page cache's key).
        """
        me = self._position[id(article)]
        kept = self._related_positions.get(me)
        if kept is None or count > RELATED_KEPT:
            kept = self._rank_related(article, me, max(count, RELATED_KEPT))
            self._related_positions[me] = kept[:RELATED_KEPT]
            self._ranked += 1
        return [self.articles[n] for n in kept[:count]]

    def recall_related(self, store: FileCache) -> int:
        """Take the related ranks an earlier build kept in `store` (`keep_related`) that hold
        for this archive: all of them when every article's file, date and entities, in archive
        order, are the same (the ranks are a function of these alone: an edit to a dispatch's
        text); else those of the articles an added, removed or changed one cannot have
        changed (`ranks_carried_over`). The ranking of every article took 1.1 s of a dirty
        build at 10,000 dispatches, every one of whose article pages' keys names its related
        dispatches. Returns how many articles' ranks were taken; a file that is not such
        ranks is none. Nothing is read when `mkdocs serve`'s last build handed on its ranks
        (`_related_positions`): the file holds no more than those (0.17 s at 10,000)."""
        key = store.key("related")
        self._related_store = store, key
        positions = self._related_positions
        if self._ranks_carried or len(positions) == len(self.articles):
            return 0  # what the file holds, the last build of this process held
        kept = store.get(key)
        try:
            found = json.loads(kept) if kept is not None else None
        except ValueError:
            return 0
        if found is None or not _is_kept_ranks(found):
            return 0
        shape = self._shape()
        then = [(file, date, tuple(entities)) for file, date, entities in found["shape"]]
        ranks = {n: r for n, r in enumerate(found["ranks"]) if r is not None}
        if then != shape:
            ranks = ranks_carried_over(then, ranks, shape)
            self._ranked += 1  # kept again, for this shape
        taken = 0
        for me, ranked in ranks.items():
            if me not in positions:
                positions[me] = ranked
                taken += 1
        return taken

    def keep_related(self) -> None:
        """Keep the ranks known now, and the archive's shape they are for, where
        `recall_related` looked, if this build ranked any or took them for another shape."""
        if self._related_store is None:
            return
        store, key = self._related_store
        if self._ranked:
            positions = self._related_positions
            kept = {
                "shape": [[file, date, list(entities)] for file, date, entities in self._shape()],
                "ranks": [positions.get(n) for n in range(len(self.articles))],
            }
            store.put(key, json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode())
            self._ranked = 0
        store.prune([key])

    def _shape(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """What related ranks are a function of: each article's file, date and entities, in
        archive order."""
        return [(a.source_file, a.date.isoformat(), tuple(a.entities)) for a in self.articles]

    @cached_property
    def _related_positions(self) -> dict[int, list[int]]:
        """The positions of the related dispatches ranked so far, by the position of the
        article. `mkdocs serve` takes the last build's: all of them when the archive's shape
        is the same (an edit to a dispatch's text), else those `ranks_carried_over` keeps
        (an added dispatch re-ranks the articles naming its entities, not all 10,000:
        0.7 s)."""
        if self.carried is None:
            return {}
        shape = self._shape()
        last = self.carried.last("related ranks", None)
        self._ranks_carried = last is not MISSING
        found = self.carried.recall("related ranks", None, lambda kept: kept[0] == shape)
        if found is MISSING:
            ranks = {} if last is MISSING else ranks_carried_over(last[0], last[1], shape)
            found = (shape, ranks)
            self.carried.keep("related ranks", None, found)
        return found[1]

    def _rank_related(self, article: Article, me: int, count: int) -> list[int]:
        # Articles are counted by their position in `articles`, in C (Counter.update of a
        # slice), and ranked by plain tuples: the related dispatches of the 10,000 articles
        # of a synthetic archive took 2.3 s with an id() and a key function for each
        # candidate, 0.7 s so.
        shared: Counter[int] = Counter()
        for entity in dict.fromkeys(article.entities):
            positions = self._entity_positions.get(entity, [])
            keys = self._entity_keys.get(entity, [])
            at = bisect_left(keys, (article.date, article.source_file))
            shared.update(positions[max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1])
        shared.pop(me, None)
        instant, order = self._instants, self._order
        mine = instant[me]
        # Most entities shared, then nearest in time, then older first, then by file: the
        # order of (-shared, |Δt|, date, source_file), with the time and the last two read
        # from integers made once (datetime arithmetic was most of the ranking's time).
        # `order` is a rank, unique: the position after it is never compared.
        ranked = heapq.nsmallest(
            count,
            [(-n, abs(instant[i] - mine), order[i], i) for i, n in shared.items()],
        )
        return [i for *_, i in ranked]

    @cached_property
    def _instants(self) -> list[int]:
        """Each article's time in microseconds since the epoch (exact, unlike a float), by
        its position in `articles`."""
        epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        step = dt.timedelta(microseconds=1)
        return [(a.date - epoch) // step for a in self.articles]

    @cached_property
    def _order(self) -> list[int]:
        """Each article's rank by (date, source_file), oldest first, by its position."""
        articles = self.articles
        ranked = sorted(
            range(len(articles)), key=lambda n: (articles[n].date, articles[n].source_file)
        )
        order = [0] * len(articles)
        for rank, n in enumerate(ranked):
            order[n] = rank
        return order

    @cached_property
    def _entity_positions(self) -> dict[str, list[int]]:
        """The positions of each entity's articles, oldest first."""
        position = self._position
        return {
            entity: [position[id(a)] for a in reversed(group)]
            for entity, group in self.by_entity.items()
        }

    @cached_property
    def _entity_keys(self) -> dict[str, list[tuple]]:
        return {
            entity: [(a.date, a.source_file) for a in reversed(group)]
            for entity, group in self.by_entity.items()
        }


Shape = list[tuple[str, str, tuple[str, ...]]]  # Browse._shape: (file, date, entities)


def ranks_carried_over(
    then: Shape, ranks: dict[int, list[int]], now: Shape
) -> dict[int, list[int]]:
    """The related ranks of an archive shaped `then` (by position in it) that hold in an
    archive shaped `now`, by position in `now`.

    An article's related dispatches are weighed from the articles naming its own entities
    (the `RELATED_WINDOW` nearest of each), ordered by counts, times, dates and files that an
    added or removed article leaves as they were for the others. So they can change only for
    an article that was added or changed itself, or that names an entity an added, removed
    or changed article names (before or after the change). Every other article keeps its
    ranks, each related article (which names one of its entities, so is not removed) taken
    to its new position by its file."""
    at_then = {file: n for n, (file, _, _) in enumerate(then)}
    at_now = {file: n for n, (file, _, _) in enumerate(now)}
    touched: set[str] = set()
    for item in now:
        n = at_then.get(item[0])
        if n is None or then[n] != item:
            touched.update(item[2])
            if n is not None:
                touched.update(then[n][2])
    for file, _, entities in then:
        if file not in at_now:
            touched.update(entities)
    carried: dict[int, list[int]] = {}
    for me, item in enumerate(now):
        n = at_then.get(item[0])
        if n is None or then[n] != item or not touched.isdisjoint(item[2]):
            continue
        ranked = ranks.get(n)
        if ranked is None:
            continue
        files = [then[r][0] for r in ranked]
        if all(file in at_now for file in files):
            carried[me] = [at_now[file] for file in files]
    return carried


def _is_kept_ranks(found: Any) -> bool:
    """Whether `found` is what `keep_related` writes: the archive's shape and a rank (or
    None) for each of its articles, positions within it."""
    if not (isinstance(found, dict) and found.keys() == {"shape", "ranks"}):
        return False
    shape, ranks = found["shape"], found["ranks"]
    if not (type(shape) is list and type(ranks) is list and len(shape) == len(ranks)):
        return False
    count = len(shape)
    return all(
        type(item) is list
        and len(item) == 3
        and type(item[0]) is str
        and type(item[1]) is str
        and type(item[2]) is list
        and all(type(entity) is str for entity in item[2])
        for item in shape
    ) and all(
        r is None or (type(r) is list and all(type(n) is int and 0 <= n < count for n in r))
        for r in ranks
    )


_latest: list = [None, None]


def browse_of(archive: Archive, carried: Carried | None = None) -> Browse:
    """The indexes of `archive`, built once per archive and shared by generators and templates
    (`carried`: what the last build of this process made, given by the first call)."""
    if _latest[0] is not archive:
        _latest[:] = [archive, Browse(archive, carried)]
    return _latest[1]
