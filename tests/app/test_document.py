"""The text pane's document: where it stands through a resize, and its border's label."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import rich._wrap
from rich._wrap import divide_line
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from tests.app.conftest import SETTLE
from tests.app.test_habits import open_first
from tui.app.document import Document, Paragraph, fit_label

WORDS = "the convoy left the depot at dawn and reached the river crossing by noon "


class _OneDocument(App[None]):
    def compose(self) -> ComposeResult:
        yield Document()


def _top(document: Document) -> tuple[int, int]:
    """The paragraph and character where the view's top line starts."""
    line = document.scroll_offset.y
    index = document.visible_paragraph()
    assert index is not None
    for offset in range(len(document.paragraphs[index].text.plain) + 1):
        if document.line_of(index, offset) == line:
            return index, offset
    raise AssertionError("the top line is a gap")


def _on_screen(document: Document, index: int, offset: int) -> bool:
    top = document.scroll_offset.y
    return top <= document.line_of(index, offset) < top + document.scrollable_content_region.height


async def _long_document(app: _OneDocument, pilot: Any) -> Document:
    """The app's document given 3,000 paragraphs of several lines each, laid out."""
    document = app.query_one(Document)
    document.set_paragraphs([Paragraph(Text(f"{n} " + WORDS * 4)) for n in range(3000)])
    await pilot.pause()
    return document


async def test_a_resize_there_and_back_keeps_the_words_at_the_top() -> None:
    app = _OneDocument()
    async with app.run_test(size=(120, 40)) as pilot:
        document = await _long_document(app, pilot)
        # A highlight read past (it does not pull the view back) and a scroll by hand.
        document.set_highlights({0: [(0, 1)]}, Style(underline=True), (0, 0, 1), Style())
        document.scroll_to(y=5001, animate=False)
        await pilot.pause()
        place = _top(document)
        assert place[1] > 0
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        # The line the words now stand on starts at them or before, within the paragraph.
        index, offset = _top(document)
        assert index == place[0] and offset <= place[1]
        assert document.line_of(*place) == document.scroll_offset.y
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert _top(document) == place  # it showed paragraph 1250, not 1000


