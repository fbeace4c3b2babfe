"""The MkDocs plugin: reads the archive once, adds its pages, renders them by template.

Each event hands off to the pure core (`wirearchive.project`, `archive`, ...) or to the page
generators (`site.generators`): read the whole archive in `on_files`, then write.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import cast

from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import write_file

from .. import publish, shards
from ..archive import Archive
from ..article import Loaded
from ..browse import browse_of
from ..cache import file_stamp
from ..carry import MISSING, Carried
from ..ending import freeze_at_exit
from ..progress import Progress
from ..project import Project
from ..shards import sorted_sitemap, write_sitemap
from ..text.markdown import neutralise_html
from ..text.sanitize import sanitize_html
from . import navigation
from .compact import compact
from .config import ArchiveConfig
from .dirty import ArchiveFile, BuildRecord, HeldRecord, remove_stale
from .files import WrittenFile
from .generators import Generated, SiteData, generate
from .generators.glossary import ARCHIVE_CSS, CSS, JS
from .i18n import LOCALE_DIR, site_language
from .i18n import install as install_translations
from .idle import BuildCollector, IdleCollector
from .pagecache import (
    CACHED_TEMPLATE,
    FORMER_SUFFIXES,
    PAGE_SUFFIX,
    PageCache,
    WarningCounter,
    site_key,
)
from .render import HeldTemplates, install_filters
from .sitemap import SortedSitemap, is_mkdocs_sitemap
from .watch import NativeWatch
from .workers import Workers, start_workers

# Declares ProperDocs support (ProperDocs 1.6.5, #21): with ProperDocs installed, a build run by
# `mkdocs` prints ProperDocs' notice once (DISABLE_MKDOCS_2_WARNING=true silences it); a build
# run by `properdocs` prints nothing. Without ProperDocs installed there is nothing to declare.
try:
    from properdocs import replacement_warning
except ImportError:
    pass
else:
    replacement_warning.setup()

log = get_plugin_logger(__name__)
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV
TEMPLATES = Path(__file__).parent / "templates"


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Turns every dispatch under `articles_dir` into a page of the site."""

    supports_multiple_instances = False
    dirty = False  # `mkdocs build --dirty`, `mkdocs serve --dirty` (site/dirty.py)
    collector: BuildCollector | None = None  # `mkdocs build`'s garbage collection (on_startup)

    def __init__(self) -> None:
        super().__init__()
        # `mkdocs serve`: the archive's folders watched by the system, not polled (site/watch.py)
        self.watcher = NativeWatch()
        self._start_run(serve=False)

    def on_startup(self, *, command, dirty):
        # Having this event keeps one instance of the plugin through `mkdocs serve`'s builds;
        # `on_config` starts each build afresh. MkDocs keeps that instance for the whole
        # process, so a later run in it (a test's, a script's) starts from nothing here too.
        self.dirty = dirty
        self._start_run(serve=command == "serve")
        # `mkdocs build`, `gh-deploy`: no full garbage collection in the build (site/idle.py);
        # not for a build run without this event (a script's, a test's): MkDocs' command
        # line runs `on_shutdown`, which gives the collector its thresholds back
        if self.collector is not None:
            self.collector.close()
        self.collector = BuildCollector() if command != "serve" else None
        freeze_at_exit()  # the process ends without collecting a heap the system frees

    def _start_run(self, *, serve: bool) -> None:
        """What one run (`mkdocs build`, or every build of one `mkdocs serve`) hands from one
        build to the next: nothing yet."""
        # The files the last build read, for the next (`mkdocs serve`): archive.read_archive.
        self.kept: dict[str, tuple[Loaded, str]] = {}
        self.stamps: dict[str, tuple[str, tuple, str]] = {}  # what the file system said of them
        # What the last build made of unchanged dispatches, for the next (wirearchive.carry);
        # only through `mkdocs serve`'s builds: a single build lets its pages' timelines and
        # metadata go as it renders them.
        self.carried: Carried | None = Carried() if serve else None
        # `mkdocs serve`: full garbage collections while the server waits (site/idle.py)
        self.idle: IdleCollector | None = IdleCollector() if serve else None
        # `mkdocs serve`: what its last build wrote into site_dir (site/dirty.py)
        self.held: HeldRecord | None = None
        # `mkdocs serve`: the templates its builds compiled (site/render.py)
        self.templates = HeldTemplates()

    def on_shutdown(self):
        if self.idle is not None:
            self.idle.close()
        if self.collector is not None:
            self.collector.close()
            self.collector = None
        self.watcher.close()

    def on_config(self, config):
        if self.idle is not None:
            self.idle.before_build()
        if self.collector is not None:
            self.collector.before_build()
        self.archive = Archive()
        self.pages: dict[str, Generated] = {}
        self.page_cache: PageCache | None = None
        self.record: BuildRecord | HeldRecord | None = None
        self.recorded: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self.plain_files: dict[str, str] = {}  # dest_uri -> what the record keeps of it
        self.sitemap_sorted = False  # sitemap.xml written in its order (site/sitemap.py)
        self.written: dict[str, str] = {}  # dest_uri -> src_uri of the pages built (on_env)
        self.workers: Workers | None = None  # rendering pages beside MkDocs' loop
        self.deferred: dict[str, str] = {}  # src_uri -> template of a page the workers render
        # src_uri -> its Markdown, of a page converted only when it is rendered (_convert)
        self.unconverted: dict[str, Callable[[], str]] = {}
        self.files: Files | None = None  # the build's, for a late conversion (on_nav)
        self.later_markdown: list[Callable] = []  # the Markdown events after this plugin's
        self.all_dest_uris: set[str] = set()
        earlier: WarningCounter | None = getattr(self, "warnings", None)
        if earlier is not None:  # a build before this one (serve)
            logging.getLogger("mkdocs").removeHandler(earlier)
        self.warnings = WarningCounter()
        self.warnings_before: dict[str, int] = {}
        logging.getLogger("mkdocs").addHandler(self.warnings)
        if not self.config.enabled:
            return config
        self.owner_nav = config.nav  # the site owner's, kept as written (navigation.py)
        root = Path(config.config_file_path).resolve().parent
        self.project = Project.from_options(root, config.docs_dir, self.config)
        # Before the theme's own folders, for our 404.html (translated, right under any path),
        # and after a site's custom_dir, so a site can override ours.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        config.extra_css += [ARCHIVE_CSS, CSS]
        config.extra_javascript.append(JS)
        return config

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        # What the last build wrote into site_dir, taken before this one writes there
        # (site/dirty.py); a shard writes only part of it, and keeps no record.
        folder = self.project.cache_folder("builds") if self.project.shard is None else None
        if folder is not None and self.carried is not None:  # `mkdocs serve`: held, not written
            if self.held is None or self.held.site_dir != os.path.abspath(config.site_dir):
                self.held = HeldRecord(config.site_dir)
            self.record = self.held
        elif folder is not None:
            self.record = BuildRecord(folder, config.site_dir)
        if self.record is not None:
            recorded = self.record.take()
            # A build that is not dirty starts from an empty site/ (MkDocs empties it before
            # `on_files`): the record tells it nothing, and is not held through it (21,000
            # plain files and 15,000 pages at 10,000 dispatches: several MB).
            self.recorded = recorded if self.dirty else ({}, {})
        if self.carried is not None:
            self.carried.next_build()
        glossary = self.project.glossary(self.carried)
        started = time.monotonic()
        self.archive = self.project.read_archive(
            glossary,
            progress=lambda total: Progress(total, "reading dispatches", log.info),
            kept=self.kept,
            stamps=self.stamps,
            hold_model=self.carried is not None,  # `mkdocs serve`
        )
        seconds = time.monotonic() - started
        read = self.archive
        log.info(
            f"{read.read:,} dispatches read in {seconds:.1f} s "
            f"({read.read - read.parsed - read.remembered:,} from the parse cache"
            + (f", {read.remembered:,} kept from the last build)" if read.remembered else ")")
        )
        for problem in self.archive.problems:
            (log.info if problem.severity == "info" else log.warning)(str(problem))
        browse = browse_of(self.archive, self.carried)  # the archive's indexes, for every page
        shard = self.project.shard
        store = self.project.file_cache("related" if shard is None else f"related-{shard.spec}", "")
        taken = browse.recall_related(store) if store is not None else 0
        if taken:
            log.info(f"related dispatches of {taken:,} articles taken from an earlier build")
        data = SiteData(
            self.archive,
            self.project,
            self.config,
            {f.src_uri for f in files},
            config,
            carried=self.carried,
        )
        self.pages = {}
        # Plain files (dispatches as delivered, feeds, search parts) are written as they are
        # made, so the build never holds all of them; pages wait for the navigation.
        made: set[str] = set()
        generated_pages: list[Generated] = []
        # By src_uri as given (POSIX already): `get_file_from_path` makes a PurePath of each,
        # half a second for the 36,000 files of a 10,000-dispatch archive.
        by_uri = files.src_uris
        for item in generate(data):
            made.add(item.src_uri)
            existing = by_uri.get(item.src_uri)
            if item.template is not None:
                generated_pages.append(item)
            elif existing is None:
                file, self.plain_files[item.src_uri] = _written(
                    config, item, self.recorded[1], self.carried
                )
                files.append(file)
            else:  # a plain file in place of the theme's: Material's search worker
                files.remove(existing)
                content = item.content if item.make is None else item.make()
                files.append(File.generated(config, item.src_uri, content=content))
        sections = navigation.sections(
            data.gettext,
            glossary.index_src if glossary is not None else None,
            data.existing | made,
        )
        # The sections' index pages are in the navigation; the archive's other pages (articles,
        # entities, ...) are reached through them: thousands in the sidebar would make every
        # page heavy.
        in_nav = {src for _, src in sections}
        by_uri = files.src_uris
        for item in generated_pages:
            inclusion = (
                InclusionLevel.INCLUDED if item.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
            )
            self.pages[item.src_uri] = item
            existing = by_uri.get(item.src_uri)
            if existing is None:
                files.append(
                    ArchiveFile.generated(
                        config, item.src_uri, content=item.content, inclusion=inclusion
                    )
                )
            else:  # an existing page (an entity's) only gets template and context
                existing.inclusion = inclusion
        pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        config.nav = navigation.site_nav(self.owner_nav, sections, pages)
        for problem in data.problems:
            log.warning(str(problem))
        if self.dirty:
            # A hand-written page may show the archive (the home page's template reads it, an
            # entity's page lists its dispatches) however old its file: a dirty build builds
            # every one, as MkDocs would a changed file (same order: same search index).
            files = Files(
                [
                    _always_built(f) if f.is_documentation_page() and not f.generated_by else f
                    for f in files
                ]
            )
        return files

    def _own(self, file: File) -> bool:
        """Whether this build renders `file`: all of them, or a shard's (wirearchive.shards)."""
        shard = self.project.shard if self.config.enabled else None
        return shard is None or shard.owns(file.dest_uri)

    @event_priority(-100)  # last: pages rendered ahead (below) see every plugin's environment
    def on_env(self, env, config, files):
        if not self.config.enabled:
            return env
        # A shard's build read every page (one navigation, every link checked); MkDocs builds
        # the pages still included after this event, so another shard's are excluded here.
        for file in files.documentation_pages():
            if not self._own(file):
                file.inclusion = InclusionLevel.EXCLUDED
        built = files.documentation_pages()  # what is still included
        self.written = {f.dest_uri: f.src_uri for f in built}
        if self.dirty:
            self.all_dest_uris = {f.dest_uri for f in files}
            for file in built:
                if getattr(file, "unchanged", False) and file.page is not None:
                    # not built: listed in the sitemap with the date a build gives it
                    self.on_pre_page(file.page, config, files)
        install_filters(env)
        # The archive's words in the site's language (theme.language), through gettext.
        install_translations(env, site_language(config.theme), config.theme.dirs)
        if self.carried is not None:  # `mkdocs serve`: templates compiled by the last build
            self.templates.use(env)
        self._render_ahead(env, config, built)
        return env

    def _render_ahead(self, env, config, doc_files: list[File]) -> None:
        """The pages to render that may be kept, rendered by worker processes now
        (`site/workers.py`); MkDocs' loop then takes them as kept pages."""
        cache = self.page_cache
        if cache is None or cache.files is None or config.draft_docs:
            return  # drafts: `mkdocs serve` gives templates other pages than a build does
        pending = [
            f.page
            for f in doc_files
            if f.page is not None
            and f.src_uri in cache.keys
            and f.src_uri not in cache.hits
            and not getattr(f, "unchanged", False)
            and not _indexed(f.page)  # Material's search indexes it in this process
            and self._own(f)
        ]
        self.workers = start_workers(
            pending,
            lambda page: self._render_kept(page, config, env, doc_files),
            self.config.workers or os.cpu_count() or 1,
        )
        if self.workers is None:
            return
        # MkDocs picks a page's template before any plugin's `on_page_context`: the workers'
        # pages get ours now (after the fork), which prints the kept page or, for a page no
        # worker kept, includes the page's own template with the same context.
        for page in self.workers.pages:
            self.deferred[page.file.src_uri] = page.meta.get("template", "main.html")
            page.meta["template"] = CACHED_TEMPLATE

    def _join_workers(self) -> None:
        """Waits for the page workers, and takes the pages they kept."""
        running, self.workers = self.workers, None
        if running is None:
            return
        count = len(running.pids)
        seconds = running.wait()
        if self.page_cache is not None:
            kept = self.page_cache.adopt(page.file.src_uri for page in running.pages)
            log.info(
                f"pages: {kept:,} of {len(running.pages):,} rendered by {count} worker "
                f"processes beside the build's own ({seconds:.1f} s)"
            )

    def on_build_error(self, error):
        self._join_workers()
        if self.carried is not None:
            self.carried.end_build()
        if self.idle is not None:
            self.idle.after_build()

    def _render_kept(self, page, config, env, doc_files) -> None:
        """What MkDocs' loop does with a page (`mkdocs.commands.build._build_page`) up to
        `on_post_page`, where this plugin keeps it; nothing is written to site/."""
        src_uri = page.file.src_uri
        config._current_page = page
        page.active = True
        try:
            self.warnings_before[src_uri] = self.warnings.count
            context = get_context(self.nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(
                context, page=page, config=config, nav=self.nav
            )
            self._keep_page(template.render(context), page, config)
        finally:
            page.active = False
            config._current_page = None

    def on_nav(self, nav, config, files):
        self.nav = nav
        self.files = files
        events = config.plugins.events["page_markdown"]
        ours = [n for n, event in enumerate(events) if getattr(event, "__self__", None) is self]
        self.later_markdown = events[ours[0] + 1 :] if ours else []
        if self.config.enabled:  # after on_files, before any page is read (MkDocs 1.6's order)
            folders = [Path(d) for d in config.theme.dirs] + [LOCALE_DIR]
            key = site_key(config, folders, bool(self.archive.articles))
            # A shard keeps its own pages, and forgets only those (a folder each).
            shard = self.project.shard
            folder = "pages" if shard is None else f"pages-{shard.spec}"
            kept = self.project.file_cache(folder, "", PAGE_SUFFIX, FORMER_SUFFIXES)
            self.page_cache = PageCache(kept, key, browse_of(self.archive), self.carried)
            if self.dirty:
                self._mark_unchanged(files)
        return nav

    def _mark_unchanged(self, files: Files) -> None:
        """The pages site/ already holds for this build's inputs, which a dirty build then
        neither reads nor writes (site/dirty.py)."""
        recorded, _ = self.recorded
        cache = self.page_cache
        if not recorded or cache is None:
            return
        unchanged = 0
        for src_uri, item in self.pages.items():
            file = files.src_uris.get(src_uri)
            if (
                isinstance(file, ArchiveFile)
                and file.generated_by
                and not file.inclusion.is_in_nav()  # its title is in every page's navigation
                # (metadata yet to be made is an article's front matter, DESIGN's keys alone:
                # never `search`; made here, it would be made for every page)
                and not _searched(
                    item.meta if item.make_meta is None else {}, default={"exclude": True}
                )
                and file.dest_uri in recorded
                and cache.key_of(src_uri, item) == recorded[file.dest_uri]
                and os.path.isfile(file.abs_dest_path)
            ):
                file.unchanged = True
                unchanged += 1
        log.info(f"dirty build: {unchanged:,} of {len(self.pages):,} pages unchanged in site/")

    def on_page_markdown(self, markdown, page, config, files):
        if not self._own(page.file):
            return ""  # another shard's page: its links were checked, it is not rendered
        item = self.pages.get(page.file.src_uri)
        if item is not None and page.file.generated_by:
            # The archive's own pages are searched through its prebuilt index (search/):
            # Material's search_index.json keeps only the hand-written pages.
            page.meta.setdefault("search", {"exclude": True})
        if item is None:
            return markdown
        self.warnings_before[page.file.src_uri] = self.warnings.count
        # An article's Markdown and metadata are made now that its page is read (its key
        # holds their recipe: PageCache._recipe); its Markdown only if the page is not kept.
        made = item.make is not None
        kept = None
        if self.page_cache is not None:
            kept = self.page_cache.look_up(page.file.src_uri, item)
        page.meta.update(item.metadata())
        page.meta["template"] = item.template
        if item.title and "title" not in page.meta:
            page.meta["title"] = item.title
        for key in ("title", "description"):
            if key in page.meta:
                # Themes print titles and descriptions as HTML (Material's header and meta
                # tags do): a headline or a glossary line is text, escaped here once, as
                # Markup, so that the archive's autoescaping templates do not escape it twice.
                page.meta[key] = escape(str(page.meta[key]))
        if kept is None and self._late(page):
            # Converted when rendered (_convert), by whichever process renders it: not all
            # at once here by this one, which would hold every page's HTML until its loop
            # writes it (85 MB at 10,000 dispatches, most of a build's peak over plain
            # Material's) and convert them all on one core (22 s of a 88 s cold build).
            # a page's `make` gives its Markdown, text
            self.unconverted[page.file.src_uri] = cast(
                Callable[[], str], item.make or partial(str, markdown)
            )
            item.make = None
            page.file.content_string = ""
            item.content = ""
            return ""
        if item.make is not None and (kept is None or _indexed(page)):
            item.content, item.make = item.make(), None
        if made:  # made just now (or for the key, by a `make` that is no recipe); "" for a
            # kept page, which is not converted
            markdown = item.content
            item.make = None
        # MkDocs has read the page's Markdown (it is `markdown` now): the copies the file and
        # the generator held are let go, rather than kept to the end of the build.
        if page.file.generated_by:
            page.file.content_string = ""
        item.content = ""
        if kept is not None:  # rendered by an earlier build from the same inputs
            page.meta["template"] = CACHED_TEMPLATE
            if not _indexed(page):
                return ""
            # Material's search indexes this page (an entity's) from its converted content:
            # its Markdown is still converted, and only the template's rendering is kept.
        # A glossary entry's body is a contributor's Markdown, as a curated article is:
        # its raw HTML is shown as text, and what MkDocs renders is sanitised below.
        return neutralise_html(markdown) if not page.file.generated_by else markdown

    def _late(self, page) -> bool:
        """Whether a page of the archive is converted only when it is rendered: one nothing
        reads before then. Not a page of the navigation (other pages show its title, which a
        conversion may give), nor one Material's search indexes (it reads every page's HTML
        at its own time), nor one without a title of its own."""
        return (
            page.file.generated_by is not None
            and not page.file.inclusion.is_in_nav()
            and not _indexed(page)
            and "title" in page.meta
        )

    @event_priority(100)  # first: every plugin's `on_page_context` sees the page converted
    def _convert(self, context, page, config, nav):
        """A page whose conversion waited for its rendering (on_page_markdown) converted now,
        as MkDocs' loop would have converted it when it read the page: the Markdown events of
        the plugins after this one, the conversion, every plugin's `on_page_content`. A page
        a worker kept (site/workers.py) is not converted in this process at all."""
        src_uri = page.file.src_uri
        if src_uri in self.deferred:  # a page the workers render
            self._join_workers()
        make = self.unconverted.pop(src_uri, None)
        if make is None:
            return context
        if self.page_cache is not None and src_uri in self.page_cache.hits:
            return context  # not converted here: MkDocs checks no anchor of it (on_page_content)
        markdown = make()
        for event in self.later_markdown:
            markdown = event(markdown, page=page, config=config, files=self.files)
        page.markdown = markdown
        page.render(config, self.files)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=self.files
        )
        return context

    def on_page_content(self, html, page, config, files):
        if not html:  # a kept page, not converted, or one converted later (_convert)
            if page.file.src_uri in self.pages:
                # What MkDocs found of the anchors of an empty page: nothing to check (an
                # empty page would have none), 12 MB at 10,000 dispatches
                page.links_to_anchors = page.present_anchor_ids = None
            return html
        if page.file.src_uri in self.pages:
            # Converted: MkDocs would keep the page's Markdown beside its HTML to the end.
            page.markdown = ""
            return sanitize_html(html)  # the one boundary for contributors' Markdown
        return html

    def on_pre_page(self, page, config, files):
        item = self.pages.get(page.file.src_uri)
        newest = self.archive.articles[0] if self.archive.articles else None
        date = publish.page_date(item.context.get("article") if item else None, newest, os.environ)
        if date is not None:
            page.update_date = date
        return page

    def on_serve(self, server, config, builder):
        """`mkdocs serve` rebuilds when a dispatch or a glossary entry changes, as it does for
        docs/: the archive's folder is outside docs_dir, so it is watched here."""
        if self.config.enabled:
            folders = [
                folder
                for folder in (self.project.articles_path, self.project.glossary_path)
                if folder.is_dir()
            ]
            if self.config.native_watch:
                self.watcher.watch(server, folders)
            else:
                for folder in folders:
                    server.watch(str(folder))
        return server

    def on_post_build(self, config):
        self._join_workers()
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        # one order for a build and merged shards: written so, or sorted now
        if not self.sitemap_sorted and (site_dir / "sitemap.xml").is_file():
            xml = (site_dir / "sitemap.xml").read_text("utf-8")
            write_sitemap(site_dir, sorted_sitemap(xml))
        if self.project.shard is not None:
            shards.mark(site_dir, self.project.shard)
        browse_of(self.archive).keep_related()
        if self.record is not None:
            self._record_build(config)
        if self.carried is not None:
            self.carried.end_build()
            taken = ", ".join(f"{n:,} {kind}" for kind, n in sorted(self.carried.taken.items()))
            log.info(f"taken from the last build: {taken or 'nothing'}")
        if self.page_cache is not None:
            self.page_cache.prune()
            cache = self.page_cache
            reused = len(cache.hits) - len(cache.adopted)
            log.info(
                f"pages: {reused} of {len(cache.keys)} that can be kept were reused "
                "from earlier builds"
            )
        measure = partial(self._measure, site_dir, [a.url for a in self.archive.articles])
        if self.idle is None:
            measure()
        else:  # `mkdocs serve`: once the browser has reloaded (site/idle.py)
            self.idle.after_build(measure)

    def _measure(self, site_dir: Path, article_urls: list[str]) -> None:
        """Log the site's size, and warn of what is over its budgets."""
        size = publish.measure(site_dir, article_urls)
        log.info(size.summary())
        for message in publish.over_budget(
            size, site_mb=self.config.size_budget_mb, page_kb=self.config.page_budget_kb
        ):
            log.warning(message)

    def _record_build(self, config) -> None:
        """Record the keys of the pages written (or found unchanged) and the plain files, for
        the next dirty build; a dirty build removes what the last build wrote and this one
        does not."""
        assert self.record is not None
        keys = self.page_cache.keys if self.page_cache is not None else {}
        pages = {
            dest_uri: keys[src_uri]
            for dest_uri, src_uri in self.written.items()
            if src_uri in keys and src_uri in self.pages
        }
        if self.dirty:
            recorded_pages, recorded_files = self.recorded
            stale = (recorded_pages.keys() | recorded_files.keys()) - self.all_dest_uris
            removed = remove_stale(config.site_dir, stale)
            if removed:
                log.info(f"dirty build: {removed:,} files of the last build removed from site/")
        self.record.write(pages, self.plain_files)

    def _context(self, context, page, config, nav):
        context["archive"] = self.archive
        context["archive_config"] = self.config
        context["browse"] = browse_of(self.archive)
        item = self.pages.get(page.file.src_uri)
        if item is not None:
            context.update(item.context)
        if page.file.src_uri in self.deferred and (  # a page the workers render (joined: _convert)
            self.page_cache is None or page.file.src_uri not in self.page_cache.hits
        ):
            context["wa_template"] = self.deferred[page.file.src_uri]  # not kept
        if self.page_cache is not None and page.file.src_uri in self.page_cache.hits:
            context["wa_cached_html"] = Markup(self.page_cache.html(page.file.src_uri))
        return context

    on_page_context = CombinedEvent(_convert, _context)

    @event_priority(100)  # first: the HTML as the template rendered it, before other plugins'
    def _keep_page(self, output, page, config):
        src_uri = page.file.src_uri
        if self.page_cache is not None and src_uri in self.page_cache.hits:
            return output  # as it was kept: compact already
        if self.config.enabled and self.config.compact_html:
            output = compact(output)
        if self.page_cache is not None and src_uri in self.page_cache.keys:
            if self.warnings.count > self.warnings_before.get(src_uri, self.warnings.count):
                self.page_cache.forget(src_uri)  # a strict build must fail on it again
            else:
                self.page_cache.keep(src_uri, output)
        return output

    @event_priority(-100)  # last: every plugin has had the page
    def _let_go(self, output, page, config):
        """An archive page is written once every plugin has had it: what it was made of is let
        go, rather than held by the build to its end with every other page's (its HTML, its
        context: a timeline page's own timeline). At 100,000 dispatches that is most of the
        memory a build gains while it renders."""
        item = self.pages.get(page.file.src_uri)
        if item is not None:
            item.context, item.meta, item.make_meta = {}, {}, None
            page.content = ""
        return output

    on_post_page = CombinedEvent(_keep_page, _let_go)

    def on_pre_template(self, template, template_name, config):
        """MkDocs' own `sitemap.xml` is written by `SortedSitemap`, sorted (site/sitemap.py)."""
        if template_name == "sitemap.xml" and self.config.enabled and is_mkdocs_sitemap(template):
            self.sitemap_sorted = True
            return SortedSitemap()
        return template

    def on_post_template(self, output_content, template_name, config):
        if template_name == "404.html" and self.config.enabled and self.config.compact_html:
            return compact(output_content)
        return output_content


