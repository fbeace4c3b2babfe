"""The two raw layouts: every field, every furniture line, and nothing lost."""

import json
from pathlib import Path

import pytest

from wirearchive.article import load
from wirearchive.dispatch import ParseOptions, normalize, parse_text
from wirearchive.dispatch.layouts import find_dateline
from wirearchive.text.markdown import escape_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dispatches"
ROOT = Path(__file__).resolve().parents[2]
OPTIONS = ParseOptions()


def fixture_names():
    return sorted(p.stem for p in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_gives_every_expected_field(name):
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    loaded = load((FIXTURES / f"{name}.txt").read_bytes(), f"articles/{name}.txt", OPTIONS)
    assert [p for p in loaded.problems if p.severity != "info"] == []
    got = loaded.article.metadata()
    for key in ("title", "date", "language", "sources", "rubric", "section", "summary", "image"):
        assert got[key] == expected[key], key
    assert loaded.article.body == "\n\n".join(escape_text(p) for p in expected["body"])


WEB_COPY = """\
 date 2026-03-14   2. Marchés
Économie Le fabricant de puces zurichois lève 40 millions de francs

ATS

14.3.2026 - 09:12

La directrice de Chipwerk, Anna Keller, lors d'une conférence à Zurich.
La directrice de Chipwerk, Anna Keller, lors d'une conférence à Zurich.
KEYSTONE/ATS

La jeune pousse zurichoise Chipwerk a bouclé jeudi un tour de table de 40 millions de francs.

Keystone-ATS

14.03.2026, 09:12

Le premier paragraphe du corps de la dépêche.

Le second paragraphe du corps de la dépêche.
"""


def test_web_copy_example_of_the_design():
    d, problems = parse_text(WEB_COPY, OPTIONS)
    assert problems == []
    assert d.layout == "web copy"
    assert d.title == "Le fabricant de puces zurichois lève 40 millions de francs"
    assert d.rubric == "Économie" and d.section == "2. Marchés"
    assert d.date.isoformat() == "2026-03-14T09:12:00+01:00"
    assert d.sources == ["ATS", "Keystone-SDA"]
    assert (
        d.image.caption == "La directrice de Chipwerk, Anna Keller, lors d'une conférence à Zurich."
    )
    assert d.image.credit == "KEYSTONE/ATS"
    assert d.summary.startswith("La jeune pousse zurichoise")
    assert [p.text for p in d.body] == [
        "Le premier paragraphe du corps de la dépêche.",
        "Le second paragraphe du corps de la dépêche.",
    ]
    assert d.language == "fr"


@pytest.mark.parametrize("credit", ["ATS", "Keystone-ATS", "KEYSTONE/EPA/Ritchie B. Tongo"])
def test_the_line_under_a_repeated_caption_is_its_credit_even_an_agency_name(credit):
    d, problems = parse_text(WEB_COPY.replace("KEYSTONE/ATS", credit), OPTIONS)
    assert problems == []
    assert d.image.credit == credit
    assert d.summary.startswith("La jeune pousse zurichoise")
    assert d.sources == ["ATS", "Keystone-SDA"]


@pytest.mark.parametrize(
    "furniture",
    [
        " date 2026-03-14   2. Marchés",
        "ATS",
        "14.3.2026 - 09:12",
        "Keystone-ATS",
        "14.03.2026, 09:12",
        "KEYSTONE/ATS",
        "La directrice de Chipwerk, Anna Keller, lors d'une conférence à Zurich.",
    ],
)
def test_furniture_lines_stay_out_of_the_body(furniture):
    d, _ = parse_text(WEB_COPY, OPTIONS)
    assert all(furniture.strip() not in p.text for p in d.body)


@pytest.mark.parametrize("missing", ["header", "caption", "lede", "timestamps"])
def test_web_copy_with_parts_missing(missing):
    lines = WEB_COPY.splitlines()
    drop = {
        "header": [0],
        "caption": [7, 8, 9],
        "lede": [13, 14, 15, 16],  # the second agency line and timestamp that close the lede
        "timestamps": [5, 15],
    }[missing]
    text = "\n".join(line for k, line in enumerate(lines) if k not in drop)
    d, _ = parse_text(text, OPTIONS)
    assert d.title == "Le fabricant de puces zurichois lève 40 millions de francs"
    assert "Le second paragraphe du corps de la dépêche." in [p.text for p in d.body]
    assert d.date is not None
    if missing == "caption":
        assert d.image is None
    if missing == "lede":
        assert d.summary is None
        assert d.body[0].text.startswith("La jeune pousse")  # not lost: it is body now
    if missing == "header":
        assert d.section is None and d.date.isoformat() == "2026-03-14T09:12:00+01:00"
    if missing == "timestamps":
        assert d.date.isoformat() == "2026-03-14T00:00:00+01:00"  # from the header


@pytest.mark.parametrize(
    "paragraph, place, sources, date_text",
    [
        ("TAIPEI, Feb 1 (Reuters) - Taiwan's chipmakers...", "TAIPEI", ["Reuters"], "Feb 1"),
        ("Taipei (AFP) - Le fondeur taïwanais...", "Taipei", ["AFP"], None),
        ("Zürich (awp/sda) - Der Konzern...", "Zürich", ["awp", "SDA"], None),
        ("Genève (Keystone-ATS) - L'organisation...", "Genève", ["Keystone-SDA"], None),
        ("Paris (ats afp) Les violences...", "Paris", ["ATS", "AFP"], None),
        ("BEIJING (AP) _ Stuck in a jail...", "BEIJING", ["AP"], None),
        ("SAN FRANCISCO (AP) — Apple said...", "SAN FRANCISCO", ["AP"], None),
        ("Strasbourg, 10 juil 2024 (AFP) - Le Parlement...", "Strasbourg", ["AFP"], "10 juil 2024"),
        ("LONDON, June 3, 2025 (Reuters) - Shares...", "LONDON", ["Reuters"], "June 3, 2025"),
        ("Berlin (dpa) - Die Regierung...", "Berlin", ["dpa"], None),
    ],
)
def test_datelines(paragraph, place, sources, date_text):
    dateline = find_dateline(paragraph, OPTIONS)
    assert (dateline.place, dateline.sources, dateline.date_text) == (place, sources, date_text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Nvidia (NVDA) gained 3% on Monday.",  # a ticker is not an agency
        "The company (founded in 1993) said on Monday.",
        "Plain sentence without any dateline.",
    ],
)
def test_parentheses_that_are_not_datelines(paragraph):
    assert find_dateline(paragraph, OPTIONS) is None


