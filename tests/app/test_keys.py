"""Every key of the app, driven by the pilot against pages from the local test server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from tests.app.conftest import SETTLE, queued_lines
from tests.pipeline.worker_tasks import HeldAnalyse
from tests.server import FixtureServer
from tui.app import main
from tui.app.analysis_panes import EntitiesPane, TimelinePane
from tui.app.article_list import FEED_INDENT, ArticleList
from tui.app.describe import BRIEFING, STAGE_GLYPHS
from tui.app.main import BriefingApp
from tui.app.reader import ArticleView
from tui.app.screens import AddUrlScreen, ExportScreen, HelpScreen
from tui.pipeline.model import Stage
from tui.pipeline.session import Stages


def shown(app: BriefingApp) -> str:
    """The plain text of everything in the text pane."""
    return app.article_view.plain


def block_text(view: ArticleView, block: int):
    """The rich Text the pane draws for an article block."""
    index = view.index_of(block)
    assert index is not None, f"block {block} is not in the text pane"
    return view.paragraphs[index].text


def drawn_styles(view: ArticleView, mention) -> list:
    """The styles the pane draws a mention's words in (brought on screen first)."""
    index = view.index_of(mention.block)
    view.scroll_to_paragraph(index, mention.start)
    words = block_text(view, mention.block).plain[mention.start : mention.end]
    strip = view.render_line(view.line_of(index, mention.start) - view.scroll_offset.y)
    return [s.style for s in strip if s.text.strip() and s.text.strip() in words]


def on_screen(view: ArticleView, block: int, offset: int = 0) -> bool:
    index = view.index_of(block)
    line = view.line_of(index, offset)
    top = view.scroll_offset.y
    return top <= line < top + view.scrollable_content_region.height


async def open_article(app: BriefingApp, pilot, index: int) -> None:
    app.article_list.focus()
    app.article_list.highlighted = app.article_list.row_of(index)
    await app.wait_settled(SETTLE)


