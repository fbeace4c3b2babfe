"""Shared test helpers: fixture files, and building a small site in a temporary folder."""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from wirearchive.entities import Matcher, load_glossary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DISPATCHES = ROOT.parent / "shared" / "dispatches"
GLOSSARY = FIXTURES / "entities" / "glossary"

# Material's end-of-life notice and ProperDocs' notice under `mkdocs`: printed on every build,
# not under test (tests/deploy/test_platforms.py builds under both platforms).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

# Property-based tests (tests/properties/), profile chosen by HYPOTHESIS_PROFILE: `default`
# is fast, `ci` (the default under CI) wider and reproducible, `fuzz` a long search. No
# deadline: a build machine may be slow or busy. Failing examples are kept under the ignored
# .cache/, so a local rerun starts from them; CI keeps none.
_EXAMPLES = DirectoryBasedExampleDatabase(ROOT / ".cache" / "hypothesis")
settings.register_profile("default", max_examples=100, deadline=None, database=_EXAMPLES)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    database=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=1_000_000,
    deadline=None,
    database=_EXAMPLES,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


def write_site(
    root: Path,
    articles: dict[str, str | bytes],
    *,
    plugin_options: str = "",
    extra: str = "",
    docs: dict[str, str] | None = None,
) -> Path:
    """A minimal Wirearchive site under `root`: mkdocs.yml, docs/, articles/."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in (docs or {}).items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, content in articles.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Test archive\n"
        "theme:\n  name: material\n"
        "plugins:\n  - wirearchive:"
        + ("\n" + plugin_options if plugin_options else " {}")
        + "\n"
        + extra,
        encoding="utf-8",
    )
    return root


class Served:
    """A small site built as `mkdocs serve` builds it, in this process (`served`): one plugin
    instance through the builds, each build from the configuration loaded anew into `site`."""

    def __init__(self, root: Path, site: Path, dirty: bool) -> None:
        from mkdocs.config import load_config

        self.root, self.site, self.dirty = root, site, dirty
        self.config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        self.config.plugins.on_startup(command="serve", dirty=dirty)
        self.plugin = self.config.plugins["wirearchive"]

    def build(self) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site)), dirty=self.dirty)


@contextlib.contextmanager
def served(tmp_path: Path, *, dirty: bool = False) -> Iterator[Served]:
    """A site of one dispatch under `tmp_path`, built by `Served.build` into `tmp_path/served`;
    the plugin's `on_shutdown` at the end, as `mkdocs serve` stops."""
    iphone = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
    server = Served(
        write_site(tmp_path, {"2025/09/iphone.txt": iphone}), tmp_path / "served", dirty
    )
    try:
        yield server
    finally:
        server.config.plugins.on_shutdown()


def benchmark(name: str):
    """The module `benchmarks/<name>.py` (the synthetic archives, the labelled events, the
    serve helpers): the tests use what the benchmarks measure, not a copy of it."""
    folder = str(ROOT / "benchmarks")
    sys.path.insert(0, folder)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(folder)


def mkdocs_build(
    root: Path, *args: str, env: dict | None = None, strict: bool = True
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `root`, as a contributor would run it (`env` adds
    variables)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *args],
        cwd=root,
        env={**os.environ, **env} if env else None,
        capture_output=True,
        text=True,
        timeout=600,
    )


def wirearchive(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """The `wirearchive` command line, run as a subprocess (`env` adds variables)."""
    return subprocess.run(
        [sys.executable, "-m", "wirearchive.cli", *args],
        cwd=cwd,
        env={**os.environ, **env} if env else None,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=600,
    )


@pytest.fixture
def fixture_path():
    def get(*parts: str) -> Path:
        return FIXTURES.joinpath(*parts)

    return get


def copy_demo(folder: Path) -> Path:
    """A copy of the repository's demo site (mkdocs.yml, docs/, articles/) in `folder`."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "articles"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    """A copy of the repository's demo site in tmp_path."""
    return copy_demo(tmp_path)


@pytest.fixture(scope="session")
def glossary():
    """The fixture glossary (tests/fixtures/entities/glossary), loaded once."""
    loaded = load_glossary(GLOSSARY, GLOSSARY.parent, GLOSSARY.parent)
    assert loaded.problems == ()
    return loaded


@pytest.fixture(scope="session")
def matcher(glossary):
    return Matcher(glossary.entities.values())
