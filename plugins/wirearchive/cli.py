"""`wirearchive`: see what the site makes of a dispatch, and check the whole archive."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .archive import read_archive
from .article import load
from .dispatch import ParseOptions, Problem
from .markdown import page_source


def site_settings(config_file: Path) -> tuple[ParseOptions, str, int]:
    """Parser options, articles folder and size limit from the site's mkdocs.yml, if any."""
    if not config_file.is_file():
        return ParseOptions(), "articles", 1_000_000
    from mkdocs.config import load_config

    from .site.config import parse_options

    config = load_config(str(config_file))
    plugin = config.plugins.get("wirearchive")
    if plugin is None:
        return ParseOptions(), "articles", 1_000_000
    return parse_options(plugin.config), plugin.config.articles_dir, plugin.config.max_dispatch_bytes


def _find_config(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return start / "mkdocs.yml"


def show(args) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"{path}: error: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    config_file = Path(args.config) if args.config else _find_config(path.resolve().parent)
    options, _, max_bytes = site_settings(config_file)
    root = config_file.resolve().parent
    try:
        source_file = path.resolve().relative_to(root).as_posix()
    except ValueError:
        source_file = path.as_posix()
    loaded = load(data, source_file, options, max_bytes)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    article = loaded.article
    if article is None:
        return 1
    if args.json:
        print(json.dumps({**article.metadata(), "body": article.body}, ensure_ascii=False, indent=2))
    else:
        print(page_source(article.metadata(), article.body), end="")
    return 1 if any(p.severity == "error" for p in loaded.problems) else 0


def check(args) -> int:
    root = Path(args.root).resolve()
    options, articles_dir, max_bytes = site_settings(root / "mkdocs.yml")
    archive = read_archive(root, articles_dir, options, max_bytes=max_bytes)
    shown = [p for p in archive.problems if args.verbose or p.severity != "info"]
    for problem in sorted(shown, key=_order):
        print(problem)
    errors = len(archive.errors)
    warnings = sum(p.severity == "warning" for p in archive.problems)
    print(f"{len(archive.articles)} articles, {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _order(problem: Problem):
    return (problem.path, problem.line or 0, problem.message)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wirearchive", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("show", help="print what the site makes of one dispatch")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the metadata and body as JSON")
    p.add_argument("--config", help="the site's mkdocs.yml (default: found above FILE)")
    p.set_defaults(run=show)
    p = commands.add_parser("check", help="validate every dispatch; exit 1 on errors")
    p.add_argument("root", nargs="?", default=".", help="site root (the folder of mkdocs.yml)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("-v", "--verbose", action="store_true", help="also print informational notes")
    p.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
