"""The pages and files the archive adds to the site.

Each capability contributes a generator: a function of the :class:`SiteData` that yields
:class:`Generated` items. The plugin adds them all as MkDocs generated files; a Markdown
page is rendered by its `template`, with `context` added to the template's context.
Generators see the whole archive (read, then write).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import articles, browse, glossary, search
from .base import Generated, SiteData

GENERATORS: list[Callable[[SiteData], Iterable[Generated]]] = [
    articles.articles,
    articles.home,
    browse.archive_pages,
    browse.facet_pages,
    browse.timeline_pages,
    browse.feed_pages,
    glossary.entity_pages,
    glossary.entity_assets,
    search.search,
]

__all__ = ["GENERATORS", "Generated", "SiteData", "generate"]


def generate(data: SiteData) -> Iterable[Generated]:
    for generator in GENERATORS:
        yield from generator(data)
