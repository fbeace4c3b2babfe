"""`wirearchive`: see what the site makes of a dispatch, add dispatches, check the archive.

Every command works on one project: the site whose `mkdocs.yml` (or `properdocs.yml`) is
named with `-f/--config-file`, as MkDocs does, or found in the current folder or the
nearest folder above it. Outside a project a command refuses, saying so: it never checks
nothing and passes, and it never writes anywhere but the project's `articles/`.

Exit codes: 0 all is well, 1 the input has errors (or warnings, with `--strict`), 2 the
command could not run (no project, a file that cannot be read, a bad argument).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from . import __version__, contribute, frontmatter, publish, shards
from .article import Loaded, load
from .ending import freeze_at_exit, without_full_collections
from .entities import Annotator, suggest
from .problems import Problem
from .progress import Progress
from .project import Project

CONFIG_NAMES = ("properdocs.yml", "mkdocs.yml")  # ProperDocs reads its own name first
STDIN = "-"


class Refusal(Exception):
    """The command cannot run; the message says why and what to do."""


def find_config(start: Path) -> Path:
    """The site's config in `start` or the nearest folder above it."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    raise Refusal(
        f"no {' or '.join(CONFIG_NAMES)} in {start} or any folder above it: run wirearchive "
        "inside a Wirearchive site, or name its config with -f/--config-file"
    )


def project_of(config_file: Path) -> Project:
    """The project of `config_file`, its plugin options checked by MkDocs itself."""
    if not config_file.is_file():
        raise Refusal(f"{config_file}: no such config file")
    try:
        config = load_config(str(config_file))
    except ConfigurationError as exc:
        raise Refusal(f"{config_file}: {exc}") from exc
    plugin = config.plugins.get("wirearchive")
    if plugin is None:
        raise Refusal(f"{config_file} has no `wirearchive` plugin: it is not a Wirearchive site")
    return Project.from_options(config_file.resolve().parent, config.docs_dir, plugin.config)


def _project(args, start: Path | None = None) -> Project:
    if args.config_file:
        return project_of(Path(args.config_file))
    return project_of(find_config(start or Path.cwd()))


def _read(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise Refusal(f"{name}: cannot read: {exc.strerror}") from exc


def _source_file(name: str, project: Project) -> str:
    """How a file is named in messages and `source_file`: relative to the site when inside."""
    if name == STDIN:
        return "<stdin>"
    try:
        return Path(name).resolve().relative_to(project.root).as_posix()
    except ValueError:
        return Path(name).as_posix()


def printed(loaded: Loaded, as_json: bool = False) -> str:
    """What `show` prints of a loaded dispatch (and `add` of the one it stored)."""
    article = loaded.article
    if article is None:
        return ""
    if as_json:
        metadata = {**article.metadata(), "body": article.body}
        return json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    return frontmatter.dump(article.metadata(), article.body)


def _annotator(project: Project, err) -> Annotator | None:
    glossary = project.glossary()
    for problem in glossary.problems if glossary else ():
        if problem.severity == "error":
            print(problem, file=err)
    return Annotator(glossary) if glossary is not None else None


# ----------------------------------------------------------------------------- commands


def show(args) -> int:
    start = Path(args.file).resolve().parent if args.file != STDIN else None
    project = _project(args, start)
    data = _read(args.file)
    loaded = load(
        data,
        _source_file(args.file, project),
        project.options,
        project.max_bytes,
        _annotator(project, sys.stderr),
    )
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    if loaded.article is None:
        return 1
    print(printed(loaded, args.json), end="")
    return 1 if any(p.severity == "error" for p in loaded.problems) else 0


def check(args) -> int:
    paths = [Path(p) for p in args.paths]
    start: Path | None
    if (
        len(paths) == 1
        and not args.config_file
        and any((paths[0] / name).is_file() for name in CONFIG_NAMES)
    ):
        start, paths = paths[0], []  # `check SITE`: the site's root, the whole archive
    else:
        start = paths[0] if paths else None
        if start is not None and not start.exists():
            raise Refusal(f"{start}: no such file or folder")
        start = start if start is None or start.is_dir() else start.parent
    project = _project(args, start)
    wanted = [_inside_articles(p, project) for p in paths]
    terminal = sys.stderr.isatty()
    archive = project.read_archive(
        project.glossary(),
        progress=lambda total: Progress(total, "checking", _err_line, terminal=terminal),
    )
    checked = [a for a in archive.articles if _under(a.source_file, wanted)]
    problems = [p for p in archive.problems if not wanted or _under(p.path, wanted)]
    files = {a.source_file for a in [*checked, *archive.withheld]} | {p.path for p in problems}
    if not files:
        where = ", ".join(wanted) or f"{project.articles_dir}/"
        print(f"error: no dispatches under {where}: nothing was checked", file=sys.stderr)
        return 1
    for problem in sorted(problems, key=_order):
        if args.verbose or problem.severity != "info":
            print(problem)
    for article in archive.withheld:
        if _under(article.source_file, wanted):
            assert article.embargo is not None
            print(
                f"{article.source_file}: embargoed until {article.embargo.isoformat()}: "
                "withheld from the site until then",
                file=sys.stderr,
            )
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    print(
        f"{_count(len(checked), 'dispatch', 'dispatches')} published, "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}",
        file=sys.stderr,
    )
    return 1 if errors or (args.strict and warnings) else 0


