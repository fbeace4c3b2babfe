"""Article pages, the raw dispatch beside each, and the home page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path

from ...carry import Carried, made_of
from ...dispatch import NotText, decode, normalize, strip_controls
from ...entities import Glossary
from ...model import RAW_NAMES, Article
from ...text.markdown import link
from .base import Generated, SiteData

ARTICLE_TEMPLATE = "wirearchive/article.html"
HOME_TEMPLATE = "wirearchive/home.html"


def article_page(article: Article, version: str | None = None) -> str:
    """src_uri of an article's page, built at `/<yyyy>/<mm>/<slug>/`; an earlier version of
    it at `/<yyyy>/<mm>/<slug>/v<n>/`."""
    folder = f"{article.year}/{article.month}/{article.slug}"
    return f"{folder}/{version}.md" if version else f"{folder}.md"


def dispatch_file(article: Article, version: str | None = None, raw: Article | None = None) -> str:
    """src_uri of the raw file published beside an article (or one of its versions)."""
    folder = f"{article.year}/{article.month}/{article.slug}"
    return f"{folder}/{version + '/' if version else ''}{(raw or article).raw_name}"


def raw_file(root: Path, article: Article) -> bytes:
    """The file as published: an agency's item as delivered, bytes unchanged; a text
    dispatch as UTF-8 text, without the control characters of wire envelopes."""
    try:
        data = (root / article.source_file).read_bytes()
    except OSError:
        return b""  # gone since it was read: the page still says where it came from
    if article.raw_format not in RAW_NAMES:
        return data
    try:
        return strip_controls(normalize(decode(data).text)).encode("utf-8")
    except NotText:
        return b""


def raw_type(article: Article) -> str:
    """The media type of the raw file, with the encoding it is really in (an agency's XML
    may declare another)."""
    if article.raw_format in RAW_NAMES:
        return "text/plain; charset=utf-8"
    kind = "application/json" if article.raw_format == "ninjs" else "application/xml"
    return f"{kind}; charset={article.raw_encoding}"


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
    for article in data.archive.articles:
        yield from _article(data, article, article)
        for number, revision in enumerate(article.revisions, 1):
            yield from _article(data, article, revision.article, f"v{revision.version or number}")


def _article(data: SiteData, article: Article, shown: Article, version: str | None = None):
    """The page of `article` showing `shown` (itself, or an earlier version), and its file."""
    glossary = data.archive.glossary
    page = article_page(article, version)
    chips = [glossary[i] for i in shown.entities if i in glossary] if glossary else []
    yield Generated(
        page,
        "",
        ARTICLE_TEMPLATE,
        {
            "article": shown,
            "latest": article,
            "version": version,
            "dispatch_url": dispatch_file(article, version, shown),
            "dispatch_type": raw_type(shown),
            "article_entities": chips,
            "versions": _versions(article),
        },
        make=partial(linked_body, shown, glossary, page),
        make_meta=partial(article_metadata, page, shown, article, carried=data.carried),
        made_from=(shown, article, glossary, version),
    )
    root = data.project.root
    # The file as read for the archive, made when it is to be written: a dirty build finds it
    # in site/ under the key of the file's bytes (site/dirty.py). `mkdocs serve` takes the
    # last build's for the same article (its file's bytes are those the archive read then:
    # archive.read_archive).
    key = data.archive.keys.get(shown.source_file)
    yield Generated(
        dispatch_file(article, version, shown),
        "",
        make=lambda: made_of(
            data.carried, "raw file", page, [shown, str(root)], lambda: raw_file(root, shown)
        ),
        content_key=f"dispatch {key}" if key is not None else None,
    )


def article_metadata(
    page: str, shown: Article, article: Article, carried: Carried | None = None
) -> dict:
    """The metadata of the page `page` showing `shown` of `article`: the article's front
    matter (what `wirearchive show` prints), handed to MkDocs as data (writing and re-reading
    YAML was a fifth of a build). Made of the two articles alone (a page's key holds them,
    not the metadata: PageCache._recipe); `mkdocs serve` takes the last build's from
    `carried` when they are the same (it is only read, as every page's `meta`)."""
    return made_of(
        carried,
        "article metadata",
        page,
        [shown, article],
        lambda: replace(shown, date=article.date, slug=article.slug).metadata(),
    )


def _versions(article: Article) -> list[dict]:
    """The history of a story, oldest first: each version's time, what changed, its page."""
    if not article.revisions:
        return []
    rows = [
        {
            "time": r.time,
            "note": r.note,
            "version": r.version,
            "url": article_page(article, f"v{r.version or n}")[: -len(".md")] + "/",
            "latest": False,
        }
        for n, r in enumerate(article.revisions, 1)
    ]
    rows.append(
        {
            "time": article.version_time or article.date,
            "note": article.revision_note,
            "version": article.version,
            "url": article.url,
            "latest": True,
        }
    )
    return rows


def home(data: SiteData) -> Iterable[Generated]:
    if "index.md" not in data.existing:
        yield Generated("index.md", "", HOME_TEMPLATE)
