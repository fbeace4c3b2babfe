"""A reader searches the demo archive in a real browser: Material's search box and /search/.

Every query is typed as a reader types it; the dispatch it must find has to be among the
first results. The held-out French dispatch (Qualcomm buys Arduino) is found by a plural of
a word it uses in the singular, by elided and accented words typed bare, and by the people
and companies it names.
"""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import local_context
from tests.conftest import ROOT
from wirearchive.archive import read_archive
from wirearchive.dispatch import ParseOptions

FIRST = 5
HELD_OUT = "2025/10/qualcomm-rachete-l-italien-arduino"
NVIDIA = (
    "2025/09/nvidia-prevoit-d-investir",
    "2025/09/nvidia-steigt-mit-fuenf",
    "2025/10/nvidia-franchit-la-barre",
)

QUERIES = [
    # the held-out dispatch
    ("cartes", HELD_OUT),  # plural of `carte`, only singular in the text
    ("equipement", HELD_OUT),  # l'équipement, without article and accent
    ("dependance", HELD_OUT),  # dépendance, without accent
    ("ecosysteme", HELD_OUT),  # l'écosystème
    ("Qualcomm", HELD_OUT),
    ("Arduino", HELD_OUT),
    ("Massimo Banzi", HELD_OUT),
    ("Amon", HELD_OUT),  # Cristiano Amon, by the alias of the glossary
    # French
    ("investissements", "2025/09/nvidia-prevoit-d-investir"),
    ("economie", "2025/09/nvidia-prevoit-d-investir"),  # l'économie
    ("OpenAI", "2025/10/microsoft-detiendra-27-d-openai"),  # d'OpenAI in the headline
    ("amendes", "2025/04/bruxelles-inflige-500-millions"),
    ("actionnaires", "2025/09/asml-devient-le-premier-actionnaire"),
    ("identite electronique", "2025/09/le-peuple-accepte-de-justesse"),
    ("franchir", "2025/10/nvidia-franchit-la-barre"),  # conjugation: franchit
    ("investira", "2025/09/nvidia-prevoit-d-investir"),  # investir
    ("acceptait", "2025/09/le-peuple-accepte-de-justesse"),  # accepte, accepté
    ("robotiques", "2025/10/abb-vend-sa-division-robotique"),
    ("restructurations", "2025/10/microsoft-detiendra-27-d-openai"),
    # German
    ("Borse", "2024/11/sunrise-feiert-comeback"),  # Börse, typed without umlaut
    ("Chipfabriken", "2025/07/intel-gibt-chipfabrik"),
    ("Milliarde", "2025/09/nvidia-steigt-mit-fuenf"),
    ("Anlegern", "2024/11/sunrise-feiert-comeback"),
    ("Brüssel", "2025/04/bruxelles-inflige-500-millions"),  # German alias of the place
    # English
    ("chips", "2025/10/tsmc-posts-record-quarterly-profit"),
    ("users", "2025/10/openai-says-chatgpt-now-has-800"),
    ("warrants", "2025/10/amd-to-supply-openai"),
    ("supplying", "2025/10/amd-to-supply-openai"),  # conjugation: supply
    ("profits", "2025/10/tsmc-posts-record-quarterly-profit"),
    ("opened", "2025/10/openai-says-chatgpt-now-has-800"),  # opens
    # entity aliases the text does not use
    ("Jen-Hsun", NVIDIA),
    ("European Commission", "2025/04/bruxelles-inflige-500-millions"),
    ("Advanced Micro Devices", "2025/10/amd-to-supply-openai"),
    ("Federal Council", "2025/09/le-peuple-accepte-de-justesse"),
]


def site_path(href: str, base: str) -> str:
    """`2025/10/slug/` of an absolute result link."""
    return urlsplit(href)._replace(query="", fragment="").geturl().removeprefix(base)


def wanted(path: str, expected) -> bool:
    return any(path.startswith(e) for e in ((expected,) if isinstance(expected, str) else expected))


