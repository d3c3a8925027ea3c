"""The grammar rules that read spaCy's parse, on hand-built token trees (no spaCy): each
token has only what the rules read (text, tag, lemma, dependency, head, children)."""

from __future__ import annotations

import pytest

from tests.pipeline.token_trees import Tok, span, tree
from tui.pipeline.timeline.grammar import (
    TENSE_RULES,
    habitual,
    in_a_clause_apart,
    tense_of,
    told_to_you_as_a_rule,
    under_a_perfect,
)
from tui.pipeline.timeline.values import Tense


def test_a_length_of_time_under_have_been_expected_to_is_under_a_perfect() -> None:
    # "leaders have been expected to sign a deal for a month"
    toks = tree(
        ("leaders", "NNS", "nsubjpass", "NOUN", "leader", 3),
        ("have", "VBP", "aux", "AUX", "have", 3),
        ("been", "VBN", "auxpass", "AUX", "be", 3),
        ("expected", "VBN", "ROOT", "VERB", "expect", None),
        ("to", "TO", "aux", "PART", "to", 5),
        ("sign", "VB", "xcomp", "VERB", "sign", 3),
        ("for", "IN", "prep", "ADP", "for", 5),
        ("month", "NN", "pobj", "NOUN", "month", 6),
    )
    assert under_a_perfect(span(toks, 7, 7)) is True  # type: ignore[arg-type]


def test_a_length_of_time_under_a_future_infinitive_is_not() -> None:
    # "they will try to stay for a month"
    toks = tree(
        ("they", "PRP", "nsubj", "PRON", "they", 2),
        ("will", "MD", "aux", "AUX", "will", 2),
        ("try", "VB", "ROOT", "VERB", "try", None),
        ("to", "TO", "aux", "PART", "to", 4),
        ("stay", "VB", "xcomp", "VERB", "stay", 2),
        ("for", "IN", "prep", "ADP", "for", 4),
        ("month", "NN", "pobj", "NOUN", "month", 5),
    )
    assert under_a_perfect(span(toks, 6, 6)) is False  # type: ignore[arg-type]


def _ranked_infinitive(rank: tuple[str, str, str, str], only: bool) -> list[Tok]:
    """'he was the (only) RANK to arrive on tuesday'."""
    words = [
        ("he", "PRP", "nsubj", "PRON", "he", 1),
        ("was", "VBD", "ROOT", "AUX", "be", None),
        ("the", "DT", "det", "DET", "the", 3 + only),
        *([("only", "JJ", "amod", "ADJ", "only", 4)] if only else []),
        (*rank, rank[0], 1),
        ("to", "TO", "aux", "PART", "to", 5 + only),
        ("arrive", "VB", "relcl", "VERB", "arrive", 3 + only),
        ("on", "IN", "prep", "ADP", "on", 5 + only),
        ("tuesday", "NNP", "pobj", "PROPN", "tuesday", 6 + only),
    ]
    return tree(*words)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "toks",
    [
        # "He was the first to arrive on Tuesday": what the first one did, in the past.
        _ranked_infinitive(("first", "JJ", "attr", "ADJ"), only=False),
        # "They were the only ones to vote on Tuesday"
        _ranked_infinitive(("ones", "NNS", "attr", "NOUN"), only=True),
    ],
)
def test_an_infinitive_on_a_rank_takes_the_past_of_its_clause(toks: list[Tok]) -> None:
    assert tense_of(span(toks, len(toks) - 1, len(toks) - 1)) is Tense.PAST  # type: ignore[arg-type]


