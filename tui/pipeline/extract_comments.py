"""Readers' comments under an article, kept apart from it.

A blog post or a news story often ends in a thread of readers' comments. They are not
the article: the reader never sees them unless asked, and they are never analysed (a
commenter's "Paris" is not a place the story names). But a reader following a
discussion wants them, and a page's comments are as much its text as its sidebar is not.

Comments are found by the markup, as the markup rules find any box: an element whose
class or id names a comment box (`[[markup]]` rule "comments" in `clean_rules.toml`).
Inside such a box the comment form (name, e-mail, "Notify me of follow-up comments")
is no comment: anything inside a `<form>` is left out, and so is text that is only a
link (a commenter's name linking to their site, "Reply"). What is left goes through the
same cleaner as the article (`stages.read_page`), which cuts the box's own prompts.
"""

from __future__ import annotations

from tui.pipeline.extract_blocks import Page, Piece
from tui.pipeline.model import Block, RemovedBlock

# The id of the markup rule that marks readers' comments (clean_rules.toml).
COMMENTS_RULE = "comments"


def _in_form(page: Page, number: int) -> bool:
    while number != -1:
        if page.tags.get(number) == "form":
            return True
        number = page.parents.get(number, -1)
    return False


def _is_comment(page: Page, piece: Piece) -> bool:
    return (
        piece.mark is not None
        and page.marks[piece.mark].rule == COMMENTS_RULE
        and not piece.link_only
        and not _in_form(page, piece.owner)
    )


def readers_comments(
    page: Page, blocks: list[Block], removed: list[RemovedBlock]
) -> tuple[list[Block], list[RemovedBlock]]:
    """The page's comments in page order, and `removed` without the comment boxes it held.

    A comment box inside the article's own container was cut from the article as
    "readers' comments"; it is now shown as comments instead, so it leaves `removed`.
    Text the article kept (a box that only wears a comment class) stays the article's.
    """
    kept = {block.text for block in blocks}
    comments = [
        Block(piece.kind, piece.text)
        for piece in page.pieces
        if _is_comment(page, piece) and piece.text not in kept
    ]
    if not comments:
        return [], removed
    return comments, [r for r in removed if r.rule != COMMENTS_RULE]
