"""Finding temporal expressions in a parsed block: which character spans to resolve.

spaCy's DATE/TIME entities are the recogniser (they found the right spans on the sample);
lexical rules add what it misses (adverbs such as "now" or "recently", "overnight", "by
midday", holidays). Filters here drop what is not a time at all: titles ("This Week"),
codes and bare numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tui.pipeline.nlp import (
    doc_text,
    of_its_sentence,
    sentence_index,
    sentence_near,
    sentence_of,
    span_root,
)
from tui.pipeline.overlaps import Overlaps
from tui.pipeline.timeline.holidays import HOLIDAY_NAMES
from tui.pipeline.timeline.named_days import NAMED_DAYS
from tui.pipeline.timeline.ranges import RANGE_OPENERS, RANGE_WORDS
from tui.pipeline.timeline.sets import MONTHLY_WEEKDAY_SET
from tui.pipeline.timeline.vocab import (
    APOSTROPHE_RE,
    APOSTROPHES,
    APPROX_RE,
    BARE_DAY_PART_RE,
    CHOICE_UNIT_RE,
    CHOICE_UNITS,
    CLOCK_HOURS_LEAD_RE,
    COUNT_CHOICE_RE,
    COUNT_NOUNS,
    DAY_PART_RE,
    DAY_PREPS,
    FOUR_DIGIT_CLOCK_RE,
    FRACTIONAL_COUNT_RE,
    LIKE_RE,
    LIKE_UNIT_RE,
    MILITARY_HOURS_RE,
    MODEL_SUFFIXES,
    MODEL_YEARS_AHEAD,
    MODERN_YEAR,
    MODERN_YEAR_RE,
    MONTH_RE,
    MONTH_WORDS,
    MONTHS,
    NAMED_DAY_ROWS,
    NAMED_ZONE_RE,
    NUM_RE,
    NUMERIC_DAY_RE,
    OCCASION_NOUNS,
    ORDINAL_OF_A_MONTH,
    ORDINALS,
    PLACE_TIME_RE,
    SEASONS,
    STREET_WORDS,
    TENS_RE,
    UNIT_RE,
    UNIT_SYMBOLS,
    VAGUE_OF_COUNTS,
    WEEKDAY_NAMES,
    WEEKDAY_RE,
    WEEKDAYS,
    WIRE_ZONE_RE,
    YEAR_AGO_RE,
    ZONE_ABBREVIATION_RE,
    market_or_results,
    may_hold_a_fraction,
    may_match,
    normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The prepositions that make a bare season a time ("since the autumn"; "the autumn"
# alone may be any autumn, or no time: "autumn leaves").
_SEASON_PREPS = "in|into|during|by|since|until|till|through|throughout|before|after|from|over"
# Words spaCy does not tag as dates but that place a statement in time.
_LEXICAL = re.compile(
    # At a word's start only: a bare `\b` also tries every word of the table at each word's
    # end, which doubles the cost of the costliest pattern we run over a whole text.
    r"\b(?=[a-z])(?:right now|now|currently|presently|nowadays|at present|these days|recently|"
    r"lately|previously|formerly|in the past|the (?:near |distant |foreseeable )?future|overnight|"
    # "Results are expected soon", but not a relation to an event ("as soon as trading
    # opened", "soon after being captured"), a judgement ("too soon to say") or a word
    # it makes ("the soon-to-be-released film").
    r"(?<!\bas )(?<!\bhow )(?<!\btoo )(?<!\bso )(?:soon|shortly)"
    r"(?!-| (?:as|after|afterwards?|before|thereafter)\b)|"
    # "Around midnight": the word that makes it approximate is part of it, as spaCy keeps
    # it in "around 10 p.m.".
    r"(?:(?:around|about|approximately|shortly (?:before|after)|just (?:before|after)) )?"
    r"(?:midday|noon|midnight)|tonight|today|yesterday|tomorrow|"
    r"(?:the )?(?:month|quarter)[- ]end|end-(?:month|quarter)|(?<!\ba )(?:the )?year end|"
    r"the (?:following|next|previous|same) day|the day (?:before|after)|"
    # "A link our friends posted the other day": a little while ago.
    r"the other (?:day|night|evening|morning|week)|"
    # "Typepad burped on me a little while ago", "not long ago", "some long-ago impact"
    # (not a question: "how long ago did it happen?").
    # The "not" is the reader's: "not long ago" is recent, "long ago" is not.
    r"a (?:little |short )?while ago|a long time ago|"
    r"(?:not |(?<=n't ))(?:so |that |too |very )?long ago|"
    r"(?<!\bhow )(?<!\bso )(?<!\bas )(?<!\bthat )(?<!\btoo )(?<!\bvery )long[- ]ago|"
    # "Only available by invite at this time, but ...", "At the moment, the site is down",
    # "hasn't been regular of late.": now, or lately, where a clause ends on it ("at the
    # moment the bomb went off" is that moment, "the sounds of late 1980s indie" no time).
    r"(?:at (?:the moment|this time)|of late)(?=\s*(?:[,.;:!?)]|$))|"
    # "Perhaps one day we'll see them race": some day to come (spaCy tags "one day" only
    # opening a sentence; alone it is as often a length, "in one day").
    r"(?:(?<=\bperhaps )|(?<=\bmaybe )|(?<=\bhopefully ))one day"
    r"(?! (?:later|earlier|after|before)\b)|"
    # "I'd like to get married someday", "will it some day be possible" (not a day among
    # others: "on some day in June", "some day of the week").
    r"someday|(?<!\bon )(?<!\bfor )some day(?! (?:of|in|last|next|this|each|every)\b)|"
    # "The following spring, the rules changed": counted from the date last named.
    r"the (?:following|previous|preceding) (?:spring|summer|autumn|fall|winter|year|month|week)|"
    r"(?:later|earlier) (?:in|during) the day|"
    # A results story's "the latest period" (spaCy rarely tags it); "of" makes it another
    # kind of period ("the latest period of unrest").
    r"the (?:latest|most recent|just-ended) (?:quarter|period)(?! of)|"
    r"(?:last|this|next|coming) (?:week|month|year|weekend|spring|summer|autumn|fall|winter)|"
    r"that (?:spring|summer|autumn|fall|winter)|"
    r"(?:every|each) (?:spring|summer|autumn|winter|fall(?! (?:in|of)\b))|"
    # Not when a year follows: "during the fall 2002 term" is that year's (spaCy's span).
    rf"(?:{_SEASON_PREPS}) (?:(?:the )?(?:spring|summer|autumn|winter)|the fall)(?! \d{{4}})|"
    rf"(?:(?:later|earlier|early|late) )?(?:this|that|the same) {DAY_PART_RE}|"
    # "Fell back in the afternoon": read only when told in the past (`resolve`).
    rf"(?:in|during) the {BARE_DAY_PART_RE}(?! of\b)|"
    rf"(?:(?:mid-?|late |early )?{BARE_DAY_PART_RE} )?(?:yesterday|today|tomorrow)"
    rf"(?: {BARE_DAY_PART_RE})?|mid-?afternoon|"
    rf"(?:on )?(?:{'|'.join(WEEKDAY_NAMES)})s?)\b",
    re.IGNORECASE,
)
# A season named bare before the noun it dates ("summer trade", "the government's autumn
# budget", "cold winter weather"), written in lower case: capitalised, it starts a name
# ("Winter Olympics", "the Autumn Statement"). Not "spring" nor "fall", which are also
# other words ("spring wheat", "fall prices"). Only in market and results news: elsewhere
# it is most often any summer ("summer internships", "many summer holidays at the camp in
# the late 50's", "autumn was my favourite time").
_SEASON_BEFORE_A_NOUN = re.compile(r"(?<![-\w])(?:summer|autumn|winter)(?= [a-z]{3,})")
# A count of units, which spaCy tags in one sentence and not in another ("sidelined for
# another two weeks", "four more years", "not more than 60 years ago"): a length, or with
# "ago" a date, wherever it stands. Plural units only ("a year" is also a rate, "$5 a
# year"), in lower case (capitalised, it is in a title: "The Next 100 Years"), not the end
# of a range or a choice ("one to three years", "every two or three years") and not an age
# ("24 years of age").
_PLURAL_UNITS = ("days", "weeks", "months", "years", "decades", "hours", "minutes")
_COUNT_OF_UNITS = re.compile(
    r"(?<![\w/.-])(?<!\bto )(?<!\bor )(?<!\band )(?<!\bevery )"
    # A count's tens are taken too, and never left before it: "thirty seven minutes" is
    # not seven.
    + "".join(f"(?<!{tens} )" for tens in TENS_RE[3:-1].split("|"))
    + rf"(?i:(?:another )?(?:{TENS_RE}[- ])?{NUM_RE}) (?:more )?"
    rf"(?:{'|'.join(_PLURAL_UNITS)})"
    r"(?: (?:ago|later|earlier))?\b(?! (?:of age|old)\b)"
)
# Holidays spaCy may miss or call an event, as papers capitalise them ("Veterans Day",
# "Presidents' Day"); a bare "Christmas" only after a preposition ("over Christmas"),
# since "the Christmas market" is not a date.
# Each in title case and as British papers write most ("Christmas day", "the August bank
# holiday": only the first word capitalised).
_NAMED_HOLIDAYS = sorted(
    {
        form
        for n in HOLIDAY_NAMES
        if " " in n
        for form in (
            " ".join(w[:1].upper() + w[1:] for w in n.split()),
            n[:1].upper() + n[1:],
            # "the early May bank holiday": in lower case but for a month's name.
            " ".join(w.capitalize() if w in MONTHS else w for w in n.split()),
        )
    },
    key=len,
    reverse=True,
)
_HOLIDAYS_NAMED_WHOLE = [n for n in _NAMED_HOLIDAYS if n.lower() != "new year"]
_HOLIDAYS_ALONE = ("Easter", "Thanksgiving", "Christmas", "Hogmanay", "Halloween")
# (With any apostrophe a page writes: "Veteran’s Day".)
_HOLIDAYS_NAMED_WHOLE_RE = "|".join(
    re.escape(n).replace("'", APOSTROPHE_RE) for n in _HOLIDAYS_NAMED_WHOLE
)
# Any holiday's name where nothing else need bring it in: before "weekend" or a year.
_ANY_HOLIDAY_RE = rf"(?:{_HOLIDAYS_NAMED_WHOLE_RE}|{'|'.join(_HOLIDAYS_ALONE)})"
_HOLIDAYS = re.compile(
    rf"(?<![\w'])(?:{_HOLIDAYS_NAMED_WHOLE_RE}|"
    r"(?:(?<=at )|(?<=on )|(?<=by )|(?<=over )|(?<=after )|(?<=since )|(?<=until )|(?<=before ))"
    rf"(?:{'|'.join(_HOLIDAYS_ALONE)}))"
    # "New Year's Eve 1994", which spaCy calls an event and leaves the year out of, and
    # "the Black Friday of 1998".
    r"(?: (?:of )?(?:19|20)\d\d)?(?![\w'])"
)
# "The Easter weekend", "Christmas week", "the August bank holiday weekend": the holiday's
# weekend or week, which spaCy may call a place or an event.
_HOLIDAY_WEEK = re.compile(rf"(?<![\w'])(?:the )?{_ANY_HOLIDAY_RE} (?:weekend|week)\b")
# A holiday's name right before a year spaCy tagged alone.
_A_HOLIDAY_BEFORE = re.compile(rf"(?<![\w']){_ANY_HOLIDAY_RE} $")
# Wire copy's clock times, "0800 GMT", "1400 EDT", "1430 local time": four digits read as
# a time only with the zone after them. spaCy calls them a quantity, or the digits a year.
_WIRE_CLOCK = re.compile(
    rf"\b{FOUR_DIGIT_CLOCK_RE} ?(?:{WIRE_ZONE_RE.upper()}|(?i:gmt|utc|local time)"
    rf"|{PLACE_TIME_RE})\b"
    rf"|\b(?i:{CLOCK_HOURS_LEAD_RE}) {MILITARY_HOURS_RE}\b"
    r"|\b0\d[0-5]\d ?(?i:hours|hrs)\b"
)
# "9:30 Pacific time", "16:00 Eastern Standard Time": spaCy may call them a company; a
# British stamp's "16.02 BST", which it may cut at the dot; a live blog's "20:14 CET",
# which alone on its line it may call a number.
_ZONED_CLOCK = re.compile(
    # With its seconds ("23:14:03 GMT", a mail's stamp), never the tail of one ("14:03 GMT").
    rf"(?<![:.\d])\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)? (?i:{NAMED_ZONE_RE})\b"
    rf"|(?<![:.\d])\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d|:[0-5]\d:[0-5]\d) ?{ZONE_ABBREVIATION_RE}\b"
)
# Dates written in ways spaCy's small model misses: "Aug 3", a headline's "AUG 28", the
# "15" of "the usual August 15 deadline" it took for a number (but "Aug. 3", "Jan 5" it
# finds; "May 5" may be a verb and a count), "31.12.2023".
# A 24-hour clock right after a day ("Mon 2 Nov 23:45", a live blog's stamp): that day's,
# where alone, with no zone, nothing finds it.
_CLOCK_AFTER_A_DAY = r"(?:,?\s(?:at\s)?(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\b(?![:.]\d))?"
_SHORT_MONTH_DAY = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?"
    r"|OCT|NOV|DEC)\.? (?:[12]\d|3[01]|0?[1-9])"
    # (A year may follow a comma with no space: "Nov. 6,2012".) Not an hour: in "3 Nov
    # 14:02" the day came first.
    r"(?:st|nd|rd|th)?\b(?![:.]\d)(?:(?:, ?| )(?:19|20)\d\d\b)?" + _CLOCK_AFTER_A_DAY
)
# "in Q4", "Q3 2019" (spaCy may call it a place); a bare one only after a preposition, so
# a car's "Audi Q3" is not a quarter.
_Q_QUARTER = re.compile(
    # (Every branch starts with one of these: the look ahead fails fast everywhere else,
    # where each branch's look-behinds made the pattern one of the costliest on a text.)
    r"(?=[QH12])(?:"
    r"\b(?:19|20)\d\d (?:Q[1-4]|H[12])\b|\b(?:Q[1-4]|H[12]) (?:19|20)\d\d\b"
    r"|(?:(?<=\bin )|(?<=\bfor )|(?<=\bduring )|(?<=\bsince )|(?<=\bby )|(?<=\bthe ))Q[1-4]\b"
    # "Negative results in H2.": a bare half only where its clause ends ("in H2 tanks" is
    # hydrogen).
    r"|(?:(?<=\bin )|(?<=\bfor )|(?<=\bduring ))H[12](?=[.,;:)]|$)"
    # A headline's "Q3 EPS view", "H1 net rises": before a word of results, a period.
    r"|\b(?:Q[1-4]|H[12])(?= (?i:net|eps|profit|profits|earnings|results|sales|revenue|"
    r"revenues|loss|losses|pre-tax|pretax|operating|gdp|growth)\b))"
)
# "of" and a year: "the first half of 1995", "the third quarter of the fiscal year".
_OF_A_YEAR = (
    r" of (?:the (?:fiscal |financial |calendar )?year|(?:this|last|next) year"
    r"|(?:fiscal )?(?:19|20)\d\d)\b"
)
_NTH_PART = r"(?:first|second|third|fourth)[- ](?:half|quarter)"
# "a disappointing first half", "a second quarter surplus": spaCy may take "half" for a
# number and "second" for an ordinal. A half or quarter of the year, unless "of" names
# something else ("the first half of the match"; but "net income for the fiscal
# second-quarter of $8.6 million" is an amount).
_NTH_PART_OF_YEAR = re.compile(
    rf"\b(?:fiscal )?{_NTH_PART}(?:{_OF_A_YEAR})?\b(?! of (?!{_OF_A_YEAR[4:]}|[$\u00a3\u20ac\d]))",
    re.I,
)
# "A strong full year result", "full yr": the whole year, which spaCy leaves untagged ("a
# full year", "a full year's access" are a length).
_FULL_YEAR = re.compile(r"(?<!\ba )\bfull[- ](?:year|yr)\b(?!'s)", re.I)
_THE_NTH_PART = re.compile(rf"(?:the )?{_NTH_PART}", re.I)
# A bond notice's "PAY DATE S23.SEP.96", "02.SEP.96-21.NOV.97": day, month and year in
# capitals between dots (a letter may stick to the day).
_DOTTED_MONTHS = (
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
)  # fmt: skip
_DOTTED_MONTH_DAY = re.compile(
    rf"(?<![\d.])(?:[12]\d|3[01]|0?[1-9])\.(?:{'|'.join(_DOTTED_MONTHS)})"
    r"\.(?:\d{2}|\d{4})\b"
)
# A chronicle's line, "1241 - Alexander III, King of Scotland, born.": the year that
# opens it, which spaCy leaves untagged.
_CHRONICLE_YEAR = re.compile(r"^(?:1\d|20)\d\d(?= [-\u2013\u2014] [A-Z])")
_DOTTED_DAY = re.compile(
    r"(?<![\w.])(?<![Vv]ersion )(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:19|20)\d\d\b"
)
# "12/31/2004", "7/19/24", "08/06/12": spaCy's small model mostly leaves them untagged or
# tags only the clock time after them.
_NUMERIC_DAY = re.compile(NUMERIC_DAY_RE)
# A month as written, whole or cut short; only a cut one takes a full stop ("July." at a
# sentence's end keeps its full stop out).
_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
# A month and its year, "January 2005", which spaCy may leave untagged where a page's
# head prints it alone ("Issue #113 - January 2005"); capitalised, as a month is written.
_MONTH_YEAR = re.compile(rf"\b{_MONTH_WORD} (?:19|20)\d\d\b")
# "5th August", "5 August 2023", "7 Aug 2024": spaCy may take the day for an ordinal and
# the month alone, or the year alone.
# A day of the month in figures, "5", "05" or "5th".
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(
    rf"\b{_DAY_NUMBER} (?:of )?{_MONTH_WORD}\b(?:,? (?:19|20)\d\d\b)?" + _CLOCK_AFTER_A_DAY
)
# "3.30pm", "9 a.m." (spaCy may call them a number); "a fortnight ago", "in a fortnight".
# ("3pm." at a sentence's end keeps its full stop out; "3 p.m." keeps its own).
# With its seconds ("10:05:07 AM", a post's stamp), and never the tail of one ("05:07 AM").
_AM_PM = re.compile(
    r"(?<![:.\d])\b(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d(?::[0-5]\d)?)? ?[ap](?:\.m\.|\.m\b|m\b)", re.I
)
# A run of clock hours whose bare end spaCy calls a number or leaves out ("from 11 p.m.
# until 1:15", "10pm to 12:45"): the end is the run's. (An end with its own a.m. or p.m.
# spaCy takes in itself.)
_CLOCK_RUN = re.compile(
    rf"{_AM_PM.pattern} ?(?:to|until|till|through|[-\u2013\u2014]) ?"
    r"(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:.]?\d| ?[ap]\.?m\b)",
    re.I,
)
_FORTNIGHT = re.compile(
    r"\b(?:(?:in|within|for) a|a|the (?:past|last|next|coming|previous)) fortnight"
    r"(?: ago| later| earlier)?\b",
    re.I,
)
# A year split over two: "2023/24" (a fiscal year or a season, which spaCy may call a
# number), "the winter of 2022-23" (spaCy takes the years alone). With a dash and nothing
# before it, only where spaCy saw a date: "243(19):1909-11" in a citation is pages.
_SPLIT_YEAR = re.compile(
    rf"\b(?:(?:the )?(?:{'|'.join(SEASONS)}) of (?:19|20)\d\d[-/\u2013]|(?:19|20)\d\d/)"
    r"\d\d(?![-/\d])",
    re.I,
)
# "For a number of years", "hundreds of years": spaCy may take the unit alone.
_VAGUE_COUNT_OF_UNITS = re.compile(
    rf"(?<![\w-])(?:{'|'.join(VAGUE_OF_COUNTS)}) (?:days|weeks|months|years|decades)\b", re.I
)
# "The fall 2002 term", "spring 2013": spaCy may take the year alone.
_SEASON_YEAR = re.compile(
    rf"(?<![\w-])(?:the )?(?:{'|'.join(SEASONS)}) (?:of )?(?:19|20)\d\d(?![-/\d])"
    r"(?: (?:semester|term|session|season)\b)?",
    re.I,
)
# "2024-08-07 17:00", "2024-08-07T17:00:05": spaCy takes the date and leaves the clock.
# "2024-08-06 14:30", and a wire dateline's "SAN DIEGO 1996-08-26", which spaCy may take
# into the place's name.
_ISO_STAMP = re.compile(
    r"(?<![\w-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?:[ T](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\b|(?![\w-]))"
)
# "from 2010 to 2015", "between 1998 and 2003": spaCy may tag the first year alone, and
# the second was lost.
_YEAR_RUN = re.compile(
    r"(?:(?<=\bfrom )|(?<=\bbetween ))(?:1[5-9]|20)\d\d (?:to|until|till|through|and) "
    r"(?:1[5-9]|20)\d\d\b",
    re.I,
)
# A month's name as written in prose, capitalised ("May", not the verb "may"), longest
# first; with the full stop of a short one.
_CAPITALISED_MONTHS = "|".join(sorted({m.capitalize() for m in MONTHS}, key=len, reverse=True))
_MONTH_NAME_RE = rf"(?:{_CAPITALISED_MONTHS})\.?"
# "Rainfall between March and June": spaCy may tag the second month alone.
_MONTH_RUN = re.compile(
    rf"(?:(?<=\bfrom )|(?<=\bbetween ))(?-i:{_MONTH_NAME_RE}) (?:to|until|till|through|and) "
    rf"(?-i:{_MONTH_NAME_RE})\b",
    re.I,
)
# "the second Monday in October": spaCy may take the month alone. ("The third Sunday of
# every month" recurs: `sets.MONTHLY_WEEKDAY_SET`.)
_WEEKDAY_OF_MONTH = re.compile(
    rf"\b(?:the )?(?:{ORDINAL_OF_A_MONTH}) "
    rf"(?:{'|'.join(WEEKDAY_NAMES)}) (?:of|in) (?:{_MONTH_WORD}|(?:the|this|next|last|every|each) "
    rf"month)",
    re.I,
)
# "this time last year": spaCy takes "last year" alone, a whole year for one day.
_THIS_TIME = re.compile(r"\bthis time (?:last|next) (?:year|month|week)\b", re.I)
# "half a century", "two and a half years", as spaCy may tag them a number or miss them.
_FRACTIONAL_COUNT = re.compile(rf"(?<![\w-]){APPROX_RE}{FRACTIONAL_COUNT_RE}", re.I)
# "By the 3rd", "on the 9th": a day of the month after a preposition of time, which spaCy
# may call an ordinal. (One that ranks a noun, "on the 9th floor", is dropped by `build`.)
_DAY_OF_MONTH_AFTER = re.compile(
    # "the" first: cheaper than the seven look-behinds at every character of a text.
    r"(?=the )(?:"
    + "|".join(rf"(?<=\b{p} )" for p in ("on", "by", "until", "before", "after", "from", "since"))
    # Only where its phrase ends: not before a noun it ranks ("on the 2nd round"), "of" ("the
    # 6th of Shawwal": spaCy reads "of December" itself) or a range word ("from the 6th to
    # the 13th of December" takes the second's month, in one span).
    + r")the (?:[12]?\d|3[01])(?:st|nd|rd|th)\b(?![-\w])"
    + r"(?=\s*(?:$|[,.;:!?()\]\"\u201d]|(?:at|in|when|for|with|but|so|because|this|next|last)\b))",
    re.I,
)
# A count given as a choice or hedged with "or so" ("an hour or two", "two or three weeks",
# "a minute or so"): spaCy stops at the first count or takes the second, or tags nothing.
# With "ago" or "later" after it, that too ("about two or three months ago" was a length).
_COUNT_CHOICE_FORM = re.compile(
    rf"(?<![\w-])(?:{COUNT_CHOICE_RE}|(?:{NUM_RE}) {CHOICE_UNIT_RE}s? or so)"
    r"(?: (?:ago|later|earlier))?(?![\w-])",
    re.I,
)
# A weekday, capitalised, and a day in figures with no year ("(Thurs 11/15 at 9:30am)"),
# which spaCy leaves untagged: the weekday makes the figures a day, not a fraction.
_WEEKDAY_NUMERIC_DAY = re.compile(
    rf"\b(?:{'|'.join(sorted((w.capitalize() for w in WEEKDAYS), key=len, reverse=True))})"
    r"\.?,? \d{1,2}/\d{1,2}(?![/\d])"
)
# Forms spaCy may cut short ("1430" of "1430 local time"), whose whole a span is widened to.
# ("Presidents' Day" cut to "' Day" is a holiday cut short too.)
_CUT_SHORT_FORMS = (
    _HOLIDAY_WEEK, _HOLIDAYS, _MONTH_RUN, _WIRE_CLOCK, _SHORT_MONTH_DAY, _DOTTED_DAY, _NUMERIC_DAY,
    _Q_QUARTER, _AM_PM, _CLOCK_RUN,
    _FORTNIGHT, _DAY_MONTH, _SPLIT_YEAR, _THIS_TIME, _ISO_STAMP, _ZONED_CLOCK, _YEAR_RUN,
    _WEEKDAY_OF_MONTH, _NTH_PART_OF_YEAR, _FULL_YEAR, _DOTTED_MONTH_DAY, _CHRONICLE_YEAR,
    _FRACTIONAL_COUNT, _DAY_OF_MONTH_AFTER, _COUNT_CHOICE_FORM, _SEASON_YEAR,
    _VAGUE_COUNT_OF_UNITS, _WEEKDAY_NUMERIC_DAY, _MONTH_YEAR,
)  # fmt: skip
# Found by pattern even where spaCy gave the words another label (a holiday it calls an
# event, a clock time it calls a quantity, a date it calls a number).
_OVER_OTHER_ENTITIES = _CUT_SHORT_FORMS
# The fractional count's pattern is the costliest of them over a whole text; it is run
# only on a text that may hold one (`vocab.may_hold_a_fraction`).
_WITHOUT_FRACTIONS = tuple(rx for rx in _OVER_OTHER_ENTITIES if rx is not _FRACTIONAL_COUNT)
# Found only where spaCy gave the words no other label (`_pattern_spans`).
# A quarter by its code alone ("its Q3 margin") in market or results news, which spaCy
# calls a product or a number; not a model a name leads ("the Audi Q3"). (`_Q_QUARTER`
# finds one after a preposition or with its year, in any news.)
_QUARTER_CODE = re.compile(r"(?<![\w-])Q[1-4](?![\w-])")
# A 24-hour clock after a word that places it ("from 23:00 on Friday to 05:00 on
# Monday"), which spaCy leaves untagged; not a race's time ("1:02:53") nor a ratio.
_CLOCK_PLACERS = ("at", "from", "until", "till", "to", "by", "before", "after", "around",
                  "about", "between", "and", "since")  # fmt: skip
_PLACED_24H_CLOCK = re.compile(
    # (The look ahead fails fast where no figure starts: the look-behinds are dear.)
    r"(?=\d)(?:" + "|".join(rf"(?<=\b{word} )" for word in _CLOCK_PLACERS) + ")"
    r"(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:.]?\d)"
)
# A decade spaCy may leave untagged beside one it tags ("the 90s and 2000s", "the '80s and
# '90s"): after "the", or with its apostrophe, or in four figures. (Not "in her 90s", an
# age; a temperature's "the mid-90s" is left out by `build`.)
_DECADE = re.compile(
    rf"(?<![\w{APOSTROPHES}-])(?:the (?:(?:early|mid|late)[- ])?{APOSTROPHE_RE}?[1-9]0"
    rf"{APOSTROPHE_RE}?s|{APOSTROPHE_RE}[1-9]0s|(?:1[5-9]|20)\d0{APOSTROPHE_RE}?s)(?![\w-])"
)
# A day that names one event as pages write it ("9/11"), which spaCy reads as a number.
_NAMED_DAY_WRITTEN = re.compile(
    r"(?<![\w/.-])(?:"
    + "|".join(re.escape(w) for _, written, _ in NAMED_DAY_ROWS for w in written)
    + r")(?![\w/-]|\.\d)"
)
# A year after "prior to", which spaCy may leave untagged ("Prior to 2008, the best
# performances were ..."); after "until" it tags one.
_YEAR_PRIOR_TO = re.compile(rf"(?<=\bprior to ){MODERN_YEAR_RE}\b", re.I)
# A month after a hyphened part of it ("stocks at end-May", "in mid-May"): spaCy may leave
# it untagged, "May" above all, which the hyphen makes a month and never the verb.
_PART_OF_A_MONTH = re.compile(
    rf"(?<![\w-])(?i:end|mid|early|late)-(?:{_CAPITALISED_MONTHS})(?![\w-])"
)
_LEXICAL_FORMS = (
    _LEXICAL, _SEASON_BEFORE_A_NOUN, _COUNT_OF_UNITS, _QUARTER_CODE, _PLACED_24H_CLOCK, _DECADE,
    _NAMED_DAY_WRITTEN, _YEAR_PRIOR_TO, _PART_OF_A_MONTH,
)  # fmt: skip
# Words every match of a pattern holds (or has beside it, where it looks around): a text
# that holds none of them holds no match, and the pattern's search over the whole text,
# the dearest thing the stage does, is skipped (`vocab.may_match`). In lower case for a
# pattern that ignores case. Patterns found in most texts (a month's name, a clock time)
# have no entry.
_HOLDS_ONE_OF: dict[re.Pattern[str], tuple[str, ...]] = {
    _HOLIDAYS: (*sorted({f" {n.split()[-1]}" for n in _HOLIDAYS_NAMED_WHOLE}), *_HOLIDAYS_ALONE),
    _HOLIDAY_WEEK: (" weekend", " week"),
    _AM_PM: ("am", "pm", "a.m", "p.m"),
    _CLOCK_RUN: ("am", "pm", "a.m", "p.m"),
    _FORTNIGHT: ("fortnight",),
    _SPLIT_YEAR: ("/", *(f"{season} of " for season in SEASONS)),
    _SEASON_YEAR: tuple(f"{season} " for season in SEASONS),
    _VAGUE_COUNT_OF_UNITS: tuple(f"{count} " for count in VAGUE_OF_COUNTS),
    _THIS_TIME: ("this time ",),
    _YEAR_RUN: ("from ", "between "),
    _MONTH_RUN: ("from ", "between "),
    _WEEKDAY_OF_MONTH: ("day of ", "day in "),  # (every weekday's name ends in "day")
    _NTH_PART_OF_YEAR: ("half", "quarter"),
    _FULL_YEAR: ("full",),
    _DOTTED_MONTH_DAY: tuple(f".{month}." for month in _DOTTED_MONTHS),
    _COUNT_CHOICE_FORM: tuple(f" {unit}" for unit in CHOICE_UNITS),
    _SEASON_BEFORE_A_NOUN: ("summer", "autumn", "winter"),
    _QUARTER_CODE: ("Q1", "Q2", "Q3", "Q4"),
    _COUNT_OF_UNITS: _PLURAL_UNITS,
    _YEAR_PRIOR_TO: ("prior to ",),
    _PART_OF_A_MONTH: ("d-", "y-", "e-"),  # end-, mid-, early-, late-
}
# Patterns led by figures, which no word gives away: a small pattern every match of one
# holds a match of, led by a character Python's re skips to fast (one it must start with).
_HOLDS_A_MATCH_OF: dict[re.Pattern[str], re.Pattern[str]] = {
    _WIRE_CLOCK: re.compile(r"\d\d\d\d ?[A-Za-z]"),  # four figures, a zone or "hours"
    _ZONED_CLOCK: re.compile(r"[:.][0-5]\d ?[A-Za-z]"),  # ":30 Pacific", ".02 BST"
    _DOTTED_DAY: re.compile(r"\.\d\d?\.(?:19|20)"),  # ".12.2023"
    _PLACED_24H_CLOCK: re.compile(r"\d:[0-5]\d"),  # "23:00"
    _CLOCK_RUN: re.compile(r"\d:[0-5]\d"),  # "1:15"
    _DECADE: re.compile(rf"\d0{APOSTROPHE_RE}?s"),  # "90s", "2000's"
    _NAMED_DAY_WRITTEN: re.compile(r"\d/\d"),  # "9/11"
    _WEEKDAY_NUMERIC_DAY: re.compile(r"\d/\d"),  # "11/15"
    _NUMERIC_DAY: re.compile(r"[/-]\d\d?[/-]"),  # "/31/"
    _ISO_STAMP: re.compile(r"-(?:0[1-9]|1[0-2])-"),  # "-08-"
}
# A period named by its unit alone, which a determiner before it makes a date.
_BARE_PERIOD = re.compile(
    r"(?:day|week|weekend|month|year|quarter|decade|spring|summer|autumn|fall|winter|morning"
    r"|afternoon|evening|night|season)s?",
    re.I,
)
# How far either side of a spaCy span a form it cut short may begin or end, characters.
_FORM_REACH = 12
# Where spaCy joined two expressions into one span ("the year ended Sept. 30").
# How far before a span the few words that open it ("from ", "later in ") are looked
# for, characters: a bounded window, since a search from the block's start for each of a
# chronology's thousands of dates costs time quadratic in its length.
_LEAD_REACH = 24
_LATER_IN = re.compile(r"\b(?:later|earlier) (?:in|during) $", re.I)
_EXACTLY = re.compile(r"\bexactly $", re.I)
# "Fell 3% on the day", "weakened during the day", "the day's losses": a market report's day,
# the one it tells of; "the day of the vote", "the day he died" are other days.
_OTHER_DAY_AFTER = re.compile(
    r"\s+(?:of|when|that|which|before|after|he|she|they|it|we|i|you|the|a|an)\b", re.I
)
_COUNT_ANCHOR = re.compile(
    r"(?: (?:from (?:now|today)|hence|(?:after|before) th(?:at|is))|['\u2019]s? time)\b", re.I
)
# "A few weeks back", "four months back": "back" after a count of days or longer is "ago",
# which spaCy leaves out; not a way back ("two days back to base", "back in Paris"), nor
# a race's gap in seconds ("17 seconds back").
_UNITS_END = re.compile(r"\b(?:days?|weeks?|months?|years?|decades?)$", re.I)
_BACK_AS_AGO = re.compile(
    r" back\b(?! (?:to|from|into|in|home|up|down|out|on|onto|off|at|here|there|toward|towards"
    r"|together|then|when|and|with|of)\b)",
    re.I,
)
_AND_AGE = re.compile(r" and age\b", re.I)
# "The day" + "before" or "after" with nothing it is before or after: the clause ends.
_BEFORE_OR_AFTER_ALONE = re.compile(
    r" (?:before|after)(?=\s*(?:[,.;:!?)\u2014]|$|(?:and|or|but|when|as|while|instead)\b))", re.I
)
# "Between 2 and" + "4 p.m.", "from 7 until" + "10pm": the hour a run of clock hours opens
# at, which spaCy leaves out (or calls a number); it takes the a.m. or p.m. of the end.
_A_CLOCK_START = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?\s?m\b", re.I)
_HOUR = r"\d{1,2}(?:[:.]\d\d)?"
_A_RUN_OF_HOURS = re.compile(
    rf"{_HOUR}(?: and | to | until | till |\s?[-\u2013]\s?){_A_CLOCK_START.pattern}", re.I
)
_A_RUN_OPENER = re.compile(r"\b(?:between|from) $", re.I)
_AN_OPENING_HOUR = re.compile(
    rf"\b(?:(?:between|from) {_HOUR}(?: to | until | till |\s?[-\u2013]\s?)|between {_HOUR} and )$",
    re.I,
)
_FRACTION_END = re.compile(r"\b(?:half|quarters?)$", re.I)
_OF_A_UNIT = re.compile(r" of an? (?:hour|minute|day|week|month|year|decade|century)\b", re.I)
# spaCy may keep the apostrophe of "two years' time" and stop there.
_TIME_AFTER_APOSTROPHE = re.compile(r"(?<=['\u2019]) time\b", re.I)
# A month, day or season whose year follows as words: spaCy often stops before them.
_NAMES_A_PART_OF_A_YEAR = re.compile(
    rf"(?:\b(?:{MONTH_RE}|{'|'.join(SEASONS)})(?: \d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH_RE})$",
    re.I,
)
# "April-June" (or "April-to-June") + "period": spaCy leaves out the word that makes two
# months a quarter.
_MONTH_TO_MONTH = re.compile(
    rf"(?:the )?{MONTH_RE}[-\u2013](?:to[-\u2013]|through[-\u2013])?{MONTH_RE}", re.I
)
_PERIOD_AFTER = re.compile(r" (?:quarter|period)\b", re.I)
_TODAY = re.compile(r"today|tomorrow", re.I)
_THE_UNIT_NEXT_TO = re.compile(rf"the (?:day|week|weekend|month|year|{WEEKDAY_RE})", re.I)
_ENDS_IN_OF = re.compile(r"\w of$", re.I)
_YEAR_NEXT = re.compile(r" (?:1[5-9]|20)\d\d(?:[-/]\d{2,4})?\b")
# "two days" + "after" + "Aug. 2" is one date, counted from the other (`resolve`).
_A_COUNT = re.compile(rf"{APPROX_RE}{NUM_RE} {UNIT_RE}", re.I)
_PART_OF_DAY_END = re.compile(rf"\b{DAY_PART_RE}$", re.I)
_DAY_THEN_MONTH = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH_WORD}", re.I)
_FIRST_DAY_OF_A_RUN = re.compile(
    r"(?<![\d,.:/£$€-])\b(?:the )?\d{1,2}(?:st|nd|rd|th)?"
    r"(?: (?:to|until|till|through|and|or) | ?[-\u2013] ?)$",
    re.I,
)
_A_SEASON = re.compile(rf"(?:{'|'.join(SEASONS)})", re.I)


def _from_a_runs_first_day(full: str, start: int) -> int:
    """Where a day and month that ends a run starts, the run's first day included: "from
    26 to" + "30 October", "on 24 and" + "25 October", "runs 13-" + "15 August", "the 4th
    or" + "5th of June" (spaCy took the first day for a number, or saw no date). Read
    together, each day is in the month (`build._pieces`)."""
    lead = _FIRST_DAY_OF_A_RUN.search(full, max(0, start - 16), start)
    return lead.start() if lead else start


_THE_FOLLOWING = re.compile(r"\bthe following $", re.I)
# "The following" + "June", "the previous" + "June": the one after or before the last date.
# "That" + "June" as a determiner only: opening a sentence or after a preposition ("said
# that June sales rose" is a conjunction).
_THE_FOLLOWING_OR_PREVIOUS = re.compile(
    r"\b(?P<lead>the (?:following|previous|preceding) )$"
    r"|(?:^|[.!?]\s+|\b(?:in|by|during|until|from|of)\s+)(?P<that>that )$",
    re.I,
)
_ONE_MONTH = re.compile(MONTH_RE, re.I)
_ONE_WEEKDAY = re.compile(rf"(?:on )?(?:the )?(?:{'|'.join(WEEKDAY_NAMES)})", re.I)
_THE_BEFORE = re.compile(r"\bthe $", re.I)
_DAY_PART_AFTER = re.compile(rf" {DAY_PART_RE}\b(?!['\u2019]?s\b)", re.I)
_RELATIVE_YEAR_AFTER = re.compile(r",? (?:of )?(?:last|this|next) year\b", re.I)
# "the 1988 period", "the 1989 quarter": spaCy takes the year alone, but in a results
# story the words around it name that year's quarter (`dates`: year-period).
_YEAR_PERIOD_AROUND = (re.compile(r"\bthe $", re.I), re.compile(r" (?:period|quarter)\b", re.I))
# "the year-ago" + "period", "the comparable period" + "last year": spaCy takes the part
# that names a year and leaves out the words that make it the results' period.
_YEAR_AGO_END = re.compile(rf"\b{YEAR_AGO_RE}$", re.I)
_PERIOD_BEFORE = re.compile(rf"\b(?:the )?{LIKE_RE} {LIKE_UNIT_RE} $", re.I)
_DURATION_END = re.compile(r"\b(?:seconds?|minutes?|hours?|days|weeks|months|years)$", re.I)
# Spans spaCy tags DATE that are ages or sizes, not times ("45-year-old", "aged 45").
AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ](?:years?|months?|weeks?|days?)[- ]old\b|\bold\b", re.I)
_LOWERCASE_TIME_WORDS = {
    "today", "tonight", "tomorrow", "yesterday", "now", "week", "weekend", "month",
    "morning", "afternoon", "evening", "night", "this", "last", "next",
}  # fmt: skip

# A capitalised time word counts as a title when fewer than this share of the sentence's
# other long words are capitalised (a headline in title case capitalises nearly all).
TITLE_CASE_SHARE = 0.7


# A span joined from spaCy's entities takes no more once this long: no date is told in so
# many characters (the longest on 2,051 real pages is 43), and a list of thousands of years
# with only spaces between them, joined into one, cost time quadratic in its length.
MAX_JOINED = 120


def candidate_spans(doc: Doc, full: str) -> list[tuple[int, int]]:
    """Character spans to try: spaCy DATE/TIME entities, then our lexical rules around them.

    `full` is `doc.text`, passed in because spaCy rebuilds that string on every access."""
    spans: list[tuple[int, int]] = []
    ents = doc.ents  # (a tuple spaCy builds anew on every access)
    low = full.lower()
    over = _OVER_OTHER_ENTITIES if may_hold_a_fraction(low) else _WITHOUT_FRACTIONS
    # The forms that may match in the text: the only ones that may match in a part of it.
    forms = _may_match_in(over, full, low)
    for part in (p for e in ents if e.label_ in ("DATE", "TIME") for p in _entity_parts(e)):
        if (
            spans
            and spans[-1][1] - spans[-1][0] < MAX_JOINED
            and _joins_previous(full, spans[-1], part)
        ):
            spans[-1] = (spans[-1][0], part.end_char)
        else:
            spans.append(_entity_span(doc, full, part, forms))
    lexical = _may_match_in(_LEXICAL_FORMS, full, low)
    spans.extend(_pattern_spans(doc, full, spans, ents, [*forms, *lexical]))
    spans.extend(_years_of_events(ents, spans))
    spans.sort()
    return _one_date_in_two_spans(full, _within_brackets(full, _with_opening_hours(full, spans)))


def _with_opening_hours(full: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Between 2 and' + '4 p.m.', 'from 7 until' + '10pm': the hour a run of clock hours
    opens at is part of it (`resolve` reads the run from its first hour)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lead = _AN_OPENING_HOUR.search(full, max(0, start - _LEAD_REACH), start)
        if not (lead and _A_CLOCK_START.match(full, start, end)):
            # spaCy may take "2 and 4 p.m." without the "between" that makes it a run.
            run = _A_RUN_OF_HOURS.match(full, start, end)
            lead = _A_RUN_OPENER.search(full, max(0, start - 8), start) if run else None
        if lead and (not out or out[-1][1] <= lead.start()):
            start = lead.start()
        out.append((start, end))
    return out


def _within_brackets(full: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'At 21:14 local time (00:14 GMT on Tuesday)', 'at 10pm (2200 GMT)': a bracket is an
    aside, so a span never runs into one it does not close, nor out of one it did not
    open; cut there, each side is a span of its own (the time and its conversion)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cut = _unmatched_bracket(full[start:end])
        if cut is None:
            out.append((start, end))
            continue
        for a, b in ((start, start + cut), (start + cut + 1, end)):
            piece = full[a:b]
            a, b = a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())
            if any(c.isalnum() for c in full[a:b]):
                out.append((a, b))
    return out


def _unmatched_bracket(piece: str) -> int | None:
    """Where `piece` has its first bracket without a partner, if it has one."""
    opened: list[int] = []
    for i, c in enumerate(piece):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if not opened:
                return i
            opened.pop()
    return opened[0] if opened else None


# "Saturday, 4th September", "Thursday Nov 1", "Saturday afternoon, 4th September": a
# weekday (a part of it) and the date it names, which spaCy may tag apart (or tag the
# weekday alone, the date found by our patterns). One day, whose weekday then picks its
# year (`calendar_rules`); apart, the weekday was read as the nearest one and the date as
# the coming one, two days for one.
_BARE_WEEKDAY = re.compile(rf"(?:{'|'.join(WEEKDAY_NAMES)})(?: {DAY_PART_RE})?", re.I)
_A_MONTH_DAY = re.compile(rf"(?:the )?(?:{_DAY_MONTH.pattern}|{_SHORT_MONTH_DAY.pattern})", re.I)
_ANY = re.compile(r".+", re.S)
_A_PERIOD_TO = re.compile(r"(?:the )?(?:week|month|quarter|half|year)(?: to)?", re.I)
_A_SEASON_AFTER_A_PREP = re.compile(
    rf"(?:(?:{_SEASON_PREPS}) )?(?:the )?(?:spring|summer|autumn|fall|winter)", re.I
)
_A_WEEK_FROM = re.compile(r" (?:beginning|starting|commencing) (?:on )?", re.I)
_THE_WEEK = re.compile(r"(?:the )?week", re.I)
_A_PART_OF_DAY = re.compile(
    r"(?:the )?(?:(?:early|late|wee|small)[- ])?(?:(?:morning|afternoon|evening|night)(?: hours)?"
    r"|hours)",
    re.I,
)
# "3 March" + " – " + "9 April 2005", "30 November" + "–" + "2 December 2015", "3 March
# to" + "9 April 2005": a run of days across two months told day first, the year told once
# at its end (spaCy tags the first day apart, or as a number). Read apart, the first day
# took the story's year; read as one (`build._pieces`), it takes the year of the run.
_DAY_FIRST = rf"{_DAY_NUMBER} {_MONTH_WORD}"
_A_DAY_FIRST = re.compile(_DAY_FIRST)
_A_DAY_FIRST_TO = re.compile(rf"{_DAY_FIRST} (?:to|until|till|through)")
_A_DAY_FIRST_WITH_ITS_YEAR = re.compile(rf"{_DAY_FIRST} (?:19|20)\d\d")
# (what comes first, the words between, what comes second): two spans that are one date.
_ONE_DATE_IN_TWO = (
    (_A_DAY_FIRST, re.compile(r" ?[-\u2013\u2014] ?"), _A_DAY_FIRST_WITH_ITS_YEAR),
    (_A_DAY_FIRST_TO, re.compile(" "), _A_DAY_FIRST_WITH_ITS_YEAR),
    (_BARE_WEEKDAY, re.compile(r",? ?"), _A_MONTH_DAY),
    # "the week" + "beginning" + "8 February": the week that day starts (spaCy may tag
    # the month alone, our patterns the day).
    (_THE_WEEK, _A_WEEK_FROM, _ANY),
    # "the week to" + "9 February", "the year to" + "March": the period that day or month
    # ends (`ranges.period_holding`).
    (_A_PERIOD_TO, re.compile(r" (?:to )?"), _ANY),
    # "a fortnight" + "on" + "Tuesday": that long after the coming Tuesday (spaCy tags the
    # length and the day apart).
    (re.compile(r"(?:a )?(?:week|fortnight)", re.I), re.compile(r" (?:on|from) "), _ONE_WEEKDAY),
    # "since the autumn" + "of" + "2022": one season (our patterns find the season, and
    # spaCy the year).
    (_A_SEASON_AFTER_A_PREP, re.compile(r" of "), re.compile(r"(?:19|20)\d\d(?:[-/]\d{2,4})?")),
    # "the week" + "after" + "New Year's Day", "the Monday" + "after" + "Easter": one
    # date next to another (our patterns find the holiday, spaCy the unit).
    (_THE_UNIT_NEXT_TO, re.compile(r" (?:before|after) "), _ANY),
    # "Ten years ago" + "today": an anniversary, that day so many years back
    # (`period_rules` count-ago-this).
    (re.compile(r".+ ago", re.I), re.compile(r" "), _TODAY),
    # "the early morning hours" + "of" + "October 31": a part of that day (spaCy tags the
    # part a time and the day a date).
    (_A_PART_OF_DAY, re.compile(r" of "), _ANY),
)


def _one_date_in_two_spans(full: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each pair of spans `_ONE_DATE_IN_TWO` knows as one date, joined into one."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            if any(
                first.fullmatch(full, last_start, last_end)
                and between.fullmatch(full, last_end, start)
                and second.fullmatch(full, start, end)
                for first, between, second in _ONE_DATE_IN_TWO
            ):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


def _entity_parts(ent: Span) -> list[Span]:
    """spaCy may run a date into the clause after it ("agreed on Friday to end six days of
    fighting" as one DATE). An infinitive is no part of a date ("from Monday to Friday"
    has a preposition), so the entity is cut there and the words on each side are tried
    apart."""
    doc = ent.doc
    # "The following year she began": spaCy may run a date into the subject after it.
    # "October 19, 2012 @ 9:00AM": spaCy may end a date on the "@" that leads its clock.
    while len(ent) > 1 and (ent[-1].pos_ == "PRON" or ent[-1].text == "@"):
        ent = ent[:-1]
    # "Published Nov. 13, 2012", "Updated Nov.": spaCy may open a stamp's date on the
    # participle that leads it.
    while len(ent) > 1 and ent[0].tag_ in ("VBN", "VBD") and ent[0].lower_ not in _CLOCK_WORDS:
        ent = ent[1:]
    if len(ent) > 1 and _a_surname_month(ent):
        ent = ent[1:]
    if ent.label_ == "TIME" and (stop := _past_the_clock(ent)) is not None:
        # "12:19 PM PST Follow @jdolcourt", "8:42 am Updated Nov. 7": spaCy may run a
        # stamp's clock into the line after it; read whole, the day before lost its year.
        after = doc[stop.i + 1 : ent.end]
        return [doc[ent.start : stop.i], *(_entity_parts(after) if len(after) else [])]
    for tok in ent[1:-1]:
        if tok.tag_ == "TO" and doc[tok.i + 1].tag_ == "VB":
            after = doc[tok.i + 2 : ent.end]
            return [doc[ent.start : tok.i], *(_entity_parts(after) if len(after) else [])]
        # "March 18 @ 6:30 pm", as event listings put it: spaCy takes the day and the
        # clock as one date, which no rule reads whole; apart, the clock is put on the day
        # (`clocks`), as with "at".
        if tok.text == "@":
            after = doc[tok.i + 1 : ent.end]
            return [doc[ent.start : tok.i], *_entity_parts(after)]
    return [ent]


def _a_surname_month(ent: Span) -> bool:
    """'Announced by Theresa May earlier this week': a month's name right after a given
    name, mid-sentence, is a surname that spaCy ran into the date after it (a day's number
    after it keeps it a month, "Paris May 5", as does a comma before its year, "Laser
    Solutions June, 2005": only a word goes on from a surname)."""
    first, second = ent[0], ent[1]
    if first.lower_ not in MONTHS or ent.start == 0 or not second.is_alpha:
        return False
    prev = ent.doc[ent.start - 1]
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and prev.lower_ not in MONTHS
        and prev.lower_ not in WEEKDAYS
    )


