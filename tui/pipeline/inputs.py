"""Where inputs come from (arguments, lines of a stream) and what each one names.

Lines are handed on as they arrive, never after the stream closes, so
`tail -f urls.txt | briefing` keeps adding articles; a line of several addresses is
several inputs (`line_inputs`).

Every input is checked once, early, by `check_input`: it is either a web address httpx can
fetch or a local saved page, or it ends as a typed `invalid_input` error in words. Nothing
here raises anything else, whatever the line holds (a bracket, a tab, a NUL, 5 MB, bytes
that are not UTF-8). The app calls `input_error` (which never raises) before it adds an
input, `host_of` to name an input's site and `input_uri` for the address to open or copy
(neither raises).
"""

from __future__ import annotations

import asyncio
import codecs
import ipaddress
import os
import re
import socket
import stat
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlsplit

from tui.pipeline.kinds import ErrorKind, PipelineError
from tui.pipeline.textsafety import UNSAFE, for_terminal, scrub_surrogates

# The longest input taken as one: httpx refuses longer URLs, browsers and servers stop
# well before (8 KB is common), and no file path comes near it. A longer input from a pipe
# is cut (see _CUT), and is then refused as too long.
MAX_INPUT_CHARS = 65_536
# The longest line of a pipe kept whole, to be split into several inputs (each then held
# to MAX_INPUT_CHARS): `echo $URLS` of 2,500 addresses is 95,000 characters, and refused
# whole it lost them all. A longer line is cut when read, so a 5 MB line costs 1 MiB.
MAX_LINE_CHARS = 1_048_576
# How much of a bad input an error message quotes: enough to recognise it.
QUOTED_CHARS = 80
LOCAL_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
WEB_SCHEMES = ("http", "https")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# A bare site name a reader may paste without its scheme ("www.example.org/news/x").
_BARE_HOST = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?$")
# Code points WHATWG forbids in a host: they would split the URL or reach the resolver.
_FORBIDDEN_IN_HOST = frozenset("\x00\t\n\r #/:<>?@[\\]^|%")


@dataclass(frozen=True)
class Target:
    """What an input names once checked: exactly one of a web address or a local file."""

    url: str | None = None
    path: Path | None = None

    @property
    def uri(self) -> str:
        """The address to open or copy: the URL, or the file as a file:// URL."""
        if self.url is not None:
            return self.url
        assert self.path is not None
        return self.path.resolve().as_uri()


def parse_line(line: str) -> str | None:
    """The input a line names, or None for blank lines and `#` comments."""
    text = line.strip().lstrip("\ufeff")
    if not text or text.startswith("#"):
        return None
    return text


# An address: what one word of a typed list is on its own.
_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.I)
_SPACE, _WORD = re.compile(r"\s"), re.compile(r"\S+")
# A file name may hold spaces: up to this many words in a row are tried as one path.
_PATH_WORDS = 8


def split_inputs(value: str, *, files: bool = True) -> list[str]:
    """The inputs in what was typed or pasted into the app's prompt: one per line (blank
    lines and # comments skipped); on a line each address is one input, and of the words
    between addresses the longest run that names a file or folder that exists ("my
    page.html") is one, and the words around such runs one each side (one error in words,
    not one a word). A pasted list arrives as one line, its lines joined by spaces:
    "blog.html /etc/hostname" was taken as one path that does not exist.

    `files=False`: the words between addresses are one input, no file looked for (up to
    eight a word: a pasted page of prose took a second and more, counted at each key)."""
    found: list[str] = []
    for line in value.splitlines():
        text = parse_line(line)
        if text is None:
            continue
        words: list[str] = []
        for token in text.split():
            if _ADDRESS.match(token):
                found += [*_paths_in(words, files), token]
                words = []
            else:
                words.append(token)
        found += _paths_in(words, files)
    return found


def _paths_in(words: list[str], files: bool = True) -> list[str]:
    if not files:
        return [" ".join(words)] if words else []
    found: list[str] = []
    stray: list[str] = []  # words that begin no path that exists
    i = 0
    while i < len(words):
        j = _path_end(words, i)
        if j is None:
            stray.append(words[i])
            i += 1
            continue
        found += [" ".join(stray)] if stray else []
        found.append(" ".join(words[i:j]))
        stray, i = [], j
    return found + ([" ".join(stray)] if stray else [])


