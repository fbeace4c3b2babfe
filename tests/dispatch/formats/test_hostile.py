"""Hostile and broken input: one clear error, no crash, no file read, no network request.

The no-file-read claim is proved with a named pipe: a parser that opened it would block (or
be seen by a writer polling it); the no-network claim with an HTTP server on 127.0.0.1 that
counts the requests it receives.
"""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from wirearchive.dispatch.formats import read_item

from .conftest import FORMAT_FIXTURES, HOSTILE, ZURICH, read

BROKEN = [
    # file, line, what the message says
    ("billion-laughs.xml", 4, "entity 'lol1' refers to other entities or markup: refused"),
    ("xxe-passwd.xml", 3, "external entity 'leak' declared: it is refused and never read"),
    ("truncated.xml", 23, "malformed XML: Premature end of data in tag ThisRevisionCreated"),
    ("malformed.xml", 7, "malformed XML: Opening and ending tag mismatch: p line 7 and b"),
    ("no-body.xml", None, "no body: <body.content> holds no text"),
    ("g2-remote-content.xml", 6, "the item's content is remote"),
]


@pytest.mark.parametrize("name, line, message", BROKEN)
def test_one_clear_error_naming_file_line_and_cause(name, line, message):
    item, problems = read(HOSTILE / name)
    assert item is None
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.severity) == (f"articles/{name}", line, "error")
    assert message in problem.message


def test_the_billion_laughs_bomb_is_refused_quickly():
    started = time.perf_counter()
    read(HOSTILE / "billion-laughs.xml")
    assert time.perf_counter() - started < 1.0


def test_no_passwd_content_ever_comes_out():
    item, problems = read(HOSTILE / "xxe-passwd.xml")
    assert item is None and "root:" not in " ".join(p.message for p in problems)


def test_an_item_without_date_is_returned_with_an_error_to_complete_it():
    item, problems = read(HOSTILE / "no-date.xml")
    assert item is not None and item.date is None
    assert item.paragraphs[0].text == "Bern (sda) - The item carries no date anywhere."
    assert [p.severity for p in problems] == ["error"]
    assert "no date" in problems[0].message and "front matter" in problems[0].message


def test_size_is_bounded_before_anything_is_parsed():
    data = (FORMAT_FIXTURES / "g2-xhtml.xml").read_bytes()
    item, problems = read_item(data, "big.xml", ZURICH, max_bytes=1000)
    assert item is None and f"{len(data)} bytes" in problems[0].message


@pytest.mark.parametrize("depth, allowed", [(40, True), (80, False), (300, False)])
def test_nesting_depth_is_bounded(depth, allowed):
    template = (FORMAT_FIXTURES / "nitf33.xml").read_text("utf-8")
    deep = "<block>" * depth + "<p>deep</p>" + "</block>" * depth
    data = template.replace("<p>Contact: service", deep + "<p>Contact: service").encode()
    item, problems = read_item(data, "deep.xml", ZURICH)
    if allowed:
        assert item is not None and any(p.text == "deep" for p in item.paragraphs)
    else:
        assert item is None
        assert "nested deeper than 64" in problems[0].message or "depth" in problems[0].message


def test_deep_json_is_bounded():
    data = (
        b'{"uri": "x", "headline": "h", "body_text": "b", "extra": '
        + b"[" * 500
        + b"]" * 500
        + b"}"
    )
    item, problems = read_item(data, "deep.json", ZURICH)
    assert item is None and "nested deeper than 64 levels" in problems[0].message


@pytest.mark.parametrize("name", sorted(p.name for p in FORMAT_FIXTURES.glob("*.*")))
def test_any_cut_of_any_item_gives_problems_not_exceptions(name):
    data = (FORMAT_FIXTURES / name).read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 23)):
        item, problems = read_item(data[:cut], name, ZURICH)
        assert item is not None or problems, cut
        assert all(p.path == name for p in problems)
        assert not any("internal error" in p.message for p in problems), (cut, problems)


# --- no file is read ---------------------------------------------------------------------


class WatchedPipe:
    """A named pipe in tmp_path; `opened` records every time someone opened it to read."""

    def __init__(self, path: Path):
        self.path = path
        self.opened: list[bool] = []
        self.payload = b"TOP-SECRET-7431"