# What a clock may be read as when spaCy tags it a verb: "8:42 am" ("am" as in "I am").
_CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m."})


def _past_the_clock(ent: Span) -> Token | None:
    """The first word of a clock time's entity that is no part of a time: a verb
    ("Updated") or a handle ("@jdolcourt"). (Not a zone the tagger took for a verb:
    "11:56:51 PM PST", "PST" as a participle.)"""
    for tok in ent[1:]:
        verb = tok.tag_.startswith("VB") and not tok.text.isupper()
        if (verb and tok.lower_ not in _CLOCK_WORDS) or (
            tok.text.startswith("@") and len(tok.text) > 1
        ):
            return tok
    return None


def _joins_previous(full: str, last: tuple[int, int], ent: Span) -> bool:
    """Whether an entity finishes the span before it: spaCy splits "noon Thursday" and
    "Saturday night" in two, and they are one time. A length of time before a day ("for
    four hours Friday") is not part of the day."""
    gap = full[last[1] : ent.start_char]
    previous = full[last[0] : last[1]]
    return bool(
        (
            re.fullmatch(r"\s*(?:on|,)?\s*", gap)
            and not _DURATION_END.search(previous)
            # "150 years old" + "next spring": an age is no part of the date after it, nor
            # of the one before ("Just last week, 10-year-old Sophia wrote").
            and not AGE.search(previous)
            and not AGE.search(ent.text)
            # "9 a.m. on Thursdays", "11 a.m. on the third Sunday of every month": a
            # recurring day stays apart, to become a weekly set that takes the clock
            # (`build`).
            and not _PLURAL_WEEKDAY.fullmatch(ent.text)
            and not MONTHLY_WEEKDAY_SET.fullmatch(normalise(ent.text))
        )
        # "Tonight" + "at" + "11 p.m.", "Tuesday" + "at" + "noon": one time, the day's
        # clock (apart, two rows for one moment, the day's and the clock's).
        or (
            gap == " at "
            and _A_DAY_FOR_A_CLOCK.fullmatch(previous) is not None
            and _A_CLOCK.fullmatch(ent.text) is not None
        )
        # "the winter" + "of" + "2022-23" is one season.
        or (gap == " of " and re.fullmatch(r"\d{4}(?:[-/]\d{2,4})?", ent.text))
        # "August 5. 2003.": a year after a full stop that a comma was meant to be (the
        # parser took the stop to end a sentence, and the day the anchor's year).
        or (
            gap == ". "
            and _A_MONTH_DAY.fullmatch(previous) is not None
            and re.fullmatch(r"\d{4}", ent.text) is not None
        )
        # "the morning" + "of" + "Jan. 5" is that day's morning.
        or (gap == " of " and _PART_OF_DAY_END.search(previous) is not None)
        or (gap in (" after ", " before ") and _A_COUNT.fullmatch(previous) is not None)
        # "two weeks" + "from" + "today" (but "three weeks from 1 June" is a length from it).
        or (gap == " from " and _A_COUNT.fullmatch(previous) and _TODAY.fullmatch(ent.text))
        # "the day" + "before" + "Thanksgiving" is one day.
        or (gap in (" after ", " before ") and previous.lower() == "the day")
        # "from Monday" + "to" + "Thursday" is one range, read in order (`ranges`).
        or (
            RANGE_WORDS.fullmatch(gap) is not None
            and RANGE_OPENERS.search(full, max(0, last[0] - _LEAD_REACH), last[0]) is not None
        )
    )


