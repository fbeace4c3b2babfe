"""Parsing the text of one raw dispatch: the layout is recognised, then read."""

from __future__ import annotations

from ..problems import Problem
from . import dates, language
from .decoding import strip_controls
from .layouts import (
    Line,
    ParseOptions,
    complete_year,
    is_web_copy,
    lines_of,
    parse_web_copy,
    parse_wire,
    story_marks,
)
from .model import Dispatch, Paragraph

STX, ETX = "\x02", "\x03"


def _trailing_filing_time(lines: list[Line]) -> str:
    """The filing-time line that ends a wire item outside an envelope (`101137 GMT Dez 18`)."""
    for line in reversed(lines):
        text = line.text.strip()
        if text:
            if dates.WIRE_TRAILER.fullmatch(text) or dates.ANPA_TRAILER.search(text):
                line.text = ""
                return text
            return ""
    return ""


def parse_text(
    text: str,
    options: ParseOptions,
    *,
    path: str = "<text>",
    first_line: int = 1,
    year_hint: int | None = None,
) -> tuple[Dispatch, list[Problem]]:
    """Parse the normalised text of one dispatch (front matter already removed).

    `first_line` is the file line where `text` starts (after a front matter block);
    `year_hint` completes a dateline date given without a year (`Feb 1`).
    """
    trailer = ""
    header_lines: list[Paragraph] = []
    if STX in text:  # IPTC 7901 / ANPA 1312 envelope: header, STX, text, ETX, trailer
        header, _, text = text.partition(STX)
        header_lines = [
            Paragraph(" ".join(strip_controls(h).split()), first_line + k)
            for k, h in enumerate(header.split("\n"))
            if strip_controls(h).strip()
        ]
        first_line += header.count("\n")
        text, _, trailer = text.partition(ETX)
        trailer = strip_controls(trailer)
    lines = lines_of(strip_controls(text), first_line)
    if not trailer:
        trailer = _trailing_filing_time(lines)
    if is_web_copy(lines):
        d, problems = parse_web_copy(lines, options, path)
    else:
        d, problems = parse_wire(lines, options, path, trailer)
        complete_year(d, year_hint, options)
    d.notes[:0] = header_lines
    for note in header_lines:  # an envelope's header names the story and its version too
        story_marks(d, note.text)
    if trailer.strip():
        last = first_line + text.count("\n")
        d.furniture.append(Paragraph(" ".join(trailer.split()), last))
    sample = " ".join([d.title or "", d.summary or ""] + [p.text for p in d.body[:12]])
    d.language = language.detect(sample, options.languages, options.model_folder)
    return d, problems
