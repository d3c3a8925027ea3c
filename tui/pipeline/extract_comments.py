"""Readers' comments under an article, kept apart from it.

A blog post or a news story often ends in a thread of readers' comments. They are not
the article: the reader never sees them unless asked, and they are never analysed (a
commenter's "Paris" is not a place the story names). But a reader following a
discussion wants them, and a page's comments are as much its text as its sidebar is not.

Comments are found by the markup, as the markup rules find any box: an element whose
class or id names a comment box (`[[markup]]` rule "comments" in `clean_rules.toml`).
Inside such a box the comment form (name, e-mail, "Notify me of follow-up comments")
is no comment: text inside a `<form>` is left out (unless that form is around the article
too, as some frameworks wrap a whole page), and so is text that is only a link (a
commenter's site, a date linking away). A box around the article itself is no comment box.
What is left goes through the article's rule table (`clean.clean_comments`), which cuts
the box's own prompts and buttons and keeps who wrote each comment.
"""

from __future__ import annotations

from tui.pipeline.extract_blocks import Page, Piece
from tui.pipeline.model import Block, RemovedBlock

# The id of the markup rule that marks readers' comments (clean_rules.toml).
COMMENTS_RULE = "comments"


def _in_form(page: Page, number: int, container: int) -> bool:
    """Whether block element `number` sits in a form that is not around the article too
    (a page whose whole body is one form, as some frameworks write it, hides no comment)."""
    while number != -1:
        if page.tags.get(number) == "form":
            return container == -1 or not page.holds(number, container)
        number = page.parents.get(number, -1)
    return False


def _is_comment(page: Page, piece: Piece, container: int) -> bool:
    if piece.mark is None or piece.link_only:
        return False
    mark = page.marks[piece.mark]
    if mark.rule != COMMENTS_RULE:
        return False
    # A box wearing a comment class around the article itself ("has-comments" on the
    # page's wrapper) is no comment box: what it holds beside the article is the page's.
    if container != -1 and page.holds(mark.element, container):
        return False
    return not _in_form(page, piece.owner, container)


def readers_comments(
    page: Page, own: set[int], container: int, removed: list[RemovedBlock]
) -> tuple[list[Block], list[RemovedBlock]]:
    """The page's comments in page order, and `removed` without the comment boxes it held.

    `own` are the pieces the article was made of, `container` the element holding it. A
    comment box inside that container was cut from the article as "readers' comments";
    it is now shown as comments instead, so it leaves `removed`. A comment that quotes a
    paragraph of the article word for word keeps the quote: pieces are told apart by
    place, not by text.
    """
    comments = [
        Block(piece.kind, piece.text)
        for i, piece in enumerate(page.pieces)
        if i not in own and _is_comment(page, piece, container)
    ]
    if not comments:
        return [], removed
    return comments, [r for r in removed if r.rule != COMMENTS_RULE]