def _path_end(words: list[str], i: int) -> int | None:
    """Where the longest run of words from `words[i]` that names a file or folder that
    exists ends, or None."""
    longest = min(len(words), i + _PATH_WORDS)
    return next((j for j in range(longest, i, -1) if _exists(" ".join(words[i:j]))), None)


def check_input(text: str) -> Target:
    """What `text` names: a fetchable http(s) URL or a readable local saved page.

    Raises `PipelineError(INVALID_INPUT)` in words for anything else, and nothing else.
    Looks at the file system for paths (does it exist, is it a regular .html file).
    """
    text = text.strip()
    if len(text) > MAX_INPUT_CHARS:
        raise _invalid(
            f"{quoted(text)} is too long to be a web address or a file name "
            f"({_length(text):,} characters; the limit is {MAX_INPUT_CHARS:,})."
        )
    scheme = _SCHEME.match(text)
    name = scheme.group(1).lower() if scheme else ""
    if name in WEB_SCHEMES:
        return Target(url=check_url(text))
    if name == "file":
        return Target(path=_check_path(text, _file_url_path(text)))
    if scheme and text[scheme.end() :].startswith("//") and not _exists(text):
        raise _invalid(
            f"{quoted(text)} uses {quoted(name + '://', 30)}: briefing reads web pages "
            "(http:// or https://) and saved .html files."
        )
    return Target(path=_check_path(text, _expand(text)))


def _length(text: str) -> int:
    """How long the input was: a line of a pipe cut when read says it after its cut."""
    cut = _CUT_LENGTH.match(text, MAX_INPUT_CHARS)
    return int(cut.group(1).replace(",", "")) if cut else len(text)


def input_error(text: str) -> PipelineError | None:
    """The typed error `text` would end in, or None if it can be read. Never raises."""
    try:
        check_input(text)
    except PipelineError as exc:
        return exc
    except Exception as exc:  # a bug here must not take the app with it
        return _invalid(f"{quoted(text)} could not be checked ({type(exc).__name__}).")
    return None


def input_uri(text: str) -> str | None:
    """The address an input names (to open in a browser, to copy), or None. Never raises."""
    try:
        return check_input(text).uri
    except Exception:  # PipelineError, or a path that cannot be resolved (a symlink loop)
        return None


def local_path(text: str) -> Path | None:
    """The local file an input names (a path or a file:// URL), or None for a web address
    or text that cannot be a path. Never raises; says nothing of whether the file exists."""
    text = text.strip()
    scheme = _SCHEME.match(text)
    name = scheme.group(1).lower() if scheme else ""
    if name in WEB_SCHEMES or len(text) > MAX_INPUT_CHARS:
        return None
    try:
        return _file_url_path(text) if name == "file" else _expand(text)
    except (PipelineError, ValueError):
        return None


def host_of(text: str) -> str | None:
    """The host of an http(s) URL, lower case, or None (a file, or no valid host).

    Never raises. The host is still outside text: show it through `for_terminal`.
    """
    try:
        parts = urlsplit(text.strip())
        return parts.hostname if parts.scheme.lower() in WEB_SCHEMES else None
    except ValueError:
        return None


def check_url(text: str) -> str:
    """`text` if httpx can fetch it as an http(s) URL; else an INVALID_INPUT error."""
    if UNSAFE.search(text):
        raise _invalid(f"{quoted(text)} has a control character inside; it is not a web address.")
    if "\ufffd" in text:
        # A byte of a list saved in another encoding (latin-1's "é"), read as U+FFFD: sent
        # on as "%EF%BF%BD" it fetched a 404 or some other page.
        raise _invalid(
            f"{quoted(text)} has a byte that is not UTF-8 (shown as \ufffd); briefing "
            "reads lists of addresses as UTF-8."
        )
    try:
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname
        if parts.scheme.lower() not in WEB_SCHEMES:
            raise _invalid(f"{quoted(text)} is not a web address (http:// or https://).")
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range", "could not be cast"
        what = "port" if "port" in str(exc).lower() else "address"
        raise _invalid(
            f"{quoted(text)} is not a valid web address (its {what} is malformed)."
        ) from None
    if not host:
        raise _invalid(f"{quoted(text)} is not a valid web address (it names no site).")
    if port == 0:
        raise _invalid(f"{quoted(text)} is not a valid web address (port 0).")
    if parts.netloc.endswith("]") or "]:" in parts.netloc:
        _check_ip6(text, host)
    elif _FORBIDDEN_IN_HOST & set(unquote(host)) or any(c.isspace() for c in host):
        raise _invalid(f"{quoted(text)} is not a valid web address (the site name is malformed).")
    import httpx  # the app imports this module before its first frame; httpx costs time

    try:
        # The parser that will fetch it has the last word (IDNA, length); its `host`
        # decodes "xn--" labels, which fails only when asked for.
        if not httpx.URL(text).host:
            raise ValueError("no host")
    except (httpx.InvalidURL, ValueError):  # idna's errors are UnicodeErrors: ValueErrors
        raise _invalid(
            f"{quoted(text)} is not a valid web address "
            f"({quoted(host, 40)} is not a valid site name)."
        ) from None
    return text


