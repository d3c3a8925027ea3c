"""The briefing: one entity per real thing across articles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from tui.pipeline.entities.article import _aliases, _well_formed
from tui.pipeline.entities.keys import _abbreviations, _key
from tui.pipeline.entities.vocab import TYPE_PRIORITY, T
from tui.pipeline.model import BriefingEntity, Entity, EntityType


def _compatible(a: EntityType, b: EntityType) -> bool:
    return a == b or T.OTHER in (a, b)


def merge_entities(per_article: Sequence[list[Entity] | None]) -> list[BriefingEntity]:
    """Merge each article's entities into one list; None marks an article not analysed.

    Two entities join when their names fold to the same key and their types agree (or one
    is "other"); an entity whose name is another's alias ("FT", "Lysak") joins it when
    exactly one entity claims that alias.
    """
    expansions = _abbreviations()
    items: list[tuple[int, Entity]] = [
        (index, entity)
        for index, entities in enumerate(per_article)
        if entities is not None
        for entity in entities
    ]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    by_name: dict[str, list[int]] = defaultdict(list)
    for n, (_, entity) in enumerate(items):
        by_name[_key(entity.name, expansions)].append(n)
    for members in by_name.values():
        for pos, n in enumerate(members[1:], 1):
            earlier = [m for m in members[:pos] if _compatible(items[n][1].type, items[m][1].type)]
            if earlier:
                union(earlier[0], n)
    by_alias: dict[str, set[int]] = defaultdict(set)
    for n, (_, entity) in enumerate(items):
        for alias in entity.aliases:
            by_alias[_key(alias, expansions)].add(find(n))
    for n, (_, entity) in enumerate(items):
        owners = {find(o) for o in by_alias.get(_key(entity.name, expansions), set())}
        owners.discard(find(n))
        if len(owners) == 1:
            owner = owners.pop()
            if _compatible(items[owner][1].type, entity.type):
                union(owner, n)

    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        clusters[find(n)].append(n)
    merged = []
    for members in clusters.values():
        entities = [items[n] for n in members]
        counts: dict[int, int] = defaultdict(int)
        type_votes: Counter[EntityType] = Counter()
        for index, entity in entities:
            counts[index] += entity.count
            type_votes[entity.type] += entity.count
        names = [re.sub(r"^the\s+", "", e.name) for _, e in entities]
        name = max(names, key=lambda s: (_well_formed(s), len(s), names.count(s)))
        # "other" only when no article could say better.
        specific: dict[EntityType, int] = {t: v for t, v in type_votes.items() if t is not T.OTHER}
        type_ = T.OTHER
        if specific:
            top = max(specific.values())
            type_ = next(t for t in TYPE_PRIORITY if specific.get(t) == top)
        _, first = min(entities, key=lambda ie: ie[0])
        surfaces = [s for _, e in entities for s in (e.name, *e.aliases)]
        merged.append(
            BriefingEntity(
                name=name,
                type=type_,
                aliases=_aliases(name, surfaces),
                counts=dict(sorted(counts.items())),
                first_sentence=first.first_sentence,
            )
        )
    merged.sort(key=lambda e: (-e.count, -len(e.counts), e.name.casefold()))
    return merged
