"""Lines a page breaks with `<br>` that are one paragraph wrapped by hand, joined again.

Text pasted from an e-mail, a word processor or a wire feed often keeps its hard line
breaks as `<br>` at every 60 to 80 characters. Read line by line, each line was a piece of
its own: a short piece that ends mid-sentence is not running text, so such an article was
"no article text" when it stood straight in `<body>`, `<center>` or `<font>`; and where
it was kept, every line was a paragraph and every sentence that crossed a line was cut in
two for the entities and the timeline ("Tuesday" on one line, "evening" on the next).

A hand wrap leaves a mark no poem, address or list has: every line that leaves a sentence
open to a next line in lower case is full, that is, that next line's first word would not
have fitted on it within the width of the longest line. The lines of a block element
where (nearly) all such lines are full are wrapped text. In it a line goes on into the
next when the sentence goes on in lower case, or when it is full and the next line is no
list item ("- ", "2) ") and it is itself none: the short last line of a paragraph, a
label, a sign-off and a list's items stay lines of their own. Anything else keeps its
lines.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from tui.pipeline.extract_blocks import Page, Piece
from tui.pipeline.extract_text import SENTENCE_END
from tui.pipeline.model import BlockKind

# Fewer lines than this are not enough to tell a wrap from a label with its value.
MIN_LINES = 3
# A wrap narrower than this is a list of short items, an address or a line of labels,
# whose next line's first word is long beside the line and so "would not have fitted".
MIN_WIDTH = 50
# Wider than this, a line is a paragraph of its own (a CMS that parts paragraphs with one
# <br>), whatever the lengths.
MAX_WIDTH = 200
# How far short of the longest line a full line may fall: white space collapsed ("end.  Next"),
# an entity or a tab counted differently by the tool that wrapped it.
SLACK = 3
# A "word" longer than this is a text written without spaces (Chinese, Japanese) or an
# address, where the next word tells nothing of where a line had to end.
MAX_WORD = 25
# The share of lines that leave a sentence open to a next line in lower case that must be
# full, and how many such lines there must be: in a poem few are full, in wrapped text all.
MIN_FULL_SHARE = 0.8
MIN_MID_SENTENCE = 2

_FIRST_WORD = re.compile(r"\S+")
# A line ending in a hyphen after a letter was cut at the hyphen ("well-" / "known").
_HYPHENATED = re.compile(r"\w-$")
# A line that ends a sentence, or introduces what follows.
_LINE_END = re.compile(r"[.!?…。！？:][\"'”’»)\]]*$")
# A list's item starts a line of its own, wherever the line before it ended.
_ITEM = re.compile(r"^(?:[-*•·–—]|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s")
# An e-mail's quoting marks ("> " before every line): kept once, before the paragraph.
_QUOTED = re.compile(r"^(?:>[ \t]?)+")
_JOINABLE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


def joined(page: Page) -> Page:
    """The page with the hand-wrapped lines of each block element joined into paragraphs.

    Whether an element's lines are wrapped by hand is judged on all its runs of lines
    together (an article wrapped by hand often parts its paragraphs with a blank line, and
    a paragraph of two or three lines tells little alone); each run is then joined."""
    pieces = page.pieces
    runs = _runs(pieces)
    lines_of: dict[int, list[list[Piece]]] = {}
    for run in runs:
        if len(run) > 1:
            lines_of.setdefault(run[0].owner, []).append(run)
    widths = {owner: max(len(p.text) for run in rs for p in run) for owner, rs in lines_of.items()}
    wrapped = {owner for owner, rs in lines_of.items() if _hand_wrapped(rs, widths[owner])}
    if not wrapped:
        return page
    out: list[Piece] = []
    for run in runs:
        owner = run[0].owner
        out.extend(_paragraphs(run, widths[owner]) if len(run) > 1 and owner in wrapped else run)
    return Page(out, page.parents, page.marks, page.tags, page.ends)


def _runs(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces in runs of lines of one text, in order."""
    runs: list[list[Piece]] = []
    for piece in pieces:
        if runs and _next_line(runs[-1][-1], piece):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _next_line(before: Piece, piece: Piece) -> bool:
    """Whether `piece` is the next line of the same text as `before`."""
    return (
        piece.after_line_break
        and piece.owner == before.owner
        and piece.kind == before.kind
        and piece.kind in _JOINABLE
        and piece.mark == before.mark
        and not (piece.lifted or before.lifted or piece.link_only or before.link_only)
    )


def _full(line: str, following: str, width: int) -> bool:
    """Whether the first word of `following` would not have fitted on `line`."""
    found = _FIRST_WORD.match(_QUOTED.sub("", following))
    word = len(found.group()) if found else 0
    if word > MAX_WORD:
        return False
    space = 0 if _HYPHENATED.search(line) else 1
    return len(line) + space + word > width - SLACK


def _ends_sentence(line: str) -> bool:
    return _LINE_END.search(line) is not None


def _runs_on(line: str, following: str) -> bool:
    """Whether `following` can only go on the sentence `line` left open: no list item,
    no capital (a label, a signature, a list's next line start with one)."""
    text = _QUOTED.sub("", following)
    return not (_ends_sentence(line) or _ITEM.match(text) or text[:1].isupper())


def _hand_wrapped(runs: list[list[Piece]], width: int) -> bool:
    if sum(len(run) for run in runs) < MIN_LINES or not MIN_WIDTH <= width <= MAX_WIDTH:
        return False
    mid = [
        _full(a.text, b.text, width)
        for run in runs
        for a, b in pairwise(run)
        if _runs_on(a.text, b.text)
    ]
    return len(mid) >= MIN_MID_SENTENCE and sum(mid) >= MIN_FULL_SHARE * len(mid)


def _joins(line: str, following: str, width: int, in_item: bool) -> bool:
    """In wrapped text: whether `following` is the same paragraph as `line`: the sentence
    goes on into a line in lower case, or the line is full and the next no list item
    (running text, not a list item, also goes on into a name or a new sentence)."""
    if _runs_on(line, following):
        return True
    if in_item or _ITEM.match(_QUOTED.sub("", following)):
        return False
    return _full(line, following, width)


def _paragraphs(run: list[Piece], width: int) -> list[Piece]:
    groups = [[run[0]]]
    for before, piece in pairwise(run):
        in_item = _ITEM.match(_QUOTED.sub("", groups[-1][0].text)) is not None
        if _joins(before.text, piece.text, width, in_item):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [_joined_lines(group) for group in groups]


def _joined_lines(lines: list[Piece]) -> Piece:
    # Built once from its parts: a paragraph of thousands of lines is not copied per line.
    quoted = all(_QUOTED.match(line.text) for line in lines)
    parts = [lines[0].text]
    for before, line in pairwise(lines):
        text = _QUOTED.sub("", line.text) if quoted else line.text
        parts += ("" if _HYPHENATED.search(before.text) else " ", text)
    text = "".join(parts)
    return replace(
        lines[0],
        text=text,
        letters=sum(p.letters for p in lines),
        link_letters=sum(p.link_letters for p in lines),
        sentence=SENTENCE_END.search(text) is not None,
    )
