"""Typing: one type for a whole entity from its mentions' votes, the kind words inside its
name and the gazetteer's prior."""

from __future__ import annotations

import math
from collections import Counter

from tui.pipeline.entities.gazetteer import _demonym, company_weight, gazetteer_weight
from tui.pipeline.entities.mentions import Votes, _Group
from tui.pipeline.entities.vocab import (
    CUE,
    EVENT_NAME_WORDS,
    FACILITY_NAME_WORDS,
    FUNCTION_WORDS,
    LAW_NAME_WORDS,
    NOT_IN_PERSON_NAMES,
    NOT_SURNAMES,
    ORG_NAME_WORDS,
    PLACE_NAME_WORDS,
    PRODUCT_HEADS,
    TYPE_PRIORITY,
    T,
)  # fmt: skip
from tui.pipeline.model import EntityType


def _gazetteer_votes(group: _Group) -> float:
    """The gazetteer's word on the entity's fullest names: a surname that is also a town
    ("Marcel Granollers" -> Granollers) says nothing about the person."""
    best = 0.0
    surfaces = set(group.surfaces())
    most_words = max(len(s.split()) for s in surfaces)
    for surface in surfaces:
        if len(surface.split()) < most_words:
            continue
        words = surface.split()
        # All-caps words are acronyms ("EU"), not the town that happens to share the letters.
        if len(words) > 4 or any(len(w) > 1 and w.isupper() for w in words):
            continue
        if not words[0][:1].isupper() or not all(
            w[:1].isupper() or w in FUNCTION_WORDS for w in words
        ):
            continue
        best = max(best, gazetteer_weight(surface))
    return best


def _company_votes(group: _Group) -> float:
    """The company list's word on the entity's fullest names ("Shell", "BASF")."""
    surfaces = set(group.surfaces())
    most_words = max(len(s.split()) for s in surfaces)
    return max((company_weight(s) for s in surfaces if len(s.split()) == most_words), default=0.0)


def _head(words: list[str]) -> str:
    """The head of a name's folded words: "gulf" of "Gulf of Aden", "sea" of "Red Sea"."""
    return words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]


def _kind_of_name(words: list[str]) -> T | None:
    """The kind a name's own words give it, if any: a place, a law, an event, a facility,
    a body."""
    if _head(words) in PLACE_NAME_WORDS:
        return T.PLACE
    if _head(words) in LAW_NAME_WORDS:
        return T.OTHER
    if _head(words) in EVENT_NAME_WORDS:
        return T.EVENT
    if words[-1] in FACILITY_NAME_WORDS:
        return T.FACILITY
    if any(w in ORG_NAME_WORDS for w in words):
        return T.ORGANIZATION
    return None


def _folded_words(words: list[str]) -> list[str]:
    return [w.lower().strip(".,") for w in words]


def _name_word_votes(group: _Group) -> Votes:
    """Votes from kind words inside the longest surface ("... Times", "Gulf of ...")."""
    votes = Votes()
    longest = max(group.surfaces(), key=len)
    words = _folded_words(longest.split())
    if len(words) < 2:
        if _demonym(longest):
            # A nationality is never a place, however often spaCy says GPE.
            votes[T.GROUP] += CUE * len(group.mentions)
        return votes
    kind = _kind_of_name(words)
    if kind is not None:
        votes[kind] += CUE
    return votes


# A first word in capitals of at least this many letters is an acronym ("FNV Havens", "BBC
# Verify"); two are often a person's initials ("JD Vance", "AJ Styles").
ACRONYM_LETTERS = 3


def _acronym_first(words: list[str]) -> bool:
    """Does the name open on an acronym, not shout its words (every one in capitals)?"""
    first = words[0].replace(".", "")
    return (
        len(first) >= ACRONYM_LETTERS
        and first.isalpha()
        and first.isupper()
        and not all(w.isupper() for w in words)
    )


