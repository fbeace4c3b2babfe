"""Pages kept from earlier builds: a warm build after an edit is the same site as a clean
build of the edited archive, byte for byte, and reuses the pages the edit did not touch."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..conftest import mkdocs_build


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def reused(log: str) -> tuple[int, int]:
    found = re.search(r"pages: (\d+) of (\d+) that can be kept were reused", log)
    assert found, log[-2000:]
    return int(found[1]), int(found[2])


def test_a_warm_build_after_an_edit_is_the_clean_build_of_the_edit(demo_copy, tmp_path):
    assert mkdocs_build(demo_copy).returncode == 0
    first = reused(mkdocs_build(demo_copy).stderr)
    assert first[0] == first[1] > 20  # nothing changed: every page that can be kept is reused

    # An edit: another headline and body for one dispatch (its page, its neighbours' links,
    # the lists that name it change), and a new dispatch (the month's pages change).
    edited = demo_copy / "articles/2025/10/qualcomm-rachete-l-italien-arduino.txt"
    text = edited.read_text("utf-8")
    edited.write_text(
        text.replace("Qualcomm rachète", "Qualcomm acquiert", 1).replace(
            "Arduino", "Arduino SA", 3
        ),
        "utf-8",
    )
    added = demo_copy / "articles/2025/10/added.txt"
    added.write_text(
        "Un nouveau venu dans l'archive\n\nGenève, 30 octobre 2025 (Keystone-ATS) - Nvidia a "
        "annoncé jeudi un nouvel accord, selon un communiqué.\n",
        "utf-8",
    )
    warm = mkdocs_build(demo_copy)
    assert warm.returncode == 0, warm.stderr
    count, keepable = reused(warm.stderr)
    assert 0 < count < keepable  # some pages reused, the changed ones rendered again

    clean = tmp_path / "clean"
    shutil.copytree(demo_copy, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(demo_copy / "site") == tree(clean / "site")
