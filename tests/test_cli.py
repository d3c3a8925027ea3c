"""The command line as a script sees it: a real process, a real server, stdout not a tty."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server import FixtureServer

PAGES = Path(__file__).parent / "fixtures" / "pages"


def briefing(
    *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_json_keeps_good_articles_when_one_fails(site: FixtureServer) -> None:
    proc = briefing(
        "--format", "json", "--no-analysis", site.page("wire.html"), site.url("/404"), "nonsense"
    )
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    wire, missing, invalid = data["articles"]
    assert wire["status"] == "ok" and wire["blocks"] and wire["error"] is None
    assert missing["error"]["kind"] == "http_status"
    assert invalid["error"]["kind"] == "invalid_input"
    assert wire["entities"] is None and data["entities"] is None
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any(site.url("/404") in line and "404" in line for line in errors)
    assert any("nonsense" in line for line in errors)


def test_all_good_exits_zero_with_schema_fields(site: FixtureServer) -> None:
    proc = briefing("-f", "json", "--no-analysis", site.page("frontline.html"))
    assert proc.returncode == 0, proc.stderr
    (article,) = json.loads(proc.stdout)["articles"]
    for key in (
        "input", "url", "status", "error", "title", "site", "authors", "published",
        "language", "blocks", "removed", "entities", "timeline",
    ):  # fmt: skip
        assert key in article
    assert article["title"] and article["site"] and article["authors"]
    assert all(set(r) >= {"kind", "text", "reason"} for r in article["removed"])


def test_stdin_lines_skip_blanks_and_comments(site: FixtureServer) -> None:
    lines = f"# my reading list\n\n{site.page('wire.html')}\n   \n{site.page('blog.html')}\n"
    proc = briefing("--format", "jsonl", "--no-analysis", stdin=lines)
    assert proc.returncode == 0, proc.stderr
    inputs = sorted(json.loads(line)["input"] for line in proc.stdout.splitlines())
    assert inputs == sorted([site.page("wire.html"), site.page("blog.html")])


def _readline(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"no output within {timeout} s"
    return proc.stdout.readline()


def test_stdin_is_processed_as_lines_arrive(site: FixtureServer) -> None:
    """The first article comes out while the pipe is still open."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--format", "jsonl", "--no-analysis", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdin and proc.stdout
        proc.stdin.write(site.page("wire.html") + "\n")
        proc.stdin.flush()
        # If stdin were drained before processing, this line would never come.
        first = json.loads(_readline(proc, 60))
        assert first["input"] == site.page("wire.html") and first["status"] == "ok"
        proc.stdin.write(site.page("blog.html") + "\n")
        proc.stdin.close()
        second = json.loads(_readline(proc, 60))
        assert second["input"] == site.page("blog.html")
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()


def test_markdown_when_stdout_is_not_a_terminal(site: FixtureServer) -> None:
    proc = briefing("--no-analysis", site.page("frontline.html"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# Briefing")
    assert "Removed boilerplate" in proc.stdout


def test_local_html_file_is_an_input() -> None:
    proc = briefing("-f", "json", "--no-analysis", str(PAGES / "wire.html"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["url"].startswith("file://")


def test_demo_runs_offline_headless() -> None:
    proc = briefing("--demo", "-f", "json", "--no-analysis")
    assert proc.returncode == 0, proc.stderr
    articles = json.loads(proc.stdout)["articles"]
    assert len(articles) >= 2 and all(a["status"] == "ok" for a in articles)


@pytest.mark.parametrize("args", [["--concurrency", "0"], ["--format", "yaml", "x"], ["--bogus"]])
def test_usage_errors_exit_two(args: list[str]) -> None:
    assert briefing(*args).returncode == 2


def test_empty_stdin_gives_an_empty_briefing() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--format", "json"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # stdin is /dev/null (not a terminal): read, empty; an empty briefing is not an error
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["articles"] == []


def test_version() -> None:
    proc = briefing("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("briefing ")
