"""The command line as a script sees it: a real process, a real server, stdout not a tty."""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cache_holder import held
from tests.processes import ctrl_c_as_at_a_prompt, descendants, running
from tests.server import FixtureServer

PAGES = Path(__file__).parent / "fixtures" / "pages"
REPO = Path(__file__).resolve().parents[1]


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


def _open_files_at_most(limit: int) -> Callable[[], None]:
    def limit_them() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    return limit_them


def test_a_low_limit_on_open_files_fetches_fewer_at_once_and_reads_every_page(
    site: FixtureServer,
) -> None:
    # Under `ulimit -n 64`, 64 at once failed every article: "Could not connect",
    # "internal error (OSError)".
    pages = [site.page("wire.html") + f"?copy={n}" for n in range(60)]
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--format", "jsonl", "--no-analysis", "--no-cache",
         "--concurrency", "64", *pages],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
        preexec_fn=_open_files_at_most(64),
    )  # fmt: skip
    # (A later line of an index replaces the earlier: copies of one page are revised.)
    statuses = {(a := json.loads(line))["index"]: a["status"] for line in proc.stdout.splitlines()}
    assert statuses == dict.fromkeys(range(60), "ok"), proc.stderr
    assert "fetching 10 pages at once, not 64: this process may open only 64 files" in proc.stderr


def test_a_headless_run_stopped_and_continued_mid_fetch_still_reads_the_page(
    site: FixtureServer,
) -> None:
    # Stopped (ctrl+z, SIGSTOP) longer than --timeout while the page was on its way, the
    # page failed as "did not send the page within 3 s" once continued.
    page = "/delay/wire.html"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--format", "jsonl", "--no-analysis", "--no-cache",
         "--timeout", "3", site.url(page + "?s=2")],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(600):
            if any(path == page for path, _ in site.hits):
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGSTOP)
        time.sleep(4)
        proc.send_signal(signal.SIGCONT)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert [json.loads(line)["status"] for line in out.splitlines()] == ["ok"], err


def test_the_soft_limit_on_open_files_is_raised_as_far_as_the_hard_one_allows() -> None:
    from tui.runtime import WANTED_OPEN_FILES

    script = "from tui.runtime import *; configure(); print(open_files_limit())"
    _, hard_now = resource.getrlimit(resource.RLIMIT_NOFILE)
    tries = [(64, 200, 200)]
    if hard_now == resource.RLIM_INFINITY or hard_now >= WANTED_OPEN_FILES:
        tries.append((64, hard_now, WANTED_OPEN_FILES))
    for soft, hard, raised in tries:

        def limit_them(soft: int = soft, hard: int = hard) -> None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

        done = subprocess.run(
            [sys.executable, "-c", script], stdin=subprocess.DEVNULL, capture_output=True,
            text=True, timeout=60, preexec_fn=limit_them,
        )  # fmt: skip
        assert done.stdout.strip() == str(raised), done.stderr


def test_urls_piped_beside_arguments_are_said_to_be_unread_unless_dash_is_given(
    site: FixtureServer,
) -> None:
    # `tail -f urls.txt | briefing URL`: the piped lines were dropped without a word.
    piped = site.page("blog.html") + "\n"
    proc = briefing("--format", "jsonl", "--no-analysis", "--no-cache", site.page("wire.html"),
                    stdin=piped)  # fmt: skip
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 1
    assert "the URLs piped in were not read" in proc.stderr
    assert "only when - is one of them" in proc.stderr
    proc = briefing("--format", "jsonl", "--no-analysis", "--no-cache", site.page("wire.html"),
                    "-", stdin=piped)  # fmt: skip
    assert len(proc.stdout.splitlines()) == 2 and "not read" not in proc.stderr
    # Nothing on stdin (/dev/null, as scripts and services run): nothing to say.
    proc = briefing("--format", "jsonl", "--no-analysis", "--no-cache", site.page("wire.html"))
    assert "not read" not in proc.stderr


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
    assert wire["entities"] is None and data["entities"] is None  # --no-analysis
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any(site.url("/404") in line and "404" in line for line in errors)
    assert any("nonsense" in line for line in errors)


def test_a_consent_wall_fails_in_words_and_a_script_built_page_is_read(
    site: FixtureServer,
) -> None:
    own = Path(__file__).parent / "fixtures" / "extract"
    wall, hidden = (
        site.host_html((own / name).read_bytes())
        for name in ("consent_wall.html", "article_in_noscript.html")
    )
    proc = briefing("-f", "json", "--no-analysis", wall, site.page("wire.html"), hidden)
    walled, wire, kept = json.loads(proc.stdout)["articles"]
    assert walled["status"] == "error" and walled["error"]["kind"] == "no_article"
    assert "cookie-consent notice instead of the article" in walled["error"]["message"]
    assert wire["status"] == "ok" and kept["status"] == "ok"
    assert kept["blocks"][0]["text"].startswith("Swimmers can return to Thornmere")
    assert proc.returncode == 1


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


def test_a_piped_line_of_two_addresses_reads_both(site: FixtureServer) -> None:
    # The space between them went to the site as %20: "The site answered 404 Not Found".
    line = f"{site.page('wire.html')} {site.page('blog.html')}\n"
    proc = briefing("--format", "jsonl", "--no-analysis", "--no-cache", stdin=line)
    assert proc.returncode == 0, proc.stderr
    last = {a["index"]: a for a in map(json.loads, proc.stdout.splitlines())}  # revisions
    assert [last[i]["input"] for i in sorted(last)] == [
        site.page("wire.html"),
        site.page("blog.html"),
    ]
    assert all(a["status"] == "ok" for a in last.values())


