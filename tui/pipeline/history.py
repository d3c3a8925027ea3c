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
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tui.pipeline.feeds import Expansion, FeedItem
from tui.pipeline.identity import input_key, is_web_address
from tui.pipeline.kinds import ArticleError, ErrorKind, Stage, Status
from tui.pipeline.textsafety import one_line
from tui.pipeline.words import plural

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.cache import Cache
    from tui.pipeline.model import Article

# Briefings remembered; older ones are forgotten (a cron job must not grow it forever).
MAX_BRIEFINGS = 500
# Titles kept per briefing, to recognise it in the list.
TITLES_KEPT = 30
# Said after a stored reason when a reopened briefing gives it again (and taken off before
# it is stored again).
REPLAYED = (
    "(So it went when this briefing was read before; reopened from the history, the page "
    "is not fetched again.)"
)
# Why a reopened briefing has no page for an article whose page had not come when the
# briefing was closed (it is listed as "not read"). Stored with the briefing; the only
# `not_cached` failure ever stored, so one stored in other words reads as this one.
UNREAD = ArticleError(
    ErrorKind.NOT_CACHED,
    "The briefing was closed before this page was read, and a briefing reopened from the "
    "history stays offline.",
)
# Why a reopened briefing has no page for an article that was read: it was evicted since.
EVICTED = (
    "This page is no longer in the cache, and a briefing reopened from the history stays offline."
)
# One entry of a briefing's order: None for the next of its inputs, or a feed item as
# (the index of its feed, its address).
Place = tuple[int, str] | None
# Characters of a stored failure's words kept (they are ours, but the file may be edited).
MESSAGE_CHARS = 500
# Characters of titles shown on one line of `briefing history`.
LISTING_TITLE_CHARS = 100
# Characters of a page's title remembered with it (a reopen shows it if the page is gone).
PAGE_TITLE_CHARS = 300
# What `briefing history` says of an entry whose row cannot be read as a briefing.
DAMAGED = "could not be read (damaged entry)"


@dataclass(frozen=True)
class Page:
    """What is remembered of a page a briefing read, for a reopen that finds it evicted
    from the cache since: its title, the address it was read at (None: the input's own)
    and when it was fetched."""

    title: str | None = None
    url: str | None = None
    fetched_at: str | None = None


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
    unread: int = 0  # pages that had not come when it was last written (closed, killed)
    # Its entries in index order. A feed's items were added when it had been read, after
    # whatever was added meanwhile; a reopen adds them there, so every index stays.
    order: list[Place] = field(default_factory=list)
    # Pages it read that are no longer in the cache (evicted since): not stored, but
    # looked up by `entries`, so the history says so before a reopen finds them gone.
    no_longer_cached: int = 0
    # Each input (as given, or a feed's item) -> what it read there, so a page evicted
    # since is still shown by its title. Keyed by the input itself: a reopen gives the very
    # strings stored, and normalising 10,000 of them cost 100 ms of the event loop.
    pages: dict[str, Page] = field(default_factory=dict)
    # Its row could not be read as a briefing (not JSON, no inputs): listed as damaged,
    # and it cannot be reopened, rather than missing from the history without a word.
    damaged: bool = False


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
    # Read: its text is there, its entities and timeline may still have been on the way
    # (quit while it was analysed, the history listed the addresses of pages the reader
    # had seen by their titles).
    read = [a for a in articles if a.status is Status.OK or (a.blocks and a.error is None)]
    titles = [a.display_title for a in read]
    pending = [a for a in articles if a.status is Status.PENDING]
    unfinished = {input_key(a.input) for a in pending}
    # Each page read, by its title: a reopen that finds one evicted from the cache since
    # shows it as it was, not as a bare address.
    pages = {a.input: _page(a) for a in read if is_web_address(a.input)}
    # "Not read": the page had not come. One that had is in the cache, and a reopened
    # briefing reads it from there: counting those said "82 not read" of a briefing whose
    # every page came back.
    missing = [a for a in pending if _page_missing(a)]
    unread = {input_key(a.input) for a in missing}
    # A page added in this run never was; one the reopened briefing had may have been
    # read the time before, and is said as it was then (below).
    failures = {input_key(a.input): UNREAD for a in _added_since(earlier, missing)}
    failures |= {
        input_key(a.input): ArticleError(a.error.kind, a.error.message.removesuffix(f" {REPLAYED}"))
        for a in articles
        if a.error is not None and not _gone(a.error)
    }
    # A page a reopened briefing found not in the cache did not fail: it was never read
    # (the briefing was closed first) or it was read and evicted since, which `entries`
    # tells from the cache itself. Counted failed, a reopen turned "no longer cached" into
    # "20 failed" for good. (The tally counts both apart from the failed.)
    not_cached = {input_key(a.input) for a in articles if _gone(a.error)}
    failed = tally.failed
    if earlier is not None:
        unfinished |= not_cached
        failures |= {k: e for k, e in earlier.failures.items() if k in unfinished}
        # What it has not read again now (still loading, or evicted): as it was then.
        again = {a.input for a in articles if a.status is Status.PENDING or _gone(a.error)}
        pages = {k: _stored(p) for k, p in earlier.pages.items() if k in again} | pages
        # A page never read (the briefing was closed first) is still not read.
        unread |= {k for k in not_cached if _not_cached(failures.get(k))}
        if unfinished:
            titles += [t for t in earlier.titles if t not in titles]
            failed = max(failed, earlier.failed)
    return {
        "inputs": [a.input for a in entries if a.feed is None],
        "titles": titles[:TITLES_KEPT],
        "articles": tally.articles,
        "failed": failed,
        "unread": sum(_not_cached(failures.get(k)) for k in unread),
        "expansions": {key: e.to_dict() for key, e in expansions.items()},
        "failures": {k: [e.kind.value, e.message] for k, e in failures.items()},
        "order": [None if a.feed is None else [a.feed, a.input] for a in entries],
        "pages": pages,
    }


