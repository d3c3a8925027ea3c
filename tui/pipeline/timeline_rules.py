"""Resolve one temporal expression to a TIMEX3-style value, by our own rules.

No spaCy here: this module sees a span's text, the tense of the verb that governs it,
the anchor (publication) date and the last date the article mentioned, and nothing else,
so each rule can be tested on its own. Finding the spans is `timeline`'s job.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from tui.pipeline.model import Granularity


class Tense(Enum):
    PAST = "past"
    # Present perfect ("has set Nov. 10 as the deadline"): past for weekdays, but a
    # month or date it names is as likely just ahead as just behind.
    PERFECT = "perfect"
    PRESENT = "present"
    FUTURE = "future"
    # Future seen from a past moment ("said it expected to finish by Sunday", "was due to
    # open in March"): ahead of the saying, which may itself be just behind the anchor or
    # long ago, so the occurrence nearest the anchor is the best guess either way.
    PROSPECTIVE = "prospective"


@dataclass(frozen=True)
class Resolved:
    value: str
    granularity: Granularity
    start: date | None
    end: date | None
    vague: bool = False
    # Worked out from an earlier mention ("a year earlier"); never itself a reference point.
    anaphoric: bool = False


@dataclass
class Context:
    """What an expression is resolved against: the anchor and the article so far."""

    anchor: date
    # The last precisely dated mention; "that year" and "the quarter" point back to it.
    last: Resolved | None = None
    last_quarter: Resolved | None = None
    # Block index now being read, and where the last quarter was named: a quarter sets
    # the frame ("a year ago" means the same quarter a year back) for a few paragraphs.
    block: int = 0
    last_quarter_block: int = -100

    def quarter_frame(self) -> Resolved | None:
        if self.last_quarter is None:
            return None
        # The quarter stays the frame for a few paragraphs, and for as long as no other
        # date has been named since.
        if self.block - self.last_quarter_block <= 2 or self.last is self.last_quarter:
            return self.last_quarter
        return None

    def remember(self, res: Resolved) -> None:
        if res.vague or res.anaphoric or res.start is None or "/" in res.value:
            return
        self.last = res
        # Only a quarter already over frames what follows: results are reported for those.
        if re.fullmatch(r"\d{4}-Q\d", res.value) and res.end is not None and res.end < self.anchor:
            self.last_quarter = res
            self.last_quarter_block = self.block


# --- vocabulary -------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name.lower()[:3]] = _i
MONTHS["sept"] = 9
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# (first month, last month) of each season; winter straddles the new year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
VAGUE_NUMBERS = {"several", "a few", "few", "some", "many", "a number of", "numerous"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip
UNITS = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "year": "Y", "years": "Y", "decade": "E", "decades": "E", "quarter": "Q",
    "quarters": "Q", "weekend": "WE",
}  # fmt: skip
UNIT_RE = r"(?:days?|weeks?|months?|years?|decades?|quarters?)"
NUM_RE = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|a couple(?: of)?|couple of)"
)
VAGUE_NUM_RE = r"(?:several|a few|few|some|many|a number of|numerous)"
APPROX_RE = (
    r"(?:(?:about|nearly|almost|some|roughly|around|approximately|just|only|barely|"
    r"more than|less than|fewer than|over|under|at least|at most|up to|just over|"
    r"just under|well over) )?"
)
PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "mid-afternoon": "AF", "midafternoon": "AF",
}  # fmt: skip
PRESENT_WORDS = {
    "now", "currently", "presently", "nowadays", "at present", "right now", "these days",
    "at the moment", "at this time", "at this point", "the present", "present", "just now",
}  # fmt: skip
PAST_WORDS = {
    "the past", "recently", "previously", "formerly", "lately", "earlier", "long ago",
    "some time ago", "a while ago", "once", "in the past", "years ago", "decades ago",
    "months ago", "weeks ago", "days ago", "ago", "the old days", "back then", "then",
}  # fmt: skip
FUTURE_WORDS = {
    "the future", "the near future", "the distant future", "future", "soon", "in the future",
    "one day", "someday", "some day", "later", "the years ahead", "the months ahead",
    "the weeks ahead", "the days ahead",
}  # fmt: skip


def number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in NUMBERS:
        return NUMBERS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand four' -> 2004."""
    text = text.strip().lower()
    m = re.fullmatch(r"two thousand(?: and)?(?: ([a-z-]+(?: [a-z-]+)?))?", text)
    if m:
        rest = number(m.group(1)) if m.group(1) else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    m = re.fullmatch(r"(nineteen|eighteen|twenty) ([a-z]+(?:[- ][a-z]+)?)", text)
    if m:
        century = NUMBERS[m.group(1)]
        rest_text = m.group(2)
        if rest_text.startswith("oh "):
            rest = number(rest_text[3:])
        elif rest_text == "hundred":
            rest = 0
        else:
            rest = number(rest_text)
        if rest is not None and 10 <= rest < 100:
            return century * 100 + rest
        if rest is not None and rest < 10 and rest_text.startswith("oh "):
            return century * 100 + rest
    return None


# --- calendar helpers ------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def day(d: date) -> Resolved:
    return Resolved(d.isoformat(), Granularity.DAY, d, d)


def month(year: int, m: int) -> Resolved:
    s, e = month_range(year, m)
    return Resolved(f"{year:04d}-{m:02d}", Granularity.MONTH, s, e)


def year_of(y: int) -> Resolved:
    return Resolved(f"{y:04d}", Granularity.YEAR, date(y, 1, 1), date(y, 12, 31))


