"""TIMEX3-style values (what the timeline stores) in a reader's words.

Shared by the app's panes and the Markdown export; plain string work, no imports worth
waiting for. `timex_label` reads a value alone (what the pane passes); `entry_label`
reads a whole timeline entry and adds what the value cannot carry: the hedge of a length
of time ("about a month"), "lasting" before a length the article does not place ("lasting
six days"), and the "every" of a recurrence. `own_rows` says which entries are rows at all.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from tui.pipeline.model import TimelineEntry

T = TypeVar("T")

_PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
_SEASONS = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TIMEX = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?"
    r"|(?P<s>WI|SP|SU|FA)|Q(?P<q>\d)|H(?P<h>[12])))?$"
)
_DURATION = re.compile(r"^P(?:(?P<n>\d+)(?P<u>DE|[DWMY])|T(?P<tn>\d+)(?P<tu>[HMS]))$")
_DURATION_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade",
                   "H": "hour", "S": "second"}  # fmt: skip
_SMALL = ["", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_SET_DAY = re.compile(
    r"^XXXX-WXX-(?P<wd>[1-7])(?:T(?:(?P<part>MO|MI|AF|EV|NI)|(?P<clock>\d\d:\d\d)))?$"
)
_SET_MONTH = re.compile(r"^XXXX-(?P<m>\d{2})$")
# "Every night" (that part of every day), "every few years" (no count).
_SET_DAY_PART = re.compile(r"^XXXX-XX-XXT(?P<part>MO|AF|EV|NI)$")
_SET_FEW = re.compile(r"^PX(?P<u>DE|[DWMY])$")
# A day of every month: "XXXX-XX-15".
_SET_MONTH_DAY = re.compile(r"^XXXX-XX-(?P<d>\d{2})$")
# A date or season every year: "XXXX-04-01", "XXXX-SU".
_SET_YEARLY = re.compile(r"^XXXX-(?:(?P<m>\d{2})-(?P<d>\d{2})|(?P<s>WI|SP|SU|FA))$")
# "Every other Monday", "every second Tuesday": the weekday recurs one week in two.
_EVERY_OTHER = re.compile(r"\b(?:every|each) (?:other|second|alternate)\b", re.I)
# "The 3rd Sunday of every month": the weekday recurs once a month, which one the words say.
_NTH_OF_THE_MONTH = re.compile(
    r"\b(?P<n>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th) "
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*\b(?:of|in) (?:every|each|the) month\b",
    re.I,
)
# Words before a length of time that a reader needs to keep: "about a month". Not before
# "the": "over the three years" is during them, not more than three.
_HEDGE = re.compile(
    r"\b(?P<h>about|around|roughly|approximately|nearly|almost|more than|less than|over|"
    r"under|at least|at most|up to|some)\s+(?:\d|a\b|an\b|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)",
    re.IGNORECASE,
)
# A hedge said after the count ("30-odd years", "25 or so years", "20-plus years", "6+
# hours"), which the rules read as "about" or "more than" before it.
_HEDGE_AFTER = re.compile(r"[\da-z](?P<h>-odd|\s+or\s+so|-plus|\s*\+)\s+[a-z]", re.IGNORECASE)


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def timex_label(value: str) -> str | None:
    """A TIMEX3-style value in a reader's words ("22 Mar 2024", "week of 5–11 Aug 2024",
    "winter 2022–23", "a month, until 19 Nov 2019"); ranges "a/b" become "a – b". None
    when the value is not a calendar date or a length of time."""
    if "/" in value:
        first, second = value.split("/", 1)
        if _is_length(first):
            return _length_at(first, second, "until")
        if _is_length(second):
            return _length_at(second, first, "from")
        parts = [timex_label(part) for part in (first, second)]
        return None if None in parts else " – ".join(p for p in parts if p)
    if _is_length(value):
        return duration_words(value)
    if re.fullmatch(r"XXXX-XX-XXT\d\d:\d\d(?::\d\d)?", value):
        return f"{value[11:]}, no day named"  # an hour of a schedule
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"  # a decade: "199" is the 1990s
    if re.fullmatch(r"\d{2}", value):
        return f"{_ordinal(int(value) + 1)} century"  # "19" holds 1900-1999
    match = _TIMEX.match(value[:10] if "T" in value else value)
    if match is None:
        return None
    year, month, day = match["y"], match["m"], match["d"]
    if month and not 1 <= int(month) <= 12:
        return None  # not a calendar date: show the raw value rather than guess
    if day:
        if value[11:16] == "24:00":
            # The midnight that ends a day is the next day's first moment, as a reader and
            # a clock say it ("24:00" read as no time at all).
            after = date(int(year), int(month), int(day)) + timedelta(days=1)
            return f"{after.day} {_MONTHS[after.month - 1]} {after.year}, 00:00"
        label = f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
        if "T" in value and len(value) >= 16:
            # To the minute, or to the second a stamp gives ("16:40:00+02:00" is 16:40).
            seconds = re.match(r"\d\d:\d\d:(?!00)\d\d", value[11:19])
            label += f", {value[11:19] if seconds else value[11:16]}"
        elif value[11:] in _PARTS_OF_DAY:
            label += f", {_PARTS_OF_DAY[value[11:]]}"
        return label
    if month:
        return f"{_MONTHS[int(month) - 1]} {year}"
    if match["w"]:
        # Its days, not its ISO number: no reader knows which week is "week 32".
        if match["we"]:
            return _days_of_week("weekend", int(year), int(match["w"]), 6)
        return _days_of_week("week", int(year), int(match["w"]), 1)
    if match["s"]:
        if match["s"] == "WI":
            # A winter runs into the next year: "winter 2022–23".
            return f"winter {year}–{(int(year) + 1) % 100:02d}"
        return f"{_SEASONS[match['s']]} {year}"
    if match["q"]:
        return f"Q{match['q']} {year}"
    if match["h"]:
        return f"{'first' if match['h'] == '1' else 'second'} half of {year}"
    return year


def _days_of_week(word: str, year: int, week: int, first_day: int) -> str | None:
    """ "week of 5–11 Aug 2024", "weekend of 31 Aug – 1 Sep 2024": the days of an ISO week
    from its `first_day` (1 Monday, 6 Saturday) to its Sunday."""
    try:
        first = date.fromisocalendar(year, week, first_day)
    except ValueError:
        return None
    sun = first + timedelta(days=7 - first_day)
    last = f"{sun.day} {_MONTHS[sun.month - 1]} {sun.year}"
    if sun.year != first.year:
        return f"{word} of {first.day} {_MONTHS[first.month - 1]} {first.year} \u2013 {last}"
    if sun.month != first.month:
        return f"{word} of {first.day} {_MONTHS[first.month - 1]} \u2013 {last}"
    return f"{word} of {first.day}\u2013{last}"


# A length in two units, as TIMEX3 writes a count with a fraction: "P2Y6M", "PT1H30M",
# "P1DT12H".
_TWO_UNITS = re.compile(
    r"^P(?:(?P<a>\d+[YMWD])(?P<b>\d+[MD]|T\d+H)|T(?P<ta>\d+[HM])(?P<tb>\d+[MS]))$"
)
# The second unit's count that makes it half of the first: "P2Y6M" is two and a half years.
_HALF_OF = {("Y", "M"): 6, ("M", "D"): 15, ("D", "H"): 12, ("H", "M"): 30, ("TM", "S"): 30}


# A length in parts: "PT2H5M12S", "P1Y2M3D".
_UNITS_OF_A_LENGTH = re.compile(r"^P((?:\d+[YMWD])*)(?:T((?:\d+[HMS])+))?$")


def length_parts(code: str) -> list[tuple[str, int]]:
    """A TIMEX3 length's units and counts, largest first, a clock's units marked "T"
    ("PT4H51M" -> [("TH", 4), ("TM", 51)], "P1Y2M" -> [("Y", 1), ("M", 2)]); empty for
    anything else."""
    found = _UNITS_OF_A_LENGTH.match(code)
    if found is None:
        return []
    days, clock = found.group(1), found.group(2) or ""
    return [(u, int(n)) for n, u in re.findall(r"(\d+)([YMWD])", days)] + [
        (f"T{u}", int(n)) for n, u in re.findall(r"(\d+)([HMS])", clock)
    ]


def length_code(parts: Iterable[tuple[str, int]]) -> str:
    """The TIMEX3 length of units and counts as `length_parts` gives them, in their order
    ([("TH", 4), ("TM", 51)] -> "PT4H51M")."""
    parts = list(parts)
    days = "".join(f"{n}{u}" for u, n in parts if not u.startswith("T"))
    clock = "".join(f"{n}{u[1]}" for u, n in parts if u.startswith("T"))
    return "P" + days + (f"T{clock}" if clock else "")


def _many_units(code: str) -> bool:
    """A length in three or more parts (two have their own reading, `_TWO_UNITS`)."""
    return len(length_parts(code)) >= 3


def _is_length(value: str) -> bool:
    return (
        _DURATION.match(value) is not None
        or _TWO_UNITS.match(value) is not None
        or _many_units(value)
    )


def _many_units_words(code: str) -> str | None:
    """'PT2H5M12S' -> 'two hours, five minutes and 12 seconds'."""
    words = [duration_words(length_code([part])) for part in length_parts(code)]
    if len(words) < 3 or None in words:
        return None
    return ", ".join(w for w in words[:-1] if w) + f" and {words[-1]}"


def _two_units_words(m: re.Match[str]) -> str | None:
    """'P2Y6M' -> '2½ years', 'PT1H30M' -> '1½ hours', 'P1Y3M' -> 'a year and three months'."""
    clock = m["ta"] is not None
    first, second = (m["ta"], m["tb"]) if clock else (m["a"], m["b"].lstrip("T"))
    n, unit = int(first[:-1]), ("T" if clock and first[-1] == "M" else "") + first[-1]
    if _HALF_OF.get((unit, second[-1])) == int(second[:-1]):
        return f"{n}\u00bd {_DURATION_UNITS.get(unit, 'minute')}s"
    words = [duration_words(f"P{'T' if clock or part.endswith('H') else ''}{part}")
             for part in (first, second)]  # fmt: skip
    return None if None in words else f"{words[0]} and {words[1]}"


def duration_words(code: str) -> str | None:
    """'P1M' -> 'a month', 'P25Y' -> '25 years', 'P1DE' -> 'a decade', 'PT2H' -> 'two hours',
    'P2Y6M' -> '2½ years', 'PT2H5M12S' -> 'two hours, five minutes and 12 seconds'."""
    if (two := _TWO_UNITS.match(code)) is not None:
        return _two_units_words(two)
    if _many_units(code):
        return _many_units_words(code)
    m = _DURATION.match(code)
    if m is None:
        return None
    n = int(m["n"] or m["tn"])
    unit = _DURATION_UNITS["M" if m["tu"] == "M" else m["u"] or m["tu"]]
    if m["tu"] == "M":
        unit = "minute"
    if n == 1:
        return f"{'an' if unit == 'hour' else 'a'} {unit}"
    return f"{_SMALL[n] if n < len(_SMALL) else n} {unit}s"


def _length_at(code: str, date_value: str, word: str) -> str | None:
    length, when = duration_words(code), timex_label(date_value)
    if length is None or when is None:
        return None
    return f"{length}, {word} {when}"


def set_label(value: str) -> str | None:
    """A TIMEX3 set in a reader's words: 'every Tuesday', 'every July', 'every two weeks'."""
    if value == "XXXX-WXX-WE":
        return "every weekend"
    m = _SET_DAY_PART.match(value)
    if m:
        return f"every {_PARTS_OF_DAY[m['part']]}"
    m = _SET_FEW.match(value)
    if m:
        return f"every few {_DURATION_UNITS[m['u']]}s"
    m = _SET_DAY.match(value)
    if m:
        part = f" {_PARTS_OF_DAY[m['part']]}" if m["part"] else ""
        clock = f", {m['clock']}" if m["clock"] else ""
        return f"every {_WEEKDAY_NAMES[int(m['wd']) - 1]}{part}{clock}"
    m = _SET_MONTH_DAY.match(value)
    if m:
        return f"every month on the {_ordinal(int(m['d']))}"
    m = _SET_MONTH.match(value)
    if m and 1 <= int(m["m"]) <= 12:
        return f"every {MONTH_NAMES[int(m['m']) - 1]}"
    m = _SET_YEARLY.match(value)
    if m and m["s"]:
        return f"every {_SEASONS[m['s']]}"
    if m and 1 <= int(m["m"]) <= 12:
        return f"every {int(m['d'])} {_MONTHS[int(m['m']) - 1]}"
    length = duration_words(value)
    if length is None:
        return None
    return "every " + (length[2:] if length.startswith("a ") else length)