@pytest.fixture
def watched_pipe(tmp_path) -> Iterator[WatchedPipe]:
    pipe = WatchedPipe(tmp_path / "secret.ent")
    os.mkfifo(pipe.path)
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                fd = os.open(pipe.path, os.O_WRONLY | os.O_NONBLOCK)  # only with a reader
            except OSError:
                time.sleep(0.002)
                continue
            pipe.opened.append(True)
            try:
                os.write(fd, pipe.payload)
            except BrokenPipeError:  # the reader gave up first: it did open the pipe
                pass
            finally:
                os.close(fd)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    yield pipe
    stop.set()
    thread.join(timeout=2)


def test_the_pipe_does_tell_when_an_unsafe_parser_reads_it(watched_pipe):
    data = (
        (HOSTILE / "xxe-passwd.xml")
        .read_text("utf-8")
        .replace("file:///etc/passwd", watched_pipe.path.as_uri())
        .encode()
    )
    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    root = etree.fromstring(data, unsafe)
    assert watched_pipe.opened
    assert "TOP-SECRET-7431" in etree.tostring(root, encoding="unicode")


def test_an_external_entity_to_a_local_file_is_never_opened(watched_pipe):
    template = (HOSTILE / "xxe-template.xml").read_text("utf-8")
    data = template.replace("{SECRET_URL}", watched_pipe.path.as_uri()).encode()
    item, problems = read_item(data, "xxe.xml", ZURICH)
    time.sleep(0.05)
    assert watched_pipe.opened == []
    assert item is None and "external entity 'secret'" in problems[0].message
    assert "TOP-SECRET" not in repr(problems)


def test_an_external_dtd_and_parameter_entity_are_never_opened(watched_pipe):
    watched_pipe.payload = b'<!ENTITY leaked "TOP-SECRET-7431">'
    template = (HOSTILE / "parameter-entity-template.xml").read_text("utf-8")
    data = (
        template.replace("{DTD_URL}/extra.ent", watched_pipe.path.as_uri())
        .replace("{DTD_URL}/newsml.dtd", watched_pipe.path.as_uri())
        .encode()
    )
    item, problems = read_item(data, "pe.xml", ZURICH)
    time.sleep(0.05)
    assert watched_pipe.opened == []
    assert item is not None and item.title == "A harmless headline"
    assert "TOP-SECRET" not in repr(item.as_dict())


# --- no network request --------------------------------------------------------------------


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every path requested from it."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            requests.append(self.path)
            body = b'<!ENTITY leaked "FROM-THE-NETWORK">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_the_server_in_these_tests_does_count_requests(counting_server):
    import urllib.request

    url, requests = counting_server
    with urllib.request.urlopen(url + "/probe") as response:
        assert b"FROM-THE-NETWORK" in response.read()
    assert requests == ["/probe"]


def test_a_remote_dtd_and_parameter_entity_get_no_request(counting_server):
    url, requests = counting_server
    template = (HOSTILE / "parameter-entity-template.xml").read_text("utf-8")
    item, problems = read_item(template.replace("{DTD_URL}", url).encode(), "dtd.xml", ZURICH)
    time.sleep(0.05)
    assert requests == []
    assert item is not None and "FROM-THE-NETWORK" not in repr(item.as_dict())


def test_a_remote_external_entity_gets_no_request(counting_server):
    url, requests = counting_server
    template = (HOSTILE / "xxe-template.xml").read_text("utf-8")
    item, problems = read_item(
        template.replace("{SECRET_URL}", url + "/secret").encode(), "xxe.xml", ZURICH
    )
    time.sleep(0.05)
    assert requests == [] and item is None


def test_remote_content_of_a_g2_item_gets_no_request(counting_server):
    url, requests = counting_server
    data = (
        (HOSTILE / "g2-remote-content.xml")
        .read_text("utf-8")
        .replace("http://127.0.0.1:9", url)
        .encode()
    )
    item, problems = read_item(data, "remote.xml", ZURICH)
    time.sleep(0.05)
    assert requests == [] and item is None