def _check_ip6(text: str, host: str) -> None:
    try:
        ipaddress.IPv6Address(host.split("%", 1)[0])
    except ValueError:
        raise _invalid(f"{quoted(text)} is not a valid web address (bad IPv6 address).") from None


def _file_url_path(text: str) -> Path:
    try:
        parts = urlsplit(text)
    except ValueError:
        raise _invalid(f"{quoted(text)} is not a valid file:// address.") from None
    if parts.netloc not in ("", "localhost"):
        raise _invalid(f"{quoted(text)} names a file on another machine ({quoted(parts.netloc)}).")
    return Path(unquote(parts.path))


def _expand(text: str) -> Path:
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "~nosuchuser/x": no such home folder
        return Path(text)


def argument_text(arg: str) -> str:
    """A command-line argument or an input read from stdin, as text. Bytes that are not
    UTF-8 come as lone surrogates (Python's for an argument the locale cannot decode, a
    Latin-1 file name under UTF-8; `_Decoder`'s for stdin): a file that exists keeps them,
    for the OS gets its very bytes back; anything else is read as UTF-8, which a web
    address is (it was an internal error: the surrogates cannot be sent)."""
    if not any("\udc80" <= c <= "\udcff" for c in arg) or _exists(arg):
        return arg
    return os.fsencode(arg).decode("utf-8", "replace")


def _exists(text: str) -> bool:
    try:
        return _expand(text).exists()
    except (OSError, ValueError):
        return False


def _check_path(text: str, path: Path) -> Path:
    """`path` if it is a regular saved web page; else an INVALID_INPUT error in words."""
    try:
        is_file, exists = path.is_file(), path.exists()
    except (OSError, ValueError):  # a name too long, a NUL inside
        is_file = exists = False
    if not exists:
        hint = " Add https:// in front if it is a web address." if _BARE_HOST.match(text) else ""
        raise _invalid(
            f"{quoted(text)} is neither a web address (http:// or https://) "
            f"nor a file that exists.{hint}"
        )
    shown = for_terminal(text, QUOTED_CHARS)
    if not is_file:
        raise _invalid(f"{shown} is not a regular file.")
    if path.suffix.lower() not in LOCAL_SUFFIXES:
        # A list of URLs from elsewhere must not pull any local file into the output.
        raise _invalid(f"{shown} is not a saved web page (briefing reads .html and .htm files).")
    return path


def quoted(text: str, limit: int = QUOTED_CHARS) -> str:
    """`text` quoted for an error message: cut to `limit`, every control made visible.

    `repr` writes controls, bidi characters and lone surrogates as escapes ('\\x1b',
    '\\u202e'), so a reader sees what is there and no terminal obeys it.
    """
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _invalid(message: str) -> PipelineError:
    return PipelineError(ErrorKind.INVALID_INPUT, message)


# Bytes (or characters) asked of a stream at a time when reading lines from it.
_CHUNK = 65_536
# What follows the first MAX_INPUT_CHARS characters of a longer input from a pipe (or of
# a line longer than MAX_LINE_CHARS), in place of the rest: kept, the rest would cost its
# size; dropped, the input read as 65,537 characters whatever its length. `check_input`
# gives the length it says.
_CUT = "… ({:,} characters in all)"
_CUT_LENGTH = re.compile(r"… \(([\d,]+) characters in all\)\Z")


