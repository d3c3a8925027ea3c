"""Highlights over a text that changes under them: a reload, or a cut of a site's template,
gives the article other paragraphs, and the offsets of a search or of an entity's mentions
named other words ("n added that crews" under "Zebulon Quartermain 1/2")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import SETTLE
from tests.pipeline.worker_tasks import HeldAnalyse
from tests.server import FixtureServer
from tui.app.analysis_panes import EntitiesPane
from tui.app.main import BriefingApp
from tui.pipeline.model import Stage
from tui.pipeline.session import Stages

HTML = "text/html; charset=utf-8"
NAME = "Zebulon Quartermain"
FIRST = (
    f"<p>{NAME}, the harbour master of Port Ellery, said on Tuesday that the convoy would "
    "leave at dawn with grain for the northern towns.</p>"
    "<p>Crews worked through the night to load the ships, and the port stayed open to "
    "fishing boats until the last lorry had gone.</p>"
    f"<p>{NAME} added that the convoy would sail again next week if the weather held, and "
    "that more ships were expected from the south.</p>"
)
# The story rewritten: a paragraph before the others, and the harbour master's words cut.
REWRITTEN = (
    "<p>Editors' note: this story was updated on Wednesday with the departure of the "
    "convoy, which had been held back by fog in the estuary for most of the morning.</p>"
    "<p>Crews worked through the night to load the ships, and the convoy left at noon "
    "with grain for the northern towns, a day later than planned.</p>"
)


def _page(body: str) -> bytes:
    head = "<head><title>Convoy leaves Port Ellery</title></head>"
    return f"<html>{head}<body><article><h1>Convoy</h1>{body}</article></body></html>".encode()


def _marked(app: BriefingApp) -> list[str]:
    """The words under each highlight in the text pane, read from the article's text."""
    view = app.article_view
    article = app.briefing.articles[app.selected]
    return [article.blocks[m.block].text[m.start : m.end] for m in view.marks]


async def _reload_as(app: BriefingApp, pilot, site: FixtureServer, key: str, body: str) -> None:
    site.hostile_pages[key] = ({"Content-Type": HTML}, _page(body))
    await pilot.press("1", "r")
    await app.wait_settled(SETTLE)


async def _walk_the_name(app: BriefingApp, pilot) -> None:
    """Open the article and highlight the harbour master's mentions from its entities."""
    await app.wait_settled(SETTLE)
    await pilot.press("j")
    await app.wait_settled(SETTLE)
    pane = app.query_one(EntitiesPane)
    await pilot.press("3")
    pane.highlighted = next(i for i, (name, _) in pane.choices.items() if name == NAME)
    await pilot.press("enter")
    await app.wait_settled(SETTLE)
    assert _marked(app) == [NAME, NAME]


