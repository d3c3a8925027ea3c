"""The whole page as a sequence of text pieces, each with what the chooser judges it by.

One walk over the page's body cuts its text into pieces at block-level tags (a paragraph,
a heading, a list item, the loose text of a div) and notes for each: its kind, how much of
it is link text, the block element that holds it, and whether it sits inside an element
the markup rules mark as boilerplate (a figure, a share bar, a caption box; the table is
`[[markup]]` in `data/clean_rules.toml`). Nothing is decided here: which pieces are the
article is `extract_choice`'s job, so every piece of the page can still be listed, with
its reason, when it is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import lxml.html
from lxml import etree

from tui.pipeline import tables
from tui.pipeline.extract_text import SENTENCE_END, count_alnum, norm
from tui.pipeline.model import BlockKind

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADINGS | {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "header",
    "footer",
    "main",
    "figure",
    "figcaption",
    "aside",
    "hr",
    "br",
    "center",
    "form",
    "address",
}
# Never text a reader reads as the article: code, controls, media, menus.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "button", "svg", "select", "option"}
    | {"textarea", "iframe", "object", "embed", "canvas", "video", "audio", "map", "nav"}
    | {"head", "title", "meta", "link"}
)
# The attribute that numbers block elements, so a choice made on a copy of the tree (by
# readability) can be matched to the pieces of this walk.
NUMBER = "data-briefing-n"

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\xa0]*\n\s*")
# A blank line cut in two by a tag ("line\n</i>\nnext"): the text before ends a line and
# the text after starts by ending one.
_LINE_ENDED = re.compile(r"\n[ \t\r\f\v\xa0]*$")
_ENDS_A_LINE = re.compile(r"[ \t\r\f\v\xa0]*\n")
_LABEL = re.compile(r"\[[^\]]{1,24}\]|\([^)]{1,24}\)")
URL_LIKE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
# "newsCaption" and "shareBar" name the same things as "news-caption" and "share-bar".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Names free of the words readability scores up or down ("post", "media", "tweet"), so an
# unmasked embedded post and its wrapper weigh as plain markup.
EMBED_CLASS = "quoted-embed"


# ------------------------------------------------------------------------ markup table


@dataclass(frozen=True)
class MarkupRules:
    by_tag: dict[str, tuple[str, str]]
    by_word: dict[str, tuple[str, str]]
    class_re: re.Pattern[str] | None
    embed_classes: frozenset[str]
    innermost: frozenset[str]

    def match(self, el: lxml.html.HtmlElement) -> tuple[str, str] | None:
        """(rule id, reason) when the element is boilerplate by its tag or class words."""
        if el.tag in self.by_tag:
            return self.by_tag[el.tag]
        names = el.get("class"), el.get("id")
        if self.class_re is None or not (names[0] or names[1]):
            return None
        marker = f"{names[0] or ''} {names[1] or ''}"
        if marker != marker.lower():
            marker = _CAMEL.sub(" ", marker)
        found = self.class_re.search(marker)
        if not found:
            return None
        rule, reason = self.by_word[found.group(1).lower()]
        # A card has inner structure (picture, links); the bare name link it hangs on often
        # wears the same word and must stay, and of nested cards only the inner one goes.
        if rule in self.innermost and (
            len(el) == 0 or any(self._innermost_inside(d) for d in el.iterdescendants())
        ):
            return None
        # "social-media-embed" around a quoted post names the wrapper, not boilerplate.
        if el.find(f".//blockquote[@class='{EMBED_CLASS}']") is not None:
            return None
        return rule, reason

    def _innermost_inside(self, el: lxml.html.HtmlElement) -> bool:
        if not isinstance(el.tag, str) or len(el) == 0 or self.class_re is None:
            return False
        marker = _CAMEL.sub(" ", f"{el.get('class') or ''} {el.get('id') or ''}")
        found = self.class_re.search(marker) if marker.strip() else None
        return found is not None and self.by_word[found.group(1).lower()][0] in self.innermost


@lru_cache(maxsize=1)
def markup_rules() -> MarkupRules:
    """The `[[markup]]` table of clean_rules.toml: which elements to cut, and why."""
    raw = tables.load("clean_rules.toml")
    by_tag: dict[str, tuple[str, str]] = {}
    by_word: dict[str, tuple[str, str]] = {}
    for rule in raw.get("markup", []):
        for tag in rule.get("tags", []):
            by_tag[tag] = (rule["id"], rule["reason"])
        for word in rule.get("class_words", []):
            by_word[word.lower()] = (rule["id"], rule["reason"])
    words = sorted(by_word, key=len, reverse=True)
    suffixes = sorted(raw.get("markup_compounds", {}).get("suffixes", []), key=len, reverse=True)
    compound = f"(?:{'|'.join(map(re.escape, suffixes))})?" if suffixes else ""
    class_re = (
        re.compile(
            r"(?:^|[\s_-])(" + "|".join(map(re.escape, words)) + rf"){compound}(?=$|[\s_-])",
            re.I,
        )
        if words
        else None
    )
    innermost = frozenset(r["id"] for r in raw.get("markup", []) if r.get("innermost"))
    embeds = frozenset(c.lower() for c in raw.get("embeds", {}).get("blockquote_classes", []))
    return MarkupRules(by_tag, by_word, class_re, embeds, innermost)


# ------------------------------------------------------------------------------ pieces


@dataclass(frozen=True)
class Mark:
    """An element the markup rules mark as boilerplate, and the block element it is in."""

    rule: str
    reason: str
    element: int  # its own number when it is a block element, else its holder's
    is_block: bool


@dataclass(slots=True)
class Piece:
    text: str
    kind: BlockKind
    letters: int
    link_letters: int
    # Only a link (a headline pointing elsewhere), not a sentence that contains one.
    link_only: bool
    owner: int  # number of the innermost block element holding the text
    owner_tag: str
    sentence: bool  # ends a sentence somewhere
    mark: int | None = None  # index into Page.marks
    # Lifted out of the middle of a sentence (an inline caption); it follows that sentence.
    lifted: bool = False
    # Parted from the piece before it by one <br> and nothing else: the next line of the
    # same text, which may be one paragraph wrapped by hand (`extract_lines`).
    after_line_break: bool = False
    # The link all its linked text is in (links counted in page order), or None.
    anchor: int | None = None

    @property
    def link_density(self) -> float:
        return self.link_letters / self.letters if self.letters else 0.0


@dataclass
class Page:
    pieces: list[Piece]
    parents: dict[int, int]  # block element number -> number of the block element around it
    marks: list[Mark]
    tags: dict[int, str]  # block element number -> tag
    # Block element number -> the last number inside it: numbers run in document order,
    # so an element holds exactly the numbers from its own to this one.
    ends: dict[int, int] = field(default_factory=dict)

    def holds(self, outer: int, inner: int) -> bool:
        """Whether block element `outer` is `inner` or holds it."""
        return outer <= inner <= self.ends.get(outer, outer)

    def around(self, numbers: list[int]) -> int:
        """The innermost block element holding all of `numbers` (-1: none known)."""
        if not numbers:
            return -1
        low, high = min(numbers), max(numbers)
        node = low
        while node != -1 and self.ends.get(node, node) < high:
            node = self.parents.get(node, -1)
        return node

    def up(self, number: int, levels: int) -> int:
        """The block element `levels` above `number` (or the outermost known one)."""
        for _ in range(levels):
            parent = self.parents.get(number, -1)
            if parent == -1:
                break
            number = parent
        return number

    def widen(self, number: int, levels: int) -> int:
        """The block element `levels` above `number`, where a run of wrappers around the
        same text (three nested <blockquote>s left unclosed, a div in a div in a div) is
        one level, not one per tag: a level is a step that reaches more text, or the
        run of steps that does not."""
        for _ in range(levels):
            parent = self.parents.get(number, -1)
            if parent == -1:
                break
            held = self.count(number)
            if self.count(parent) == held:
                while (outer := self.parents.get(parent, -1)) != -1 and self.count(outer) == held:
                    parent = outer
            number = parent
        return number

    def count(self, number: int) -> int:
        """How many pieces block element `number` holds."""
        owners = self._owners_sorted
        return bisect_right(owners, self.ends.get(number, number)) - bisect_left(owners, number)

    @cached_property
    def _owners_sorted(self) -> list[int]:
        return sorted(p.owner for p in self.pieces)


def number_blocks(root: lxml.html.HtmlElement) -> None:
    """Number the body and every block element, in document order."""
    for n, el in enumerate(root.iter("body", *BLOCK_TAGS)):
        el.set(NUMBER, str(n))


def is_hidden(el: lxml.html.HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style) and _DISPLAY_NONE.search(style) is not None


@dataclass(slots=True)
class _Segment:
    kind: BlockKind
    owner: int
    owner_tag: str
    mark: int | None
    parts: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    anchors: set[int] = field(default_factory=set)  # the links the linked text is in


class _Walker:
    def __init__(self, rules: MarkupRules) -> None:
        self.rules = rules
        self.pieces: list[Piece] = []
        self.parents: dict[int, int] = {}
        self.tags: dict[int, str] = {}
        self.marks: list[Mark] = []
        self.ends: dict[int, int] = {}
        self._last_number = -1
        self._links = -1  # links that lead away, counted as the walk meets them
        self._owners: list[tuple[int, str]] = [(-1, "")]
        self._current: _Segment | None = None
        # Inside an inline marked element cut out of an open sentence: its pieces wait and
        # follow the sentence they interrupted.
        self._lifting = 0
        self._pending: list[Piece] = []
        # What parts the next piece from the last one kept: how many <br>, and whether
        # any other block element opened or closed between them.
        self._breaks = 0
        self._apart = True

    def flush(self) -> None:
        seg, self._current = self._current, None
        if seg is not None:
            piece = self._piece(seg)
            if piece is not None:
                if self._lifting:
                    piece.lifted = True
                    self._pending.append(piece)
                    return
                piece.after_line_break = self._breaks == 1 and not self._apart
                self._breaks, self._apart = 0, False
                self.pieces.append(piece)
        if not self._lifting and self._pending:
            self.pieces.extend(self._pending)
            self._pending = []

    def _piece(self, seg: _Segment) -> Piece | None:
        text = norm("".join(seg.parts))
        letters = count_alnum(text)
        if not letters:
            return None
        # Labels after a headline link ("[VIDEO]", "(PHOTOS)") and separators are not prose.
        link_chars = count_alnum("".join(seg.linked)) if seg.linked else 0
        prose = count_alnum(_LABEL.sub("", "".join(seg.outside))) if link_chars else letters
        # A headline has words; a bare address shown as its own link is content (a source,
        # a product list) the writer chose to print.
        link_only = (
            link_chars > 0
            and prose <= 0.1 * letters
            and len(text.split()) >= 3
            and not URL_LIKE.match(text)
        )
        return Piece(
            text,
            seg.kind,
            letters,
            min(link_chars, letters),
            link_only,
            seg.owner,
            seg.owner_tag,
            SENTENCE_END.search(text) is not None,
            seg.mark,
            anchor=next(iter(seg.anchors)) if len(seg.anchors) == 1 else None,
        )

    def add(self, text: str | None, kind: BlockKind, anchor: int | None, mark: int | None) -> None:
        if not text:
            return
        if self._owners[-1][1] == "pre" and "\n" in text:
            # Preformatted text shows its blank lines: each parts two paragraphs (a
            # mailing list's message, a press release kept as plain text).
            current = self._current
            if current and _LINE_ENDED.search(current.parts[-1]) and _ENDS_A_LINE.match(text):
                self.flush()
            first, *rest = _BLANK_LINE.split(text)
            self._add(first, kind, anchor, mark)
            for part in rest:
                self.flush()
                self._add(part, kind, anchor, mark)
            return
        self._add(text, kind, anchor, mark)

    def _add(self, text: str, kind: BlockKind, anchor: int | None, mark: int | None) -> None:
        if self._current is None:
            if not text.strip():
                return
            owner, owner_tag = self._owners[-1]
            self._current = _Segment(kind, owner, owner_tag, mark)
        self._current.parts.append(text)
        if anchor is not None:
            self._current.linked.append(text)
            self._current.anchors.add(anchor)
        else:
            self._current.outside.append(text)

    def run(self, start: lxml.html.HtmlElement) -> None:
        """Walk the tree under `start` in document order, in lxml's own loop rather than
        by recursion (pages nest hundreds of levels deep, Python's stack does not)."""
        frames: list[_Frame] = []
        walker = etree.iterwalk(start, events=("start", "end", "comment", "pi"))
        for action, el in walker:
            if action == "start":
                frame = self._enter(el, frames[-1] if frames else None)
                frames.append(frame)
                if frame.skipped:
                    walker.skip_subtree()
                continue
            if action == "end":
                frame = frames.pop()
                if not frame.skipped:
                    self._exit(frame)
                if not frames:
                    break  # the start element: its tail is not inside the walk
                after_block = el.tag in BLOCK_TAGS
            else:
                after_block = False  # a comment or processing instruction
            if el.tail:
                if after_block:
                    self.flush()
                parent = frames[-1]
                self.add(el.tail, parent.kind, parent.anchor, parent.mark)
        self.flush()

    def _enter(self, el: lxml.html.HtmlElement, parent: _Frame | None) -> _Frame:
        tag = el.tag
        if parent is None:
            frame = _Frame(BlockKind.PARAGRAPH, None, None)
            self.add(el.text, frame.kind, False, None)
            return frame
        if tag in SKIP_TAGS:
            return _SKIPPED
        # Most elements carry no attributes: one call tells, and the tests below are skipped.
        names = el.keys()
        if names and is_hidden(el):
            return _SKIPPED
        is_block = tag in BLOCK_TAGS
        mark, saved, lifted = parent.mark, None, False
        if mark is None and (names or tag in self.rules.by_tag):
            found = self.rules.match(el)
            if found is not None:
                holder = int(el.get(NUMBER, "-1")) if is_block else self._owners[-1][0]
                self.marks.append(Mark(found[0], found[1], holder, is_block))
                mark = len(self.marks) - 1
                if not is_block:
                    # An inline marked element: its text never joins the sentence around
                    # it; the pieces wait and follow that sentence.
                    lifted, saved, self._current = True, self._current, None
                    if saved is not None:
                        self._lifting += 1
        kind = _KIND_INSIDE.get(tag, parent.kind)
        if tag == "p" and parent.kind == BlockKind.HEADING:
            kind = BlockKind.PARAGRAPH
        link = parent.anchor
        if link is None and tag == "a" and _links_away(el):
            link = self._links = self._links + 1
        if is_block:
            self.flush()
            self._parted_by(tag)
            number = int(el.get(NUMBER, "-1"))
            self.parents[number] = self._owners[-1][0]
            self.tags[number] = tag
            self._last_number = max(self._last_number, number)
            self._owners.append((number, tag))
        if el.text:
            self.add(el.text, kind, link, mark)
        return _Frame(kind, link, mark, is_block, lifted, saved)

    def _parted_by(self, tag: str) -> None:
        if tag == "br":
            self._breaks += 1
        else:
            self._apart = True

    def _exit(self, frame: _Frame) -> None:
        if frame.is_block:
            self.flush()
            number, tag = self._owners.pop()
            if tag != "br":
                self._apart = True
            self.ends[number] = self._last_number
        if frame.lifted:
            self.flush()
            if frame.saved is not None:
                self._lifting -= 1
                self._current = frame.saved


@dataclass(slots=True)
class _Frame:
    """What an open element means for the text inside it and the tails after its children."""

    kind: BlockKind
    anchor: int | None  # the link it is inside (its number), or None
    mark: int | None
    is_block: bool = False
    lifted: bool = False
    saved: _Segment | None = None
    skipped: bool = False


_SKIPPED = _Frame(BlockKind.PARAGRAPH, None, None, skipped=True)


def _links_away(a: lxml.html.HtmlElement) -> bool:
    """Whether an <a> leads to another page: an anchor without an address (`<a name=...>`,
    often left unclosed around a whole page) or one to a spot on this page does not."""
    href = (a.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))


