"""Season words that name no one season: a verb ("prices fall", "from which hopes
spring"), a collapse ("after the fall of Rome"), a kind of thing ("a summer camp", "winter
storms"), and a season told as a habit ("the old gym is cold in the winter"), which TIMEX3
writes as any year's ("XXXX-SU") and the timeline keeps with the other recurrences."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tui.pipeline.timeline.grammar import (
    clause_tense,
    habitual,
    said_of_now,
    told_as_a_rule,
    under_an_infinitive,
)
from tui.pipeline.timeline.values import Tense
from tui.pipeline.timeline.vocab import OF_A_THING, SEASON_MONTHS, SEASONS, market_or_results

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "The fall", and "after the fall" as our pattern of a preposition and a season takes it.
_THE_FALL = re.compile(r"(?:[a-z]+ )?(?:the )?fall", re.I)
# A season named with no word that picks out one of them ("this", "last", a year): "in the
# summer", "during winter", "in the late fall", "the winter months".
_ANY_SEASON = re.compile(
    r"(?:(?:in|during|through|throughout) )?"
    rf"(?:the )?(?:(?:early|late|mid) |mid-)?(?:{'|'.join(SEASONS)})(?: months)?",
    re.I,
)
# Prepositions that place a habit in a season: "hot in the summer", "closed during winter".
_HABIT_PREPOSITIONS = {"in", "during", "through", "throughout"}
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
    return _names_a_kind(span, anchor)


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
    root = span.root
    first, last = SEASON_MONTHS[SEASONS[root.lower_]]
    if first <= anchor.month <= last or (first > last and not last < anchor.month < first):
        return False
    if root.dep_ not in _KIND_DEPS or root.head.i <= root.i:
        return False
    if root.head.pos_ not in ("NOUN", "PROPN") or market_or_results(span.sent.text):
        return False
    if said_of_now(root):
        return False  # "the pass is now shut by winter weather": this winter's
    tense = clause_tense(span)
    if tense is Tense.FUTURE:
        # "Storms can close the pass", "towers need bracing to cope with winter
        # storms": a rule or a purpose looks ahead of no one time.
        return told_as_a_rule(root) or under_an_infinitive(root)
    return tense in (Tense.PRESENT, None)


def told_as_a_habit(span: Span, text: str) -> bool:
    """'The town uses twice the water in the summer', 'in the spring and autumn, extra
    guides are needed': a season with nothing to pick out one of them, where a simple
    present tells what happens whenever it comes round (`grammar.habitual`)."""
    if not _ANY_SEASON.fullmatch(text):
        return False
    season = next((t for t in span if t.lower_ in SEASONS), None)
    if season is None:
        return False  # "the winter months" taken as "months" alone
    if season.dep_ == "compound" and season.head.lower_ == "months":
        season = season.head  # "the winter months" hang on their "months"
    head = _first_conjunct(season)
    if head.dep_ != "pobj" or head.head.lower_ not in _HABIT_PREPOSITIONS:
        return False
    return habitual(season)


def _first_conjunct(tok: Token) -> Token:
    """'The spring' of "in the spring and fall" for "fall"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _joined_to_a_season(tok: Token) -> bool:
    return tok.dep_ == "conj" and tok.head.lower_ in SEASONS
