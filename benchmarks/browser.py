"""A reader's first search, in headless Debian chromium (Playwright), against a built site.

The site is served by a local http.server on 127.0.0.1; the reader opens the home page in a
fresh profile, types a query in Material's search box as soon as the page is loaded, and
waits for the first result. Measured: seconds from typing to the first result, and the
search files fetched until then (as served, and what gzip would make of them, as GitHub
Pages serves them), then what arrives in the 3 s after.
"""

from __future__ import annotations

import gzip
import statistics
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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
# Words of the synthetic dispatches that both searches find as typed (search_budget.py
# measures more queries, on the box and on /search/).
QUERIES = ("investisseurs", "Bourse", "Nachfrage")
SEARCH_FILES = (
    "/search/",
    "/assets/javascripts/workers/",
    "/assets/javascripts/lunr/",
    "/assets/wirearchive/search/",
)


def available() -> str | None:
    """None when a browser run can happen here, else why not."""
    if not Path(CHROMIUM).exists():
        return f"no chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed"
    return None


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
        "fetched_first": {
            f: (site / f).stat().st_size for f in search_files(at_first_results, base, site)
        },
    }


def search_files(urls: list[str], base: str, site: Path) -> list[str]:
    """The search files among `urls`, as paths under `site`."""
    files = sorted(
        {
            url.split("?")[0].removeprefix(base)
            for url in urls
            if any(part in "/" + url.removeprefix(base) for part in SEARCH_FILES)
        }
    )
    return [f for f in files if (site / f).is_file()]


def search_bytes(urls: list[str], base: str, site: Path) -> tuple[int, int, int]:
    """Files, bytes and gzipped bytes of the search files among `urls`."""
    paths = [site / f for f in search_files(urls, base, site)]
    return (
        len(paths),
        sum(p.stat().st_size for p in paths),
        sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths),
    )


def browser_runs(sites: dict[str, Path], timeout_s: float, queries=QUERIES) -> dict:
    """Each query in a fresh profile against each site: {site name: [first_query result]}."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, site in sites.items():
            server, base = serve(site)
            try:
                results[name] = [first_query(browser, base, site, q, timeout_s) for q in queries]
            finally:
                server.shutdown()
                server.server_close()
        browser.close()
    return results


def summary(runs: list[dict]) -> dict:
    """Medians over the queries of one site."""
    times = [r["first_results_s"] for r in runs if r["first_results_s"] is not None]
    return {
        "median_first_results_s": round(statistics.median(times), 3) if times else None,
        "median_bytes": int(statistics.median(r["bytes"] for r in runs)),
        "median_gzip_bytes": int(statistics.median(r["gzip_bytes"] for r in runs)),
        "median_bytes_after_3s": int(statistics.median(r["bytes_after_3s"] for r in runs)),
        "timeouts": sum(r["first_results_s"] is None for r in runs),
    }
