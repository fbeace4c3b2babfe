"""Search within its budget (issue 11, item 5): bytes and time to a reader's first results.

    # write seeded synthetic archives (benchmarks/synth.py, issue 11's shape: ~500 words a
    # dispatch, a 300-entity glossary, every feature on) and build them, optionally with
    # another copy of the package first on the path (a snapshot of an older version):
    python benchmarks/search_budget.py build --counts 1000 10000 --work /tmp/wa-search \
        [--package /tmp/old/plugins] [--label before]
    # the index build alone (cold, warm, after adding a dispatch), with this checkout's package:
    python benchmarks/search_budget.py index /tmp/wa-search/synth-10000
    # measure built sites in headless Debian chromium:
    python benchmarks/search_budget.py measure NAME=SITE_DIR [NAME=SITE_DIR ...] \
        [--runs 3] [--json OUT]

Each query runs in a fresh browser profile (nothing cached), against a local http.server
on 127.0.0.1, in two ways a reader searches:

- *box*: the home page is loaded, then the query is put in Material's search box at once
  (`fill`, then a key up, on which Material's box asks): seconds from then to the first result item, and the search files fetched from
  opening the page until then;
- *page*: `/search/?query=...` is opened: seconds from navigation to the first result of
  the page, then to the finished answer (`data-wa-done=yes`: every result with its
  snippet), and the search files fetched until each.

Search files are the index (`search/`), the search scripts and the worker; bytes are the
files' sizes as served (uncompressed) and what gzip -6 makes of each (GitHub Pages serves
them gzipped). Figures are medians over the runs of a query, then over the queries.
The machine may be shared: read times as orders of magnitude.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

# Words of the synthetic dispatches (benchmarks/synth.py, seed 1) in each language, two
# names of its glossary and a two-word query.
QUERIES = (
    "investisseurs",
    "Nachfrage",
    "semiconductor",
    "Riquachip",
    "Paul Kazenqua",
    "hausse puces",
)
SEARCH_PATHS = ("search/", "assets/wirearchive/search/", "assets/javascripts/workers/")
RECORDER = """
(() => {
  const seen = {};
  const watch = () => new MutationObserver(() => {
    for (const [name, selector] of [["box", ".md-search-result__item"],
                                    ["page", "#wa-results li"],
                                    ["done", "[data-wa-search][data-wa-done=yes]"]])
      if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
  }).observe(document.documentElement, {childList: true, subtree: true, attributes: true});
  if (document.documentElement) watch(); else addEventListener("DOMContentLoaded", watch);
  window.__waSeen = seen;
})();
"""


def search_file(url: str, base: str, site: Path) -> Path | None:
    """The file of the site a request fetched, when it is a search file."""
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    if not path.startswith(SEARCH_PATHS) or path == "search/" or path.endswith("/index.html"):
        return None
    file = site / path
    return file if file.is_file() else None


def weigh(files: list[Path]) -> dict:
    unique = sorted(set(files))
    return {
        "files": len(unique),
        "bytes": sum(f.stat().st_size for f in unique),
        "gzip_bytes": sum(len(gzip.compress(f.read_bytes(), 6)) for f in unique),
    }


def one_run(browser, base: str, site: Path, query: str, mode: str, timeout_s: float) -> dict:
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    context.add_init_script(RECORDER)
    log: list[tuple[float, Path]] = []

    def on_request(request):
        file = search_file(request.url, base, site)
        if file is not None:
            log.append((time.perf_counter(), file))

    context.on("request", on_request)
    page = context.new_page()
    result: dict = {"query": query, "mode": mode}
    try:
        if mode == "box":
            page.goto(base, wait_until="load")
            box = page.locator("input.md-search__input")
            box.click()
            start = page.evaluate("performance.now()")
            box.fill(query)
            box.press("End")  # Material's box asks on keyup
            page.wait_for_function("() => 'box' in window.__waSeen", timeout=timeout_s * 1000)
            seen = page.evaluate("window.__waSeen")
            result["first_s"] = round((seen["box"] - start) / 1000, 3)
            wall_first = time.perf_counter()
            result["first"] = weigh([f for t, f in log if t <= wall_first])
        else:
            page.goto(f"{base}search/?query={quote(query)}", wait_until="commit")
            page.wait_for_function("() => 'page' in window.__waSeen", timeout=timeout_s * 1000)
            wall_first = time.perf_counter()
            page.wait_for_function("() => 'done' in window.__waSeen", timeout=timeout_s * 1000)
            wall_done = time.perf_counter()
            seen = page.evaluate("window.__waSeen")
            result["first_s"] = round(seen["page"] / 1000, 3)
            result["done_s"] = round(seen["done"] / 1000, 3)
            result["first"] = weigh([f for t, f in log if t <= wall_first])
            result["done"] = weigh([f for t, f in log if t <= wall_done])
            result["results"] = page.locator("#wa-results li").count()
    except Exception as exc:  # a query without results in time is reported, not fatal
        result["error"] = str(exc).splitlines()[0]
    finally:
        context.close()
    return result


def median(values: list) -> float | int | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def field(*keys):
    """A getter of `run[keys[0]][keys[1]]...`, None where it is missing (a failed run)."""

    def get(run):
        value = run
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value

    return get


def figure(per_query: dict[str, list[dict]], get) -> float | int | None:
    """The median over queries of each query's median over its runs."""
    return median([median([get(r) for r in rs]) for rs in per_query.values()])


