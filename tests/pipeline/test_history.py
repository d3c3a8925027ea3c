"""The history of briefings, kept in the cache file."""

from __future__ import annotations

from pathlib import Path

from tui.pipeline import history
from tui.pipeline.briefing import Briefing
from tui.pipeline.cache import Cache
from tui.pipeline.feeds import Expansion, FeedItem
from tui.pipeline.model import ArticleError, Block, BlockKind, ErrorKind, Metadata, Stage


def _briefing() -> Briefing:
    briefing = Briefing()
    feed = briefing.add("https://news.example/feed.xml")
    feed.feed_kind, feed.items = "rss", [1]
    item = briefing.add("https://news.example/a")
    item.feed, item.metadata = 0, Metadata(title="Strikes on the grid")
    item.stage = Stage.DONE
    bad = briefing.add("https://news.example/gone")
    bad.error = ArticleError(ErrorKind.HTTP_STATUS, "gone")
    return briefing


def test_a_briefing_is_remembered_with_inputs_titles_and_feed_items(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    expansion = Expansion("rss", "Desk", "https://news.example/feed.xml",
                          [FeedItem("https://news.example/a", "A", None)])  # fmt: skip
    data = history.snapshot(_briefing(), {"https://news.example/feed.xml": expansion})
    id = history.remember(cache, None, data)
    (entry,) = history.entries(cache, 10)
    assert entry.id == id
    assert entry.inputs == ["https://news.example/feed.xml", "https://news.example/gone"]
    assert entry.titles == ["Strikes on the grid"]
    assert entry.articles == 2 and entry.failed == 1
    assert entry.expansions == {"https://news.example/feed.xml": expansion}
    assert history.remember(cache, id, data | {"titles": ["Changed"]}) == id
    assert history.entry(cache, id).titles == ["Changed"]


def test_only_the_newest_briefings_are_kept(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(history, "MAX_BRIEFINGS", 3)
    cache = Cache(tmp_path)
    ids = [history.remember(cache, None, {"inputs": [f"u{n}"]}) for n in range(5)]
    assert [e.id for e in history.entries(cache, 10)] == ids[:1:-1]


def test_a_briefing_whose_entry_a_run_beside_it_trimmed_is_remembered_anew(
    tmp_path: Path, monkeypatch
) -> None:
    # The oldest briefing, reopened, lost its entry to another run's trimming; what was
    # added to it afterwards (an address given with `a`) was then in no entry at all.
    monkeypatch.setattr(history, "MAX_BRIEFINGS", 2)
    cache = Cache(tmp_path)
    reopened = history.remember(cache, None, {"inputs": ["u0"]})
    beside = Cache(tmp_path)  # another process's runs, each adding a briefing
    for n in (1, 2):
        history.remember(beside, None, {"inputs": [f"u{n}"]})
    beside.close()
    assert reopened is not None and history.entry(cache, reopened) is None  # trimmed
    again = history.remember(cache, reopened, {"inputs": ["u0", "added"]})
    assert again is not None and again != reopened
    assert history.entry(cache, again).inputs == ["u0", "added"]


def test_the_listing_never_carries_escape_sequences(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    history.remember(cache, None, {"inputs": ["x"], "titles": ["\x1b]0;pwned\x07Title\x1b[2J"]})
    (line,) = history.listing(history.entries(cache, 10))
    assert "\x1b" not in line and "\x07" not in line and "Title" in line


def test_a_damaged_row_is_listed_as_damaged_not_skipped_nor_a_crash(tmp_path: Path) -> None:
    import sqlite3

    cache = Cache(tmp_path)
    damaged = [cache.add_briefing("2026-01-01T00:00:00+00:00", {"no": "inputs"})]
    good = history.remember(cache, None, {"inputs": ["u"], "expansions": {"k": {"items": 3}}})
    cache.close()
    with sqlite3.connect(tmp_path / "briefing.sqlite3") as conn:  # as another tool left it
        for data in ("not json", "[]", "{}", "null", 5, b"\xff", "[" * 100_000, '{"inputs": 5}'):
            row = conn.execute("INSERT INTO briefings(opened_at, data) VALUES ('t', ?)", (data,))
            damaged.append(row.lastrowid)
    cache = Cache(tmp_path)
    found = history.entries(cache, 20)
    assert [e.id for e in found if e.damaged] == damaged[::-1]
    (entry,) = [e for e in found if not e.damaged]
    assert entry.id == good and entry.expansions == {}
    lines = history.listing(found)
    assert len(lines) == 10 and sum(history.DAMAGED in line for line in lines) == 9
    assert all(history.entry(cache, id).damaged for id in damaged)


def test_odd_fields_of_a_damaged_row_read_as_empty(tmp_path: Path) -> None:
    import sqlite3

    cache = Cache(tmp_path)
    ids = [history.remember(cache, None, {"inputs": ["u"], "titles": t}) for t in (5, None)]
    at_the_edge = history.remember(cache, None, {"inputs": ["v"]})
    cache.close()
    with sqlite3.connect(tmp_path / "briefing.sqlite3") as conn:  # as another tool left it
        conn.execute("UPDATE briefings SET opened_at = ? WHERE id = ?", (b"\x00", ids[0]))
        conn.execute(
            "UPDATE briefings SET opened_at = '0001-01-01T00:00:00+14:00' WHERE id = ?",
            (at_the_edge,),
        )
    cache = Cache(tmp_path)
    found = history.entries(cache, 10)
    assert [(e.id, e.titles) for e in found] == [(at_the_edge, []), (ids[1], []), (ids[0], [])]
    assert len(history.listing(found)) == 3
    assert history.entry(cache, ids[0]) is not None


def test_an_id_or_limit_past_what_sqlite_holds_finds_nothing_or_everything(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    id = history.remember(cache, None, {"inputs": ["u"]})
    assert history.entry(cache, 2**63) is None
    assert [e.id for e in history.entries(cache, 10**30)] == [id]


def test_a_failure_is_remembered_with_its_reason(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    id = history.remember(cache, None, history.snapshot(_briefing(), {}))
    entry = history.entry(cache, id)
    assert entry is not None
    reopen = history.Reopen.of(entry)
    assert reopen.failure("https://NEWS.example/gone") == ArticleError(
        ErrorKind.HTTP_STATUS, "gone"
    )
    assert reopen.failure("https://news.example/a") is None


def test_a_reopened_briefing_quit_while_loading_keeps_what_it_said(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    id = history.remember(cache, None, history.snapshot(_briefing(), {}))
    earlier = history.entry(cache, id)
    assert earlier is not None
    again = Briefing()  # reopened, and quit before any page was read again
    for input in [*earlier.inputs, "https://news.example/a"]:
        again.add(input)
    history.remember(cache, id, history.snapshot(again, {}, earlier))
    now = history.entry(cache, id)
    assert now is not None
    assert now.titles == ["Strikes on the grid"] and now.failed == 1
    assert now.failures == earlier.failures


def test_a_reopened_briefing_read_to_the_end_says_what_it_read_now(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    id = history.remember(cache, None, history.snapshot(_briefing(), {}))
    earlier = history.entry(cache, id)
    assert earlier is not None
    again = Briefing()
    for input in earlier.inputs:
        article = again.add(input)
        title = "Now " + input.rsplit("/", 1)[1]
        article.stage, article.metadata = Stage.DONE, Metadata(title=title)
    history.remember(cache, id, history.snapshot(again, {}, earlier))
    now = history.entry(cache, id)
    assert now is not None and now.failed == 0 and now.failures == {}
    assert now.titles == ["Now feed.xml", "Now gone"]


def test_a_stored_reason_of_an_unknown_kind_is_left_out(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    data = history.snapshot(_briefing(), {})
    data["failures"] = {"a": ["exploded", "x"], "b": "words", "c": ["http_status", 7],
                        "d": ["timeout", "Too slow." * 100]}  # fmt: skip
    entry = history.entry(cache, history.remember(cache, None, data))
    assert entry is not None and list(entry.failures) == ["d"]
    assert len(entry.failures["d"].message) == history.MESSAGE_CHARS


def test_a_reason_given_again_is_stored_without_the_words_said_around_it(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    earlier = history.entry(cache, history.remember(cache, None, history.snapshot(_briefing(), {})))
    assert earlier is not None
    again = Briefing()
    for input in earlier.inputs:
        again.add(input).stage = Stage.DONE
    gone = again.find("https://news.example/gone")
    assert gone is not None
    gone.error = ArticleError(ErrorKind.HTTP_STATUS, f"gone {history.REPLAYED}")
    for _ in range(3):  # reopened three times: the words are not piled up
        history.remember(cache, earlier.id, history.snapshot(again, {}, earlier))
    now = history.entry(cache, earlier.id)
    assert now is not None and now.failures == earlier.failures


def test_a_page_not_read_when_the_briefing_closed_says_so_and_is_no_failure(
    tmp_path: Path,
) -> None:
    cache = Cache(tmp_path)
    briefing = Briefing()
    briefing.add("https://news.example/read").stage = Stage.DONE
    briefing.add("https://news.example/slow")  # still being fetched when the reader quit
    entry = history.entry(cache, history.remember(cache, None, history.snapshot(briefing, {})))
    assert entry is not None and entry.failed == 0 and entry.unread == 1
    assert history.Reopen.of(entry).failure("https://news.example/slow") == history.UNREAD
    assert "2 articles, 1 not read" in history.listing([entry])[0]


def test_an_entry_keeps_the_inputs_another_instance_added_to_it(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    id = history.remember(cache, None, history.snapshot(_briefing(), {}))
    earlier = history.entry(cache, id)
    assert earlier is not None
    first, second = Briefing(), Briefing()  # two terminals reopened it
    for briefing, added in ((first, "https://news.example/b"), (second, "https://news.example/c")):
        for input in [*earlier.inputs, added]:
            briefing.add(input).stage = Stage.DONE
    history.remember(cache, id, history.snapshot(first, {}, earlier))
    history.remember(cache, id, history.snapshot(second, {}, earlier))  # the last to quit
    now = history.entry(cache, id)
    assert now is not None
    assert now.inputs == [*earlier.inputs, "https://news.example/c", "https://news.example/b"]
    assert now.articles == 4


def test_a_page_never_read_stays_not_read_when_the_briefing_is_reopened(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    briefing = Briefing()
    briefing.add("https://news.example/read").stage = Stage.DONE
    briefing.add("https://news.example/slow")
    earlier = history.entry(cache, history.remember(cache, None, history.snapshot(briefing, {})))
    assert earlier is not None
    again = Briefing()  # reopened offline, to the end: the page is not in the cache
    again.add("https://news.example/read").stage = Stage.DONE
    slow = again.add("https://news.example/slow")
    slow.stage = Stage.ERROR
    slow.error = history.UNREAD
    history.remember(cache, earlier.id, history.snapshot(again, {}, earlier))
    now = history.entry(cache, earlier.id)
    assert now is not None and (now.failed, now.unread) == (0, 1)
    assert now.failures == earlier.failures


def test_only_a_page_that_had_not_come_is_counted_not_read(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    briefing = Briefing()
    stages = (Stage.QUEUED, Stage.FETCHING, Stage.EXTRACTING, Stage.ANALYSING, Stage.DONE)
    for n, stage in enumerate(stages):
        briefing.add(f"https://news.example/{n}").stage = stage
    briefing.add(str(tmp_path / "saved.html"))  # read from disk again when reopened
    entry = history.entry(cache, history.remember(cache, None, history.snapshot(briefing, {})))
    assert entry is not None
    # A page fetched, then being read or analysed, is in the cache: a reopen reads it.
    assert entry.unread == 2 and sorted(entry.failures) == [
        "https://news.example/0",
        "https://news.example/1",
    ]
    assert "6 articles, 2 not read" in history.listing([entry])[0]


def test_a_page_not_read_is_said_once_when_reopened_in_the_words_of_today(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    data = history.snapshot(_briefing(), {})
    data["failures"]["https://news.example/slow"] = ["not_cached", "Closed before it was read."]
    entry = history.entry(cache, history.remember(cache, None, data))
    assert entry is not None
    reopen = history.Reopen.of(entry)
    assert reopen.said_again("https://news.example/slow") == history.UNREAD
    assert history.REPLAYED not in history.UNREAD.message
    gone = reopen.said_again("https://news.example/gone")
    assert gone == ArticleError(ErrorKind.HTTP_STATUS, f"gone {history.REPLAYED}")
    assert reopen.said_again("https://news.example/a") is None


def test_a_wait_the_site_asked_for_is_not_told_again_when_reopened(tmp_path: Path) -> None:
    # "It says to try again in 2 minutes", said again days later from the history.
    cache = Cache(tmp_path)
    data = history.snapshot(_briefing(), {})
    busy = "The site answered 429 Too Many Requests — too many requests reached the site too fast"
    data["failures"]["https://news.example/gone"] = [
        "http_status",
        f"{busy}; it says to try again in 2 minutes.",
    ]
    entry = history.entry(cache, history.remember(cache, None, data))
    assert entry is not None
    said = history.Reopen.of(entry).said_again("https://news.example/gone")
    assert said == ArticleError(ErrorKind.HTTP_STATUS, f"{busy}. {history.REPLAYED}")


def test_the_order_is_kept_and_a_damaged_one_up_to_its_first_odd_entry(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    entry = history.entry(cache, history.remember(cache, None, history.snapshot(_briefing(), {})))
    assert entry is not None and entry.order == [None, (0, "https://news.example/a"), None]
    damaged = {"inputs": ["u"], "order": [None, [0, "v"], [0, 5], None]}
    entry = history.entry(cache, history.remember(cache, None, damaged))
    assert entry is not None and entry.order == [None, (0, "v")]
    reopen = history.Reopen.of(entry)
    assert reopen.item_at(0) is None and reopen.item_at(9) is None
    assert reopen.item_at(1) == (0, FeedItem("v"))


def test_the_listing_says_how_many_pages_read_are_no_longer_cached(tmp_path: Path) -> None:
    from tui.pipeline.model import FetchedPage

    cache = Cache(tmp_path)
    briefing = _briefing()  # a feed with item /a, and /gone that failed
    briefing.add("https://news.example/b").stage = Stage.DONE
    briefing.add(str(tmp_path / "saved.html")).stage = Stage.DONE  # read from disk again
    expansion = Expansion("rss", "Desk", "https://news.example/feed.xml",
                          [FeedItem("https://news.example/a", "A", None)])  # fmt: skip
    data = history.snapshot(briefing, {"https://news.example/feed.xml": expansion})
    history.remember(cache, None, data)
    page = FetchedPage("https://news.example/b", "https://news.example/b", b"<p>b</p>", None, "")
    cache.put_page("https://news.example/b", page)
    (entry,) = history.entries(cache, 10)
    # /a was read and is gone; the feed, the failed page and the local file are no pages
    # it read from the cache.
    assert entry.no_longer_cached == 1
    assert "4 articles, 1 failed, 1 no longer cached" in history.listing([entry])[0]


def test_a_page_evicted_since_is_no_failure_when_the_briefing_is_reopened(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    briefing = Briefing()
    for input in ("https://news.example/kept", "https://news.example/evicted"):
        briefing.add(input).stage = Stage.DONE
    earlier = history.entry(cache, history.remember(cache, None, history.snapshot(briefing, {})))
    assert earlier is not None
    again = Briefing()  # reopened offline to the end: one page was evicted meanwhile
    again.add("https://news.example/kept").stage = Stage.DONE
    evicted = again.add("https://news.example/evicted")
    evicted.stage = Stage.ERROR
    evicted.error = ArticleError(ErrorKind.NOT_CACHED, history.EVICTED)
    history.remember(cache, earlier.id, history.snapshot(again, {}, earlier))
    now = history.entry(cache, earlier.id)
    assert now is not None and (now.failed, now.unread, now.failures) == (0, 0, {})


def test_a_page_read_is_remembered_by_its_title_through_a_reopen_that_finds_it_evicted(
    tmp_path: Path,
) -> None:
    cache = Cache(tmp_path)
    briefing = Briefing()
    read = briefing.add("https://news.example/story")
    read.stage, read.url = Stage.DONE, "https://news.example/2024/story.html"  # redirected
    read.metadata, read.fetched_at = Metadata(title="Strikes on the grid"), "2024-08-06T10:00:00"
    same = briefing.add("https://news.example/same")
    same.stage, same.url = Stage.DONE, "https://news.example/same"
    earlier = history.entry(cache, history.remember(cache, None, history.snapshot(briefing, {})))
    assert earlier is not None
    story = history.Page("Strikes on the grid", read.url, "2024-08-06T10:00:00")
    assert history.Reopen.of(earlier).remembered(read.input) == story
    # The address it was read at is kept only when it is not the input itself.
    assert history.Reopen.of(earlier).remembered(same.input) == history.Page()

    again = Briefing()  # reopened offline: both pages were evicted meanwhile
    for input in (read.input, same.input):
        gone = again.add(input)
        gone.stage, gone.error = Stage.ERROR, ArticleError(ErrorKind.NO_LONGER_CACHED, "gone")
    history.remember(cache, earlier.id, history.snapshot(again, {}, earlier))
    now = history.entry(cache, earlier.id)
    assert now is not None and (now.failed, now.unread, now.failures) == (0, 0, {})
    assert history.Reopen.of(now).remembered(read.input) == story  # for the next reopen too


def test_the_listings_titles_start_in_one_column_however_long_the_counts(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    for title, failed in (("Short count", 0), ("Long count", 2)):
        briefing = Briefing()
        for n in range(3):
            article = briefing.add(f"https://news.example/{title[0]}{n}")
            article.stage, article.metadata = Stage.DONE, Metadata(title=title)
            if n < failed:
                article.error = ArticleError(ErrorKind.HTTP_STATUS, "gone")
        history.remember(cache, None, history.snapshot(briefing, {}))
    # No page is in the cache: "3 articles, 2 failed, 1 no longer cached" is 40 wide.
    long, short = history.listing(history.entries(cache, 10))
    # The count ran past its 22 columns and pushed that line's titles to the right.
    assert "3 articles, 2 failed, 1 no longer cached  Long count" in long
    assert long.index("Long count") == short.index("Short count")


def test_the_listing_counts_the_articles_past_the_titles_it_shows(tmp_path: Path) -> None:
    # "+27 more" for a briefing of 502 articles: only 30 titles are kept, and the count was
    # taken from them.
    briefing = Briefing()
    for n in range(502):
        article = briefing.add(f"https://news.example/{n}")
        article.metadata, article.stage = Metadata(title=f"Story {n}"), Stage.DONE
    cache = Cache(tmp_path)
    history.remember(cache, None, history.snapshot(briefing, {}))
    (line,) = history.listing(history.entries(cache, 10))
    assert "Story 0; Story 1; Story 2; +499 more" in line


def test_the_listing_writes_large_counts_as_the_app_does(tmp_path: Path) -> None:
    briefing = Briefing()
    for n in range(1_203):
        article = briefing.add(f"https://news.example/{n}")
        article.metadata, article.stage = Metadata(title=f"Story {n}"), Stage.DONE
        if n % 2:
            article.error = ArticleError(ErrorKind.HTTP_STATUS, "gone")
    cache = Cache(tmp_path)
    history.remember(cache, None, history.snapshot(briefing, {}))
    (line,) = history.listing(history.entries(cache, 10))
    # "1203 articles, 601 failed" beside the app's "1,203": the same number written two ways.
    assert "1,203 articles, 601 failed, " in line and "+1,200 more" in line


def test_a_page_added_to_a_reopened_briefing_and_closed_before_it_came_is_not_read(
    tmp_path: Path,
) -> None:
    cache = Cache(tmp_path)
    feed = "https://news.example/feed.xml"
    expansion = Expansion("rss", "Desk", feed, [FeedItem("https://news.example/a", "A", None)])
    data = history.snapshot(_briefing(), {feed: expansion})
    earlier = history.entry(cache, history.remember(cache, None, data))
    assert earlier is not None
    again = Briefing()  # reopened, an address added (`a`), and closed before any page came
    for input in [*earlier.inputs, "https://news.example/a", "https://news.example/added"]:
        again.add(input).stage = Stage.FETCHING
    again.articles[0].feed_kind, again.articles[0].items = "rss", [2]
    again.articles[2].feed = 0
    history.remember(cache, earlier.id, history.snapshot(again, {feed: expansion}, earlier))
    now = history.entry(cache, earlier.id)
    assert now is not None and (now.failed, now.unread) == (1, 1)
    # It was "no longer cached" at the next reopen, with no title: it never was read.
    reopen = history.Reopen.of(now)
    assert reopen.said_again("https://news.example/added") == history.UNREAD
    # The pages the briefing had say what they said then: /gone failed, /a was read.
    assert now.failures == earlier.failures | {"https://news.example/added": history.UNREAD}
    assert "3 articles, 1 failed, 1 not read" in history.listing([now])[0]


def test_an_entry_keeps_what_another_instance_did_not_read_as_not_read(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    id = history.remember(cache, None, history.snapshot(_briefing(), {}))
    earlier = history.entry(cache, id)
    assert earlier is not None
    first, second = Briefing(), Briefing()  # two terminals reopened it
    for input in earlier.inputs:
        first.add(input).stage = Stage.DONE
        second.add(input).stage = Stage.DONE
    # The second added a page and a feed, and closed before the page or the item came.
    second.add("https://news.example/slow").stage = Stage.FETCHING
    other = second.add("https://other.example/feed.xml")
    other.stage, other.feed_kind, other.items = Stage.DONE, "rss", [4]
    item = second.add("https://other.example/1")
    item.feed, item.stage = 3, Stage.QUEUED
    items = [FeedItem("https://other.example/1", "One", None)]
    expansion = Expansion("rss", "Other", "https://other.example/feed.xml", items)
    history.remember(cache, id, history.snapshot(second, {other.input: expansion}, earlier))
    history.remember(cache, id, history.snapshot(first, {}, earlier))  # the last to quit
    now = history.entry(cache, id)
    assert now is not None and (now.articles, now.failed, now.unread) == (4, 0, 2)
    reopen = history.Reopen.of(now)
    for never in ("https://news.example/slow", "https://other.example/1"):
        assert reopen.said_again(never) == history.UNREAD
    assert "4 articles, 2 not read" in history.listing([now])[0]


def test_a_page_read_and_quit_while_it_was_analysed_is_remembered_by_its_title(
    tmp_path: Path,
) -> None:
    # Its text was on screen, its entities and timeline still on the way: the history
    # listed its address.
    cache = Cache(tmp_path)
    briefing = Briefing()
    analysed = briefing.add("https://news.example/analysed")
    analysed.stage, analysed.metadata = (
        Stage.ANALYSING,
        Metadata(title="Floods close the ring road"),
    )
    analysed.blocks = [Block(BlockKind.PARAGRAPH, "Water rose over the ring road.")]
    briefing.add("https://news.example/waiting").stage = Stage.FETCHING
    id = history.remember(cache, None, history.snapshot(briefing, {}))
    entry = history.entry(cache, id)
    assert entry is not None
    assert entry.titles == ["Floods close the ring road"]
    assert entry.pages["https://news.example/analysed"].title == "Floods close the ring road"
    assert (entry.failed, entry.unread) == (0, 1)
