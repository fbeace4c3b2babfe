"""Fixtures of the agency-format tests: our own small items, and the shared real ones.

The real agency items in ../shared/dispatches are copyrighted test data read from beside the
repository, never copied into it. Where they are missing the tests that need them skip,
saying why; under CI (the `CI` variable set) they fail instead: CI must run them.
"""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import FIXTURES, SHARED_DISPATCHES
from wirearchive.dispatch.formats import AgencyItem, read_item
from wirearchive.problems import Problem

FORMAT_FIXTURES = FIXTURES / "formats"
HOSTILE = FORMAT_FIXTURES / "hostile"
ZURICH = ZoneInfo("Europe/Zurich")


def read(path: Path, tz: ZoneInfo = ZURICH, **options) -> tuple[AgencyItem | None, list[Problem]]:
    """read_item over a file's bytes, with the path as a contributor would give it."""
    return read_item(path.read_bytes(), f"articles/{path.name}", tz, **options)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


@pytest.fixture
def fixture_item():
    """An item of tests/fixtures/formats that must read without errors."""

    def get(name: str) -> AgencyItem:
        item, problems = read(FORMAT_FIXTURES / name)
        assert errors(problems) == [], problems
        assert item is not None
        return item

    return get


def require_shared(path: Path) -> Path:
    """`path` if it is there; else skip the test, saying why, or fail it under CI."""
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run the tests on the shared agency items")
        pytest.skip(f"the shared agency test data is not beside the repository ({path})")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared real agency items: skip without them, but fail under CI."""
    return require_shared(SHARED_DISPATCHES)
