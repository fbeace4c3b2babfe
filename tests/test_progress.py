"""Progress of long runs: a line at every tenth in a log, one line rewritten on a terminal."""

from wirearchive.progress import Progress


def test_a_log_gets_a_line_at_every_tenth():
    lines: list[str] = []
    progress = Progress(1000, "reading", lines.append)
    for _ in range(1000):
        progress.advance()
    assert len(lines) == 10
    assert lines[0].startswith("reading: 100 of 1,000 (") and lines[-1].startswith(
        "reading: 1,000 of 1,000 ("
    )


def test_a_terminal_line_is_rewritten_until_the_end():
    lines: list[str] = []
    progress = Progress(600, "checking", lines.append, terminal=True)
    for _ in range(600):
        progress.advance()
    assert len(lines) == 600 and all(line.endswith("\r") for line in lines[:-1])
    assert not lines[-1].endswith("\r")


def test_a_short_run_says_nothing():
    lines: list[str] = []
    progress = Progress(20, "reading", lines.append)
    for _ in range(20):
        progress.advance()
    assert lines == []
