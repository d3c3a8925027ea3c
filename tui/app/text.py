"""Turning page text into something safe to paint.

Page text is data, never markup: everything shown goes through `safe()` and is wrapped in
`rich.text.Text`, so "[bold]" on a page stays literal and no escape sequence from a page
ever reaches the terminal.
"""

from __future__ import annotations

import re
import unicodedata

from tui.pipeline import textsafety
from tui.pipeline.textsafety import UNSAFE

__all__ = ["fold", "one_line", "safe"]


def safe(text: str) -> str:
    """`text` with every control character removed (tabs and newlines become spaces).

    Replacement is one character for one character so offsets into the text (entity
    mentions, timeline spans, search hits) stay valid on the cleaned string.
    """
    return _emoji_apart(UNSAFE.sub(_replacement, text))


def one_line(text: object, limit: int | None = None) -> str:
    """`textsafety.one_line` for the screen: one line, cut to `limit`, and emoji a joiner
    would fuse drawn apart as in `safe` (titles, list and pane rows, toasts)."""
    return _emoji_apart(textsafety.one_line(text, limit))


# A zero-width joiner after an emoji (or its variation selector or skin tone) joins it to
# the next into one picture two cells wide, where Rich measures each part: the line would
# end short of where it is drawn and push the pane's border. On screen the parts stand
# apart (a non-joiner, also of no width); exports and copies keep the joined picture.
_EMOJI_JOINER = re.compile("(?<=[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff])\u200d")


def _emoji_apart(text: str) -> str:
    """`text` with each emoji joiner a non-joiner: one character for one, offsets hold."""
    return _EMOJI_JOINER.sub("\u200c", text)


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\t\n\r\v\f":
        return " "
    # Keep the length: offsets computed on the page text must still land on the same words.
    # A bidi mark draws nothing: a non-joiner (no width, no direction) stands in, where a
    # space left "Bidi  evil  text" with two gaps.
    return _STAND_INS.get(unicodedata.category(char), " ")


# What stands in for an unsafe character, by its Unicode category: a control is shown as
# the replacement character; a format character (bidi marks, embeddings, overrides,
# isolates) as nothing; a separator or a lone surrogate as a space.
_STAND_INS = {"Cc": "\ufffd", "Cf": "\u200c"}


# Letters folded to another of one character, so that a reader's query meets every way
# a word is written: a final sigma is a sigma ("ΟΔΟΣ" and "οδος"), a dotted capital I an
# i ("İstanbul" and "istanbul"; lowered, it takes two characters).
_BEFORE_LOWER = str.maketrans({"İ": "i"})
_AFTER_LOWER = str.maketrans({"ς": "σ"})


def fold(text: str) -> str:
    """Lower case, one character for one: offsets found in the folded text are offsets in
    `text` (plain `lower()` turns "İ" into two characters and shifts every hit after it).
    A final sigma folds to a sigma and "İ" to "i" (`_BEFORE_LOWER`, `_AFTER_LOWER`)."""
    text = text.translate(_BEFORE_LOWER)
    low = text.lower()
    # No character lowers to none, so the same length means one for one.
    if len(low) != len(text):
        low = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    return low.translate(_AFTER_LOWER)
