"""Generated pages and files for browsing: archive by date, sources, rubrics, languages,
timelines (pages and TimelineJS exports) and feeds.

URLs (relative to the site root):

    archive/  archive/<yyyy>/  archive/<yyyy>/<mm>/  archive/<yyyy>/<mm>/page/<n>/
    sources/  sources/<slug>/  rubrics/  rubrics/<slug>/  languages/  languages/<code>/
    timeline/  timeline/<yyyy>/  timeline/<yyyy>/page/<n>/  entities/<id>/timeline/ (long ones)
    timeline/timeline.json  timeline/<yyyy>/timeline.json  entities/<id>/timeline.json
    feed.xml  feed.json  entities/<id>/feed.xml  entities/<id>/feed.json
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...browse import feeds
from ...browse.indexes import ENTITY_PAGE_ENTRIES, FACET_FOLDERS, Browse, Facet, browse_of
from ...timeline import timeline as timelines
from ...timeline import timelinejs
from .base import Generated, SiteData, page

PAGE_SIZE = 50
TIMELINE_PAGE_SIZE = (
    300  # entries per timeline page; /timeline/ shows the whole timeline up to this many
)
# TimelineJS exports keep the latest entries: TimelineJS itself slows down past a few hundred
EXPORT_LIMIT = 1000
ARCHIVE_TEMPLATE = "wirearchive/archive.html"
LISTING_TEMPLATE = "wirearchive/listing.html"
FACETS_TEMPLATE = "wirearchive/facets.html"
TIMELINE_TEMPLATE = "wirearchive/timeline.html"
FACET_TITLES = {
    "source": ("Sources", "Dispatches from {}"),
    "rubric": ("Rubrics", "Rubric: {}"),
    "language": ("Languages", "Dispatches in {}"),
}


def _item(
    src_uri: str, content: str | bytes, template: str | None = None, context: dict | None = None
) -> Generated:
    return Generated(src_uri, content, template, context or {})


def _browse(data: SiteData) -> Browse:
    return browse_of(data.archive)


def _entity_name(data: SiteData, entity_id: str) -> str:
    return _browse(data).entity_name(entity_id)


def paginate(
    src_folder: str, articles: Sequence, size: int = PAGE_SIZE
) -> list[tuple[str, list, dict]]:
    """(src_uri, articles of the page, pagination) for each page of a long list.

    Page 1 is `<src_folder>/index.md`, page n is `<src_folder>/page/<n>.md`.
    """
    count = max(1, -(-len(articles) // size))
    urls = [f"{src_folder}/" if n == 1 else f"{src_folder}/page/{n}/" for n in range(1, count + 1)]
    pages = []
    for n in range(1, count + 1):
        src = f"{src_folder}/index.md" if n == 1 else f"{src_folder}/page/{n}.md"
        pagination = {
            "page": n,
            "pages": count,
            "urls": urls,
            "noun": "dispatches",
            "previous": urls[n - 2] if n > 1 else None,
            "next": urls[n] if n < count else None,
            "first": (n - 1) * size + 1,
            "last": min(n * size, len(articles)),
            "total": len(articles),
        }
        pages.append((src, list(articles[(n - 1) * size : n * size]), pagination))
    return pages


# ----------------------------------------------------------------------------- archive by date


def archive_pages(data: SiteData) -> Iterable[Generated]:
    browse = _browse(data)
    yield _item(
        "archive/index.md",
        page("Archive"),
        ARCHIVE_TEMPLATE,
        {"view": "years", "years": browse.years, "months": browse.months},
    )
    for year in browse.years:
        yield _item(
            f"archive/{year.year}/index.md",
            page(f"Archive {year.year}"),
            ARCHIVE_TEMPLATE,
            {"view": "months", "year": year, "months": browse.months[year.year]},
        )
        for month in browse.months[year.year]:
            for src, articles, pagination in paginate(
                f"archive/{month.year}/{month.month}", month.articles
            ):
                yield _item(
                    src,
                    page(f"Archive {month.key}"),
                    LISTING_TEMPLATE,
                    {
                        "view": "month",
                        "period": month,
                        "articles": articles,
                        "pagination": pagination,
                    },
                )


# ---------------------------------------------------------------- sources, rubrics, languages


def facet_pages(data: SiteData) -> Iterable[Generated]:
    browse = _browse(data)
    for kind, folder in FACET_FOLDERS.items():
        index_title, page_title = FACET_TITLES[kind]
        facets = browse.facets[kind]
        yield _item(
            f"{folder}/index.md",
            page(index_title),
            FACETS_TEMPLATE,
            {"kind": kind, "facets": facets},
        )
        for facet in facets:
            yield from _facet(facet, page_title)


def _facet(facet: Facet, title: str) -> Iterable[Generated]:
    for src, articles, pagination in paginate(
        f"{FACET_FOLDERS[facet.kind]}/{facet.slug}", facet.articles
    ):
        yield _item(
            src,
            page(title.format(facet.name)),
            LISTING_TEMPLATE,
            {"view": facet.kind, "facet": facet, "articles": articles, "pagination": pagination},
        )


# ----------------------------------------------------------------------------- timelines


def timeline_pages(data: SiteData) -> Iterable[Generated]:
    """/timeline/ (whole when short, else a list of years), a page per year and per entity,
    each paginated by `TIMELINE_PAGE_SIZE` entries, and a TimelineJS export beside each."""
    browse = _browse(data)
    timeline = browse.timeline()
    inline = timeline.count <= TIMELINE_PAGE_SIZE
    yield _item(
        "timeline/index.md",
        page("Timeline"),
        TIMELINE_TEMPLATE,
        {
            "timeline": timeline,
            "inline": inline,
            "all_years": timeline.years,
            "json_url": "timeline/timeline.json",
        },
    )
    locale = data.locale
    yield _item("timeline/timeline.json", _export(timeline, data.site_name, locale))
    for year in timeline.years:
        folder = f"timeline/{year.year}"
        yield from _timeline_pages(
            folder,
            f"Timeline {year.year}",
            timeline.year(year.year),
            {"year": year.year, "all_years": timeline.years, "json_url": f"{folder}/timeline.json"},
        )
        yield _item(
            f"{folder}/timeline.json",
            _export(timeline.year(year.year), f"{data.site_name} {year.year}", locale),
        )
    for entity_id in sorted(browse.by_entity):
        entity_timeline = browse.timeline(entity_id)
        name = _entity_name(data, entity_id)
        if entity_timeline.count > ENTITY_PAGE_ENTRIES:
            yield from _timeline_pages(
                f"entities/{entity_id}/timeline",
                f"Timeline: {name}",
                entity_timeline,
                {
                    "entity_id": entity_id,
                    "entity_name": name,
                    "json_url": f"entities/{entity_id}/timeline.json",
                },
            )
        yield _item(f"entities/{entity_id}/timeline.json", _export(entity_timeline, name, locale))


def _timeline_pages(
    folder: str, title: str, timeline: timelines.Timeline, context: dict
) -> Iterable[Generated]:
    for src, entries, pagination in paginate(folder, timeline.entries(), TIMELINE_PAGE_SIZE):
        pagination["noun"] = "entries"
        yield _item(
            src,
            page(title),
            TIMELINE_TEMPLATE,
            {
                **context,
                "timeline": timelines.build(entries),
                "inline": True,
                "pagination": pagination,
            },
        )


def _export(timeline: timelines.Timeline, title: str, locale: str | None) -> str:
    return timelinejs.dumps(timelinejs.export(timeline, title, locale, limit=EXPORT_LIMIT))


# ----------------------------------------------------------------------------- feeds


def feed_pages(data: SiteData) -> Iterable[Generated]:
    """RSS and JSON feeds of the latest dispatches and of each entity's; none without a site_url."""
    if not data.site_option("site_url") or not data.archive.articles:
        return
    browse = _browse(data)
    site = data.site_name
    latest = browse.articles[: feeds.FEED_COUNT]
    info = feeds.FeedInfo(site, f"Latest dispatches of {site}", "", "feed", data.locale)
    yield _item("feed.xml", feeds.rss(info, latest, data.site_option("site_url")))
    yield _item("feed.json", feeds.json_feed(info, latest, data.site_option("site_url")))
    for entity_id in sorted(browse.by_entity):
        name = _entity_name(data, entity_id)
        info = feeds.FeedInfo(
            f"{name} - {site}",
            f"Latest dispatches naming {name}",
            f"entities/{entity_id}/",
            f"entities/{entity_id}/feed",
            data.locale,
        )
        articles = browse.by_entity[entity_id][: feeds.FEED_COUNT]
        yield _item(
            f"entities/{entity_id}/feed.xml",
            feeds.rss(info, articles, data.site_option("site_url")),
        )
        yield _item(
            f"entities/{entity_id}/feed.json",
            feeds.json_feed(info, articles, data.site_option("site_url")),
        )
