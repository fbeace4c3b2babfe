"""The options of the `wirearchive` plugin in `mkdocs.yml`, checked when the config loads.

A bad value (an unknown time zone, a language the archive cannot serve, a negative size)
is a configuration error that names the option, before anything is built.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..dispatch.layouts import DEFAULT_RUBRICS
from ..project import SUPPORTED_LANGUAGES
from ..shards import parse_shard


class TimeZone(c.Type):
    """An IANA time zone name such as `Europe/Zurich`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise c.ValidationError(
                f"unknown time zone {name!r}: use an IANA name such as Europe/Zurich"
            ) from exc
        return name


class Languages(c.ListOfItems):
    """Languages the archive can serve (detection, stemming, stop words, dated events)."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        languages = super().run_validation(value)
        unknown = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
        if unknown:
            raise c.ValidationError(
                f"cannot serve {', '.join(map(repr, unknown))}: supported languages "
                f"are {', '.join(SUPPORTED_LANGUAGES)}"
            )
        if not languages:
            raise c.ValidationError("name at least one language")
        return list(dict.fromkeys(languages))


class ShardOption(c.Optional):
    """`shared` or years (`2024`, `2020-2023`, `2024,2025`); the `WIREARCHIVE_SHARD`
    environment variable gives it when the option is not set (a CI matrix sets it)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object):
        value = value if value is not None else os.environ.get("WIREARCHIVE_SHARD") or None
        value = super().run_validation(value)
        if value is not None:
            try:
                parse_shard(value)
            except ValueError as exc:
                raise c.ValidationError(str(exc)) from exc
        return value


class Positive(c.Type):
    """A number greater than zero."""

    def run_validation(self, value: object):
        number = super().run_validation(value)
        if isinstance(number, bool) or number <= 0:
            raise c.ValidationError(f"must be greater than 0, got {number!r}")
        return number


class ArchiveConfig(base.Config):
    """Options of the `wirearchive` plugin in `mkdocs.yml`."""

    enabled = c.Type(bool, default=True)  # false: the plugin does nothing (a quick docs build)
    articles_dir = c.Type(str, default="articles")
    glossary_dir = c.Type(str, default="entities")  # inside docs_dir: one <id>.md per entity
    timezone = TimeZone(default="Europe/Zurich")
    languages = Languages(default=list(SUPPORTED_LANGUAGES))
    agencies = c.DictOfItems(c.Type(str), default={})
    rubrics = c.ListOfItems(c.Type(str), default=list(DEFAULT_RUBRICS))
    home_count = Positive(int, default=30)
    max_dispatch_bytes = Positive(int, default=1_000_000)
    workers = c.Optional(Positive(int))
    publish_embargoed = c.Type(bool, default=False)  # previews: items still under embargo too
    shard = ShardOption()  # build one part of the site (wirearchive.shards); default: all of it
    cache = c.Type(bool, default=True)  # keep parsed dispatches and search parts in .cache/
    size_budget_mb = Positive((int, float), default=1000)  # warn over this (GitHub Pages: 1 GB)
    page_budget_kb = Positive((int, float), default=500)  # warn for any HTML page over this
    # `mkdocs serve`: the archive's folders watched by the system (inotify...); false polls them
    # as MkDocs does its own, for mounts that pass no events on (site/watch.py)
    native_watch = c.Type(bool, default=True)
    compact_html = c.Type(bool, default=True)  # pages without their templates' indentation
