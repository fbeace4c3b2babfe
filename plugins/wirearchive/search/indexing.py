"""The prebuilt search index: a term directory in shards, result rows, and texts for snippets.

A first answer fetches the manifest, the shard of each query word and the rows of the
results it shows; the text of a result is fetched for its snippet, after the results show.
So what a query costs grows with the words it names, not with the archive.

Files (under `search/`; every name but the manifest's carries a hash of its content):

- `manifest.json`: the pipeline's word lists, the shards (the first key of each, in order),
  the row files, the months (the first dispatch number of each), the glossary files;
- `parts/terms-<n>.<hash>.json`: `{key: postings}` for a run of consecutive keys. A key is
  an index term (`investiss`), or a filter (`@e:<entity id>`, `@s:<agency>`, `@l:<language>`);
  its postings are the dispatches holding it, by the best field they hold it in (headline,
  entity names, lede, body), then the glossary names holding it (see `encode` and
  `TIERS`). Dispatches are numbered from the oldest, by date: a larger number is newer;
- `parts/<n>-docs.<hash>.json`: what a result shows of dispatches `n*DOCS_CHUNK` and after:
  `{number: [url, title, date, sources, language, text, preview]}`, `text` naming its text
  file, `preview` the start of its lede (or body): the snippet of a headline match;
- `parts/glossary-<n>.<hash>.json`: glossary entries `[id, name, type, description, url,
  dispatches, names]`, numbered as the glossary sorts them by id;
- `parts/filters.<hash>.json`: the sources, languages and entities the /search/ page offers;
- `text/<hash>.json`: `[lede, body]` of one dispatch, as plain text: where its snippet comes
  from, fetched only for the results shown.

Each month's analysis (its terms and texts) is cached by content (`wirearchive.cache.FileCache`)
and made in worker processes when many months are missing: a build after adding a dispatch
analyses its month again, and assembles the rest from the cache.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from bisect import bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from ..cache import FileCache
from ..carry import MISSING, Carried, same_sources
from ..text.markdown import plain_text
from .analysis import LANGUAGES, is_stop_word, pipeline_data, query_terms, terms, words

INDEX_VERSION = "2"  # the format of the files, read by assets/engine.js
TIERS = ("headline", "entities", "lede", "body")  # a dispatch's best field for a term first
GLOSSARY = len(TIERS)  # the postings' segment of glossary names
NAMES_PER_ENTRY = 16  # names (name, aliases) of a glossary entry that can be found
NAME_WORDS = 8  # a glossary name's word count is kept up to 7
DOCS_CHUNK = 32  # dispatches a row file holds, at least (it grows with the archive)
GLOSSARY_CHUNK = 64
PREVIEW_CHARS = 160  # of a lede, in a result's row
SHARD_BYTES = 16_384  # bytes a shard of the term directory holds, at least
PARALLEL_FROM = 8  # months to analyse before worker processes pay off
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows of one dispatch; `body` is its Markdown."""

    ref: str  # `<yyyymm>.<n>`: its month, and its rank in that month by date
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


@dataclass(frozen=True)
class GlossaryEntry:
    """A glossary entry search finds by its names: it links to the entry's page."""

    id: str
    name: str
    type: str
    url: str
    description: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Its name, then its other names, each once: the first NAMES_PER_ENTRY."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))[:NAMES_PER_ENTRY]


class IndexFiles(Mapping[str, bytes]):
    """The files of the index by path: each made when built, but a dispatch's text
    (`search/text/<hash>.json`), made when read. Its name, the hash of its content, is kept
    with its month's analysis, so a build that finds it in site/ (site/dirty.py) neither
    makes nor hashes it: 10,000 of the index's 10,400 files at 10,000 dispatches, 35 MB
    that a build held at once, and made again on every dirty build."""

    def __init__(self) -> None:
        self._made: dict[str, bytes] = {}
        self._later: dict[str, Callable[[], bytes]] = {}

    def __setitem__(self, path: str, data: bytes) -> None:
        self._later.pop(path, None)
        self._made[path] = data

    def later(self, path: str, make: Callable[[], bytes]) -> None:
        """A file whose content `make()` gives, made when read."""
        self._made.pop(path, None)
        self._later[path] = make

    def maker(self, path: str) -> Callable[[], bytes] | None:
        """What makes a file made when read, or None for one made already."""
        return self._later.get(path)

    def __getitem__(self, path: str) -> bytes:
        if path in self._made:
            return self._made[path]
        return self._later[path]()

    def __iter__(self) -> Iterator[str]:
        yield from self._made
        yield from self._later

    def __len__(self) -> int:
        return len(self._made) + len(self._later)


