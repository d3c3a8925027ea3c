"""A stand-in for the date of a page that gives none: the latest date its text names in full.

A page with no publication date was read as of the day it was fetched, so on an old undated
page "last week" fell in the reader's own week and "December 26" in the reader's year. The
page's own dates are a better guess: the date line it prints over its text ("Posted on May
16, 2005", "Issue #113 - January 2005"), else the last day it names with its year ("On
March 3, 2006, the board met"), since a page is written after it. The stand-in is still a
guess, so every entry read against it keeps `anchor_assumed`.

Measured by `benchmarks/standin.py` on pages that do give a date, hidden for the test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from tui.pipeline.kinds import Granularity
from tui.pipeline.model import EARLIEST_PUBLISHED_YEAR, Block, BlockKind, TimelineEntry
from tui.pipeline.timeline.values import safe_date
from tui.pipeline.timeline.vocab import MONTH_RE, WEEKDAY_RE, year_of_two_digits

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Only blocks that write a year are read again, which keeps the second pass to a few blocks
# (resolution is held under a tenth of the parse). "2,000,000" is a number; "2012," a year,
# and so are four figures after a comma, which no thousands are ("January 08,2001").
_YEAR = re.compile(r"(?<![\d.])(?:1[89]\d\d|2\d\d\d)(?!\d|,\d)|'\d\d\b")

# A day in figures, as date lines print it ("Posted: 11.13.2012", "By Sam on 10.29.12",
# "Wed 2012/11/07 19:05"), which the timeline reads only in its common forms.
_FIGURES = re.compile(r"(?<![\w.,/:-])(\d{1,4})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/:-]|[.,]\d)")


def _figure_days(text: str, fetched_day: date) -> list[date]:
    """The days a date line writes in figures. The year comes first or last; the day is
    the number above 12 where there is one, else dots put the day first, as most of the
    world writes them, and slashes and dashes the month, as the US does."""
    days = []
    for m in _FIGURES.finditer(text):
        a, separator, b, c = int(m[1]), m[2], int(m[3]), m[4]
        if len(m[1]) == 4:
            days.append(safe_date(a, b, int(c)))
        elif len(m[1]) <= 2:
            year = int(c) if len(c) == 4 else year_of_two_digits(int(c), fetched_day.year)
            month, day = (b, a) if separator == "." else (a, b)
            days.append(safe_date(year, month, day) or safe_date(year, day, month))
    return [d for d in days if d is not None and d.year >= EARLIEST_PUBLISHED_YEAR]


def _dated(text: str) -> bool:
    return _YEAR.search(text) is not None or _FIGURES.search(text) is not None


# Which named dates may stand in, finest first: a day pins the page best, so a month or a
# year named later ("plans for 2015") is used only when the page names no day.
_FINEST_FIRST = (
    frozenset({Granularity.DAY, Granularity.TIME}),
    frozenset({Granularity.MONTH, Granularity.SEASON}),
    frozenset({Granularity.YEAR}),
)


def names_its_year(entry: TimelineEntry) -> bool:
    """Whether the expression writes its year ("3 March 2006", "March '06", "fiscal 2006"),
    so that its value does not hang on the anchor it was read against."""
    year = entry.value[:4]
    if not year.isdigit():
        return False
    text = entry.expression
    return re.search(rf"(?<!\d){year}(?!\d)", text) is not None or f"'{year[2:]}" in text


def _placed(entry: TimelineEntry) -> tuple[date, date] | None:
    """The days a named date covers, when it is one the page's own date may be: a date or
    time that writes its year, within one calendar year ("since 2004" runs up to the
    anchor), and not older than the web."""
    if (
        entry.timex_type not in ("DATE", "TIME")
        or entry.vague
        or not entry.range_start
        or not entry.range_end
        or not names_its_year(entry)
    ):
        return None
    start, end = (
        date.fromisoformat(entry.range_start[:10]),
        date.fromisoformat(entry.range_end[:10]),
    )
    if start.year != end.year or start.year < EARLIEST_PUBLISHED_YEAR:
        return None
    return start, end


def standin_anchor(
    blocks: Sequence[Block],
    docs: Sequence[Doc],
    fetched: str,
    date_lines: Sequence[str] = (),
    title: str | None = None,
    head_cuts: Sequence[str] = (),
) -> str | None:
    """The page's own date as best its words tell, no later than `fetched` (an ISO date or
    datetime), as an ISO date; None when they name none. The byline and date lines the
    cleaner cut (`date_lines`, "Posted by Wren on 14 March 2007") are read first: a date
    there is the page's own. Then the page's head: the short lines that open the text
    (`_head`) and the lines cut over it (`head_cuts`, "::WEEKLY DIGEST No. 184 -- 6 October
    2003"), for a day or a month. Else the latest date the text names with its year. The
    day or month the page's `title` names wins when it is later ("Newsletter October 1997"
    over the date of a hearing it cites)."""
    from tui.pipeline.nlp import parse_blocks

    fetched_day = date.fromisoformat(fetched[:10])
    if date_lines:
        lines = [Block(BlockKind.PARAGRAPH, text) for text in _badges_joined(date_lines)]
        found = _latest_named(lines, parse_blocks(lines), fetched, fetched_day, figures=True)
        if found is not None:
            return found
    # A long cut line is read for the date its opening gives ("Published on December 5,
    # 2009 in Firmware Updates and News. Tags: ...").
    openings = (text[:_HEAD_LINE_MAX_CHARS] for text in _badges_joined(head_cuts))
    cut = [Block(BlockKind.PARAGRAPH, text) for text in openings if _dated(text)]
    head = _head(blocks)
    # A day or a month over the text; a year alone there is more often its subject.
    found = _latest_named(
        cut + [blocks[i] for i in head],
        parse_blocks(cut) + [docs[i] for i in head],
        fetched,
        fetched_day,
        _FINEST_FIRST[:2],
        figures=True,
    ) or _latest_named(blocks, docs, fetched, fetched_day)
    if title and _YEAR.search(title):
        # A year alone in a title ("The 1995 hearings") is more often its subject.
        line = [Block(BlockKind.PARAGRAPH, title)]
        titled = _latest_named(line, parse_blocks(line), fetched, fetched_day, _FINEST_FIRST[:2])
        if titled is not None and (found is None or titled > found):
            return titled
    return found


# A piece of a date printed as a badge, each in an element of its own ("11" "July" "2012",
# "Oct" "1" "2012", "Wed" "07" "Nov"): a day number, a month, a weekday or a year alone.
_BADGE_PIECE = re.compile(
    rf"\s*(?:\d{{1,2}}(?:st|nd|rd|th)?|{MONTH_RE}|{WEEKDAY_RE}|(?:1[89]|2\d)\d\d),?\s*", re.I
)


def _badges_joined(lines: Sequence[str]) -> list[str]:
    """The lines, each run of badge pieces joined into one line ("11 July 2012"): apart,
    no piece is a date, and the day of a blog's calendar badge went unread."""
    joined: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and _BADGE_PIECE.fullmatch(line):
            run.append(line.strip())
            continue
        if run:
            joined.append(" ".join(run))
            run = []
        if line:
            joined.append(line)
    return joined


