"""The CPU stages for one article, as plain functions of plain data.

These run in a worker process (`workers.py`): each takes one picklable argument and
returns picklable dataclasses, and nothing they build (lxml trees, spaCy Docs, the raw
page) outlives the call, so the process that keeps the briefing holds only the results.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from tui.pipeline.clean import clean, clean_comments
from tui.pipeline.decode import decode_html
from tui.pipeline.entities.language import stated_language, wordless
from tui.pipeline.extract import extract
from tui.pipeline.model import (
    Block,
    Entity,
    ErrorKind,
    FetchedPage,
    Metadata,
    PipelineError,
    RemovedBlock,
    TimelineEntry,
)

# Analysis (spaCy, entities, timeline) reads at most this many characters of an article,
# from the top: about 25,000 words, several seconds of parsing. A page of a hundred thousand
# paragraphs is still shown whole; only its entities and timeline stop at this point.
MAX_ANALYSED_CHARS = 150_000
# A block longer than this that is mostly not words is not analysed (`_unreadable`).
UNREADABLE_MIN_CHARS = 1_000


@dataclass(frozen=True)
class Read:
    """What extraction and cleaning made of a page."""

    metadata: Metadata
    blocks: list[Block]
    removed: list[RemovedBlock]
    comments: list[Block] = field(default_factory=list)


def read_page(page: FetchedPage) -> Read:
    """Extract the article from a fetched page and clean it."""
    html, _ = decode_html(page.body, page.charset)
    extracted = extract(html, page.url)
    # Extraction already cut what only the HTML shows (link-only headlines, captions); the
    # reader sees those with the cleaner's cuts, so nothing is silently lost, each where
    # it stood in the text that is left.
    kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
    if not kept:
        raise PipelineError(ErrorKind.NO_ARTICLE, "No article text was found on this page.")
    comments = clean_comments(extracted.comments, extracted.metadata)
    # The language stated is the text's: templates label pages "en" whatever they hold.
    metadata = replace(
        extracted.metadata, language=stated_language(kept, extracted.metadata.language)
    )
    return Read(metadata, kept, removed, comments)


@dataclass(frozen=True)
class AnalysisJob:
    blocks: list[Block]
    published: str | None  # the page's publication date, if it gave one
    fetched_at: str | None
    language: str | None  # what the page declares (may be wrong: the text is checked)
    max_chars: int | None = None  # None: MAX_ANALYSED_CHARS
    # The byline and date lines the cleaner cut ("Posted by Wren on 14 March 2007"), for
    # a page with no publication date: where its own date is most likely written.
    date_lines: tuple[str, ...] = ()
    # The page's title, for a page with no publication date: a day or month it names
    # ("Newsletter October 1997") may be its own.
    title: str | None = None
    # The date lines the cleaner cut, each with the index of the block it stood before:
    # on a page of several posts, the day each post is read as of (`timeline.posts`).
    post_heads: tuple[tuple[int, str], ...] = ()
    # The other lines cut over the text's first block, for a page with no publication date:
    # its head, cut as a label or a link ("::WEEKLY DIGEST No. 184 -- 6 October 2003").
    head_cuts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    # How many blocks, from the top, were analysed; None when all of them were.
    analysed_blocks: int | None = None
    # Why nothing was looked for: the page is not in a language we have models for.
    note: str | None = None
    # Lengths, ages and recurrences that describe a thing ("the 30-year bond"): TIMEX3
    # expressions the timeline leaves out (`timeline.modifiers`).
    time_modifiers: list[TimelineEntry] = field(default_factory=list)
    # The date an undated page's timeline was read as of, from its own words (ISO); None
    # when the page gave its date, or named none (then the fetch day stood in).
    read_as_of: str | None = None


def first_part(text: str, limit: int) -> str:
    """The start of `text` up to `limit` characters, ended at a space when there is one
    (mentions and dates found in it keep their places in the whole)."""
    head = text[:limit]
    space = head.rfind(" ", limit // 2)
    return head if space < 0 else head[:space]


def _unreadable(block: Block) -> bool:
    """A long block mostly of runs no language writes (`language.wordless`): megabytes of
    base64 a page left in its text. (A short one, a line with an address, is parsed as
    written: it may say "the 2012 election" before its link. Of 69,405 blocks of the
    web-extraction pages, none is both.)"""
    return len(block.text) > UNREADABLE_MIN_CHARS and wordless(block.text)


def analysed_prefix(blocks: list[Block], limit: int = MAX_ANALYSED_CHARS) -> int:
    """How many blocks from the top fit in `limit` characters (at least one); an
    unreadable block takes none of them."""
    total = 0
    for i, block in enumerate(blocks):
        total += 0 if _unreadable(block) else len(block.text)
        if total > limit:
            return max(i, 1)
    return len(blocks)


def analyse(job: AnalysisJob) -> Analysis:
    """Entities and timeline from the clean blocks, one spaCy parse shared by both."""
    from tui.pipeline import nlp
    from tui.pipeline.entities import entities_note, find_entities
    from tui.pipeline.timeline import build_timeline, time_modifiers
    from tui.pipeline.timeline.standin import standin_anchor

    limit = job.max_chars or MAX_ANALYSED_CHARS
    count = analysed_prefix(job.blocks, limit)
    # An unreadable block is parsed as empty: it holds no names or dates, and it took the
    # whole budget, leaving every paragraph after it unread. Emptied, not dropped: entries
    # keep their block numbers.
    blocks = [replace(b, text="") if _unreadable(b) else b for b in job.blocks[:count]]
    # analysed_prefix takes the first paragraph whatever its length.
    cut = bool(blocks) and len(blocks[0].text) > limit
    if cut:
        # Its first part only: whole, a megabyte of one paragraph ran past spaCy's length
        # limit (an "internal error" for the whole article) or took a worker a minute.
        blocks = [replace(blocks[0], text=first_part(blocks[0].text, limit))]
    note = entities_note(blocks, job.language)
    if note is not None:
        # An English model reads other languages as noise ("Что" as an organization):
        # nothing is looked for, and the reader is told why.
        return Analysis(note=note)
    docs = nlp.parse_blocks(blocks)
    entities = find_entities(blocks, docs)
    anchor, assumed = timeline_anchor(job.published, job.fetched_at)
    standin = (
        standin_anchor(blocks, docs, anchor, job.date_lines, job.title, job.head_cuts)
        if assumed
        else None
    )
    timeline = build_timeline(blocks, standin or anchor, assumed, docs, job.post_heads)
    return Analysis(
        entities,
        timeline,
        None if count == len(job.blocks) and not cut else count,
        time_modifiers=time_modifiers(docs, timeline),
        read_as_of=standin,
    )


# The cleaner's rule for bylines and date lines (`clean_rules.toml`).
_DATE_LINE_RULE = "byline"


def date_lines(removed: list[RemovedBlock]) -> tuple[str, ...]:
    """The byline and date lines the cleaner cut, in page order (`AnalysisJob.date_lines`)."""
    return tuple(r.text for r in removed if r.rule == _DATE_LINE_RULE)


def head_cuts(removed: list[RemovedBlock]) -> tuple[str, ...]:
    """The lines cut over the text's first block by rules other than the date lines'
    (`AnalysisJob.head_cuts`)."""
    return tuple(r.text for r in removed if r.position == 0 and r.rule != _DATE_LINE_RULE)


def date_heads(removed: list[RemovedBlock]) -> tuple[tuple[int, str], ...]:
    """The byline and date lines the cleaner cut, each with where it stood
    (`AnalysisJob.post_heads`)."""
    return tuple(
        (r.position, r.text)
        for r in removed
        if r.rule == _DATE_LINE_RULE and r.position is not None
    )


def timeline_anchor(published: str | None, fetched_at: str | None) -> tuple[str, bool]:
    """The date relative expressions resolve against, and whether it was assumed."""
    if published and _is_date(published):
        return published, False
    return fetched_at or datetime.now(UTC).isoformat(timespec="seconds"), True


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True
