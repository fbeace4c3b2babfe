"""Rendered pages kept by content: a build renders again only the pages whose inputs changed.

MkDocs renders every page on every build (`mkdocs serve` included, unless `--dirty`), and
at ten thousand dispatches that is most of a build. The archive's pages are functions of
data the plugin holds: the page's Markdown, its metadata, the context its generator gives
it, and, for an article, the neighbours its template asks `browse` for. A hash of those,
of everything site-wide that shows on every page (the theme, the site's settings, the
navigation, the templates, the catalogs, the package's code), is the key of the page's HTML
as its template rendered it, before any other plugin's `on_post_page`.

How it fits MkDocs' build loop: on a hit, `on_page_markdown` gives MkDocs no Markdown to
convert and a one-line template (`wirearchive/cached.html`) that prints the kept HTML;
`on_post_page` (run first, before other plugins) keeps a missed page's HTML. Every page is
still written, so `site/` is the same bytes as a clean build's; what is saved is the
Markdown conversion and the template rendering, most of a page's time.

A page Material's search indexes (an entity's, from its glossary entry) is converted on every
build, since the search reads its converted content; only its template's rendering is kept.

What is never kept: pages whose template is not listed in `TEMPLATES` (the home page reads
the whole archive), pages whose context holds what cannot be hashed by content, and pages
whose rendering logged a warning (a strict build must fail again on the next build, which
it would not if the page came from the cache). A template that starts to read `browse` or
`archive` must say what it reads here (`_article_extras` does so for article pages); the
test that an edited archive's warm build equals its cold build holds this to account.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
import hashlib
import importlib.util
import json
import logging
import operator
import zlib
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import Distribution, entry_points
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..article import Loaded, to_json
from ..browse.indexes import Browse, Facet, Period
from ..cache import FileCache
from ..carry import MISSING, Carried, made_of
from ..entities import Entity, Glossary
from ..model import Article, Event
from ..timeline.timeline import Entry, Month, Timeline, Year
from .generators import Generated

CACHED_TEMPLATE = "wirearchive/cached.html"
# A kept page is stored gzip-compressed (`zcat` shows it): at 10,000 dispatches the cache held
# 425 MB of HTML (441 MB on disk), a second copy of the site beside site/; at level 1 it is
# 106 MB (135 MB on disk). Compressing them all is 2.6 s of CPU, shared by the build's
# processes, and reading them all back 1.5 s: cold and warm builds took as long as before
# (within the machine's noise), for a cache a third of the size.
PAGE_SUFFIX = ".html.gz"
FORMER_SUFFIXES = (".json",)  # pages kept uncompressed, by versions before: pruned
COMPRESS_LEVEL = 1


class Uncacheable(Exception):
    """The page's context holds something that cannot be hashed by its content."""


def _article_extras(browse: Browse, context: Mapping[str, Any]) -> object:
    """What an article page's template asks `browse` for: its neighbours, related dispatches
    and the facets it is filed under (more related ones than shown: a superset is safe)."""
    article = context["latest"] if context.get("version") else context["article"]
    facets = [
        *(browse.facet_of("source", s) for s in article.sources),
        browse.facet_of("rubric", article.rubric) if article.rubric else None,
        browse.facet_of("language", article.language),
    ]
    return [
        # What the page shows of them (LINKED_FIELDS), not their text: an edit to a
        # neighbour's body leaves this page as it is.
        _linked(browse.previous(article)),
        _linked(browse.next(article)),
        [_linked(other) for other in browse.related(article, 8)],
        # A facet's link (its URL and label), not its dispatches: an edit elsewhere in the
        # same agency's or language's dispatches leaves this page as it is.
        [(f.kind, f.name, f.slug) if f is not None else None for f in facets],
    ]


