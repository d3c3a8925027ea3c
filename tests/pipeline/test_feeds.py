"""Feeds and OPML lists: what they expand into, and what a broken one gives."""

from __future__ import annotations

import codecs
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.server import FEEDS, FixtureServer
from tui.pipeline import export, feeds
from tui.pipeline.feeds import Expansion, FeedItem
from tui.pipeline.identity import input_key
from tui.pipeline.model import Article, ErrorKind, FetchedFeed, PipelineError, Stage
from tui.pipeline.options import Options
from tui.pipeline.session import Session

BASE = "https://feeds.example"
TEXT_ONLY = Options(analysis=False, workers=2)


def _doc(name: str, ctype: str = "") -> FetchedFeed:
    body = (FEEDS / name).read_bytes().replace(b"{base}", BASE.encode())
    return FetchedFeed(name, f"{BASE}/feeds/{name}", body, ctype, "2025-03-04T00:00:00+00:00")


def test_rss_items_come_newest_first_with_titles_and_dates() -> None:
    parsed = feeds.parse(_doc("ledger.rss"))
    assert parsed.kind == "rss" and parsed.title == "Kyiv Ledger — War desk"
    assert [i.url for i in parsed.items] == [
        f"{BASE}/pages/frontline_followup.html",  # 8 Aug, though second in the file
        f"{BASE}/pages/frontline.html",
        f"{BASE}/404",
    ]
    assert parsed.items[0].title == "Families ordered out of villages near Pokrovsk"
    assert parsed.items[0].published == "2024-08-08T17:05:00+00:00"


def test_items_without_a_web_link_are_skipped_never_read() -> None:
    parsed = feeds.parse(_doc("ledger.rss"))
    assert parsed.skipped == 2  # no link; a file:// link
    assert all(i.url.startswith("https://") for i in parsed.items)


def test_a_feed_on_the_internet_may_not_send_briefing_to_your_own_network() -> None:
    # As a redirect may not: an item linking to http://127.0.0.1:.../ was fetched and read.
    body = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>Router</title><link>http://192.168.1.1/admin</link></item>"
        b"<item><title>Local</title><link>http://127.0.0.1:18733/a/1</link></item>"
        b"<item><title>Name</title><link>http://printer.localhost/</link></item>"
        b"<item><title>Story</title><link>https://news.example/story</link></item>"
        b"</channel></rss>"
    )
    public = feeds.parse(FetchedFeed("f", "https://feeds.example/f", body, "", "2025-03-04"))
    assert [i.url for i in public.items] == ["https://news.example/story"]
    assert public.skipped == 3
    # A feed on the reader's own machine may list its own pages (a local feed server).
    local = feeds.parse(FetchedFeed("f", "http://127.0.0.1:8000/f", body, "", "2025-03-04"))
    assert len(local.items) == 4 and local.skipped == 0


def test_atom_links_are_resolved_against_the_feed() -> None:
    parsed = feeds.parse(_doc("meridian.atom"))
    assert parsed.kind == "atom" and parsed.title == "Meridian: Europe"
    assert [i.url for i in parsed.items] == [f"{BASE}/pages/wire.html", f"{BASE}/pages/blog.html"]


def test_json_feed_items_are_read_and_ordered_by_date() -> None:
    parsed = feeds.parse(_doc("lantern.json"))
    assert parsed.kind == "json" and parsed.title == "The Lantern"
    assert [i.url for i in parsed.items] == [f"{BASE}/pages/markup.html", f"{BASE}/pages/blog.html"]
    assert parsed.items[0].published == "2024-05-02T06:00:00+00:00"
    assert parsed.skipped == 1


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
                 '<entry><title>Far</title><link href="{b}/far"/>'
                 "<updated>9999-12-31T23:59:59-12:00</updated></entry>"
                 '<entry><title>Near</title><link href="{b}/near"/>'
                 "<updated>2024-05-02T06:00:00Z</updated></entry></feed>"),
        ("rss", '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                "<title>T</title><item><title>Far</title><link>{b}/far</link>"
                "<dc:date>0001-01-01T00:00:00+01:00</dc:date></item>"
                "<item><title>Near</title><link>{b}/near</link>"
                "<pubDate>Thu, 02 May 2024 06:00:00 GMT</pubDate></item></channel></rss>"),
        ("json", json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
                {"url": "{b}/far", "title": "Far", "date_published": "0001-01-01T00:00:00+05:00"},
                {"url": "{b}/near", "title": "Near", "date_published": "2024-05-02T06:00:00Z"},
            ]})),
    ],
)  # fmt: skip
def test_an_item_dated_past_what_a_date_holds_is_read_without_its_date(
    kind: str, body: str
) -> None:
    # One such item raised, and the whole feed was lost as an internal error.
    doc = FetchedFeed("f", f"{BASE}/f", body.replace("{b}", BASE).encode(), "", "2025-03-04")
    parsed = feeds.parse(doc)
    assert parsed.kind == kind
    by_url = {i.url: i.published for i in parsed.items}
    assert by_url == {f"{BASE}/far": None, f"{BASE}/near": "2024-05-02T06:00:00+00:00"}


