"""Full-text search of the archive: built at build time, answered in the reader's browser.

- `analysis`: how text becomes index terms (folding, elisions, stop words, stemming), the
  same steps the browser repeats in `assets/pipeline.js`;
- `indexing`: the index's files (term directory in shards, result rows, texts for snippets,
  glossary entries), each month's analysis cached by content;
- `bundle`: every file search adds to a site, Material's search worker among them;
- `assets/`: the browser side (worker, engine, /search/ page and its stylesheet) and vendored
  lunr.js (the search box's hand-written pages) and lunr-languages (the stemmers) with their
  licences.
"""

from .analysis import fold, query_terms, terms, words
from .bundle import SearchFiles, site_files
from .indexing import GlossaryEntry, SearchDoc, SearchIndex, build_index, documents

__all__ = [
    "GlossaryEntry",
    "SearchDoc",
    "SearchFiles",
    "SearchIndex",
    "build_index",
    "documents",
    "fold",
    "query_terms",
    "site_files",
    "terms",
    "words",
]
