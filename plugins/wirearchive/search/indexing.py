"""The prebuilt search index, split into parts a query fetches on demand.

Files (all under `search/`, names of parts carry a hash of their content):

- `manifest.json`: the pipeline's word lists, the fields and boosts, and the list of parts;
- `parts/head-<letter>.<hash>.json`: lunr indexes of every dispatch's headline and entity
  terms, one per first letter of the term: small, fetched first, they answer while the
  rest loads;
- `parts/<part>.<hash>.json`: a lunr index of one month's dispatches (headline, entities,
  lede, body), and `parts/<part>-docs.<hash>.json`: what a result shows of them;
- `parts/terms-<letter>.<hash>.json`: for each full-text term, the parts that hold it, so
  a query fetches only the months its words occur in, newest first;
- `parts/filters.<hash>.json`: the sources, languages and entities the /search/ page offers.

Each index is a lunr index serialized by lunr.py, loadable with `lunr.Index.load`. A
document's ref is `<yyyymm>.<n>`: its month and its rank in that month by date, so refs
sort by date and adding a dispatch changes only its month's part (and the head index).
Month parts are built in parallel and cached by content (`wirearchive.cache.FileCache`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from lunr.builder import Builder

from ..cache import FileCache
from ..text.markdown import plain_text
from .analysis import LANGUAGES, pipeline_data, terms

INDEX_VERSION = "1"  # the format of the files, read by assets/engine.js
HEAD_FIELDS = {"headline": 10, "entities": 6}
FULL_FIELDS = {"headline": 10, "entities": 6, "lede": 3, "body": 1}
LEDE_CHARS = 320
PARALLEL_FROM = 8  # parts to build before worker processes pay off


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows of one dispatch."""

    ref: str
    url: str
    title: str
    date: str
    language: str
    sources: tuple[str, ...]
    rubric: str | None
    lede: str
    entities: tuple[str, ...]
    entity_text: str
    body: str

    @property
    def part(self) -> str:
        return self.ref.split(".")[0]

    def shown(self) -> list:
        """What a result shows: title, URL, date, sources, language, rubric, lede, entity ids."""
        return [
            self.title,
            self.url,
            self.date,
            list(self.sources),
            self.language,
            self.rubric,
            _cut(self.lede or " ".join(self.body.split()), LEDE_CHARS),
            list(self.entities),
        ]


@dataclass
class SearchIndex:
    """The files of the index, by path under the site root, and how much was built anew."""

    files: dict[str, bytes] = field(default_factory=dict)
    built: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)


def entity_words(entity_id: str) -> list[str]:
    """Without a glossary, an entity's id still says its name: `mistral-ai` -> `mistral ai`."""
    return [entity_id.replace("-", " ")]


def documents(
    articles: Iterable, names: Callable[[str], list[str]] = entity_words
) -> list[SearchDoc]:
    """One SearchDoc per article; `names(id)` gives an entity's name and aliases."""
    months: dict[str, list] = defaultdict(list)
    for article in articles:
        months[f"{article.year}{article.month}"].append(article)
    docs: list[SearchDoc] = []
    for month in sorted(months):
        ordered = sorted(months[month], key=lambda a: (a.date, a.source_file))
        for n, article in enumerate(ordered):
            docs.append(
                SearchDoc(
                    ref=f"{month}.{n}",
                    url=article.url,
                    title=article.title,
                    date=article.date.date().isoformat(),
                    language=article.language or "",
                    sources=tuple(article.sources),
                    rubric=article.rubric,
                    lede=article.summary or "",
                    entities=tuple(article.entities),
                    entity_text=" ; ".join(n for e in article.entities for n in names(e)),
                    body=plain_text(article.body),
                )
            )
    return docs


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _fields(doc: SearchDoc, wanted: Mapping[str, int]) -> dict[str, list[str]]:
    values = {
        "headline": doc.title,
        "entities": doc.entity_text,
        "lede": doc.lede,
        "body": doc.body,
    }
    return {name: terms(values[name], doc.language) for name in wanted}


def build_lunr(rows: list[tuple[str, dict[str, list[str]]]], boosts: Mapping[str, int]) -> bytes:
    """A serialized lunr index of analysed rows `(ref, {field: terms})`."""
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    for name, boost in boosts.items():
        builder.field(name, boost=boost)
    for ref, values in rows:
        builder.add({"ref": ref, **values})
    return dump(builder.build().serialize())


def dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode(
        "utf-8"
    )


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _build_part(job: tuple[list, dict]) -> bytes:
    rows, boosts = job
    return build_lunr(rows, boosts)


def build_index(
    docs: list[SearchDoc],
    cache: FileCache | None = None,
    workers: int | None = None,
    languages: tuple[str, ...] = LANGUAGES,
    filters_extra: Mapping | None = None,
) -> SearchIndex:
    """All files of the split index for `docs`; month parts come from `cache` when unchanged."""
    result = SearchIndex()
    by_part: dict[str, list[SearchDoc]] = defaultdict(list)
    for doc in docs:
        by_part[doc.part].append(doc)

    # Full-text parts: analyse, look up the cache by the analysed input, build what is missing.
    analysed = {
        part: [(d.ref, _fields(d, FULL_FIELDS)) for d in items] for part, items in by_part.items()
    }
    keys = {part: cache.key(dump(rows)) for part, rows in analysed.items()} if cache else {}
    built: dict[str, bytes] = {}
    missing = []
    for part in sorted(analysed):
        cached = cache.get(keys[part]) if cache else None
        if cached is not None:
            built[part] = cached
            result.cached.append(part)
        else:
            missing.append(part)
    jobs = [(analysed[part], FULL_FIELDS) for part in missing]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outputs = list(pool.map(_build_part, jobs))
    else:
        outputs = [_build_part(job) for job in jobs]
    for part, data in zip(missing, outputs):
        built[part] = data
        result.built.append(part)
        if cache is not None:
            cache.put(keys[part], data)
    if cache is not None:
        cache.prune(keys.values())

    def add(name: str, data: bytes) -> str:
        path = f"search/parts/{name}.{_hash(data)}.json"
        result.files[path] = data
        return path

    parts = []
    directory: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for number, part in enumerate(sorted(by_part)):
        items = by_part[part]
        index_path = add(part, built[part])
        docs_path = add(f"{part}-docs", dump({d.ref: d.shown() for d in items}))
        parts.append({"id": part, "index": index_path, "docs": docs_path, "count": len(items)})
        for _, values in analysed[part]:
            for term in {t for field_terms in values.values() for t in field_terms}:
                directory[_shard(term)][term].add(number)

    head_rows = [(d.ref, _fields(d, HEAD_FIELDS)) for d in docs]
    head_shards: dict[str, list] = defaultdict(list)
    for ref, values in head_rows:
        for shard in sorted({_shard(t) for field_terms in values.values() for t in field_terms}):
            head_shards[shard].append(
                (
                    ref,
                    {
                        name: [t for t in field_terms if _shard(t) == shard]
                        for name, field_terms in values.items()
                    },
                )
            )
    head = {
        shard: add(f"head-{shard}", build_lunr(rows, HEAD_FIELDS))
        for shard, rows in sorted(head_shards.items())
    }
    shards = {
        shard: add(
            f"terms-{shard}",
            dump({t: sorted(directory[shard][t]) for t in sorted(directory[shard])}),
        )
        for shard in sorted(directory)
    }
    filters_path = add("filters", dump(_filters(docs, filters_extra or {})))
    manifest = {
        "version": INDEX_VERSION,
        "pipeline": pipeline_data(languages),
        "fields": {"head": HEAD_FIELDS, "full": FULL_FIELDS},
        "head": head,
        "parts": parts,
        "terms": shards,
        "filters": filters_path,
        "count": len(docs),
    }
    result.files["search/manifest.json"] = dump(manifest)
    return result


def _shard(term: str) -> str:
    first = term[:1]
    return first if first.isascii() and first.isalnum() else "_"


def _filters(docs: list[SearchDoc], entity_names: Mapping[str, str]) -> dict:
    sources: dict[str, int] = defaultdict(int)
    languages: dict[str, int] = defaultdict(int)
    entities: dict[str, int] = defaultdict(int)
    for doc in docs:
        for source in doc.sources:
            sources[source] += 1
        languages[doc.language] += 1
        for entity in doc.entities:
            entities[entity] += 1
    return {
        "sources": sorted(sources),
        "languages": sorted(languages),
        "entities": sorted(
            ([e, entity_names.get(e, entity_words(e)[0])] for e in entities),
            key=lambda pair: pair[1].casefold(),
        ),
        "dates": [
            min((d.date for d in docs), default=None),
            max((d.date for d in docs), default=None),
        ],
    }
