"""The benign site the hostile tests compare with: what the theme and the archive make."""

from __future__ import annotations

import pytest

from . import htmlcheck
from .site import Built, benign


@pytest.fixture(scope="session")
def benign_site(tmp_path_factory) -> Built:
    """The tests' known dispatches and glossary, built with the hostile corpus's mkdocs.yml."""
    built = benign(tmp_path_factory.mktemp("benign"))
    assert built.build.returncode == 0, built.build.stderr
    return built


@pytest.fixture(scope="session")
def baseline(benign_site) -> htmlcheck.Baseline:
    return htmlcheck.Baseline.from_site(benign_site.site)
