"""`wirearchive show` and `wirearchive check`, run as a contributor runs them."""

import json

from .conftest import FIXTURES, wirearchive, write_site

METADATA_KEYS = {
    "title",
    "date",
    "language",
    "sources",
    "rubric",
    "section",
    "summary",
    "image",
    "slug",
    "entities",
    "quotes",
    "events",
    "source_file",
}
IPHONE = FIXTURES / "dispatches" / "fr-apple-iphone-air.txt"


def test_show_json_prints_every_metadata_key_and_the_body():
    result = wirearchive("show", str(IPHONE), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == METADATA_KEYS | {"body"}
    expected = json.loads(
        IPHONE.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    for key in ("title", "date", "language", "sources", "rubric", "section", "summary", "image"):
        assert data[key] == expected[key]
    assert data["source_file"] == "tests/fixtures/dispatches/fr-apple-iphone-air.txt"
    assert data["body"].split("\n\n")[0] == expected["body"][0]


def test_show_prints_the_page_markdown_with_front_matter():
    result = wirearchive("show", str(IPHONE))
    assert result.returncode == 0
    assert result.stdout.startswith(
        "---\ntitle: Apple présente l'iPhone Air, son smartphone le plus fin\n"
    )
    assert "\ndate: '2025-09-09T20:15:00+02:00'\n" in result.stdout
    assert "---\n\nApple a présenté" in result.stdout or "---\n\n" in result.stdout


def test_show_uses_the_time_zone_of_the_site(tmp_path):
    root = write_site(
        tmp_path,
        {"2025/09/iphone.txt": IPHONE.read_text(encoding="utf-8")},
        plugin_options="      timezone: America/New_York",
    )
    result = wirearchive("show", str(root / "articles" / "2025" / "09" / "iphone.txt"), "--json")
    data = json.loads(result.stdout)
    assert data["date"] == "2025-09-09T20:15:00-04:00"
    assert data["source_file"] == "articles/2025/09/iphone.txt"


def test_show_on_a_dispatch_that_cannot_be_placed_exits_1_and_says_why():
    result = wirearchive("show", str(FIXTURES / "bad" / "no-date.txt"))
    assert result.returncode == 1
    assert "no-date.txt:3: error: no date found" in result.stderr


def test_check_lists_problems_by_file_and_line_and_exits_1(tmp_path):
    root = write_site(
        tmp_path,
        {
            "2025/09/iphone.txt": IPHONE.read_text(encoding="utf-8"),
            "2025/09/copy.txt": IPHONE.read_text(encoding="utf-8"),
            "2025/06/nodate.txt": (FIXTURES / "bad" / "no-date.txt").read_text(encoding="utf-8"),
            "2025/06/key.txt": "---\ncolour: blue\n---\n"
            + (FIXTURES / "dispatches" / "fr-meta-lunettes-ray-ban-display.txt").read_text(
                encoding="utf-8"
            ),
        },
    )
    result = wirearchive("check", str(root))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "articles/2025/06/key.txt:2: warning: unknown front matter key `colour`" in lines[0]
    assert any(
        line.startswith("articles/2025/06/nodate.txt:3: error: no date found") for line in lines
    )
    assert any(
        line.startswith(
            "articles/2025/09/iphone.txt: error: duplicate dispatch: the same text is already in articles/2025/09/copy.txt"
        )
        for line in lines
    )
    assert "2 articles, 2 errors, 1 warnings" in result.stderr


def test_check_passes_on_a_clean_archive_and_strict_fails_on_warnings(tmp_path):
    root = write_site(tmp_path, {"2025/09/iphone.txt": IPHONE.read_text(encoding="utf-8")})
    assert wirearchive("check", str(root)).returncode == 0
    (root / "articles" / "2025" / "09" / "iphone.txt").write_text(
        "---\ncolour: blue\n---\n" + IPHONE.read_text(encoding="utf-8")
    )
    assert wirearchive("check", str(root)).returncode == 0
    assert wirearchive("check", "--strict", str(root)).returncode == 1


def test_check_of_the_demo_archive_is_clean():
    from .conftest import ROOT

    result = wirearchive("check", str(ROOT))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == ""
