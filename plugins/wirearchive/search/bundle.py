"""Everything search adds to a built site: the split index, the browser code, the worker.

The worker is published at the URL of Material's own search worker (its name carries
Material's hash, found among the theme's files), so Material's search box, which reads
that URL from the theme's `config` block, talks to ours on every page without a template
override that a site's own `main.html` could shadow. It is one file: lunr.js, the stemmers
of the site's languages, our pipeline, engine and worker, so that a first search waits for
one request, not for one after another. The /search/ page's script and stylesheet carry a
hash of their content in their names, so a browser never mixes an old script with a new
index (the index's files are hashed too, and the manifest names its version).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..cache import FileCache
from ..carry import Carried
from .analysis import LANGUAGES
from .indexing import (
    GlossaryEntry,
    IndexFiles,
    SearchIndex,
    build_index,
    documents,
    entity_words,
)

ASSETS = Path(__file__).parent / "assets"
ASSETS_URI = "assets/wirearchive/search/"
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
# In the worker, in this order: lunr, the stemmers of the site's languages (English's is
# lunr's own), then our pipeline and engine.
LUNR = ("vendor/lunr.min.js", "vendor/lunr.stemmer.support.min.js")
STEMMERS = {
    "fr": "vendor/lunr.fr.min.js",
    "de": "vendor/lunr.de.min.js",
    "it": "vendor/lunr.it.min.js",
}
OURS = ("pipeline.js", "engine.js")
PAGE_SCRIPTS = ("page.js",)
PAGE_STYLE = "search.css"
LICENCES = ("vendor/LICENSE.lunr", "vendor/LICENSE.lunr-languages")
LICENCES_OF = {
    **dict.fromkeys(LUNR[:1], ASSETS_URI + LICENCES[0]),
    **dict.fromkeys((LUNR[1], *STEMMERS.values()), ASSETS_URI + LICENCES[1]),
}


@dataclass
class SearchFiles:
    """The files to publish, by path under the site root, and what the index build did."""

    files: IndexFiles
    index: SearchIndex
    page_script: str  # URL of the /search/ page's script, relative to the site root
    page_style: str  # URL of its stylesheet, relative to the site root


def material_worker(existing: Iterable[str]) -> str | None:
    """src_uri of Material's search worker among the site's files, if the theme has one."""
    found = sorted(uri for uri in existing if MATERIAL_WORKER.fullmatch(uri))
    return found[0] if found else None


def _hashed(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def worker_scripts(languages: Iterable[str]) -> tuple[str, ...]:
    """The scripts the worker holds for a site in `languages`, in order."""
    return (*LUNR, *(STEMMERS[lang] for lang in languages if lang in STEMMERS), *OURS)


def site_files(
    articles: list,
    existing: Iterable[str],
    *,
    cache: FileCache | None,
    workers: int | None = None,
    names: Callable[[str], list[str]] = entity_words,
    display_names: dict[str, str] | None = None,
    languages: tuple[str, ...] = LANGUAGES,
    glossary: Iterable[GlossaryEntry] = (),
    locale: str | None = None,
    carried: Carried | None = None,
) -> SearchFiles:
    """The index for `articles` and the `glossary`, and the scripts that search it, as files
    of the site; `locale` is the language the search box writes dates in; `carried`: what
    the last build of `mkdocs serve` made (`indexing.build_index`)."""
    index = build_index(
        documents(articles, names),
        cache,
        workers,
        languages,
        display_names,
        glossary,
        carried=carried,
    )
    files = index.files  # the dispatches' texts still to be made (`IndexFiles`)
    published: dict[str, str] = {}
    for name in (*PAGE_SCRIPTS, PAGE_STYLE):
        data = (ASSETS / name).read_bytes()
        published[name] = _hashed(name, data)
        files[ASSETS_URI + published[name]] = data
    for name in LICENCES:
        files[ASSETS_URI + name] = (ASSETS / name).read_bytes()
    worker = material_worker(existing)
    if worker is not None:
        files[worker] = worker_script(worker, worker_scripts(languages), locale)
    return SearchFiles(
        files,
        index,
        ASSETS_URI + published[PAGE_SCRIPTS[0]],
        ASSETS_URI + published[PAGE_STYLE],
    )


def worker_script(worker_uri: str, scripts: Iterable[str], locale: str | None = None) -> bytes:
    """The worker, in one file: where the site root is relative to its own URL, the site's
    language (the search box writes dates in it), then `scripts` and the worker's own code."""
    up = "../" * worker_uri.count("/")
    parts = [
        f"const WA_ROOT = {json.dumps(up or './')};\n"
        f"const WA_LOCALE = {json.dumps(locale or 'en')};\n".encode()
    ]
    for name in (*scripts, "worker.js"):
        licence = f" (licence: {LICENCES_OF[name]})" if name in LICENCES_OF else ""
        parts.append(f"\n/* {ASSETS_URI}{name}{licence} */\n".encode())
        parts.append((ASSETS / name).read_bytes().rstrip() + b"\n;\n")
    return b"".join(parts)
