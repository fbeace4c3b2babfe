"""`sitemap.xml`, written as MkDocs' own template writes it, in the order of its addresses.

MkDocs renders `sitemap.xml` from its template after the pages, one Jinja loop over every
page, in every build and every `mkdocs serve` reload. The plugin then read it back, sorted
its entries by address (one order for a build and for merged shards:
`shards.sorted_sitemap`) and wrote it and its gzip again. At 15,000 pages the loop and the
sort took 0.06 s, and the read-back and second writes about as much.

When the theme's `sitemap.xml` is MkDocs' own template, `SortedSitemap` stands in for it
(`on_pre_template`): it writes the very text the template writes, entries already in that
order, in 0.02 s, and MkDocs writes it and its gzip once. A theme with a `sitemap.xml` of
its own keeps it, sorted after the build as before.

Written here rather than rendered: what the template writes is five lines per page, and
the test (tests/site/test_sitemap.py) holds this to the template's output, byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import mkdocs
from markupsafe import escape

MKDOCS_SITEMAP = os.path.join(os.path.dirname(mkdocs.__file__), "templates", "sitemap.xml")
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


def is_mkdocs_sitemap(template: Any) -> bool:
    """Whether `template` (a Jinja template) is MkDocs' own `sitemap.xml`."""
    filename = getattr(template, "filename", None)
    return filename is not None and os.path.realpath(filename) == os.path.realpath(MKDOCS_SITEMAP)


class SortedSitemap:
    """What MkDocs' `sitemap.xml` template renders for a context, with its `<url>` entries in
    the order of their addresses (`shards.sorted_sitemap`'s order: by the text of `<loc>`,
    equal ones as they came)."""

    def render(self, context: Mapping[str, Any]) -> str:
        entries: list[tuple[str, str]] = []
        for file in context["pages"]:
            page = file.page
            if page.is_link or not (page.abs_url or page.canonical_url):
                continue
            loc = str(escape(page.canonical_url or page.abs_url))
            lastmod = f"<lastmod>{page.update_date}</lastmod>" if page.update_date else ""
            entries.append(
                (loc, f"    <url>\n         <loc>{loc}</loc>\n         {lastmod}\n    </url>\n")
            )
        entries.sort(key=lambda entry: entry[0])
        return HEAD + "".join(text for _, text in entries) + "</urlset>"
