"""Fixtures of the entity tests (the glossary itself is in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def mentioned(matcher):
    """The entity ids found in a text, with the words they were found in."""

    def find(text: str) -> list[tuple[str, str]]:
        return [(m.entity, text[m.start : m.end]) for m in matcher.find(text)]

    return find
