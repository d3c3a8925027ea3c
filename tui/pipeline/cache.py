"""The offline cache: fetched pages and what each stage made of them, in one SQLite file.

Layout (one file, `briefing.sqlite3` in the cache folder, WAL journal):

- `pages`: one row per input (keyed by `identity.input_key`): the final URL, the response
  headers worth keeping, the body (zlib), the fetch time, and a digest of URL + body.
- `results`: what a stage made of its input, keyed by the digest of that input, the
  stage ("read", "analysis") and `PIPELINE_VERSION`. Keying results by their input, not
  by the URL, makes every cached result exact: the same page read by the same pipeline
  gives the same article, and an analysis cached for an article whose recurring blocks
  were cut differently is simply not found.
- `briefings` and `read_state`: the history and which articles were read (history.py);
  never evicted.

Safety, since several briefing processes may share the file and any may be killed:
every write is one short transaction (BEGIN IMMEDIATE), so a SIGKILL loses at most the
row being written; WAL lets readers and one writer work at once and `busy_timeout` waits
out another process's write. Opening reads the layout without taking the write lock, so
a process holding the file long (a write left open in the sqlite3 shell, a backup) never
keeps a reader waiting; once a write has found the file held that long, later writes try
without waiting until one goes through, and the run's last writes (its history) wait once
more and say what was lost. A file SQLite cannot read (not a database, malformed,
unreadable) is renamed aside with one warning and a new one made; any other SQLite
failure turns the cache off for the rest of the run with one warning. Nothing here
raises to the caller: a cache problem costs speed, never the briefing.

Every method is a few small statements behind one lock; callers on an event loop run
them with `asyncio.to_thread`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.pipeline import cache_runs
from tui.pipeline.model import FetchedFeed, FetchedPage
from tui.pipeline.options import CacheSettings
from tui.pipeline.textsafety import json_dumps, strip_unsafe
from tui.pipeline.words import listing

log = logging.getLogger(__name__)

# The version of what the pipeline makes of a page. Bump it whenever a change to
# extraction, cleaning, entities or the timeline changes their output (the test
# tests/pipeline/test_cache_version.py fails until it is bumped and its digest
# re-recorded): cached results of other versions are then never used, and each page is
# read again from its stored copy, without fetching, the next time it is opened.
PIPELINE_VERSION = "201"

CACHE_FILE = "briefing.sqlite3"
DEFAULT_MAX_BYTES = CacheSettings.max_bytes
# The file layout; a file with another one is set aside like a damaged file.
SCHEMA_VERSION = 1
# Another process's write is waited for this long (ms) before a call gives up on it; and
# opening a file another briefing is busy making, at most this long in all.
BUSY_TIMEOUT_MS = 5000
# The pause between tries at opening a file another briefing is busy making.
OPEN_RETRY_SECONDS = 0.1
# How long (ms) a run that will write waits, on opening, for another process's write
# before taking the file as held: longer than a briefing's own writes take (they are
# one row, or one batch of eviction), far shorter than the wait of BUSY_TIMEOUT_MS.
HELD_AFTER_MS = 500
# Eviction frees down to this share of the cap, so that not every write evicts.
EVICT_TO = 0.9
# Rows removed per eviction step (oldest use first).
EVICT_BATCH = 64
# zlib level for bodies and results: 6 is zlib's default balance; pages shrink ~5x.
ZLIB_LEVEL = 6
# The largest number an SQLite INTEGER holds: a bigger one raises OverflowError when bound.
_SQLITE_MAX_INTEGER = 2**63 - 1
# Headers kept with a page (validators for a later conditional fetch, and the type).
KEPT_HEADERS = ("content-type", "etag", "last-modified")

# SQLite result codes that mean the file itself cannot be used.
_BROKEN_FILE = {
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_NOTADB,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_READONLY,
}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


class _OtherLayout(sqlite3.DatabaseError):
    """A cache file of an older layout: set aside like a damaged one."""


class _NewerLayout(sqlite3.DatabaseError):
    """A cache file a newer briefing made: never set aside (that briefing still reads it,
    and its history with it); this run goes without the cache."""


# How much of an error's own words a warning quotes.
REASON_CHARS = 200


def _reason(exc: BaseException) -> str:
    """An error's words as a warning quotes them: one line, nothing a terminal acts on."""
    return strip_unsafe(str(exc), "")[:REASON_CHARS]