def _years_label(entry: TimelineEntry, label: str) -> str:
    """A year whose range runs into a later one ("2023-24", "2019-2021") says both (a
    split year's value is the year it ends in, as TIMEX3 names a fiscal year)."""
    # Whole years only: "since 2019" runs to the story's day and reads as "2019".
    start, end = entry.range_start or "", entry.range_end or ""
    whole = start.endswith("-01-01") and end.endswith("-12-31")
    if not (re.fullmatch(r"\d{4}", entry.value) and whole):
        return label
    first, last = int(start[:4]), int(end[:4])
    if last <= first:
        return label
    if last == first + 1 and first // 100 == last // 100:
        return f"{first}\u2013{last % 100:02d}"
    return f"{first}\u2013{last}"


def _ends_a_month(iso_day: str) -> bool:
    y, mo, d = (int(x) for x in iso_day[:10].split("-"))
    return d == calendar.monthrange(y, mo)[1]


# A run of days said in one expression ("August 19-25", "9 - 11 July"), not a day with a
# range to the story's day ("since June 1").
_DAY_RUN_SAID = re.compile(r"\d(?:st|nd|rd|th)? ?[-\u2013] ?\d")


def _days_label(entry: TimelineEntry, label: str) -> str:
    """A run of days says both ends: "19\u201325 Aug 2006", "28 Mar\u20133 Apr 2009",
    "30 Dec 2008\u20132 Jan 2009"; said in one expression ("August 19-25") or in two
    ("from March 28 to April 3")."""
    end = entry.range_end
    if (
        not re.fullmatch(r"\d{4}-\d\d-\d\d", entry.value)
        or not end
        or end <= entry.value
        or not (entry.runs_to_next or _DAY_RUN_SAID.search(entry.expression))
    ):
        return label
    last = timex_label(end) or end
    if end[:7] == entry.value[:7]:
        return f"{int(entry.value[8:10])}\u2013{last}"
    if end[:4] == entry.value[:4]:
        return f"{label.rsplit(' ', 1)[0]}\u2013{last}"
    return f"{label}\u2013{last}"


