"""Highlights walked across articles: a search of the whole briefing, or a merged
entity's mentions in every article that names it. `n`/`N` step through them in reading
order, moving to the next article when one article's are used up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from tui.app.reader import capped_hits
from tui.app.text import one_line
from tui.pipeline.kinds import Stage

if TYPE_CHECKING:
    from collections.abc import Sequence, Set

    from tui.pipeline.briefing import Briefing
    from tui.pipeline.model import Block, Mention


class Step(NamedTuple):
    """Where a step of a walk lands: the article, its marks, which one is current, the
    walk's label, and which article of the walk this is (" (article 2/5)", or "" when the
    walk holds one), which the border keeps whole beside the counter."""

    article: int
    marks: list[Mention]
    current: int
    label: str
    where: str
    # The article's stops are the first MAX_HITS of a search's hits in it.
    more: bool = False


@dataclass
class Walk:
    """Steps through a list of places in the text, one at a time, wrapping at the ends."""

    label: str
    stops: list[tuple[int, Mention]] = field(default_factory=list)  # (article, mention)
    at: int = -1  # the stop shown; -1 before the first step
    # The same walk made again over the briefing as it is now, the articles in the given
    # order, given which articles changed since: articles finish reading, and a reload or a
    # cut of a site's template changes an article's text and mentions under the walk.
    again: Callable[[Briefing, Sequence[int], Set[int]], Walk] | None = None
    # The text each article's stops were found in: a stop of an article whose text is
    # other now names other words (`stale`).
    texts: dict[int, list[Block]] = field(default_factory=dict)
    # The articles whose stops are the first MAX_HITS of more hits (`reader.capped_hits`).
    cut: set[int] = field(default_factory=set)

    def stale(self, briefing: Briefing) -> set[int]:
        """The articles whose text changed since their stops were found."""
        articles = briefing.articles
        return {i for i, blocks in self.texts.items() if articles[i].blocks is not blocks}

    def made_again(self, briefing: Briefing, order: Sequence[int], changed: Set[int]) -> Walk:
        """The walk made again (`again`) over the briefing as it is now, the articles
        `changed` since looked at anew, at the stop this walk is at (-1 if it is gone)."""
        if self.again is None:
            return self
        fresh = self.again(briefing, order, changed)
        if self.at >= 0:
            here = self.stops[self.at]
            fresh.at = next((n for n, stop in enumerate(fresh.stops) if stop == here), -1)
        return fresh

    def step(self, delta: int) -> Step:
        """Move by `delta` (wrapping)."""
        # Before the first step, back (N) starts from the last stop, not the one before it.
        start = self.at if self.at >= 0 else (-1 if delta > 0 else 0)
        self.at = (start + delta) % len(self.stops)
        index, _ = self.stops[self.at]
        marks = [m for i, m in self.stops if i == index]
        current = sum(1 for i, _ in self.stops[: self.at] if i == index)
        articles = self.articles()
        where = (
            f" (article {articles.index(index) + 1}/{len(articles)})" if len(articles) > 1 else ""
        )
        return Step(index, marks, current, self.label, where, index in self.cut)

    def stops_in(self, article: int) -> list[int]:
        """The positions of the walk's stops in `article`."""
        return [n for n, (index, _) in enumerate(self.stops) if index == article]

    def articles(self) -> list[int]:
        return list(dict.fromkeys(i for i, _ in self.stops))

    def by_article(self) -> list[tuple[int, int, bool]]:
        """(article, how many stops in it, whether they are the first of more), in order."""
        counts: dict[int, int] = {}
        for index, _ in self.stops:
            counts[index] = counts.get(index, 0) + 1
        return [(index, count, index in self.cut) for index, count in counts.items()]


def search_walk(
    briefing: Briefing,
    query: str,
    order: Sequence[int],
    earlier: Walk | None = None,
    changed: Set[int] = frozenset(),
) -> Walk:
    """The hits of `query` in every article, the articles in `order` (as listed). Given
    the `earlier` walk of the same search, an article's hits are taken from it unless the
    article is among those `changed` since (read since, and searched now)."""
    kept: dict[int, list[Mention]] = {}
    if earlier is not None:
        for index, mention in earlier.stops:
            kept.setdefault(index, []).append(mention)
    walk = Walk(f"“{one_line(query, 30)}”")
    walk.again = lambda now, listed, since: search_walk(now, query, listed, walk, since)
    for index in order:
        article = briefing.articles[index]
        if earlier is not None and index not in changed:
            hits = kept.get(index, [])
            walk.texts[index] = earlier.texts.get(index, article.blocks)
            more = index in earlier.cut
        else:
            hits, more = capped_hits(article, query)
            walk.texts[index] = article.blocks
        if more:
            walk.cut.add(index)
        walk.stops += [(index, m) for m in hits]
    return walk


def entity_walk(
    briefing: Briefing, name: str, aliases: list[str], article: int | None, order: Sequence[int]
) -> Walk:
    """The entity's mentions in `article`, or (None) in every article that names it, the
    articles in `order` (as listed)."""
    names = {name.casefold(), *(a.casefold() for a in aliases)}
    candidates = [article] if article is not None else order
    walk = Walk(name)
    walk.again = lambda now, listed, _: entity_walk(now, name, aliases, article, listed)
    for index in candidates:
        read = briefing.articles[index]
        walk.texts[index] = read.blocks
        if read.stage is not Stage.DONE:
            continue  # its entities may be those of its text before a reload or a cut
        for entity in read.entities or []:
            known = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
            if known & names and entity.mentions:
                walk.stops += [(index, m) for m in entity.mentions]
                break
    return walk