def test_a_malformed_feed_yields_what_can_be_read() -> None:
    parsed = feeds.parse(_doc("broken.rss"))
    assert parsed.items and parsed.items[0].url == f"{BASE}/pages/wire.html"


def test_a_feed_nothing_can_be_read_from_is_a_typed_error() -> None:
    with pytest.raises(PipelineError) as caught:
        feeds.parse(_doc("garbage.rss"))
    assert caught.value.kind is ErrorKind.BAD_FEED
    assert "\x1b" not in caught.value.message and caught.value.message.endswith(".")


def test_opml_names_its_web_feeds_in_order() -> None:
    parsed = feeds.parse(_doc("subscriptions.opml"))
    assert parsed.kind == "opml" and parsed.title == "My war desk subscriptions"
    assert [i.url for i in parsed.items] == [
        f"{BASE}/feeds/ledger.rss",
        f"{BASE}/feeds/meridian.atom",
    ]
    assert parsed.skipped == 1  # the file:// feed


def test_opml_with_entity_definitions_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>'
    with pytest.raises(PipelineError) as caught:
        feeds.parse(FetchedFeed("x", BASE, bomb, "", "t"))
    assert caught.value.kind is ErrorKind.BAD_FEED


# A JSON item long enough to fill the bytes a document is first judged by.
_PADDING = b'{"content_text": "' + b"Talks resumed in Geneva on Monday. " * 80 + b'"}'
assert len(_PADDING) > feeds.SNIFF_BYTES