def test_a_piped_line_of_addresses_longer_than_one_input_reads_them_all(
    site: FixtureServer,
) -> None:
    # Three addresses of 25,000 characters each: the line, 75,000, was refused whole as
    # "too long to be a web address", and none of them was read.
    pages = [site.page(name) + "?q=" + "x" * 25_000 for name in ("wire.html", "blog.html")]
    line = f"{pages[0]} {pages[1]} {pages[0]}&again\n"
    assert len(line) > 65_536
    proc = briefing("--format", "jsonl", "--no-analysis", "--no-cache", stdin=line)
    assert proc.returncode == 0, proc.stderr
    last = {a["index"]: a for a in map(json.loads, proc.stdout.splitlines())}  # revisions
    assert [last[i]["input"] for i in sorted(last)] == [*pages, pages[0] + "&again"]
    assert all(a["status"] == "ok" for a in last.values())


def test_a_piped_line_too_long_is_said_with_its_true_length() -> None:
    proc = briefing("--format", "jsonl", "--no-analysis", "--no-cache", stdin="x" * 1_048_576)
    assert proc.returncode == 1
    (article,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert article["input"] == "x" * 65_536 + "… (1,048,576 characters in all)"
    assert "(1,048,576 characters; the limit is 65,536)" in article["error"]["message"]


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


@pytest.mark.parametrize(
    "args",
    [
        ["--concurrency", "0"],
        ["--format", "yaml", "x"],
        ["--bogus"],
        ["--conc", "3", "x"],  # no abbreviations: a typo is not some other option
        ["--timeout", "nan", "x"],
        ["--workers", "17", "x"],  # the config file's bounds hold on the command line too
        ["open", "x"],
    ],
)
def test_usage_errors_exit_two_with_briefing_lines(args: list[str]) -> None:
    proc = briefing(*args)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert lines and all(line.startswith("briefing") for line in lines), proc.stderr


def test_options_may_come_after_the_inputs(site: FixtureServer) -> None:
    first, second = site.page("wire.html"), site.page("frontline.html")
    proc = briefing(first, "-f", "json", "--no-analysis", second)
    assert proc.returncode == 0, proc.stderr
    assert [a["status"] for a in _articles(proc)] == ["ok", "ok"]


def test_after_a_double_dash_everything_is_an_input(tmp_path: Path) -> None:
    (tmp_path / "-page.html").write_bytes((PAGES / "wire.html").read_bytes())
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "-f", "json", "--no-analysis", "--", "-page.html"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert proc.returncode == 0, proc.stderr
    assert [a["status"] for a in _articles(proc)] == ["ok"]


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["--print-config"]])
def test_a_closed_stdout_is_no_traceback(args: list[str]) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout and proc.stderr
    proc.stdout.close()  # the reader is gone before briefing writes (`| head -0`)
    errors = proc.stderr.read()
    assert proc.wait(timeout=60) in (0, 1)
    assert errors == ""


def test_an_input_given_twice_is_read_once_and_said_so(site: FixtureServer) -> None:
    url = site.page("wire.html")
    proc = briefing("--format", "jsonl", "--no-analysis", url, url, site.page("blog.html"))
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 2
    # It was dropped without a word.
    assert proc.stderr == "briefing: 1 input was given more than once; each was read once.\n"


def test_a_reader_that_stops_early_after_a_failure_leaves_the_failures_status(
    site: FixtureServer,
) -> None:
    # `briefing -f jsonl URLS | head -1`: the 404 had been reported, yet the status was 0.
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "-f", "jsonl", "--no-analysis", "--workers", "1",
         site.url("/404"), *(site.page("wire.html") + f"?n={n}" for n in range(20))],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert proc.stdout and proc.stderr
    while json.loads(proc.stdout.readline())["status"] != "error":
        pass  # the 404 comes first, but a loaded machine may finish a page before it
    proc.stdout.close()  # the reader has what it wanted and goes
    errors = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert "404" in errors and "Traceback" not in errors


@pytest.mark.parametrize("fmt", ["jsonl", "json", "markdown"])
def test_a_briefing_started_with_stdout_closed_says_so(fmt: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "-f", fmt, "--no-analysis", str(PAGES / "wire.html")],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # `briefing ... >&-`
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr == "briefing: could not write the briefing to stdout: it is closed.\n"


@pytest.mark.parametrize(
    "args", [["--version"], ["--print-config"], ["--help"], ["history", "--help"]]
)
@pytest.mark.parametrize("stdout", ["closed", "/dev/full"])
def test_a_command_whose_stdout_refuses_says_so_in_one_line(args: list[str], stdout: str) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "tui", *args],
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            preexec_fn=(lambda: os.close(1)) if stdout == "closed" else None,  # `>&-`
            text=True,
            timeout=60,
        )
    why = "it is closed" if stdout == "closed" else "No space left on device"
    assert (proc.returncode, proc.stderr) == (1, f"briefing: could not write to stdout: {why}.\n")


@pytest.mark.parametrize("args", [["--format", "json"], ["--format", "json", "-"]])
def test_empty_stdin_says_there_was_nothing_to_read(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input="\n# only a comment\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert (
        proc.stderr.strip()
        == "briefing: there was nothing to read: stdin held no URLs or file paths."
    )
    # A script still gets a document it can parse.
    assert json.loads(proc.stdout)["articles"] == []


def test_version() -> None:
    proc = briefing("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("briefing ")


def test_a_repeated_url_is_one_article(site: FixtureServer) -> None:
    url = site.page("wire.html")
    lines = f"{url}\n{url}/\n{url.replace('http://', 'HTTP://')}\n"
    proc = briefing("--format", "json", "--no-analysis", stdin=lines)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["articles"]) == 1


