"""Article pages, the raw dispatch beside each, and the home page."""

from __future__ import annotations

from collections.abc import Iterable

from ...dispatch import strip_controls
from ...entities import Glossary
from ...model import Article
from ...text.markdown import link
from .base import Generated, SiteData

ARTICLE_TEMPLATE = "wirearchive/article.html"
HOME_TEMPLATE = "wirearchive/home.html"


def article_page(article: Article) -> str:
    """src_uri of an article's page, built at `/<yyyy>/<mm>/<slug>/`."""
    return f"{article.year}/{article.month}/{article.slug}.md"


def dispatch_file(article: Article) -> str:
    """src_uri of the raw dispatch published beside its article."""
    return f"{article.year}/{article.month}/{article.slug}/dispatch.txt"


def linked_body(article: Article, glossary: Glossary | None, page_src: str) -> str:
    """The article's Markdown with the first mention of each entity linked to its page.

    Links are to the entity's Markdown page relative to `page_src` (the article page's
    src_uri), so MkDocs checks them and writes relative URLs; the title is the tooltip
    text for readers without JavaScript.
    """
    if glossary is None or not article.mentions:
        return article.body
    up = "../" * page_src.count("/")
    spans = []
    for start, end, entity_id in article.mentions:
        entity = glossary.get(entity_id)
        if entity is not None:
            spans.append((start, end, up + entity.src_uri, entity.description or entity.name))
    return link(article.body, spans)


def articles(data: SiteData) -> Iterable[Generated]:
    glossary = data.archive.glossary
    for article in data.archive.articles:
        page = article_page(article)
        chips = [glossary[i] for i in article.entities if i in glossary] if glossary else []
        # The page's metadata is the article's front matter (what `wirearchive show` prints),
        # handed to MkDocs as data: writing and re-reading YAML was a fifth of a build.
        yield Generated(
            page,
            linked_body(article, glossary, page),
            ARTICLE_TEMPLATE,
            {"article": article, "dispatch_url": dispatch_file(article), "article_entities": chips},
            meta=article.metadata(),
        )
        yield Generated(dispatch_file(article), strip_controls(article.raw_text))


def home(data: SiteData) -> Iterable[Generated]:
    if "index.md" not in data.existing:
        yield Generated("index.md", "", HOME_TEMPLATE)
