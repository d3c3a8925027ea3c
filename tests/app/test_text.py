"""Page text is made safe to paint without moving any offset into it."""

from __future__ import annotations

import re
import time

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult

from tests.app.conftest import SETTLE
from tests.app.test_keys import until
from tui.app.describe import BRIEFING
from tui.app.document import Document, Paragraph
from tui.app.text import fold, one_line, safe
from tui.demo import demo_paths


class _OneDocument(App[None]):
    def compose(self) -> ComposeResult:
        yield Document()


def _count_breaks_and_draws(monkeypatch) -> tuple[list[int], list[int]]:
    """Lists that grow by one each time the document breaks a paragraph into lines, and
    each time it draws a line."""
    from tui.app import document as module

    broken: list[int] = []
    drawn: list[int] = []
    breaks, segments = module.line_breaks, module.text_segments
    monkeypatch.setattr(module, "line_breaks", lambda *a, **k: broken.append(1) or breaks(*a, **k))
    monkeypatch.setattr(
        module, "text_segments", lambda *a, **k: drawn.append(1) or segments(*a, **k)
    )
    return broken, drawn


def test_control_characters_never_survive():
    page = "Red \x1b[31malert\x1b[0m, bell\x07, \x9b2J csi, tab\there, bidi \u202eevil"
    cleaned = safe(page)
    assert len(cleaned) == len(page)  # entity and search offsets still line up
    for char in ("\x1b", "\x07", "\x9b", "\t", "\u202e"):
        assert char not in cleaned
    assert cleaned.index("alert") == page.index("alert")


async def test_markup_and_escapes_in_a_block_stay_literal():
    page = "[bold]Breaking[/bold] and [link=https://example.org]x[/link] \x1b[2J\x07"

    app = _OneDocument()
    async with app.run_test(size=(120, 10)) as pilot:
        document = app.query_one(Document)
        text = Text(safe(page))
        text.stylize("reverse", 0, 6)
        document.set_paragraphs([Paragraph(text)])
        await pilot.pause()
        shown = document.render_line(0).text
        assert shown.startswith("[bold]Breaking[/bold] and [link=https://example.org]x[/link]")
        assert "\x1b" not in shown and "\x07" not in shown
        assert len(shown.rstrip()) == len(page)  # one character for one: offsets hold


def test_a_bidi_mark_taken_out_leaves_no_gap() -> None:
    from rich.cells import cell_len

    page = "Bidi \u202eevil\u202c text and \u2066isolate\u2069 here"
    shown = safe(page)
    assert len(shown) == len(page)  # offsets still line up
    # A space stood in for each mark: "Bidi  evil  text".
    assert cell_len(shown) == len("Bidi evil text and isolate here")


def test_emoji_joined_into_one_picture_are_drawn_apart_and_spelling_joiners_stay() -> None:
    from rich.cells import cell_len

    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    shown = safe(family)
    # Rich measures the family as one picture, two cells; a terminal that draws its three
    # faces takes six, and the line pushed the pane's border out of place.
    assert len(shown) == len(family) and "\u200d" not in shown
    assert cell_len(shown) == 6
    persian, devanagari = "\u0645\u06cc\u200c\u0634\u0648\u062f", "\u0915\u094d\u200d\u0937"
    assert safe(persian) == persian and safe(devanagari) == devanagari


def test_emoji_joined_into_one_picture_are_drawn_apart_on_one_line_too() -> None:
    from rich.cells import cell_len

    # Titles, list rows, headlines, entity and timeline rows are one line each: the family
    # kept its joiners there, and a terminal that joins it drew the row four cells short.
    title = "Readers react \U0001f468\u200d\U0001f469\u200d\U0001f467 to the\n port deal"
    shown = one_line(title)
    assert "\u200d" not in shown and cell_len(shown) == len("Readers react  to the port deal") + 6
    assert one_line(title, 16) == "Readers react \U0001f468…"
    devanagari = "\u0915\u094d\u200d\u0937"  # a spelling joiner stays
    assert one_line(devanagari) == devanagari


def test_one_line_collapses_and_cuts():
    assert one_line("a\n  b\tc") == "a b c"
    assert one_line("abcdefghij", 5) == "abcd…"


def test_fold_keeps_offsets_for_letters_whose_lower_case_is_longer() -> None:
    text = "İstanbul talks: Toretsk"
    folded, origin = fold(text)
    at = folded.find("toretsk")
    start = at if origin is None else origin[at]
    assert text[start:] == "Toretsk"


def test_fold_meets_every_spelling_of_a_letter_and_says_where_each_came_from() -> None:
    for text in ("Kyiv AND Kharkiv", "İSTANBUL İstanbul", "ΟΔΟΣ Σ", "Straẞe", "Ǆungla"):
        folded, origin = fold(text)
        if origin is None:  # one character for one
            assert len(folded) == len(text)
        else:  # each folded character's place in the text, and the text's length last
            assert len(origin) == len(folded) + 1 and origin[-1] == len(text)
            assert origin == sorted(origin)
    assert fold("ΟΔΟΣ")[0] == fold("οδος")[0]  # a final sigma is a sigma
    assert fold("İstanbul")[0] == fold("ISTANBUL")[0] == "istanbul"
    assert fold("Kyiv AND Kharkiv") == ("kyiv and kharkiv", None)


