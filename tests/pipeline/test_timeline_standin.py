"""A page that gives no date is read as of the latest date it names with its year, not as of
the day it was fetched; the guess is still flagged on every entry."""

from __future__ import annotations

import json

import pytest

from tests.server import FixtureServer
from tests.test_cli import briefing
from tui.pipeline import codec, nlp
from tui.pipeline.model import Block, BlockKind, RemovedBlock
from tui.pipeline.stages import AnalysisJob, analyse, date_lines, head_cuts
from tui.pipeline.timeline import build_timeline
from tui.pipeline.timeline.standin import standin_anchor

FETCHED = "2026-12-03T09:00:00+00:00"
# A blog post whose only date is in its byline, which the cleaner cuts.
UNDATED_POST = (
    b"<html><head><title>Harbour notes</title></head><body><article>"
    b"<h1>The ferry is back</h1><p>Posted by Wren on 14 March 2007</p>"
    b"<p>The ferry came back into service on Monday after a winter in the yard, and the "
    b"harbour master said the timetable would hold until October.</p>"
    b"<p>Fares stay as they were, and the first crossing leaves at seven.</p>"
    b"</article></body></html>"
)


def _standin(*texts: str, fetched: str = FETCHED) -> str | None:
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    return standin_anchor(blocks, nlp.parse_blocks(blocks), fetched)


def test_the_latest_day_the_page_names_with_its_year_stands_in() -> None:
    assert (
        _standin(
            "Posted by Wren on May 16, 2005 - 10:15 am",
            "The council first met on March 3, 2004, and again on Friday.",
        )
        == "2005-05-16"
    )


def test_a_date_line_the_cleaner_cut_wins_over_the_dates_the_story_names() -> None:
    blocks = [Block(BlockKind.PARAGRAPH, "The survey of June 1, 2009 found the pier sound.")]
    docs = nlp.parse_blocks(blocks)
    lines = ["Posted by Wren on 14 March 2007 | 3 comments"]
    assert standin_anchor(blocks, docs, FETCHED, lines) == "2007-03-14"
    # A date line naming no year leaves it to the text.
    assert standin_anchor(blocks, docs, FETCHED, ["Posted by Wren on Monday"]) == "2009-06-01"


def test_a_day_named_wins_over_a_later_year_the_page_plans_for() -> None:
    assert _standin("On 2 June 2009 the board set targets for 2012.") == "2009-06-02"


def test_a_month_or_a_year_alone_stands_in_by_its_middle() -> None:
    assert _standin("Sales rose in March 2011.") == "2011-03-16"
    assert _standin("Sales rose in 2011 and will rise in 2040.") == "2011-07-02"


@pytest.mark.parametrize(
    "text",
    [
        "The mill has stood since 1998.",  # a length up to the anchor, not a day named
        "The bridge opened in 1872.",  # older than any web page
        "The plant will close on June 1, 2031.",  # after the page was fetched
        "About 2,000 people came last week.",  # a number, not a year
        "The strike came yesterday.",  # nothing named with its year
    ],
)
def test_a_page_naming_no_date_of_its_own_has_no_stand_in(text: str) -> None:
    assert _standin(text) is None


_CONFERENCE = (
    "The start of a year is a time to look back. On December 18, 2004 the society met in "
    "Leeds, and next year's meeting will be in York."
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # The month over the text, though the text names a later day.
        (["Issue #113 - January 2005", "Introduction"], "2005-01-16"),
        (["Publication Date: Wednesday, August 11, 2004"], "2004-08-11"),
        (["Edition 18 * March 15, 2002", "Kitchen notes"], "2002-03-15"),
        # No space after the comma: still a year, not thousands.
        (["Letter to the minister (January 08,2001)"], "2001-01-08"),
        # A year alone over the text is its subject more often than its date.
        (["2005 Revision Details"], "2004-12-18"),
        # No head: the text's latest day, as before.
        ([], "2004-12-18"),
    ],
)
def test_a_date_in_the_lines_over_the_text_is_the_pages(head: list[str], expected: str) -> None:
    assert _standin(*head, _CONFERENCE) == expected


