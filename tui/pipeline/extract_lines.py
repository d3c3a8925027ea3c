"""Lines a page breaks with `<br>` that are one paragraph wrapped by hand, joined again.

Text pasted from an e-mail, a word processor or a wire feed often keeps its hard line
breaks as `<br>` at every 60 to 80 characters. Read line by line, each line was a piece of
its own: a short piece that ends mid-sentence is not running text, so such an article was
"no article text" when it stood straight in `<body>`, `<center>` or `<font>`; and where
it was kept, every line was a paragraph and every sentence that crossed a line was cut in
two for the entities and the timeline ("Tuesday" on one line, "evening" on the next).

A hand wrap leaves a mark no poem, address or list has: every line that leaves a sentence
open to a next line in lower case is full, that is, that next line's first word would not
have fitted on it within the width of the longest line. A run of lines where (nearly) all
such lines are full is wrapped text (a run too short to tell goes with the other runs of
its block element, or of the page). In it a line goes on into the next when the sentence
goes on in lower case, or when it is full and the next line is no list item ("- ",
"2) ") and it is itself none: the short last line of a paragraph, a label, a sign-off
and a list's items stay lines of their own. Anything else keeps its lines.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from tui.pipeline.extract_blocks import URL_LIKE, Page, Piece
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
# A run of lines amid wrapped text joins with this share: edited lines fall short of the
# full one, a footer's or a poem's lines far shorter.
MIN_RUN_SHARE = 0.5

_FIRST_WORD = re.compile(r"\S+")
# A line ending in a hyphen after a letter was cut at the hyphen ("well-" / "known").
_HYPHENATED = re.compile(r"\w-$")
# A line that ends a sentence, or introduces what follows.
_LINE_END = re.compile(r"[.!?…。！？:؟۔।][\"'”’»)\]]*$")
# A list's item starts a line of its own, wherever the line before it ended. (Not a dash,
# which opens an aside mid-sentence, nor "J. ", an initial.)
_ITEM = re.compile(r"^(?:[-*•·]|\(?\d{1,3}[.)]|\(?[a-zA-Z]\))\s")
# An e-mail's quoting marks ("> " before every line): kept once, before the paragraph.
_QUOTED = re.compile(r"^(?:>[ \t]?)+")
_JOINABLE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


def joined(page: Page) -> Page:
    """The page with its hand-wrapped runs of lines joined into paragraphs.

    A run with marks enough of its own is judged by them (a footer's lines after a wrapped
    article, in the same element, are not wrapped); a shorter one (a paragraph of three or
    four lines, parted from the next by a blank line or kept in a <p> of its own) by all
    the runs of its block element, or when those tell too little, of the page."""
    pieces = page.pieces
    runs = _runs(pieces)
    widths: dict[int, int] = {}
    for run in runs:
        if len(run) > 1:
            owner = run[0].owner
            widths[owner] = max(widths.get(owner, 0), *(len(p.text) for p in run))
    if not widths:
        return page
    # Each run's marks, read once: they decide the run, its element and the page.
    marks = [_evidence(run, widths[run[0].owner]) if len(run) > 1 else [] for run in runs]
    of_owner: dict[int, list[bool]] = {}
    for run, run_marks in zip(runs, marks, strict=True):
        of_owner.setdefault(run[0].owner, []).extend(run_marks)
    on_page = _verdict([m for run_marks in marks for m in run_marks])
    out: list[Piece] = []
    for run, run_marks in zip(runs, marks, strict=True):
        owner = run[0].owner
        if len(run) < 2 or not MIN_WIDTH <= widths[owner] <= MAX_WIDTH:
            out.extend(run)
            continue
        around = _verdict(of_owner[owner])
        judged = _wrapped_run(run, run_marks, on_page if around is None else around)
        if judged is None:
            out.extend(run)
        else:
            out.extend(_paragraphs(run, widths[owner], lower_case_only=judged == _BY_CONTEXT))
    if len(out) == len(pieces):
        return page
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
        and not (piece.lifted or before.lifted)
        and not (_all_link(piece) or _all_link(before))
    )


def _all_link(piece: Piece) -> bool:
    # A headline pointing elsewhere, or a "full story" link under one: never part of a
    # sentence wrapped across lines.
    return piece.link_only or piece.link_letters >= piece.letters


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
    """Whether `following` can only go on the sentence `line` left open: it starts in lower
    case (a label, a heading, a sign-off's name, a quotation start otherwise) and neither
    is a list item or a bare address."""
    text = _QUOTED.sub("", following)
    return (
        text[:1].islower()
        and not (_ends_sentence(line) or _ITEM.match(text))
        and not (URL_LIKE.match(line) or URL_LIKE.match(text))
    )


def _evidence(run: list[Piece], width: int) -> list[bool]:
    """For each line that leaves its sentence open to a line in lower case: is it full?"""
    return [_full(a.text, b.text, width) for a, b in pairwise(run) if _runs_on(a.text, b.text)]


def _verdict(marks: list[bool]) -> bool | None:
    """Wrapped by hand (nearly every mid-sentence line full), or not; None when too few
    lines tell."""
    if len(marks) < MIN_MID_SENTENCE:
        return None
    return sum(marks) >= MIN_FULL_SHARE * len(marks)


_BY_ITSELF, _BY_CONTEXT = "itself", "context"


def _wrapped_run(run: list[Piece], marks: list[bool], around: bool | None) -> str | None:
    """Whether a run is wrapped text, and judged on what: its own marks when there are
    enough of them (among wrapped text a run of edited lines, a word put in or a line
    broken early, may fall short of the share, but not below half); else its context's.
    None when it is not."""
    alone = _verdict(marks) if len(run) >= MIN_LINES else None
    if alone is None:
        return _BY_CONTEXT if around else None
    if alone or (around and sum(marks) >= MIN_RUN_SHARE * len(marks)):
        return _BY_ITSELF
    return None


def _joins(line: str, following: str, width: int, in_item: bool) -> bool:
    """In wrapped text: whether `following` is the same paragraph as `line`: the sentence
    goes on into a line in lower case, or the line is full and the next no list item
    (running text also goes on into a name or a new sentence; a list item only into a
    line with no capital, "80 MHz", before it ends a sentence). A web address on a line
    of its own stays there."""
    if _runs_on(line, following):
        return True
    text = _QUOTED.sub("", following)
    if _ITEM.match(text) or URL_LIKE.match(text) or not _full(line, following, width):
        return False
    return not in_item or not (text[:1].isupper() or _ends_sentence(line))


def _paragraphs(run: list[Piece], width: int, lower_case_only: bool) -> list[Piece]:
    """The run's lines joined into paragraphs; a run too short to be judged by itself
    joins only where the sentence goes on in lower case (two lines of a name and a title,
    or of a contact list, are full as often as not)."""
    groups = [[run[0]]]
    for before, piece in pairwise(run):
        in_item = _ITEM.match(_QUOTED.sub("", groups[-1][0].text)) is not None
        if lower_case_only:
            goes_on = _runs_on(before.text, piece.text)
        else:
            goes_on = _joins(before.text, piece.text, width, in_item)
        if goes_on:
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