@pytest.mark.parametrize(
    ("body", "is_feed"),
    [
        (b'<?xml version="1.0"?>\n<!-- hi -->\n<rss version="2.0">', True),
        (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        (b"<rdf:RDF xmlns:rdf='x'>", True),
        (b"<opml version='2.0'>", True),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', True),
        (b"<!DOCTYPE html><html><body><p>rss</p>", False),
        (b'<?xml version="1.0"?><urlset>', False),
        (b'{"data": [1, 2, 3]}', False),
        # PHP's json_encode escapes every slash.
        (b'{"version": "https:\\/\\/jsonfeed.org\\/version\\/1.1", "items": []}', True),
        # Keys sorted: the version comes after items that fill the first bytes.
        pytest.param(
            b'{"items": [' + _PADDING + b'], "version": "https://jsonfeed.org/version/1"}',
            True,
            id="version-last",
        ),
        # An API's answer that only quotes a feed's version, nested, is no feed.
        pytest.param(
            b'{"data": [' + _PADDING + b'], "a": {"version": "https://jsonfeed.org/version/1"}}',
            False,
            id="version-nested",
        ),
        pytest.param(
            b'{"items": [' + _PADDING + b'], "version": "https://jsonfeed.org/version/1"',
            False,
            id="version-last-not-json",
        ),
    ],
)
def test_a_feed_is_recognised_by_its_content(body: bytes, is_feed: bool) -> None:
    assert feeds.looks_like_feed(body) is is_feed


def test_an_expansion_survives_its_round_trip_and_refuses_local_links() -> None:
    expansion = Expansion("rss", "Desk", f"{BASE}/f", [FeedItem(f"{BASE}/a", "A", None)], 2, 5)
    assert Expansion.from_dict(expansion.to_dict()) == expansion
    before = {k: v for k, v in expansion.to_dict().items() if k not in ("unlinked", "older")}
    assert Expansion.from_dict(before) == Expansion("rss", "Desk", f"{BASE}/f", expansion.items)
    before = expansion.to_dict() | {"repeated": 3}
    assert Expansion.from_dict(before) == replace(expansion, repeated=3)
    odd = Expansion.from_dict(expansion.to_dict() | {"unlinked": "2", "older": True})
    assert odd is not None and odd.unlinked == odd.older == 0
    planted = expansion.to_dict() | {"items": [["file:///etc/passwd", "x", None]]}
    assert Expansion.from_dict(planted) is None


# The session expanding feeds ----------------------------------------------------------


async def _inputs(*items: str) -> AsyncIterator[str]:
    for item in items:
        yield item


async def _run(*inputs: str, options: Options = TEXT_ONLY) -> Session:
    session = Session(options)
    await session.run(_inputs(*inputs))
    return session


async def test_a_feed_url_expands_into_articles_grouped_under_it(site: FixtureServer) -> None:
    session = await _run(site.feed("ledger.rss"))
    feed, *items = session.briefing.articles
    assert feed.feed_kind == "rss" and feed.stage is Stage.DONE and feed.error is None
    assert feed.metadata.title == "Kyiv Ledger — War desk"
    assert feed.items == [1, 2, 3] and all(a.feed == 0 for a in items)
    assert [a.input for a in items] == [
        site.page("frontline_followup.html"), site.page("frontline.html"), site.url("/404")
    ]  # fmt: skip
    assert items[0].blocks and items[1].blocks
    assert items[2].error is not None and items[2].metadata.title == "Live page that has gone"


async def test_per_feed_takes_the_newest_items_only(site: FixtureServer) -> None:
    session = await _run(site.feed("ledger.rss"), options=Options(analysis=False, per_feed=1))
    feed, item = session.briefing.articles
    assert feed.items == [1] and item.input == site.page("frontline_followup.html")


async def test_what_a_feed_lists_but_does_not_read_is_counted_and_said(
    site: FixtureServer,
) -> None:
    from tui.pipeline.export import to_json, to_markdown

    options = Options(analysis=False, per_feed=1)
    session = await _run(site.feed("ledger.rss"), options=options)
    feed = session.briefing.articles[0]
    assert (feed.items_older, feed.items_unlinked) == (2, 2)  # 3 linked, 1 read; 2 without
    said = "Not read: 2 older entries (past --per-feed) and 2 entries with no web address"
    assert said in to_markdown(session.briefing)
    (exported, _) = json.loads(to_json(session.briefing))["articles"]
    assert exported["items_not_read"] == {
        "no_web_address": 2, "older": 2, "repeated": 0, "itself": 0
    }  # fmt: skip
    assert session.expansions[input_key(feed.input)].older == 2  # kept for a reopen


async def test_a_feed_served_as_plain_xml_or_html_is_recognised(site: FixtureServer) -> None:
    session = await _run(
        site.feed("meridian.atom", "text/xml"), site.feed("lantern.json", "text/html")
    )
    kinds = [a.feed_kind for a in session.briefing.articles if a.items is not None]
    assert kinds == ["atom", "json"]


@pytest.mark.parametrize("where", ["served", "saved"])
async def test_an_opml_list_in_utf16_with_its_mark_is_read(
    site: FixtureServer, tmp_path: Path, where: str
) -> None:
    # Sniffed as ASCII, it went to the feed reader ("not well-formed (invalid token)") or,
    # saved, was "not a saved web page, a feed or an OPML list".
    opml = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<opml version="2.0"><head>'
        "<title>Lists — mine</title></head><body>"
        f'<outline text="Ledger" xmlUrl="{site.feed("ledger.rss")}"/></body></opml>'
    )
    body = opml.encode("utf-16")  # with its byte-order mark, as Windows tools save it
    if where == "served":
        given = site.url("/hostile/" + site.host_page({"Content-Type": "text/x-opml"}, body))
    else:
        (tmp_path / "lists.opml").write_bytes(body)
        given = str(tmp_path / "lists.opml")
    session = await _run(given)
    listed = session.briefing.articles[0]
    assert listed.error is None and listed.feed_kind == "opml"
    assert listed.metadata.title == "Lists — mine"
    assert session.briefing.articles[1].feed_kind == "rss"


async def test_a_feed_served_under_an_older_x_type_is_read(site: FixtureServer) -> None:
    # Python's http.server serves a .rss file as application/x-rss+xml: it was refused as
    # "not a web page".
    session = await _run(site.feed("ledger.rss", "application/x-rss%2Bxml"))  # "+" in a query
    assert [a.feed_kind for a in session.briefing.articles if a.items is not None] == ["rss"]


