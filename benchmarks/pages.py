"""HTML bytes per article page: Wirearchive against plain Material on the same content.

    .venv/bin/python benchmarks/pages.py [--counts 1000 10000] [--plain-counts 1000] [--seed 1]

For each count, writes a seeded synthetic archive (`benchmarks/synth.py`), builds it with
`mkdocs build`, and reports the size of the site and of its article pages (`<yyyy>/<mm>/
<slug>/index.html`); then does the same for the plain Material twin, where every dispatch
is an ordinary page of the navigation. The aim is under 30 KB of HTML per article page at
10,000 dispatches. A plain site's pages each carry the whole navigation, so its build time
and size grow with the square of the count: keep `--plain-counts` small.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import make_archive, make_plain_site

OUT = Path(__file__).resolve().parent / "out" / "pages"
ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


def build(root: Path) -> float:
    """`mkdocs build` of the site in `root`; seconds taken."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def page_sizes(site: Path) -> dict:
    """Sizes of the built site and of its article pages."""
    articles, total, files, pages = [], 0, 0, 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total, files = total + size, files + 1
        if path.suffix == ".html":
            pages += 1
            if ARTICLE_PAGE.match(path.relative_to(site).as_posix()):
                articles.append(size)
    return {
        "site_mb": round(total / 2**20, 1),
        "files": files,
        "pages": pages,
        "article_pages": len(articles),
        "article_kb_mean": round(statistics.fmean(articles) / 1024, 1) if articles else None,
        "article_kb_median": round(statistics.median(articles) / 1024, 1) if articles else None,
        "article_kb_max": round(max(articles) / 1024, 1) if articles else None,
    }


def run(kind: str, count: int, seed: int) -> dict:
    archive = OUT / f"wirearchive-{count}"
    make_archive(archive, count, seed)
    root = archive
    if kind == "plain":
        root = make_plain_site(archive, OUT / f"plain-{count}")
    seconds = build(root)
    return {
        "site": kind,
        "dispatches": count,
        "build_s": round(seconds, 1),
        **page_sizes(root / "site"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--plain-counts", type=int, nargs="*", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rows = [run("wirearchive", n, args.seed) for n in args.counts]
    rows += [run("plain", n, args.seed) for n in args.plain_counts]
    header = (
        "site",
        "dispatches",
        "build_s",
        "site_mb",
        "pages",
        "article_kb_mean",
        "article_kb_median",
        "article_kb_max",
    )
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[key]) for key in header))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
