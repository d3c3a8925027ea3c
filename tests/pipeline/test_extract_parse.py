"""Parsing a page so that no text is lost: deep nesting, forbidden characters, huge pages."""

from __future__ import annotations

import pytest

from tui.pipeline.extract_parse import MAX_ATTRIBUTES, bound, parse
from tui.pipeline.model import ErrorKind, PipelineError


def _paragraph(i: int) -> str:
    return f"Paragraph {i} of the inquiry's report says the harbour wall failed in the storm."


def test_unclosed_boxes_nested_past_the_parsers_depth_keep_all_their_text() -> None:
    # libxml2 drops everything past 256 open elements unless the page is read again.
    html = "<html><body>" + "".join(f"<div><p>{_paragraph(i)}" for i in range(1000))
    text = parse(html).text_content()
    assert all(_paragraph(i) in text for i in range(1000))


def test_headings_nested_past_the_depth_lose_their_markup_not_their_text() -> None:
    # Headings survive the first flattening, and these never close.
    html = "<html><body>" + "<h2><blockquote>x" * 3000 + "</body></html>"
    assert parse(html).text_content().count("x") == 3000


@pytest.mark.parametrize("ref", ["&#x1b;", "&#27;", "&#xFFFE;", "&#xffff;", "&#xD800;", "&#0;"])
def test_references_to_characters_a_tree_cannot_hold_are_dropped(ref: str) -> None:
    root = parse(f"<html><body><p>before{ref}after</p></body></html>")
    assert root.text_content() == "beforeafter"


def test_references_to_ordinary_characters_are_kept() -> None:
    root = parse("<html><body><p>caf&#xe9; &#8211; &#x1F600;</p></body></html>")
    assert root.text_content() == "café – \U0001f600"


def test_raw_nul_and_control_bytes_do_not_end_the_text() -> None:
    root = parse("<html><body><p>one\x00 two\x1b three\x07 four</p></body></html>")
    assert root.text_content() == "one two three four"


def test_a_form_feed_or_vertical_tab_parts_words_as_a_space_does() -> None:
    root = parse("<html><body><p>one\x0ctwo\x0bthree</p></body></html>")
    assert root.text_content() == "one two three"


@pytest.mark.parametrize("value", ["=x", "", '=">"', "='<b>'"], ids=["bare", "none", "gt", "tag"])
def test_a_tag_flooded_with_attributes_keeps_the_first_thousand_and_all_its_text(
    value: str,
) -> None:
    # libxml2's time grows with the square of a tag's attributes: a hostile page's
    # 200,000 kept a worker past its time limit. Quoted brackets do not hide the flood.
    attributes = " ".join(f"a{i}{value}" for i in range(3 * MAX_ATTRIBUTES))
    root = parse(f"<html><body><article {attributes}><p>The vote passed.</p></article>")
    article = root.find(".//article")
    assert article is not None and len(article.attrib) == MAX_ATTRIBUTES
    assert article.text_content() == "The vote passed."


def test_a_tag_with_long_quoted_values_keeps_them() -> None:
    data = "x" * 50_000
    root = parse(f'<html><body><img src="data:{data}" alt="A > B"><p>Text.</p>')
    image = root.find(".//img")
    assert image is not None and image.get("src") == f"data:{data}" and image.get("alt") == "A > B"


def test_fragment_without_html_element_gets_a_body() -> None:
    root = parse("<p>Only a paragraph.</p>")
    assert root.tag == "html" and root.find("body") is not None


def test_empty_page_is_no_article() -> None:
    with pytest.raises(PipelineError) as info:
        parse("  \n ")
    assert info.value.kind == ErrorKind.NO_ARTICLE


def test_page_within_the_element_cap_is_left_whole() -> None:
    root = parse("<html><body>" + "<p>x</p>" * 50 + "</body></html>")
    assert bound(root, 100) is None
    assert len(root.findall(".//p")) == 50


def test_page_past_the_element_cap_is_cut_in_document_order_and_says_what_went() -> None:
    html = "<html><body><div>" + "".join(f"<p>{_paragraph(i)}</p>" for i in range(200))
    root = parse(html + "</div><p>Closing words after the box.</p></body></html>")
    unread = bound(root, 53)  # html, body, div and the first fifty paragraphs
    assert unread is not None
    kept = root.text_content()
    assert _paragraph(49) in kept and _paragraph(50) not in kept
    assert "Closing words" not in kept
    assert unread.elements == 151
    assert unread.opening.startswith(_paragraph(50)[:40])
    assert unread.characters > 150 * len(_paragraph(0))


def test_what_is_never_read_and_the_head_use_none_of_the_element_cap() -> None:
    # An icon sprite, a menu of every town, templates and comments ahead of the article,
    # and a head of hundreds of links: none of it is text a reader reads. (On 11 of the
    # shared sets' 2,232 pages the publication date was read from a comment.)
    sprite = "<svg>" + '<symbol><path d="M0 0"/></symbol>' * 300 + "</svg>"
    menu = "<select>" + "<option>Town</option>" * 300 + "</select>"
    head = "<head><title>T</title>" + '<link rel="preload" href="/a.js">' * 300 + "</head>"
    body = f"{sprite}{menu}<template>{'<p>x</p>' * 300}</template>{'<!-- c -->' * 300}"
    paragraphs = "".join(f"<p>{_paragraph(i)}</p>" for i in range(20))
    root = parse(f"<html>{head}<body>{body}<div>{paragraphs}</div></body></html>")
    assert bound(root, 30) is None  # html, head, body, div and twenty paragraphs
    assert _paragraph(19) in root.text_content()
    assert root.find(".//svg") is None and root.find(".//select") is None
    assert len(root.findall("head/link")) == 300  # the metadata is read there
    assert root.xpath("count(//comment())") == 300  # and may read a page's date in one
    # Past the cap, the head is still not counted, and is kept whole.
    unread = bound(root, 14)
    assert unread is not None and unread.elements == 10
    assert _paragraph(9) in root.text_content() and _paragraph(10) not in root.text_content()
    assert len(root.findall("head/link")) == 300


def test_what_follows_a_stray_end_of_body_or_a_second_body_is_the_bodys() -> None:
    root = parse(
        "<html><body><p>first</p></body>tail text<h1>Title</h1><p>second</p>"
        "<body><p>third</p></body></html>"
    )
    body = root.find("body")
    assert body is not None and len(root) == 1 + (root.find("head") is not None)
    assert [p.text for p in body.iter("p")] == ["first", "second", "third"]
    assert "tail text" in body.text_content()
