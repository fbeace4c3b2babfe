"""What page generators make and what they read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ...archive import Archive
from ...carry import Carried
from ...frontmatter import dump
from ...problems import Problem
from ...project import Project
from ..i18n import site_language, translations


@dataclass
class Generated:
    """One generated file: a Markdown page rendered by `template`, or a plain file."""

    src_uri: str
    content: str | bytes
    template: str | None = None
    context: dict = field(default_factory=dict)
    title: str | None = None  # the page title, unless its front matter has one
    # The page's metadata, given as data rather than YAML; only read once made (a build of
    # `mkdocs serve` may hand the next one the same: wirearchive.carry)
    meta: dict = field(default_factory=dict)
    # A page's Markdown made when MkDocs reads the page (then `content` is ""): an article's
    # text is not held from the start of the build to its page's turn (about 7 KB a dispatch).
    # A plain file's content made only when it is to be written (with `content_key`).
    make: Callable[[], str | bytes] | None = None
    # What a plain file's content is made of alone, as a digest, when its generator can say
    # (a dispatch as delivered: its parse cache key): a build finding the file in site/ as the
    # last build recorded it with this key (site/dirty.py) neither makes nor reads it again.
    content_key: str | None = None
    # Its metadata made when first asked for (`metadata()`): an article's front matter, which
    # `mkdocs serve --dirty` never makes for a page it leaves as it is (7 KB a dispatch).
    make_meta: Callable[[], dict] | None = None
    # What the page (its Markdown, metadata, context and title) is made of alone, when its
    # generator can say: `mkdocs serve` then takes the last build's key of a page made of the
    # very same values (site/pagecache.py), rather than digesting it all again.
    made_from: tuple = ()

    def metadata(self) -> dict:
        """The page's metadata, made now if it is not yet."""
        if self.make_meta is not None:
            self.meta, self.make_meta = self.make_meta(), None
        return self.meta


@dataclass
class SiteData:
    """What generators read: the archive, the project, the plugin's config, the site's files."""

    archive: Archive
    project: Project
    config: Any  # the plugin's options (ArchiveConfig)
    existing: set[str]  # src_uri of the files the site already has
    site: Any = None  # the MkDocs config: site_name, site_url, theme language
    problems: list[Problem] = field(default_factory=list)  # met while generating: logged
    # What the last build of this process made, to take again (`mkdocs serve`; carry.py)
    carried: Carried | None = None

    def site_option(self, key: str) -> Any:
        return self.site.get(key) if self.site is not None else None

    @property
    def site_name(self) -> str:
        return self.site_option("site_name") or "Wirearchive"

    @property
    def locale(self) -> str | None:
        theme = self.site_option("theme")
        return theme.get("language") if theme is not None else None

    @property
    def language(self) -> str:
        """The language of the interface: a shipped catalog's (`theme.language`, else English)."""
        return site_language(self.site_option("theme"))

    def gettext(self, message: str, **values: object) -> str:
        """`message` in the interface's language, its `%(name)s` filled from `values` when
        given (a template of a title is returned as it is, to be filled later)."""
        text = translations(self.language).gettext(message)
        return text % values if values else text


@cache  # the pages of one timeline share a title; `mkdocs serve` asks again on each build
def page(title: str) -> str:
    """The Markdown source of a page that is all template: its title alone."""
    return dump({"title": title}, "")
