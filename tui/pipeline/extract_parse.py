"""Decoded page text to an lxml tree that keeps every word of the page.

Three things in real (and hostile) pages make libxml2 lose text while reporting success:
character references to characters XML forbids (one `&#x1b;` later makes lxml refuse to
move a text node, and readability gives up on the whole page), raw control characters
(libxml2 stops reading a text node at a NUL), and nesting deeper than the parser's depth
limit (everything past it is dropped). Each is handled here, before any stage sees the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from tui.pipeline.extract_text import norm
from tui.pipeline.model import ErrorKind, PipelineError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# Characters an XML tree cannot hold (C0 controls other than tab/newline/return, lone
# surrogates, U+FFFE/U+FFFF); lxml raises on them the moment a stage moves a text node.
_FORBIDDEN_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# ... but the form feed and vertical tab part words as a space does ("and\fthen"), so
# they become one rather than vanish.
_SPACING_CONTROLS = re.compile(r"[\x0b\x0c]")
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
# Tags kept when a page nests deeper than the parser allows: those that give text its
# shape (paragraphs, headings, list items, links) and cannot nest inside themselves, so
# the flattened page is shallow whatever the original was.
_FLAT_KEEP = frozenset(
    {"html", "head", "body", "title", "meta", "link", "script", "style"}
    | {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "a", "img"}
)
# ... and when even those nest too deep (headings inside headings), only the paragraphs.
_FLATTER_KEEP = frozenset({"html", "head", "body", "title", "meta", "script", "style", "p", "br"})
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>")


# Attributes read of one start tag at most. libxml2 checks each new attribute against all
# the tag's earlier ones, so the time grows with the square of their number: a hostile
# page's tag of 50,000 kept a worker for 23 s, one of 200,000 past its 60 s limit. No real
# tag has more than a few dozen.
MAX_ATTRIBUTES = 1_000
# A start tag, its quoted values whole (a ">" inside one does not end it), read without
# backtracking; only one long enough to hold that many (two characters each at least, a
# space and a name) has its attributes counted.
_START_TAG = re.compile(r"<[A-Za-z](?:[^<>\"']++|\"[^\"]*+\"|'[^']*+')*+")
_LONG_START_TAG_CHARS = 2 * MAX_ATTRIBUTES
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*")
_ATTRIBUTE = re.compile(r"""[\s/]*[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>"']*))?""")


def _few_attributes(html: str) -> str:
    """`html` with the attributes of a start tag past `MAX_ATTRIBUTES` left out."""
    kept: list[str] = []
    at = 0
    for tag in _START_TAG.finditer(html):
        if tag.end() - tag.start() < _LONG_START_TAG_CHARS:
            continue
        name = _TAG_NAME.match(html, tag.start())
        if name is None or name.start() < at:
            continue
        pos, count, cut = name.end(), 0, None
        while (attribute := _ATTRIBUTE.match(html, pos)) is not None:
            count += 1
            if count == MAX_ATTRIBUTES:
                cut = attribute.end()
            pos = attribute.end()
        if cut is not None:
            kept.append(html[at:cut])
            at = pos
    kept.append(html[at:])
    return "".join(kept) if len(kept) > 1 else html


def _allowed_code_point(value: int) -> bool:
    if value in (0x9, 0xA, 0xD):
        return True
    if value < 0x20 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return False
    return (value & 0xFFFE) != 0xFFFE


def _drop_forbidden_references(html: str) -> str:
    """Character references to forbidden code points become nothing; the rest stay."""
    if "&#" not in html:
        return html

    def check(match: re.Match[str]) -> str:
        hexa, dec = match.groups()
        value = int(hexa, 16) if hexa else int(dec)
        return match.group(0) if _allowed_code_point(value) else ""

    return _CHAR_REF.sub(check, html)


def _flatten(html: str, keep_tags: frozenset[str]) -> str:
    """The page without the container tags whose nesting went past the parser's limit."""

    def keep(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1).lower() in keep_tags else " "

    return _TAG.sub(keep, html)


