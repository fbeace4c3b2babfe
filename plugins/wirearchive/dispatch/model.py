"""Plain data classes shared by the parser, the archive and the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..problems import Problem, Severity

__all__ = ["Article", "Dispatch", "Image", "Paragraph", "Problem", "Severity"]


@dataclass
class Image:
    """The photo of a web copy: its caption (kept once) and credit."""

    caption: str
    credit: str | None = None

    def as_dict(self) -> dict:
        return {"caption": self.caption, "credit": self.credit}


@dataclass
class Paragraph:
    """A paragraph of text and the line of the source file where it starts."""

    text: str
    line: int


@dataclass
class Dispatch:
    """What the parser understood of one raw dispatch, before front matter is applied.

    Every paragraph of the input ends up in exactly one place: a metadata field,
    ``body``, or ``furniture`` (page furniture recognised and kept out of the body:
    timestamps, agency lines, the repeated caption, version markers, sign-offs).
    """

    layout: str
    title: str | None = None
    title_line: int | None = None
    date: datetime | None = None
    date_line: int | None = None
    language: str | None = None
    sources: list[str] = field(default_factory=list)
    rubric: str | None = None
    section: str | None = None
    summary: str | None = None
    image: Image | None = None
    byline: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    credits: str | None = None
    updated: datetime | None = None
    body: list[Paragraph] = field(default_factory=list)
    furniture: list[Paragraph] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)


@dataclass
class Article:
    """A dispatch with the contributor's front matter applied: what the site publishes."""

    source_file: str
    title: str
    date: datetime
    language: str
    sources: list[str]
    rubric: str | None
    section: str | None
    summary: str | None
    image: Image | None
    slug: str
    body: str
    entities: list[str] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    # (start, end, entity id): the first mention of each entity in `body`, which the page links
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    byline: str | None = None
    credits: str | None = None
    notes: list[str] = field(default_factory=list)
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
            "quotes": [dict(q) for q in self.quotes],
            "events": [dict(e) for e in self.events],
            "source_file": self.source_file,
        }
