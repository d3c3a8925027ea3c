"""The briefing: one entity per real thing across articles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from tui.pipeline.entities.article import _aliases, _well_formed
from tui.pipeline.entities.gazetteer import COUNTRY_WEIGHT, company_weight, gazetteer_weight
from tui.pipeline.entities.grouping import names_an_elder, person_form_owners, without_suffix
from tui.pipeline.entities.keys import _abbreviations, _fold, _key
from tui.pipeline.entities.vocab import TYPE_PRIORITY, T
from tui.pipeline.model import BriefingEntity, Entity, EntityType


def _compatible(a: EntityType, b: EntityType) -> bool:
    return a == b or T.OTHER in (a, b)


def _town_not_country(name: str) -> bool:
    """A town's name is also a club's ("Barcelona"); a country's, only its national side."""
    return 0 < gazetteer_weight(name) < COUNTRY_WEIGHT


# Two kinds of thing one word may name at once, and when its lists say it does: "Jordan"
# the country and the player, "Amazon" the river and the firm, "Barcelona" the city and the
# club. Any other pair of kinds under one word is one thing its articles typed two ways
# ("Twitter" a person in one, a company in five; "Netherlands" a place and a Davis Cup side).
_KEPT_APART: dict[frozenset[EntityType], tuple[Callable[[str], object], ...]] = {
    frozenset({T.PERSON, T.PLACE}): (gazetteer_weight,),
    frozenset({T.PERSON, T.ORGANIZATION}): (company_weight,),
    frozenset({T.ORGANIZATION, T.PLACE}): (company_weight, _town_not_country),
}


def _one_thing(name: str, words: int, a: set[EntityType], b: set[EntityType]) -> bool:
    """Whether two groups of entities of one name (their keys agree), of the types `a` and
    `b`, are one thing. A name of more than one word is, whatever types their articles gave
    them: the model calls a full name a person in twenty articles and a facility or a place
    in a few, where the sentence around it misled it, and the briefing listed the one
    person three times. One word is unless the gazetteer or the company list says the word
    names two kinds of thing that the two groups are (`_KEPT_APART`)."""
    if words > 1:
        return True
    return not any(
        test(name)
        for x in a
        for y in b
        if not _compatible(x, y)
        for test in _KEPT_APART.get(frozenset({x, y}), ())
    )


class _Clusters:
    """Union-find over the briefing's (article, entity) items; the smaller index leads."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _join_same_names(items: list[tuple[int, Entity]], clusters: _Clusters, exp: dict) -> None:
    """Entities of one key join, as one thing (`_one_thing`): each joins the first earlier
    group it can, judged on all the types that group holds, so "Jordan" the player never
    reaches "Jordan" the country through a third article's "Jordan" the team."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for n, (_, entity) in enumerate(items):
        by_name[_key(entity.name, exp)].append(n)
    for members in by_name.values():
        types: dict[int, set[EntityType]] = {}  # cluster root -> its types
        for n in members:
            name = items[n][1].name
            mine = {items[n][1].type}
            root = next(
                (r for r in types if _one_thing(name, len(name.split()), types[r], mine)), None
            )
            if root is None:
                types[n] = mine
                continue
            clusters.union(root, n)
            joined = types.pop(root) | mine
            types[clusters.find(n)] = joined


def _join_aliases(items: list[tuple[int, Entity]], clusters: _Clusters, exp: dict) -> None:
    """An entity whose name is another's alias ("FT", "Lysak") joins it when exactly one
    entity claims that alias."""
    by_alias: dict[str, set[int]] = defaultdict(set)
    for n, (_, entity) in enumerate(items):
        for alias in entity.aliases:
            by_alias[_key(alias, exp)].add(clusters.find(n))
    for n, (_, entity) in enumerate(items):
        owners = {clusters.find(o) for o in by_alias.get(_key(entity.name, exp), set())}
        owners.discard(clusters.find(n))
        if len(owners) == 1:
            owner = owners.pop()
            if _compatible(items[owner][1].type, entity.type):
                clusters.union(owner, n)


def _join_person_forms(items: list[tuple[int, Entity]], clusters: _Clusters) -> None:
    """A name written with an initial for the given name of one person in the briefing
    ("P. de Vries" in one article, "Pieter de Vries" in another), or as a tail of the full
    name and typed a person, joins that person. Exactly one person must be written so:
    "J. Koval" beside "Anna Koval" and "Jan Koval" joins neither; never a place."""
    tails, initialled = person_form_owners(
        (clusters.find(n), entity.name)
        for n, (_, entity) in enumerate(items)
        if entity.type is T.PERSON
    )
    for n, (_, entity) in enumerate(items):
        form = _fold(entity.name)
        if form in initialled and entity.type is not T.PLACE:
            owners = {clusters.find(o) for o in initialled[form]}
        elif form in tails and entity.type in (T.PERSON, T.OTHER):
            owners = {clusters.find(o) for o in tails[form]}
        else:
            continue
        owners.discard(clusters.find(n))
        if len(owners) == 1:
            clusters.union(owners.pop(), n)


