"""Jinja filters the archive's templates use: dates in the article's language."""

from __future__ import annotations

from datetime import datetime

from babel.core import UnknownLocaleError
from babel.dates import format_date, format_time
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from ..timeline.partial import label as partial_date_label


def _locale(language: str | None) -> str:
    return language or "en"


def localized_datetime(value: datetime, language: str | None = None) -> str:
    """`14 mars 2026, 09:12` / `14. März 2026, 09:12` / `March 14, 2026, 9:12 AM`."""
    try:
        locale = _locale(language)
        day, time = (
            format_date(value, "long", locale=locale),
            format_time(value, "short", locale=locale),
        )
        return f"{day}, {time}"
    except (UnknownLocaleError, ValueError):
        return value.strftime("%Y-%m-%d %H:%M")


def localized_date(value: datetime, language: str | None = None) -> str:
    try:
        return format_date(value, "long", locale=_locale(language))
    except (UnknownLocaleError, ValueError):
        return value.strftime("%Y-%m-%d")


def escape_ours(template_name: str | None) -> bool:
    """Autoescape the archive's templates (and a site's overrides of them), not the theme's."""
    return template_name is not None and template_name.startswith("wirearchive/")


def install_filters(env) -> None:
    # Everything a dispatch or a glossary file says is text. Jinja's `{% autoescape %}` does
    # not reach into blocks or included partials, so escaping is switched on per template.
    env.autoescape = escape_ours
    env.filters["wa_datetime"] = localized_datetime
    env.filters["wa_date"] = localized_date
    env.filters["wa_partial_date"] = partial_date_label


class HeldTemplates(BytecodeCache):
    """Compiled templates held from one of `mkdocs serve`'s builds to the next.

    MkDocs makes a new Jinja environment for every build, so each reload parsed and compiled
    again every template it rendered: Material's and the archive's, about 40, 0.1 to 0.2 s
    of a reload. Jinja's own bytecode cache is the place for them (`use` sets it on a
    build's environment). A template's code is taken while its source is the same (Jinja
    checks its checksum) and the environment compiles as the last one did (`_compiling`);
    code objects are never changed, so one serves every build. Held in memory, not written:
    what a template compiles to is a matter of one process.
    """

    def __init__(self) -> None:
        self.held: dict[str, tuple[str | None, object]] = {}
        self.settings: tuple | None = None

    def use(self, env: Environment) -> None:
        settings = _compiling(env)
        if settings != self.settings:
            self.held.clear()
            self.settings = settings
        env.bytecode_cache = self

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.held.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]  # type: ignore[assignment]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.held[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self.held.clear()


def _compiling(env: Environment) -> tuple:
    """What of an environment decides the code a template compiles to."""
    return (
        tuple(sorted(env.extensions)),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.autoescape,  # a function of the template's name: the same function, or not
        env.finalize,
        env.code_generator_class,
        env.context_class,
    )
