"""Getting a page's text: over HTTP with hard limits, or from a local file.

Every way a fetch can fail becomes a `PipelineError` whose message a reader understands;
nothing here raises anything else for a bad page.
"""

from __future__ import annotations

import asyncio
import errno
import re
import socket
import ssl
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from tui import __version__
from tui.pipeline import feeds, wakes
from tui.pipeline.decode import utf16_without_bom
from tui.pipeline.inputs import (
    QUOTED_CHARS,
    check_input,
    check_url,
    is_own_network,
    quoted,
    read_local_file,
)
from tui.pipeline.model import ErrorKind, FetchedFeed, FetchedPage, PipelineError
from tui.pipeline.options import Options
from tui.pipeline.textsafety import for_terminal
from tui.pipeline.words import megabytes, plural

USER_AGENT = f"briefing/{__version__} (terminal news reader; +https://pypi.org/project/briefing/)"
MAX_REDIRECTS = 10
CONNECT_SECONDS = 10.0
CONNECT_SHARE = 0.5
# Fresh tries after a kept-alive connection turned out stale or poisoned: one is what
# browsers do; more would only repeat a server that is broken outright.
STALE_CONNECTION_RETRIES = 1
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Served as one of these, a body says nothing of what it is ("some bytes"; S3 names it
# binary/octet-stream): its first bytes decide (`sniff_type`), and what is neither a feed
# nor a page is refused as binary, as soon as they have come.
UNLABELLED_TYPES = frozenset({"application/octet-stream", "binary/octet-stream"})
# What an unlabelled body is read as, by the element it begins with after the prologue an
# XML or HTML document may have (BOM, whitespace, declaration, comments, doctype).
_SIGNATURES = tuple(
    (re.compile(feeds.XML_PROLOGUE + start + rb"[\s>/]", re.S | re.I), mime)
    for start, mime in (
        (rb"<rss", "application/rss+xml"),
        (rb"<feed", "application/atom+xml"),
        (rb"<rdf:RDF", "application/rdf+xml"),
        (rb"<opml", "text/x-opml"),
        (rb"<!doctype\s+html", "text/html"),
        (rb"<html", "text/html"),
    )
)

# Names a reader recognises for what came back instead of a web page.
_TYPE_NAMES = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/xml": "an XML document",
    "text/xml": "an XML document",
    "application/rss+xml": "an RSS feed",
    "application/atom+xml": "an Atom feed",
    "text/plain": "plain text",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary file",
}
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
)
_GZIP_MAGIC = b"\x1f\x8b"
# A page in UTF-16 is full of NUL bytes and is still text when it starts with its BOM (or,
# with none, when its bytes are markup every other byte: `decode.utf16_without_bom`).
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# The head of a body judged for binary: its first kilobyte (after any NUL padding).
_BINARY_HEAD = 1024
# C0 control bytes no page's text is written with: all but tab, LF, VT, FF, CR (white
# space; Word writes VT for a line break) and ESC (ISO-2022-JP switches between character
# sets with it; ISO-2022-KR, which shifts with SO and SI too, no browser reads).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\v\f\r\x1b")
# Bytes that give binary data away, each with the share of the head above which the body
# is binary, not text, whatever the server called it:
_BINARY_SIGNS: tuple[tuple[bytes, float], ...] = (
    # NULs all through it, as binary formats have them: one stray NUL in a page a content
    # system wrote badly is no reason to refuse what a browser shows.
    (b"\x00", 0.01),
    # Controls (NUL among them): random, compressed or encrypted bytes have about one in
    # ten, with only 0.4% of NULs; the 2,232 pages of the extraction corpora have none in
    # their first kilobyte and at most 0.16% in the whole page.
    (_CONTROL_BYTES, 0.03),
)
# What h11 (under httpcore, under httpx) says when the peer closed before the message body
# its headers announced was complete: "peer closed connection without sending complete
# message body (...)".
_CUT_SHORT = "complete message body"
# What OpenSSL says when the other end answered in plain text, not TLS.
_NOT_TLS_REASONS = frozenset(
    {"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "UNKNOWN_PROTOCOL", "RECORD_LAYER_FAILURE"}
)


def make_client(options: Options) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        # Only the connect has httpx's own limit: the whole fetch has `--timeout`
        # (`_within_the_time`), which a stop of the process does not use up.
        timeout=httpx.Timeout(None, connect=_connect_timeout(options)),
        limits=httpx.Limits(max_connections=options.concurrency * 2),
        # We inflate the body ourselves so the size cap applies to what is inflated.
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        # Every hop of a redirect is checked before it is followed.
        event_hooks={"response": [check_redirect]},
    )