def _added_since(earlier: Entry | None, articles: list[Article]) -> list[Article]:
    """Those of `articles` the briefing did not have when `earlier` was written (a new
    briefing: all of them). By the inputs as stored: a reopen gives the very strings, and
    normalising every one again on each write would cost the event loop. A feed's items
    are in its order, and in its expansions (all an entry older than the order has)."""
    if earlier is None:
        return articles
    items = [place[1] for place in earlier.order if place is not None]
    items += [item.url for expansion in earlier.expansions.values() for item in expansion.items]
    had = {*earlier.inputs, *items}
    return [a for a in articles if a.input not in had]


def _not_cached(error: ArticleError | None) -> bool:
    """A page a reopen found not in the cache because it never came (not read)."""
    return error is not None and error.kind is ErrorKind.NOT_CACHED


def _gone(error: ArticleError | None) -> bool:
    """A page a reopen found not in the cache: never read, or evicted since."""
    return error is not None and error.kind in (ErrorKind.NOT_CACHED, ErrorKind.NO_LONGER_CACHED)


def _page(article: Article) -> list[str | None]:
    """What is remembered of the page `article` read, as stored (`Page`'s fields)."""
    title = article.metadata.title
    url = article.url if article.url != article.input else None
    return [title[:PAGE_TITLE_CHARS] if title else None, url, article.fetched_at]


def _stored(page: Page) -> list[str | None]:
    return [page.title, page.url, page.fetched_at]


def _page_missing(article: Article) -> bool:
    """Whether a pending article's page had not come yet (it waits for its turn or is
    being fetched). A local file is read from disk again when reopened: never missing."""
    return is_web_address(article.input) and article.stage in (Stage.QUEUED, Stage.FETCHING)


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def remember(cache: Cache, id: int | None, data: dict[str, Any]) -> int | None:
    """Store a briefing (a new row when `id` is None or its row is gone); returns its id.
    Blocking.

    An entry brought up to date keeps the inputs another instance added to it since this
    one opened it (two terminals reopening one briefing): the last to write would else
    drop what the first added."""
    stored = None if id is None else entry(cache, id)
    if id is None or (stored is None and cache.briefing_gone(id)):
        # A new briefing; or one whose entry is gone since it was opened (a run beside it
        # trimmed the history past MAX_BRIEFINGS): what it holds now would else be lost,
        # an address added with `a` in no entry at all.
        id = cache.add_briefing(now(), data)
        cache.trim_briefings(MAX_BRIEFINGS)
        return id
    if stored is not None:  # (None: the file could not be read now; the next write tries)
        cache.update_briefing(id, _with_others(data, stored))
    return id