def _months_label(entry: TimelineEntry, label: str) -> str:
    """A month whose range runs on to a later month ("the November-January quarter", "the
    quarter ended Aug. 31") says both: "Nov 2023–Jan 2024", "Jun–Aug 2024"."""
    end = entry.range_end
    m = re.fullmatch(r"(\d{4})-(\d\d)", entry.value)
    # Whole months only: "since March" runs to the story's day and reads as "March".
    if m is None or not end or end[:7] <= entry.value or not _ends_a_month(end):
        return label
    first = _MONTHS[int(m[2]) - 1]
    last = _MONTHS[int(end[5:7]) - 1]
    if end[:4] == m[1]:
        return f"{first}\u2013{last} {m[1]}"
    return f"{first} {m[1]}\u2013{last} {end[:4]}"


_MONTHS_IN = {"Q": 3, "H": 6}  # months in a quarter, a half


def _fiscal_label(entry: TimelineEntry, label: str) -> str:
    """A company's quarter or year that is not the calendar's ("its fourth quarter ended
    Aug. 26", "the year ended Sept. 30") says the months it ran: "fiscal Q4 2024
    (Jun–Aug)", "fiscal 1989 (Oct–Sep)". Only whole runs of its length: "the end of
    the year" is a part of the calendar year, not a fiscal one."""
    m = re.fullmatch(r"(\d{4})(?:-([QH])(\d))?", entry.value)
    start, end = entry.range_start, entry.range_end
    if m is None or not start or not end or start[8:10] != "01" or not _ends_a_month(end):
        return label
    size = _MONTHS_IN[m[2]] if m[2] else 12
    first_month, last_month = int(start[5:7]), int(end[5:7])
    if (int(end[:4]) * 12 + last_month) - (int(start[:4]) * 12 + first_month) + 1 != size:
        return label
    calendar_first = _MONTHS_IN[m[2]] * (int(m[3]) - 1) + 1 if m[2] else 1
    if first_month == calendar_first and start[:4] == m[1]:
        return label
    first = _MONTHS[first_month - 1]
    last = _MONTHS[last_month - 1]
    return f"fiscal {label} ({first}\u2013{last})"


