"""How wide each pane is, from the terminal's width and the reader's choice of list width.

A pure function, so every size from 80 columns to a wall display can be checked without
drawing anything. Below NARROW_BELOW columns there is room for two columns only: the list
and the text, whose place the entities or the timeline take while one of them has focus.
From there up the text pane grows to a readable measure and stops; what is left widens
the list and the side panes instead, so a 200-column terminal shows longer titles and
entity names rather than 150-character lines.
"""

from __future__ import annotations

from dataclasses import dataclass

# Below this many columns the side panes share the text's place (keys 3 and 4).
NARROW_BELOW = 110
# The longest line the text pane draws, in characters: a comfortable measure for reading
# (typography's 60-90 characters, at the generous end for a terminal's narrow glyphs).
TEXT_MEASURE = 90
# Columns around the text in its pane: two borders, padding of one each side, scrollbar.
TEXT_CHROME = 6
# The narrowest text pane the list may squeeze it to, columns.
TEXT_MIN = 30
# List widths, columns: its default on narrow and on wide terminals, and the bounds the
# reader's < and > move it between.
LIST_NARROW = 26
LIST_WIDE = 32
LIST_MIN = 18
# Past the text's measure, this share of the spare columns widens the list (the rest the
# side panes), up to LIST_AUTO_MAX: titles read better at 45 columns, entity names and
# the timeline's sentences at 60.
LIST_SHARE = 0.4
LIST_AUTO_MAX = 56
# The side panes' width on wide terminals before any spare columns reach them.
SIDE_MIN = 40
# One press of < or > moves the list's edge this many columns.
LIST_STEP = 6


@dataclass(frozen=True)
class Widths:
    """Columns for the list, the text and the side panes (0 when they share the text's
    place on a narrow terminal)."""

    list: int
    text: int
    side: int

    @property
    def narrow(self) -> bool:
        return self.side == 0


def pane_widths(width: int, steps: int = 0) -> Widths:
    """The panes' widths for a terminal `width` columns wide, the list moved `steps`
    presses of > (negative: <) from its default."""
    if width < NARROW_BELOW:
        widest = max(LIST_MIN, width - TEXT_MIN)
        listed = _clamp(LIST_NARROW + steps * LIST_STEP, LIST_MIN, widest)
        return Widths(listed, width - listed, 0)
    spare = width - LIST_WIDE - SIDE_MIN - (TEXT_MEASURE + TEXT_CHROME)
    base = LIST_WIDE + min(LIST_AUTO_MAX - LIST_WIDE, int(max(0, spare) * LIST_SHARE))
    widest = max(LIST_MIN, width - SIDE_MIN - TEXT_MIN)
    listed = _clamp(base + steps * LIST_STEP, LIST_MIN, widest)
    # The text takes what is left up to its measure; the side panes the rest.
    text = _clamp(width - listed - SIDE_MIN, TEXT_MIN, TEXT_MEASURE + TEXT_CHROME)
    return Widths(listed, text, width - listed - text)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))
