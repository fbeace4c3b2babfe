"""Timelines read on a phone with JavaScript off: everything shows, nothing overflows."""

from __future__ import annotations

import pytest

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser, demo_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, is_mobile=True)
    local = demo_url.rsplit("/", 3)[0]
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(local) else route.abort(),
    )
    page = context.new_page()
    yield page
    context.close()


def overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize(
    "path", ["timeline/", "timeline/2025/", "entities/nvidia/", "archive/2025/10/", "sources/ats/"]
)
def test_pages_fit_a_phone_without_javascript(phone, demo_url, path):
    phone.goto(demo_url + path)
    assert overflow(phone) <= 0
    entries = phone.locator(".wa-tl, .wa-list__item")
    assert entries.count() > 0
    first = entries.first.bounding_box()
    assert first is not None and first["x"] >= 0 and first["x"] + first["width"] <= PHONE["width"]


def test_an_event_known_to_the_month_is_drawn_as_a_month(phone, demo_url):
    phone.goto(demo_url + "timeline/2025/")
    month = phone.locator(".wa-tl--month.wa-tl--event").first
    assert "(mois connu, pas le jour)" in month.inner_text()  # a French dispatch's event
    day = phone.locator(".wa-tl--day.wa-tl--event").first
    mark = "el => getComputedStyle(el, '::before').height"
    assert float(month.evaluate(mark).rstrip("px")) > 2 * float(day.evaluate(mark).rstrip("px"))
