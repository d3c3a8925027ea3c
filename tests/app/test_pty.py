"""The real `briefing` command in a real pseudo-terminal (tmux): URLs on a pipe, keys from
the keyboard. This is the one place that proves the app reads the terminal, not the pipe."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.processes import descendants, running
from tests.server import FixtureServer

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ROOT = Path(__file__).resolve().parents[2]
BRIEFING = f"{shlex.quote(sys.executable)} -m tui --no-analysis"


class Terminal:
    """One tmux session on a private server socket, 100x30."""

    def __init__(self, name: str) -> None:
        self.socket = f"briefing-test-{os.getpid()}-{name}"

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def start(self, command: str) -> None:
        env = f"cd {shlex.quote(str(ROOT))} && export TERM=xterm-256color && "
        # The shell stays after the command so its exit status and tty modes can be read.
        script = f"{env}{command}; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'"
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", script + "; sleep 60")

    def run_in_a_shell(self, tmp_path: Path, command: str, ready: str) -> None:
        """Type `command` (briefing is `{app}` in it) into an interactive shell, and wait
        until the app shows `ready`. Its cache is kept in `tmp_path`."""
        self.start_shell()
        cache = shlex.quote(str(tmp_path / "cache"))
        self.tmux("send-keys", command.format(app=f"XDG_CACHE_HOME={cache} {BRIEFING}"), "Enter")
        self.wait_for(lambda s: ready in s, f"the app to show {ready!r}", timeout=60)

    def start_shell(self) -> None:
        """An interactive shell, for job control (Ctrl+Z, `fg`); commands are typed."""
        self.tmux(
            "new-session", "-d", "-x", "100", "-y", "30", "bash", "--norc", "--noprofile", "-i"
        )
        self.tmux(
            "send-keys", f"cd {shlex.quote(str(ROOT))} && export TERM=xterm-256color", "Enter"
        )

    def screen(self, *, history: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-S", "-"] if history else []))

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", key)
            time.sleep(0.15)  # a person's pace: one key at a time

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 40.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen was:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    term = Terminal(request.node.name[:40])
    yield term
    term.close()


def test_piped_urls_load_while_keys_come_from_the_terminal(site: FixtureServer, terminal: Terminal):
    urls = f"{site.page('wire.html')}\\n{site.page('blog.html')}\\n"
    terminal.start(f"printf '{urls}' | {BRIEFING}")
    terminal.wait_for(
        lambda s: "2 articles · 2 done" in s, "both piped articles to be read", timeout=60
    )
    terminal.keys("j")
    screen = terminal.wait_for(lambda s: "Sofia Lindqvist" in s, "the first article's byline")
    assert "EU ministers weigh joint" in screen
    terminal.keys("?")
    terminal.wait_for(lambda s: "open the article in the browser" in s, "the help screen")
    terminal.keys("Escape", "q")
    screen = terminal.wait_for(lambda s: "EXIT=" in s and "icanon" in s, "the app to exit")
    assert "EXIT=0" in screen
    # The driver gave the terminal back in canonical (line) mode.
    assert "\nicanon" in screen and "-icanon" not in screen


def test_ctrl_c_quits_and_restores_the_terminal(site: FixtureServer, terminal: Terminal):
    terminal.start(f"printf '{site.page('wire.html')}\\n' | {BRIEFING}")
    terminal.wait_for(lambda s: "1 article · 1 done" in s, "the article to be read", timeout=60)
    terminal.keys("C-c")
    screen = terminal.wait_for(lambda s: "EXIT=" in s and "icanon" in s, "Ctrl+C to quit")
    assert "EXIT=0" in screen
    assert "\nicanon" in screen and "-icanon" not in screen


def test_a_pipe_that_stays_open_keeps_adding_articles(
    site: FixtureServer, terminal: Terminal, tmp_path: Path
):
    feed = tmp_path / "urls.txt"
    feed.write_text(site.page("wire.html") + "\n")
    terminal.start(f"tail -n +1 -f {shlex.quote(str(feed))} | {BRIEFING}")
    terminal.wait_for(lambda s: "1 article · 1 done" in s, "the first line's article", timeout=60)
    terminal.keys("j")
    terminal.wait_for(lambda s: "Sofia Lindqvist" in s, "keys to answer while the pipe is open")
    terminal.keys("k")
    with feed.open("a") as out:
        out.write("# a comment line is skipped\n" + site.page("blog.html") + "\n")
    terminal.wait_for(lambda s: "2 articles · 2 done" in s, "the second line's article")
    terminal.keys("q")
    screen = terminal.wait_for(
        lambda s: "EXIT=" in s and "icanon" in s, "the app to exit with the pipe open"
    )
    assert "EXIT=0" in screen


def test_a_search_typed_in_one_burst_searches_for_all_of_it(
    site: FixtureServer, terminal: Terminal
):
    terminal.start(f"printf '{site.page('wire.html')}\\n' | {BRIEFING}")
    terminal.wait_for(lambda s: "1 article · 1 done" in s, "the article to be read", timeout=60)
    # One write to the terminal, as a paste or a laggy link delivers keys: the letters
    # reached the list, not the search box, and Enter searched for nothing.
    terminal.tmux("send-keys", "-l", "/air defence\r")
    terminal.wait_for(lambda s: "Search “air defence”: 2 hits in 1 article" in s, "the search")
    terminal.keys("Escape", "q")
    screen = terminal.wait_for(lambda s: "EXIT=" in s and "icanon" in s, "the app to exit")
    assert "EXIT=0" in screen


def test_a_pasted_list_with_colour_codes_adds_every_address(
    site: FixtureServer, terminal: Terminal
):
    terminal.start(f"printf '{site.page('wire.html')}\\n' | {BRIEFING}")
    terminal.wait_for(lambda s: "1 article · 1 done" in s, "the article to be read", timeout=60)
    terminal.keys("a")
    terminal.wait_for(lambda s: "Add articles" in s, "the add prompt")
    # Copied from a terminal with its colours: the parser read "\x1b[31mhttp://…" as keys,
    # two addresses were glued into one and one was never fetched.
    names = ("blog.html", "frontline.html", "markup.html")
    pasted = f"{site.page(names[0])}\n\x1b[31m{site.page(names[1])}\x1b[0m\n{site.page(names[2])}\n"
    terminal.tmux("set-buffer", "-b", "colours", pasted)
    terminal.tmux("paste-buffer", "-p", "-d", "-b", "colours")
    terminal.wait_for(lambda s: "3 to add" in s, "the pasted list in the prompt")
    terminal.keys("Enter")
    screen = terminal.wait_for(lambda s: "4 articles · 4 done" in s, "all four articles")
    assert "neither a web address" not in screen
    terminal.keys("q")
    assert "EXIT=0" in terminal.wait_for(lambda s: "EXIT=" in s, "the app to exit")


@pytest.mark.skipif(shutil.which("setsid") is None, reason="setsid is not installed")
def test_without_a_terminal_to_open_it_writes_markdown(site: FixtureServer, terminal: Terminal):
    # setsid drops the controlling terminal: /dev/tty cannot be opened, stdout still is one.
    terminal.start(f"printf '{site.page('wire.html')}\\n' | setsid -w {BRIEFING}")
    terminal.wait_for(
        lambda s: "EXIT=" in s and "icanon" in s, "the headless run to finish", timeout=60
    )
    screen = terminal.screen(history=True)
    assert "no terminal to open the app on" in screen
    assert "EU ministers weigh joint borrowing" in screen
    assert "EXIT=0" in screen


def _app_pid(terminal: Terminal) -> int:
    shell = int(terminal.tmux("display", "-p", "#{pane_pid}").strip())
    for pid in descendants(shell):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"tui" in cmdline and b"-m" in cmdline:
            return pid
    raise AssertionError("the app's process was not found")


def _flags(terminal: Terminal) -> dict[str, str]:
    names = ("alternate_on", "cursor_flag", "mouse_any_flag", "mouse_button_flag")
    values = terminal.tmux("display", "-p", " ".join(f"#{{{n}}}" for n in names)).split()
    return dict(zip(names, values, strict=True))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigterm_ends_the_app_and_gives_the_terminal_back(site: FixtureServer, terminal: Terminal):
    terminal.start(f"{BRIEFING} {shlex.quote(site.page('wire.html'))}")
    terminal.wait_for(lambda s: "1 article · 1 done" in s, "the article to be read", timeout=60)
    assert _flags(terminal)["alternate_on"] == "1"  # the app is on the alternate screen
    os.kill(_app_pid(terminal), signal.SIGTERM)
    screen = terminal.wait_for(lambda s: "EXIT=" in s and "icanon" in s, "SIGTERM to end the app")
    assert "EXIT=143" in screen  # as a shell reports a process SIGTERM ended (it said 0)
    assert "\nicanon" in screen and "-icanon" not in screen
    assert _flags(terminal) == {
        "alternate_on": "0",
        "cursor_flag": "1",
        "mouse_any_flag": "0",
        "mouse_button_flag": "0",
    }


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_q_ends_a_busy_briefing_at_once_and_leaves_no_worker(terminal: Terminal, tmp_path: Path):
    # Analysis on: forty distinct long articles keep both workers busy for a while.
    source = (ROOT / "tests" / "fixtures" / "pages" / "frontline.html").read_text("utf-8")
    listing = tmp_path / "urls.txt"
    lines = []
    for n in range(40):
        page = tmp_path / f"story-{n}.html"
        # Each its own story: its own title and canonical address (the same one would merge).
        text = source.replace("<title>", f"<title>Copy {n}: ").replace("41872", f"41872-{n}")
        page.write_text(text * 3, "utf-8")
        lines.append(str(page))
    listing.write_text("\n".join(lines) + "\n")
    command = BRIEFING.replace(" --no-analysis", "")
    terminal.start(f"{command} - < {shlex.quote(str(listing))}")
    terminal.wait_for(
        lambda s: "◔" in s, "analysis to be under way (its glyph in the list)", timeout=90
    )
    app = _app_pid(terminal)
    workers = descendants(app)
    assert workers, "the stages run in worker processes"
    terminal.keys("q")
    screen = terminal.wait_for(lambda s: "EXIT=" in s, "q to end the app", timeout=10)
    assert "EXIT=0" in screen
    deadline = time.monotonic() + 10
    while alive := [p for p in workers if running(p)]:
        assert time.monotonic() < deadline, f"workers outlived the app: {alive}"
        time.sleep(0.1)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for job control")
def test_ctrl_z_suspends_the_app_and_fg_draws_it_whole_again(terminal: Terminal, tmp_path: Path):
    terminal.run_in_a_shell(tmp_path, "{app} --demo", "3 articles · 3 done")
    terminal.keys("C-z")
    terminal.wait_for(lambda s: "Stopped" in s, "Ctrl+Z to suspend the app")
    assert _flags(terminal)["alternate_on"] == "0"  # the shell has its screen back
    terminal.tmux("send-keys", "fg", "Enter")
    # No key pressed: the whole app is drawn again, its header, panes and footer (it had
    # stayed blank until a key came, and then only the rows that key changed).
    terminal.wait_for(
        lambda s: "briefing — demo" in s and "3 articles · 3 done" in s and "q Quit" in s,
        "the app to be drawn again after fg",
        timeout=20,
    )
    assert _flags(terminal)["alternate_on"] == "1"
    terminal.keys("q")
    terminal.wait_for(lambda s: "briefing — demo" not in s, "q to quit")
    terminal.tmux("send-keys", "echo EXIT=$?", "Enter")
    screen = terminal.wait_for(lambda s: re.search(r"EXIT=\d", s) is not None, "the status")
    assert "EXIT=0" in screen


def test_the_app_takes_the_windows_size_not_exported_columns_and_lines(
    terminal: Terminal, tmp_path: Path
):
    cache = shlex.quote(str(tmp_path / "cache"))
    # A pair exported for another window: the app was drawn 40x10 in this 100x30 one.
    terminal.start(f"COLUMNS=40 LINES=10 XDG_CACHE_HOME={cache} {BRIEFING} --demo")
    screen = terminal.wait_for(lambda s: "3 articles · 3 done" in s, "the demo", timeout=60)
    rows = screen.splitlines()
    assert len(rows) == 30 and "palette" in rows[-1]  # the footer on the window's last row
    assert max(len(row) for row in rows) == 100
    terminal.keys("q")
    assert "EXIT=0" in terminal.wait_for(lambda s: "EXIT=" in s, "q to quit")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for job control")
def test_ctrl_z_with_a_prompt_open_stops_the_whole_job_of_a_pipe(
    site: FixtureServer, terminal: Terminal, tmp_path: Path
):
    writer = f"(echo {shlex.quote(site.page('wire.html'))}; sleep 120)"
    terminal.run_in_a_shell(tmp_path, writer + " | {app}", "1 article · 1 done")
    terminal.keys("a")
    terminal.wait_for(lambda s: "Add articles" in s, "the add prompt")
    terminal.keys("C-z")
    # The shell has the terminal back: the writer of the pipe stopped too (the terminal
    # froze while the shell waited for it), and the prompt had not eaten the key.
    terminal.wait_for(lambda s: "Stopped" in s, "Ctrl+Z to stop the whole job")
    terminal.tmux("send-keys", "jobs -l", "Enter")
    # bash names a state once for processes that share it: the writer and the app.
    jobs = terminal.wait_for(lambda s: "Stopped (signal)" in s, "both processes stopped")
    assert "sleep 120" in jobs.split("jobs -l")[-1] and "Running" not in jobs
    terminal.tmux("send-keys", "fg", "Enter")
    terminal.wait_for(lambda s: "Add articles" in s, "the app drawn again, its prompt open")
    terminal.keys("Escape", "q")
    terminal.wait_for(lambda s: "1 article · 1 done" not in s, "q to quit")


def test_a_console_browser_gets_the_terminal_and_its_words_stay_off_the_app(
    site: FixtureServer, terminal: Terminal, tmp_path: Path
):
    script = tmp_path / "browser.sh"
    # As w3m or a $BROWSER command would: it reads a key from the terminal, and complains.
    script.write_text(
        '#!/bin/sh\necho "console-browser: cannot open $1" >&2\nread -r answer\n'
        'echo "$answer" > "$0.answer"\nexit 1\n'
    )
    script.chmod(0o755)
    cache = shlex.quote(str(tmp_path / "cache"))
    terminal.start(
        f"BROWSER={shlex.quote(str(script))} XDG_CACHE_HOME={cache} "
        f"{BRIEFING} {shlex.quote(site.page('wire.html'))}"
    )
    terminal.wait_for(lambda s: "1 article · 1 done" in s, "the article", timeout=60)
    terminal.keys("j", "o")
    terminal.wait_for(lambda s: "console-browser: cannot open" in s, "the browser on the terminal")
    assert _flags(terminal)["alternate_on"] == "0"  # the app gave the terminal up meanwhile
    terminal.tmux("send-keys", "typed for the browser", "Enter")
    screen = terminal.wait_for(lambda s: "could not open" in s, "the app back, saying so")
    assert "console-browser" not in screen  # nothing of it written over the panes
    assert (tmp_path / "browser.sh.answer").read_text() == "typed for the browser\n"
    terminal.keys("q")
    assert "EXIT=0" in terminal.wait_for(lambda s: "EXIT=" in s, "q to quit")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for job control")
def test_kill_ends_a_stopped_app_and_leaves_the_terminal_as_it_was(
    site: FixtureServer, terminal: Terminal, tmp_path: Path
):
    page = shlex.quote(site.page("wire.html"))
    terminal.run_in_a_shell(tmp_path, "{app} " + page, "1 article · 1 done")
    terminal.keys("C-z")
    terminal.wait_for(lambda s: "Stopped" in s, "Ctrl+Z to suspend the app")
    # bash sends SIGTERM, then SIGCONT to a stopped job: it stayed stopped until fg.
    terminal.tmux("send-keys", "kill %1; sleep 1; jobs -l; echo JOBS_DONE", "Enter")
    screen = terminal.wait_for(lambda s: re.search(r"^JOBS_DONE", s, re.M) is not None, "jobs")
    assert "Exit 143" in screen or "Terminated" in screen, screen
    assert "Stopped" not in screen.split("kill %1")[-1]
    assert _flags(terminal) == {
        "alternate_on": "0",
        "cursor_flag": "1",
        "mouse_any_flag": "0",
        "mouse_button_flag": "0",
    }


def test_a_byte_that_is_not_utf8_from_the_terminal_is_read_as_latin1(
    terminal: Terminal, tmp_path: Path
):
    cache = shlex.quote(str(tmp_path / "cache"))
    terminal.start(f"XDG_CACHE_HOME={cache} {BRIEFING} --demo")
    terminal.wait_for(lambda s: "3 articles · 3 done" in s, "the demo", timeout=60)
    terminal.keys("a")
    terminal.wait_for(lambda s: "Add articles" in s, "the add prompt")
    # "café" pasted from a Latin-1 terminal: its é is the one byte E9 (so is Alt+i from an
    # xterm sending 8-bit Meta). It ended the app with a traceback, and status 0.
    terminal.tmux("send-keys", "caf")
    terminal.tmux("send-keys", "-H", "e9")
    terminal.wait_for(lambda s: "café" in s, "the byte read as é")
    terminal.keys("Escape", "q")
    screen = terminal.wait_for(lambda s: "EXIT=" in s, "q to quit")
    assert "EXIT=0" in screen and "Traceback" not in terminal.screen(history=True)


def test_ctrl_c_while_a_console_browser_runs_ends_the_browser_not_the_app(
    site: FixtureServer, terminal: Terminal, tmp_path: Path
):
    script = tmp_path / "slow-browser.sh"
    script.write_text("#!/bin/sh\nsleep 60\n")  # a launcher that waits, and reads nothing
    script.chmod(0o755)
    page = shlex.quote(site.page("wire.html"))
    browser = f"BROWSER={shlex.quote(str(script))}"
    terminal.run_in_a_shell(tmp_path, browser + " {app} " + page, "1 article · 1 done")
    terminal.keys("j", "o")
    deadline = time.monotonic() + 20
    while _flags(terminal)["alternate_on"] != "0":  # the browser has the terminal
        assert time.monotonic() < deadline, "the app never gave the terminal up"
        time.sleep(0.1)
    # A "q" typed while the browser had the terminal is not the app's; Ctrl+C ends the
    # browser (it ended the app with a traceback).
    terminal.keys("q", "C-c")
    terminal.wait_for(lambda s: "could not open" in s, "the app back, saying so")
    assert _flags(terminal)["alternate_on"] == "1"
    terminal.keys("q")
    terminal.wait_for(lambda s: "could not open" not in s, "q to quit")
    terminal.tmux("send-keys", "echo EXIT=$?", "Enter")
    screen = terminal.wait_for(lambda s: re.search(r"EXIT=\d", s) is not None, "the status")
    assert "EXIT=0" in screen and "Traceback" not in terminal.screen(history=True)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for job control")
def test_ctrl_z_under_a_wrapper_gives_the_shell_a_clean_terminal(
    terminal: Terminal, tmp_path: Path
):
    # `uv run`, `poetry run`, a wrapper script: briefing is not the job's only process.
    terminal.run_in_a_shell(tmp_path, "sh -c '{app} --demo'", "3 articles · 3 done")
    terminal.keys("C-z")
    terminal.wait_for(lambda s: "Stopped" in s, "Ctrl+Z to stop the job")
    # The shell took the terminal back before it was restored: app modes, cursor hidden.
    assert _flags(terminal) == {
        "alternate_on": "0",
        "cursor_flag": "1",
        "mouse_any_flag": "0",
        "mouse_button_flag": "0",
    }
    terminal.tmux("send-keys", "fg", "Enter")
    terminal.wait_for(lambda s: "3 articles · 3 done" in s, "the app drawn again")
    terminal.keys("q")
    terminal.wait_for(lambda s: "3 articles · 3 done" not in s, "q to quit")


def test_ctrl_z_with_no_shell_to_return_to_says_so_and_goes_on(terminal: Terminal, tmp_path: Path):
    cache = shlex.quote(str(tmp_path / "cache"))
    terminal.start(f"XDG_CACHE_HOME={cache} {BRIEFING} --demo")  # no job control above it
    terminal.wait_for(lambda s: "3 articles · 3 done" in s, "the demo", timeout=60)
    terminal.keys("C-z")
    # Stopped, nothing would ever continue it: the window froze for good.
    terminal.wait_for(lambda s: "No shell to go back to" in s, "the app to say so")
    terminal.keys("q")
    assert "EXIT=0" in terminal.wait_for(lambda s: "EXIT=" in s, "q to quit")