async def check_redirect(response: httpx.Response) -> None:
    """Refuse a redirect briefing must not follow, as a `PipelineError` in words.

    The new address must be a valid http(s) URL, and a site on the internet may not send
    briefing to the reader's own machine or network (loopback, private, link-local
    addresses, `localhost`): a page should not make briefing fetch the reader's router or
    a local service. Only literal addresses and localhost names are recognised: a public
    name that resolves to a private address is not caught here (see SECURITY.md).
    """
    if not response.is_redirect:
        return
    here = str(response.request.url)
    location = response.headers.get("location", "")
    if not location.strip():
        # An empty Location is the page itself again: a loop of ten hops said nothing true.
        raise _no_address(response)
    try:
        target = check_url(urljoin(here, location.strip()))
    except (PipelineError, ValueError):
        raise PipelineError(
            ErrorKind.HTTP_STATUS,
            f"The site redirected to {quoted(location)}, which is not a web address "
            "briefing can follow.",
        ) from None
    parts = urlsplit(target)
    if parts.username is not None or parts.password is not None:
        # A name and password the reader never gave would be sent on, and kept in the
        # article's address, the exports and the history.
        raise PipelineError(
            ErrorKind.HTTP_STATUS,
            "The site redirected to an address with a user name or password in it; "
            "briefing does not follow it.",
        )
    to_host = parts.hostname or ""
    if is_own_network(to_host) and not is_own_network(response.request.url.host):
        raise PipelineError(
            ErrorKind.HTTP_STATUS,
            f"The site redirected to {quoted(to_host, 60)}, an address on your own machine "
            "or network; briefing does not follow a site there.",
        )


def _no_address(response: httpx.Response) -> PipelineError:
    """A redirect that names no address to go to, missing or empty alike."""
    reason = for_terminal(response.reason_phrase, QUOTED_CHARS) or "redirect"
    return PipelineError(
        ErrorKind.HTTP_STATUS,
        f"The site answered {response.status_code} {reason} but gave no address to go to.",
    )


def _connect_timeout(options: Options) -> float:
    # A site that has not connected (TLS included) in 10 s will not; and connecting gets at
    # most half the budget, so a stalled handshake is told apart from a slow page.
    return min(CONNECT_SECONDS, options.timeout * CONNECT_SHARE)


async def fetch(
    input: str, client: httpx.AsyncClient, options: Options
) -> FetchedPage | FetchedFeed:
    """The page `input` names, fetched or read; any failure is a `PipelineError` in words."""
    target = await asyncio.to_thread(check_input, input)  # may stat a file: off the loop
    if target.url is not None:
        return await _within_the_time(input, target.url, client, options)
    assert target.path is not None
    return await asyncio.to_thread(_read_file, input, target.path, options)


async def _within_the_time(
    input: str, url: str, client: httpx.AsyncClient, options: Options
) -> FetchedPage | FetchedFeed:
    """The page, fetched within `--timeout`. Where the process was stopped meanwhile
    (`wakes`: ctrl+z, SIGSTOP) the time it stood still was the reader's, not the site's:
    a window that ran out across the stop is given its time again, the fetch going on (the
    page may be waiting in the socket), and a connect that ran out is tried again."""
    loop = asyncio.get_running_loop()
    while True:
        woken = wakes.woken()
        end: asyncio.TimerHandle | None = None
        try:
            async with asyncio.timeout(None) as window:

                def at_the_end() -> None:
                    nonlocal woken, end
                    if wakes.woken() == woken:
                        window.reschedule(loop.time())  # out of time: ends the fetch now
                    else:
                        woken, end = wakes.woken(), loop.call_later(options.timeout, at_the_end)

                end = loop.call_later(options.timeout, at_the_end)
                return await _fetch_url(input, url, client, options)
        except TimeoutError:
            raise PipelineError(
                ErrorKind.TIMEOUT, f"The site did not send the page within {options.timeout:g} s."
            ) from None
        except PipelineError as exc:
            if exc.kind is not ErrorKind.TIMEOUT or wakes.woken() == woken:
                raise
        finally:
            if end is not None:
                end.cancel()


def _read_file(input: str, path: Path, options: Options) -> FetchedPage:
    body = read_local_file(path, options.max_bytes)
    if len(body) > options.max_bytes:
        raise _too_large(options)
    _refuse_non_html(body, None)
    return FetchedPage(input, path.resolve().as_uri(), body, None, _now())


