"""The words and regular-expression pieces the timeline rules are written in.

Month, weekday, number and ordinal words come from the shared lexicon; words only this
stage uses come from `data/timeline.toml`. Both are read once, at import, and never
changed afterwards (the stage runs in worker processes; nothing here is per-article).
"""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

from tui.pipeline import lexicon, tables

_DATA = tables.load("timeline.toml")


def _alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    """Longest first, so a regex alternation prefers "september" to "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


MONTHS: dict[str, int] = lexicon.months()
WEEKDAYS: dict[str, int] = lexicon.weekdays()
# A month or weekday word, with the full stop of an abbreviation ("Aug.", "Tues.").
MONTH_RE = rf"(?:{_alternation(set(MONTHS))})\.?"
# The part of a month or season a bare name may carry: "early June", "mid-May", "late fall".
EARLY_MID_LATE_RE = r"(?:(?:early|late|mid) |mid-)?"
WEEKDAY_RE = rf"(?:{_alternation(set(WEEKDAYS))})\.?"
# Which of a month's weekdays: "the first Monday", "the 3rd Sunday", "the last Friday".
ORDINAL_OF_A_MONTH = "first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th"
# Full weekday names only ("Monday", not "Mon"): what a bare capitalised word must be.
WEEKDAY_NAMES = sorted((w for w in WEEKDAYS if w.endswith("day")), key=WEEKDAYS.__getitem__)

SEASONS: dict[str, str] = {k: str(v) for k, v in lexicon.mapping("seasons").items()}
# (first month, last month) of each season; winter straddles the new year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
NUMBERS: dict[str, int] = {k: int(v) for k, v in lexicon.mapping("number_words").items()}
ORDINALS: dict[str, int] = {k: int(v) for k, v in lexicon.mapping("ordinal_words").items()}
VAGUE_NUMBERS = {"several", "a few", "few", "some", "many", "a number of", "numerous"}
UNITS = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "year": "Y", "years": "Y", "decade": "E", "decades": "E", "quarter": "Q",
    "quarters": "Q", "weekend": "WE",
}  # fmt: skip
PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "mid-afternoon": "AF", "midafternoon": "AF", "lunchtime": "MI",
    # British parts named by a meal: "by Saturday teatime" is late in the afternoon.
    "teatime": "AF", "suppertime": "EV",
}  # fmt: skip
# Every part of the day the table names, longest first: what `resolve` reads as one.
PART_OF_DAY_RE = rf"(?:{'|'.join(sorted(map(re.escape, PART_OF_DAY), key=len, reverse=True))})"
# The parts of a day that, named bare ("in the morning", "afternoon trade"), are read on the
# day reported in market and results news (`resolve`, `build`, `spans` agree on them). Not
# "night", which may be the one before the story's day.
BARE_DAY_PART_RE = r"(?:morning|afternoon|evening)"
# The parts of a day a weekday or "that", "the next" may name ("Saturday night").
DAY_PART_RE = r"(?:morning|afternoon|evening|night|lunchtime|teatime|suppertime)"
# The words that name a day only as one of its kind: "on a Monday", "one evening".
ONE_OF_A_KIND_RE = r"(?:a|an|one|any|some)"
# An expression that opens with a weekday ("Monday at 10 a.m."), or names a month anywhere.
WEEKDAY_FIRST = re.compile(rf"{WEEKDAY_RE}\b", re.I)
MONTH_NAMED = re.compile(rf"\b{MONTH_RE}", re.I)
PRESENT_WORDS = frozenset(_DATA["deictic"]["present"])
PAST_WORDS = frozenset(_DATA["deictic"]["past"])
FUTURE_WORDS = frozenset(_DATA["deictic"]["future"])
AFTER_THE_TOLD_TIME = frozenset(_DATA["deictic"]["after_the_told_time"])
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    k: (int(v[0]), int(v[1])) for k, v in _DATA["fixed_holidays"].items()
}
# Days that name one event (`named_days`): the day, how it is written alone, and the word
# stems of a sentence that speaks of it.
NAMED_DAY_ROWS: tuple[tuple[date, tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (row["day"], tuple(row["written"]), tuple(row["cues"])) for row in _DATA["named_days"]
)
EASTER_HOLIDAYS: dict[str, int] = {k: int(v) for k, v in _DATA["easter_holidays"].items()}
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    k: (int(v[0]), int(v[1]), int(v[2]), int(v[3])) for k, v in _DATA["weekday_holidays"].items()
}
DECADE_WORDS: dict[str, int] = {k: int(v) for k, v in _DATA["decade_words"].items()}
SUPERLATIVES = frozenset(_DATA["reaching_back"]["words"])
MEASURE_HEADS = frozenset(_DATA["measure_heads"]["words"])
MEASURE_ADVERBS = frozenset(_DATA["measure_adverbs"]["words"])
DAILY_THINGS = frozenset(_DATA["daily_things"]["words"])
SEASON_KINDS = frozenset(_DATA["season_kinds"]["words"])
NAMES_HOLDING_A_WEEKDAY: tuple[str, ...] = tuple(_DATA["weekday_names"]["names"])


def _any_word_of(table: str) -> re.Pattern[str]:
    """A pattern finding any word of one of `timeline.toml`'s word tables in a sentence."""
    words = _DATA[table]["words"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


GAME_WORDS = _any_word_of("game_words")
SPORTS_WORDS = _any_word_of("sports_words")
GAME_CLOCK_WORDS = _any_word_of("game_clock_words")
RESULTS_WORDS = _any_word_of("results_words")
MARKET_WORDS = _any_word_of("market_words")
FUTURES_WORDS = _any_word_of("futures_words")


# "Of" and a thing, not a time: "the last three years of employment", "the fall of
# Rome" (but "of 2023", "of this year", "of the same year", "of March" name a time).
OF_A_THING = re.compile(
    r"\s+of\s+(?!(?:now|today|(?:the |this |that |last |next )?(?:same )?(?:year|month|week|"
    rf"decade|century|season|quarter)|(?:the )?(?:19|20)\d\d|'\d\d|{MONTH_RE})\b)",
    re.I,
)


def market_or_results(sentence: str) -> bool:
    """Whether a sentence has a word only market or results news uses."""
    return bool(MARKET_WORDS.search(sentence) or RESULTS_WORDS.search(sentence))


# The heads of events' names: "the 2018 World Cup", "the 2019 Spring Exhibition".
EVENT_HEADS = lexicon.words("entity_event_name_words") | frozenset(_DATA["event_heads"]["words"])
COUNTED_NOUNS = frozenset(_DATA["counted_nouns"]["words"])
MONTH_WORDS = frozenset(_DATA["month_words"]["words"])
STREET_WORDS = frozenset(_DATA["street_words"]["words"])
COUNT_NOUNS = frozenset(_DATA["count_nouns"]["words"])
UNIT_SYMBOLS: tuple[str, ...] = tuple(_DATA["unit_symbols"]["symbols"])
MODEL_SUFFIXES: tuple[str, ...] = tuple(_DATA["model_suffixes"]["words"])
MODEL_YEARS_AHEAD: int = _DATA["model_suffixes"]["years_ahead"]
SESSION_NOUNS = frozenset(_DATA["session_nouns"]["words"])
INCIDENT_NOUNS = frozenset(_DATA["incident_nouns"]["words"])
# "annual" -> "P1Y": words of recurrence and the TIMEX3 SET each names.
RECURRENCE_WORDS: dict[str, str] = {k: str(v) for k, v in _DATA["recurrence_words"].items()}
PUBLICATION_NOUNS = frozenset(_DATA["publication_nouns"]["words"])
REPORTED_FIGURE_NOUNS = frozenset(_DATA["reported_figure_nouns"]["words"])
LENGTH_NOUNS = frozenset(_DATA["length_nouns"]["words"])
OCCASION_NOUNS = frozenset(_DATA["occasion_nouns"]["words"])
NOUNS_OF_AN_AGE = frozenset(_DATA["nouns_of_an_age"]["words"])

UNIT_RE = r"(?:days?|weeks?|months?|years?|decades?|quarters?)"
NUM_RE = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|a couple(?: of)?|couple of)"
)
# The tens of a spelled count ("thirty" of "thirty seven"), which NUM_RE leaves out.
TENS_RE = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
VAGUE_NUM_RE = r"(?:several|a few|few|some|many|a number of|numerous)"
# Counts of no number told with "of" ("hundreds of years"), which spaCy may leave out of
# the span it tags ("for a number of years" as "years").
VAGUE_OF_COUNTS = ("a number of", "dozens of", "hundreds of", "thousands of")
APPROX_RE = (
    r"(?:(?:about|nearly|almost|some|roughly|around|approximately|just|only|barely|"
    r"more than|less than|fewer than|over|under|at least|at most|up to|just over|"
    r"just under|well over|a little (?:over|under|more than|less than)|exactly) )?"
)
ORD_RE = "|".join(sorted(ORDINALS, key=len, reverse=True))
DAYNUM_RE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORD_RE})"
SPELLED_YEAR_RE = (
    r"(?:(?:nineteen|eighteen|twenty) [a-z]+(?:[- ][a-z]+)?|two[- ]thousand(?: and)?(?: [a-z-]+)?)"
)
YEAR_RE = rf"(?:\d{{4}}|'\d{{2}}|{SPELLED_YEAR_RE})"
# A year of the last century or this one in figures: likely a year, where a year of four
# figures in general may be a number ("1002-1007" pages).
MODERN_YEAR_RE = r"(?:19|20)\d\d"
MODERN_YEAR = re.compile(MODERN_YEAR_RE)
# An apostrophe as pages write it: straight, curly either way, or a prime ("the 1990\u2032s").
APOSTROPHES = "'\u2018\u2019\u2032"
APOSTROPHE_RE = f"[{APOSTROPHES}]"