def _always_built(file: File) -> ArchiveFile:
    """A page read from docs/, built by every dirty build (its `is_modified` is true)."""
    return ArchiveFile(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        file.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )


def _searched(meta, default: dict | None = None) -> bool:
    """Whether Material's search indexes a page of this metadata: unless it says `search:
    exclude`, or says nothing and `default` excludes it (a generated page's metadata before
    on_page_markdown gives it `search: exclude`)."""
    return not (meta.get("search", default) or {}).get("exclude")


def _indexed(page) -> bool:
    """Whether Material's search indexes this page, once on_page_markdown has run."""
    return _searched(page.meta)


def _written(
    config, item: Generated, recorded: Mapping[str, str], carried: Carried | None = None
) -> tuple[File, str]:
    """A generated plain file (a dispatch as delivered, a feed, a search part), written into
    `site_dir` now and given to MkDocs by path: MkDocs holds a generated file's content until
    it copies static files, after every page is converted; at 10,000 dispatches that was
    about 90 MB held through the build's peak. MkDocs copies nothing for it (`WrittenFile`).

    Returns the file, and what the build record keeps of it (site/dirty.py): what stands for
    its content (the item's `content_key`, or its content's SHA-256) and what the file system
    said of the file once written (`cache.file_stamp`).

    A dirty build finds most of them there already, and leaves them. One that the last build's
    `recorded` entry says holds that content, with the same stamp, is not read again, and a
    dispatch's (`content_key`) is not even made: reading and comparing 21,000 files, and
    making the 10,000 dispatches as delivered, were a second of a dirty build at 10,000
    dispatches. `mkdocs serve --dirty` (`carried`) does not even hash one again when its
    content is the very object the last build wrote or found there (a feed the generators
    took from that build: carry.py) and the file system says the same of the file as then."""
    path = os.path.join(config.site_dir, *item.src_uri.split("/"))
    written = WrittenFile.generated(config, item.src_uri, abs_src_path=path)
    before = file_stamp(path)
    last = recorded.get(item.src_uri)
    known = before is not None and last is not None  # a file the last build recorded is there
    if known and item.content_key is not None and last == _record_entry(item.content_key, before):
        return written, last
    content = item.content if item.make is None else item.make()
    if carried is not None and id(content) not in carried.given:
        carried = None  # made afresh (a search part): nothing to hold for the next build
    if carried is not None and before is not None:
        found = carried.recall(
            "written", item.src_uri, lambda kept: kept[0] is content and kept[1] == before
        )
        if found is not MISSING:
            return written, found[2]
    data = content.encode("utf-8") if isinstance(content, str) else content
    digest = item.content_key or f"sha256 {hashlib.sha256(data).hexdigest()}"
    same = known and last == _record_entry(digest, before)
    if not same:
        try:
            same = before is not None and before[0] == len(data)
            same = same and Path(path).read_bytes() == data
        except OSError:
            same = False
    after = before
    if not same:
        write_file(data, path)
        after = file_stamp(path)
    entry = _record_entry(digest, after)
    if carried is not None:
        carried.keep("written", item.src_uri, (content, after, entry))
    return written, entry


def _record_entry(digest: str, stamp: tuple[int, ...] | None) -> str:
    """What the build record keeps of a plain file (`_written`): its content's digest and its
    stamp, as one string (21,000 of them at 10,000 dispatches); a file without a stamp (gone,
    unreadable) gives an entry no later build finds the same."""
    if stamp is None:
        return f"{digest} -"
    return f"{digest} {' '.join(map(str, stamp))}"
