"""A briefing reopened from the history in the app, offline, as `briefing open ID` does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

from tests.app.conftest import SETTLE
from tests.server import FixtureServer
from tui.app.describe import NO_LONGER_CACHED_GLYPH, NOT_READ_GLYPH
from tui.app.main import BriefingApp, create_app
from tui.pipeline import history
from tui.pipeline.cache import Cache
from tui.pipeline.model import Stage
from tui.pipeline.options import CacheSettings, Options
from tui.pipeline.session import Session

TEXT_ONLY = Options(analysis=False, workers=1)


async def _inputs(*items: str) -> AsyncIterator[str]:
    for item in items:
        yield item


async def _read(folder: Path, max_bytes: int, *pages: str) -> None:
    """A briefing of `pages` read and remembered, under a cache cap of `max_bytes`."""
    cache = Cache(folder, max_bytes=max_bytes)
    await Session(TEXT_ONLY, cache=cache, history=True).run(_inputs(*pages))
    cache.close()


async def _closed_early(folder: Path, site: FixtureServer, read: str, *slow: str) -> list[str]:
    """A briefing remembered as the reader left it: `read` read, the fixture pages `slow`
    still coming when it was closed. Returns the addresses of `slow`, served at once now."""
    import asyncio

    from tests.server import PAGES

    late = [site.host_html((PAGES / name).read_bytes()) for name in slow]
    site.first_hit_delays.update({urlsplit(url).path: 30.0 for url in late})
    cache = Cache(folder)
    session = Session(TEXT_ONLY, cache=cache, history=True)
    first = session.add(read)
    for url in late:
        session.add(url)
    for _ in range(400):
        if first is not None and first.stage is Stage.DONE:
            break
        await asyncio.sleep(0.05)
    await session.close()
    cache.close()
    return late


def _reopened(folder: Path, entry: history.Entry) -> BriefingApp:
    """The app as `briefing open ID` starts it: offline, the briefing's entry updated."""
    options = Options(concurrency=4, timeout=10.0, analysis=False, offline=True)
    reopen = history.Reopen.of(entry)
    return create_app(entry.inputs, options, cache=CacheSettings(str(folder)), reopen=reopen)


def overview_now(app: BriefingApp) -> str:
    return app.article_view.plain


def _row(app: BriefingApp, index: int) -> str:
    row = app.article_list.row_of(index)
    assert row is not None, f"article {index} is not listed"
    return app.article_list.row_text(row)


async def test_a_page_evicted_since_is_listed_by_its_title_as_no_longer_cached_not_failed(
    site: FixtureServer, tmp_path: Path
) -> None:
    mine = [site.page("wire.html"), site.page("blog.html")]
    await _read(tmp_path, 10_000_000, *mine)
    await _read(tmp_path, 1, site.page("frontline.html"))  # a small cap evicts mine
    lookup = Cache(tmp_path)
    entry = history.entries(lookup, 5)[1]
    lookup.close()
    assert entry.no_longer_cached == 2

    app = _reopened(tmp_path, entry)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # It said "2 articles · 0 done · 2 failed" over "Could not be read (2)" and two
        # bare addresses, for pages read fine and evicted since.
        overview = app.article_view.plain
        assert "2 articles · 0 done · 0 failed · 2 no longer cached" in overview
        assert "Could not be read" not in overview
        assert "No longer cached (2) — press r to read them again" in overview
        assert "1. EU ministers weigh joint borrowing" in overview
        row = _row(app, 1)
        assert row.startswith(NO_LONGER_CACHED_GLYPH)
        assert "What the Ukraine Aid Vote Says About How Congress Works Now" in row
        assert "no longer cached — press r to read it again" in row and "error" not in row

        await pilot.press("j", "j")
        await app.wait_settled(SETTLE)
        text = app.article_view.plain
        assert "What the Ukraine Aid Vote Says" in text and mine[1] in text
        assert "no longer in the cache" in text and "Press r to read it again." in text
        assert "Could not read this article" not in text

        await pilot.press("r")  # asked for: fetched, though the briefing stays offline
        await app.wait_settled(SETTLE)
        blog = app.briefing.articles[1]
        assert blog.stage is Stage.DONE and blog.error is None and blog.blocks
        assert "no longer cached" not in _row(app, 1)

        await pilot.press("g")  # on the Briefing, r reads the other one again
        await app.wait_settled(SETTLE)
        await pilot.press("r")
        await app.wait_settled(SETTLE)
        assert app.briefing.articles[0].blocks and "No longer cached" not in overview_now(app)
        # Not "Retrying 1 failed article…": it did not fail.
        toasts = [n.message for n in app._notifications]
        assert toasts[-1] == "Reading 1 article no longer cached again…"


async def test_a_page_never_read_is_listed_as_not_read_not_failed_and_r_reads_it(
    site: FixtureServer, tmp_path: Path
) -> None:
    late = await _closed_early(
        tmp_path, site, site.page("wire.html"), "blog.html", "frontline.html"
    )
    lookup = Cache(tmp_path)
    (entry,) = history.entries(lookup, 5)
    lookup.close()
    assert (entry.failed, entry.unread) == (0, 2)

    app = _reopened(tmp_path, entry)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        # It said "3 articles · 1 done · 2 failed" over "Could not be read (2)", and
        # marked both rows failed, for pages that never came.
        overview = app.article_view.plain
        assert "3 articles · 1 done · 0 failed · 2 not read" in overview
        assert "Could not be read" not in overview
        assert "Not read (2) — the briefing was closed first; press r to read them" in overview
        assert f"2. {late[0]}" in overview and f"3. {late[1]}" in overview
        row = _row(app, 1)
        assert row.startswith(NOT_READ_GLYPH) and late[0] in row and "error" not in row
        assert "not read — the briefing was closed before it came; press r to read it" in row

        await pilot.press("j", "j")
        await app.wait_settled(SETTLE)
        text = app.article_view.plain
        assert late[0] in text and history.UNREAD.message in text
        assert "Press r to read it." in text and "Could not read this article" not in text

        hits = len(site.hits)
        await pilot.press("r")  # asked for: fetched, though the briefing stays offline
        await app.wait_settled(SETTLE)
        blog = app.briefing.articles[1]
        assert blog.stage is Stage.DONE and blog.error is None and blog.blocks
        assert urlsplit(late[0]).path in [path for path, _ in site.hits[hits:]]
        assert "not read" not in _row(app, 1)

        await pilot.press("g")  # on the Briefing, r reads the other one
        await app.wait_settled(SETTLE)
        assert "3 articles · 2 done · 0 failed · 1 not read" in overview_now(app)
        await pilot.press("r")
        await app.wait_settled(SETTLE)
        assert app.briefing.articles[2].blocks and "Not read" not in overview_now(app)
        toasts = [n.message for n in app._notifications]
        assert toasts[-1] == "Reading 1 article the briefing had not read…"
    lookup = Cache(tmp_path)
    (entry,) = history.entries(lookup, 5)
    lookup.close()
    assert (entry.failed, entry.unread) == (0, 0)  # read this time: no longer said not read
