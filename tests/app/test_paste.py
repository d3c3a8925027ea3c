"""The filter that takes escape sequences out of a bracketed paste (`tui.app.paste`)."""

from __future__ import annotations

import pytest

from tui.app.paste import MAX_SEQUENCE, PASTE_END, PASTE_START, PasteFilter

URLS = "http://a.test/1\nhttp://a.test/2\n"


def _fed(*chunks: str) -> str:
    paste = PasteFilter()
    return "".join(paste.feed(chunk) for chunk in chunks)


def test_a_colour_code_inside_a_paste_is_taken_out_and_its_text_kept() -> None:
    typed = f"{PASTE_START}http://a.test/1\n\x1b[31mhttp://a.test/2\x1b[0m\n{PASTE_END}"
    assert _fed(typed) == f"{PASTE_START}{URLS}{PASTE_END}"


def test_keys_outside_a_paste_pass_untouched() -> None:
    keys = "\x1b[A\x1bj\x1b\x1b[31mq"  # up, alt+j, escape, a stray sequence, q
    assert _fed(keys) == keys


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_markers_and_sequences_split_between_reads_are_found(size: int) -> None:
    typed = f"x{PASTE_START}http://a.test/1\n\x1b[1;31mhttp://a.test/2\n{PASTE_END}\x1b[B"
    chunks = [typed[i : i + size] for i in range(0, len(typed), size)]
    assert _fed(*chunks) == f"x{PASTE_START}{URLS}{PASTE_END}\x1b[B"


def test_a_link_and_a_lone_escape_inside_a_paste_leave_their_text() -> None:
    link = "\x1b]8;;http://a.test/1\x1b\\http://a.test/1\x1b]8;;\x1b\\"
    typed = f"{PASTE_START}{link}\n\x1bhttp://a.test/2\n{PASTE_END}"
    assert _fed(typed) == f"{PASTE_START}{URLS}{PASTE_END}"


def test_a_sequence_that_never_ends_inside_a_paste_is_cut_off_and_the_paste_still_ends() -> None:
    endless = "\x1b]" + "x" * (MAX_SEQUENCE + 100)
    fed = _fed(PASTE_START, endless, "tail", PASTE_END)
    assert fed == PASTE_START + "x" * 101 + "tail" + PASTE_END


@pytest.mark.parametrize(
    "cut",
    [
        "\x1b]8;;http://a.test/3",  # an OSC never ended: half a copied hyperlink
        "\x1b[1;31",  # a CSI cut before its final byte
        "\x1bP1$r",  # a DCS never ended
    ],
)
def test_a_sequence_cut_short_at_the_end_of_a_paste_still_lets_the_paste_end(cut: str) -> None:
    # The end marker was swallowed into the sequence, and no key reached the app after it
    # (q, Escape, Ctrl+C) until another paste came.
    fed = _fed(f"{PASTE_START}{URLS}{cut}{PASTE_END}q\x1b[B")
    assert fed == f"{PASTE_START}{URLS}{PASTE_END}q\x1b[B"


def test_controls_inside_a_paste_are_taken_out_and_line_breaks_and_tabs_kept() -> None:
    # The input box drew a pasted "\x0e" (shift out) or 8-bit CSI "\x9b2J" as it came,
    # and the terminal obeyed it.
    typed = f"{PASTE_START}http://a.test/1\x0e\x0f\x08\x07\n\x9b2Jhttp://a.test/2\t\n{PASTE_END}"
    assert _fed(typed) == f"{PASTE_START}http://a.test/1\n2Jhttp://a.test/2\t\n{PASTE_END}"
    assert _fed("\x08\x7f") == "\x08\x7f"  # outside a paste: backspace keys, as typed
