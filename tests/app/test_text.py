"""Page text is made safe to paint without moving any offset into it."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.app.text import one_line, safe, timex_label
from tui.app.widgets import BlockText


def test_control_characters_never_survive():
    page = "Red \x1b[31malert\x1b[0m, bell\x07, \x9b2J csi, tab\there, bidi \u202eevil"
    cleaned = safe(page)
    assert len(cleaned) == len(page)  # entity and search offsets still line up
    for char in ("\x1b", "\x07", "\x9b", "\t", "\u202e"):
        assert char not in cleaned
    assert cleaned.index("alert") == page.index("alert")


async def test_markup_and_escapes_in_a_block_stay_literal():
    page = "[bold]Breaking[/bold] and [link=https://example.org]x[/link] \x1b[2J\x07"

    class OneBlock(App[None]):
        def compose(self) -> ComposeResult:
            yield BlockText(0, page)

    app = OneBlock()
    async with app.run_test():
        block = app.query_one(BlockText)
        block.show([(0, 6, "reverse")])
        shown = str(block.render())
        assert shown.startswith("[bold]Breaking[/bold] and [link=https://example.org]x[/link]")
        assert "\x1b" not in shown and "\x07" not in shown
        assert len(shown) == len(page)


def test_one_line_collapses_and_cuts():
    assert one_line("a\n  b\tc") == "a b c"
    assert one_line("abcdefghij", 5) == "abcd…"


def test_timeline_values_read_as_dates():
    assert timex_label("2024-08-06") == "6 Aug 2024"
    assert timex_label("2024-W32") == "week 32, 2024"
    assert timex_label("2022-WI") == "winter 2022"
    assert timex_label("2024-07-08/2024-08-08") == "8 Jul 2024 – 8 Aug 2024"
    assert timex_label("2024-03-22T16:40:00+02:00") == "22 Mar 2024, 16:40"
    assert timex_label("PAST_REF") is None


def test_fold_keeps_offsets_for_letters_whose_lower_case_is_longer() -> None:
    from tui.app.text import fold

    text = "İstanbul talks: Toretsk"
    assert len(fold(text)) == len(text)
    assert text[fold(text).find("toretsk") :] == "Toretsk"


def test_impossible_month_gets_no_label() -> None:
    from tui.app.text import timex_label

    assert timex_label("2024-13-45") is None
    assert timex_label("2024-08-06") == "6 Aug 2024"