def day_to(group: str) -> str:
    """The end of a run of days in one month ("9-11 July", "August 19 - 25"), in a group
    of this name: the run is valued by its first day (as TIMEX3 writes it) and reaches
    its last."""
    return rf"(?: ?[-\u2013] ?(?P<{group}>\d{{1,2}})(?:st|nd|rd|th)?)?"


# A numeric date, "12/31/2004", "7/19/24", "31/12/04", "10-20-2004": which of `a` and `b`
# is the month is the page's convention (`calendar_rules.writes_day_first`). Not inside a
# path or a longer run of numbers ("/2024/05/06/", "1/2/3/4").
NUMERIC_DAY_RE = (
    r"(?<![\w/.-])(?P<a>[12]\d|3[01]|0?[1-9])(?P<sep>[/-])(?P<b>[12]\d|3[01]|0?[1-9])"
    # With dashes, only a four-digit year: "10-20-30" is a score or a code.
    r"(?P=sep)(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\w/-])"
)
# The second half of a season that straddles the new year: "the winter of 2022-23".
SPLIT_YEAR_RE = r"(?:[-/](?:\d{2}|\d{4}))?"
MOD_RE = (
    r"(?:(?:the )?(?:very )?(?:start|beginning|end|middle|close|first days|turn) of "
    r"|(?:early|mid|late)[- ]?|end-)"
)
# A results story's comparison: "the year-ago quarter", "the comparable period last year".
# The rules that resolve them and the span widening that keeps their words both read these.
YEAR_AGO_RE = r"(?:year-ago|year-earlier|year ago|year earlier|prior-year|previous-year)"
LIKE_RE = r"(?:same|comparable|corresponding)"
# A clock time's zone named in words: "Pacific time", "Eastern Standard Time", "local
# time" (with its "time", or "9:30 Pacific" would be a company's).
NAMED_ZONE_RE = (
    r"(?:(?:eastern|central|mountain|pacific|atlantic)(?: (?:standard|daylight))?|local) time"
)
# The words before "the day" that make it the day a market report tells of: "fell 3% on
# the day", "weakened during the day" (read by spans, resolve and build's gate).
DAY_PREPS = ("during", "on", "for", "over", "throughout")
DAY_PREP_RE = rf"(?:{'|'.join(DAY_PREPS)})"
# A zone as written in capitals in running text: "ET", "EDT", "BST", "GMT", "UTC".
ZONE_ABBREVIATION_RE = r"(?:[A-Z]{1,4}T|GMT|UTC)"
# The zones wire copy writes after a four-digit clock ("1400 EDT", "0800 GMT"), lower
# case; a list, since four digits and any word ending in "t" ("1400 east") are no time,
# and "1700 ADT" is as often a street's average daily traffic as Atlantic time.
WIRE_ZONE_RE = r"(?:gmt|utc|z|local time|[ecmp][sd]t|bst|cest|cet|eet|ist|jst|hkt|sgt)"
# A four-digit clock's zone told by a place ("1700 Moscow time", "0800 US time"), as spans
# find it, capitalised; and as `normalise` leaves it (no season's "summer time").
PLACE_TIME_RE = r"(?:[A-Z][a-z]+|[A-Z]{2,3}) time"
# The same after a clock in words, where a place may take more than a word ("9:30 a.m. New
# York time (1330 GMT)", "8 a.m. Hong Kong time").
PLACE_NAME_TIME_RE = r"(?:[A-Z][a-z]+ ){0,2}(?:[A-Z][a-z]+|[A-Z]{2,3}) time"
PLACE_TIME_LOWER_RE = rf"(?!(?:{'|'.join(SEASONS)}) )[a-z]{{2,}} time"
# "At 1700 hours", "0600 hrs": a clock as the military and the police write it; a count of
# hours without the words of a moment before it ("gave 1700 hours of work") unless padded.
CLOCK_HOURS_LEADS = ("at", "by", "until", "till", "from", "since", "before", "after", "around")
CLOCK_HOURS_LEAD_RE = rf"(?:{'|'.join(CLOCK_HOURS_LEADS)})"
# Four digits that can be a time of day ("0800", "2359"), and the military's "hours" after
# them ("2400 hours" is the midnight that ends a day).
FOUR_DIGIT_CLOCK_RE = r"(?:[01]\d|2[0-3])[0-5]\d"
MILITARY_HOURS_RE = rf"(?:{FOUR_DIGIT_CLOCK_RE}|2400) ?(?i:hours|hrs)"
# Any zone, lower case as `normalise` leaves it: "edt", "et", "gmt", or a named one;
# inside a time spaCy tagged, the region alone at its end ("were down at 10 a.m. Eastern").
ZONE_RE = (
    rf"(?:[a-z]{{2,4}}t|[ecmp]t|gmt|utc|{NAMED_ZONE_RE}"
    r"|(?:eastern|central|mountain|pacific)(?=\s*(?:$|[),;])))"
)
LIKE_UNIT_RE = r"(?:quarter|period|time|month|week)"
# Years named relative to the anchor's, as a month or season may carry them.
REL_YEARS = {"this year": 0, "last year": -1, "next year": 1}

