"""The grammar around an expression, read from spaCy's parse: the tense and aspect of the
verb that governs it, and the preposition before it. These decide between the
occurrences of a name ("Friday" last week or next), so they live apart from the rules
that use them, which never see spaCy.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.pipeline.nlp import span_root, token_sentence
from tui.pipeline.timeline.rule import PASS, Verdict
from tui.pipeline.timeline.values import Tense
from tui.pipeline.timeline.vocab import EVENT_HEADS, INCIDENT_NOUNS, MONTHS, WEEKDAY_RE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PREPS_BEFORE = {"since", "for", "over", "during", "within", "throughout", "by", "until"}
_FUTURE_VERBS = {
    "plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "prepare",
    "promise", "vow", "pledge", "agree", "threaten", "seek", "propose", "likely", "going",
    "forecast", "predict", "project", "vote",
}  # fmt: skip
# Verbs of telling: a date inside what was told is not the telling's.
_SAYING_VERBS = {
    "say", "tell", "announce", "report", "warn", "predict", "forecast", "disclose", "reveal",
    "confirm", "inform", "notify",
}  # fmt: skip
# Verbs of expecting: a date after one told in the past is when the thing expected was to
# come, which may still lie ahead ("said it expected a loss in the fourth quarter").
_EXPECTING_VERBS = {"expect", "anticipate", "foresee", "project", "forecast", "predict"}
# Verbs whose past is spelled as their present: the parser may tag "Weakness ... hurt the
# composite" present. With a singular subject the present would end in -s ("hurts"), so a
# bare form there is the past (`_a_past_taken_for_present`).
_SAME_IN_PAST = {
    "hurt", "cut", "hit", "put", "set", "cost", "let", "shut", "spread", "quit", "split",
    "burst", "cast", "bet", "bid", "broadcast", "forecast", "upset", "thrust", "shed", "slit",
}  # fmt: skip
_SINGULAR_SUBJECT_TAGS = ("NN", "NNP")
_SINGULAR_PRONOUNS = {"he", "she", "it", "this", "that", "which", "who"}
# Verbs that send a thing forward to the date after "to" or "until": "adjourned the case
# to 14 October", "postponed until Friday" look ahead of when it was done.
_DEFERRING_VERBS = {
    "adjourn", "postpone", "delay", "defer", "reschedule", "extend", "push", "suspend",
}  # fmt: skip
# Verbs of promising and asking: what they set a deadline for ("promised compensation by
# the end of April", "ordered the troops out before Friday") is still to be done then.
_BINDING_VERBS = {
    "promise", "pledge", "vow", "plan", "intend", "aim", "agree", "commit", "undertake",
    "target", "order", "demand", "require", "ask", "urge",
}  # fmt: skip
# Words of hoping and fearing: what they are about is still to come when they are felt.
# "Shares fell on fears of a rate rise in September", "worried about a strike in the
# autumn": September and autumn lie ahead of the fall, seen from a moment now past.
_APPREHENSION_WORDS = {
    "fear", "worry", "concern", "unease", "anxiety", "hope", "expectation", "speculation",
    "prospect", "jitters", "nervousness", "optimism", "pessimism", "fret",
}  # fmt: skip
# Commands that bid the reader look back at a thing, whose date is that thing's.
_LOOKING_BACK_COMMANDS = {
    "remember", "recall", "see", "read", "note", "notice", "consider", "imagine", "compare",
    "look", "think", "check", "review", "revisit", "cf",
}  # fmt: skip
_SCHEDULE_VERBS = {
    "schedule", "set", "plan", "expect", "slate", "timetable", "due", "forecast", "predict",
    "project", "pencil",
}  # fmt: skip
# Verbs that say when a thing starts, ends or comes: in a simple present they name the
# coming time ("the season opens in the spring", "he returns in the fall"), no habit.
_STARTING_VERBS = {
    "start", "begin", "open", "close", "end", "launch", "arrive", "come", "return", "resume",
    "expire", "finish", "debut", "premiere", "leave", "move", "take",
}  # fmt: skip
# Verbs of a phase of doing: an infinitive after one is done in the verb's own time.
_ASPECT_VERBS = {"begin", "start", "continue", "cease", "resume", "proceed"}
_MODALS = {"should", "may", "might", "must", "would", "could"}
# A day number, a weekday, a day named from today, a clock.
_NAMES_A_DAY = re.compile(
    rf"\d|\b{WEEKDAY_RE}|\b(?:today|tonight|tomorrow|yesterday|noon|midnight)\b", re.I
)
_PROSPECT_ADJECTIVES = {
    "possible", "likely", "unlikely", "probable", "certain", "imminent", "due",
}  # fmt: skip


def preposition_before(doc: Doc, span: Span) -> str | None:
    if span.start == 0:
        return None
    prev = doc[span.start - 1]
    word = prev.lower_
    if word in _PREPS_BEFORE or word == "in":
        return word
    return None


def tense_of(span: Span) -> Tense | None:
    """The tense of the verb the expression modifies: past, present or future (None: unknown)."""
    root = span_root(span)
    if root.dep_ == "poss" or (
        root.dep_ in _NOUN_MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN")
    ):
        return _owned_date_tense(root)
    if _on_a_thing_still_to_be_done(span_root(span)):
        # "A census from Sunday to be conducted by aid workers": the date hangs on a noun
        # that a passive infinitive describes as yet to happen.
        return Tense.FUTURE
    verb = _governing_verb(span_root(span))
    if verb is None:
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "since":
        # "Since taking office in January": what "since" opens lies behind.
        return Tense.PAST
    return _tense_as_told(span, verb, _verb_tense(verb, 3))


def _a_month_alone(root: Token) -> bool:
    return not any(True for _ in root.children) and root.lower_.rstrip(".") in MONTHS


def _owned_date_tense(root: Token) -> Tense | None:
    """The tense of a date that owns or modifies a noun ("Sunday's loss")."""
    # "Thursday night's fight", "Sunday's loss", "an October news conference": the date
    # says when the thing it owns or modifies happened; the tense of the clause around
    # it says nothing about that. Unless the noun follows "since": "since the Oct. 13
    # plunge" looks back, whatever the clause says.
    if _after_since(root) or root.head.lower_ in INCIDENT_NOUNS:
        # ("The October killing": harm reported has been done, `INCIDENT_NOUNS`.)
        return Tense.PAST
    # But "concern about the December budget", felt in the past, looks ahead of then.
    verb = _governing_verb(root)
    if verb is None:
        return None
    tense = _verb_tense(verb, 3)
    if root.head.lemma_.lower() in _FIXTURES and tense in (Tense.FUTURE, Tense.PRESENT):
        # "Will not start Sunday's race", "if Saturday's attempt is called off": a fixture
        # set ahead, in a clause that looks ahead or tells of now, is the coming one.
        return Tense.FUTURE
    if (
        tense is Tense.FUTURE
        and _a_month_alone(root)
        and root.head.dep_ in _SUBJECTS
        and root.head.lemma_.lower() in EVENT_HEADS
    ):
        # "(said) the November election will go on as scheduled": an event of a month that
        # a clause says will happen lies ahead, whatever verb reports it. ("The December
        # issue will be distributed in January": an issue is named by its month, and
        # happens in none.)
        return Tense.FUTURE
    if not _what_was_feared(root, verb):
        return None
    return Tense.PROSPECTIVE if _verb_tense(verb, 3) is Tense.PAST else None


# What a tense rule answers: a tense; None, no tense at all; or PASS, not this rule's.
TenseAnswer = Tense | Verdict | None


@dataclass(frozen=True)
class TenseRule:
    """One way an expression takes its verb's tense otherwise than as told: `read` gets the
    span, its verb and the verb's own tense."""

    name: str
    read: Callable[[Span, Token, Tense | None], TenseAnswer]
    # What the rule covers, in a reader's words.
    reason: str