# What the archive's templates show of a dispatch one page links to from another: a timeline
# entry's dispatch (partials/timeline_entry.html), an article's neighbours and related ones
# (partials/neighbours.html). Such a page is keyed by these fields of the linked dispatch,
# not by its whole text: an edit to one dispatch's body renders again its own page and the
# lists that show its text, not every page that links to it. A template that comes to show
# another field adds it here; tests/site/test_page_keys.py reads the templates for it.
LINKED_FIELDS = ("url", "title", "language", "date", "sources")
_linked_values = operator.attrgetter(*LINKED_FIELDS)


@dataclasses.dataclass(frozen=True, slots=True)
class Linked:
    """A dispatch one page links to, in that page's key: what it shows of it (LINKED_FIELDS),
    made once per article (`PageCache._link_fields`)."""

    article: Article


def _linked(article: Article | None) -> Linked | None:
    return None if article is None else Linked(article)


def _flat(value: object) -> list:
    """The values `value` (what a template reads of `browse`) is made of, as `made_of` compares
    them: a linked dispatch by its article, lists and tuples by their items."""
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in _flat(item)]
    return [value.article if isinstance(value, Linked) else value]


def _nothing(browse: Browse, context: Mapping[str, Any]) -> object:
    return None


# The archive's templates whose pages may be kept, and what each reads besides its context.
TEMPLATES: dict[str, Callable[[Browse, Mapping[str, Any]], object]] = {
    "wirearchive/article.html": _article_extras,
    "wirearchive/entity.html": _nothing,
    "wirearchive/entities.html": _nothing,
    "wirearchive/listing.html": _nothing,
    "wirearchive/archive.html": _nothing,
    "wirearchive/facets.html": _nothing,
    "wirearchive/timeline.html": _nothing,
    "wirearchive/quotes.html": _nothing,
}