def _err_line(text: str) -> None:
    print(text, file=sys.stderr, end="" if text.endswith("\r") else "\n", flush=True)


def _inside_articles(path: Path, project: Project) -> str:
    """`path` relative to the site root, refusing what lies outside the articles folder."""
    articles = project.articles_path.resolve()
    resolved = path.resolve()
    if not resolved.is_relative_to(articles):
        raise Refusal(
            f"{path} is outside {project.articles_dir}/ of the site at {project.root}: "
            "check reads the dispatches there"
        )
    return resolved.relative_to(project.root.resolve()).as_posix()


def _under(source_file: str, wanted: Sequence[str]) -> bool:
    return not wanted or any(
        source_file == w or source_file.startswith(w.rstrip("/") + "/") for w in wanted
    )


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def add(args) -> int:
    project = _project(args)
    annotator = _annotator(project, sys.stderr)
    known = contribute.known_dispatches(project.root, project.articles_dir)
    failed = False
    for name in args.files:
        try:
            data = _read(name)
        except Refusal as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            continue
        if args.date:
            data = contribute.with_date(data, args.date)
        added = contribute.add(
            data,
            name,
            project,
            known=known,
            annotator=annotator,
            dry_run=args.dry_run,
            date=args.date,
        )
        out, err = contribute.report(added, dry_run=args.dry_run)
        if (
            added.loaded is not None
            and added.loaded.article is not None
            and (added.stored or args.dry_run)
        ):
            out += "\n" + printed(added.loaded).rstrip("\n")
        print(out, end="\n" if out else "")
        print(err, end="\n" if err else "", file=sys.stderr)
        placed = added.target if args.dry_run else added.stored
        failed |= placed is None or any(p.severity == "error" for p in added.problems)
    return 1 if failed else 0


def suggest_entities(args) -> int:
    project = _project(args, Path(args.root) if args.root else None)
    glossary = project.glossary()
    archive = project.read_archive(glossary)
    finder = suggest.default_finder(plain=args.plain)
    print(f"# candidates found with {finder.name}", file=sys.stderr)
    found = suggest.suggest(
        archive.articles, glossary, finder, min_articles=args.min_articles, limit=args.limit
    )
    print(suggest.stubs(found), end="")
    return 0


def plan_shards(args) -> int:
    """Print the shards of a sharded build: years shards of about equal size, by the year
    folders of articles/ (`add` files dispatches there), and the shared one."""
    project = _project(args)
    years: dict[int, int] = {}
    if project.articles_path.is_dir():
        for folder in project.articles_path.iterdir():
            if folder.is_dir() and shards.YEAR.fullmatch(folder.name):
                years[int(folder.name)] = sum(1 for p in folder.rglob("*") if p.is_file())
    specs = shards.plan(years, args.count)
    print(json.dumps(specs) if args.json else "\n".join(specs))
    return 0


