"""An article kept out of the page's layout: a <noscript> copy, a declared articleBody."""

from __future__ import annotations

import lxml.html
import pytest

from tui.pipeline.extract_hidden import declared_blocks, unwrap_noscript
from tui.pipeline.model import BlockKind


def test_a_plain_declared_body_is_cut_into_paragraphs_at_its_line_breaks() -> None:
    blocks = declared_blocks("First line of the story.\n\n  Second   one.\nThird one.\n")
    assert [b.text for b in blocks] == ["First line of the story.", "Second one.", "Third one."]


def test_a_plain_declared_body_with_a_word_in_a_tag_keeps_its_paragraphs() -> None:
    blocks = declared_blocks(
        "The vote was <em>close</em>.\r\n\r\nA recount <a href='/r'>follows</a>."
        "\n\nIt &quot;ends&quot; &amp; all."
    )
    assert [b.text for b in blocks] == [
        "The vote was close.",
        "A recount follows.",
        'It "ends" & all.',
    ]


def test_a_declared_body_written_as_html_keeps_its_paragraphs_and_headings() -> None:
    blocks = declared_blocks(
        "<p>The vote was <b>close</b>.</p><h2>What next</h2><p>A recount <i>follows</i>.</p>"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "The vote was close."),
        (BlockKind.HEADING, "What next"),
        (BlockKind.PARAGRAPH, "A recount follows."),
    ]


def test_a_declared_body_of_broken_html_gives_its_text_or_nothing_never_raises() -> None:
    for body in ("<p>Unclosed <b>tags and text", "<", "<!-- -->", "<p></p>"):
        assert all(b.text for b in declared_blocks(body))


STORY = "The council voted on Monday to extend the tram line to the harbour. " * 4


def test_noscript_boxes_become_plain_boxes_and_say_whether_one_held_a_copy() -> None:
    tree = lxml.html.fromstring(
        f"<html><body><div id='app'></div><noscript><p>{STORY}</p></noscript></body></html>"
    )
    assert unwrap_noscript(tree) is True
    assert tree.find(".//noscript") is None
    assert tree.find(".//div/p").text == STORY


@pytest.mark.parametrize(
    "box",
    [
        "<img src='pixel.gif'>",
        "<p>Please turn on JavaScript. Media requires JavaScript to play.</p>",
        f"<script>var story = '{STORY}';</script>",
    ],
)
def test_a_notice_a_pixel_or_a_script_in_noscript_is_no_copy_of_the_article(box: str) -> None:
    tree = lxml.html.fromstring(f"<html><body><noscript>{box}</noscript>{STORY}</body></html>")
    assert unwrap_noscript(tree) is False


def test_markup_a_noscript_box_holds_escaped_is_no_running_text() -> None:
    # Its addresses alone passed for a copy of the article.
    link = '&lt;a href="https://widgets.example/w/prospects-of-the-season"&gt;'
    box = f"Get the {link}Prospects&lt;/a&gt; widget and many other {link}great widgets&lt;/a&gt;."
    tree = lxml.html.fromstring(f"<html><body><noscript>{box * 3}</noscript></body></html>")
    assert unwrap_noscript(tree) is False