def date_assumed(entry: TimelineEntry) -> bool:
    """Whether to say "(date assumed)" beside an entry: read against a stand-in for the
    page's date, and not a date that writes its own year ("3 March 2025" is as sure on
    an undated page as on any other)."""
    from tui.pipeline.timeline.standin import names_its_year

    return entry.anchor_assumed and not names_its_year(entry)


def entry_label(entry: TimelineEntry) -> str | None:
    """A timeline entry's when, in a reader's words; None for vague entries ("recently"),
    which read best as the article said them."""
    if entry.vague:
        return None
    if entry.timex_type == "SET":
        value = entry.timex_value or entry.value
        label = set_label(value)
        if label and _SET_DAY.match(value) and (nth := _NTH_OF_THE_MONTH.search(entry.expression)):
            # "every Sunday, 11:00" of the third Sunday of every month: the value has no room
            # for which of the month's.
            weekday, _, rest = label.removeprefix("every ").partition(",")
            which = "last" if nth["n"].lower() == "final" else nth["n"].lower()
            return f"the {which} {weekday} of every month" + (f",{rest}" if rest else "")
        if label and _SET_DAY.match(value) and _EVERY_OTHER.search(entry.expression):
            # "every Tuesday ..." of a weekday: the value has no room for one week in two.
            return f"every other {label.removeprefix('every ')}"
        return label
    label = timex_label(_as_said(entry))
    if label is not None and entry.timex_type == "DATE":
        label = _days_label(entry, _years_label(entry, label))
        label = _fiscal_label(entry, _months_label(entry, label))
    if label is not None and entry.timex_type == "DURATION":
        if _NIGHTS_SAID.search(entry.expression):
            # "For three nights" is counted in days (P3D); the reader reads the nights.
            label = _DAYS_WORD.sub(lambda m: "night" + m[0][3:], label, count=1)
        hedge = _HEDGE.search(entry.expression)
        if hedge:
            label = f"{hedge['h'].lower()} {label}"
        elif hedge_after := _HEDGE_AFTER.search(entry.expression):
            about = hedge_after["h"].lower().endswith(("odd", "so"))
            label = f"{'about' if about else 'more than'} {label}"
        if "/" not in entry.value:
            # A length the article does not place ("he spent six days aboard"): listed
            # after the dates, and said to be a length, not a date. Counted from an event
            # ("a day after the blackout"), it is how far from it, not how long.
            counted = _counted_from(entry)
            label = f"{label} {counted}" if counted else f"lasting {label}"
    return label