class WarningCounter(logging.Handler):
    """Counts the warnings MkDocs and its plugins log, to tell which pages logged one."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageCache:
    """The rendered pages of one build: looked up by key, kept, and the rest forgotten."""

    def __init__(
        self,
        files: FileCache | None,
        site_key: str,
        browse: Browse,
        carried: Carried | None = None,
    ) -> None:
        self.files = files
        self.site_key = site_key
        self.browse = browse
        self.keys: dict[str, str] = {}  # src_uri -> key, for pages that may be kept
        self.hits: dict[str, str] = {}  # src_uri -> key of its kept HTML (read when rendered)
        self.used: set[str] = set()
        self.adopted: set[str] = set()  # hits another process of this build kept
        # id of an object -> (the object, its plain form), for this build: the object is held
        # so that its id is not given to another one while the memo lasts
        self._digests: dict[int, tuple[object, object]] = {}
        # `mkdocs serve`: the digests of the last build's values this build is given again
        # (an unchanged article, a page's timeline), and of pages' Markdown and metadata made
        # of the same values (wirearchive.carry)
        self.carried = carried
        self._links: dict[int, tuple[Article, list]] = {}  # id -> (article, LINKED_FIELDS)
        # id -> (article, the digest of what timelines show of it)
        self._faces: dict[int, tuple[Article, str]] = {}
        # source_file -> the article as read and its parse cache entry's digest (archive.py)
        self.origins: Mapping[str, tuple[Article, str]] = getattr(browse.archive, "origins", {})

    def key_of(self, src_uri: str, item: Generated, hold: bool = False) -> str | None:
        """The key of a page's HTML, noted, or None when the page may not be kept; `hold`:
        an article's Markdown made for the key is kept on `item` (its page is being read)."""
        known = self.keys.get(src_uri)
        if known is not None:
            return known
        if self.files is None or item.template not in TEMPLATES:
            return None
        try:
            extras = TEMPLATES[item.template](self.browse, item.context)
            if self.carried is not None and item.made_from:
                # `mkdocs serve`: a page made from the very same values as in the last build
                # (an unchanged article's), with the same neighbours, has the same key.
                key = made_of(
                    self.carried,
                    "page key",
                    src_uri,
                    [self.site_key, item.template, item.title, *item.made_from, *_flat(extras)],
                    lambda: self._key(src_uri, item, hold, extras),
                )
            else:
                key = self._key(src_uri, item, hold, extras)
        except Uncacheable:
            return None
        self.keys[src_uri] = key
        self.used.add(key)
        return key

    def _key(self, src_uri: str, item: Generated, hold: bool, extras: object) -> str:
        assert self.files is not None
        plain = [
            src_uri,
            item.template,
            self._markdown(src_uri, item, hold),
            self._metadata(src_uri, item),
            self._plain(item.context),
            self._plain(extras),
            item.title,
        ]
        return self.files.key(self.site_key, _json(plain))

    def _markdown(self, src_uri: str, item: Generated, hold: bool) -> object:
        """The digest of a page's Markdown, or of its recipe. Markdown made here (by a `make`
        that is no recipe) is kept with `hold`, let go otherwise (a dirty build keys every page
        before MkDocs reads any: it would hold them all)."""
        make = item.make
        recipe = self._recipe(make)
        if recipe is not None:
            return recipe
        if make is None:
            return _text(item.content)
        text = make()
        if hold:
            item.content, item.make = text, None
        return _text(text)

    def _metadata(self, src_uri: str, item: Generated) -> object:
        """The digest of a page's metadata ({} for none), or of its recipe."""
        recipe = self._recipe(item.make_meta)
        if recipe is not None:
            return recipe
        meta = item.metadata()
        return self._digest(meta, carry=False) if meta else {}

    def _recipe(self, make: Callable | None) -> object | None:
        """What `make` would make, told by what it is made of, or None when it cannot be.

        An article's Markdown and front matter are made by a `functools.partial` of a function
        of its positional arguments alone (an article, the glossary, the page's path); a
        keyword argument only says where the value may be taken from when it was made before
        (`carried`: wirearchive.carry), never what it is. The function's name and its
        arguments' plain forms then stand for the value in the key, and the value is not made
        for it: a dirty build keys every page, and makes the Markdown and front matter only of
        the pages it renders again; a kept page's Markdown is never made. The package's code is
        in the site key, so a change to the function gives every page a new key.
        """
        if not isinstance(make, functools.partial) or set(make.keywords) - RECIPE_KEYWORDS:
            return None
        func = make.func
        return ["made of", f"{func.__module__}.{func.__qualname__}", self._sequence(make.args)]

    def look_up(self, src_uri: str, item: Generated) -> str | None:
        """The key of a page's kept HTML, or None (then, if it may be kept, its key is
        noted). The page is being read: Markdown made for its key stays on `item`."""
        key = self.key_of(src_uri, item, hold=True)
        if key is None or self.files is None or not self.files.has(key):
            return None
        self.hits[src_uri] = key
        return key

    def html(self, src_uri: str) -> str:
        """The kept HTML of a page `look_up` found; read now, so that a build does not hold
        every page in memory."""
        assert self.files is not None
        key = self.hits[src_uri]
        kept = self.files.get(key)
        if kept is None:
            raise OSError(
                f"{self.files.folder}: the kept page of {src_uri} went away during the build; "
                "build again"
            )
        try:
            return gzip.decompress(kept).decode("utf-8")
        except (OSError, EOFError, zlib.error, ValueError) as exc:  # BadGzipFile, cut, Unicode
            raise OSError(
                f"{self.files.folder}/{key}{self.files.suffix}: the kept page of {src_uri} "
                f"cannot be read ({exc}); delete that file, or the folder, and build again"
            ) from exc

    def adopt(self, src_uris: Iterable[str]) -> int:
        """Pages kept by other processes of this build (`site/workers.py`), under the keys
        this one gave them: hits now. Returns how many."""
        before = len(self.adopted)
        for src_uri in src_uris:
            key = self.keys.get(src_uri)
            if self.files is not None and key is not None and self.files.has(key):
                self.hits[src_uri] = key
                self.adopted.add(src_uri)
        return len(self.adopted) - before

    def keep(self, src_uri: str, html: str) -> None:
        key = self.keys.get(src_uri)
        if self.files is not None and key is not None and src_uri not in self.hits:
            self.files.put(key, compressed(html))

    def forget(self, src_uri: str) -> None:
        """Do not keep this page (its rendering logged a warning)."""
        key = self.keys.pop(src_uri, None)
        self.used.discard(key or "")

    def prune(self) -> None:
        if self.files is not None:
            self.files.prune(self.used)

    # -- the content of a context, as plain data

    def _plain(self, value: Any) -> Any:
        kind = type(value)
        if kind in SCALARS:  # most of what a context holds: returned before any other test
            return value
        form, shared, sized = _FORMS.get(kind) or _form_of(kind)
        if not shared and not (sized and len(value) >= LARGE):
            return form(self, value)
        # A large value stands for its content's digest: an object many pages share (a year's
        # timeline, an article) is serialised once, not once in each page's key.
        return self._digest(value, carry=shared)

    def _digest(self, value: Any, carry: bool) -> str:
        """The digest of `value`'s plain form, made once a build; with `carry`, also taken
        from the last build of this process for the very same object (one never changed once
        made: an article, a timeline, a year or a month of one)."""
        known = self._digests.get(id(value))
        if known is None and carry and self.carried is not None:
            found = self.carried.recall("digest", id(value), lambda kept: kept[0] is value)
            if found is not MISSING:
                known = self._digests[id(value)] = found
        if known is not None:
            return known[1]  # type: ignore[return-value]
        form = (_FORMS.get(type(value)) or _form_of(type(value)))[0]
        digest = hashlib.sha256(_json(form(self, value))).hexdigest()
        self._digests[id(value)] = (value, digest)
        if carry and self.carried is not None:
            self.carried.keep("digest", id(value), (value, digest))
        return digest

    def _article(self, value: Article) -> Any:
        revisions = [self._plain(r.article) for r in value.revisions]
        origin = self.origins.get(value.source_file)
        if origin is not None:
            # The digest of the parse cache's entry of the article as read stands for every
            # field but its revisions; a field the archive set since (a slug, the date of a
            # story's first version) is not that article's very value, and is given as well.
            read, digest = origin
            changed = {
                name: self._plain(now)
                for name, now, then in zip(
                    ARTICLE_FIELDS, _article_values(value), _article_values(read)
                )
                if now is not then and name != "revisions"
            }
            return ["article", digest, revisions, changed]
        body = to_json(Loaded(value, [])).decode("utf-8")
        return ["article", hashlib.sha256(body.encode()).hexdigest(), revisions]

    def _of_article(
        self, memo: dict, kind: str, article: Article, make: Callable[[], tuple]
    ) -> tuple:
        """`make()`, a tuple whose first item is `article`, made once a build for `article`
        (`memo`, by its id), or taken from the last build for the very same article (`mkdocs
        serve`: `kind` in `carried`)."""
        known = memo.get(id(article))
        if known is None:
            known = MISSING
            if self.carried is not None:
                known = self.carried.recall(kind, id(article), lambda kept: kept[0] is article)
            if known is MISSING:
                known = make()
                if self.carried is not None:
                    self.carried.keep(kind, id(article), known)
            memo[id(article)] = known
        return known

    def _link_fields(self, article: Article) -> list:
        """LINKED_FIELDS of `article` as plain data, made once a build (an article is in 30
        entries of a build's timelines, on average, and 10 article pages link to it)."""
        return self._of_article(
            self._links,
            "link",
            article,
            lambda: (article, [*map(self._plain, _linked_values(article))]),
        )[1]

    def _linked(self, value: Linked) -> Any:
        return ["linked", *self._link_fields(value.article)]

    def _face(self, article: Article) -> str:
        """What a timeline shows of `article`, in any of its entries: the digest of its
        LINKED_FIELDS and of every field of each of its events. Made once a build (an article
        has 14 entries, each on two or three timeline pages)."""

        def make() -> tuple[Article, str]:
            plain = self._plain
            shown = [
                *self._link_fields(article),
                [[plain(v) for v in _event_values(e)] for e in article.events],
            ]
            return article, hashlib.sha256(_json(shown)).hexdigest()

        return self._of_article(self._faces, "face", article, make)[1]

    def _entry(self, value: Entry) -> Any:
        return ["entry", self._line(value)]

    def _line(self, value: Entry) -> str:
        """A timeline line as one line of text. One as entries_of makes it, from its article
        alone (an event's, or the article's publication, with their very text), is the digest
        of what timelines show of the article (`_face`) and which of its events it is: `<face>
        <at>`, or `<face> -1 <date>` for its publication (a face is 64 hexadecimal digits, a
        date holds no space). Any other is the JSON of what it shows (JSON writes no line
        break). Timeline pages hold a hundred lines each, 330,000 at 10,000 dispatches:
        listing their text was most of keying."""
        article, event = value.article, value.event
        if event is None:
            if value.kind == "publication" and value.text is article.title:
                return f"{self._face(article)} -1 {value.date}"
        elif value.kind == "event" and value.text is event.text and value.date is event.date:
            # its place among the article's events, by identity (13 on average): a memo of
            # their ids held 5 MB at 10,000 dispatches to save 0.05 s
            for at, own in enumerate(article.events):
                if own is event:
                    return f"{self._face(article)} {at}"
        # Any other line: what it shows of its article (LINKED_FIELDS) and its event's fields.
        plain = self._plain
        row = [*_entry_values(value), *self._link_fields(value.article)]
        if value.event is not None:
            row += [v if type(v) in SCALARS else plain(v) for v in _event_values(value.event)]
        return _json(row).decode("utf-8")

    # A timeline as its pages show it. Its lines are most of what a dirty build keys (330,000
    # on the 3,264 timeline pages of 10,000 dispatches): they are the lines of one string
    # (`_line`), not lists among lists, and a year or a month is a list, not a data class's
    # mapping of its field names. Keying the 3,264 timeline pages took 1.09 s of a dirty build
    # at 10,000 dispatches, and 0.90 s so (one run each).

    def _timeline(self, value: Timeline) -> Any:
        return ["timeline", [*map(self._plain, value.years)]]

    def _year(self, value: Year) -> Any:
        return ["year", value.year, self._lines(value.entries), [*map(self._plain, value.months)]]

    def _month(self, value: Month) -> Any:
        return ["month", value.key, self._lines(value.entries)]

    def _lines(self, entries: list[Entry]) -> str:
        return "\n".join(map(self._line, entries))

    # A group of dispatches (an agency's, a language's, a month's) as the archive's pages show
    # it: its link and its number of dispatches, not the dispatches. Every page of an
    # agency's listing holds its facet: one edit rendered all of them again.

    def _facet(self, value: Facet) -> Any:
        return ["facet", value.kind, value.name, value.slug, len(value.articles)]

    def _period(self, value: Period) -> Any:
        return ["period", value.key, len(value.articles)]

    def _entity(self, value: Entity) -> Any:
        return ["entity", *(self._plain(getattr(value, name)) for name in ENTITY_FIELDS)]

    def _glossary(self, value: Glossary) -> Any:
        return ["glossary", value.fingerprint, value.folder, value.index_src]

    # A scalar item is taken as it is here, without a call of `_plain` (which would return it).

    def _mapping(self, value: Mapping) -> Any:
        plain = self._plain
        return {str(k): v if type(v) in SCALARS else plain(v) for k, v in value.items()}

    def _sequence(self, value: list | tuple) -> Any:
        plain = self._plain
        return [v if type(v) in SCALARS else plain(v) for v in value]

    def _set(self, value: set | frozenset) -> Any:
        return sorted(_json(self._plain(v)).decode("utf-8") for v in value)


