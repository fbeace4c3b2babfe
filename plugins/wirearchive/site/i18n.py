"""The archive's interface in the site's language; what is about one article, in the article's.

Catalogs are gettext `.po` files, one per shipped language, under `site/locale/`::

    locale/babel.cfg                          what `pybabel extract` reads
    locale/wirearchive.pot                    the template: every msgid of the templates
    locale/<lang>/LC_MESSAGES/wirearchive.po  fr, de, en, it

Only the `.po` files are kept in git: they are compiled in memory (Babel's `pofile` and
`mofile`) when a build first needs them, so a build writes nothing, needs no network and
gives the same bytes from the same catalogs. A fuzzy or empty entry is not used (the English
msgid shows): `tests/site/test_i18n.py` fails on it.

Templates (Jinja's `jinja2.ext.i18n`, new style: placeholders `%(name)s`, `num` for a count):

- `_("Glossary")`, `ngettext("%(num)d dispatch", "%(num)d dispatches", n)`: the interface, in
  the site's language, `theme.language` (English when it is not shipped);
- `gettext_in(article.language, "reported in")`, `ngettext_in(language, singular, plural, n)`:
  words about one article (its dates, its events, "reported in"), in its own language.

Python code that names pages (generators' titles) calls `translations(language).gettext(...)`.
No HTML in a msgid: translations are text, and links or markup stay in the templates.

To add or change a string, edit the template, then, from the repository's root::

    .venv/bin/pybabel extract -F plugins/wirearchive/site/locale/babel.cfg \\
        -k gettext_in:2 -k ngettext_in:2,3 --add-location=file --sort-output -w 100 \\
        --project=wirearchive -o plugins/wirearchive/site/locale/wirearchive.pot plugins/wirearchive
    .venv/bin/pybabel update -i plugins/wirearchive/site/locale/wirearchive.pot \\
        -d plugins/wirearchive/site/locale -D wirearchive --no-fuzzy-matching --ignore-obsolete \\
        -w 100

and fill in the new `msgstr` of each language: `pybabel update` keeps every entry still in use
and drops those no template uses any more. A new language: `pybabel init -l <lang>` with the
same `-i`, `-d`, `-D`, then add it to `SHIPPED`.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import pass_context
from markupsafe import Markup

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "wirearchive"
SHIPPED = ("en", "fr", "de", "it")
FALLBACK = "en"
# The per-article helpers, as `pybabel extract -k` reads them: the message is argument 2
EXTRACT_KEYWORDS = {"gettext_in": (2,), "ngettext_in": (2, 3)}


def language_of(code: str | None) -> str:
    """The shipped language for a theme's or an article's code: `fr` of `fr`, `fr_CH` or
    `fr-CH`; English for a language not shipped."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in SHIPPED else FALLBACK


def site_language(theme) -> str:
    """The language of the site's interface: Material's `theme.language`, else the theme's
    locale (MkDocs' own themes), else English."""
    code = theme.get("language") if theme is not None else None
    if not code and theme is not None and getattr(theme, "locale", None) is not None:
        code = str(theme.locale)
    return language_of(code)


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _compiled(language: str) -> bytes | None:
    path = catalog_path(language)
    if not path.is_file():
        return None
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: their msgid shows
    return compiled.getvalue()


def _load(language: str | None) -> NullTranslations:
    data = _compiled(language_of(language))
    return NullTranslations() if data is None else Translations(io.BytesIO(data), domain=DOMAIN)


@cache
def translations(language: str | None) -> NullTranslations:
    """The compiled catalog of `language` (see `language_of`), built once per process."""
    return _load(language)


def _text(context, text: str, variables: dict) -> str:
    """As Jinja's new-style gettext: the translation is ours (safe), the values escaped."""
    if context.eval_ctx.autoescape:
        text = Markup(text)
    # With no `%` in it, formatting changes nothing: skipped (a timeline page asks for
    # "reported in" a hundred times). A `%%` is still made `%`, as Jinja's gettext does.
    return text % variables if "%" in text else text


@pass_context
def gettext_in(context, language: str | None, message: str, **variables) -> str:
    """`message` in `language` (an article's), for the parts of a page about that article."""
    return _text(context, translations(language).gettext(message), variables)


@pass_context
def ngettext_in(
    context, language: str | None, singular: str, plural: str, num: int, **variables
) -> str:
    """The form of `singular`/`plural` for `num` in `language`; `%(num)d` is the count."""
    variables.setdefault("num", num)
    return _text(context, translations(language).ngettext(singular, plural, num), variables)


def install(env, language: str, theme_dirs: list[str] | None = None) -> None:
    """Jinja's i18n extension with the catalog of `language` (the site's), and the per-article
    helpers. A theme's own catalogs (MkDocs' themes ship some) stay as a fallback."""
    env.add_extension("jinja2.ext.i18n")
    ours = _load(language)  # a fresh object: a theme's catalog may be added as its fallback
    theme = _theme_translations(language, theme_dirs or [])
    if theme is not None:
        ours.add_fallback(theme)
    env.install_gettext_translations(ours, newstyle=True)
    env.globals["gettext_in"] = gettext_in
    env.globals["ngettext_in"] = ngettext_in
    env.globals["wa_language"] = language


def _theme_translations(language: str, theme_dirs: list[str]) -> Translations | None:
    found = None
    for folder in reversed(theme_dirs):
        loaded = Translations.load(str(Path(folder) / "locales"), [language])
        if isinstance(loaded, Translations):
            found = loaded if found is None else found.merge(loaded)
    return found
