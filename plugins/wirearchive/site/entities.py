"""Site glue for the glossary: entity pages, the glossary index, tooltip assets.

Entity pages are the glossary's own Markdown files (`docs/<glossary_dir>/<id>.md`):
they are rendered with the entity template and the archive's data, not generated again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..entities import Glossary, load_glossary
from ..entities.index import build_index, by_type

ENTITY_TEMPLATE = "wirearchive/entity.html"
INDEX_TEMPLATE = "wirearchive/entities.html"
ASSETS = Path(__file__).parent / "assets"
CSS = "assets/wirearchive/entities.css"
JS = "assets/wirearchive/entities.js"
TYPE_LABELS = {"company": "Companies", "person": "People", "product": "Products", "organization": "Organisations",
               "media": "Media", "place": "Places"}


def site_glossary(docs_dir: str | Path, glossary_dir: str, root: Path) -> Glossary | None:
    """The site's glossary, or None when its folder does not exist (no annotation then)."""
    folder = Path(docs_dir) / glossary_dir
    return load_glossary(folder, root, Path(docs_dir)) if folder.is_dir() else None


def is_entity_page(glossary: Glossary | None, src_uri: str) -> bool:
    return glossary is not None and glossary.by_page(src_uri) is not None


def entity_pages(data) -> Iterable:
    """Each entity's page (its glossary file) and the glossary index `/<glossary_dir>/`."""
    from .pages import Generated  # pages lists this generator

    glossary = data.archive.glossary
    if glossary is None:
        return
    records = build_index(data.archive.articles, glossary)
    for entity_id, entity in glossary.entities.items():
        yield Generated(entity.src_uri, "", ENTITY_TEMPLATE,
                        {"entity": entity, "record": records[entity_id], "glossary": glossary}, title=entity.name)
    groups = [(kind, TYPE_LABELS[kind], members) for kind, members in by_type(records)]
    yield Generated(glossary.index_src, "", INDEX_TEMPLATE, {"entity_groups": groups, "glossary": glossary},
                    title="Glossary")


def entity_assets(data) -> Iterable:
    """The tooltip script and styles, shipped with the package."""
    from .pages import Generated

    for src_uri in (CSS, JS):
        yield Generated(src_uri, (ASSETS / src_uri.removeprefix("assets/")).read_bytes())
