"""The whole archive: every article read once, made unique, ordered and indexed."""

from __future__ import annotations

import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .article import Loaded, from_json, load, to_json
from .cache import ParseCache
from .dispatch import ParseOptions
from .entities import Annotator, Glossary
from .model import Article
from .problems import Problem
from .text.slugs import numbered

SUFFIXES = (".txt", ".md")
PARALLEL_FROM = 400  # below this many files, worker processes cost more than they save


@dataclass
class Archive:
    """All articles, newest first, and every problem met while reading them."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    glossary: Glossary | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def latest(self, count: int) -> list[Article]:
        return self.articles[:count]


def find_sources(root: Path) -> list[Path]:
    """Raw and curated dispatches under `root`, in a stable order."""
    if not root.is_dir():
        return []
    found = [
        p
        for p in root.rglob("*")
        if p.suffix in SUFFIXES and p.is_file() and not p.name.startswith(".")
    ]
    return sorted(found, key=lambda p: p.as_posix())


_annotator: Annotator | None = None  # this process's (the glossary is sent once to each worker)


def _use_glossary(glossary: Glossary | None) -> None:
    global _annotator
    _annotator = Annotator(glossary) if glossary is not None else None


def _load_one(job: tuple[bytes, str, ParseOptions, int]) -> Loaded:
    data, source_file, options, max_bytes = job
    try:
        return load(data, source_file, options, max_bytes, _annotator)
    except Exception as exc:  # a bug met on this file: the others are still read
        message = f"could not be read ({type(exc).__name__}: {exc}): please report this file"
        return Loaded(None, [Problem(source_file, None, "error", message)])


def read_archive(
    root: Path,
    articles_dir: str,
    options: ParseOptions,
    *,
    max_bytes: int = 1_000_000,
    workers: int | None = None,
    glossary: Glossary | None = None,
    cache_dir: Path | None = None,
) -> Archive:
    """Read every dispatch under `root/articles_dir`; `source_file` paths are relative to `root`.

    With a `glossary`, every article is annotated with its entities and quotes. With a
    `cache_dir`, files whose bytes, path, settings and code are unchanged are not parsed again.
    """
    results: dict[int, Loaded] = {}
    jobs: list[tuple[int, tuple]] = []
    keys: dict[int, str] = {}
    cache = ParseCache(cache_dir, _settings(options, max_bytes, glossary)) if cache_dir else None
    for number, path in enumerate(find_sources(root / articles_dir)):
        source_file = path.relative_to(root).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            results[number] = Loaded(
                None, [Problem(source_file, None, "error", f"cannot read file: {exc.strerror}")]
            )
            continue
        if cache is not None:
            keys[number] = cache.key(source_file, data)
            hit = _cached(cache.get(keys[number]), options)
            if hit is not None:
                results[number] = hit
                continue
        jobs.append((number, (data, source_file, options, max_bytes)))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_use_glossary, initargs=(glossary,)
        ) as pool:
            loaded = list(pool.map(_load_one, [job for _, job in jobs], chunksize=64))
    else:
        _use_glossary(glossary)
        loaded = [_load_one(job) for _, job in jobs]
        _use_glossary(None)
    results.update((number, result) for (number, _), result in zip(jobs, loaded))
    archive = assemble([results[number] for number in sorted(results)], glossary)
    if cache is not None:
        with cache:
            cache.put_many([(keys[number], to_json(results[number])) for number, _ in jobs])
            cache.prune(set(keys.values()))
        if cache.failure:
            archive.problems.append(
                Problem(
                    cache.failure.partition(": ")[0],
                    None,
                    "warning",
                    f"the parse cache could not be used "
                    f"({cache.failure.partition(': ')[2]}): "
                    "the build went on without it",
                )
            )
    return archive


def _cached(data: bytes | None, options: ParseOptions) -> Loaded | None:
    """A cache entry read back, or None for a miss (absent, or not what this code writes)."""
    if data is None:
        return None
    try:
        return from_json(data, options.tz)
    except (ValueError, KeyError, TypeError):
        return None


def _settings(options: ParseOptions, max_bytes: int, glossary: Glossary | None) -> str:
    """What, besides a file's bytes and path, changes what reading it gives."""
    return f"{options!r}\n{max_bytes}\n{glossary.fingerprint if glossary is not None else '-'}"


def assemble(results: list[Loaded], glossary: Glossary | None = None) -> Archive:
    """Drop duplicates, give every article a slug unique in its month, sort newest first."""
    archive = Archive(glossary=glossary, problems=list(glossary.problems) if glossary else [])
    seen: dict[str, str] = {}
    articles: list[Article] = []
    for result in results:
        archive.problems.extend(result.problems)
        article = result.article
        if article is None:
            continue
        first = seen.setdefault(article.fingerprint, article.source_file)
        if first != article.source_file:
            archive.problems.append(
                Problem(
                    article.source_file,
                    None,
                    "error",
                    f"duplicate dispatch: the same text is already in {first}",
                )
            )
            continue
        articles.append(article)
    articles, problems = assign_slugs(articles)
    archive.problems.extend(problems)
    articles.sort(key=lambda a: (a.date, a.source_file), reverse=True)
    archive.articles = articles
    return archive


def assign_slugs(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """The articles with slugs unique within each month: `-2`, `-3` in order of date, then file.

    A slug set in front matter is kept; two articles setting the same one is an error.
    Articles whose slug changes are new articles (the ones given are left as they are).
    """
    problems: list[Problem] = []
    months: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        months[(article.year, article.month)].append(article)
    result: list[Article] = []
    for group in months.values():
        group.sort(key=lambda a: (a.date, a.source_file))
        taken: dict[str, Article] = {}
        for article in group:
            if not article.slug_from_front_matter:
                continue
            if article.slug in taken:
                problems.append(
                    Problem(
                        article.source_file,
                        None,
                        "error",
                        f"slug `{article.slug}` is already used by "
                        f"{taken[article.slug].source_file} in {article.year}-{article.month}",
                    )
                )
            else:
                taken[article.slug] = article
        for article in group:
            if taken.get(article.slug) is not article:
                slug = numbered(article.slug, taken)
                if slug != article.slug:
                    problems.append(
                        Problem(
                            article.source_file,
                            None,
                            "info",
                            f"slug `{article.slug}` is taken in {article.year}-{article.month} "
                            f"by {taken[article.slug].source_file}; using `{slug}`",
                        )
                    )
                    article = replace(article, slug=slug)
                taken[article.slug] = article
            result.append(article)
    return result, problems