async def test_the_current_highlight_on_screen_stays_on_screen_through_a_resize() -> None:
    app = _OneDocument()
    async with app.run_test(size=(120, 40)) as pilot:
        document = await _long_document(app, pilot)
        last = (2999, 30, 35)
        mark = Style(underline=True)
        document.set_highlights({2999: [last[1:]]}, mark, last, Style(reverse=True))
        document.scroll_to_paragraph(2999, 30)
        await pilot.pause()
        for size in ((90, 30), (120, 40), (120, 12), (70, 12), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert _on_screen(document, 2999, 30), size
            assert document.visible_paragraph() in range(2990, 3000)


def test_a_long_label_is_shortened_so_the_counter_stays_whole() -> None:
    query = "“close the bridge over the river for real this time”"
    assert fit_label("“short”", " 2/6", 40) == "“short” 2/6"
    fitted = fit_label(query, " 2/6", 30)
    assert fitted == "“close the bridge over t…” 2/6" and len(fitted) == 30
    assert fit_label(query, ": no matches", 30).endswith("…”: no matches")
    assert len(fit_label(query, ": no matches", 30)) == 30
    assert fit_label("Volodymyr Zelensky (article 2/3)", " 12/40", 20).endswith("… 12/40")
    # Wide characters are counted by the cells they take.
    wide = fit_label("“基辅和哈尔科夫之间的桥梁”", " 1/2", 14)
    assert wide == "“基辅和…” 1/2" and cell_len(wide) == 13
    assert fit_label(query, ": no matches", 8) == "no matches"  # the counter alone


def _bottom_border(document: Document) -> str:
    lines = document._styles_cache.render_widget(document, Region(0, 0, *document.outer_size))
    return lines[-1].text


async def test_the_border_label_is_fitted_again_when_the_width_changes() -> None:
    app = _OneDocument()
    app.CSS = "Document { border: round white; width: 60; }"
    async with app.run_test(size=(120, 20)) as pilot:
        document = app.query_one(Document)
        document.set_paragraphs([Paragraph(Text(WORDS))])
        document.set_label("“" + "a ration card handed out at the depot " * 2 + "”", " 2/6")
        await pilot.pause()
        assert "…” 2/6 " in _bottom_border(document)
        document.styles.width = 30
        await pilot.pause()
        assert "…” 2/6 " in _bottom_border(document)
        document.border_subtitle = "set by other means"  # kept through a resize
        document.styles.width = 50
        await pilot.pause()
        assert "set by other means" in _bottom_border(document)


PAGE = "many.html"


def _page(folder: Path, paragraphs: int) -> str:
    """A local page of `paragraphs` paragraphs naming Kharkiv once each, with a sentence
    about the bridge in every 500th."""
    bridge = " The engineers will close the bridge over the river for the night."
    body = "\n".join(
        f"<p>Number {n}. The convoy left Kharkiv at dawn and reached the river crossing "
        f"before noon, where it waited for the engineers.{bridge if n % 500 == 0 else ''}</p>"
        for n in range(paragraphs)
    )
    path = folder / PAGE
    head = "<head><title>A long page</title></head>"
    path.write_text(f"<html>{head}<body><article>{body}</article></body></html>")
    return str(path)


async def test_a_resize_there_and_back_keeps_the_last_hit_in_view(make_app, tmp_path) -> None:
    # The review's case: `N` to the last hit of a long page, the terminal made smaller and
    # back: the border still said 3000/3000 over paragraph 2,400, the hit out of sight.
    app = make_app([_page(tmp_path, 3000)], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        await pilot.press("slash", *"kharkiv", "enter", "N")
        await pilot.pause()
        view = app.article_view
        last = view.marks[-1]
        index = view.index_of(last.block)
        assert index is not None and str(view.border_subtitle).endswith(" 3000/3000")
        top = _top(view)
        for size in ((90, 30), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert _on_screen(view, index, last.start), size
        assert _top(view) == top and str(view.border_subtitle).endswith(" 3000/3000")


async def test_a_long_query_leaves_its_counter_whole_in_the_border(make_app, tmp_path) -> None:
    app = make_app([_page(tmp_path, 3000)], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        view = app.article_view
        await pilot.press("slash", *"close the bridge over the river for the night", "enter")
        await pilot.press("n")
        await pilot.pause()
        assert len(view.marks) == 6
        # The border read “close the bridge over the river for t…” …: the 2/6 cut off.
        assert "…” 2/6 " in _bottom_border(view)
        await pilot.press("escape", "slash", *"close the bridge over the river for good", "enter")
        await pilot.pause()
        assert "…”: no matches " in _bottom_border(view)
        await pilot.resize_terminal(90, 30)  # the pane wider: more of the query, still whole
        await pilot.pause()
        assert "…”: no matches " in _bottom_border(view)


def _one_paragraph_page(folder: Path, posts: int) -> str:
    """A local page whose text is one paragraph: a forum thread run together, as a dump."""
    post = (
        "Re: the bridge closure \u2014 posted by river_watch, 12 March: I drove past it "
        "yesterday and the engineers said \u201cone more week\u201d\u2026 the detour via "
        "Kharkiv\u00a0road adds 40\u00a0km, so leave early. "
    )
    body = "".join(f"#{n} {post}" for n in range(posts))
    path = folder / "thread.html"
    head = "<head><title>The bridge thread</title></head>"
    path.write_text(f"<html>{head}<body><article><p>{body}</p></article></body></html>")
    return str(path)


async def test_a_page_of_one_huge_paragraph_opens_broken_where_rich_breaks_it(
    make_app, tmp_path, monkeypatch
) -> None:
    # Rich walked such a paragraph a word at a time: seconds of a frozen app at each open
    # and resize. Its lines are now found a line at a time, at the same places.
    walked: list[int] = []
    words = rich._wrap.words

    def counted(text: str) -> Iterable[tuple[int, int, str]]:
        walked.append(len(text))
        return words(text)

    monkeypatch.setattr(rich._wrap, "words", counted)
    app = make_app([_one_paragraph_page(tmp_path, 3000)], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        for size in ((120, 40), (83, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            view = app.article_view
            index, paragraph = max(enumerate(view.paragraphs), key=lambda p: len(p[1].text))
            text = paragraph.text.plain
            assert len(text) > 400_000 and not paragraph.first and not paragraph.rest
            assert max(walked, default=0) < 1000  # only the short lines went to Rich
            breaks = divide_line(text, view.scrollable_content_region.width, fold=True)
            walked.clear()  # that walk was this test's
            # Each line starts at Rich's break, and the one before ends just before it.
            first = view.line_of(index, 0)
            assert [view.line_of(index, b) - first for b in breaks] == [*range(1, len(breaks) + 1)]
            assert [view.line_of(index, b - 1) - first for b in breaks] == [*range(len(breaks))]
            assert view.line_of(index, len(text) - 1) - first == len(breaks) > 4000


async def test_an_article_chosen_while_another_pane_is_maximized_shows_once_it_is_not(
    site, make_app
) -> None:
    app = make_app([site.page("wire.html"), site.page("blog.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        app.screen.maximize(app.query_one("#articles"))  # as the palette's "Maximize" does
        await pilot.pause()
        await pilot.press("j")  # chosen while the text pane has no room
        await pilot.pause()
        app.screen.minimize()
        await pilot.pause()
        view = app.article_view
        drawn = [view.render_line(y).text for y in range(view.size.height)]
        # The pane had stayed blank until the reader moved in the list again.
        assert any("EU ministers weigh" in line for line in drawn)
        assert any("Sofia Lindqvist" in line for line in drawn)