def week_of(d: date) -> Resolved:
    iso = d.isocalendar()
    start = d - timedelta(days=d.weekday())
    return Resolved(
        f"{iso.year:04d}-W{iso.week:02d}", Granularity.WEEK, start, start + timedelta(days=6)
    )


def weekend_of(d: date) -> Resolved:
    iso = d.isocalendar()
    sat = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Resolved(
        f"{iso.year:04d}-W{iso.week:02d}-WE", Granularity.WEEK, sat, sat + timedelta(days=1)
    )


def season(y: int, code: str) -> Resolved:
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        start = date(y, 12, 1)
        end = month_range(y + 1, 2)[1]
    else:
        start, end = month_range(y, first)[0], month_range(y, last)[1]
    return Resolved(f"{y:04d}-{code}", Granularity.SEASON, start, end)


def quarter(y: int, q: int) -> Resolved:
    start = date(y, 3 * q - 2, 1)
    end = month_range(y, 3 * q)[1]
    return Resolved(f"{y:04d}-Q{q}", Granularity.SEASON, start, end)


def half(y: int, h: int) -> Resolved:
    start = date(y, 1 if h == 1 else 7, 1)
    end = date(y, 6, 30) if h == 1 else date(y, 12, 31)
    return Resolved(f"{y:04d}-H{h}", Granularity.SEASON, start, end)


def decade(first_year: int) -> Resolved:
    return Resolved(
        f"{first_year // 10:03d}",
        Granularity.YEAR,
        date(first_year, 1, 1),
        date(first_year + 9, 12, 31),
    )


def century(number_: int) -> Resolved:
    first = (number_ - 1) * 100
    return Resolved(
        f"{number_ - 1:02d}", Granularity.YEAR, date(max(first, 1), 1, 1), date(first + 99, 12, 31)
    )


def vague(kind: str, anchor: date) -> Resolved:
    if kind == "PAST_REF":
        return Resolved(kind, Granularity.VAGUE, None, anchor, vague=True)
    if kind == "FUTURE_REF":
        return Resolved(kind, Granularity.VAGUE, anchor, None, vague=True)
    return Resolved(kind, Granularity.VAGUE, anchor, anchor, vague=True)


def shift(r: Resolved, unit: str, n: int) -> Resolved | None:
    """The same kind of period moved n units (a year earlier than 1988-Q3 is 1987-Q3)."""
    if r.start is None:
        return None
    if r.granularity is Granularity.DAY:
        d = r.start
        if unit == "Y":
            return day(add_months(d, 12 * n))
        if unit == "M":
            return day(add_months(d, n))
        return day(d + timedelta(days=n * (7 if unit == "W" else 1)))
    if re.fullmatch(r"\d{4}-Q\d", r.value) and unit == "Y":
        return quarter(int(r.value[:4]) + n, int(r.value[-1]))
    if r.granularity is Granularity.MONTH and unit in ("Y", "M"):
        d = add_months(r.start, 12 * n if unit == "Y" else n)
        return month(d.year, d.month)
    if r.granularity is Granularity.YEAR and len(r.value) == 4 and unit == "Y":
        return year_of(int(r.value) + n)
    return None


