"""The site's options for the archive, shared by the MkDocs plugin and the command line."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..dispatch import ParseOptions
from ..dispatch.layouts import DEFAULT_RUBRICS


class ArchiveConfig(base.Config):
    """Options of the `wirearchive` plugin in `mkdocs.yml`."""

    articles_dir = c.Type(str, default="articles")
    glossary_dir = c.Type(str, default="entities")  # inside docs_dir: one <id>.md per entity
    timezone = c.Type(str, default="Europe/Zurich")
    languages = c.ListOfItems(c.Type(str), default=["fr", "de", "en", "it"])
    agencies = c.DictOfItems(c.Type(str), default={})
    rubrics = c.ListOfItems(c.Type(str), default=list(DEFAULT_RUBRICS))
    home_count = c.Type(int, default=30)
    max_dispatch_bytes = c.Type(int, default=1_000_000)
    workers = c.Optional(c.Type(int))
    cache = c.Type(bool, default=True)  # keep parsed dispatches in .cache/parse beside mkdocs.yml
    size_budget_mb = c.Type((int, float), default=1000)  # warn over this (GitHub Pages: 1 GB)
    page_budget_kb = c.Type((int, float), default=500)  # warn for any HTML page over this


def parse_options(config: ArchiveConfig) -> ParseOptions:
    """Parser options from the plugin's config; raises ValueError on a bad time zone."""
    return ParseOptions(
        timezone=config.timezone,
        languages=tuple(config.languages),
        agencies=dict(config.agencies),
        rubrics=tuple(config.rubrics),
    )


def site_root(config_file: str | Path) -> Path:
    return Path(config_file).resolve().parent
