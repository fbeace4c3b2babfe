"""How long `mkdocs serve` takes to show an edit: the contributor's wait (issue 11: <= 5 s).

    .venv/bin/python benchmarks/serve.py --count 1000 [--seed 1] [--edits 3] [--dirty]
    .venv/bin/python benchmarks/serve.py --root SITE [--edits 3] [--dirty] [--package DIR]

Starts `mkdocs serve` on a free local port in a synthetic archive of `--count` dispatches
(benchmarks/synth.py, the archive scale.py measures; a parse cache is made by one build
first, as a contributor's own checkout has) or in the site at `--root`, waits for the first
build to be served, then, `--edits` times: appends a sentence to one dispatch and measures
the time from the file's write until the served article page contains the sentence (polled
every 0.1 s over HTTP, as the browser's live reload would fetch it). A second series adds a
new dispatch, newer than the others and reporting an event (a new entry on the timelines,
whose counts change), and waits for the home page to list it. Prints each wait and the
median, as text and, with `--json OUT`, as JSON. The site and the edits are in a copy
(`--keep DIR` keeps it).

Each edit is saved once the server has finished every build it started, and `--settle`
seconds more (2 by default): a contributor reads the page before saving again, and by then
the server has run its full garbage collection (site/idle.py). `--back-to-back` saves the
next edit as soon as the page shows the last one, as this benchmark did until stop 20: the
page shows before its build ends (the sitemap and the build record come after it), so each
wait then also holds the end of the build before.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import harness  # noqa: E402
from synth import full_config, make_archive  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """The status and text of the page at `url` (0 and "" when nothing answers)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(
    url: str, text: str, timeout_s: float, server: subprocess.Popen | None = None
) -> float:
    """Seconds until `url` serves a page holding `text` (polled every 0.1 s); fails after
    `timeout_s`, or when `server` has stopped. tests/site/test_serve.py uses it too."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode})")
        status, page = fetch(url)
        if status == 200 and text in page:
            return time.monotonic() - started
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout_s:.0f} s")


def wait_idle(log: Path, settle_s: float, timeout_s: float, server: subprocess.Popen) -> None:
    """Until `mkdocs serve` has ended every rebuild it started, then `settle_s` seconds more.
    Its log says "Reloading browsers" once each rebuild ends (MkDocs drops a repeated
    "Documentation built in" line: two builds of the same length log one)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        text = log.read_text(encoding="utf-8")
        if text.count("Detected file changes") == text.count("Reloading browsers"):
            time.sleep(settle_s)
            return
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode})")
        time.sleep(0.1)
    raise TimeoutError(f"mkdocs serve did not end its build within {timeout_s:.0f} s")