@dataclass
class SearchIndex:
    """The files of the index, by path under the site root, and which months were analysed
    anew (`built`) or taken from the cache (`cached`)."""

    files: IndexFiles = field(default_factory=IndexFiles)
    built: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)


def entity_words(entity_id: str) -> list[str]:
    """Without a glossary, an entity's id still says its name: `mistral-ai` -> `mistral ai`."""
    return [entity_id.replace("-", " ")]


def documents(
    articles: Iterable, names: Callable[[str], list[str]] = entity_words
) -> list[SearchDoc]:
    """One SearchDoc per article, oldest first; `names(id)` gives an entity's name and aliases."""
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
                    body=article.body,
                )
            )
    return docs


def encode(numbers: Iterable[int]) -> str:
    """Ascending numbers as text: each the gap after the one before (minus one), written in
    digits of 5 bits, most significant first, all but the last marked by 32 (`engine.js`
    reads it back: `decode`)."""
    out = []
    last = -1
    for number in numbers:
        gap = number - last - 1
        last = number
        if gap < 1024:
            out.append(_SHORT[gap])
            continue
        digits = []
        while gap:
            digits.append(gap & 31)
            gap >>= 5
        out.append("".join(ALPHABET[32 + d] for d in reversed(digits[1:])) + ALPHABET[digits[0]])
    return "".join(out)


def decode(text: str) -> list[int]:
    """The numbers `encode` wrote."""
    numbers = []
    value = 0
    last = -1
    for char in text:
        digit = ALPHABET.index(char)
        value = value * 32 + (digit & 31)
        if digit < 32:
            last += value + 1
            numbers.append(last)
            value = 0
    return numbers


_SHORT = [(ALPHABET[32 + (n >> 5)] if n >= 32 else "") + ALPHABET[n & 31] for n in range(1024)]


def postings(segments: list[list[int]]) -> str:
    """The postings of a key: its segments (tiers, then glossary names), empty ones at the end
    left out."""
    texts = [encode(s) for s in segments]
    while texts and not texts[-1]:
        texts.pop()
    return ",".join(texts)


def dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _hash(data: bytes, length: int = 12) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


# --- one month: analysed once, cached by content ----------------------------------------


def _month_input(docs: list[SearchDoc]) -> list:
    return [[d.title, d.entity_text, d.lede, d.body, d.language] for d in docs]


def analyse_doc(row: list) -> tuple[list[str], dict[str, int]]:
    """One dispatch of `_month_input`: its `[lede, body]` as plain text, and each of its terms
    with its best field (`tier`: the first of headline, entity names, lede, body holding it)."""
    title, entity_text, lede, body, language = row
    text = plain_text(body)
    best: dict[str, int] = {}
    for tier, value in enumerate((title, entity_text, lede, text)):
        for term in terms(value, language):
            best.setdefault(term, tier)
    return [lede, text], best


def analyse_month(rows: list) -> bytes:
    """A month's terms and texts, from `_month_input`: `{"terms": {term: [n * 4 + tier]},
    "texts": [[lede, body]], "names": [name]}`, `n` the dispatch's rank in the month, `tier`
    its best field, `name` that of each text's file."""
    found: dict[str, list[int]] = defaultdict(list)
    texts = []
    for n, row in enumerate(rows):
        text, best = analyse_doc(row)
        texts.append(text)
        for term, tier in best.items():
            found[term].append(n * 4 + tier)
    return dump({"terms": found, "texts": texts, "names": [_text_name(t) for t in texts]})