def test_a_line_after_the_first_paragraph_is_no_head() -> None:
    assert _standin(_CONFERENCE, "Issue #113 - January 2005") == "2004-12-18"


def test_an_undated_page_is_read_as_of_its_own_latest_date() -> None:
    blocks = [
        Block(BlockKind.PARAGRAPH, "Posted on Thursday, November 17, 2005"),
        Block(BlockKind.PARAGRAPH, "The ferry stopped running last week, and the port "
              "reopens on December 26."),
    ]  # fmt: skip
    analysis = analyse(AnalysisJob(blocks, None, FETCHED, "en"))
    values = {e.expression: e.value for e in analysis.timeline or []}
    assert values["last week"] == "2005-W45"
    assert values["December 26"] == "2005-12-26"
    assert all(e.anchor_assumed for e in analysis.timeline or [])
    assert analysis.read_as_of == "2005-11-17"
    again = codec.analysis_result(codec.decode(codec.encode(analysis)))
    assert again == analysis
    titled = analyse(AnalysisJob(blocks, None, FETCHED, "en", title="Ferry notes, March 2006"))
    assert titled.read_as_of == "2006-03-16"


def test_a_dated_page_is_read_as_of_its_own_date_whatever_it_names() -> None:
    blocks = [Block(BlockKind.PARAGRAPH, "On May 16, 2005 it rained; it rained again last week.")]
    analysis = analyse(AnalysisJob(blocks, "2024-08-08", FETCHED, "en"))
    values = {e.expression: e.value for e in analysis.timeline or []}
    assert values["last week"] == "2024-W31"
    assert not any(e.anchor_assumed for e in analysis.timeline or [])
    assert analysis.read_as_of is None


def test_the_json_of_an_undated_page_dates_its_relative_days_by_the_page(
    site: FixtureServer,
) -> None:
    url = site.host_html(UNDATED_POST)
    proc = briefing("-f", "json", "--no-cache", url)
    assert proc.returncode == 0, proc.stderr
    (article,) = json.loads(proc.stdout)["articles"]
    assert article["published"] is None
    timeline = {t["expression"]: t for t in article["timeline"]}
    assert timeline["Monday"]["value"] == "2007-03-12"
    assert timeline["October"]["value"] == "2007-10"
    assert all(t["anchor_assumed"] for t in article["timeline"])
    assert article["read_as_of"] == "2007-03-14"
    markdown = briefing("-f", "markdown", "--no-cache", url).stdout
    assert "no date given; read as of 14 Mar 2007" in markdown


# A blog whose template prints the post's date between its headline and its text, outside
# the text's box, and gives it nowhere else; the text names only an older month.
HEADER_DATED_POST = (
    b"<html><head><title>Harbour notes: the ferry is back</title></head><body><div class='post'>"
    b"<h3><a href='http://harbour.example/2012/11/back.html'>The ferry is back</a></h3>"
    b"<p class='post-subhead'>Wednesday, November 07, 2012 | 10:00 AM</p>"
    b"<p class='post-subhead'>Labels: <a href='/label/ferries'>ferries</a></p>"
    b"<div class='post-body'><div dir='ltr'>The ferry, laid up since March 2009, came back "
    b"into service this morning after a long winter in the yard, the harbour master said."
    b"<br><br>The first full timetable starts tomorrow, and fares stay as they were for now, "
    b"the operator said in a statement to passengers.<br><br>Crews spent the winter replacing "
    b"the ramp and the engines, work the port had put off for years.</div></div>"
    b"</div></body></html>"
)


