"""Outside text in the app: nothing a terminal would obey reaches a widget, a toast or a
border, and an input that is not a URL never takes the app down."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.app.conftest import SETTLE
from tests.server import FixtureServer
from tui.app.screens import AddUrlScreen
from tui.pipeline.model import ErrorKind, Stage
from tui.pipeline.textsafety import UNSAFE


def _toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_malformed_url_is_an_error_in_words_not_a_crash(site: FixtureServer, make_app):
    app = make_app(["http://[x/", site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        bad, good = app.briefing.articles
        assert bad.error is not None and bad.error.kind is ErrorKind.INVALID_INPUT
        assert good.stage is Stage.DONE
        await pilot.press("a")
        assert isinstance(app.screen, AddUrlScreen)
        app.screen.query_one(Input).value = "http://h:1:1/"
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        assert app.is_running and len(app.briefing.articles) == 3
        assert app.briefing.articles[2].error.kind is ErrorKind.INVALID_INPUT


async def test_a_hostname_with_escapes_is_drawn_without_them(make_app):
    hostile = "http://a\x1bc.example/\x1b]0;owned\x07"
    app = make_app([hostile], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        rows = app.article_list
        assert not UNSAFE.search(rows.row_text(1).replace("\n", " "))
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        assert not UNSAFE.search(app.article_view.plain.replace("\n", " "))
        await pilot.press("y")
        assert app.clipboard is None or not UNSAFE.search(app.clipboard)
        assert all(not UNSAFE.search(t) for t in _toasts(app))


async def test_a_highlight_label_from_a_page_cannot_reorder_the_border(make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        app.article_view.set_marks([], "Kyiv\u202e\x1b[2Jdnalor")
        shown = str(app.article_view.border_subtitle)
        assert "Kyiv" in shown and not UNSAFE.search(shown)


async def test_an_export_folder_name_is_shown_without_escapes(
    site: FixtureServer, make_app, tmp_path: Path
):
    folder = tmp_path / "out\x1b]0;x\x07"
    folder.mkdir()
    app = make_app([site.page("wire.html")], analysis=False, export_dir=folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("e", "m")
        await app.workers.wait_for_complete()
        assert list(folder.glob("briefing-*.md"))
        toasts = _toasts(app)
        assert any("Exported the briefing" in t for t in toasts)
        assert all(not UNSAFE.search(t) for t in toasts)


async def test_a_page_too_long_to_read_whole_says_where_it_was_cut(site: FixtureServer, make_app):
    # Past the 20,000 elements briefing reads of a page.
    paragraphs = "".join(
        f"<p>Paragraph {n} of a very long page, written to run past the cap.</p>"
        for n in range(20_100)
    )
    url = site.host_html(f"<html><body><article>{paragraphs}</article></body></html>".encode())
    app = make_app([url], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        text = app.article_view.plain
        assert "The page is cut here: the page goes on for" in text
        assert text.index("The page is cut here") > text.index("Paragraph 19000 of")
