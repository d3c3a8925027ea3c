"""The word "today" said of our age, not of one day: "young people today", "today's
world", "what it is today", "today, leading grocers are among the most skilled
retailers", "stronger today than it was under the last government"; and "the cars of
tomorrow", "the heroes of yesterday". TIMEX3 writes these PRESENT_REF, FUTURE_REF and
PAST_REF.

Each reading is a named check on the parse, and each keeps the day where a sentence ties
"today" to one ("today the council meets", "the president is in Ohio today", "it is cold
today")."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tui.pipeline.nlp import sentence_of, span_root
from tui.pipeline.timeline.grammar import a_kind, in_the_present_progressive, told_of_a_kind
from tui.pipeline.timeline.values import Tense
from tui.pipeline.timeline.vocab import APOSTROPHE_RE, NOUNS_OF_AN_AGE, WEEKDAY_RE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def nowadays(span: Span, text: str) -> bool:
    """'Programmers today don't grok concurrency', 'young people today face higher rents':
    "today" right after a plural noun, a kind of people or things it sets in time, before
    a present-tense verb that is no progressive, says nowadays, not the story's day
    ("prices today rose", "shares today are trading higher" are that day's; a press
    release's "Acme today announces" names one company, and its day)."""
    if text.lower() != "today":
        return False
    if (
        _a_kind_today(span)
        or _today_of_an_age(span)
        or _today_of_our_age(span)
        or _today_against_then(span)
        or _today_of_a_present_state(span)
    ):
        return True
    if span.start == 0:
        return False
    before, verb = span.doc[span.start - 1], span_root(span).head
    if before.tag_ != "NNS" or verb.i < span.end or verb.tag_ == "VBG":
        return False
    return _a_simple_present(verb)


_PRESENT_TAGS = frozenset({"VBP", "VBZ"})


# Verbs a day's news is told with in the present, as press releases and blogs tell it:
# "Acme today announces", "we launch today", "the show opens today", "as Scherer writes
# today", "we are pleased to share today".
_DAYS_NEWS_VERBS = frozenset({
    "announce", "unveil", "launch", "release", "introduce", "report", "say", "name",
    "open", "start", "begin", "kick", "celebrate", "mark", "welcome", "publish", "debut",
    "roll", "issue", "present", "host", "feature", "bring", "offer", "share", "write",
    "describe", "explain", "argue", "note", "tell", "confirm", "reveal", "post",
})  # fmt: skip
# The day's remembering, said actively: "today we remember all who served" (but "it is
# remembered today as his boldest attack" is its name in our age).
_REMEMBERING_VERBS = frozenset({"remember", "honor", "honour", "mourn", "salute", "commemorate"})
# Words in the sentence that tie it to one day: a clock, a part of the day, the days
# around it, "here today" (at the event), "out today" (released), "thirty years old
# today" (a birthday).
_ANOTHER_TIME_OF_THE_DAY = re.compile(
    r"\b(?:tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow|(?:a|p)\.?m\b"
    r"|o'clock|(?:here|out|old) today)",
    re.I,
)
# What opens a clause of a condition or a time: "if he plays today" is the day's match.
_CONDITION_MARKS = frozenset({"if", "when", "unless", "once", "whether"})
# Subjects a present tells of our age with: the people we all are, anyone at all, and the
# empty subjects of a state ("it is no longer an experiment", "there are few who ...").
# Beside them a whole kind ("leading supermarkets are ...", `grammar.a_kind`); any other
# subject only with a verb of a state (`_VERBS_OF_A_STATE`: "the Oxford faction is today
# the more numerous"), since one named thing doing something keeps the day ("today the
# council meets").
_SUBJECTS_OF_AN_AGE = frozenset({
    "we", "you", "they", "it", "there", "one", "anyone", "anybody", "everyone", "everybody",
    "nobody", "nothing", "everything", "what", "that", "which", "who",
})  # fmt: skip
# The writer's own day ("today I feel so beaten", and "my message today": `_the_writers`),
# the day's ("today is election day"), a condition's ("whatever happens today").
_SUBJECTS_OF_THE_DAY = frozenset({"i", "today", "whatever"})
_VERBS_OF_A_STATE = frozenset({
    "be", "have", "remain", "continue", "exist", "own", "employ", "face", "hold", "lack",
    "need", "seem", "know", "believe", "govern", "control", "dominate", "include", "use",
})  # fmt: skip
# Where someone is that day: "the president is in Ohio today", "she is here today".
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _today_of_a_present_state(span: Span) -> bool:
    """'Today, leading supermarkets are among the most sophisticated retailers', 'we
    recognize today that ...', 'it is no longer an experiment today': "today" on a simple
    present (or its perfect) says what holds in our age, not on one day, when its subject
    is one of an age or its verb one of a state (`_SUBJECTS_OF_AN_AGE`). Not when "today"
    is what the clause is about ("today is election day") or follows a preposition ("as of
    today"), a writer tells of their own day ("today I feel so beaten"), the verb is one a
    day's news is told with ("Acme today announces", "we are pleased to share today"), the
    clause is a condition ("if he plays today"), a state of the day ("it is cold today"),
    or the sentence ties it to the day's hours ("closed today until 2 p.m.")."""
    root = span_root(span)
    if root.dep_ not in ("npadvmod", "advmod") or (
        span.start > 0 and span.doc[span.start - 1].pos_ == "ADP"
    ):
        return False
    verb = root.head
    if verb.pos_ not in ("VERB", "AUX") or _tells_a_days_news(verb):
        return False
    if not _a_simple_present(verb):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children):
        return False
    if _a_state_of_the_day(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.lower_ in _SUBJECTS_OF_THE_DAY or _the_writers(verb):
        return False
    of_an_age = subject.lower_ in _SUBJECTS_OF_AN_AGE or a_kind(subject)
    if not of_an_age and verb.lemma_ not in _VERBS_OF_A_STATE:
        return False
    return _ANOTHER_TIME_OF_THE_DAY.search(sentence_of(span).text) is None


def _the_writers(verb: Token) -> bool:
    """'Today, my job is to ...', 'that is my message today': the writer's own day."""
    return any(
        c.dep_ == "poss" and c.lower_ == "my"
        for said in verb.children
        if said.dep_ in ("nsubj", "nsubjpass", "attr")
        for c in said.children
    )


def _a_state_of_the_day(verb: Token) -> bool:
    """'Stocks are lower today' (a comparison with other days), 'it is cold today' (the
    day's weather; but "it is hard to find one today" is our age's), 'the president is in
    Ohio today' (where someone is that day)."""
    if verb.lemma_ != "be":
        return False
    said_of_it = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)
    clause_after = any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "acomp" and (_comparative(c) or (said_of_it and not clause_after)):
            return True
        if c.dep_ == "prep" and any(p.ent_type_ in _PLACE_ENTITIES for p in c.children):
            return True
    return False


