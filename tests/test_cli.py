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
    # the body follows the front matter; the lede is the `summary`, not the body's start
    assert "---\n\nL'iPhone Air vient s'intercaler entre l'iPhone 17" in result.stdout
    assert "\nsummary: Apple a dévoilé mardi à Cupertino" in result.stdout


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
    assert "2 dispatches published, 2 errors, 1 warning" in result.stderr


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


# ----------------------------------------------------------------------------- a command knows its project


def test_check_outside_any_project_refuses_and_says_why(tmp_path):
    result = wirearchive("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no properdocs.yml or mkdocs.yml in" in result.stderr
    assert "-f/--config-file" in result.stderr


def test_check_of_a_missing_path_refuses(tmp_path):
    root = write_site(tmp_path, {"2025/09/iphone.txt": IPHONE.read_bytes()})
    result = wirearchive("check", "articles/2026", cwd=root)
    assert result.returncode == 2
    assert "articles/2026: no such file or folder" in result.stderr
    result = wirearchive("check", "/no/such/folder", cwd=root)
    assert result.returncode == 2


def test_check_of_a_path_outside_the_articles_refuses(tmp_path):
    root = write_site(tmp_path, {"2025/09/iphone.txt": IPHONE.read_bytes()})
    result = wirearchive("check", "docs", cwd=root)
    assert result.returncode == 2
    assert "docs is outside articles/" in result.stderr


def test_check_of_a_folder_without_dispatches_fails(tmp_path):
    root = write_site(tmp_path, {"2025/09/iphone.txt": IPHONE.read_bytes()})
    (root / "articles" / "2024").mkdir()
    result = wirearchive("check", "articles/2024", cwd=root)
    assert result.returncode == 1
    assert "no dispatches under articles/2024: nothing was checked" in result.stderr


def test_check_of_one_file_checks_that_file(tmp_path):
    root = write_site(
        tmp_path,
        {
            "2025/09/iphone.txt": IPHONE.read_bytes(),
            "2025/06/nodate.txt": "Headline only\n\nText.\n",
        },
    )
    good = wirearchive("check", "articles/2025/09/iphone.txt", cwd=root)
    assert good.returncode == 0 and "1 dispatch published, 0 errors, 0 warnings" in good.stderr
    bad = wirearchive("check", "articles/2025/06/nodate.txt", cwd=root)
    assert bad.returncode == 1 and bad.stdout.startswith("articles/2025/06/nodate.txt:")
    inside = wirearchive("check", cwd=root / "articles" / "2025")  # found above the cwd
    assert inside.returncode == 1 and "1 dispatch published, 1 error" in inside.stderr


def test_the_config_file_can_be_named(tmp_path):
    root = write_site(tmp_path / "site", {"2025/09/iphone.txt": IPHONE.read_bytes()})
    (root / "mkdocs.yml").rename(root / "archive.yml")
    result = wirearchive("check", "-f", str(root / "archive.yml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    missing = wirearchive("check", "-f", str(root / "nope.yml"), cwd=tmp_path)
    assert missing.returncode == 2 and "nope.yml: no such config file" in missing.stderr


def test_a_config_without_the_plugin_is_not_a_project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Plain\n", encoding="utf-8")
    result = wirearchive("check", cwd=tmp_path)
    assert result.returncode == 2 and "has no `wirearchive` plugin" in result.stderr


def test_add_outside_a_project_writes_nothing(tmp_path):
    result = wirearchive("add", "-", cwd=tmp_path, stdin=IPHONE.read_text(encoding="utf-8"))
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_show_reads_standard_input(tmp_path):
    root = write_site(tmp_path, {})
    result = wirearchive("show", "-", "--json", cwd=root, stdin=IPHONE.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Apple présente l'iPhone Air, son smartphone le plus fin"
    assert data["source_file"] == "<stdin>"


def test_version():
    result = wirearchive("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("wirearchive 0.1.0 (mkdocs 1.6.1")
