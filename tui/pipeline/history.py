"""The history: every briefing opened, kept in the cache file so `briefing open ID` can
reopen it offline, and which articles a reader has read.

A briefing is remembered by what it was given (the inputs), when, the titles it showed,
and what each feed or OPML input expanded into, so a reopened feed shows exactly the
items it had then. Only these small rows are kept here; the pages and results are in the
cache proper (and a page evicted since is fetched again when reopened online).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.pipeline.feeds import Expansion
from tui.pipeline.identity import input_key
from tui.pipeline.kinds import ArticleError, ErrorKind
from tui.pipeline.textsafety import one_line

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.cache import Cache

# Briefings remembered; older ones are forgotten (a cron job must not grow it forever).
MAX_BRIEFINGS = 500
# Titles kept per briefing, to recognise it in the list.
TITLES_KEPT = 30
# Characters of a stored failure's words kept (they are ours, but the file may be edited).
MESSAGE_CHARS = 500
# Characters of titles shown on one line of `briefing history`.
LISTING_TITLE_CHARS = 100


@dataclass
class Entry:
    id: int
    opened_at: str  # ISO 8601, UTC
    inputs: list[str]
    titles: list[str] = field(default_factory=list)
    articles: int = 0
    failed: int = 0
    expansions: dict[str, Expansion] = field(default_factory=dict)
    # input_key -> why that input failed when the briefing was read (a reopened briefing
    # stays offline, so this is all it can say of a page that never came).
    failures: dict[str, ArticleError] = field(default_factory=dict)


def snapshot(
    briefing: Briefing, expansions: dict[str, Expansion], earlier: Entry | None = None
) -> dict[str, Any]:
    """What is remembered of a briefing, as JSON-shaped data.

    `earlier`: the entry of a briefing reopened from the history. What this run has not
    finished reading (the reader quit while it loaded) is still said as it was then, so
    quitting early does not turn a read briefing into a list of addresses."""
    entries = briefing.articles
    articles = [a for a in entries if a.feed_kind is None and a.duplicate_of is None]
    tally = briefing.tally()
    titles = [a.display_title for a in articles if a.status == "ok"]
    failures = {
        input_key(a.input): a.error
        for a in articles
        if a.error is not None and a.error.kind is not ErrorKind.NOT_CACHED
    }
    failed = tally.failed
    if earlier is not None:
        unfinished = {input_key(a.input) for a in articles if a.status == "pending"}
        unfinished |= {input_key(a.input) for a in articles if _not_cached(a.error)}
        failures |= {k: e for k, e in earlier.failures.items() if k in unfinished}
        if unfinished:
            titles += [t for t in earlier.titles if t not in titles]
            failed = max(failed, earlier.failed)
    return {
        "inputs": [a.input for a in entries if a.feed is None],
        "titles": titles[:TITLES_KEPT],
        "articles": tally.articles,
        "failed": failed,
        "expansions": {key: e.to_dict() for key, e in expansions.items()},
        "failures": {k: [e.kind.value, e.message] for k, e in failures.items()},
    }


def _not_cached(error: ArticleError | None) -> bool:
    return error is not None and error.kind is ErrorKind.NOT_CACHED


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def remember(cache: Cache, id: int | None, data: dict[str, Any]) -> int | None:
    """Store a briefing (a new row when `id` is None); returns its id. Blocking."""
    if id is None:
        id = cache.add_briefing(now(), data)
        cache.trim_briefings(MAX_BRIEFINGS)
        return id
    cache.update_briefing(id, data)
    return id


def _entry(id: int, opened_at: object, data: Any) -> Entry | None:
    """A row as an `Entry`; a damaged row's odd fields read as empty (None: not a briefing)."""
    if not isinstance(data, dict) or not isinstance(data.get("inputs"), list):
        return None
    inputs = [i for i in data["inputs"] if isinstance(i, str)]
    titles = data.get("titles")
    titles = [t for t in titles if isinstance(t, str)] if isinstance(titles, list) else []
    expansions: dict[str, Expansion] = {}
    raw = data.get("expansions")
    for key, value in (raw if isinstance(raw, dict) else {}).items():
        expansion = Expansion.from_dict(value)
        if isinstance(key, str) and expansion is not None:
            expansions[key] = expansion
    articles, failed = data.get("articles", 0), data.get("failed", 0)
    return Entry(
        id,
        opened_at if isinstance(opened_at, str) else "",
        inputs,
        titles,
        articles if isinstance(articles, int) else 0,
        failed if isinstance(failed, int) else 0,
        expansions,
        _failures(data.get("failures")),
    )


def _failures(raw: object) -> dict[str, ArticleError]:
    """The stored reasons; one that is not a known kind and words is left out."""
    found: dict[str, ArticleError] = {}
    for key, value in (raw if isinstance(raw, dict) else {}).items():
        if not isinstance(value, list) or len(value) != 2:
            continue
        kind, message = value
        if kind not in ErrorKind._value2member_map_ or not isinstance(message, str):
            continue
        found[str(key)] = ArticleError(ErrorKind(kind), message[:MESSAGE_CHARS])
    return found


def entries(cache: Cache, limit: int) -> list[Entry]:
    """The most recent briefings, newest first. Blocking."""
    found = (_entry(*row) for row in cache.briefings(limit))
    return [e for e in found if e is not None]


def entry(cache: Cache, id: int) -> Entry | None:
    row = cache.briefing(id)
    return None if row is None else _entry(id, *row)


def _line(text: str, width: int) -> str:
    return one_line(text, width)


def listing(found: list[Entry]) -> list[str]:
    """`briefing history` output: one line per briefing, safe for any terminal."""
    lines = []
    for e in found:
        try:
            when = datetime.fromisoformat(e.opened_at).astimezone().strftime("%Y-%m-%d %H:%M")
        except (ValueError, OverflowError):  # not a time, or one at the calendar's edge
            when = _line(e.opened_at, 20) or "?"
        count = f"{e.articles} article{'s' * (e.articles != 1)}"
        if e.failed:
            count += f", {e.failed} failed"
        shown = e.titles or e.inputs
        about = "; ".join(shown[:3]) + (f"; +{len(shown) - 3} more" if len(shown) > 3 else "")
        lines.append(f"{e.id:>5}  {when}  {count:<22}  {_line(about, LISTING_TITLE_CHARS)}")
    return lines


@dataclass(frozen=True)
class Reopen:
    """A briefing from the history being opened again: its entry is updated, not a new
    one made, its feeds get the items they had, and a page that had failed says why."""

    id: int
    pinned: dict[str, Expansion] = field(default_factory=dict)
    earlier: Entry | None = None  # as remembered before this run

    @classmethod
    def of(cls, entry: Entry) -> Reopen:
        return cls(entry.id, entry.expansions, entry)

    def failure(self, input: str) -> ArticleError | None:
        """Why `input` failed when the briefing was read, if it did."""
        return None if self.earlier is None else self.earlier.failures.get(input_key(input))
