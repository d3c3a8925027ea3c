"""Blocks that recur across articles of one site: the site's template, not the story.

A block is cut from an article when another article of the same site holds the same text,
the two are not copies of one story (an update or a rerun shares most of its text, and
that shared text is the article), and the block stands where a template puts its lines:
in the run that opens or closes the text, or beside another such block. A line in the
middle of the story that another article also holds ("1/2 cup sugar" in two recipes, a
quote that related stories share) is the story's own.

The cuts are a pure function of which articles of the site are in the briefing, never of
the order they arrived in: each article keeps the blocks cleaning gave it, and its cuts
are derived from those again whenever a new same-site article could change them. So the
same inputs give the same articles however the network orders the pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tui.pipeline.clean import cut, normalise_block_text
from tui.pipeline.model import Article, Block, RemovedBlock

REASON = "repeated in another article from the same site (site boilerplate)"
RULE = "recurring"
# Two articles sharing more than this share of the smaller one's blocks are two copies of
# one story, and what they share is the story.
SAME_STORY_SHARE = 0.5


def site_key(article: Article) -> str:
    host = urlsplit(article.url or "").hostname or ""
    return (host.removeprefix("www.") or article.metadata.site or "").lower()


@dataclass(eq=False)
class _Entry:
    article: Article
    blocks: list[Block]  # as cleaning left them, before any recurring cut
    removed: list[RemovedBlock]
    # Each block's text as compared, worked out once: every same-site article's cuts are
    # derived again whenever one arrives, and a long article has thousands of blocks.
    norms: tuple[str, ...]
    texts: frozenset[str]
    recurring: frozenset[str] = frozenset()  # its texts another article (no copy) holds
    cut: frozenset[int] = frozenset()  # the blocks cut from it now


@dataclass
class _Site:
    entries: dict[int, _Entry] = field(default_factory=dict)  # id(article) -> entry
    holders: dict[str, list[_Entry]] = field(default_factory=dict)  # text -> who holds it
    # Text -> the holders it does not recur in yet (no other article, not a copy, holds
    # it): the only ones whose cuts a new holder can change. A site's template line held
    # by every article has none, so an article's arrival costs what it shares anew, not
    # the size of the site: each arrival recut every holder of every text it held, and
    # 2,000 articles of one site took a minute of the event loop.
    alone: dict[str, set[_Entry]] = field(default_factory=dict)

    def same_story(self, a: _Entry, b: _Entry) -> bool:
        smaller = min(len(a.blocks), len(b.blocks)) or 1
        return len(a.texts & b.texts) / smaller > SAME_STORY_SHARE

    def recurs(self, text: str, entry: _Entry) -> bool:
        """Whether another article that is no copy of `entry` holds `text`."""
        return any(o is not entry and not self.same_story(entry, o) for o in self.holders[text])

    def recurring_in(self, entry: _Entry) -> frozenset[str]:
        apart: dict[int, bool] = {}  # each other article asked once

        def apart_from(other: _Entry) -> bool:
            known = apart.get(id(other))
            if known is None:
                known = apart[id(other)] = other is not entry and not self.same_story(entry, other)
            return known

        return frozenset(
            text for text in entry.texts if any(apart_from(o) for o in self.holders[text])
        )


class RecurringIndex:
    """Per site: which articles hold which block texts, and the cuts that follow."""

    def __init__(self) -> None:
        self._sites: dict[str, _Site] = {}
        self._where: dict[int, str] = {}  # id(article) -> its site key

    def add(self, article: Article) -> list[Article]:
        """Take the article's current blocks as its clean text; return every article whose
        blocks changed because of it (itself included)."""
        earlier = self.forget(article)
        key = site_key(article)
        site = self._sites.setdefault(key, _Site())
        norms = tuple(normalise_block_text(b.text) for b in article.blocks)
        texts = frozenset(n for n, b in zip(norms, article.blocks, strict=True) if b.text.strip())
        entry = _Entry(article, article.blocks, article.removed, norms, texts)
        touched: dict[int, _Entry] = {id(entry): entry}
        for text in texts:
            touched.update((id(other), other) for other in site.alone.get(text, ()))
            site.holders.setdefault(text, []).append(entry)
        site.entries[id(article)] = entry
        self._where[id(article)] = key
        changed = _recut(site, touched.values())
        return changed + [a for a in earlier if all(a is not c for c in changed)]

    def forget(self, article: Article) -> list[Article]:
        """Drop an article (reloaded, or a duplicate); return the others that changed.

        The article itself gets back the blocks cleaning gave it."""
        key = self._where.pop(id(article), None)
        if key is None:
            return []
        site = self._sites[key]
        entry = site.entries.pop(id(article))
        touched: dict[int, _Entry] = {}
        for text in entry.texts:
            holders = [h for h in site.holders[text] if h is not entry]
            alone = site.alone.get(text, set())
            alone.discard(entry)
            if not holders:
                del site.holders[text]
                site.alone.pop(text, None)
                continue
            site.holders[text] = holders
            # Those it recurred in may now hold it alone (a template line still recurs).
            touched.update(
                (id(h), h) for h in holders if h not in alone and not site.recurs(text, h)
            )
        article.blocks, article.removed = entry.blocks, entry.removed
        return _recut(site, touched.values())


def _recut(site: _Site, entries: Iterable[_Entry]) -> list[Article]:
    changed: list[Article] = []
    for entry in entries:
        recurring = entry.recurring = site.recurring_in(entry)
        for text in entry.texts:
            alone = site.alone.setdefault(text, set())
            if text in recurring:
                alone.discard(entry)
            else:
                alone.add(entry)
        doomed = {i: (REASON, RULE) for i in _template_places(entry.norms, recurring)}
        if len(doomed) == len(entry.blocks):
            doomed = {}  # never cut a whole article: then it is all template, or all story
        applied = frozenset(doomed)
        if applied == entry.cut:
            continue
        entry.cut = applied
        article = entry.article
        # New lists, never edits in place: the app and analysis notice a change by identity.
        if doomed:
            article.blocks, article.removed = cut(entry.blocks, doomed, entry.removed)
        else:
            article.blocks, article.removed = list(entry.blocks), list(entry.removed)
        changed.append(article)
    return changed


def _template_places(norms: tuple[str, ...], recurring: frozenset[str]) -> list[int]:
    """The recurring blocks that stand where a template's lines do: in the run of them that
    opens or closes the text, or beside another."""
    held = [n in recurring for n in norms]
    last = len(norms) - 1
    lead = next((i for i, h in enumerate(held) if not h), len(norms))
    tail = next((last - i for i, h in enumerate(reversed(held)) if not h), -1)
    return [
        i
        for i in range(len(norms))
        if held[i]
        and (i < lead or i > tail or (i > 0 and held[i - 1]) or (i < last and held[i + 1]))
    ]
