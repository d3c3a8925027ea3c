"""Dates told as a habit, on hand-built token trees (no spaCy): a bare season in a simple
present, and a bare season, month or holiday whose verb carries an adverb of habit."""

from __future__ import annotations

from tests.pipeline.token_trees import Tok, span, tree
from tui.pipeline.timeline.habits import all_year_round, told_as_a_habit


def _in_season(verb: str, tag: str, det: bool, lemma: str = "") -> list[Tok]:
    specs: list[tuple[str, str, str, str, int | None]] = [
        ("gym", "NN", "nsubj", "NOUN", 1),
        (verb, tag, "ROOT", "AUX" if verb in ("is", "was") else "VERB", None),
        ("in", "IN", "prep", "ADP", 1),
    ]
    if det:
        specs.append(("the", "DT", "det", "DET", 4))
    specs.append(("winter", "NN", "pobj", "NOUN", 2))
    toks = tree(*specs)
    toks[1].lemma_ = lemma or verb
    return toks


def _with_adverb(toks: list[Tok], adverb: str) -> list[Tok]:
    """The same tree with an adverb hung on its verb (the second word)."""
    verb = toks[1]
    verb.children.append(Tok(adverb, "RB", "advmod", "ADV", adverb, len(toks), verb))
    return toks


def test_a_season_in_a_simple_present_is_told_as_a_habit() -> None:
    toks = _in_season("is", "VBZ", det=True, lemma="be")
    assert told_as_a_habit(span(toks, 3, 4, "The gym is cold in the winter."), "the winter") is True
    toks = _in_season("closes", "VBZ", det=False, lemma="close")  # a schedule: the coming winter
    assert told_as_a_habit(span(toks, 3, 3, "The gym closes in winter."), "winter") is False
    toks = _in_season("was", "VBD", det=True, lemma="be")
    assert (
        told_as_a_habit(span(toks, 3, 4, "The gym was cold in the winter."), "the winter") is False
    )


def test_a_season_picked_out_by_a_word_is_no_habit() -> None:
    toks = _in_season("is", "VBZ", det=True)
    toks[3].lower_ = "this"
    assert (
        told_as_a_habit(span(toks, 3, 4, "The gym is cold in this winter."), "this winter") is False
    )


def test_a_season_told_in_the_past_as_what_was_usual_is_a_habit() -> None:
    text = "The gym was always cold in the winter."
    toks = _with_adverb(_in_season("was", "VBD", det=True, lemma="be"), "always")
    assert told_as_a_habit(span(toks, 3, 4, text), "the winter") is True


def test_a_season_told_in_the_past_as_often_is_one_season() -> None:
    # "In the winter the gym often flooded": how often within one winter.
    text = "The gym often flooded in the winter."
    toks = _with_adverb(_in_season("flooded", "VBD", det=True, lemma="flood"), "often")
    assert told_as_a_habit(span(toks, 3, 4, text), "the winter") is False


def _in_month(verb: str, tag: str, month: str = "May") -> list[Tok]:
    return tree(
        ("growers", "NNS", "nsubj", "NOUN", 1),
        (verb, tag, "ROOT", "VERB", None),
        ("in", "IN", "prep", "ADP", 1),
        (month, "NNP", "pobj", "PROPN", 2),
    )


def test_a_month_needs_a_word_of_habit_to_recur() -> None:
    # A simple present alone names the coming May as often ("the law takes effect in May").
    assert (
        told_as_a_habit(span(_in_month("pick", "VBP"), 3, 3, "Growers pick in May."), "May")
        is False
    )
    toks = _with_adverb(_in_month("pick", "VBP"), "usually")
    assert told_as_a_habit(span(toks, 3, 3, "Growers usually pick in May."), "May") is True
    toks = _with_adverb(_in_month("pick", "VBP", "mid-May"), "often")
    assert told_as_a_habit(span(toks, 3, 3, "Growers often pick in mid-May."), "in mid-May") is True


def test_a_month_told_in_the_past_as_often_is_one_month() -> None:
    toks = _with_adverb(_in_month("clashed", "VBD"), "often")
    assert told_as_a_habit(span(toks, 3, 3, "Growers often clashed in May."), "May") is False


def test_a_month_with_its_year_is_no_habit() -> None:
    toks = _with_adverb(_in_month("picked", "VBD"), "usually")
    assert (
        told_as_a_habit(span(toks, 3, 3, "Growers usually picked in May 2004."), "May 2004")
        is False
    )


