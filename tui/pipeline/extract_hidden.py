"""An article kept out of the page's layout, for a page whose layout shows none: a page
built by a script that keeps a copy for browsers without JavaScript (`<noscript>`), or
only declares its text for machines (JSON-LD's `articleBody`)."""

from __future__ import annotations

import html
import re

import lxml.html

from tui.pipeline.extract_text import MARKUP_TAG, SENTENCE_END, count_alnum, norm
from tui.pipeline.model import Block, BlockKind

# The article's own paragraphs inside a declared body written as HTML.
_PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote")
_HEADING_TAGS = ("h2", "h3", "h4")
_HTML_TAG = re.compile(r"<[a-zA-Z][^>]*>")
# Tags that make paragraphs: a body without them is plain text, its lines its paragraphs.
_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|section|article)\b", re.I)
# Letters a <noscript> box holds at least to be a copy of the article: a few sentences.
_COPY_LETTERS = 200
_CODE_TAGS = ("script", "style", "template")
# A declared body in plain text parts its paragraphs with line breaks.
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def unwrap_noscript(tree: lxml.html.HtmlElement) -> bool:
    """Make the page's <noscript> boxes plain boxes, read like the rest of the page.
    Whether one held a copy of running text (`_COPY_LETTERS`), not just a notice
    ("Please turn on JavaScript"), a tracking pixel or a script."""
    held = False
    for box in list(tree.iter("noscript")):
        held = held or _holds_running_text(box)
        box.tag = "div"
    return held


def _holds_running_text(box: lxml.html.HtmlElement) -> bool:
    # Each element's own text unless it is code, and the text after it inside the box.
    parts = [box.text or ""]
    for el in box.iterdescendants():
        parts += [el.text or "" if el.tag not in _CODE_TAGS else "", el.tail or ""]
    # Markup a box holds escaped, as text ("Get the &lt;a href=...&gt;Rays widget"), is no
    # running text: its addresses alone passed for a copy of the article.
    text = MARKUP_TAG.sub(" ", " ".join(parts))
    return count_alnum(text) >= _COPY_LETTERS and SENTENCE_END.search(text) is not None


def declared_blocks(body: str) -> list[Block]:
    """The paragraphs of a declared article body, written as plain text (perhaps with a
    word in <em> here and there) or as HTML paragraphs."""
    if not _HTML_BLOCK.search(body):
        lines = (_inline_text(line) for line in _LINE_BREAKS.split(body))
        return [Block(BlockKind.PARAGRAPH, t) for t in map(norm, lines) if t]
    try:
        root = lxml.html.fragment_fromstring(body, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return []
    blocks = []
    for el in root.iter(*_PARAGRAPH_TAGS):
        text = norm(el.text_content())
        if text and not any(a.tag in _PARAGRAPH_TAGS for a in el.iterancestors()):
            kind = BlockKind.HEADING if el.tag in _HEADING_TAGS else BlockKind.PARAGRAPH
            blocks.append(Block(kind, text))
    return blocks or [Block(BlockKind.PARAGRAPH, t) for t in [norm(root.text_content())] if t]


def _inline_text(line: str) -> str:
    """A line of plain text with the inline tags it may hold ("<em>", "<a>") taken out,
    and its character references ("&quot;", which publishers escape it with) read."""
    if not _HTML_TAG.search(line):
        return html.unescape(line)
    try:
        return lxml.html.fragment_fromstring(line, create_parent="span").text_content()
    except (ValueError, lxml.etree.ParserError):
        return _HTML_TAG.sub("", line)
