"""The pages and files the archive adds to the site.

Each capability contributes a generator: a function of the :class:`SiteData` that yields
:class:`Generated` items. The plugin adds them all as MkDocs generated files; a
Markdown page is rendered by its `template`, with `context` added to the template's
context. Generators see the whole archive (read, then write).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..archive import Archive
from ..browse import pages as browse_pages
from ..dispatch import Article, strip_controls
from ..entities import linked_body
from ..markdown import page_source
from .entities import entity_assets, entity_pages

ARTICLE_TEMPLATE = "wirearchive/article.html"
HOME_TEMPLATE = "wirearchive/home.html"


@dataclass
class Generated:
    """One generated file: a Markdown page rendered by `template`, or a plain file."""

    src_uri: str
    content: str | bytes
    template: str | None = None
    context: dict = field(default_factory=dict)
    title: str | None = None  # the page title, unless its front matter has one


@dataclass
class SiteData:
    """What generators read: the archive, the plugin's config, the site's existing files."""

    archive: Archive
    config: object
    existing: set[str]
    site: object = None  # the MkDocs config: site_name, site_url, theme language


def article_page(article: Article) -> str:
    """src_uri of an article's page, built at `/<yyyy>/<mm>/<slug>/`."""
    return f"{article.year}/{article.month}/{article.slug}.md"


def dispatch_file(article: Article) -> str:
    """src_uri of the raw dispatch published beside its article."""
    return f"{article.year}/{article.month}/{article.slug}/dispatch.txt"


def articles(data: SiteData) -> Iterable[Generated]:
    glossary = data.archive.glossary
    for article in data.archive.articles:
        page = article_page(article)
        chips = [glossary[i] for i in article.entities if i in glossary] if glossary else []
        yield Generated(page, page_source(article.metadata(), linked_body(article, glossary, page)), ARTICLE_TEMPLATE,
                        {"article": article, "dispatch_url": dispatch_file(article), "article_entities": chips})
        yield Generated(dispatch_file(article), strip_controls(article.raw_text))


def home(data: SiteData) -> Iterable[Generated]:
    if "index.md" not in data.existing:
        yield Generated("index.md", "", HOME_TEMPLATE)


GENERATORS: list[Callable[[SiteData], Iterable[Generated]]] = [
    articles,
    home,
    browse_pages.archive_pages,
    browse_pages.facet_pages,
    browse_pages.timeline_pages,
    browse_pages.feed_pages,
    entity_pages,
    entity_assets,
]


def generate(data: SiteData) -> Iterable[Generated]:
    for generator in GENERATORS:
        yield from generator(data)