SCALARS = frozenset({str, int, float, bool, type(None)})  # exactly these types, as they are
RECIPE_KEYWORDS = frozenset({"carried"})  # of a recipe (`PageCache._recipe`): not what it makes
ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_article_values = operator.attrgetter(*ARTICLE_FIELDS)
ENTITY_FIELDS = tuple(f.name for f in dataclasses.fields(Entity) if f.name != "aliases")
_entry_values = operator.attrgetter(
    *(f.name for f in dataclasses.fields(Entry) if f.name not in ("article", "event"))
)
_event_values = operator.attrgetter(*(f.name for f in dataclasses.fields(Event)))

# How `_plain` turns a value of each type into plain data, and whether to remember it by
# digest (always; when large): found once per type, as the chain of `_form_of` decides.
Form = Callable[["PageCache", Any], Any]
_FORMS: dict[type, tuple[Form, bool, bool]] = {}


# The archive's own types, each by a form that knows what its pages show of it.
_OWN_FORMS: dict[type, Form] = {
    Article: PageCache._article,
    Entity: PageCache._entity,
    Entry: PageCache._entry,
    Linked: PageCache._linked,
    Facet: PageCache._facet,
    Period: PageCache._period,
    Timeline: PageCache._timeline,
    Year: PageCache._year,
    Month: PageCache._month,
}


