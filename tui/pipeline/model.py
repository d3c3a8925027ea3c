"""The data every pipeline stage hands to the next: plain dataclasses, no behaviour.

Everything here is JSON-shaped on purpose: `export` serialises these and the app only
reads them, so one shape serves the terminal, the scripts and (later) the cache.

Every class has slots: a briefing of a thousand articles holds hundreds of thousands of
mentions and blocks, and a slotted instance costs ~56 bytes where one with a __dict__
costs ~350.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# The vocabularies live apart (see tui.pipeline.kinds); they are part of the model and are
# named from here too.
from tui.pipeline.kinds import STATUS_OF_ERROR as STATUS_OF_ERROR
from tui.pipeline.kinds import ArticleError as ArticleError
from tui.pipeline.kinds import BlockKind as BlockKind
from tui.pipeline.kinds import EntityType as EntityType
from tui.pipeline.kinds import ErrorKind as ErrorKind
from tui.pipeline.kinds import Granularity as Granularity
from tui.pipeline.kinds import PipelineError as PipelineError
from tui.pipeline.kinds import Stage as Stage
from tui.pipeline.kinds import Status as Status


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the clean text: a heading, a paragraph, a quote or a list item."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A block the cleaner cut, kept so the reader can see what went and why."""

    kind: BlockKind
    text: str
    reason: str
    # The rule's stable id ("social-cta", "related-link", ...) for scripts and tests.
    rule: str
    # Where it stood: the index in the article's final kept `blocks` before which it sat
    # (the number of kept blocks that preceded it; len(blocks) after the last one).
    # None when unknown, e.g. a block built by hand.
    position: int | None = None


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as fetched (or read from disk): its bytes, not yet decoded. The text is
    decoded where the page is read (`decode.decode_html`, in a worker process), so the
    process that fetches and paints never spends time or memory on it."""

    input: str
    url: str  # final URL after redirects, or file:// URL for local files
    body: bytes
    charset: str | None  # what the HTTP header declared; None for files or when not said
    fetched_at: str  # ISO 8601 UTC timestamp; the timeline's anchor when no date is published
    # The response headers worth keeping with a cached page (content type, validators).
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FetchedFeed:
    """A feed (RSS, Atom, JSON Feed) or OPML list, as fetched: bytes, since feedparser
    reads the document's own encoding declaration better than we could guess it."""

    input: str
    url: str
    body: bytes
    content_type: str
    fetched_at: str


@dataclass(slots=True)
class Metadata:
    """What the page says about itself. None: the page did not say; `authors` is [] then."""

    title: str | None = None
    site: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime
    canonical_url: str | None = None
    language: str | None = None


# No page on the web was published before 1990: an earlier date there is a CMS placeholder
# (0001-01-01, the 1970 epoch) or a date the story tells of, never the page's own.
EARLIEST_PUBLISHED_YEAR = 1990


@dataclass(frozen=True, slots=True)
class Mention:
    """A span in the clean text: block index and character offsets within that block."""

    block: int
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """Something one article names (a person, a place, a group...) and every mention of it."""

    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    first_sentence: str = ""

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(slots=True)
class TimelineEntry:
    """A dated event an article reports: the words that date it and what they resolve to."""

    expression: str
    value: str  # TIMEX3-style: 2024-08-06, 2024-W32, 2024-08, 2024-SP, 2024, PAST_REF ...
    granularity: Granularity
    sentence: str
    block: int
    start: int  # offsets of the expression within the block's text
    end: int
    # A range the entry covers, ISO dates, inclusive; used to sort and for durations.
    range_start: str | None = None
    range_end: str | None = None
    vague: bool = False
    # True when the page published no date and the anchor is a stand-in: the date its own
    # words give (`timeline.standin`), else the fetch date.
    anchor_assumed: bool = False
    # TIMEX3 type: DATE, TIME, DURATION (a length of time) or SET (a recurrence).
    timex_type: str = "DATE"
    # TIMEX3 value: as `value` for dates and times; a duration's length ("P1M") while
    # `value` says where it lies ("P1M/2024-08-08"); a set's "XXXX-WXX-2". None: as `value`.
    timex_value: str | None = None
    # True on the first of two entries the article joined as a range ("from 1969 until
    # 1976", "between March 3 and March 9"): its range runs to the end of the next entry,
    # which TIMEX3 counts as an expression of its own and a reader reads in this one's row.
    runs_to_next: bool = False


