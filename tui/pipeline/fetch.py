"""Getting a page's text: over HTTP with hard limits, or from a local file.

Every way a fetch can fail becomes a `PipelineError` whose message a reader understands;
nothing here raises anything else for a bad page.
"""

from __future__ import annotations

import asyncio
import codecs
import re
import socket
import zlib
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from tui import __version__
from tui.pipeline import feeds
from tui.pipeline.model import ErrorKind, FetchedFeed, FetchedPage, PipelineError
from tui.pipeline.options import MB, Options

USER_AGENT = f"briefing/{__version__} (terminal news reader; +https://pypi.org/project/briefing/)"
MAX_REDIRECTS = 10
HTML_TYPES = ("text/html", "application/xhtml+xml")
LOCAL_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

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
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def make_client(options: Options) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(options.timeout, connect=min(10.0, options.timeout)),
        limits=httpx.Limits(max_connections=options.concurrency * 2),
        # We inflate the body ourselves so the size cap applies to what is inflated.
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
    )


def is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def local_path(text: str) -> Path | None:
    """The file an input names, if it names one (a path or a file:// URL)."""
    if text.startswith("file://"):
        return Path(unquote(urlsplit(text).path))
    if is_url(text) or text == "-":
        return None
    return Path(text).expanduser()


async def fetch(
    input: str, client: httpx.AsyncClient, options: Options
) -> FetchedPage | FetchedFeed:
    text = input.strip()
    if is_url(text):
        try:
            async with asyncio.timeout(options.timeout):
                return await _fetch_url(input, text, client, options)
        except TimeoutError:
            raise PipelineError(
                ErrorKind.TIMEOUT, f"The site did not send the page within {options.timeout:g} s."
            ) from None
    path = local_path(text)
    if path is not None and path.is_file():
        if path.suffix.lower() not in LOCAL_SUFFIXES:
            # A list of URLs from elsewhere must not pull any local file into the output.
            raise PipelineError(
                ErrorKind.INVALID_INPUT,
                f"{text} is not a saved web page (briefing reads .html and .htm files).",
            )
        return await asyncio.to_thread(_read_file, input, path, options)
    if path is not None and path.exists():
        raise PipelineError(ErrorKind.INVALID_INPUT, f"{text} is not a regular file.")
    raise PipelineError(
        ErrorKind.INVALID_INPUT,
        f"{text!r} is neither a web address (http:// or https://) nor a file that exists.",
    )


def _read_file(input: str, path: Path, options: Options) -> FetchedPage:
    try:
        with path.open("rb") as fh:
            body = fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise PipelineError(
            ErrorKind.INVALID_INPUT, f"Could not read {path}: {exc.strerror}."
        ) from None
    if len(body) > options.max_bytes:
        raise _too_large(options)
    _refuse_non_html(body)
    html, encoding = decode_html(body, None)
    return FetchedPage(input, path.resolve().as_uri(), html, encoding, _now())


async def _fetch_url(
    input: str, url: str, client: httpx.AsyncClient, options: Options
) -> FetchedPage | FetchedFeed:
    host = urlsplit(url).hostname or url
    try:
        async with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                reason = resp.reason_phrase or "error"
                raise PipelineError(
                    ErrorKind.HTTP_STATUS,
                    f"The site answered {resp.status_code} {reason}"
                    + (" — the page does not exist." if resp.status_code in (404, 410) else "."),
                )
            ctype = resp.headers.get("content-type", "")
            mime = ctype.split(";")[0].strip().lower()
            if mime and mime not in HTML_TYPES and not feeds.may_be_feed(mime):
                raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(mime))
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > options.max_bytes * 4:
                # Even compressed 4:1 it would not fit; don't download it to find out.
                raise _too_large(options)
            body = await _read_body(resp, options)
            charset = resp.charset_encoding
            final_url = str(resp.url)
            headers = dict(resp.headers)
    except PipelineError:
        raise
    except httpx.TooManyRedirects:
        raise PipelineError(
            ErrorKind.TOO_MANY_REDIRECTS,
            f"The site redirected more than {MAX_REDIRECTS} times; it may be stuck in a loop.",
        ) from None
    except httpx.TimeoutException:
        raise PipelineError(
            ErrorKind.TIMEOUT, f"The site did not answer within {options.timeout:g} s."
        ) from None
    except httpx.ConnectError as exc:
        raise PipelineError(ErrorKind.CONNECTION, _connect_message(host, exc)) from None
    except httpx.DecodingError:
        raise PipelineError(
            ErrorKind.DECODE, "The site sent a compressed page that could not be unpacked."
        ) from None
    except httpx.HTTPError as exc:
        raise PipelineError(
            ErrorKind.CONNECTION, f"The connection to {host} failed ({type(exc).__name__})."
        ) from None
    if not body.strip():
        raise PipelineError(ErrorKind.NO_ARTICLE, "The site sent an empty page.")
    # A feed or OPML list goes to feeds.py whole, as bytes (recognised by type or content).
    if feeds.is_feed_type(mime) or feeds.looks_like_feed(body):
        return FetchedFeed(input, final_url, body, mime, _now())
    if mime and mime not in HTML_TYPES:
        raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(mime))
    _refuse_non_html(body)
    html, encoding = decode_html(body, charset)
    return FetchedPage(input, final_url, html, encoding, _now(), headers)


async def _read_body(resp: httpx.Response, options: Options) -> bytes:
    """The body, inflated by us in bounded steps so a small gzip bomb cannot balloon."""
    coding = resp.headers.get("content-encoding", "").strip().lower()
    inflater = None
    if coding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        inflater = zlib.decompressobj()
    elif coding not in ("", "identity"):
        raise PipelineError(
            ErrorKind.DECODE,
            f"The site compressed the page as {coding!r}, which briefing cannot read.",
        )
    out = bytearray()
    limit = options.max_bytes
    try:
        async for raw in resp.aiter_raw():
            if inflater is None:
                out += raw
            else:
                data = raw
                while data:
                    out += inflater.decompress(data, limit + 1 - len(out))
                    if len(out) > limit:
                        break
                    data = inflater.unconsumed_tail
            if len(out) > limit:
                raise _too_large(options)
    except zlib.error:
        raise PipelineError(
            ErrorKind.DECODE, "The site sent a compressed page that could not be unpacked."
        ) from None
    return bytes(out)


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Text of the page: HTTP charset, then the page's own <meta charset>, then detection."""
    for label in (header_charset, _meta_charset(body)):
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return body.decode(codec), codec
        except UnicodeDecodeError:
            # A wrong label is common (latin-1 bytes served as utf-8); detection does better.
            break
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(body[:200_000]))
    best = matches[0] if matches else None
    if best is not None:
        # Latin-script code pages often tie on short pages; the web's default for a page
        # that names no charset is windows-1252 (WHATWG), so it wins a tie.
        tied = [m for m in matches if m.chaos <= best.chaos + 0.001]
        best = next((m for m in tied if m.encoding == "cp1252"), best)
    if best is not None and best.encoding:
        codec = _codec(best.encoding) or "utf-8"
        text = body.decode(codec, errors="replace")
    else:
        codec, text = "utf-8", body.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(20, len(text) // 100):
        raise PipelineError(
            ErrorKind.DECODE,
            "The page's text could not be decoded: its encoding is broken or unknown.",
        )
    return text, codec


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # Browsers read latin-1 labels as windows-1252 (WHATWG); so must we, or € and quotes break.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _refuse_non_html(body: bytes) -> None:
    """Bytes that are not a page whatever the server called them (a PDF served as HTML)."""
    head = body[:16].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise PipelineError(ErrorKind.NOT_HTML, _not_html_message(kind))
    if b"\x00" in body[:1024]:
        # Named for what it is, not for the label it came with ("a text/html file" was
        # no help when the point is that it is not text).
        raise PipelineError(ErrorKind.NOT_HTML, _not_html_message("application/octet-stream"))


def _not_html_message(mime: str) -> str:
    name = _TYPE_NAMES.get(mime)
    if name is None:
        major = mime.split("/")[0]
        name = {"image": "an image", "video": "a video", "audio": "an audio file"}.get(
            major, f"a {mime} file"
        )
    return f"This is {name} ({mime}), not a web page."


def _connect_message(host: str, exc: BaseException) -> str:
    # httpx wraps the OS error (and anyio may wrap it again): look down the chain for it.
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return f"Could not find the site {host} (the name does not resolve)."
        if isinstance(seen, ConnectionRefusedError):
            return f"Could not connect to {host}: the connection was refused."
        seen = seen.__cause__ or seen.__context__
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text:
        return f"Could not find the site {host} (the name does not resolve)."
    if "refused" in text:
        return f"Could not connect to {host}: the connection was refused."
    return f"Could not connect to {host}."


def _too_large(options: Options) -> PipelineError:
    return PipelineError(
        ErrorKind.TOO_LARGE,
        f"The page is larger than {options.max_bytes / MB:g} MB; briefing stopped reading it.",
    )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