def test_an_undated_page_is_read_as_of_the_date_line_over_its_text(site: FixtureServer) -> None:
    proc = briefing("-f", "json", "--no-cache", site.host_html(HEADER_DATED_POST))
    assert proc.returncode == 0, proc.stderr
    (article,) = json.loads(proc.stdout)["articles"]
    assert article["published"] is None
    assert article["read_as_of"] == "2012-11-07"
    timeline = {t["expression"]: t for t in article["timeline"]}
    assert timeline["tomorrow"]["value"] == "2012-11-08"
    assert [t["range"][0] for t in timeline.values() if "March 2009" in t["expression"]] == [
        "2009-03-01"
    ]
    assert "Wednesday, November 07, 2012 | 10:00 AM" in [r["text"] for r in article["removed"]]


# A page whose date line is a link to the site's front page, cut as a related link.
LINKED_DATE_LINE_POST = (
    b"<html><head><title>The ferry is back</title></head><body><article>"
    b"<h1>The ferry is back</h1><p><a href='http://harbour.example/'>HarbourNotes.example "
    b"\xe2\x80\xa2 Monday November 5, 2012</a></p><p>The ferry, laid up since March 2009, came "
    b"back into service this morning after a long winter in the yard, the harbour master "
    b"said.</p><p>The first full timetable starts tomorrow, and fares stay as they were for "
    b"now, the operator said.</p><p>Crews spent the winter replacing the ramp and the "
    b"engines, work the port had put off for years.</p></article></body></html>"
)


def test_a_date_line_cut_as_a_link_over_the_text_dates_an_undated_page(
    site: FixtureServer,
) -> None:
    proc = briefing("-f", "json", "--no-cache", site.host_html(LINKED_DATE_LINE_POST))
    assert proc.returncode == 0, proc.stderr
    (article,) = json.loads(proc.stdout)["articles"]
    assert article["read_as_of"] == "2012-11-05"
    timeline = {t["expression"]: t["value"] for t in article["timeline"]}
    assert timeline["tomorrow"] == "2012-11-06"


def _with_cuts(cuts: list[str], *texts: str) -> str | None:
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    return standin_anchor(blocks, nlp.parse_blocks(blocks), FETCHED, head_cuts=cuts)


@pytest.mark.parametrize(
    ("cuts", "expected"),
    [
        # A digest's issue line, cut as a label, over a text that names a later day.
        (["::WEEKLY DIGEST No. 184 -- 6 October 2003"], "2003-10-06"),
        (["Date: Sat Feb 18 1995 - 19:45:33 GMT"], "1995-02-18"),
        # A year alone is a subject ("2006 Sale Pages!").
        (["2006 Sale Pages!"], "2004-03-16"),
        # A long line is read for what its opening says, as a date line's does.
        (
            ["Published on December 5, 2003 in Tools and News. Tags: " + "tools, " * 20],
            "2003-12-05",
        ),
        (["Tags: " + "tools, " * 20 + "on December 5, 2003"], "2004-03-16"),
        ([], "2004-03-16"),
    ],
)
def test_a_date_in_the_lines_cut_over_the_text_is_the_pages(cuts: list[str], expected: str) -> None:
    assert _with_cuts(cuts, "The fair is set for March 16, 2004, the organisers said.") == expected


@pytest.mark.parametrize(
    ("cuts", "expected"),
    [
        # A blog's calendar badge, day, month and year each in an element of its own.
        (["11", "July", "2003", "Staples In My Head", "Tags: Random"], "2003-07-11"),
        (["Oct", "1", "2003", "Tweet"], "2003-10-01"),
        (["Wed", "5th", "Nov", "2003"], "2003-11-05"),
        # A year alone is still a subject, and a lone number no day.
        (["2003", "Sale Pages"], "2004-03-16"),
        (["11", "Comments"], "2004-03-16"),
    ],
)
def test_a_date_printed_as_a_badge_of_pieces_is_read_whole(cuts: list[str], expected: str) -> None:
    assert _with_cuts(cuts, "The fair is set for March 16, 2004, the organisers said.") == expected


