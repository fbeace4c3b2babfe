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


def box_item(page, path: str):
    """The search box's result that links to `path`."""
    return page.locator(f".md-search-result__item:has(> a[href*='{path}'])").first


def test_search_box_shows_date_agency_and_highlighted_snippet(home, demo_url):
    box_results(home, demo_url, "equipement", HELD_OUT)
    item = home.locator(".md-search-result__item").first
    assert "Qualcomm rachète" in item.locator("h1").inner_text()
    text = item.inner_text()
    assert "7 octobre 2025" in text and "ATS" in text  # the date in the site's language
    # the lede's word matched by its stem, marked (here `carte` for the query `cartes`)
    box_results(home, demo_url, "cartes", HELD_OUT)
    home.wait_for_function(
        "() => document.querySelector('.md-search-result__item mark')"
    )  # the snippet comes with the second answer
    marks = home.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
    assert "carte" in marks


def test_search_box_escapes_what_it_shows(home, demo_url):
    box_results(home, demo_url, "Qualcomm", HELD_OUT)
    html = box_item(home, HELD_OUT).inner_html()
    assert "rachète l'italien" in html or "rachète l&#39;italien" in html
    assert "<script" not in html


def test_search_box_lists_the_glossary_entry_first(home, demo_url):
    box_results(home, demo_url, "Nvidia", NVIDIA)
    # the box answers while the word is typed: wait for the answer to the whole word
    home.wait_for_function(
        """expected => {
          const links = [...document.querySelectorAll('.md-search-result__item > a')];
          const paths = links.map(a => new URL(a.href).pathname);
          return paths[0] && paths[0].endsWith('/entities/nvidia/')
            && paths.slice(1, 4).every(p => expected.some(e => p.includes(e)));
        }""",
        arg=list(NVIDIA),
        timeout=10_000,
    )


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
    assert "1 dépêche trouvée" in page.locator("#wa-status").inner_text()  # the site's language
    page.keyboard.press("Tab")  # from the query to the Search button, then into the filters
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"  # they fold
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
    # a small archive's directory, rows and glossary are fetched ahead
    page.wait_for_selector("[data-wa-search][data-wa-warm=yes]")
    context.set_offline(True)
    page.locator("#wa-query").fill("milliard Nvidia")
    page.locator("#wa-query").press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#wa-status').textContent.includes('trouvées')"
    )
    page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
    hrefs = page.eval_on_selector_all("#wa-results li h2 a", "links => links.map(a => a.href)")
    assert any("nvidia" in h for h in hrefs), hrefs
    # each result shows the start of its lede; snippets in context needed the network
    assert page.locator("#wa-results li .wa-search__snippet").count() == len(hrefs)


def load_worker_scripts(page) -> None:
    """The search worker's file, run in the page: its pipeline to call from the test."""
    worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
    page.add_script_tag(url=page.evaluate(f"new URL({json.dumps(worker)}, location.href).href"))
    page.wait_for_function("() => typeof WirearchivePipeline === 'function'")


def test_pipelines_of_browser_and_build_agree(page, demo_url):
    """The browser's terms for the demo's words are the build's, word for word, in every language."""
    from wirearchive.search.analysis import LANGUAGES, terms

    page.goto(f"{demo_url}search/")
    manifest = json.loads(page.evaluate("fetch('../search/manifest.json').then(r => r.text())"))
    load_worker_scripts(page)
    texts = [
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "articles").rglob("*.txt"))
    ]
    texts.append(
        "L’Économie ÉTAIT œuvre Straße ﬁn jusqu'à qu'il dell'anno OpenAI's aujourd'hui 5,4 M&A GPT-5"
    )
    texts.append(
        "Boerse Zuerich Quelle Muenchen Fuer Aerzte Goethe Steuer queue issues Zürich Börse"
    )
    texts.append("𝕊𝕨𝕚𝕤𝕤𝕔𝕠𝕞 𝐀𝐁𝐁 ＳＷＩＳＳ Ⅳ ℌ")  # compatibility capitals, lowered after NFKD
    for language in LANGUAGES:
        expected = [terms(text, language) for text in texts]
        got = page.evaluate(
            "([data, texts, lang]) => { const p = new WirearchivePipeline(data);"
            " return texts.map(t => p.terms(t, lang)); }",
            [manifest["pipeline"], texts, language],
        )
        for text, mine, theirs in zip(texts, expected, got):
            assert mine == theirs, f"{language}: {text[:60]!r}"


def test_query_terms_of_browser_and_build_agree(page, demo_url):
    """What a typed word may match, in the browser and in the build: transliteration too."""
    from wirearchive.search.analysis import is_stop_word, query_terms, words

    page.goto(f"{demo_url}search/")
    manifest = json.loads(page.evaluate("fetch('../search/manifest.json').then(r => r.text())"))
    load_worker_scripts(page)
    typed = words(
        "boerse Börse zuerich Zürich quelle muenchen fuer für die the le investissements "
        "Nvidia Jen-Hsun Milliarden users issues queue Goethe aerzte"
    )
    languages = tuple(manifest["pipeline"]["languages"])
    got = page.evaluate(
        "([data, words]) => { const p = new WirearchivePipeline(data);"
        " return words.map(w => [p.queryTerms(w), p.isStopWordAnywhere(w)]); }",
        [manifest["pipeline"], typed],
    )
    for word, (terms, stop) in zip(typed, got):
        assert (sorted(terms), stop) == (
            query_terms(word, languages),
            is_stop_word(word, languages),
        )


def results_of(page) -> list[str]:
    base = page.url.split("search/")[0]
    return [
        site_path(h, base)
        for h in page.eval_on_selector_all("#wa-results li h2 a", "links => links.map(a => a.href)")
    ]