def _flatten_below(html: str, keep_tags: frozenset[str], depth: int) -> str | None:
    """The page with only the container tags nested `depth` deep or deeper taken out (but
    for `keep_tags`), so the layout above keeps the shape extraction reads (a menu, a
    sidebar, the article's box); None when much of the page's text lies that deep (then
    the article may be down there, split from its start, and the whole page is read flat).
    The depth is counted as a lenient parser would: a closing tag closes its own element
    and any left open inside it; a stray one closes nothing."""
    open_: list[tuple[str, bool]] = []  # the elements open here: tag, and whether kept
    pieces: list[str] = []
    deep_text = all_text = 0
    at = 0
    for match in _TAG.finditer(html):
        between = html[at : match.start()]
        pieces.append(between)
        size = len(between.strip())
        all_text += size
        deep_text += size if len(open_) >= depth else 0
        at = match.end()
        tag, text = match.group(1).lower(), match.group(0)
        if text.startswith("</"):
            k = next((k for k in range(len(open_) - 1, -1, -1) if open_[k][0] == tag), None)
            kept = tag in keep_tags if k is None else open_[k][1]
            del open_[len(open_) if k is None else k :]
        else:
            kept = len(open_) < depth or tag in keep_tags
            if tag not in _VOID and not text.endswith("/>"):
                open_.append((tag, kept))
        pieces.append(text if kept else " ")
    pieces.append(html[at:])
    all_text += len(html[at:].strip())
    if deep_text > _DEEP_TEXT_SHARE * all_text:
        return None
    return "".join(pieces)


