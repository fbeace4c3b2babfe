"""Where a Wirearchive build's memory goes: resident memory after each phase, in one process.

    .venv/bin/python benchmarks/memory.py --root SITE [--package DIR] [--warm]
    .venv/bin/python benchmarks/memory.py --count 10000 [--seed 1]

Runs `mkdocs build` inside this process (the site in `--root`, or a fresh synthetic archive
of `--count` dispatches, the one benchmarks/scale.py measures), cold unless `--warm`, with
the plugin's steps wrapped so that the resident memory (VmRSS) and the time are noted after
each: glossary, reading the archive, generating pages and files, adding them to MkDocs, and
then MkDocs' own phases (pages converted, pages rendered, post-build). It also counts the
bytes of the files the plugin generates, by top folder (pages are held until
MkDocs reads them, except articles' Markdown, made then; plain files are written as they are
made). Worker
processes are not counted (see scale.py's tree figure); read deltas, not absolute values.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import SCALE_GLOSSARY, SCALE_PARAGRAPHS, full_config, make_archive  # noqa: E402

OUT = HERE / "out" / "memory"
MB = 2**20


def rss() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process, in bytes."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0]) * 1024
    return values["VmRSS"], values["VmHWM"]


class Notes:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.rows: list[tuple[str, float, int, int]] = []
        self.note("start (imports done)")

    def note(self, phase: str) -> None:
        now, peak = rss()
        self.rows.append((phase, time.perf_counter() - self.start, now, peak))

    def table(self) -> str:
        lines = [
            "| after | s | RSS MB | +MB | peak MB |",
            "| --- | --- | --- | --- | --- |",
        ]
        previous = self.rows[0][2]
        for phase, seconds, now, peak in self.rows:
            lines.append(
                f"| {phase} | {seconds:.1f} | {now / MB:,.0f} | {(now - previous) / MB:+,.0f} | "
                f"{peak / MB:,.0f} |"
            )
            previous = now
        return "\n".join(lines)


def wrap(owner, name: str, notes: Notes, label: str, *, each: int = 0) -> None:
    """Replace `owner.name` by a function that notes memory after it (or after every `each`)."""
    original = getattr(owner, name)
    calls = [0]

    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        calls[0] += 1
        if not each or calls[0] % each == 0:
            notes.note(label if not each else f"{label} ({calls[0]:,})")
        return result

    setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--root", type=Path, help="a site to build (the folder of mkdocs.yml)")
    where.add_argument("--count", type=int, help="build a synthetic archive of this many")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warm", action="store_true", help="keep site/ and .cache/")
    parser.add_argument("--package", type=Path, help="a folder holding the package to measure")
    args = parser.parse_args()
    if args.package:
        sys.path.insert(0, str(args.package.resolve()))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    import wirearchive.project as project_module
    import wirearchive.site.plugin as plugin_module

    root = args.root
    if root is None:
        root = make_archive(
            OUT / f"site-{args.count}",
            args.count,
            args.seed,
            glossary=SCALE_GLOSSARY,
            paragraphs=SCALE_PARAGRAPHS,
        )
        full_config(root)
    if not args.warm:
        shutil.rmtree(root / "site", ignore_errors=True)
        shutil.rmtree(root / ".cache", ignore_errors=True)
    notes = Notes()
    wrap(project_module, "load_glossary", notes, "on_files: glossary loaded")
    wrap(project_module, "read_archive", notes, "on_files: archive read")
    original_generate = plugin_module.generate
    held: dict[str, int] = defaultdict(int)

    def generate(data):
        for item in original_generate(data):
            content = item.content
            size = len(content.encode() if isinstance(content, str) else content)
            held[item.src_uri.split("/")[0] if "/" in item.src_uri else "(root)"] += size
            yield item
        notes.note("on_files: every page and file generated")

    plugin_module.generate = generate  # type: ignore[assignment]
    wrap(mkdocs_build, "_populate_page", notes, "pages converted", each=5000)
    wrap(mkdocs_build, "_build_page", notes, "pages rendered", each=5000)
    # On the class, before the config loads: MkDocs keeps the plugin's bound methods.
    plugin_class = plugin_module.ArchivePlugin
    wrap(plugin_class, "on_files", notes, "on_files done (files added to MkDocs)")
    wrap(plugin_class, "on_post_build", notes, "on_post_build (site measured)")
    config = load_config(str(root / "mkdocs.yml"))
    os.chdir(root)
    mkdocs_build.build(config)
    notes.note("build done")
    print(f"{root}: in-process build\n")
    print(notes.table())
    total = sum(held.values())
    print(
        f"\nGenerated content: {total / MB:,.1f} MB (UTF-8 bytes; plain files are written as "
        "made; articles' Markdown is made when MkDocs reads their pages, not counted here)"
    )
    for folder, size in sorted(held.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {size / MB:8.1f} MB  {folder}")


if __name__ == "__main__":
    main()
