"""One session reads a briefing: stages in order, failures in words, one article per real
page, the same result whatever order pages arrive in, and an immediate stop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from tests.pipeline import worker_tasks as tasks
from tests.server import FixtureServer
from tui.pipeline.briefing import Briefing
from tui.pipeline.model import Article, Block, BlockKind, ErrorKind, Stage
from tui.pipeline.options import Options
from tui.pipeline.session import Session, Stages
from tui.pipeline.stages import timeline_anchor

TEXT_ONLY = Options(analysis=False, workers=2)


async def _inputs(*items: str) -> AsyncIterator[str]:
    for item in items:
        yield item


async def _run(*inputs: str, options: Options = TEXT_ONLY, **kwargs) -> Session:
    session = Session(options, **kwargs)
    await session.run(_inputs(*inputs))
    return session


async def test_stages_are_reported_in_order(site: FixtureServer) -> None:
    seen: list[Stage] = []
    session = await _run(site.page("wire.html"), on_change=lambda a: seen.append(a.stage))
    (article,) = session.briefing.articles
    assert seen == [Stage.QUEUED, Stage.FETCHING, Stage.EXTRACTING, Stage.DONE]
    assert article.blocks and article.metadata.title and article.error is None


async def test_one_bad_input_never_stops_the_others(site: FixtureServer) -> None:
    session = await _run(
        site.url("/404"),
        site.page("wire.html"),
        site.url("/pdf"),
        site.page("no_article.html"),
        site.page("blog.html"),
    )
    by_input = {a.input: a for a in session.briefing.articles}
    assert by_input[site.url("/404")].error.kind is ErrorKind.HTTP_STATUS
    assert by_input[site.url("/pdf")].error.kind is ErrorKind.NOT_HTML
    assert by_input[site.page("no_article.html")].error.kind is ErrorKind.NO_ARTICLE
    for good in ("wire.html", "blog.html"):
        article = by_input[site.page(good)]
        assert article.error is None and article.stage is Stage.DONE and article.blocks


async def test_a_page_that_came_and_held_no_article_says_where_it_was_read(
    site: FixtureServer,
) -> None:
    # Reached by a redirect: the address it was read at is not the one given. A 404
    # never came, so there is no address or time to say.
    moved = site.url("/redirect-to?to=/pages/no_article.html")
    session = await _run(moved, site.url("/404"))
    no_article, missing = session.briefing.articles
    assert no_article.error is not None and no_article.error.kind is ErrorKind.NO_ARTICLE
    assert no_article.url == site.page("no_article.html") and no_article.fetched_at
    assert missing.url is None and missing.fetched_at is None


async def test_analysis_fills_entities_and_timeline(site: FixtureServer) -> None:
    session = await _run(site.page("frontline.html"), options=Options(workers=2))
    (article,) = session.briefing.articles
    assert article.stage is Stage.DONE, article.error
    assert article.entities and article.timeline
    assert article.analysed_blocks is None  # a normal article is analysed whole


async def test_readers_comments_reach_the_article_and_are_never_analysed(
    site: FixtureServer,
) -> None:
    session = await _run(site.page("blog.html"), options=Options(workers=1))
    (article,) = session.briefing.articles
    assert article.stage is Stage.DONE, article.error
    assert any("Watching this from Ottawa" in c.text for c in article.comments)
    # A commenter's city and the comments' dates are not what the article reports.
    assert "Ottawa" not in {e.name for e in article.entities or []}
    assert not any("Ottawa" in t.sentence for t in article.timeline or [])
    assert not any(t.value.startswith("2024-04-25") for t in article.timeline or [])


async def test_a_very_long_text_is_analysed_only_up_to_the_bound(site: FixtureServer) -> None:
    session = await _run(
        site.page("frontline.html"), options=Options(workers=1), stages=Stages(max_chars=800)
    )
    (article,) = session.briefing.articles
    assert article.stage is Stage.DONE
    assert article.analysed_blocks is not None and 0 < article.analysed_blocks < len(article.blocks)
    assert all(m.block < article.analysed_blocks for e in article.entities for m in e.mentions)


def test_one_paragraph_longer_than_the_bound_is_analysed_up_to_it() -> None:
    from tui.pipeline.export import analysis_limit_note
    from tui.pipeline.model import Article, Block, BlockKind
    from tui.pipeline.stages import MAX_ANALYSED_CHARS, AnalysisJob, analyse

    # A megabyte of one paragraph ran past spaCy's own limit: "internal error" for all of it.
    text = "Anna Berg met Carl Lund in Oslo on Monday. " * 100
    job = AnalysisJob([Block(BlockKind.PARAGRAPH, text)], "2024-05-01", None, "en", max_chars=600)
    result = analyse(job)
    assert result.analysed_blocks == 1 and result.entities and result.timeline
    assert max(m.end for e in result.entities for m in e.mentions) <= 600
    assert max(t.end for t in result.timeline) <= 600
    huge = Article(input="x", blocks=[Block(BlockKind.PARAGRAPH, "word " * MAX_ANALYSED_CHARS)])
    huge.analysed_blocks = 1
    assert analysis_limit_note(huge).startswith(
        f"Entities and timeline cover the first {MAX_ANALYSED_CHARS:,} characters of the first "
        "paragraph:"
    )


async def test_megabytes_of_base64_in_the_text_leave_the_paragraphs_after_it_analysed(
    site: FixtureServer,
) -> None:
    import base64

    # A page that left an image's base64 in its article: it took the whole analysis budget
    # and its letters made the article Swedish, so no names or dates came of any of it.
    blob = base64.b64encode(bytes(range(256)) * 6000).decode()  # 2 MB, no space
    before = "".join(
        f"<p>Anna Berg told the council in Oslo on Monday that part {i} of the new bridge "
        "would open soon, and the ferry would stop running when it did.</p>"
        for i in range(6)
    )
    after = (
        "<p>Carl Lund said the council would meet again on 14 March 2025 to set the fares "
        "for the first year of the bridge.</p>"
    )
    html = (
        "<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
        f"{before}<p>{blob}</p>{after}</article></body></html>"
    )
    session = await _run(site.host_html(html.encode()), options=Options(workers=1))
    (article,) = session.briefing.articles
    assert article.error is None and article.analysed_blocks is None
    assert article.metadata.language != "sv"
    last = len(article.blocks) - 1
    assert "2025-03-14" in {t.value for t in article.timeline if t.block == last}
    assert "Carl Lund" in {e.name for e in article.entities}


async def test_cuts_made_during_extraction_are_kept_with_the_cleaners(site: FixtureServer) -> None:
    session = await _run(site.page("frontline.html"))
    (article,) = session.briefing.articles
    rules = {r.rule for r in article.removed}
    assert "related-link" in rules  # cut while the HTML still showed it was only a link
    assert "social-cta" in rules and "widget" in rules


def _neighbours(article: Article, text: str) -> tuple[str, str]:
    """The starts of the kept blocks just before and after a removed block."""
    (r,) = [r for r in article.removed if text in r.text]
    assert r.position is not None and 0 <= r.position <= len(article.blocks)
    before = article.blocks[r.position - 1].text[:20] if r.position else ""
    after = article.blocks[r.position].text[:20] if r.position < len(article.blocks) else ""
    return before, after


async def test_removed_blocks_stand_where_they_were_after_every_cut(site: FixtureServer) -> None:
    session = await _run(site.page("frontline.html"), site.page("frontline_followup.html"))
    front = session.briefing.articles[0]
    assert any(r.rule == "recurring" for r in front.removed)
    assert _neighbours(front, "WHATSAPP") == ("The gamble comes as ", "According to soldier")
    assert _neighbours(front, "spot an error") == ("With Ukrainian force", "The independent inve")
    # The shared footer was the last block; it now stands after the new last one.
    assert _neighbours(front, "independent newsroom") == ("Putin convened his s", "")
    for article in session.briefing.articles:
        known = [r.position for r in article.removed if r.position is not None]
        assert len(known) == len(article.removed)
        assert known == sorted(known), "removed blocks are listed in page order"


def _content(session: Session) -> list[tuple]:
    return [
        (
            a.input.rsplit("/", 1)[-1].split("?")[0],
            [b.text for b in a.blocks],
            [r.text for r in a.removed],
        )
        for a in session.briefing.articles
    ]


async def test_arrival_order_does_not_change_the_articles(site: FixtureServer) -> None:
    pages = ("frontline.html", "frontline_followup.html", "wire.html")
    late_first = await _run(
        *(site.url(f"/delay/{p}?s={1.2 - 0.5 * i}") for i, p in enumerate(pages))
    )
    late_last = await _run(
        *(site.url(f"/delay/{p}?s={0.2 + 0.5 * i}") for i, p in enumerate(pages))
    )
    assert _content(late_first) == _content(late_last)
    assert any(r.rule == "recurring" for r in late_first.briefing.articles[0].removed)


async def test_a_finished_article_cut_by_a_later_page_is_revised(site: FixtureServer) -> None:
    finished: list[tuple[int, int, int]] = []
    session = Session(TEXT_ONLY)
    session.on_finished = lambda a: finished.append(
        (session.briefing.index(a), a.revision, len(a.blocks))
    )
    await session.run(
        _inputs(site.page("frontline.html"), site.url("/delay/frontline_followup.html?s=1.5"))
    )
    first = [f for f in finished if f[0] == 0]
    assert [revision for _, revision, _ in first] == [0, 1]
    assert first[1][2] < first[0][2]  # the revision lost the site's recurring blocks


async def test_the_same_input_twice_is_one_article(site: FixtureServer) -> None:
    url = site.page("wire.html")
    spelled = url.replace("http://127.0.0.1", "HTTP://127.0.0.1") + "/"
    session = await _run(url, url, spelled.rstrip("/"))
    assert len(session.briefing.articles) == 1


async def test_two_urls_of_one_page_become_one_article(site: FixtureServer) -> None:
    session = await _run(site.url("/moved/wire.html"), site.page("wire.html"))
    moved, direct = session.briefing.articles
    assert moved.blocks and moved.duplicate_of is None
    assert direct.duplicate_of == 0 and direct.blocks == [] and direct.error is None


async def test_a_redirect_read_before_the_page_it_leads_to_is_still_one_article(
    site: FixtureServer,
) -> None:
    # The direct input asks first and waits; the redirect onto its page is read first. It
    # once kept its text beside the direct one's: the direct input held the page's key from
    # the start, before it had text to compare (a canonical address the page names hid it).
    paragraphs = "".join(
        f"<p>The ferry strike entered its {day} day as unions and operators met again to "
        "talk about pay, rosters and the new timetable for the winter season.</p>"
        for day in ("second", "third", "fourth", "fifth")
    )
    page = site.host_html(f"<html><body><article>{paragraphs}</article></body></html>".encode())
    path = page.removeprefix(site.base)
    site.first_hit_delays.update({path: 1.5, "/redirect-to": 0.3})
    session = await _run(page, site.url(f"/redirect-to?to={path}"))
    direct, moved = session.briefing.articles
    assert direct.blocks and direct.duplicate_of is None
    assert moved.duplicate_of == 0 and moved.blocks == [] and moved.error is None
    assert session.briefing.tally().same == 1


def test_three_inputs_of_one_page_read_last_to_first_all_point_to_the_first() -> None:
    briefing = Briefing()
    articles = [briefing.add(f"https://a.example/{n}") for n in range(3)]
    for article in reversed(articles):
        article.url = "https://a.example/story"
        article.blocks = [Block(BlockKind.PARAGRAPH, "The harbour reopened on Monday.")]
        briefing.read(article)
    assert [a.duplicate_of for a in articles] == [None, 0, 0]
    assert articles[0].blocks and not articles[1].blocks and not articles[2].blocks


def _story_naming(canonical: str, headline: str, subject: str) -> bytes:
    paragraphs = "".join(
        f"<p>{subject} was the talk of the harbour town on day {n} of the week, residents "
        f"said, as officials met to weigh what to do next about {subject.lower()}.</p>"
        for n in range(1, 5)
    )
    return (
        f'<html><head><title>{headline}</title><link rel="canonical" href="{canonical}">'
        f"</head><body><article><h1>{headline}</h1>{paragraphs}</article></body></html>"
    ).encode()


async def test_stories_whose_pages_name_one_canonical_address_are_all_kept(
    site: FixtureServer,
) -> None:
    # A site template that gives every story its home page's canonical address.
    home = site.url("/")
    urls = [
        site.host_html(_story_naming(home, "Storm closes the port", "The storm")),
        site.host_html(_story_naming(home, "Council passes budget", "The budget")),
        site.host_html(_story_naming(home, "Ferry strike ends", "The strike")),
    ]
    session = await _run(*urls)
    articles = session.briefing.articles
    assert [a.duplicate_of for a in articles] == [None, None, None]
    assert all(a.blocks and a.error is None for a in articles)
    assert len({a.blocks[0].text for a in articles}) == 3


async def test_a_bug_in_a_stage_is_that_articles_error_and_logged_not_printed(
    site: FixtureServer, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.ERROR):
        session = await _run(
            site.page("wire.html"), stages=Stages(read=tasks.buggy_read), options=TEXT_ONLY
        )
    (article,) = session.briefing.articles
    assert article.error.kind is ErrorKind.INTERNAL
    assert "(ZeroDivisionError)" in article.error.message
    assert "Traceback" not in article.error.message
    assert any("ZeroDivisionError" in r.getMessage() for r in caplog.records)
    assert capsys.readouterr().err == ""


async def test_an_article_whose_analysis_failed_keeps_its_text_in_the_markdown(
    site: FixtureServer,
) -> None:
    from tui.pipeline import export

    session = await _run(
        site.page("wire.html"),
        options=Options(workers=1),
        stages=Stages(analyse=tasks.buggy_analyse),
    )
    (article,) = session.briefing.articles
    assert article.error is not None and article.blocks
    said = export.to_markdown(session.briefing)
    # Its error, then its text: "0 read, 1 failed" and the error alone lost a whole article.
    assert "1 article, 1 read, 0 failed." in said
    assert "finding its entities and timeline (ValueError)" in said
    assert article.blocks[-1].text[:60] in said


async def test_an_article_waiting_for_a_fetch_slot_is_queued_not_fetching(
    site: FixtureServer,
) -> None:
    session = Session(Options(analysis=False, concurrency=1))
    first = session.add(site.url("/delay/wire.html?s=1"))
    second = session.add(site.page("blog.html"))
    assert first is not None and second is not None
    for _ in range(200):
        if first.stage is Stage.FETCHING:
            break
        await asyncio.sleep(0.01)
    # The one slot is the first article's: the second has not begun to fetch.
    assert first.stage is Stage.FETCHING and second.stage is Stage.QUEUED
    await session.join()
    assert first.stage is second.stage is Stage.DONE
    await session.close()


async def test_a_native_crash_in_a_stage_costs_only_that_article(site: FixtureServer) -> None:
    session = await _run(
        site.page("wire.html"), site.page("blog.html"), stages=Stages(read=tasks.crashing_read)
    )
    for article in session.briefing.articles:
        assert article.error.kind is ErrorKind.INTERNAL
        assert "SIGSEGV" in article.error.message


async def test_close_stops_an_analysis_at_once(site: FixtureServer) -> None:
    session = Session(Options(workers=1), stages=Stages(analyse=tasks.slow_analyse))
    article = session.add(site.page("wire.html"))
    for _ in range(400):
        if article.stage is Stage.ANALYSING:
            break
        await asyncio.sleep(0.05)
    assert article.stage is Stage.ANALYSING
    await asyncio.wait_for(session.close(), 5)
    assert session.in_flight == 0


def test_timeline_anchor_falls_back_to_fetch_date_and_says_so() -> None:
    assert timeline_anchor(None, "2024-08-09T10:00:00+00:00") == ("2024-08-09T10:00:00+00:00", True)
    assert timeline_anchor("2024-08-08", "2024-08-09T10:00:00+00:00") == ("2024-08-08", False)


@pytest.mark.parametrize("bad", ["2024-13-45", "2024-02-30", "0000-00-00"])
def test_impossible_publication_date_falls_back_to_the_fetch_date(bad: str) -> None:
    assert timeline_anchor(bad, "2024-08-09T10:00:00+00:00") == ("2024-08-09T10:00:00+00:00", True)