# A two-digit year ('98) is this century's unless that puts it this far past the anchor.
TWO_DIGIT_YEAR_AHEAD = 10
# Four-digit numbers read as years; others ("3000 troops") are not.
MIN_YEAR, MAX_YEAR = 1000, 2199


def number(word: str) -> int | None:
    word = word.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", word):
        word = word.replace(",", "")  # "1,000"
    if word.isdigit():
        return int(word)
    if word in NUMBERS:
        return NUMBERS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        if parts[1] in _MULTIPLIERS:
            # "A hundred", "two thousand": so many hundreds, not one more than a hundred.
            return NUMBERS[parts[0]] * NUMBERS[parts[1]]
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


_MULTIPLIERS = frozenset({"hundred", "thousand", "million"})


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand four' -> 2004."""
    text = text.strip().lower()
    m = re.fullmatch(r"two[- ]thousand(?: and)?(?: ([a-z-]+(?: [a-z-]+)?))?", text)
    if m:
        rest = number(m.group(1)) if m.group(1) else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    m = re.fullmatch(r"(nineteen|eighteen|twenty) ([a-z]+(?:[- ][a-z]+)?)", text)
    if m:
        hundreds = NUMBERS[m.group(1)]
        rest_text = m.group(2)
        if rest_text.startswith("oh "):
            rest = number(rest_text[3:])
        elif rest_text == "hundred":
            rest = 0
        else:
            rest = number(rest_text)
        if rest is not None and 10 <= rest < 100:
            return hundreds * 100 + rest
        if rest is not None and rest < 10 and rest_text.startswith("oh "):
            return hundreds * 100 + rest
    return None