# The lines over the text's first paragraph are its head, where a page prints its date,
# issue or edition ("Issue #113 - January 2005", "Publication Date: Wednesday, August 11,
# 2004", "by Sam Writer on Tuesday, December 6, 2011"): a short line that ends no sentence.
_HEAD_MAX_LINES = 6
_HEAD_LINE_MAX_CHARS = 100
_ENDS_A_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")


def _head(blocks: Sequence[Block]) -> list[int]:
    """The indices of the blocks with a year among the short lines that open the text."""
    head = []
    for i, block in enumerate(blocks[:_HEAD_MAX_LINES]):
        if len(block.text) > _HEAD_LINE_MAX_CHARS or _ENDS_A_SENTENCE.search(block.text):
            break
        if _dated(block.text):
            head.append(i)
    return head


def _latest_named(
    blocks: Sequence[Block],
    docs: Sequence[Doc],
    fetched: str,
    fetched_day: date,
    kinds_in_turn: Sequence[frozenset[Granularity]] = _FINEST_FIRST,
    figures: bool = False,
) -> str | None:
    """The latest date `blocks` name with its year, finest first, and with `figures` (for
    date lines) the days they write in figures. A month or a year stands in by its middle
    day, the least wrong guess of a day within it."""
    from tui.pipeline.timeline.build import build_timeline

    rows = [i for i, block in enumerate(blocks) if _YEAR.search(block.text)]
    named: list[tuple[Granularity, tuple[date, date]]] = []
    if rows:
        found = build_timeline([blocks[i] for i in rows], fetched, True, [docs[i] for i in rows])
        named = [(e.granularity, days) for e in found if (days := _placed(e)) is not None]
    if figures:
        figured = (d for block in blocks for d in _figure_days(block.text, fetched_day))
        named += [(Granularity.DAY, (d, d)) for d in figured]
    for kinds in kinds_in_turn:
        middles = [a + (b - a) / 2 for granularity, (a, b) in named if granularity in kinds]
        past = [d for d in middles if d <= fetched_day]
        if past:
            return max(past).isoformat()
    return None