def resolve_unit_offset(anchor: date, unit: str, n: int) -> Resolved:
    """The unit-sized period n units from the anchor (n<0: past): 'two weeks ago'."""
    if unit == "D":
        return day(anchor + timedelta(days=n))
    if unit == "W":
        return week_of(anchor + timedelta(weeks=n))
    if unit == "WE":
        return weekend_of(anchor + timedelta(weeks=n))
    if unit == "M":
        d = add_months(anchor, n)
        return month(d.year, d.month)
    if unit == "Q":
        q = (anchor.month - 1) // 3 + n
        y, q0 = divmod(q, 4)
        return quarter(anchor.year + y, q0 + 1)
    if unit == "E":
        return decade((anchor.year // 10 + n) * 10)
    return year_of(anchor.year + n)


def unit_delta(anchor: date, unit: str, n: int) -> date:
    if unit == "D":
        return anchor + timedelta(days=n)
    if unit == "W":
        return anchor + timedelta(weeks=n)
    if unit == "M":
        return add_months(anchor, n)
    if unit == "Q":
        return add_months(anchor, 3 * n)
    if unit == "E":
        return add_months(anchor, 120 * n)
    return add_months(anchor, 12 * n)


GRAN_OF_UNIT = {
    "D": Granularity.DAY,
    "W": Granularity.WEEK,
    "M": Granularity.MONTH,
    "Q": Granularity.SEASON,
    "Y": Granularity.YEAR,
    "E": Granularity.YEAR,
}


def interval(start: date, end: date, unit: str) -> Resolved:
    return Resolved(f"{start.isoformat()}/{end.isoformat()}", GRAN_OF_UNIT[unit], start, end)


def narrow(r: Resolved, mod: str | None) -> Resolved:
    """'the end of December', 'early 2023': same value, a narrower range to sort by."""
    if mod is None or r.start is None or r.end is None:
        return r
    length = (r.end - r.start).days + 1
    third = max(length // 3, 0)
    if mod in ("start", "beginning", "early", "first days"):
        return Resolved(r.value, r.granularity, r.start, r.start + timedelta(days=third))
    if mod in ("end", "late", "close"):
        return Resolved(r.value, r.granularity, r.end - timedelta(days=third), r.end)
    if mod in ("middle", "mid"):
        return Resolved(
            r.value, r.granularity, r.start + timedelta(days=third), r.end - timedelta(days=third)
        )
    return r


# --- choosing among candidates by tense ------------------------------------------------


def pick(candidates: list[Resolved], anchor: date, tense: Tense | None) -> Resolved:
    """Of the same name in several years/weeks, take the one the tense points to.

    Past (or unknown, the common case in news) takes the latest one that has started by
    the anchor; future takes the earliest one that has not ended before it; present takes
    the one nearest the anchor.
    """
    cands = [c for c in candidates if c.start is not None and c.end is not None]
    if tense is Tense.FUTURE:
        later = [c for c in cands if c.end is not None and c.end >= anchor]
        return min(later, key=lambda c: c.start or anchor) if later else cands[-1]
    if tense in (Tense.PRESENT, Tense.PERFECT, Tense.PROSPECTIVE):

        def dist(c: Resolved) -> int:
            assert c.start is not None and c.end is not None
            if c.start <= anchor <= c.end:
                return 0
            return min(abs((c.start - anchor).days), abs((c.end - anchor).days))

        return min(cands, key=dist)
    earlier = [c for c in cands if c.start is not None and c.start <= anchor]
    past = max(earlier, key=lambda c: c.start or anchor) if earlier else cands[0]
    if past.start is None:
        return past
    back = (anchor - past.start).days
    ahead = [c for c in cands if c.start is not None and c.start > anchor]
    gap = (ahead[0].start - anchor).days if ahead and ahead[0].start else 10_000
    # "In January" with no verb to go by, in a November story, is the coming January; and
    # a writer naming a date from last year leaves the year out only when it is recent,
    # so "Nov. 20" in a story of Nov. 2 is this month even after a past-tense verb.
    if tense is None and back > 270 and gap <= 92:
        return ahead[0]
    if tense is Tense.PAST and back > 300 and gap <= 45:
        return ahead[0]
    return past


# --- the resolver -----------------------------------------------------------------------

ORD_RE = "|".join(sorted(ORDINALS, key=len, reverse=True))
DAYNUM_RE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORD_RE})"
SPELLED_YEAR_RE = (
    r"(?:(?:nineteen|eighteen|twenty) [a-z]+(?:[- ][a-z]+)?|two thousand(?: and)?(?: [a-z-]+)?)"
)
YEAR_RE = rf"(?:\d{{4}}|'\d{{2}}|{SPELLED_YEAR_RE})"
# The second half of a season that straddles the new year: "the winter of 2022-23".
# The end of a run of days in one month ("9-11 July"); the run is dated by its first day.
DAY_TO = r"(?:-\d{1,2})?"
SPLIT_YEAR_RE = r"(?:[-/](?:\d{2}|\d{4}))?"
MOD_RE = (
    r"(?:(?:the )?(?:very )?(?:start|beginning|end|middle|close|first days|turn) of "
    r"|(?:early|mid|late)[- ]?)"
)
PREPS = (
    "as of", "on", "in", "into", "at", "during", "by", "from", "until", "till", "to", "of", "for",
    "over", "since", "around", "about", "before", "after", "through", "throughout", "within",
    "between", "earlier", "later", "as early as", "as late as", "until at least",
)  # fmt: skip
CLOCK_RE = re.compile(
    r"(?:(?:around|about|at|approximately|shortly (?:before|after)|just (?:before|after)|"
    r"after|before|by|until|till) )?"
    r"\b(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?:(?P<ap>[ap])\.?\s?m\b\.?|(?P<oclock>o'clock))"
    r"(?:\s*\(?(?:[a-z]{2,4}t|gmt|utc)\)?\b)?"
    r"|(?:(?:around|about|at|by|until|before|after|shortly before|shortly after) )?"
    r"\b(?P<h24>[01]?\d|2[0-3]):(?P<min24>\d{2})(?:\s*\(?(?:[a-z]{2,4}t|gmt|utc)\)?\b)?"
    r"|(?:(?:around|about|at|by|until|before|after|shortly before|shortly after) )?"
    r"\b(?P<named>noon|midday|midnight)\b"
)
PART_RE = re.compile(
    r"(?:(?:early|late|mid|in the|this|that|on|during the|later this|earlier this)[- ])?"
    r"(?P<part>mid-?afternoon|morning|afternoon|evening|night|overnight)s?"
)
VAGUE_PAST_UNITS = re.compile(
    rf"(?:in )?(?:recent|the (?:past|last|previous) (?:{VAGUE_NUM_RE}|couple of)|"
    rf"(?:{VAGUE_NUM_RE}) (?:previous|past|recent)) {UNIT_RE}"
)
VAGUE_FUTURE_UNITS = re.compile(
    rf"(?:in )?(?:the )?(?:coming|upcoming|next (?:{VAGUE_NUM_RE}|couple of)|"
    rf"(?:{VAGUE_NUM_RE}) (?:more|coming)) {UNIT_RE}(?: ahead)?|the {UNIT_RE} ahead"
)


def normalise(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(' ,;:()"')
    return re.sub(r"'s?$", "", t).strip(' ,;:()"')


HEDGES = re.compile(
    r"^(?:just|only|even|as recently as|as early as|as late as|as long ago as|sometime(?: in)?|"
    r"some time in|at some point in|no later than|not until|until at least|at least|"
    r"around|about|roughly|approximately) "
)


def strip_prep(t: str) -> tuple[str | None, str]:
    t = HEDGES.sub("", t)
    for prep in sorted(PREPS, key=len, reverse=True):
        if t.startswith(prep + " "):
            return prep, t[len(prep) + 1 :]
    return None, t


def resolve(
    text: str, ctx: Context, tense: Tense | None, prep: str | None = None
) -> Resolved | None:
    """The value of one expression, or None when our rules do not cover it."""
    t = normalise(text)
    if not t:
        return None
    if re.fullmatch(r"(?:later|earlier) (?:in|during) the day", t):
        # The day the article last named, or the day it was written.
        last = ctx.last
        if last is not None and last.granularity is Granularity.DAY and last.start is not None:
            return replace(day(last.start), anaphoric=True)
        return day(ctx.anchor)
    own_prep, t = strip_prep(t)
    prep = own_prep or prep
    if prep == "since":
        base = _resolve_point(t, ctx, Tense.PAST)
        if base is None or base.start is None or base.vague:
            return None
        # The expression still names its date; the range runs from it to the anchor.
        return Resolved(base.value, base.granularity, base.start, max(ctx.anchor, base.start))
    m = re.fullmatch(rf"{APPROX_RE}({NUM_RE}) ({UNIT_RE})", t)
    if m and prep == "in" and tense is Tense.FUTURE:
        # "will be finished in two weeks": that many units from the anchor.
        return resolve_unit_offset(ctx.anchor, UNITS[m.group(2)], number(m.group(1)) or 1)
    duration = _duration(t, ctx, tense, prep)
    if duration is not None:
        return duration
    found = _resolve_point(t, ctx, tense)
    m = re.fullmatch(
        r"(?:the )?(?:(?:first|last|past|final|opening|closing) (?:[a-z-]+ )?"
        + UNIT_RE
        + r"|(?:early|small|late|wee|final|first) hours) of (.+)",
        t,
    )
    if found is None and m:
        # "The first nine months of 1997" lies inside 1997, "the early hours of Tuesday"
        # inside Tuesday: the period after "of" is what it names.
        found = _resolve_point(m.group(1), ctx, tense)
    return found


def _duration(t: str, ctx: Context, tense: Tense | None, prep: str | None) -> Resolved | None:
    """'for more than a month', 'over the past two weeks': a range ending at the anchor."""
    a = ctx.anchor
    m = re.fullmatch(rf"(?:the )?(past|last|previous|next|coming|first) ({NUM_RE}) ({UNIT_RE})", t)
    if m and m.group(1) != "first":
        n = number(m.group(2)) or 1
        unit = UNITS[m.group(3)]
        if m.group(1) in ("next", "coming"):
            return interval(a, unit_delta(a, unit, n), unit)
        return interval(unit_delta(a, unit, -n), a, unit)
    if prep not in ("for", "over", "during", "within", "throughout"):
        return None
    m = re.fullmatch(r"the (past|last|previous|next|coming) (day|week|month|year|decade)", t)
    if m and prep in ("for", "within", "throughout"):
        # "within the next year", "for the past week": twelve months, seven days, not the
        # calendar year or week that follows ("over the past year" is read both ways).
        unit = UNITS[m.group(2)]
        if m.group(1) in ("next", "coming"):
            return interval(a, unit_delta(a, unit, 1), unit)
        return interval(unit_delta(a, unit, -1), a, unit)
    m = re.fullmatch(rf"{APPROX_RE}(?:the )?({NUM_RE}) ({UNIT_RE})", t)
    if not m:
        return None
    n = number(m.group(1)) or 1
    unit = UNITS[m.group(2)]
    if tense is Tense.FUTURE or prep == "within":
        return interval(a, unit_delta(a, unit, n), unit)
    return interval(unit_delta(a, unit, -n), a, unit)


def _resolve_point(t: str, ctx: Context, tense: Tense | None) -> Resolved | None:
    a = ctx.anchor
    if t in PRESENT_WORDS:
        return vague("PRESENT_REF", a)
    if t in PAST_WORDS:
        return vague("PAST_REF", a)
    if t in FUTURE_WORDS:
        return vague("FUTURE_REF", a)
    if VAGUE_PAST_UNITS.fullmatch(t):
        return vague("PAST_REF", a)
    if VAGUE_FUTURE_UNITS.fullmatch(t):
        return vague("FUTURE_REF", a)

    # Parts of day and clock times ride on a date ("10 p.m. Wednesday", "Saturday night").
    suffix: str | None = None
    rest = t
    named_day: Resolved | None = None
    if rest in ("tonight", "later tonight", "late tonight"):
        return _with_time(day(a), "TNI")
    if rest in ("overnight", "last night", "late last night", "earlier overnight"):
        return _with_time(day(a - timedelta(days=1)), "TNI")
    m = re.fullmatch(
        r"(?:later |earlier |early |late )?(?:that|the same) (morning|afternoon|evening|night)", t
    )
    if m:
        # "that night": the day the article last named.
        if (
            ctx.last is None
            or ctx.last.granularity is not Granularity.DAY
            or ctx.last.start is None
        ):
            return None
        return replace(
            _with_time(day(ctx.last.start), "T" + PART_OF_DAY[m.group(1)]), anaphoric=True
        )
    clock = CLOCK_RE.search(rest)
    if clock:
        suffix = _clock_suffix(clock)
        rest = (rest[: clock.start()] + " " + rest[clock.end() :]).strip(" ,")
    part = PART_RE.search(rest)
    if part:
        code = PART_OF_DAY[part.group("part")]
        if suffix is None:
            suffix = "T" + code
        rest = (rest[: part.start()] + " " + rest[part.end() :]).strip(" ,")
        if rest in ("last", "yesterday", "last night"):
            named_day = day(a - timedelta(days=1))
    rest = re.sub(r"\s+", " ", rest).strip(" ,")
    rest = re.sub(r"^(?:on|of|at|in|by)\s+", "", rest)
    if re.fullmatch(r"(?:the |a )?(?:morning|afternoon|evening|night|day)s?", t):
        # A bare part of day ("in the morning") says when in a day, not which day.
        return None
    rest = (
        re.sub(r"^(?:early|late|earlier|later|very early|very late)\s+(?=\S)", "", rest)
        if (
            suffix is not None
            or re.match(
                r"(?:early|late|earlier|later) (?:today|yesterday|tomorrow|on|" + WEEKDAY_RE + ")",
                rest,
            )
        )
        else rest
    )
    if suffix is not None:
        if named_day is not None:
            return _with_time(named_day, suffix)
        rest = re.sub(r"^the ", "", rest)
        if rest in ("", "this", "today", "that", "the", "in the", "during the"):
            return _with_time(day(a), suffix)
        base = _resolve_date(rest, ctx, tense)
        if base is None or base.granularity is not Granularity.DAY:
            return None
        return _with_time(base, suffix)
    found = _resolve_date(rest, ctx, tense)
    if found is None and rest.startswith(("the ", "a ")):
        found = _resolve_date(rest.split(" ", 1)[1], ctx, tense)
    return found


def _clock_suffix(m: re.Match[str]) -> str:
    if m.group("named"):
        return "T24:00" if m.group("named") == "midnight" else "T12:00"
    if m.group("h24") is not None:
        return f"T{int(m.group('h24')):02d}:{m.group('min24')}"
    h = int(m.group("h"))
    minutes = m.group("min") or "00"
    ap = m.group("ap")
    if ap == "p" and h < 12:
        h += 12
    if ap == "a" and h == 12:
        h = 0
    return f"T{h:02d}:{minutes}"


def _with_time(d: Resolved, suffix: str) -> Resolved:
    return Resolved(d.value + suffix, Granularity.TIME, d.start, d.end)


def _year(text: str, anchor: date) -> int | None:
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        y = int(text)
        return y if 1000 <= y <= 2199 else None
    if re.fullmatch(r"'\d{2}", text):
        y = int(text[1:])
        return 2000 + y if 2000 + y <= anchor.year + 10 else 1900 + y
    return spelled_year(text)


def _day_number(text: str) -> int | None:
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", text)
    if m:
        return int(m.group(1))
    return ORDINALS.get(text)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _resolve_date(t: str, ctx: Context, tense: Tense | None) -> Resolved | None:
    a = ctx.anchor
    t = t.strip()
    if not t:
        return None
    simple = {
        "today": 0, "this day": 0, "yesterday": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }  # fmt: skip
    if t in simple:
        return day(a + timedelta(days=simple[t]))
    holiday = _holiday(t, a, tense)
    if holiday is not None:
        return holiday
    m = re.fullmatch(r"(?:the )?(\d{1,2}(?:st|nd|rd|th)|" + ORD_RE + ")", t)
    if m:
        # "On the 15th": a day of the month the story is in, or of the one either side.
        dn = _day_number(m.group(1))
        if dn is None:
            return None
        cands = [
            day(d)
            for k in (-1, 0, 1)
            if (d := _safe_date(add_months(a, k).year, add_months(a, k).month, dn))
        ]
        return pick(cands, a, tense) if cands else None

    # Range modifiers ("the end of December", "early 2023") keep the value, narrow the range.
    m = re.fullmatch(rf"({MOD_RE})(.+)", t)
    if m:
        mod_text = m.group(1).strip(" -")
        mod = next(
            (k for k in ("start", "beginning", "end", "middle", "close", "early", "mid", "late",
                         "turn", "first days") if k in mod_text),
            None,
        )  # fmt: skip
        inner = m.group(2).strip()
        if inner in ("the year", "the month", "the week", "the quarter", "the decade"):
            inner = "this " + inner[4:]
        if inner == "year":
            inner = "this year"
        base = _resolve_date(inner, ctx, tense)
        if base is not None and not base.vague:
            if mod == "turn" and base.granularity is Granularity.YEAR:
                return base
            return narrow(base, "end" if mod == "close" else mod)
        return None
    if t in ("year-end", "the year-end", "end-year"):
        return narrow(year_of(a.year), "end")

    # ISO and numeric dates.
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return day(d) if d else None
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return month(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        y = int(m.group(3))
        y = y + (1900 if y > (a.year % 100) + 10 else 2000) if y < 100 else y
        first, second = int(m.group(1)), int(m.group(2))
        # US order unless it cannot be a month/day pair.
        d = _safe_date(y, first, second) or _safe_date(y, second, first)
        return day(d) if d else None

    # Month and day, optionally a weekday before and a year after.
    m = re.fullmatch(
        r"(?:(?:this coming|this past|this|next|last|coming|past) )?"
        rf"(?:(?P<wd>{WEEKDAY_RE}),? )?(?:the )?(?:(?P<m1>{MONTH_RE}) (?P<d1>{DAYNUM_RE}){DAY_TO}"
        rf"|(?P<d2>{DAYNUM_RE}){DAY_TO} (?:of )?(?P<m2>{MONTH_RE}))"
        rf"(?:,? (?:of )?(?P<y>{YEAR_RE}))?",
        t,
    )
    if m:
        mon = MONTHS[_month_key(m.group("m1") or m.group("m2"))]
        dn = _day_number(m.group("d1") or m.group("d2"))
        if dn is None or not 1 <= dn <= 31:
            return None
        if m.group("y"):
            y = _year(m.group("y"), a)
            if y is None:
                return None
            d = _safe_date(y, mon, dn)
            return day(d) if d else None
        cands = [c for y in (a.year - 1, a.year, a.year + 1) if (c := _safe_date(y, mon, dn))]
        if m.group("wd"):
            wd = WEEKDAYS[m.group("wd").rstrip(".")]
            matching = [c for c in cands if c.weekday() == wd]
            if matching:
                return day(min(matching, key=lambda c: abs((c - a).days)))
        return pick([day(c) for c in cands], a, tense)

    # Weekdays.
    m = re.fullmatch(
        r"(?P<rel>last|next|this|this past|this coming|coming|past|previous)? ?"
        rf"(?P<wd>{WEEKDAY_RE})"
        rf"(?: (?P<after>last|next|week|this week|last week|next week))?",
        t,
    )
    if m:
        wd = WEEKDAYS[m.group("wd").rstrip(".")]
        rel = m.group("rel") or ""
        after = m.group("after") or ""
        if after == "next week" or (rel == "next" and after == "week"):
            base = a + timedelta(weeks=1)
            return day(base - timedelta(days=base.weekday()) + timedelta(days=wd))
        if after == "last week":
            base = a - timedelta(weeks=1)
            return day(base - timedelta(days=base.weekday()) + timedelta(days=wd))
        if after == "this week":
            return day(a - timedelta(days=a.weekday()) + timedelta(days=wd))
        if rel in ("last", "this past", "past", "previous") or after == "last":
            back = (a.weekday() - wd) % 7 or 7
            return day(a - timedelta(days=back))
        if rel in ("next", "this coming", "coming") or after == "next":
            ahead = (wd - a.weekday()) % 7 or 7
            return day(a + timedelta(days=ahead))
        if wd == a.weekday():
            return day(a)
        if tense in (Tense.FUTURE, Tense.PRESENT):
            return day(a + timedelta(days=(wd - a.weekday()) % 7))
        if tense is Tense.PROSPECTIVE:
            back_day = a - timedelta(days=(a.weekday() - wd) % 7)
            ahead_day = a + timedelta(days=(wd - a.weekday()) % 7)
            return day(ahead_day if (ahead_day - a) < (a - back_day) else back_day)
        return day(a - timedelta(days=(a.weekday() - wd) % 7))

    # Month with a year ("August 1988", "January this year", "June last year").
    m = re.fullmatch(
        rf"(?P<m>{MONTH_RE}),? (?:of )?(?P<y>{YEAR_RE}|this year|last year|next year|that year)", t
    )
    if m:
        mon = MONTHS[_month_key(m.group("m"))]
        yt = m.group("y")
        rel_years = {"this year": 0, "last year": -1, "next year": 1}
        if yt in rel_years:
            return month(a.year + rel_years[yt], mon)
        if yt == "that year":
            if ctx.last is None or ctx.last.start is None:
                return None
            return month(ctx.last.start.year, mon)
        y = _year(yt, a)
        return month(y, mon) if y else None

    # A month alone, possibly "last May", "this September".
    m = re.fullmatch(
        rf"(?P<rel>last|next|this|this past|this coming|past|coming)? ?(?P<m>{MONTH_RE})", t
    )
    if m and (m.group("rel") or len(m.group("m").rstrip(".")) >= 3):
        mon = MONTHS[_month_key(m.group("m"))]
        rel = m.group("rel")
        cands = [month(y, mon) for y in (a.year - 1, a.year, a.year + 1)]
        if rel == "this":
            return month(a.year, mon)
        if rel == "last":
            # "Last February" is last year's: the one just gone would be "in February".
            return month(a.year - 1, mon)
        if rel in ("this past", "past"):
            earlier = [c for c in cands if c.end is not None and c.end < date(a.year, a.month, 1)]
            return earlier[-1]
        if rel in ("next", "this coming", "coming"):
            return next(c for c in cands if c.start is not None and c.start > a)
        return pick(cands, a, tense)

    # Seasons.
    m = re.fullmatch(
        r"(?:the )?(?P<rel>last|next|this|this past|this coming|past|coming)? ?"
        r"(?P<s>spring|summer|fall|autumn|winter)"
        rf"(?:,? (?:of )?(?P<y>{YEAR_RE}|this year|last year|next year){SPLIT_YEAR_RE})?",
        t,
    )
    if m:
        code = SEASONS[m.group("s")]
        yt = m.group("y")
        rel = m.group("rel")
        if yt:
            rel_years = {"this year": 0, "last year": -1, "next year": 1}
            y = a.year + rel_years[yt] if yt in rel_years else _year(yt, a)
            return season(y, code) if y else None
        cands = [season(y, code) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
        if rel in ("last", "this past", "past"):
            return [c for c in cands if c.end is not None and c.end < a][-1]
        if rel in ("next", "this coming", "coming"):
            return next(c for c in cands if c.start is not None and c.start > a)
        if rel == "this":
            # "will be debated this fall" is the coming one, "the delay seen this winter"
            # the one just gone; with no tense, the one nearest the anchor.
            return pick(cands, a, tense if tense in (Tense.FUTURE, Tense.PAST) else Tense.PRESENT)
        return pick(cands, a, tense)

    # Quarters and halves.
    m = re.fullmatch(
        r"(?:(?:the|a|an) (?:[a-z]+ )?)?(?:(?:fiscal )?(?P<y1>\d{4})(?:'s)? )?(?:fiscal )?"
        r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
        r"[- ](?P<kind>quarter|half|period)"
        r"(?: of (?:fiscal |the )?(?P<y2>\d{4}|this year|last year|next year))?",
        t,
    )
    if m:
        qn = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }[m.group("q")]
        kind = m.group("kind")
        if kind == "half" and qn > 2:
            return None
        if kind == "period":
            kind = "quarter"
        yt = m.group("y1") or m.group("y2")
        rel_years = {"this year": 0, "last year": -1, "next year": 1}
        make = quarter if kind == "quarter" else half
        if yt:
            y = a.year + rel_years[yt] if yt in rel_years else int(yt)
            return make(y, qn)
        r = make(a.year, qn)
        if r.start is not None and r.start > a and tense is not Tense.FUTURE:
            return make(a.year - 1, qn)
        return r
    m = re.fullmatch(rf"(?:the |a |this |last )?(?P<m>{MONTH_RE}) quarter", t)
    if m:
        # "The September quarter": the quarter that ends with (or holds) that month.
        q = (MONTHS[_month_key(m.group("m"))] - 1) // 3 + 1
        cands = [quarter(y, q) for y in (a.year - 1, a.year, a.year + 1)]
        return pick(cands, a, tense)
    m = re.fullmatch(
        r"(?:the |a |this )?(?P<adj>latest|current|most recent|recent|same|just-ended|fiscal)? ?"
        r"(?P<kind>quarter|period)",
        t,
    )
    frame = ctx.quarter_frame()
    if m and (m.group("kind") == "quarter" or frame is not None):
        if m.group("adj") in ("latest", "most recent", "just-ended"):
            # The latest quarter is the last one completed by the anchor.
            if frame is not None and frame.end is not None and frame.end < a:
                return replace(frame, anaphoric=True)
            return resolve_unit_offset(a, "Q", -1)
        if frame is not None:
            return replace(frame, anaphoric=True)
        # "Sales fell in the quarter": a quarter told in the past tense is over, so it is
        # the last one completed, not the one the anchor falls in.
        return resolve_unit_offset(a, "Q", -1 if tense is Tense.PAST else 0)
    if re.fullmatch(
        r"(?:the )?(?:year-ago|year-earlier|year ago|year earlier|prior-year|previous-year)"
        r"(?: quarter| period)?",
        t,
    ):
        if frame is not None:
            shifted = shift(frame, "Y", -1)
            return replace(shifted, anaphoric=True) if shifted else None
        return replace(year_of(a.year - 1), anaphoric=True)

    # Years, decades, centuries.
    m = re.fullmatch(
        r"(?:(?:fiscal|calendar|the year|the fiscal year|the calendar year|the|year) )?"
        rf"(?P<y>{YEAR_RE})"
        r"(?: (?:period|season|year|calendar year|fiscal year))?",
        t,
    )
    if m:
        y = _year(m.group("y"), a)
        if y is not None and (
            not re.fullmatch(r"'\d{2}", m.group("y")) or t.startswith(("the", "fiscal"))
        ):
            return year_of(y)
    m = re.fullmatch(
        r"(?:the )?(?:(?:early|mid|late)[- ])?(?:(?P<c>\d{2})(?P<d>\d)0|'(?P<s>\d)0)'?s", t
    )
    if m:
        if m.group("s"):
            first = (a.year // 100) * 100 + int(m.group("s")) * 10
            if first > a.year:
                first -= 100
        else:
            first = int(m.group("c")) * 100 + int(m.group("d")) * 10
        return decade(first)
    decades = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
               "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
    m = re.fullmatch(r"(?:the )?(?:(?:early|mid|late)[- ])?(?P<w>[a-z]+ties)", t)
    if m and m.group("w") in decades:
        return decade(1900 + 10 * decades[m.group("w")])
    m = re.fullmatch(rf"(?:the )?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD_RE}) century", t)
    if m:
        n = _day_number(m.group("n"))
        return century(n) if n else None

    # "The same period last year": the frame's quarter, or the year, a year back.
    m = re.fullmatch(
        r"(?:the )?same (?:quarter|period|time|month|week) "
        r"(?:last year|a year (?:earlier|ago|before)|the (?:previous|prior) year)",
        t,
    )
    if m:
        frame = ctx.quarter_frame()
        shifted = shift(frame, "Y", -1) if frame is not None else year_of(a.year - 1)
        return replace(shifted, anaphoric=True) if shifted else None
    m = re.fullmatch(rf"(?:the |a )?(?:{ORD_RE}) (?:straight |consecutive |successive )?day", t)
    if m and tense is Tense.PRESENT:
        # "Today is the eighth day of the operation": a count of days that reaches now.
        return day(a)
    m = re.fullmatch(r"the (week|month|year) (before|after|earlier|later)", t)
    if m:
        base_date = ctx.last.start if ctx.last is not None and ctx.last.start else a
        step = -1 if m.group(2) in ("before", "earlier") else 1
        return replace(resolve_unit_offset(base_date, UNITS[m.group(1)], step), anaphoric=True)
    m = re.fullmatch(r"the day (before|after)", t)
    if m:
        if (
            ctx.last is None
            or ctx.last.granularity is not Granularity.DAY
            or ctx.last.start is None
        ):
            return None
        step = -1 if m.group(1) == "before" else 1
        return replace(day(ctx.last.start + timedelta(days=step)), anaphoric=True)

    # Relative periods: "this week", "last month", "the following year", "that year".
    m = re.fullmatch(
        r"(?P<rel>this|the current|the present|current|last|the past|the last|the previous|"
        r"the prior|"
        r"this past|past|previous|prior|next|the next|the coming|this coming|coming|the following|"
        r"following|earlier this|later this|later that|earlier that|that|the same|the)"
        r" (?:fiscal |full |calendar |financial )?"
        r"(?P<u>day|week|weekend|month|year|quarter|decade)",
        t,
    )
    if m:
        rel, unit = m.group("rel"), UNITS[m.group("u")]
        if rel in (
            "that",
            "the same",
            "later that",
            "earlier that",
            "the following",
            "following",
        ) or (rel in ("the previous", "the prior", "the next") and ctx.last is not None):
            base = ctx.last
            if base is None or base.start is None:
                return None
            n = {
                "the following": 1,
                "following": 1,
                "the next": 1,
                "the previous": -1,
                "the prior": -1,
            }.get(rel, 0)
            if unit == "Y":
                return year_of(base.start.year + n)
            if unit == "M":
                d = add_months(base.start, n)
                return month(d.year, d.month)
            if unit == "D" and base.granularity is Granularity.DAY:
                return day(base.start + timedelta(days=n))
            if unit == "W":
                return week_of(base.start + timedelta(weeks=n))
            return None
        if unit == "D":
            return None
        if unit == "WE":
            if rel in ("this", "the current"):
                return weekend_of(a)
            if rel in ("the", "the past", "this past", "past"):
                cands = [weekend_of(a + timedelta(weeks=k)) for k in (-1, 0, 1)]
                return pick(cands, a, tense)
        n = 0
        if rel in ("last", "the past", "the last", "the previous", "the prior", "this past", "past",
                   "previous", "prior"):  # fmt: skip
            n = -1
        elif rel in ("next", "the next", "the coming", "this coming", "coming"):
            n = 1
        return resolve_unit_offset(a, unit, n)

    # "two days ago", "a year earlier", "six weeks later".
    m = re.fullmatch(
        rf"{APPROX_RE}(?P<n>{NUM_RE}|{VAGUE_NUM_RE}|a week or so|a year or so|a year or two)"
        rf" ?(?P<u>{UNIT_RE})? (?:or so )?"
        r"(?P<dir>ago|earlier|before|later|after|from now|hence|back)",
        t,
    )
    if m:
        ntext = m.group("n")
        direction = -1 if m.group("dir") in ("ago", "earlier", "before", "back") else 1
        unit_text = m.group("u")
        if unit_text is None:
            mm = re.fullmatch(r"an? (week|year) or (?:so|two)", ntext)
            if not mm:
                return None
            unit, n = UNITS[mm.group(1)], 1
        else:
            unit = UNITS[unit_text]
            n_opt = number(ntext)
            if n_opt is None:
                return vague("PAST_REF" if direction < 0 else "FUTURE_REF", a)
            n = n_opt
        relative = m.group("dir") in ("earlier", "later", "before", "after")
        base_ctx = ctx.last if relative else None
        frame = ctx.quarter_frame()
        if frame is not None and unit == "Y" and m.group("dir") in ("ago", "earlier", "before"):
            shifted = shift(frame, "Y", direction * n)
            return replace(shifted, anaphoric=True) if shifted else None
        if base_ctx is not None and base_ctx.granularity is Granularity.DAY and unit in ("D", "W"):
            assert base_ctx.start is not None
            return resolve_unit_offset(base_ctx.start, unit, direction * n)
        if unit == "E":
            # "a decade ago" names a year, not the decade it falls in.
            return year_of(a.year + 10 * direction * n)
        return resolve_unit_offset(a, unit, direction * n)
    return _dateparser_fallback(t, a, tense)


# Holidays on a fixed day of the year, as English-language papers name them.
FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new year": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
}  # fmt: skip


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month_, day_ = divmod(h + el - 7 * m + 114, 31)
    return date(year, month_, day_ + 1)


def _nth_weekday(year: int, month_: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month_, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_range(year, month_)[1]
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_in(name: str, year: int) -> date | None:
    if name in FIXED_HOLIDAYS:
        return _safe_date(year, *FIXED_HOLIDAYS[name])
    moving = {
        "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    }  # fmt: skip
    if name in moving:
        return _easter(year) + timedelta(days=moving[name])
    if name in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "black friday":
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=1)
    if name == "cyber monday":
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=4)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    return None


def _holiday(t: str, anchor: date, tense: Tense | None) -> Resolved | None:
    m = re.fullmatch(rf"(?:this |last |next )?(.+?)(?:,? ({YEAR_RE}))?", t)
    if m is None or _holiday_in(m.group(1), 2000) is None:
        return None
    name = m.group(1)
    if m.group(2):
        y = _year(m.group(2), anchor)
        d = _holiday_in(name, y) if y else None
        return day(d) if d else None
    cands = [
        day(d)
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _holiday_in(name, y))
    ]
    if t.startswith("last "):
        return max(
            (c for c in cands if c.start and c.start < anchor), key=lambda c: c.start or anchor
        )
    if t.startswith("next "):
        return min(
            (c for c in cands if c.start and c.start > anchor), key=lambda c: c.start or anchor
        )
    return pick(cands, anchor, tense)


def _month_key(text: str) -> str:
    key = text.rstrip(".").lower()
    return key if key in MONTHS else key[:3]


def _dateparser_fallback(t: str, anchor: date, tense: Tense | None) -> Resolved | None:
    """dateparser reads only spans that name a month or weekday our rules did not cover."""
    if not re.search(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE})(?:\b|$)", t) or len(t) > 40:
        return None
    import datetime as dt

    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "future" if tense is Tense.FUTURE else "past",
        "REQUIRE_PARTS": ["month"],
        "RETURN_TIME_AS_PERIOD": True,
    }
    try:
        parsed = dateparser.parse(t, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd input; a miss is a miss
        return None
    if parsed is None:
        return None
    if re.search(r"\d|" + ORD_RE, t):
        return day(parsed.date())
    return month(parsed.year, parsed.month)