@dataclass(slots=True)
class Article:
    """One input through the pipeline: where it is in it, and what each stage made of it."""

    input: str
    url: str | None = None
    stage: Stage = Stage.QUEUED
    error: ArticleError | None = None
    metadata: Metadata = field(default_factory=Metadata)
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)
    # Readers' comments under the article, cleaned, never analysed; [] when the page shows
    # none (or the article is not read yet).
    comments: list[Block] = field(default_factory=list)
    fetched_at: str | None = None
    # None means "not analysed" (not yet, or --no-analysis); [] means "analysed, none found".
    entities: list[Entity] | None = None
    timeline: list[TimelineEntry] | None = None
    # Times that describe a thing instead of dating an event ("the 30-year bond", "a
    # 16-year-old", "annual sales"): TIMEX3 DURATIONs and SETs the timeline leaves out.
    # None and [] as for `timeline`.
    time_modifiers: list[TimelineEntry] | None = None
    # The date the timeline of a page that gave no date was read as of, from the page's
    # own words (`timeline.standin`), ISO; None when the page gave its date, when its
    # words name none (the fetch day stood in), or when it was not analysed.
    read_as_of: str | None = None
    # How many blocks, from the top, entities and timeline cover, when analysis stopped
    # short of a very long text; None when it covered them all (or did not run).
    analysed_blocks: int | None = None
    # Index of the earlier article in the briefing that is the same page (same final or
    # canonical URL); None for an article in its own right. A duplicate holds no text.
    duplicate_of: int | None = None
    # How many times a finished article changed afterwards (a later same-site article
    # showed some of its blocks were the site's template); 0 until then.
    revision: int = 0
    # Why `entities` and `timeline` are [] for a reason other than "none found": the page
    # is in a language we have no model for ("Entities and dates are found in English
    # pages; this page is in Russian.").
    entities_note: str | None = None
    # True when the page came from the cache, not the network.
    cached: bool = False
    # Index of the feed (or OPML list) entry this article is an item of; None otherwise.
    feed: int | None = None
    # For a feed or OPML input: what it is ("rss", "atom", "json", "opml") and the
    # indices of the entries it expanded into. None for an article.
    feed_kind: str | None = None
    items: list[int] | None = None
    # A feed's entries it listed but that were not read: with no web address (http or
    # https), and older than the newest `per_feed` (an OPML list: past its cap of feeds).
    items_unlinked: int = 0
    items_older: int = 0
    # ... and entries whose address another of its entries gave (each is read once), and
    # entries naming the feed (or list) itself.
    items_repeated: int = 0
    items_itself: int = 0
    # Of `items`, a reloaded feed's entries from before that it no longer lists: kept
    # under it (they are still in the briefing), and said apart so its count is not taken
    # for what the feed lists now.
    items_earlier: int = 0
    # Why the last reload (`r`) failed, when the article kept the copy it had read before
    # (a page that now answers 404 keeps its text); None when it did not fail, or when
    # there was no good copy to keep (then `error` says why, as for a first read).
    reload_error: ArticleError | None = None
    # True while a reload fetches and reads the page again; the copy it holds (text,
    # entities, a feed's items) stays until then, and is still whole.
    reading_again: bool = False

    @property
    def status(self) -> Status:
        """ "ok" once read (or while a copy read before is read again); "pending" while it
        is first read (an export taken meanwhile); "error"; or, in a briefing reopened
        offline from the history, "no_longer_cached" (read then, evicted since) or
        "not_read" (its page had not come when the briefing was closed): no failure, and
        `error` says why it has no text (`kinds.STATUS_OF_ERROR`)."""
        if self.error is not None:
            return STATUS_OF_ERROR.get(self.error.kind, Status.ERROR)
        if self.stage in (Stage.DONE, Stage.ERROR) or self.reading_again:
            return Status.OK
        return Status.PENDING

    @property
    def display_title(self) -> str:
        """The title, or where the article is from when the page gave none a reader can
        see: a title of bidi marks or zero-width characters is no title (the list drew an
        empty line for it, the text pane and the Markdown an empty heading)."""
        title = self.metadata.title
        return title if title and _visible(title) else (self.url or self.input)


@dataclass(slots=True)
class BriefingEntity:
    """One real thing across the briefing, with how often each article names it."""

    name: str
    type: EntityType
    aliases: list[str]
    counts: dict[int, int]  # article index -> mentions in that article
    first_sentence: str

    @property
    def count(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class BriefingTimelineEntry:
    """A timeline entry in the merged briefing, with the article it came from."""

    entry: TimelineEntry
    article: int  # index into Briefing.articles


# Characters that draw nothing: controls, format characters (bidi marks, zero-width
# spaces and joiners, the soft hyphen, BOM) and lone surrogates.
_UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def _visible(text: str) -> bool:
    """Whether `text` has a character that shows on screen."""
    return any(not c.isspace() and unicodedata.category(c) not in _UNSEEN_CATEGORIES for c in text)
