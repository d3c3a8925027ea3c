"""A briefing: the articles a reader asked for, and what they say together.

This is the state, not the work: which articles there are, which inputs and pages are the
same article, which blocks recur across a site, and the merged entities and timeline.
`session.Session` does the work (fetching, the worker processes) and records it here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from tui.pipeline.identity import input_key, same_text, same_title
from tui.pipeline.model import (
    Article,
    BriefingEntity,
    BriefingTimelineEntry,
    Metadata,
    Stage,
    Status,
)
from tui.pipeline.recurring import RecurringIndex
from tui.pipeline.words import plural

__all__ = ["Briefing"]


@dataclass(frozen=True)
class Tally:
    """How many articles a briefing holds, counted one way everywhere it is said (the
    app's overview, the Markdown, the history): a feed's entry is no article, and an input
    that turned out to be the same page as another is counted apart (`same`)."""

    articles: int = 0  # distinct articles: not feeds, not duplicates
    read: int = 0
    failed: int = 0
    pending: int = 0  # still being read (an export taken in the app meanwhile)
    same: int = 0  # inputs that were the same page as an article counted
    # In a briefing reopened offline from the history, neither read now nor failed: read
    # before and evicted from the cache since, or never come (the briefing was closed first).
    no_longer_cached: int = 0
    not_read: int = 0

    def words(
        self, sep: str = ", ", *, read: str = "read", pending: str = "still being read"
    ) -> str:
        """'56 articles, 5 read, 51 failed, 340 the same page as another'."""
        said = [
            plural(self.articles, "article"),
            f"{self.read:,} {read}",
            f"{self.failed:,} failed",
        ]
        if self.pending:
            said.append(f"{self.pending:,} {pending}")
        if self.not_read:
            said.append(f"{self.not_read:,} not read")
        if self.no_longer_cached:
            said.append(f"{self.no_longer_cached:,} no longer cached")
        if self.same:
            said.append(f"{self.same:,} the same page as another")
        return sep.join(said)


@dataclass
class Briefing:
    articles: list[Article] = field(default_factory=list)
    _recurring: RecurringIndex = field(default_factory=RecurringIndex, repr=False, compare=False)
    # Normalised input, final and canonical URLs -> the article that holds them.
    _keys: dict[str, Article] = field(default_factory=dict, repr=False, compare=False)
    # Final and canonical URLs -> every article read to that page so far. Kept apart from
    # `_keys`: an input's own key is held from the start, before its page is read, and an
    # article redirected onto it and read first must still be found when it is read.
    _pages: dict[str, list[Article]] = field(default_factory=dict, repr=False, compare=False)
    # id(article) -> its index; articles are only ever appended, so an index never moves.
    _positions: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def add(self, input: str) -> Article:
        article = Article(input=input)
        self._positions[id(article)] = len(self.articles)
        self.articles.append(article)
        self._keys.setdefault(input_key(input), article)
        return article

    def snapshot(self) -> Briefing:
        """The articles as they are now, for work done off the event loop while the session
        goes on reading (an export written in a thread): what that work writes and what is
        said of it are then one moment's. Only the articles are kept (not the indexes that
        find and merge them): enough to export, tally and merge entities and timelines."""
        return Briefing(articles=[_frozen(a) for a in self.articles])

    def tally(self) -> Tally:
        entries = [a for a in self.articles if a.items is None and a.feed_kind is None]
        distinct = [a for a in entries if a.duplicate_of is None]
        statuses = Counter(a.status for a in distinct)
        # One whose text was read but not its entities and timeline is read (it says its
        # error beside the text): "0 read, 1 failed" was said over a whole article.
        failed = sum(1 for a in distinct if a.status is Status.ERROR and not a.blocks)
        pending, gone = statuses[Status.PENDING], statuses[Status.NO_LONGER_CACHED]
        not_read = statuses[Status.NOT_READ]
        read = len(distinct) - failed - pending - gone - not_read
        same = len(entries) - len(distinct)
        return Tally(len(distinct), read, failed, pending, same, gone, not_read)

    def find(self, input: str) -> Article | None:
        """The article already in the briefing for this input, if any."""
        return self._keys.get(input_key(input))

    def index(self, article: Article) -> int:
        """The article's position (by identity: equal articles are not the same one)."""
        position = self._positions.get(id(article))
        if position is None or self.articles[position] is not article:
            raise ValueError("the article is not in this briefing")
        return position

    def reset(self, article: Article) -> list[Article]:
        """Put an article back to QUEUED, forgetting what it held, so it can be read again.

        Returns the other articles that changed (a block they shared with it no longer
        recurs)."""
        changed = self._recurring.forget(article)
        for key, holder in list(self._keys.items()):
            if holder is article and key != input_key(article.input):
                del self._keys[key]
        for key, readers in self._pages.items():
            self._pages[key] = [a for a in readers if a is not article]
        article.stage = Stage.QUEUED
        article.error = None
        article.reload_error = None
        article.url = None
        article.metadata = Metadata()
        article.blocks = []
        article.removed = []
        article.comments = []
        article.fetched_at = None
        article.entities = None
        article.timeline = None
        article.time_modifiers = None
        article.read_as_of = None
        article.analysed_blocks = None
        article.entities_note = None
        article.duplicate_of = None
        return changed

    def read(self, article: Article) -> tuple[Article | None, list[Article]]:
        """Record that `article` now holds the text it was read to.

        Returns the earlier article it duplicates (None if it is its own), and every article
        whose blocks changed (recurring cuts, or one that turned out to duplicate this)."""
        same = self._read_to_same_page(article)
        earlier = [a for a in same if self.index(a) < self.index(article)]
        if earlier:
            original = min(earlier, key=self.index)
            return original, self._make_duplicate(article, original)
        changed: list[Article] = []
        for holder in same:
            # A later input was read first: the earlier input is the one to keep, and what
            # pointed to the later one points to it.
            changed += [holder, *self._make_duplicate(holder, article)]
            changed += self._repoint(self.index(holder), self.index(article))
        for key in self._page_keys(article):
            if any(self._keys.setdefault(key, article) is a for a in same):
                self._keys[key] = article
            self._pages.setdefault(key, []).append(article)
        return None, changed + self._recurring.add(article)

    def _repoint(self, old: int, new: int) -> list[Article]:
        moved = [a for a in self.articles if a.duplicate_of == old]
        for a in moved:
            a.duplicate_of = new
        return moved

    def _page_keys(self, article: Article) -> set[str]:
        urls = (article.url, article.metadata.canonical_url)
        return {input_key(u) for u in urls if u}

    def _read_to_same_page(self, article: Article) -> list[Article]:
        """The other articles, each its own, that were read to the same page, whichever
        input came first in the list or was read first."""
        found: list[Article] = []
        for key in self._page_keys(article):
            for other in self._pages.get(key, []):
                if (
                    other is not article
                    and all(other is not f for f in found)
                    and other.duplicate_of is None
                    and other.blocks
                    and _same_article(other, article)
                ):
                    found.append(other)
        return found

    def _make_duplicate(self, article: Article, original: Article) -> list[Article]:
        """Empty `article` into a pointer to `original`; returns the others that changed."""
        changed = self._recurring.forget(article)
        article.duplicate_of = self.index(original)
        article.blocks = []
        article.removed = []
        article.comments = []
        article.entities = None
        article.timeline = None
        article.time_modifiers = None
        article.read_as_of = None
        article.analysed_blocks = None
        return changed

    def entities(self) -> list[BriefingEntity]:
        from tui.pipeline.entities import merge_entities

        return merge_entities([a.entities for a in self.articles])

    def timeline(self) -> list[BriefingTimelineEntry]:
        from tui.pipeline.timeline import merge_timelines

        return merge_timelines([a.timeline for a in self.articles])


def load_merging() -> None:
    """Load once what `Briefing.entities` and `Briefing.timeline` read: the timeline's
    modules and the entity lists. The app paces merges by what the last one cost, and this
    one-off second is no part of what a merge costs again."""
    import tui.pipeline.timeline  # noqa: F401  (merge_timelines and its modules)
    from tui.pipeline.entities.gazetteer import load_merge_tables

    load_merge_tables()


def _frozen(article: Article) -> Article:
    # The session replaces an article's fields as it reads; the two it changes in place (a
    # feed's title, a feed's items) are copied too.
    items = None if article.items is None else list(article.items)
    return replace(article, metadata=replace(article.metadata), items=items)


def _same_article(a: Article, b: Article) -> bool:
    """Two read articles that share a page key: the same page when both were read at one
    address; when the key is a canonical address a page names, only when they say the
    same (a template that gives every story the home page's loses no story)."""
    if a.url and b.url and input_key(a.url) == input_key(b.url):
        return True
    return same_title(a.metadata.title, b.metadata.title) and same_text(a.blocks, b.blocks)