def test_a_holiday_with_a_word_of_habit_recurs() -> None:
    toks = tree(
        ("i", "PRP", "nsubj", "PRON", 2),
        ("always", "RB", "advmod", "ADV", 2),
        ("cook", "VBP", "ROOT", "VERB", None),
        ("roast", "NN", "dobj", "NOUN", 2),
        ("for", "IN", "prep", "ADP", 2),
        ("christmas", "NNP", "pobj", "PROPN", 4),
    )
    text = "I always cook roast for Christmas."
    assert told_as_a_habit(span(toks, 4, 5, text), "for Christmas") is True
    toks[1].lower_ = "then"
    assert told_as_a_habit(span(toks, 4, 5, text), "for Christmas") is False


def test_a_progressive_with_an_adverb_of_how_often_tells_one_stretch() -> None:
    # "Prices are generally rising into May": this May, not every May.
    toks = tree(
        ("prices", "NNS", "nsubj", "NOUN", 3),
        ("are", "VBP", "aux", "AUX", 3),
        ("generally", "RB", "advmod", "ADV", 3),
        ("rising", "VBG", "ROOT", "VERB", None),
        ("into", "IN", "prep", "ADP", 3),
        ("may", "NNP", "pobj", "PROPN", 4),
    )
    text = "Prices are generally rising into May."
    assert told_as_a_habit(span(toks, 5, 5, text), "May") is False


def test_a_holiday_on_no_fixed_day_is_left_dated() -> None:
    # "Every Thanksgiving" is no one day of November, which is all a TIMEX3 set could say.
    toks = tree(
        ("we", "PRP", "nsubj", "PRON", 2),
        ("always", "RB", "advmod", "ADV", 2),
        ("met", "VBD", "ROOT", "VERB", None),
        ("at", "IN", "prep", "ADP", 2),
        ("thanksgiving", "NNP", "pobj", "PROPN", 3),
    )
    text = "We always met at Thanksgiving."
    assert told_as_a_habit(span(toks, 3, 4, text), "at Thanksgiving") is False


def test_a_month_in_a_clause_that_comes_round_each_year_recurs() -> None:
    # "The fair takes place annually in August"; "twice a year" hung on the verb too.
    toks = _with_adverb(_in_month("take", "VBP", "August"), "annually")
    assert told_as_a_habit(span(toks, 3, 3, "Fairs take place annually in August."), "August")
    toks = tree(
        ("twice", "RB", "advmod", "ADV", 3),
        ("a", "DT", "det", "DET", 2),
        ("year", "NN", "npadvmod", "NOUN", 0),
        ("holds", "VBZ", "ROOT", "VERB", None),
        ("in", "IN", "prep", "ADP", 3),
        ("march", "NNP", "pobj", "PROPN", 4),
    )
    assert told_as_a_habit(span(toks, 5, 5, "Twice a year the club holds in March."), "March")


def test_a_rate_a_year_is_no_yearly_habit() -> None:
    # "Earns $5 billion a year, said in March": "a year" alone is a rate.
    toks = tree(
        ("earns", "VBZ", "ROOT", "VERB", None),
        ("billion", "CD", "dobj", "NUM", 0),
        ("a", "DT", "det", "DET", 3),
        ("year", "NN", "npadvmod", "NOUN", 0),
        ("in", "IN", "prep", "ADP", 0),
        ("march", "NNP", "pobj", "PROPN", 4),
    )
    assert told_as_a_habit(span(toks, 5, 5, "Earns a billion a year in March."), "March") is False


def _all_year(verb: str, tag: str, aux: str | None = None) -> list[Tok]:
    # "Sales <aux> <verb> throughout the year."
    specs: list[tuple[str, str, str, str, int | None]] = [("sales", "NNS", "nsubj", "NOUN", 1)]
    if aux:
        specs = [("sales", "NNS", "nsubj", "NOUN", 2), (aux, "MD", "aux", "AUX", 2)]
    root = len(specs)
    specs += [
        (verb, tag, "ROOT", "VERB", None),
        ("throughout", "IN", "prep", "ADP", root),
        ("the", "DT", "det", "DET", root + 3),
        ("year", "NN", "pobj", "NOUN", root + 1),
    ]
    return tree(*specs)


def test_all_of_the_year_in_a_habit_is_no_one_year() -> None:
    toks = _all_year("run", "VBP")
    said = "throughout the year"
    assert all_year_round(span(toks, 3, 4), said)
    # Told in the past, or looking ahead, it is that year.
    assert not all_year_round(span(_all_year("rose", "VBD"), 3, 4), said)
    assert not all_year_round(span(_all_year("run", "VB", aux="will"), 4, 5), said)
    # "The year" alone is a year of the story whatever the verb.
    assert not all_year_round(span(toks, 3, 4), "the year")