class _Line:
    """A line as its pieces arrive: its first MAX_LINE_CHARS + 1 characters kept (white
    space before them dropped), the rest only counted."""

    def __init__(self) -> None:
        self.head: list[str] = []
        self.kept = self.length = self.trailing = 0

    def add(self, part: str) -> None:
        part = part if self.length else part.lstrip()
        if not part:
            return
        self.length += len(part)
        bare = part.rstrip()  # white space at its end is not part of the input either
        self.trailing = self.trailing + len(part) if not bare else len(part) - len(bare)
        if self.kept <= MAX_LINE_CHARS:
            self.head.append(part[: MAX_LINE_CHARS + 1 - self.kept])
            self.kept += len(self.head[-1])

    def text(self) -> str:
        head, length = "".join(self.head), self.length - self.trailing
        return head if length <= MAX_LINE_CHARS else _cut(head, length)


def _cut(text: str, length: int | None = None) -> str:
    """`text` as one input: if longer than MAX_INPUT_CHARS, its first MAX_INPUT_CHARS and
    then its `length` (see _CUT). A text cut already stays as it is."""
    if len(text) <= MAX_INPUT_CHARS or _CUT_LENGTH.match(text, MAX_INPUT_CHARS):
        return text
    return text[:MAX_INPUT_CHARS] + _CUT.format(len(text) if length is None else length)


def _lines(pieces: Iterable[str]) -> Iterator[str]:
    """The lines of text arriving in pieces, a line longer than MAX_LINE_CHARS cut (see
    _CUT), so a 5 MB line costs 1 MiB and still says how long it was. A NUL ends a line
    too: `find -print0` and `xargs -0` lists (no address or file name holds one). Blank
    lines are not handed on: `< /dev/zero` is read without a line a byte."""
    line = _Line()
    for piece in pieces:
        *ended, rest = piece.replace("\0", "\n").split("\n")
        for part in ended:
            line.add(part)
            if line.length:
                yield line.text()
                line = _Line()
        line.add(rest)
    if line.length:
        yield line.text()


class _Decoder:
    """A stream's bytes as text: UTF-8, or UTF-16 when the stream begins with its byte-order
    mark (PowerShell writes its pipes and files so): read as UTF-8, each address came with
    a NUL between its letters and was refused."""

    def __init__(self) -> None:
        self._decoder: codecs.IncrementalDecoder | None = None
        self._head = b""

    def decode(self, data: bytes, final: bool = False) -> str:
        if self._decoder is None:
            self._head += data
            if len(self._head) < len(codecs.BOM_UTF16_LE) and not final:
                return ""  # the mark's first byte alone says nothing yet
            utf16 = self._head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            # UTF-8's bad bytes as lone surrogates: a Latin-1 file name is still found on
            # disk (`argument_text`), and any other line reads them as U+FFFD.
            codec, errors = ("utf-16", "replace") if utf16 else ("utf-8", "surrogateescape")
            self._decoder = codecs.getincrementaldecoder(codec)(errors)
            data, self._head = self._head, b""
        return self._decoder.decode(data, final)


def _fd_pieces(fd: int) -> Iterator[str]:
    """Text read straight from a descriptor.

    No Python file object sits in between: a thread blocked in a buffered reader's
    readline holds that reader's lock, and an interpreter exiting under it (Ctrl+C with
    the pipe still open) aborts with "could not acquire lock for <stdin>". Bytes that are
    not UTF-8 become U+FFFD in their own line alone (UTF-8 never hides a line feed inside
    a character), and no raw invalid byte reaches the output.
    """
    decoder = _Decoder()
    while chunk := os.read(fd, _CHUNK):
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _stream_pieces(stream: IO[str] | IO[bytes]) -> Iterator[str]:
    # readline, not read: a text stream's read waits for the whole chunk, not a line.
    decoder = _Decoder()
    while piece := stream.readline(_CHUNK):
        yield decoder.decode(piece) if isinstance(piece, bytes) else scrub_surrogates(piece)
    yield decoder.decode(b"", final=True)


def _read_lines(stream: IO[str] | IO[bytes] | int) -> Iterator[str]:
    """Lines of `stream` (a file object or a descriptor), each cut to MAX_LINE_CHARS
    (the rest of it counted, not kept)."""
    return _lines(_fd_pieces(stream) if isinstance(stream, int) else _stream_pieces(stream))


