"""Issue 11's table: Wirearchive at 1,000 to 100,000 dispatches beside plain Material.

    .venv/bin/python benchmarks/scale.py [--count 1000 10000] [--runs N] [--slow]
        [--seed 1] [--keep DIR] [--package DIR] [--no-browser] [--dirty] [--json OUT]
    .venv/bin/python benchmarks/scale.py --compare OUT.json [OUT.json ...]

For each count, one seeded synthetic archive (benchmarks/synth.py, `SCALE_*`: French with a
share of German and English, ~500 words a dispatch, a 300-entity glossary, dates over six
years) is built twice in the same run: as a Wirearchive site with every feature on
(`synth.full_config`: Material's search box answered by Wirearchive, feeds, timelines,
entity pages, ...) and, as the baseline, the same dispatches as ordinary pages of a plain
Material for MkDocs site (pages outside the navigation, Material's search on, same theme).

Each timing run, per site and in a fresh process each: a cold build (no `site/`, no
`.cache/`), a build after editing one dispatch (its text changes; caches warm), a build after
adding one dispatch (and, with `--dirty`, a `mkdocs build --dirty` after editing it again
and one after adding another: what a `mkdocs serve --dirty` reload does). The first run also
weighs the site (total, by top folder and by kind of file, largest page, article pages) and,
in headless chromium, what a reader's first search transfers (benchmarks/browser.py). Then `wirearchive check` runs on one core
(`workers: 1`, no cache, pinned to one CPU; all processing, interpreter start included).

Medians of `--runs` (default 3 at 1,000 dispatches or fewer, 1 above) are printed as a
Markdown table on stdout, with the issue's aims and PASS/FAIL; progress lines go to stderr;
every figure goes to `benchmarks/out/scale/<counts>.json` (or `--json`). Counts over
10,000 need `--slow`. The machine is shared and noisy: read medians and ratios. With
several counts (or `--compare` of saved figures), growth tables follow: time, memory and
size per 1,000 more dispatches, and which kinds of file grow with the archive.

`--package DIR` puts another copy of the package first on the builds' path (for instance a
`git archive` of a commit): the tree can change under a long run, and the JSON records the
hash of the package's sources before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import browser  # noqa: E402
import harness  # noqa: E402
from synth import (  # noqa: E402
    LANGUAGES,
    SCALE_GLOSSARY,
    SCALE_PARAGRAPHS,
    dispatch_text,
    full_config,
    make_archive,
    make_plain_site,
    plain_page,
    plain_path,
    synthetic_glossary,
)

OUT = HERE / "out" / "scale"
KB, MB = harness.KB, harness.MB
SITES = ("material", "wirearchive")
EDIT = "Selon un porte-parole, le groupe a confirmé ces informations vendredi soir (édition {})."
ADDED = "added-r{}"
KINDS = ("cold", "edit", "add")  # the builds of a timing run
DIRTY_KINDS = ("dirty", "dirty_add")  # and with --dirty
BROWSER_TIMEOUT_S = 120


class Progress:
    """Line-oriented progress on stderr: `[count +elapsed] phase`, readable in CI logs."""

    def __init__(self, count: int):
        self.count, self.start = count, time.perf_counter()

    def __call__(self, message: str) -> None:
        elapsed = time.perf_counter() - self.start
        print(f"[{self.count} +{elapsed:7.1f}s] {message}", file=sys.stderr, flush=True)


def package_hash(package: Path) -> str:
    """Hash of the package's Python sources (as `wirearchive.cache.code_version` computes it)."""
    folder = package / "wirearchive"
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def git_commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


# -- the two sites and their edits ------------------------------------------------------------


