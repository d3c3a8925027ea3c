"""Dates told as a habit: a season, month or holiday named with no word that picks out one
of them, in a clause that tells what happens whenever it comes round ("the old gym is cold
in the winter", "growers usually pick in mid-May", "I always cook a roast for
Christmas"). TIMEX3 writes these as any year's ("XXXX-SU", "XXXX-05", "XXXX-12-25") and
the timeline keeps them with the other recurrences (`sets.every_year`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.pipeline.nlp import span_root
from tui.pipeline.timeline.grammar import habitual, told_as_usual, told_each_year
from tui.pipeline.timeline.vocab import (
    EARLY_MID_LATE_RE,
    FIXED_HOLIDAYS,
    MONTH_RE,
    SEASONS,
    normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# A season named with no word that picks out one of them ("this", "last", a year): "in the
# summer", "during winter", "in the late fall", "the winter months".
_ANY_SEASON = re.compile(
    rf"(?:(?:in|during|through|throughout) )?(?:the )?{EARLY_MID_LATE_RE}"
    rf"(?:{'|'.join(SEASONS)})(?: months)?",
    re.I,
)
# A month or holiday named bare: "in mid-May", "through late June", "for Christmas".
_ANY_MONTH = re.compile(
    rf"(?:(?:in|during|through|throughout|until|by) )?{EARLY_MID_LATE_RE}{MONTH_RE}", re.I
)
# The holiday season named with no word that picks out one ("during the Christmas season").
_ANY_HOLIDAY_SEASON = re.compile(
    r"(?:(?:in|during|through|throughout|over) )?(?:the )?(?:holiday|christmas|festive) season",
    re.I,
)
_BEFORE_A_HOLIDAY = re.compile(r"^(?:at|for|on|over|around|by|until|before|after) ")
# Prepositions that place a habit in a season: "hot in the summer", "closed during winter".
_HABIT_PREPOSITIONS = {"in", "during", "through", "throughout"}


def told_as_a_habit(span: Span, text: str) -> bool:
    """Whether a date spaCy found as `span` (our expression `text`) is told as a habit: a
    bare season in a simple present (`grammar.habitual`) or in a clause told as usual
    (`grammar.told_as_usual`) or told as coming round each year (`grammar.told_each_year`:
    "annually in August", "twice a year, in March and September"); a bare month or fixed
    holiday only in the latter two, since a simple present with a month is as often the
    coming one ("the law takes effect in May")."""
    root = span_root(span)
    if _ANY_SEASON.fullmatch(text):
        return _a_season_told_as_a_habit(span) or told_each_year(root)
    if _ANY_HOLIDAY_SEASON.fullmatch(text):
        # "Care for your tree will determine its freshness during the Christmas season":
        # any year's, in a simple present or a clause told as usual.
        return habitual(root) or told_as_usual(root) or told_each_year(root)
    if _ANY_MONTH.fullmatch(text) or _a_holiday(text):
        return told_as_usual(root) or told_each_year(root)
    return False


# All of a year, whichever: "throughout the year", "all year round", "year-round".
_ALL_YEAR = re.compile(
    r"(?:(?:throughout|through|all|during|round) the year|all year(?: round| long)?"
    r"|year[- ]round)$",
    re.I,
)


def all_year_round(span: Span, said: str) -> bool:
    """Whether the year a date spaCy found as `span` names is all of any year, told as a
    habit (`said`: the expression with the words before it): "Throughout the year, the
    firm works to keep its network reliable", "the park is open all year round". Not a
    story's year: "sales rose throughout the year", "events will be held throughout the
    year"."""
    if _ALL_YEAR.search(said) is None:
        return False
    root = span_root(span)
    return habitual(root) or told_as_usual(root)


def _a_holiday(text: str) -> bool:
    """A holiday on the same day every year: "every Thanksgiving" is no one day of November,
    which is all a set of TIMEX3's could say of it."""
    return _BEFORE_A_HOLIDAY.sub("", normalise(text)) in FIXED_HOLIDAYS


def _a_season_told_as_a_habit(span: Span) -> bool:
    season = next((t for t in span if t.lower_ in SEASONS), None)
    if season is None:
        return False  # "the winter months" taken as "months" alone
    if season.dep_ == "compound" and season.head.lower_ == "months":
        season = season.head  # "the winter months" hang on their "months"
    head = _first_conjunct(season)
    if head.dep_ != "pobj" or head.head.lower_ not in _HABIT_PREPOSITIONS:
        return False
    return habitual(season) or told_as_usual(season)


def _first_conjunct(tok: Token) -> Token:
    """'The spring' of "in the spring and fall" for "fall"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok
