"""Full-text search of the archive: built at build time, answered in the reader's browser.

- `analysis`: how text becomes index terms (folding, elisions, stop words, stemming), the
  same steps the browser repeats in `assets/pipeline.js`;
- `indexing`: the split lunr index (head indexes, month parts, term directory), cached by content;
- `bundle`: every file search adds to a site, Material's search worker among them;
- `assets/`: the browser side (worker, engine, /search/ page) and vendored lunr.js and
  lunr-languages with their licences.
"""

from .analysis import fold, query_variants, terms, words
from .bundle import SearchFiles, site_files
from .indexing import SearchDoc, SearchIndex, build_index, documents

__all__ = [
    "SearchDoc",
    "SearchFiles",
    "SearchIndex",
    "build_index",
    "documents",
    "fold",
    "query_variants",
    "site_files",
    "terms",
    "words",
]
