"""The glossary files: the team's seed is valid, bad entries are refused by file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirearchive.entities import Matcher, load_glossary

ROOT = Path(__file__).resolve().parents[2]


def test_the_seed_glossary_is_valid_and_covers_the_demo_archive():
    glossary = load_glossary(ROOT / "docs" / "entities", ROOT, ROOT / "docs")
    assert [str(p) for p in glossary.problems] == []
    assert len(glossary) >= 40
    assert glossary["jensen-huang"].url == "entities/jensen-huang/"
    # short common-word aliases are kept, with rules instead of deletion
    son = {a.text: a for a in glossary["masayoshi-son"].aliases}["Son"]
    assert son.short and son.common and not son.fold_case
    six = {a.text: a for a in glossary["six-swiss-exchange"].aliases}["SIX"]
    assert not six.common and not six.fold_case


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / "docs" / "entities" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    root = write(tmp_path, files)
    return [str(p) for p in load_glossary(root / "docs" / "entities", root).problems]


GOOD = "---\nname: Nvidia\ntype: company\naliases: [NVIDIA]\n---\n"


@pytest.mark.parametrize(
    "files, expected",
    [
        (
            {"nvidia.md": "---\nname: Nvidia\ntype: firm\n---\n"},
            "docs/entities/nvidia.md:3: error: `type` must be one of company, person, product, organization, media, place, got 'firm'",
        ),
        (
            {"nvidia.md": "---\nname: Nvidia: Corp\ntype: company\n---\n"},
            "docs/entities/nvidia.md:2: error: front matter is not valid YAML: mapping values are not allowed",
        ),
        (
            {"nvidia.md": "---\ntype: company\n---\n"},
            "docs/entities/nvidia.md:1: error: `name` must be a non-empty string",
        ),
        (
            {"nvidia.md": "Nvidia is a company.\n"},
            "docs/entities/nvidia.md:1: error: entity file needs front matter",
        ),
        (
            {
                "nvidia.md": GOOD,
                "nvidia-corp.md": "---\nname: Nvidia Corp\ntype: company\naliases: [NVIDIA]\n---\n",
            },
            "docs/entities/nvidia-corp.md: error: alias `NVIDIA` is also claimed by docs/entities/nvidia.md",
        ),
        (
            {"Nvidia.md": GOOD},
            "docs/entities/Nvidia.md: error: entity id `Nvidia` (the file name) must be lower-case",
        ),
        ({"a..b.md": GOOD}, "docs/entities/a..b.md: error: entity id `a..b`"),
        (
            {"chips/nvidia.md": GOOD},
            "docs/entities/chips/nvidia.md: error: entity files must sit directly in docs/entities/: an id cannot contain `/`",
        ),
        ({"nvidia.md": GOOD, "nvidia.markdown": GOOD}, "error: duplicate entity id `nvidia`"),
        (
            {"sonco.md": "---\nname: Sonco\ntype: company\naliases: [Son]\n---\n"},
            "docs/entities/sonco.md:4: error: `aliases` entry `Son` is the common word `son`",
        ),
        (
            {"x.md": "---\nname: Xco\ntype: company\naliases: [des]\n---\n"},
            "entry `des` is a common word",
        ),
        (
            {
                "x.md": "---\nname: Xco\ntype: company\naliases: [{text: Xco AG, fold: [case]}, {text: XAG, fold: case}]\n---\n"
            },
            "entry `XAG` is three letters or fewer: it must match with its exact case",
        ),
        (
            {"x.md": "---\nname: Xco\ntype: company\nwikidata: 12345\n---\n"},
            "`wikidata` must be a Wikidata item id",
        ),
        (
            {"x.md": "---\nname: Xco\ntype: company\ncolour: red\n---\n"},
            "docs/entities/x.md:4: warning: unknown entity key `colour`",
        ),
    ],
)
def test_bad_entries_are_reported_by_file_and_key(tmp_path, files, expected):
    found = problems(tmp_path, files)
    assert any(expected in p for p in found), found


def test_a_bad_file_is_left_out_and_the_rest_is_kept(tmp_path):
    root = write(tmp_path, {"nvidia.md": GOOD, "bad.md": "---\nname: Bad\n---\n"})
    glossary = load_glossary(root / "docs" / "entities", root)
    assert list(glossary.entities) == ["nvidia"]
    assert len(glossary.problems) == 1


def test_people_may_share_a_surname(tmp_path):
    files = {
        "jensen-huang.md": "---\nname: Jensen Huang\ntype: person\naliases: [Huang]\n---\n",
        "colin-huang.md": "---\nname: Colin Huang\ntype: person\n---\n",
    }
    root = write(tmp_path, files)
    glossary = load_glossary(root / "docs" / "entities", root)
    assert glossary.problems == ()
    text = "Colin Huang a vendu. M. Huang est parti. Jensen Huang a parlé ensuite; Huang a conclu."
    found = [
        (m.entity, text[m.start : m.end]) for m in Matcher(glossary.entities.values()).find(text)
    ]
    # once both are introduced, `Huang` alone could be either: no mention rather than a guess
    assert found == [
        ("colin-huang", "Colin Huang"),
        ("colin-huang", "Huang"),
        ("jensen-huang", "Jensen Huang"),
    ]


def test_a_company_may_bear_a_persons_surname(tmp_path):
    files = {
        "dell.md": "---\nname: Dell\ntype: company\n---\n",
        "michael-dell.md": "---\nname: Michael Dell\ntype: person\n---\n",
    }
    root = write(tmp_path, files)
    glossary = load_glossary(root / "docs" / "entities", root)
    assert glossary.problems == ()
    text = "Dell a publié ses comptes. Michael Dell, son fondateur, a parlé; Dell a conclu."
    found = [
        (m.entity, text[m.start : m.end]) for m in Matcher(glossary.entities.values()).find(text)
    ]
    assert found == [("dell", "Dell"), ("michael-dell", "Michael Dell")]


def test_fingerprint_changes_with_any_entity_file(tmp_path):
    root = write(tmp_path, {"nvidia.md": GOOD})
    first = load_glossary(root / "docs" / "entities", root).fingerprint
    assert first == load_glossary(root / "docs" / "entities", root).fingerprint
    write(tmp_path, {"nvidia.md": GOOD.replace("[NVIDIA]", "[NVIDIA, Nvidia Corp]")})
    assert load_glossary(root / "docs" / "entities", root).fingerprint != first


def test_index_page_and_hidden_files_are_not_entities(tmp_path):
    root = write(tmp_path, {"nvidia.md": GOOD, "index.md": "# Glossary\n", ".draft.md": "x"})
    glossary = load_glossary(root / "docs" / "entities", root)
    assert list(glossary.entities) == ["nvidia"] and glossary.problems == ()


def test_mkdocs_serve_is_given_the_same_glossary_while_its_files_are_the_same(tmp_path):
    """`mkdocs serve` (wirearchive.carry): the last build's glossary, the very object, while
    no file of it changed; an edited file is read again."""
    from wirearchive.carry import Carried

    root = write(tmp_path, {"nvidia.md": GOOD})
    folder = root / "docs" / "entities"
    carried = Carried()
    carried.next_build()
    first = load_glossary(folder, root, carried=carried)
    carried.next_build()
    assert load_glossary(folder, root, carried=carried) is first
    write(tmp_path, {"nvidia.md": GOOD.replace("Nvidia", "Nvidia Corporation")})
    carried.next_build()
    edited = load_glossary(folder, root, carried=carried)
    assert edited is not first and edited.entities["nvidia"].name == "Nvidia Corporation"
    assert edited.fingerprint != first.fingerprint
    assert edited == load_glossary(folder, root)