def _json_feed_bytes(site: FixtureServer) -> bytes:
    """The Lantern's JSON Feed (fixture lantern.json) with its links to `site`."""
    return (FEEDS / "lantern.json").read_bytes().replace(b"{base}", site.base.encode())


async def test_a_json_feed_with_a_byte_order_mark_is_read_as_json(site: FixtureServer) -> None:
    # Windows tools write the UTF-8 mark first: the feed went to the XML reader and failed
    # as "not well-formed (invalid token)", even served as application/feed+json.
    body = codecs.BOM_UTF8 + _json_feed_bytes(site)
    key = site.host_page({"Content-Type": "application/feed+json"}, body)
    session = await _run(site.url(f"/hostile/{key}"))
    feed = session.briefing.articles[0]
    assert feed.error is None and feed.feed_kind == "json" and feed.items == [1, 2]


async def test_a_json_feed_with_a_field_nested_past_the_stack_is_still_read(
    site: FixtureServer,
) -> None:
    # A field three thousand lists deep raised RecursionError out of the decoder: the
    # feed was an internal error and every item of it was lost.
    data = json.loads(_json_feed_bytes(site))
    data["items"][0]["_ext"] = "DEEP"
    body = json.dumps(data).replace('"DEEP"', "[" * 3000 + "]" * 3000).encode()
    key = site.host_page({"Content-Type": "application/feed+json"}, body)
    session = await _run(site.url(f"/hostile/{key}"))
    feed = session.briefing.articles[0]
    assert feed.error is None and feed.feed_kind == "json" and feed.items == [1, 2]


def _json_feed_variants(site: FixtureServer) -> dict[str, bytes]:
    """The Lantern's JSON Feed as other writers write it: slashes escaped (PHP's
    json_encode), and keys sorted with a long item first, so its version comes past the
    first bytes."""
    data = json.loads(_json_feed_bytes(site))
    data["items"][0]["content_text"] = "The assembly passed the aid bill on Tuesday. " * 60
    return {
        "escaped": json.dumps(data).replace("/", "\\/").encode(),
        "sorted": json.dumps(data, sort_keys=True, indent=2).encode(),
    }


@pytest.mark.parametrize("written", ["escaped", "sorted"])
@pytest.mark.parametrize("served", ["application/json", "text/plain; charset=utf-8"])
async def test_a_json_feed_served_as_json_or_text_is_read_however_written(
    site: FixtureServer, written: str, served: str
) -> None:
    # Both were "This is JSON data (application/json), not a web page."
    body = _json_feed_variants(site)[written]
    assert b'"version": "https://jsonfeed.org' not in body[: feeds.SNIFF_BYTES]
    session = await _run(site.url("/hostile/" + site.host_page({"Content-Type": served}, body)))
    feed = session.briefing.articles[0]
    assert feed.error is None and feed.feed_kind == "json" and feed.items == [1, 2]


async def test_a_local_json_feed_with_its_version_last_is_read(
    site: FixtureServer, tmp_path: Path
) -> None:
    path = tmp_path / "lantern.json"
    path.write_bytes(_json_feed_variants(site)["sorted"])
    session = await _run(str(path))
    feed = session.briefing.articles[0]
    assert feed.error is None and feed.feed_kind == "json" and feed.items == [1, 2]


async def test_a_feed_that_fails_is_one_error_in_words(site: FixtureServer) -> None:
    session = await _run(site.feed("garbage.rss"), site.feed("missing.rss"))
    broken, missing = session.briefing.articles
    assert broken.error is not None and broken.error.kind is ErrorKind.BAD_FEED
    assert missing.error is not None and missing.error.kind is ErrorKind.HTTP_STATUS
    assert broken.items is None and len(session.briefing.articles) == 2


def _feed_body(site: FixtureServer, name: str) -> tuple[dict[str, str], bytes]:
    """A fixture feed as a test hosts it (and may change it) at /hostile/<key>."""
    raw = (FEEDS / name).read_bytes().replace(b"{base}", site.base.encode())
    kind = "atom" if name.endswith(".atom") else "rss"
    return {"Content-Type": f"application/{kind}+xml"}, raw


async def _read_hosted(site: FixtureServer, name: str) -> tuple[Session, Article, str]:
    """A session that has read fixture feed `name` from a page the test may change."""
    key = site.host_page(*_feed_body(site, name))
    session = Session(TEXT_ONLY)
    feed = session.add(site.url(f"/hostile/{key}"))
    assert feed is not None
    await session.join()
    return session, feed, key


