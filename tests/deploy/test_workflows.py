"""The GitHub workflows are valid, and a pull request's checks catch a dispatch without a date."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.deploy.conftest import demo_site

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the workflow's triggers are under it.
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job["steps"]]


def runs(flow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(flow))


def uses(flow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(flow) if "uses" in step]


def test_actionlint_finds_nothing_wrong():
    actionlint = BIN / "actionlint"
    assert actionlint.is_file(), "actionlint comes with the test extras: pip install -e '.[test]'"
    result = subprocess.run(
        [str(actionlint), "-no-color", *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = (
        (WORKFLOWS / "pages.yml")
        .read_text(encoding="utf-8")
        .replace("needs: build", "needs: bulid")
    )
    (tmp_path / "pages.yml").write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "actionlint"), "-no-color", str(tmp_path / "pages.yml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "bulid" in result.stdout


def test_pull_requests_run_the_check_the_tests_and_a_strict_build():
    flow = workflow("pull-request.yml")
    assert "pull_request" in flow[True]
    commands = runs(flow)
    assert ".venv/bin/wirearchive check" in commands
    assert "bash .ci/run" in commands  # the README's test command, as CI runs it
    assert ".venv/bin/mkdocs build --strict" in commands
    cached = [
        step["with"]["path"]
        for step in steps(flow)
        if step.get("uses", "").startswith("actions/cache@")
    ]
    assert cached == ["~/.cache/pip", ".cache"]


def test_main_is_built_and_deployed_with_the_pages_actions():
    flow = workflow("pages.yml")
    assert flow[True]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "actions/upload-pages-artifact" in uses(flow) and "actions/deploy-pages" in uses(flow)
    build = flow["jobs"]["build"]["steps"]
    assert (
        next(s for s in build if s.get("uses", "").startswith("actions/setup-python@"))["with"][
            "cache"
        ]
        == "pip"
    )
    assert any(s.get("with", {}).get("path") == ".cache" for s in build)
    assert "mkdocs build --strict" in runs(flow)


def run_step(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """A `run:` step of a workflow as GitHub runs it (`bash -e`), with these tests' venv as `.venv`."""
    command = command.replace(".venv/bin/", f"{BIN}/")
    return subprocess.run(
        ["bash", "-e", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_the_checks_of_a_pull_request_catch_a_dispatch_without_a_date(tmp_path):
    site = demo_site(tmp_path / "pr")
    undated = site / "articles" / "2025" / "11" / "chipwerk-opens-design-centre.txt"
    undated.write_text(
        (ROOT / "tests/fixtures/contribute/no-date.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    flow = workflow("pull-request.yml")
    check = next(s["run"] for s in steps(flow) if "wirearchive check" in s.get("run", ""))
    result = run_step(check, site)
    assert result.returncode == 1
    assert (
        "articles/2025/11/chipwerk-opens-design-centre.txt:3: error: no date found" in result.stdout
    )
    # The problem matcher turns that line into an annotation on the file and line.
    matcher = json.loads((ROOT / ".github" / "wirearchive-problems.json").read_text())[
        "problemMatcher"
    ][0]["pattern"][0]
    line = next(out for out in result.stdout.splitlines() if "no date found" in out)
    match = re.match(matcher["regexp"], line)
    assert match and match[matcher["file"]] == "articles/2025/11/chipwerk-opens-design-centre.txt"
    assert match[matcher["line"]] == "3" and match[matcher["severity"]] == "error"
    build = next(s["run"] for s in steps(flow) if "mkdocs build" in s.get("run", ""))
    result = run_step(build, site)
    assert result.returncode == 1
    assert "chipwerk-opens-design-centre.txt:3: error: no date found" in result.stderr


def test_the_sharded_workflow_plans_builds_each_shard_and_merges_them(tmp_path):
    flow = workflow("pages-sharded.yml")
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    jobs = flow["jobs"]
    assert jobs["build"]["needs"] == "plan" and jobs["merge"]["needs"] == "build"
    assert jobs["build"]["strategy"]["matrix"]["shard"] == (
        "${{ fromJSON(needs.plan.outputs.shards) }}"
    )
    build = next(s for s in jobs["build"]["steps"] if "mkdocs build" in s.get("run", ""))
    assert build["env"]["WIREARCHIVE_SHARD"] == "${{ matrix.shard }}"
    assert "mkdocs build --strict" in build["run"]
    assert "actions/upload-pages-artifact" in [
        s.get("uses", "").split("@")[0] for s in jobs["merge"]["steps"]
    ]

    # The plan step, run as GitHub runs it on the demo, gives the matrix.
    site = demo_site(tmp_path / "site")
    plan = next(s for s in jobs["plan"]["steps"] if s.get("id") == "plan")
    output = tmp_path / "output"
    command = plan["run"].replace("wirearchive ", f"{BIN}/wirearchive ")
    result = subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=site,
        env={**os.environ, "GITHUB_OUTPUT": str(output), "COUNT": "2"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    name, _, value = output.read_text().strip().partition("=")
    assert name == "shards" and json.loads(value) == ["shared", "-2024", "2025-"]
    merge = next(
        s["run"] for s in jobs["merge"]["steps"] if "wirearchive merge" in s.get("run", "")
    )
    assert merge == "wirearchive merge shards/* --into site"