_PLURAL_WEEKDAY = re.compile(rf"(?:{'|'.join(WEEKDAY_NAMES)})s", re.I)
_A_DAY_FOR_A_CLOCK = re.compile(
    rf"(?:(?:early|late|later|earlier) )?"
    rf"(?:(?:on )?(?:{'|'.join(WEEKDAY_NAMES)})|today|tonight|tomorrow|yesterday)"
    rf"(?: {DAY_PART_RE})?",
    re.I,
)
_A_CLOCK = re.compile(
    r"(?:about |around )?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?|\d{1,2}:\d\d|noon|midday|midnight)",
    re.I,
)
_SHORT_DECADE = re.compile(rf"(?:early |mid-?|late )?[1-9]0{APOSTROPHE_RE}?s", re.I)
_APOSTROPHE_S = re.compile(rf"{APOSTROPHE_RE}s\b")
_ENDS_IN_TENS = re.compile(r"\d0$")


# "Volume was 300, down from 56 Monday": spaCy may take the figure before a weekday into
# the date, read then as a day of a month ("5 Tuesday" in May). A day's number follows its
# weekday ("Tuesday 5 March"), never stands before it.
_FIGURE_BEFORE_A_WEEKDAY = re.compile(
    rf"\d[\d,.]*\s+(?=(?:{'|'.join(WEEKDAY_NAMES)})\b(?!\s*,?\s*\d)"
    # "She would have been 80 this summer": a figure before a time told from now.
    r"|(?:this|next|last) (?:spring|summer|autumn|fall|winter|week|month|year)\b)",
    re.I,
)