async def test_a_step_through_a_huge_paragraphs_hits_draws_only_the_lines_on_screen(
    monkeypatch,
) -> None:
    # A page of one paragraph, a search for its commonest word: every line of the
    # paragraph was drawn again with every hit at each `n` (seconds a step).
    app = _OneDocument()
    async with app.run_test(size=(60, 30)) as pilot:
        document = app.query_one(Document)
        text = "the depot and the card " * 20_000
        document.set_paragraphs([Paragraph(Text(text), key=0)])
        await pilot.pause()
        hits = [m.span() for m in re.finditer("the", text)]
        mark, now = Style(underline=True), Style(reverse=True)
        broken, drawn = _count_breaks_and_draws(monkeypatch)
        document.set_highlights({0: hits}, mark, (0, *hits[0]), now)
        document.render_lines(document.size.region)
        document.move_highlight((0, *hits[1]))
        lines = document.render_lines(document.size.region)
        assert not broken
        assert 0 < len(drawn) <= 60  # the screen's lines, twice; not 8,000 lines' worth
        drawn_the = [s.style for s in lines[0] if s.text == "the" and s.style is not None]
        # The first "the" a plain hit, the second the current one.
        assert [(s.underline, s.reverse) for s in drawn_the[:2]] == [(True, None), (None, True)]


async def test_a_paint_asks_for_the_style_once_not_once_a_line(monkeypatch) -> None:
    app = _OneDocument()
    async with app.run_test(size=(60, 30)) as pilot:
        document = app.query_one(Document)
        document.set_paragraphs([Paragraph(Text(f"line {n}")) for n in range(5)])
        await pilot.pause()
        asked = []
        style = type(document).rich_style
        monkeypatch.setattr(
            type(document), "rich_style", property(lambda self: asked.append(1) or style.fget(self))
        )
        lines = document.render_lines(document.size.region)
        assert len(lines) == 30 and lines[0].text.startswith("line 0")
        assert len(asked) == 1


async def test_a_highlight_breaks_no_line_again_and_draws_only_what_is_on_screen(
    monkeypatch,
) -> None:
    app = _OneDocument()
    async with app.run_test(size=(60, 30)) as pilot:
        document = app.query_one(Document)
        words = "a ration card was handed out at the depot " * 4
        document.set_paragraphs([Paragraph(Text(f"{n} {words}"), key=n) for n in range(2000)])
        await pilot.pause()
        height = document.virtual_size.height
        broken, drawn = _count_breaks_and_draws(monkeypatch)
        every = {n: [(2, 8)] for n in range(len(document.paragraphs))}
        document.set_highlights(every, Style(reverse=True))
        lines = document.render_lines(document.size.region)
        assert not broken and document.virtual_size.height == height
        assert 0 < len(drawn) <= 30  # the lines on screen, not 2,000 paragraphs' worth
        assert any(s.text == "a rati" and s.style and s.style.reverse for s in lines[0])
        assert lines[0].text.startswith("0 a ration")


async def test_a_search_on_a_costly_overview_is_shown_at_once(make_app) -> None:
    # The overview paces its own rebuilds by their cost while articles load; what the
    # reader asks of it (here, a search across the briefing) does not wait for that.
    app = make_app([str(p) for p in demo_paths()], analysis=False)
    async with app.run_test(size=(130, 36)) as pilot:
        await app.wait_settled(SETTLE)
        view = app.article_view
        assert app.selected == BRIEFING
        view._paced.gate._due = time.monotonic() + 600  # as after a very slow rebuild
        view.show_briefing_hits(("zzz", []))
        await pilot.pause(0.2)
        assert "Search zzz: no matches in any article." in view.plain and not view.busy
        # A change nobody asked for (a count) does wait, and says the pane is busy.
        view._paced.gate._due = time.monotonic() + 600
        view.revision += 1
        await pilot.pause(0.1)
        assert view.busy


async def test_a_click_on_a_headline_in_the_overview_opens_its_article(make_app) -> None:
    # The overview numbers its headlines like the list on the left; a click on one did
    # nothing.
    app = make_app([str(p) for p in demo_paths()], analysis=False)
    async with app.run_test(size=(130, 36)) as pilot:
        await app.wait_settled(SETTLE)
        view = app.article_view
        assert app.selected == BRIEFING

        def click_line(index: int):
            line = view.line_of(index) - view.scroll_offset.y
            return pilot.click(offset=(view.content_region.x + 3, view.content_region.y + line))

        title = next(i for i, p in enumerate(view.paragraphs) if p.text.plain == "Briefing")
        await click_line(title)  # no article's line: nothing opens
        await pilot.pause()
        assert app.selected == BRIEFING
        second = next(i for i, p in enumerate(view.paragraphs) if p.opens == 1)
        await click_line(second)
        await until(pilot, lambda: app.selected == 1)
        assert app.selected == 1
        assert app.article_list.index_at(app.article_list.highlighted) == 1
