"""Timelines, archive pages and feeds at scale: build time and page count.

    .venv/bin/python benchmarks/timeline.py [--count 10000] [--seed 1] [--skip-build]

Writes a seeded synthetic archive (`benchmarks/synth.py`: dispatches in fr/de/en that carry
relative dates such as `samedi`, `en septembre`, `letzte Woche`), then measures, in this
process and on one core:

* reading the archive with dated-event extraction, and with extraction replaced by a
  function that finds nothing (the difference is the cost of extraction);
* each browsing generator (archive by date, sources/rubrics/languages, timelines with
  their TimelineJS exports, feeds): seconds and files;

and finally the whole `mkdocs build` (a subprocess, as a maintainer runs it): seconds, HTML
pages, files, and the sizes of the largest timeline page and export. Results go to
`benchmarks/out/timeline/results.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "plugins"))
import harness  # noqa: E402
from synth import make_archive  # noqa: E402

from wirearchive import article as article_module  # noqa: E402
from wirearchive.archive import read_archive  # noqa: E402
from wirearchive.dispatch import ParseOptions  # noqa: E402
from wirearchive.entities import Annotator, load_glossary  # noqa: E402
from wirearchive.project import Project  # noqa: E402
from wirearchive.site.generators import SiteData  # noqa: E402
from wirearchive.site.generators import browse as browse_pages  # noqa: E402

OUT = HERE / "out" / "timeline"
GENERATORS = ("archive_pages", "facet_pages", "timeline_pages", "feed_pages")


class Site(dict):
    """The few MkDocs settings the generators read."""


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def read(root: Path, glossary, *, events: bool):
    """The archive read on one core, with event extraction or with a stand-in that finds nothing."""
    original = article_module.find_events
    if not events:
        article_module.find_events = lambda paragraphs, when, language, path: ([], [])
    try:
        return timed(read_archive, root, "articles", ParseOptions(), workers=1, glossary=glossary)
    finally:
        article_module.find_events = original


def warm_up(root: Path, glossary) -> None:
    """Imports, compiled patterns and caches ready before anything is timed."""
    annotator = Annotator(glossary)
    for path in sorted((root / "articles").rglob("*.txt"))[:50]:
        article_module.load(
            path.read_bytes(),
            path.relative_to(root).as_posix(),
            ParseOptions(),
            annotator=annotator,
        )


def generators(archive) -> dict:
    site = Site(
        site_name="Synthetic archive",
        site_url="https://example.org/archive/",
        theme={"language": "fr"},
    )
    data = SiteData(archive, Project(Path("."), Path("docs")), None, set(), site)
    rows = {}
    for name in GENERATORS:
        generator = getattr(browse_pages, name)
        items, seconds = timed(lambda: list(generator(data)))  # noqa: B023 (called at once)
        rows[name] = {
            "seconds": round(seconds, 2),
            "files": len(items),
            "pages": sum(1 for item in items if item.template is not None),
        }
    return rows


def build(root: Path) -> dict:
    seconds = harness.build(root).seconds
    site = root / "site"
    html = list(site.rglob("*.html"))
    timeline_pages = list((site / "timeline").rglob("index.html"))
    return {
        "seconds": round(seconds, 1),
        "html_pages": len(html),
        "files": sum(1 for p in site.rglob("*") if p.is_file()),
        "browse_pages": sum(
            1
            for p in html
            if p.relative_to(site).parts[0]
            in ("archive", "sources", "rubrics", "languages", "timeline")
        ),
        "timeline_page_kb_max": round(max(p.stat().st_size for p in timeline_pages) / 1024, 1),
        "timeline_json_kb": round((site / "timeline" / "timeline.json").stat().st_size / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skip-build", action="store_true", help="measure reading and generators only"
    )
    args = parser.parse_args()
    root = make_archive(OUT / f"archive-{args.count}", args.count, args.seed)
    glossary = load_glossary(root / "docs" / "entities", root, root / "docs")
    warm_up(root, glossary)
    without, seconds_without = read(root, glossary, events=False)
    archive, seconds_with = read(root, glossary, events=True)
    events = sum(len(a.events) for a in archive.articles)
    results = {
        "dispatches": len(archive.articles),
        "events": events,
        "events_per_dispatch": round(events / max(1, len(archive.articles)), 2),
        "read_s_without_events": round(seconds_without, 1),
        "read_s_with_events": round(seconds_with, 1),
        "extraction_ms_per_dispatch": round(
            (seconds_with - seconds_without) * 1000 / max(1, len(archive.articles)), 2
        ),
        "generators": generators(archive),
    }
    if not args.skip_build:
        results["build"] = build(root)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
