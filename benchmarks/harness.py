"""What every benchmark needs: a site built in a fresh process, timed and weighed, and its size.

- :func:`build` runs `mkdocs build` in a subprocess and returns its wall time, the peak
  resident memory of the largest process of the build (`wait4`'s rusage, which covers the
  build and the worker processes it waited for) and the peak of the whole process tree's
  proportional memory (PSS of the build and its workers summed, sampled every 0.1 s, so
  memory that forked workers share is counted once);
- :func:`site_sizes` weighs a built site: total, by top folder and by kind of file, the
  largest pages, article pages;
- :func:`environment` is the environment of a subprocess, optionally with another copy of
  the package first on its path (`--package`: measure a snapshot while the tree changes);
- :func:`disk_probe` times writing many small files, as a build writes its site: the disk's
  state when the builds ran (on this shared machine, writing the 36,000 files of a
  10,000-dispatch site took from 8 to 17 s within one day).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

MB = 2**20
KB = 1024
# An article's page, in Wirearchive's URL scheme and in the plain twin's (same folders).
ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")
YEAR = re.compile(r"^\d{4}$")
# Files named by what they are; any other file is shown by its suffix.
NAMED = ("index.html", "timeline.json", "feed.xml", "feed.json", "dispatch.txt")


def environment(package: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a build: quiet notices, stable dates, and `package` first on the path."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            [str(Path(package).resolve()), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    env.update(extra)
    return env


@dataclass
class Run:
    """One process run: wall seconds, peak RSS of its largest process, peak PSS of its tree.

    `cpu_seconds`: user + system time of the process and the workers it waited for (less
    sensitive than wall time to a busy machine); `load`: the 1-minute load average at its end.
    """

    seconds: float
    max_rss: int
    tree_pss: int
    returncode: int
    stderr: str
    cpu_seconds: float = 0.0
    load: float = 0.0


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children[int(fields[1])].append(int(entry.name))
    return children


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * KB
    except OSError:
        pass
    return 0


def tree_pss(pid: int) -> int:
    """Proportional memory of `pid` and all its descendants, in bytes."""
    children = _children()
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _pss(current)
        todo.extend(children.get(current, ()))
    return total


def run(command: list[str], cwd: Path, env: dict[str, str], preexec=None) -> Run:
    """Run `command` to its end; time it and weigh its memory (see the module's docstring)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=preexec,
    )
    peak = [0]
    done = threading.Event()
    stderr_chunks: list[bytes] = []

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_pss(proc.pid))

    def drain() -> None:
        assert proc.stderr is not None
        stderr_chunks.append(proc.stderr.read())

    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=drain)]
    for thread in threads:
        thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    for thread in threads:
        thread.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        seconds,
        usage.ru_maxrss * KB,
        peak[0],
        proc.returncode,
        b"".join(stderr_chunks).decode(errors="replace"),
        usage.ru_utime + usage.ru_stime,
        os.getloadavg()[0],
    )


PROBE_FILES = 4000  # files of 16 KB in a folder each, as articles' pages: 64 MB
PROBE_BYTES = 16 * KB


def disk_probe(folder: Path) -> float:
    """Seconds to write PROBE_FILES files of PROBE_BYTES, each in a new folder, under `folder`
    (made, then removed); the files' bytes are made before the clock starts.

    On this machine the same probe took from 0.17 to 6.4 s within one hour, flushing the disk
    first (`os.sync`) or not: creating many small files is what varies, not writing back."""
    target = folder / "disk-probe"
    shutil.rmtree(target, ignore_errors=True)
    data = os.urandom(PROBE_BYTES)
    start = time.perf_counter()
    for number in range(PROBE_FILES):
        place = target / f"{number // 100}" / f"{number}"
        place.mkdir(parents=True)
        (place / "index.html").write_bytes(data)
    seconds = time.perf_counter() - start
    shutil.rmtree(target, ignore_errors=True)
    return seconds


def build(root: Path, package: Path | None = None, *, dirty: bool = False) -> Run:
    """`mkdocs build` of the site in `root`, in a fresh process; fails loudly."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    if dirty:
        command.append("--dirty")
    result = run(command, root, environment(package))
    if result.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{result.stderr[-3000:]}")
    return result


def _kind(relative: str) -> tuple[str, str]:
    """(top folder, kind) of a file of the site: `entities`, `entities/*/timeline.json`."""
    parts = relative.split("/")
    top = "<yyyy>/ (articles)" if YEAR.match(parts[0]) else parts[0]
    if len(parts) == 1:
        return "(root files)", parts[0]
    name = parts[-1] if parts[-1] in NAMED else "*" + Path(parts[-1]).suffix
    head = "<yyyy>" if YEAR.match(parts[0]) else parts[0]
    middle = "/*" * min(len(parts) - 2, 3)
    return top + ("/" if not top.endswith(")") else ""), f"{head}{middle}/{name}"


def site_sizes(site: Path, largest: int = 5) -> dict:
    """Bytes and files of a built site, by top folder and by kind; pages and article pages."""
    total = files = 0
    by_top: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    pages: list[tuple[int, str]] = []
    articles: list[int] = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            size = os.stat(path).st_size
            relative = os.path.relpath(path, site).replace(os.sep, "/")
            total, files = total + size, files + 1
            top, kind = _kind(relative)
            by_top[top][0] += size
            by_top[top][1] += 1
            entry = by_kind[kind]
            entry[0], entry[1], entry[2] = entry[0] + size, entry[1] + 1, max(entry[2], size)
            if name.endswith(".html"):
                pages.append((size, relative))
                if ARTICLE_PAGE.match(relative):
                    articles.append(size)
    pages.sort(key=lambda p: (-p[0], p[1]))
    return {
        "bytes": total,
        "files": files,
        "html_pages": len(pages),
        "html_bytes": sum(size for size, _ in pages),
        "by_top": {
            k: {"bytes": v[0], "files": v[1]}
            for k, v in sorted(by_top.items(), key=lambda kv: -kv[1][0])
        },
        "by_kind": {
            k: {"bytes": v[0], "files": v[1], "max": v[2]}
            for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1][0])
        },
        "largest_pages": [{"bytes": size, "path": path} for size, path in pages[:largest]],
        "article_pages": len(articles),
        "article_median": int(statistics.median(articles)) if articles else 0,
        "article_max": max(articles) if articles else 0,
    }
