"""A reader finds their way in the demo (issue 12.2, 12.3, 12.8), on a desktop and a phone.

From any page, search and the glossary are one or two clicks away through the navigation;
an entity page reads as a topic page (description, latest dispatches, quotes, timeline);
a missing address answers with a styled, translated page whose links work, under the
site's own path and under any other; and no page asks anything of another host.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import SUB_PATH, local_context
from tests.conftest import ROOT
from tests.sitecheck import serve

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
DEVICES = {"desktop": {"viewport": DESKTOP}, "phone": {"viewport": PHONE, "is_mobile": True}}
DEEP_MISSING = "2025/09/no-such-dispatch/nor/this/"
# Material's stylesheet applies: its header sticks to the top of the page
STYLED = "getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"


def article(site: Path, prefix: str) -> str:
    """The path of the demo's article whose address starts with `prefix` (slugs may change)."""
    (found,) = site.glob(prefix + "*/index.html")
    return found.parent.relative_to(site).as_posix() + "/"


def pages(site: Path) -> list[str]:
    return [
        "",
        article(site, "2025/09/nvidia-prevoit-d-investir"),
        article(site, "2025/09/nvidia-steigt"),
        "entities/nvidia/",
        "timeline/",
        "archive/2025/10/",
        "sources/",
    ]


@pytest.fixture(params=list(DEVICES))
def reader(request, browser, demo_url):
    context = local_context(browser, demo_url, **DEVICES[request.param])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"script errors: {errors}"


def follow_navigation(page, title: str) -> None:
    """Click the navigation's link `title` as a reader does: a tab on a desktop, the menu
    (the drawer) on a phone."""
    tab = page.locator(".md-tabs__link", has_text=title)
    if tab.count() and tab.first.is_visible():
        tab.first.click()
        return
    page.locator('label.md-header__button[for="__drawer"]').click()
    link = page.locator(".md-nav--primary .md-nav__link", has_text=title).first
    link.wait_for(state="visible")
    link.click()


@pytest.mark.parametrize(
    "target, path, landmark",
    [
        ("Recherche", "search/", ".md-content form[role=search]"),  # the page's own form
        ("Glossaire", "entities/", ".wa-glossary"),
    ],
)
def test_search_and_the_glossary_are_reached_from_every_page(
    reader, demo_url, demo_site, target, path, landmark
):
    for start in pages(demo_site) + [DEEP_MISSING]:
        reader.goto(demo_url + start)
        reader.wait_for_function(STYLED)
        follow_navigation(reader, target)
        reader.wait_for_url(demo_url + path + "**")
        reader.locator(landmark).first.wait_for(state="visible")


@pytest.mark.parametrize("device", list(DEVICES))
def test_an_entity_page_reads_description_dispatches_quotes_timeline(browser, demo_url, device):
    context = local_context(browser, demo_url, **DEVICES[device])
    page = context.new_page()
    page.goto(demo_url + "entities/sam-altman/")
    tops = [
        page.locator(selector).first.bounding_box()["y"]
        for selector in (
            ".wa-entity__description",
            ".wa-entity__articles",
            ".wa-entity__quotes",
            ".wa-entity__timeline",
        )
    ]
    assert tops == sorted(tops)
    # the latest dispatches begin on the first two screens, not after the timeline
    first = page.locator(".wa-entity__articles .wa-list__item").first.bounding_box()
    assert first["y"] < 2 * DEVICES[device]["viewport"]["height"]
    assert page.locator(".wa-infobox").inner_text().count("Dépêches") == 1
    context.close()


def test_a_deep_missing_address_under_another_path_gets_a_working_page(page, demo_url):
    """The demo's site_url says /wirearchive/; here it is served under /newsroom/archive/."""
    assert urlsplit(demo_url).path == SUB_PATH
    response = page.goto(demo_url + DEEP_MISSING)
    assert response.status == 404
    page.wait_for_function(STYLED)
    assert page.locator(".wa-not-found h1").inner_text() == "Page introuvable"
    glossary = page.locator(".wa-not-found a", has_text="Glossaire")
    assert glossary.evaluate("a => a.href") == demo_url + "entities/"
    glossary.click()
    page.wait_for_url(demo_url + "entities/")
    assert page.locator(".md-content h1").first.inner_text() == "Glossaire"


def test_a_missing_address_under_the_site_url_works_without_javascript(browser, demo_site):
    site_path = "/wirearchive/"  # the path of the demo's site_url, where Pages publishes it
    assert f"site_url: https://example.github.io{site_path}" in (ROOT / "mkdocs.yml").read_text()
    with serve(demo_site, site_path) as base:
        context = local_context(browser, base, java_script_enabled=False)
        page = context.new_page()
        for missing in ("nothing-here", DEEP_MISSING):
            response = page.goto(base + missing)
            assert response.status == 404
            assert page.evaluate(STYLED), missing
            link = page.locator(".wa-not-found a", has_text="Recherche")
            assert link.evaluate("a => a.href") == base + "search/"
        context.close()


def test_no_page_asks_anything_of_another_host(browser, demo_url, demo_site):
    context = local_context(browser, demo_url)
    page = context.new_page()
    for path in [*pages(demo_site), "entities/", "search/?q=Nvidia", DEEP_MISSING]:
        page.goto(demo_url + path, wait_until="networkidle")
    assert context.blocked == []
    context.close()
