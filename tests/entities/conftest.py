"""Fixtures of the entity tests: the fixture glossary, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirearchive.entities import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "fixtures" / "entities" / "glossary"


@pytest.fixture(scope="session")
def glossary():
    loaded = load_glossary(GLOSSARY, GLOSSARY.parent, GLOSSARY.parent)
    assert loaded.problems == []
    return loaded


@pytest.fixture
def mentioned(glossary):
    """The entity ids found in a text, with the words they were found in."""
    def find(text: str) -> list[tuple[str, str]]:
        return [(m.entity, text[m.start:m.end]) for m in glossary.matcher.find(text)]
    return find