def test_a_date_that_owns_a_noun_takes_no_tense_from_the_clause() -> None:
    # "the team will try to forget Sunday's loss"
    toks = tree(
        ("team", "NN", "nsubj", "NOUN", "team", 2),
        ("will", "MD", "aux", "AUX", "will", 2),
        ("try", "VB", "ROOT", "VERB", "try", None),
        ("to", "TO", "aux", "PART", "to", 4),
        ("forget", "VB", "xcomp", "VERB", "forget", 2),
        ("sunday", "NNP", "poss", "PROPN", "sunday", 6),
        ("loss", "NN", "dobj", "NOUN", "loss", 4),
    )
    assert tense_of(span(toks, 5, 5)) is None  # type: ignore[arg-type]
    # The same verb chain with the date as an adverb looks ahead.
    toks[5].dep_, toks[5].head = "npadvmod", toks[4]
    assert tense_of(span(toks, 5, 5)) is Tense.FUTURE  # type: ignore[arg-type]


def test_a_date_on_a_noun_after_since_lies_behind() -> None:
    # "the index will hold since the Oct. 13 market crash": the crash is over, whatever
    # the clause's tense; the date hangs on "market", which hangs on "crash".
    toks = tree(
        ("index", "NN", "nsubj", "NOUN", "index", 2),
        ("will", "MD", "aux", "AUX", "will", 2),
        ("hold", "VB", "ROOT", "VERB", "hold", None),
        ("since", "IN", "prep", "ADP", "since", 2),
        ("13", "CD", "compound", "NUM", "13", 5),
        ("market", "NN", "compound", "NOUN", "market", 6),
        ("crash", "NN", "pobj", "NOUN", "crash", 3),
    )
    assert tense_of(span(toks, 4, 4)) is Tense.PAST  # type: ignore[arg-type]
    # After another preposition the noun's date keeps no tense, as any noun's date.
    toks[3].lower_ = "after"
    assert tense_of(span(toks, 4, 4)) is None  # type: ignore[arg-type]


def test_a_date_something_was_put_off_to_looks_ahead() -> None:
    # "the hearing was adjourned until friday": ahead of the adjourning, which was recent.
    toks = tree(
        ("hearing", "NN", "nsubjpass", "NOUN", "hearing", 2),
        ("was", "VBD", "auxpass", "AUX", "be", 2),
        ("adjourned", "VBN", "ROOT", "VERB", "adjourn", None),
        ("until", "IN", "prep", "ADP", "until", 2),
        ("friday", "NNP", "pobj", "PROPN", "friday", 3),
    )
    assert tense_of(span(toks, 4, 4)) is Tense.REPORTED  # type: ignore[arg-type]
    # "has been adjourned until friday": ahead of now.
    toks[1].lower_, toks[1].tag_, toks[1].lemma_ = "has", "VBZ", "have"
    assert tense_of(span(toks, 4, 4)) is Tense.FUTURE  # type: ignore[arg-type]
    # Another verb keeps its tense: "the hearing was held until friday".
    toks[1].lower_, toks[1].tag_, toks[1].lemma_ = "was", "VBD", "be"
    toks[2].lemma_ = "hold"
    assert tense_of(span(toks, 4, 4)) is Tense.PAST  # type: ignore[arg-type]


def test_is_forecast_to_looks_ahead() -> None:
    # "the storm is forecast to hit on saturday"
    toks = tree(
        ("storm", "NN", "nsubjpass", "NOUN", "storm", 2),
        ("is", "VBZ", "auxpass", "AUX", "be", 2),
        ("forecast", "VBN", "ROOT", "VERB", "forecast", None),
        ("to", "TO", "aux", "PART", "to", 4),
        ("hit", "VB", "xcomp", "VERB", "hit", 2),
        ("on", "IN", "prep", "ADP", "on", 4),
        ("saturday", "NNP", "pobj", "PROPN", "saturday", 5),
    )
    assert tense_of(span(toks, 6, 6)) is Tense.FUTURE  # type: ignore[arg-type]


