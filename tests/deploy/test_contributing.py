"""From a fresh clone, following only CONTRIBUTING.md, a pasted dispatch becomes a page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT
from tests.deploy.conftest import clone_tree

BIN = Path(sys.executable).parent


def section(markdown: str, heading: str) -> str:
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def commands(markdown: str) -> list[str]:
    """The `.venv/bin/...` commands of the ```sh blocks, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip().startswith(".venv/bin/")
    ]


def run(command: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """A command of the guide, with the venv these tests run in standing for `.venv`."""
    return subprocess.run(
        ["bash", "-e", "-c", command.replace(".venv/bin/", f"{BIN}/")],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_dispatch_pasted_as_the_guide_says_is_published(tmp_path):
    clone = clone_tree(tmp_path / "clone")
    guide = (clone / "CONTRIBUTING.md").read_text(encoding="utf-8")
    steps = commands(section(guide, "Add a dispatch in three steps"))
    assert steps == [
        ".venv/bin/wirearchive add -",
        ".venv/bin/wirearchive check",
        ".venv/bin/mkdocs build --strict",
    ]
    pasted = (FIXTURES / "contribute" / "web-copy.txt").read_text(encoding="utf-8")

    added = run(steps[0], clone, stdin=pasted)
    assert added.returncode == 0, added.stderr
    stored = "articles/2026/03/le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions.txt"
    assert (clone / stored).read_text(encoding="utf-8") == pasted
    for command in steps[1:]:
        result = run(command, clone)
        assert result.returncode == 0, result.stdout + result.stderr

    page = (
        clone / "site/2026/03/le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions/index.html"
    )
    html = page.read_text(encoding="utf-8")
    assert "Le fabricant de puces zurichois Chipwerk lève 40 millions de francs" in html
    assert "Chipwerk conçoit des puces spécialisées" in html
    home = (clone / "site/index.html").read_text(encoding="utf-8")
    assert 'href="2026/03/le-fabricant-de-puces-zurichois-chipwerk-leve-40-millions/"' in home


def test_the_guide_names_the_checks_the_pull_request_runs():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert commands(section(guide, "Run the checks")) == [
        ".venv/bin/wirearchive check",
        ".venv/bin/python -m pytest",
        ".venv/bin/mkdocs build --strict",
    ]
    workflow = (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    for command in (
        ".venv/bin/wirearchive check",
        ".venv/bin/mkdocs build --strict",
        "bash .ci/run",
    ):
        assert command in workflow