def merge_shards(args) -> int:
    """Put shards' outputs together into one site; check its size as a build does."""
    out = Path(args.into)
    try:
        files = shards.merge([Path(p) for p in args.parts], out)
    except shards.MergeError as exc:
        print(f"wirearchive: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        raise Refusal(str(exc)) from exc
    size = publish.measure(out)
    print(f"merged {_count(len(args.parts), 'shard')} into {out}: {files:,} files")
    print(size.summary())
    over = publish.over_budget(size, site_mb=args.size_budget_mb, page_kb=None)
    for message in over:
        print(f"warning: {message}", file=sys.stderr)
    return 1 if over else 0


def _order(problem: Problem):
    return (problem.path, problem.line or 0, problem.message)


def _versions() -> str:
    found = []
    for package in ("mkdocs", "properdocs", "mkdocs-material"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    return f"wirearchive {__version__} ({', '.join(found)})"


def _date_argument(value: str) -> str:
    if frontmatter.CHECKS["date"](value) is not None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date such as 2025-10-06 or 2025-10-06T14:30"
        )
    return value


def parser() -> argparse.ArgumentParser:
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument(
        "-f",
        "--config-file",
        "--config",
        dest="config_file",
        metavar="FILE",
        help="the site's mkdocs.yml or properdocs.yml (default: found in the current folder or "
        "above it)",
    )
    main = argparse.ArgumentParser(prog="wirearchive", description=__doc__.split("\n\n")[0])
    main.add_argument("--version", action="version", version=_versions())
    commands = main.add_subparsers(dest="command", required=True)
    p = commands.add_parser(
        "show", parents=[config], help="print what the site makes of one dispatch"
    )
    p.add_argument("file", metavar="FILE", help="a dispatch; - reads one from standard input")
    p.add_argument("--json", action="store_true", help="print the metadata and body as JSON")
    p.set_defaults(run=show)
    p = commands.add_parser(
        "check",
        parents=[config],
        help="validate the archive (or some of its files); exit 1 on errors",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="dispatches or folders under articles/ (default: all of them); "
        "a site's folder checks that site",
    )
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("-v", "--verbose", action="store_true", help="also print informational notes")
    p.set_defaults(run=check)
    p = commands.add_parser(
        "add", parents=[config], help="store dispatches under articles/<yyyy>/<mm>/<slug>.txt"
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="dispatch files; - reads one from standard input"
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="say where each would be stored and what it gives; write nothing",
    )
    p.add_argument(
        "--date",
        type=_date_argument,
        help="the filing date for dispatches that give none (2025-10-06T14:30)",
    )
    p.set_defaults(run=add)
    p = commands.add_parser(
        "shards",
        parents=[config],
        help="print the shards of a sharded build (wirearchive.shards), one a line",
    )
    p.add_argument(
        "--count", type=int, default=4, help="at most this many years shards (default 4)"
    )
    p.add_argument("--json", action="store_true", help="as a JSON list (a CI matrix)")
    p.set_defaults(run=plan_shards)
    p = commands.add_parser(
        "merge", help="put the outputs of a sharded build's shards together into one site"
    )
    p.add_argument(
        "parts", nargs="+", metavar="DIR", help="the shards' outputs (the shared one, the years)"
    )
    p.add_argument("--into", required=True, metavar="DIR", help="the site (emptied first)")
    p.add_argument(
        "--size-budget-mb",
        type=float,
        default=1000,
        help="exit 1 over this many MB (default 1000: GitHub Pages' limit is 1 GB)",
    )
    p.set_defaults(run=merge_shards)
    p = commands.add_parser("entities", help="work on the glossary of entities")
    entity_commands = p.add_subparsers(dest="entities_command", required=True)
    p = entity_commands.add_parser(
        "suggest", parents=[config], help="list names the glossary lacks, as front matter stubs"
    )
    p.add_argument("root", nargs="?", help="the site's folder (default: the current project)")
    p.add_argument("--limit", type=int, default=30, help="at most this many (default 30)")
    p.add_argument(
        "--min-articles",
        type=int,
        default=2,
        help="named in at least this many dispatches (default 2)",
    )
    p.add_argument("--plain", action="store_true", help="do not use spaCy even if installed")
    p.set_defaults(run=suggest_entities)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    freeze_at_exit()
    try:
        with without_full_collections():  # a command runs once and ends (ending.py)
            return args.run(args)
    except Refusal as exc:
        print(f"wirearchive: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
