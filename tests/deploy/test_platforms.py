"""The demo builds to the same site under MkDocs 1.6.1 and under ProperDocs 1.6.x.

ProperDocs is the maintained continuation of MkDocs 1.6 (MkDocs 1.6.1 is the last release). It
runs `mkdocs.plugins` entry points, reads `mkdocs.yml` when there is no `properdocs.yml`, and
answers `import mkdocs...` with its own modules, so Material and this plugin run unchanged.

What is normalised, and why: only the `content` of the one `<meta name="generator">` tag of each
HTML page. Material writes it from the `mkdocs_version` the platform hands to templates:
"mkdocs-1.6.1, mkdocs-material-9.x" under MkDocs, "mkdocs-ProperDocs 1.6.x, mkdocs-material-9.x"
under ProperDocs. Every other byte of every file must be equal, `sitemap.xml.gz` included: both
platforms take its gzip header's mtime from the pages' dates (the same in both builds), so its
compressed bytes are compared as they are, with no decompression.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.deploy.conftest import demo_site

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def platform_build(root: Path, platform: str) -> Path:
    """`<platform> build --strict` in `root`, run as `python -m <platform>`; the site folder."""
    result = subprocess.run(
        [sys.executable, "-m", platform, "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        # Material's end-of-life notice and ProperDocs' notice under `mkdocs`: not under test here.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    assert result.returncode == 0, f"{platform} build failed:\n{result.stderr}"
    return root / "site"


def tree(site: Path) -> dict[str, bytes]:
    files = sorted(path for path in site.rglob("*") if path.is_file())
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in files}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The demo built once by each platform, each in its own fresh copy (no shared cache)."""
    if find_spec("properdocs") is None:
        message = "properdocs is not installed (the `test` extra has it: pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return {
        platform: tree(platform_build(demo_site(tmp_path_factory.mktemp(platform)), platform))
        for platform in ("mkdocs", "properdocs")
    }


def generators(files: dict[str, bytes]) -> dict[str, list[bytes]]:
    return {name: GENERATOR.findall(data) for name, data in files.items()}


def test_each_page_names_the_platform_that_built_it(sites):
    # Proves the second build really ran under ProperDocs, and that the tag normalised below is
    # the only place where the two platforms are meant to differ.
    material = version("mkdocs-material")
    expected = {
        "mkdocs": f"mkdocs-{version('mkdocs')}, mkdocs-material-{material}",
        "properdocs": f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-material-{material}",
    }
    for platform, files in sites.items():
        found = generators(files)
        pages = sorted(name for name in files if name.endswith(".html"))
        assert pages, f"{platform} wrote no HTML page"
        wrong = sorted(name for name in pages if found[name] != [expected[platform].encode()])
        assert not wrong, f"{platform}: pages without one {expected[platform]!r}: {wrong[:5]}"
        elsewhere = sorted(name for name in files if found[name] and not name.endswith(".html"))
        assert not elsewhere, f"{platform}: a generator tag outside HTML pages: {elsewhere}"


def test_mkdocs_and_properdocs_build_the_same_site(sites):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert sorted(mkdocs) == sorted(properdocs), (
        f"only under mkdocs: {sorted(set(mkdocs) - set(properdocs))}; "
        f"only under properdocs: {sorted(set(properdocs) - set(mkdocs))}"
    )

    def normalised(data: bytes) -> bytes:
        return GENERATOR.sub(b'<meta name="generator" content="GENERATOR">', data)

    differ = sorted(
        name for name in mkdocs if normalised(mkdocs[name]) != normalised(properdocs[name])
    )
    assert not differ, f"files that differ beyond the generator tag: {differ}"
    # The comparison above saw real pages, not two empty trees.
    assert "sitemap.xml.gz" in mkdocs and "index.html" in mkdocs