def test_a_date_inside_what_was_told_is_reported_not_past() -> None:
    # "saudi arabia told companies of a cutback in september": the cutback may lie ahead.
    toks = tree(
        ("arabia", "NNP", "nsubj", "PROPN", "arabia", 1),
        ("told", "VBD", "ROOT", "VERB", "tell", None),
        ("companies", "NNS", "dobj", "NOUN", "company", 1),
        ("of", "IN", "prep", "ADP", "of", 1),
        ("cutback", "NN", "pobj", "NOUN", "cutback", 3),
        ("in", "IN", "prep", "ADP", "in", 4),
        ("september", "NNP", "pobj", "PROPN", "september", 5),
    )
    assert tense_of(span(toks, 6, 6)) is Tense.REPORTED  # type: ignore[arg-type]
    # The telling's own date hangs on the verb: "told companies in september".
    toks[5].head = toks[1]
    assert tense_of(span(toks, 6, 6)) is Tense.PAST  # type: ignore[arg-type]


def test_a_date_on_where_something_was_told_is_the_tellings() -> None:
    # "the rise announced in the report in november": no object of the telling between.
    toks = tree(
        ("rise", "NN", "nsubj", "NOUN", "rise", 1),
        ("announced", "VBD", "ROOT", "VERB", "announce", None),
        ("in", "IN", "prep", "ADP", "in", 1),
        ("report", "NN", "pobj", "NOUN", "report", 2),
        ("in", "IN", "prep", "ADP", "in", 3),
        ("november", "NNP", "pobj", "PROPN", "november", 4),
    )
    assert tense_of(span(toks, 5, 5)) is Tense.PAST  # type: ignore[arg-type]


def test_a_date_in_a_clause_since_opens_lies_behind() -> None:
    # "since taking office in january, he has signed 30 orders": the perfect alone would
    # take the january nearest now, the coming one.
    toks = tree(
        ("since", "IN", "prep", "ADP", "since", 6),
        ("taking", "VBG", "pcomp", "VERB", "take", 0),
        ("office", "NN", "dobj", "NOUN", "office", 1),
        ("in", "IN", "prep", "ADP", "in", 1),
        ("january", "NNP", "pobj", "PROPN", "january", 3),
        ("he", "PRP", "nsubj", "PRON", "he", 6),
        ("signed", "VBN", "ROOT", "VERB", "sign", None),
        ("has", "VBZ", "aux", "AUX", "have", 6),
    )
    assert tense_of(span(toks, 4, 4)) is Tense.PAST  # type: ignore[arg-type]


def test_would_looks_ahead_of_a_saying_not_of_now() -> None:
    # "(he vowed that) Britain would leave on Oct. 31"
    toks = tree(
        ("britain", "NNP", "nsubj", "PROPN", "britain", 2),
        ("would", "MD", "aux", "AUX", "would", 2),
        ("leave", "VB", "ROOT", "VERB", "leave", None),
        ("on", "IN", "prep", "ADP", "on", 2),
        ("oct.", "NNP", "pobj", "PROPN", "oct.", 3),
    )
    assert tense_of(span(toks, 4, 4)) is Tense.REPORTED  # type: ignore[arg-type]
    # Other modals on a bare verb look ahead from now.
    toks[1].lower_ = "should"
    assert tense_of(span(toks, 4, 4)) is Tense.FUTURE  # type: ignore[arg-type]


def test_a_conjunct_without_auxiliaries_shares_its_heads() -> None:
    # "the town has been shelled and bombed for a month"
    toks = tree(
        ("town", "NN", "nsubjpass", "NOUN", "town", 3),
        ("has", "VBZ", "aux", "AUX", "have", 3),
        ("been", "VBN", "auxpass", "AUX", "be", 3),
        ("shelled", "VBN", "ROOT", "VERB", "shell", None),
        ("and", "CC", "cc", "CCONJ", "and", 3),
        ("bombed", "VBN", "conj", "VERB", "bomb", 3),
        ("for", "IN", "prep", "ADP", "for", 5),
        ("month", "NN", "pobj", "NOUN", "month", 6),
    )
    assert under_a_perfect(span(toks, 7, 7)) is True  # type: ignore[arg-type]
    assert tense_of(span(toks, 7, 7)) is Tense.PERFECT  # type: ignore[arg-type]


