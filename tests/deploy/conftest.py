"""The demo site as a maintainer publishes it: built for `https://ORG.github.io/REPO/`."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_build

SITE_URL = "https://ORG.github.io/REPO/"
PREFIX = "/REPO/"


def clone_tree(target: Path) -> Path:
    """The files a fresh clone of the repository would have: those git does not ignore."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    for name in listed.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def demo_site(target: Path, site_url: str = SITE_URL) -> Path:
    """mkdocs.yml, docs/ and articles/ of the demo, with `site_url` set."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "articles", target / "articles")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(r"(?m)^site_url:.*$", f"site_url: {site_url}", config)
    assert count == 1, "mkdocs.yml has no site_url line"
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def build(root: Path, *args: str) -> Path:
    result = mkdocs_build(root, *args)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The demo site built under the sub-path (built once for the session); its `site/`."""
    return build(demo_site(tmp_path_factory.mktemp("published")))