def year_of_two_digits(yy: int, anchor_year: int) -> int:
    """The latest year ending in `yy` no more than TWO_DIGIT_YEAR_AHEAD past the anchor's
    ("7/4/98" or "'98" in a 1998 story is 1998, not 2098; "12/31/29" in a 2024 one 2029)."""
    latest = anchor_year + TWO_DIGIT_YEAR_AHEAD
    return latest - (latest - yy) % 100


def year_number(text: str, anchor_year: int) -> int | None:
    """'1998', "'98" or 'nineteen ninety-eight' as a year; None when it is none."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        y = int(text)
        return y if MIN_YEAR <= y <= MAX_YEAR else None
    if re.fullmatch(r"'\d{2}", text):
        return year_of_two_digits(int(text[1:]), anchor_year)
    return spelled_year(text)


def named_year(text: str, anchor_year: int) -> int | None:
    """A year as a date names it: "this/last/next year" from the anchor's, else as
    `year_number` reads it ('1998', "'98", 'nineteen ninety-eight')."""
    if text in REL_YEARS:
        return anchor_year + REL_YEARS[text]
    return year_number(text, anchor_year)


def day_number(text: str) -> int | None:
    """'15', '15th' or 'fifteenth' -> 15."""
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", text)
    if m:
        return int(m.group(1))
    return ORDINALS.get(text)


def month_key(text: str) -> str:
    """The lexicon key of a month word as written ("Sept." -> "sept", "Augu" -> "aug")."""
    key = text.rstrip(".").lower()
    return key if key in MONTHS else key[:3]


# --- counts of a fraction of a unit ---------------------------------------------------------
# The rules count whole days, weeks, months, years and decades. A count with a fraction
# ("two and a half years", "half an hour", "a year and a half"), in dozens ("half a dozen
# years") or of centuries ("a quarter century") is rewritten as the whole count it is, in
# the unit one down where the fraction needs it ("30 months", "30 minutes", "25 years"),
# so every rule that counts ("ago", "for the past", "in ... time", a length alone) reads it
# as it reads "30 months". Where one unit down is still no whole count ("half a week") the
# words are left as written, and no rule reads them.
_FRACTION_UNIT = r"(?P<u>centur(?:y|ies)|decades?|years?|months?|weeks?|days?|hours?|minutes?)"
_YEARS_IN = {"century": 100, "decade": 10}
_UNIT_DOWN = {"year": (12, "month"), "month": (30, "day"), "week": (7, "day"),
              "day": (24, "hour"), "hour": (60, "minute"), "minute": (60, "second")}  # fmt: skip
_FRACTIONS = {"half": Fraction(1, 2), "quarter": Fraction(1, 4), "1/2": Fraction(1, 2),
              "1/4": Fraction(1, 4), "3/4": Fraction(3, 4), "three quarters": Fraction(3, 4),
              "three-quarters": Fraction(3, 4)}  # fmt: skip
_WHOLE = rf"(?:{TENS_RE}[- ])?{NUM_RE}"
_AND_A = r"[- ]and[- ]a[- ]"
# Each form, with the count's whole part (group "n", none = 0) and fraction (group "f").
_FRACTIONAL_FORMS = (
    # "two and a half years", "a two-and-a-half-year term"
    rf"(?P<n>{_WHOLE}){_AND_A}(?P<f>half|quarter)[- ]{_FRACTION_UNIT}",
    # "a year and a half", "six months and a half"
    rf"(?P<n>{_WHOLE})[- ]{_FRACTION_UNIT}{_AND_A}(?P<f>half|quarter)",
    # "2 1/2 years", "1.5 hours"
    rf"(?P<n>\d+)(?: (?P<f>[13]/[24])|(?P<dec>\.(?:5|25|75)))[- ]{_FRACTION_UNIT}",
    # "half an hour", "a half-hour", "a half century", "three quarters of an hour"
    r"(?:(?P<f>half)[- ]an?|an?[- ](?P<f2>half)|(?P<f3>three[- ]quarters)[- ]of[- ]an?)"
    rf"[- ]{_FRACTION_UNIT}",
    # "a quarter of a century", "a quarter century", "a quarter-hour": "a quarter" alone is
    # a quarter of a year, and "the quarter" a company's.
    rf"(?:a|one)[- ](?P<f>quarter)(?:[- ]of[- ]an?[- ]{_FRACTION_UNIT}|[- ](?P<u2>century|hour))",
    # "half a dozen years", "a dozen years", "two dozen hours"
    rf"(?:(?P<f>half)[- ]an?|(?P<n>an?|one|two|three|four))[- ](?P<dozen>dozen)"
    rf"[- ]{_FRACTION_UNIT}",
    # "a century", "two centuries" (not "18-century", a misspelt "18th-century")
    rf"(?P<n>{NUM_RE}) (?P<u>centur(?:y|ies))",
)
_FRACTIONAL_COUNTS = [re.compile(rf"\b{form}\b") for form in _FRACTIONAL_FORMS]
# Any of those forms, for finding them in a sentence where spaCy tagged them as a number
# ("more than half" of "more than half a century") or not at all.
FRACTIONAL_COUNT_RE = re.sub(r"\(\?P<\w+>", "(?:", rf"(?:{'|'.join(_FRACTIONAL_FORMS)})\b")


def _fractional_count(m: re.Match[str]) -> tuple[Fraction, str] | None:
    """The count a fractional form names and its unit: (5/2, "year") for "two and a half
    years", (50, "year") for "half a century"."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    unit = groups.get("u") or groups["u2"]
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    whole = number(groups["n"]) if "n" in groups else 0
    if whole is None:
        return None
    fraction_words = groups.get("f") or groups.get("f2") or groups.get("f3")
    fraction = _FRACTIONS[fraction_words] if fraction_words else Fraction(groups.get("dec", 0))
    count = (whole + fraction) * (12 if "dozen" in groups else 1)
    if unit in _YEARS_IN:
        count, unit = count * _YEARS_IN[unit], "year"
    return (count, unit) if count > 0 else None


