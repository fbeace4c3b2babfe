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


# Generators of files only (no page): a years shard (`wirearchive.shards`) has none of theirs
# (search.search, of pages and files, knows shards itself).
SHARED_FILES = {browse.feed_pages, glossary.entity_assets}


def generate(data: SiteData) -> Iterable[Generated]:
    """Every generator's files. A shard's build has every page, for one navigation and for
    MkDocs to check every link (the plugin renders only the shard's own), and of the other
    files only its own: a years shard builds neither the search index nor the feeds."""
    shard = data.project.shard
    for generator in GENERATORS:
        if shard is not None and not shard.shared and generator in SHARED_FILES:
            continue
        for item in generator(data):
            if shard is None or item.template is not None or shard.owns(item.src_uri):
                yield item