def _entity_span(
    doc: Doc, full: str, ent: Span, forms: Sequence[re.Pattern[str]]
) -> tuple[int, int]:
    """A spaCy entity's span, with the words it left out that belong to the date (`forms`:
    the cut-short forms that may match in `full`)."""
    start, end = ent.start_char, ent.end_char
    if figure := _FIGURE_BEFORE_A_WEEKDAY.match(ent.text):
        start += figure.end()
    word_before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    # "the Black Friday deals": spaCy may take the weekday without the word that makes it
    # a holiday.
    if f"{word_before} {ent.text.lower()}" in HOLIDAY_NAMES:
        start = doc[ent.start - 1].idx
    # "the 1960's": spaCy leaves the "'s" of a decade out, as if it were a possessive
    # (without "the", "2010's election" is one).
    decade_s = _APOSTROPHE_S.match(full, end) if _ENDS_IN_TENS.search(ent.text) else None
    if decade_s and (word_before == "the" or ent.text.lower().startswith("the ")):
        end = decade_s.end()
    # "the ’60s and ’70s": spaCy may leave out the apostrophe that makes "60s" a decade.
    if start > 0 and full[start - 1] in APOSTROPHES and _SHORT_DECADE.fullmatch(full, start, end):
        start -= 1
        if ent.start > 1 and doc[ent.start - 2].lower_ == "the":
            start = doc[ent.start - 2].idx
    # "back in the 80s": spaCy may leave out the article that makes "80s" a decade (in
    # "their 80s" it is an age, and stays out).
    if word_before == "the" and _SHORT_DECADE.fullmatch(full, start, end):
        start = doc[ent.start - 1].idx
    # "exactly a decade ago": to the day, which the span must hold to be read so.
    if ent.text.lower().endswith(" ago") and (
        exactly := _EXACTLY.search(full, max(0, start - _LEAD_REACH), start)
    ):
        start = exactly.start()
    # "later in the day": spaCy starts after the words that place it in the day.
    head = _LATER_IN.search(full, max(0, start - _LEAD_REACH), start)
    if head and ent.text.lower() == "the day":
        start = head.start()
    elif (
        ent.text.lower() == "the day"
        and word_before in DAY_PREPS
        and not _OTHER_DAY_AFTER.match(full, end)
    ):
        start = doc[ent.start - 1].idx
    if ent.text.lower() == "the day" and (told := _BEFORE_OR_AFTER_ALONE.match(full, end)):
        end = told.end()  # "had worked the day before, and ...": the day before the last
    if ent.text.lower() in ("day", "the day") and full.startswith(("'s", "\u2019s"), end):
        end += 2  # "the day's losses" (spaCy may tag "day" alone)
        if word_before == "the":
            start = doc[ent.start - 1].idx
    # "two weeks from now", "in three months' time", "a week after that": spaCy stops
    # before the words that anchor the count, and may tag "a year's time" as the "year"
    # alone.
    # "three quarters" + "of an hour": spaCy may stop at the fraction, which alone would
    # count quarters of a year.
    if _FRACTION_END.search(ent.text) and (of_a_unit := _OF_A_UNIT.match(full, end)):
        end = of_a_unit.end()
    tail = _COUNT_ANCHOR.match(full, end) or _TIME_AFTER_APOSTROPHE.match(full, end)
    if tail is None and _UNITS_END.search(ent.text):
        tail = _BACK_AS_AGO.match(full, end)
    if tail:
        end = tail.end()
        if tail.group(0).endswith("time") and word_before in ("a", "an"):
            start = doc[ent.start - 1].idx
    start, end = finished_by_forms(full, *widen(full, start, end), forms)
    if _DAY_THEN_MONTH.match(full, start, end):
        start = _from_a_runs_first_day(full, start)
    # "this year's election" comes out as the entity "year"; the determiner decides (but
    # "that 1978 resolution" is the year 1978, "that" pointing at the resolution).
    if word_before in ("this", "last", "next", "that") and _BARE_PERIOD.fullmatch(ent.text):
        start = doc[ent.start - 1].idx
    return start, end