def box_results(page, base: str, query: str, expected, timeout: float = 10.0) -> list[str]:
    """Type `query` into Material's search box; result paths once `expected` is in the first ones."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=10)
    deadline = time.monotonic() + timeout
    while True:
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
        )
        paths = [site_path(h, base) for h in hrefs]
        if any(wanted(p, expected) for p in paths[:FIRST]) or time.monotonic() > deadline:
            return paths
        page.wait_for_timeout(100)


@pytest.fixture(scope="module")
def home(browser, demo_url):
    context = local_context(browser, demo_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(demo_url)
    yield page
    context.close()
    assert not errors, errors


def test_the_queries_find_dispatches_in_french_german_and_english():
    """The queries below must test the three languages: each language has dispatches of
    the demo archive that queries must find (read from the archive, not from this list)."""
    archive = read_archive(ROOT, "articles", ParseOptions(), workers=1)
    language_of = {a.url.rstrip("/"): a.language for a in archive.articles}
    found = {}
    for _, wanted in QUERIES:
        for expected in (wanted,) if isinstance(wanted, str) else wanted:
            matches = [lang for url, lang in language_of.items() if url.startswith(expected)]
            assert len(matches) == 1, f"{expected} must name one dispatch of the demo"
            found.setdefault(matches[0], set()).add(expected)
    assert {lang: len(found.get(lang, ())) >= 3 for lang in ("fr", "de", "en")} == {
        "fr": True,
        "de": True,
        "en": True,
    }


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_search_box_finds_the_dispatch(home, demo_url, query, expected):
    paths = box_results(home, demo_url, query, expected)
    assert any(wanted(p, expected) for p in paths[:FIRST]), (
        f"{query!r}: first results {paths[:FIRST]}"
    )


def test_search_box_shows_date_agency_and_highlighted_snippet(home, demo_url):
    box_results(home, demo_url, "equipement", HELD_OUT)
    item = home.locator(".md-search-result__item").first
    assert "Qualcomm rachète" in item.locator("h1").inner_text()
    text = item.inner_text()
    assert "2025-10-07" in text and "ATS" in text
    # the lede's word matched by its stem, marked (here `carte` for the query `cartes`)
    box_results(home, demo_url, "cartes", HELD_OUT)
    marks = home.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
    assert "carte" in marks


def test_search_box_escapes_what_it_shows(home, demo_url):
    box_results(home, demo_url, "Qualcomm", HELD_OUT)
    html = home.locator(".md-search-result__item").first.inner_html()
    assert "rachète l'italien" in html or "rachète l&#39;italien" in html
    assert "<script" not in html


def search_page(page, url: str):
    page.goto(url)
    page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
    return [
        site_path(h, url.split("search/")[0])
        for h in page.eval_on_selector_all("#wa-results li h2 a", "links => links.map(a => a.href)")
    ]


def test_shared_url_restores_the_search_and_its_filters(page, demo_url):
    url = f"{demo_url}search/?query=milliards&language=de"
    paths = search_page(page, url)
    assert paths and all(
        p.split("/")[2].startswith(("tsmc-will", "nvidia-steigt", "intel-gibt")) for p in paths
    ), paths
    assert page.locator("#wa-query").input_value() == "milliards"
    assert page.locator("#wa-language").input_value() == "de"
    assert {item.get_attribute("lang") for item in page.locator("#wa-results li").all()} == {"de"}


def test_a_filter_narrows_results_and_goes_into_the_url(page, demo_url):
    paths = search_page(page, f"{demo_url}search/?query=OpenAI")
    assert len(paths) > 3
    page.select_option("#wa-entity", "microsoft")
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('entity') === 'microsoft'"
    )
    page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
    page.wait_for_function("() => document.querySelectorAll('#wa-results li').length === 2")
    hrefs = page.eval_on_selector_all("#wa-results li h2 a", "links => links.map(a => a.href)")
    # the two dispatches that name Microsoft (and OpenAI)
    assert sorted(site_path(h, demo_url).split("/")[2][:20] for h in hrefs) == [
        "microsoft-detiendra-",
        "nvidia-prevoit-d-inv",
    ]
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"query": ["OpenAI"], "entity": ["microsoft"]}


def test_date_range_and_source_filters(page, demo_url):
    paths = search_page(page, f"{demo_url}search/?query=OpenAI&from=2025-10-01&to=2025-10-31")
    assert paths and all(p.startswith("2025/10/") for p in paths), paths
    paths = search_page(page, f"{demo_url}search/?query=milliards&source=AFP")
    assert "2025/09/asml-devient-le-premier-actionnaire-de-mistral-ai/" in paths


def test_search_page_works_from_the_keyboard(page, demo_url):
    page.goto(f"{demo_url}search/")
    page.wait_for_selector("[data-wa-search][data-wa-filters=yes]")
    page.locator("#wa-query").focus()
    page.keyboard.type("ecosysteme")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
    page.wait_for_function("() => document.querySelectorAll('#wa-results li').length > 0")
    assert page.locator("#wa-status").get_attribute("role") == "status"
    assert "1 dispatch found" in page.locator("#wa-status").inner_text()
    page.keyboard.press("Tab")  # from the query to the Search button, then into the filters
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "wa-entity"
    page.locator("#wa-results li h2 a").first.focus()
    page.keyboard.press("Enter")
    # Material's instant navigation changes the page without a `load` event
    page.wait_for_function("held => location.pathname.includes(held)", arg=HELD_OUT)
    assert page.locator("h1").first.inner_text().startswith("Qualcomm rachète")


def test_search_keeps_working_offline_once_loaded(page, context, demo_url):
    paths = search_page(page, f"{demo_url}search/?query=milliards")
    assert paths
    page.wait_for_selector("[data-wa-search][data-wa-warm=yes]")  # head indexes fetched ahead
    context.set_offline(True)
    page.locator("#wa-query").fill("milliard Nvidia")
    page.locator("#wa-query").press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#wa-status').textContent.includes('found')"
    )
    hrefs = page.eval_on_selector_all("#wa-results li h2 a", "links => links.map(a => a.href)")
    assert any("nvidia" in h for h in hrefs), hrefs


def test_pipelines_of_browser_and_build_agree(page, demo_url):
    """The browser's terms for the demo's words are the build's, word for word, in every language."""
    from wirearchive.search.analysis import LANGUAGES, terms

    page.goto(f"{demo_url}search/")
    manifest = json.loads(page.evaluate("fetch('../search/manifest.json').then(r => r.text())"))
    worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
    script = page.evaluate(f"fetch({json.dumps(worker)}).then(r => r.text())")
    names = json.loads(script.split("const WA_SCRIPTS = ", 1)[1].split(";\n", 1)[0])
    for name in names:
        page.add_script_tag(url=f"{demo_url}assets/wirearchive/search/{name}")
    texts = [
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "articles").rglob("*.txt"))
    ]
    texts.append(
        "L’Économie ÉTAIT œuvre Straße ﬁn jusqu'à qu'il dell'anno OpenAI's aujourd'hui 5,4 M&A GPT-5"
    )
    for language in LANGUAGES:
        expected = [terms(text, language) for text in texts]
        got = page.evaluate(
            "([data, texts, lang]) => { const p = new WirearchivePipeline(data);"
            " return texts.map(t => p.terms(t, lang)); }",
            [manifest["pipeline"], texts, language],
        )
        for text, mine, theirs in zip(texts, expected, got):
            assert mine == theirs, f"{language}: {text[:60]!r}"