async def test_moves_through_articles_with_vim_keys_and_arrows(site: FixtureServer, make_app):
    app = make_app([site.page("wire.html"), site.page("blog.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        assert app.selected == BRIEFING
        await pilot.press("j")
        assert app.selected == 0
        await pilot.press("down")
        assert app.selected == 1
        await pilot.press("k")
        assert app.selected == 0
        await pilot.press("up")
        assert app.selected == BRIEFING
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        assert "EU ministers weigh joint borrowing" in shown(app)
        # j/k scroll the text once it has focus.
        await pilot.press("2", "j", "j")
        assert app.focused is app.article_view


async def test_tab_and_number_keys_move_between_panes(site: FixtureServer, make_app):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        order = []
        for _ in range(4):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert order == ["articles", "text", "entities", "timeline"]
        assert app.focused.id == "articles"
        await pilot.press("shift+tab")
        assert app.focused.id == "timeline"
        for key, pane in zip("1234", ("articles", "text", "entities", "timeline"), strict=True):
            await pilot.press(key)
            assert app.focused.id == pane


async def test_text_shows_before_analysis_ends_and_keys_answer_meanwhile(
    site: FixtureServer, make_app, tmp_path: Path
):
    release = tmp_path / "release"
    app = make_app([site.page("wire.html")], stages=Stages(analyse=HeldAnalyse(str(release))))
    async with app.run_test(size=(140, 40)) as pilot:
        try:
            for _ in range(int(SETTLE / 0.05)):
                if app.briefing and app.briefing.articles[0].stage is Stage.ANALYSING:
                    break
                await pilot.pause(0.05)
            else:
                pytest.fail("the article never reached the analysing stage")
            await pilot.press("j")
            await pilot.pause(0.3)
            assert "EU ministers weigh joint borrowing" in shown(app)
            waiting = app.query_one(EntitiesPane).row_text(0)
            assert "appear once the text is analysed" in waiting
            await pilot.press("b", "b", "3", "2")  # the keyboard answers meanwhile
            assert app.focused is app.article_view
        finally:
            release.write_text("go")
        await app.wait_settled(SETTLE)
        assert app.briefing.articles[0].stage is Stage.DONE


async def test_an_article_read_but_not_analysed_is_not_listed_as_unread(
    site: FixtureServer, make_app
):
    # The header said "2 articles · 1 done · 1 failed" over "Could not be read (2)": the
    # article whose analysis failed was read, and is counted so.
    from tests.pipeline import worker_tasks as tasks

    app = make_app(
        [site.page("wire.html"), site.url("/404")], stages=Stages(analyse=tasks.buggy_analyse)
    )
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        overview = shown(app)
        assert "2 articles · 1 done · 1 failed" in overview
        assert "Could not be read (1)" in overview
        assert "Read, but their entities and timeline could not be found (1)" in overview


async def test_errors_show_in_words_with_the_input(site: FixtureServer, make_app):
    app = make_app([site.url("/404"), site.url("/pdf")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        overview = shown(app)
        assert "Could not be read (2)" in overview
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        text = shown(app)
        assert "Could not read this article" in text
        assert "404" in text
        assert site.url("/404") in text  # the input that failed
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        assert "PDF" in shown(app)


async def test_enter_on_entity_highlights_mentions_and_n_steps(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")])
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        article = app.briefing.articles[0]
        assert article.entities is not None, "entities must be analysed by now"
        entity = max(article.entities, key=lambda e: e.count)
        assert entity.count >= 2
        pane = app.query_one(EntitiesPane)
        await pilot.press("3")
        row = next(i for i, (name, _) in pane.choices.items() if name == entity.name)
        pane.highlighted = row
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        view = app.article_view
        assert view.marks == entity.mentions
        assert view.current == 0
        assert f"{entity.name} 1/{entity.count}" in str(view.border_subtitle)
        await pilot.pause()
        redrawn: list[int] = []
        redraw = view._redraw
        view._redraw = lambda paragraphs: redrawn.extend(paragraphs) or redraw(paragraphs)
        await pilot.press("n")
        assert view.current == 1
        # A step redraws the block it leaves and the one it reaches, not every hit's.
        assert set(redrawn) == {view.index_of(m.block) for m in entity.mentions[:2]}
        first, second = entity.mentions[:2]
        current, mark = view._style("current"), view._style("mark")
        assert current in drawn_styles(view, second) and mark in drawn_styles(view, first)
        await pilot.press("N", "N")
        assert view.current == entity.count - 1  # wraps around
        # The highlight is drawn where the mention is, the current one in its own style.
        assert mark in drawn_styles(view, first) and current not in drawn_styles(view, first)


async def test_enter_on_entity_in_briefing_view_opens_the_article(site: FixtureServer, make_app):
    app = make_app([site.page("wire.html"), site.page("frontline.html")])
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        assert app.merged.entities is not None, "the briefing's entities must be merged"
        pane = app.query_one(EntitiesPane)
        await pilot.press("3")
        pane.highlighted = min(pane.choices)
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        assert app.selected != BRIEFING
        assert app.article_view.marks


async def test_enter_on_timeline_scrolls_to_the_sentence(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")])
    async with app.run_test(size=(140, 30)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        timeline = app.briefing.articles[0].timeline
        assert timeline, "the timeline must be analysed by now"
        pane = app.query_one(TimelinePane)
        await pilot.press("4")
        last = max(pane.choices)
        _, span, sentence = pane.choices[last]
        pane.highlighted = last
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        await pilot.pause(0.2)
        view = app.article_view
        assert [m.block for m in view.marks] == [span.block]
        mark = view.marks[0]
        block_text = app.briefing.articles[0].blocks[span.block].text
        assert mark.start <= span.start and span.end <= mark.end
        assert sentence in block_text[mark.start : mark.end] or mark == span
        # Scrolled so that the sentence is on screen.
        assert on_screen(view, span.block, mark.start)


async def test_enter_on_a_briefing_timeline_row_keeps_the_cursor_on_that_entry(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html"), site.page("frontline.html")])
    async with app.run_test(size=(140, 30)) as pilot:
        await app.wait_settled(SETTLE)
        pane = app.query_one(TimelinePane)
        await pilot.press("4")  # the Briefing's timeline, both articles' entries merged
        article, span, _ = pane.choices[max(pane.choices)]
        pane.highlighted = max(pane.choices)
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        await pilot.pause(0.2)
        assert app.selected == article
        # The article's own timeline has its cursor on the entry chosen, not its first.
        chosen = pane.choices[pane.highlighted]
        assert (chosen[0], chosen[1].block, chosen[1].start) == (article, span.block, span.start)
        assert pane.highlighted != min(pane.choices)


async def test_slash_searches_and_n_steps_through_hits(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        blocks = app.briefing.articles[0].blocks
        expected = sum(b.text.lower().count("toretsk") for b in blocks)
        assert expected >= 2
        await pilot.press("slash")
        search = app.query_one("#search", Input)
        assert app.focused is search
        await pilot.press(*"toretsk", "enter")
        view = app.article_view
        assert len(view.marks) == expected
        assert app.focused is view
        await pilot.press("n")
        assert view.current == 1
        await pilot.press("N")
        assert view.current == 0
        await pilot.press("escape")
        assert view.marks == []
        await pilot.press("slash", *"zzqx", "enter")
        assert view.marks == []
        assert "no matches" in str(view.border_subtitle)
        await pilot.press("escape")  # as the help says: clears it, though nothing was lit
        assert str(view.border_subtitle) == ""
        # Spaces alone are no search: it ends, as with escape (not "“   ”: no matches").
        await pilot.press("slash", "space", "space", "enter")
        assert view.marks == [] and str(view.border_subtitle) == ""
        # A query that looks like markup is shown as typed, and does not break the app.
        await pilot.press("escape", "slash", *"[/]", "enter")
        await pilot.pause()
        assert "[/]" in str(view.border_subtitle) and app.is_running


async def test_b_shows_removed_boilerplate_with_reasons(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        removed = app.briefing.articles[0].removed
        assert removed
        # Hidden until b (a removed line's text may also stand elsewhere: the title).
        assert not any(f"[{b.reason}] {b.text}" in shown(app) for b in removed)
        await pilot.press("b")
        await app.wait_settled(SETTLE)
        assert app.show_removed
        for block in removed:
            assert f"[{block.reason}] {block.text}" in shown(app)
        await pilot.press("b")
        await app.wait_settled(SETTLE)
        assert not any(f"[{b.reason}] {b.text}" in shown(app) for b in removed)


async def test_shift_c_shows_the_readers_comments_after_the_text(site: FixtureServer, make_app):
    app = make_app([site.page("blog.html"), site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        comment = "Watching this from Ottawa, the striking thing"
        # Folded away, with a line saying they are there and how to read them.
        assert comment not in shown(app)
        assert "Readers' comments: 6 paragraphs (C shows them)" in shown(app)
        await pilot.press("C")
        await app.wait_settled(SETTLE)
        text = shown(app)
        assert app.show_comments and comment in text
        heading = text.index("Readers' comments (C hides them)")
        assert heading > text.index("For Ukraine, the lesson")
        # Who wrote each comment is dimmed like the article's own details; what they
        # said is not.
        view = app.article_view
        comments = [
            p for p in view.paragraphs if isinstance(p.key, tuple) and p.key[0] == "comment"
        ]
        styles = {p.text.plain: p.text.style for p in comments}
        assert styles["Graham Osei says:"] == view._style("meta")
        assert styles[next(t for t in styles if t.startswith(comment))] == view._style("comment")
        # An article without comments says nothing of them, shown or not.
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        assert "Readers' comments" not in shown(app)
        await pilot.press("k", "C")
        await app.wait_settled(SETTLE)
        assert comment not in shown(app)


async def test_a_comment_reaches_the_screen_without_markup_or_escapes(make_app, tmp_path: Path):
    story = "".join(
        f"<p>The council met on Monday for the {n}th time and voted to repair the bridge.</p>"
        for n in range(1, 6)
    )
    thread = (
        "<div class='comments'><div class='comment'><p>[bold red]Breaking[/] \x1b[2J"
        "\x1b]0;owned\x07 [link=https://evil.example]click[/link] the bridge is late.</p>"
        "</div></div>"
    )
    page = tmp_path / "thread.html"
    page.write_text(
        f"<html><head><title>Bridge</title></head><body><article>{story}"
        f"</article>{thread}</body></html>",
        "utf-8",
    )
    app = make_app([str(page)], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j", "C")
        await app.wait_settled(SETTLE)
        view = app.article_view
        assert "[bold red]Breaking[/]" in shown(app)
        assert "[link=https://evil.example]click[/link] the bridge is late." in shown(app)
        lines = "".join(view.render_line(y).text for y in range(view.size.height))
        assert "\x1b" not in lines and "\x07" not in lines


async def test_b_shows_each_removed_line_between_the_paragraphs_it_interrupted(
    site: FixtureServer, make_app
):
    app = make_app([site.page("frontline.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j", "b")
        await app.wait_settled(SETTLE)
        view = app.query_one(ArticleView)
        paragraphs = view.paragraphs
        (cta,) = [i for i, p in enumerate(paragraphs) if "WHATSAPP" in p.text.plain]
        assert isinstance(paragraphs[cta].key, tuple)  # a removed line, not a kept block
        before = next(p for p in reversed(paragraphs[:cta]) if isinstance(p.key, int))
        after = next(p for p in paragraphs[cta + 1 :] if isinstance(p.key, int))
        assert before.text.plain.startswith("The gamble comes as the picture in the east darkens")
        assert after.text.plain.startswith("According to soldiers quoted")
        assert (before.key, after.key) == (1, 2)
        # A search still lands on the kept block it names, removed lines in between or not.
        await pilot.press("slash", *"Toretsk", "enter")
        await app.wait_settled(SETTLE)
        assert view.marks
        for mark in view.marks:
            assert block_text(view, mark.block).plain[mark.start : mark.end] == "Toretsk"


def a_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int) -> Path:
    """$BROWSER set to a script that notes the address it is given, writes to stderr as
    browsers do, and exits with `status`; the file it notes addresses in."""
    import webbrowser

    noted = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(
        f'#!/bin/sh\necho "$1" >> {noted}\necho "Gtk-WARNING: noise" >&2\nexit {status}\n'
    )
    script.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(script))
    # Python reads $BROWSER once a process: made to read it again.
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    return noted


@pytest.mark.parametrize(
    ("status", "said"), [(0, "Opened {}"), (1, "The web browser could not open {}")]
)
async def test_o_opens_the_browser_and_says_how_it_went(
    site: FixtureServer, make_app, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    status: int, said: str,
):  # fmt: skip
    noted = a_browser(tmp_path, monkeypatch, status)
    url = site.page("wire.html")
    app = make_app([url], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("o")  # on the Briefing entry: nothing to open
        await pilot.press("j", "o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert noted.read_text().split() == [url]  # it ran, once
        toasts = [n.message for n in app._notifications]
        # A browser that ran and failed is not "No web browser found."
        assert said.format(url) in toasts and "No web browser found." not in toasts
        await pilot.press("y")
        assert app.clipboard == url


async def test_a_adds_a_url(site: FixtureServer, make_app):
    async with the_add_prompt(make_app) as (app, pilot):
        assert isinstance(app.screen, AddUrlScreen)
        app.screen.query_one(Input).value = site.page("blog.html")
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        assert [a.input for a in app.briefing.articles] == [site.page("blog.html")]
        assert app.briefing.articles[0].stage is Stage.DONE
        await pilot.press("a", "escape")  # cancelling adds nothing
        assert len(app.briefing.articles) == 1


async def test_the_add_prompt_counts_what_enter_will_add(make_app):
    async with the_add_prompt(make_app) as (app, pilot):
        assert isinstance(app.screen, AddUrlScreen)
        await pilot.press(*"https://a.example/x not a url https://b.example/y")
        await pilot.pause()
        # Three: the words between the addresses are one input, not two more addresses.
        count = str(app.screen.query_one("#count").render())
        assert count == "3 to add: enter adds them all.", count


def hits(site: FixtureServer, path: str) -> int:
    return sum(1 for hit in site.hits if (hit[0] if isinstance(hit, tuple) else hit) == path)


async def test_r_reloads_the_article(site: FixtureServer, make_app):
    url = site.page("blog.html") + "?reload"
    app = make_app([url], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        before = hits(site, "/pages/blog.html")
        await pilot.press("j", "r")
        await app.wait_settled(SETTLE)
        assert hits(site, "/pages/blog.html") == before + 1
        assert app.briefing.articles[0].stage is Stage.DONE
        assert "Ukraine Aid Vote" in shown(app)


async def test_r_on_a_page_now_gone_keeps_its_text_and_says_the_reload_failed(
    site: FixtureServer, make_app
):
    from tests.server import PAGES

    url = site.host_html((PAGES / "blog.html").read_bytes())
    app = make_app([url], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        site.hostile_pages.clear()  # the page answers 404 from now on
        await pilot.press("r")
        await app.wait_settled(SETTLE)
        text = shown(app)
        assert "Ukraine Aid Vote" in text  # the copy read before is still there
        assert "Could not reload this page" in text and "404" in text
        assert "Shown as read before (fetched" in text
        assert "reload failed" in app.article_list.row_text(1)


async def test_a_feed_says_what_it_is_and_that_its_reload_failed(site: FixtureServer, make_app):
    from tests.server import FEEDS

    raw = (FEEDS / "ledger.rss").read_bytes().replace(b"{base}", site.base.encode())
    key = site.host_page({"Content-Type": "application/rss+xml"}, raw)
    app = make_app([site.url(f"/hostile/{key}")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        assert "A feed (RSS) of 3 articles, listed under it on the left." in shown(app)
        del site.hostile_pages[key]
        await pilot.press("r", "r", "r")
        await app.wait_settled(SETTLE)
        # It said "Done…", and nothing told that the reload had failed.
        assert "Could not reload this page" in shown(app) and "404" in shown(app)
        assert "feed · 3 articles · reload failed" in app.article_list.row_text(1)
        said = [n.message for n in app._notifications]
        assert len(said) == len(set(said))  # "r" pressed again stacks no second toast


async def test_an_input_given_twice_is_read_once_and_said_so(site: FixtureServer, make_app):
    url = site.page("wire.html")
    app = make_app([url, url, url], analysis=False)
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        assert len(app.briefing.articles) == 1
        said = [n.message for n in app._notifications]
        assert "2 inputs were given more than once; each is read once." in said


async def test_e_exports_markdown_to_a_named_file(site: FixtureServer, make_app, tmp_path: Path):
    app = make_app([site.page("wire.html")], analysis=False, export_dir=tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        files = list(tmp_path.glob("briefing-*.md"))
        assert len(files) == 1
        assert "EU ministers weigh joint borrowing" in files[0].read_text()
        assert any(str(files[0]) in n.message for n in app._notifications)


async def test_an_export_that_cannot_be_written_says_where_and_why(
    site: FixtureServer, make_app, tmp_path: Path
):
    in_the_way = tmp_path / "exports"
    in_the_way.write_text("a file where the folder should be")
    app = make_app([site.page("wire.html")], analysis=False, export_dir=in_the_way)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("e", "m")
        await app.workers.wait_for_complete()
        said = [n.message for n in app._notifications if n.severity == "error"]
        assert said == [f"Could not export to {in_the_way}: a file of that name is in the way"]


@pytest.mark.parametrize("width", [8, 3, 1])
async def test_the_export_prompt_survives_a_terminal_narrowed_to_a_few_columns(
    site: FixtureServer, make_app, tmp_path: Path, width: int
):
    # A narrow tmux split with the prompt open: its list of formats was wrapped at width
    # 0 and the app died (ValueError out of Textual's OptionList).
    app = make_app([site.page("wire.html")], analysis=False, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.resize_terminal(width, 40)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and app.return_code is None
        await pilot.press("m")
        await app.workers.wait_for_complete()
    assert len(list(tmp_path.glob("briefing-*.md"))) == 1


async def test_a_click_beside_the_help_closes_it_and_one_inside_does_not(make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        box = app.screen.query_one("#keys").region
        await pilot.click(offset=(box.x + 4, box.y + 3))
        assert isinstance(app.screen, HelpScreen)
        # Beside the box: the help stayed open, and only a key closed it.
        await pilot.click(offset=(max(0, box.x - 2), box.y + 3))
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert not isinstance(app.screen, HelpScreen)


async def test_question_mark_shows_help_and_q_quits(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_quitting_while_articles_are_analysed_draws_nothing_after(
    site: FixtureServer, make_app, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    # The redraws are loop callbacks: the articles the quit stopped changed as the session
    # closed, and a redraw ran against screens already taken down (NoMatches for the
    # article list, logged at every quit while articles were being analysed).
    pages = [site.page(p) for p in ("wire.html", "blog.html", "markup.html")]
    release = tmp_path / "release"
    app = make_app(pages, stages=Stages(analyse=HeldAnalyse(str(release))))
    with caplog.at_level("ERROR"):
        async with app.run_test(size=(140, 40)) as pilot:
            await until(
                pilot,
                lambda: (
                    app.briefing is not None
                    and any(a.stage is Stage.ANALYSING for a in app.briefing.articles)
                ),
            )
            await pilot.press("q")
        await asyncio.sleep(0.5)
    assert app.return_code == 0
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []


async def test_ctrl_c_quits(make_app):
    app = make_app([], analysis=False)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_command_palette_offers_the_actions(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for name in ("Search", "Boilerplate", "Open in browser", "Copy URL", "Add URLs"):
            assert name in titles
        for name in ("Reload", "Export", "Copy paragraph", "Copy as Markdown", "Help"):
            assert name in titles
        for name in ("Wider list", "Narrower list", "Screenshot", "Go to entities"):
            assert name in titles
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"export")
        await pilot.pause(0.5)
        first = app.screen.query_one("CommandList").get_option_at_index(0)
        assert "Export" in str(first.prompt)


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
async def test_a_page_key_before_the_palette_has_drawn_its_list_does_nothing(make_app, key: str):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        # In one burst, the page key reached Textual's list before it had drawn a line:
        # KeyError, and the app stopped with a traceback on the terminal.
        app.post_message(events.Key("ctrl+p", None))
        app.post_message(events.Key(key, None))
        await pilot.pause(0.5)
        assert app.is_running and isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert app.is_running and len(app.screen_stack) == 1


def _two_enters_at_once(app: BriefingApp) -> None:
    """Two Enters queued before the first is handled: a paste ending in two newlines."""
    app.post_message(events.Key("enter", "\r"))
    app.post_message(events.Key("enter", "\r"))


async def test_two_enters_at_once_in_the_palette_run_its_command_once(make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"add urls")
        await pilot.pause(0.5)
        await pilot.press("down")  # the first command found is highlighted
        _two_enters_at_once(app)
        await pilot.pause(0.5)
        assert app.is_running
        assert isinstance(app.screen, AddUrlScreen) and len(app.screen_stack) == 2


async def test_two_enters_at_once_in_the_add_prompt_add_once(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        app.screen.query_one(Input).value = site.page("blog.html")
        _two_enters_at_once(app)
        await pilot.pause(0.5)
        await app.wait_settled(SETTLE)
        assert app.is_running and len(app.screen_stack) == 1
        assert [a.input for a in app.briefing.articles] == [site.page("blog.html")]


async def test_two_enters_at_once_in_the_export_prompt_write_once(
    site: FixtureServer, make_app, tmp_path: Path
):
    app = make_app([site.page("wire.html")], analysis=False, export_dir=tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("e")
        _two_enters_at_once(app)
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        assert app.is_running and len(app.screen_stack) == 1
        assert len(list(tmp_path.glob("briefing-*.md"))) == 1


KEY_NAMES = {"/": "slash", ":": "colon", " ": "space", ".": "full_stop"}


async def until(pilot, check: Callable[[], bool]) -> None:
    """Let the app run until `check()` holds or it stops (SETTLE at most)."""
    for _ in range(int(SETTLE / 0.05)):
        if check() or not pilot.app.is_running:
            return
        await pilot.pause(0.05)


@contextlib.asynccontextmanager
async def the_add_prompt(make_app) -> AsyncIterator[tuple[BriefingApp, Pilot]]:
    """An empty briefing, settled, with its add prompt open."""
    app = make_app([], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("a")
        yield app, pilot


def inputs(app: BriefingApp) -> list[str]:
    """The inputs of the briefing's articles, in order."""
    assert app.briefing is not None
    return [a.input for a in app.briefing.articles]


def burst(app: BriefingApp, typed: str, *, enter: bool = False) -> None:
    """Keys as a paste, a laggy link or a busy app delivers them: all queued at once."""
    for character in typed:
        app.post_message(events.Key(KEY_NAMES.get(character, character), character))
    if enter:
        app.post_message(events.Key("enter", "\r"))


async def test_keys_typed_in_one_burst_after_slash_go_into_the_search(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        boilerplate = app.article_view.show_removed
        # All queued before "/" has run: "q" of "quarterly" closed the app, and "b"
        # showed the boilerplate; then the letters were lost.
        burst(app, "/quarterly b")
        await until(pilot, lambda: app.query_one("#search", Input).value == "quarterly b")
        assert app.is_running
        search = app.query_one("#search", Input)
        assert app.focused is search and search.value == "quarterly b"
        assert app.article_view.show_removed == boilerplate
        await pilot.press("escape", "escape")
        # Enter in the burst searches for what was typed before it, not for nothing.
        burst(app, "/air defence", enter=True)
        await until(pilot, lambda: app.article_view.briefing_hits is not None)
        label, hits = app.article_view.briefing_hits
        assert "air defence" in label and hits == [(0, 2, False)]


async def test_a_key_typed_after_enter_in_a_search_burst_is_for_the_text_not_the_box(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")  # the article, whose text is searched
        await app.wait_settled(SETTLE)
        # "n" went into the box before the Enter had bubbled up to submit it: the search
        # was for "air defencen", and found nothing.
        burst(app, "/air defence", enter=True)
        burst(app, "n")
        view = app.article_view
        await until(pilot, lambda: view.current == 1)
        assert view.current == 1, [n.message for n in app._notifications]
        assert view.mark_label == "“air defence”" and len(view.marks) == 2
        assert app.query_one("#search", Input).has_class("closed")


async def test_addresses_typed_in_one_burst_with_enter_between_are_each_added(
    site: FixtureServer, make_app
):
    app = make_app([], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # Typed, not pasted: the Enter submitted after the next address's letters were in
        # the box, and "…/wire.htmlhttp://…/blog.html" was added as one address.
        burst(app, "a" + site.page("wire.html"), enter=True)
        burst(app, site.page("blog.html"), enter=True)
        await until(pilot, lambda: len(app.briefing.articles) > 1)
        await app.wait_settled(SETTLE)
        inputs = [a.input for a in app.briefing.articles]
        assert inputs == [site.page("wire.html"), site.page("blog.html")]
        assert all(a.error is None for a in app.briefing.articles)


async def test_enter_with_the_cursor_moved_back_adds_the_whole_address(
    site: FixtureServer, make_app
):
    async with the_add_prompt(make_app) as (app, pilot):
        burst(app, site.page("wire.html"))
        # Back into the address to mend it, then Enter: the address was split at the
        # cursor, and "…/wire" and ".html" were added, two failures.
        await pilot.press(*["left"] * 5, "enter")
        await until(pilot, lambda: len(app.briefing.articles) >= 1)
        await app.wait_settled(SETTLE)
        assert inputs(app) == [site.page("wire.html")]
        assert app.briefing.articles[0].error is None


async def test_addresses_typed_in_a_burst_after_moving_the_cursor_arrive_whole(
    site: FixtureServer, make_app
):
    async with the_add_prompt(make_app) as (app, pilot):
        # All queued at once, with Home and Left between: every address arrives whole (a
        # review saw "/blog.htmlhttp://…/wire.html" in a busy app; the order that made it
        # is pinned by the test after this one).
        burst(app, site.page("wire.html"))
        app.post_message(events.Key("home", None))
        burst(app, "", enter=True)
        burst(app, site.page("blog.html"))
        for _ in range(5):
            app.post_message(events.Key("left", None))
        burst(app, "", enter=True)
        burst(app, site.page("frontline.html"), enter=True)
        await until(pilot, lambda: len(app.briefing.articles) >= 3)
        await app.wait_settled(SETTLE)
        names = ("wire.html", "blog.html", "frontline.html")
        assert inputs(app) == [site.page(n) for n in names]


async def test_a_cursor_move_acted_on_after_an_enter_leaves_the_next_address_whole(
    site: FixtureServer, make_app
):
    # The order a busy app can act in: the Enter, then a Home typed before it, then the
    # next address's letters.
    async with the_add_prompt(make_app) as (app, _pilot):
        box = app.screen.query_one("#url", Input)
        box.insert_text_at_cursor(site.page("wire.html"))
        box.key_enter()
        box.cursor_position = 0
        box.insert_text_at_cursor(site.page("blog.html"))
        assert box.value.split() == [site.page("wire.html"), site.page("blog.html")]


async def test_four_addresses_typed_with_enter_between_are_all_added(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    names = ("wire.html", "blog.html", "frontline.html", "markup.html")
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # The prompt closed on the first Enter; the lines after it went to the app as keys
        # ("h", "t", then "/" opened a search for the rest of the address).
        burst(app, "a")
        for name in names:
            burst(app, site.page(name), enter=True)
            await asyncio.sleep(0.02)  # a terminal's reads of one burst, apart
        await until(pilot, lambda: len(app.briefing.articles) == len(names))
        assert [a.input for a in app.briefing.articles] == [site.page(n) for n in names]
        assert app.query_one("#search", Input).has_class("closed")


async def test_addresses_sent_with_line_feeds_are_parted_in_the_add_prompt(
    site: FixtureServer, make_app
):
    async with the_add_prompt(make_app) as (app, pilot):
        # A line feed outside a bracketed paste was dropped: "…wire.htmlhttp://…" was one
        # address.
        burst(app, site.page("wire.html"))
        app.post_message(events.Key("ctrl+j", "\n"))
        burst(app, site.page("blog.html"), enter=True)
        await until(pilot, lambda: len(app.briefing.articles) == 2)
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]


async def test_a_search_after_addresses_ended_by_line_feeds_searches(site: FixtureServer, make_app):
    app = make_app([], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # A line feed parted addresses but submitted nothing: the prompt stayed open and
        # "/air defence" was added as a file that does not exist.
        burst(app, "a" + site.page("wire.html"))
        app.post_message(events.Key("ctrl+j", "\n"))
        burst(app, site.page("blog.html"))
        app.post_message(events.Key("ctrl+j", "\n"))
        burst(app, "/air defence")
        app.post_message(events.Key("ctrl+j", "\n"))
        search = app.query_one("#search", Input)
        await until(pilot, lambda: search.value == "air defence")
        await app.wait_settled(SETTLE)
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]


async def test_an_add_prompt_opened_in_the_burst_that_chose_an_article_takes_the_typing(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("1")
        # "enter" chose the article after "a" had opened the prompt, and moved the
        # prompt's focus to the text pane under it: the address typed went nowhere.
        app.post_message(events.Key("enter", "\r"))
        burst(app, "a")
        await until(pilot, lambda: isinstance(app.screen, AddUrlScreen))
        await pilot.pause()
        assert isinstance(app.focused, Input)
        burst(app, site.page("blog.html"), enter=True)
        await until(pilot, lambda: len(app.briefing.articles) == 2)
        assert app.briefing.articles[1].input == site.page("blog.html")


async def test_a_key_held_down_after_the_add_prompts_enter_is_for_the_app(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        width = app.article_list.outer_size.width
        # Five or more of one key (">" held to narrow the list) were added as an address.
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, "<<<<<<")
        await until(pilot, lambda: app.article_list.outer_size.width < width)
        await app.wait_settled(SETTLE)
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]


async def test_a_key_typed_after_the_add_prompts_enter_in_one_burst_is_for_the_app(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # "q" or "b" went into the prompt before the Enter closed it, and was added as an
        # input ("'q' is neither a web address…") instead of quitting or showing the cuts.
        shown = app.article_view.show_removed
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, "b")
        await until(pilot, lambda: app.article_view.show_removed != shown)
        inputs = [a.input for a in app.briefing.articles]
        assert inputs == [site.page("wire.html"), site.page("blog.html")]
        assert app.article_view.show_removed != shown  # "b": the boilerplate shown


async def test_a_search_typed_after_the_add_prompts_enter_in_one_burst_searches(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # "/air defence" reached the prompt before the Enter closed it, and "/air" and
        # "defence" were added as two files that do not exist.
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, "/air defence")
        search = app.query_one("#search", Input)
        await until(pilot, lambda: search.value == "air defence")
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]
        assert app.focused is search


@pytest.mark.parametrize("search", ["/air defence", "/Kyiv/Kursk", "/ Kursk"])
async def test_a_search_with_its_own_enter_after_the_add_prompts_enter_searches(
    site: FixtureServer, make_app, search: str
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # Only the line after the last Enter was looked at: "/air defence⏎" was added as
        # an input ("'/air defence' is neither a web address…"), and nothing searched.
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, search, enter=True)
        searched = search[1:]
        await until(pilot, lambda: app.query_one("#search", Input).value == searched)
        await app.wait_settled(SETTLE)
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]


async def test_a_slash_with_no_word_after_the_add_prompts_enter_leaves_the_app_running(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # "/ /x" after the Enter raised IndexError as the prompt closed: the app stopped.
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, "/ /x")
        await until(pilot, lambda: len(app.briefing.articles) == 2 or not app.is_running)
        await app.wait_settled(SETTLE)
        assert app.is_running
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]


@pytest.mark.parametrize("key", ["?", "<"])
async def test_a_punctuation_key_after_the_add_prompts_enter_is_for_the_app(
    site: FixtureServer, make_app, key: str
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        width = app.article_list.outer_size.width
        # Only letters and digits counted as keys: "?" was added as an input.
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, key)
        if key == "?":
            await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        else:
            await until(pilot, lambda: app.article_list.outer_size.width < width)
        assert inputs(app) == [site.page("wire.html"), site.page("blog.html")]


async def test_two_adds_typed_in_one_burst_add_both_addresses(site: FixtureServer, make_app):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # The second "a" reached the first prompt's box before its Enter closed it, glued
        # to the next address: "ahttp://…" was refused as a web address it is not.
        burst(app, "a" + site.page("blog.html"), enter=True)
        burst(app, "a" + site.page("frontline.html"), enter=True)
        await until(pilot, lambda: len(app.briefing.articles) == 3)
        await app.wait_settled(SETTLE)
        assert inputs(app) == [site.page(n) for n in ("wire.html", "blog.html", "frontline.html")]
        assert all(a.error is None for a in app.briefing.articles)


def test_the_add_key_is_kept_where_the_line_reads_with_it(tmp_path, monkeypatch) -> None:
    from tui.app.screens import _without_add_key

    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text("<p>x</p>")
    (tmp_path / "apage.html").write_text("<p>y</p>")
    assert _without_add_key("ahttps://example.org/x b") == "https://example.org/x b"
    assert _without_add_key("apage.html") == "apage.html"  # a file of that name
    assert _without_add_key("another.example.org/x") == "another.example.org/x"
    assert _without_add_key("amissing.html") == "amissing.html"  # unreadable either way
    (tmp_path / "apage.html").unlink()
    assert _without_add_key("apage.html") == "page.html"


def test_a_line_under_a_folder_at_the_root_is_an_address_not_a_search() -> None:
    from tui.app.screens import _keys_for_the_app

    assert not _keys_for_the_app("/tmp/page.html")
    assert _keys_for_the_app("/Kyiv/Kursk") and _keys_for_the_app("?")
    # No word after the slash: raised IndexError as the prompt closed.
    assert _keys_for_the_app("/ /x")
    assert not _keys_for_the_app("a.htm")


async def test_a_pane_key_and_a_move_typed_in_one_burst_move_in_the_pane_chosen(
    site: FixtureServer, make_app
):
    pages = [site.page(name) for name in ("wire.html", "blog.html")]
    app = make_app(pages, analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("2")
        await until(pilot, lambda: app.focused is app.article_view)
        burst(app, "1j")  # "j" went to the text pane the "1" was leaving
        # The list's highlight moves first; the article it selects follows by a message.
        await until(pilot, lambda: app.selected == 0)
        assert app.focused is app.article_list and app.article_list.highlighted == 1


async def test_an_address_typed_in_one_burst_after_a_goes_into_the_prompt(
    site: FixtureServer, make_app
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        burst(app, "a" + site.page("blog.html"), enter=True)
        await until(pilot, lambda: len(app.briefing.articles) > 1)  # keys still arriving
        await app.wait_settled(SETTLE)
        assert [a.input for a in app.briefing.articles][1:] == [site.page("blog.html")]
        assert not isinstance(app.screen, AddUrlScreen)


def second_read(
    app: BriefingApp,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
    typed: str,
    *,
    enter: bool = False,
    kept: str = "",
) -> None:
    """A burst the terminal delivers in two reads, the second arriving just as `action`
    (what "/" or "a" runs) has moved the focus, while the keys of the first read typed
    after that key are still on their way back from the list: it is busy, and they wait
    there until the app has taken the second read. The list keeps the keys in `kept`."""
    taken = asyncio.Event()
    opening = {"search": "slash", "add": "a"}[action]

    async def busy(list_: ArticleList, event: events.Key) -> None:
        if event.key != opening:
            await taken.wait()
        if event.key in kept:
            event.stop()

    monkeypatch.setattr(ArticleList, "on_key", busy, raising=False)
    run = getattr(app, f"action_{action}")

    def then() -> None:
        run()
        burst(app, typed, enter=enter)
        app.call_later(taken.set)  # once the app has taken each key of the second read

    monkeypatch.setattr(app, f"action_{action}", then)


async def test_a_search_typed_in_two_reads_gets_every_letter_in_order_before_enter(
    site: FixtureServer, make_app, monkeypatch: pytest.MonkeyPatch
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # " defence" went straight into the box, ahead of "air" still coming back from the
        # list ("air" was typed after it: " defenceair"), and Enter could search before it.
        second_read(app, monkeypatch, "search", " defence", enter=True)
        burst(app, "/air")
        await until(pilot, lambda: app.article_view.briefing_hits is not None)
        assert app.is_running
        assert app.query_one("#search", Input).value == "air defence"
        label, hits = app.article_view.briefing_hits
        assert "air defence" in label and hits == [(0, 2, False)]


async def test_an_address_typed_in_two_reads_after_a_is_added_whole(
    site: FixtureServer, make_app, monkeypatch: pytest.MonkeyPatch
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        address = site.page("blog.html")  # "http://127.0.0.1:…/blog.html": "/" is search
        # The second read reaches the prompt before it has the focus, and before the
        # first read's "http:/" has come back from the list: it was lost or came first.
        second_read(app, monkeypatch, "add", address[6:], enter=True)
        burst(app, "a" + address[:6])
        await until(pilot, lambda: len(app.briefing.articles) > 1)
        await app.wait_settled(SETTLE)
        assert [a.input for a in app.briefing.articles][1:] == [address]
        assert not isinstance(app.screen, AddUrlScreen) and app.is_running


async def test_a_key_kept_on_its_way_back_does_not_hold_up_the_keys_after_it(
    site: FixtureServer, make_app, monkeypatch: pytest.MonkeyPatch
):
    # Keys typed after "x" wait until it is back, and it never comes back: the app follows
    # it to learn that (without the time limit, which would have let them go anyway).
    monkeypatch.setattr(main, "BEHIND_LOST_AFTER", 3600.0)
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        second_read(app, monkeypatch, "search", " defence", enter=True, kept="x")
        burst(app, "/xair")
        await until(pilot, lambda: app.article_view.briefing_hits is not None)
        assert app.query_one("#search", Input).value == "air defence"
        assert app.is_running and not app._held


async def test_keys_held_for_a_key_that_vanished_on_its_way_are_let_go_in_time(
    site: FixtureServer, make_app, monkeypatch: pytest.MonkeyPatch
):
    # What follows the keys back is lost too (as with a widget removed with them queued).
    monkeypatch.setattr(main, "BEHIND_LOST_AFTER", 0.05)
    monkeypatch.setattr(
        ArticleList, "on_behind", lambda self, message: message.stop(), raising=False
    )
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        second_read(app, monkeypatch, "search", "air defence", enter=True, kept="x")
        burst(app, "/x")  # "x" alone on its way: only the time limit lets the rest go
        await until(pilot, lambda: app.article_view.briefing_hits is not None)
        assert app.query_one("#search", Input).value == "air defence"
        assert app.is_running and not app._held


async def test_page_markup_is_shown_literally(site: FixtureServer, make_app):
    app = make_app([site.page("markup.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        text = shown(app)
        assert "[bold]Breaking[/bold]" in text
        assert "[link=https://example.org]x[/link]" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_a_pipe_that_stays_open_keeps_adding_articles(site: FixtureServer, make_app):
    queue, lines = queued_lines()
    app = make_app([], analysis=False, lines=lines)
    async with app.run_test(size=(140, 40)) as pilot:
        await queue.put(site.page("wire.html"))
        while app.briefing is None or not app.briefing.articles:
            await pilot.pause(0.05)
        await pilot.press("j")
        while app.briefing.articles[0].stage is not Stage.DONE:
            await pilot.pause(0.05)
        await pilot.press("b", "b", "k")  # keys answer while the pipe is open
        assert app.selected == BRIEFING
        await queue.put(site.page("blog.html"))
        await queue.put(None)
        await app.wait_settled(SETTLE)
        assert [a.stage for a in app.briefing.articles] == [Stage.DONE, Stage.DONE]


async def test_narrow_terminal_swaps_side_panes_in(site: FixtureServer, make_app):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.wait_settled(SETTLE)
        side = app.query_one("#side")
        reader = app.query_one("#reader")
        assert app.screen.has_class("-narrow")
        assert not side.display and reader.display
        await pilot.press("3")
        assert side.display and not reader.display
        await pilot.press("2")
        assert reader.display and not side.display


@pytest.mark.parametrize("size", [(80, 24), (160, 40)], ids=["narrow", "wide"])
async def test_tab_visits_every_pane_in_turn_and_shift_tab_goes_back(
    site: FixtureServer, make_app, size: tuple[int, int]
):
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=size) as pilot:
        await app.wait_settled(SETTLE)

        def pane() -> str | None:
            focused = app.focused
            path = [] if focused is None else [focused, *focused.ancestors]
            return next(
                (w.id for w in path if w.id in ("articles", "text", "entities", "timeline")), None
            )

        await pilot.press("1")
        seen = [pane()]
        for _ in range(4):
            await pilot.press("tab")
            seen.append(pane())
        assert seen == ["articles", "text", "entities", "timeline", "articles"]
        await pilot.press("shift+tab")
        assert pane() == "timeline"
        await pilot.press("slash", "tab")  # the search box: tab leaves it for the text
        assert pane() == "text"


# Sources and memory: read state, search across the briefing, the theme -----------------


async def _until(condition, timeout: float = SETTLE) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not reached"
        await asyncio.sleep(0.02)


def _row_title(app: BriefingApp, index: int) -> str:
    row = app.article_list.row_of(index)
    assert row is not None, f"article {index} is not listed"
    return app.article_list.rows[row].lines[0].plain


async def test_an_article_opened_is_shown_read_next_time(site: FixtureServer, make_app, tmp_path):
    from tui.app.article_list import UNREAD_MARK
    from tui.pipeline.options import CacheSettings

    pages = [site.page("wire.html"), site.page("blog.html")]
    cache = CacheSettings(str(tmp_path))
    app = make_app(pages, analysis=False, cache=cache)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await _until(lambda: len(app._read.known) == 2)
        await app.wait_settled(SETTLE)
        assert UNREAD_MARK in _row_title(app, 0) and UNREAD_MARK in _row_title(app, 1)
        await open_article(app, pilot, 0)
        await pilot.press("2")  # into the text: the reader is reading it
        assert UNREAD_MARK not in _row_title(app, 0)
        await app.workers.wait_for_complete()
    again = make_app(pages, analysis=False, cache=cache)
    async with again.run_test(size=(140, 40)):
        await again.wait_settled(SETTLE)
        await _until(lambda: len(again._read.known) == 2)
        await again.wait_settled(SETTLE)
        assert UNREAD_MARK not in _row_title(again, 0) and UNREAD_MARK in _row_title(again, 1)
        assert all(a.cached for a in again.briefing.articles)


async def test_an_article_reached_from_the_timeline_or_an_entity_is_read(
    site: FixtureServer, make_app, tmp_path: Path
):
    from tui.app.article_list import UNREAD_MARK
    from tui.pipeline.options import CacheSettings

    pages = [site.page("wire.html"), site.page("frontline.html")]
    app = make_app(pages, cache=CacheSettings(str(tmp_path)))
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await _until(lambda: len(app._read.known) == 2)
        await app.wait_settled(SETTLE)
        timeline = app.query_one(TimelinePane)
        await pilot.press("4")  # the Briefing's timeline
        reached = timeline.choices[max(timeline.choices)][0]
        timeline.highlighted = max(timeline.choices)
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        assert app.selected == reached and app.focused is not app.article_view
        assert UNREAD_MARK not in _row_title(app, reached)
        other = 1 - reached
        assert UNREAD_MARK in _row_title(app, other)
        app.select(BRIEFING)
        await app.wait_settled(SETTLE)
        entities = app.query_one(EntitiesPane)
        await pilot.press("3")
        # An entity only the other article names: its walk goes there.
        rows = sorted(entities.choices.items())
        only_there = next(k for k, (name, _) in rows if _named_only_in(app, name, other))
        entities.highlighted = only_there
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        assert app.selected == other and app.article_view.marks
        assert UNREAD_MARK not in _row_title(app, other)
        await app.workers.wait_for_complete()


def _named_only_in(app: BriefingApp, name: str, index: int) -> bool:
    """Whether only article `index` of the briefing lists an entity called `name`."""
    articles = app.briefing.articles
    naming = [i for i, a in enumerate(articles) if any(e.name == name for e in a.entities or [])]
    return naming == [index]


async def _until_stage(app: BriefingApp, pilot, index: int, stage: Stage) -> None:
    for _ in range(int(SETTLE / 0.05)):
        articles = app.briefing.articles if app.briefing else []
        if len(articles) > index and articles[index].stage is stage:
            return
        await pilot.pause(0.05)
    pytest.fail(f"article {index} never reached the {stage} stage")


async def _read_state_shown(app: BriefingApp, index: int) -> bool:
    """Once settled and its read state is known: whether article `index` shows as read."""
    from tui.app.article_list import UNREAD_MARK

    await app.wait_settled(SETTLE)
    await _until(lambda: app._read.get(index) is not None)
    await app.wait_settled(SETTLE)
    return UNREAD_MARK not in _row_title(app, index)


async def test_an_article_opened_while_analysed_is_read_now_and_next_time(
    site: FixtureServer, make_app, tmp_path: Path
):
    from tui.pipeline.options import CacheSettings

    release = tmp_path / "release"
    pages = [site.page("wire.html")]
    cache = CacheSettings(str(tmp_path / "cache"))
    app = make_app(pages, cache=cache, stages=Stages(analyse=HeldAnalyse(str(release))))
    async with app.run_test(size=(140, 40)) as pilot:
        try:
            await _until_stage(app, pilot, 0, Stage.ANALYSING)
            await pilot.press("j", "enter")  # its text is shown while it is analysed
            assert "EU ministers weigh joint borrowing" in shown(app)
        finally:
            release.write_text("go")
        await app.wait_settled(SETTLE)
        assert app.briefing.articles[0].stage is Stage.DONE
        assert await _read_state_shown(app, 0)
        await app.workers.wait_for_complete()
    again = make_app(pages, cache=cache)
    async with again.run_test(size=(140, 40)):
        assert await _read_state_shown(again, 0)


async def test_an_article_opened_before_its_text_is_read_if_still_open_when_it_arrives(
    site: FixtureServer, make_app, tmp_path: Path
):
    from tui.pipeline.options import CacheSettings

    pages = [site.url("/delay/wire.html?s=3"), site.url("/delay/blog.html?s=3")]
    app = make_app(pages, analysis=False, cache=CacheSettings(str(tmp_path)))
    async with app.run_test(size=(140, 40)) as pilot:
        await _until_stage(app, pilot, 1, Stage.FETCHING)
        await _until(lambda: app.article_list.row_count == 3)
        # Article 0 is opened and left before its text came; article 1 stays open.
        await pilot.press("j", "enter", "1", "j", "enter")
        assert app.selected == 1 and app.focused is app.article_view
        assert app.briefing.articles[1].stage is Stage.FETCHING
        assert await _read_state_shown(app, 1)
        assert not await _read_state_shown(app, 0)


async def test_a_feed_is_listed_with_its_items_under_it(site: FixtureServer, make_app):
    app = make_app([site.feed("meridian.atom")], analysis=False)
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        assert "Meridian: Europe" in _row_title(app, 0)
        assert _row_title(app, 1).startswith("  ") and _row_title(app, 2).startswith("  ")


def _listed(app: BriefingApp) -> list[int]:
    """The articles' indices in the order the list shows them."""
    return [row.key for row in app.article_list.rows[1:]]


async def test_a_feeds_items_are_listed_right_under_it_before_later_inputs(
    site: FixtureServer, make_app
):
    # The feed's items (indices 3-5: frontline, its follow-up, a 404) are added after the
    # page and the failed input given after the feed, but are listed under the feed.
    inputs = [site.feed("ledger.rss"), site.page("wire.html"), site.url("/500")]
    app = make_app(inputs, analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        assert [a.feed for a in app.briefing.articles] == [None, None, None, 0, 0, 0]
        assert _listed(app) == [0, 3, 4, 5, 1, 2]
        titles = [row.lines[0].plain for row in app.article_list.rows[1:]]
        assert [t.startswith(FEED_INDENT) for t in titles] == [False, *[True] * 3, False, False]
        # The keys walk the list as shown.
        walked = []
        for key in ("j", "j", "j", "j", "j", "j", "k", "G", "g", "end", "home"):
            await pilot.press(key)
            walked.append(app.selected)
        assert walked == [0, 3, 4, 5, 1, 2, 1, 2, BRIEFING, 2, BRIEFING]
        # A search of the briefing steps through the articles in that order too.
        await pilot.press("slash", *"defence", "enter")
        await app.wait_settled(SETTLE)
        hit = [i for i, n in enumerate(_hits(app, "defence")) if n]
        assert hit[0] == 1 and hit[1] > 2  # the page given, then a feed's item
        seen = []
        for _ in range(sum(_hits(app, "defence"))):
            await pilot.press("n")
            seen.append(app.selected)
        assert seen[0] == hit[1] and seen == sorted(seen, key=_listed(app).index)
        # The feed read again keeps its items under it, and the highlight on it.
        await pilot.press("escape", "1", "g", "j", "r")
        await app.wait_settled(SETTLE)
        assert app.selected == 0 and app.article_list.highlighted == 1
        assert _listed(app) == [0, 3, 4, 5, 1, 2]


async def test_the_article_highlighted_stays_chosen_when_a_feeds_items_are_listed_above_it(
    site: FixtureServer, make_app
):
    inputs = [site.url("/delay/feeds/ledger.rss?s=2"), site.page("wire.html"), site.url("/500")]
    app = make_app(inputs, analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await _until(lambda: app.article_list.row_count == 4)
        await pilot.press("j", "j")
        assert app.selected == 1 and app.briefing.articles[0].items is None
        await app.wait_settled(SETTLE)
        assert _listed(app) == [0, 3, 4, 5, 1, 2]  # three rows came in above it
        assert app.selected == 1 and app.article_list.highlighted == 5
        assert "EU ministers weigh joint borrowing" in shown(app)
        await pilot.press("j")
        assert app.selected == 2
        await pilot.press("k", "k")
        assert app.selected == 5


async def test_an_opml_lists_its_feeds_under_it_and_each_feeds_items_under_that_feed(
    site: FixtureServer, make_app
):
    app = make_app([site.feed("subscriptions.opml"), site.url("/500")], analysis=False)
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        articles = app.briefing.articles

        def depth(index: int) -> int:
            feed = articles[index].feed
            return 0 if feed is None else depth(feed) + 1

        listed = _listed(app)
        assert sorted(listed) == list(range(len(articles)))
        assert listed[-1] == 1  # the input given after the list, after all it holds
        for row, index in enumerate(listed):
            feed = articles[index].feed
            if feed is not None:  # under its feed, past that feed's earlier items only
                between = listed[listed.index(feed) + 1 : row]
                assert all(depth(i) > depth(feed) for i in between)
            title = app.article_list.rows[row + 1].lines[0].plain
            assert title.startswith(
                FEED_INDENT * depth(index) + STAGE_GLYPHS[articles[index].stage]
            )
        assert max(depth(i) for i in listed) == 2


def _hits(app: BriefingApp, word: str) -> list[int]:
    """How often each article says `word` (case folded)."""
    return [sum(b.text.lower().count(word) for b in a.blocks) for a in app.briefing.articles]


async def test_another_article_does_not_keep_the_last_ones_search_label(
    site: FixtureServer, make_app
):
    app = make_app([site.page("frontline.html"), site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await open_article(app, pilot, 0)
        await pilot.press("slash", *"toretsk", "enter")
        view = app.article_view
        assert "“toretsk” 1/" in str(view.border_subtitle)
        await pilot.press("1", "j")
        await app.wait_settled(SETTLE)
        assert app.selected == 1 and view.marks == []
        assert str(view.border_subtitle) == ""  # it said “toretsk” 1/2 over the other article


async def test_a_search_with_more_hits_than_it_marks_says_so(
    site: FixtureServer, make_app, monkeypatch
):
    # A one-letter query in a page that is one 9 MB word found 9 million hits; marking
    # them held the app still for 26 s. The first MAX_HITS are marked, and the counter
    # and the Briefing's list say there are more.
    from tui.app import reader

    monkeypatch.setattr(reader, "MAX_HITS", 3)
    app = make_app([site.page("frontline.html"), site.page("wire.html")], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        assert _hits(app, "e")[0] > 3
        await pilot.press("slash", "e", "enter")
        await app.wait_settled(SETTLE)
        assert "6+ hits in 2 articles" in shown(app)
        hits = app.article_view.briefing_hits
        assert hits is not None and hits[1] == [(0, 3, True), (1, 3, True)]
        await pilot.press("escape", "1", "j")
        await app.wait_settled(SETTLE)
        await pilot.press("slash", "e", "enter")
        await app.wait_settled(SETTLE)
        view = app.article_view
        assert len(view.marks) == 3
        assert str(view.border_subtitle).endswith("1/3+")
        await pilot.press("n", "n", "n")
        assert view.current == 0  # the third step wraps to the first of those marked


async def test_slash_on_briefing_searches_every_article_and_n_walks_across(
    site: FixtureServer, make_app
):
    pages = [
        site.page("frontline.html"),
        site.page("wire.html"),
        site.page("frontline_followup.html"),
    ]
    app = make_app(pages, analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        counts = _hits(app, "donetsk")
        assert counts[0] >= 1 and counts[1] == 0 and counts[2] >= 1
        assert app.selected == BRIEFING
        await pilot.press("slash", *"donetsk", "enter")
        await app.wait_settled(SETTLE)
        listing = shown(app)
        assert f"{sum(counts)} hits in 2 articles" in listing
        assert f"— {counts[0]} hit" in listing and f"— {counts[2]} hit" in listing
        seen: list[tuple[int, int]] = []
        for _ in range(sum(counts)):
            await pilot.press("n")
            await app.wait_settled(SETTLE)
            seen.append((app.selected, app.article_view.current))
        assert [i for i, _ in seen] == [0] * counts[0] + [2] * counts[2]
        assert [c for _, c in seen] == [*range(counts[0]), *range(counts[2])]
        await pilot.press("n")  # past the last hit: back to the first article's first
        await app.wait_settled(SETTLE)
        assert (app.selected, app.article_view.current) == (0, 0)
        await pilot.press("N")
        await app.wait_settled(SETTLE)
        assert (app.selected, app.article_view.current) == (2, counts[2] - 1)
        # Going to another article leaves the walk: "n" there jumped back to a hit the
        # pane no longer named.
        await pilot.press("1", "k")
        await app.wait_settled(SETTLE)
        await pilot.press("2", "n")
        await app.wait_settled(SETTLE)
        assert app.selected == 1 and app.article_view.marks == []
        assert "Nothing highlighted" in list(app._notifications)[-1].message


async def test_a_query_walked_across_articles_keeps_which_article_in_a_narrow_border(
    site: FixtureServer, make_app
):
    # Where the border is too narrow, the query's words are shortened; "(article 1/2)"
    # went with them, and the reader no longer saw which article of the walk this was.
    app = make_app([site.page("frontline.html"), site.page("frontline_followup.html")],
                   analysis=False)  # fmt: skip
    async with app.run_test(size=(50, 24)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("slash", *"donetsk", "enter")
        await app.wait_settled(SETTLE)
        await pilot.press("n")
        await app.wait_settled(SETTLE)
        border = str(app.article_view.border_subtitle)
        marks = len(app.article_view.marks)
        assert "…" in border and border.endswith(f"” (article 1/2) 1/{marks}"), border


async def test_a_merged_entitys_mentions_are_walked_across_its_articles(
    site: FixtureServer, make_app
):
    app = make_app([site.page("frontline.html"), site.page("frontline_followup.html")])
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        merged = app.merged.entities
        assert merged is not None
        shared = max((e for e in merged if len(e.counts) == 2), key=lambda e: e.count)
        pane = app.query_one(EntitiesPane)
        await pilot.press("3")
        pane.highlighted = next(i for i, (name, _) in pane.choices.items() if name == shared.name)
        await pilot.press("enter")
        await app.wait_settled(SETTLE)
        visited = [app.selected]
        for _ in range(shared.count - 1):
            await pilot.press("n")
            await app.wait_settled(SETTLE)
            visited.append(app.selected)
        assert visited == [0] * shared.counts[0] + [1] * shared.counts[1]
        assert "(article 2/2)" in str(app.article_view.border_subtitle)


async def test_the_theme_chosen_in_the_app_is_kept_for_next_time(make_app):
    import tomllib

    from tui.config import config_path

    app = make_app([], theme="nord")
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "nord"
        await pilot.pause()
        assert not config_path().exists()  # the theme given is not written back
        app.theme = "gruvbox"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert tomllib.loads(config_path().read_text())["theme"] == "gruvbox"


async def test_a_theme_picked_while_reading_recolours_every_pane(site: FixtureServer, make_app):
    app = make_app([site.page("frontline.html")])
    async with app.run_test(size=(160, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await open_article(app, pilot, 0)
        panes = [app.article_view, app.article_list, app.query_one(EntitiesPane)]

        def backgrounds() -> set[str]:
            return {
                segment.style.bgcolor.name
                for pane in panes
                for line in pane.render_lines(pane.size.region)
                for segment in line
                if segment.style is not None and segment.style.bgcolor is not None
            }

        dark = backgrounds()
        app.theme = "textual-light"
        await app.wait_settled(SETTLE)
        light = backgrounds()
        # The text stood on the dark theme's background, the list's rows too.
        assert light and not light & dark


async def test_list_updates_wait_while_keys_are_pressed_and_land_when_they_stop(
    site: FixtureServer, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.app import scheduling

    # The keys count as "still coming" for a minute, and a held draw may wait that long.
    monkeypatch.setattr(scheduling, "KEY_QUIET", 60.0)
    monkeypatch.setattr(scheduling, "MAX_HOLD", 60.0)
    release = tmp_path / "release"
    app = make_app([site.page("wire.html")], stages=Stages(analyse=HeldAnalyse(str(release))))
    async with app.run_test(size=(140, 40)) as pilot:
        for _ in range(int(SETTLE / 0.05)):
            if app.article_list.row_count > 1 and "◔" in app.article_list.row_text(1):
                break
            await pilot.pause(0.05)
        else:
            release.write_text("go")
            pytest.fail("the list never showed the article being analysed")
        await pilot.press("2")  # a key: background drawing now waits for the keys to stop
        release.write_text("go")
        for _ in range(int(SETTLE / 0.05)):
            if app.briefing.articles[0].stage is Stage.DONE:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.5)
        assert "◔" in app.article_list.row_text(1), "drawn while keys were coming"
        assert not app.settled
        monkeypatch.setattr(scheduling, "KEY_QUIET", 0.0)  # the keys have stopped
        await app.wait_settled(SETTLE)
        assert "✓" in app.article_list.row_text(1)


async def test_a_search_of_the_briefing_takes_in_articles_read_after_it(
    site: FixtureServer, make_app
):
    late = site.url("/delay/frontline.html?s=3")
    app = make_app([site.page("blog.html"), late], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await until(
            pilot,
            lambda: (
                app.briefing is not None
                and len(app.briefing.articles) == 2
                and app.briefing.articles[0].stage is Stage.DONE
            ),
        )
        assert app.briefing.articles[1].stage is not Stage.DONE
        burst(app, "/Kyiv", enter=True)
        await until(pilot, lambda: app.article_view.briefing_hits is not None)
        assert [a for a, _, _ in app.article_view.briefing_hits[1]] == [0]
        # Made once, the search kept its first hits: the article read later was never
        # searched, and `n` skipped it.
        await until(pilot, lambda: app.briefing.articles[1].stage is Stage.DONE)
        await until(pilot, lambda: len(app.article_view.briefing_hits[1]) == 2)
        assert [a for a, _, _ in app.article_view.briefing_hits[1]] == [0, 1]


async def test_a_key_right_after_a_move_in_the_list_acts_on_the_article_moved_to(
    site: FixtureServer, make_app
):
    # "j" then "r": the key reached the app before the list's word of the move, and
    # reloaded (or copied the address of) the article just left.
    app = make_app([site.page("wire.html"), site.page("blog.html")], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await open_article(app, pilot, 0)
        assert app.selected == 0
        app.article_list.focus()
        await pilot.pause()
        app.article_list.highlighted = app.article_list.row_of(1)  # its message not yet in
        assert app.current() is app.briefing.articles[1]


async def test_a_late_choice_in_the_list_leaves_the_search_box_its_focus(
    site: FixtureServer, make_app
):
    # "enter" then "/" on a huge article: the list's word of the choice came after the
    # search box had opened and took its focus; the query's letters ran as keys.
    from tui.app.rows import RowList

    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot, 0)
        app.article_list.focus()
        await pilot.press("slash")
        search = app.query_one("#search", Input)
        assert app.focused is search
        app.article_list.post_message(RowList.Chosen(app.article_list, 1))
        await pilot.pause()
        assert app.focused is search
        await pilot.press("e")
        assert search.value == "e" and not isinstance(app.screen, ExportScreen)


async def test_a_new_theme_keeps_the_search_its_place_and_the_current_hit(
    site: FixtureServer, make_app
):
    # The text is built again in the new theme's colours: it went back to the top with
    # no highlight and no counter.
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await app.wait_settled(SETTLE)
        await open_article(app, pilot, 0)
        view = app.article_view
        word = app.briefing.articles[0].blocks[-1].text.split()[0]
        view.search(word)
        view.step(-1)  # the last hit, far down
        await app.wait_settled(SETTLE)
        marks, current, top = list(view.marks), view.current, view.scroll_offset.y
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await app.wait_settled(SETTLE)
        assert view.marks == marks and view.current == current
        assert f"{current + 1}/{len(marks)}" in str(view.border_subtitle)
        assert view.scroll_offset.y == top