def _no_person_names(votes: Votes, group: _Group, words: list[str]) -> None:
    """Move the model's PERSON votes where a person's name cannot be: "Reporters Without
    Borders" (a small word inside) and "FNV Havens" (an acronym first) are bodies;
    "Nintendo Switch", "RAV4 Hybrid", "Mac Pro" (a company's name first, a digit, a
    product's last word) are products; "the Steelers" (one word the text puts after "the")
    is no person; nor is a name whose head is a kind no surname shares ("Sarah Lawrence
    College")."""
    folded = _folded_words(words)
    kind = _kind_of_name(folded) if len(folded) > 1 else None
    if group.common_words:
        votes[kind or T.OTHER] += votes.pop(T.PERSON)  # a thing named in common words
    elif kind is not None and _head(folded) in NOT_SURNAMES:
        votes[kind] += votes.pop(T.PERSON)
    elif any(w.lower() in NOT_IN_PERSON_NAMES for w in words[1:-1]) or _acronym_first(words):
        votes[T.ORGANIZATION] += votes.pop(T.PERSON)
    elif (
        any(c.isdigit() for w in words for c in w)
        or (len(words) > 1 and company_weight(words[0]))
        or (len(folded) > 1 and folded[-1] in PRODUCT_HEADS)
    ):
        votes[T.OTHER] += votes.pop(T.PERSON)  # a product
    elif len(words) == 1 and any(m.after_the for m in group.mentions):
        # "the Steelers", "the Pentagon": no person. The other votes say what it is when
        # they are more than a stray cue ("the Moon", which spaCy calls a person, is a
        # place by its other mentions); else it is a team, a band or a body.
        person = votes.pop(T.PERSON)
        rest = max(votes, key=lambda t: votes[t], default=T.ORGANIZATION)
        said = votes.get(rest, 0.0) >= max(CUE, person / 2)
        votes[rest if said else T.ORGANIZATION] += person


def votes_it_brings(group: _Group) -> Votes:
    """The votes a short form brings to the longer name it joins, without the person's
    that the name's own words rule out ("the Steelers" brings no PERSON vote to Pittsburgh
    Steelers, whose longer name says nothing against one)."""
    votes = Votes(group.votes)
    if votes.get(T.PERSON):
        _no_person_names(votes, group, max(group.surfaces(), key=len).split())
    return votes


def _type_of(group: _Group) -> tuple[EntityType, float]:
    """One type for the whole entity: the heaviest vote, with the gazetteer's prior."""
    ruled = Counter(m.ruler_type for m in group.mentions if m.ruler_type is not None)
    if ruled:
        # Our curated table knows better than any statistical vote.
        return ruled.most_common(1)[0][0], 0.0
    longest_surface = max(group.surfaces(), key=len)
    if " " in longest_surface and _demonym(longest_surface):
        # "Sri Lankan", "South Africans": a nationality of a country of several words, which
        # spaCy calls a person, a team's ("the Sri Lankan captain") or a place; no cue or
        # count of labels makes it one.
        return T.GROUP, 0.0
    votes = Votes(group.votes)
    votes.add(_name_word_votes(group))
    if group.given_name:
        # As firm as a cue, growing slowly with mentions like the gazetteer's prior: a given
        # name outweighs spaCy's ORG on a name or two. On a name met once, one cue of the
        # text's that calls it a body only ties it, and a tie goes to the person
        # (TYPE_PRIORITY): "Piper Jaffray analyst" stays a person.
        votes[T.PERSON] += CUE * math.sqrt(len(group.mentions))
    longest = longest_surface.split()
    if votes.get(T.PERSON):
        _no_person_names(votes, group, longest)
    strong = Counter(m.strong for m in group.mentions if m.strong is not None)
    place = _gazetteer_votes(group)
    if place and strong and strong.most_common(1)[0][0] is not T.PLACE:
        # The text says what the name is ("the tanker Eagle Rock", "(Meridian) -"): that
        # a town somewhere shares the name is no evidence against it.
        place = 0.0
    company = _company_votes(group) if not strong else 0.0
    if place:
        # A prior per entity that grows slowly with mentions, so a person who shares a
        # town's name ("Lincoln") still wins on the evidence of many PERSON mentions.
        votes[T.PLACE] += place * math.sqrt(len(group.mentions))
    if company:
        votes[T.ORGANIZATION] += company * math.sqrt(len(group.mentions))
    if not votes:
        return T.OTHER, place
    best = max(votes.values())
    for type_ in TYPE_PRIORITY:
        if votes.get(type_, 0.0) == best:
            return type_, place
    return T.OTHER, place
