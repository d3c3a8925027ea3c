"""Input lines as a clumsy user or an attacker writes them: the checker, the line reader
and the command line reading a pipe."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server import FixtureServer
from tui.pipeline.inputs import (
    MAX_INPUT_CHARS,
    check_input,
    host_of,
    input_error,
    input_uri,
    stream_lines,
)
from tui.pipeline.model import ErrorKind, PipelineError

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


@pytest.mark.parametrize(
    "bad",
    [
        "http://[x/",
        "http://xn--/",
        "http://h:1:1/",
        "http://h.example:-1/",
        "http://h.example:99999/",
        "http://a\tb/",
        "http://a\x00b/",
        "https://example.org/" + "p" * MAX_INPUT_CHARS,
        "q" * 300,
        "http://a\u202eb.example/",
        "www.example.org/news/story",
    ],
    ids=lambda s: repr(s[:24]),
)
def test_input_error_names_every_bad_input_and_never_raises(bad: str) -> None:
    err = input_error(bad)
    assert isinstance(err, PipelineError) and err.kind is ErrorKind.INVALID_INPUT
    with pytest.raises(PipelineError):
        check_input(bad)


def test_a_bare_site_name_is_told_to_add_its_scheme() -> None:
    err = input_error("www.example.org/news/story")
    assert err is not None and "Add https:// in front" in err.message


def test_error_messages_quote_a_bad_input_shortly_and_inertly() -> None:
    err = input_error("http://[" + "\x1b[2J" * 20_000)
    assert err is not None
    assert "\x1b" not in err.message and "\\x1b" in err.message  # shown, not obeyed
    assert len(err.message) < 600


def test_good_inputs_pass_the_check() -> None:
    assert input_error("https://news.example/2024/08/06/story.html?id=1#top") is None
    assert input_error("http://[::1]:8080/x") is None
    assert input_error("https://пример.испытание/статья") is None  # IDNA
    assert check_input("  https://news.example/a  ").url == "https://news.example/a"
    target = check_input(str(PAGES / "wire.html"))
    assert target.path == PAGES / "wire.html" and target.url is None
    assert check_input((PAGES / "wire.html").as_uri()).path == PAGES / "wire.html"


def test_a_local_file_that_is_not_a_saved_page_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN")
    err = input_error(str(secret))
    assert err is not None and "not a saved web page" in err.message
    assert input_error(str(tmp_path)) is not None  # a folder


def test_host_of_never_raises() -> None:
    assert host_of("https://WWW.News.example:8443/a") == "www.news.example"
    assert host_of("http://[x/") is None
    assert host_of("notes.html") is None
    assert host_of("http://a\x1bc/") == "a\x1bc"  # still outside text: for_terminal it


async def test_an_invalid_utf8_byte_spoils_only_its_own_line() -> None:
    stream = io.BytesIO(b"https://a.example/1\nhttps://b.example/\xff\xfe\nhttps://c.example/3\n")
    lines = [x async for x in stream_lines(stream)]
    assert lines == ["https://a.example/1", "https://b.example/\ufffd\ufffd", "https://c.example/3"]


async def test_surrogate_escaped_text_lines_become_replacement_characters() -> None:
    text = b"https://a.example/\xff\n".decode("utf-8", "surrogateescape")
    assert [x async for x in stream_lines(io.StringIO(text))] == ["https://a.example/\ufffd"]


async def test_a_huge_line_is_cut_when_read_and_the_next_line_still_comes() -> None:
    huge = b"https://x.example/" + b"a" * 5_000_000
    stream = io.BytesIO(huge + b"\nhttps://after.example/\n")
    first, second = [x async for x in stream_lines(stream)]
    assert first.endswith("… (5,000,018 characters in all)")  # its head, and its length
    assert len(first) < MAX_INPUT_CHARS + 40
    assert input_error(first) is not None
    assert second == "https://after.example/"


async def test_stream_lines_reads_a_binary_pipe_as_lines_arrive() -> None:
    read_fd, write_fd = os.pipe()
    reader = os.fdopen(read_fd, "rb")
    lines = stream_lines(reader)
    os.write(write_fd, b"https://a.example/1\n")
    assert await anext(lines) == "https://a.example/1"  # the writer is still open
    os.write(write_fd, b"https://a.example/2\n")
    os.close(write_fd)
    assert [x async for x in lines] == ["https://a.example/2"]
    reader.close()


def test_cli_keeps_reading_stdin_past_an_invalid_byte_under_a_strict_locale(
    site: FixtureServer,
) -> None:
    lines = (
        site.page("wire.html").encode() + b"\n"
        + b"https://bad.example/\xff\x1b]0;x\x07\n"
        + site.page("blog.html").encode() + b"\n"
        # A byte alone, as a latin-1 list has: it was fetched as "%EF%BF%BD".
        + site.page("wire.html").encode().replace(b"wire", b"w\xe9re") + b"\n"
    )  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--format", "jsonl", "--no-analysis", "-"],
        input=lines,
        capture_output=True,
        timeout=120,
        # A strict UTF-8 stdin (as under en_US.UTF-8) raised on the byte and lost the rest.
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8:strict"},
    )
    out = proc.stdout.decode("utf-8")  # strict: no raw invalid byte got through
    articles = [json.loads(line) for line in out.splitlines()]
    assert sorted(a["status"] for a in articles) == ["error", "error", "ok", "ok"]
    bad = [a for a in articles if a["status"] == "error"]
    assert [a["error"]["kind"] for a in bad] == ["invalid_input", "invalid_input"]
    assert "not UTF-8" in bad[1]["error"]["message"]
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr
    assert proc.returncode == 1


def test_input_uri_is_the_address_to_open_or_none_and_never_raises(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text("<p>x</p>")
    assert input_uri(str(page)) == page.resolve().as_uri()
    assert input_uri("https://news.example/a") == "https://news.example/a"
    loop = tmp_path / "loop.html"
    loop.symlink_to(loop)
    for bad in ("http://[x/", "x\x00y", str(loop), "y" * 300):
        assert input_uri(bad) is None
