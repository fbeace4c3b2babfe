"""Where a Wirearchive build spends its time: py-spy over the build and its workers, summarised.

    .venv/bin/python benchmarks/profile_build.py --count 1000 [--seed 1] [--rate 100]
    .venv/bin/python benchmarks/profile_build.py --root SITE [--warm [--dirty]] [--cprofile]

Builds the site in `--root` (or a fresh synthetic archive of `--count` dispatches, the one
benchmarks/scale.py measures), cold unless `--warm` (`--dirty`: a `mkdocs build --dirty`, what a `mkdocs serve --dirty`
reload does), under `py-spy record --subprocesses
--idle --threads` (pip install py-spy; it needs ptrace rights: root, or
`kernel.yama.ptrace_scope=0`), and prints, as text:

- the build's phases by wall time: samples of the main thread of the build process, idle
  ones included, so waiting for worker processes counts as such;
- what the worker processes did (busy samples by stage: parse, events, annotation,
  language detection, search parts...);
- the Jinja templates pages spent their rendering time in (innermost template of each sample);
- the functions with the most samples of their own (busy samples, all processes).

`--cprofile` also runs the build under cProfile (the main process only; slower, but with
call counts) and prints its top functions. The raw profiles stay in `--out` (git-ignored
benchmarks/out/profile/ by default); the summary goes to stdout and to `summary.txt` there.
Sampling slows the build a little: read shares, not seconds.
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import harness  # noqa: E402
from synth import SCALE_GLOSSARY, SCALE_PARAGRAPHS, full_config, make_archive  # noqa: E402

OUT = HERE / "out" / "profile"
PY_SPY = Path(sys.executable).parent / "py-spy"
# Leaf frames of a thread that waits rather than works.
IDLE = (
    "wait (threading.py",
    "acquire",
    "_recv_bytes",
    "_recv (multiprocessing",
    "poll (",
    "select (",
    "_wait_for_tstate_lock",
    "Queue.get",
    "recv_bytes",
    "sleep",
    "Connection._send",  # a feeder thread blocked on a full pipe
)
WAITING = ("result_iterator", "_result_or_cancel", "ProcessPoolExecutor.shutdown", "__exit__")


def _has(*needles: str) -> Callable[[str], bool]:
    return lambda stack: all(n in stack for n in needles)


def _any(*needles: str) -> Callable[[str], bool]:
    return lambda stack: any(n in stack for n in needles)


def _waiting(stack: str) -> bool:
    return any(w in stack for w in WAITING)


# Phases of the build process's main thread: the first rule that matches a sample wins.
PHASES: list[tuple[str, Callable[[str], bool]]] = [
    ("startup: interpreter, imports, config", lambda s: "build (mkdocs/commands/build.py" not in s),
    ("on_config (plugins)", _has("on_config")),
    ("MkDocs: finding files", _has("get_files")),
    ("MkDocs: emptying site/ before writing (clean_directory)", _has("clean_directory")),
    ("on_files: glossary", _has("on_files", "Project.glossary")),
    (
        "on_files: read archive, waiting for parse workers",
        lambda s: "read_archive" in s and _waiting(s),
    ),
    ("on_files: read archive, parse cache", _has("read_archive", "wirearchive/cache.py")),
    ("on_files: read archive, in the main process", _has("read_archive")),
    (
        "on_files: search index, waiting for workers",
        lambda s: "build_index" in s and _waiting(s),
    ),
    ("on_files: search index, in the main process", _any("build_index", "site_files")),
    ("on_files: generators", _has("on_files", "generators/")),
    ("on_files: File.generated / Files", _has("on_files")),
    ("MkDocs: navigation", _has("get_navigation")),
    ("on_nav: site key, page keys of a dirty build", _has("on_nav")),
    ("on_env", _has("on_env")),
    ("pages: Markdown to HTML (_populate_page)", _has("_populate_page")),
    ("pages: writing files", _has("_build_page", "write_file")),
    ("pages: plugin events", _has("_build_page", "on_p")),
    ("pages: render", _has("_build_page")),
    ("post-build: Wirearchive (site size measure)", _has("ArchivePlugin.on_post_build")),
    ("post-build: Material search index", _has("SearchPlugin.on_post_build")),
    ("post-build: other plugins", _has("on_post_build")),
    (
        "MkDocs: writing non-page files (theme assets, dispatch.txt, JSON, feeds)",
        _any("copy_file", "copy_static"),
    ),
    ("MkDocs: other (sitemap, 404, theme templates)", _has("build (mkdocs/commands/build.py")),
]


def read_raw(path: Path) -> list[tuple[list[str], int]]:
    samples = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            samples.append((stack.split(";"), int(count)))
    return samples


def _idle(frames: list[str]) -> bool:
    return any(marker in frames[-1] for marker in IDLE)


def _template(frames: list[str]) -> str | None:
    """The innermost Jinja template of a sample: `material:base.html` or `wirearchive:x.html`."""
    for frame in reversed(frames):
        if ".html:" in frame:
            where = frame.split("(", 1)[1].rsplit(":", 1)[0]
            return ("material: " if "material/" in where else "wirearchive: ") + where.split(
                "templates/"
            )[-1]
    return None


def _generator(frames: list[str]) -> str:
    for frame in frames:
        if "wirearchive/site/generators/" in frame and "__init__" not in frame:
            return frame.split(" (")[0]
    return "?"


def _stage(frames: list[str]) -> str:
    """What a sample inside `article.load` works on: the package module below `article.py`."""
    below = [i for i, f in enumerate(frames) if "wirearchive/article.py" in f]
    if not below:
        return "?"
    names = []
    for frame in frames[below[-1] + 1 :]:
        function, _, where = frame.partition(" (")
        module = where.split(":")[0].removeprefix("wirearchive/")
        names.append(f"{module} {function}")
        # Parsing is split one level further: layouts, language detection, dates...
        if not (module == "dispatch/parse.py" and len(names) == 1):
            break
    return " > ".join(names) or "article.py itself"


def summarise(samples: list[tuple[list[str], int]], rate: int) -> str:
    main_pid = samples[0][0][0] if samples else ""
    phases: Counter[str] = Counter()
    generators: Counter[str] = Counter()
    templates: Counter[str] = Counter()
    workers: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for frames, count in samples:
        stack = ";".join(frames)
        in_worker = "_process_worker" in stack
        thread = next((f for f in frames[:3] if f.startswith("thread (")), "")
        if not _idle(frames) and not frames[-1].startswith(("thread (", "process ")):
            own[frames[-1]] += count
        if in_worker:
            if _idle(frames):
                workers["idle, or sending and receiving"] += count
            elif "_load_one" in stack:
                workers["parse + events + annotation (_load_one)"] += count
                stages[_stage(frames)] += count
            elif "_build_part" in stack:
                workers["search index parts (_build_part)"] += count
            else:
                workers["other"] += count
            continue
        if frames[0] != main_pid or "MainThread" not in thread:
            continue
        label = next(name for name, rule in PHASES if rule(stack))
        if label == "on_files: generators":
            generators[_generator(frames)] += count
        if label == "on_files: read archive, in the main process" and "_load_one" in stack:
            stages[_stage(frames)] += count
        if label == "pages: render":
            template = _template(frames)
            label += (
                ": Material's templates (page chrome)"
                if template and template.startswith("material")
                else ": Wirearchive's templates"
                if template
                else ": Jinja and MkDocs around the templates"
            )
            templates[template or "(none)"] += count
        phases[label] += count
    out = io.StringIO()
    total = sum(phases.values())

    def table(title: str, counter: Counter[str], limit: int = 40, unit_total: int = 0) -> None:
        whole = unit_total or sum(counter.values()) or 1
        print(f"\n{title}", file=out)
        for name, count in counter.most_common(limit):
            print(f"  {count / rate:8.1f} s  {count / whole:6.1%}  {name}", file=out)

    print(
        f"{total / rate:.1f} s of wall time in the build's main thread "
        f"({total} samples at {rate} Hz)",
        file=out,
    )
    table("Phases of the build (main thread, wall time):", phases, unit_total=total)
    table("on_files generators (main thread):", generators, 15, total)
    table("Rendering, by innermost Jinja template (main thread):", templates, 15, total)
    table("Worker processes (sample-seconds, all workers):", workers)
    table("Reading a dispatch, by stage (workers and main):", stages, 15)
    table("Functions with the most own samples (busy, all processes):", own, 25)
    return out.getvalue()


def cprofile(root: Path, package, out: Path, dirty: bool = False) -> str:
    target = out / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(target), "-m", "mkdocs", "build", "-q"]
    command += ["--dirty"] if dirty else []
    subprocess.run(command, cwd=root, env=harness.environment(package), check=True)
    text = io.StringIO()
    stats = pstats.Stats(str(target), stream=text)
    stats.strip_dirs().sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)
    return text.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--root", type=Path, help="a site to build (the folder of mkdocs.yml)")
    where.add_argument("--count", type=int, help="build a synthetic archive of this many")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=100, help="samples per second")
    parser.add_argument("--warm", action="store_true", help="keep site/ and .cache/")
    parser.add_argument("--dirty", action="store_true", help="with --warm: mkdocs build --dirty")
    parser.add_argument("--cprofile", action="store_true", help="also run under cProfile")
    parser.add_argument("--package", type=Path, help="a folder holding the package to profile")
    parser.add_argument("--out", type=Path, help="folder for the raw profiles and the summary")
    args = parser.parse_args()
    out = args.out or OUT / (f"count-{args.count}" if args.count else args.root.name)
    out.mkdir(parents=True, exist_ok=True)
    root = args.root
    if root is None:
        root = make_archive(
            out / "site-root",
            args.count,
            args.seed,
            glossary=SCALE_GLOSSARY,
            paragraphs=SCALE_PARAGRAPHS,
        )
        full_config(root)
    if not args.warm:
        shutil.rmtree(root / "site", ignore_errors=True)
        shutil.rmtree(root / ".cache", ignore_errors=True)
    raw = out / "py-spy.txt"
    command = [
        str(PY_SPY),
        "record",
        "--subprocesses",
        "--idle",
        "--threads",
        "--format",
        "raw",
        "--rate",
        str(args.rate),
        "-o",
        str(raw),
        "--",
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--quiet",
        *(["--dirty"] if args.dirty else []),
    ]
    start = time.perf_counter()
    subprocess.run(
        command, cwd=root, env=harness.environment(args.package), check=True, capture_output=True
    )
    seconds = time.perf_counter() - start
    text = f"build of {root} under py-spy: {seconds:.1f} s\n" + summarise(read_raw(raw), args.rate)
    if args.cprofile:
        if not args.warm:
            shutil.rmtree(root / "site", ignore_errors=True)
            shutil.rmtree(root / ".cache", ignore_errors=True)
        text += "\n\ncProfile of the build process (not its workers):\n"
        text += cprofile(root, args.package, out, args.dirty)
    (out / "summary.txt").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