def _form_of(kind: type) -> tuple[Form, bool, bool]:
    form: Form
    if issubclass(kind, (bool, int, float)):
        form = _as_is
    elif issubclass(kind, str):  # Markup included: the same text, escaped as it is
        form = _markup if issubclass(kind, Markup) else _as_is
    elif issubclass(kind, (dt.datetime, dt.date)):
        form = _isoformat
    elif kind in _OWN_FORMS:
        form = _OWN_FORMS[kind]
    elif issubclass(kind, tuple(_OWN_FORMS)):
        form = _uncacheable  # a subclass: fields the forms above do not know of
    elif issubclass(kind, Glossary):
        form = PageCache._glossary
    elif issubclass(kind, Mapping):
        form = PageCache._mapping
    elif issubclass(kind, (list, tuple)):
        form = PageCache._sequence
    elif issubclass(kind, (set, frozenset)):
        form = PageCache._set
    elif dataclasses.is_dataclass(kind) and not issubclass(kind, type):
        form = _dataclass_form(kind)
    else:
        form = _uncacheable
    scalar = form in (_as_is, _markup, _isoformat)
    shared = not scalar and issubclass(kind, SHARED_TYPES)
    sized = not scalar and issubclass(kind, (list, tuple, Mapping, set, frozenset))
    _FORMS[kind] = (form, shared, sized)
    return _FORMS[kind]


