"""The archive's interface in each shipped language (issue 12.1).

Two sides, so that neither can pass on its own by accident:

- the catalogs: every message the templates and generators use (extracted from them here,
  as `pybabel extract` does) has a translation in each shipped catalog, with the same
  placeholders, and no fuzzy entry;
- the pages: a site built in each language other than English shows none of the English
  messages in the archive's own parts of any page type, and shows their translations.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import html5lib
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from wirearchive.site import i18n

from ..conftest import FIXTURES, copy_demo, mkdocs_build

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


@pytest.mark.parametrize("autoescape", [True, False])
def test_gettext_in_formats_as_jinja_gettext_does(autoescape):
    """`gettext_in` gives what Jinja's new-style gettext gives: values escaped when the template
    autoescapes, `%%` made `%` even with no values, and a message with no `%` as it is (not
    formatted: a timeline page asks for one a hundred times)."""
    from jinja2 import Environment

    env = Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=True)
    env.globals["gettext_in"] = i18n.gettext_in
    for source in (
        '{{ gettext_in("en", "reported in") }}',
        '{{ gettext_in("en", "100%% sure") }}',
        '{{ gettext_in("en", "until %(date)s", date="<b>") }}',
    ):
        theirs = source.replace('gettext_in("en", ', "_(")
        assert env.from_string(source).render() == env.from_string(theirs).render()
    made = env.from_string(
        '{% set x = gettext_in("en", "reported in") %}{{ x.__html__ is defined }}'
    )
    assert made.render() == str(autoescape)  # Markup when autoescaping, as Jinja's


# ----------------------------------------------------------------------------- built pages

I18N = FIXTURES / "i18n"
# Every page type the archive generates, by a page of it in the test site (`*` as in glob).
PAGE_TYPES = {
    "home": "index.html",
    "article": "2025/09/nvidia-prevoit-d-investir*/index.html",
    "article with versions": "2026/03/*/index.html",
    "earlier version": "2026/03/*/v1/index.html",
    "archive": "archive/index.html",
    "archive year": "archive/2025/index.html",
    "archive month": "archive/2025/10/index.html",
    "sources": "sources/index.html",
    "source": "sources/ats/index.html",
    "rubrics": "rubrics/index.html",
    "rubric": "rubrics/technologie/index.html",
    "languages": "languages/index.html",
    "language": "languages/de/index.html",
    "timeline": "timeline/index.html",
    "timeline year": "timeline/2025/index.html",
    "glossary": "entities/index.html",
    "entity": "entities/jensen-huang/index.html",
    "entity dispatches": "entities/jensen-huang/dispatches/index.html",
    "entity dispatches, page 1": "entities/jensen-huang/dispatches/page/1/index.html",
    "entity quotes": "entities/jensen-huang/quotes/index.html",
    "entity quotes, page 1": "entities/jensen-huang/quotes/page/1/index.html",
    "entity timeline": "entities/jensen-huang/timeline/index.html",
    "not found": "404.html",
    "search": "search/index.html",
}
TRANSLATED = tuple(language for language in i18n.SHIPPED if language != "en")
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def write_interviews(root: Path) -> None:
    template = (I18N / "interview.md").read_text(encoding="utf-8")
    # enough for two pages of his dispatches and of his quotes (browse.paginate_newest)
    for n in range(1, 111):
        day = date(2024, 1, 1) + timedelta(days=3 * (n - 1))
        text = template.replace("{n}", str(n)).replace("{day}", day.isoformat())
        text = text.replace("{month}", day.isoformat()[:7])
        path = root / "articles" / "2024" / f"{day:%m}" / f"interview-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    story = root / "articles" / "2026" / "03"
    story.mkdir(parents=True)
    for version in ("v1", "v2"):
        shutil.copy(
            FIXTURES / "formats" / f"newsml12-nitf-{version}.xml", story / f"{version}.newsml.xml"
        )


@pytest.fixture(scope="module", params=TRANSLATED)
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """The demo, with every page type, built with `theme.language` set to each language."""
    language = request.param
    root = copy_demo(tmp_path_factory.mktemp(f"i18n-{language}"))
    write_interviews(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  language: fr\n" in text
    config.write_text(text.replace("  language: fr\n", f"  language: {language}\n"), "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return language, root / "site"


def interface_text(path: Path, language: str) -> str:
    """The words of a page that are not a dispatch's or a glossary entry's in another
    language: every text and labelling attribute, leaving out elements marked with another
    `lang`, scripts and styles."""
    tree = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    found: list[str] = []

    def walk(element, skip: bool) -> None:
        lang = element.get("lang")
        if lang is not None:
            skip = i18n.language_of(lang) != language
        if element.tag in ("script", "style"):
            skip = True
        if not skip:
            found.extend(element.get(name) or "" for name in ATTRIBUTES)
            found.append(element.text or "")
        for child in element:
            walk(child, skip)
            if not skip:
                found.append(child.tail or "")

    walk(tree, False)
    return " ".join(" ".join(found).split())


def pattern(msgid: str) -> re.Pattern:
    """A message as it shows on a page: its placeholders any words."""
    parts = PLACEHOLDER.split(msgid)
    text = "".join(re.escape(p) if n % 2 == 0 else ".+?" for n, p in enumerate(parts))
    return re.compile(rf"(?<!\w){text}(?!\w)")


def english_left(text: str, language: str) -> list[str]:
    """The archive's English messages found in `text`, those the language writes the same
    way (`Wikidata`, `Type` in French) left out."""
    translations = i18n.translations(language)
    left = []
    for msgid, forms in used_messages().items():
        if len(forms) == 2:
            same = {translations.ngettext(*forms, n) for n in (1, 2, 5)} & set(forms)
        else:
            same = {translations.gettext(msgid)} & {msgid}
        for form in forms:
            if form not in same and pattern(form).search(text):
                left.append(form)
    return left


def translated_found(text: str, language: str) -> set[str]:
    translations = i18n.translations(language)
    found = set()
    for msgid, forms in used_messages().items():
        shown = (
            {translations.ngettext(*forms, n) for n in (1, 2, 5)}
            if len(forms) == 2
            else {translations.gettext(msgid)}
        )
        if any(s != f for s in shown for f in forms) and any(
            pattern(s).search(text) for s in shown
        ):
            found.add(msgid)
    return found


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_every_page_type_shows_the_interface_in_the_site_language(built, page_type):
    language, site = built
    pages = sorted(site.glob(PAGE_TYPES[page_type]))
    assert pages, f"no {page_type} page: the test site must have every page type"
    text = interface_text(pages[0], language)
    assert english_left(text, language) == [], f"{page_type} ({language}): English left"
    assert translated_found(text, language), f"{page_type} ({language}): nothing translated"


def test_the_built_site_shows_most_of_the_catalog(built):
    """Not a vacuous pass: the pages checked show the translations of most messages."""
    language, site = built
    shown: set[str] = set()
    for glob in PAGE_TYPES.values():
        for page in sorted(site.glob(glob))[:1]:
            shown |= translated_found(interface_text(page, language), language)
    # The TimelineJS export's words (its groups, its note) are the site's too.
    export = json.loads((site / "timeline" / "timeline.json").read_text("utf-8"))
    words = [export["title"]["text"]["text"], *(slide["group"] for slide in export["events"])]
    shown |= translated_found(" ".join(words), language)
    assert len(shown) >= 0.8 * len(used_messages()), sorted(set(used_messages()) - shown)


def test_an_article_speaks_its_own_language_on_a_french_site():
    """The demo (French interface): a German dispatch's dates and events are German."""
    with tempfile.TemporaryDirectory() as folder:
        root = copy_demo(Path(folder))
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
        (page,) = (root / "site" / "2025" / "09").glob("nvidia-steigt*/index.html")
        html = page.read_text(encoding="utf-8")
    assert "18. September 2025, 14:35" in html  # the dispatch's date, in German
    events = html.split('class="wa-article-events__list" lang="de"')[1].split("</ol>")[0]
    assert "August 2025" in events and "août" not in events
    assert "Dépêches liées" in html and "Classée sous" in html  # the interface, in French