def test_a_bare_verb_that_is_also_a_past_with_a_singular_subject_is_past() -> None:
    # "weakness hurt the index on Friday": a present would be "hurts".
    toks = tree(
        ("weakness", "NN", "nsubj", "NOUN", "weakness", 1),
        ("hurt", "VBP", "ROOT", "VERB", "hurt", None),
        ("index", "NN", "dobj", "NOUN", "index", 1),
        ("on", "IN", "prep", "ADP", "on", 1),
        ("friday", "NNP", "pobj", "PROPN", "friday", 3),
    )
    assert tense_of(span(toks, 4, 4)) is Tense.PAST  # type: ignore[arg-type]
    # With a plural subject the bare form may be either; a verb of another past stays
    # present.
    toks[0].tag_ = "NNS"
    assert tense_of(span(toks, 4, 4)) is Tense.PRESENT  # type: ignore[arg-type]
    toks[0].tag_, toks[1].lower_ = "NN", "lifts"
    assert tense_of(span(toks, 4, 4)) is Tense.PRESENT  # type: ignore[arg-type]


def test_a_bare_form_with_a_subject_of_its_own_is_a_present() -> None:
    # "The Jets, who lost on Monday, face the Bills on Sunday": the tagger took "face"
    # for a bare infinitive (VB), which has no subject.
    toks = tree(
        ("jets", "NNPS", "nsubj", "PROPN", "jets", 1),
        ("face", "VB", "ROOT", "VERB", "face", None),
        ("bills", "NNPS", "dobj", "PROPN", "bills", 1),
        ("on", "IN", "prep", "ADP", "on", 1),
        ("sunday", "NNP", "pobj", "PROPN", "sunday", 3),
    )
    assert tense_of(span(toks, 4, 4)) is Tense.PRESENT  # type: ignore[arg-type]
    # A past of the same spelling with a singular subject stays past ("weakness hurt").
    toks[0].tag_, toks[1].lower_ = "NN", "hurt"
    assert tense_of(span(toks, 4, 4)) is Tense.PAST  # type: ignore[arg-type]
    # With an auxiliary it is a bare form indeed ("did not face", "to face").
    toks[0].tag_, toks[1].lower_ = "NNPS", "face"
    toks.insert(1, Tok("to", "TO", "aux", "PART", "to", 9, head=toks[1]))
    toks[2].children.append(toks[1])
    assert tense_of(span(toks, 5, 5)) is not Tense.PRESENT  # type: ignore[arg-type]


def test_a_simple_present_tells_a_habit() -> None:
    # "the old gym is cold in the winter"
    toks = tree(
        ("gym", "NN", "nsubj", "NOUN", "gym", 1),
        ("is", "VBZ", "ROOT", "AUX", "be", None),
        ("cold", "JJ", "acomp", "ADJ", "cold", 1),
        ("in", "IN", "prep", "ADP", "in", 1),
        ("winter", "NN", "pobj", "NOUN", "winter", 3),
    )
    assert habitual(toks[4]) is True  # type: ignore[arg-type]


def test_a_present_passive_and_do_support_tell_a_habit() -> None:
    # "extra guides are needed in the spring"
    toks = tree(
        ("guides", "NNS", "nsubjpass", "NOUN", "guide", 2),
        ("are", "VBP", "auxpass", "AUX", "be", 2),
        ("needed", "VBN", "ROOT", "VERB", "need", None),
        ("in", "IN", "prep", "ADP", "in", 2),
        ("spring", "NN", "pobj", "NOUN", "spring", 3),
    )
    assert habitual(toks[4]) is True  # type: ignore[arg-type]
    # "shops don't stock sledges in winter"
    toks = tree(
        ("shops", "NNS", "nsubj", "NOUN", "shop", 3),
        ("do", "VBP", "aux", "AUX", "do", 3),
        ("n't", "RB", "neg", "PART", "not", 3),
        ("stock", "VB", "ROOT", "VERB", "stock", None),
        ("in", "IN", "prep", "ADP", "in", 3),
        ("winter", "NN", "pobj", "NOUN", "winter", 4),
    )
    assert habitual(toks[5]) is True  # type: ignore[arg-type]