class Pair:
    """The Wirearchive archive and its plain twin, with the edit and the additions of a run."""

    def __init__(self, work: Path, count: int, seed: int):
        self.count, self.seed = count, seed
        self.wire = make_archive(
            work / f"wirearchive-{count}",
            count,
            seed,
            glossary=SCALE_GLOSSARY,
            paragraphs=SCALE_PARAGRAPHS,
        )
        full_config(self.wire)
        self.plain = make_plain_site(
            self.wire, work / f"material-{count}", nav=False, like_demo=True
        )
        files = sorted((self.wire / "articles").rglob("*.txt"))
        self.edited = files[len(files) // 2]
        self.original = self.edited.read_text(encoding="utf-8")
        self.entities = synthetic_glossary(seed, SCALE_GLOSSARY)
        self.added: list[Path] = []

    def root(self, name: str) -> Path:
        return self.wire if name == "wirearchive" else self.plain

    def words(self) -> dict:
        files = list((self.wire / "articles").rglob("*.txt"))
        words = [len(p.read_text(encoding="utf-8").split()) for p in files]
        raw = [p.stat().st_size for p in files]
        return {
            "dispatches": len(files),
            "words_mean": round(statistics.fmean(words)),
            "raw_bytes_mean": round(statistics.fmean(raw)),
            "glossary": SCALE_GLOSSARY,
            "languages_drawn": {lang: LANGUAGES.count(lang) / len(LANGUAGES) for lang in LANGUAGES},
        }

    def reset(self, name: str) -> None:
        """The site as generated: no output, no cache, the edit undone, no added dispatch."""
        root = self.root(name)
        shutil.rmtree(root / "site", ignore_errors=True)
        shutil.rmtree(root / ".cache", ignore_errors=True)
        self.edited.write_text(self.original, encoding="utf-8")
        self._mirror(self.edited)
        for path in self.added:
            path.unlink(missing_ok=True)
            plain_path(self.wire, self.plain, path).unlink(missing_ok=True)

    def _mirror(self, path: Path) -> None:
        target = plain_path(self.wire, self.plain, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(path.read_text(encoding="utf-8")), encoding="utf-8")

    def edit(self, run: int) -> str:
        """Add a sentence to the last paragraph of one dispatch (in both sites); the sentence."""
        sentence = EDIT.format(run)
        text = self.original.rstrip("\n") + " " + sentence + "\n"
        self.edited.write_text(text, encoding="utf-8")
        self._mirror(self.edited)
        return sentence

    def add(self, run: int) -> str:
        """A new French dispatch, dated in the archive's last month (in both sites); its title."""
        rng = random.Random(self.seed * 1000 + run)
        when = datetime(2025, 12, 30, 9, 15)
        title, text = dispatch_text(rng, when, "fr", self.entities, SCALE_PARAGRAPHS)
        path = self.wire / "articles" / "2025" / "12" / f"{ADDED.format(run)}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self._mirror(path)
        self.added.append(path)
        return title


def shows(site: Path, folder: str, text: str) -> bool:
    """Does some HTML page under `site/folder` contain `text` (HTML-escaped as Jinja does)?"""
    needle = text.replace("'", "&#39;")
    return any(
        text in html or needle in html
        for html in (p.read_text(encoding="utf-8") for p in (site / folder).rglob("index.html"))
    )


# -- measuring ----------------------------------------------------------------------------


def timing_runs(
    pair: Pair, runs: int, package, progress, browser_ok: bool, dirty: bool = False
) -> dict:
    kinds = KINDS + (DIRTY_KINDS if dirty else ())
    out: dict = {name: {kind: [] for kind in kinds} for name in SITES}
    for run in range(1, runs + 1):
        for name in SITES:
            root = pair.root(name)
            pair.reset(name)
            progress(f"run {run}/{runs} {name}: cold build")
            cold = harness.build(root, package)
            out[name]["cold"].append(cold)
            progress(f"run {run}/{runs} {name}: cold build {cold.seconds:.1f} s")
            if run == 1:
                out[name]["size"] = harness.site_sizes(root / "site")
                progress(f"{name}: site weighed ({out[name]['size']['bytes'] / MB:.0f} MB)")
                if browser_ok:
                    progress(f"{name}: first search in headless chromium")
                    found = browser.browser_runs({name: root / "site"}, BROWSER_TIMEOUT_S)[name]
                    out[name]["search"] = {**browser.summary(found), "runs": found}
                    progress(f"{name}: first search {out[name]['search']['median_bytes']:,} B")
            sentence = pair.edit(run)
            edit = harness.build(root, package)
            month = pair.edited.relative_to(pair.wire / "articles").parent.as_posix()
            if not shows(root / "site", month, sentence):
                raise SystemExit(f"{name}: the edited dispatch's page does not show the edit")
            out[name]["edit"].append(edit)
            progress(f"run {run}/{runs} {name}: build after editing one {edit.seconds:.1f} s")
            title = pair.add(run)
            add = harness.build(root, package)
            if not shows(root / "site", "2025/12", title[:40]):
                raise SystemExit(f"{name}: the added dispatch has no page")
            out[name]["add"].append(add)
            progress(f"run {run}/{runs} {name}: build after adding one {add.seconds:.1f} s")
            if dirty:
                sentence = pair.edit(100 + run)
                again = harness.build(root, package, dirty=True)
                if not shows(root / "site", month, sentence):
                    raise SystemExit(f"{name}: --dirty did not show the edit")
                out[name]["dirty"].append(again)
                progress(f"run {run}/{runs} {name}: --dirty after editing {again.seconds:.1f} s")
                # a new dispatch brings events: the timelines' counts change, not only a page
                title = pair.add(100 + run)
                again = harness.build(root, package, dirty=True)
                if not shows(root / "site", "2025/12", title[:40]):
                    raise SystemExit(f"{name}: --dirty did not build the added dispatch")
                out[name]["dirty_add"].append(again)
                progress(f"run {run}/{runs} {name}: --dirty after adding {again.seconds:.1f} s")
    for name in SITES:
        pair.reset(name)
    return out


def check_rate(pair: Pair, runs: int, package, progress) -> dict:
    """`wirearchive check` on one core: `workers: 1`, no cache, pinned to one CPU.

    Also timed on the same site with no dispatch: the fixed cost (interpreter, imports,
    config, glossary) that the rate includes.
    """
    cpu = min(os.sched_getaffinity(0))
    config = (pair.wire / "mkdocs.yml").read_text(encoding="utf-8")
    config += "      workers: 1\n      cache: false\n"
    figures = {}
    for label, articles in (("archive", pair.wire / "articles"), ("empty", None)):
        root = pair.wire.parent / f"check-{pair.count}-{label}"
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        (root / "docs").symlink_to(pair.wire / "docs")
        if articles is None:
            (root / "articles").mkdir()
        else:
            (root / "articles").symlink_to(articles)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        command = [sys.executable, "-m", "wirearchive.cli", "check", str(root)]
        seconds, peaks, summary = [], [], ""
        for number in range(1, runs + 1):
            result = harness.run(
                command,
                root,
                harness.environment(package),
                preexec=lambda: os.sched_setaffinity(0, {cpu}),
            )
            if result.returncode not in (0, 1):
                raise SystemExit(f"check failed:\n{result.stderr[-3000:]}")
            summary = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
            seconds.append(result.seconds)
            peaks.append(result.max_rss)
            progress(f"check ({label}) on one core, run {number}/{runs}: {result.seconds:.1f} s")
        shutil.rmtree(root)
        figures[label] = (statistics.median(seconds), seconds, max(peaks), summary)
    median, seconds, peak, summary = figures["archive"]
    fixed = figures["empty"][0]
    return {
        "runs_s": [round(s, 2) for s in seconds],
        "median_s": round(median, 2),
        "per_s": round(pair.count / median),
        "fixed_s": round(fixed, 2),
        "per_s_after_start": round(pair.count / max(median - fixed, 1e-9)),
        "max_rss": peak,
        "summary": summary,
    }


def summarise(raw: dict) -> dict:
    """Medians of the timing runs, per site."""
    result = {}
    for name, figures in raw.items():
        site: dict = {}
        kinds = [k for k in (*KINDS, *DIRTY_KINDS) if figures.get(k)]
        for kind in kinds:
            runs = figures[kind]
            site[kind] = {
                "median_s": round(statistics.median(r.seconds for r in runs), 2),
                "runs_s": [round(r.seconds, 2) for r in runs],
                "cpu_s": round(statistics.median(r.cpu_seconds for r in runs), 2),
                "load": [round(r.load, 1) for r in runs],
                "max_rss": int(statistics.median(r.max_rss for r in runs)),
                "tree_pss": int(statistics.median(r.tree_pss for r in runs)),
            }
        site["peak_max_rss"] = max(r.max_rss for k in kinds for r in figures[k])
        site["peak_tree_pss"] = max(r.tree_pss for k in kinds for r in figures[k])
        site["size"] = figures.get("size")
        site["search"] = figures.get("search")
        result[name] = site
    return result


# -- the table ----------------------------------------------------------------------------


def mb(n: float) -> str:
    return f"{n / MB:,.1f} MB"


def kb(n: float) -> str:
    return f"{n / KB:,.1f} KB"


def mark(ok: bool | None) -> str:
    return "" if ok is None else ("PASS" if ok else "**FAIL**")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def table(count: int, result: dict, runs: int) -> str:
    m, w = result["sites"]["material"], result["sites"]["wirearchive"]
    rows: list[tuple[str, str, str, str, str, str]] = []

    def row(label, material, wire, ratio_text="", aim="", ok=None):
        rows.append((label, material, wire, ratio_text, aim, mark(ok)))

    mc, wc = m["cold"]["median_s"], w["cold"]["median_s"]
    row("cold build", f"{mc:.1f} s", f"{wc:.1f} s", ratio(wc, mc), "<= 1.5x", wc <= 1.5 * mc)
    mu, wu = m["cold"].get("cpu_s"), w["cold"].get("cpu_s")
    if mu and wu:
        row(
            "  CPU time of it (user + system, with workers)",
            f"{mu:.1f} s",
            f"{wu:.1f} s",
            ratio(wu, mu),
        )
    labels = {
        "edit": "build after editing one dispatch (warm caches)",
        "add": "build after adding one dispatch (warm caches)",
        "dirty": "`build --dirty` after editing one more",
        "dirty_add": "`build --dirty` after adding one more",
    }
    for kind, label in labels.items():
        if kind not in m or kind not in w:
            continue
        ms, ws = m[kind]["median_s"], w[kind]["median_s"]
        row(
            label,
            f"{ms:.1f} s ({ms / mc:.0%} of cold)",
            f"{ws:.1f} s ({ws / wc:.0%} of cold)",
            ratio(ws, ms),
            "<= 10% of cold" + ("" if kind == "edit" else " (as an edit)"),
            ws <= 0.10 * wc,
        )
    for key, label in (
        ("peak_max_rss", "peak memory, largest process (RSS)"),
        ("peak_tree_pss", "peak memory, build + workers (PSS, sampled)"),
    ):
        row(label, mb(m[key]), mb(w[key]), ratio(w[key], m[key]), "<= 1.5x", w[key] <= 1.5 * m[key])
    ms, ws = m["size"], w["size"]
    row(
        "site size",
        mb(ms["bytes"]),
        mb(ws["bytes"]),
        ratio(ws["bytes"], ms["bytes"]),
        "<= 1.0x",
        ws["bytes"] <= ms["bytes"],
    )
    row(
        "  per dispatch, all-in",
        kb(ms["bytes"] / count),
        kb(ws["bytes"] / count),
        "",
        "<= 20 KB",
        ws["bytes"] / count <= 20 * KB,
    )
    tops = list(dict.fromkeys([*ws["by_top"], *ms["by_top"]]))
    for top in tops[:9]:
        a, b = ms["by_top"].get(top), ws["by_top"].get(top)
        row(
            f"  {top}",
            f"{mb(a['bytes'])} ({a['files']:,} files)" if a else "-",
            f"{mb(b['bytes'])} ({b['files']:,} files)" if b else "-",
        )
    row("files", f"{ms['files']:,}", f"{ws['files']:,}", ratio(ws["files"], ms["files"]))
    ml, wl = ms["largest_pages"][0], ws["largest_pages"][0]
    row(
        "largest HTML page",
        f"{kb(ml['bytes'])} `{ml['path']}`",
        f"{kb(wl['bytes'])} `{wl['path']}`",
        ratio(wl["bytes"], ml["bytes"]),
        "<= 200 KB",
        wl["bytes"] <= 200 * KB,
    )
    row(
        "article page, median / max",
        f"{kb(ms['article_median'])} / {kb(ms['article_max'])}",
        f"{kb(ws['article_median'])} / {kb(ws['article_max'])}",
        ratio(ws["article_median"], ms["article_median"]),
        "<= 20 KB",
        ws["article_max"] <= 20 * KB,
    )
    if m.get("search") and w.get("search"):
        sm, sw = m["search"], w["search"]
        row(
            "first search: bytes until the first results (as served; gzipped)",
            f"{kb(sm['median_bytes'])}; {kb(sm['median_gzip_bytes'])}",
            f"{kb(sw['median_bytes'])}; {kb(sw['median_gzip_bytes'])}",
            ratio(sw["median_bytes"], sm["median_bytes"]),
            "<= 300 KB (as served)",
            sw["median_bytes"] <= 300 * KB,
        )
        tm, tw = sm["median_first_results_s"], sw["median_first_results_s"]
        row(
            "first search: typing to first results (headless chromium)",
            "timed out" if tm is None else f"{tm:.2f} s",
            "timed out" if tw is None else f"{tw:.2f} s",
            ratio(tw, tm) if tm and tw else "",
            "<= 1 s",
            tw is not None and tw <= 1.0 and not sw["timeouts"],
        )
    else:
        row("first search", "not measured (no browser)", "not measured (no browser)")
    check = result.get("check")
    if check:
        row(
            "`wirearchive check`, one core, all included",
            "-",
            f"{check['per_s']:,} dispatches/s ({check['median_s']:.1f} s, of which "
            f"{check['fixed_s']:.1f} s start-up; {check['per_s_after_start']:,}/s after it)",
            "",
            ">= 1,000/s",
            check["per_s"] >= 1000,
        )
    header = (
        f"{count:,} dispatches (median of {runs})",
        "plain Material",
        "Wirearchive",
        "W/M",
        "aim",
        "",
    )
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    loads = [
        x
        for site in (m, w)
        for k in (*KINDS, *DIRTY_KINDS)
        for x in site.get(k, {}).get("load", [])
    ]
    if loads:
        lines.append(
            f"\nLoad average (1 min) at the end of the builds: {min(loads):.1f} to {max(loads):.1f} "
            f"on {os.cpu_count()} cores (above the core count, other work competed for them)."
        )
    disk = result.get("disk_probe_s")
    if disk:
        lines.append(
            f"Disk: writing {harness.PROBE_FILES:,} files of {harness.PROBE_BYTES // KB} KB, each "
            f"in a new folder, took {disk[0]:.2f} s before the builds and {disk[-1]:.2f} s "
            "after them (times that differ between runs tell a disk that was slower or faster)."
        )
    return "\n".join(lines)


def kinds_table(result: dict, limit: int = 14) -> str:
    """Where Wirearchive's bytes go, by kind of file."""
    size = result["sites"]["wirearchive"]["size"]
    lines = [
        "| Wirearchive, by kind of file | bytes | share | files | largest |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind, figures in list(size["by_kind"].items())[:limit]:
        lines.append(
            f"| `{kind}` | {mb(figures['bytes'])} | {figures['bytes'] / size['bytes']:.0%} | "
            f"{figures['files']:,} | {kb(figures['max'])} |"
        )
    largest = ", ".join(f"`{p['path']}` {kb(p['bytes'])}" for p in size["largest_pages"])
    return "\n".join(lines) + f"\n\nLargest HTML pages: {largest}."


def growth_table(results: list[dict]) -> str:
    """How time, memory and size grow from one count to the next."""
    lines = [
        "| growth | " + " | ".join(f"{r['count']:,}" for r in results) + " | per 1,000 more |",
        "|" + " --- |" * (len(results) + 2),
    ]
    figures = {
        "W cold build (s)": lambda s: s["wirearchive"]["cold"]["median_s"],
        "M cold build (s)": lambda s: s["material"]["cold"]["median_s"],
        "W peak RSS (MB)": lambda s: s["wirearchive"]["peak_max_rss"] / MB,
        "M peak RSS (MB)": lambda s: s["material"]["peak_max_rss"] / MB,
        "W peak tree PSS (MB)": lambda s: s["wirearchive"]["peak_tree_pss"] / MB,
        "W site (MB)": lambda s: s["wirearchive"]["size"]["bytes"] / MB,
        "M site (MB)": lambda s: s["material"]["size"]["bytes"] / MB,
    }
    for label, get in figures.items():
        values = [get(r["sites"]) for r in results]
        counts = [r["count"] for r in results]
        slopes = [
            f"{(values[i + 1] - values[i]) / (counts[i + 1] - counts[i]) * 1000:.1f}"
            for i in range(len(values) - 1)
        ]
        lines.append(
            f"| {label} | " + " | ".join(f"{v:,.1f}" for v in values) + f" | {', '.join(slopes)} |"
        )
    return "\n".join(lines)


def kinds_growth_table(results: list[dict], limit: int = 14) -> str:
    """Which kinds of file grow with the archive: bytes per dispatch and largest file."""
    last = results[-1]["sites"]["wirearchive"]["size"]["by_kind"]
    counts = [r["count"] for r in results]
    lines = [
        "| Wirearchive kind of file | "
        + " | ".join(f"KB/dispatch at {c:,}" for c in counts)
        + " | "
        + " | ".join(f"largest at {c:,}" for c in counts)
        + " |",
        "|" + " --- |" * (1 + 2 * len(counts)),
    ]
    for kind in list(last)[:limit]:
        sizes = [r["sites"]["wirearchive"]["size"]["by_kind"].get(kind) for r in results]
        per = [f"{s['bytes'] / KB / c:,.2f}" if s else "-" for s, c in zip(sizes, counts)]
        big = [kb(s["max"]) if s else "-" for s in sizes]
        lines.append(f"| `{kind}` | " + " | ".join(per + big) + " |")
    return "\n".join(lines)


def compare(paths: list[Path]) -> None:
    """The growth tables of figures saved by earlier runs."""
    results = []
    for path in paths:
        results += json.loads(path.read_text(encoding="utf-8"))["results"]
    results = list({r["count"]: r for r in results}.values())  # one per count: the last
    results.sort(key=lambda r: r["count"])
    print(growth_table(results) + "\n")
    print(kinds_growth_table(results))


# -- main ---------------------------------------------------------------------------------


def measure(count: int, runs: int, args, work: Path) -> dict:
    progress = Progress(count)
    progress("generating the archive and its plain twin")
    pair = Pair(work, count, args.seed)
    progress(f"generated: {pair.words()}")
    reason = None if not args.no_browser else "--no-browser"
    reason = reason or browser.available()
    if reason:
        progress(f"first search not measured: {reason}")
    disk = [harness.disk_probe(work)]
    progress(f"disk probe: {disk[0]:.2f} s")
    raw = timing_runs(
        pair, runs, args.package, progress, browser_ok=reason is None, dirty=args.dirty
    )
    disk.append(harness.disk_probe(work))
    progress(f"disk probe: {disk[1]:.2f} s")
    result = {
        "count": count,
        "runs": runs,
        "archive": pair.words(),
        "sites": summarise(raw),
        "disk_probe_s": [round(s, 2) for s in disk],
    }
    progress("check on one core")
    result["check"] = check_rate(pair, runs, args.package, progress)
    progress("done")
    if args.keep is None:
        shutil.rmtree(pair.wire, ignore_errors=True)
        shutil.rmtree(pair.plain, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, nargs="+", default=[1000])
    parser.add_argument(
        "--runs", type=int, help="timing runs per count (default 3 up to 1,000, else 1)"
    )
    parser.add_argument("--slow", action="store_true", help="allow counts over 10,000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the sites")
    parser.add_argument("--package", type=Path, help="a folder holding the package to measure")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-search run")
    parser.add_argument(
        "--dirty", action="store_true", help="also time `mkdocs build --dirty` after an edit"
    )
    parser.add_argument("--json", type=Path, help="where to write the figures")
    parser.add_argument(
        "--compare", type=Path, nargs="+", help="print the growth tables of saved figures"
    )
    args = parser.parse_args()
    if args.compare:
        compare(args.compare)
        return
    if max(args.count) > 10_000 and not args.slow:
        parser.error("counts over 10,000 take hours on this machine: add --slow")
    package = args.package or HERE.parent / "plugins"
    before = package_hash(package)
    info = {
        "started": datetime.now().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "package": str(package.resolve()),
        "package_hash_before": before,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "versions": {
            name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "PyStemmer")
        },
        "seed": args.seed,
    }
    work = args.keep or Path(tempfile.mkdtemp(prefix="wa-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for count in sorted(args.count):
            runs = args.runs or (3 if count <= 1000 else 1)
            results.append(measure(count, runs, args, work))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    info["package_hash_after"] = package_hash(package)
    if info["package_hash_after"] != before:
        print(
            "warning: the package changed during the run; warm builds may have been cold "
            "(use --package with a snapshot)",
            file=sys.stderr,
        )
    print(
        f"Wirearchive scale benchmark, {info['started']}, commit {info['commit']}, "
        f"package {before}{'' if info['package_hash_after'] == before else ' (CHANGED)'}; "
        f"{info['machine']}; {info['versions']}\n"
    )
    for result in results:
        print(table(result["count"], result, result["runs"]) + "\n")
        print(f"Archive: {result['archive']}.\n")
        print(kinds_table(result) + "\n")
    if len(results) > 1:
        print(growth_table(results) + "\n")
        print(kinds_growth_table(results) + "\n")
    target = args.json or OUT / f"scale-{'-'.join(str(r['count']) for r in results)}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({**info, "results": results}, indent=2) + "\n", encoding="utf-8")
    print(f"Figures: {target}")


if __name__ == "__main__":
    main()
