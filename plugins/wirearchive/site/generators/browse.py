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

import functools
import operator
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from ...browse import feeds
from ...browse.indexes import FACET_FOLDERS, Browse, Facet, Period, browse_of, reading_order
from ...carry import Carried, made_of
from ...timeline import partial, timelinejs
from ...timeline import timeline as timelines
from .base import Generated, SiteData, page

PAGE_SIZE = 50  # dispatches on a page of a list (a month, a source, an entity's)
TIMELINE_PAGE_SIZE = 100  # events on a page of a timeline (a year's, an entity's)
TIMELINE_LATEST = 50  # the latest events, on /timeline/
TIMELINE_FILTERS = 12  # entities with the most events, offered as filters on /timeline/
ENTITY_EVENTS = 10  # the latest events on an entity's page; more get timeline pages
# TimelineJS exports keep the latest events: TimelineJS itself slows down past a few hundred,
# and an export's size stays bounded however busy the entity
EXPORT_LIMIT = 100
ENTITY_FEED_COUNT = 10  # items of an entity's feeds (the site's own have feeds.FEED_COUNT)
ARCHIVE_TEMPLATE = "wirearchive/archive.html"
LISTING_TEMPLATE = "wirearchive/listing.html"
FACETS_TEMPLATE = "wirearchive/facets.html"
TIMELINE_TEMPLATE = "wirearchive/timeline.html"


def _item(
    src_uri: str, content: str | bytes, template: str | None = None, context: dict | None = None
) -> Generated:
    return Generated(src_uri, content, template, context or {})


def _browse(data: SiteData) -> Browse:
    return browse_of(data.archive, data.carried)


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
            "links": [(m, urls[m - 1] if m else None) for m in page_links(n, count)],
            "noun": "dispatches",
            "previous": urls[n - 2] if n > 1 else None,
            "next": urls[n] if n < count else None,
            "first": (n - 1) * size + 1,
            "last": min(n * size, len(articles)),
            "total": len(articles),
        }
        pages.append((src, list(articles[(n - 1) * size : n * size]), pagination))
    return pages


def page_links(page: int, pages: int, near: int = 2) -> list[int]:
    """The numbered links of page `page` of `pages`: the first and the last, those within
    `near` of this one, and 0 for each gap ("…"), in order.

    A fixed number however long the list: a page handed its template every page of the list
    (as it once did) made the template's work grow with the list's length on each of its
    pages, quadratic in the list (a year's timeline has 2,000 pages at 100,000 dispatches).
    """
    shown = sorted({1, pages, *range(max(1, page - near), min(pages, page + near) + 1)})
    links: list[int] = []
    for number in shown:
        if links and number > links[-1] + 1:
            links.append(0)
        links.append(number)
    return links


