"""A reader sees which events were still to come when reported (planned, a deadline) and
where a span ends, on the timeline page in each dispatch's language and in the TimelineJS
export in the site's."""

from __future__ import annotations

import json
import re

import pytest

from ..conftest import mkdocs_build, write_site

USINE = """Chipwerk construira une usine à Yverdon

Lausanne, 14 octobre 2025 (Keystone-ATS) - Le fabricant de puces Chipwerk va construire une \
usine à Yverdon-les-Bains. La mise en service est prévue en 2027.

Les subventions cantonales sont garanties jusqu'en 2032. L'entreprise avait été fondée en \
mars 2019 à Zurich.
"""
WERK = """Chipwerk baut in Dresden aus

Zürich, 15. Oktober 2025 (Keystone-SDA) - Der Chiphersteller Chipwerk baut sein Werk in \
Dresden aus. Von 2016 bis 2020 hatte das Unternehmen dort bereits 300 Millionen Franken \
investiert.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_site(
        tmp_path_factory.mktemp("kinds"),
        {"2025/10/usine.txt": USINE, "2025/10/werk.txt": WERK},
        extra="site_url: https://x.example/k/\n",
    )
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml")
        .read_text()
        .replace("name: material", "name: material\n  language: fr")
    )
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return root / "site"


def entries(site) -> dict[str, str]:
    html = (site / "timeline" / "index.html").read_text("utf-8")
    found = re.findall(r'<li class="(wa-tl [^"]*)"[^>]*>(.*?)</li>', html, re.S)
    return {
        re.search(r'datetime="([^"]+)"', body)[1]: (cls, re.sub(r"\s+", " ", body))
        for cls, body in found
    }


def test_the_timeline_says_what_was_still_to_come(site):
    shown = entries(site)
    cls, body = shown["2027"]
    assert "wa-tl--planned" in cls and '<span class="wa-tl__kind">prévu</span>' in body
    cls, body = shown["2032"]
    assert "wa-tl--deadline" in cls and '<span class="wa-tl__kind">échéance</span>' in body
    cls, body = shown["2019-03"]  # founded: past, no mark
    assert "wa-tl__kind" not in body and "planned" not in cls
    cls, body = shown["2016"]  # a German dispatch's span, in German
    assert '<span class="wa-tl__kind">bis 2020</span>' in body


def test_the_timelinejs_export_groups_and_spans_in_the_site_language(site):
    slides = json.loads((site / "timeline" / "timeline.json").read_text("utf-8"))["events"]
    by_year = {s["start_date"]["year"]: s for s in slides}
    assert by_year[2027]["group"] == by_year[2032]["group"] == "À venir"
    assert by_year[2019]["group"] == "Événements"
    assert by_year[2016]["end_date"] == {"year": 2020, "display_date": "2020"}
    assert "end_date" not in by_year[2019]