def _join_surnames(items: list[tuple[int, Entity]], clusters: _Clusters) -> None:
    """A lone surname or given name ("Trump", "Xi") joins the one person in the whole
    briefing whose full name ends or starts with it, whatever type its own article gave it
    (an article that never writes the full name often calls the surname an organisation).
    Decided over all articles at once, so it does not depend on how many are open."""
    people: dict[str, set[int]] = defaultdict(set)
    elders: set[str] = set()  # surnames of people named with "Sr.": a lone one is either
    for n, (_, entity) in enumerate(items):
        words = entity.name.split()
        if entity.type is T.PERSON and len(words) > 1:
            surname = _fold(without_suffix(words)[-1])
            people[surname].add(n)
            if names_an_elder(words):
                elders.add(surname)
            people[_fold(words[0])].add(n)
    alone: dict[str, set[int]] = defaultdict(set)  # a lone name -> the articles it stands in
    for index, entity in items:
        if len(entity.name.split()) == 1:
            alone[_fold(entity.name)].add(index)
    for n, (_, entity) in enumerate(items):
        if len(entity.name.split()) != 1 or entity.type is T.PLACE:
            continue
        if _fold(entity.name) in elders:
            continue
        if entity.type is T.ORGANIZATION and company_weight(entity.name):
            continue  # "Apple" the company, not Fiona Apple
        named = people.get(_fold(entity.name), set())
        if any(items[o][0] in alone[_fold(entity.name)] for o in named):
            # An article names the person in full and the lone name apart ("the carmaker
            # Ford" beside its chairman Bill Ford): in this briefing the word is another
            # thing's name too, so no lone "Ford" is taken for the man.
            continue
        owners = {clusters.find(o) for o in named}
        owners.discard(clusters.find(n))
        if len(owners) == 1:
            clusters.union(owners.pop(), n)


def _briefing_type(name: str, entities: list[tuple[int, Entity]]) -> EntityType:
    """The type most mentions vote for; "other" only when no article could say better."""
    if any(e.type is T.PERSON and len(e.name.split()) > 1 for _, e in entities):
        # A full name some article calls a person settles the thing: the surname's other
        # articles ("Assange" as an organisation) only failed to see it.
        return T.PERSON
    votes: Counter[EntityType] = Counter()
    for _, entity in entities:
        if entity.type is not T.OTHER:
            votes[entity.type] += entity.count
    if not votes:
        return T.OTHER
    top = max(votes.values())
    tied = [t for t in TYPE_PRIORITY if votes[t] == top]
    # "Netherlands" a place in two articles, a Davis Cup side in two: the gazetteer breaks
    # the tie, as it weighs in on each article's own vote.
    return T.PLACE if T.PLACE in tied and gazetteer_weight(name) else tied[0]


def _merged(entities: list[tuple[int, Entity]]) -> BriefingEntity:
    counts: dict[int, int] = defaultdict(int)
    for index, entity in entities:
        counts[index] += entity.count
    names = [re.sub(r"^the\s+", "", e.name) for _, e in entities]
    name = max(names, key=lambda s: (_well_formed(s), len(s), names.count(s)))
    _, first = min(entities, key=lambda ie: ie[0])
    surfaces = [s for _, e in entities for s in (e.name, *e.aliases)]
    return BriefingEntity(
        name=name,
        type=_briefing_type(name, entities),
        aliases=_aliases(name, surfaces),
        counts=dict(sorted(counts.items())),
        first_sentence=first.first_sentence,
    )


def merge_entities(per_article: Sequence[list[Entity] | None]) -> list[BriefingEntity]:
    """Merge each article's entities into one list; None marks an article not analysed.

    Two entities join when their names fold to the same key, unless one word names two
    kinds of thing that they are (`_one_thing`); an entity whose name is another's alias
    ("FT", "Lysak") joins it when exactly one entity claims that alias; a tail of a
    person's name, the name with an initial, or a lone surname joins the one person it
    names.
    """
    expansions = _abbreviations()
    items: list[tuple[int, Entity]] = [
        (index, entity)
        for index, entities in enumerate(per_article)
        if entities is not None
        for entity in entities
    ]
    clusters = _Clusters(len(items))
    _join_same_names(items, clusters, expansions)
    _join_aliases(items, clusters, expansions)
    _join_person_forms(items, clusters)
    _join_surnames(items, clusters)
    members: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        members[clusters.find(n)].append(n)
    merged = [_merged([items[n] for n in group]) for group in members.values()]
    merged.sort(key=lambda e: (-e.count, -len(e.counts), e.name.casefold()))
    return merged