def _code(exc: sqlite3.Error) -> int | None:
    """The primary result code of an SQLite error (the extended one names its variant)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _damaged(exc: sqlite3.Error, path: Path) -> bool:
    """Whether the file itself is bad (set it aside), not our right to write it."""
    code = _code(exc)
    if isinstance(exc, _OtherLayout) or code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    try:
        return path.exists() and not path.is_file()  # a folder where the file should be
    except OSError:  # a folder on the way we may not look into: not the file's fault
        return False


def _held(conn: sqlite3.Connection) -> bool:
    """Whether another process holds the file for writing longer than HELD_AFTER_MS.
    Raises the error of a file this process may not write (its mode, a read-only disk):
    the one write tried is rolled back."""
    conn.execute(f"PRAGMA busy_timeout = {HELD_AFTER_MS}")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        if _code(exc) in _BUSY:
            return True
        raise
    try:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        conn.execute("ROLLBACK")
    return False


def _identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` (device, inode); None when there is none to be seen."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _not_made(folder: Path, exc: OSError) -> str:
    """Why the cache folder could not be made, in words: a file in its way is named
    ("File exists" said of `--cache-dir /etc/hostname` only puzzled)."""
    for place in (folder, *folder.parents):
        try:
            if place.exists() and not place.is_dir():
                if place == folder:
                    return f"the cache folder {folder} is a file, not a folder"
                return f"the cache folder {folder} could not be made: {place} is a file"
        except OSError:  # one we may not look into: not in the way
            continue
    return f"the cache folder {folder} could not be made ({exc.strerror})"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages(
    key TEXT PRIMARY KEY, url TEXT NOT NULL, kind TEXT NOT NULL, headers TEXT NOT NULL,
    body BLOB NOT NULL, encoding TEXT NOT NULL, fetched_at TEXT NOT NULL,
    digest TEXT NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL);
CREATE INDEX IF NOT EXISTS pages_used ON pages(used);
CREATE TABLE IF NOT EXISTS results(
    stage TEXT NOT NULL, digest TEXT NOT NULL, version TEXT NOT NULL, data BLOB NOT NULL,
    size INTEGER NOT NULL, used REAL NOT NULL, PRIMARY KEY(stage, digest, version));
CREATE INDEX IF NOT EXISTS results_used ON results(used);
CREATE TABLE IF NOT EXISTS briefings(
    id INTEGER PRIMARY KEY AUTOINCREMENT, opened_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS read_state(key TEXT PRIMARY KEY, read_at TEXT NOT NULL);
"""

Warn = Callable[[str], None]


@dataclass(frozen=True)
class PageRef:
    """A cached page without its body: enough to find its results."""

    key: str
    url: str
    kind: str  # "page" or "feed"
    fetched_at: str
    digest: str


def default_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing", appauthor=False))


def page_digest(url: str, body: str | bytes) -> str:
    """What a page's results are keyed by: its final URL and its body."""
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    return hashlib.sha256(url.encode("utf-8", "surrogatepass") + b"\0" + data).hexdigest()