WIRE = """\
Swiss chipmaker raises funds for a new plant

By Jane Doe

ZURICH, June 3, 2025 (Reuters) - A Swiss chip designer said on Tuesday it had raised new funds.

The money will pay for a plant near Neuchâtel, the company said.

(Reporting by Jane Doe; Editing by John Roe)
"""


def test_wire_byline_and_credits_are_set_apart():
    d, _ = parse_text(WIRE, OPTIONS)
    assert d.layout == "wire"
    assert d.title == "Swiss chipmaker raises funds for a new plant"
    assert d.byline == "By Jane Doe"
    assert d.credits == "Reporting by Jane Doe; Editing by John Roe"
    assert [p.text for p in d.body][0].startswith("ZURICH, June 3, 2025 (Reuters) - A Swiss")
    assert all("Reporting by" not in p.text for p in d.body)
    assert d.date.isoformat() == "2025-06-03T00:00:00+02:00"
    assert d.summary is None


@pytest.mark.parametrize(
    "signoff", ["(SDA/sj)", "(SDA\\/sj)", "ats/afp/mk", "awp/sda/ra", "dpa al rmo hct rmo"]
)
def test_sign_offs_are_furniture(signoff):
    text = "Titel der Meldung hier\n\nZürich (awp/sda) - Der Text der Meldung.\n\n" + signoff + "\n"
    d, _ = parse_text(text, OPTIONS)
    assert [p.text for p in d.body] == ["Zürich (awp/sda) - Der Text der Meldung."]
    assert d.furniture[-1].text == signoff


def test_dateline_without_year_takes_the_year_of_its_folder():
    text = "Chip sales rise\n\nTAIPEI, Feb 1 (Reuters) - Sales rose in January.\n"
    loaded = load(text.encode(), "articles/2026/02/chip-sales-rise.txt", OPTIONS)
    assert loaded.article.date.isoformat() == "2026-02-01T00:00:00+01:00"
    loose = load(text.encode(), "articles/chip-sales-rise.txt", OPTIONS)
    assert loose.article is None
    assert "`Feb 1` but no year" in loose.problems[0].message


def test_hard_wrapped_wire_paragraphs_are_joined():
    text = (
        "Headline of the wire item\n\nGeneva (dpa) - Switzerland is joining a growing number of\n"
        "countries that will refrain from signing.\n\nSecond paragraph.\n"
    )
    d, _ = parse_text(text, OPTIONS)
    assert [p.text for p in d.body] == [
        "Geneva (dpa) - Switzerland is joining a growing number of countries that will refrain from signing.",
        "Second paragraph.",
    ]


# ------------------------------------------------------------------------ nothing lost


def accounted(d) -> list[str]:
    parts = [d.title, d.rubric, d.section, d.summary, d.byline, d.credits]
    if d.image:
        parts += [d.image.caption, d.image.credit]
    parts += [p.text for p in d.body + d.furniture + d.notes]
    return [p for p in parts if p]


def assert_nothing_lost(text: str, d) -> None:
    joined = "\n".join(" ".join(part.split()) for part in accounted(d))
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if d.rubric and line == f"{d.rubric} {d.title}":
            continue
        assert line in joined, f"lost: {line!r}"


def demo_and_fixture_files():
    files = sorted((ROOT / "articles").rglob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
    return [pytest.param(p, id=p.name) for p in files]


@pytest.mark.parametrize("path", demo_and_fixture_files())
def test_every_line_of_a_dispatch_is_kept_somewhere(path):
    from wirearchive import frontmatter

    text = normalize(path.read_text(encoding="utf-8"))
    fm, _ = frontmatter.split(text, str(path))
    d, _ = parse_text(fm.body, OPTIONS)
    assert_nothing_lost(fm.body, d)
    assert d.body, "a dispatch has a body"


@pytest.mark.parametrize(
    "line, rubric, title",
    [
        ("Technologie Nvidia franchit la barre", "Technologie", "Nvidia franchit la barre"),
        ("Numérique La Poste lance un service", "Numérique", "La Poste lance un service"),
        ("Économie numérique Swisscom investit", "Économie numérique", "Swisscom investit"),
        ("Netzwelt Google testet einen Dienst", "Netzwelt", "Google testet einen Dienst"),
        ("Nvidia franchit la barre", None, "Nvidia franchit la barre"),
    ],
)
def test_rubric_glued_before_the_headline(line, rubric, title):
    assert OPTIONS.split_rubric(line) == (rubric, title)