def _as_is(cache: PageCache, value: Any) -> Any:
    return value


def _markup(cache: PageCache, value: Any) -> Any:
    return ["markup", str(value)]


def _isoformat(cache: PageCache, value: Any) -> Any:
    return value.isoformat()


def _uncacheable(cache: PageCache, value: Any) -> Any:
    raise Uncacheable(type(value).__name__)


def _dataclass_form(kind: type) -> Form:
    """A data class's name and fields (their names found once, not for every value)."""
    label = kind.__name__
    names = tuple(f.name for f in dataclasses.fields(kind))
    # attrgetter of several names gives a tuple, of one its value alone
    read = (
        operator.attrgetter(*names) if len(names) > 1 else lambda v: [getattr(v, n) for n in names]
    )

    def form(cache: PageCache, value: Any) -> Any:
        plain = cache._plain
        return [
            label,
            {n: v if type(v) in SCALARS else plain(v) for n, v in zip(names, read(value))},
        ]

    return form


# What `_plain` remembers by digest: the values many pages share and that are costly to
# serialise. A small value (an event, an entry, a pair) is serialised where it stands: a memo
# entry for each of them held ~270 bytes for the whole build (1.15 million entries, about 300
# MB, at 10,000 dispatches) to save less than it cost.
SHARED_TYPES: tuple[type, ...] = (Article, Entity, Glossary, Year, Month, Timeline)
LARGE = 16  # items of a list, tuple or mapping worth a digest


