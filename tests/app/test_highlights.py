"""Highlights over a text that changes under them: a reload, or a cut of a site's template,
gives the article other paragraphs, and the offsets of a search or of an entity's mentions
named other words ("n added that crews" under "Zebulon Quartermain 1/2")."""

from __future__ import annotations

from tests.app.conftest import SETTLE
from tests.server import FixtureServer
from tui.app.analysis_panes import EntitiesPane
from tui.app.main import BriefingApp

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
