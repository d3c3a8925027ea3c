"""Season words that name no one season: a verb ("prices fall", "from which hopes
spring"), a collapse ("after the fall of Rome"), a kind of thing ("a summer camp", "winter
storms"). A season told as a habit ("the old gym is cold in the winter") is `habits`'."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tui.pipeline.nlp import sentence_near, span_root
from tui.pipeline.timeline.grammar import (
    clause_tense,
    said_of_now,
    told_as_a_rule,
    under_an_infinitive,
)
from tui.pipeline.timeline.values import Tense
from tui.pipeline.timeline.vocab import (
    OF_A_THING,
    SEASON_KINDS,
    SEASON_MONTHS,
    SEASONS,
    market_or_results,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "The fall", and "after the fall" as our pattern of a preposition and a season takes it.
_THE_FALL = re.compile(r"(?:[a-z]+ )?(?:the )?fall", re.I)
# How a bare season hangs on the noun it classifies.
_KIND_DEPS = ("compound", "amod", "nmod")


def names_no_season(span: Span, text: str, after: str, anchor: date) -> bool:
    """Whether a span spaCy took for a season names none (`after`: the text that
    follows it; `anchor`: the story's day)."""
    words = [t for t in span if t.lower_ in SEASONS]
    if not words:
        return False
    if all(t.pos_ in ("VERB", "AUX") and not _joined_to_a_season(t) for t in words):
        # "When the leaves fall", "where new ideas spring from". (Joined to a
        # season, "over the summer and fall", it is one, whatever the tagger said.)
        return True
    if _THE_FALL.fullmatch(text) and OF_A_THING.match(after):
        return True  # "the fall of Rome" is a collapse; "the fall of 2004" the season
    if _a_kind_in_any_season(words[-1]):
        return True  # "winter wheat", "two summer dresses": a kind in any tense or season
    return _names_a_kind(span, anchor)


def _a_kind_in_any_season(word: Token) -> bool:
    """A season word right before a noun of `[season_kinds]` that it classifies."""
    head = word.head
    return (
        word.lower_ in SEASONS
        and word.dep_ in _KIND_DEPS
        and head.i == word.i + 1
        and (head.lower_ in SEASON_KINDS or head.lemma_.lower() in SEASON_KINDS)
    )


def _names_a_kind(span: Span, anchor: date) -> bool:
    """'Summer camp', 'winter storms', 'a perfect choice for any summer picnic': a bare
    season before a noun names a kind of thing. Told in the past it is most often the
    story's own ("delayed by cold winter weather"), as it is in a story written in that
    season ("rates steady in quiet summer trade" in August) or told of now ("the pass is
    now shut by winter weather"); told as ahead ("a deal before the summer break is
    likely") it is the coming one; and market news dates by it ("the autumn budget").
    Those stay dates."""
    if len(span) != 1:
        return False
    root = span_root(span)
    first, last = SEASON_MONTHS[SEASONS[root.lower_]]
    if first <= anchor.month <= last or (first > last and not last < anchor.month < first):
        return False
    if root.dep_ not in _KIND_DEPS or root.head.i <= root.i:
        return False
    if root.head.pos_ not in ("NOUN", "PROPN") or market_or_results(sentence_near(span)):
        return False
    if said_of_now(root):
        return False  # "the pass is now shut by winter weather": this winter's
    tense = clause_tense(span)
    if tense is Tense.FUTURE:
        # "Storms can close the pass", "towers need bracing to cope with winter
        # storms": a rule or a purpose looks ahead of no one time.
        return told_as_a_rule(root) or under_an_infinitive(root)
    return tense in (Tense.PRESENT, None)


def _joined_to_a_season(tok: Token) -> bool:
    return tok.dep_ == "conj" and tok.head.lower_ in SEASONS
