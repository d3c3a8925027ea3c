"""From a page's HTML to the article as typed blocks plus its metadata.

The page is parsed so that no text is lost (`extract_parse`), its metadata is read from
the whole page (`extract_meta`), and its body is cut into text pieces (`extract_blocks`).
Two judges choose the article among them (`extract_choice`): readability-lxml's vote for
the box it scores highest, and verdicts of our own on every piece (length, link density,
sentence ends, neighbours) that fill the gaps and edges readability leaves. When the box
readability chose is no article (a header with the byline can outscore the article beside
it), the verdicts alone choose, inside the wrapper around that box.

Some boilerplate can only be recognised while the markup is still there (a figure caption,
a share bar, a paragraph that is nothing but a link to another story). That part of the
cleaning happens here and is returned as `Extracted.removed`, each with a rule id and a
reason, together with the text of the article's own container that the choice left out,
so nothing the reader might want is lost silently; `clean.clean` then handles what can be
judged from the text alone. Readers' comments are returned apart (`extract_comments`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

import lxml.html

from tui.pipeline import extract_parse
from tui.pipeline.clean import Rule, cut, rule_matcher
from tui.pipeline.extract_blocks import (
    EMBED_CLASS,
    NUMBER,
    Page,
    Piece,
    markup_rules,
    number_blocks,
    page_pieces,
)
from tui.pipeline.extract_choice import Choice, choose, readability_vote, rules, verdict_ids
from tui.pipeline.extract_comments import COMMENTS_RULE, readers_comments
from tui.pipeline.extract_hidden import declared_blocks, unwrap_noscript
from tui.pipeline.extract_lines import joined
from tui.pipeline.extract_meta import byline_authors, declared_article_body, page_metadata
from tui.pipeline.extract_parse import Truncation, bound, parse
from tui.pipeline.extract_text import SENTENCE_END, count_alnum, norm
from tui.pipeline.extract_walls import is_wall_reason, wall_notice
from tui.pipeline.model import (
    Block,
    BlockKind,
    ErrorKind,
    PipelineError,
    RemovedBlock,
)
from tui.pipeline.model import Metadata as Metadata
from tui.pipeline.words import plural


@dataclass
class Extracted:
    metadata: Metadata
    blocks: list[Block]
    # Blocks cut while the markup was still known (captions, share bars, link-only
    # headlines) and text of the article's container left out of it, each with its
    # reason; the caller keeps them on the article next to what `clean` removes.
    removed: list[RemovedBlock] = field(default_factory=list)
    # Readers' comments under the article, in page order, not yet cleaned; [] when the
    # page's markup shows none (`extract_comments`).
    comments: list[Block] = field(default_factory=list)


# A marked box (a caption, a share bar) holding more than this share of the article's
# letters is the article itself wearing an unlucky class name, so it stays.
_MARK_MAX_SHARE = 0.5
# Below this many letters of running text (about one sentence) there is no article.
_MIN_ARTICLE_LETTERS = 60
# A page with at least this many headline links and no article is a list of headlines.
_HEADLINE_PAGE_LINKS = 8
# Words a headline link has at least; "Home", "About us" and "Next" have fewer.
_HEADLINE_WORDS = 4

# A byline is a line of a few words; longer blocks are not asked whether they are one.
_BYLINE_MAX_CHARS = 200

_TITLE_REPEAT = ("headline repeated in the body", "title-repeat")
_NO_ARTICLE = "No article text could be found on this page."
_HEADLINE_PAGE = "This page is a list of headlines (a section or home page), not an article."


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return key(a) == key(b)


def _unmask_embeds(tree: lxml.html.HtmlElement) -> None:
    """Rename embedded-post blockquotes so readability keeps them as the quotes they are."""
    embeds = markup_rules().embed_classes
    if not embeds:
        return
    for el in tree.iter("blockquote"):
        classes = (el.get("class") or "").lower().split()
        if embeds.intersection(classes):
            el.set("class", EMBED_CLASS)
            # Wrappers that hold nothing but the post ("social-media-embed") would be
            # dropped by readability for their names too.
            size = len(norm(el.text_content()))
            parent = el.getparent()
            while (
                parent is not None
                and parent.tag in ("div", "span", "section", "figure", "p")
                and len(norm(parent.text_content())) <= size + 10
            ):
                parent.set("class", f"{EMBED_CLASS}-box")
                parent.attrib.pop("id", None)
                parent = parent.getparent()


def _valid_marks(page: Page, choice: Choice) -> set[int]:
    """Marked boxes inside the article's container that are not the article itself: not
    a box holding most of the kept text, nor boxes of one rule that together do (a page
    that wraps each of its paragraphs in a "caption" box)."""
    kept_letters = sum(p.letters for p, k in zip(page.pieces, choice.kept, strict=True) if k)
    limit = _MARK_MAX_SHARE * kept_letters
    letters: dict[int, int] = {}
    for i, piece in enumerate(page.pieces):
        if piece.mark is not None and choice.kept[i]:
            letters[piece.mark] = letters.get(piece.mark, 0) + piece.letters
    by_rule: dict[str, int] = {}
    for number, size in letters.items():
        by_rule[page.marks[number].rule] = by_rule.get(page.marks[number].rule, 0) + size
    valid: set[int] = set()
    for i, piece in enumerate(page.pieces):
        if piece.mark is None or piece.mark in valid or not (choice.kept[i] or i in choice.listed):
            continue
        number = piece.mark
        mark = page.marks[number]
        inside = page.holds(choice.container, mark.element) and not (
            mark.is_block and mark.element == choice.container
        )
        if inside and letters.get(number, 0) <= limit and by_rule.get(mark.rule, 0) <= limit:
            valid.add(number)
    return valid


@dataclass
class _Assembled:
    blocks: list[Block]
    link_only: list[bool]  # per block
    left_out: list[RemovedBlock]
    # Indices of the pieces that became the article's blocks or its removed lines; a
    # comment box inside the article's container is not among them (`extract_comments`).
    own: set[int]


def _assemble(page: Page, choice: Choice) -> _Assembled:
    """Kept blocks (with their link-only flags) and what was left out, positioned."""
    valid = _valid_marks(page, choice)
    blocks: list[Block] = []
    link_only: list[bool] = []
    removed: list[RemovedBlock] = []
    own: set[int] = set()
    group: tuple[int, list[str], int] | None = None  # mark, its texts, position

    def close() -> None:
        nonlocal group
        if group is not None:
            mark, texts, position = group
            rule = page.marks[mark]
            text = norm(" ".join(texts))
            removed.append(
                RemovedBlock(BlockKind.PARAGRAPH, text, rule.reason, rule.rule, position)
            )
            group = None

    for i, piece in enumerate(page.pieces):
        shown = choice.kept[i] or i in choice.listed
        if piece.mark in valid and shown:
            if page.marks[piece.mark].rule != COMMENTS_RULE:
                own.add(i)
            if group is None or group[0] != piece.mark:
                close()
                group = (piece.mark, [], len(blocks))
            group[1].append(piece.text)
            continue
        close()
        if shown:
            own.add(i)
        if choice.kept[i]:
            blocks.append(Block(piece.kind, piece.text))
            link_only.append(piece.link_only)
        elif i in choice.listed:
            rule, reason = choice.listed[i]
            removed.append(RemovedBlock(piece.kind, piece.text, reason, rule, len(blocks)))
    close()
    return _Assembled(blocks, link_only, removed, own)


def _link_only_cuts(blocks: list[Block], link_only: list[bool]) -> dict[int, tuple[str, str]]:
    """The blocks that are only a link to another page, as `cut` wants them.

    A paragraph or heading made entirely of a link is a headline pointing elsewhere (an
    inline "related" teaser); a list item made of a link is left alone because link lists
    in articles are usually sources the text relies on.
    """
    return {
        i: ("headline linking to another article", "related-link")
        for i, (block, only) in enumerate(zip(blocks, link_only, strict=True))
        if only and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
    }


def _headline_links(pieces: Iterable[Piece], with_list_items: bool = False) -> int:
    """Headlines linking elsewhere among the pieces given: a piece that is nothing but a
    link of a few words. Next to an article, links in list items are left out: they are
    usually its sources or a short related list, not the page's substance."""
    return sum(
        1
        for p in pieces
        if p.link_only
        and (with_list_items or p.kind != BlockKind.LIST_ITEM)
        and len(p.text.split()) >= _HEADLINE_WORDS
    )


