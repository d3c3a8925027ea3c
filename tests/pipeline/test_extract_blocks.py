"""The page cut into pieces: kinds, links, holders and the boxes the markup rules mark."""

from __future__ import annotations

from tui.pipeline.extract_blocks import Page, number_blocks, page_pieces
from tui.pipeline.extract_parse import parse
from tui.pipeline.model import BlockKind


def _page(body: str) -> Page:
    tree = parse(f"<html><body>{body}</body></html>")
    number_blocks(tree)
    return page_pieces(tree)


def _mark_rules(page: Page) -> list[str | None]:
    """The rule that marked each piece's box, None for a piece no rule marked."""
    return [page.marks[p.mark].rule if p.mark is not None else None for p in page.pieces]


def test_pieces_follow_the_page_with_their_kinds() -> None:
    page = _page(
        "<h2>Storm damage</h2><p>Roofs were lost in the night.</p>"
        "<ul><li>two schools closed</li></ul><blockquote><p>It was loud.</p></blockquote>"
        "<div>Loose text in a box<br>after a break</div>"
    )
    assert [(p.kind, p.text) for p in page.pieces] == [
        (BlockKind.HEADING, "Storm damage"),
        (BlockKind.PARAGRAPH, "Roofs were lost in the night."),
        (BlockKind.LIST_ITEM, "two schools closed"),
        (BlockKind.QUOTE, "It was loud."),
        (BlockKind.PARAGRAPH, "Loose text in a box"),
        (BlockKind.PARAGRAPH, "after a break"),
    ]


def test_scripts_hidden_boxes_and_menus_give_no_pieces_but_text_after_them_stays() -> None:
    page = _page(
        "<p>Start <script>var x = 1;</script>middle<!-- a note --> end.</p>"
        "<div hidden>secret</div><div style='display: none'>also secret</div>"
        "<nav><a href='/'>Home</a></nav><p>Last.</p>"
    )
    assert [p.text for p in page.pieces] == ["Start middle end.", "Last."]


def test_link_text_is_measured_and_a_headline_link_is_link_only() -> None:
    page = _page(
        "<p><a href='/a'>Ferry fares rise again this winter</a></p>"
        "<p>The report, <a href='/r'>published here</a>, was short.</p>"
        "<p><a href='https://council.example/report.pdf'>https://council.example/report.pdf</a></p>"
    )
    headline, sentence, address = page.pieces
    assert headline.link_only and headline.link_density == 1.0
    assert not sentence.link_only and 0 < sentence.link_density < 0.5
    # A bare address the writer printed is content, not a headline.
    assert not address.link_only


def test_inline_caption_is_lifted_out_of_its_sentence_and_follows_it() -> None:
    page = _page(
        "<p>The wall was rebuilt <span class='photo-caption'>Crane on the quay</span>"
        " in a week.</p><p>Next paragraph.</p>"
    )
    texts = [p.text for p in page.pieces]
    assert texts == ["The wall was rebuilt in a week.", "Crane on the quay", "Next paragraph."]
    lifted = page.pieces[1]
    assert lifted.lifted and page.marks[lifted.mark or 0].rule == "caption"


def test_marked_box_marks_every_piece_inside_and_the_outermost_mark_wins() -> None:
    page = _page(
        "<div class='share-tools'><p>Share this</p><p class='caption'>Facebook</p></div>"
        "<p>Body text.</p>"
    )
    share, inner, body = page.pieces
    assert share.mark == inner.mark and page.marks[share.mark or 0].rule == "share"
    assert body.mark is None


def test_holders_nest_so_a_box_holds_exactly_what_is_inside_it() -> None:
    page = _page("<div id='outer'><div><p>Inside.</p></div></div><p>Outside.</p>")
    inside, outside = page.pieces
    around_inside = page.around([inside.owner])
    outer = page.up(around_inside, 2)
    assert page.holds(outer, inside.owner)
    assert not page.holds(outer, outside.owner)
    assert page.around([inside.owner, outside.owner]) == page.up(outside.owner, 1)


def test_named_anchor_left_open_around_the_text_is_not_a_link() -> None:
    # Old pages open <a name=...> at a section and never close it: the text is not links.
    page = _page("<a name='part-two'><h2>Part two</h2><p>The trees were planted in rows.</p>")
    assert [p.link_density for p in page.pieces] == [0.0, 0.0]
    assert not any(p.link_only for p in page.pieces)


def test_a_class_word_run_together_with_a_layout_noun_marks_its_box() -> None:
    page = _page(
        "<div class='commentbody'><p>First!</p></div>"
        "<div class='sharebar'><p>Share this</p></div>"
        "<div class='commentary'><p>Our view of the vote.</p></div>"
        "<div class='commentsomething'><p>Not a layout noun.</p></div>"
    )
    assert _mark_rules(page) == ["comments", "share", None, None]


def test_the_writers_biography_box_is_marked() -> None:
    page = _page(
        "<p>The river rose two metres overnight.</p>"
        "<div class='author-bio'><p>Ann Lee writes about rivers.</p></div>"
        "<div class='c-bio__box'><p>Bo Chan edits the paper.</p></div>"
        "<div class='biology'><p>Cells divide.</p></div>"
    )
    assert _mark_rules(page) == [None, "author-bio", "author-bio", None]


def test_wrappers_around_the_same_text_are_one_level_when_widening() -> None:
    # A lede box beside the body's box, the body inside three blockquotes left open: two
    # levels from the body's innermost box reach the box holding the lede too.
    page = _page(
        "<div><div><p>Lede.</p></div>"
        "<div><blockquote><blockquote><blockquote><p>Body one.</p><p>Body two.</p>"
        "</blockquote></blockquote></blockquote></div></div>"
    )
    lede, body = page.pieces[0].owner, page.pieces[1].owner
    inner = page.parents[body]  # the innermost blockquote
    around_both = page.parents[page.parents[lede]]
    assert page.widen(inner, 2) == around_both
    # Counted tag by tag, two levels stop at the outer blockquote, short of the lede.
    assert not page.holds(page.up(inner, 2), lede)
    # The body's own box is one level up: its paragraphs' box reaches more text.
    assert page.widen(body, 1) == inner


def test_a_blank_line_in_preformatted_text_parts_two_paragraphs() -> None:
    # A mailing list's message or a press release kept as plain text: a reader sees its
    # blank lines, and its wrapped lines run on within each paragraph.
    page = _page(
        "<pre>The board met on Tuesday\nevening at the quay.\n\n  \nIt voted for the\r\n"
        "plan.\r\n\r\nWork starts <b>in\n\nMay</b>.\n&nbsp;\nA mail archive quotes:\n"
        "&gt;<i> an earlier message\n</i>\nand replies.</pre><div>After\n\nit</div>"
    )
    assert [p.text for p in page.pieces] == [
        "The board met on Tuesday evening at the quay.",
        "It voted for the plan.",
        "Work starts in",
        "May.",
        "A mail archive quotes: > an earlier message",
        "and replies.",
        "After it",
    ]
    assert not any(p.after_line_break for p in page.pieces)


def test_a_piece_after_one_line_break_is_marked_as_the_next_line() -> None:
    page = _page("<div>one<br>two<br><br>three<br><b>four</b><p>five</p>six<br>seven</div>")
    assert [(p.text, p.after_line_break) for p in page.pieces] == [
        ("one", False),
        ("two", True),
        ("three", False),
        ("four", True),
        ("five", False),
        ("six", False),
        ("seven", True),
    ]