async def _fetch_url(
    input: str, url: str, client: httpx.AsyncClient, options: Options
) -> FetchedPage | FetchedFeed:
    host = for_terminal(urlsplit(url).hostname or url, QUOTED_CHARS)
    for attempt in range(1 + STALE_CONNECTION_RETRIES):
        try:
            body, charset, final_url, mime, headers = await _get(url, client, options)
            break
        except PipelineError:
            raise
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            # A kept-alive connection can hold bytes a previous answer sent past its
            # Content-Length, or have been closed by the server while idle; the pool then
            # drops it. A GET is safe to send again, on a fresh connection.
            if attempt == STALE_CONNECTION_RETRIES:
                raise _transport_error(exc, host, url, options) from None
        except (httpx.HTTPError, ValueError) as exc:  # ValueError: httpx on a URL it half-parsed
            raise _transport_error(exc, host, url, options) from None
    if not body.strip():
        raise PipelineError(ErrorKind.NO_ARTICLE, "The site sent an empty page.")
    # An unlabelled body is what its first bytes show (`_get` refused any other).
    kind = (sniff_type(body) or mime) if mime in UNLABELLED_TYPES else mime
    # A feed or OPML list goes to feeds.py whole, as bytes (recognised by type or content).
    if feeds.is_feed_type(kind) or feeds.looks_like_feed(body):
        return FetchedFeed(input, final_url, body, kind, _now())
    if kind and kind not in HTML_TYPES:
        raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(kind))
    _refuse_non_html(body, mime)
    return FetchedPage(input, final_url, body, charset, _now(), headers)


# What an error status means to a reader, where the number alone says little.
_STATUS_MEANINGS = {
    401: "the page needs a login",
    403: "the site refuses to show this page (it may need a login or turn away readers "
    "like this one)",
    404: "the page does not exist",
    410: "the page does not exist",
    429: "too many requests reached the site too fast",
    503: "the site is unavailable for now",
}
# Statuses whose Retry-After header says when to try again.
_RETRY_STATUSES = (429, 503)
# The longest wait repeated to a reader, seconds (a week).
_LONGEST_WAIT = 7 * 86400
_RETRY_CLAUSE = "; it says to try again "
_RETRY_WAIT = re.compile(re.escape(_RETRY_CLAUSE) + r"[^.;]*")


def without_wait(message: str) -> str:
    """An error's message without the wait the site asked for, for telling it again later
    (a reopened briefing's "it says to try again in 2 minutes" was days old)."""
    return _RETRY_WAIT.sub("", message)


def _status_meaning(status: int, retry_after: str | None) -> str:
    """ " — the page does not exist." (with its full stop), or "." for a status with none."""
    meaning = _STATUS_MEANINGS.get(status)
    wait = _wait_of(retry_after) if status in _RETRY_STATUSES else None
    if wait is not None:
        meaning = f"{meaning}{_RETRY_CLAUSE}{wait}"
    return f" — {meaning}." if meaning else "."


def _wait_of(retry_after: str | None) -> str | None:
    """'in 2 minutes' for a Retry-After of 120 seconds or an HTTP date two minutes on;
    None when it is missing, in the past or not a time."""
    if not retry_after:
        return None
    value = retry_after.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if not 0 < seconds <= _LONGEST_WAIT:
        # In the past, or months away (a date typed wrong, a placeholder): no guide.
        return None
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= 1.5 * size:
            return f"in {plural(round(seconds / size), unit)}"
    return f"in {plural(max(1, round(seconds)), 'second')}"


