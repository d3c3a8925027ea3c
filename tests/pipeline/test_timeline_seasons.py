"""Season words that name no one season, on hand-built token trees (no spaCy): each token
has only what the rules read."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.pipeline.token_trees import Tok, span, tree
from tui.pipeline.timeline.seasons import names_no_season

NOVEMBER = date(2024, 11, 20)
AUGUST = date(2024, 8, 8)


def test_a_season_word_the_parse_calls_a_verb_is_no_season() -> None:
    text = "When the wind blows the leaves fall off."
    toks = tree(
        ("the", "DT", "det", "DET", 1),
        ("leaves", "NNS", "nsubj", "NOUN", 2),
        ("fall", "VBP", "ROOT", "VERB", None),
        ("off", "RP", "prt", "ADP", 2),
    )
    assert names_no_season(span(toks, 2, 2, text), "fall", " off.", NOVEMBER) is True


def test_the_fall_of_a_thing_is_a_collapse_and_the_fall_of_a_year_a_season() -> None:
    text = "Trade grew after the fall of the old regime."
    toks = tree(
        ("after", "IN", "prep", "ADP", None),
        ("the", "DT", "det", "DET", 2),
        ("fall", "NN", "pobj", "NOUN", 0),
    )
    words = span(toks, 0, 2, text)
    assert names_no_season(words, "after the fall", " of the old regime.", NOVEMBER) is True
    assert names_no_season(words, "after the fall", " of 2019.", NOVEMBER) is False
    assert names_no_season(words, "after the fall", " of that year.", NOVEMBER) is False


def _kind(verb_tag: str, sentence: str = "The camp offers summer courses.") -> list[Tok]:
    return tree(
        ("camp", "NN", "nsubj", "NOUN", 1),
        ("offers", verb_tag, "ROOT", "VERB", None),
        ("summer", "NN", "compound", "NOUN", 3),
        ("courses", "NNS", "dobj", "NOUN", 1),
    )


def test_a_bare_season_before_a_noun_names_a_kind_of_thing() -> None:
    text = "The camp offers summer courses."
    assert names_no_season(span(_kind("VBZ"), 2, 2, text), "summer", " courses.", NOVEMBER) is True


def test_a_season_kind_told_in_the_past_in_its_own_season_or_in_market_news_stays_a_date() -> None:
    text = "The camp offered summer courses."
    assert names_no_season(span(_kind("VBD"), 2, 2, text), "summer", " courses.", NOVEMBER) is False
    # Written in August, "summer courses" are this summer's.
    text = "The camp offers summer courses."
    assert names_no_season(span(_kind("VBZ"), 2, 2, text), "summer", " courses.", AUGUST) is False
    text = "The camp offers summer courses as its shares slide."
    assert names_no_season(span(_kind("VBZ"), 2, 2, text), "summer", " courses.", NOVEMBER) is False


def test_a_season_word_tagged_a_verb_but_joined_to_a_season_is_one() -> None:
    text = "The study will be conducted over the summer and fall."
    toks = tree(
        ("the", "DT", "det", "DET", 1),
        ("summer", "NN", "pobj", "NOUN", None),
        ("and", "CC", "cc", "CCONJ", 1),
        ("fall", "VB", "conj", "VERB", 1),
    )
    words = span(toks, 0, 3, text)
    assert names_no_season(words, "the summer and fall", ".", NOVEMBER) is False


def test_a_season_kind_in_a_clause_told_of_now_stays_a_date() -> None:
    text = "The pass is now shut by winter weather."
    toks = tree(
        ("pass", "NN", "nsubjpass", "NOUN", 3),
        ("is", "VBZ", "auxpass", "AUX", 3),
        ("now", "RB", "advmod", "ADV", 3),
        ("shut", "VBN", "ROOT", "VERB", None),
        ("by", "IN", "agent", "ADP", 3),
        ("winter", "NN", "compound", "NOUN", 6),
        ("weather", "NN", "pobj", "NOUN", 4),
    )
    assert names_no_season(span(toks, 5, 5, text), "winter", " weather.", NOVEMBER) is False
    toks[2].lower_ = "often"
    assert names_no_season(span(toks, 5, 5, text), "winter", " weather.", NOVEMBER) is True


def test_a_season_kind_told_as_ahead_is_the_coming_one_but_not_in_a_rule() -> None:
    def payments(modal: str) -> Any:
        text = f"Winter payments {modal} be cut."
        toks = tree(
            ("winter", "NN", "compound", "NOUN", 1),
            ("payments", "NNS", "nsubjpass", "NOUN", 4),
            (modal, "MD", "aux", "AUX", 4),
            ("be", "VB", "auxpass", "AUX", 4),
            ("cut", "VBN", "ROOT", "VERB", None),
        )
        return span(toks, 0, 0, text)

    assert names_no_season(payments("will"), "winter", " payments", NOVEMBER) is False
    assert names_no_season(payments("may"), "winter", " payments", NOVEMBER) is True


def test_a_season_kind_under_an_infinitive_of_purpose_is_no_date() -> None:
    text = "Towers need bracing to cope with winter storms."
    toks = tree(
        ("towers", "NNS", "nsubj", "NOUN", 1),
        ("need", "VBP", "ROOT", "VERB", None),
        ("bracing", "NN", "dobj", "NOUN", 1),
        ("to", "TO", "aux", "PART", 4),
        ("cope", "VB", "advcl", "VERB", 1),
        ("with", "IN", "prep", "ADP", 4),
        ("winter", "NN", "compound", "NOUN", 7),
        ("storms", "NNS", "pobj", "NOUN", 5),
    )
    assert names_no_season(span(toks, 6, 6, text), "winter", " storms.", NOVEMBER) is True


def test_a_season_before_a_noun_of_a_kind_in_any_season_names_no_season() -> None:
    # "Winter wheat", "two summer dresses": told in the past, or in their own season.
    text = "Farmers planted winter wheat early."
    toks = tree(
        ("farmers", "NNS", "nsubj", "NOUN", 1),
        ("planted", "VBD", "ROOT", "VERB", None),
        ("winter", "NN", "compound", "NOUN", 3),
        ("wheat", "NN", "dobj", "NOUN", 1),
    )
    winter = date(2024, 12, 20)
    for anchor in (NOVEMBER, winter):
        assert names_no_season(span(toks, 2, 2, text), "winter", " wheat early.", anchor) is True
    # Not a noun of `[season_kinds]`: a past season's storms are the story's own.
    toks[3].lower_ = toks[3].lemma_ = "storms"
    assert names_no_season(span(toks, 2, 2, text), "winter", " storms.", NOVEMBER) is False
