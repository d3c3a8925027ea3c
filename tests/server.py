"""A real HTTP server on 127.0.0.1 that serves the fixture pages and every failure a
reader meets in the wild (404, slow, redirect loop, huge body, gzip bomb, PDF, ...)."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAGES = Path(__file__).parent / "fixtures" / "pages"
FEEDS = Path(__file__).parent / "fixtures" / "feeds"
# What each feed fixture is served as, unless the request names a type (?type=...).
FEED_TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".opml": "text/x-opml",
}

# Pages whose bytes are not UTF-8 are served without a charset, as careless servers do.
NO_CHARSET = {"cp1252.html"}

SLOW_SECONDS = 5.0
HUGE_BYTES = 20 * 1024 * 1024
BOMB_BYTES = 200 * 1024 * 1024


def _gzip_bomb() -> bytes:
    # Built once: a few hundred KB on the wire that inflate to BOMB_BYTES of spaces.
    chunk = b" " * (1024 * 1024)
    out = gzip.compress(b"<html><body>" + chunk * (BOMB_BYTES // len(chunk)), compresslevel=9)
    return out


class _Handler(BaseHTTPRequestHandler):
    server: FixtureServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        query = parse_qs(parts.query)
        self.server.hits.append((path, self.headers.get("User-Agent", "")))
        if path.startswith("/pages/"):
            self._page(path.removeprefix("/pages/"))
        elif path.startswith("/delay/"):
            # A fixture page after a pause: lets a test choose the order pages arrive in.
            time.sleep(float(query.get("s", ["1"])[0]))
            self._page(path.removeprefix("/delay/"))
        elif path == "/404":
            self._send(404, b"<html><body>Not here</body></html>")
        elif path == "/500":
            self._send(500, b"<html><body>Oops</body></html>")
        elif path == "/slow":
            delay = float(query.get("s", [SLOW_SECONDS])[0])
            time.sleep(delay)
            self._send(200, b"<html><body><p>late</p></body></html>")
        elif path == "/loop":
            n = int(query.get("n", ["0"])[0])
            self.send_response(302)
            self.send_header("Location", f"/loop?n={n + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/moved/"):
            self.send_response(301)
            self.send_header("Location", "/pages/" + path.removeprefix("/moved/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/huge":
            self._stream_huge()
        elif path == "/bomb":
            body = self.server.bomb()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "application/pdf")
        elif path == "/empty":
            self._send(200, b"", "text/html; charset=utf-8")
        elif path.startswith("/feeds/"):
            self._feed(path.removeprefix("/feeds/"), query.get("type", [None])[0])
        else:
            self._send(404, b"no such fixture")

    def _page(self, name: str) -> None:
        file = PAGES / name
        if not file.is_file():
            self._send(404, b"no such page")
            return
        ctype = "text/html" if name in NO_CHARSET else "text/html; charset=utf-8"
        self._send(200, file.read_bytes(), ctype)

    def _feed(self, name: str, ctype: str | None) -> None:
        """A feed fixture, with {base} in it standing for this server's address."""
        file = FEEDS / name
        if not file.is_file():
            self._send(404, b"no such feed")
            return
        body = file.read_bytes().replace(b"{base}", self.server.base.encode())
        self._send(200, body, ctype or FEED_TYPES.get(file.suffix, "application/xml"))

    def _stream_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"[:3]
        sent = 0
        try:
            while sent < HUGE_BYTES:
                piece = chunk[: HUGE_BYTES - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its cap, as it should

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: list[tuple[str, str]] = []  # (path, User-Agent) of every request
        self._bomb: bytes | None = None
        self._bomb_lock = threading.Lock()

    def bomb(self) -> bytes:
        with self._bomb_lock:
            if self._bomb is None:
                self._bomb = _gzip_bomb()
            return self._bomb

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + (path if path.startswith("/") else "/" + path)

    def page(self, name: str) -> str:
        return self.url("/pages/" + name)

    def feed(self, name: str, ctype: str | None = None) -> str:
        return self.url("/feeds/" + name + (f"?type={ctype}" if ctype else ""))


def serve() -> Iterator[FixtureServer]:
    server = FixtureServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
