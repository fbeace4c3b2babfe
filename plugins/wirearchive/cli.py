"""`wirearchive`: see what the site makes of a dispatch, add dispatches, check the whole archive."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mkdocs.config import load_config

from . import contribute, frontmatter
from .article import load
from .entities import Annotator, suggest
from .problems import Problem
from .project import Project


def project_of(config_file: Path) -> Project:
    """The project of `config_file` (its mkdocs.yml); defaults when there is none or no plugin."""
    root = config_file.resolve().parent
    if not config_file.is_file():
        return Project(root, root / "docs")
    config = load_config(str(config_file))  # MkDocs reads and checks the plugin's options
    plugin = config.plugins.get("wirearchive")
    if plugin is None:
        return Project(root, Path(config.docs_dir))
    return Project.from_options(root, config.docs_dir, plugin.config)


CONFIG_NAMES = ("properdocs.yml", "mkdocs.yml")  # ProperDocs reads its own name first


def _find_config(start: Path) -> Path:
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return start / "mkdocs.yml"


def show(args) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"{path}: error: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    project = project_of(Path(args.config) if args.config else _find_config(path.resolve().parent))
    try:
        source_file = path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        source_file = path.as_posix()
    glossary = project.glossary()
    for problem in glossary.problems if glossary else []:
        if problem.severity == "error":
            print(problem, file=sys.stderr)
    annotator = Annotator(glossary) if glossary is not None else None
    loaded = load(data, source_file, project.options, project.max_bytes, annotator)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    article = loaded.article
    if article is None:
        return 1
    if args.json:
        print(
            json.dumps({**article.metadata(), "body": article.body}, ensure_ascii=False, indent=2)
        )
    else:
        print(frontmatter.dump(article.metadata(), article.body), end="")
    return 1 if any(p.severity == "error" for p in loaded.problems) else 0


def check(args) -> int:
    project = project_of(_find_config(Path(args.root)))
    archive = project.read_archive(project.glossary())
    shown = [p for p in archive.problems if args.verbose or p.severity != "info"]
    for problem in sorted(shown, key=_order):
        print(problem)
    errors = len(archive.errors)
    warnings = sum(p.severity == "warning" for p in archive.problems)
    print(
        f"{len(archive.articles)} articles, {errors} errors, {warnings} warnings", file=sys.stderr
    )
    return 1 if errors or (args.strict and warnings) else 0


def add(args) -> int:
    project = project_of(Path(args.config) if args.config else _find_config(Path.cwd()))
    known = contribute.known_dispatches(project.root, project.articles_dir)
    failed = False
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == contribute.STDIN else Path(name).read_bytes()
        except OSError as exc:
            print(f"{name}: error: cannot read: {exc.strerror}", file=sys.stderr)
            failed = True
            continue
        added = contribute.add(
            data,
            name,
            project.root,
            project.articles_dir,
            project.options,
            known=known,
            max_bytes=project.max_bytes,
        )
        out, err = contribute.report(added)
        print(out, end="\n" if out else "")
        print(err, end="\n" if err else "", file=sys.stderr)
        failed |= added.stored is None or any(p.severity == "error" for p in added.problems)
    return 1 if failed else 0


def suggest_entities(args) -> int:
    project = project_of(_find_config(Path(args.root)))
    glossary = project.glossary()
    archive = project.read_archive(glossary)
    finder = suggest.default_finder(plain=args.plain)
    print(f"# candidates found with {finder.name}", file=sys.stderr)
    found = suggest.suggest(
        archive.articles, glossary, finder, min_articles=args.min_articles, limit=args.limit
    )
    print(suggest.stubs(found), end="")
    return 0


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
    p = commands.add_parser(
        "add", help="store pasted dispatches under articles/<yyyy>/<mm>/<slug>.txt"
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="dispatch files; - reads one from standard input"
    )
    p.add_argument(
        "--config", help="the site's mkdocs.yml (default: found above the current folder)"
    )
    p.set_defaults(run=add)
    p = commands.add_parser("entities", help="work on the glossary of entities")
    entity_commands = p.add_subparsers(dest="entities_command", required=True)
    p = entity_commands.add_parser(
        "suggest", help="list names the glossary lacks, as front matter stubs"
    )
    p.add_argument("root", nargs="?", default=".", help="site root (the folder of mkdocs.yml)")
    p.add_argument(
        "--limit", type=int, default=30, help="at most this many suggestions (default 30)"
    )
    p.add_argument(
        "--min-articles",
        type=int,
        default=2,
        help="named in at least this many dispatches (default 2)",
    )
    p.add_argument("--plain", action="store_true", help="do not use spaCy even if it is installed")
    p.set_defaults(run=suggest_entities)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