# The kind of text inside these elements, whatever the kind around them.
_KIND_INSIDE = {
    **dict.fromkeys(HEADINGS, BlockKind.HEADING),
    **dict.fromkeys(("li", "dt", "dd"), BlockKind.LIST_ITEM),
    "blockquote": BlockKind.QUOTE,
}


def page_pieces(root: lxml.html.HtmlElement) -> Page:
    """Every text piece of the page's body, in document order (`number_blocks` first)."""
    body = root.find("body")
    start = body if body is not None else root
    walker = _Walker(markup_rules())
    number = int(start.get(NUMBER, "-1"))
    walker.tags[number] = start.tag if isinstance(start.tag, str) else ""
    walker._owners = [(number, walker.tags[number])]
    walker._last_number = number
    walker.run(start)
    walker.ends[number] = walker._last_number
    _unlink_swallowed_text(walker.pieces)
    return Page(walker.pieces, walker.parents, walker.marks, walker.tags, walker.ends)


# A link holding this many paragraphs that end sentences, of this many words in all, holds
# the page's own text: an <a> left unclosed (in a photo credit, say) that the parser
# stretched over the article. A headline card (a heading and a line of summary) is less.
_SWALLOWED_SENTENCES = 3
_SWALLOWED_WORDS = 80


def _unlink_swallowed_text(pieces: list[Piece]) -> None:
    """Pieces of a link that swallowed running text read as text, not as headlines: the
    whole article was "a list of headlines" because one <a> was never closed."""
    by_link: dict[int, list[Piece]] = {}
    for piece in pieces:
        if piece.anchor is not None:
            by_link.setdefault(piece.anchor, []).append(piece)
    for held in by_link.values():
        sentences = sum(1 for p in held if p.sentence)
        words = sum(len(p.text.split()) for p in held)
        if sentences >= _SWALLOWED_SENTENCES and words >= _SWALLOWED_WORDS:
            for piece in held:
                piece.link_only, piece.link_letters = False, 0
