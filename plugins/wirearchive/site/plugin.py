"""The MkDocs plugin: reads the archive once, adds its pages, renders them by template.

Each event hands off to the pure core (`wirearchive.project`, `archive`, ...) or to the page
generators (`site.generators`): read the whole archive in `on_files`, then write.
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import publish
from ..archive import Archive
from ..browse import browse_of
from ..project import Project
from ..text.markdown import neutralise_html
from ..text.sanitize import sanitize_html
from . import navigation
from .config import ArchiveConfig
from .generators import Generated, SiteData, generate
from .generators.glossary import ARCHIVE_CSS, CSS, JS
from .i18n import install as install_translations
from .i18n import site_language
from .render import install_filters

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

    def on_config(self, config):
        self.archive = Archive()
        self.pages: dict[str, Generated] = {}
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
        glossary = self.project.glossary()
        self.archive = self.project.read_archive(glossary)
        for problem in self.archive.problems:
            (log.info if problem.severity == "info" else log.warning)(str(problem))
        data = SiteData(self.archive, self.project, self.config, {f.src_uri for f in files}, config)
        self.pages = {}
        items = list(generate(data))
        sections = navigation.sections(
            data.gettext,
            glossary.index_src if glossary is not None else None,
            data.existing | {item.src_uri for item in items},
        )
        # The sections' index pages are in the navigation; the archive's other pages (articles,
        # entities, ...) are reached through them: thousands in the sidebar would make every
        # page heavy.
        in_nav = {src for _, src in sections}
        for item in items:
            inclusion = (
                InclusionLevel.INCLUDED if item.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
            )
            if item.template is not None:
                self.pages[item.src_uri] = item
            existing = files.get_file_from_path(item.src_uri)
            if existing is None:
                files.append(
                    File.generated(config, item.src_uri, content=item.content, inclusion=inclusion)
                )
            elif (
                item.template is None
            ):  # a plain file in place of the theme's: Material's search worker
                files.remove(existing)
                files.append(File.generated(config, item.src_uri, content=item.content))
            else:  # an existing page (an entity's) only gets template and context
                existing.inclusion = inclusion
        pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        config.nav = navigation.site_nav(self.owner_nav, sections, pages)
        for problem in data.problems:
            log.warning(str(problem))
        return files

    def on_env(self, env, config, files):
        if not self.config.enabled:
            return env
        install_filters(env)
        # The archive's words in the site's language (theme.language), through gettext.
        install_translations(env, site_language(config.theme), config.theme.dirs)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        item = self.pages.get(page.file.src_uri)
        if item is not None and page.file.generated_by:
            # The archive's own pages are searched through its prebuilt index (search/):
            # Material's search_index.json keeps only the hand-written pages.
            page.meta.setdefault("search", {"exclude": True})
        if item is None:
            return markdown
        page.meta.update(item.meta)
        page.meta["template"] = item.template
        if item.title and "title" not in page.meta:
            page.meta["title"] = item.title
        for key in ("title", "description"):
            if key in page.meta:
                # Themes print titles and descriptions as HTML (Material's header and meta
                # tags do): a headline or a glossary line is text, escaped here once, as
                # Markup, so that the archive's autoescaping templates do not escape it twice.
                page.meta[key] = escape(str(page.meta[key]))
        # A glossary entry's body is a contributor's Markdown, as a curated article is:
        # its raw HTML is shown as text, and what MkDocs renders is sanitised below.
        return neutralise_html(markdown) if not page.file.generated_by else markdown

    def on_page_content(self, html, page, config, files):
        if page.file.src_uri in self.pages:
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
            for folder in (self.project.articles_path, self.project.glossary_path):
                if folder.is_dir():
                    server.watch(str(folder))
        return server

    def on_post_build(self, config):
        if not self.config.enabled:
            return
        size = publish.measure(Path(config.site_dir), [a.url for a in self.archive.articles])
        log.info(size.summary())
        for message in publish.over_budget(
            size, site_mb=self.config.size_budget_mb, page_kb=self.config.page_budget_kb
        ):
            log.warning(message)

    def on_page_context(self, context, page, config, nav):
        context["archive"] = self.archive
        context["archive_config"] = self.config
        context["browse"] = browse_of(self.archive)
        item = self.pages.get(page.file.src_uri)
        if item is not None:
            context.update(item.context)
        return context
