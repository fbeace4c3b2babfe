"""Annotating articles: their entities, the first mention of each in the body, their quotations.

An :class:`Annotator` holds the glossary and its automaton, built once, and annotates any
number of articles. It reads an article's parts as text, before the article exists, so the
article is built once, already annotated.

The contributor's front matter wins: `entities` adds ids (kept after those found, in the
order given), `entities_exclude` removes ids (they are neither listed nor linked, and do
not speak), `quotes` replaces the quotations found. An id the glossary lacks is an error
that names the file, the line and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Quote
from ..problems import Problem
from ..text.markdown import read
from . import quotes as quoting
from .matching import Matcher, Mention
from .model import Glossary

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Found:
    """What the glossary finds in one article's text (before front matter is applied)."""

    mentions: list[Mention]  # in the whole text: title, lede, caption, body
    body_offset: int  # where the body starts in that text
    found: list[str]  # entity ids in order of first mention
    quotes: list[quoting.Quote]
    links: list[
        tuple[int, int, str]
    ]  # (start, end, id): first mention in the body, as Markdown offsets


@dataclass(frozen=True)
class Annotation:
    """What an article carries of the glossary: ids, quotations, the mentions its page links."""

    entities: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[tuple[int, int, str], ...] = ()


class Annotator:
    """The glossary and its automaton over every alias, built once."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.matcher = Matcher(glossary.entities.values())
        self.types = glossary.types()

    def find(self, title: str, summary: str | None, caption: str | None, body: str) -> Found:
        """Entities and quotations of an article: title, lede and caption first, then the
        body (Markdown), whose first mentions are given as Markdown offsets to link."""
        view = read(body)
        head = [t for t in (title, summary, caption) if t]
        prefix = "".join(t.replace("\n", " ") + SEPARATOR for t in head)
        text = prefix + view.text
        mentions = self.matcher.find(text, set())
        found = list(dict.fromkeys(m.entity for m in mentions))
        quotes = quoting.extract(text, mentions, self.types)
        links: list[tuple[int, int, str]] = []
        linked: set[str] = set()
        for m in mentions:
            if m.start < len(prefix) or m.entity in linked:
                continue
            span = view.source_span(m.start - len(prefix), m.end - len(prefix))
            if span is not None:
                links.append((span[0], span[1], m.entity))
                linked.add(m.entity)
        return Found(mentions, len(prefix), found, quotes, links)

    def annotate(
        self,
        title: str,
        summary: str | None,
        caption: str | None,
        body: str,
        *,
        front_matter: Mapping,
        lines: Mapping[str, int],
        path: str,
    ) -> tuple[Annotation, list[Problem]]:
        """The article's annotation with its front matter applied, and problems with it."""
        problems: list[Problem] = []
        given = self._known(front_matter.get("entities", []), "entities", path, lines, problems)
        excluded = set(
            self._known(
                front_matter.get("entities_exclude", []), "entities_exclude", path, lines, problems
            )
        )
        found = self.find(title, summary, caption, body)
        ids = [i for i in found.found if i not in excluded]
        ids += [i for i in given if i not in ids and i not in excluded]
        if "quotes" in front_matter:
            quotes = tuple(Quote(q.get("speaker"), q["text"]) for q in front_matter["quotes"])
        else:
            quotes = tuple(
                Quote(q.speaker if q.speaker not in excluded else None, q.text)
                for q in found.quotes
            )
        links = tuple(link for link in found.links if link[2] not in excluded)
        return Annotation(tuple(dict.fromkeys(ids)), quotes, links), problems

    def _known(
        self, ids: list[str], key: str, path: str, lines: Mapping[str, int], problems: list[Problem]
    ) -> list[str]:
        good = []
        for entity_id in ids:
            if entity_id in self.glossary:
                good.append(entity_id)
            else:
                problems.append(
                    Problem(
                        path,
                        lines.get(key),
                        "error",
                        f"front matter key `{key}` names `{entity_id}`, which is not in "
                        f"the glossary (no {self.glossary.folder}/{entity_id}.md)",
                    )
                )
        return good
