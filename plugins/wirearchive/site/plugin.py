"""The MkDocs plugin: reads the archive once, adds its pages, renders them by template."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .. import publish
from ..archive import Archive, read_archive
from ..cache import PARSE_CACHE
from ..browse import browse_of
from .config import ArchiveConfig, parse_options, site_root
from .entities import CSS, JS, is_entity_page, site_glossary
from .pages import Generated, SiteData, generate
from .render import install_filters

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Turns every dispatch under `articles_dir` into a page of the site."""

    supports_multiple_instances = False

    def on_config(self, config):
        try:
            self.options = parse_options(self.config)
        except ValueError as exc:
            raise PluginError(f"wirearchive: {exc} (option `timezone`)") from exc
        # After the theme's own folders and any custom_dir, so a site can override ours.
        config.theme.dirs.append(str(TEMPLATES))
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)
        self.root = site_root(config.config_file_path)
        self.archive = Archive()
        self.pages: dict[str, Generated] = {}
        return config

    def on_files(self, files: Files, config) -> Files:
        glossary = site_glossary(config.docs_dir, self.config.glossary_dir, self.root)
        self.archive = read_archive(self.root, self.config.articles_dir, self.options,
                                    max_bytes=self.config.max_dispatch_bytes, workers=self.config.workers,
                                    glossary=glossary,
                                    cache_dir=self.root / PARSE_CACHE if self.config.cache else None)
        for problem in self.archive.problems:
            (log.info if problem.severity == "info" else log.warning)(str(problem))
        if config.nav is None:
            # Thousands of articles in the sidebar of every page would make every page heavy:
            # the navigation lists the hand-written pages only; articles are reached by index.
            config.nav = [f.src_uri for f in files.documentation_pages() if not is_entity_page(glossary, f.src_uri)]
            # Leaving the articles out is deliberate: don't list thousands of them in the log.
            config.validation.nav.omitted_files = logging.DEBUG
        data = SiteData(self.archive, self.config, {f.src_uri for f in files}, config)
        self.pages = {}
        for item in generate(data):
            if item.template is not None:
                self.pages[item.src_uri] = item
            if item.src_uri not in data.existing:  # an existing page (an entity's) only gets template and context
                files.append(File.generated(config, item.src_uri, content=item.content))
            elif item.template is None:  # a plain file in place of the theme's: Material's search worker
                files.remove(files.get_file_from_path(item.src_uri))
                files.append(File.generated(config, item.src_uri, content=item.content))
        return files

    def on_env(self, env, config, files):
        install_filters(env)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        item = self.pages.get(page.file.src_uri)
        if item is not None and page.file.generated_by:
            # The archive's own pages are searched through its prebuilt index (search/):
            # Material's search_index.json keeps only the hand-written pages.
            page.meta.setdefault("search", {"exclude": True})
        if item is not None:
            page.meta.update(item.meta)
            page.meta["template"] = item.template
            if item.title and "title" not in page.meta:
                page.meta["title"] = item.title
            for key in ("title", "description"):
                if key in page.meta:
                    # Themes print titles and descriptions as HTML (Material's header and
                    # meta tags do): a headline or a glossary line is text, so it is escaped.
                    page.meta[key] = str(escape(str(page.meta[key])))
        return markdown

    def on_pre_page(self, page, config, files):
        item = self.pages.get(page.file.src_uri)
        newest = self.archive.articles[0] if self.archive.articles else None
        date = publish.page_date(item.context.get("article") if item else None, newest, os.environ)
        if date is not None:
            page.update_date = date
        return page

    def on_post_build(self, config):
        size = publish.measure(Path(config.site_dir), [a.url for a in self.archive.articles])
        log.info(size.summary())
        for message in publish.over_budget(size, site_mb=self.config.size_budget_mb, page_kb=self.config.page_budget_kb):
            log.warning(message)

    def on_page_context(self, context, page, config, nav):
        context["archive"] = self.archive
        context["archive_config"] = self.config
        context["browse"] = browse_of(self.archive)
        item = self.pages.get(page.file.src_uri)
        if item is not None:
            context.update(item.context)
        return context