async def test_a_search_in_an_article_is_made_again_when_a_reload_changes_its_text(
    site: FixtureServer, make_app
):
    key = site.host_page({"Content-Type": HTML}, _page(FIRST))
    app = make_app([site.url("/hostile/" + key)], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j", "slash", *"convoy", "enter")
        await app.wait_settled(SETTLE)
        assert _marked(app) == ["Convoy", "convoy", "convoy"]  # the headline's first
        await _reload_as(app, pilot, site, key, REWRITTEN + "<p>No convoy sails on Sunday.</p>")
        assert "Editors' note" in app.article_view.plain
        # The hits of the new text, not the old offsets over it.
        assert _marked(app) == ["Convoy", "convoy", "convoy", "convoy"]
        assert str(app.article_view.border_subtitle).endswith(" 1/4")


async def test_a_search_that_no_longer_matches_after_a_reload_says_so(
    site: FixtureServer, make_app
):
    key = site.host_page({"Content-Type": HTML}, _page(FIRST))
    app = make_app([site.url("/hostile/" + key)], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("j", "slash", *"harbour master", "enter")
        await app.wait_settled(SETTLE)
        assert _marked(app) == ["harbour master"]
        await _reload_as(app, pilot, site, key, REWRITTEN)
        assert app.article_view.marks == []
        assert str(app.article_view.border_subtitle) == "“harbour master”: no matches"


async def test_an_entitys_mentions_are_dropped_when_a_reload_removes_them(
    site: FixtureServer, make_app
):
    key = site.host_page({"Content-Type": HTML}, _page(FIRST))
    app = make_app([site.url("/hostile/" + key)])
    async with app.run_test(size=(140, 40)) as pilot:
        await _walk_the_name(app, pilot)
        await _reload_as(app, pilot, site, key, REWRITTEN)
        # Nothing highlighted: the old offsets fell on "convoy left at noon" and the like.
        assert app.article_view.marks == []
        assert NAME not in str(app.article_view.border_subtitle)
        await pilot.press("n")
        await app.wait_settled(SETTLE)
        assert app.article_view.marks == []


async def test_an_entitys_mentions_are_found_again_where_a_reload_moved_them(
    site: FixtureServer, make_app
):
    key = site.host_page({"Content-Type": HTML}, _page(FIRST))
    app = make_app([site.url("/hostile/" + key)])
    async with app.run_test(size=(140, 40)) as pilot:
        await _walk_the_name(app, pilot)
        # A paragraph before the others (after the headline): the mentions move down.
        await _reload_as(app, pilot, site, key, REWRITTEN.split("</p>")[0] + "</p>" + FIRST)
        assert _marked(app) == [NAME, NAME]
        assert [m.block for m in app.article_view.marks] == [2, 4]
        assert str(app.article_view.border_subtitle).endswith(f"{NAME} 1/2")


async def _reloaded_and_held(app: BriefingApp, pilot, site, key: str, release: Path) -> None:
    """Reload the open article as a rewritten page, and hold its analysis back: the new
    text is shown while the old analysis is all there is."""
    release.unlink()
    site.hostile_pages[key] = ({"Content-Type": HTML}, _page(REWRITTEN + FIRST))
    await pilot.press("r")
    for _ in range(int(SETTLE / 0.05)):
        if app.briefing.articles[0].stage is Stage.ANALYSING and "Editors' note" in (
            app.article_view.plain
        ):
            return
        await pilot.pause(0.05)
    pytest.fail("the reloaded article never showed its new text while analysed")


async def test_n_in_a_briefing_search_walks_the_new_text_while_it_is_analysed_again(
    site: FixtureServer, make_app, tmp_path: Path
):
    # `n` between the new text and its analysis stepped onto the old offsets: the
    # highlight sat on "Overtime di" under "“quartermain” 1/4".
    release = tmp_path / "go"
    release.write_text("go")
    key = site.host_page({"Content-Type": HTML}, _page(FIRST))
    pages = [site.url("/hostile/" + key), site.page("wire.html")]
    app = make_app(pages, stages=Stages(analyse=HeldAnalyse(str(release))))
    async with app.run_test(size=(140, 40)) as pilot:
        try:
            await app.wait_settled(SETTLE)
            await pilot.press("slash", *"quartermain", "enter")
            await app.wait_settled(SETTLE)
            await pilot.press("n")
            await app.wait_settled(SETTLE)
            assert app.selected == 0 and _marked(app) == ["Quartermain"] * 2
            await _reloaded_and_held(app, pilot, site, key, release)
            await pilot.press("n")
            await pilot.pause(0.3)
            # The new text's hits: two paragraphs before them now.
            assert app.selected == 0 and _marked(app) == ["Quartermain"] * 2
            assert {m.block for m in app.article_view.marks} == {3, 5}
        finally:
            release.write_text("go")
        await app.wait_settled(SETTLE)


async def test_n_on_an_entity_skips_an_article_analysed_again_until_its_mentions_are_back(
    site: FixtureServer, make_app, tmp_path: Path
):
    release = tmp_path / "go"
    release.write_text("go")
    key = site.host_page({"Content-Type": HTML}, _page(FIRST))
    app = make_app([site.url("/hostile/" + key)], stages=Stages(analyse=HeldAnalyse(str(release))))
    async with app.run_test(size=(140, 40)) as pilot:
        try:
            await _walk_the_name(app, pilot)
            await _reloaded_and_held(app, pilot, site, key, release)
            await pilot.press("n")
            await pilot.pause(0.3)
            # Its mentions are those of the old text: none is shown until they are found
            # again (where they were, "Editors' note: this story was…" was highlighted).
            assert app.article_view.marks == []
        finally:
            release.write_text("go")
        await app.wait_settled(SETTLE)
        await pilot.press("n")
        await app.wait_settled(SETTLE)
        assert _marked(app) and set(_marked(app)) == {NAME}
