"""A run ends without the interpreter's last collection (wirearchive.ending), and loses nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from .conftest import FIXTURES, write_site


def _run(code: str, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )


def test_at_exit_the_collector_has_nothing_left_to_walk(tmp_path):
    """The last atexit handler to run freezes the heap: a cycle left at exit is not collected
    (its finaliser does not run), where without it the interpreter collects it."""
    code = """
        import gc, sys
        {freeze}
        class Cycle:
            def __del__(self):
                print("collected", flush=True)
        a = Cycle(); a.me = a
        del a
        gc.disable()
    """
    plain = _run(code.format(freeze=""), tmp_path)
    frozen = _run(code.format(freeze="from wirearchive.ending import freeze_at_exit; freeze_at_exit(); freeze_at_exit()"), tmp_path)  # fmt: skip
    assert plain.returncode == frozen.returncode == 0, frozen.stderr
    assert plain.stdout == "collected\n"
    assert frozen.stdout == ""


def test_exit_codes_output_files_and_other_handlers_are_kept(tmp_path):
    code = """
        import atexit, sys
        from wirearchive.ending import freeze_at_exit
        atexit.register(lambda: open("handler.txt", "w").write("ran"))
        freeze_at_exit()
        out = open("out.txt", "w")
        out.write("x" * 100_000)  # buffered, closed by the interpreter at exit
        print("last line", end="")
        sys.exit(3)
    """
    done = _run(code, tmp_path)
    assert done.returncode == 3, done.stderr
    assert done.stdout == "last line"
    assert (tmp_path / "out.txt").read_text() == "x" * 100_000
    assert (tmp_path / "handler.txt").read_text() == "ran"


def test_builds_and_the_command_line_end_so(tmp_path, monkeypatch):
    import atexit
    import gc

    import wirearchive.ending as ending
    from wirearchive import cli
    from wirearchive.site.plugin import ArchivePlugin

    registered = []
    monkeypatch.setattr(atexit, "register", registered.append)
    monkeypatch.setattr(ending, "_registered", False)
    ArchivePlugin().on_startup(command="build", dirty=False)
    assert registered == [gc.freeze]
    monkeypatch.setattr(ending, "_registered", False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Une dépêche.\n", "utf-8")
    cli.main(["check", str(tmp_path / "a.txt")])
    assert registered == [gc.freeze, gc.freeze]


def test_a_command_runs_without_full_collections_and_gives_the_thresholds_back(
    tmp_path, monkeypatch
):
    """`wirearchive check` holds the archive it reads to its end: full collections would walk
    it again and again for nothing (1.0 s of 28.8 s at 10,000 dispatches)."""
    import gc

    from wirearchive import cli
    from wirearchive.ending import NO_FULL_COLLECTIONS
    from wirearchive.project import Project

    seen = []
    read = Project.read_archive

    def reading(self, *args, **kwargs):
        seen.append(gc.get_threshold())
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Project, "read_archive", reading)
    dispatch = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
    site = write_site(tmp_path, {"2025/09/iphone.txt": dispatch})
    before = gc.get_threshold()
    assert cli.main(["check", str(site)]) == 0
    assert seen == [(before[0], before[1], NO_FULL_COLLECTIONS)]
    assert gc.get_threshold() == before