_NIGHTS_SAID = re.compile(r"\bnights?\b", re.I)
_DAYS_WORD = re.compile(r"\bdays?\b")


# What turns a length into a distance from an event the words after it name ("two months
# ahead of the election" too), unless a word before it makes it a length still ("for
# three weeks before a deal", "it will take another two months before it is ready").
_COUNTED_FROM = re.compile(r"\s+(after|before|later|earlier|ahead)\b", re.I)
_A_LENGTH_STILL = re.compile(
    r"\b(?:for|over|during|throughout|takes?|took|taken|taking|spen[dt]s?|spending)\s+$", re.I
)


def _counted_from(entry: TimelineEntry) -> str | None:
    """ "after" for "a day after the blackout" (and "before", "later", "earlier"): the word
    after the expression that counts it from an event; None for a length."""
    at = entry.sentence.find(entry.expression)
    if at < 0 or _A_LENGTH_STILL.search(entry.sentence, 0, at):
        return None
    counted = _COUNTED_FROM.match(entry.sentence, at + len(entry.expression))
    return None if counted is None else counted[1].lower()


def _as_said(entry: TimelineEntry) -> str:
    """The value with its length as the article said it: the rules counted "three and a
    half years" as 42 months, and TIMEX3 keeps "P3Y6M", which reads "3½ years"."""
    stated = entry.timex_value
    if entry.timex_type != "DURATION" or not stated or _TWO_UNITS.match(stated) is None:
        return entry.value
    return "/".join(stated if _is_length(part) else part for part in entry.value.split("/"))


def read_as_of_label(iso_day: str) -> str:
    """What a reader is told of a page that gave no date but named its own: the date its
    timeline was read as of (`Article.read_as_of`)."""
    return f"no date given; read as of {timex_label(iso_day) or iso_day}"


def _itself(item: object) -> TimelineEntry:
    return item  # type: ignore[return-value]  # the default for a list of entries


