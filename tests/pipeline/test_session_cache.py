"""A session with a cache: pages read before open without the network, results are
reused by pipeline version, and a refresh fetches again."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.server import FixtureServer, serve
from tui.pipeline import history
from tui.pipeline.cache import CACHE_FILE, Cache
from tui.pipeline.identity import input_key
from tui.pipeline.model import ErrorKind, Stage
from tui.pipeline.options import Options
from tui.pipeline.session import Session

TEXT_ONLY = Options(analysis=False, workers=1)


@pytest.fixture
def own_site() -> Iterator[FixtureServer]:
    """A server of this test's own, which the test may stop."""
    yield from serve()


async def _inputs(*items: str) -> AsyncIterator[str]:
    for item in items:
        yield item


async def _run(folder: Path, *inputs: str, options: Options = TEXT_ONLY, version: str = "t1"):
    cache = Cache(folder, version=version)
    session = Session(options, cache=cache)
    await session.run(_inputs(*inputs))
    cache.close()
    return session


def _page_hits(site: FixtureServer) -> int:
    return sum(path.startswith("/pages/") for path, _ in site.hits)


async def _reopened(cache: Cache, entry: history.Entry) -> Session:
    """The briefing `entry` records, reopened from the history: offline, text only."""
    again = Session(
        Options(analysis=False, workers=1, offline=True),
        cache=cache,
        reopen=history.Reopen.of(entry),
    )
    await again.run(_inputs(*entry.inputs))
    return again


async def test_a_cached_briefing_reopens_with_the_server_stopped(tmp_path: Path) -> None:
    server = serve()
    site = next(server)
    names = ("frontline.html", "wire.html", "blog.html", "no_article.html")
    pages = [site.page(name) for name in names]
    first = await _run(tmp_path, *pages, options=Options(workers=1))
    server.close()  # the server is gone: only the cache can answer now

    again = await _run(tmp_path, *pages, options=Options(workers=1))
    *read, empty = again.briefing.articles
    assert read[2].comments  # the blog's readers' comments come back from the cache too
    for now, then in zip(read, first.briefing.articles, strict=False):
        assert now.stage is Stage.DONE and now.cached and not then.cached
        assert now.blocks == then.blocks and now.removed == then.removed
        assert now.comments == then.comments
        assert now.metadata == then.metadata and now.entities == then.entities
        assert now.timeline == then.timeline and now.url == then.url
    # A page with no article is remembered as such: it fails at once, offline too.
    assert empty.error is not None and empty.error.kind is ErrorKind.NO_ARTICLE