def _comparative(word: Token) -> bool:
    """'Lower', 'colder', 'busier' (the tagger often calls them plain adjectives)."""
    return word.tag_ in ("JJR", "RBR") or (
        word.lower_.endswith("er") and word.lemma_ != word.lower_
    )


def _tells_a_days_news(verb: Token) -> bool:
    """'Announces', 'is pleased to announce', 'are excited to share', 'we remember'."""
    remembered = verb.lemma_ in _REMEMBERING_VERBS
    return (
        verb.lemma_ in _DAYS_NEWS_VERBS
        or (remembered and not any(c.dep_ == "auxpass" for c in verb.children))
        or any(c.dep_ == "xcomp" and c.lemma_ in _DAYS_NEWS_VERBS for c in verb.children)
        or any(
            c.dep_ == "acomp"
            and any(x.dep_ == "xcomp" and x.lemma_ in _DAYS_NEWS_VERBS for x in c.children)
            for c in verb.children
        )
    )


def _a_simple_present(verb: Token) -> bool:
    """'Face', 'are hunted', 'has grown': a present (or its perfect), with no past, modal
    or progressive among the verb and its auxiliaries."""
    tags = _verb_tags(verb)
    return bool(tags & _PRESENT_TAGS) and not tags & {"VBD", "MD", "VBG"}


def _verb_tags(verb: Token) -> set[str]:
    """The tags of a verb and of the auxiliaries hanging on it ("are hunted": VBP, VBN)."""
    return {verb.tag_} | {a.tag_ for a in verb.children if a.dep_ in ("aux", "auxpass")}


# An earlier age named: "twenty years ago", "decades ago", "back then", "the rules we once
# had", a decade that has ended ("in the 1990s"), a year (how far back:
# `_ANOTHER_AGE_YEARS`).
_AN_EARLIER_AGE = re.compile(
    r"\b(?:years|decades|generations?|centur(?:y|ies)) (?:ago|earlier|since)\b|\bback then\b"
    r"|\bin the past\b|\bonce (?:had|was|were|stood|held|knew|\w+ed)\b"
    rf"|\b(?P<decade>(?:18|19|20)\d0){APOSTROPHE_RE}?s\b|\b(?P<year>(?:18|19|20)\d\d)\b",
    re.I,
)
# How far back a year must lie to be another age than the story's.
_ANOTHER_AGE_YEARS = 10


def today_against_an_earlier_age(span: Span, text: str, tense: Tense | None, anchor: date) -> bool:
    """'Twenty years ago, papers here jeered. Today, people come from around the world':
    "today" opening a sentence told in the present (or its progressive: "people are
    coming"), set against an earlier age named in it
    or in the sentence before, is nowadays ("Today we launched", "In 1990 it was founded.
    Today it said" are the story's day)."""
    told_now = tense is Tense.PRESENT or (
        tense is Tense.FUTURE and in_the_present_progressive(span)
    )
    if text.lower() != "today" or not told_now:
        return False
    sent = sentence_of(span)
    if any(t.is_alpha for t in span.doc[sent.start : span.start]):
        return False
    before = sentence_of(span.doc[sent.start - 1 : sent.start]).text if sent.start > 0 else ""
    return any(
        _an_age_gone(m, anchor.year) for m in _AN_EARLIER_AGE.finditer(f"{before} {sent.text}")
    )