def _check_article(page: Page, choice: Choice, blocks: list[Block]) -> None:
    """Raise NO_ARTICLE, in a reader's words, when what was chosen is not an article."""
    kept = [i for i, k in enumerate(choice.kept) if k]
    # The chosen run of the page: what was kept and what was left out between.
    run = range(kept[0], kept[-1] + 1) if kept else range(0)
    headlines = _headline_links(page.pieces[i] for i in run if choice.kept[i] or i in choice.listed)
    running = [b for b in blocks if b.kind != BlockKind.HEADING]
    mean_words = sum(len(b.text.split()) for b in running) / max(1, len(running))
    if headlines >= 5 and headlines * 2 >= len(running) and mean_words < 20:
        # Headline links between short teasers: a section front or home page, not a story.
        raise PipelineError(ErrorKind.NO_ARTICLE, _HEADLINE_PAGE)
    # Letters rather than words, so that text written without spaces counts fairly.
    letters = sum(count_alnum(b.text) for b in running)
    sentences = sum(1 for b in running if SENTENCE_END.search(b.text))
    if letters < _MIN_ARTICLE_LETTERS or sentences == 0:
        if _headline_links(page.pieces, with_list_items=True) >= _HEADLINE_PAGE_LINKS:
            raise PipelineError(ErrorKind.NO_ARTICLE, _HEADLINE_PAGE)
        if letters >= _MIN_ARTICLE_LETTERS:  # what fell short was the sentences
            detail = f" ({plural(letters, 'letter')} of text, but not one sentence)"
        else:
            detail = f" (only {plural(letters, 'letter')} of running text)" if letters else ""
        raise PipelineError(ErrorKind.NO_ARTICLE, _NO_ARTICLE.rstrip(".") + detail + ".")