def line_inputs(line: str) -> list[str]:
    """The inputs a line of a pipe names: several when every piece `split_inputs` finds in
    it is an address or a file that exists (`echo $URLS | briefing`: the space was sent
    to the site as %20); else the whole line, so that a file whose name has spaces or a
    URL with a space in it is still one input. Each input longer than MAX_INPUT_CHARS is
    cut (see _CUT): the limit is an input's, not a line's."""
    text = parse_line(line)
    if text is None:
        return []
    if _CUT_LENGTH.match(text, MAX_INPUT_CHARS) or not _SPACE.search(text) or _exists(text):
        return [_cut(text)]
    # Words looked at one by one, not split first: a MiB of "x x x" is 500,000 strings.
    if all(_ADDRESS.match(word.group()) for word in _WORD.finditer(text)):
        return [_cut(word) for word in text.split()]  # no file to look for: cheap
    # Files are looked for (eight a word, up to the first word that begins none) only in
    # a line that could be one input: a line of 30,000 words took seconds, and a longer
    # one is refused as too long anyway.
    found = _inputs_in(text) if len(text) <= MAX_INPUT_CHARS else None
    return [_cut(text)] if found is None else found


def _inputs_in(text: str) -> list[str] | None:
    """The addresses and files that exist in `text`, as `split_inputs` finds them, or None
    at the first word that begins neither (no file looked for after it)."""
    found: list[str] = []
    for piece in split_inputs(text, files=False):
        if _ADDRESS.match(piece):
            found.append(piece)
            continue
        words, i = piece.split(" "), 0
        while i < len(words):
            j = _path_end(words, i)
            if j is None:
                return None
            found.append(" ".join(words[i:j]))
            i = j
    return found


async def stream_lines(stream: IO[str] | IO[bytes] | int) -> AsyncIterator[str]:
    """Inputs from a blocking stream, yielded as each line arrives.

    Pass stdin as a descriptor of its own (`os.dup(0)`): lines are read as bytes and
    decoded here, one at a time, so a byte that is not UTF-8 spoils only its own line
    (under a strict UTF-8 locale a text stdin raised on it and ended all input), and no
    Python file object's lock is held while the read waits. File objects work too.

    A daemon thread does the blocking reads, so a pipe that never closes cannot hold the
    event loop, and the process can still exit while the thread waits on it.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def put(item: str | None) -> None:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:
            pass  # the loop has already closed: nobody is waiting for more input

    def pump() -> None:
        try:
            for line in _read_lines(stream):
                for inp in line_inputs(line):  # may look at files: here, off the loop
                    put(argument_text(inp))
        except (OSError, ValueError):
            pass  # a closed stream ends the input, it does not crash the run
        finally:
            put(None)

    threading.Thread(target=pump, name="briefing-stdin", daemon=True).start()
    while (inp := await queue.get()) is not None:
        yield inp


async def chain(first: Iterable[str], then: AsyncIterator[str] | None) -> AsyncIterator[str]:
    for inp in first:
        yield inp
    if then is not None:
        async for inp in then:
            yield inp


def read_local_file(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a regular file (blocking: call it in a thread).
    Raises PipelineError (INVALID_INPUT) in words when it cannot be read."""
    shown = for_terminal(str(path), QUOTED_CHARS)
    try:
        # Non-blocking, then checked on the open descriptor: a file swapped for a FIFO
        # after it was checked must not hang the read, nor a device feed it forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise PipelineError(ErrorKind.INVALID_INPUT, f"{shown} is not a regular file.")
            return fh.read(limit + 1)
    except (OSError, RuntimeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise PipelineError(ErrorKind.INVALID_INPUT, f"Could not read {shown}: {reason}.") from None


def is_own_network(host: str) -> bool:
    """True for localhost names and literal loopback, private or link-local addresses."""
    name = host.strip("[]").split("%", 1)[0].rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(name)
    except ValueError:
        try:  # the legacy forms resolvers still take: 127.1, 0x7f.1, 2130706433
            ip = ipaddress.IPv4Address(socket.inet_aton(name))
        except (OSError, ValueError):
            return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global