async def test_a_reloaded_feed_records_the_items_it_kept_for_a_reopen(site: FixtureServer) -> None:
    session, feed, key = await _read_hosted(site, "meridian.atom")
    try:
        site.hostile_pages[key] = _feed_body(site, "ledger.rss")  # other items now
        assert session.reload(feed)
        await session.join()
        shown = [session.briefing.articles[i].input for i in feed.items or []]
        recorded = session.expansions[input_key(feed.input)]
        assert site.page("wire.html") in shown  # kept from before the reload
        assert [item.url for item in recorded.items] == shown
    finally:
        await session.close()


async def test_reloading_a_feed_that_now_fails_keeps_its_items_and_says_why(
    site: FixtureServer,
) -> None:
    session, feed, key = await _read_hosted(site, "ledger.rss")

    try:
        assert feed.items == [1, 2, 3]
        site.hostile_pages[key] = _feed_body(site, "garbage.rss")
        assert session.reload(feed)
        await session.join()
        assert feed.items == [1, 2, 3] and feed.feed_kind == "rss" and feed.error is None
        assert feed.reload_error is not None and feed.reload_error.kind is ErrorKind.BAD_FEED
        site.hostile_pages[key] = _feed_body(site, "ledger.rss")
        assert session.reload(feed)
        await session.join()
        assert feed.items == [1, 2, 3] and feed.reload_error is None
        assert len(session.briefing.articles) == 4
        # The feed drops its first item and names a new one: the dropped one stays in the
        # briefing under the feed, and is still counted (the row said 3 over 4 children).
        headers, raw = _feed_body(site, "ledger.rss")
        dropped = site.page("frontline_followup.html").encode()
        site.hostile_pages[key] = (headers, raw.replace(dropped, site.page("wire.html").encode()))
        assert session.reload(feed)
        await session.join()
        assert sorted(feed.items) == [1, 2, 3, 4] and len(session.briefing.articles) == 5
        assert all(session.briefing.articles[i].feed == 0 for i in feed.items)
        # Its count of 4 says that one of them the feed no longer lists.
        assert feed.items_earlier == 1
        said = export.to_markdown(session.briefing)
        assert "1 of them is from before the reload: the feed no longer lists it." in said
        assert (
            export.briefing_to_dict(session.briefing)["articles"][0]["items_no_longer_listed"] == 1
        )
    finally:
        await session.close()


async def test_an_opml_file_adds_every_feed_in_it(site: FixtureServer, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_bytes(
        (FEEDS / "subscriptions.opml").read_bytes().replace(b"{base}", site.base.encode())
    )
    session = await _run(str(opml), options=Options(analysis=False, per_feed=1))
    articles = session.briefing.articles
    top = articles[0]
    assert top.feed_kind == "opml" and top.metadata.title == "My war desk subscriptions"
    feeds_in_it = [articles[i] for i in top.items]
    assert [f.feed_kind for f in feeds_in_it] == ["rss", "atom"]
    assert top.items_unlinked == 1  # the file:// outline, said not dropped
    assert "1 entry with no web address" in feeds.not_read(top)
    for feed in feeds_in_it:
        (item,) = [articles[i] for i in feed.items]
        assert item.feed == articles.index(feed) and item.blocks


async def test_an_item_that_is_itself_a_feed_is_not_followed(site: FixtureServer) -> None:
    session = Session(TEXT_ONLY)
    try:
        feed = session.add(site.feed("meridian.atom"))
        assert feed is not None
        session.add(site.feed("ledger.rss"), feed=0)  # as if the Atom feed had linked it
        await session.join()
    finally:
        await session.close()
    nested = session.briefing.articles[1]
    assert nested.error is not None and nested.items is None


async def test_a_pinned_feed_gets_its_recorded_items_without_fetching(site: FixtureServer) -> None:
    url = site.feed("ledger.rss")
    pinned = Expansion("rss", "Then", url, [FeedItem(site.page("wire.html"), "Wire", None)])
    from tui.pipeline.history import Reopen
    from tui.pipeline.identity import input_key

    session = Session(TEXT_ONLY, reopen=Reopen(1, {input_key(url): pinned}))
    hits = len(site.hits)
    await session.run(_inputs(url))
    feed, item = session.briefing.articles
    assert feed.metadata.title == "Then" and item.input == site.page("wire.html")
    assert not any(path.startswith("/feeds/") for path, _ in site.hits[hits:])


def test_an_item_link_that_is_no_address_is_skipped_not_a_crash() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        b"<item><title>Broken</title><link>http://[x/</link></item>"
        b"<item><title>Fine</title><link>https://news.example/a</link></item>"
        b"</channel></rss>"
    )
    parsed = feeds.parse(FetchedFeed("x", f"{BASE}/f.rss", body, "", "2025-03-04T00:00:00+00:00"))
    assert [i.url for i in parsed.items] == ["https://news.example/a"]
    assert parsed.skipped == 1


