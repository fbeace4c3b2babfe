"""Search at scale: Wirearchive's prebuilt, split index beside Material's default search.

    python benchmarks/search.py [--counts 1000 10000] [--seed 1] [--keep DIR] [--json OUT]

For each size, one seeded synthetic archive (benchmarks/synth.py) is built twice: as a
Wirearchive site (Material's search box answered by our worker) and as the same dispatches
in a plain Material site with Material's default search. Then, for each, in headless
Debian chromium against a local http.server on 127.0.0.1:

- bytes a first query transfers: every search file the page and its worker fetch from the
  moment the reader opens the home page until the first results show (as served, without
  compression, and what gzip would make of the same files, as GitHub Pages serves them);
- time from typing to first results: the reader types as soon as the page is loaded.

On the build side: the index build time (parse excluded, no cache, parts in parallel) and
its share of the whole build, and what a rebuild after adding one dispatch rebuilds.
Material builds its index in the reader's browser, so its cost shows in the browser times.
The machine is shared: read the numbers as orders of magnitude.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "plugins"))

from browser import CHROMIUM, CHROMIUM_ARGS, browser_runs, serve, summary  # noqa: E402
from harness import build  # noqa: E402
from synth import make_archive, make_plain_site  # noqa: E402

from wirearchive.archive import read_archive  # noqa: E402
from wirearchive.cache import FileCache  # noqa: E402
from wirearchive.dispatch import ParseOptions  # noqa: E402
from wirearchive.search.indexing import build_index, documents  # noqa: E402


def mkdocs_build(root: Path) -> float:
    return build(root).seconds


def with_search_box(root: Path) -> None:
    """The synthetic site's mkdocs.yml with Material's search plugin, as the demo has it."""
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n", 1),
        encoding="utf-8",
    )


def index_times(root: Path, workers: int) -> dict:
    """Index build (cold, no cache) and the rebuild after adding one dispatch."""
    archive = read_archive(root, "articles", ParseOptions())
    docs = documents(archive.articles)
    cache = Path(tempfile.mkdtemp(prefix="wa-search-cache-"))
    start = time.perf_counter()
    cold = build_index(docs, cache=FileCache(cache, ""), workers=workers)
    cold_seconds = time.perf_counter() - start
    newest = archive.articles[0]
    added = newest.source_file.replace(".txt", "-added.txt")
    text = (root / newest.source_file).read_text(encoding="utf-8")
    (root / added).write_text(
        text.replace("Le ", "Selon nos informations, le ", 1) + "\nUne phrase de plus.\n",
        encoding="utf-8",
    )
    archive = read_archive(root, "articles", ParseOptions())
    start = time.perf_counter()
    again = build_index(documents(archive.articles), cache=FileCache(cache, ""), workers=workers)
    again_seconds = time.perf_counter() - start
    (root / added).unlink()
    shutil.rmtree(cache)
    sizes = {path: len(data) for path, data in cold.files.items()}
    return {
        "index_build_s": round(cold_seconds, 2),
        "parts": len(cold.built),
        "index_files": len(sizes),
        "index_bytes": sum(sizes.values()),
        "largest_head_bytes": max(v for k, v in sizes.items() if "/head-" in k),
        "largest_part_bytes": max(v for k, v in sizes.items() if k.split("/")[-1][:6].isdigit()),
        "rebuild_after_adding_one_s": round(again_seconds, 2),
        "parts_rebuilt_after_adding_one": again.built,
    }


HELD_OUT = "2025/10/qualcomm-rachete-l-italien-arduino"
DEMO_QUERIES = (
    ("plural of a word used in the singular", "cartes"),
    ("elided accented word, typed bare", "equipement"),
    ("accented word, typed bare", "dependance"),
    ("company", "Qualcomm"),
    ("company", "Arduino"),
    ("person", "Massimo Banzi"),
    ("person", "Cristiano Amon"),
)
ROOT = HERE.parent


def box_finds(
    browser, base: str, query: str, wanted: str, first: int = 5, wait_s: float = 8.0
) -> bool:
    """Does the search box list `wanted` among its first results for `query`?"""
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    page = context.new_page()
    page.goto(base, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=10)
    deadline = time.monotonic() + wait_s
    found = False
    while time.monotonic() < deadline and not found:
        links = page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(a => a.href)"
        )
        found = any(wanted in link for link in links[:first])
        page.wait_for_timeout(200)
    context.close()
    return found


def demo_comparison(work: Path) -> list[dict]:
    """The held-out dispatch of the demo, searched with Wirearchive and with Material's default."""
    demo = work / "demo"
    demo.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", demo / "mkdocs.yml")
    for name in ("docs", "articles"):
        shutil.copytree(ROOT / name, demo / name, dirs_exist_ok=True)
    plain = make_plain_site(demo, work / "demo-material")
    # Material's search as the demo configured it before Wirearchive's: French theme, fr/de/en.
    (plain / "mkdocs.yml").write_text(
        "site_name: Demo\ntheme:\n  name: material\n  language: fr\n"
        "plugins:\n  - search:\n      lang: [fr, de, en]\n",
        encoding="utf-8",
    )
    mkdocs_build(demo)
    mkdocs_build(plain)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        servers = {
            name: serve(site)
            for name, site in (("wirearchive", demo / "site"), ("material", plain / "site"))
        }
        try:
            for kind, query in DEMO_QUERIES:
                rows.append(
                    {
                        "kind": kind,
                        "query": query,
                        **{
                            name: box_finds(browser, base, query, HELD_OUT)
                            for name, (_, base) in servers.items()
                        },
                    }
                )
        finally:
            for server, _ in servers.values():
                server.shutdown()
                server.server_close()
        browser.close()
    print("\n== the held-out dispatch of the demo, in the search box (first 5 results) ==")
    print(f"{'kind':40}{'query':18}{'Wirearchive':>13}{'Material':>10}")
    for row in rows:
        print(
            f"{row['kind']:40}{row['query']:18}{'found' if row['wirearchive'] else 'MISSED':>13}"
            f"{'found' if row['material'] else 'MISSED':>10}"
        )
    return rows