async def test_a_new_pipeline_version_recomputes_from_the_stored_page(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    url = own_site.page("wire.html")
    first = await _run(tmp_path, url, version="v1")
    fetched = _page_hits(own_site)
    again = await _run(tmp_path, url, version="v2")
    assert _page_hits(own_site) == fetched  # not fetched again
    (article,) = again.briefing.articles
    assert article.cached and article.blocks == first.briefing.articles[0].blocks
    versions = sqlite3.connect(tmp_path / CACHE_FILE).execute(
        "SELECT version FROM results WHERE stage = 'read' ORDER BY version"
    )
    assert [v for (v,) in versions] == ["v1", "v2"]  # read again, and stored for v2


async def test_a_page_whose_stored_copy_is_damaged_is_fetched_again_and_says_when(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    url = own_site.page("wire.html")
    await _run(tmp_path, url, version="v1")
    conn = sqlite3.connect(tmp_path / CACHE_FILE)
    conn.execute("UPDATE pages SET body = x'0011', fetched_at = '2001-01-01T00:00:00+00:00'")
    conn.commit()
    conn.close()
    fetched = _page_hits(own_site)
    again = await _run(tmp_path, url, version="v2")  # its read result is not cached: v2
    (article,) = again.briefing.articles
    assert _page_hits(own_site) == fetched + 1 and not article.cached and article.blocks
    # When this copy was fetched, not the damaged one's date (it had been kept).
    assert article.fetched_at is not None and not article.fetched_at.startswith("2001")


async def test_refresh_fetches_again(tmp_path: Path, own_site: FixtureServer) -> None:
    url = own_site.page("wire.html")
    await _run(tmp_path, url)
    fetched = _page_hits(own_site)
    session = await _run(tmp_path, url, options=Options(analysis=False, workers=1, refresh=True))
    assert _page_hits(own_site) == fetched + 1
    assert not session.briefing.articles[0].cached


async def test_reloading_an_article_fetches_it_again(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    url = own_site.page("wire.html")
    await _run(tmp_path, url)
    fetched = _page_hits(own_site)
    cache = Cache(tmp_path, version="t1")
    session = Session(TEXT_ONLY, cache=cache)
    try:
        (article,) = [session.add(url)]
        await session.join()
        assert article.cached and _page_hits(own_site) == fetched
        assert session.reload(article)
        await session.join()
        assert not article.cached and _page_hits(own_site) == fetched + 1
    finally:
        await session.close()
        cache.close()


async def test_offline_a_page_not_in_the_cache_is_an_error_in_words(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    options = Options(analysis=False, workers=1, offline=True)
    session = await _run(tmp_path, own_site.page("wire.html"), options=options)
    (article,) = session.briefing.articles
    assert article.error is not None and article.error.kind is ErrorKind.NOT_CACHED
    assert "no longer in the cache" in article.error.message
    assert _page_hits(own_site) == 0


async def test_without_a_cache_nothing_is_marked_cached(own_site: FixtureServer) -> None:
    session = Session(TEXT_ONLY)
    await session.run(_inputs(own_site.page("wire.html")))
    assert not session.briefing.articles[0].cached


async def test_a_local_file_is_read_from_disk_each_time(tmp_path: Path) -> None:
    from tests.server import PAGES

    page = tmp_path / "saved.html"
    page.write_bytes((PAGES / "wire.html").read_bytes())
    first = await _run(tmp_path / "cache", str(page))
    assert first.briefing.articles[0].blocks
    page.write_bytes((PAGES / "blog.html").read_bytes())  # the reader saved another page there
    again = await _run(tmp_path / "cache", str(page))
    (article,) = again.briefing.articles
    assert not article.cached
    assert article.metadata.title != first.briefing.articles[0].metadata.title


async def _read_one(session: Session, url: str):
    article = session.add(url)
    assert article is not None
    await session.join()
    return article


async def test_reloading_a_page_that_now_answers_404_keeps_the_copy_read_before(
    own_site: FixtureServer,
) -> None:
    from tests.server import PAGES

    url = own_site.host_html((PAGES / "wire.html").read_bytes())
    session = Session(Options(workers=1))
    try:
        article = await _read_one(session, url)
        blocks, entities, fetched_at = article.blocks, article.entities, article.fetched_at
        assert blocks and entities
        own_site.hostile_pages.clear()  # the page is gone: 404 from now on
        assert session.reload(article)
        await session.join()
        assert article.stage is Stage.DONE and article.error is None
        assert article.blocks == blocks and article.entities == entities
        assert article.fetched_at == fetched_at  # still the copy read before, and said so
        assert article.reload_error is not None
        assert article.reload_error.kind is ErrorKind.HTTP_STATUS
        assert "404" in article.reload_error.message
    finally:
        await session.close()


async def test_reloading_with_the_server_gone_keeps_the_copy_and_says_why(tmp_path: Path) -> None:
    server = serve()
    site = next(server)
    cache = Cache(tmp_path, version="t1")
    session = Session(TEXT_ONLY, cache=cache)
    try:
        article = await _read_one(session, site.page("wire.html"))
        title = article.metadata.title
        server.close()
        assert session.reload(article)
        await session.join()
        assert article.stage is Stage.DONE and article.metadata.title == title
        assert article.reload_error is not None
        assert article.reload_error.kind is ErrorKind.CONNECTION
    finally:
        await session.close()
        cache.close()


async def test_a_page_that_now_shows_no_article_keeps_the_copy_read_before(
    own_site: FixtureServer,
) -> None:
    from tests.server import PAGES

    url = own_site.host_html((PAGES / "wire.html").read_bytes())
    session = Session(TEXT_ONLY)
    try:
        article = await _read_one(session, url)
        blocks = article.blocks
        key = url.rsplit("/", 1)[1]
        own_site.hostile_pages[key] = ({"Content-Type": "text/html"}, b"<html><body></body></html>")
        assert session.reload(article)
        await session.join()
        assert article.blocks == blocks
        assert article.reload_error is not None
        assert article.reload_error.kind is ErrorKind.NO_ARTICLE
    finally:
        await session.close()


async def test_a_reload_that_reads_the_page_replaces_the_copy_and_the_failure_before_it(
    own_site: FixtureServer,
) -> None:
    from tests.server import PAGES

    url = own_site.host_html((PAGES / "wire.html").read_bytes())
    key = url.rsplit("/", 1)[1]
    session = Session(TEXT_ONLY)
    try:
        article = await _read_one(session, url)
        first_title = article.metadata.title
        saved = own_site.hostile_pages.pop(key)
        session.reload(article)
        await session.join()
        assert article.reload_error is not None
        own_site.hostile_pages[key] = (saved[0], (PAGES / "blog.html").read_bytes())
        session.reload(article)
        await session.join()
        assert article.reload_error is None and article.error is None
        assert article.metadata.title and article.metadata.title != first_title
    finally:
        await session.close()


async def test_a_failed_article_that_fails_again_shows_the_new_failure(
    own_site: FixtureServer,
) -> None:
    session = Session(TEXT_ONLY)
    try:
        article = await _read_one(session, own_site.url("/hostile/none-yet"))
        assert article.error is not None and article.error.kind is ErrorKind.HTTP_STATUS
        own_site.hostile_pages["none-yet"] = ({"Content-Type": "text/html"}, b"<p></p>")
        session.reload(article)
        await session.join()
        assert article.error is not None and article.error.kind is ErrorKind.NO_ARTICLE
        assert article.reload_error is None  # nothing was kept: the error is the article's own
    finally:
        await session.close()


async def test_reloading_a_duplicate_whose_page_now_fails_keeps_it_a_duplicate(
    own_site: FixtureServer,
) -> None:
    from tests.server import PAGES

    body = (PAGES / "wire.html").read_bytes()
    first, second = own_site.host_html(body), own_site.host_html(body)
    session = Session(TEXT_ONLY)
    try:
        await _read_one(session, first)
        copy = await _read_one(session, second)
        assert copy.duplicate_of == 0
        own_site.hostile_pages.pop(second.rsplit("/", 1)[1])
        assert session.reload(copy)
        await session.join()
        # It became an error "Could not read this article" and a failure on the Briefing.
        assert copy.duplicate_of == 0 and copy.error is None and copy.stage is Stage.DONE
        assert copy.reload_error is not None and copy.reload_error.kind is ErrorKind.HTTP_STATUS
    finally:
        await session.close()


async def test_in_a_briefing_kept_offline_what_the_reader_asks_for_is_fetched(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    url, other = own_site.page("wire.html"), own_site.page("blog.html")
    await _run(tmp_path, url)
    cache = Cache(tmp_path, version="t1")
    session = Session(Options(analysis=False, workers=1, offline=True), cache=cache)
    try:
        article = await _read_one(session, url)
        fetched = _page_hits(own_site)
        assert article.cached and article.error is None
        # "r" said it was reloading, then failed with "not in the cache" and fetched nothing.
        assert session.reload(article)
        await session.join()
        assert article.reload_error is None and not article.cached
        assert _page_hits(own_site) == fetched + 1
        # The add prompt's address is fetched; one the history brings back is not.
        added = session.add(other, online=True)
        await session.join()
        assert added is not None and added.error is None and added.blocks
        kept = session.add(own_site.page("frontline.html"))
        await session.join()
        assert kept is not None and kept.error is not None
        assert kept.error.kind is ErrorKind.NOT_CACHED
    finally:
        await session.close()
        cache.close()


async def test_a_reopened_briefing_keeps_its_history_line_until_it_is_read_again(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    import asyncio

    from tui.pipeline import history

    pages = (own_site.page("wire.html"), own_site.url("/slow?s=30"), own_site.url("/404"))
    cache = Cache(tmp_path)
    first = Session(Options(analysis=False, workers=1, timeout=1.0), cache=cache, history=True)
    await first.run(_inputs(*pages))
    before = history.entry(cache, 1)
    assert before is not None and before.failed == 2 and len(before.titles) == 1

    again = Session(TEXT_ONLY, cache=cache, history=True, reopen=history.Reopen.of(before))
    for page in pages:
        again.add(page)
    read, *_ = again.briefing.articles
    while read.stage is not Stage.DONE:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)  # time enough to write a line, were one written mid-way
    assert history.entry(cache, 1) == before  # another instance listing it sees it whole
    await again.close()
    after = history.entry(cache, 1)
    assert after is not None and after.titles == before.titles and after.failed == 2
    cache.close()


async def test_the_history_keeps_up_while_a_briefing_is_read_and_says_what_was_not(
    tmp_path: Path,
) -> None:
    import asyncio

    from tui.pipeline import history

    server = serve()
    own = next(server)
    pages = (own.page("wire.html"), own.url("/delay/blog.html?s=0.5"), own.url("/slow?s=30"))
    cache = Cache(tmp_path)
    session = Session(TEXT_ONLY, cache=cache, history=True)
    for page in pages:
        session.add(page)
    for _ in range(200):  # a run killed now would leave this line: it must be up to date
        entry = history.entry(cache, 1)
        if entry is not None and len(entry.titles) == 2:
            break
        await asyncio.sleep(0.05)
    assert entry is not None and len(entry.titles) == 2 and entry.unread == 1
    await session.close()  # the reader quits with the slow page still coming
    server.close()

    (entry,) = history.entries(cache, 5)
    again = await _reopened(cache, entry)
    *read, slow = again.briefing.articles
    assert all(a.blocks for a in read)
    assert slow.error is not None and slow.error.kind is ErrorKind.NOT_CACHED
    assert slow.error == history.UNREAD  # said once, not "so it went…" after it
    cache.close()


async def test_a_page_fetched_but_not_analysed_when_the_briefing_closed_is_not_said_not_read(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    import asyncio

    from tests.pipeline import worker_tasks as tasks
    from tui.pipeline import history
    from tui.pipeline.session import Stages

    cache = Cache(tmp_path)
    stages = Stages(analyse=tasks.slow_analyse)
    session = Session(Options(workers=1), cache=cache, history=True, stages=stages)
    article = session.add(own_site.page("wire.html"))
    slow = session.add(own_site.url("/slow?s=30"))
    assert article is not None and slow is not None
    for _ in range(400):
        if article.stage is Stage.ANALYSING:
            break
        await asyncio.sleep(0.05)
    assert article.stage is Stage.ANALYSING and slow.stage is Stage.FETCHING
    await session.close()  # the reader quits: one page is in the cache, one never came

    (entry,) = history.entries(cache, 5)
    # It said "2 not read", yet the fetched page came back in full when reopened.
    assert entry.unread == 1 and list(entry.failures) == [slow.input]
    assert "2 articles, 1 not read" in history.listing([entry])[0]
    again = await _reopened(cache, entry)
    read, unread = again.briefing.articles
    assert read.error is None and read.blocks and read.cached
    assert unread.error == history.UNREAD
    cache.close()


async def test_a_page_read_then_evicted_says_it_is_no_longer_in_the_cache(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    from tui.pipeline import history

    pages = (own_site.page("wire.html"), own_site.page("blog.html"))
    cache = Cache(tmp_path, version="t1")
    first = Session(TEXT_ONLY, cache=cache, history=True)
    await first.run(_inputs(*pages))
    cache.close()
    with sqlite3.connect(tmp_path / CACHE_FILE) as conn:  # as the size cap leaves it
        conn.execute("DELETE FROM pages WHERE url = ?", (pages[1],))
    cache = Cache(tmp_path, version="t1")
    (entry,) = history.entries(cache, 5)
    again = await _reopened(cache, entry)
    kept, evicted = again.briefing.articles
    assert kept.error is None and evicted.error is not None
    # It said "This page is not in the cache, …" of a page the briefing had read.
    assert evicted.error.message == history.EVICTED
    assert evicted.error.message.startswith("This page is no longer in the cache")
    cache.close()


async def test_a_reopened_briefing_gives_every_article_the_index_it_had(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    import asyncio

    from tui.pipeline import history

    cache = Cache(tmp_path, version="t1")
    first = Session(TEXT_ONLY, cache=cache, history=True)
    given = (own_site.page("wire.html"), own_site.feed("ledger.rss"), own_site.page("blog.html"))
    for input in given:  # the feed is read after the input given after it
        first.add(input)
    feed = first.briefing.articles[1]
    for _ in range(400):
        if feed.items is not None:
            break
        await asyncio.sleep(0.05)
    assert feed.items == [3, 4, 5]
    first.add(own_site.page("markup.html"), online=True)  # the add prompt, afterwards
    await first.join()
    await first.close()
    then = [(a.input, a.feed, a.items) for a in first.briefing.articles]
    assert then[6][0] == own_site.page("markup.html")

    (entry,) = history.entries(cache, 5)
    again = await _reopened(cache, entry)
    # The feed's items came after every input, the added address before them: 3 to 6
    # all moved, and a script joining two exports by index paired other articles.
    assert [(a.input, a.feed, a.items) for a in again.briefing.articles] == then
    titles = [a.metadata.title for a in again.briefing.articles]
    assert titles == [a.metadata.title for a in first.briefing.articles]
    cache.close()


# ------------------------------------------------------------- the size cap and a briefing


async def _remembered(folder: Path, max_bytes: int, *pages: str) -> None:
    """A briefing of `pages` read and remembered in the history, under a cap of `max_bytes`."""
    cache = Cache(folder, max_bytes=max_bytes, version="t1")
    session = Session(TEXT_ONLY, cache=cache, history=True)
    await session.run(_inputs(*pages))
    cache.close()


async def _reopen_newest_but(folder: Path, max_bytes: int, skip: int = 0) -> Session:
    """`briefing open` as the command does it under a cap of `max_bytes`: one cache to find
    the briefing in the history, closed, then another to reopen it."""
    lookup = Cache(folder, max_bytes=max_bytes, version="t1")
    entry = history.entries(lookup, 5)[skip]
    lookup.close()
    cache = Cache(folder, max_bytes=max_bytes, version="t1")
    again = await _reopened(cache, entry)
    cache.close()
    return again


def _whole(session: Session) -> bool:
    return all(a.error is None and a.blocks and a.cached for a in session.briefing.articles)


async def test_a_briefing_larger_than_the_cap_keeps_its_pages_and_reopens_whole(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    pages = [own_site.page(name) for name in ("frontline.html", "wire.html", "blog.html")]
    await _remembered(tmp_path, 1, *pages)  # a cap smaller than any one page
    own_site.shutdown()  # only the cache can answer now

    again = await _reopen_newest_but(tmp_path, 1)
    assert len(again.briefing.articles) == 3 and _whole(again)


async def test_reopening_under_a_lowered_cap_evicts_other_briefings_not_its_own(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    mine = [own_site.page(name) for name in ("frontline.html", "wire.html")]
    other = own_site.page("blog.html")
    await _remembered(tmp_path, 10_000_000, *mine)
    await _remembered(tmp_path, 10_000_000, other)
    own_site.shutdown()

    again = await _reopen_newest_but(tmp_path, 1, skip=1)  # the older one, mine
    assert len(again.briefing.articles) == 2 and _whole(again)
    cache = Cache(tmp_path, version="t1")
    assert all(cache.page_ref(input_key(page)) is not None for page in mine)
    assert cache.page_ref(input_key(other)) is None  # the other briefing went first
    cache.close()
    # Reopened again, still whole: the cap applied after the reopen kept its pages.
    assert _whole(await _reopen_newest_but(tmp_path, 1, skip=1))


def _pages_as_stored(folder: Path) -> list[tuple[str, float]]:
    with sqlite3.connect(folder / CACHE_FILE) as conn:
        return conn.execute("SELECT key, used FROM pages ORDER BY key").fetchall()


async def test_the_history_says_which_pages_a_later_run_evicted_and_only_looks(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    mine = [own_site.page(name) for name in ("frontline.html", "wire.html")]
    await _remembered(tmp_path, 10_000_000, *mine)
    await _remembered(tmp_path, 1, own_site.page("blog.html"))  # evicts mine for its own
    before = _pages_as_stored(tmp_path)
    assert [key for key, _ in before] == [input_key(own_site.page("blog.html"))]

    lookup = Cache(tmp_path, max_bytes=1, version="t1")  # `briefing history`, cap lowered
    newest, older = history.listing(history.entries(lookup, 5))
    lookup.close()
    # It listed "2 articles", saying nothing of their pages being gone.
    assert "2 articles, 2 no longer cached" in older
    assert "1 article " in newest and "no longer" not in newest
    assert _pages_as_stored(tmp_path) == before  # nothing marked used, written or evicted


async def test_reopening_a_briefing_whose_pages_were_evicted_counts_none_failed(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    mine = [own_site.page(name) for name in ("frontline.html", "wire.html")]
    await _remembered(tmp_path, 10_000_000, *mine)
    await _remembered(tmp_path, 1, own_site.page("blog.html"))
    own_site.shutdown()

    cache = Cache(tmp_path, max_bytes=1, version="t1")  # `briefing open 2`
    entry = history.entries(cache, 5)[1]
    again = Session(
        Options(analysis=False, workers=1, offline=True),
        cache=cache,
        history=True,
        reopen=history.Reopen.of(entry),
    )
    await again.run(_inputs(*entry.inputs))
    cache.close()
    errors = [a.error.message if a.error else None for a in again.briefing.articles]
    assert errors == [history.EVICTED] * 2

    cache = Cache(tmp_path, max_bytes=1, version="t1")
    now = history.entries(cache, 5)[1]
    cache.close()
    # The reopen wrote "2 articles, 2 failed" of pages that had been read fine.
    assert (now.id, now.failed, now.unread, now.no_longer_cached) == (entry.id, 0, 0, 2)
    assert "2 articles, 2 no longer cached" in history.listing([now])[0]


async def test_a_page_read_then_evicted_is_no_longer_cached_by_the_title_it_had(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    pages = (own_site.page("wire.html"), own_site.page("blog.html"))
    await _remembered(tmp_path, 10_000_000, *pages)
    read = await _reopen_newest_but(tmp_path, 10_000_000)
    await _remembered(tmp_path, 1, own_site.page("frontline.html"))  # evicts both
    own_site.shutdown()

    again = await _reopen_newest_but(tmp_path, 1, skip=1)
    # Typed as a failure ("not_cached", status "error", counted failed) with no title, no
    # address and no fetch time, though the briefing had read it.
    for now, then in zip(again.briefing.articles, read.briefing.articles, strict=True):
        assert now.error is not None and now.error.kind is ErrorKind.NO_LONGER_CACHED
        assert now.status == "no_longer_cached" and not now.blocks
        assert now.metadata.title == then.metadata.title and now.metadata.title
        assert (now.url, now.fetched_at) == (then.url, then.fetched_at)
    tally = again.briefing.tally()
    assert (tally.read, tally.failed, tally.no_longer_cached) == (0, 0, 2)
    assert tally.words() == "2 articles, 0 read, 0 failed, 2 no longer cached"


async def _kept_reopened(cache: Cache, read_again: bool = False) -> Session:
    """The newest briefing reopened offline and remembered again, as `briefing open`
    does; with `read_again`, every page it has no copy of is asked for (`r`) and read."""
    (entry,) = history.entries(cache, 5)
    offline = Options(analysis=False, workers=1, offline=True)
    again = Session(offline, cache=cache, history=True, reopen=history.Reopen.of(entry))
    for input in entry.inputs:
        again.add(input)
    await again.join()
    if read_again:
        for article in again.briefing.articles:
            if article.status in ("not_read", "no_longer_cached"):
                assert again.reload(article)
        await again.join()
    await again.close()
    return again


async def test_a_page_never_read_stays_not_read_not_failed_through_reopens_until_it_is_read(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    import asyncio

    pages = (own_site.page("wire.html"), own_site.page("blog.html"), own_site.url("/404"))
    own_site.first_hit_delays["/pages/blog.html"] = 30.0  # still coming when the reader quits
    cache = Cache(tmp_path)
    first = Session(TEXT_ONLY, cache=cache, history=True)
    wire, blog, missing = (first.add(page) for page in pages)
    for _ in range(400):
        if wire.stage is Stage.DONE and missing.stage is Stage.ERROR:
            break
        await asyncio.sleep(0.05)
    assert blog is not None and blog.stage is Stage.FETCHING
    await first.close()

    for _ in range(2):  # reopened and closed with the page still not read, twice
        again = await _kept_reopened(cache)
        never = again.briefing.articles[1]
        # It was status "error", "3 articles, 1 read, 2 failed" (the history said 1 failed).
        assert never.status == "not_read" and never.error == history.UNREAD
        assert again.briefing.tally().words() == "3 articles, 1 read, 1 failed, 1 not read"
        (entry,) = history.entries(cache, 5)
        assert (entry.failed, entry.unread) == (1, 1)
        assert "3 articles, 1 failed, 1 not read" in history.listing([entry])[0]

    read = await _kept_reopened(cache, read_again=True)  # `r`: fetched, offline as it is
    assert read.briefing.articles[1].status == "ok" and read.briefing.articles[1].blocks
    (entry,) = history.entries(cache, 5)
    assert (entry.failed, entry.unread, entry.failures.keys()) == (1, 0, {pages[2]})
    assert "3 articles, 1 failed  " in history.listing([entry])[0]  # and no more
    own_site.shutdown()
    after = await _kept_reopened(cache)  # read from the cache now, not said not read
    assert [a.status for a in after.briefing.articles] == ["ok", "ok", "error"]
    assert after.briefing.tally().words() == "3 articles, 2 read, 1 failed"
    (entry,) = history.entries(cache, 5)
    assert (entry.failed, entry.unread) == (1, 0)
    cache.close()


async def test_an_address_added_to_a_reopened_briefing_and_closed_before_it_came_is_not_read(
    tmp_path: Path, own_site: FixtureServer
) -> None:
    import asyncio

    wire, blog = own_site.page("wire.html"), own_site.page("blog.html")
    own_site.first_hit_delays["/pages/blog.html"] = 30.0  # still coming when the reader quits
    cache = Cache(tmp_path)
    first = Session(TEXT_ONLY, cache=cache, history=True)
    first.add(wire)
    await first.join()
    await first.close()
    (entry,) = history.entries(cache, 5)
    offline = Options(analysis=False, workers=1, offline=True)
    reopened = Session(offline, cache=cache, history=True, reopen=history.Reopen.of(entry))
    for input in entry.inputs:
        reopened.add(input)
    await reopened.join()
    added = reopened.add(blog, online=True)  # `a` in the reopened briefing
    for _ in range(400):
        if added is not None and added.stage is Stage.FETCHING:
            break
        await asyncio.sleep(0.05)
    assert added is not None and added.stage is Stage.FETCHING
    await reopened.close()

    for _ in range(2):  # reopened and closed with the page still not read, twice
        again = await _kept_reopened(cache)
        never = again.briefing.articles[1]
        # It was "no longer cached", with no title, and the history counted it nowhere.
        assert never.status == "not_read" and never.error == history.UNREAD
        assert again.briefing.tally().words() == "2 articles, 1 read, 0 failed, 1 not read"
        (entry,) = history.entries(cache, 5)
        assert (entry.failed, entry.unread, entry.no_longer_cached) == (0, 1, 0)
        assert "2 articles, 1 not read" in history.listing([entry])[0]

    read = await _kept_reopened(cache, read_again=True)  # `r`: fetched, offline as it is
    assert read.briefing.articles[1].status == "ok"
    (entry,) = history.entries(cache, 5)
    assert (entry.failed, entry.unread, entry.failures) == (0, 0, {})
    cache.close()


async def test_cached_results_are_decoded_and_stored_off_the_event_loop(
    tmp_path: Path, own_site: FixtureServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long article's result takes seconds to decode or encode: on the event loop, the
    # app would not answer a key meanwhile.
    import threading

    from tui.pipeline import codec, session

    where: list[bool] = []
    real_decode, real_encode = session._DECODERS["read"], codec.encode

    def decode(data: object) -> object:
        where.append(threading.current_thread() is threading.main_thread())
        return real_decode(data)

    def encode(value: object) -> bytes:
        where.append(threading.current_thread() is threading.main_thread())
        return real_encode(value)

    monkeypatch.setitem(session._DECODERS, "read", decode)
    monkeypatch.setattr(codec, "encode", encode)
    url = own_site.page("frontline.html")
    await _run(tmp_path, url)  # read, and stored
    again = await _run(tmp_path, url)  # decoded from the cache
    assert again.briefing.articles[0].stage is Stage.DONE
    assert where and not any(where)
