"""Annotation throughput, and its share of a whole build.

    .venv/bin/python benchmarks/annotation.py [--count 10000] [--glossary 2000] [--seed 1] [--no-build]

Writes a seeded synthetic archive (`benchmarks/synth.py`: `--count` dispatches, a glossary
of `--glossary` entities), then measures, in one process:

* loading the glossary and building its automaton;
* annotating every article (mentions, first-mention links, quotations), serially, after
  the articles were parsed without a glossary: articles per second and MB of text per
  second;

and finally builds the site with `mkdocs build` and reports the annotation time as a share
of the build time (the aim: under 10%). The build annotates in its parsing workers; the
serial figure is what annotation costs on one core. Results go to
`benchmarks/out/annotation/results.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import build
from synth import make_archive

from wirearchive.archive import read_archive
from wirearchive.dispatch import ParseOptions
from wirearchive.entities import Annotator, load_glossary

OUT = Path(__file__).resolve().parent / "out" / "annotation"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--glossary", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-build", action="store_true", help="skip the whole build (annotation figures only)"
    )
    args = parser.parse_args()

    root = OUT / f"site-{args.count}-{args.glossary}"
    make_archive(root, args.count, args.seed, glossary=args.glossary)

    started = time.perf_counter()
    glossary = load_glossary(root / "docs" / "entities", root)
    annotator = Annotator(glossary)
    matcher = annotator.matcher
    glossary_seconds = time.perf_counter() - started
    assert not [p for p in glossary.problems if p.severity == "error"], glossary.problems[:5]

    archive = read_archive(root, "articles", ParseOptions(), workers=1)
    articles = archive.articles
    text_bytes = sum(
        len(a.title.encode()) + len((a.summary or "").encode()) + len(a.body.encode())
        for a in articles
    )
    mentions = quotes = 0
    started = time.perf_counter()
    for article in articles:
        image = article.image.caption if article.image else None
        found = annotator.find(article.title, article.summary, image, article.body)
        mentions += len(found.found)
        quotes += len(found.quotes)
    annotation_seconds = time.perf_counter() - started

    result = {
        "count": len(articles),
        "glossary_entities": len(glossary),
        "automaton_keys": matcher.size,
        "glossary_load_and_automaton_s": round(glossary_seconds, 3),
        "annotation_s": round(annotation_seconds, 3),
        "articles_per_s": round(len(articles) / annotation_seconds),
        "text_mb_per_s": round(text_bytes / 1e6 / annotation_seconds, 2),
        "entities_per_article": round(mentions / len(articles), 2),
        "quotes": quotes,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    if not args.no_build:
        seconds = build(root).seconds
        result["build_s"] = round(seconds, 1)
        result["annotation_share_of_build"] = round(
            (annotation_seconds + glossary_seconds) / seconds, 4
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