# A page nesting past the parser's limit is first read with only what lies this deep
# flattened, when at most this share of its text lies there (junk nesting after the
# article, not the article's own boxes).
_SHALLOW_DEPTH = 64
_DEEP_TEXT_SHARE = 0.2
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def _parse_once(html: str, huge: bool) -> tuple[lxml.html.HtmlElement, str | None]:
    """The tree, and the parser's resource limit it hit (and so dropped text at), if any."""
    # A parser per page: lxml parser objects must not be shared between threads.
    parser = lxml.html.HTMLParser(huge_tree=huge)
    # Every element an HtmlElement, chosen in C: lxml.html's own lookup is Python code run
    # for each element a stage touches (a tenth of the extraction time), and only tells
    # form controls apart, which no stage needs.
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    root = etree.fromstring(html, parser)
    limit = next((e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if root is None:
        raise PipelineError(ErrorKind.NO_ARTICLE, "The page is empty: there is no article text.")
    return root, limit


def parse(html: str) -> lxml.html.HtmlElement:
    """The page as a tree with all of its text; PipelineError(NO_ARTICLE) when there is none.

    Past libxml2's default depth (256) no real page goes, and the readability pass costs
    the square of the depth, so such a page is read again without its container tags
    rather than with the parser's limits lifted. A text node past libxml2's default size
    is read with the limits lifted (the fetcher's size cap still bounds it).
    """
    # lxml refuses str input that still declares a byte encoding; the text is decoded already.
    html = _XML_DECL.sub("", html, count=1)
    html = _FORBIDDEN_CHARS.sub("", _drop_forbidden_references(html))
    html = _few_attributes(_SPACING_CONTROLS.sub(" ", html))
    if not html.strip():
        raise PipelineError(ErrorKind.NO_ARTICLE, "The page is empty: there is no article text.")
    try:
        root, limit = _parse_once(html, huge=False)
        if limit and "depth" in limit:
            shallow = _flatten_below(html, _FLAT_KEEP, _SHALLOW_DEPTH)
            if shallow is not None:
                html = shallow
                root, limit = _parse_once(html, huge=False)
        for keep_tags in (_FLAT_KEEP, _FLATTER_KEEP):
            if limit and "depth" in limit:
                html = _flatten(html, keep_tags)
                root, limit = _parse_once(html, huge=False)
        if limit and "depth" not in limit:
            root, limit = _parse_once(html, huge=True)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise PipelineError(
            ErrorKind.NO_ARTICLE, f"The page could not be read as HTML ({exc})."
        ) from exc
    if limit:
        raise PipelineError(
            ErrorKind.NO_ARTICLE,
            "The page's markup is nested too deeply to read without losing text.",
        )
    if root.tag != "html":
        # A fragment without <html>: give it the document shape every stage expects.
        wrapper = lxml.html.Element("html")
        body = etree.SubElement(wrapper, "body")
        body.append(root)
        root = wrapper
    _into_the_body(root)
    return root


def _into_the_body(root: lxml.html.HtmlElement) -> None:
    """What a page puts after a stray `</body>` is the body's, as a browser shows it.

    libxml2 leaves it beside the body, where no stage looks: a page whose template closed
    its body before the article ("<body></body><h1>...") was read as having none.
    """
    body = root.find("body")
    if body is None:
        return
    after = [el for el in body.itersiblings() if el.tag != "head"]
    _move_text_into(body, body.tail)
    body.tail = None
    for el in after:
        if el.tag == "body":
            # A second body: its content, and its own tail, join the first.
            _move_text_into(body, el.text)
            body.extend(list(el))
            _move_text_into(body, el.tail)
            root.remove(el)
        else:
            body.append(el)


def _move_text_into(body: lxml.html.HtmlElement, text: str | None) -> None:
    if not text or not text.strip():
        return
    if len(body):
        body[-1].tail = (body[-1].tail or "") + text
    else:
        body.text = (body.text or "") + text


# Elements read from one page at most: three times the largest page of the development
# sets (about 6,000). Every stage's work grows with the elements; past this a page is a
# data dump, not an article, and reading all of it would keep a worker for a minute.
MAX_ELEMENTS = 20_000
# What no stage ever reads as text (`extract_blocks.SKIP_TAGS` skips them, readability's
# copy strips them) and so is dropped before elements are counted: an icon sprite of
# 12,500 symbols, a menu of every town or a page's stock of templates ahead of the article
# used the whole count, and the page was cut before its first paragraph ("no article").
# (Comments stay: a page's date may be written in one, and they are not counted.)
NEVER_READ = ("svg", "template", "select")


@dataclass(frozen=True)
class Truncation:
    """What was left unread of a page longer than `MAX_ELEMENTS`."""

    elements: int
    characters: int
    opening: str  # the first words of the unread part, to show where reading stopped


def bound(root: lxml.html.HtmlElement, limit: int = MAX_ELEMENTS) -> Truncation | None:
    """Drop what is never read (`NEVER_READ`), then cut the tree after its first `limit`
    elements (in document order; comments, which metadata may read a date from, and the
    <head>, where it reads the rest, left uncounted and whole), saying what went."""
    etree.strip_elements(root, *NEVER_READ, with_tail=False)
    # Counted and found in libxml2, without a Python object per element, by one
    # definition of what counts: most pages are far below.
    counted = "//*[not(ancestor::head)]"
    if root.xpath(f"count({counted})") <= limit:
        return None
    found = root.xpath(f"({counted})[{limit + 1}]")
    if not found:
        return None
    first_unread = found[0]
    # Everything after the cut, moved in document order under one element in lxml's own
    # loops: the element itself and its later siblings, then each ancestor's later ones.
    unread = lxml.html.Element("div")
    node, start = first_unread, 0
    while (parent := node.getparent()) is not None:
        unread.extend(parent[parent.index(node) + start :])
        node, start = parent, 1
    text = " ".join(unread.itertext())
    return Truncation(
        elements=sum(1 for _ in unread.iter()) - 1,
        characters=len(norm(text)),
        opening=norm(text[: _OPENING_CHARS * 4])[:_OPENING_CHARS],
    )


# How much of the unread part is shown where reading stopped.
_OPENING_CHARS = 160