def result_digest(*parts: Any) -> str:
    """A digest of a stage's input, given as JSON-shaped parts."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=_dataclass)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _dataclass(value: Any) -> Any:
    from tui.pipeline.codec import _plain

    return _plain(value)


class Cache:
    """The cache file in `folder`, capped at `max_bytes` of stored data.

    `only_reads`: for a command that only reads (`briefing history`, the look-up of
    `briefing open`): it neither asks for the right to write nor says it has none, and a
    cache it cannot use is said to leave the history unread."""

    def __init__(
        self,
        folder: Path,
        max_bytes: int = DEFAULT_MAX_BYTES,
        warn: Warn | None = None,
        version: str = PIPELINE_VERSION,
        only_reads: bool = False,
    ):
        self.folder = folder
        self.version = version  # results of other pipeline versions are never used
        self.path = folder / CACHE_FILE
        self.max_bytes = max_bytes
        self._warn = warn or (lambda line: None)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._total = 0
        self._evicted = False  # rows were deleted in this write: free their pages after it
        # The cap never evicts what this run used: rows used since it opened the cache are
        # the briefing it is opening or writing (`_evict`).
        self._since = time.time()
        self._run_file: Path | None = None  # this run's mark in `running/` (`cache_runs`)
        # Pages this run found by `page_ref` alone (a reopen whose results are cached never
        # loads the page), marked used in the next eviction or at `close`: one write for
        # them all, not one a page.
        self._looked_up: set[str] = set()
        self._served = False  # this run used a page or a result: it read a briefing
        self.enabled = True
        self.read_only = False  # a file we may read but not write: nothing new is saved
        self.only_reads = only_reads
        # Another process holds the file for writing longer than a write waits: writes
        # try without waiting (each would else wait BUSY_TIMEOUT_MS, one after another)
        # until one goes through.
        self._held = False
        # `last_writes` was called: the next write of the history or read marks waits even
        # if the file is held, and what such writes lose (`_lost`) is said on closing.
        self._last = False
        self._patient = False
        self._lost: list[str] = []
        # The history entries this run wrote: a cache turned off later leaves them as
        # they were then, which the warning says (a disk-full run's entry read "63
        # articles, 25 not read" for good).
        self._entries: list[int] = []
        # The file as opened (device, inode): one deleted or replaced since is not written.
        self._identity: tuple[int, int] | None = None
        # Read marks not written yet (the file was held): written with the next ones.
        self._marks: dict[str, str] = {}
        with self._lock:
            self._open()

    # Opening, and what happens when the file is bad -------------------------------------

    def _open(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._disable(_not_made(self.folder, exc))
            return
        try:
            self._conn = self._connect_waiting()
        except sqlite3.Error as exc:
            if _code(exc) in _BUSY:
                self._disable(f"the cache file {self.path} is busy in another process")
                return
            if isinstance(exc, _NewerLayout):
                self._disable(f"the cache file {self.path} cannot be used ({exc})")
                return
            if not _damaged(exc, self.path):
                self._open_read_only(exc)
                return
            self._start_afresh(exc)

    def _open_read_only(self, exc: sqlite3.Error) -> None:
        """A whole file we may not write (its mode, its folder's, a read-only disk): read
        from it and save nothing. Setting it aside, as a damaged file is, hid the reader's
        whole history, even from `briefing history`, which only reads."""
        reason = _reason(exc)
        # In a folder we may not write, SQLite cannot make the WAL index a read needs;
        # "immutable" reads without it (a writer elsewhere meanwhile is not seen).
        for query in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?{query}", uri=True,
                    isolation_level=None, check_same_thread=False,
                )  # fmt: skip
            except sqlite3.Error:
                continue
            try:
                version = conn.execute("SELECT user_version FROM pragma_user_version").fetchone()
                if version[0] == SCHEMA_VERSION:
                    self._total = self._stored_bytes(conn)
                    self._conn, self.read_only = conn, True
                    if not self.only_reads:  # a command that only reads loses nothing
                        self._warn(
                            f"the cache file {self.path} cannot be written ({reason}); "
                            "briefing reads it but saves nothing new."
                        )
                    return
            except sqlite3.Error:
                pass
            conn.close()
        self._disable(f"the cache file {self.path} could not be used ({reason})")

    def _connect_waiting(self) -> sqlite3.Connection:
        """`_connect`, tried again while another briefing holds the file for a moment (it
        is making it, or switching it to WAL): busy_timeout does not cover every step,
        and giving up cost the whole briefing its cache (2 runs in 150 of two writers).
        At most BUSY_TIMEOUT_MS in all: five tries of a whole busy_timeout each kept
        `briefing history` waiting 26 s on a file another process held."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            wait = max(0.0, deadline - time.monotonic())
            try:
                return self._connect(wait)
            except sqlite3.Error as exc:
                if _code(exc) not in _BUSY or time.monotonic() >= deadline:
                    raise
            time.sleep(OPEN_RETRY_SECONDS)

    def _connect(self, wait: float = BUSY_TIMEOUT_MS / 1000) -> sqlite3.Connection:
        """The file opened, its tables made if it has none, and for a run that will write,
        whether another process holds it (`_held`); `wait`: seconds another process's
        write is waited for. Reading the layout takes no lock (WAL readers never wait):
        only a file without tables is written here."""
        conn = sqlite3.connect(
            self.path, timeout=wait, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            # Both in one statement, so both from one moment of the file (see below).
            tables, version = conn.execute(
                "SELECT (SELECT count(*) FROM sqlite_master),"
                " (SELECT user_version FROM pragma_user_version)"
            ).fetchone()
            if tables and isinstance(version, int) and version > SCHEMA_VERSION:
                raise _NewerLayout(f"made by a newer version of briefing (layout {version})")
            if tables and version != SCHEMA_VERSION:
                raise _OtherLayout(f"a cache file of another layout ({version})")
            if not tables:
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # lets eviction shrink it
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: a killed process loses nothing
            if not tables:
                # One transaction: a briefing opening the same new file at this moment sees
                # no tables, or the tables with their version; never tables without it,
                # which it took for a file of another layout and set aside (2 runs in 30 of
                # two writers).
                conn.executescript(
                    f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version = {SCHEMA_VERSION};COMMIT;"
                )
            elif not self.only_reads:
                self._held = _held(conn)
            if not self.only_reads and self._run_file is None:
                self._run_file = cache_runs.register(self.folder, self._since)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._total = self._stored_bytes(conn)
            self._identity = _identity(self.path)
        except BaseException:
            conn.close()
            raise
        return conn

    def _start_afresh(self, exc: BaseException) -> None:
        """Set the damaged file aside and start a new one (the cache off if either fails).
        A command that only looks (`briefing history`, `briefing open`) leaves the file as
        it is and says it cannot read it: renaming it there made an unreadable history
        look empty, and moved aside a file the user may still mean to recover."""
        if self.only_reads:
            self._disable(f"the cache file {self.path} could not be used ({_reason(exc)})")
            return
        if self._set_aside(exc):
            try:
                self._conn = self._connect()
            except sqlite3.Error as again:
                self._disable(f"a new cache file could not be made ({again})")

    def _set_aside(self, exc: BaseException) -> bool:
        """Rename the damaged file (with its WAL and index) and say so in one line; False
        (and the cache off) when it cannot be renamed."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{CACHE_FILE}.broken-{stamp}")
        reason = _reason(exc)
        try:
            self.path.rename(aside)
        except OSError as why:
            self._disable(
                f"the cache file {self.path} could not be used ({reason}) nor set aside "
                f"({why.strerror})"
            )
            return False
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").rename(f"{aside}{suffix}")
        self._warn(
            f"the cache file {self.path} could not be used ({reason}); it was set aside as "
            f"{aside.name} and a new one started."
        )
        return True

    def _disable(self, why: str) -> None:
        if self.enabled:
            then = "briefing carries on without its cache"
            if self.only_reads:  # `briefing history`, `briefing open ID`: all they do is read
                then = "the history cannot be read"
            elif self._entries:
                ids = listing([str(n) for n in self._entries])
                then += f", and briefing {ids} in the history keeps only what was saved before"
            self._warn(f"{strip_unsafe(why, '')}; {then}.")
        self.enabled = False
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    @contextlib.contextmanager
    def _use(self, write: bool = False, lost: str = "") -> Iterator[sqlite3.Connection | None]:
        """The connection for one call, None when the cache is off (or a write cannot be
        made now: `_writer`); SQLite errors are handled here (a broken file set aside,
        anything else turns the cache off). `lost`: what a write loses if it cannot be
        made among the run's last (`last_writes`)."""
        with self._lock:
            conn = self._writer(lost) if write else self._conn
            if conn is None:
                yield None
                return
            try:
                yield conn
                if write:
                    conn.execute("COMMIT")
                    self._shrink(conn)
            except BaseException as exc:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if not isinstance(exc, sqlite3.Error):
                    raise
                self._failed(exc)

    def _writer(self, lost: str) -> sqlite3.Connection | None:
        """The connection in a write transaction just begun; None when there is none, the
        file may not be written, is no longer the file opened, or another process holds
        it (one that has held it long is not waited for again)."""
        conn = self._conn
        if conn is None or self.read_only or self._gone():
            return None
        # Only a write with something to lose (the history, read marks) takes the wait
        # `last_writes` gives: a reopen that changed nothing in its entry left it to the
        # marking of its pages used, and `briefing open` ended 5 s late for nothing.
        quick = self._held and not (self._patient and lost)
        if lost:
            self._patient = False
        try:
            if quick:
                conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("BEGIN IMMEDIATE")
            finally:
                if quick:
                    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as exc:
            if self._last and lost and _code(exc) in _BUSY:
                self._lost.append(lost)
            self._failed(exc)
            return None
        self._held = False
        return conn

    def _gone(self) -> bool:
        """Whether the file was deleted or replaced since it was opened (the reader
        cleared the cache folder): SQLite would go on writing to the open file, which
        nobody reads again, so the cache is turned off with a word."""
        if self._identity is None or _identity(self.path) == self._identity:
            return False
        self._disable(
            f"the cache file {self.path} was deleted or replaced while briefing ran, so this "
            "briefing's history and the articles read in it are not kept"
        )
        return True

    def _failed(self, exc: sqlite3.Error) -> None:
        code = _code(exc)
        if code in _BUSY:
            log.info("cache busy, call skipped: %s", exc)  # another process's long write
            self._held = True
            return
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            assert self._conn is not None
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
            self._start_afresh(exc)
            return
        self._disable(f"the cache failed ({_reason(exc)})")

    def last_writes(self) -> None:
        """What is written from now on is the run's last (its history, its read marks):
        the next of those writes waits for another process as any write does, even when
        the file was found held, and what cannot be written is said when the cache closes."""
        self._last = self._patient = True

    def close(self) -> None:
        # A cap lowered since the last run holds once this run's briefing is known: applied
        # on opening, it evicted the very pages the briefing was about to be reopened from.
        # A run that only looked in the history (`briefing history`, the look-up before
        # `briefing open`) used none of them: it does not evict.
        if self._served or self._marks:
            lost = "the articles read in this run are not marked read" if self._marks else ""
            with self._use(write=True, lost=lost) as conn:
                if conn is not None:
                    self._write_marks(conn)
                    self._touch_looked_up(conn)
                    if self._served and self._stored_bytes(conn) > self.max_bytes:
                        self._evict(conn)
        with self._lock:
            if self._conn is not None and not (self.read_only or self.only_reads):
                self._gone()  # said even when nothing was left to write
        if self._lost:
            self._warn(
                f"the cache file {self.path} was busy in another process for more than "
                f"{BUSY_TIMEOUT_MS / 1000:g} s, so {' and '.join(self._lost)}."
            )
            self._lost.clear()
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None
        cache_runs.unregister(self._run_file)
        self._run_file = None

    # Pages ------------------------------------------------------------------------------

    def page_ref(self, key: str) -> PageRef | None:
        with self._use() as conn:
            if conn is None:
                return None
            row = conn.execute(
                "SELECT url, kind, fetched_at, digest FROM pages WHERE key = ?", (key,)
            ).fetchone()
            if row is None:
                return None
            self._served = True
            self._looked_up.add(key)
            return PageRef(key, *row)
        return None

    def cached_keys(self, keys: list[str]) -> set[str] | None:
        """Which of `keys` have a page stored (None: the cache is off). Only looks: marks
        no page used, so `briefing history`, which asks it, neither writes nor evicts."""
        with self._use() as conn:
            if conn is None:
                return None
            found: set[str] = set()
            for start in range(0, len(keys), 500):  # SQLite's bound on parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT key FROM pages WHERE key IN ({marks})", chunk)
                found.update(r[0] for r in rows)
            return found
        return None

    def page(self, key: str, input: str) -> FetchedPage | FetchedFeed | None:
        """The stored page for `key`, as it was fetched (for `input`)."""
        row = None
        with self._use() as conn:
            if conn is None:
                return None
            row = conn.execute(
                "SELECT url, kind, headers, body, encoding, fetched_at FROM pages WHERE key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        self._served = True
        with self._use(write=True) as conn:  # read now: the last to be evicted
            if conn is not None:
                conn.execute("UPDATE pages SET used = ? WHERE key = ?", (time.time(), key))
        url, kind, headers_json, body, encoding, fetched_at = row
        try:
            raw = zlib.decompress(body)
            headers = json.loads(headers_json)
            if kind == "feed":
                ctype = str(headers.get("content-type", ""))
                return FetchedFeed(input, url, raw, ctype, fetched_at)
            return FetchedPage(input, url, raw, encoding or None, fetched_at, headers)
        except (zlib.error, ValueError):
            log.warning("cached page for %s could not be decoded", key)
            return None

    def put_page(self, key: str, page: FetchedPage | FetchedFeed) -> str:
        """Store a fetched page; returns its digest (what its results are keyed by)."""
        if isinstance(page, FetchedFeed):
            kind, raw, encoding = "feed", page.body, ""
            headers = {"content-type": page.content_type}
            digest = page_digest(page.url, page.body)
        else:
            # The bytes as fetched, and the charset the server declared ("" for none).
            kind, raw, encoding = "page", page.body, page.charset or ""
            headers = {k: v for k, v in page.headers.items() if k in KEPT_HEADERS}
            digest = page_digest(page.url, page.body)
        body = zlib.compress(raw, ZLIB_LEVEL)
        with self._use(write=True) as conn:
            if conn is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO pages VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (key, page.url, kind, json.dumps(headers), body, encoding,
                     page.fetched_at, digest, len(body), time.time()),
                )  # fmt: skip
                self._grew(conn, len(body))
        return digest

    # Results ----------------------------------------------------------------------------

    def result(self, stage: str, digest: str) -> Any | None:
        """A stored stage result as decoded JSON, or None."""
        row = None
        key = (stage, digest, self.version)
        with self._use() as conn:  # a read: one the file being held does not keep waiting
            if conn is None:
                return None
            row = conn.execute(
                "SELECT data FROM results WHERE stage = ? AND digest = ? AND version = ?", key
            ).fetchone()
        if row is None:
            return None
        self._served = True
        with self._use(write=True) as conn:  # read now: the last to be evicted
            if conn is not None:
                conn.execute(
                    "UPDATE results SET used = ? WHERE stage = ? AND digest = ? AND version = ?",
                    (time.time(), *key),
                )
        try:
            return json.loads(zlib.decompress(row[0]))
        except (zlib.error, ValueError):
            return None

    def put_result(self, stage: str, digest: str, data: bytes) -> None:
        blob = zlib.compress(data, ZLIB_LEVEL)
        with self._use(write=True) as conn:
            if conn is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO results VALUES (?,?,?,?,?,?)",
                    (stage, digest, self.version, blob, len(blob), time.time()),
                )
                self._grew(conn, len(blob))

    # Size cap ---------------------------------------------------------------------------

    @staticmethod
    def _stored_bytes(conn: sqlite3.Connection) -> int:
        row = conn.execute(
            "SELECT (SELECT coalesce(sum(size), 0) FROM pages)"
            " + (SELECT coalesce(sum(size), 0) FROM results)"
        ).fetchone()
        return int(row[0])

    def _grew(self, conn: sqlite3.Connection, size: int) -> None:
        """Inside a write: evict least recently used rows when over the cap."""
        self._served = True
        self._total += size
        if self._total > self.max_bytes:
            self._evict(conn)

    def _touch_looked_up(self, conn: sqlite3.Connection) -> None:
        """Inside a write: mark the pages this run found by `page_ref` as used now."""
        if self._looked_up:
            now = time.time()
            conn.executemany(
                "UPDATE pages SET used = ? WHERE key = ?", ((now, k) for k in self._looked_up)
            )
            self._looked_up.clear()

    def _evict(self, conn: sqlite3.Connection) -> None:
        """Inside a write: delete the least recently used rows down to EVICT_TO of the cap;
        their pages are given back to the file system after the write (`_shrink`).

        Rows used since this run began, or since the oldest other run that has the cache
        open now began (`cache_runs`), are never deleted: they are the briefing being
        opened or written, or one another process is reading. A briefing larger
        than the cap keeps all of its pages, over the cap, until a later run evicts them,
        so it reopens whole rather than having lost its first pages to its last ones."""
        self._touch_looked_up(conn)
        self._total = self._stored_bytes(conn)  # other processes write too
        goal = int(self.max_bytes * EVICT_TO)
        spared_since = cache_runs.oldest_open(self.folder, self._since)
        while self._total > goal:
            oldest = conn.execute(
                "SELECT 'p', key, '', '', size, used FROM pages WHERE used < ?1 UNION ALL "
                "SELECT 'r', stage, digest, version, size, used FROM results WHERE used < ?1 "
                "ORDER BY used LIMIT ?2",
                (spared_since, EVICT_BATCH),
            ).fetchall()
            if not oldest:
                break
            self._evicted = True
            for table, a, b, c, size_, _ in oldest:
                if table == "p":
                    conn.execute("DELETE FROM pages WHERE key = ?", (a,))
                else:
                    conn.execute(
                        "DELETE FROM results WHERE stage = ? AND digest = ? AND version = ?",
                        (a, b, c),
                    )
                self._total -= size_
                if self._total <= goal:
                    break

    def _shrink(self, conn: sqlite3.Connection) -> None:
        """After a write that evicted: truncate the file by the pages it freed.

        `incremental_vacuum` frees one page per step of its statement, and `execute()`
        steps it once (one 4 KB page per eviction: the file never shrank), `fetchall()`
        no further (it yields no row); `executescript` steps it to the end. It commits
        first, so it runs here, after the write's own COMMIT. In WAL mode the file itself
        is cut at the next checkpoint (at the latest when the last connection closes)."""
        if self._evicted:
            self._evicted = False
            conn.executescript("PRAGMA incremental_vacuum;")

    def stored_bytes(self) -> int:
        with self._use() as conn:
            return 0 if conn is None else self._stored_bytes(conn)
        return 0

    # History and read state (see history.py) -------------------------------------------

    def add_briefing(self, opened_at: str, data: dict[str, Any]) -> int | None:
        with self._use(write=True, lost="this briefing is not in the history") as conn:
            if conn is None:
                return None
            cur = conn.execute(
                "INSERT INTO briefings(opened_at, data) VALUES (?, ?)",
                (opened_at, json_dumps(data)),
            )
            if cur.lastrowid is not None:
                self._entries.append(cur.lastrowid)
            return cur.lastrowid
        return None

    def update_briefing(self, id: int, data: dict[str, Any]) -> None:
        text = json_dumps(data)
        with self._use() as conn:
            if conn is None:
                return
            row = conn.execute("SELECT data FROM briefings WHERE id = ?", (id,)).fetchone()
        if row is None or row[0] == text:
            return  # nothing to change (a reopen that read it as it was): no write to wait for
        lost = f"briefing {id} in the history is as it was before this run"
        if id not in self._entries:
            self._entries.append(id)  # a reopened briefing's
        with self._use(write=True, lost=lost) as conn:
            if conn is not None:
                conn.execute("UPDATE briefings SET data = ? WHERE id = ?", (text, id))

    def trim_briefings(self, keep: int) -> None:
        with self._use(write=True) as conn:
            if conn is not None:
                conn.execute(
                    "DELETE FROM briefings WHERE id NOT IN "
                    "(SELECT id FROM briefings ORDER BY id DESC LIMIT ?)",
                    (keep,),
                )

    def briefings(self, limit: int) -> list[tuple[int, str, Any]]:
        """The most recent briefings, newest first: (id, opened_at, data)."""
        with self._use() as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT id, opened_at, data FROM briefings ORDER BY id DESC LIMIT ?",
                (min(limit, _SQLITE_MAX_INTEGER),),  # `history --limit 10**30`: all of them
            ).fetchall()
            return [(i, at, _loads(data)) for i, at, data in rows]
        return []

    def briefing_gone(self, id: int) -> bool:
        """Whether the file, read now, holds no briefing `id` (trimmed or deleted since);
        False when it holds it or could not be read."""
        with self._use() as conn:
            if conn is None:
                return False
            found = conn.execute("SELECT 1 FROM briefings WHERE id = ?", (id,)).fetchone()
            return found is None
        return False

    def briefing(self, id: int) -> tuple[str, Any] | None:
        if not 0 < id <= _SQLITE_MAX_INTEGER:
            return None  # no row has it, and SQLite cannot even be asked
        with self._use() as conn:
            if conn is None:
                return None
            row = conn.execute(
                "SELECT opened_at, data FROM briefings WHERE id = ?", (id,)
            ).fetchone()
            return None if row is None else (row[0], _loads(row[1]))
        return None

    def mark_read(self, keys: list[str], read_at: str) -> None:
        """Remember `keys` as read; while another process holds the file they wait, and
        go with the next marks written (or when the cache closes)."""
        with self._lock:
            self._marks.update(dict.fromkeys(keys, read_at))
        with self._use(write=True) as conn:
            if conn is not None:
                self._write_marks(conn)

    def _write_marks(self, conn: sqlite3.Connection) -> None:
        if self._marks:
            conn.executemany("INSERT OR REPLACE INTO read_state VALUES (?, ?)", self._marks.items())
            self._marks.clear()

    def read_keys(self, keys: list[str]) -> set[str]:
        """Which of `keys` were read before."""
        with self._use() as conn:
            if conn is None:
                return set()
            found: set[str] = set()
            for start in range(0, len(keys), 500):  # SQLite's bound on parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key FROM read_state WHERE key IN ({marks})", chunk
                ).fetchall()
                found.update(r[0] for r in rows)
            return found
        return set()


def _loads(text: object) -> Any:
    """A stored row's JSON; None for what is not (SQLite keeps any type in any column)."""
    try:
        return json.loads(text)  # type: ignore[arg-type]
    except (ValueError, TypeError, RecursionError):
        return None


def settings_folder(settings: CacheSettings) -> Path:
    """The folder the settings name for the cache."""
    return Path(settings.folder).expanduser() if settings.folder else default_folder()


def open_cache(
    settings: CacheSettings, warn: Warn | None = None, *, only_reads: bool = False
) -> Cache:
    """The cache the settings name (blocking: a few milliseconds; run it off the UI)."""
    return Cache(settings_folder(settings), settings.max_bytes, warn, only_reads=only_reads)