def test_a_query_naming_an_entry_shows_it_first_then_headlines_naming_it(page, demo_url):
    paths = search_page(page, f"{demo_url}search/?query=Nvidia")
    entries = page.eval_on_selector_all(
        "[data-wa-search-glossary] li h2 a", "links => links.map(a => a.href)"
    )
    assert [site_path(h, demo_url) for h in entries] == ["entities/nvidia/"]
    assert page.locator("[data-wa-search-glossary]").is_visible()
    # the glossary entry comes before the results, and says what it is
    entry = page.locator("[data-wa-search-glossary] li").first
    assert "Concepteur américain de processeurs graphiques" in entry.inner_text()
    assert page.evaluate(
        "document.querySelector('[data-wa-search-glossary]').compareDocumentPosition("
        "document.querySelector('#wa-results')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    # then the three headlines naming Nvidia, newest first, then dispatches naming it further down
    assert [p.split("/")[2][:20] for p in paths[:3]] == [
        "nvidia-franchit-la-b",
        "nvidia-prevoit-d-inv",
        "nvidia-steigt-mit-fu",
    ]
    matches = page.eval_on_selector_all(
        "#wa-results li", "items => items.map(i => i.dataset.waMatch)"
    )
    assert matches[:3] == ["headline"] * 3 and "headline" not in matches[3:], matches
    assert len(paths) == 8


def test_a_body_match_shows_its_words_highlighted_in_context(page, demo_url):
    paths = search_page(page, f"{demo_url}search/?query=Phoenix")
    assert paths[0].startswith("2025/03/tsmc-will-weitere"), paths
    item = page.locator("#wa-results li").first
    assert item.get_attribute("data-wa-match") == "body"
    snippet = item.locator(".wa-search__snippet")
    assert snippet.locator("mark").all_inner_texts() == ["Phoenix"]
    text = snippet.inner_text()
    assert text.startswith("…") and "Phoenix betreibt" in text  # a window of the body
    assert len(text) < 300
    # titles are text with <mark> elements, never markup from the index
    page.goto(f"{demo_url}search/?query=rachete")
    page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
    link = page.locator("#wa-results li h2 a").first
    assert link.locator("mark").all_inner_texts() == ["rachète"]
    assert "<" not in link.inner_text()


def test_dates_and_languages_are_in_the_reader_s_language(page, demo_url):
    search_page(page, f"{demo_url}search/?query=Arduino")
    meta = page.locator("#wa-results li .wa-search__meta").first
    assert meta.locator("time").get_attribute("datetime") == "2025-10-07"
    assert meta.locator("time").inner_text() == "7 octobre 2025"
    paths = search_page(page, f"{demo_url}search/?query=Chipfabriken")
    assert "allemand" in page.locator("#wa-results li .wa-search__meta").first.inner_text()
    assert paths


def test_q_as_material_shares_it_works_as_query(page, demo_url):
    paths = search_page(page, f"{demo_url}search/?q=Arduino")
    assert paths and paths[0].startswith(HELD_OUT)
    assert page.locator("#wa-query").input_value() == "Arduino"
    assert parse_qs(urlsplit(page.url).query) == {"query": ["Arduino"]}
    # Material's own search box, which opens on ?q=, stays closed: this page answers
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("boerse", "2024/11/sunrise-feiert-comeback"),  # Börse
        ("zuerich", "2024/11/sunrise-feiert-comeback"),  # Zürich, in German
        ("zuerich", "2025/10/abb-vend-sa-division-robotique"),  # Zurich, in French
    ],
)
def test_spelled_out_umlauts_find_the_umlauts(page, demo_url, query, expected):
    paths = search_page(page, f"{demo_url}search/?query={query}")
    assert any(p.startswith(expected) for p in paths), paths


def test_more_dispatches_shows_only_when_there_are_more(page, demo_url):
    search_page(page, f"{demo_url}search/?query=Arduino")
    more = page.locator("[data-wa-search-more]")
    assert not more.is_visible()
    paths = search_page(page, f"{demo_url}search/?query=milliards")
    assert len(paths) == 10
    status = page.locator("#wa-status").inner_text()
    total = int(status.split()[0])
    assert total > 10 and "10" in status, status
    assert more.is_visible()
    more.click()
    page.wait_for_function(
        "n => document.querySelectorAll('#wa-results li').length === n", arg=min(total, 20)
    )
    page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
    assert more.is_visible() == (total > 20)


@pytest.mark.parametrize("width, folded", [(375, True), (1280, False)])
def test_filters_fold_on_a_phone(browser, demo_url, width, folded):
    context = local_context(browser, demo_url)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 740})
    try:
        search_page(page, f"{demo_url}search/?query=Nvidia")
        assert page.evaluate("document.querySelector('[data-wa-search-filters]').open") != folded
        assert page.locator("#wa-entity").is_visible() != folded
        # on a phone the first result is on the first screen
        first = page.locator("[data-wa-search-glossary] li").first.bounding_box()
        assert not folded or first["y"] + 40 < 740, first
        # the words box has a border, as Material's fields do
        border = page.evaluate(
            "getComputedStyle(document.getElementById('wa-query')).borderTopWidth"
        )
        assert border != "0px"
        if folded:  # a reader opens them, chooses, and the count shows on the folded line
            page.locator("[data-wa-search-filters] summary").click()
            page.select_option("#wa-language", "de")
            page.wait_for_selector("[data-wa-search][data-wa-done=yes]")
            assert page.locator("[data-wa-search-filter-count]").inner_text() == "(1)"
    finally:
        context.close()