async def _get(
    url: str, client: httpx.AsyncClient, options: Options
) -> tuple[bytes, str | None, str, str, dict[str, str]]:
    """Body, declared charset, final URL, media type and headers of one GET; httpx's
    errors pass through."""
    async with client.stream("GET", url) as resp:
        if resp.status_code >= 400:
            reason = for_terminal(resp.reason_phrase, QUOTED_CHARS) or "error"
            # Where a redirect led: the address given is not the one that failed.
            led = f" (redirected to {quoted(str(resp.url), 120)})" if resp.history else ""
            raise PipelineError(
                ErrorKind.HTTP_STATUS,
                f"The site answered {resp.status_code} {reason}{led}"
                + _status_meaning(resp.status_code, resp.headers.get("retry-after")),
            )
        if 300 <= resp.status_code < 400 and not resp.has_redirect_location:
            # A redirect with no Location (httpx follows only those that have one): its
            # empty body was "an empty page".
            raise _no_address(resp)
        ctype = resp.headers.get("content-type", "")
        mime = ctype.split(";")[0].strip().lower()
        unlabelled = mime in UNLABELLED_TYPES
        if mime and mime not in HTML_TYPES and not feeds.may_be_feed(mime) and not unlabelled:
            raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(mime))
        declared = resp.headers.get("content-length")
        too_big = None
        if declared and declared.isdigit() and int(declared) > options.max_bytes * 4:
            # Even compressed 4:1 it would not fit; don't download it to find out.
            too_big = _too_large(options)
        if too_big is not None and not unlabelled:
            raise too_big
        # An unlabelled body is told from binary by its head first: a 500 MB archive is
        # "a binary file" before it is "too large".
        head_check = partial(_check_unlabelled, mime=mime, too_big=too_big) if unlabelled else None
        body = await _read_body(resp, options, head_check)
        return body, resp.charset_encoding, str(resp.url), mime, dict(resp.headers)


async def _read_body(
    resp: httpx.Response, options: Options, head_check: Callable[[bytes], None] | None = None
) -> bytes:
    """The body, inflated by us in bounded steps so a small gzip bomb cannot balloon.
    `head_check` is given the first `feeds.SNIFF_BYTES` (all of a shorter body) once they
    have come, and may refuse the rest by raising."""
    coding = resp.headers.get("content-encoding", "").strip().lower()
    if coding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise PipelineError(
            ErrorKind.DECODE,
            f"The site compressed the page as {quoted(coding, 40)}, which briefing cannot read.",
        )
    inflater = _Inflater(coding) if coding not in ("", "identity") else None
    out = bytearray()
    limit = options.max_bytes
    try:
        async for raw in resp.aiter_raw():
            if inflater is None:
                out += raw
            else:
                inflater.feed(raw, out, limit + 1)
            if head_check is not None and len(out) >= feeds.SNIFF_BYTES:
                head_check(bytes(out[: feeds.SNIFF_BYTES]))
                head_check = None
            if len(out) > limit:
                raise _too_large(options)
    except zlib.error:
        raise PipelineError(
            ErrorKind.DECODE, "The site sent a compressed page that could not be unpacked."
        ) from None
    if head_check is not None and out.strip():  # an empty page is said as one
        head_check(bytes(out))
    return bytes(out)


class _Inflater:
    """gzip or deflate, inflated into a buffer that never grows past a cap.

    A gzip body may hold several members one after another (RFC 1952; `cat a.gz b.gz`);
    each is inflated in turn, as browsers and `gzip -d` do, not only the first.
    """

    def __init__(self, coding: str) -> None:
        self.gzip = coding != "deflate"
        # (A deflate stream's is made once its first two bytes show how it is wrapped.)
        self.inflater: zlib._Decompress | None = self._new() if self.gzip else None
        self.done = False  # after the last member: any trailing bytes are not page text
        self.pending = b""

    def _new(self) -> zlib._Decompress:
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, out: bytearray, cap: int) -> None:
        data, self.pending = self.pending + data, b""
        if self.inflater is None:
            if len(data) < 2:
                self.pending = data
                return
            # "deflate" means a zlib stream (RFC 9110), but some servers send the bare
            # deflate data inside it, which browsers read too: told apart by the zlib
            # header's check bits, as browsers tell them.
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self.inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        while data and not self.done and len(out) < cap:
            if self.inflater.eof:
                if self.gzip and len(data) < len(_GZIP_MAGIC):
                    self.pending = data  # the next member's magic may be split by the wire
                    return
                if not (self.gzip and data.startswith(_GZIP_MAGIC)):
                    # Deflate is one stream; after gzip members, padding or junk is not text.
                    self.done = True
                    return
                self.inflater = self._new()
            out += self.inflater.decompress(data, cap - len(out))
            data = self.inflater.unconsumed_tail
            if self.inflater.eof:
                data = self.inflater.unused_data + data


def sniff_type(body: bytes) -> str | None:
    """The media type a body's first bytes show it to be (a feed or a web page, by
    `_SIGNATURES`, or a JSON Feed); None when they show neither.

    Only the first bytes, even of a whole body: an unlabelled body is judged on them before
    the rest is downloaded (`_check_unlabelled`), so a JSON Feed that names its version
    only past them (its keys sorted) stays "a binary file" when served as octet-stream.
    Served as JSON or text, `feeds.looks_like_feed` reads such a feed whole."""
    head = body[: feeds.SNIFF_BYTES]
    if feeds.is_json_feed(head):
        return "application/feed+json"
    return next((mime for signature, mime in _SIGNATURES if signature.match(head)), None)