def paginate_newest(
    src_folder: str,
    items: Sequence,
    size: int = PAGE_SIZE,
    date_of: Callable[[Any], datetime] = operator.attrgetter("date"),
) -> list[tuple[str, list, dict]]:
    """(src_uri, items of the page, pagination) for each page of a list newest first (a
    month's, an agency's, a rubric's, a language's or an entity's dispatches; an entity's
    quotes), its pages numbered from the oldest.

    Page n (`<src_folder>/page/<n>.md`) holds the n-th `size` items counted from the oldest
    and keeps them as items are added at the newest end; the list's own address
    (`<src_folder>/index.md`) holds the newest, all that come after the last full page: from
    `size` to 2 × `size` - 1 items once the list has that many, so that every item is on
    one page and a reader arriving on the list never finds it nearly empty.

    Why not page 2 for the second newest items, as blogs do: then every page of a list moved
    by one item at each new dispatch, and a dirty build or a `mkdocs serve` reload rendered
    again every page of its agency's and its language's lists (178 and 121 pages at 10,000
    dispatches, most of what a new dispatch cost). Now a new dispatch changes the newest
    page alone, and once in `size` the page it completes and the few that link to it; and
    the address of a page of the archive shows the same dispatches tomorrow.

    What a page says of its place (`pagination`): the newest page its ranks and the total
    ("Dispatches 1–73 of 3547"), an older page only the dates (`date_of`) of its oldest and
    newest items (`oldest`, `newest`), since its rank and the total change as the list grows.
    `page` is None on the newest page; `links` lists it as None, before the numbered pages
    in reading order (newest first).
    """
    total = len(items)
    full = max(0, total // size - 1)  # pages of `size` items, from the oldest
    newest_count = total - full * size

    def url(n: int | None) -> str:
        return f"{src_folder}/" if n is None else f"{src_folder}/page/{n}/"

    newest: dict[str, Any] = {
        "page": None,
        "links": [(n, url(n) if n != 0 else None) for n in newest_links(None, full)],
        "noun": "dispatches",
        "previous": None,
        "next": url(full) if full else None,
        "first": 1,
        "last": newest_count,
        "total": total,
    }
    pages = [(f"{src_folder}/index.md", list(items[:newest_count]), newest)]
    for n in range(full, 0, -1):
        start = total - n * size
        older: dict[str, Any] = {
            "page": n,
            "links": [(m, url(m) if m != 0 else None) for m in newest_links(n, full)],
            "noun": "dispatches",
            "previous": url(n + 1 if n < full else None),
            "next": url(n - 1) if n > 1 else None,
            "oldest": date_of(items[start + size - 1]),
            "newest": date_of(items[start]),
        }
        pages.append((f"{src_folder}/page/{n}.md", list(items[start : start + size]), older))
    return pages


def newest_links(page: int | None, full: int, near: int = 2) -> list[int | None]:
    """The links of a page of `paginate_newest`'s list of `full` numbered pages, in reading
    order: the newest page (None), the numbered pages within `near` of this one, page 1 (the
    oldest), and 0 for each gap ("…"): `page_links` of the list's pages read from the newest,
    the newest counted as page `full` + 1.

    None of them depends on the list's length but for the pages within `near` of the newest:
    the links of the others stay as they were when items are added."""
    newest = full + 1
    links = page_links(newest if page is None else page, newest, near)
    return [None if n == newest else n for n in reversed(links)]


# ----------------------------------------------------------------------------- archive by date


def archive_pages(data: SiteData) -> Iterable[Generated]:
    browse = _browse(data)
    yield _item(
        "archive/index.md",
        page(data.gettext("Archive")),
        ARCHIVE_TEMPLATE,
        {"view": "years", "years": browse.years, "months": browse.months},
    )
    for year in browse.years:
        yield _item(
            f"archive/{year.year}/index.md",
            page(data.gettext("Archive %(year)s", year=year.year)),
            ARCHIVE_TEMPLATE,
            {"view": "months", "year": year, "months": browse.months[year.year]},
        )
        for month in browse.months[year.year]:
            for src, articles, pagination in paginate_newest(
                f"archive/{month.year}/{month.month}", month.articles
            ):
                yield _item(
                    src,
                    page(partial.label(month.key, data.locale)),
                    LISTING_TEMPLATE,
                    {
                        "view": "month",
                        "period": month if pagination["page"] is None else Period(month.key),
                        "articles": articles,
                        "pagination": pagination,
                    },
                )


# ---------------------------------------------------------------- sources, rubrics, languages


def facet_titles(data: SiteData) -> dict[str, tuple[str, str]]:
    """The title of each kind's index and of one of its pages (`%(name)s`), translated."""
    return {
        "source": (data.gettext("Sources"), data.gettext("Dispatches from %(name)s")),
        "rubric": (data.gettext("Rubrics"), data.gettext("Rubric: %(name)s")),
        "language": (data.gettext("Languages"), data.gettext("Dispatches in %(name)s")),
    }


def facet_pages(data: SiteData) -> Iterable[Generated]:
    browse = _browse(data)
    titles = facet_titles(data)
    for kind, folder in FACET_FOLDERS.items():
        index_title, page_title = titles[kind]
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
    # an older page of the list shows the facet's name, not its count of dispatches: with
    # them (in its context, so in its key) each new dispatch changed every page of the list
    named = Facet(facet.kind, facet.name, facet.slug)
    for src, articles, pagination in paginate_newest(
        f"{FACET_FOLDERS[facet.kind]}/{facet.slug}", facet.articles
    ):
        yield _item(
            src,
            page(title % {"name": facet.label}),
            LISTING_TEMPLATE,
            {
                "view": facet.kind,
                "facet": facet if pagination["page"] is None else named,
                "articles": articles,
                "pagination": pagination,
            },
        )


# ----------------------------------------------------------------------------- timelines


def entity_events(browse: Browse, entity_id: str) -> timelines.Timeline:
    """The events of an entity's timeline, without the publications (its dispatches are
    listed on its page already). That timeline holds only the events about the entity
    (`Browse.timeline`: those whose sentence is about it, when the event says what it is
    about): they are not told apart again here. Made once a build (its page and its timeline
    pages show it), and taken from the last build when made of the same timeline (`mkdocs
    serve`)."""
    key = ("entity events", entity_id)
    found = browse.derived.get(key)
    if found is None:
        whole = browse.timeline(entity_id)
        found = browse.derived[key] = made_of(
            browse.carried,
            "entity events",
            entity_id,
            [whole],
            lambda: timelines.build(
                (e for e in whole.entries() if e.kind == "event"), ordered=True
            ),
        )
    return found


def events_only(timeline: timelines.Timeline, carried: Carried | None = None) -> timelines.Timeline:
    """`timeline` without its publications; each year's the last build's for the very same
    year (`mkdocs serve`: the archive's timeline keeps the years an edit leaves alone)."""

    def year_of(year: timelines.Year) -> list[timelines.Year]:
        events = (e for e in year.in_order() if e.kind == "event")
        return timelines.build(events, ordered=True).years

    years = [
        y
        for year in timeline.years
        for y in made_of(
            carried, "events only", year.year, [year], functools.partial(year_of, year)
        )
    ]
    return timelines.Timeline(years)


def entity_folder(data: SiteData, entity_id: str) -> str:
    """The src_uri folder of an entity's pages (`entities/nvidia`), in the glossary's folder."""
    glossary = data.archive.glossary
    entity = glossary.get(entity_id) if glossary else None
    if entity is not None:
        return entity.src_uri[: -len(".md")]
    return f"{glossary.folder if glossary else 'entities'}/{entity_id}"


def timeline_filters(data: SiteData, counts: dict[str, int]) -> list[dict]:
    """The entities with the most events, A–Z: links to their timelines (the filters of
    /timeline/ that work without JavaScript)."""
    browse = _browse(data)
    busiest = sorted(counts, key=lambda i: (-counts[i], i))[:TIMELINE_FILTERS]
    links = []
    for entity_id in busiest:
        entity = browse.entity(entity_id)
        if entity is None or not counts[entity_id]:
            continue
        url = (
            f"{entity_folder(data, entity_id)}/timeline/"
            if counts[entity_id] > ENTITY_EVENTS
            else f"{entity.url}#timeline"
        )
        links.append({"entity": entity, "count": counts[entity_id], "url": url})
    return sorted(links, key=lambda link: reading_order(link["entity"].name))


def timeline_pages(data: SiteData) -> Iterable[Generated]:
    """/timeline/ (the latest events, years and entities to choose from), a page per year
    and per busy entity, each paginated by `TIMELINE_PAGE_SIZE` events, and a TimelineJS
    export (the latest `EXPORT_LIMIT` events) beside each."""
    browse = _browse(data)
    carried = data.carried
    whole = browse.timeline()
    timeline = events_only(whole, carried)
    entity_timelines = {i: entity_events(browse, i) for i in sorted(browse.by_entity)}
    filters = timeline_filters(data, {i: t.count for i, t in entity_timelines.items()})
    # What the year links show, not the years' events: a page's key (site/pagecache.py)
    # then changes with the counts only, not with every event of the archive.
    years = [{"year": y.year, "count": y.count} for y in timeline.years]
    shared = {"all_years": years, "filters": filters}
    latest = timeline.entries()[-TIMELINE_LATEST:]
    yield _item(
        "timeline/index.md",
        page(data.gettext("Timeline")),
        TIMELINE_TEMPLATE,
        {
            **shared,
            "timeline": _built(carried, "timeline/index.md", latest),
            "total": timeline.count,
            "json_url": "timeline/timeline.json",
        },
    )
    locale = data.locale
    yield _item("timeline/timeline.json", _export(data, timeline, data.site_name, locale))
    for year in timeline.years:
        folder = f"timeline/{year.year}"
        yield from _timeline_pages(
            carried,
            folder,
            data.gettext("Timeline of %(year)s", year=year.year),
            timeline.year(year.year),
            {**shared, "year": year.year, "json_url": f"{folder}/timeline.json"},
        )
        yield _item(
            f"{folder}/timeline.json",
            _export(data, timeline.year(year.year), f"{data.site_name} {year.year}", locale),
        )
    for entity_id, entity_timeline in entity_timelines.items():
        name = _entity_name(data, entity_id)
        folder = entity_folder(data, entity_id)
        if entity_timeline.count > ENTITY_EVENTS:
            yield from _timeline_pages(
                carried,
                f"{folder}/timeline",
                data.gettext("Timeline of %(name)s", name=name),
                entity_timeline,
                {
                    "entity_id": entity_id,
                    "entity_name": name,
                    "entity_url": f"{folder}/",
                    "json_url": f"{folder}/timeline.json",
                },
            )
        if entity_timeline.count:
            yield _item(f"{folder}/timeline.json", _export(data, entity_timeline, name, locale))


def _timeline_pages(
    carried: Carried | None, folder: str, title: str, timeline: timelines.Timeline, context: dict
) -> Iterable[Generated]:
    def paged() -> list[tuple[str, timelines.Timeline, dict]]:
        pages = paginate(folder, timeline.entries(), TIMELINE_PAGE_SIZE)
        for _, _, pagination in pages:
            pagination["noun"] = "events"
            if pagination["page"] > 1:
                # the total on the first page only: on every page, an event added anywhere in
                # the timeline changed them all; now only those from where it goes in
                pagination["total"] = None
        return [(src, _built(carried, src, entries), pag) for src, entries, pag in pages]

    # `mkdocs serve`: the pages of a timeline whose years are the very same as in the last
    # build (an entity no edited dispatch names, a year an edit does not touch) are that
    # build's, without listing and comparing its entries page by page (3,264 pages at 10,000)
    later = _without_counts(context)
    for src, built, pagination in made_of(carried, "timeline pages", folder, timeline.years, paged):
        yield _item(
            src,
            page(title),
            TIMELINE_TEMPLATE,
            {
                **(context if pagination["page"] == 1 else later),
                "timeline": built,
                "pagination": pagination,
            },
        )


def _without_counts(context: dict) -> dict:
    """The context of a timeline's pages after the first: its year and entity links without
    their counts of events (and, in `paged`, its pagination without the total). Those counts
    are of the whole archive: shown on every page, one event added or removed anywhere
    changed every page of every year's timeline (1,300 pages at 10,000 dispatches, each
    rendered again by a dirty build); the first page of each timeline and /timeline/ still
    show them."""
    later = dict(context)
    if "all_years" in later:
        later["all_years"] = [{"year": y["year"]} for y in later["all_years"]]
    if "filters" in later:
        later["filters"] = [{k: v for k, v in f.items() if k != "count"} for f in later["filters"]]
    return later


def _built(carried: Carried | None, src: str, entries: list[timelines.Entry]) -> timelines.Timeline:
    """The timeline of a page's `entries` (in timeline order); the last build's, when it
    showed the very same entries (`mkdocs serve`: its digest in the page's key is then
    taken too)."""
    return made_of(
        carried, "timeline page", src, entries, lambda: timelines.build(entries, ordered=True)
    )


def _export(data: SiteData, timeline: timelines.Timeline, title: str, locale: str | None) -> str:
    labels = {
        "event": data.gettext("Events"),
        "publication": data.gettext("Publications"),
        "planned": data.gettext("Planned"),
        "note": data.gettext("The latest %(kept)d of %(total)d entries."),
    }
    # Made of the timeline's very years: a year is built once and only read, and the years an
    # edit does not touch are carried as they are (timeline.rebuilt), so comparing them is
    # comparing their entries, without listing 140,000 of them for the archive's export.
    return made_of(
        data.carried,
        "timeline export",
        (title, locale, *labels.values()),
        timeline.years,
        lambda: timelinejs.dumps(
            timelinejs.export(timeline, title, locale, limit=EXPORT_LIMIT, labels=labels)
        ),
    )


# ----------------------------------------------------------------------------- feeds


def feed_pages(data: SiteData) -> Iterable[Generated]:
    """RSS and JSON feeds of the latest dispatches and of each entity's; none without a site_url."""
    if not data.site_option("site_url") or not data.archive.articles:
        return
    browse = _browse(data)
    site = data.site_name
    latest = browse.articles[: feeds.FEED_COUNT]
    info = feeds.FeedInfo(
        site, data.gettext("Latest dispatches of %(site)s", site=site), "", "feed", data.locale
    )
    yield from _feeds(data, info, latest)
    for entity_id in sorted(browse.by_entity):
        name = _entity_name(data, entity_id)
        info = feeds.FeedInfo(
            f"{name} - {site}",
            data.gettext("Latest dispatches naming %(name)s", name=name),
            f"entities/{entity_id}/",
            f"entities/{entity_id}/feed",
            data.locale,
        )
        yield from _feeds(data, info, browse.by_entity[entity_id][:ENTITY_FEED_COUNT])


def _feeds(data: SiteData, info: feeds.FeedInfo, articles: list) -> Iterable[Generated]:
    """The RSS and JSON feeds of `articles`: functions of what the feed says of itself, the
    site's address and the very articles, so `mkdocs serve` takes the last build's when
    these are the same (making 600 feeds was a second of each reload at 10,000)."""
    site_url = data.site_option("site_url")
    made: list[tuple[str, Callable[[], str | bytes]]] = [
        (f"{info.path}.xml", functools.partial(feeds.rss, info, articles, site_url)),
        (f"{info.path}.json", functools.partial(feeds.json_feed, info, articles, site_url)),
    ]
    for path, make in made:
        yield _item(path, made_of(data.carried, "feed", (path, info, site_url), articles, make))