@pytest.mark.parametrize(
    "line",
    [
        # A stamp whose clock spaCy ran into the line after it kept no year.
        "November 13, 2012 12:19 PM PST Follow @annaberg",
        "Published Nov. 13, 2012 8:42 am Updated Nov. 14, 2012 2:01 pm",
    ],
)
def test_a_stamp_run_into_the_words_after_its_clock_keeps_its_year(line: str) -> None:
    text = "The fair is set for March 16, 2004, the organisers said."
    assert _with_cuts([line], text) in ("2012-11-13", "2012-11-14")
    blocks = [Block(BlockKind.PARAGRAPH, text)]
    assert standin_anchor(blocks, nlp.parse_blocks(blocks), FETCHED, [line]) in (
        "2012-11-13",
        "2012-11-14",
    )
    stamp_line = [Block(BlockKind.PARAGRAPH, line)]
    (stamp, *_) = build_timeline(stamp_line, FETCHED, True, nlp.parse_blocks(stamp_line))
    assert stamp.value.startswith("2012-11-13")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted: 11.13.2012", "2012-11-13"),
        ("By Sam Writer on 10.29.12", "2012-10-29"),
        # Dots with no number above 12 put the day first; slashes the month.
        ("11.07.12", "2012-07-11"),
        ("07/11/2012", "2012-07-11"),
        ("Wed 2012/11/07 19:05 JST", "2012-11-07"),
    ],
)
def test_a_date_line_in_figures_dates_an_undated_page(line: str, expected: str) -> None:
    text = "The fair is set for March 16, 2004, the organisers said."
    assert _with_cuts([line], text) == expected
    blocks = [Block(BlockKind.PARAGRAPH, text)]
    assert standin_anchor(blocks, nlp.parse_blocks(blocks), FETCHED, [line]) == expected


def test_figures_in_the_text_itself_are_not_read_as_its_date() -> None:
    assert _standin("Version 10.29.12 of the app fixed the bug, and 11.13.2012 broke it.") is None


def test_only_the_lines_other_rules_cut_over_the_first_block_are_the_heads_cuts() -> None:
    def cut(text: str, rule: str, position: int) -> RemovedBlock:
        return RemovedBlock(BlockKind.PARAGRAPH, text, "a reason", rule, position)

    removed = [
        cut("NOVEMBER 2004", "short-line", 0),
        cut("Posted on 3 May 2004", "byline", 0),  # a date line: read before any head
        cut("Related: the May 2004 floods", "related-link", 3),
    ]
    assert head_cuts(removed) == ("NOVEMBER 2004",)
    assert date_lines(removed) == ("Posted on 3 May 2004",)


def _titled(title: str, *texts: str) -> str | None:
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    return standin_anchor(blocks, nlp.parse_blocks(blocks), FETCHED, title=title)


def test_a_month_the_title_names_wins_over_an_older_day_the_text_cites() -> None:
    cited = "The hearing of October 25, 1995, is cited in full below."
    assert _titled("Growers' Newsletter October 1997", cited) == "1997-10-16"
    # A year alone in a title is more often its subject than its date.
    assert _titled("The 1997 hearings", cited) == "1995-10-25"
    # An older month in the title leaves the text's later day standing in.
    assert _titled("Newsletter May 1994", cited) == "1995-10-25"
    assert _titled("Newsletter October 1997") == "1997-10-16"


def test_a_zone_the_tagger_takes_for_a_verb_stays_with_its_clock() -> None:
    # "PST" tagged as a participle: the clock is cut only at a verb in lower case.
    line = [Block(BlockKind.PARAGRAPH, "14 posted on 12/20/2004 11:56:51 PM PST by Sam Writer")]
    (stamp,) = build_timeline(line, FETCHED, True, nlp.parse_blocks(line))
    assert (stamp.expression, stamp.value) == ("12/20/2004 11:56:51 PM PST", "2004-12-20T23:56:51")
