"""The habits readers bring (less and vim keys, copying, pasting a list), the feedback each
action gives, and the guidance on an empty start: driven by the pilot against the local
test server."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from tests.app.conftest import SETTLE, queued_lines
from tests.pipeline.test_timeline_standin import UNDATED_POST
from tests.server import FixtureServer
from tui.app.analysis_panes import EntitiesPane
from tui.app.describe import BRIEFING
from tui.app.main import BriefingApp
from tui.app.screens import AddUrlScreen, ExportScreen
from tui.pipeline.model import Stage


def toasts(app: BriefingApp) -> list[str]:
    return [n.message for n in app._notifications]


async def open_first(app: BriefingApp, pilot) -> None:
    await app.wait_settled(SETTLE)
    await pilot.press("j")
    await app.wait_settled(SETTLE)


async def test_g_and_G_jump_to_the_ends_of_the_list_and_of_the_text(site: FixtureServer, make_app):
    pages = [site.page(p) for p in ("wire.html", "blog.html", "frontline.html")]
    app = make_app(pages, analysis=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("G")
        assert app.selected == 2
        await pilot.press("g")
        assert app.selected == BRIEFING
        await pilot.press("G")
        await app.wait_settled(SETTLE)
        await pilot.press("2", "G")
        view = app.article_view
        assert view.max_scroll_y > 0
        assert view.scroll_offset.y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_offset.y == 0


async def test_home_and_end_jump_to_the_ends_of_the_text_at_once(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")], analysis=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await open_first(app, pilot)
        app.animation_level = "full"  # as a user's terminal has it (tests run with none)
        await pilot.press("2")
        view = app.article_view
        assert view.max_scroll_y > 0
        # Not through the pilot, which waits for a glide to end: the first place the view
        # is seen at after the key is where it stays.
        for key, end in (("end", view.max_scroll_y), ("home", 0)):
            start = view.scroll_offset.y
            app.post_message(events.Key(key, None))
            for _ in range(500):
                if view.scroll_offset.y != start:
                    break
                await asyncio.sleep(0.01)
            assert view.scroll_offset.y == end


async def test_g_in_a_side_pane_shows_the_first_group_with_its_header(
    site: FixtureServer, make_app
):
    app = make_app([site.page("frontline.html")])
    async with app.run_test(size=(100, 20)) as pilot:
        await open_first(app, pilot)
        await pilot.press("3", "G")
        pane = app.query_one(EntitiesPane)
        assert pane.scroll_offset.y > 0
        await pilot.press("g")
        assert pane.scroll_offset.y == 0  # the first group's header, not only its first row
        await pilot.press("G", "k")  # going up row by row to the top comes to the same
        for _ in range(60):
            await pilot.press("k")
        assert pane.scroll_offset.y == 0


async def test_space_ctrl_d_and_ctrl_u_page_through_the_text(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")], analysis=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await open_first(app, pilot)
        await pilot.press("2")
        view = app.article_view
        height = view.scrollable_content_region.height
        await pilot.press("ctrl+d")
        half = view.scroll_offset.y
        assert half == height // 2
        await pilot.press("ctrl+u")
        assert view.scroll_offset.y == 0
        await pilot.press("space")
        assert view.scroll_offset.y > half


async def test_Y_copies_the_paragraph_being_read(site: FixtureServer, make_app):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        first = app.briefing.articles[0].blocks[0].text
        await pilot.press("Y")
        assert app.clipboard == first
        assert any(t.startswith("Copied the paragraph") for t in toasts(app))


async def test_Y_copies_no_heading_or_error_where_no_paragraph_of_text_is(
    site: FixtureServer, make_app
):
    app = make_app([site.url("/missing")], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("Y")  # on the overview: its lines are no article's paragraph
        assert app.clipboard == ""
        assert toasts(app) == ["There is no paragraph here to copy."]
        await open_first(app, pilot)  # a failed article: its address and error only
        await pilot.press("Y")
        assert app.clipboard == ""  # (the same toast again is not stacked)


async def test_b_and_C_on_a_failed_article_say_it_was_not_read(site: FixtureServer, make_app):
    app = make_app([site.url("/missing")], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        await pilot.press("b", "C")
        said = toasts(app)
        assert "No removed lines: the article could not be read." in said
        assert "No readers' comments: the article could not be read." in said
        assert not any("removed nothing" in t or "were found" in t for t in said)


async def test_c_copies_the_article_and_on_briefing_the_whole_as_markdown(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html"), site.page("blog.html")], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("c")
        await app.workers.wait_for_complete()  # the Markdown is built off the event loop
        assert app.clipboard.startswith("# ")
        assert "EU ministers weigh joint borrowing" in app.clipboard
        assert "Ukraine Aid Vote" in app.clipboard
        await pilot.press("j", "c")
        await app.workers.wait_for_complete()
        article = app.clipboard
        assert "EU ministers weigh joint borrowing" in article
        assert "Ukraine Aid Vote" not in article
        assert app.briefing.articles[0].blocks[-1].text in article
        assert "Copied the article as Markdown" in toasts(app)[-1]


async def test_c_on_a_copy_too_large_for_many_terminals_says_it_may_not_arrive(make_app, tmp_path):
    from tests.app.test_document import _page

    app = make_app([_page(tmp_path, 3000)], analysis=False)  # ~400 KB of Markdown
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j", "c")
        await app.workers.wait_for_complete()
        assert "Number 2999." in app.clipboard  # sent whole
        said = toasts(app)[-1]
        # "Copied" claimed what the terminal may have dropped without a word.
        assert said.startswith("Sent the article as Markdown") and "e exports it" in said


async def test_c_on_a_copy_no_terminal_keeps_sends_nothing_and_points_to_export(
    make_app, tmp_path, monkeypatch
):
    from tests.app.test_document import _page
    from tui.app import actions

    # The cap (8 MB) lowered to under this page's ~400 KB, not a page of 8 MB built.
    monkeypatch.setattr(actions, "MAX_COPY_BYTES", 200_000)
    app = make_app([_page(tmp_path, 3000)], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j", "c")
        await app.workers.wait_for_complete()
        assert app.clipboard is None or "Number 2999." not in app.clipboard
        said = toasts(app)[-1]
        assert said.startswith("Did not copy the article") and "e exports it" in said


async def test_a_pasted_list_adds_every_line(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    pasted = f"{site.page('wire.html')}\n\n# skipped\n{site.page('blog.html')}\nnot a url\n"
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("a")
        assert isinstance(app.screen, AddUrlScreen)
        app.screen.query_one(Input).post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        inputs = [a.input for a in app.briefing.articles]
        assert inputs == [site.page("wire.html"), site.page("blog.html"), "not a url"]
        assert [a.stage for a in app.briefing.articles][:2] == [Stage.DONE, Stage.DONE]
        assert "Added 3 articles." in toasts(app)
        # The same list again adds nothing, and says so.
        await pilot.press("a")
        app.screen.query_one(Input).post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.press("enter")
        await app.wait_settled(SETTLE)  # the prompt closes once its box is still
        assert "All already in the briefing." in toasts(app)
        assert len(app.briefing.articles) == 3


async def test_a_long_paste_in_the_add_prompt_is_counted_without_a_file_search_a_key(
    make_app, monkeypatch
):
    # Each word of a paste was tried as up to eight file names, at every key: a page of
    # prose pasted by mistake held the app a second and more a key.
    from tui.pipeline import inputs

    looked: list[str] = []
    exists = inputs._exists
    monkeypatch.setattr(inputs, "_exists", lambda path: looked.append(path) or exists(path))
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("a")
        box = app.screen.query_one(Input)
        box.post_message(events.Paste("the river rose overnight " * 400))
        await pilot.press("x")
        assert not looked
        box.value = "two words"  # a short text is still read for the files it names
        await pilot.pause()
        assert looked


@pytest.mark.parametrize("ending", ["", "\n"])
async def test_a_pasted_address_is_put_in_the_prompt_once(
    site: FixtureServer, make_app, ending: str
):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("a")
        box = app.screen.query_one(Input)
        # Input's own paste ran besides ours: "…/wire.html…/wire.html", one glued address.
        box.post_message(events.Paste(site.page("wire.html") + ending))
        await pilot.pause()
        assert box.value == site.page("wire.html")
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        assert [a.input for a in app.briefing.articles] == [site.page("wire.html")]


async def test_a_bad_address_reads_as_itself_in_the_header(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("a", *"not a url", "enter")
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        text = app.article_view.plain
        assert text.count("not a url") == 1 + text.count("Could not read")
        assert app.briefing.articles[0].stage is Stage.ERROR


async def test_an_undated_page_says_what_date_its_timeline_was_read_as_of(
    site: FixtureServer, make_app
):
    url = site.host_html(UNDATED_POST)
    app = make_app([url])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await open_first(app, pilot)
        assert "no date given; read as of 14 Mar 2007" in app.article_view.plain
        (article,) = app.briefing.articles
        assert article.read_as_of == "2007-03-14"


async def test_r_says_what_it_reloads_or_why_it_does_nothing(site: FixtureServer, make_app):
    missing = site.url("/pages/missing.html")
    app = make_app([site.page("wire.html"), missing], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("r")
        assert toasts(app)[-1] == "Retrying 1 failed article…"
        await app.wait_settled(SETTLE)
        await pilot.press("j", "r")
        assert toasts(app)[-1].startswith("Reloading “EU ministers weigh joint")
        await app.wait_settled(SETTLE)


async def test_an_empty_start_explains_how_to_feed_briefing(make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)):
        await app.wait_settled(SETTLE)
        text = app.article_view.plain
        for way in ("press a", "cat urls.txt | briefing", "briefing --demo", "saved-page.html"):
            assert way in text.lower() or way in text
        assert "Waiting" not in text


async def test_a_pipe_that_has_sent_nothing_says_it_is_waiting(site: FixtureServer, make_app):
    queue, lines = queued_lines()
    app = make_app([], analysis=False, lines=lines)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert "Waiting for addresses on the pipe" in app.article_view.plain
        await queue.put(site.page("wire.html"))
        while app.briefing is None or not app.briefing.articles:
            await pilot.pause(0.05)
        while app.briefing.articles[0].stage is not Stage.DONE:
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        assert "1 article · 1 done · 0 failed · waiting for more on the pipe" in (
            app.article_view.plain
        )
        await queue.put(None)
        await app.wait_settled(SETTLE)
        await pilot.pause(0.3)
        assert "waiting" not in app.article_view.plain


async def test_export_asks_for_the_format_and_says_where_it_wrote(
    site: FixtureServer, make_app, tmp_path: Path
):
    app = make_app([site.page("wire.html")], analysis=False, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)
        assert not list(tmp_path.iterdir())
        # j moves to the second choice (JSON); enter takes it.
        await pilot.press("e", "j", "enter")
        await app.workers.wait_for_complete()
        (written,) = tmp_path.glob("briefing-*.json")
        data = json.loads(written.read_text())
        assert data["articles"][0]["title"].startswith("EU ministers weigh joint")
        assert f"Exported the briefing as JSON to {written}" in toasts(app)


async def test_an_export_taken_mid_run_says_the_pending_count_its_file_was_written_with(
    site: FixtureServer, make_app, tmp_path: Path, monkeypatch
):
    from tui.pipeline import export

    app = make_app([site.url("/slow?s=4")], analysis=False, export_dir=tmp_path)
    real_write = export.write_briefing

    def write_then_let_the_page_come(*args: object, **kwargs: object) -> Path:
        # The article comes in after the file is written and before the toast is made,
        # as it may while the export runs in its thread.
        written = real_write(*args, **kwargs)  # type: ignore[arg-type]
        for _ in range(int(SETTLE / 0.05)):
            if app.briefing.articles[0].status != "pending":
                break
            time.sleep(0.05)
        return written

    monkeypatch.setattr(export, "write_briefing", write_then_let_the_page_come)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.briefing is None or not app.briefing.articles:
            await pilot.pause(0.05)
        await pilot.press("e", "m")
        await app.workers.wait_for_complete()
        await app.wait_settled(SETTLE)
        (written,) = tmp_path.glob("briefing-*.md")
        assert "1 still being read" in written.read_text()  # exported while it was read
        assert app.briefing.articles[0].status != "pending"  # it came before the toast
        said = [t for t in toasts(app) if t.startswith("Exported the briefing")]
        assert said == [
            f"Exported the briefing as Markdown to {written}; 1 article was still being read"
        ]


async def test_a_screenshot_goes_to_the_export_folder_and_says_where(
    site: FixtureServer, make_app, tmp_path: Path
):
    app = make_app([], analysis=False, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_settled(SETTLE)
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        command.callback()
        await pilot.pause()
        (svg,) = tmp_path.glob("*.svg")
        assert "<svg" in svg.read_text()[:500]
        assert f"Saved a screenshot to {svg}" in toasts(app)


async def test_the_list_widens_and_narrows_with_its_keys_and_says_when_it_stops(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await app.wait_settled(SETTLE)
        sidebar = app.query_one("#sidebar")
        start = sidebar.size.width
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert sidebar.size.width > start
        for _ in range(20):
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert sidebar.size.width < start
        assert "The list is as narrow as it goes" in toasts(app)[-1]


async def test_enter_on_an_entity_brings_the_text_in_on_a_narrow_screen(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(app, pilot)
        reader = app.query_one("#reader")
        await pilot.press("3")
        assert not reader.display
        pane = app.query_one(EntitiesPane)
        pane.highlighted = min(pane.choices)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.display
        assert app.article_view.marks
        await pilot.press("3", "n")
        await pilot.pause()
        assert reader.display


async def test_the_header_names_three_of_fifty_writers_and_counts_the_rest(
    site: FixtureServer, make_app
):
    names = [f"Writer {chr(65 + i // 26)}{chr(97 + i % 26)}son" for i in range(50)]
    ld = {"@type": "NewsArticle", "headline": "Ferry adds winter crossings", "author": names}
    sentence = "The ferry will run four crossings a day through the winter, the board said."
    url = site.host_html(
        (
            f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
            f"<body><article><h1>Ferry adds winter crossings</h1><p>{sentence}</p>"
            f"<p>{sentence}</p></article></body></html>"
        ).encode()
    )
    app = make_app([url], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(app, pilot)
        text = app.article_view.plain
        assert "Writer Aason, Writer Abson, Writer Acson and 47 others" in text
        assert "Writer Adson" not in text
        assert len(app.briefing.articles[0].metadata.authors) == 50
