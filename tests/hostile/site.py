"""Building the hostile corpus into a site and reading back what the build made.

:func:`build` lays a site out in a fresh folder (the corpus's raw and curated files under
`articles/2025/06/`, its glossary files under `docs/entities/`, generated files where the
caller puts them), runs `mkdocs build --strict` (which must fail), `mkdocs build` and
`wirearchive check`, and records every file of the folder around the site before and after,
so a test can tell what the three commands wrote and where.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from tests.conftest import FIXTURES, GLOSSARY, wirearchive

from . import htmlcheck

HOSTILE = FIXTURES / "hostile"
CONFIG = HOSTILE / "mkdocs.yml"
ARTICLES = "articles/2025/06"
ENTITIES = "docs/entities"
# Absolute paths that a hostile slug or YAML tag would write: they must never appear.
CANARIES = (Path("/tmp/wa-hostile-pwned"), Path("/tmp/wa-hostile-yaml-pwned"))


def corpus() -> dict[str, bytes]:
    """The corpus's raw (.txt) and curated (.md) dispatches, by file name."""
    return {
        p.name: p.read_bytes() for p in sorted(HOSTILE.glob("*")) if p.suffix in (".txt", ".md")
    }


def glossary() -> dict[str, bytes]:
    """The corpus's glossary entries, by file name."""
    return {p.name: p.read_bytes() for p in sorted((HOSTILE / "glossary").glob("*.md"))}


def source_of(name: str) -> str:
    """Where a corpus file sits in the built site, relative to its root (as problems name it)."""
    if name.startswith("glossary/"):
        return f"{ENTITIES}/{name.removeprefix('glossary/')}"
    return f"{ARTICLES}/{name}"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path) and a digest of its bytes."""
    found = {}
    for dirpath, _, filenames in os.walk(folder):
        for filename in filenames:
            path = Path(dirpath) / filename
            found[path.relative_to(folder).as_posix()] = hashlib.sha1(path.read_bytes()).hexdigest()
    return found


def mkdocs(root: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass
class Built:
    """A hostile site after `mkdocs build --strict`, `mkdocs build` and `wirearchive check`."""

    outer: Path  # the folder around the site: nothing may be written here but in site/, .cache/
    root: Path
    strict: subprocess.CompletedProcess
    build: subprocess.CompletedProcess
    check: subprocess.CompletedProcess
    before: dict[str, str]
    after: dict[str, str]
    canaries: list[Path] = field(default_factory=list)

    @property
    def site(self) -> Path:
        return self.root / "site"

    def written_outside(self) -> list[str]:
        """Files the commands created or changed outside `site/` and `.cache/`."""
        prefix = self.root.relative_to(self.outer).as_posix() + "/"
        allowed = (prefix + "site/", prefix + ".cache/")
        changed = [p for p, digest in self.after.items() if self.before.get(p) != digest]
        removed = [p for p in self.before if p not in self.after]
        return sorted(p for p in changed + removed if not p.startswith(allowed))

    def warnings_naming(self, source: str) -> list[str]:
        """Lines of the build's log, warnings or worse, that name `source`."""
        return [
            line
            for line in self.build.stderr.splitlines()
            if line.startswith(("WARNING", "ERROR")) and _names(line, source)
        ]

    def check_lines_naming(self, source: str) -> list[str]:
        """Lines `wirearchive check` printed (errors and warnings) that name `source`."""
        return [line for line in self.check.stdout.splitlines() if _names(line, source)]

    @cached_property
    def pages(self) -> dict[str, object]:
        """Every built HTML page, parsed, by its path in the site."""
        return {
            p.relative_to(self.site).as_posix(): htmlcheck.parse(p.read_bytes())
            for p in sorted(self.site.rglob("*.html"))
        }

    @cached_property
    def article_pages(self) -> dict[str, str]:
        """The page of each published article, by its source file (shown in its footer)."""
        found = {}
        for path, document in self.pages.items():
            for article in htmlcheck.elements(document, "article", "wa-article"):
                for code in htmlcheck.elements(article, "code"):
                    found[htmlcheck.visible_text(code)] = path
        return found


# Where a problem's file is named: `WARNING -  wirearchive: <path>:<line>: error: ...` in the
# build log, `<path>:<line>: error: ...` in the output of `wirearchive check`.
_LOCATED = re.compile(
    r"^(?:(?:WARNING|ERROR)\s+-\s+(?:wirearchive: )?)?(?P<path>\S.*?)(?::\d+)?: (?:error|warning|info): "
)


def _names(line: str, source: str) -> bool:
    """`line` reports a problem of the file `source` (not merely mentions it)."""
    match = _LOCATED.match(line)
    return match is not None and match["path"] == source


def lay_out(
    root: Path,
    articles: dict[str, bytes],
    entities: dict[str, bytes],
    extra: dict[str, bytes] | None = None,
) -> None:
    """The site's files: mkdocs.yml, raw and curated files, glossary, and `extra` by path."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_bytes(CONFIG.read_bytes())
    files = {f"{ARTICLES}/{name}": data for name, data in articles.items()}
    files |= {f"{ENTITIES}/{name}": data for name, data in entities.items()}
    files |= extra or {}
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def build(
    outer: Path,
    articles: dict[str, bytes],
    entities: dict[str, bytes],
    extra: dict[str, bytes] | None = None,
    timeout: float = 600,
) -> Built:
    """Lay the site out two folders down in `outer`, then build and check it."""
    root = outer / "two" / "levels" / "site-root"
    lay_out(root, articles, entities, extra)
    canaries = [c for c in CANARIES if not c.exists()]
    before = snapshot(outer)
    strict = mkdocs(root, "--strict", timeout=timeout)
    built = mkdocs(root, timeout=timeout)
    check = wirearchive("check", cwd=root)
    return Built(
        outer,
        root,
        strict,
        built,
        check,
        before,
        snapshot(outer),
        [c for c in canaries if c.exists()],
    )


def benign(outer: Path) -> Built:
    """The same site made of benign input only: the tests' known dispatches and glossary."""
    dispatches = FIXTURES / "dispatches"
    articles = {p.name: p.read_bytes() for p in sorted(dispatches.glob("*.txt"))}
    entities = {p.name: p.read_bytes() for p in sorted(GLOSSARY.glob("*.md"))}
    return build(outer, articles, entities)