def served_at(log: Path, timeout_s: float, server: subprocess.Popen) -> str:
    """The address `mkdocs serve` says it serves on (under the path of `site_url`)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        found = re.search(r"Serving on (http://\S+)", log.read_text(encoding="utf-8"))
        if found:
            return found[1].rstrip("/") + "/"
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped (exit {server.returncode})")
        time.sleep(0.1)
    raise SystemExit("mkdocs serve did not say where it serves")


def page_of(site: Path, dispatch: Path) -> str:
    """The site-relative folder of the article page built from `dispatch` (a synthetic
    dispatch's raw copy, `dispatch.txt`, sits beside its page)."""
    lines = _lines(dispatch.read_text(encoding="utf-8"))
    year, month = dispatch.parent.parent.name, dispatch.parent.name
    for candidate in sorted((site / year / month).glob("*/dispatch.txt")):
        if _lines(candidate.read_text(encoding="utf-8")) == lines:
            return candidate.parent.relative_to(site).as_posix() + "/"
    raise SystemExit(f"no page found for {dispatch}")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def measure(
    root: Path,
    edits: int,
    dirty: bool,
    package: Path | None,
    timeout_s: float,
    settle_s: float | None = 2.0,
) -> dict:
    """The waits for `edits` edits and as many new dispatches; each saved once the server is
    idle and `settle_s` seconds have passed, or at once when `settle_s` is None."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    log = open(root / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    started = time.monotonic()
    server = subprocess.Popen(command, cwd=root, env=harness.environment(package), stderr=log)
    try:
        base = served_at(root / "serve.log", timeout_s, server)  # under site_url's path
        wait_for(base, "</html>", timeout_s, server)
        first = time.monotonic() - started
        site = root / "site"
        dispatches = sorted((root / "articles").rglob("*.txt"))
        results: dict = {"first_build_s": round(first, 1), "edit_s": [], "add_s": []}

        def idle() -> None:
            if settle_s is not None:
                wait_idle(root / "serve.log", settle_s, timeout_s, server)

        for number in range(edits):
            idle()
            dispatch = dispatches[(number + 1) * len(dispatches) // (edits + 1)]
            url = base + page_of(site, dispatch)
            sentence = f"Phrase ajoutée pour la mesure numéro {number} de serve."
            text = dispatch.read_text(encoding="utf-8").rstrip("\n")
            dispatch.write_text(f"{text} {sentence}\n", encoding="utf-8")
            results["edit_s"].append(round(wait_for(url, sentence, timeout_s, server), 2))
        for number in range(edits):
            # Newer than every synthetic dispatch: the first on the home page once built.
            idle()
            month = root / "articles" / "2026" / "01"
            month.mkdir(parents=True, exist_ok=True)
            headline = f"Dispatch ajoutée numéro {number} pour mesurer serve"
            (month / f"added-{number}.txt").write_text(
                f"---\ndate: 2026-01-15T10:{number:02d}:00\n---\n{headline}\n\n"
                "Genève (Keystone-ATS) - Le groupe a annoncé mardi une phrase pour la mesure.\n",
                encoding="utf-8",
            )
            results["add_s"].append(round(wait_for(base, headline, timeout_s, server), 2))
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def prepared(args, work: Path) -> Path:
    if args.root is not None:
        root = work / "site-root"
        shutil.copytree(args.root, root, ignore=shutil.ignore_patterns("site"), symlinks=True)
        return root
    root = make_archive(work / "site-root", args.count, seed=args.seed)
    full_config(root)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--root", type=Path, help="a site to serve (the folder of mkdocs.yml)")
    where.add_argument("--count", type=int, help="serve a synthetic archive of this many")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--dirty", action="store_true", help="mkdocs serve --dirty")
    parser.add_argument("--package", type=Path, help="a folder holding the package to measure")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait, each time")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--settle", type=float, default=2.0, help="seconds to wait once the server is idle"
    )
    parser.add_argument(
        "--back-to-back",
        action="store_true",
        help="save each edit as soon as the last one shows (the end of its build not waited for)",
    )
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="wa-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        root = prepared(args, work)
        # counted now: the copy is removed below
        dispatches = args.count or sum(1 for _ in (root / "articles").rglob("*.txt"))
        # A contributor's checkout has been built before: the parse and page caches are warm.
        warm = harness.build(root, args.package)
        if warm.returncode != 0:
            raise SystemExit(f"the first build failed:\n{warm.stderr[-3000:]}")
        settle = None if args.back_to_back else args.settle
        results = measure(root, args.edits, args.dirty, args.package, args.timeout, settle)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    results.update(
        dispatches=dispatches,
        dirty=args.dirty,
        build_before_s=round(warm.seconds, 1),
        saved="back to back" if args.back_to_back else f"idle + {args.settle:g} s",
    )
    for kind in ("edit_s", "add_s"):
        results[kind.replace("_s", "_median_s")] = round(statistics.median(results[kind]), 2)
    print(
        f"mkdocs serve{' --dirty' if args.dirty else ''}, {dispatches:,} dispatches, "
        f"edits saved {results['saved']}: "
        f"first served after {results['first_build_s']} s; an edit shown after "
        f"{', '.join(map(str, results['edit_s']))} s (median {results['edit_median_s']} s); "
        f"a new dispatch after {', '.join(map(str, results['add_s']))} s "
        f"(median {results['add_median_s']} s)"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