def _down(count: Fraction, unit: str) -> tuple[int, str] | None:
    """A count as a whole count of its unit, or of the unit one down; None if neither."""
    if count.denominator != 1 and unit in _UNIT_DOWN:
        size, unit = _UNIT_DOWN[unit]
        count *= size
    return (count.numerator, unit) if count.denominator == 1 else None


def _whole_count(m: re.Match[str]) -> str:
    """ "30 months" for "two and a half years"; the words as written when no unit makes the
    count whole."""
    counted = _fractional_count(m)
    whole = _down(*counted) if counted is not None else None
    if whole is None:
        return m.group(0)
    n, unit = whole
    return f"{n} {unit}{'' if n == 1 else 's'}"


# Words one of which each form above holds, but a fraction in digits: the bare "half" or
# "quarter" of "the second half", "the third quarter" is none.
_FRACTION_WORDS = (
    "a half", "a-half", "an half", "an-half", "half a", "half-a", "a quarter", "a-quarter",
    "one quarter", "one-quarter", "three quarter", "three-quarter", "dozen", "centur",
)  # fmt: skip
# A fraction in digits before its unit, read as far as the unit's first letters ("m" alone
# for a minute: a pattern ignoring case reads its "i" in a dotless "\u0131" too); not the
# "2.5" of "2.5%" or "$2.75".
_DIGIT_FRACTION = re.compile(
    r"\d(?: [13]/[24]|\.(?:5|25|75))[- ](?:centur|decade|year|week|day|hour|m)"
)


