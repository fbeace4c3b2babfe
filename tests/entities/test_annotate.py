"""Front matter and annotation: the contributor's `entities`, `entities_exclude`, `quotes` win."""

from __future__ import annotations

from wirearchive.article import load
from wirearchive.dispatch import ParseOptions
from wirearchive.entities import Annotator

DISPATCH = """{front}Nvidia investit dans OpenAI

Genève (Keystone-ATS) - Le patron de Nvidia, Jensen Huang, a signé mardi avec OpenAI. « Nous ne faisons que commencer ce travail », a assuré M. Huang.

Le titre Nvidia a progressé.
"""


def read(glossary, front: str = "", name: str = "articles/2025/12/x.txt"):
    text = DISPATCH.format(front=f"---\ndate: 2025-12-03T10:00\n{front}---\n")
    return load(
        text.encode(),
        name,
        ParseOptions(),
        annotator=Annotator(glossary) if glossary is not None else None,
    )


def test_found_in_order_of_first_mention_with_quotes(glossary):
    loaded = read(glossary)
    assert [str(p) for p in loaded.problems if p.severity == "error"] == []
    article = loaded.article
    assert list(article.entities) == ["nvidia", "openai", "jensen-huang"]
    assert [q.as_dict() for q in article.quotes] == [
        {"speaker": "jensen-huang", "text": "Nous ne faisons que commencer ce travail"}
    ]
    assert [article.body[s:e] for s, e, _ in article.mentions] == [
        "Nvidia",
        "Jensen Huang",
        "OpenAI",
    ]


def test_front_matter_adds_and_excludes(glossary):
    article = read(glossary, "entities: [chatgpt, nvidia]\nentities_exclude: [openai]\n").article
    assert list(article.entities) == ["nvidia", "jensen-huang", "chatgpt"]
    assert "openai" not in [i for _, _, i in article.mentions]


def test_excluded_speaker_is_not_credited(glossary):
    article = read(glossary, "entities_exclude: [jensen-huang]\n").article
    assert [q.as_dict() for q in article.quotes] == [
        {"speaker": None, "text": "Nous ne faisons que commencer ce travail"}
    ]


def test_front_matter_quotes_replace_the_found_ones(glossary):
    article = read(glossary, "quotes:\n  - {speaker: Sam Altman, text: Bonjour}\n").article
    assert [q.as_dict() for q in article.quotes] == [{"speaker": "Sam Altman", "text": "Bonjour"}]


def test_unknown_id_is_an_error_naming_file_line_and_key(glossary):
    loaded = read(glossary, "entities: [nvidia, nvidea]\nentities_exclude: [opnai]\n")
    errors = [str(p) for p in loaded.problems if p.severity == "error"]
    assert errors == [
        "articles/2025/12/x.txt:3: error: front matter key `entities` names `nvidea`, which is not in the glossary (no glossary/nvidea.md)",
        "articles/2025/12/x.txt:4: error: front matter key `entities_exclude` names `opnai`, which is not in the glossary (no glossary/opnai.md)",
    ]
    assert list(loaded.article.entities) == ["nvidia", "openai", "jensen-huang"]


def test_without_a_glossary_front_matter_entities_pass_through():
    article = read(None, "entities: [anything]\n").article
    assert list(article.entities) == ["anything"] and article.mentions == ()


def test_curated_markdown_is_annotated_too(glossary):
    text = (
        "---\ntitle: Un point sur Nvidia\ndate: 2025-12-03\n---\n\n## OpenAI\n\n"
        "Selon [le site](https://example.org) d'OpenAI, `Nvidia` et Sam Altman.\n"
    )
    article = load(
        text.encode(), "articles/2025/12/y.md", ParseOptions(), annotator=Annotator(glossary)
    ).article
    assert list(article.entities) == ["nvidia", "openai", "sam-altman"]
    assert [article.body[s:e] for s, e, _ in article.mentions] == ["OpenAI", "Sam Altman"]
    assert article.body[article.mentions[0][0] - 2 : article.mentions[0][0]] == "d'"