def _check_unlabelled(head: bytes, *, mime: str, too_big: PipelineError | None) -> None:
    """Refuse an unlabelled body whose head is neither a feed nor a page (binary, named as
    it was sent), then one whose declared length is too large."""
    if sniff_type(head) is None:
        raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(mime))
    if too_big is not None:
        raise too_big


def _refuse_non_html(body: bytes, said: str | None) -> None:
    """Bytes that are not a page whatever the server called them (a PDF served as HTML).
    `said`: the media type the server sent ("" for none); None for a local file."""
    head = body[:16].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(kind))
    # NULs that only pad out the end ("…</html>\0\0\0") are no part of what it is.
    head = body.rstrip(b"\x00")[:_BINARY_HEAD] or body[:_BINARY_HEAD]
    if (
        any(_share(head, signs) > share for signs, share in _BINARY_SIGNS)
        and not body.startswith(_UTF16_BOMS)
        and utf16_without_bom(body) is None
    ):
        raise PipelineError(ErrorKind.NOT_HTML, _binary_message(said))


def _share(head: bytes, these: bytes) -> float:
    """The share of `head` that is one of the bytes `these`."""
    return (len(head) - len(head.translate(None, these))) / max(1, len(head))


def _binary_message(said: str | None) -> str:
    """Binary bytes said for what they are, beside what they came as: "a binary file
    (application/octet-stream)" blamed a type the server never sent."""
    if said is None:
        return "This file holds binary data, not a saved web page."
    if said in HTML_TYPES:
        return "The site said this was a web page, but it sent binary data, not text."
    return "The site sent binary data, not a web page."


# type/subtype as RFC 9110 writes a media type's tokens.
_MEDIA_TYPE = re.compile(r"[\w!#$&^.+-]+/[\w!#$&^.+-]+")


def _not_html_message(mime: str) -> str:
    if not _MEDIA_TYPE.fullmatch(mime):
        # Escapes and markup taken out of a hostile header left "]0." to say.
        return "This is not a web page: the site sent it with a content type that is not valid."
    mime = for_terminal(mime, QUOTED_CHARS)  # the server's words
    name = _TYPE_NAMES.get(mime)
    if name is None:
        major = mime.split("/")[0]
        name = {"image": "an image", "video": "a video", "audio": "an audio file"}.get(major)
    if name is None:  # a type with no name of ours: said once, as the site gave it
        return f"This is not a web page: the site sent it as {mime}."
    return f"This is {name} ({mime}), not a web page."