def _with_others(data: dict[str, Any], stored: Entry) -> dict[str, Any]:
    """`data` with the inputs `stored` holds that it lacks, and what is known of them."""
    have = {input_key(i) for i in data["inputs"]}
    extra = [i for i in stored.inputs if input_key(i) not in have]
    if not extra:
        return data
    data = dict(data, inputs=[*data["inputs"], *extra], expansions=dict(data["expansions"]))
    data["failures"] = dict(data["failures"])
    data["pages"] = dict(data.get("pages", {}))
    for input in extra:
        key = input_key(input)
        expansion = stored.expansions.get(key)
        if expansion is not None:
            data["expansions"][key] = expansion.to_dict()
        data["articles"] += 1 if expansion is None else len(expansion.items)
        for read in [input, *(i.url for i in (expansion.items if expansion else []))]:
            if (page := stored.pages.get(read)) is not None:
                data["pages"].setdefault(read, _stored(page))
            page_key = input_key(read)
            failure = stored.failures.get(page_key)
            if failure is not None and page_key not in data["failures"]:
                data["failures"][page_key] = [failure.kind.value, failure.message]
                # Counted as `snapshot` counts it: a page never read apart from the failed.
                data["unread" if _not_cached(failure) else "failed"] += 1
    titles = data["titles"] + [t for t in stored.titles if t not in data["titles"]]
    data["titles"] = titles[:TITLES_KEPT]
    return data


def _entry(id: int, opened_at: object, data: Any) -> Entry:
    """A row as an `Entry`; a damaged row's odd fields read as empty, and one with no
    input to reopen is `damaged`."""
    when = opened_at if isinstance(opened_at, str) else ""
    raw_inputs = data.get("inputs") if isinstance(data, dict) else None
    inputs = [i for i in raw_inputs if isinstance(i, str)] if isinstance(raw_inputs, list) else []
    if not inputs:
        return Entry(id, when, [], damaged=True)
    titles = data.get("titles")
    titles = [t for t in titles if isinstance(t, str)] if isinstance(titles, list) else []
    expansions: dict[str, Expansion] = {}
    raw = data.get("expansions")
    for key, value in (raw if isinstance(raw, dict) else {}).items():
        expansion = Expansion.from_dict(value)
        if isinstance(key, str) and expansion is not None:
            expansions[key] = expansion
    articles, failed, unread = (data.get(k, 0) for k in ("articles", "failed", "unread"))
    return Entry(
        id,
        when,
        inputs,
        titles,
        articles if isinstance(articles, int) else 0,
        failed if isinstance(failed, int) else 0,
        expansions,
        _failures(data.get("failures")),
        unread if isinstance(unread, int) else 0,
        _order(data.get("order")),
        pages=_pages(data.get("pages")),
    )


def _pages(raw: object) -> dict[str, Page]:
    """The pages remembered; one whose fields are not text (or null) is left out."""
    found: dict[str, Page] = {}
    for key, value in (raw if isinstance(raw, dict) else {}).items():
        if not isinstance(value, list) or len(value) != 3:
            continue
        if not all(v is None or isinstance(v, str) for v in value):
            continue
        title, url, fetched_at = value
        found[str(key)] = Page(title and title[:PAGE_TITLE_CHARS], url, fetched_at)
    return found


def _order(raw: object) -> list[Place]:
    """The stored order, up to its first damaged entry (none stored: empty, and a
    reopen adds a feed's items after every input, as before it was kept)."""
    order: list[Place] = []
    for place in raw if isinstance(raw, list) else []:
        if place is None:
            order.append(None)
        elif (
            isinstance(place, list)
            and len(place) == 2
            and isinstance(place[0], int)
            and isinstance(place[1], str)
        ):
            order.append((place[0], place[1]))
        else:
            break
    return order


_KINDS = frozenset(kind.value for kind in ErrorKind)


def _failures(raw: object) -> dict[str, ArticleError]:
    """The stored reasons; one that is not a known kind and words is left out."""
    found: dict[str, ArticleError] = {}
    for key, value in (raw if isinstance(raw, dict) else {}).items():
        if not isinstance(value, list) or len(value) != 2:
            continue
        kind, message = value
        if kind not in _KINDS or not isinstance(message, str):
            continue
        found[str(key)] = ArticleError(ErrorKind(kind), message[:MESSAGE_CHARS])
    return found


def entries(cache: Cache, limit: int) -> list[Entry]:
    """The most recent briefings, newest first, each with how many of its pages are no
    longer cached. Blocking; one query for the rows and one for the pages (by their
    primary key), and it only looks: nothing is marked used, written or evicted."""
    found = [_entry(*row) for row in cache.briefings(limit)]
    keys = {e.id: _read_pages(e) for e in found}
    cached = cache.cached_keys(sorted({k for ks in keys.values() for k in ks}))
    if cached is not None:
        for e in found:
            gone = sum(k not in cached for k in keys[e.id])
            e.no_longer_cached = min(gone, e.articles)
    return found


