"""The whole archive: every article read once, made unique, ordered and indexed."""

from __future__ import annotations

import gc
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from .article import Loaded, from_json, load, to_json
from .cache import ParseCache, file_stamp
from .dispatch import ParseOptions, language
from .entities import Annotator, Glossary
from .model import Article, Revision
from .problems import Problem
from .progress import Progress
from .text.slugs import numbered

# Raw text, curated Markdown, and agencies' XML and JSON (read by content, not by name).
SUFFIXES = (".txt", ".md", ".xml", ".json")
SIDECAR = ".yml"  # `<file>.yml`: the front matter of a file that cannot hold one
PARALLEL_FROM = 400  # below this many files, worker processes cost more than they save


@dataclass
class Archive:
    """All articles, newest first, and every problem met while reading them."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    glossary: Glossary | None = None
    withheld: list[Article] = field(default_factory=list)  # under embargo at the build's time
    read: int = 0  # files read
    parsed: int = 0  # of which parsed anew (the others came from the parse cache)
    remembered: int = 0  # of the others, taken from an earlier read in this process (`kept`)
    # source_file -> the article that file gave as read (before versions were grouped and
    # slugs given) and `entry_digest` of what the parse cache keeps of it: the page cache
    # (site/pagecache.py) names an article by it instead of serialising the whole article.
    # Only with a parse cache.
    origins: dict[str, tuple[Article, str]] = field(default_factory=dict)
    # source_file -> its parse cache key (its path, bytes, sidecar, the settings and the code):
    # what stands for the file as published beside its page (site/generators/articles.py).
    # Only with a parse cache.
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def latest(self, count: int) -> list[Article]:
        return self.articles[:count]


def find_sources(root: Path) -> list[Path]:
    """Dispatches under `root` (raw, curated, agency items), in a stable order.

    Walked with `os.scandir`, whose entries know whether they are folders without a `stat`
    (a `Path.rglob` and an `is_file` for each of 10,000 dispatches took 0.1 s of every
    `mkdocs serve` reload). As `rglob`, it does not follow a link to a folder; a link to a
    file is taken."""
    if not root.is_dir():
        return []
    found: list[Path] = []
    folders = [os.fspath(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif (
                    not entry.name.startswith(".")
                    and os.path.splitext(entry.name)[1] in SUFFIXES
                    and entry.is_file()
                ):
                    found.append(Path(entry.path))
    return sorted(found, key=lambda p: p.as_posix())


_annotator: Annotator | None = None  # this process's (the glossary is sent once to each worker)


def _use_glossary(glossary: Glossary | None) -> None:
    global _annotator
    _annotator = Annotator(glossary) if glossary is not None else None


def _unreadable(source_file: str) -> Loaded:
    message = "could not be read back from its worker process: please report this file"
    return Loaded(None, [Problem(source_file, None, "error", message)])


def _load_one(job: tuple[bytes, str, ParseOptions, int, bytes | None]) -> Loaded:
    data, source_file, options, max_bytes, sidecar = job
    try:
        return load(data, source_file, options, max_bytes, _annotator, sidecar)
    except Exception as exc:  # a bug met on this file: the others are still read
        message = f"could not be read ({type(exc).__name__}: {exc}): please report this file"
        return Loaded(None, [Problem(source_file, None, "error", message)])


def _load_sent(job: tuple[bytes, str, ParseOptions, int, bytes | None]) -> bytes:
    """`_load_one` in a worker, sent back as the parse cache's entry (`to_json`).

    The main process would otherwise unpickle the whole `Loaded`, the parsed dispatch with it
    (its lines and paragraphs: the text twice over, which no read of the archive uses), only to
    serialise it for the cache: at 10,000 dispatches the dispatches held 100 MB until the
    archive was read, and the build's memory never came down from it. From the entry, the
    article is made as from the cache (`from_json`): with a read's shared small values, and
    the same whether a build parsed the file or found it parsed.
    """
    return to_json(_load_one(job))


def read_archive(
    root: Path,
    articles_dir: str,
    options: ParseOptions,
    *,
    max_bytes: int = 1_000_000,
    workers: int | None = None,
    glossary: Glossary | None = None,
    cache_dir: Path | None = None,
    now: datetime | None = None,
    publish_embargoed: bool = False,
    progress: Callable[[int], Progress] | None = None,
    kept: dict[str, tuple[Loaded, str]] | None = None,
    hold_model: bool = False,
    stamps: dict[str, tuple[str, tuple, str]] | None = None,
) -> Archive:
    """Read every dispatch under `root/articles_dir`; `source_file` paths are relative to `root`.

    `progress(total)` makes the report of a long read (see `wirearchive.progress`).

    With a `glossary`, every article is annotated with its entities and quotes. With a
    `cache_dir`, files whose bytes, path, settings and code are unchanged are not parsed again.
    An item under embargo after `now` (the build's time) is withheld, unless
    `publish_embargoed`.

    `kept` holds the files an earlier read in this process loaded, by parse cache key, with
    their cache entry's digest: a file with the same key is taken from it rather than read
    back from the cache, and `kept` then holds this read's files. `mkdocs serve` rebuilds
    through one plugin, which keeps them: reading 10,000 entries back from the parse cache
    (SQLite, zlib, JSON) was 2.7 s of every rebuild. Loaded files are not changed by
    anything that reads them (their articles are frozen), so one serves every build.

    `stamps` (with `kept`) holds what the file system said of each file that read (size,
    times, inode, and its sidecar's), with the cache settings and the file's key: a file
    whose stamp and settings are the same is taken from `kept` without being read and
    hashed again (0.5 s of a reload at 10,000 dispatches; `cache.file_stamp`).

    `hold_model`: the process parses again soon (`mkdocs serve`), and holds the language
    model it read in this one; otherwise a model read from a kept copy is let go
    (`dispatch.language.release`).
    """
    results: dict[int, Loaded] = {}
    jobs: list[tuple[int, tuple]] = []
    keys: dict[int, str] = {}
    digests: dict[int, str] = {}  # of the parse cache's entry of each file (Archive.origins)
    shared: dict = {}  # one of each small value the cache's entries repeat (`from_json`)
    sent_entries: dict[int, bytes] = {}  # the entries workers made (`_load_sent`)
    cache = ParseCache(cache_dir, _settings(options, max_bytes, glossary)) if cache_dir else None
    sources = find_sources(root / articles_dir)
    remembered = 0
    report = progress(len(sources)) if progress is not None else None
    stamped: dict[int, tuple[str, tuple]] = {}
    names: list[str] = []
    for number, path in enumerate(sources):
        source_file = path.relative_to(root).as_posix()
        names.append(source_file)
        sidecar_path = path.with_name(path.name + SIDECAR)
        if cache is not None and kept is not None and stamps is not None:
            # taken before the file is read: a write after it gives the next read another
            stamp = _stamp(path, sidecar_path)
            if stamp is not None:
                stamped[number] = (source_file, stamp)
                known = stamps.get(source_file)
                if known is not None and known[:2] == (cache.settings, stamp) and known[2] in kept:
                    keys[number] = known[2]
                    results[number], digests[number] = kept[known[2]]
                    remembered += 1
                    if report is not None:
                        report.advance()
                    continue
        try:
            data = path.read_bytes()
            sidecar = sidecar_path.read_bytes() if sidecar_path.is_file() else None
        except OSError as exc:
            results[number] = Loaded(
                None, [Problem(source_file, None, "error", f"cannot read file: {exc.strerror}")]
            )
            continue
        if cache is not None:
            keys[number] = cache.key(source_file, data, sidecar)
            if kept is not None and keys[number] in kept:
                results[number], digests[number] = kept[keys[number]]
                remembered += 1
                if report is not None:
                    report.advance()
                continue
            stored = cache.get(keys[number])
            hit = _cached(stored, options, shared)
            if hit is not None and stored is not None:
                results[number] = hit
                digests[number] = entry_digest(cache.settings, stored)
                if report is not None:
                    report.advance()
                continue
        jobs.append((number, (data, source_file, options, max_bytes, sidecar)))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        gc.freeze()  # what the workers inherit stays shared: no copy for reference counts
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_use_glossary, initargs=(glossary,)
        ) as pool:
            loaded = []
            sent = pool.map(_load_sent, [job for _, job in jobs], chunksize=64)
            for (number, job), stored in zip(jobs, sent):
                if cache is not None:  # to be stored as it is, once the archive is read
                    sent_entries[number] = stored
                loaded.append(_cached(stored, options, shared) or _unreadable(job[1]))
                if report is not None:
                    report.advance()
        gc.unfreeze()
    else:
        _use_glossary(glossary)
        loaded = []
        for _, job in jobs:
            loaded.append(_load_one(job))
            if report is not None:
                report.advance()
        _use_glossary(None)
        if not hold_model:  # a build: the rest of it is not parsing (`mkdocs serve` will)
            language.release()
    results.update((number, result) for (number, _), result in zip(jobs, loaded))
    archive = assemble(
        [results[number] for number in sorted(results)],
        glossary,
        now=now,
        publish_embargoed=publish_embargoed,
    )
    archive.read = len(sources)
    archive.parsed = len(jobs)
    archive.remembered = remembered
    if cache is not None:

        def entries():
            for number, _ in jobs:
                stored = sent_entries.pop(number, None) or to_json(results[number])
                digests[number] = entry_digest(cache.settings, stored)
                yield keys[number], stored

        with cache:
            cache.put_many(entries())
            cache.prune(set(keys.values()))
        archive.origins = _origins(results, digests)
        archive.keys = {names[n]: key for n, key in keys.items()}
        if kept is not None:
            kept.clear()  # this read's files, not every file any read met
            kept.update(
                (keys[n], (Loaded(results[n].article, results[n].problems), digests[n]))
                for n in sorted(digests)
            )
        if stamps is not None:
            stamps.clear()
            stamps.update(
                (source_file, (cache.settings, stamp, keys[n]))
                for n, (source_file, stamp) in stamped.items()
                if n in keys and n in digests
            )
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


def _cached(data: bytes | None, options: ParseOptions, shared: dict) -> Loaded | None:
    """A cache entry read back, or None for a miss (absent, or not what this code writes);
    `shared`, the read's (`article.from_json`)."""
    if data is None:
        return None
    try:
        return from_json(data, options.tz, shared)
    except (ValueError, KeyError, TypeError):
        return None


def entry_digest(settings: str, stored: bytes) -> str:
    """The digest of a parse cache entry (`to_json` of a loaded file) and of the settings it
    is read back with (the time zone of its dates): the article it gives, in every field but
    `revisions` (which `to_json` leaves out)."""
    return hashlib.sha256(settings.encode() + b"\0" + stored).hexdigest()


def _stamp(path: Path, sidecar: Path) -> tuple | None:
    """What the file system says of a file and its sidecar (archive.read_archive's
    `stamps`), or None when it cannot say."""
    found = file_stamp(path)
    return None if found is None else (found, file_stamp(sidecar))


def _origins(results: dict[int, Loaded], digests: dict[int, str]) -> dict[str, tuple[Article, str]]:
    """Archive.origins: each file's article as read and the digest of its cache entry."""
    origins: dict[str, tuple[Article, str]] = {}
    for number, digest in digests.items():
        article = results[number].article
        if article is not None:
            origins[article.source_file] = (article, digest)
    return origins


def _settings(options: ParseOptions, max_bytes: int, glossary: Glossary | None) -> str:
    """What, besides a file's bytes and path, changes what reading it gives."""
    return f"{options!r}\n{max_bytes}\n{glossary.fingerprint if glossary is not None else '-'}"


def assemble(
    results: list[Loaded],
    glossary: Glossary | None = None,
    *,
    now: datetime | None = None,
    publish_embargoed: bool = False,
) -> Archive:
    """Group the versions of each story, drop duplicates, withhold what is under embargo,
    give every article a slug unique in its month, and sort newest first."""
    archive = Archive(glossary=glossary, problems=list(glossary.problems) if glossary else [])
    for result in results:
        archive.problems.extend(result.problems)
    stories = group_versions([r.article for r in results if r.article is not None])
    seen: dict[str, str] = {}
    articles: list[Article] = []
    for article in stories:
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
        embargoed = article.embargo is not None and now is not None and article.embargo > now
        if embargoed and not publish_embargoed:
            archive.withheld.append(article)
            continue
        articles.append(article)
    articles, problems = assign_slugs(articles)
    archive.problems.extend(problems)
    articles.sort(key=lambda a: (a.date, a.source_file), reverse=True)
    archive.articles = articles
    return archive


def group_versions(articles: list[Article]) -> list[Article]:
    """One article per story: the versions of an agency's story (one `story_key`) become
    its latest version, at the address and date of its first, with the earlier versions
    as its `revisions`. Articles without a story key are their own story."""
    stories: dict[str, list[Article]] = defaultdict(list)
    alone: list[Article] = []
    for article in articles:
        if article.story_key:
            stories[article.story_key].append(article)
        else:
            alone.append(article)
    grouped = list(alone)
    for versions in stories.values():
        versions.sort(key=_version_order)
        first, latest = versions[0], versions[-1]
        if len(versions) == 1:
            grouped.append(first)
            continue
        history = tuple(
            Revision(v, v.version, v.version_time or v.date, v.revision_note) for v in versions[:-1]
        )
        grouped.append(
            replace(
                latest,
                date=first.date,
                slug=first.slug,
                slug_from_front_matter=first.slug_from_front_matter,
                revisions=history,
            )
        )
    return grouped


def _version_order(article: Article) -> tuple:
    time = article.version_time or article.date
    return (time, article.version if article.version is not None else -1, article.source_file)


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