def may_hold_a_fraction(t: str) -> bool:
    """A quick test, in lower case, before the fractional forms' patterns: normalise runs
    for every span a rule tries, spans' search over every text, and most hold none."""
    if any(word in t for word in _FRACTION_WORDS):
        return True
    return ("/" in t or "." in t) and _DIGIT_FRACTION.search(t) is not None


# Ignoring case, a pattern's "i" also matches "\u0130" and "\u0131", and its "s" "\u017f",
# none of which is that letter in lower case.
_CASE_FOLDS_APART = ("\u0130", "\u0131", "\u017f")
_IGNORECASE = int(re.IGNORECASE)  # (a plain int: the flag's enum makes `&` a Python call)


def may_match(rx: re.Pattern[str], words: tuple[str, ...] | None, full: str, low: str) -> bool:
    """Whether `rx` may match in `full` (`low` is `full` in lower case), given `words`, one
    of which every match of it holds or has beside it (in lower case for a pattern that
    ignores case): False only when `full` holds none, and a search over it is saved. A
    letter of `_CASE_FOLDS_APART` makes the lower case no guide."""
    if words is None:
        return True
    if not rx.flags & _IGNORECASE:
        return any(word in full for word in words)
    return any(word in low for word in words) or any(c in full for c in _CASE_FOLDS_APART)


