"""The archive's sections in the site's navigation, the MkDocs 1.6 way (issue 12.2).

The index page of each section (home, archive by date, timeline, glossary, sources, search)
is a file included in the navigation (`InclusionLevel.INCLUDED`); every other page the
archive adds is `NOT_IN_NAV`, reached through those indexes. The site's `nav` then lists
the sections, titled in the site's language:

- when the site owner wrote a `nav`, it is kept as written, first, and the sections it does
  not already name follow it;
- without one, the home page comes first, then the sections, then the site's other pages
  as MkDocs would have listed them (`nest_paths`, folders as sections).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mkdocs.utils import nest_paths

HOME = "index.md"


def sections(
    gettext: Callable[[str], str], glossary_index: str | None, present: set[str]
) -> list[tuple[str, str]]:
    """(title, src_uri) of the archive's sections that the site has, in reading order."""
    candidates = [
        (gettext("Home"), HOME),
        (gettext("Archive"), "archive/index.md"),
        (gettext("Timeline"), "timeline/index.md"),
        (gettext("Glossary"), glossary_index),
        (gettext("Sources"), "sources/index.md"),
        (gettext("Search"), "search.md"),
    ]
    return [(title, src) for title, src in candidates if src is not None and src in present]


def site_nav(owner_nav: list | None, archive: list[tuple[str, str]], pages: Iterable[str]) -> list:
    """The `nav` of the site: the owner's (or MkDocs' automatic one) with the sections.

    `pages` are the src_uris of the documentation pages included in the navigation, the
    sections' among them, as MkDocs lists them for its automatic navigation.
    """
    if owner_nav is not None:
        named = set(_paths(owner_nav))
        return [*owner_nav, *({title: src} for title, src in archive if src not in named)]
    ours = {src for _, src in archive}
    rest = nest_paths(src for src in pages if src not in ours)
    return [{title: src} for title, src in archive] + list(rest)


def _paths(nav) -> Iterable[str]:
    """Every page path a `nav` names, at any depth (titles and external links left out)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _paths(item)
