"""The article: what the site publishes of one dispatch, built once and never changed.

:func:`wirearchive.article.load` makes it from a file (parse, front-matter overlay,
annotation, dated events); the archive gives it its final slug by making a new one
(`dataclasses.replace`); every reader above (timelines, browsing, search, the site, the
command line) only reads it. Its metadata keys are the contract of DESIGN.md ("Article
metadata"): the front matter of the generated page and `wirearchive show --json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Image:
    """The photo of a web copy: its caption (kept once) and credit."""

    caption: str
    credit: str | None = None

    def as_dict(self) -> dict:
        return {"caption": self.caption, "credit": self.credit}


@dataclass(frozen=True)
class Quote:
    """A quotation and who said it: an entity id, a name, or None when unattributed."""

    speaker: str | None
    text: str

    def as_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text}


@dataclass(frozen=True)
class Event:
    """A dated happening a dispatch reports: `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""

    date: str
    text: str

    def as_dict(self) -> dict:
        return {"date": self.date, "text": self.text}


@dataclass(frozen=True)
class Article:
    """A dispatch with the contributor's front matter applied, annotated: what the site shows."""

    source_file: str
    title: str
    date: datetime
    language: str
    sources: tuple[str, ...]
    rubric: str | None
    section: str | None
    summary: str | None
    image: Image | None
    slug: str
    body: str  # Markdown
    entities: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    # (start, end, entity id): the first mention of each entity in `body`, which the page links
    mentions: tuple[tuple[int, int, str], ...] = ()
    byline: str | None = None
    credits: str | None = None
    notes: tuple[str, ...] = ()
    layout: str = "markdown"
    slug_from_front_matter: bool = False
    fingerprint: str = ""
    raw_text: str = ""

    @property
    def year(self) -> str:
        return f"{self.date.year:04d}"

    @property
    def month(self) -> str:
        return f"{self.date.month:02d}"

    @property
    def url(self) -> str:
        """URL of the article page, relative to the site root."""
        return f"{self.year}/{self.month}/{self.slug}/"

    def metadata(self) -> dict:
        """The front-matter keys of DESIGN.md, in their documented order and types."""
        return {
            "title": self.title,
            "date": self.date.isoformat(),
            "language": self.language,
            "sources": list(self.sources),
            "rubric": self.rubric,
            "section": self.section,
            "summary": self.summary,
            "image": self.image.as_dict() if self.image else None,
            "slug": self.slug,
            "entities": list(self.entities),
            "quotes": [q.as_dict() for q in self.quotes],
            "events": [e.as_dict() for e in self.events],
            "source_file": self.source_file,
        }