def test_a_conjunct_shares_the_habit_of_its_head() -> None:
    # "prices rise in spring and fall in autumn"
    toks = tree(
        ("prices", "NNS", "nsubj", "NOUN", "price", 1),
        ("rise", "VBP", "ROOT", "VERB", "rise", None),
        ("and", "CC", "cc", "CCONJ", "and", 1),
        ("fall", "VB", "conj", "VERB", "fall", 1),
        ("in", "IN", "prep", "ADP", "in", 3),
        ("autumn", "NN", "pobj", "NOUN", "autumn", 4),
    )
    assert habitual(toks[5]) is True  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("verb", "tag", "lemma", "aux"),
    [
        ("opens", "VBZ", "open", None),  # a schedule: "the terminal opens in the spring"
        ("review", "VB", "review", ("will", "MD")),  # a future
        ("slipping", "VBG", "slip", ("are", "VBP")),  # a progressive: this one
        ("repaired", "VBD", "repair", None),  # a past
    ],
)
def test_a_schedule_a_future_a_progressive_or_a_past_tells_no_habit(
    verb: str, tag: str, lemma: str, aux: tuple[str, str] | None
) -> None:
    specs: list[tuple[str, str, str, str, str, int | None]] = [
        ("it", "PRP", "nsubj", "PRON", "it", 2)
    ]
    if aux:
        specs.append((*aux, "aux", "AUX", aux[0], 2))
    else:
        specs.append(("then", "RB", "advmod", "ADV", "then", 2))
    specs += [
        (verb, tag, "ROOT", "VERB", lemma, None),
        ("in", "IN", "prep", "ADP", "in", 2),
        ("spring", "NN", "pobj", "NOUN", "spring", 3),
    ]
    toks = tree(*specs)
    assert habitual(toks[4]) is False  # type: ignore[arg-type]


def _ruling_after_a_hearing() -> list[Tok]:
    # "ruling announced at 2 p.m. after a hearing that began Tuesday was welcomed"
    return tree(
        ("ruling", "NN", "nsubjpass", "NOUN", "ruling", 11),
        ("announced", "VBD", "acl", "VERB", "announce", 0),
        ("at", "IN", "prep", "ADP", "at", 1),
        ("2", "CD", "nummod", "NUM", "2", 4),
        ("p.m.", "NN", "pobj", "NOUN", "p.m.", 2),
        ("after", "IN", "prep", "ADP", "after", 1),
        ("hearing", "NN", "pobj", "NOUN", "hearing", 5),
        ("that", "WDT", "nsubj", "PRON", "that", 8),
        ("began", "VBD", "relcl", "VERB", "begin", 6),
        ("Tuesday", "NNP", "npadvmod", "PROPN", "Tuesday", 8),
        ("was", "VBD", "auxpass", "AUX", "be", 11),
        ("welcomed", "VBN", "ROOT", "VERB", "welcome", None),
    )


def test_a_day_in_a_clause_describing_a_noun_is_apart_from_the_clock() -> None:
    toks = _ruling_after_a_hearing()
    assert in_a_clause_apart(toks[9], toks[4]) is True  # type: ignore[arg-type]
    # The clock is in the clause the day's clause hangs from, not apart from it.
    assert in_a_clause_apart(toks[4], toks[9]) is False  # type: ignore[arg-type]


def _two_verbs(second_has_a_subject: bool) -> list[Tok]:
    # "officials counted at 3 a.m. and (they) met on Tuesday"
    they = [("they", "PRP", "nsubj", "PRON", "they", 6)] if second_has_a_subject else []
    verb = 6 if second_has_a_subject else 5
    return tree(
        ("officials", "NNS", "nsubj", "NOUN", "official", 1),
        ("counted", "VBD", "ROOT", "VERB", "count", None),
        ("at", "IN", "prep", "ADP", "at", 1),
        ("a.m.", "NN", "pobj", "NOUN", "a.m.", 2),
        ("and", "CC", "cc", "CCONJ", "and", 1),
        *they,
        ("met", "VBD", "conj", "VERB", "meet", 1),
        ("on", "IN", "prep", "ADP", "on", verb),
        ("Tuesday", "NNP", "pobj", "PROPN", "Tuesday", verb + 1),
    )


