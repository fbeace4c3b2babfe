"""What the text parser understands of a dispatch, before front matter is applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..model import Image


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
    slugline: str | None = None  # a wire's name for the story, the same in all its versions
    version_marks: list[str] = field(default_factory=list)  # `REFILE`, `1ST LEAD`, `UPDATE 1`
    body: list[Paragraph] = field(default_factory=list)
    furniture: list[Paragraph] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)