def _better_reason(left_out: RemovedBlock, match: Callable[[str], Rule | None]) -> RemovedBlock:
    """A piece the choice left out, with the cleaner's reason when one of its rules says
    what the line is (a byline, a date line, the headline again), which tells a reader
    more than "a short line beside the article"."""
    if left_out.rule not in verdict_ids():
        return left_out
    rule = match(left_out.text)
    if rule is None:
        return left_out
    return replace(left_out, reason=rule.reason, rule=rule.id)


def _unread_notice(unread: Truncation, position: int) -> RemovedBlock:
    """Where reading stopped on a page too long to read whole, and how much was left."""
    reason = (
        f"the page goes on for {unread.elements:,} more elements ({unread.characters:,} "
        f"characters of text); briefing reads the first {extract_parse.MAX_ELEMENTS:,} of a page"
    )
    text = unread.opening + "…" if unread.opening else "…"
    return RemovedBlock(BlockKind.PARAGRAPH, text, reason, "page-too-long", position)


def _second_look(page: Page, voted: set[int], metadata: Metadata) -> _Article | None:
    """When readability's choice is no article: the article our verdicts alone find in the
    box around that choice (`second_look_levels` in the rules table), or None."""
    if not voted:
        return None
    region = page.up(page.around(sorted(voted)), rules().second_look_levels)
    if page.tags.get(region) in ("body", "html", None):
        return None
    choice = choose(page, set())
    kept = [p for p, k in zip(page.pieces, choice.kept, strict=True) if k]
    if not all(page.holds(region, p.owner) for p in kept):
        return None
    try:
        return _article(page, choice, metadata)
    except PipelineError:
        return None


def _loose_in_the_page(
    tree: lxml.html.HtmlElement, page: Page, metadata: Metadata
) -> _Article | None:
    """When no article was found: readability's vote again, reading loose lines straight in
    <body> or <center> as paragraphs (an old page's article of short lines); None when that
    finds none either."""
    voted = readability_vote(tree, page_boxes=True)
    if not voted:
        return None
    try:
        return _article(page, choose(page, voted), metadata)
    except PipelineError:
        return None


