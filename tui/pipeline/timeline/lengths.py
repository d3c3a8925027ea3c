"""Lengths of time ("for a month", "over the next three months", "a two-week crisis"):
TIMEX3 DURATIONs, and where each lies, when the sentence says.

A length lies against the publication date only when the sentence ties it there: the
words "the past"/"the next" name the anchor as one end, a perfect ("has been expected for
about a month") runs up to now, a future ("will be closed for two weeks") starts now. Told
in the past ("he spent six days aboard", "his health declined over the next three months")
it lies somewhere in the story's past, not against the publication date: it is listed as a
length alone (value "P6D", no range), which the pane shows after the dated entries.

No spaCy here: a length is read from its text, the tense of its verb and its preposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.values import (
    GRAN_OF_UNIT,
    Context,
    Resolved,
    Tense,
    duration,
    duration_code,
    vague_duration_code,
)
from tui.pipeline.timeline.vocab import (
    APPROX_RE,
    NUM_RE,
    TENS_RE,
    UNIT_RE,
    UNITS,
    VAGUE_OF_COUNTS,
    normalise,
    number,
    year_number,
)


@dataclass(frozen=True)
class Placement:
    """Where a length lies against the anchor for one tense: ending there ("back"),
    starting there ("ahead"), or nowhere we can say (None: a length alone)."""

    counted: str | None  # for "for/over/during/throughout <count>"
    within: str | None  # for "within <count>"
    next_: str | None  # for "the next/coming <count>"


# Why each: a perfect runs up to now ("has fallen for three weeks"); a future or a present
# schedule starts now ("will be shut for two weeks", "the show runs for a month"); a past
# lies in the story's past ("lived in camps for two years", "declined over the next three
# months"), and so does an unknown tense, rather than a guess. A future seen from a recent
# past ("agreed to pay within the next year") starts about now; its bare count ("was to
# last for a week") is a length alone.
PLACEMENTS: dict[Tense | None, Placement] = {
    Tense.PERFECT: Placement(counted="back", within="back", next_="ahead"),
    Tense.FUTURE: Placement(counted="ahead", within="ahead", next_="ahead"),
    Tense.PRESENT: Placement(counted="ahead", within="ahead", next_="ahead"),
    Tense.PAST: Placement(counted=None, within=None, next_=None),
    Tense.PROSPECTIVE: Placement(counted=None, within="ahead", next_="ahead"),
    Tense.REPORTED: Placement(counted=None, within="ahead", next_="ahead"),
    None: Placement(counted=None, within="ahead", next_="ahead"),
}

_SPAN_PREPS = ("for", "over", "during", "within", "throughout")
_THE_PAST_COUNT = re.compile(
    rf"(?:the )?(?P<rel>past|last|previous|next|coming) (?P<n>{NUM_RE}) "
    rf"(?P<u>{UNIT_RE}|hours?|minutes?)"
)
_THE_PAST_UNIT = re.compile(r"the (past|last|previous|next|coming) (day|week|month|year|decade)")
_COUNT = re.compile(rf"{APPROX_RE}(?:the )?(?P<n>{NUM_RE}) (?P<u>{UNIT_RE})")


def placed(ctx: Context, unit: str, n: int, where: str | None) -> Resolved:
    """n units ending at the anchor ("back"), starting there ("ahead"), or alone (None)."""
    if where is None:
        return length(unit, n)
    return duration(ctx.anchor, unit, n, ahead=where == "ahead")


def resolve_duration(
    t: str, ctx: Context, tense: Tense | None, prep: str | None
) -> Resolved | None:
    """'for more than a month', 'over the past two weeks', 'the next three months': a
    length of time, placed as `PLACEMENTS` says."""
    place = PLACEMENTS[tense]
    m = _THE_PAST_COUNT.fullmatch(t)
    if m and m.group("u") in _CLOCK_UNITS:
        # "For the next 48 hours": a length of hours, told as one ("PT48H").
        return bare_length(f"{m.group('n')} {m.group('u')}")
    if m:
        n = number(m.group("n")) or 1
        ahead = m.group("rel") in ("next", "coming")
        return placed(ctx, UNITS[m.group("u")], n, place.next_ if ahead else "back")
    m = _THE_PAST_UNIT.fullmatch(t)
    # "Has risen in the last decade" is the ten years to now (in 1998 not the 1980s); told
    # in the past, "the power they lost to inflation in the last decade" is the decade
    # before this one.
    up_to_now = prep in ("in", "during") and tense in (Tense.PERFECT, Tense.PRESENT)
    ten_years = m is not None and m[2] == "decade" and (prep == "over" or up_to_now)
    if prep not in _SPAN_PREPS and not ten_years:
        return None
    if m and (prep in ("for", "within", "throughout") or ten_years):
        # "within the next year", "for the past week": twelve months, seven days, not the
        # calendar year or week that follows ("over the past year" is read both ways; "over
        # the last decade" is ten years to now, not the decade's name before this one).
        ahead = m.group(1) in ("next", "coming")
        return placed(ctx, UNITS[m.group(2)], 1, place.next_ if ahead else "back")
    m = _COUNT.fullmatch(t)
    if not m:
        return None
    n = number(m.group("n")) or 1
    return placed(ctx, UNITS[m.group("u")], n, place.within if prep == "within" else place.counted)


# --- lengths alone ---------------------------------------------------------------------------

# Clock units: TIMEX3 writes them after a "T" ("PT2H"), and a length of them is a TIME
# length, not a DATE one.
_CLOCK_UNITS = {"hour": "H", "hours": "H", "minute": "M", "minutes": "M", "second": "S",
                "seconds": "S"}  # fmt: skip
# Nights are counted as the days they fall in ("for three nights": P3D); TIMEX3 has no
# unit of its own for them. ("Two nights at the arena" are shows: `nights_of_shows`.)
_NIGHTS = ("night", "nights")
_ANY_UNIT = rf"(?:{UNIT_RE}|hours?|minutes?|seconds?|nights?)"
# "six days", "a two-week crisis", "the first nine months", "an additional year", "nearly
# an hour", "a 10-year program": a count and a unit, and nothing else. ("2 1/2 years" comes
# as the "30 months" it is: `vocab.whole_counts`.)
_BARE = re.compile(
    rf"{APPROX_RE}(?:no more than |no less than )?(?:the |an? )?"
    r"(?:first |last |final |additional |extra |full |further |more |other |straight )?"
    rf"(?P<n>(?:{TENS_RE}[- ])?{NUM_RE})(?P<sep>[- ])"
    rf"(?:(?:more|additional|extra|straight|consecutive) )?(?P<u>{_ANY_UNIT})"
    r"(?: (?:more|long|straight|running))?"
)


# "Several weeks", "a few minutes", "many years": a length of no stated count. TIMEX3
# writes the count as X ("PXW", "PTXM"); the pane shows the words, which say it best.
# Not "some days", which is as often "on some days" ("some days are better than others").
_VAGUE_BARE = re.compile(
    rf"(?:several|a few|few|many|numerous|{'|'.join(VAGUE_OF_COUNTS)})"
    r" (?:more |long |straight )?"
    r"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades)"
)


def length(unit: str, n: int) -> Resolved:
    """A length of time alone: TIMEX3 DURATION "P6D", no place and no range."""
    code = duration_code(unit, n)
    return Resolved(code, GRAN_OF_UNIT[unit], None, None, timex_type="DURATION")


_ANOTHER_COUNT = re.compile(rf"^another (?=(?:{NUM_RE}|\d+) )")


def bare_length(t: str) -> Resolved | None:
    """A count of units that names no place in time ("six days"; "a two-week crisis" comes
    as "two-week"): a length alone. None when the text is more than that."""
    # "Another two weeks", "another 30 minutes": more of what was counted, a length as
    # "an additional two weeks" is. A unit alone is as often some other one ("another
    # month associated with a disease", "another year, another snub"); `resolve` reads it
    # as a length only after "for".
    t = _ANOTHER_COUNT.sub("an additional ", t)
    vague_count = _VAGUE_BARE.fullmatch(t)
    if vague_count is not None:
        return _vague_length(vague_count.group("u"))
    m = _BARE.fullmatch(t)
    if m is None:
        return None
    n_text, unit_text = m.group("n"), m.group("u")
    n = number(n_text)
    if n is None or n <= 0:
        return None
    # A year before a singular unit names that year's ("the 1988 quarter"), where "a two
    # day rally" and "a 10-year bond" are lengths. Only digits: a spelled count is no year.
    a_year = n_text.isdigit() and year_number(n_text, 0) is not None
    if a_year and m.group("sep") == " " and not unit_text.endswith("s"):
        return None
    if unit_text in _CLOCK_UNITS:
        value = f"PT{n}{_CLOCK_UNITS[unit_text]}"
        return Resolved(value, Granularity.TIME, None, None, timex_type="DURATION")
    unit = "D" if unit_text in _NIGHTS else UNITS[unit_text]
    return None if unit == "WE" else length(unit, n)


def _vague_length(unit_text: str) -> Resolved:
    clock = unit_text in _CLOCK_UNITS
    granularity = Granularity.TIME if clock else GRAN_OF_UNIT[UNITS[unit_text]]
    code = vague_code(unit_text)
    return Resolved(code, granularity, None, None, vague=True, timex_type="DURATION")


def vague_code(unit_text: str) -> str:
    """TIMEX3's length of no stated count in this unit: "weeks" PXW, "hours" PTXH."""
    clock = _CLOCK_UNITS.get(unit_text)
    return f"PTX{clock}" if clock is not None else vague_duration_code(UNITS[unit_text])


_NIGHTS_LAST = re.compile(rf"\b(?:{'|'.join(_NIGHTS)})$", re.I)
_NIGHTS_IN_A_ROW = re.compile(r"\b(?:consecutive|straight|successive)\b", re.I)
_A_LENGTH_BEFORE = re.compile(
    r"\b(?:for|over|during|throughout|spen[dt]s?|spending|lasting|lasted)\s+(?:\w+\s+)?$",
    re.I,
)


def nights_of_shows(full: str, start: int, text: str) -> bool:
    """'Ends its tour with two nights at the arena': a count of nights is a length only
    after "for", "over", "spent" and the like, or told as in a row ("83 consecutive
    nights"); otherwise it counts evenings of something."""
    return (
        _NIGHTS_LAST.search(text) is not None
        and bare_length(normalise(text)) is not None
        and _NIGHTS_IN_A_ROW.search(text) is None
        and _A_LENGTH_BEFORE.search(full, max(0, start - 24), start) is None
    )
