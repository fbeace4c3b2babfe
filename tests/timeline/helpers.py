"""Articles made in code for the timeline and browsing tests."""

from __future__ import annotations

from tests.articles import ZURICH, archive_of, make_article
from wirearchive.model import Article

__all__ = ["ZURICH", "archive_of", "article"]


def article(name: str, when: str, *, sources=("ATS",), rubric="Technologie", **fields) -> Article:
    return make_article(name, when, sources=sources, rubric=rubric, **fields)