def test_a_day_and_a_clock_under_verbs_of_one_subject_are_one_clause() -> None:
    toks = _two_verbs(second_has_a_subject=False)
    assert in_a_clause_apart(toks[7], toks[3]) is False  # type: ignore[arg-type]


def test_a_day_in_a_clause_with_its_own_subject_tells_of_another_event() -> None:
    toks = _two_verbs(second_has_a_subject=True)
    assert in_a_clause_apart(toks[8], toks[3]) is True  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("aux", "lemma"), [("'m", "be"), ("\u2019m", "\u2019m"), ("\u2019re", "\u2019re")]
)
def test_a_present_progressive_with_a_contracted_be_looks_ahead(aux: str, lemma: str) -> None:
    # "I'm flying out Saturday", "we’re meeting him Tuesday": spaCy may leave a curly
    # contraction's lemma as written.
    toks = tree(
        ("i", "PRP", "nsubj", "PRON", "i", 2),
        (aux, "VBP", "aux", "AUX", lemma, 2),
        ("flying", "VBG", "ROOT", "VERB", "fly", None),
        ("saturday", "NNP", "npadvmod", "PROPN", "saturday", 2),
    )
    assert tense_of(span(toks, 3, 3)) is Tense.FUTURE  # type: ignore[arg-type]


def test_a_curly_will_is_future() -> None:
    # "She\u2019ll arrive Saturday"
    toks = tree(
        ("she", "PRP", "nsubj", "PRON", "she", 2),
        ("\u2019ll", "MD", "aux", "AUX", "\u2019ll", 2),
        ("arrive", "VB", "ROOT", "VERB", "arrive", None),
        ("saturday", "NNP", "npadvmod", "PROPN", "saturday", 2),
    )
    assert tense_of(span(toks, 3, 3)) is Tense.FUTURE  # type: ignore[arg-type]


def _holiday_on_monday_when(aux: tuple[str, str, str], xcomp: bool = False) -> list[Tok]:
    """'figures will include the holiday on monday when the exchange AUX closed (to ...)'."""
    return tree(  # type: ignore[arg-type]
        ("figures", "NNS", "nsubj", "NOUN", "figure", 2),
        ("will", "MD", "aux", "AUX", "will", 2),
        ("include", "VB", "ROOT", "VERB", "include", None),
        ("holiday", "NN", "dobj", "NOUN", "holiday", 2),
        ("on", "IN", "prep", "ADP", "on", 3),
        ("monday", "NNP", "pobj", "PROPN", "monday", 4),
        ("when", "WRB", "advmod", "ADV", "when", 9),
        ("exchange", "NN", "nsubjpass", "NOUN", "exchange", 9),
        (aux[0], aux[1], "auxpass", "AUX", aux[2], 9),
        ("closed", "VBN", "relcl", "VERB", "close", 3),
        *([("due", "JJ", "acomp", "ADJ", "due", 9)] if xcomp else []),
    )


def test_a_past_when_clause_on_the_days_noun_puts_the_day_behind() -> None:
    assert tense_of(span(_holiday_on_monday_when(("was", "VBD", "be")), 5, 5)) is Tense.PAST  # type: ignore[arg-type]
    # A present one ("when the exchange is closed") says nothing of its own: the future
    # of the clause around stands.
    present = _holiday_on_monday_when(("is", "VBZ", "be"))
    assert tense_of(span(present, 5, 5)) is Tense.FUTURE  # type: ignore[arg-type]
    # Nor one that looked ahead from then ("was due to close").
    ahead = _holiday_on_monday_when(("was", "VBD", "be"), xcomp=True)
    assert tense_of(span(ahead, 5, 5)) is Tense.FUTURE  # type: ignore[arg-type]