@dataclass
class _Article:
    blocks: list[Block]
    removed: list[RemovedBlock]
    own: set[int]  # the pieces it was made of (`_Assembled.own`)
    container: int  # the block element holding its kept pieces


def _article(page: Page, choice: Choice, metadata: Metadata) -> _Article:
    """The chosen article's blocks and what was left out; PipelineError when the choice
    is no article."""
    assembled = _assemble(page, choice)
    raw, left_out = assembled.blocks, assembled.left_out
    doomed = _link_only_cuts(raw, assembled.link_only)
    # The title is shown above the text; repeating it as the first block reads as a stutter.
    first = next((i for i in range(len(raw)) if i not in doomed), None)
    if first is not None and metadata.title and _same_text(raw[first].text, metadata.title):
        doomed[first] = _TITLE_REPEAT
    match = rule_matcher(metadata)
    blocks, removed = cut(raw, doomed, [_better_reason(r, match) for r in left_out])
    _check_article(page, choice, blocks)
    return _Article(blocks, removed, assembled.own, choice.container)


# The cleaner's rule for bylines and date lines; a line it cuts may name the writers.
_BYLINE_RULE = "byline"
# Pieces read below the page's headline for a byline printed outside the article's box
# (a header holding headline, byline and date above the text): the byline comes first.
_UNDER_HEADLINE = 3


def _under_headline(page: Page) -> list[str]:
    """The few pieces right after the page's first headline (<h1>)."""
    pieces = page.pieces
    first = next((i for i, p in enumerate(pieces) if p.owner_tag == "h1"), None)
    if first is None:
        return []
    after = next((i for i in range(first, len(pieces)) if pieces[i].owner_tag != "h1"), len(pieces))
    return [p.text for p in pieces[after : after + _UNDER_HEADLINE]]


# Pieces read above the article's first one for the date line a page prints over it outside
# the article's box: under the headline ("Wednesday, November 07, 2012 | 10:00 AM" between
# an <h3> and the text), or under an archive's link back ("8 August 2003"). Further up
# lie the site's header and its own date widgets.
_ABOVE_THE_ARTICLE = 3
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ABOVE_REASON = "date line above the article"


def _date_lines_above(page: Page, article: _Article, metadata: Metadata) -> list[RemovedBlock]:
    """The few lines right above the article that the cleaner's table reads as a byline
    or date line with a year, as cuts before its first block: a page whose metadata gives
    no date is then read as of the date it prints (`AnalysisJob.date_lines`), and the
    reader sees the line among what was cut."""
    first = min(article.own, default=0)
    dated = [
        p for p in page.pieces[max(0, first - _ABOVE_THE_ARTICLE) : first] if _A_YEAR.search(p.text)
    ]
    if not dated:
        return []  # no line with a year over the text: no need to build the table
    match = rule_matcher(metadata)
    return [
        RemovedBlock(piece.kind, piece.text, _ABOVE_REASON, _BYLINE_RULE, 0)
        for piece in dated
        if getattr(match(piece.text), "id", None) == _BYLINE_RULE
    ]


def _with_printed_authors(page: Page, article: _Article, metadata: Metadata) -> Metadata:
    """The metadata with the writers a printed byline names, when it declares none.

    Lines are read in the order a byline is most likely: under the headline, then what
    was cut from the article as a byline or what the cleaner will cut as one, in page
    order. Only lines judged bylines are read, so a sentence of the article that starts
    "By ..." is never asked for a name."""
    if metadata.authors:
        return metadata
    match = rule_matcher(metadata)
    placed = [(r.position or 0, r.text) for r in article.removed if r.rule == _BYLINE_RULE]
    placed += [
        (i, b.text)
        for i, b in enumerate(article.blocks)
        if len(b.text) < _BYLINE_MAX_CHARS and getattr(match(b.text), "id", None) == _BYLINE_RULE
    ]
    lines = _under_headline(page) + [text for _, text in sorted(placed, key=lambda p: p[0])]
    authors = byline_authors(lines, metadata.site)
    return replace(metadata, authors=authors) if authors else metadata