def _read_pages(e: Entry) -> list[str]:
    """The cache keys of the pages `e`'s articles were read from: remote inputs and feed
    items, not a feed itself (its items are kept here), nor a page that failed or was not
    read (those say so in their own words), nor a local file (read from disk again)."""
    keys: list[str] = []
    seen: set[str] = set()
    todo = [input_key(i) for i in reversed(e.inputs)]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        expansion = e.expansions.get(key)
        if expansion is not None:  # a feed or OPML list: its items (an OPML list's feeds)
            todo += [input_key(item.url) for item in reversed(expansion.items)]
        elif key not in e.failures and is_web_address(key):
            keys.append(key)
    return keys


def entry(cache: Cache, id: int) -> Entry | None:
    """Briefing `id` (None: there is none; a row that cannot be read is `damaged`)."""
    row = cache.briefing(id)
    return None if row is None else _entry(id, *row)


def _line(text: str, width: int) -> str:
    return one_line(text, width)


def listing(found: list[Entry]) -> list[str]:
    """`briefing history` output: one line per briefing, safe for any terminal."""
    counts = [_counts(e) for e in found]
    # As wide as the widest count listed, so the titles start in one column.
    width = max((len(c) for c, e in zip(counts, found, strict=True) if not e.damaged), default=0)
    lines = []
    for e, count in zip(found, counts, strict=True):
        try:
            when = datetime.fromisoformat(e.opened_at).astimezone().strftime("%Y-%m-%d %H:%M")
        except (ValueError, OverflowError):  # not a time, or one at the calendar's edge
            when = _line(e.opened_at, 20) or "?"
        if e.damaged:
            lines.append(f"{e.id:>5}  {when}  {DAMAGED}")
            continue
        shown = e.titles or e.inputs
        # Of all its articles, not of the titles kept (at most TITLES_KEPT).
        more = max(len(shown), e.articles) - len(shown[:3])
        about = "; ".join(shown[:3]) + (f"; +{more:,} more" if more > 0 else "")
        lines.append(f"{e.id:>5}  {when}  {count:<{width}}  {_line(about, LISTING_TITLE_CHARS)}")
    return lines


def _counts(e: Entry) -> str:
    """'20 articles, 2 failed, 1 not read, 5 no longer cached'."""
    count = plural(e.articles, "article")  # as the app writes them: "1,203 articles"
    if e.failed:
        count += f", {e.failed:,} failed"
    if e.unread:
        count += f", {e.unread:,} not read"
    if e.no_longer_cached:
        count += f", {e.no_longer_cached:,} no longer cached"
    return count


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

    def remembered(self, input: str) -> Page | None:
        """What the briefing read at `input` when it was read, if it read a page there."""
        return None if self.earlier is None else self.earlier.pages.get(input)

    def failure(self, input: str) -> ArticleError | None:
        """Why `input` failed when the briefing was read, if it did."""
        return None if self.earlier is None else self.earlier.failures.get(input_key(input))

    def item_at(self, position: int) -> tuple[int, FeedItem] | None:
        """The feed item the briefing had at `position`, with its feed's index and the
        title the feed gave it (None: an input was there, or nothing is known of it)."""
        order = self.earlier.order if self.earlier is not None else []
        place = order[position] if position < len(order) else None
        if place is None:
            return None
        feed, input = place
        return feed, self._items.get(input_key(input), FeedItem(input))

    @cached_property
    def _items(self) -> dict[str, FeedItem]:
        """Every recorded feed item by its key (for its title)."""
        found: dict[str, FeedItem] = {}
        for expansion in self.pinned.values():
            for item in expansion.items:
                found.setdefault(input_key(item.url), item)
        return found

    def said_again(self, input: str) -> ArticleError | None:
        """What this briefing, kept offline, says of `input` whose page is not cached:
        why it failed before, saying it is not fetched again; or that it was never read
        (in today's words, whatever a stored entry holds)."""
        failed = self.failure(input)
        if failed is None:
            return None
        if _not_cached(failed):
            return UNREAD
        from tui.pipeline.fetch import without_wait  # loaded by then: the session fetches

        return ArticleError(failed.kind, f"{without_wait(failed.message)} {REPLAYED}")