_A_YEAR_IN = re.compile(r"\d{4}")
# A day written whole, month and day number with its year ("January 6, 2004", "6 January
# 2004"): nothing around it is part of it but what holds it whole.
_WHOLE_DAY = re.compile(
    rf"{_SHORT_MONTH_DAY.pattern}(?<=\d\d\d\d)|{_DAY_MONTH.pattern}(?<=\d\d\d\d)"
)


def _may_match_in(
    patterns: Sequence[re.Pattern[str]], full: str, low: str
) -> list[re.Pattern[str]]:
    """Those of `patterns` that may match in `full` (`low` in lower case), in their order."""
    return [
        rx
        for rx in patterns
        if may_match(rx, _HOLDS_ONE_OF.get(rx), full, low)
        and ((held := _HOLDS_A_MATCH_OF.get(rx)) is None or held.search(full) is not None)
    ]


def _pattern_spans(
    doc: Doc,
    full: str,
    taken: list[tuple[int, int]],
    ents: Sequence[Span],
    patterns: Sequence[re.Pattern[str]],
) -> list[tuple[int, int]]:
    """Spans our `patterns` find where spaCy found none (`ents`: its entities; `patterns`:
    those of `_OVER_OTHER_ENTITIES` and `_LEXICAL_FORMS` that may match in `full`, in that
    order). Holidays first: "Black Friday" is one day, not the weekday "Friday"."""
    taken_index = Overlaps(taken)
    other_ents = Overlaps(
        (e.start_char, e.end_char) for e in ents if e.label_ not in ("DATE", "TIME")
    )
    events = Overlaps((e.start_char, e.end_char) for e in ents if e.label_ == "EVENT")
    sentences = sentence_index(doc)
    in_market_news = _QUARTER_CODE in patterns and market_or_results(full)
    found: list[tuple[int, int]] = []
    for m in (m for rx in patterns for m in rx.finditer(full)):
        s, e = m.start(), m.end()
        if taken_index.hit(s, e):
            continue
        # A capitalised weekday inside a name ("Bloody Sunday") is not a date. (A quarter's
        # code spaCy calls a product alone is one; inside a longer name it is a model.)
        if m.re is _QUARTER_CODE:
            if any(x.start_char < s or x.end_char > e for x in _entities_over(ents, s, e)):
                continue
        elif (
            m.re in _LEXICAL_FORMS
            and other_ents.hit(s, e)
            and not (m.re in _READ_AS_NUMBERS and _only_numbers_within(ents, s, e))
        ):
            continue
        # "The September 11 attacks": a day that names an event, whose year only knowledge
        # of the world gives (with its year written, "September 11, 2001", it is read).
        if (
            m.re is _SHORT_MONTH_DAY
            and events.hit(s, e)
            and not _A_YEAR_IN.search(m.group(0))
            and not _an_event_of_the_table(m.group(0), sentences.near(s, e))
        ):
            continue
        if m.re is _SEASON_BEFORE_A_NOUN and not market_or_results(sentences.near(s, e)):
            continue
        if m.re is _NAMED_DAY_WRITTEN and not _told_as_the_event(
            m.group(0), sentences.near(s, e), full, s
        ):
            continue
        # A quarter's code is rarer than a season's word outside such news: its paragraph
        # is enough ("Revenue rose 8%. Its Q3 margin was the best in five years.").
        if m.re is _QUARTER_CODE and not in_market_news:
            continue
        if m.re is _DAY_MONTH:
            s = _from_a_runs_first_day(full, s)
        found.append((s, e))
        taken_index.add(s, e)
    return found


