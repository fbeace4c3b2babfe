"""Whole-site builds: Wirearchive beside plain Material for MkDocs on the same content.

    python benchmarks/build.py [--counts 1000 10000] [--runs 3] [--seed 1] [--keep DIR]

For each size, a seeded synthetic archive (benchmarks/synth.py) is built with the
Wirearchive plugins and, as the baseline, the same dispatches as ordinary Markdown pages of
a plain Material site (whose navigation lists every page, as MkDocs does by default).
Each build runs in a fresh process; the script prints, per site, the median build time,
the peak memory (max RSS of the build process), the page count, the mean HTML bytes of an
article page, and the bytes of search-index files, then the ratios Wirearchive / Material.
The machine is shared: read the medians and ratios, not single runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_archive, make_plain_site

ARTICLE_PAGE = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"


def build(root: Path) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of one `mkdocs build` of the site in `root`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {root} failed:\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss * 1024


def measure(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    articles = list(site.glob(ARTICLE_PAGE))
    search = [
        p for p in site.rglob("*") if p.is_file() and "search" in p.relative_to(site).parts[0]
    ]
    return {
        "pages": len(pages),
        "article_pages": len(articles),
        "article_html_kb": statistics.mean(p.stat().st_size for p in articles) / 1024
        if articles
        else 0.0,
        "search_files": len(search),
        "search_kb": sum(p.stat().st_size for p in search) / 1024,
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
    }


def run(count: int, runs: int, seed: int, work: Path) -> dict:
    wire = make_archive(work / f"wirearchive-{count}", count, seed)
    plain = make_plain_site(wire, work / f"material-{count}")
    results = {}
    for name, root in (("wirearchive", wire), ("material", plain)):
        times, peaks = [], []
        for _ in range(runs):
            seconds, peak = build(root)
            times.append(seconds)
            peaks.append(peak)
        results[name] = {
            "build_s": statistics.median(times),
            "runs_s": [round(t, 2) for t in times],
            "peak_mb": max(peaks) / 2**20,
            **measure(root / "site"),
        }
    return results


def report(count: int, results: dict) -> None:
    print(f"\n{count} dispatches")
    print(
        f"{'':12} {'build s':>8} {'peak MB':>8} {'pages':>7} {'KB/article':>11} {'search KB':>10} {'site MB':>8}"
    )
    for name, r in results.items():
        print(
            f"{name:12} {r['build_s']:8.1f} {r['peak_mb']:8.0f} {r['pages']:7d} {r['article_html_kb']:11.1f} "
            f"{r['search_kb']:10.0f} {r['site_mb']:8.1f}"
        )
    w, m = results["wirearchive"], results["material"]
    ratio = lambda key: w[key] / m[key] if m[key] else float("nan")  # noqa: E731
    print(
        f"{'ratio W/M':12} {ratio('build_s'):8.2f} {ratio('peak_mb'):8.2f} {'':7} {ratio('article_html_kb'):11.2f} "
        f"{ratio('search_kb'):10.2f} {ratio('site_mb'):8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--counts", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the sites")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        figures = {}
        for count in args.counts:
            figures[count] = run(count, args.runs, args.seed, work)
            report(count, figures[count])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