def whole_counts(t: str) -> str:
    """`t` with each count of a fraction of a unit written as its whole count."""
    if not may_hold_a_fraction(t):
        return t
    for rx in _FRACTIONAL_COUNTS:
        t = rx.sub(_whole_count, t)
    return t


_TIMEX_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "minute": "TM",
               "second": "TS"}  # fmt: skip


def stated_duration(text: str) -> str | None:
    """TIMEX3 writes a count with a fraction as it was said, its whole units and then the
    rest in the unit one down: "P2Y6M" for "two and a half years", "PT1H30M" for "an hour
    and a half" (where the rules counted 30 months and 90 minutes). None for any other text,
    or a count that is whole in its own unit ("half a century" is P50Y either way)."""
    t = re.sub(r"\s+", " ", text.lower().replace("\u2013", "-"))
    if not may_hold_a_fraction(t):
        return None  # (every length the timeline lists passes here)
    m = next((m for rx in _FRACTIONAL_COUNTS if (m := rx.search(t))), None)
    counted = _fractional_count(m) if m is not None else None
    if counted is None or counted[0].denominator == 1 or counted[1] not in _UNIT_DOWN:
        return None
    count, unit = counted
    rest = _down(count - int(count), unit)
    if rest is None or int(count) == 0:
        return None
    parts = [(n, _TIMEX_UNIT[part]) for n, part in ((int(count), unit), rest)]
    days = "".join(f"{n}{letter}" for n, letter in parts if not letter.startswith("T"))
    clock = "".join(f"{n}{letter[1]}" for n, letter in parts if letter.startswith("T"))
    return f"P{days}{'T' + clock if clock else ''}"


_COMMA_YEAR = re.compile(r",\d{4}\b")
_GLUED_YEAR = re.compile(rf"(\b{MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?),(?=\d{{4}}\b)")


