"""The pages and files the archive adds to the site.

Each capability contributes a generator: a function of the :class:`SiteData` that yields
:class:`Generated` items. The plugin adds them all as MkDocs generated files; a
Markdown page is rendered by its `template`, with `context` added to the template's
context. Generators see the whole archive (read, then write).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..archive import Archive
from ..browse import pages as browse_pages
from ..dispatch import Article, strip_controls
from ..entities import linked_body
from ..search.bundle import site_files as search_files
from ..search.index import entity_words
from .entities import entity_assets, entity_pages

ARTICLE_TEMPLATE = "wirearchive/article.html"
HOME_TEMPLATE = "wirearchive/home.html"
SEARCH_TEMPLATE = "wirearchive/search.html"
SEARCH_PAGE = """---
search:
  exclude: false
---
# Search

Every dispatch of the archive, in French, German and English, by company or person,
agency, language and date.
"""


@dataclass
class Generated:
    """One generated file: a Markdown page rendered by `template`, or a plain file."""

    src_uri: str
    content: str | bytes
    template: str | None = None
    context: dict = field(default_factory=dict)
    title: str | None = None  # the page title, unless its front matter has one
    meta: dict = field(default_factory=dict)  # the page's metadata, given as data rather than YAML


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
        # The page's metadata is the article's front matter (what `wirearchive show` prints),
        # handed to MkDocs as data: writing and re-reading YAML was a fifth of a build.
        yield Generated(page, linked_body(article, glossary, page), ARTICLE_TEMPLATE,
                        {"article": article, "dispatch_url": dispatch_file(article), "article_entities": chips},
                        meta=article.metadata())
        yield Generated(dispatch_file(article), strip_controls(article.raw_text))


def home(data: SiteData) -> Iterable[Generated]:
    if "index.md" not in data.existing:
        yield Generated("index.md", "", HOME_TEMPLATE)


def search(data: SiteData) -> Iterable[Generated]:
    """The prebuilt search index, its scripts (Material's search worker among them) and /search/."""
    glossary = data.archive.glossary
    known = glossary.entities if glossary else {}
    root = Path(data.site.config_file_path).resolve().parent if data.site is not None else None
    found = search_files(
        data.archive.articles, data.existing, workers=data.config.workers,
        cache_dir=root / ".cache" / "search" if root else None,
        names=lambda i: [known[i].name, *(a.text for a in known[i].aliases)] if i in known else entity_words(i),
        display_names={i: e.name for i, e in known.items()})
    for path, content in sorted(found.files.items()):
        yield Generated(path, content)
    if "search.md" not in data.existing:
        # Unlike the archive's other pages, /search/ stays in Material's index: the box finds it.
        yield Generated("search.md", SEARCH_PAGE, SEARCH_TEMPLATE,
                        {"search_page_script": found.page_script}, title="Search")


GENERATORS: list[Callable[[SiteData], Iterable[Generated]]] = [
    articles,
    home,
    browse_pages.archive_pages,
    browse_pages.facet_pages,
    browse_pages.timeline_pages,
    browse_pages.feed_pages,
    entity_pages,
    entity_assets,
    search,
]


def generate(data: SiteData) -> Iterable[Generated]:
    for generator in GENERATORS:
        yield from generator(data)
