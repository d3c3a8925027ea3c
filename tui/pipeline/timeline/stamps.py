"""A live blog's update stamps, which the cleaner keeps as a heading before each update
(`clean._keep_update_stamps`): the span of a bare one nothing else finds, the day each of a
run falls on, and the update each dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui.pipeline.clean import HALF_DAY_MINUTES, stamp_clock
from tui.pipeline.model import Block, BlockKind, Granularity, TimelineEntry
from tui.pipeline.timeline.resolve import CLOCK_RE
from tui.pipeline.timeline.sentence import MAX_SENTENCE, Sentences
from tui.pipeline.timeline.vocab import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc


def a_stamp(block: Block, full: str) -> list[tuple[int, int]]:
    """A live blog's stamp heading that names no day ("01:15", which nothing else finds
    alone): its clock, as the span to read."""
    if block.kind != BlockKind.HEADING or stamp_clock(full) is None:
        return []
    clock = CLOCK_RE.search(full)
    return [(clock.start(), clock.end())] if clock else []


def stamps_on_their_days(
    blocks: Sequence[Block], entries: list[TimelineEntry]
) -> list[TimelineEntry]:
    """A live blog's run of bare stamps ("01:15", "00:40", "23:55") crosses midnight where
    the clock jumps by more than half a day: newest first, the stamps below the jump are the
    day before; oldest first, the day after. Each went to the day the text is told of."""
    out = list(entries)
    previous: tuple[int, date] | None = None  # the last stamp's minute and day
    for k, entry in enumerate(out):
        block = blocks[entry.block]
        # (The kind first: a paragraph, however long, is read for a stamp no more.)
        clock = stamp_clock(block.text) if block.kind == BlockKind.HEADING else None
        if clock is None:
            continue
        if not CLOCK_RE.fullmatch(normalise(entry.expression)) or entry.range_start is None:
            previous = None  # a stamp with its own day sets the run's day itself
            continue
        on = date.fromisoformat(entry.range_start)
        if previous is not None:
            jump = clock - previous[0]
            days = -1 if jump > HALF_DAY_MINUTES else 1 if -jump > HALF_DAY_MINUTES else 0
            on = previous[1] + timedelta(days=days)
            out[k] = _on_day(entry, on)
        previous = (clock, on)
    return out


def _on_day(entry: TimelineEntry, on: date) -> TimelineEntry:
    """The same clock time on another day."""
    at = entry.value[entry.value.index("T") :]
    value = on.isoformat() + at
    return replace(
        entry,
        value=value,
        range_start=on.isoformat(),
        range_end=on.isoformat(),
        timex_value=value if entry.timex_value is not None else None,
    )


# Headings a stamp may stand above its update's text by: "20:14" then "Update 38" then it.
_STAMP_LOOKAHEAD = 2


def stamps_quote_their_updates(
    blocks: Sequence[Block], docs: Sequence[Doc], entries: list[TimelineEntry]
) -> list[TimelineEntry]:
    """A heading that is only a clock, a live blog's update stamp ("20:14 CET", put back
    by `clean`), dates the update under it: its entry quotes that update's first sentence
    after the stamp, not the bare stamp, so the timeline says what happened then; none
    when the update says that time itself ("At 20:14, ..."), its own entry."""
    said = {(e.block, e.value) for e in entries}
    out = []
    for entry in entries:
        block = blocks[entry.block]
        stamp = (
            block.kind == BlockKind.HEADING
            and entry.granularity == Granularity.TIME
            and stamp_clock(block.text) is not None  # the whole heading ("Tue 3 Nov 14:02")
        )
        update = _update_under(blocks, entry.block) if stamp else None
        if update is None:
            out.append(entry)
            continue
        if (update, entry.value) in said:
            continue
        first = Sentences(docs[update]).text(0)[:MAX_SENTENCE]
        out.append(replace(entry, sentence=f"{block.text.strip()}: {first}"))
    return out


def _update_under(blocks: Sequence[Block], index: int) -> int | None:
    """The first block of text under heading `index`, if it comes within a few headings."""
    for j in range(index + 1, min(index + 1 + _STAMP_LOOKAHEAD, len(blocks))):
        if blocks[j].kind != BlockKind.HEADING:
            return j
    return None