def _years_of_events(ents: Sequence[Span], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'NBC's telecast of the 2008 Games', 'Phelps beat him at the 2008 Olympics': the year
    in the name of an event dates the event, where spaCy tags the whole an event and no
    date. (Only an event's: in a product's name, "Windows 2000", "Visual Studio 2012", a
    year names a version as often as a time.)"""
    taken_index = Overlaps(taken)
    found = []
    for ent in (e for e in ents if e.label_ == "EVENT"):
        for tok in ent:
            start, end = tok.idx, tok.idx + len(tok.text)
            if MODERN_YEAR.fullmatch(tok.text) and not taken_index.hit(start, end):
                found.append((start, end))
    return found


# "Lead inexorably to 9/11", "since 9/11": a word of time before a named day.
_TIME_WORD_BEFORE_AN_EVENT = re.compile(
    r"\b(?:to|after|since|before|until|post|pre|of|during|from)[\s-]+$", re.I
)


_MONTH_AND_DAY = re.compile(r"([A-Za-z]+)\.? (\d{1,2})")


def _an_event_of_the_table(text: str, sentence: str) -> bool:
    """'After the September 11 attacks': a month and day that name an event of
    `[[named_days]]`, in a sentence that speaks of it (whose year the table knows)."""
    m = _MONTH_AND_DAY.match(text)
    if m is None:
        return False
    month, day_of_month = MONTHS.get(m.group(1).lower()), int(m.group(2))
    return any(named.told_on(month, day_of_month, sentence) for named in NAMED_DAYS)


def _told_as_the_event(written: str, sentence: str, full: str, start: int) -> bool:
    """'The 9/11 attacks', 'lead inexorably to 9/11': the event, told by a word of it in
    the sentence or a word of time before it, where spaCy took "9/11" for a number ("scores
    were 9/11" is a fraction)."""
    if any(named.cues.search(sentence) for named in NAMED_DAYS if written in named.written):
        return True
    return _TIME_WORD_BEFORE_AN_EVENT.search(full, max(0, start - 12), start) is not None


# Forms spaCy may read as a number ("the 1990\u2032s", "9/11"): found over one inside them.
_READ_AS_NUMBERS = (_DECADE, _NAMED_DAY_WRITTEN)


def _only_numbers_within(ents: Sequence[Span], start: int, end: int) -> bool:
    """Whether every entity over start..end is a number inside it: "the 1990′s", a decade
    spaCy did not know for one and read as a figure."""
    return all(
        x.label_ == "CARDINAL" and start <= x.start_char and x.end_char <= end
        for x in _entities_over(ents, start, end)
    )


def _entities_over(ents: Sequence[Span], start: int, end: int) -> list[Span]:
    """spaCy's entities other than dates that overlap the characters start..end."""
    return [
        x
        for x in ents
        if x.label_ not in ("DATE", "TIME") and x.start_char < end and start < x.end_char
    ]


def finished_by_forms(
    full: str, start: int, end: int, forms: Sequence[re.Pattern[str]] = _CUT_SHORT_FORMS
) -> tuple[int, int]:
    """A span grown to the whole of a form we know by pattern that it is part of ("Aug 3,
    2023" tagged as "3, 2023"). A day already whole is not joined to a form that crosses
    it: in "Bulletin No. 1 January 6, 2004" the "1 January" shares its month with the
    day, and is no day of its own (nor is the issue's number that spaCy may take in).
    `forms` are those of `_CUT_SHORT_FORMS` to try (the ones that may match in `full`)."""
    whole = _WHOLE_DAY.fullmatch(full, start, end) is not None
    inner = None if whole else _WHOLE_DAY.search(full, start, end)
    if inner and inner.end() == end and full[start : inner.start()].strip().isdigit():
        start, whole = inner.start(), True
    for rx in forms:
        for form in rx.finditer(full, max(0, start - _FORM_REACH), end + _FORM_REACH):
            if form.start() < end and start < form.end():
                if whole and not (form.start() <= start and end <= form.end()):
                    continue
                start, end = min(start, form.start()), max(end, form.end())
    return start, end


def widen(full: str, start: int, end: int) -> tuple[int, int]:
    """The words that finish a date spaCy stopped short of: "(mid-)March" + "last year" is
    one month, "March 5" + "this year" one day; "the" + "1988" + "period" one quarter."""
    text = full[start:end]
    if text.lower() == "this day" and (age := _AND_AGE.match(full, end)):
        return start, age.end()  # "in this day and age": nowadays, not the story's day
    if _BARE_ORDINAL.fullmatch(text) and (century := _CENTURY_AFTER.match(full, end)):
        return start, century.end()  # "the 14th" + "Century"
    if _ENDS_IN_OF.search(text) and (year := _YEAR_NEXT.match(full, end)):
        # "the spring of" + "2022": spaCy took the year for a number.
        return start, year.end()
    if (_A_SEASON.fullmatch(text) or _ONE_WEEKDAY.fullmatch(text)) and (
        lead := _THE_FOLLOWING.search(full, max(0, start - 14), start)
    ):
        return lead.start(), end  # "the following" + "autumn": the one after the last date
    if _ONE_MONTH.fullmatch(text) and (
        lead := _THE_FOLLOWING_OR_PREVIOUS.search(full, max(0, start - 24), start)
    ):
        return lead.start("lead" if lead["lead"] else "that"), end
    if _ONE_WEEKDAY.fullmatch(text) and (
        lead := _THE_BEFORE.search(full, max(0, start - 4), start)
    ):
        # "on the Monday": that day of the week of the day last named (`calendar_rules`).
        start, text = lead.start(), full[lead.start() : end]
    if _ONE_WEEKDAY.fullmatch(text) and (part := _DAY_PART_AFTER.match(full, end)):
        return start, part.end()  # "Wednesday" + "morning": one part of one day
    if _NAMES_A_PART_OF_A_YEAR.search(text):
        tail = _RELATIVE_YEAR_AFTER.match(full, end)
        if tail:
            return start, tail.end()
    if _MONTH_TO_MONTH.fullmatch(text) and (tail := _PERIOD_AFTER.match(full, end)):
        return start, tail.end()
    if _YEAR_AGO_END.search(text) and (tail := _PERIOD_AFTER.match(full, end)):
        return start, tail.end()
    if re.fullmatch(r"(?:last year|a year (?:earlier|ago|before))", text, re.I) and (
        lead := _PERIOD_BEFORE.search(full, max(0, start - 40), start)
    ):
        return lead.start(), end
    if re.fullmatch(r"\d{4}", text) and (
        holiday := _A_HOLIDAY_BEFORE.search(full, max(0, start - 40), start)
    ):
        return holiday.start(), end  # "New Year's Eve" (spaCy's event) + "1994"
    if re.fullmatch(r"\d{4}", text):
        before, after = _YEAR_PERIOD_AROUND
        lead = before.search(full, max(0, start - 4), start)
        tail = after.match(full, end)
        if lead and tail:
            return lead.start(), tail.end()
    return start, end


def is_a_word_not_a_month(span: Span, text: str) -> bool:
    """'This august House': a month name that is also a word, alone and in lower case in a
    sentence that capitalises (a text written all in lower case proves nothing)."""
    if text not in MONTH_WORDS:
        return False  # before the sentence: spaCy rebuilds its text from the tokens
    sentence = sentence_near(span)
    return sentence != sentence.lower()


_CLAUSE_OPENERS = {'"', "\u201c", "\u2018", "'", "--", "\u2013", "\u2014", ":", "("}


def is_name(span: Span, text: str) -> bool:
    """'ABC's "This Week"', 'VOA Today': a capitalised time word mid-sentence is a title.

    Weekdays and months are always capitalised, so only words normally written in lower
    case count; a headline in title case capitalises everything and proves nothing.
    """
    words = text.split()
    capitalised = [w for w in words if w[:1].isupper() and w.lower() in _LOWERCASE_TIME_WORDS]
    if not capitalised or text.lower() in HOLIDAY_NAMES:  # "Bonfire Night" is written so
        return False
    # After an opening quote, a dash or a colon a new clause starts ('He added, "This year
    # we ...', 'the presidency--Yesterday I wrote').
    opens = span.start > 0 and span.doc[span.start - 1].text in _CLAUSE_OPENERS
    sentence = sentence_of(span)
    first_is_start = opens or all(not t.is_alpha for t in span.doc[sentence.start : span.start])
    if first_is_start and capitalised == [words[0]]:
        return False
    if words[0] in capitalised and _after_a_name(span):
        return True
    return not _in_title_case(span)


_COUNT_OF_A_CAPITALISED_UNIT = re.compile(
    r"\d+(?:[.,]\d+)?[- ](?:Days?|Weeks?|Months?|Years?|Hours?|Minutes?|Seconds?|Nights?)"
    r"(?: [A-Z][\w\x27’-]*)*"  # the rest of the title spaCy took with it
)


def names_a_titled_count(span: Span, text: str) -> bool:
    """'Works for both 80 Day Obsession and ...', 'a story on 60 Minutes': a count whose unit
    is capitalised in a sentence that is no headline is a title, no length of time."""
    return _COUNT_OF_A_CAPITALISED_UNIT.fullmatch(text) is not None and not _in_title_case(span)


def _in_title_case(span: Span) -> bool:
    """The sentence around the span capitalises nearly every long word (a headline, a
    heading), so a capital in it proves nothing."""
    # The rest of the sentence, without its first word and the expression itself.
    sentence = sentence_of(span)
    words, capitalised = of_its_sentence(span, _long_words)
    for t in span:
        if sentence.start < t.i < sentence.end and _a_long_word(t):
            words -= 1
            capitalised -= t.text[0].isupper()
    return capitalised >= TITLE_CASE_SHARE * max(words, 1)


def _long_words(sentence: Span) -> tuple[int, int]:
    """How many long words the sentence has after its first, and how many of those are
    capitalised."""
    words = [t.text for t in sentence[1:] if _a_long_word(t)]
    return len(words), sum(w[0].isupper() for w in words)


def _a_long_word(t: Token) -> bool:
    return t.is_alpha and len(t.text) > 3


# A house number: a number, then up to three capitalised words ending in a street word,
# capitalised as an address writes them ("1119 Eighth St.", "1640 NEIL AVENUE"); in lower
# case the words are others' ("this 1946 statement by Dr. Chisholm", "sales for 2003 were
# close to").
_STREET = re.compile(
    r"\s+(?:[A-Z0-9][\w'-]*\.?\s+){0,3}(?:"
    + "|".join(
        sorted({c(w) for w in STREET_WORDS for c in (str.title, str.upper)}, key=len, reverse=True)
    )
    + r")\b\.?"
)


_TIME_PREPOSITIONS = "in|since|by|until|before|after|during|from"
_TIME_PREPOSITION = re.compile(rf"\b(?:{_TIME_PREPOSITIONS})\s+$", re.I)


def is_house_number(text: str, before: str, after: str) -> bool:
    """'of 1119 Eighth St.', '1909 Jolinda Drive': a number starting a street address (but
    "in 1998 Street artists" is a year: a time preposition comes before it)."""
    return (
        text.strip().isdigit()
        and _STREET.match(after) is not None
        and _TIME_PREPOSITION.search(before) is None
    )


# Before this year a bare number is read as a year only after a word of time: "in 1139",
# "around 1086"; alone, "Column 1040", "1350 hydrants", "Publication 1001" are numbers.
_EARLY_YEAR = 1500
_CHRONICLE_DASH = re.compile(r" [-\u2013\u2014] [A-Z]")
# ("c." is circa alone, not the end of an abbreviation: "123 F.T.C. 1427" is a page.)
_TIME_WORD_BEFORE = re.compile(
    rf"\b(?:{_TIME_PREPOSITIONS}|around|about|circa|(?<![\w.])ca?\.|year|of|back to)\s+$",
    re.I,
)


# Four digits, or four and a month's two as an ISO month writes them ("1023-10").
_YEAR_OR_ISO_MONTH = re.compile(r"(?P<year>\d{4})(?:-\d{2})?")


# An amount changing before a number: "scores increased from 1061 to 1128", "up from
# 1190": the "from" and "to" there measure, they do not date.
_AN_AMOUNT_CHANGING = re.compile(
    r"(?:\b(?:up|down)\s+from|\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|"
    r"increased|increases|increasing|decreased|decreases|grew|grown|grows|dropped|drops|"
    r"climbed|climbs|declined|declines|jumped|jumps|slipped|improved|went)\b"
    r"[^.!?;]{0,25}?\b(?:from|to)(?:\s+\d{3,4}\s+to)?)\s+$",
    re.I,
)


def is_an_early_number(text: str, before: str, after: str) -> bool:
    """A bare number that would be a year before 1500, or a month of one ("item 1023-10"),
    with no word of time before it, nor a chronicle's dash after it ("1241 - Alexander
    III, King of Scotland, born"); or after an amount's change, time word or not.
    `before` is the text before it, a few words of it."""
    m = _YEAR_OR_ISO_MONTH.fullmatch(text) or _EARLY_RUN.fullmatch(text)
    if m is None or int(m.group("year")) >= _EARLY_YEAR:
        return False
    if _AN_AMOUNT_CHANGING.search(before) is not None:
        return True
    return (
        _YEAR_OR_ISO_MONTH.fullmatch(text) is not None
        and _TIME_WORD_BEFORE.search(before) is None
        and _CHRONICLE_DASH.match(after) is None
    )


# Two such numbers spaCy tags as one run ("1061 to 1128"): early years only after an
# amount's change; a bare run ("(1368-1644)") may be a dynasty's.
_EARLY_RUN = re.compile(r"(?P<year>\d{4})\s*(?:to|through|-|\u2013)\s*\d{4}")


# Words that put a number to a thing, so the four digits after them are its number, not a
# year: "the programme numbered 1501", "flight 2012", "No. 1998", "Room 2001", "Form 1040".
_NUMBERING_WORD = (
    r"(?:\b(?:numbered|number|nos?\.|num\.|model|version|flight|route|room|suite|"
    r"platform|gate|bus|exit|highway|interstate|patent|form|page|pp?\.|chapter|section|"
    r"column|item|lot|unit|ticket|extension|ext\.|"
    # A bill's number: "H.R. 1119", "Senate Bill 1370", "SB 1370", "Resolution 2334"; and
    # the Senate's "S. 1608" (not the "S." of "U.S.").
    r"h\.\s?r\.|bill|resolution|[ahs]\.?b\.?)|(?<![\w.])s\.|#)"
)
_NUMBERED_BY = re.compile(rf"{_NUMBERING_WORD}\s*$", re.I)
# Four digits that could be a year before the modern era ("1441", not "2012").
_EARLY_FOUR_DIGITS = re.compile(r"(?<!\d)1[0-8]\d\d(?!\d)")
# Words that place four digits in time, so that they are a year even when the article
# numbers a thing with them ("Resolution 1441 ... since 1441").
_PLACED_AS_A_YEAR = re.compile(
    rf"\b(?:in|since|by|until|till|before|after|during|from|through|throughout|to|circa|"
    rf"year|fiscal|early|mid|late|{MONTH_RE})[\s,-]+$",
    re.I,
)


def labelled_numbers(texts: Iterable[str]) -> frozenset[str]:
    """The four-digit numbers before the modern era an article gives a thing ("Resolution
    1441", "Form 1040"). (Found from the digits back: a search for the words tried every
    one of them at every letter of the article.)"""
    return frozenset(
        m.group()
        for text in texts
        for m in _EARLY_FOUR_DIGITS.finditer(text)
        if _NUMBERED_BY.search(text, max(0, m.start() - 24), m.start()) is not None
    )


def names_a_labelled_thing(text: str, before: str, labels: frozenset[str]) -> bool:
    """'In material breach of 1441': four digits alone that the article gave a thing
    elsewhere ("Resolution 1441") are that thing again, unless a word of time places them
    ("in 1441"). (`labelled_numbers` keeps no year of the last two centuries: "#2020" or
    "page 2019" in a page say nothing of its "2020 was hard".)"""
    return text in labels and _PLACED_AS_A_YEAR.search(before) is None


_ENDS_IN_FOUR_DIGITS = re.compile(r"(?P<lead>.*?)(?<!\d)\d{4}(?:-\d{2})?")


def is_numbered_thing(text: str, before: str) -> bool:
    """Four digits (or an ISO month's "2019-11") that a word before them makes the
    number of a thing (spaCy may take the word in: "Flight 2012", "item 2019-11")."""
    m = _ENDS_IN_FOUR_DIGITS.fullmatch(text)
    return m is not None and _NUMBERED_BY.search(before + m.group("lead")) is not None


_THE_PERIOD = re.compile(r"(?:the )?(?:week|month|year)", re.I)


def period_named_after(text: str, after: str) -> bool:
    """'The month of Ramadan', 'the year of the dragon', 'the week of the vote': a bare
    period whose "of" says which one. It is not this month or year, and only a date after
    "of" could say when (spaCy takes "the month of May" whole). So too "the first half of
    the match": a half or quarter of something other than a year."""
    if not after.startswith(" of "):
        return False
    if _THE_NTH_PART.fullmatch(text):
        return re.match(_OF_A_YEAR, after, re.I) is None
    return _THE_PERIOD.fullmatch(text) is not None


_CENTURY_AFTER = re.compile(r" century\b", re.I)
_ORDINAL_TOKEN = re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.I)
_BARE_ORDINAL = re.compile(
    rf"(?:the |my |his |her |our |their |its )?{_ORDINAL_TOKEN.pattern}", re.I
)
# The ordinal alone, or with the word it ranks when spaCy took that too ("the 1st Amendment").
_RANKING_ORDINAL = re.compile(rf"(?i:{_BARE_ORDINAL.pattern})(?: [A-Z][\w-]*)?")
# What an ordinal ranks that is itself a time: "the 14th Century".
RANKED_TIMES = ("century", "millennium")


def a_place_in_a_ranking(text: str, before: str) -> bool:
    """'The club sit 14th', 'she finished 3rd': a bare ordinal after a word that does not
    bring in a day ("on the 14th", "by the 20th", "the 16th and 17th") is a place."""
    return _BARE_ORDINAL_DAY.fullmatch(text) is not None and not _BRINGS_IN_A_DAY.search(before)


_BARE_ORDINAL_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.I)
_BRINGS_IN_A_DAY = re.compile(
    r"(?:\b(?:the|on|by|until|till|from|since|before|after|of|and|or|to|through|between)"
    r"|[,&(\u2013\u2014-]|^)\s*$",
    re.I,
)


