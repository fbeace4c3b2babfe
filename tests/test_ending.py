"""A run ends without the interpreter's last collection (wirearchive.ending), and loses nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap


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