def test_a_revised_article_gets_a_later_line_that_replaces_it(site: FixtureServer) -> None:
    lines = f"{site.page('frontline.html')}\n{site.url('/delay/frontline_followup.html?s=1.5')}\n"
    proc = briefing("--format", "jsonl", "--no-analysis", stdin=lines)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    first = [r for r in rows if r["index"] == 0]
    assert [r["revision"] for r in first] == [0, 1]
    assert len(first[1]["blocks"]) < len(first[0]["blocks"])
    # The last line for each index is what --format json gives for that article.
    whole = json.loads(briefing("--format", "json", "--no-analysis", stdin=lines).stdout)
    last = {r["index"]: r for r in rows}
    for i, article in enumerate(whole["articles"]):
        assert last[i]["blocks"] == article["blocks"] and last[i]["removed"] == article["removed"]


def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(site: FixtureServer) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "tui",
                "--format",
                "jsonl",
                "--no-analysis",
                site.page("wire.html"),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "briefing: could not write the briefing to stdout: No space left on device."
    ]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_ends_a_busy_briefing_at_once_and_leaves_no_workers(site: FixtureServer) -> None:
    import signal
    import time

    pages = "".join(f"{site.page('frontline.html')}?copy={n}\n" for n in range(40))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--format", "jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_as_at_a_prompt,
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(pages)
    proc.stdin.flush()
    json.loads(_readline(proc, 120))  # work is under way: one article is out
    workers = descendants(proc.pid)
    assert workers, "the stages run in worker processes"
    proc.send_signal(signal.SIGINT)
    try:
        assert proc.wait(timeout=10) == 130
    finally:
        proc.kill()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the briefing"
        time.sleep(0.1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux pipes and tgkill")
def test_ctrl_c_ends_briefing_while_the_reader_of_its_output_has_stopped_reading(
    tmp_path: Path,
) -> None:
    import array
    import ctypes
    import fcntl
    import signal
    import termios
    import time

    # Thirty distinct articles: far more JSON Lines than a pipe holds, and nobody reads
    # them, so briefing ends up blocked in a write to stdout.
    source = (PAGES / "frontline.html").read_text("utf-8")
    own_address = ('rel="canonical"', 'property="og:url"')  # else every copy is one page
    source = "\n".join(
        line for line in source.splitlines() if not any(mark in line for mark in own_address)
    )
    paths = []
    for n in range(30):
        path = tmp_path / f"copy-{n}.html"
        # Every paragraph differs from copy to copy: no copy is another's duplicate, and
        # no paragraph recurs across the "site" as a template would.
        path.write_text(source.replace("<p>", f"<p>Copy {n} reports: "), "utf-8")
        paths.append(str(path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--format", "jsonl", "--no-analysis", *paths],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_as_at_a_prompt,
    )
    try:
        assert proc.stdout is not None
        waiting, before, still = array.array("i", [0]), -1, 0
        deadline = time.monotonic() + 120
        while still < 10:  # what the pipe holds has not grown for a second: it is full
            assert proc.poll() is None, "briefing ended before its output filled the pipe"
            assert time.monotonic() < deadline, "briefing never filled the pipe"
            time.sleep(0.1)
            fcntl.ioctl(proc.stdout.fileno(), termios.FIONREAD, waiting)
            still, before = (still + 1 if waiting[0] == before > 0 else 0), waiting[0]
        # Ctrl+C reaches whichever thread the kernel picks; one that is not the writing
        # (main) thread cannot interrupt its write, so that is the case sent here.
        others = [int(t) for t in os.listdir(f"/proc/{proc.pid}/task") if int(t) != proc.pid]
        # The oldest helpers first (the executor's, which stay): a worker's pump thread may
        # end between being listed and being signalled.
        tgkill = ctypes.CDLL(None, use_errno=True).tgkill
        assert any(tgkill(proc.pid, tid, signal.SIGINT) == 0 for tid in sorted(others))
        assert proc.wait(timeout=10) == 130
    finally:
        proc.kill()
        proc.wait()


def _many_pages(folder: Path, count: int) -> list[Path]:
    """Varied pages of our own making (the fixtures under different sizes and markup)."""
    sources = sorted(PAGES.glob("*.html"))
    made = []
    for n in range(count):
        html = sources[n % len(sources)].read_text("utf-8", errors="replace")
        # Vary the trees: nesting, attributes and size differ from page to page.
        wrap = "<div class='x'>" * (n % 7)
        html = html.replace("<body>", f"<body>{wrap}", 1).replace(
            "</body>", "</div>" * (n % 7) + "</body>", 1
        )
        path = folder / f"page-{n:03}.html"
        path.write_text(html * (1 + n % 3), "utf-8")
        made.append(path)
    return made


def test_many_pages_at_once_never_crash_and_every_input_has_its_line(tmp_path: Path) -> None:
    """Stress: lxml used from several threads at once crashed the process natively (about
    one run in six of 200 real pages); every run here must end normally, every input with
    its own JSON line."""
    pages = _many_pages(tmp_path, 120)
    listing = "".join(f"{p}\n" for p in pages)
    for _ in range(2):
        proc = briefing("--format", "jsonl", "--no-analysis", "--concurrency", "16", stdin=listing)
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert sorted(r["input"] for r in rows if r["revision"] == 0) == sorted(map(str, pages))
        assert not [r for r in rows if r["error"] and r["error"]["kind"] == "internal"]


# The cache, the history and the settings, as a script sees them ------------------------


def _articles(proc: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(proc.stdout)["articles"]


def test_json_says_whether_each_article_came_from_the_cache(site: FixtureServer) -> None:
    args = ("-f", "json", "--no-analysis", site.page("wire.html"), site.page("blog.html"))
    first, again = briefing(*args), briefing(*args)
    assert first.returncode == again.returncode == 0, again.stderr
    assert [a["cached"] for a in _articles(first)] == [False, False]
    assert [a["cached"] for a in _articles(again)] == [True, True]
    assert _articles(again)[0]["blocks"] == _articles(first)[0]["blocks"]


def test_no_cache_neither_reads_nor_writes_it(site: FixtureServer, tmp_path: Path) -> None:
    import sqlite3

    cache = ("--cache-dir", str(tmp_path))
    briefing("-f", "json", "--no-analysis", *cache, site.page("wire.html"))
    pages = (site.page("wire.html"), site.page("blog.html"))
    proc = briefing("-f", "json", "--no-analysis", "--no-cache", *cache, *pages)
    assert [a["cached"] for a in _articles(proc)] == [False, False]  # not read from it
    stored = sqlite3.connect(tmp_path / "briefing.sqlite3").execute("SELECT key FROM pages")
    assert [key for (key,) in stored] == [site.page("wire.html")]  # nor written to


def test_history_lists_a_briefing_and_open_reopens_it_offline(tmp_path: Path) -> None:
    from tests.server import serve

    server = serve()
    own = next(server)
    cache = ("--cache-dir", str(tmp_path))
    first = briefing("-f", "json", "--no-analysis", *cache, own.feed("meridian.atom"))
    assert first.returncode == 0, first.stderr
    server.close()  # offline from here on

    listed = briefing("history", *cache)
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.splitlines()
    assert line.split()[0] == "1" and "EU ministers weigh joint borrowing" in line
    assert briefing("history", "--cache-dir", str(tmp_path / "elsewhere")).stdout == ""

    reopened = briefing("open", "1", "-f", "json", *cache)
    assert reopened.returncode == 0, reopened.stderr
    feed, *items = _articles(reopened)
    assert feed["feed_kind"] == "atom" and feed["items"] == [1, 2]
    assert [a["cached"] for a in items] == [True, True]
    assert [a["title"] for a in items] == [a["title"] for a in _articles(first)[1:]]
    assert all(a["entities"] for a in items)  # analysed now, from the stored text
    assert briefing("history", *cache).stdout.count("\n") == 1  # reopening added no entry

    text_only = briefing("open", "1", "-f", "json", "--no-analysis", *cache)
    assert text_only.returncode == 0, text_only.stderr
    assert all(a["entities"] is None and a["blocks"] for a in _articles(text_only)[1:])


def test_open_says_why_a_page_failed_when_the_briefing_was_read(tmp_path: Path) -> None:
    from tests.server import serve

    server = serve()
    own = next(server)
    cache = ("--cache-dir", str(tmp_path))
    pages = (own.page("wire.html"), own.url("/404"))
    first = briefing("-f", "json", "--no-analysis", *cache, *pages)
    assert first.returncode == 1
    said = _articles(first)[1]["error"]
    server.close()

    reopened = briefing("open", "1", "-f", "json", "--no-analysis", *cache)
    assert reopened.returncode == 1
    read, gone = _articles(reopened)
    assert read["blocks"] and gone["error"]["kind"] == "http_status" == said["kind"]
    assert gone["error"]["message"].startswith(said["message"])
    assert "read before" in gone["error"]["message"]
    again = briefing("open", "1", "-f", "json", "--no-analysis", *cache)
    assert _articles(again)[1]["error"] == gone["error"]  # said once, however often reopened
    (line,) = briefing("history", *cache).stdout.splitlines()
    assert "2 articles, 1 failed" in line and read["title"] in line


def test_open_of_a_briefing_closed_before_a_page_came_says_it_not_read_and_exits_0(
    tmp_path: Path,
) -> None:
    from tui.pipeline import history
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.cache import Cache
    from tui.pipeline.model import Stage

    closed = Briefing()  # the reader quit while its one page was being fetched
    closed.add("http://127.0.0.1:9/never").stage = Stage.FETCHING
    cache = Cache(tmp_path)
    history.remember(cache, None, history.snapshot(closed, {}))
    cache.close()

    reopened = briefing("open", "1", "-f", "json", "--cache-dir", str(tmp_path))
    # It said status "error" and exited 1, as if the page had failed.
    assert reopened.returncode == 0, reopened.stderr
    (article,) = _articles(reopened)
    assert article["status"] == "not_read" and article["error"]["kind"] == "not_cached"
    (line,) = briefing("history", "--cache-dir", str(tmp_path)).stdout.splitlines()
    assert "1 article, 1 not read  " in line


def _random_page(number: int, size: int = 700_000) -> bytes:
    """A page of `size` characters of random words: zlib shrinks it little, so a few of
    them outgrow a 1 MB cache."""
    import random

    rng = random.Random(number)
    words = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz      ", k=size))
    paragraphs = "".join(f"<p>{words[i : i + 600]}.</p>" for i in range(0, size, 600))
    title = f"Random page {number}"
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def test_open_shows_pages_evicted_since_by_their_titles_as_no_longer_cached_not_failed(
    tmp_path: Path,
) -> None:
    from tests.server import serve

    server = serve()
    own = next(server)
    pages = [own.host_html(_random_page(n)) for n in range(1, 6)]
    cache = ("--cache-dir", str(tmp_path))
    first = briefing("-f", "json", "--no-analysis", *cache, *pages[:3])
    assert first.returncode == 0, first.stderr
    # A later run under a small cap evicts the first briefing's pages for its own.
    later = briefing("-f", "json", "--no-analysis", *cache, "--cache-size", "1", *pages[3:])
    assert later.returncode == 0, later.stderr
    server.close()
    assert "3 articles, 3 no longer cached" in briefing("history", *cache).stdout

    reopened = briefing("open", "1", "-f", "json", *cache)
    # It said "3 failed" (exit status 1), each with a null title, url and fetched_at.
    assert reopened.returncode == 0, reopened.stderr
    articles = _articles(reopened)
    assert [a["status"] for a in articles] == ["no_longer_cached"] * 3
    assert [a["error"]["kind"] for a in articles] == ["no_longer_cached"] * 3
    assert [a["title"] for a in articles] == [f"Random page {n}" for n in (1, 2, 3)]
    assert [a["url"] for a in articles] == pages[:3]
    assert [a["fetched_at"] for a in articles] == [a["fetched_at"] for a in _articles(first)]
    summary = briefing("open", "1", "-f", "markdown", *cache).stdout
    assert "3 articles, 0 read, 0 failed, 3 no longer cached." in summary
    assert "## 1. Random page 1" in summary and "Error (" not in summary


def _bound_by_file_modes() -> list[str]:
    """A command prefix under which file modes hold: root writes any file, unless it gives
    up the capabilities that let it (util-linux's setpriv)."""
    if os.geteuid() != 0:
        return []
    import shutil

    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and setpriv (util-linux) is missing to drop its rights")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


@pytest.mark.parametrize("folder_mode", [0o777, 0o555], ids=["file-read-only", "folder-too"])
def test_a_cache_file_briefing_may_not_write_is_read_not_set_aside(
    site: FixtureServer, folder_mode: int, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    try:
        cache = ("--cache-dir", str(folder))
        first = briefing("-f", "json", "--no-analysis", *cache, site.page("wire.html"))
        assert first.returncode == 0, first.stderr
        (folder / "briefing.sqlite3").chmod(0o444)
        folder.chmod(folder_mode)
        env = {**os.environ, "NO_COLOR": "1", "HOME": str(folder)}
        env["XDG_CONFIG_HOME"] = str(folder / "no-config")

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*_bound_by_file_modes(), sys.executable, "-m", "tui", *args, *cache],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=120,
                env=env,
            )

        listed = run("history")
        assert listed.returncode == 0 and listed.stdout.split()[0] == "1", listed.stderr
        # Only said by a command that would write: `history` only reads.
        assert listed.stderr == ""
        reopened = run("open", "1", "-f", "json")
        assert reopened.returncode == 0, reopened.stderr
        assert "cannot be written" in reopened.stderr and "set aside" not in reopened.stderr
        assert [a["cached"] for a in _articles(reopened)] == [True]  # read from the file
        assert sorted(p.name for p in folder.iterdir() if "broken" in p.name) == []
    finally:
        folder.chmod(0o755)  # for pytest to clean up


def test_a_damaged_cache_file_that_cannot_be_set_aside_is_not_said_to_be(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    try:
        (folder / "briefing.sqlite3").write_bytes(b"not SQLite at all " * 300)
        folder.chmod(0o555)
        proc = subprocess.run(
            [
                *_bound_by_file_modes(),
                sys.executable,
                "-m",
                "tui",
                "-f",
                "json",
                "--no-analysis",
                "--cache-dir",
                folder,
                "http://127.0.0.1:9/nothing-listens-here",
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "XDG_CONFIG_HOME": str(folder / "no-config")},
        )
        # A run that writes tries to set the file aside; it cannot, and says just that.
        line = proc.stderr.splitlines()[0]
        assert "nor set aside" in line and "it was set aside" not in line
        assert line.endswith("; briefing carries on without its cache.")
        assert json.loads(proc.stdout)["articles"][0]["error"]["kind"] == "connection"
        assert [p.name for p in folder.iterdir()] == ["briefing.sqlite3"]
    finally:
        folder.chmod(0o755)  # for pytest to clean up


def test_history_and_open_of_a_folder_with_no_cache_say_so_and_make_nothing(
    tmp_path: Path,
) -> None:
    typo = tmp_path / "typo" / "x"
    listed = briefing("history", "--cache-dir", str(typo))
    # It made the folder and an empty cache in it, then said "no briefings … yet".
    assert listed.returncode == 0 and listed.stdout == ""
    assert f"there is no cache in {typo}" in listed.stderr
    reopened = briefing("open", "1", "--cache-dir", str(typo))
    assert reopened.returncode == 2 and f"there is no cache in {typo}" in reopened.stderr
    assert list(tmp_path.iterdir()) == []


def _with_a_briefing(folder: Path) -> subprocess.CompletedProcess[str]:
    """A briefing of a local page read into the cache in `folder` (briefing 1)."""
    first = briefing(
        "-f", "json", "--no-analysis", "--cache-dir", str(folder), str(PAGES / "wire.html")
    )
    assert first.returncode == 0, first.stderr
    return first


def test_history_and_open_read_at_once_while_another_process_holds_the_cache(
    tmp_path: Path,
) -> None:
    _with_a_briefing(tmp_path)
    cache = ("--cache-dir", str(tmp_path))
    with held(tmp_path):  # let go once both have come back
        # Each opened the cache for writing: 26 s, then "no briefings in the history yet"
        # and "there is no briefing 1".
        listed = briefing("history", *cache)
        reopened = briefing("open", "1", "-f", "json", "--no-analysis", *cache)
    assert listed.returncode == 0 and listed.stdout.split()[0] == "1", listed.stderr
    assert listed.stderr == ""
    assert reopened.returncode == 0, reopened.stderr
    assert [a["status"] for a in _articles(reopened)] == ["ok"]


def test_a_history_another_process_keeps_readers_from_is_said_unread_not_empty(
    tmp_path: Path,
) -> None:
    _with_a_briefing(tmp_path)
    cache = ("--cache-dir", str(tmp_path))
    with held(tmp_path, from_readers=True):
        listed = briefing("history", *cache)
        reopened = briefing("open", "1", *cache)
    busy = f"the cache file {tmp_path / 'briefing.sqlite3'} is busy in another process"
    for proc in (listed, reopened):
        assert proc.returncode == 1 and proc.stdout == ""
        assert proc.stderr == f"briefing: {busy}; the history cannot be read.\n"


def test_a_briefing_read_while_another_process_holds_the_cache_comes_and_says_it_is_not_kept(
    tmp_path: Path,
) -> None:
    _with_a_briefing(tmp_path)
    cache = ("--cache-dir", str(tmp_path))
    page = str(PAGES / "blog.html")
    with held(tmp_path):
        # It waited 26 s for the cache, then went on without it, saying only that.
        proc = briefing("-f", "json", "--no-analysis", *cache, page)
    assert proc.returncode == 0 and [a["status"] for a in _articles(proc)] == ["ok"]
    assert proc.stderr.splitlines() == [
        f"briefing: the cache file {tmp_path / 'briefing.sqlite3'} was busy in another process "
        "for more than 5 s, so this briefing is not in the history."
    ]
    assert len(briefing("history", *cache).stdout.splitlines()) == 1


def test_a_damaged_history_entry_is_listed_and_open_says_it_cannot_be_read(
    tmp_path: Path,
) -> None:
    import sqlite3

    _with_a_briefing(tmp_path)
    with sqlite3.connect(tmp_path / "briefing.sqlite3") as conn:  # as another tool left it
        for data in ("not json", "[]", "{}", "null", '{"inputs": [1]}'):
            conn.execute("INSERT INTO briefings(opened_at, data) VALUES ('t', ?)", (data,))
    listed = briefing("history", "--cache-dir", str(tmp_path))
    lines = listed.stdout.splitlines()
    assert listed.returncode == 0 and len(lines) == 6, listed.stderr
    assert [line.split()[0] for line in lines] == ["6", "5", "4", "3", "2", "1"]
    assert all(line.endswith("could not be read (damaged entry)") for line in lines[:5])
    for id in ("2", "6"):
        # "there is no briefing 2 in the history"
        proc = briefing("open", id, "-f", "json", "--cache-dir", str(tmp_path))
        assert proc.returncode == 1 and proc.stdout == ""
        said = f"briefing: briefing {id} in the history could not be read: its entry is damaged.\n"
        assert proc.stderr == said


def test_a_cache_dir_that_is_a_file_is_said_to_be_one(tmp_path: Path) -> None:
    file = tmp_path / "hostname"
    file.write_text("a file\n")
    proc = briefing(
        "-f", "json", "--no-analysis", "--cache-dir", str(file), str(PAGES / "wire.html")
    )
    assert proc.returncode == 0, proc.stderr
    # "the cache folder … could not be made (File exists)"
    assert f"briefing: the cache folder {file} is a file, not a folder;" in proc.stderr
    listed = briefing("history", "--cache-dir", str(file))
    assert f"the cache folder {file} is a file, not a folder" in listed.stderr


def test_open_an_unknown_id_says_so(tmp_path: Path) -> None:
    from tui.pipeline.cache import Cache

    Cache(tmp_path).close()  # a cache with no briefing 42 in its history
    proc = briefing("open", "42", "--cache-dir", str(tmp_path))
    assert proc.returncode == 2 and "no briefing 42" in proc.stderr


def test_a_command_name_is_an_input_anywhere_but_first(site: FixtureServer) -> None:
    proc = briefing("-f", "json", "--no-analysis", site.page("wire.html"), "history")
    assert proc.returncode == 1
    assert _articles(proc)[1]["error"]["kind"] == "invalid_input"


def _write_config(text: str) -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "briefing" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_print_config_shows_each_setting_and_where_it_came_from() -> None:
    _write_config("timeout = 30\nper_feed = 5\n")
    proc = briefing("--print-config", "--per-feed", "7")
    assert proc.returncode == 0, proc.stderr
    lines = {line.split(" = ")[0]: line for line in proc.stdout.splitlines() if " = " in line}
    assert lines["timeout"].startswith("timeout = 30") and "# config file" in lines["timeout"]
    assert lines["per_feed"].startswith("per_feed = 7") and "# command line" in lines["per_feed"]
    assert "# default" in lines["concurrency"]


def test_the_config_file_sets_defaults_and_a_bad_value_is_one_warning(site: FixtureServer) -> None:
    _write_config('per_feed = 1\ntimeout = "soon"\n')
    proc = briefing("-f", "json", "--no-analysis", site.feed("ledger.rss"))
    feed, _item = _articles(proc)
    assert feed["items"] == [1]  # per_feed from the file
    warnings = [line for line in proc.stderr.splitlines() if "timeout" in line]
    assert len(warnings) == 1 and "using the default" in warnings[0]


def test_a_damaged_cache_file_is_one_warning_and_the_briefing_still_comes(
    site: FixtureServer, tmp_path: Path
) -> None:
    (tmp_path / "briefing.sqlite3").write_bytes(b"\x1b[2J not a database " * 100)
    proc = briefing(
        "-f", "json", "--no-analysis", "--cache-dir", str(tmp_path), site.page("wire.html")
    )
    assert proc.returncode == 0
    (line,) = proc.stderr.splitlines()
    assert line.startswith("briefing: the cache file") and "set aside" in line
    assert "\x1b" not in line
    assert _articles(proc)[0]["status"] == "ok"
    assert len(list(tmp_path.glob("briefing.sqlite3.broken-*"))) == 1


def test_history_and_open_say_a_damaged_cache_cannot_be_read_and_leave_it_be(
    tmp_path: Path,
) -> None:
    junk = b"not a database " * 100
    (tmp_path / "briefing.sqlite3").write_bytes(junk)
    for command in (("history",), ("open", "1")):
        proc = briefing(*command, "--cache-dir", str(tmp_path))
        assert proc.returncode == 1 and proc.stdout == ""  # not "no briefings yet"
        (line,) = proc.stderr.splitlines()
        assert "the history cannot be read" in line and "set aside" not in line
    assert (tmp_path / "briefing.sqlite3").read_bytes() == junk
    assert list(tmp_path.glob("briefing.sqlite3.broken-*")) == []


def test_a_huge_bad_line_is_one_short_stderr_line() -> None:
    line = "not-a-url-" + "x" * 5_000_000 + "\x1b[2J\n"
    proc = briefing("--format", "jsonl", "--no-analysis", stdin=line)
    assert proc.returncode == 1
    (error,) = proc.stderr.splitlines()
    assert len(error) < 1000 and "\x1b" not in error


def test_help_gives_examples_and_the_keys() -> None:
    result = briefing("--help")
    assert result.returncode == 0
    out = result.stdout
    assert "[INPUT]..." in out
    for example in ("cat urls.txt | briefing", "tail -f urls.txt | briefing", "briefing --demo"):
        assert example in out
    # The key table is the one the help screen draws from.
    assert "keys in the app:" in out
    assert "copy the current paragraph" in out and "g / G, home / end" in out
    # The workers' default says its cap, as the README's table does.
    assert "one a core, at most 4" in " ".join(out.split())


def test_a_size_cap_is_reported_as_it_was_given(site: FixtureServer) -> None:
    result = briefing("--format", "json", "--max-size", "0.01", site.page("frontline.html"))
    article = json.loads(result.stdout)["articles"][0]
    assert article["error"]["kind"] == "too_large"
    assert "0.01 MB" in article["error"]["message"]
    assert "0.0099" not in article["error"]["message"]


@pytest.mark.parametrize(
    ("args", "fixed"),
    [
        (["--cache-dir", "DIR", "open", "1"], "briefing open --cache-dir DIR 1"),
        (["--cache-dir", "DIR", "history"], "briefing history --cache-dir DIR"),
    ],
)
def test_a_command_after_an_option_is_a_usage_error_that_shows_it_first(
    args: list[str], fixed: str, tmp_path: Path
) -> None:
    # It read "open" and "1" as two bad inputs, and kept a briefing titled "open; 1".
    proc = briefing(*[str(tmp_path) if a == "DIR" else a for a in args])
    assert proc.returncode == 2
    assert "is a command only as the first argument" in proc.stderr
    assert fixed.replace("DIR", str(tmp_path)) in proc.stderr, proc.stderr
    assert not (tmp_path / "briefing.sqlite3").exists()  # nothing read, nothing remembered


@pytest.mark.parametrize(
    ("option", "said"),
    [("--cache-size", "from 1 to 10,000,000"), ("--per-feed", "from 1 to 10,000")],
)
def test_an_option_out_of_bounds_says_its_range_in_plain_numbers(option: str, said: str) -> None:
    proc = briefing(option, "0", "x")
    assert proc.returncode == 2 and said in proc.stderr and "e+" not in proc.stderr


def test_print_config_says_the_export_folder_takes_markdown_and_json() -> None:
    proc = briefing("--print-config")
    (line,) = [line for line in proc.stdout.splitlines() if "export_dir" in line]
    assert "Markdown or JSON" in line


def _in_charset(
    charset: str, *args: str, terminal: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """briefing with stdout in another charset (as under an ISO-8859-1 or ASCII locale),
    written to a pipe or, with `terminal`, to a pseudo-terminal."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": charset}
    command = [sys.executable, "-m", "tui", *args]
    if not terminal:
        return subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120
        )
    import pty

    main_end, terminal_end = pty.openpty()
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=terminal_end, stderr=subprocess.PIPE, env=env
    )
    os.close(terminal_end)
    chunks = []
    with contextlib.suppress(OSError):  # EIO once the process has closed its end
        while chunk := os.read(main_end, 65536):
            chunks.append(chunk)
    os.close(main_end)
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    out = b"".join(chunks).replace(b"\r\n", b"\n")
    return subprocess.CompletedProcess(command, proc.wait(timeout=120), out, err)


@pytest.mark.parametrize("charset", ["ascii", "latin-1", "utf-16", "utf-8-sig"])
def test_a_file_or_pipe_gets_utf8_whatever_the_locale_charset(charset: str) -> None:
    for fmt in ("markdown", "json"):
        usual = subprocess.run(
            [sys.executable, "-m", "tui", "--demo", "-f", fmt, "--no-analysis"],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
            env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        )  # fmt: skip
        proc = _in_charset(charset, "--demo", "-f", fmt, "--no-analysis")
        # It was a traceback and an empty stdout: the demo's "ø" has no ASCII byte.
        assert proc.returncode == 0 and proc.stderr == b""
        text = proc.stdout.decode("utf-8")
        assert "ø" in text and _no_times(text) == _no_times(usual.stdout.decode("utf-8"))


def _no_times(text: str) -> str:
    return re.sub(r'"fetched_at": "[^"]*"', "", text)


def test_json_on_a_terminal_of_another_charset_escapes_what_it_cannot_show() -> None:
    proc = _in_charset("ascii", "--demo", "-f", "json", "--no-analysis", terminal=True)
    assert proc.returncode == 0 and proc.stderr == b""
    data = json.loads(proc.stdout.decode("ascii"))  # every byte ASCII, and valid JSON
    usual = json.loads(briefing("--demo", "-f", "json", "--no-analysis").stdout)
    for article in (data, usual):
        for item in article["articles"]:
            item.pop("fetched_at")
    assert data == usual  # nothing lost: the escapes decode to the very characters


def test_help_on_a_terminal_of_another_charset_shows_what_it_can() -> None:
    proc = _in_charset("ascii", "--help", terminal=True)
    assert proc.returncode == 0 and proc.stderr == b""
    assert b"usage: briefing" in proc.stdout and b"Traceback" not in proc.stdout


def test_a_file_whose_name_is_not_utf8_is_read_remembered_and_reopened(tmp_path: Path) -> None:
    # A Latin-1 name ("café" with one byte for the é) under a UTF-8 locale: Python hands it
    # over with a lone surrogate in it, which the history could not store (a traceback,
    # and the JSON lost).
    name = os.fsencode(tmp_path) + b"/caf\xe9.html"
    with open(name, "wb") as page:
        page.write((PAGES / "wire.html").read_bytes())
    cache = ("--cache-dir", str(tmp_path / "cache"))
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "-f", "json", "--no-analysis", *cache, name],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == b""
    (article,) = json.loads(proc.stdout)["articles"]
    assert article["status"] == "ok" and article["title"].startswith("EU ministers")
    reopened = briefing("open", "1", "-f", "json", "--no-analysis", *cache)
    assert reopened.returncode == 0, reopened.stderr
    (again,) = _articles(reopened)
    assert again["status"] == "ok" and os.fsencode(again["input"]) == name


def test_a_web_address_beyond_ascii_is_read_under_the_c_locale(site: FixtureServer) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "-f", "jsonl", "--no-analysis", "--no-cache",
         site.page("wire.html") + "?from=café"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        env={**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    )  # fmt: skip
    # It was "internal error (UnicodeEncodeError)": the address reached the fetch with
    # the bytes of "é" as lone surrogates.
    article = json.loads(proc.stdout)
    assert proc.returncode == 0 and article["status"] == "ok"
    assert article["input"].endswith("?from=café")


def test_open_takes_the_apps_own_settings_as_a_new_briefing_does(
    site: FixtureServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import cli

    cache = ("--cache-dir", str(tmp_path))
    assert briefing("-f", "json", "--no-analysis", *cache, site.page("wire.html")).returncode == 0
    seen: dict[str, object] = {}

    def run(inputs: list[str], options: object, config: Any, *rest: object, **kw: object) -> int:
        seen.update(inputs=inputs, export_dir=config["export_dir"], theme=config["theme"])
        return 0

    monkeypatch.setattr(cli, "_run", run)
    out = str(tmp_path / "notes")
    assert cli.open_command(["1", *cache, "--export-dir", out, "--theme", "nord"]) == 0
    assert seen == {"inputs": [site.page("wire.html")], "export_dir": out, "theme": "nord"}


@pytest.mark.parametrize(
    "args",
    [
        ["--\x1b]0;PWNED\x07"],  # an option briefing does not know
        ["history", "\x1b]52;c;aGk=\x07"],  # a command's argument it does not take
        ["--timeout", "\x1b[2J5"],  # a value it cannot read
    ],
)
def test_a_usage_error_quotes_an_argument_without_its_escapes(args: list[str]) -> None:
    # `xargs briefing` over someone else's list: the OSC in an argument argparse did not
    # take reached stderr raw, retitling the window or writing the clipboard.
    proc = briefing(*args)
    assert proc.returncode == 2 and "see 'briefing" in proc.stderr
    assert not any(c in proc.stderr for c in "\x1b\x07\x9b\x9d")


def test_ctrl_c_while_the_history_waits_for_the_cache_ends_without_a_traceback(
    tmp_path: Path,
) -> None:
    # Ctrl+C in `briefing history` (or while Python imports) printed a KeyboardInterrupt
    # traceback. Held from readers, the history waits up to 5 s: the Ctrl+C lands there.
    import signal
    import time

    _with_a_briefing(tmp_path)
    with held(tmp_path, from_readers=True):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui", "history", "--cache-dir", str(tmp_path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env={**os.environ, "NO_COLOR": "1"},
        )  # fmt: skip
        time.sleep(1.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_a_page_named_from_the_current_folder_reopens_from_any_folder(tmp_path: Path) -> None:
    # Reopened from another folder, "loc/page.html" read that folder's file of the same
    # name and showed it as this briefing's, without a word.
    import shutil

    for folder, source in (("a", "wire.html"), ("b", "blog.html")):
        (tmp_path / folder / "loc").mkdir(parents=True)
        shutil.copy(PAGES / source, tmp_path / folder / "loc" / "page.html")
    cache = tmp_path / "cache"

    def run(folder: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args, "-f", "json", "--cache-dir", str(cache)],
            cwd=tmp_path / folder, stdin=subprocess.DEVNULL, capture_output=True, text=True,
            timeout=120, env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)},
        )  # fmt: skip

    first = run("a", "--no-analysis", "loc/page.html")
    again = run("b", "open", "1")
    assert first.returncode == again.returncode == 0, again.stderr
    read, reopened = _articles(first)[0], _articles(again)[0]
    assert read["input"] == reopened["input"] == str(tmp_path / "a" / "loc" / "page.html")
    assert reopened["title"] == read["title"] and reopened["blocks"] == read["blocks"]