def own_rows(
    items: Sequence[T],
    entry_of: Callable[[T], TimelineEntry] = _itself,
    source_of: Callable[[T], int] = lambda _: 0,
) -> list[T]:
    """Which entries have a row of their own where a reader reads them: the data keeps
    every TIMEX3 expression, as the standard counts them, but "3 p.m. EDT (1900 GMT) on
    Tuesday" is one entry at 15:00 holding another, "1900 GMT", at 19:00. As two rows they
    read as two events four hours apart, where the outer entry's words give both clocks.

    `items` in their order, less those whose entry lies inside another entry's words
    in the same paragraph of the same source (`source_of`: an article's index, for a
    briefing's merged timeline). Of two entries on the very same words, the first stays.
    The end of a range said as two dates ("from 1969 until 1976") is read in the row of
    its start. A row that would read as one before it from the same source (the same
    words dated the same way in the same sentence) is not repeated: a page that repeats a
    label ("Election 2012:" 81 times) or a paragraph (a pull quote) showed the same row
    once for each."""
    # Each entry's place, once: source, paragraph, start, the longest first, its order.
    by_place = sorted(
        (source_of(item), entry.block, entry.start, -entry.end, k)
        for k, item in enumerate(items)
        for entry in (entry_of(item),)
    )
    inside: set[int] = set()
    reach: tuple[int, int, int] | None = None  # source, block, furthest end so far
    for source, block, _, less_end, k in by_place:
        if reach is not None and reach[:2] == (source, block) and -less_end <= reach[2]:
            inside.add(k)  # the entry that reached that far starts no later: it holds this
        else:
            reach = (source, block, -less_end)
    kept = [place for place in by_place if place[-1] not in inside]
    for one, other in pairwise(kept):
        first, second = entry_of(items[one[-1]]), entry_of(items[other[-1]])
        if _ends_its_range(first, second, one, other):
            inside.add(other[-1])
        elif _said_twice(first, second, one, other):
            inside.add(_the_less_sure(items, entry_of, one[-1], other[-1]))
    shown: set[tuple[object, ...]] = set()
    for place in kept:
        if place[-1] in inside:
            continue
        reads = (place[0], *_what_a_row_reads(entry_of(items[place[-1]])))
        if reads in shown:
            inside.add(place[-1])
        shown.add(reads)
    return [item for k, item in enumerate(items) if k not in inside]


def _what_a_row_reads(entry: TimelineEntry) -> tuple[object, ...]:
    """Everything a row's label and sentence are made from, cheaply: the label itself
    (`entry_label`) costs ~9 µs, and a briefing's merged timeline may hold 30,000 entries,
    listed again at every merge. (Extraction has collapsed the sentences' spaces.)"""
    return (
        entry.expression.casefold(), entry.value, entry.range_start, entry.range_end,
        entry.timex_type, entry.timex_value, entry.vague, entry.anchor_assumed, entry.sentence,
    )  # fmt: skip


# Characters between two entries that say one time twice: "16 years later in 1754", "two
# days later, on June 5" (a word and a comma at most).
_SAID_TWICE_GAP = 5


def _ends_its_range(
    first: TimelineEntry,
    second: TimelineEntry,
    first_place: tuple[int, int, int, int, int],
    second_place: tuple[int, int, int, int, int],
) -> bool:
    """Whether `second` is the end of the range `first` starts ("from 1969 until 1976"),
    which `first`'s row reads."""
    return (
        first.runs_to_next
        and first_place[:2] == second_place[:2]
        and first.end <= second.start
        and first.range_end == second.range_end
    )


def _said_twice(
    first: TimelineEntry,
    second: TimelineEntry,
    first_place: tuple[int, int, int, int, int],
    second_place: tuple[int, int, int, int, int],
) -> bool:
    """Two entries side by side in one paragraph that come to the same time: a count of
    time and the date it comes to ("16 years later in 1754"), one time said twice."""
    return (
        first_place[:2] == second_place[:2]
        and 0 <= second.start - first.end <= _SAID_TWICE_GAP
        and (first.value, first.range_start, first.range_end)
        == (second.value, second.range_start, second.range_end)
    )


def _the_less_sure(
    items: Sequence[T], entry_of: Callable[[T], TimelineEntry], one: int, other: int
) -> int:
    """Of one time said twice, the row to drop: the one dated from an assumed anchor when
    the other is not, else the later of the two."""
    if entry_of(items[one]).anchor_assumed and not entry_of(items[other]).anchor_assumed:
        return one
    return other
