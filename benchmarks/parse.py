"""How many dispatches per second `wirearchive check` reads, on one core and on all.

    python benchmarks/parse.py [--count 2000] [--seed 1] [--runs 5]

Reads a seeded synthetic archive (benchmarks/synth.py) the way `check` does
(`read_archive`), after one warm-up run that loads the language model. Prints the median
of the runs for one worker and for every core, and the parser alone (decode + layout,
without front matter checks, annotation or slugs) for comparison. Aim: >= 1,000 per
second on one core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_archive

from wirearchive.archive import read_archive
from wirearchive.dispatch import ParseOptions, decode, normalize, parse_text


def rate(count: int, seconds: list[float]) -> str:
    median = statistics.median(seconds)
    return f"{count / median:8.0f} dispatches/s  (median {median:.2f} s of {len(seconds)}, min {min(seconds):.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    options = ParseOptions()
    with tempfile.TemporaryDirectory() as tmp:
        root = make_archive(Path(tmp) / "archive", args.count, args.seed)
        files = sorted((root / "articles").rglob("*.txt"))
        data = [f.read_bytes() for f in files]
        read_archive(root, "articles", options, workers=1)  # warm-up: model load, imports

        def timed(fn) -> list[float]:
            out = []
            for _ in range(args.runs):
                start = time.perf_counter()
                fn()
                out.append(time.perf_counter() - start)
            return out

        def parser_only():
            for raw in data:
                parse_text(normalize(decode(raw).text), options)

        print(f"{len(files)} synthetic dispatches (seed {args.seed}), {os.cpu_count()} cores")
        print(f"parser alone, 1 core : {rate(len(files), timed(parser_only))}")
        print(
            f"check, 1 core        : {rate(len(files), timed(lambda: read_archive(root, 'articles', options, workers=1)))}"
        )
        cores = os.cpu_count() or 1
        print(
            f"check, {cores} cores      : {rate(len(files), timed(lambda: read_archive(root, 'articles', options, workers=cores)))}"
        )


if __name__ == "__main__":
    main()