def extract(html: str, url: str | None = None) -> Extracted:
    """Main content as typed blocks + metadata. Raises PipelineError(ErrorKind.NO_ARTICLE, "...")
    when the page has no article text (words a reader understands)."""
    tree = parse(html)
    unread = bound(tree, extract_parse.MAX_ELEMENTS)
    metadata = page_metadata(tree, url)
    declared = declared_article_body(tree)
    try:
        page, article = _laid_out(tree, metadata)
    except PipelineError:
        # The layout shows no article, or only a notice in its place: the page may still
        # hold it out of the layout. If not, the reader sees why the layout failed.
        hidden = _out_of_layout(html, metadata, declared)
        if hidden is None:
            raise
        return hidden
    return _finished(page, article, metadata, unread)


def _laid_out(tree: lxml.html.HtmlElement, metadata: Metadata) -> tuple[Page, _Article]:
    """The article as the page lays it out; PipelineError when there is none, or when what
    stands in its place is a notice (`extract_walls`)."""
    _unmask_embeds(tree)
    number_blocks(tree)
    voted = readability_vote(tree)
    page = joined(page_pieces(tree))
    try:
        article = _article(page, choose(page, voted), metadata)
    except PipelineError:
        second = _second_look(page, voted, metadata) or _loose_in_the_page(tree, page, metadata)
        if second is None:
            raise
        article = second
    wall = wall_notice(article.blocks, _box_names(tree, article.container))
    if wall is not None:
        raise PipelineError(ErrorKind.NO_ARTICLE, wall.reason)
    return page, article


# Boxes whose class and id names say what the text is: its own and this many around it.
_NAMED_BOX_LEVELS = 2


def _box_names(tree: lxml.html.HtmlElement, container: int) -> str:
    """The class and id names of block element `container` and the boxes around it (never
    <body> or <html>, which a site marks for its scripts), in lower case."""
    found = tree.xpath(f'//*[@{NUMBER}="{container}"]')
    if not found:
        return ""
    boxes = [found[0], *list(found[0].iterancestors())[:_NAMED_BOX_LEVELS]]
    names = (
        f"{box.get('class') or ''} {box.get('id') or ''}"
        for box in boxes
        if box.tag not in ("body", "html")
    )
    return " ".join(names).lower()


def _out_of_layout(html: str, metadata: Metadata, declared: str | None) -> Extracted | None:
    """The article a page keeps out of its layout (`extract_hidden`): its <noscript> copy,
    else the body its JSON-LD declares; None when neither holds one. When the <noscript>
    copy is itself a notice ("This site needs JavaScript…") and nothing else is found,
    that notice is the error the reader sees (PipelineError), not "no article"."""
    tree = parse(html)
    notice: PipelineError | None = None
    if unwrap_noscript(tree):
        bound(tree, extract_parse.MAX_ELEMENTS)
        try:
            return _finished(*_laid_out(tree, metadata), metadata, None)
        except PipelineError as error:
            notice = error if is_wall_reason(error.message) else None
    blocks = declared_blocks(declared) if declared else []
    letters = sum(count_alnum(b.text) for b in blocks)
    if (
        letters < _MIN_ARTICLE_LETTERS
        or not any(SENTENCE_END.search(b.text) for b in blocks)
        or wall_notice(blocks) is not None
    ):
        if notice is not None:
            raise notice
        return None
    return Extracted(metadata=metadata, blocks=blocks)


def _finished(
    page: Page, article: _Article, metadata: Metadata, unread: Truncation | None
) -> Extracted:
    """The extracted article: its authors as printed, its readers' comments apart, and
    where reading stopped on a page too long to read whole."""
    metadata = _with_printed_authors(page, article, metadata)
    blocks = article.blocks
    comments, removed = readers_comments(page, article.own, article.container, article.removed)
    removed[:0] = _date_lines_above(page, article, metadata)
    if unread is not None:
        removed.append(_unread_notice(unread, len(blocks)))
    return Extracted(metadata=metadata, blocks=blocks, removed=removed, comments=comments)
