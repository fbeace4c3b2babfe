"""The archive's interface in each shipped language (issue 12.1).

Two sides, so that neither can pass on its own by accident:

- the catalogs: every message the templates and generators use (extracted from them here,
  as `pybabel extract` does) has a translation in each shipped catalog, with the same
  placeholders, and no fuzzy entry;
- the pages: a site built in each language other than English shows none of the English
  messages in the archive's own parts of any page type, and shows their translations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from wirearchive.site import i18n

SITE = Path(i18n.__file__).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def used_messages() -> dict[str, tuple[str, ...]]:
    """msgid -> (msgid, plural) of every message the package's templates and generators use."""
    with (i18n.LOCALE_DIR / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), **i18n.EXTRACT_KEYWORDS}
    found: dict[str, tuple[str, ...]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        SITE.parent, method_map, options_map, keywords=keywords
    ):
        forms = message if isinstance(message, tuple) else (message,)
        found[forms[0]] = forms
    return found


def catalog(language: str):
    with i18n.catalog_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=i18n.DOMAIN)


def test_extraction_finds_the_interface():
    used = used_messages()
    # One of each kind: a template's _(), a plural, a per-article message, a generator's title.
    for msgid in ("Latest dispatches", "%(num)d dispatch", "reported in", "Timeline"):
        assert msgid in used
    assert len(used) > 50


@pytest.mark.parametrize("language", i18n.SHIPPED)
def test_every_message_is_translated_in_each_shipped_language(language):
    messages = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog(language) if m.id}
    problems = []
    for msgid, forms in sorted(used_messages().items()):
        message = messages.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r}")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            problems.append(f"untranslated or fuzzy: {msgid!r}")
            continue
        expected = {name for form in forms for name in PLACEHOLDER.findall(form)}
        for string in strings:
            if set(PLACEHOLDER.findall(string)) - expected or (
                "num" not in expected and set(PLACEHOLDER.findall(string)) != expected
            ):
                problems.append(f"placeholders differ: {msgid!r} -> {string!r}")
    assert not problems, f"{language}: " + "\n".join(problems)


@pytest.mark.parametrize("language", i18n.SHIPPED)
def test_plural_forms_follow_the_language(language):
    translations = i18n.translations(language)
    one = translations.ngettext("%(num)d dispatch", "%(num)d dispatches", 1) % {"num": 1}
    two = translations.ngettext("%(num)d dispatch", "%(num)d dispatches", 2) % {"num": 2}
    expected = {
        "en": ("1 dispatch", "2 dispatches"),
        "fr": ("1 dépêche", "2 dépêches"),
        "de": ("1 Meldung", "2 Meldungen"),
        "it": ("1 notizia", "2 notizie"),
    }
    assert (one, two) == expected[language]


@pytest.mark.parametrize(
    "code, language",
    [("fr", "fr"), ("fr_CH", "fr"), ("de-CH", "de"), ("it", "it"), ("es", "en"), (None, "en")],
)
def test_the_site_language_falls_back_to_english(code, language):
    assert i18n.language_of(code) == language