def ranks_a_noun(span: Span, text: str) -> bool:
    """'The 1st Amendment', 'the 8th Annual convention', 'my 2nd wedding anniversary',
    '12th place': an ordinal before the noun it ranks is no day of the month ("on the
    8th, the vote", "the 8th of June" and "by the 20th" rank nothing)."""
    if _ranks_a_noun_after(span):
        return True
    if not _RANKING_ORDINAL.fullmatch(text) or text.split()[-1].lower() in RANKED_TIMES:
        return False
    ordinal = next((t for t in span if _ORDINAL_TOKEN.fullmatch(t.text)), None)
    return ordinal is not None and _ranks_a_noun_past(ordinal, ordinal.i)


def _ranks_a_noun_past(ordinal: Token, i: int) -> bool:
    """Whether an ordinal modifies a noun that stands after token `i`, and not a month or a
    century ("the 14th Century"). One joined to another ranks what that one ranks
    ("between 3 and 8th standards", "the 3rd and 4th floors")."""
    while ordinal.dep_ == "conj" and ordinal.head.i < ordinal.i:
        ordinal = ordinal.head
    head = ordinal.head
    return (
        ordinal.dep_ in ("amod", "compound", "nummod")
        and head.i > i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in MONTHS
        and head.lower_ not in RANKED_TIMES
    )


