"""Parsing raw dispatches: bytes in, a :class:`Dispatch` and the problems found out.

>>> from wirearchive.dispatch import parse_text, ParseOptions
>>> d, problems = parse_text("Headline of the day\\n\\nGeneva, 3 June 2025 (Reuters) - Text.",
...                          ParseOptions())
>>> d.title, d.sources
('Headline of the day', ['Reuters'])
"""

from __future__ import annotations

from .decoding import Decoded, NotText, decode, normalize, strip_controls
from .layouts import ParseOptions
from .model import Dispatch, Paragraph
from .parse import parse_text

__all__ = [
    "Decoded",
    "Dispatch",
    "NotText",
    "Paragraph",
    "ParseOptions",
    "decode",
    "normalize",
    "parse_text",
    "strip_controls",
]
