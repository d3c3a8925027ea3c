"""Line breaks found a line at a time are Rich's, for every text; the class of characters
that takes that way is one cell wide by Rich's own measure."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.cells import get_character_cell_size

from tui.app.line_breaks import ONE_CELL, is_one_cell, line_breaks, one_cell_breaks

CLASS = [chr(c) for lo, hi in ONE_CELL for c in range(lo, hi + 1)]
LETTERS = [c for c in CLASS if c not in " \xa0"]
# Outside the class: wide, zero-width, combining, joining, controls, other white space,
# and what `safe()` puts in a page's text (the replacement character, a non-joiner).
OUTSIDE = list("漢字😀\u0301\u200b\u200c\u200d\ufe0f\t\n\x1b\u00ad\u2003\u2028\u3000\ufffd")

EXAMPLES = settings(
    max_examples=400,
    derandomize=True,  # the suite must not turn red by chance
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

_common = st.sampled_from(list("the convoy reached a river by noon, where “they” waited — …"))
_letters = st.one_of(_common, st.sampled_from(LETTERS))
_word = st.text(_letters, min_size=1, max_size=12)
_long_word = st.text(_letters, min_size=20, max_size=300)  # longer than many a line
_white = st.sampled_from([" ", " ", "  ", "\xa0", " \xa0", "\xa0 ", "     ", " \xa0  \xa0 "])
_one_cell_text = st.lists(st.one_of(_word, _word, _long_word, _white), max_size=80).map("".join)
_outside = st.sampled_from(OUTSIDE)
_any_text = st.lists(st.one_of(_word, _long_word, _white, _outside), max_size=80).map("".join)
_widths = st.integers(min_value=1, max_value=120)


@EXAMPLES
@given(text=_one_cell_text, width=_widths)
def test_one_cell_text_breaks_where_rich_breaks_it(text: str, width: int) -> None:
    assert is_one_cell(text)
    assert one_cell_breaks(text, width) == divide_line(text, width, fold=True)


@EXAMPLES
@given(text=_any_text, width=_widths)
def test_any_text_breaks_where_rich_breaks_it(text: str, width: int) -> None:
    assert line_breaks(text, width) == divide_line(text, width, fold=True)


def test_rich_rules_in_examples() -> None:
    # Leading white space is the first word's; a long word is cut from its own start, its
    # trailing white space with it, and the next line goes on from its last piece.
    cases = [
        ("   abcdefgh ij", 4),
        ("ab abcdefghij   kl m", 4),
        ("one\xa0two three", 5),
        ("a          b", 3),
        ("“quoted” — and… €5", 6),
    ]
    for text, width in cases:
        assert one_cell_breaks(text, width) == divide_line(text, width, fold=True), text


def test_the_class_is_one_cell_wide_and_white_only_in_spaces() -> None:
    for char in CLASS:
        assert get_character_cell_size(char) == 1, hex(ord(char))
        # Rich's words split at `\s`; the breaks look only for spaces and no-break spaces.
        white = re.match(r"\s", char) is not None
        assert white == char.isspace() == (char in " \xa0"), hex(ord(char))


def test_the_class_check_takes_exactly_the_class() -> None:
    in_class = set(CLASS)
    for code in range(0x10000):
        char = chr(code)
        assert is_one_cell(char) == (char in in_class), hex(code)
    assert is_one_cell("plain ascii text") and not is_one_cell("plain\ttext")
    assert not is_one_cell("“wide” 漢") and is_one_cell("")