def _transport_error(exc: BaseException, host: str, url: str, options: Options) -> PipelineError:
    """What went wrong on the way to the page, in words, from what httpx raised."""
    secure = url.lower().startswith("https:")
    tls = _in_chain(exc, ssl.SSLError)
    connect_s = _connect_timeout(options)
    if isinstance(exc, httpx.TooManyRedirects):
        return PipelineError(
            ErrorKind.TOO_MANY_REDIRECTS,
            f"The site redirected more than {MAX_REDIRECTS} times; it may be stuck in a loop.",
        )
    if isinstance(exc, httpx.ConnectTimeout) and secure and tls is not None:
        # Connected, then the TLS handshake got no answer: a plain-HTTP port waits for a
        # request line that never comes.
        return PipelineError(
            ErrorKind.CONNECTION,
            f"The secure (https) connection to {host} failed: the site accepted the "
            f"connection but did not start https within {connect_s:g} s "
            "(it may not speak https on this port).",
        )
    if isinstance(exc, httpx.ConnectTimeout):
        return PipelineError(
            ErrorKind.TIMEOUT, f"Could not connect to {host} within {connect_s:g} s."
        )
    if isinstance(exc, httpx.TimeoutException):
        return PipelineError(
            ErrorKind.TIMEOUT, f"The site did not answer within {options.timeout:g} s."
        )
    if isinstance(exc, httpx.ConnectError) and tls is not None:
        return PipelineError(ErrorKind.CONNECTION, _tls_message(host, tls))
    if isinstance(exc, httpx.ConnectError):
        return PipelineError(ErrorKind.CONNECTION, _connect_message(host, exc))
    if isinstance(exc, httpx.DecodingError):
        return PipelineError(
            ErrorKind.DECODE, "The site sent a compressed page that could not be unpacked."
        )
    if isinstance(exc, httpx.RemoteProtocolError) and _cut_short(exc):
        # The headers came and the body began: "broke the rules of HTTP" hid that the page
        # simply stopped coming.
        return PipelineError(
            ErrorKind.CONNECTION,
            f"The site {host} stopped sending the page partway (it arrived incomplete).",
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.UnsupportedProtocol | ValueError):
        return PipelineError(
            ErrorKind.CONNECTION,
            f"The site {host} broke the rules of HTTP (its answer could not be read).",
        )
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        # The socket was reset or closed while the page was on its way ("ReadError" meant
        # nothing to a reader).
        return PipelineError(
            ErrorKind.CONNECTION,
            f"The site {host} broke off the connection before the page arrived.",
        )
    return PipelineError(
        ErrorKind.CONNECTION, f"The connection to {host} failed ({type(exc).__name__})."
    )


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what it was raised from (httpx wraps httpcore, which wraps h11 or the OS)."""
    seen: BaseException | None = exc
    for _ in range(20):  # a cycle in __context__ must not loop forever
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def _in_chain(exc: BaseException, kind: type[ssl.SSLError]) -> ssl.SSLError | None:
    return next((seen for seen in _chain(exc) if isinstance(seen, kind)), None)


def _cut_short(exc: BaseException) -> bool:
    """Whether the connection closed before the body the headers announced had all come.

    h11 has one wording for it, with Content-Length ("... (received 2000 bytes, expected
    50000)") and chunked ("... (incomplete chunked read)") alike; the phrase both share is
    matched, not the sentence, whose detail varies with the case and the byte counts. A
    malformed status line or header says something else and keeps its own message."""
    return any(_CUT_SHORT in str(seen) for seen in _chain(exc))


def _tls_message(host: str, err: ssl.SSLError) -> str:
    if isinstance(err, ssl.SSLCertVerificationError):
        why = for_terminal(err.verify_message or "it could not be verified", QUOTED_CHARS)
        return (
            f"The secure (https) connection to {host} failed: its certificate is not valid ({why})."
        )
    if err.reason in _NOT_TLS_REASONS:
        return (
            f"The secure (https) connection to {host} failed: the site did not speak https "
            "on this port (try http:// instead)."
        )
    said = _TLS_REASONS.get(err.reason or "")
    if said is not None:
        return f"The secure (https) connection to {host} failed: {said}."
    reason = for_terminal(err.reason or type(err).__name__, QUOTED_CHARS)
    return f"The secure (https) connection to {host} failed ({reason})."


# OpenSSL's reasons for a failed handshake, in a reader's words ("UNEXPECTED_EOF_WHILE_
# READING" meant nothing to one). A reason not here is shown as OpenSSL names it.
_TLS_REASONS = {
    "UNEXPECTED_EOF_WHILE_READING": "the site hung up before the connection was secured",
    "SSLV3_ALERT_HANDSHAKE_FAILURE": "the site and briefing have no secure protocol in "
    "common (the site may be too old)",
    "NO_PROTOCOLS_AVAILABLE": "the site and briefing have no secure protocol in common",
    "UNSUPPORTED_PROTOCOL": "the site offers only an old secure protocol briefing refuses",
    "TLSV1_ALERT_PROTOCOL_VERSION": "the site offers only an old secure protocol briefing refuses",
    "TLSV1_UNRECOGNIZED_NAME": "the site does not serve this name over https",
    "TLSV1_ALERT_INTERNAL_ERROR": "the site's own secure connection setup failed",
}


def _connect_message(host: str, exc: BaseException) -> str:
    # httpx wraps the OS error (and anyio may wrap it again): look down the chain for it.
    for seen in _chain(exc):
        if isinstance(seen, OSError) and seen.errno in (errno.EMFILE, errno.ENFILE):
            return (
                f"Could not connect to {host}: briefing has as many files open as this"
                " system lets it (ulimit -n)."
            )
        if isinstance(seen, socket.gaierror):
            return f"Could not find the site {host} (the name does not resolve)."
        if isinstance(seen, ConnectionRefusedError):
            return f"Could not connect to {host}: the connection was refused."
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text:
        return f"Could not find the site {host} (the name does not resolve)."
    if "refused" in text:
        return f"Could not connect to {host}: the connection was refused."
    return f"Could not connect to {host}."


def _too_large(options: Options) -> PipelineError:
    return PipelineError(
        ErrorKind.TOO_LARGE,
        f"The page is larger than {megabytes(options.max_bytes)}; briefing stopped reading it.",
    )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