def _a_condition(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    if not _a_condition_of_a_modal(verb):
        return PASS
    # In the past ("... if no offer was made by the summer", "would quit unless it was paid
    # by Friday"), ahead of when it was said.
    if tense is Tense.PAST:
        return Tense.REPORTED
    return Tense.FUTURE if _in_the_present(verb) else PASS


def _asked_for(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    return Tense.FUTURE if tense is None and commanded(span) else PASS


def _a_time_set_to(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    if not _a_time_set(span_root(span), verb):
        return PASS
    # Put off or promised in the past: ahead of that moment, which news tells soon after.
    ahead_of_now = (Tense.PRESENT, Tense.PERFECT, Tense.FUTURE)
    return Tense.FUTURE if tense in ahead_of_now else Tense.REPORTED


def _in_what_was_said(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    if tense is not Tense.PAST or verb.lemma_ not in _SAYING_VERBS:
        return PASS
    return Tense.REPORTED if _in_what_was_told(span_root(span), verb) else PASS


def _after_warning(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    return (
        Tense.REPORTED if tense is Tense.PAST and _after_a_warning(span_root(span), verb) else PASS
    )


def _in_what_was_set(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    if tense is not Tense.PAST or verb.lemma_ not in _SETTING_VERBS:
        return PASS
    return Tense.REPORTED if _in_what_was_told(span_root(span), verb, _SET_FOR_PREPS) else PASS


def _what_was_expected(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    if (
        tense is not Tense.PAST
        or verb.lemma_ not in _EXPECTING_VERBS
        or span_root(span).i <= verb.i
    ):
        return PASS
    had = any(_plain(a) in ("had", "'d") for a in _auxiliaries(verb))
    # ("Analysts had expected more for the quarter": an expectation the results have since
    # met.)
    return PASS if had and span_root(span).lower_ in _PERIODS_REPORTED else Tense.PROSPECTIVE


def _a_start_or_an_end(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    if (
        tense is not Tense.PRESENT
        or verb.lemma_ not in _STARTING_VERBS
        or span_root(span).i <= verb.i
    ):
        return PASS
    # (A day told so is read as a schedule already, unless the coming one is almost a year
    # off: `calendar_rules.scheduled`.)
    return PASS if _NAMES_A_DAY.search(span.text) else Tense.FUTURE


def _expected_now(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    expects = verb.lemma_ in _EXPECTING_VERBS and span_root(span).i > verb.i
    return Tense.FUTURE if tense is Tense.PRESENT and expects else PASS


def _placed_by_a_perfect(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    # (Set for a time, put off until one, a thing may lie ahead: "has set Nov. 10 as the
    # deadline", "has scheduled a vote in January".)
    if tense is Tense.PERFECT and _placed_in(span) and not _looks_ahead(verb):
        return Tense.PAST
    return PASS


def _feared(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    return (
        Tense.PROSPECTIVE
        if tense is Tense.PAST and _what_was_feared(span_root(span), verb)
        else PASS
    )


def _on_a_noun(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    noun = _through_a_noun(span_root(span), verb) if tense is Tense.PRESENT else None
    if noun is None:
        return PASS
    if verb.lemma_ in _SCHEDULE_VERBS and noun.i > verb.i:
        return Tense.FUTURE
    # A fixture is set ahead ("face the Bills in a game on Sunday", "have until the deadline
    # on Friday"): the present looks ahead.
    return PASS if noun.lemma_.lower() in _FIXTURES else None


def _when_clause_on(tok: Token, verb: Token) -> Token | None:
    """The verb of a "when" clause that tells of the date or of the noun it hangs on
    ("the holiday on Monday when the exchange was closed", "Monday, when the envoy
    arrived"), on the way up from the date to the verb it modifies."""
    for current in _up_from(tok):
        if current.i == verb.i or current.pos_ not in ("NOUN", "PROPN", "ADP", "NUM"):
            return None
        for clause in current.children:
            if (
                clause.i > current.i
                and clause.dep_ in ("relcl", "advcl")
                and any(
                    c.dep_ == "advmod" and c.lower_ == "when" and c.i < clause.i
                    for c in clause.children
                )
            ):
                return clause
    return None


def _told_by_a_when_clause(span: Span, verb: Token, tense: Tense | None) -> TenseAnswer:
    clause = _when_clause_on(span_root(span), verb)
    if clause is None:
        return PASS
    # Only a past one decides: a present "when the envoy arrives" is a future's, which the
    # clause around already tells.
    # Nor one that looked ahead from then ("in March, when the law was due to take
    # effect", "was expected to close").
    if any(c.dep_ in ("xcomp", "acomp") for c in clause.children):
        return PASS
    told = _verb_tense(clause, 3)
    return Tense.PAST if told in (Tense.PAST, Tense.PERFECT) else PASS


# In order: the first rule that answers decides; with none, the verb's tense as told.
TENSE_RULES: tuple[TenseRule, ...] = (
    TenseRule("told-by-a-when-clause", _told_by_a_when_clause,
              "figures delayed by the holiday on Monday when the exchange was closed: a"
              " past clause that tells of the day says it is behind"),
    TenseRule("a-condition", _a_condition,
              "strikes could resume if no offer is made by the summer: a condition looks"
              " ahead with the modal it is under"),
    TenseRule("a-command", _asked_for,
              "sign up by the 10th, please call us by Monday: what is asked is yet to do"),
    TenseRule("a-time-set", _a_time_set_to,
              "has been postponed until March, promised compensation by the end of April:"
              " ahead of now, or of the moment it was set"),
    TenseRule("in-what-was-said", _in_what_was_said,
              "told oil companies of a cutback in September: the date is in what was told,"
              " which may lie ahead of the telling"),
    TenseRule("after-a-warning", _after_warning,
              "warned of disruption over the weekend: when that is to come"),
    TenseRule("in-what-was-set", _in_what_was_set,
              "set a trial date of Sept. 14, scheduled a hearing for the week of May 11:"
              " when a thing is to come, seen from then"),
    TenseRule("what-was-expected", _what_was_expected,
              "traders expected a rebound in the fourth quarter: when it was to come, seen"
              " from a moment now past"),
    TenseRule("a-start-or-an-end", _a_start_or_an_end,
              "the fiscal year that begins in July, the season opens in the spring: the"
              " coming month or season"),
    TenseRule("expected-now", _expected_now,
              "forecasters expect rain on Thursday: what is expected now is still to come"),
    TenseRule("placed-by-a-perfect", _placed_by_a_perfect,
              "has reported losses in January: what a perfect says happened in a time"
              " happened before now"),
    TenseRule("what-was-feared", _feared,
              "fears of a rate rise in September, worried about a strike in the autumn:"
              " when it was to come, seen from then"),
    TenseRule("on-a-noun", _on_a_noun,
              "plans a worldwide protest April 8: ahead; statements from Wechsler on"
              " Thursday: a present verb says nothing of when the noun's thing happened"),
)  # fmt: skip


def _tense_as_told(span: Span, verb: Token, tense: Tense | None) -> Tense | None:
    """The verb's tense as the expression takes it: a condition, a command, a time set, a
    saying or an expectation looks ahead of the verb's own tense (`TENSE_RULES`)."""
    for rule in TENSE_RULES:
        answer = rule.read(span, verb, tense)
        if not isinstance(answer, Verdict):
            return answer
    return tense


# Words of a length of time: "has not had one in over a decade" reaches to now, which a
# perfect says; only a named time ("in March") is read as past.
_LENGTH_UNITS = {
    "year", "decade", "century", "month", "week", "fortnight", "day", "hour", "minute",
}  # fmt: skip


# Periods a results story reports: what was "had expected" for one has been met since.
_PERIODS_REPORTED = {"quarter", "period", "year", "half", "month"}


def _placed_in(span: Span) -> bool:
    root = span_root(span)
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in ("in", "during")
        and root.lemma_.lower() not in _LENGTH_UNITS
    )


def _looks_ahead(verb: Token) -> bool:
    return _scheduling(verb) or verb.lemma_ in _FUTURE_VERBS or verb.lemma_ in _DEFERRING_VERBS


def _a_time_set(root: Token, verb: Token) -> bool:
    """Whether the date is a time a verb sets a thing to (`_TIMES_SET`): what it was put
    off to ("adjourned until Friday", "was postponed to March") or a deadline it promised
    or asked for ("promised compensation to every family by the end of April")."""
    prep = _setting_preposition(root)
    if prep is None:
        return False
    # "Has extended the ban on access to forest areas until Wednesday": the parser may
    # hang the time on the object's last noun; it is still the verb that sets it. So it
    # does when the verb's particle takes it: "pushed the vote back to Monday".
    holder = prep.head
    if holder.lower_ in _PARTICLES_OF_MOVING and holder.head.i == verb.i:
        holder = verb
    return (holder.i == verb.i or holder.pos_ in ("NOUN", "PROPN")) and any(
        verb.lemma_ in verbs and prep.lower_ in preps for verbs, preps in _TIMES_SET
    )


def _setting_preposition(root: Token) -> Token | None:
    """The preposition that takes a date ("until Friday"), through the bound that may stand
    between them ("to no earlier than Friday", "by no later than June"); None when no
    preposition takes it."""
    # (The parser takes the bound for the preposition's object or its clause.)
    if root.dep_ in ("pcomp", "pobj") and root.lower_ in _BOUNDS:
        return root.head  # the expression took the bound with it
    if root.dep_ != "pobj":
        return None
    prep = root.head
    bound = prep.head
    if prep.lower_ == "than" and bound.lower_ in _BOUNDS and bound.dep_ in ("pcomp", "pobj"):
        return bound.head
    return prep


# The comparatives that bound a time set: "to no earlier than Friday".
_BOUNDS = {"earlier", "later", "sooner"}
_PARTICLES_OF_MOVING = {"back", "forward", "out"}
# The verbs that set a time, each kind with the prepositions that name it.
_TIMES_SET = (
    (_DEFERRING_VERBS, ("to", "until", "till")),
    (_BINDING_VERBS, ("by", "before")),
)


# Auxiliaries a present that tells a habit may carry: do-support ("don't carry it in
# winter") and "can" of what is possible any time ("the river can flood in the spring").
_HABIT_AUXILIARIES = {"do", "does", "can", "ca"}


def habitual(tok: Token) -> bool:
    """Whether the verb a word of time hangs on tells what happens whenever that time comes
    round: a simple present ("the old gym is cold in the winter", "ferries run less often in
    the winter", "extra guides are needed in the spring"). Not a progressive ("are
    slipping right now in the summer"), a future, a perfect, a past, nor a schedule ("the
    tour starts in the spring" names the coming one)."""
    return _habitual_verb(_governing_verb(tok))


def _habitual_verb(verb: Token | None) -> bool:
    if verb is None or _looks_ahead(verb) or verb.lemma_ in _STARTING_VERBS:
        return False
    auxes = _auxiliaries(verb)
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxes
    if verb.tag_ == "VB" and not auxes and verb.dep_ == "conj":
        return habitual(verb)  # "prices rise in spring and fall in autumn"
    if verb.tag_ == "VB" and verb.dep_ == "advcl" and [a.lower_ for a in auxes] == ["to"]:
        # "Birds depend on flooded fields to keep fat in the winter": the purpose of a
        # habit is one too. (Not a complement: "wants to expand in the spring" looks
        # ahead.)
        return _habitual_verb(verb.head)
    if verb.tag_ == "VBN":
        return _a_present_passive(verb, auxes)
    return verb.tag_ == "VB" and bool(auxes) and {a.lower_ for a in auxes} <= _HABIT_AUXILIARIES


# Words that make a subject every one of a kind ("most of orders", "all visitors", "each
# order", "any customer").
_QUANTIFIERS = {"all", "most", "many", "some", "few", "every", "each", "any", "no"}
# Conjunctions of a clause that holds whenever its main clause does ("if an order is
# received by noon, it ships that day").
_WHENEVER_MARKS = {"if", "when", "whenever", "once", "unless"}


def told_of_a_kind(tok: Token) -> bool:
    """Whether the verb a word hangs on tells what a whole kind of people or things do, as
    a habit: a simple present (`habitual`) with a subject that is a kind, not one of it
    ("wild horses are hunted", "most of orders are shipped", "every order ships"), or a
    clause of "if"/"when" under such a one. Not a copula's state ("stocks are lower"
    reports that day's market), nor one named thing ("the council meets at 10 a.m.")."""
    verb = _governing_verb(tok)
    if verb is None:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in ("nsubj", "nsubjpass"):
        # "Orders received by noon are shipped ...": the habit is the clause's the
        # participle's noun is subject of.
        main = verb.head.head
        return main.pos_ in ("VERB", "AUX") and habitual(verb.head) and _a_kind_habit(main)
    if not (habitual(tok) or _a_present_tagged_bare(verb)):
        return False
    if verb.dep_ == "advcl" and any(c.lower_ in _WHENEVER_MARKS for c in verb.children):
        main = verb.head
        return main.pos_ in ("VERB", "AUX") and habitual(verb) and _a_kind_habit(main)
    return _a_kind_habit(verb)


def _a_present_tagged_bare(verb: Token) -> bool:
    """'Most of the farmers grow soy': a bare form with a subject of its own and no
    auxiliary is a present the tagger took for an infinitive."""
    return (
        verb.tag_ == "VB"
        and not _auxiliaries(verb)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and verb.lemma_ not in _STARTING_VERBS
        and not _looks_ahead(verb)
    )


def _a_kind_habit(verb: Token) -> bool:
    if verb.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    # A conjunct with no subject of its own shares its head's ("are hunted and skinned").
    subject = _subject(verb)
    if subject is None and verb.dep_ == "conj":
        subject = _subject(verb.head)
    return subject is not None and a_kind(subject)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def a_kind(subject: Token) -> bool:
    """'Orders', 'Canada's wild horses', 'most of orders', 'every order' — not 'the
    orders', 'these horses' or 'the order'."""
    dets = [c.lower_ for c in subject.children if c.dep_ == "det"]
    if subject.lower_ in _QUANTIFIERS:
        # "Most of orders": the kind is what follows "of".
        return any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(p.tag_ in ("NNS", "NNPS") for p in c.children)
            for c in subject.children
        )
    if dets:
        return all(d in _QUANTIFIERS for d in dets)
    return subject.tag_ in ("NNS", "NNPS")


def _a_present_passive(verb: Token, auxes: list[Token]) -> bool:
    """'Are needed', 'is closed'."""
    return (
        verb.tag_ == "VBN"
        and bool(auxes)
        and all(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    )


# Adverbs that say a clause holds at the moment of telling.
_NOW_ADVERBS = {"now", "currently", "presently", "still"}


def said_of_now(tok: Token) -> bool:
    """Whether the verb a word hangs on says its clause holds now: "we are now closed due
    to winter weather" (this winter's)."""
    verb = _governing_verb(tok)
    return verb is not None and any(
        c.dep_ == "advmod" and c.lower_ in _NOW_ADVERBS for c in verb.children
    )


# Adverbs that tell what is usual, in any tense: "it was always cold even in summer", "the
# firm normally reports in July" are of every year's summer and July.
_USUAL_ADVERBS = {
    "always", "usually", "normally", "typically", "traditionally", "customarily",
    "ordinarily", "invariably",
}  # fmt: skip
# Adverbs of how often (or of the most part), which tell a habit only outside the past:
# "growers often pick in mid-May" is every May, but "in May, protesters often clashed with
# police" and "in May, prices generally rose" are of one May.
_REPEATING_ADVERBS = {
    "often", "frequently", "regularly", "routinely", "sometimes", "seldom", "rarely",
    "commonly", "generally",
}  # fmt: skip


def told_as_usual(tok: Token) -> bool:
    """Whether the verb a word hangs on carries an adverb that tells a habit: one of what is
    usual in any tense, one of how often only outside the past (`_USUAL_ADVERBS`,
    `_REPEATING_ADVERBS`)."""
    verb = _governing_verb(tok)
    if verb is None:
        return False
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if adverbs & _USUAL_ADVERBS:
        return True
    if not adverbs & _REPEATING_ADVERBS:
        return False
    # Outside the past: a present ("are often held in June"), a perfect ("has often been
    # held"), a future ("will often close in winter"). A participle with no auxiliary the
    # parser left without a tense ("the roads often flooded") is no present, and a
    # progressive tells of one stretch ("momentum has been generally fading so far into
    # September").
    if verb.tag_ == "VBG":
        return False
    present = verb.tag_ in ("VBZ", "VBP") or _a_present_passive(verb, _auxiliaries(verb))
    return present or _verb_tense(verb, 3) in (Tense.PERFECT, Tense.FUTURE)


# What says a clause recurs once a year or so many times a year, in any tense: "annually",
# "each year", "twice a year", "three times a year". (Not "a year" or "per year" alone:
# "earns $5 billion a year" is a rate, and "said in March" that year's March.)
_YEARLY_ADVERBS = {"annually", "yearly"}
_YEARLY_PHRASE = re.compile(
    r"(?:each|every)(?: single)? year|(?:once|twice|thrice|\w+ times) (?:a|per|each) year"
)
# Where such a phrase hangs on its verb: an adverb, a noun phrase used as one ("each year,
# the garden opens in May"), or the subject itself ("each year is divided into two
# semesters, Winter (February to June) and ...").
_YEARLY_DEPS = {"advmod", "npadvmod", "nsubj", "nsubjpass"}


def told_each_year(tok: Token) -> bool:
    """Whether the verb a word hangs on says its clause comes round every year ("the
    festival takes place annually in August", "twice a year, in March and September, the
    club holds an open day"): a month or season named bare in it is any year's."""
    verb = _governing_verb(tok)
    if verb is None:
        return False
    return any(
        c.dep_ in _YEARLY_DEPS
        and (
            c.lower_ in _YEARLY_ADVERBS
            or _YEARLY_PHRASE.fullmatch(" ".join(t.lower_ for t in c.subtree)) is not None
        )
        for c in verb.children
    )


# Words after "once" that make it no "formerly": "once again", "once more", "once a week".
_ONCE_NOT_FORMERLY = {"again", "more", "a", "an", "every", "each", "per", "or", "and", "in"}


def told_as_once(tok: Token) -> bool:
    """Whether the verb a word hangs on carries "once" as "formerly": "we once stayed up
    till 2 am" tells of some occasion gone by, on no day the text names."""
    verb = _governing_verb(tok)
    return verb is not None and any(
        c.lower_ == "once"
        and c.dep_ == "advmod"
        and (c.i + 1 >= len(c.doc) or c.doc[c.i + 1].lower_ not in _ONCE_NOT_FORMERLY)
        for c in verb.children
    )


# Modals of what is allowed, needed or possible, which a rule or a habit is told with.
_MODALS_OF_A_RULE = {"must", "may", "might", "should", "can", "ca", "could"}


def told_as_a_rule(tok: Token) -> bool:
    """Whether the verb a word hangs on carries a modal of what is allowed, needed or
    possible: "members may enrol at the summer sign-up", "heavy winter storms can
    close the pass" tell a rule or a chance, of no one time."""
    verb = _governing_verb(tok)
    return verb is not None and any(a.lower_ in _MODALS_OF_A_RULE for a in _auxiliaries(verb))


_YOU = frozenset({"you", "your", "yours", "yourself"})


def told_to_you_as_a_rule(tok: Token) -> bool:
    """Whether the clause a word hangs in tells the reader what can or must happen to
    them ("poor claims handling can increase your costs over the next four years"): a
    length there runs from whenever it happens to them, not from the story's day."""
    verb = _governing_verb(tok)
    return (
        verb is not None
        and told_as_a_rule(tok)
        # "You may have noticed prices rising over the past two years" infers a past.
        and not any(a.lemma_ == "have" for a in _auxiliaries(verb))
        and any(t.lower_ in _YOU for t in verb.subtree if t.i != tok.i)
    )


def under_an_infinitive(tok: Token) -> bool:
    """Whether the verb a word hangs on is an infinitive ("to cope with winter storms"),
    whose future is only that of a purpose or a plan, not of one time."""
    verb = _governing_verb(tok)
    return verb is not None and any(a.lower_ == "to" for a in _auxiliaries(verb))


# Words before "now" that make it the writer's present whatever the tense around it: "had
# been closed until now", "prices were lower than now".
_UP_TO_NOW = {"until", "till", "since", "from", "than", "to"}


def now_of_a_past_story(tok: Token) -> bool:
    """'The difference was now down to 14 seconds', 'she had by now begun her move': "now"
    on a verb told in the past is the moment the story has reached, not the writer's
    present (what was said keeps it: "the minister said talks were now possible" is the
    saying's present, which news tells just behind its own)."""
    after_a_word = tok.dep_ in ("pobj", "pcomp")
    if after_a_word and tok.head.lower_ in _UP_TO_NOW:
        return False
    # Only on a verb of its own that is finite and past ("was now", "had by now begun"):
    # a participle alone ("a school now located in ...") or a noun ("with troops now part
    # of the force") states what holds, as of the writing.
    verb = tok.head.head if after_a_word else tok.head
    if verb.pos_ not in ("VERB", "AUX") or not _told_in_the_past(verb):
        return False
    if _next_verb_in_the_present(tok) or any(c.lower_ == "if" for c in verb.children):
        # "And now, at 33km, it's down to five" (hung on the clause before); "if you now
        # provided": a condition, not a story.
        return False
    return not any(up.lemma_ in _SAYING_VERBS for up in itertools.chain([verb], verb.ancestors))


# Past forms also said as presents: "you got a name now", "calculations that now set the
# figure at 778".
_PAST_OR_PRESENT = _SAME_IN_PAST | {"got"}


# Short forms of "is", "has", "are", "am" and "have", which the tagger may call a past
# after a curly apostrophe ("so now he’s asking").
_PRESENT_CLITICS = {"'s", "\u2019s", "'re", "\u2019re", "'m", "\u2019m", "'ve", "\u2019ve"}


def _told_in_the_past(verb: Token) -> bool:
    auxes = _own_auxiliaries(verb)
    if any(a.tag_ in ("VBZ", "VBP", "MD") or a.lower_ in _PRESENT_CLITICS for a in auxes):
        return False  # "he's now accepted", "would now be"
    if not auxes:
        return verb.tag_ == "VBD" and verb.lower_ not in _PAST_OR_PRESENT
    return any(a.tag_ == "VBD" for a in auxes)


def _next_verb_in_the_present(tok: Token) -> bool:
    sent_end = token_sentence(tok).end
    verb = next((t for t in tok.doc[tok.i + 1 : sent_end] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ in ("VBZ", "VBP", "MD")


def in_the_present_progressive(span: Span) -> bool:
    """Whether the verb an expression hangs on is a present progressive ("people are
    coming"), which tells of what goes on now as often as of a plan ("are coming Friday")."""
    verb = _governing_verb(span_root(span))
    return (
        verb is not None and verb.tag_ == "VBG" and any(_present_be(a) for a in _auxiliaries(verb))
    )


def clause_tense(span: Span) -> Tense | None:
    """The tense of the verb whose clause holds the expression, wherever the expression
    hangs in it ("the summer sun was bright": past, though the season dates the sun)."""
    verb = _governing_verb(span_root(span))
    return None if verb is None else _verb_tense(verb, 3)


# What opens a condition; the modals whose conditions lie ahead.
_CONDITIONS = frozenset({"if", "unless"})
_CONDITIONAL_MODALS = frozenset(
    {"would", "could", "might", "should", "will", "'ll", "wo", "may", "can", "ca", "must"}
)


def _a_condition_of_a_modal(verb: Token) -> bool:
    """Whether `verb` opens a condition ("if", "unless") of a verb under "would", "could",
    "might" or "should", and is no perfect ("if he had come on Monday" looks back)."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children
    ):
        return False
    if any(a.lemma_ == "have" for a in _auxiliaries(verb)):
        return False
    return any(_plain(a) in _CONDITIONAL_MODALS for a in _auxiliaries(verb.head))


def _in_the_present(verb: Token) -> bool:
    """A verb in the present, active ("if the deal falls through") or passive ("if no
    offer is made")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in _auxiliaries(verb)
    )


def under_a_perfect(span: Span) -> bool:
    """Whether the verb an expression hangs on is, or completes, a perfect: "have been
    expected to sign a deal for about a month" (the month is the expecting, up to now). Not
    a past perfect: "had been married for two years when they met" ended then."""
    verb = _governing_verb(span_root(span))
    for _ in range(3):
        if verb is None:
            return False
        auxes = _auxiliaries(verb)
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ != "VBD" for a in auxes):
            return True
        if not any(a.lower_ == "to" for a in auxes) or verb.head.i == verb.i:
            return False
        verb = verb.head  # an infinitive: look at the verb it completes
    return False


# A date modifying a noun: "an October news conference", "the July 25 call".
_NOUN_MODIFIER_DEPS = ("compound", "nmod", "amod")


def the_noun_it_dates(span: Span) -> Token | None:
    """The noun an expression says the time of: the one it modifies ("July shipments",
    "June's figures") or the one its preposition hangs on ("final figures for June")."""
    root = span_root(span)
    if root.dep_ == "poss" or root.dep_ in _NOUN_MODIFIER_DEPS:
        head = root.head
    elif root.dep_ == "pobj":
        head = root.head.head
    else:
        return None
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _after_since(modifier: Token) -> bool:
    """Whether the noun a date modifies is the object of "since" ("since Monday's sell-off",
    "since the Oct. 13 stock-market crash"): the thing, and so its date, lies behind."""
    noun = modifier.head
    for _ in range(4):
        if noun.dep_ not in _NOUN_MODIFIER_DEPS or noun.head.i == noun.i:
            break
        noun = noun.head  # "stock-market" in "the Oct. 13 stock-market crash"
    return noun.dep_ == "pobj" and noun.head.lower_ == "since"


# Where a noun sits in its clause when a date hanging on it dates the noun, not the verb:
# subject ("statements on Thursday ... are"), object ("follows the testimony Tuesday"),
# object of a preposition ("what we know about the visit on Saturday").
_NOUN_SLOTS = ("nsubj", "nsubjpass", "appos", "dobj", "pobj", "attr")


# The prepositions that open what a verb of telling tells: "told them of a cutback".
_CONTENT_PREPS = frozenset({"of", "about"})
# What one frets over or hopes for is what the fretting is about.
_FEARED_PREPS = _CONTENT_PREPS | {"over", "for"}


def _between(tok: Token, verb: Token) -> Iterator[Token]:
    """The tokens on the way up the tree from a date towards its verb, both left out,
    until the verb or the root (or a clause's length of steps)."""
    current = tok.head
    for _ in range(8):
        if current.i == verb.i or current.head.i == current.i:
            return
        yield current
        current = current.head


def _in_what_was_told(tok: Token, verb: Token, preps: frozenset[str] = _CONTENT_PREPS) -> bool:
    """Whether a date after a verb of telling lies in its object ("told companies of a
    cutback in September"), not on the verb ("In March, they said"; "announced in the
    report in November", where the date is the telling's)."""
    if tok.i < verb.i:
        return False
    return any(
        t.dep_ == "dobj" or (t.dep_ == "prep" and t.lower_ in preps) for t in _between(tok, verb)
    )


# Verbs that set a date for a thing, and the prepositions that take the date or the thing
# ("set a date of", "scheduled a hearing for").
_SETTING_VERBS = {"set", "schedule", "reschedule", "slate", "fix", "calendar"}
_SET_FOR_PREPS = frozenset({"of", "for"})
# Verbs of warning: what they warn of is still to come when they warn.
_WARNING_VERBS = {"warn", "caution", "alert"}


def _after_a_warning(tok: Token, verb: Token) -> bool:
    """'Warned of disruption over the weekend': a date told after what a warning is of,
    which the parser may hang on the verb, is when that is to come. ("Warned over the
    weekend of disruption" dates the warning.)"""
    return (
        verb.lemma_ in _WARNING_VERBS
        and tok.i > verb.i
        and any(
            c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i < tok.i for c in verb.children
        )
    )


def _what_was_feared(tok: Token, verb: Token) -> bool:
    """Whether a date lies in what a fear or hope is about: after a noun of apprehension
    that it hangs on ("fears of a rate rise in September"), or in the object of such a
    verb ("worried about a strike in the autumn")."""
    if verb.lemma_ in _APPREHENSION_WORDS and _in_what_was_told(tok, verb, _FEARED_PREPS):
        return True
    return any(
        t.pos_ == "NOUN" and t.lemma_ in _APPREHENSION_WORDS and t.i < tok.i
        for t in _between(tok, verb)
    )


def _through_a_noun(tok: Token, verb: Token) -> Token | None:
    """The noun between the date and its verb that the date hangs on, if any."""
    current = tok
    for _ in range(8):
        if current.i == verb.i or current.head.i == current.i:
            return None
        if (
            current.i != tok.i
            and current.pos_ in ("NOUN", "PROPN")
            and current.dep_ in _NOUN_SLOTS
            # "on Monday and Thursday": the other day of a pair is no noun of the clause.
            and current.ent_type_ not in ("DATE", "TIME")
        ):
            return current
        current = current.head
    return None


# Things set for a time ahead, which a present tells of as coming: a deadline, a game's
# start, a forecast, a chance of rain. Not a meeting, a vote or a launch, which a present
# also sums up after the fact.
_FIXTURES = {
    "deadline", "start", "kickoff", "kick-off", "game", "match", "fixture", "final",
    "showdown", "matchup", "race", "forecast", "outlook", "chance", "risk", "prospect",
    "attempt", "launch", "marathon", "derby", "playoff", "semifinal",
    "semi-final", "quarterfinal", "quarter-final", "prix", "tournament", "meet", "regatta",
}  # fmt: skip


def _auxiliaries(verb: Token) -> list[Token]:
    """A verb's auxiliaries; a conjunct with none of its own shares its head's: "has been
    shelled and bombed" is as perfect in "bombed" as in "shelled"."""
    auxes = _own_auxiliaries(verb)
    # (Not one with a subject and a tense of its own: "play was suspended, and the forecast
    # for Monday is no better".)
    finite = verb.tag_ in ("VBZ", "VBP", "VBD") and _subject(verb) is not None
    if not auxes and not finite and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        auxes = _own_auxiliaries(verb.head)
    return auxes


# Where a Doc keeps each verb's own auxiliaries, by the verb's index (`_own_auxiliaries`).
_AUXILIARIES_KEY = "briefing.auxiliaries"


def _own_auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries hanging on `verb` itself, read once per Doc: a head with thousands
    of conjuncts (a paragraph that is one run of clauses with no full stop) is asked for
    them once for each date in it."""
    known = verb.doc.user_data.setdefault(_AUXILIARIES_KEY, {})
    if verb.i not in known:
        own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        # The parser may hang the modal on the passive's "be" ("will be closed Monday":
        # "will" under "be"); it is the verb's all the same.
        known[verb.i] = sorted(
            [*own, *(c for a in own for c in a.children if c.dep_ in ("aux", "auxpass"))],
            key=lambda t: t.i,
        )
    return list(known[verb.i])  # (a copy: the one kept is never changed by a caller)


def _plain(tok: Token) -> str:
    """A word in lower case with a straight apostrophe: pages write "I’m", "we’ll"."""
    return tok.lower_.replace("\u2019", "'")


def _present_be(aux: Token) -> bool:
    """'is', 'are', 'am', and "'m", "’re", "’s" (whose lemma spaCy may leave as written)."""
    return aux.tag_ in ("VBZ", "VBP") and (aux.lemma_ == "be" or _plain(aux) in ("'s", "'re", "'m"))


def _verb_tense(verb: Token, depth: int) -> Tense | None:
    auxes = _auxiliaries(verb)
    lowers = {_plain(a) for a in auxes}
    if lowers & {"will", "'ll", "shall", "wo"}:
        return Tense.FUTURE
    if {"to", "be"} <= lowers and verb.tag_ == "VBN" and _still_to_be_done(verb):
        # "The vote to be held on Tuesday": a thing still to be done lies ahead.
        return Tense.FUTURE
    if "to" in lowers:
        settled, tense = _infinitive_tense(verb, depth)
        if settled:
            return tense
    passive_base = verb.tag_ == "VBN" and "be" in lowers and not lowers & {"have", "been"}
    if (verb.tag_ == "VB" or passive_base) and (
        lowers & _MODALS == {"would"} or (lowers & _MODALS == {"could"} and _under_a_past(verb))
    ):
        # "Vowed that Britain would leave the EU on Oct. 31", "said they would need them
        # before the winter", "swapped shifts so that others could spend Christmas at
        # home": ahead of a moment told in the past, which may be just behind the anchor
        # or long before it.
        return Tense.REPORTED
    if (verb.tag_ == "VB" or passive_base) and lowers & _MODALS and not _could_not(verb, lowers):
        # "The weather should ease by Thursday morning", "said Ukraine would need them before
        # the winter", "the Senate could stay in session over the weekend": a modal on a
        # bare verb looks ahead (with "have" it looks back, and then the verb is a
        # participle).
        return Tense.FUTURE
    prospect = _prospect_adjective(verb)
    if prospect is not None:
        return prospect
    if verb.tag_ == "VBN" and _scheduling(verb):
        # "Talks are scheduled for Oct. 3" looks ahead; "were scheduled for" looked ahead
        # from a moment now past.
        passive = [a for a in auxes if a.dep_ == "auxpass"]
        if any(a.tag_ in ("VBZ", "VBP") for a in passive):
            return Tense.FUTURE
        if any(a.tag_ == "VBD" for a in passive):
            return Tense.PROSPECTIVE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if not auxes and _a_past_taken_for_present(verb):
        return Tense.PAST
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return Tense.PERFECT
    if verb.tag_ == "VBG" and any(_present_be(a) for a in auxes):
        return Tense.FUTURE
    if verb.tag_ in ("VBZ", "VBP") or _present_taken_for_a_base(verb, auxes):
        return Tense.PRESENT
    if verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        # "If Saturday's attempt is called off": a present passive is a present.
        return Tense.PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        # "The meeting, set for Friday, ...": a schedule looks ahead of when it was set
        # (but "the record high set on Aug. 6" was set that day).
        return Tense.PROSPECTIVE if _scheduling(verb) else Tense.PAST
    return _participle_clause_tense(verb, auxes, depth)


def _under_a_past(verb: Token) -> bool:
    """The verb's clause is what a past act was for or led to ("swapped shifts so that
    others could ..."). (What was said could happen, "said the group could add more in
    the second half", is a possibility still ahead.)"""
    return verb.dep_ == "advcl" and verb.head.tag_ == "VBD"


def _could_not(verb: Token, lowers: set[str]) -> bool:
    """'Police could not confirm it on Monday': "could not" tells what was not possible
    then, not what may come."""
    return lowers & _MODALS == {"could"} and any(c.dep_ == "neg" for c in verb.children)


def _infinitive_tense(verb: Token, depth: int) -> tuple[bool, Tense | None]:
    """Whether an infinitive ("to visit", "to be held") settles its tense from what it
    completes, and the tense it settles (None when that is unknown: "tried to")."""
    if _heads_a_headline(verb):
        # A headline's "Council chief to be installed Tuesday", "Pope to visit Cuba in
        # January": an infinitive with no verb above it announces what is to come.
        return True, Tense.FUTURE
    if verb.head.i != verb.i:
        head = verb.head
        # An infinitive happens after the verb it completes: "would need more batteries
        # to protect the cities before the winter" looks ahead with "would need", and
        # "will be able to see it from Monday" with the verb of the adjective it completes.
        above = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") else head
        if depth > 0 and above.pos_ in ("VERB", "AUX"):
            head_tense = _verb_tense(above, depth - 1)
            if head_tense in (Tense.FUTURE, Tense.REPORTED):
                return True, head_tense
        if depth > 0 and _an_act_told_in_the_past(head, depth - 1):
            return True, Tense.PAST
        if depth > 0 and _a_rank_in_the_past(head, depth - 1):
            # "Residents became the first to cast ballots just after midnight Tuesday", "the
            # only ones to vote on Tuesday": what the ranked one did, in its clause's past.
            return True, Tense.PAST
        head_auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass", "cop")]
        copula_past = head.dep_ in ("acomp", "xcomp", "attr") and head.head.tag_ == "VBD"
        if head.tag_ == "VBD" or copula_past or any(a.tag_ == "VBD" for a in head_auxes):
            # "was due to be released in September", "said it expected to restore supply by
            # Sunday", "ordered her to report to prison by Feb. 15": future seen from the
            # past; other past heads ("tried to") stay unknown.
            if head.lemma_ in _FUTURE_VERBS or head.lemma_ in _BINDING_VERBS or copula_past:
                return True, Tense.PROSPECTIVE
            if head.lemma_ in _ASPECT_VERBS and verb.lemma_ not in ("be", "have"):
                # "His health continued to decline over the next three months": what one
                # began or went on doing happened then, not ahead of it. (Not a state:
                # "continued to be buyers for October positions" looks ahead.)
                return True, Tense.PAST
            return True, None
        if head.lemma_ in _FUTURE_VERBS or any(c.lower_ == "going" for c in head.children):
            return True, Tense.FUTURE
        if head.lemma_ == "be" or head.tag_ in ("VBZ", "VBP"):
            return True, Tense.FUTURE
        if head.pos_ == "NOUN" and verb.dep_ == "acl" and not _ranked(head):
            # "An option to buy him in the summer", "a chance to qualify in March": what a
            # noun holds out is still to come when it is held out, which news tells soon
            # after.
            return True, Tense.FUTURE
    return False, None


# Prepositions that tie an act to the past verb that charges someone with it or credits
# them for it: "pleaded guilty to", "accused of", "charged with", "arrested for".
_ACT_PREPOSITIONS = {"to", "of", "with", "for"}


def _an_act_told_in_the_past(head: Token, depth: int) -> bool:
    """'Pleaded guilty to threatening to kill her in March', 'arrested for trying to smuggle
    drugs in June': a gerund after such a preposition of a past verb names an act that has
    happened, and what it was to do is told in the act's time, not ahead of it."""
    prep = head.head
    if head.tag_ != "VBG" or head.dep_ != "pcomp" or prep.lower_ not in _ACT_PREPOSITIONS:
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and _verb_tense(verb, depth) is Tense.PAST


def _a_rank_in_the_past(head: Token, depth: int) -> bool:
    """'Was the first', 'were the only ones': a rank or a ranked noun in a past clause."""
    if not (head.lower_ in _RANKS or head.tag_ == "JJS" or _ranked(head)):
        return False
    ranked_by = _governing_verb(head)
    return ranked_by is not None and _verb_tense(ranked_by, depth) is Tense.PAST


def _ranked(noun: Token) -> bool:
    """'The first woman to be elected', 'the latest company to report': a ranked noun."""
    return any(c.lower_ in _RANKS or c.tag_ == "JJS" for c in noun.children)


def _participle_clause_tense(verb: Token, auxes: Sequence[Token], depth: int) -> Tense | None:
    """The tense a participle clause borrows from the verb it hangs on, if any."""
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.lemma_ in _STARTING_VERBS:
        # "A 22-date tour opening in Glasgow on 18 September": a start or an end a noun
        # is said to have, seen from the sentence's time; the nearer reading.
        return Tense.PROSPECTIVE
    if (
        depth > 0
        and verb.tag_ == "VBG"
        and not auxes
        and verb.dep_ in ("pcomp", "advcl", "conj", "xcomp")
        and verb.head.i != verb.i
    ):
        # A participle clause has no tense of its own: "flights would leave ..., with the
        # third departing from August 6" is as future as "would leave".
        governor = _governing_verb(verb)
        if governor is not None:
            return _verb_tense(governor, depth - 1)
    return None


def _present_taken_for_a_base(verb: Token, auxes: Sequence[Token]) -> bool:
    """'The Jets, who lost on Monday, face the Bills on Sunday': a verb the tagger took for
    a bare infinitive (VB) that has a subject of its own and no auxiliary, modal or "to"
    is in the present (an infinitive or a command has no subject); unless it is spelt as
    its own past ("officials cut power"), which the tag does not tell apart."""
    return (
        verb.tag_ == "VB"
        and verb.lower_ not in _SAME_IN_PAST
        and not auxes
        and verb.dep_ in ("ROOT", "conj")
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
    )


def commanded(span: Span) -> bool:
    """Whether the expression dates what a command asks ("Call us by Monday"). Not a length
    in one, which is advice for any time ("do this for a week")."""
    verb = _governing_verb(span_root(span))
    return (
        verb is not None and not any(t.lemma_ in _LENGTH_UNITS for t in span) and _a_command(verb)
    )


# Words that may come before the verb of a command: "Please RSVP", "So don't miss it".
_BEFORE_A_COMMAND = ("ADV", "INTJ", "CCONJ", "PUNCT", "SPACE", "PART")


def bare_imperative(verb: Token) -> bool:
    """A verb in its bare form that heads its sentence with no subject: "list", "add" in
    "Now list the problems", "Now, add the flour"."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    )


def _a_command(verb: Token) -> bool:
    """A bare verb with no subject that opens its sentence, or one it joins ("come see
    us"): an imperative, to be done, unless it bids the reader look back ("Remember back
    in August", "See the column of Aug. 8")."""
    while verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i < verb.i and verb.tag_ == "VB":
        verb = verb.head
    return (
        bare_imperative(verb)
        and verb.lemma_ not in _LOOKING_BACK_COMMANDS
        and all(a.lemma_ == "do" for a in _auxiliaries(verb))
        and all(
            t.pos_ in _BEFORE_A_COMMAND or t.lemma_ in ("do", "please")
            for t in verb.doc[token_sentence(verb).start : verb.i]
        )
    )


def _a_past_taken_for_present(verb: Token) -> bool:
    """Whether a verb tagged present is a past of the same spelling: "Weakness in big
    stocks hurt the composite", "The company cut its dividend" (no -s, singular subject)."""
    if verb.tag_ not in ("VBP", "VB") or verb.lower_ not in _SAME_IN_PAST:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head  # "the index, which hurt ...": the noun the clause is on
    return subject.tag_ in _SINGULAR_SUBJECT_TAGS or subject.lower_ in _SINGULAR_PRONOUNS


# Words that rank the noun an infinitive hangs on: "the first woman to be elected in 1990"
# was elected then; the infinitive says nothing of what is to come.
_RANKS = {"first", "last", "only", "next", "second", "third", "latest"}


def _still_to_be_done(verb: Token) -> bool:
    """Whether a passive infinitive ("to be held") describes the noun it hangs on: "the
    vote to be held on Tuesday", "a census to be conducted by aid workers"."""
    noun = verb.head
    return verb.dep_ in ("acl", "relcl") and noun.pos_ in ("NOUN", "PROPN") and not _ranked(noun)


def _on_a_thing_still_to_be_done(root: Token) -> bool:
    """Whether a date hangs, through its preposition, on a noun that "to be" + a participle
    describes: "a census from Sunday to be conducted", "talks on Friday to be chaired"."""
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    noun = root.head.head
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("acl", "relcl")
        and c.tag_ == "VBN"
        and {"to", "be"} <= {a.lower_ for a in _auxiliaries(c)}
        and _still_to_be_done(c)
        for c in noun.children
    )


def _heads_a_headline(verb: Token) -> bool:
    """Whether a verb heads a sentence with no finite verb: the root, or a clause on a root
    noun ("Pope" in "Pope to visit Cuba", which the parser makes the root). A headline
    drops its articles: "What a nice way to celebrate ..." is no headline."""
    if verb.dep_ == "ROOT":
        return True
    noun = verb.head
    return (
        verb.dep_ == "relcl"
        and noun.dep_ == "ROOT"
        and noun.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("det", "predet") for c in noun.children)
    )


def _scheduling(verb: Token) -> bool:
    """'Scheduled', 'planned', 'expected'; 'set' only when it is set for something."""
    if verb.lemma_ == "set":
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return verb.lemma_ in _SCHEDULE_VERBS


def _prospect_adjective(verb: Token) -> Tense | None:
    """'A deal before the summer is possible' looks ahead; with 'was', ahead of a past moment."""
    if verb.lemma_ != "be" or not any(
        c.dep_ == "acomp" and c.lower_ in _PROSPECT_ADJECTIVES for c in verb.children
    ):
        return None
    if verb.tag_ == "VBD":
        return Tense.PROSPECTIVE
    if verb.tag_ in ("VBZ", "VBP"):
        return Tense.FUTURE
    return None


def _a_noun(verb: Token) -> bool:
    """A "verb" that is a preposition's object, not a gerund, is a noun the tagger took for
    one: "on fears of an interest rate cut in December" (but "discussion of his returning
    in the fall" has a verb)."""
    return verb.dep_ == "pobj" and verb.tag_ != "VBG"


def in_a_denial(span: Span) -> bool:
    """Whether the verb that governs `span` is negated ("you don't do that overnight",
    "change will not happen overnight")."""
    verb = _governing_verb(span_root(span))
    return verb is not None and any(child.dep_ == "neg" for child in verb.children)


def _governing_verb(tok: Token) -> Token | None:
    current = tok
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.i != tok.i and not _a_noun(current):
            return _clause_opened_by(tok, current) or current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _clause_opened_by(tok: Token, verb: Token) -> Token | None:
    """'Went in search of stories and from October onward they will be released': spaCy
    may hang a phrase that opens a second clause on the first clause's verb. A phrase that
    a preposition opens right after 'and' or 'but', before the second clause's own subject,
    is that clause's."""
    doc = verb.doc
    opener = next(
        (
            doc[k + 1]
            for k in range(tok.i - 1, verb.i, -1)
            if doc[k].lower_ in ("and", "but") and doc[k + 1].pos_ == "ADP"
        ),
        None,
    )
    if opener is None or not any(t.i == tok.i for t in opener.subtree):
        return None
    for clause in verb.children:
        if clause.dep_ not in ("conj", "advcl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if clause.i <= tok.i or subject is None or subject.i <= tok.i:
            continue
        # "I breastfed too but for 6 months only and my children are fine": another "and"
        # before the subject starts a clause of its own; the phrase stays with the first.
        if not any(t.dep_ == "cc" for t in doc[tok.i + 1 : subject.i]):
            return clause
    return None


_BEFORE_AFTER = re.compile(r"\s+(before|after)\b")


def object_of_before_after(
    doc: Doc, full: str, end: int, inside: Callable[[int], bool]
) -> tuple[int, int, int, int] | None:
    """'Three years before the 2016 election': when "before" or "after" follows the
    character offset `end`, its sign (-1, 1), where the word ends, and the character range
    of what it governs ('the 2016 election'); None otherwise.

    What it governs stops at a comma, bracket or dash ('a year before their debut,
    Celestial (...)'), unless `inside` says that offset is within a date ('April 14, 2004')."""
    m = _BEFORE_AFTER.match(full, end)
    if m is None:
        return None
    word = doc.char_span(m.start(1), m.end(1))
    if word is None:
        return None
    objects = sorted(
        (t for child in word[0].children if child.dep_ == "pobj" for t in child.subtree),
        key=lambda t: t.i,
    )
    kept = []
    for t in objects:
        if t.text in _PHRASE_BREAKS and not inside(t.idx):
            break
        kept.append(t)
    if not kept:
        return None
    sign = -1 if m.group(1) == "before" else 1
    return sign, m.end(1), kept[0].idx, kept[-1].idx + len(kept[-1])


_PHRASE_BREAKS = {",", "(", ")", ";", ":", "-", "--", "—", "–"}


def in_a_clause_apart(tok: Token, other: Token) -> bool:
    """Whether `tok` lies in a clause of its own that `other` is outside: one with its own
    subject ("the count ends at 6am, and the council will meet on Monday") or one that
    describes a noun ("announced at 2 p.m. after a hearing that began Tuesday"), so it
    tells of another event. ("Met on Tuesday and announced it at 3 p.m.": one clause.)"""
    path, path_other = list(_up_from(tok)), list(_up_from(other))
    on_other = {t.i for t in path_other}
    shared = next((t.i for t in path if t.i in on_other), None)
    return any(_opens_its_own_clause(t) for t in itertools.takewhile(lambda t: t.i != shared, path))


def _up_from(tok: Token) -> Iterator[Token]:
    """The word and its heads, up to the root of its sentence (spaCy makes a new object
    for each step, so words are told apart by their index)."""
    yield tok
    for _ in range(_MAX_DEPTH):
        if tok.head.i == tok.i:
            return
        tok = tok.head
        yield tok


# A parse is a tree, but no walk up one should be able to run for ever.
_MAX_DEPTH = 256


def _opens_its_own_clause(tok: Token) -> bool:
    # (A clause a preposition takes, "with exchanges shut on Thursday", tells more of the
    # clause it hangs on, whatever its subject.)
    return tok.dep_ in _NOUN_CLAUSES or (
        tok.pos_ in ("VERB", "AUX")
        and tok.dep_ != "pcomp"
        and any(c.dep_ in _SUBJECTS for c in tok.children)
    )


_NOUN_CLAUSES = ("relcl", "acl")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def in_an_aside_on_someone(span: Span) -> bool:
    """'Tallis, who joined in January 2022, said ...': the date is in a clause that tells
    who someone is, not a time the story goes back to."""
    for tok in _up_from(span_root(span)):
        if tok.pos_ in ("VERB", "AUX"):
            return tok.dep_ == "relcl" and any(
                c.dep_ in _SUBJECTS and c.lower_ in ("who", "whom", "whose") for c in tok.children
            )
    return False