_URL_MARK = re.compile(r"://|\bwww\.", re.I)
# The run of characters without a space (of any kind) that ends, or starts, at a point.
_RUN_END = re.compile(r"\S*\Z")
_RUN_START = re.compile(r"\S*")


def in_a_url(full: str, start: int, end: int) -> bool:
    """'http://example.com/2011/03/05/features/friday/...': words of a web address
    pasted in the text date no event of the story."""
    # The run that holds the span's end: spaCy may take a pasted address and the year
    # after it as one span ("http://.../html/ - 1996"), and the year is the page's.
    left = _RUN_END.search(full, max(0, end - 300), end)
    right = _RUN_START.match(full, end)
    assert left is not None and right is not None  # both match the empty string
    return _URL_MARK.search(full, left.start(), right.end()) is not None


def _ranks_a_noun_after(span: Span) -> bool:
    """'Since the end of the second world war': spaCy's span ends on an ordinal that ranks
    a noun after the span, so what it took for "the 2nd" is no day."""
    last = span[-1]
    if last.lower_ not in ORDINALS and not _ORDINAL_TOKEN.fullmatch(last.text):
        return False
    if any(t.lower_.rstrip(".") in MONTHS for t in span):
        return False  # "his Sept. 20th address", "the January 9th elections": a date
    before = span.doc[last.i - 1] if last.i > 0 else None
    if last.lower_ == "second" and before is not None and (before.like_num or before.text == "-"):
        return False  # "a 30-second trailer", "six second delay": a length
    return _ranks_a_noun_past(last, span.end - 1)


def names_something(span: Span) -> bool:
    """'Friday Night Lights', 'the Sunday Telegraph': a day or month name that begins a
    name, a run of capitalised proper nouns that heads its phrase. Not when the last of
    them modifies a common noun ('the March State election'), nor when it is a time word
    ('Sunday Morning'), nor when a name of its own begins after the day ('said Monday
    Russia had', 'On Saturday Kurt wrote', which the parser may join), nor in a sentence
    in title case, where every word looks like a name."""
    root = span_root(span)
    if root.lower_ not in WEEKDAYS and root.lower_ not in MONTHS:
        return False
    head = root
    while head.dep_ == "compound" and head.head.i > head.i and head.head.tag_ in _PROPER_TAGS:
        head = head.head
    after = span.doc[span.end : head.i + 1]
    return (
        head.i >= span.end
        and head.dep_ != "compound"
        and all(t.text[:1].isupper() and t.ent_iob_ != "B" for t in after)
        and head.lower_ not in _LOWERCASE_TIME_WORDS
        and head.lower_ not in WEEKDAYS
        and head.lower_ not in MONTHS
        and not _in_title_case(span)
    )


def holiday_names_a_thing(span: Span, text: str) -> bool:
    """'The Christmas tree', 'Halloween costumes': a holiday's name before a noun that is
    no occasion (`OCCASION_NOUNS`) describes the thing, and dates nothing. "Christmas
    dinner" and "the Easter weekend" still date; so does a possessive ("Christmas's
    crowds"), which names the day."""
    last = span[-1]  # spaCy may join a word before it: "the annual Christmas letter"
    if text.lower() not in HOLIDAY_NAMES and last.lower_ not in HOLIDAY_NAMES:
        return False
    # "The post Labor Day market", "pre-Christmas trading": the time after or before it.
    lead = doc_text(span.doc)[max(0, span.start_char - 5) : span.start_char].lower()
    if re.search(r"\b(?:post|pre)[- ]?$", lead):
        return False
    head = last.head
    return (
        last.dep_ in ("compound", "nmod", "amod")
        and head.i == last.i + 1
        and head.pos_ == "NOUN"
        and head.lower_ not in OCCASION_NOUNS
        and head.lemma_.lower() not in OCCASION_NOUNS
    )


# The words a day's name ends in: a holiday's last word, a month, a weekday.
_DAY_NAME_ENDS = frozenset(
    {name.split()[-1] for name in HOLIDAY_NAMES} | set(MONTHS) | set(WEEKDAYS)
)


def joined_to_a_describing_word(span: Span) -> bool:
    """'Christmas-themed sweaters', 'Fourth of July-inspired looks', 'Halloween-related
    injuries': a day's name joined by a hyphen to the participle or adjective it makes
    describes a thing, and dates nothing ("Christmas-time sales", a noun, still date)."""
    last = span[-1]
    head = last.head
    return (
        last.lower_ in _DAY_NAME_ENDS  # not "1906 - German-born", which spaCy took whole
        and head.i == last.i + 2
        and last.nbor(1).text == "-"
        and not last.whitespace_
        and not last.nbor(1).whitespace_
        and head.pos_ in ("VERB", "ADJ")
        and head.dep_ == "amod"
    )


_PROPER_TAGS = ("NNP", "NNPS")


def _after_a_name(span: Span) -> bool:
    """'Prime Now', 'USA Today': a capitalised time word right after a proper noun (not
    the sentence's first word, not a time word itself) ends a name, unless capitals go on
    after it as in a headline ("Fighting Rages Today Across The Front")."""
    opening = sentence_of(span).start
    if span.start == opening:
        return False
    prev = span.doc[span.start - 1]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        prev.i != opening
        and prev.pos_ == "PROPN"
        and prev.lower_ not in _LOWERCASE_TIME_WORDS
        and prev.lower_ not in WEEKDAYS
        and (after is None or not after.text[:1].isupper())
    )


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_AGE_LEAD = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+)?$", re.I)
# A number given as a label: "plan number 1501", "No. 1999", "#2010" (not "No" alone: "no
# 1999 model was sold").
_LABEL_LEAD = re.compile(r"(?:\bnumber\s+|\b(?:nos?|nr)\.\s*|#\s*)$", re.I)


# A sum of money around a number: "£1008m", "$2000", "1500bn".
_CURRENCY_BEFORE = re.compile(r"[$\u00a3\u20ac\u00a5]\s?$")
_MULTIPLIER_AFTER = re.compile(r"(?:m|bn|k)\b", re.I)


# "A quarter of the staff", "three quarters of the vote": a share of a thing, not a
# quarter of a year. (A share of a time, "a quarter of an hour", is spaCy's whole span.)
_SHARE = re.compile(rf"(?:^|\s){APPROX_RE}(?:an?|one|two|three)\s+quarters?$", re.I)
_OF_NO_TIME = re.compile(
    r"\s+of\s+(?!(?:(?:an?|the|this|that|each|every)\s+)?"
    r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|century|centuries)\b)",
    re.I,
)


def is_a_share(text: str, after: str) -> bool:
    """'About a quarter of all households', 'three quarters of the members': a part of
    something, which the word for a quarter of a year only looks like."""
    return _SHARE.search(text) is not None and _OF_NO_TIME.match(after) is not None


# A unit's symbol after a number, as written; not one before a capitalised word, where
# it begins a name ("the 2019 K League").
_UNIT_SYMBOL_AFTER = re.compile(
    r"\s?(?:" + "|".join(re.escape(s) for s in UNIT_SYMBOLS) + r")(?![\w-])(?!\s+[A-Z])"
)
# A maker's code in capitals before a model's number, and the model's suffix after it.
_MODEL_CODE_BEFORE = re.compile(r"\b[A-Z]{2,5}\s$")
_MODEL_SUFFIX_AFTER = re.compile(r"\s(?:" + "|".join(re.escape(s) for s in MODEL_SUFFIXES) + r")\b")


def is_a_count(text: str, before: str, after: str) -> bool:
    """'by 1920 pixels', 'a viewing age of 48 months', '(£1008m)', 'plan number 1501',
    'a temperature of 1850 K', 'the GTX 1660 Ti': a quantity of a unit, an age, a sum of
    money, a label or a model's number."""
    if _AGE_LEAD.search(before) or re.match(r"(?:aged?|ages)\s", text, re.I):
        return True
    if text.isdigit() and (
        _CURRENCY_BEFORE.search(before)
        or _MULTIPLIER_AFTER.match(after)
        or _UNIT_SYMBOL_AFTER.match(after)
        or _LABEL_LEAD.search(before)
        or (_MODEL_CODE_BEFORE.search(before) and _MODEL_SUFFIX_AFTER.match(after))
    ):
        return True
    word = _NEXT_WORD.match(after)
    number_ = text.split()[-1] if text.split() else ""
    return number_.isdigit() and word is not None and word.group(1).lower() in COUNT_NOUNS


# Letters before a year that say its era, not a maker ("AD 1066").
_ERAS = ("AD", "CE")


def is_a_model_number(text: str, before: str, anchor_year: int) -> bool:
    """'The RTX 2060': four digits after a maker's code that, as a year, lie further ahead
    of the story than any year told that way (`MODEL_YEARS_AHEAD`)."""
    code = _MODEL_CODE_BEFORE.search(before)
    return (
        code is not None
        and code.group(0).strip() not in _ERAS
        and re.fullmatch(r"\d{4}", text) is not None
        and int(text) > anchor_year + MODEL_YEARS_AHEAD
    )


_CLOCK_OR_DECADE_WORD = re.compile(r"(?:1[0-2]|0?[1-9])[ap]m|(?:1\d|20)\d0s", re.I)


# A year of the next century is told after a word that places it in time ("return in
# 2101", "a lease until 2125"); bare, four such digits are more often a count.
_FAR_YEAR = re.compile(r"21\d\d")
_FAR_YEAR_LEAD = re.compile(r"\b(?:in|by|until|till|before|after|from|around|of|to)\s$", re.I)


def looks_temporal(text: str, before: str = "") -> bool:
    """Reject spaCy's bare numbers and codes ("45", "T0504") before resolving anything."""
    t = text.strip()
    if re.fullmatch(r"(?:Q[1-4]|H[12])(?: (?:19|20)\d\d)?", t):
        return True  # a quarter or half as results tables write it
    if _CLOCK_OR_DECADE_WORD.fullmatch(t):
        return True  # "10am", "1990s": letters on digits, as codes have, but no code
    if _FAR_YEAR.fullmatch(t):
        return _FAR_YEAR_LEAD.search(before) is not None
    if re.fullmatch(r"[A-Za-z]*\d+[A-Za-z]*\d*", t) and not re.fullmatch(r"1\d{3}|20\d{2}", t):
        return False
    return not re.fullmatch(r"[\d\s,.%-]+", t) or bool(re.search(r"\b(?:1\d{3}|20\d{2})\b", t))


def writes_day_first(texts: Iterable[str]) -> bool:
    """Whether a page writes its numeric dates day first: one of them can only be read
    that way ("31/12/2004") and none only month first ("12/31/2004"). A page that shows
    neither ("08/06/12" alone) is read in the US order."""
    day_first = month_first = False
    for text in (t for t in texts if _HOLDS_A_MATCH_OF[_NUMERIC_DAY].search(t)):
        for m in _NUMERIC_DAY.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            day_first |= a > 12 >= b
            month_first |= b > 12 >= a
    return day_first and not month_first