def _text_name(text: list[str]) -> str:
    """The name of a dispatch's text file (`search/text/<name>.json`): its content's hash."""
    return _hash(dump(text))


def _same_rows(then: list, now: list) -> bool:
    """Whether a month's rows are those of the last build, as `carry.made_of` compares."""
    return len(then) == len(now) and all(map(same_sources, then, now))


def _patched(last: Analysed, last_rows: list, rows: list) -> dict | None:
    """The analysis of `rows` (as `analyse_month` makes it) from `last`, that of `last_rows`,
    when the month has as many dispatches as then and at most a quarter of them differ: those
    are analysed again, and the postings of the others kept. A month's analysis is by place,
    so this is exact. An edit to one dispatch in `mkdocs serve` analysed its whole month
    again: half of a reload's search index at 10,000 dispatches. None when it does not
    apply."""
    if len(last_rows) != len(rows):
        return None
    edited = {n for n, pair in enumerate(zip(last_rows, rows)) if not same_sources(*pair)}
    if len(edited) > max(1, len(rows) // 4):
        return None
    found: dict[str, list[int]] = {}
    for term, values in last.terms.items():
        kept = [v for v in values if v >> 2 not in edited]
        if kept:
            found[term] = kept
    texts, names = list(last.texts), list(last.names)
    for n in sorted(edited):
        texts[n], best = analyse_doc(rows[n])
        names[n] = _text_name(texts[n])
        for term, tier in best.items():
            insort(found.setdefault(term, []), n * 4 + tier)
    return {"terms": found, "texts": texts, "names": names}


@dataclass
class Analysed:
    """A month's analysis (`analyse_month`), under its cache key."""

    key: str
    terms: dict[str, list[int]]
    texts: list[list[str]]
    names: list[str]  # of each text's file (`_text_name`)
    _text_files: dict[int, bytes] = field(default_factory=dict)
    _previews: list[str] | None = None

    def text_file(self, n: int, keep: bool = False) -> bytes:
        """The content of the text file of the month's `n`th dispatch; with `keep`, made
        once: a month `mkdocs serve` carries gives the very same bytes again (site/plugin.py
        `_written`). A build does not keep them: each is let go once written, rather than all
        10,000 (35 MB at 10,000 dispatches) held to the end of the index."""
        made = self._text_files.get(n)
        if made is None:
            made = dump(self.texts[n])
            if keep:
                self._text_files[n] = made
        return made

    def previews(self) -> list[str]:
        """Each dispatch's preview (`_preview`), in the month's order, made once: a month
        `mkdocs serve` carries is not cut into previews again (0.05 s a reload at 10,000)."""
        if self._previews is None:
            self._previews = [_preview(text) for text in self.texts]
        return self._previews


def _analysed_months(
    by_month: dict[str, list[SearchDoc]],
    cache: FileCache | None,
    workers: int | None,
    settings: str,
    result: SearchIndex,
    carried: Carried | None = None,
) -> dict[str, Analysed]:
    inputs = {month: _month_input(docs) for month, docs in by_month.items()}
    done: dict[str, Analysed] = {}
    patched: set[str] = set()
    if carried is not None:
        # `mkdocs serve`: a month of the very same texts as in the last build is that
        # build's analysis, neither hashed, read nor decoded again (wirearchive.carry);
        # kept as (settings, rows, analysis)
        for month, rows in inputs.items():

            def same(kept: tuple, rows: list = rows) -> bool:
                return kept[0] == settings and _same_rows(kept[1], rows)

            last = carried.last("search month", month)
            found = carried.recall("search month", month, same)
            if found is not MISSING:
                done[month] = found[2]
            elif last is not MISSING and last[0] == settings:
                # an edited month: its other dispatches' postings are kept
                analysis = _patched(last[2], last[1], rows)
                if analysis is not None:
                    key = cache.key(settings, dump(rows)) if cache else ""
                    if cache is not None:
                        cache.put(key, dump(analysis))
                    done[month] = Analysed(
                        key, analysis["terms"], analysis["texts"], analysis["names"]
                    )
                    patched.add(month)
    keys = {
        month: cache.key(settings, dump(rows)) if cache else ""
        for month, rows in inputs.items()
        if month not in done
    }
    read: dict[str, bytes] = {}
    missing = []
    for month in sorted(keys):
        cached = cache.get(keys[month]) if cache else None
        if cached is not None:
            read[month] = cached
        else:
            missing.append(month)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    jobs = [inputs[month] for month in missing]
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outputs = list(pool.map(analyse_month, jobs, chunksize=4))
    else:
        outputs = [analyse_month(job) for job in jobs]
    for month, data in zip(missing, outputs):
        read[month] = data
        if cache is not None:
            cache.put(keys[month], data)
    for month, data in read.items():
        analysis = json.loads(data)
        done[month] = Analysed(keys[month], analysis["terms"], analysis["texts"], analysis["names"])
    for month in sorted(done):
        (result.built if month in missing or month in patched else result.cached).append(month)
        if carried is not None:
            carried.keep("search month", month, (settings, inputs[month], done[month]))
    if cache is not None:
        cache.prune(analysed.key for analysed in done.values())
    return done


# --- the whole index ------------------------------------------------------------------


def name_words(name: str, languages: tuple[str, ...]) -> list[str]:
    """The words of a glossary name a query must give to name it: no stop words."""
    return list(dict.fromkeys(w for w in words(name) if not is_stop_word(w, languages)))


def _text_maker(analysed: Analysed, n: int, carried: Carried | None) -> Callable[[], bytes]:
    def make() -> bytes:
        data = analysed.text_file(n, keep=carried is not None)
        if carried is not None:  # held for the next build: site/ need not be read back
            carried.given.add(id(data))
        return data

    return make


def build_index(
    docs: list[SearchDoc],
    cache: FileCache | None = None,
    workers: int | None = None,
    languages: tuple[str, ...] = LANGUAGES,
    filters_extra: Mapping | None = None,
    glossary: Iterable[GlossaryEntry] = (),
    carried: Carried | None = None,
) -> SearchIndex:
    """All files of the index for `docs` (in `documents`' order) and the `glossary`;
    `carried`: what the last build of `mkdocs serve` analysed (`_analysed_months`)."""
    result = SearchIndex()
    pipeline = pipeline_data(languages)
    by_month: dict[str, list[SearchDoc]] = defaultdict(list)
    for doc in docs:
        by_month[doc.part].append(doc)
    months = sorted(by_month)
    if [d.ref for d in docs] != [d.ref for m in months for d in by_month[m]]:
        raise ValueError("build_index takes documents in the order `documents` gives them")
    analysed = _analysed_months(
        by_month, cache, workers, INDEX_VERSION + _hash(dump(pipeline)), result, carried
    )

    keys: dict[str, list[list[int]]] = defaultdict(lambda: [[] for _ in range(GLOSSARY + 1)])
    month_starts = []
    previews: list[str] = []
    text_names: list[str] = []
    start = 0
    for month in months:
        month_starts.append([month, start])
        for term, values in analysed[month].terms.items():
            segments = keys[term]
            for value in values:
                segments[value & 3].append(start + (value >> 2))
        previews.extend(analysed[month].previews())
        for n, name in enumerate(analysed[month].names):
            result.files.later(f"search/text/{name}.json", _text_maker(analysed[month], n, carried))
            text_names.append(name)
        start += len(by_month[month])
    for number, doc in enumerate(docs):
        filters = [f"@l:{doc.language}", *(f"@s:{s}" for s in doc.sources)]
        for key in dict.fromkeys([*filters, *(f"@e:{e}" for e in doc.entities)]):
            keys[key][0].append(number)

    entries = sorted(glossary, key=lambda e: e.id)
    for number, entry in enumerate(entries):
        for k, name in enumerate(entry.names):
            found = name_words(name, languages)
            if not found:
                continue
            value = (number * NAMES_PER_ENTRY + k) * NAME_WORDS + min(len(found), NAME_WORDS - 1)
            for word in found:
                for term in query_terms(word, languages):
                    keys[term][GLOSSARY].append(value)
    for segments in keys.values():
        segments[GLOSSARY] = sorted(set(segments[GLOSSARY]))

    def add(name: str, data: bytes) -> str:
        path = f"search/{name}.{_hash(data)}.json"
        result.files[path] = data
        return path

    size = docs_chunk(len(docs))
    rows = [
        add(
            f"parts/{chunk}-docs",
            dump(
                {
                    str(n): [
                        docs[n].url,
                        docs[n].title,
                        docs[n].date,
                        list(docs[n].sources),
                        docs[n].language,
                        text_names[n],
                        previews[n],
                    ]
                    for n in range(chunk * size, min(len(docs), (chunk + 1) * size))
                }
            ),
        )
        for chunk in range(math.ceil(len(docs) / size))
    ]
    shards = _shards(keys, add)
    counts: dict[str, int] = defaultdict(int)
    for doc in docs:
        for entity in doc.entities:
            counts[entity] += 1
    glossary_parts = [
        add(
            f"parts/glossary-{chunk}",
            dump(
                [
                    [e.id, e.name, e.type, e.description, e.url, counts[e.id], list(e.names)]
                    for e in entries[chunk * GLOSSARY_CHUNK : (chunk + 1) * GLOSSARY_CHUNK]
                ]
            ),
        )
        for chunk in range(math.ceil(len(entries) / GLOSSARY_CHUNK))
    ]
    directory = [*(path for _, path in shards), *rows, *glossary_parts]
    manifest = {
        "version": INDEX_VERSION,
        "pipeline": pipeline,
        "tiers": list(TIERS),
        "count": len(docs),
        "months": month_starts,
        "shards": shards,
        "docs": {"size": size, "parts": rows},
        "glossary": {
            "size": GLOSSARY_CHUNK,
            "names": NAMES_PER_ENTRY,
            "words": NAME_WORDS,
            "parts": glossary_parts,
        },
        "filters": add("parts/filters", dump(_filters(docs, filters_extra or {}))),
        # bytes of the directory, rows and glossary: a browser may fetch them all when few
        "warm": sum(len(result.files[path]) for path in directory),
    }
    result.files["search/manifest.json"] = dump(manifest)
    return result


def _preview(text: list[str]) -> str:
    """The start of a dispatch's lede, or of its body when it has none: PREVIEW_CHARS at most,
    cut between words."""
    lede, body = text
    words = " ".join((lede or body).split())
    if len(words) <= PREVIEW_CHARS:
        return words
    return words[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"


def docs_chunk(count: int) -> int:
    """Dispatches per row file: 32, more past about 30,000 (as the square root), so that the
    manifest's list of row files grows slowly too."""
    return max(DOCS_CHUNK, 2 ** round(math.log2(max(1, math.sqrt(count) / 4))))


def _shards(keys: Mapping[str, list[list[int]]], add: Callable[[str, bytes], str]) -> list:
    """The term directory in shards of consecutive keys: `[[first key, path]]`."""
    ordered = sorted(keys, key=key_order)
    encoded = {key: postings(keys[key]) for key in ordered}
    total = sum(len(key) + len(value) + 6 for key, value in encoded.items())
    # Shards grow as the square root of the directory: fewer of them to list as it grows.
    target = max(SHARD_BYTES, int(math.sqrt(total * 64)))
    shards = []
    current: dict[str, str] = {}
    size = 0
    for key in ordered:
        weight = len(key) + len(encoded[key]) + 6
        if current and size + weight > target:
            shards.append(current)
            current, size = {}, 0
        current[key] = encoded[key]
        size += weight
    if current or not shards:
        shards.append(current)
    return [
        [next(iter(shard), ""), add(f"parts/terms-{n}", dump(shard))]
        for n, shard in enumerate(shards)
    ]


def key_order(key: str) -> bytes:
    """Keys in the order JavaScript compares strings (by UTF-16 code units)."""
    return key.encode("utf-16-be")


def shard_of(shards: list, key: str) -> int:
    """The shard whose keys include `key`, as `engine.js` finds it."""
    firsts = [key_order(first) for first, _ in shards]
    return max(0, bisect_right(firsts, key_order(key)) - 1)


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
