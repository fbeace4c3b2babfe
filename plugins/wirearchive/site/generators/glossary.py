"""The glossary's pages: entity pages, the glossary index, tooltip assets.

Entity pages are the glossary's own Markdown files (`docs/<glossary_dir>/<id>.md`): they
are rendered with the entity template and the archive's data, not generated again. Each is
a topic page of fixed size, however often the entity is named: description and infobox,
the latest dispatches, the latest quotes, the latest events of its timeline, each with a
link to all of them on pages of their own (`<id>/dispatches/`, `<id>/quotes/`,
`<id>/timeline/`, paginated).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ...browse.indexes import browse_of
from ...entities.model import Entity
from ...entities.records import EntityRecord, build_records, by_type
from ...model import Article, Quote
from ...timeline import timeline as timelines
from .base import Generated, SiteData, page
from .browse import ENTITY_EVENTS, LISTING_TEMPLATE, PAGE_SIZE, entity_events, paginate_newest

ENTITY_TEMPLATE = "wirearchive/entity.html"
INDEX_TEMPLATE = "wirearchive/entities.html"
QUOTES_TEMPLATE = "wirearchive/quotes.html"
ASSETS = Path(__file__).parent.parent / "assets"
CSS = "assets/wirearchive/entities.css"
ARCHIVE_CSS = "assets/wirearchive/archive.css"  # the archive's pages: articles, timelines, ...
JS = "assets/wirearchive/entities.js"
ENTITY_ARTICLES = 10  # latest dispatches on an entity's page
ENTITY_QUOTES = 5  # latest quotes on an entity's page


def entity_folder(entity: Entity) -> str:
    """The src_uri folder of an entity's own pages: `entities/nvidia`."""
    return entity.src_uri[: -len(".md")]


def entity_pages(data: SiteData) -> Iterable[Generated]:
    """Each entity's page (its glossary file), its lists, and the glossary index."""
    glossary = data.archive.glossary
    if glossary is None:
        return
    records = build_records(data.archive.articles, glossary)
    browse = browse_of(data.archive, data.carried)
    for entity_id, entity in glossary.entities.items():
        record = records[entity_id]
        events = entity_events(browse, entity_id)
        folder = entity_folder(entity)
        more = {
            "dispatches": len(record.articles) > ENTITY_ARTICLES,
            "quotes": len(record.quotes) > ENTITY_QUOTES,
            "timeline": events.count > ENTITY_EVENTS,
        }
        yield Generated(
            entity.src_uri,
            "",
            ENTITY_TEMPLATE,
            {
                "entity": entity,
                "record": record,
                "glossary": glossary,
                "articles": record.articles[:ENTITY_ARTICLES],
                "quotes": record.quotes[:ENTITY_QUOTES],
                "events": timelines.build(events.last(ENTITY_EVENTS), ordered=True),
                "event_count": events.count,
                "more": {kind: f"{entity.url}{kind}/" if on else None for kind, on in more.items()},
            },
            title=entity.name,
        )
        if more["dispatches"]:
            yield from _dispatch_pages(data, entity, record, folder)
        if more["quotes"]:
            yield from _quote_pages(data, entity, record, folder)
    named = [(kind, [r for r in members if r.count]) for kind, members in by_type(records)]
    yield Generated(
        glossary.index_src,
        "",
        INDEX_TEMPLATE,
        {
            "entity_groups": [(kind, members) for kind, members in named if members],
            "unnamed": [r for _, members in by_type(records) for r in members if not r.count],
            "glossary": glossary,
        },
        title=data.gettext("Glossary"),
    )


def _dispatch_pages(
    data: SiteData, entity: Entity, record: EntityRecord, folder: str
) -> Iterable[Generated]:
    title = data.gettext("Dispatches naming %(name)s", name=entity.name)
    for src, articles, pagination in paginate_newest(f"{folder}/dispatches", record.articles):
        yield Generated(
            src,
            page(title),
            LISTING_TEMPLATE,
            {"view": "entity", "entity": entity, "articles": articles, "pagination": pagination},
        )


def _quote_pages(
    data: SiteData, entity: Entity, record: EntityRecord, folder: str
) -> Iterable[Generated]:
    title = data.gettext("Quotes of %(name)s", name=entity.name)
    pages = paginate_newest(f"{folder}/quotes", record.quotes, PAGE_SIZE, _quote_date)
    for src, quotes, pagination in pages:
        pagination["noun"] = "quotes"
        yield Generated(
            src,
            page(title),
            QUOTES_TEMPLATE,
            {"entity": entity, "quotes": quotes, "pagination": pagination},
        )


def _quote_date(quote: tuple[Article, Quote]) -> datetime:
    return quote[0].date


def entity_assets(data: SiteData) -> Iterable[Generated]:
    """The archive's styles and the tooltip script, shipped with the package."""
    for src_uri in (ARCHIVE_CSS, CSS, JS):
        yield Generated(src_uri, (ASSETS / src_uri.removeprefix("assets/")).read_bytes())