def run_size(count: int, seed: int, work: Path, workers: int) -> dict:
    wa = make_archive(work / f"wirearchive-{count}", count, seed)
    with_search_box(wa)
    # Every page in the navigation makes Material's build quadratic (each page renders the whole
    # nav): at 10,000 pages it did not finish in 20 minutes here. The home page alone in the nav
    # keeps the same pages and the same search index.
    plain = make_plain_site(wa, work / f"material-{count}", nav=False)
    print(f"[{count}] building the Wirearchive site…", flush=True)
    wa_build = mkdocs_build(wa)
    print(f"[{count}] building the plain Material site…", flush=True)
    plain_build = mkdocs_build(plain)
    print(f"[{count}] index build alone…", flush=True)
    index = index_times(wa, workers)
    print(f"[{count}] browser…", flush=True)
    runs = browser_runs({"wirearchive": wa / "site", "material": plain / "site"}, timeout_s=180)
    return {
        "count": count,
        "wirearchive": {
            "build_s": round(wa_build, 1),
            **index,
            "index_share_of_build": round(index["index_build_s"] / wa_build, 3),
            **summary(runs["wirearchive"]),
            "runs": runs["wirearchive"],
        },
        "material": {
            "build_s": round(plain_build, 1),
            "search_index_json_bytes": (plain / "site" / "search" / "search_index.json")
            .stat()
            .st_size,
            **summary(runs["material"]),
            "runs": runs["material"],
        },
    }


def print_table(result: dict) -> None:
    wa, mat = result["wirearchive"], result["material"]
    print(f"\n== {result['count']} dispatches ==")
    print(f"{'':38}{'Wirearchive':>16}{'Material':>16}")
    rows = [
        ("whole build (s)", wa["build_s"], mat["build_s"]),
        ("index build at build time (s)", wa["index_build_s"], "in browser"),
        ("  share of the whole build", wa["index_share_of_build"], "-"),
        ("first query: bytes fetched", wa["median_bytes"], mat["median_bytes"]),
        ("first query: same files gzipped", wa["median_gzip_bytes"], mat["median_gzip_bytes"]),
        (
            "first query: bytes after 3 s more",
            wa["median_bytes_after_3s"],
            mat["median_bytes_after_3s"],
        ),
        (
            "typing to first results (s, median)",
            wa["median_first_results_s"],
            mat["median_first_results_s"],
        ),
        ("queries without results in time", wa["timeouts"], mat["timeouts"]),
    ]
    for label, a, b in rows:
        print(f"{label:38}{str(a):>16}{str(b):>16}")
    print(
        f"Material search_index.json: {mat['search_index_json_bytes']:,} bytes; "
        f"Wirearchive index: {wa['index_bytes']:,} bytes in {wa['index_files']} files "
        f"(largest head index {wa['largest_head_bytes']:,}, largest month part {wa['largest_part_bytes']:,})"
    )
    print(
        f"after adding one dispatch: rebuilt parts {wa['parts_rebuilt_after_adding_one']} "
        f"in {wa['rebuild_after_adding_one_s']} s (the head indexes are always rebuilt)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--no-demo", action="store_true", help="skip the held-out dispatch of the demo"
    )
    args = parser.parse_args()
    if max(args.counts) > 10000:
        parser.error("sizes above 10,000 dispatches are not run on this shared machine")
    work = args.keep or Path(tempfile.mkdtemp(prefix="wa-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list = []
    try:
        if not args.no_demo:
            results.append({"demo": demo_comparison(work)})
        for count in args.counts:
            results.append(run_size(count, args.seed, work, args.workers))
            print_table(results[-1])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
