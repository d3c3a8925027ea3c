"""Times that describe a thing instead of dating an event: a length before its noun ("the
30-year bond", "a 52-week high", "a three-day weekend"), an age ("a 16-year-old", "37 years
old"), a word of recurrence ("annual sales", "paid quarterly") and a rate ("40 hours a
week").

TIMEX3 marks each of them (a DURATION, a SET), so the JSON export lists them beside the
timeline, as a TIMEX3 tagger would. The timeline itself leaves them out: nothing happened
in "the 30-year bond", and a pane of every "annual" would bury the dates a reader wants.
A length the timeline already lists ("a 10-year program" is told as lasting 10 years) is
not listed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tui.pipeline.model import Granularity, TimelineEntry
from tui.pipeline.nlp import doc_text
from tui.pipeline.overlaps import Overlaps
from tui.pipeline.timeline.lengths import bare_length
from tui.pipeline.timeline.sentence import Sentences, quote_sentence
from tui.pipeline.timeline.values import GRAN_OF_UNIT, Resolved
from tui.pipeline.timeline.vocab import (
    MEASURE_HEADS,
    NUM_RE,
    PUBLICATION_NOUNS,
    RECURRENCE_WORDS,
    may_match,
    normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Not "quarter": "one-quarter", "three-quarter" are nearly always fractions ("one-quarter of
# an inch").
_UNITS = ("year", "month", "week", "day", "hour", "minute", "second", "decade")
_UNIT = rf"(?:{'|'.join(_UNITS)})"
# A count and a unit joined by a hyphen ("30-year", "three-day", "24-hour"), or the same
# with "old" ("16-year-old", "37 years old"). Not the tail of a longer compound or of a
# fraction: "twenty-five-year" is not five years, nor "7 1/2 month old" two months.
_LENGTH = re.compile(
    rf"(?<![\w/.-])(?P<len>{NUM_RE}-{_UNIT})(?P<old>-old)?\b"
    rf"|(?<![\w/.-])(?P<age>{NUM_RE} {_UNIT}s?)(?= old\b)",
    re.I,
)
# A count and a unit written apart before a measure ("a five year low", "the 10 year
# note") is a modifier too; before any other word it is as often a plain length.
_LENGTH_BEFORE_MEASURE = re.compile(rf"(?<![\w/.-])(?P<len>{NUM_RE} {_UNIT}) (?P<noun>[a-z]+)\b")
# Names hold these words without meaning a recurrence ("China Daily", "the Weekly
# Standard"), and so do events ("the Six-Day War").
_NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
)


# How often a thing happens: "twice a month", "once or twice a week", "three times a
# year". TIMEX3 writes the unit's length as the set's value ("P1M").
_TIMES = r"(?:once|twice|thrice|(?:\d+|[a-z]+) times)"
_PER_UNIT = rf"{_TIMES} (?:a|an|per) (?P<u>{_UNIT}|fortnight)"
_HOW_OFTEN = re.compile(rf"(?<![\w-])(?:{_TIMES} or )?{_PER_UNIT}\b", re.I)
_HOW_OFTEN_ENDS = re.compile(rf"\b{_PER_UNIT}$", re.I)


def tells_how_often(text: str) -> bool:
    """Whether `text` says anywhere how often a thing happens ("meets twice a month")."""
    return next(_matches(_HOW_OFTEN, text, text.lower()), None) is not None


def says_how_often(text: str) -> bool:
    """Whether `text` ends by saying how often ("... twice a month"): the unit is no length
    of time."""
    return _HOW_OFTEN_ENDS.search(text) is not None


# A count of units said per unit: "40 hours a week", "365 days a year", "half an hour a
# day" tell how much of each week or day, not how long one event took. (Not "two days a
# week ago", "a year a week later": those place a day.)
_UNITS_END = re.compile(r"\b(?:second|minute|hour|day|night|week|month|year)s?$", re.I)
_RATE_UNIT = rf"(?:{_UNIT}|night)"
_PER_UNIT_AFTER = re.compile(
    rf" (?:a|an|per|each) {_RATE_UNIT}\b"
    r"(?!,? (?:ago|later|earlier|before|after|from|since|hence|on|in)\b)",
    re.I,
)


# The unit of a rate; the count before it is whatever `bare_length` reads as one ("40",
# "half an", "many", "a couple of"), so that every rate the timeline leaves out
# (`says_how_much_per_unit`) is kept here.
_RATE_UNIT_AT = re.compile(rf"\b{_RATE_UNIT}s?(?={_PER_UNIT_AFTER.pattern})", re.I)
# Up to three words of a count, ending right before the unit.
_COUNT_BEFORE = re.compile(r"(?<![\w/.-])(?:[\w'-]+ ){1,3}$")
_WORD = re.compile(r"[\w'-]+ ")


def _rates(full: str) -> list[tuple[Resolved, int, int]]:
    """Each count of units said per unit ("40 hours a week", "many weeks each year"), as
    the longest count before the unit that reads as a length."""
    out = []
    for unit in _RATE_UNIT_AT.finditer(full):
        words = _COUNT_BEFORE.search(full, max(0, unit.start() - 40), unit.start())
        if words is None:
            continue
        for word in _WORD.finditer(words.group(0)):  # the longest count first
            start = words.start() + word.start()
            res = bare_length(normalise(full[start : unit.end()]))
            if res is not None:
                out.append((res, start, unit.end()))
                break
    return out


# "A book a week", "three volumes a fortnight": so many things to each unit of time.
_ONE_UNIT = re.compile(rf"(?:a|an|per) (?:{_RATE_UNIT}|fortnight)", re.I)
_A_THING_BEFORE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:[a-z]+[ -])?[a-z]+ $",
    re.I,
)


def a_thing_per_unit(text: str, full: str, start: int) -> bool:
    """Whether `text` ("a week", at `start` of `full`) is the unit a count of things is
    said per ("a book a week", "one big match a month"): a rate, no length of time."""
    return (
        _ONE_UNIT.fullmatch(text) is not None
        and _A_THING_BEFORE.search(full, max(0, start - 30), start) is not None
    )


def says_how_much_per_unit(text: str, full: str, end: int) -> bool:
    """Whether `text` (a count of units, ending at `end` of `full`) is said per unit of
    time: a rate, no length of time."""
    return _UNITS_END.search(text) is not None and _PER_UNIT_AFTER.match(full, end) is not None


def is_hyphenated_length(text: str) -> bool:
    """Whether `text` is a count and a unit joined by a hyphen ("10-year", "three-day"), as
    this module finds them: what the timeline leaves to it."""
    m = _LENGTH.fullmatch(text)
    return m is not None and m.group("len") is not None and m.group("old") is None


def time_modifiers(docs: Sequence[Doc], timeline: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """The lengths, ages and recurrences in each parsed block that describe a thing, in
    article order; none that overlaps an entry of `timeline`."""
    listed: dict[int, Overlaps] = {}
    for entry in timeline:
        listed.setdefault(entry.block, Overlaps()).add(entry.start, entry.end)
    found: list[TimelineEntry] = []
    for index, doc in enumerate(docs):
        taken = listed.get(index) or Overlaps()
        sentences: Sentences | None = None
        full = doc_text(doc)
        for res, start, end in sorted(_in_block(doc, full), key=lambda f: f[1]):
            if taken.hit(start, end) or _in_a_name(doc, start, end):
                continue
            taken.add(start, end)
            sentences = sentences or Sentences(doc)
            found.append(
                TimelineEntry(
                    expression=full[start:end],
                    value=res.value,
                    granularity=res.granularity,
                    sentence=quote_sentence(sentences, start, start, end),
                    block=index,
                    start=start,
                    end=end,
                    timex_type=res.timex_type,
                )
            )
    return found


# Words every match of a pattern holds or has beside it, in lower case for a pattern that
# ignores case (`vocab.may_match`): most texts hold none, and are not searched.
_HOLDS_ONE_OF: dict[re.Pattern[str], tuple[str, ...]] = {
    _LENGTH: (*(f"-{unit}" for unit in _UNITS), " old"),
    _LENGTH_BEFORE_MEASURE: tuple(f" {unit} " for unit in _UNITS),
    _HOW_OFTEN: ("once", "twice", "thrice", " times"),
}
# Every word of `RECURRENCE_WORDS` holds one of these (itself, or a shorter one).
_RECURRENCE_STEMS = tuple(
    word for word in RECURRENCE_WORDS if not any(w != word and w in word for w in RECURRENCE_WORDS)
)


def _matches(rx: re.Pattern[str], full: str, low: str) -> Iterator[re.Match[str]]:
    """The matches of `rx` in `full` (`low` in lower case), where it may match at all."""
    return rx.finditer(full) if may_match(rx, _HOLDS_ONE_OF.get(rx), full, low) else iter(())


def _in_block(doc: Doc, full: str) -> list[tuple[Resolved, int, int]]:
    out: list[tuple[Resolved, int, int]] = []
    low = full.lower()
    for m in _matches(_LENGTH, full, low):
        group = "len" if m.group("len") else "age"
        res = bare_length(normalise(m.group(group)))
        if res is not None:
            out.append((res, m.start(), m.end("old") if m.group("old") else m.end(group)))
    for m in _matches(_LENGTH_BEFORE_MEASURE, full, low):
        res = bare_length(normalise(m.group("len")))
        if res is not None and m.group("noun").lower() in MEASURE_HEADS:
            out.append((res, m.start(), m.end("len")))
    out += _rates(full)
    for m in _matches(_HOW_OFTEN, full, low):
        res = bare_length(normalise(f"a {m.group('u')}"))
        if res is not None:
            out.append((_recurrence(res.value), m.start(), m.end()))
    # A word's lower case is part of the text's: with no stem there, no word is one.
    words = doc if any(stem in low for stem in _RECURRENCE_STEMS) else ()
    for token in words:
        value = RECURRENCE_WORDS.get(token.lower_)
        # A noun here is a paper or a show ("the local weekly").
        if (
            value is not None
            and token.pos_ in ("ADJ", "ADV")
            and not _in_a_compound(token, full)
            and not _names_a_paper(token)
        ):
            out.append((_recurrence(value), token.idx, token.idx + len(token)))
    return out


def _in_a_compound(token: Token, full: str) -> bool:
    """A word joined to the one before ("bi-weekly", "twice-yearly") says how often itself."""
    i = token.idx
    return i > 1 and full[i - 1] == "-" and full[i - 2].isalpha()


def _names_a_paper(token: Token) -> bool:
    """After a name, the word names a publication when it is what speaks ("O Globo daily
    said") or describes a paper ("the Times daily newspaper"); "the SEC quarterly report"
    is still a report made each quarter."""
    after_a_name = token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN"
    if not (after_a_name or any(child.pos_ == "PROPN" for child in token.children)):
        return False
    head = token.head
    return head.pos_ in ("VERB", "AUX") or head.lemma_.lower() in PUBLICATION_NOUNS


def _recurrence(value: str) -> Resolved:
    unit = value[-1]
    granularity = Granularity.TIME if value.startswith("PT") else GRAN_OF_UNIT[unit]
    return Resolved(value, granularity, None, None, timex_type="SET")


def _in_a_name(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in _NAME_TYPES for t in span)