def summarise(runs: list[dict]) -> dict:
    """Per mode: medians over the queries of each query's median over its runs."""
    out: dict = {}
    for mode in ("box", "page"):
        mine = [run for run in runs if run["mode"] == mode]
        per_query: dict[str, list[dict]] = {}
        for run in mine:
            per_query.setdefault(run["query"], []).append(run)
        out[mode] = {
            "first_s": figure(per_query, field("first_s")),
            "first_bytes": figure(per_query, field("first", "bytes")),
            "first_gzip_bytes": figure(per_query, field("first", "gzip_bytes")),
            "max_first_bytes": max(
                (r["first"]["bytes"] for r in mine if "first" in r), default=None
            ),
            "errors": sum("error" in r for r in mine),
        }
        if mode == "page":
            out[mode].update(
                done_s=figure(per_query, field("done_s")),
                done_bytes=figure(per_query, field("done", "bytes")),
                done_gzip_bytes=figure(per_query, field("done", "gzip_bytes")),
            )
    return out


def measure(sites: dict[str, Path], runs: int, queries, timeout_s: float) -> dict:
    from playwright.sync_api import sync_playwright

    results: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, site in sites.items():
            server, base = serve(site)
            try:
                all_runs = [
                    one_run(browser, base, site, query, mode, timeout_s)
                    for query in queries
                    for mode in ("box", "page")
                    for _ in range(runs)
                ]
            finally:
                server.shutdown()
                server.server_close()
            results[name] = {"summary": summarise(all_runs), "runs": all_runs}
            print_summary(name, results[name]["summary"])
        browser.close()
    return results


def kb(value) -> str:
    return "-" if value is None else f"{value / 1024:,.0f} KB"


def seconds(value) -> str:
    return "-" if value is None else f"{value:.2f} s"


def print_summary(name: str, summary: dict) -> None:
    box, page = summary["box"], summary["page"]
    print(f"\n== {name} ==", flush=True)
    print(
        f"box : first results {seconds(box['first_s'])} after {kb(box['first_bytes'])} "
        f"({kb(box['first_gzip_bytes'])} gzipped; largest {kb(box['max_first_bytes'])}); "
        f"errors {box['errors']}"
    )
    print(
        f"page: first results {seconds(page['first_s'])} after {kb(page['first_bytes'])} "
        f"({kb(page['first_gzip_bytes'])} gzipped; largest {kb(page['max_first_bytes'])}); "
        f"complete {seconds(page['done_s'])} after {kb(page['done_bytes'])} "
        f"({kb(page['done_gzip_bytes'])} gzipped); errors {page['errors']}",
        flush=True,
    )


