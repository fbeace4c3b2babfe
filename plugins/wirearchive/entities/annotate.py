"""Annotating one article: its entities, their first mentions in the body, its quotations.

The contributor's front matter wins: `entities` adds ids (kept after those found, in the
order given), `entities_exclude` removes ids (they are neither listed nor linked, and do
not speak), `quotes` replaces the quotations found. An id the glossary lacks is an error
that names the file, the line and the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dispatch.model import Article, Problem
from . import quotes as quoting
from .glossary import Glossary
from .matching import Mention
from .view import read

SEPARATOR = "\n\n"


@dataclass
class Annotation:
    """What was found in one article (before front matter is applied)."""

    mentions: list[Mention]          # in the whole text: title, lede, caption, body
    body_offset: int                 # where the body starts in that text
    found: list[str]                 # entity ids in order of first mention
    quotes: list[quoting.Quote]
    links: list[tuple[int, int, str]]  # (start, end, id): first mention in the body, as Markdown offsets


def find(article: Article, glossary: Glossary) -> Annotation:
    """Entities and quotations of an article: title, lede and caption first, then the body."""
    view = read(article.body)
    head = [t for t in (article.title, article.summary, article.image.caption if article.image else None) if t]
    prefix = "".join(t.replace("\n", " ") + SEPARATOR for t in head)
    text = prefix + view.text
    mentions = glossary.matcher.find(text, set())
    found = list(dict.fromkeys(m.entity for m in mentions))
    quotes = quoting.extract(text, mentions, glossary.types)
    links: list[tuple[int, int, str]] = []
    linked: set[str] = set()
    for m in mentions:
        if m.start < len(prefix) or m.entity in linked:
            continue
        span = view.source_span(m.start - len(prefix), m.end - len(prefix))
        if span is not None:
            links.append((span[0], span[1], m.entity))
            linked.add(m.entity)
    return Annotation(mentions, len(prefix), found, quotes, links)


def annotate(article: Article, glossary: Glossary, front_matter: dict, lines: dict[str, int]) -> list[Problem]:
    """Fill `entities`, `quotes` and `mentions` of `article`; problems with its front matter."""
    problems: list[Problem] = []
    given = _known(front_matter.get("entities", []), "entities", article, glossary, lines, problems)
    excluded = set(_known(front_matter.get("entities_exclude", []), "entities_exclude", article, glossary, lines, problems))
    found = find(article, glossary)
    ids = [i for i in found.found if i not in excluded]
    ids += [i for i in given if i not in ids and i not in excluded]
    article.entities = list(dict.fromkeys(ids))
    if "quotes" not in front_matter:
        article.quotes = [{"speaker": q.speaker if q.speaker not in excluded else None, "text": q.text}
                          for q in found.quotes]
    article.mentions = [link for link in found.links if link[2] not in excluded]
    return problems


def _known(ids: list[str], key: str, article: Article, glossary: Glossary, lines: dict[str, int],
           problems: list[Problem]) -> list[str]:
    good = []
    for entity_id in ids:
        if entity_id in glossary:
            good.append(entity_id)
        else:
            problems.append(Problem(article.source_file, lines.get(key), "error",
                                    f"front matter key `{key}` names `{entity_id}`, which is not in the glossary "
                                    f"(no {glossary.folder}/{entity_id}.md)"))
    return good


def linked_body(article: Article, glossary: Glossary | None, page_src: str) -> str:
    """The article's Markdown with the first mention of each entity linked to its page.

    Links are to the entity's Markdown page relative to `page_src` (the article page's
    src_uri), so MkDocs checks them and writes relative URLs; the title is the tooltip
    text for readers without JavaScript.
    """
    from .view import link

    if glossary is None or not article.mentions:
        return article.body
    up = "../" * page_src.count("/")
    spans = []
    for start, end, entity_id in article.mentions:
        entity = glossary.get(entity_id)
        if entity is not None:
            spans.append((start, end, up + entity.src_uri, entity.description or entity.name))
    return link(article.body, spans)
