"""Everything search adds to a built site: the split index, the browser code, the worker.

The worker is published at the URL of Material's own search worker (its name carries
Material's hash, found among the theme's files), so Material's search box, which reads
that URL from the theme's `config` block, talks to ours on every page without a template
override that a site's own `main.html` could shadow. Our scripts carry a hash of their
content in their names, so a browser never mixes an old script with a new index.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..cache import FileCache
from .analysis import LANGUAGES
from .indexing import SearchIndex, build_index, documents, entity_words

ASSETS = Path(__file__).parent / "assets"
ASSETS_URI = "assets/wirearchive/search/"
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
# Loaded by the worker in this order: lunr, the stemmers of the site's languages (English's
# is lunr's own), then our pipeline and engine.
LUNR = ("vendor/lunr.min.js", "vendor/lunr.stemmer.support.min.js")
STEMMERS = {
    "fr": "vendor/lunr.fr.min.js",
    "de": "vendor/lunr.de.min.js",
    "it": "vendor/lunr.it.min.js",
}
OURS = ("pipeline.js", "engine.js")
PAGE_SCRIPTS = ("page.js",)
LICENCES = ("vendor/LICENSE.lunr", "vendor/LICENSE.lunr-languages")


@dataclass
class SearchFiles:
    """The files to publish, by path under the site root, and what the index build did."""

    files: dict[str, bytes]
    index: SearchIndex
    page_script: str  # URL of the /search/ page's script, relative to the site root


def material_worker(existing: Iterable[str]) -> str | None:
    """src_uri of Material's search worker among the site's files, if the theme has one."""
    found = sorted(uri for uri in existing if MATERIAL_WORKER.fullmatch(uri))
    return found[0] if found else None


def _hashed(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def worker_scripts(languages: Iterable[str]) -> tuple[str, ...]:
    """The scripts the worker loads for a site in `languages`, in order."""
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
) -> SearchFiles:
    """The index for `articles` and the scripts that search it, as files of the site."""
    index = build_index(documents(articles, names), cache, workers, languages, display_names)
    files = dict(index.files)
    published: dict[str, str] = {}
    scripts = worker_scripts(languages)
    for name in (*scripts, *PAGE_SCRIPTS):
        data = (ASSETS / name).read_bytes()
        published[name] = _hashed(name, data)
        files[ASSETS_URI + published[name]] = data
    for name in LICENCES:
        files[ASSETS_URI + name] = (ASSETS / name).read_bytes()
    worker = material_worker(existing)
    if worker is not None:
        files[worker] = worker_script(worker, [published[n] for n in scripts])
    return SearchFiles(files, index, ASSETS_URI + published[PAGE_SCRIPTS[0]])


def worker_script(worker_uri: str, scripts: list[str]) -> bytes:
    """The worker, told where the site root and its scripts are relative to its own URL."""
    up = "../" * worker_uri.count("/")
    header = (
        f"const WA_ROOT = {json.dumps(up or './')};\n"
        f"const WA_ASSETS_PATH = {json.dumps(posixpath.join(up, ASSETS_URI))};\n"
        f"const WA_SCRIPTS = {json.dumps(scripts)};\n"
    )
    return header.encode("utf-8") + (ASSETS / "worker.js").read_bytes()