def _an_age_gone(m: re.Match[str], anchor_year: int) -> bool:
    if m["decade"] is not None:
        return int(m["decade"]) + 9 < anchor_year  # ("the 2010s", told in 2012, is ours)
    return m["year"] is None or anchor_year - int(m["year"]) >= _ANOTHER_AGE_YEARS


# Words before "today" that make it our age: "even today", what a thing has become
# ("becoming what it is today", "the industry as we know it today", "as it stands today"),
# or a truth that holds ("it is no less true today", "relevant today", "no such program
# exists today").
_NOWADAYS_BEFORE_TODAY = re.compile(
    r"(?:\beven"
    r"|\bwhat (?:it|they|we|he|she|this|that) (?:is|are|has become|have become)"
    r"|\bas (?:we know it|it stands|it is|they are|it exists)"
    # ("Greater then than it is today": the age set against the story's.)
    r"|\bthan (?:it|they|we|he|she|this|that|there) (?:is|are)"
    r"|\b(?:true|relevant|exists?))\s*$",
    re.I,
)


# After "today", in its sentence: a comparison with another age than the story's day
# ("stronger today than it was under the last government", "more important today than ten
# years ago", "more right today than ever"). Not with another day: "higher today than
# yesterday" is the day's.
_THAN_THEN = re.compile(
    r"^[^.;:!?]*?\bthan\s+(?:ever\b|before\b|at any (?:other )?time\b|in the past\b"
    r"|(?:\w+\s+){1,3}?(?:was|were|did|used to|had been)\b"
    r"|[^.;:!?]*?\b(?:years|decades|generations?|centuries) ago\b)",
    re.I,
)


# ... unless it names a day or a week: "longer today than it was on Monday".
_THAN_A_DAY = re.compile(
    rf"\bthan\b[^.;:!?]*\b(?:yesterday|{WEEKDAY_RE}|last (?:week|night|month)"
    r"|(?:a|one|two|three) (?:days?|weeks?) (?:ago|earlier)|this (?:morning|week))",
    re.I,
)


def _today_against_then(span: Span) -> bool:
    """'The program is stronger today than it was under the last government': "today" in
    a present set against another age is nowadays (`_THAN_THEN`)."""
    verb = span_root(span).head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "is stronger today": past the adjective to its verb
    if not _verb_tags(verb) & _PRESENT_TAGS:
        return False
    rest = span.doc.text[span.end_char : sentence_of(span).end_char]
    return _THAN_THEN.match(rest) is not None and _THAN_A_DAY.search(rest) is None


def _today_of_our_age(span: Span) -> bool:
    """'Even today, it may be hard ...', 'what it is today', 'no less true today': the
    words before "today" make it our age (`_NOWADAYS_BEFORE_TODAY`); so does a noun of an
    age right before it ("in the world today", "to our culture today", `[nouns_of_an_age]`,
    as "today's world" does)."""
    lead_words = span.doc[max(0, span.start - 4) : span.start].text
    if _NOWADAYS_BEFORE_TODAY.search(lead_words) is not None:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in NOUNS_OF_AN_AGE and before.pos_ == "NOUN"


def _today_of_an_age(span: Span) -> bool:
    """'Today's youth', 'in today's boomer-centric world': "today's" before a noun of an
    age (`[nouns_of_an_age]`) says nowadays; "today's game" is the story's day."""
    root = span_root(span)
    return root.dep_ == "poss" and root.head.lower_ in NOUNS_OF_AN_AGE


def _a_kind_today(span: Span) -> bool:
    """'Today wild horses are hunted', 'today most farmers grow soy': "today" on a habit of
    a whole kind (`grammar.told_of_a_kind`) is nowadays ("today the council meets" is the
    council's day)."""
    root = span_root(span)
    return root.dep_ in ("npadvmod", "advmod") and told_of_a_kind(root)


# "The cars of tomorrow", "the heroes of yesterday": an age, not a day. (Not a part of the
# day: "the end of today", "the morning of yesterday".)
_OF_AN_AGE = re.compile(
    r"\b(?!(?:end|close|start|beginning|rest|remainder|morning|afternoon|evening|night)\b)"
    r"[a-z]+ of\s+$",
    re.I,
)
_AGES = {"yesterday": "PAST_REF", "today": "PRESENT_REF", "tomorrow": "FUTURE_REF"}
_POSSESSIVE = re.compile(r"['\u2019]s\b")


def an_age(full: str, start: int, end: int, text: str) -> str | None:
    """The vague reference ("FUTURE_REF") for "the world of tomorrow"; None otherwise
    ("the results of today's vote" are that day's vote's)."""
    kind = _AGES.get(text.lower())
    if (
        kind is None
        or _POSSESSIVE.match(full, end)
        or not _OF_AN_AGE.search(full, max(0, start - 30), start)
    ):
        return None
    return kind
