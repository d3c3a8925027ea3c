"""How fast the app paints and answers keys, measured through a real pseudo-terminal.

1. Launch to first painted frame: `briefing --demo` beside a minimal Textual app (header,
   one static, footer), alternating, several runs each; medians and their ratio (target:
   within 1.2x (issue 9), i.e. spaCy and the pipeline are not paid before the first frame).
2. Key-to-repaint latency while 100 articles are fetched and analysed from a local server:
   press `?` and time until the help screen's text reaches the terminal, then close it.

Run from the repo root: `nice python benchmarks/startup.py [--runs 7] [--keys 20]`.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("minimal app ready")
        yield Footer()

Minimal().run()
"""


# The pseudo-terminal's size, as a laptop terminal might be.
COLUMNS, ROWS = 120, 36


class Pty:
    """A child process on a fresh pseudo-terminal, COLUMNS x ROWS, whose output we watch."""

    def __init__(self, argv: list[str]) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            os.chdir(ROOT)
            os.environ["TERM"] = "xterm-256color"
            os.execv(argv[0], argv)
        self.resize(COLUMNS)
        self.buffer = b""

    def resize(self, columns: int) -> None:
        """Set the terminal's width (ROWS high); the child is sent SIGWINCH and redraws."""
        self.columns = columns
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, columns, 0, 0))

    def wait_for(self, marker: bytes, timeout: float = 60.0) -> float:
        """Seconds from now until `marker` appears in new output."""
        start = time.perf_counter()
        # The read that held the previous marker: one frame can draw two markers at once
        # (the text pane's lines come before the list's position, higher on the screen),
        # and each wait must see its own.
        seen, self.buffer = self.buffer, b""
        while marker not in seen:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{marker!r} never appeared")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                # All of it: a marker may be split across two reads, and the next wait may
                # look for one drawn in an earlier read of the same frame.
                seen += os.read(self.fd, 65536)
        self.buffer = seen
        return time.perf_counter() - start

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    os.read(self.fd, 65536)
                except OSError:
                    return
        self.buffer = b""

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        # A child busy in native code may not act on SIGTERM at once; never hang on it.
        deadline = time.perf_counter() + 3.0
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.perf_counter() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            self.drain(0.05)
        os.close(self.fd)


def first_frame(argv: list[str], marker: bytes) -> float:
    term = Pty(argv)
    try:
        term.wait_for(marker)
        return time.perf_counter() - term.started
    finally:
        term.close()


def startup(runs: int) -> None:
    python = sys.executable
    app_argv = [python, "-m", "tui", "--demo"]
    minimal_argv = [python, "-c", MINIMAL_APP]
    ours: list[float] = []
    minimal: list[float] = []
    # Textual's modules were compiled to bytecode when pip installed them; ours are an
    # editable install, compiled on a first run unless PYTHONDONTWRITEBYTECODE forbids it
    # (it does on the machine these figures come from). Compile ours too, so both sides
    # start as an installed program does, and the ratio is not our compiler's time.
    compileall.compile_dir(ROOT / "tui", quiet=1)
    first_frame(minimal_argv, b"minimal app ready")  # warm the OS file cache for both
    first_frame(app_argv, b"1 Articles")
    for _ in range(runs):
        minimal.append(first_frame(minimal_argv, b"minimal app ready"))
        ours.append(first_frame(app_argv, b"1 Articles"))
    m_ours, m_min = statistics.median(ours), statistics.median(minimal)
    print(f"first frame, briefing --demo : median {m_ours * 1000:.0f} ms over {runs} runs")
    print(f"first frame, minimal app     : median {m_min * 1000:.0f} ms over {runs} runs")
    print(f"ratio                        : {m_ours / m_min:.2f}x (target <= 1.2x)")


def press_help(term: Pty, presses: int) -> list[float]:
    """Seconds from pressing `?` to the help screen's text reaching the terminal."""
    latencies = []
    for _ in range(presses):
        term.send(b"?")
        latencies.append(term.wait_for(b"copy the article"))
        term.send(b"\x1b")
        term.drain(0.25)
    return sorted(latencies)


def report(label: str, latencies: list[float]) -> None:
    p90 = latencies[int(0.9 * (len(latencies) - 1))]
    print(
        f"{label}: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p90 {p90 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms over {len(latencies)} presses"
    )


def key_latency(presses: int, articles: int) -> None:
    from tests.server import serve

    # Baseline: the same key on the settled demo, nothing loading.
    term = Pty([sys.executable, "-m", "tui", "--demo"])
    try:
        term.wait_for(b"3 articles \xc2\xb7 3 done")
        term.drain(1.0)
        report("key to repaint, idle (demo settled)      ", press_help(term, presses))
    finally:
        term.close()

    server_gen = serve()
    server = next(server_gen)
    # Every fixture page in turn, each URL distinct so nothing is served from a cache.
    pages = sorted(p.name for p in (ROOT / "tests" / "fixtures" / "pages").glob("*.html"))
    urls = [server.page(pages[i % len(pages)]) + f"?n={i}" for i in range(articles)]
    term = Pty([sys.executable, "-m", "tui", *urls])
    try:
        term.wait_for(b"1 Articles")
        started = time.perf_counter()
        latencies = press_help(term, presses)
        busy_for = time.perf_counter() - started
    finally:
        term.close()
        server_gen.close()
    report(f"key to repaint, {articles} articles loading", latencies)
    print(f"  (presses spread over the first {busy_for:.1f} s of loading)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=20, help="presses per phase; 0 skips keys")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    startup(args.runs)
    if args.keys > 0:
        key_latency(args.keys, args.articles)


if __name__ == "__main__":
    main()