def compressed(html: str) -> bytes:
    """A page as the cache keeps it: gzip, with no time in its header (the same page, the same
    bytes)."""
    return gzip.compress(html.encode("utf-8"), compresslevel=COMPRESS_LEVEL, mtime=0)


def _json(plain: object) -> bytes:
    """Plain data (what `_plain` makes) as JSON, keys sorted: what a key or a digest hashes.
    Keys need only be the same for the same data, from one build to the next; they are not
    read back. (orjson wrote them 0.4 s faster in a dirty build at 10,000 dispatches, but its
    over-allocated output left the build's peak 14 to 17 MB higher: kept with the standard
    library.)"""
    return json.dumps(plain, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _text(content: str | bytes) -> str:
    """The digest of a page's Markdown (or a file's bytes), the same whether it was made for
    the key or read by MkDocs first."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def site_key(config: Any, folders: Iterable[Path], extra: object) -> str:
    """What shows on every page: the site's settings and navigation, the templates and
    catalogs (every file of `folders`), the hand-written pages (their titles make the
    navigation), and `extra`."""
    digest = hashlib.sha256()
    settings = {
        key: config.get(key)
        for key in (
            "site_name",
            "site_url",
            "site_description",
            "site_author",
            "copyright",
            "repo_url",
            "repo_name",
            "edit_uri",
            "extra",
            "extra_css",
            "extra_javascript",
            "extra_templates",
            "markdown_extensions",
            "mdx_configs",
            "use_directory_urls",
            "nav",
            "docs_dir",
        )
    }
    settings["theme"] = dict(config.theme.items()) if config.theme is not None else None
    settings["plugins"] = {name: _settings_of(plugin) for name, plugin in config.plugins.items()}
    settings["extra_value"] = extra
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    themes = installed_themes()
    for folder, pattern in [*((f, "*") for f in folders), (Path(config.docs_dir), "*.md")]:
        if not folder.is_dir():
            continue
        record = installed_record(folder, themes.get(folder.resolve()))
        if record is not None:
            digest.update(b"installed\0" + record)
            continue
        for path in sorted(folder.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _settings_of(plugin: object) -> object:
    """What stands for a plugin in the site key: its settings; for a hook (MkDocs' `hooks:`, a
    module of the site's own, with no settings), its file's code, which may change any page
    (a module the hook imports is not read: edit the hook's file too, or build clean)."""
    config = getattr(plugin, "config", None)
    if config is not None:
        return dict(config)
    path = getattr(plugin, "__file__", None)
    if path is not None:
        return ["hook", _text(Path(path).read_bytes())]
    return ["plugin", f"{type(plugin).__module__}.{type(plugin).__qualname__}"]


def installed_themes() -> dict[Path, Distribution]:
    """The folder of each installed theme (MkDocs finds them by the `mkdocs.themes` entry
    point, as here) and the distribution that installed it."""
    found: dict[Path, Distribution] = {}
    for entry in entry_points(group="mkdocs.themes"):
        try:
            spec = importlib.util.find_spec(entry.value)
        except (ImportError, ValueError):
            continue
        if entry.dist is not None and spec is not None and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                found[Path(location).resolve()] = entry.dist
    return found


def installed_record(folder: Path, dist: Distribution | None) -> bytes | None:
    """What stands for the files of an installed theme's folder: its distribution's name,
    version and RECORD, which lists the SHA-256 of every file it installed (Material's
    templates are 14,500 files, 12 MB: hashing them was a second of every build). None
    when `dist` did not install the folder's files (an editable install, a theme developed
    in place): then they are hashed one by one. A file edited by hand inside site-packages
    goes unseen: reinstall the theme after such an edit."""
    if dist is None:
        return None
    record = dist.read_text("RECORD")
    try:
        relative = folder.resolve().relative_to(Path(str(dist.locate_file(""))).resolve())
    except ValueError:
        return None
    if record is None or f"\n{relative.as_posix()}/" not in f"\n{record}":
        return None
    return f"{dist.name}\0{dist.version}\0{record}".encode()
