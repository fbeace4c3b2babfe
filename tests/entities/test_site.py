"""The held-out French dispatch built into a site, and the command line on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest

from tests.conftest import FIXTURES, ROOT, mkdocs_build, wirearchive, write_site

GLOSSARY = FIXTURES / "entities" / "glossary"
DISPATCH = FIXTURES / "entities" / "nvidia-openai-fr.txt"
ARTICLE = "articles/2025/12/nvidia-openai-fr.txt"
EXPECTED = [
    "nvidia",
    "openai",
    "jensen-huang",
    "sam-altman",
    "wall-street-journal",
    "chatgpt",
    "google-gemini",
]


def site(root: Path, extra_docs: dict[str, str] | None = None) -> Path:
    docs = {
        f"entities/{p.name}": p.read_text(encoding="utf-8") for p in sorted(GLOSSARY.glob("*.md"))
    }
    docs["index.md"] = "# Archive\n"
    docs.update(extra_docs or {})
    return write_site(
        root, {"2025/12/nvidia-openai-fr.txt": DISPATCH.read_text(encoding="utf-8")}, docs=docs
    )


def parse(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def by_class(tree, tag: str, name: str):
    return [e for e in tree.iter(tag) if name in (e.get("class") or "").split()]


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = site(tmp_path_factory.mktemp("entities-site"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


def article_html(root: Path) -> Path:
    (page,) = (root / "site" / "2025" / "12").glob("*/index.html")
    return page


def test_first_mentions_are_linked_once_each(built):
    tree = parse(article_html(built))
    (body,) = by_class(tree, "div", "wa-body")
    targets = [a.get("href") for a in body.iter("a")]
    for entity_id in EXPECTED:
        assert targets.count(f"../../../entities/{entity_id}/") == 1, entity_id
    words = {a.get("href").split("/")[-2]: text_of(a) for a in body.iter("a")}
    assert (
        words["jensen-huang"] == "Jensen Huang"
        and words["wall-street-journal"] == "Wall Street Journal"
    )
    assert words["google-gemini"] == "Gemini"
    # the tooltip text for readers without JavaScript; the script finds the links by their chip
    link = next(a for a in body.iter("a") if a.get("href").endswith("/jensen-huang/"))
    assert link.get("title") == "Cofondateur et directeur général de Nvidia."


def test_chips_after_the_text_and_each_description_once(built):
    html = article_html(built).read_text(encoding="utf-8")
    tree = parse(article_html(built))
    chips = by_class(tree, "a", "wa-chip")
    assert [c.get("data-entity") for c in chips][:2] == ["nvidia", "openai"]
    assert set(EXPECTED) <= {c.get("data-entity") for c in chips}
    # after the body: the reader meets the text first
    assert html.index('class="wa-chips"') > html.index('class="wa-body"')
    # the description is in the page once, as the title of the body's link (entities.js
    # makes the tooltip of it for the chip and the links)
    assert html.count("Cofondateur et directeur général de Nvidia.") == 1
    assert (built / "site" / "assets" / "wirearchive" / "entities.js").is_file()


def test_entity_page_lists_the_article_and_quotes(built):
    tree = parse(built / "site" / "entities" / "jensen-huang" / "index.html")
    (page,) = by_class(tree, "article", "wa-entity")
    assert text_of(next(page.iter("h1"))) == "Jensen Huang"
    links = [a.get("href") for a in by_class(page, "a", "wa-list__title")]
    assert links == ["../../2025/12/nvidia-et-openai-concluent-un-nouvel-accord-sur-les-puces/"]
    quotes = [text_of(q) for q in by_class(page, "figure", "wa-quote")]
    assert any("Nous n'en sommes qu'au début de la construction" in q for q in quotes)
    assert all(q.startswith("Nous") or q.startswith("la demande") for q in quotes)
    assert "https://www.wikidata.org/wiki/Q305177" in [a.get("href") for a in page.iter("a")]
    assert "Né à Taïwan en 1963" in text_of(page)
    related = [a.get("href") for a in by_class(page, "section", "wa-entity__related")[0].iter("a")]
    assert "../nvidia/" in related


def test_glossary_index_lists_the_named_entries_by_type_and_the_others_apart(built):
    tree = parse(built / "site" / "entities" / "index.html")
    groups = {g.get("aria-labelledby"): g for g in by_class(tree, "section", "wa-glossary__group")}
    assert list(groups) == ["company", "person", "product", "media"]  # no place is named
    people = [
        (text_of(i.find("a")), text_of(by_class(i, "span", "wa-count")[0]))
        for i in by_class(groups["person"], "li", "wa-glossary__item")
    ]
    assert people == [("Jensen Huang", "(1 dispatch)"), ("Sam Altman", "(1 dispatch)")]
    (apart,) = by_class(tree, "details", "wa-glossary__unnamed")
    unnamed = [text_of(a) for a in apart.iter("a")]
    assert "Lisa Su" in unnamed and "Ursula von der Leyen" in unnamed
    assert "Jensen Huang" not in unnamed
    assert text_of(apart.find("summary")).endswith("entries not yet named in a dispatch")


def test_entity_pages_stay_out_of_the_navigation(built):
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    nav = home[home.index("md-nav--primary") :]
    assert "entities/jensen-huang/" not in nav


def test_show_json_lists_entities_and_quotes(tmp_path):
    root = site(tmp_path)
    result = wirearchive("show", str(root / ARTICLE), "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert set(EXPECTED) <= set(shown["entities"])
    assert shown["entities"][:3] == ["nvidia", "openai", "wall-street-journal"]
    speakers = {q["speaker"] for q in shown["quotes"]}
    assert {"jensen-huang", "sam-altman", None} == speakers
    assert "[Nvidia](" not in shown["body"]  # the body is the article's own Markdown


def test_bad_glossary_fails_check_and_strict_build_without_crashing(tmp_path):
    root = site(
        tmp_path,
        {
            "entities/Bad Entity.md": "---\nname: X\ntype: thing\n---\n",
            "entities/nvidia-bis.md": "---\nname: NVIDIA\ntype: company\n---\n",
        },
    )
    check = wirearchive("check", str(root))
    assert check.returncode == 1
    assert (
        "docs/entities/Bad Entity.md: error: entity id `Bad Entity` (the file name)" in check.stdout
    )
    assert (
        "docs/entities/nvidia-bis.md: error: alias `NVIDIA` is also claimed by docs/entities/nvidia.md"
        in check.stdout
    )
    build = mkdocs_build(root)
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert "Bad Entity.md" in build.stderr


def test_unknown_entity_in_front_matter_fails_check(tmp_path):
    root = site(tmp_path)
    path = root / ARTICLE
    path.write_text(
        "---\nentities: [nvidia, nvidea]\n---\n" + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    check = wirearchive("check", str(root))
    assert check.returncode == 1
    assert re.search(
        r"nvidia-openai-fr.txt:2: error: front matter key `entities` names `nvidea`", check.stdout
    )


def test_every_demo_article_gets_entities():
    from wirearchive.archive import read_archive
    from wirearchive.dispatch import ParseOptions
    from wirearchive.entities import load_glossary

    glossary = load_glossary(ROOT / "docs" / "entities", ROOT, ROOT / "docs")
    archive = read_archive(ROOT, "articles", ParseOptions(), glossary=glossary)
    assert len(archive.articles) >= 18
    assert [a.source_file for a in archive.articles if len(a.entities) < 3] == []
    assert not [p for p in archive.problems if p.severity == "error"]
