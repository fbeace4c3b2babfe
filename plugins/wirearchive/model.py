"""The article: what the site publishes of one dispatch, built once and never changed.

:func:`wirearchive.article.load` makes it from a file (parse, front-matter overlay,
annotation, dated events); the archive gives it its final slug by making a new one
(`dataclasses.replace`); every reader above (timelines, browsing, search, the site, the
command line) only reads it. Its metadata keys are the contract of DESIGN.md ("Article
metadata"): the front matter of the generated page and `wirearchive show --json`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Image:
    """The photo of a web copy: its caption (kept once) and credit."""

    caption: str
    credit: str | None = None

    def as_dict(self) -> dict:
        return {"caption": self.caption, "credit": self.credit}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation and who said it: an entity id, a name, or None when unattributed."""

    speaker: str | None
    text: str

    def as_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text}


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening a dispatch reports: `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

    `kind` says whether it had happened when the dispatch was filed (`past`), was still to
    come (`planned`) or is a limit (`deadline`: `jusqu'en 2032`); `until` ends a span
    (`von 2016 bis 2020`); `about` names the entities its sentence is about.
    """

    date: str
    text: str
    kind: str = "past"
    until: str | None = None
    about: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """The event's keys; those at their default are left out (a past event: date, text)."""
        data: dict = {"date": self.date, "text": self.text}
        if self.kind != "past":
            data["kind"] = self.kind
        if self.until is not None:
            data["until"] = self.until
        if self.about:
            data["about"] = list(self.about)
        return data


@dataclass(frozen=True, slots=True)
class Revision:
    """An earlier version of a story the archive shows in its latest version."""

    article: Article  # that version, as it was filed
    version: int | None
    time: datetime  # when the agency filed that version
    note: str | None  # what the agency said changed (`ergänzt`, `Adds comments`, `UPDATE 1`)


# The raw file published beside an article, by the format it was delivered in.
RAW_NAMES = {"text": "dispatch.txt", "markdown": "dispatch.txt"}


@dataclass(frozen=True, slots=True)
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
    # What an agency format carries beyond the article's keys (ids, versions, urgency,
    # subjects, the feed's own entities...), as JSON-ready data; None for text dispatches.
    agency: Mapping[str, Any] | None = None
    raw_format: str = "text"  # the format of the file: text, markdown, newsml1, nitf, ...
    raw_encoding: str = "utf-8"  # the encoding the file was read in
    story_key: str | None = None  # the same for every version of one story
    version: int | None = None
    version_time: datetime | None = None  # when this version was filed
    revision_note: str | None = None  # what the agency said this version changed
    embargo: datetime | None = None  # not to be published before
    revisions: tuple[Revision, ...] = ()  # earlier versions, oldest first

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

    @property
    def raw_name(self) -> str:
        """The name of the raw file published beside the article page."""
        if self.raw_format in RAW_NAMES:
            return RAW_NAMES[self.raw_format]
        return "dispatch.json" if self.raw_format == "ninjs" else "dispatch.xml"

    def metadata(self) -> dict:
        """The front-matter keys of DESIGN.md, in their documented order and types; an
        agency item adds `agency`, what its format carries beyond them."""
        keys = {
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
        if self.agency is not None:
            keys["agency"] = dict(self.agency)
        return keys