# A count given as a choice ("an hour or two", "two or three weeks", "one to three years") is
# as vague as "a few" of its unit, and read as that (TimeML's "PTXH", "PXW"); "or so" after
# a count only hedges it ("a week or so ago" is a week ago).
CHOICE_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
CHOICE_UNIT_RE = rf"(?:{'|'.join(CHOICE_UNITS)})"
COUNT_CHOICE_RE = (
    # (Not four digits: "from 2200 to 0600 hours" is a night's clock times.)
    rf"(?!\d{{4}})(?:{NUM_RE}) (?:or|to) (?!\d{{4}})(?:{NUM_RE}) (?P<u>{CHOICE_UNIT_RE})s?"
    # "2-3 weeks", "30-60 seconds": a dash between two figures is their "to" (between two
    # words it makes one number: "fifty-two years").
    rf"|(?P<lo>\d{{1,3}}) ?- ?(?P<hi>\d{{1,3}}) (?P<u2>{CHOICE_UNIT_RE})s?"
    rf"|an? (?P<u1>{CHOICE_UNIT_RE}) or (?:two|three)"
)
_COUNT_CHOICE = re.compile(rf"\b(?:{COUNT_CHOICE_RE})\b")
_OR_SO = re.compile(rf"\b({CHOICE_UNIT_RE}s?) or so\b")


def _as_a_few(m: re.Match[str]) -> str:
    if m.group("lo") and int(m.group("lo")) >= int(m.group("hi")):
        return m.group(0)  # "14-1 days" counts down: no choice of counts
    return f"a few {m.group('u') or m.group('u1') or m.group('u2')}s"


_SPACES = re.compile(r"\s+")
_A_FORTNIGHT = re.compile(r"\b(?:a |one )?fortnight\b")
# A decade's "60's" keeps its "s": it is no possessive.
_DECADE_S_END = re.compile(r"(?<=\d0)'s$")
_POSSESSIVE_END = re.compile(r"(?<!\d0)'s?$")


# Curly quotes and a prime ("the 1990′s", "the ‘90s") as the apostrophe they stand for;
# dashes as hyphens.
_STRAIGHT = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), "\u2013": "-", "\u2014": "-"})


# A count hedged after its figure, "25 or so years", "400-odd years", "30-plus years", "30+
# years", is read as the count hedged before it ("about 25 years", "more than 30 years"): read
# as written, no rule took it, and the date or length was lost.
_HEDGED_COUNT = re.compile(
    rf"\b(?:(?:about|some|roughly|around|approximately) )?"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|(?:{TENS_RE}[- ])?{NUM_RE}|(?:an?|two|three) dozen)"
    r"(?P<h>-odd| or so|-plus| plus|\+)"
    rf"(?= (?:{UNIT_RE}|hours?|minutes?|seconds?|centur(?:y|ies)|millenni(?:um|a))\b)"
)
_HEDGE_WORDS = ("odd", " or so ", "plus", "+")


def _hedged_before(m: re.Match[str]) -> str:
    lead = "about" if m.group("h") in ("-odd", " or so") else "more than"
    return f"{lead} {m.group('n')}"


def normalise(text: str) -> str:
    """Lower case, straight quotes and hyphens, one space; no possessive or edge punctuation."""
    t = text.lower().translate(_STRAIGHT)
    t = _SPACES.sub(" ", t).strip(' ,;:()"')
    if any(word in t for word in _HEDGE_WORDS):
        t = _HEDGED_COUNT.sub(_hedged_before, t)
    # A fortnight is read as the two weeks it is ("a fortnight ago", "the past fortnight").
    t = whole_counts(_A_FORTNIGHT.sub("two weeks", t))
    if " or " in t or " to " in t or "-" in t:
        t = _OR_SO.sub(r"\1", _COUNT_CHOICE.sub(_as_a_few, t))
    # "Sept 15,2000": a comma with no space after it still parts the day from its year.
    if "," in t and _COMMA_YEAR.search(t):
        t = _GLUED_YEAR.sub(r"\1, ", t)
    return _POSSESSIVE_END.sub("", _DECADE_S_END.sub("s", t)).strip(' ,;:()"')
