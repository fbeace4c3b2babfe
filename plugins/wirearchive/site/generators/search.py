"""The prebuilt search index, its scripts (Material's search worker among them) and /search/."""

from __future__ import annotations

from collections.abc import Iterable

from ...problems import Problem
from ...search.bundle import site_files
from ...search.indexing import entity_words
from .base import Generated, SiteData

SEARCH_TEMPLATE = "wirearchive/search.html"
SEARCH_PAGE = """---
search:
  exclude: false
---
# Search

Every dispatch of the archive, in French, German and English, by company or person,
agency, language and date.
"""


def search(data: SiteData) -> Iterable[Generated]:
    glossary = data.archive.glossary
    known = glossary.entities if glossary else {}
    languages = tuple(data.project.options.languages)

    def names(entity_id: str) -> list[str]:
        if entity_id in known:
            return [known[entity_id].name, *(a.text for a in known[entity_id].aliases)]
        return entity_words(entity_id)

    cache = data.project.file_cache("search", ",".join(languages))
    found = site_files(
        data.archive.articles,
        data.existing,
        workers=data.project.workers,
        cache=cache,
        names=names,
        display_names={i: e.name for i, e in known.items()},
        languages=languages,
    )
    if cache is not None and cache.failure:
        folder, _, reason = cache.failure.partition(": ")
        data.problems.append(
            Problem(
                folder,
                None,
                "warning",
                f"the search cache could not be used ({reason}): the index was built without it",
            )
        )
    for path, content in sorted(found.files.items()):
        yield Generated(path, content)
    if "search.md" not in data.existing:
        # Unlike the archive's other pages, /search/ stays in Material's index: the box finds it.
        yield Generated(
            "search.md",
            SEARCH_PAGE,
            SEARCH_TEMPLATE,
            {"search_page_script": found.page_script},
            title="Search",
        )