def test_every_tense_rule_has_a_name_of_its_own_and_a_reason() -> None:
    names = [rule.name for rule in TENSE_RULES]
    assert len(names) == len(set(names))
    assert all(rule.reason for rule in TENSE_RULES)


def _act_after_a_past_verb(aux_tag: str, prep: str) -> list[Tok]:
    """'he pleaded guilty to threatening to kill her in march', with the past verb's
    tense and the preposition varied."""
    return tree(  # type: ignore[arg-type]
        ("he", "PRP", "nsubj", "PRON", "he", 1),
        ("pleaded", aux_tag, "ROOT", "VERB", "plead", None),
        ("guilty", "JJ", "acomp", "ADJ", "guilty", 1),
        (prep, "IN", "prep", "ADP", prep, 1),
        ("threatening", "VBG", "pcomp", "VERB", "threaten", 3),
        ("to", "TO", "aux", "PART", "to", 6),
        ("kill", "VB", "xcomp", "VERB", "kill", 4),
        ("her", "PRP", "dobj", "PRON", "she", 6),
        ("in", "IN", "prep", "ADP", "in", 6),
        ("march", "NNP", "pobj", "PROPN", "march", 8),
    )


def test_what_a_past_act_was_to_do_is_told_in_its_time() -> None:
    # The threat was made in March: the gerund names an act a past verb holds against
    # him, so "in March" on the infinitive under it is in the past, not ahead.
    toks = _act_after_a_past_verb("VBD", "to")
    assert tense_of(span(toks, 9, 9)) is Tense.PAST  # type: ignore[arg-type]


@pytest.mark.parametrize(("aux_tag", "prep"), [("VBZ", "to"), ("VBD", "about")])
def test_an_act_not_told_in_the_past_keeps_the_infinitives_prospect(
    aux_tag: str, prep: str
) -> None:
    # "He pleads guilty to threatening to ..." is no past; "talked about trying to ..."
    # tells a plan, and its infinitive still looks ahead of the talk.
    toks = _act_after_a_past_verb(aux_tag, prep)
    assert tense_of(span(toks, 9, 9)) is not Tense.PAST  # type: ignore[arg-type]


def _costs_over_the_next_years(owner: str, modal: str, perfect: bool) -> list[Tok]:
    """'handling MODAL (have) increase(d) OWNER costs over the next years'."""
    verb = ("increased", "VBN") if perfect else ("increase", "VB")
    at = 2 + perfect  # where the verb stands
    return tree(
        ("handling", "NN", "nsubj", "NOUN", "handling", at),
        (modal, "MD", "aux", "AUX", modal, at),
        *([("have", "VB", "aux", "AUX", "have", at)] if perfect else []),
        (verb[0], verb[1], "ROOT", "VERB", "increase", None),
        (owner, "PRP$", "poss", "PRON", owner, at + 2),
        ("costs", "NNS", "dobj", "NOUN", "cost", at),
        ("over", "IN", "prep", "ADP", "over", at),
        ("the", "DT", "det", "DET", "the", at + 6),
        ("next", "JJ", "amod", "ADJ", "next", at + 6),
        ("years", "NNS", "pobj", "NOUN", "year", at + 3),
    )


@pytest.mark.parametrize(
    ("owner", "modal", "perfect", "told"),
    [
        ("your", "can", False, True),  # what can happen to the reader, whenever it does
        ("its", "could", False, False),  # a forecast for one company: from the story's day
        ("your", "will", False, False),  # no rule, a prediction
        ("your", "may", True, False),  # "may have increased": a guess at the past
    ],
)
def test_a_rule_told_to_you_places_no_length_from_the_story(
    owner: str, modal: str, perfect: bool, told: bool
) -> None:
    toks = _costs_over_the_next_years(owner, modal, perfect)
    assert told_to_you_as_a_rule(toks[-1]) is told  # type: ignore[arg-type]
