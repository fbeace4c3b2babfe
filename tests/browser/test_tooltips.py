"""Entity tooltips as a reader meets them: mouse, keyboard, touch."""

from __future__ import annotations

import pytest

ARTICLE = "2025/10/nvidia-franchit-la-barre-des-5000-milliards-de-dollars/"
HUANG = "Jensen Huang: Cofondateur et directeur général de Nvidia."


def mention(page, entity_id: str):
    """The body's link to the entity, once the page's script has made it a mention."""
    link = page.locator(f'.wa-body a.wa-mention[href$="entities/{entity_id}/"]')
    link.wait_for(state="attached", timeout=10_000)
    return link


def test_hover_shows_the_description_and_escape_hides_it(page, demo_url):
    page.goto(demo_url + ARTICLE)
    link = mention(page, "jensen-huang")
    assert link.count() == 1
    assert link.get_attribute("aria-describedby") == "wa-tip-jensen-huang"
    link.hover()
    tooltip = page.locator("#wa-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == HUANG
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")


def test_keyboard_focus_shows_the_description(page, demo_url):
    page.goto(demo_url + ARTICLE)
    mention(page, "nvidia")
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.matches('.wa-body a.wa-mention')")
        if focused:
            break
    else:
        pytest.fail("no linked mention is reachable with the Tab key")
    expected = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    tooltip = page.locator("#wa-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == expected.strip()


def test_first_tap_shows_the_description_second_follows_the_link(browser, demo_url):
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    local = demo_url.split("/newsroom/")[0]
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(local) else route.abort(),
    )
    try:
        page = context.new_page()
        page.goto(demo_url + ARTICLE)
        link = mention(page, "jensen-huang")
        link.scroll_into_view_if_needed()
        link.tap()
        page.locator("#wa-tooltip").wait_for(state="visible")
        assert page.url.endswith(ARTICLE)
        link.tap()
        page.wait_for_url("**/entities/jensen-huang/")
        assert page.locator("h1").first.inner_text() == "Jensen Huang"
    finally:
        context.close()
