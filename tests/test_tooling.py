"""The checks that keep the code as it is, run with the tests (so `.ci/run` runs them too):
ruff's lint rules and formatting over the package, tests and benchmarks, and mypy over the
package, as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PATHS = ("plugins", "tests", "benchmarks")


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_lint_finds_nothing():
    result = run("ruff", "check", "--no-cache", *PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing():
    result = run("ruff", "format", "--check", "--no-cache", *PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    result = run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr
