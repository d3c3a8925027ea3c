"""A real HTTP server on 127.0.0.1 that serves the fixture pages and every failure a
reader meets in the wild (404, slow, redirect loop, huge body, gzip bomb, PDF, ...)."""

from __future__ import annotations

import gzip
import itertools
import socket
import struct
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
        if (late := self.server.first_hit_delays.pop(path, None)) is not None:
            time.sleep(late)
        if path.startswith("/pages/"):
            self._page(path.removeprefix("/pages/"))
        elif path.startswith("/delay/"):
            # A fixture page (/delay/feeds/<name>: a feed) after a pause: lets a test
            # choose the order pages arrive in.
            time.sleep(float(query.get("s", ["1"])[0]))
            name = path.removeprefix("/delay/")
            if name.startswith("feeds/"):
                self._feed(name.removeprefix("feeds/"), None)
            else:
                self._page(name)
        elif path == "/404":
            self._send(404, b"<html><body>Not here</body></html>")
        elif path == "/500":
            self._send(500, b"<html><body>Oops</body></html>")
        elif path == "/busy":
            # An error status with a Retry-After header (?status=429&retry=120).
            body = b"<html><body>Busy</body></html>"
            self.send_response(int(query.get("status", ["503"])[0]))
            if retry := query.get("retry"):
                self.send_header("Retry-After", retry[0])
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
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
        elif path.startswith("/hostile/"):
            self._hosted(path.removeprefix("/hostile/"))
        elif path in _HOSTILE_ROUTES:
            _HOSTILE_ROUTES[path](self, query)
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

    def _hosted(self, key: str) -> None:
        """A page a test put on the server: its headers and bytes exactly as given."""
        hosted = self.server.hostile_pages.get(key)
        if hosted is None:
            self._send(404, b"no such hosted page")
            return
        headers, body = hosted
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

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


def _gzip_members(handler: _Handler, query: dict[str, list[str]]) -> None:
    """/gzip-members?n=N&pad=P: a gzip body of N members (as `cat a.gz b.gz` makes),
    each a paragraph padded with P spaces."""
    n, pad = int(query.get("n", ["2"])[0]), int(query.get("pad", ["0"])[0])
    parts = [b"<html><body><article>"]
    parts += [f"<p>Member {i} of the page.</p>".encode() + b" " * pad for i in range(n)]
    parts.append(b"</article></body></html>")
    body = b"".join(gzip.compress(p) for p in parts)
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _charset(handler: _Handler, query: dict[str, list[str]]) -> None:
    """/charset?c=LABEL: a UTF-8 page whose header and <meta> both name LABEL."""
    label = query.get("c", ["utf-8"])[0]
    body = (
        f'<html><head><meta charset="{label}"><title>Labels</title></head><body><article>'
        "<p>Plain words in Latin and Cyrillic Київ, labelled with a charset.</p>"
        "</article></body></html>"
    ).encode()
    handler._send(200, body, f"text/html; charset={label}")


def _redirect_to(handler: _Handler, query: dict[str, list[str]]) -> None:
    """/redirect-to?to=LOCATION: a 302 to whatever LOCATION says, valid or not."""
    handler.send_response(302)
    handler.send_header("Location", query.get("to", ["/"])[0])
    handler.send_header("Content-Length", "0")
    handler.end_headers()


# Routes added for hostile-input tests, by path.
_HOSTILE_ROUTES = {
    "/gzip-members": _gzip_members,
    "/charset": _charset,
    "/redirect-to": _redirect_to,
}


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: list[tuple[str, str]] = []  # (path, User-Agent) of every request
        self._bomb: bytes | None = None
        self._bomb_lock = threading.Lock()
        # Pages tests host for a moment at /hostile/<key>: (headers, body).
        self.hostile_pages: dict[str, tuple[dict[str, str], bytes]] = {}
        self._hosted_count = itertools.count()
        # Path -> seconds its first request waits (later ones do not): lets a test have
        # the first of two fetches of one page arrive last.
        self.first_hit_delays: dict[str, float] = {}

    def host_page(self, headers: dict[str, str], body: bytes) -> str:
        """Serve `body` with `headers` at /hostile/<key>; returns the key."""
        key = str(next(self._hosted_count))
        self.hostile_pages[key] = (headers, body)
        return key

    def host_html(self, body: bytes) -> str:
        """Serve `body` as a UTF-8 HTML page; returns its address."""
        return self.url(
            "/hostile/" + self.host_page({"Content-Type": "text/html; charset=utf-8"}, body)
        )

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


class RawServer:
    """A bare socket server on 127.0.0.1 for what http.server will not do: keep-alive
    connections answered by hand, headers that lie, silence after a TLS hello.

    Routes (each connection serves requests until the client closes it):
    /good         a small page, honest Content-Length, connection kept open
    /liar         Content-Length shorter than the body sent; connection kept open
    /escapes      a 404 whose reason phrase and a 200 whose Content-Type carry terminal
                  escapes (?where=reason|type)
    /reset        half the body its Content-Length promises, then a reset connection
    /cut          2,000 bytes of the 50,000 its Content-Length promises, then a plain close
    /cut-chunked  a chunk announced as 50,000 bytes, 2,000 of them sent, then a plain close
    /bad-status   a status line that is not HTTP's ("HTTP/1.1 two hundred OK")
    /nowhere      a 302 with no Location (/nowhere-empty: an empty one)
    Any https:// to it stalls in the handshake: it waits for a request line, and a TLS
    hello has none (a plain-HTTP port as many servers run it).
    """

    BODY = b"<html><body><article><p>" + b"An honest paragraph. " * 20 + b"</p></article>"

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = 0  # accepted so far: shows whether the client reused one
        self._stop = threading.Event()

    @property
    def base(self) -> str:
        host, port = self.sock.getsockname()[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve_forever(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(RAW_IDLE_SECONDS)
        buf = b""
        with conn:
            try:
                while not self._stop.is_set():
                    while b"\r\n\r\n" not in buf:
                        chunk = conn.recv(65536)
                        if not chunk:
                            return
                        buf += chunk
                    head, buf = buf.split(b"\r\n\r\n", 1)
                    path = head.split(b" ", 2)[1].decode("latin-1")
                    conn.sendall(self._answer(path))
                    if path in _CLOSE_AFTER:
                        return  # an orderly close (FIN) with the answer unfinished
                    if path == "/reset":
                        # Closed with no linger: the client gets a reset, not an end.
                        conn.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                        return
            except (OSError, IndexError):
                return

    def _answer(self, path: str) -> bytes:
        if path.startswith("/escapes"):
            return _escapes(path)
        if path == "/nowhere":
            return b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"
        if path == "/nowhere-empty":
            return b"HTTP/1.1 302 Found\r\nLocation: \r\nContent-Length: 0\r\n\r\n"
        if path in _CLOSE_AFTER:
            return _CLOSE_AFTER[path]
        if path == "/reset":
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                f"Content-Length: {len(self.BODY) * 2}\r\n\r\n"
            )
            return head.encode() + self.BODY
        body = self.BODY
        length = len(body)
        if path == "/liar":
            body += b"<p>" + b"Bytes past the declared length. " * 40 + b"</p>"
        elif path != "/good":
            body = b"no such route"
            length = len(body)
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {length}\r\nConnection: keep-alive\r\n\r\n"
        )
        return head.encode() + body


# Answers after which the raw server closes the connection, by path.
_CUT_BODY = b"<html><body><article><p>" + b"x" * 1972 + b"</p>"  # 2,000 bytes
_CLOSE_AFTER = {
    "/cut": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000\r\n\r\n" + _CUT_BODY
    ),
    "/cut-chunked": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"c350\r\n"  # 50,000 in hex
        + _CUT_BODY
    ),
    "/bad-status": b"HTTP/1.1 two hundred OK\r\nContent-Length: 8\r\n\r\n<p>x</p>",
}


def _escapes(path: str) -> bytes:
    evil = "\x1b]0;pwned\x07\x1b[2J\u202e"
    if path.endswith("where=type"):
        status, ctype = "200 OK", f"text/x-{evil}"
    else:
        status, ctype = f"404 Not {evil}Found", "text/html"
    body = b"<p>x</p>"
    head = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("utf-8") + body


# How long a raw connection may sit idle before the server drops it (keeps threads bounded).
RAW_IDLE_SECONDS = 30.0


def serve_raw() -> Iterator[RawServer]:
    server = RawServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.close()
