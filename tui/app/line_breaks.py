"""Where a paragraph breaks into lines: Rich's breaks, found a line at a time.

Rich's `divide_line` walks a text one word at a time in Python: a page that is one
paragraph of nine megabytes (a forum dump, a minified text) froze the app for seconds
when it was opened and again at each change of width. When every character of a text
takes one cell, a character offset is a cell offset, and the same breaks are found by
searching from where each line must end; any other text still goes to Rich.

Rich's rules, kept exactly: a word is `\\s*\\S+\\s*` (leading white space belongs to the
first word), and it fits while its end less its trailing white space is within the width
from the line's start; a word longer than the width is cut into pieces of `width`
characters from its own start (its trailing white space included) and the next line goes
on from its last piece.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line

# Characters one cell wide that are neither zero-width, wide, controls nor white space
# other than the space and the no-break space (`tests/app/test_line_breaks.py` checks each
# against Rich): first and last code point of each range.
ONE_CELL: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00AC),  # no-break space and Latin-1 signs, before the soft hyphen
    (0x00AE, 0x02FF),  # Latin-1 letters, Latin Extended-A and -B, IPA, modifier letters
    (0x0370, 0x0482),  # Greek, Cyrillic up to its combining marks
    (0x048A, 0x052F),  # the rest of Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, Welsh)
    (0x2010, 0x2027),  # dashes, quotes, bullets, the ellipsis (not the line separators)
    (0x2030, 0x205E),  # per mille, primes, angle quotes (not the math space or formats)
    (0x20A0, 0x20C0),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols: ™ № ℃
    (0x2190, 0x21FF),  # arrows
)

# A pattern that finds the first character outside the class: one C-level scan.
_OUTSIDE = re.compile(
    "[^" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ONE_CELL) + "]"
)
_NON_SPACE = re.compile("[^ ]")


def is_one_cell(text: str) -> bool:
    """Whether every character of `text` is of the class above."""
    if text.isascii():  # the common case, twice as fast as the pattern
        return text.isprintable()
    return _OUTSIDE.search(text) is None


def line_breaks(text: str, width: int) -> list[int]:
    """The offsets where `text` breaks to fit `width` cells, as
    `divide_line(text, width, fold=True)` gives them."""
    if width >= 1 and is_one_cell(text):
        return one_cell_breaks(text, width)
    return divide_line(text, width, fold=True)


def one_cell_breaks(text: str, width: int) -> list[int]:
    """`line_breaks` for a text whose characters are all one cell wide, with no white
    space other than spaces and no-break spaces, and `width` of at least one."""
    if "\xa0" in text:  # white space to Rich like a space: one character to look for
        text = text.replace("\xa0", " ")
    letter = _NON_SPACE.search  # a line at a time in Python: the lookups made once
    find, rfind, size = text.find, text.rfind, len(text)
    first = letter(text)
    if first is None:
        return []  # no word
    lead, last = first.start(), len(text.rstrip(" "))  # first word's letters; last's end
    breaks: list[int] = []
    start = 0
    # The letters of the words on a line end within `width` of its start (a word's trailing
    # white space may run past it): the line ends before the word whose letters reach past.
    while (limit := start + width) < last:
        # At a letter, that word starts after the space before it (none only in the first
        # word); in white space, at the next letter (there is one: `last` is further on).
        if text[limit] != " ":  # noqa: SIM108 (one line had no room for its type ignore)
            word = rfind(" ", start, limit) + 1
        else:
            word = letter(text, limit).start()  # type: ignore[union-attr]
        letters_end = find(" ", word)
        if letters_end < 0:
            letters_end = size  # the last word, with no white space after it
        if word == lead:
            word = 0  # the first word holds the white space before it
        if letters_end - word <= width:  # onto the next line, where it fits
            breaks.append(word)
            start = word
            continue
        # Longer than a line: cut into pieces, its trailing white space with it; the next
        # line goes on from its last piece.
        after = letter(text, letters_end)
        end = size if after is None else after.start()
        breaks.extend(range(word or width, end, width))
        start = word + (end - word - 1) // width * width
    return breaks
