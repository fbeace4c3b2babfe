"""The prebuilt search index, its scripts (Material's search worker among them) and /search/."""

from __future__ import annotations

from collections.abc import Iterable

from babel import Locale

from ...problems import Problem
from ...search.bundle import site_files
from ...search.indexing import GlossaryEntry, entity_words
from .base import Generated, SiteData

SEARCH_TEMPLATE = "wirearchive/search.html"
# Unlike the archive's other pages, /search/ stays in Material's index: the box finds it.
SEARCH_PAGE = """---
search:
  exclude: false
---
# {title}

{intro}
"""


def plural_samples(language: str) -> dict[str, int]:
    """A count in each plural category of `language` (CLDR's, as the browser's
    `Intl.PluralRules` names them): the /search/ page renders a message for each."""
    rule = Locale.parse(language).plural_form
    samples: dict[str, int] = {}
    for n in (*range(0, 200), 1_000_000):
        samples.setdefault(rule(n), n)
    return samples


def search(data: SiteData) -> Iterable[Generated]:
    shard = data.project.shard
    if shard is not None and not shard.shared:
        # A years shard (wirearchive.shards) has the page for its navigation, renders neither
        # it nor the index: the shared shard does.
        yield from _page(data, {})
        return
    glossary = data.archive.glossary
    known = glossary.entities if glossary else {}
    languages = tuple(data.project.options.languages)

    def names(entity_id: str) -> list[str]:
        if entity_id in known:
            return [known[entity_id].name, *(a.text for a in known[entity_id].aliases)]
        return entity_words(entity_id)

    # Glossary entries are found by their names, and link to their pages.
    entries = [
        GlossaryEntry(
            id=e.id,
            name=e.name,
            type=e.type,
            url=e.url,
            description=e.description or "",
            aliases=tuple(a.text for a in e.aliases),
        )
        for e in known.values()
    ]
    cache = data.project.file_cache("search", ",".join(languages))
    found = site_files(
        data.archive.articles,
        data.existing,
        workers=data.project.workers,
        cache=cache,
        names=names,
        display_names={i: e.name for i, e in known.items()},
        languages=languages,
        glossary=entries,
        locale=data.locale,
        carried=data.carried,
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
    files = found.files
    for path in sorted(files):
        make = files.maker(path)
        if make is None:
            yield Generated(path, files[path])
        else:  # a dispatch's text: named by its content's hash, made only to be written
            yield Generated(path, "", make=make, content_key=f"search text {path}")
    context = {
        "search_page_script": found.page_script,
        "search_page_style": found.page_style,
        "search_plurals": plural_samples(data.language),
    }
    yield from _page(data, context)


def _page(data: SiteData, context: dict) -> Iterable[Generated]:
    """/search/, unless the site has its own."""
    if "search.md" not in data.existing:
        title = data.gettext("Search")
        intro = data.gettext(
            "Every dispatch of the archive, by company or person, agency, language and date."
        )
        yield Generated(
            "search.md",
            SEARCH_PAGE.format(title=title, intro=intro),
            SEARCH_TEMPLATE,
            context,
            title=title,
        )
