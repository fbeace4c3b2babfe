"""The glossary's pages: entity pages, the glossary index, tooltip assets.

Entity pages are the glossary's own Markdown files (`docs/<glossary_dir>/<id>.md`):
they are rendered with the entity template and the archive's data, not generated again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ...entities.records import build_records, by_type
from .base import Generated, SiteData

ENTITY_TEMPLATE = "wirearchive/entity.html"
INDEX_TEMPLATE = "wirearchive/entities.html"
ASSETS = Path(__file__).parent.parent / "assets"
CSS = "assets/wirearchive/entities.css"
JS = "assets/wirearchive/entities.js"
TYPE_LABELS = {
    "company": "Companies",
    "person": "People",
    "product": "Products",
    "organization": "Organisations",
    "media": "Media",
    "place": "Places",
}


def entity_pages(data: SiteData) -> Iterable[Generated]:
    """Each entity's page (its glossary file) and the glossary index `/<glossary_dir>/`."""
    glossary = data.archive.glossary
    if glossary is None:
        return
    records = build_records(data.archive.articles, glossary)
    for entity_id, entity in glossary.entities.items():
        yield Generated(
            entity.src_uri,
            "",
            ENTITY_TEMPLATE,
            {"entity": entity, "record": records[entity_id], "glossary": glossary},
            title=entity.name,
        )
    groups = [(kind, TYPE_LABELS[kind], members) for kind, members in by_type(records)]
    yield Generated(
        glossary.index_src,
        "",
        INDEX_TEMPLATE,
        {"entity_groups": groups, "glossary": glossary},
        title="Glossary",
    )


def entity_assets(data: SiteData) -> Iterable[Generated]:
    """The tooltip script and styles, shipped with the package."""
    for src_uri in (CSS, JS):
        yield Generated(src_uri, (ASSETS / src_uri.removeprefix("assets/")).read_bytes())