def test_a_local_feed_that_is_a_fifo_is_refused_without_blocking(tmp_path) -> None:
    import os

    from tui.pipeline.feeds import read_local

    fifo = tmp_path / "news\x1b]0;x\x07.xml"
    os.mkfifo(fifo)  # nobody writes to it: a blocking open would never return
    with pytest.raises(PipelineError) as caught:
        read_local(str(fifo), fifo, Options())
    assert "is not a regular file" in caught.value.message
    assert "\x1b" not in caught.value.message


def _rss(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link>"
        f"<pubDate>Mon, 0{n + 1} Sep 2025 10:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{items}'
        "</channel></rss>"
    ).encode()


def _opml(*links: str) -> bytes:
    outlines = "".join(
        f'<outline type="rss" text="{n}" xmlUrl="{u}"/>' for n, u in enumerate(links)
    )
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'.encode()


def test_entries_sharing_an_address_are_one_item_and_the_repeats_counted() -> None:
    same = "https://news.example/a"
    rss = feeds.parse(FetchedFeed("x", f"{BASE}/f.rss", _rss(same, same, same, same), "", "t"))
    assert [i.url for i in rss.items] == [same] and rss.repeated == 3
    assert rss.items[0].title == "Story 3"  # the newest of them
    opml = feeds.parse(FetchedFeed("x", f"{BASE}/s.opml", _opml(same, f"{BASE}/b", same), "", "t"))
    assert [i.url for i in opml.items] == [same, f"{BASE}/b"] and opml.repeated == 1


async def test_a_feed_whose_entries_share_one_link_lists_it_once_and_says_so(
    site: FixtureServer,
) -> None:
    body = _rss(*[site.page("wire.html")] * 4)
    url = site.url("/hostile/" + site.host_page({"Content-Type": "application/rss+xml"}, body))
    session = await _run(url)
    feed, item = session.briefing.articles  # was "its entries: 2, 2, 2, 2."
    assert feed.items == [1] and item.blocks and feed.items_repeated == 3
    said = "its entries: 2. Not read: 3 repeated entries (an address given more than once is"
    assert said in export.to_markdown(session.briefing)
    exported = export.briefing_to_dict(session.briefing)["articles"][0]
    assert exported["items"] == [1] and exported["items_not_read"]["repeated"] == 3
    assert session.expansions[input_key(url)].repeated == 3  # kept for a reopen


async def test_an_opml_list_that_names_itself_says_so(site: FixtureServer) -> None:
    key = site.host_page({}, b"")
    url = site.url(f"/hostile/{key}")
    nested = site.url("/hostile/" + site.host_page({"Content-Type": "text/x-opml"}, _opml()))
    body = _opml(url, nested, site.feed("meridian.atom"))
    site.hostile_pages[key] = ({"Content-Type": "text/x-opml"}, body)
    session = await _run(url)
    top = session.briefing.articles[0]
    assert top.items == [1, 2] and top.items_itself == 1  # was dropped without a word
    assert "Not read: 1 entry naming this list itself." in export.to_markdown(session.briefing)
    exported = export.briefing_to_dict(session.briefing)["articles"][0]
    assert exported["items_not_read"] == {
        "no_web_address": 0, "older": 0, "repeated": 0, "itself": 1
    }  # fmt: skip


async def test_two_spellings_of_one_address_in_a_feed_are_one_item_said_repeated(
    site: FixtureServer,
) -> None:
    page = site.page("wire.html")
    body = _rss(page, page + "#comments")
    url = site.url("/hostile/" + site.host_page({"Content-Type": "application/rss+xml"}, body))
    session = await _run(url)
    feed = session.briefing.articles[0]
    assert feed.items == [1] and feed.items_repeated == 1