def build(counts: list[int], work: Path, seed: int, package: Path | None, label: str) -> None:
    from synth import SCALE_GLOSSARY, SCALE_PARAGRAPHS, full_config, make_archive

    for count in counts:
        root = work / f"synth-{count}"
        if not (root / "mkdocs.yml").exists():
            make_archive(root, count, seed, glossary=SCALE_GLOSSARY, paragraphs=SCALE_PARAGRAPHS)
            full_config(root)
        out = work / f"site-{count}-{label}"
        env = {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
        if package is not None:
            env["PYTHONPATH"] = str(package.resolve())
        cache = root / ".cache"
        subprocess.run(["rm", "-rf", str(cache)], check=True)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
            cwd=root,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        size = sum(f.stat().st_size for f in (out / "search").rglob("*") if f.is_file())
        files = sum(1 for f in (out / "search").rglob("*") if f.is_file())
        print(
            f"{count}: built {out} in {time.perf_counter() - start:.0f} s; "
            f"search/ {size / 2**20:.1f} MB in {files} files",
            flush=True,
        )


def index_times(root: Path, workers: int) -> dict:
    """The index alone, for the archive under `root` (read through its parse cache): a cold
    build (no search cache), a warm one (nothing changed) and one after adding a dispatch."""
    import shutil
    import tempfile

    from wirearchive.archive import read_archive
    from wirearchive.cache import FileCache
    from wirearchive.dispatch import ParseOptions
    from wirearchive.search.indexing import build_index, documents

    def docs():
        archive = read_archive(
            root, "articles", ParseOptions(), workers=workers, cache_dir=root / ".cache" / "parse"
        )
        return documents(archive.articles)

    cache = Path(tempfile.mkdtemp(prefix="wa-search-cache-"))
    times = {}
    for name in ("cold", "warm"):
        found = docs()
        start = time.perf_counter()
        built = build_index(found, cache=FileCache(cache, ""), workers=workers)
        times[f"{name}_s"] = round(time.perf_counter() - start, 2)
    newest = sorted((root / "articles").rglob("*.txt"))[-1]
    added = newest.with_name(newest.stem + "-added.txt")
    added.write_text(newest.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", "utf-8")
    try:
        found = docs()
        start = time.perf_counter()
        again = build_index(found, cache=FileCache(cache, ""), workers=workers)
        times["after_adding_one_s"] = round(time.perf_counter() - start, 2)
        times["months_analysed_after_adding_one"] = again.built
    finally:
        added.unlink()
        shutil.rmtree(cache)
    times["files"] = len(built.files)
    times["bytes"] = sum(len(data) for data in built.files.values())
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write and build synthetic archives")
    b.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    b.add_argument("--work", type=Path, required=True)
    b.add_argument("--seed", type=int, default=1)
    b.add_argument("--package", type=Path, help="a copy of plugins/ to build with")
    b.add_argument("--label", default="after")
    i = sub.add_parser("index", help="time the index build alone (cold, warm, one added)")
    i.add_argument("root", type=Path, help="a synthetic archive written by `build`")
    i.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    m = sub.add_parser("measure", help="measure built sites in headless chromium")
    m.add_argument("sites", nargs="+", help="NAME=SITE_DIR")
    m.add_argument("--runs", type=int, default=3)
    m.add_argument("--timeout", type=float, default=60.0)
    m.add_argument("--queries", nargs="+", default=list(QUERIES))
    m.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.counts, args.work, args.seed, args.package, args.label)
        return
    if args.command == "index":
        print(json.dumps(index_times(args.root, args.workers)))
        return
    sites = {name: Path(path) for name, path in (s.split("=", 1) for s in args.sites)}
    results = measure(sites, args.runs, args.queries, args.timeout)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
