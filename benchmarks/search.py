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
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "plugins"))

from synth import make_archive, make_plain_site  # noqa: E402

from wirearchive.archive import read_archive  # noqa: E402
from wirearchive.cache import FileCache  # noqa: E402
from wirearchive.dispatch import ParseOptions  # noqa: E402
from wirearchive.search.indexing import build_index, documents  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Words of the synthetic dispatches that both searches find as typed (the demo comparison
# measures the word forms only Wirearchive finds).
QUERIES = ("investisseurs", "Bourse", "Nachfrage")
SEARCH_FILES = (
    "/search/",
    "/assets/javascripts/workers/",
    "/assets/javascripts/lunr/",
    "/assets/wirearchive/search/",
)


def mkdocs_build(root: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=root,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


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


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_query(browser, base: str, site: Path, query: str, timeout_s: float) -> dict:
    """Open the home page in a fresh profile, type `query`, wait for the first result."""
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    fetched: list[str] = []
    context.on("request", lambda request: fetched.append(request.url))
    page = context.new_page()
    page.goto(base, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    start = time.perf_counter()
    box.press_sequentially(query, delay=0)
    try:
        page.wait_for_selector(".md-search-result__item", timeout=timeout_s * 1000)
        seconds = time.perf_counter() - start
    except Exception:
        seconds = None
    at_first_results = list(fetched)
    page.wait_for_timeout(3000)  # the full-text parts that arrive after the first results
    count = page.locator(".md-search-result__item").count()
    context.close()
    first, total = search_bytes(at_first_results, base, site), search_bytes(fetched, base, site)
    return {
        "query": query,
        "first_results_s": None if seconds is None else round(seconds, 3),
        "results": count,
        "files": first[0],
        "bytes": first[1],
        "gzip_bytes": first[2],
        "bytes_after_3s": total[1],
    }


def search_bytes(urls: list[str], base: str, site: Path) -> tuple[int, int, int]:
    """Files, bytes and gzipped bytes of the search files among `urls`."""
    files = sorted(
        {
            url.split("?")[0].removeprefix(base)
            for url in urls
            if any(part in "/" + url.removeprefix(base) for part in SEARCH_FILES)
        }
    )
    paths = [site / f for f in files if (site / f).is_file()]
    return (
        len(paths),
        sum(p.stat().st_size for p in paths),
        sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths),
    )


def browser_runs(sites: dict[str, Path], timeout_s: float) -> dict:
    from playwright.sync_api import sync_playwright

    results: dict[str, list] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, site in sites.items():
            server, base = serve(site)
            try:
                results[name] = [first_query(browser, base, site, q, timeout_s) for q in QUERIES]
            finally:
                server.shutdown()
                server.server_close()
        browser.close()
    return results


def summary(runs: list[dict]) -> dict:
    times = [r["first_results_s"] for r in runs if r["first_results_s"] is not None]
    return {
        "median_first_results_s": round(statistics.median(times), 3) if times else None,
        "median_bytes": int(statistics.median(r["bytes"] for r in runs)),
        "median_gzip_bytes": int(statistics.median(r["gzip_bytes"] for r in runs)),
        "median_bytes_after_3s": int(statistics.median(r["bytes_after_3s"] for r in runs)),
        "timeouts": sum(r["first_results_s"] is None for r in runs),
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
    plain = make_plain_site(wa, work / f"material-{count}")
    # Every page in the navigation makes Material's build quadratic (each page renders the whole
    # nav): at 10,000 pages it did not finish in 20 minutes here. The home page alone in the nav
    # keeps the same pages and the same search index.
    with (plain / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("nav:\n  - index.md\n")
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
