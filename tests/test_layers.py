"""The package's layers: the core imports nothing above it, and no module imports in a cycle.

Every `import` of every module is read (at the top or inside a function: an import inside a
function that dodges a cycle is still a cycle). Layers, from the bottom:

0. `problems`, `progress`, `model`, `text`, `carry`, `ending`: shared types and helpers;
1. `dispatch`, `frontmatter`: reading one file;
2. `entities`, `timeline`: annotating and dating an article;
3. `article`, `cache`: one file to one article, caches;
4. `archive`: every article;
5. `browse`, `search`, `publish`, `project`, `contribute`: what is made of the archive;
6. `site`: the MkDocs side (plugin, page generators, templates);
7. `cli`: the command line.

A module imports from its own layer or below. Only `site` may import MkDocs (or ProperDocs);
`cli` reads `mkdocs.yml` through MkDocs' own config loader (and its error) but imports
nothing of `site`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "wirearchive"
LAYERS = {
    "problems": 0,
    "progress": 0,
    "shards": 0,
    "model": 0,
    "text": 0,
    "carry": 0,
    "ending": 0,
    "dispatch": 1,
    "frontmatter": 1,
    "entities": 2,
    "timeline": 2,
    "article": 3,
    "cache": 3,
    "archive": 4,
    "browse": 5,
    "search": 5,
    "publish": 5,
    "project": 5,
    "contribute": 5,
    "site": 6,
    "cli": 7,
}
MKDOCS = ("mkdocs", "properdocs")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["wirearchive", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def imports(name: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) of every import of one module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {
        id(node)
        for func in ast.walk(tree)
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(func)
        if node is not func
    }
    found = []
    for node in ast.walk(tree):
        inside = id(node) in nested
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, inside) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.append((sub if sub in MODULES else module, node.lineno, inside))
    return found


def top(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""


def test_every_top_level_part_of_the_package_has_a_layer():
    assert {top(name) for name in MODULES if name != "wirearchive"} <= set(LAYERS)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_or_below(name):
    if name == "wirearchive":
        return
    layer = LAYERS[top(name)]
    wrong = []
    for module, line, _ in imports(name, MODULES[name]):
        if module.startswith("wirearchive.") and LAYERS[top(module)] > layer:
            wrong.append(f"line {line}: {module} (layer {LAYERS[top(module)]} > {layer})")
        if (
            module.split(".")[0] in MKDOCS
            and top(name) != "site"
            and not (top(name) == "cli" and module in ("mkdocs.config", "mkdocs.exceptions"))
        ):
            wrong.append(f"line {line}: {module} (only site/ builds on MkDocs)")
    assert wrong == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_of_the_package_inside_a_function(name):
    inside = [
        f"line {line}: {module}"
        for module, line, nested in imports(name, MODULES[name])
        if nested and module.startswith("wirearchive")
    ]
    assert inside == []


def test_no_import_cycle():
    graph = {
        name: {m for m, _, _ in imports(name, path) if m in MODULES and m != name}
        for name, path in MODULES.items()
    }
    # A package's __init__ re-exports its modules: an edge into a package is an edge into
    # its __init__, which may import the module that imports it. That is the cycle to find.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert cycles == []


def test_the_test_sees_a_cycle_and_an_upward_import(tmp_path, monkeypatch):
    """The checks above fail on the seams they are there to keep out."""
    upward = tmp_path / "wirearchive" / "timeline" / "x.py"
    upward.parent.mkdir(parents=True)
    upward.write_text(
        "from ..site.plugin import ArchivePlugin\n\ndef f():\n    from ..archive import read\n"
    )
    found = imports("wirearchive.timeline.x", upward)
    assert ("wirearchive.site.plugin", 1, False) in found
    assert ("wirearchive.archive", 4, True) in found
