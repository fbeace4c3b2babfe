"""Jinja filters the archive's templates use: dates in the article's language."""

from __future__ import annotations

from datetime import datetime

from babel.core import UnknownLocaleError
from babel.dates import format_date, format_time

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
