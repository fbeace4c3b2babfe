"""The archive's files as MkDocs holds them (site/files.py): taken as generated, not copied."""

from __future__ import annotations

import os

import mkdocs.utils
import pytest

from wirearchive.site.files import PosixSource, WrittenFile


def test_a_file_the_plugin_wrote_in_place_is_neither_copied_nor_modified(tmp_path, monkeypatch):
    """MkDocs' `copy_static_files` copies nothing for a plain file the plugin wrote into
    site_dir itself, in a clean build as in a dirty one; MkDocs reads its destination and
    URL from the source path as given."""
    site = tmp_path / "site"
    target = site / "2025" / "09" / "apple" / "dispatch.txt"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"Texte de la dispatch.")

    def no_copy(*args, **kwargs):
        raise AssertionError("copied")

    monkeypatch.setattr(mkdocs.utils, "copy_file", no_copy)
    monkeypatch.setattr(os, "stat", no_copy)  # not even looked at
    file = WrittenFile("2025/09/apple/dispatch.txt", None, str(site), True)
    file.abs_src_path = str(target)
    assert file.is_modified() is False
    file.copy_file(dirty=False)
    file.copy_file(dirty=True)
    monkeypatch.undo()
    assert target.read_bytes() == b"Texte de la dispatch."
    assert (file.src_uri, file.dest_uri, file.url) == (
        "2025/09/apple/dispatch.txt",
        "2025/09/apple/dispatch.txt",
        "2025/09/apple/dispatch.txt",
    )
    assert file.abs_dest_path == str(target)


@pytest.mark.parametrize("path", ["a\\b.md", "./a.md", "a//b.md", "/a.md", "a/./b.md"])
def test_a_source_path_not_made_by_the_generators_is_refused(path, tmp_path):
    with pytest.raises(ValueError):
        PosixSource(path, None, str(tmp_path), True)


def test_a_generated_page_keeps_its_path_and_address(tmp_path):
    page = PosixSource("entities/nvidia/timeline/page/2.md", None, str(tmp_path), True)
    assert page.src_uri == page.src_path == "entities/nvidia/timeline/page/2.md"
    assert page.url == "entities/nvidia/timeline/page/2/"
