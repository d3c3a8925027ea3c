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


def fold(text: str) -> tuple[str, list[int] | None]:
    """`text` as a search compares it: lower case, accents and other marks a reader need
    not type dropped (`_MARKS`), compatibility forms read as what they stand for (the "ﬁ"
    ligature as "fi", full-width "ＮＡＴＯ" as "nato"), invisible format characters
    (a soft hyphen, a zero-width space) dropped. A decomposed "ö" (an "o" and its mark)
    and a composed one fold alike.

    With it, where each folded character came from in `text`, one more at the end for its
    length; None when every character folded to exactly one (offsets are shared)."""
    distinct = set(text)
    new, table = distinct - _SEEN, _FOLDED
    if len(_SEEN) + len(new) > _MOST_SEEN:
        # A page of every code point must not fill memory: it folds with its own table.
        table = {ord(c): f for c in distinct if (f := _fold_char(c)) != c}
    else:
        for char in new:
            if (folded := _fold_char(char)) != char:
                table[ord(char)] = folded
            _SEEN.add(char)
    low = text.translate(table)
    if len(low) == len(text) and all(len(table.get(ord(c), c)) == 1 for c in distinct):
        return low, None
    origin = [i for i, char in enumerate(text) for _ in table.get(ord(char), char)]
    return low, [*origin, len(text)]


def _fold_char(char: str) -> str:
    if unicodedata.category(char) == "Cf":
        return ""
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", char))
    # Composed again: a Hangul syllable decomposes into its letters, which no mark joins.
    return unicodedata.normalize("NFC", bare).lower().translate(_AFTER_LOWER)


# Marks pages write or leave out at will, and a reader does not type: accents (the
# combining diacritical blocks, for Latin, Greek, Cyrillic), Hebrew points, Arabic vowel
# signs. Marks a word cannot do without (Indic vowel signs and viramas) stay.
_MARKS = re.compile(
    "[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# A final sigma is a sigma ("ΟΔΟΣ" and "οδος"); a dotted capital I, whose dot is a mark,
# is an i ("İstanbul" and "istanbul").
_AFTER_LOWER = str.maketrans({"ς": "σ"})
# Every character folded so far, and those that fold to something else.
_SEEN: set[str] = set()
_FOLDED: dict[int, str] = {}
_MOST_SEEN = 50_000
