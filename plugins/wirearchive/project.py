"""A Wirearchive project: where its files are and the settings that change what is built.

The MkDocs plugin and the command line both describe the site they work on with a
:class:`Project`, made from the plugin's options in `mkdocs.yml`, so the build, `check`,
`show` and `add` read the same dispatches the same way, through the same caches.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .archive import Archive, read_archive
from .article import Loaded
from .cache import FileCache, cache_folder
from .carry import Carried
from .dispatch import ParseOptions
from .entities import Glossary, load_glossary
from .progress import Progress
from .publish import build_time
from .search.analysis import LANGUAGES as SEARCH_LANGUAGES
from .shards import Shard, parse_shard
from .timeline.grammar import LANGUAGES as EVENT_LANGUAGES

# What a site may list in `languages`: each is detected, stemmed and stopped by search, and
# has a grammar of dated events.
SUPPORTED_LANGUAGES = tuple(lang for lang in SEARCH_LANGUAGES if lang in EVENT_LANGUAGES)


@dataclass(frozen=True)
class Project:
    """A site's root, its folders and the archive's options."""

    root: Path
    docs_dir: Path
    articles_dir: str = "articles"
    glossary_dir: str = "entities"
    options: ParseOptions = field(default_factory=ParseOptions)
    max_bytes: int = 1_000_000
    workers: int | None = None
    cache: bool = True
    publish_embargoed: bool = False  # previews: publish items still under embargo
    shard: Shard | None = None  # the part of the site this build makes (None: all of it)

    @classmethod
    def from_options(cls, root: Path, docs_dir: Path | str, options: Mapping) -> Project:
        """The project of a site from the plugin's (validated) options in `mkdocs.yml`."""
        return cls(
            root=Path(root),
            docs_dir=Path(docs_dir),
            articles_dir=options["articles_dir"],
            glossary_dir=options["glossary_dir"],
            options=ParseOptions(
                timezone=options["timezone"],
                languages=tuple(options["languages"]),
                agencies=dict(options["agencies"]),
                rubrics=tuple(options["rubrics"]),
                model_folder=cache_folder(Path(root), "language") if options["cache"] else None,
            ),
            max_bytes=options["max_dispatch_bytes"],
            workers=options["workers"],
            cache=options["cache"],
            publish_embargoed=options["publish_embargoed"],
            shard=parse_shard(options["shard"]) if options.get("shard") else None,
        )

    @property
    def articles_path(self) -> Path:
        return self.root / self.articles_dir

    @property
    def glossary_path(self) -> Path:
        return self.docs_dir / self.glossary_dir

    def cache_folder(self, name: str) -> Path | None:
        """The folder of one of the site's caches, or None when caching is off."""
        return cache_folder(self.root, name) if self.cache else None

    def file_cache(
        self, name: str, settings: str, suffix: str = ".json", former: tuple[str, ...] = ()
    ) -> FileCache | None:
        """One of the site's file caches (`cache.FileCache`), or None when caching is off."""
        folder = self.cache_folder(name)
        return FileCache(folder, settings, suffix, former) if folder is not None else None

    def glossary(self, carried: Carried | None = None) -> Glossary | None:
        """The site's glossary, or None when its folder does not exist (no annotation then);
        `carried`: the last build's, given again when its files are the same (`mkdocs
        serve`)."""
        folder = self.glossary_path
        if not folder.is_dir():
            return None
        return load_glossary(folder, self.root, self.docs_dir, carried)

    def read_archive(
        self,
        glossary: Glossary | None = None,
        now: datetime | None = None,
        progress: Callable[[int], Progress] | None = None,
        kept: dict[str, tuple[Loaded, str]] | None = None,
        stamps: dict[str, tuple[str, tuple, str]] | None = None,
        hold_model: bool = False,
    ) -> Archive:
        """Every dispatch of the site, annotated with `glossary`, through the parse cache;
        items under embargo at `now` (default: the build's time) are withheld; `kept` and
        `stamps`, the files an earlier read in this process loaded and what the file system
        said of them; `hold_model`, the process parses again soon (`archive.read_archive`)."""
        return read_archive(
            self.root,
            self.articles_dir,
            self.options,
            max_bytes=self.max_bytes,
            workers=self.workers,
            glossary=glossary,
            cache_dir=self.cache_folder("parse"),
            now=now or build_time(os.environ),
            publish_embargoed=self.publish_embargoed,
            progress=progress,
            kept=kept,
            stamps=stamps,
            hold_model=hold_model,
        )
