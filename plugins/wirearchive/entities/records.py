"""What the glossary pages show: per entity, the articles, counts, quotes and company kept."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from ..model import Article, Quote
from ..text.folding import fold
from .model import TYPES, Entity, Glossary

RELATED = 10  # entities shown as most often mentioned with one


@dataclass
class EntityRecord:
    """One entity and every article of the archive that mentions it, newest first."""

    entity: Entity
    articles: list[Article] = field(default_factory=list)
    quotes: list[tuple[Article, Quote]] = field(default_factory=list)
    related: list[tuple[Entity, int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def first_seen(self) -> datetime | None:
        return self.articles[-1].date if self.articles else None

    @property
    def last_seen(self) -> datetime | None:
        return self.articles[0].date if self.articles else None

    def by_year(self) -> list[tuple[str, list[Article]]]:
        """The articles grouped by year, newest year first."""
        return [(year, list(items)) for year, items in groupby(self.articles, key=lambda a: a.year)]


def sort_key(entity: Entity) -> tuple[str, str]:
    """A–Z order that ignores case and accents (`Élysée` among the E)."""
    return fold(entity.name), entity.id


def build_records(articles: list[Article], glossary: Glossary) -> dict[str, EntityRecord]:
    """A record for every entity of the glossary; `articles` are newest first."""
    records = {entity_id: EntityRecord(entity) for entity_id, entity in glossary.entities.items()}
    together: dict[str, Counter] = {entity_id: Counter() for entity_id in records}
    for article in articles:
        ids = [i for i in dict.fromkeys(article.entities) if i in records]
        for entity_id in ids:
            records[entity_id].articles.append(article)
            together[entity_id].update(other for other in ids if other != entity_id)
        for quote in article.quotes:
            if quote.speaker in records:
                records[quote.speaker].quotes.append((article, quote))
    for entity_id, counts in together.items():
        ranked = sorted(counts.items(), key=lambda item: (-item[1], sort_key(glossary[item[0]])))
        records[entity_id].related = [(glossary[other], n) for other, n in ranked[:RELATED]]
    return records


def by_type(records: dict[str, EntityRecord]) -> list[tuple[str, list[EntityRecord]]]:
    """Records grouped by entity type (in the order of `TYPES`), each group A–Z."""
    groups = []
    for kind in TYPES:
        members = sorted(
            (r for r in records.values() if r.entity.type == kind), key=lambda r: sort_key(r.entity)
        )
        if members:
            groups.append((kind, members))
    return groups
