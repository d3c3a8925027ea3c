"""The briefing as data for scripts (JSON, JSON Lines) and as a readable Markdown document.

The JSON shape is a public contract, documented in the README; change both together.
"""

from __future__ import annotations

import re
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from tui.pipeline.briefing import Briefing
from tui.pipeline.feeds import no_longer_listed, not_read
from tui.pipeline.identity import input_key, is_web_address
from tui.pipeline.model import (
    Article,
    BlockKind,
    BriefingEntity,
    BriefingTimelineEntry,
    Entity,
    EntityType,
    Status,
    TimelineEntry,
)
from tui.pipeline.textsafety import json_dumps, strip_unsafe
from tui.pipeline.timex import (
    date_assumed,
    entry_label,
    own_rows,
    read_as_of_label,
    timex_label,
)
from tui.pipeline.words import authors_line, plural


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type.value,
        "aliases": entity.aliases,
        "count": entity.count,
        "mentions": [{"block": m.block, "start": m.start, "end": m.end} for m in entity.mentions],
        "first_sentence": entity.first_sentence,
    }


def timeline_entry_to_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "expression": entry.expression,
        "value": entry.value,
        "granularity": entry.granularity.value,
        "range": [entry.range_start, entry.range_end] if entry.range_start else None,
        "vague": entry.vague,
        "anchor_assumed": entry.anchor_assumed,
        "timex_type": entry.timex_type,
        "timex_value": entry.timex_value if entry.timex_value is not None else entry.value,
        "runs_to_next": entry.runs_to_next,
        "sentence": entry.sentence,
        "block": entry.block,
        "start": entry.start,
        "end": entry.end,
    }


def article_to_dict(article: Article, index: int) -> dict[str, Any]:
    meta = article.metadata
    return {
        "index": index,
        "input": article.input,
        "url": article.url,
        "status": article.status,
        "error": (
            {"kind": article.error.kind.value, "message": article.error.message}
            if article.error
            else None
        ),
        "title": meta.title,
        "site": meta.site,
        "authors": meta.authors,
        "published": meta.published,
        "language": meta.language,
        "canonical_url": meta.canonical_url,
        "fetched_at": article.fetched_at,
        "blocks": [{"kind": b.kind.value, "text": b.text} for b in article.blocks],
        "removed": [
            {
                "kind": r.kind.value,
                "text": r.text,
                "reason": r.reason,
                "rule": r.rule,
                # Index into "blocks" before which it stood; null when not known.
                "position": r.position,
            }
            for r in article.removed
        ],
        # Readers' comments under the article, in page order; never analysed.
        "comments": [{"kind": c.kind.value, "text": c.text} for c in article.comments],
        "entities": (
            None if article.entities is None else [entity_to_dict(e) for e in article.entities]
        ),
        # Set when entities is [] because of the page's language, in a reader's words.
        "entities_note": article.entities_note,
        "timeline": (
            None
            if article.timeline is None
            else [timeline_entry_to_dict(t) for t in article.timeline]
        ),
        # TIMEX3 expressions that date nothing ("the 30-year bond", "annual"), same shape.
        "time_modifiers": (
            None
            if article.time_modifiers is None
            else [timeline_entry_to_dict(t) for t in article.time_modifiers]
        ),
        # The date an undated page's timeline was read as of, from its own words.
        "read_as_of": article.read_as_of,
        "analysed_blocks": article.analysed_blocks,
        "duplicate_of": article.duplicate_of,
        "revision": article.revision,
        "cached": article.cached,
        # A feed's item names the feed's entry; a feed (or OPML list) says what it is
        # and lists the entries it expanded into.
        "feed": article.feed,
        "feed_kind": article.feed_kind,
        "items": article.items,
        # Entries it listed but did not read, by why (a feed's; null for an article).
        "items_not_read": (
            None
            if article.items is None
            else {
                "no_web_address": article.items_unlinked,
                "older": article.items_older,
                "repeated": article.items_repeated,
                "itself": article.items_itself,
            }
        ),
        # Of `items`, a reloaded feed's entries from before that it no longer lists.
        "items_no_longer_listed": None if article.items is None else article.items_earlier,
    }


def briefing_entity_to_dict(entity: BriefingEntity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type.value,
        "aliases": entity.aliases,
        "count": entity.count,
        "articles": {str(i): n for i, n in sorted(entity.counts.items())},
        "first_sentence": entity.first_sentence,
    }


def briefing_timeline_to_dict(item: BriefingTimelineEntry) -> dict[str, Any]:
    return {"article": item.article, **timeline_entry_to_dict(item.entry)}


def briefing_to_dict(briefing: Briefing, *, analysis: bool = True) -> dict[str, Any]:
    """`analysis` says whether analysis was asked for: the merged lists are then lists
    (empty when no article could be analysed), and null only when it was turned off."""
    return {
        "articles": [article_to_dict(a, i) for i, a in enumerate(briefing.articles)],
        "entities": (
            [briefing_entity_to_dict(e) for e in briefing.entities()] if analysis else None
        ),
        "timeline": (
            [briefing_timeline_to_dict(t) for t in briefing.timeline()] if analysis else None
        ),
    }


# JSON keeps every character of the page, but what a terminal would obey (C1 controls,
# bidi overrides, lone surrogates) is written as \uXXXX: `cat briefing.json` stays inert.
def to_json(briefing: Briefing, *, analysis: bool = True) -> str:
    return json_dumps(briefing_to_dict(briefing, analysis=analysis), indent=2)


def to_jsonl_line(article: Article, index: int) -> str:
    return json_dumps(article_to_dict(article, index))


# Characters that would turn page text into Markdown structure: emphasis, code, links
# ("[x](javascript:...)"), raw HTML. Escaped, they read the same in any renderer.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# What makes a line's start a heading, quote, list item, rule or fence: "# ", "> ", "- ",
# "1. ", "1) ", "---", "===".
_MD_LINE_START = re.compile(r"^(?:([#>+\-=])|(\d{1,9})([.)]))(?=\s|$|[-=]+\s*$)")
# An "&" that starts a character reference: a page that shows "&lt;b&gt;" as text was
# rendered from the Markdown as "<b>". (An "&" before a space is text in any renderer.)
_MD_REFERENCE = re.compile(r"&(?=#?\w+;)")


def _md_inline(text: str) -> str:
    text = strip_unsafe(text).replace("\n", " ").replace("\t", " ")
    text = _MD_REFERENCE.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))
    # A digit cannot be escaped; the dot or bracket after it can: 1\. I disagree.
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _md_link(url: str) -> str:
    return f"<{strip_unsafe(url).replace('>', '%3E')}>"


def _md_where(article: Article) -> str:
    """Where an article with no text was read, or, when it never came, what was given."""
    return _md_address(article) if article.url else f"Input: {_md_inline(article.input)}"


def _md_address(article: Article) -> str:
    """Where the page was read, and the address given when it led there by a redirect
    (the one the reader would recognise, or search their notes for)."""
    assert article.url is not None
    given = article.input.strip()
    asked = is_web_address(given)
    if asked and input_key(given) != input_key(article.url):
        return f"{_md_link(article.url)} (from {_md_link(given)})"
    return _md_link(article.url)


# How the Markdown heads the words of an article with an error that is no failure.
_NOT_FAILED = {Status.NO_LONGER_CACHED: "No longer cached", Status.NOT_READ: "Not read"}


def _md_article(article: Article, number: int) -> list[str]:
    meta = article.metadata
    out = [f"## {number}. {_md_inline(article.display_title)}", ""]
    if article.feed is not None:
        out[-1:] = [f"*From {article.feed + 1}.*", ""]
    if article.items is not None and article.error is None:
        what = "n OPML list" if article.feed_kind == "opml" else " feed"
        entries = ", ".join(str(i + 1) for i in article.items) or "none"
        url = f" {_md_link(article.url)}" if article.url else ""
        notes = " ".join(s for s in (no_longer_listed(article), not_read(article)) if s)
        return [*out, f"A{what}{url}; its entries: {entries}. {notes}".rstrip(), ""]
    if article.duplicate_of is not None:
        same = article.duplicate_of + 1
        return [*out, f"The same article as {same}: {_md_inline(article.input)}", ""]
    unfailed = _NOT_FAILED.get(article.status)
    if unfailed is not None and article.error is not None:
        # No failure: read before and evicted from the cache since (said by its title, the
        # heading, and the address it was read at), or never come.
        out += [f"*{unfailed}:* {_md_inline(article.error.message)}", ""]
        return [*out, _md_where(article), ""]
    if article.error is not None:
        out += [f"**Error ({article.error.kind.value}):** {_md_inline(article.error.message)}", ""]
        if not article.blocks:
            # A page that came and held no article says where it was read.
            return [*out, _md_where(article), ""]
        # The text was read and its analysis failed: the text is still the article.
    if article.status is Status.PENDING:
        out += [f"*Still being read ({article.stage.value}) when this was exported.*", ""]
        if not article.blocks:
            return [*out, f"Input: {_md_inline(article.input)}", ""]
    published = meta.published and (timex_label(meta.published) or meta.published)
    if not published and article.read_as_of:
        published = read_as_of_label(article.read_as_of)
    facts = [x for x in (meta.site, authors_line(meta.authors), published) if x]
    if facts:
        out += ["*" + " · ".join(_md_inline(f) for f in facts) + "*", ""]
    if article.url:
        out += [_md_address(article), ""]
    for block in article.blocks:
        text = _md_inline(block.text)
        if block.kind is BlockKind.HEADING:
            out.append(f"### {text}")
        elif block.kind is BlockKind.QUOTE:
            out.append(f"> {text}")
        elif block.kind is BlockKind.LIST_ITEM:
            out.append(f"- {text}")
        else:
            out.append(text)
        out.append("")
    cut = page_cut_note(article)
    if cut is not None:
        out += [f"*{_md_inline(cut)}*", ""]
    if article.removed:
        out += [f"<details><summary>Removed boilerplate ({len(article.removed)})</summary>", ""]
        out += [f"- {_md_inline(r.text)} — *{r.reason}*" for r in article.removed]
        out += ["", "</details>", ""]
    if article.comments:
        count = plural(len(article.comments), "paragraph")
        out += [f"<details><summary>Readers' comments ({count})</summary>", ""]
        for comment in article.comments:
            out += [_md_inline(comment.text), ""]
        out += ["</details>", ""]
    if article.analysed_blocks is not None:
        out += [f"*{analysis_limit_note(article)}*", ""]
    if article.entities:
        out += ["### Entities", ""]
        out += _md_entity_lines([(e.name, e.type, e.count) for e in article.entities])
    elif article.entities_note:
        out += ["### Entities", "", _md_inline(article.entities_note), ""]
    if article.timeline:
        out += ["### Timeline", ""]
        out += [_md_timeline_line(t) for t in own_rows(article.timeline)] + [""]
    return out


def page_cut_note(article: Article) -> str | None:
    """Where a page too long to read whole was cut, for the end of its text: the cut is
    otherwise only among the removed boilerplate, which a reader rarely opens."""
    cut = next((r for r in article.removed if r.rule == "page-too-long"), None)
    return None if cut is None else f"The page is cut here: {cut.reason}."


def analysis_limit_note(article: Article) -> str:
    """Why entities and timeline stop part-way through a very long article."""
    from tui.pipeline.stages import MAX_ANALYSED_CHARS

    analysed = article.analysed_blocks or 0
    first = "first paragraph" if analysed == 1 else f"first {analysed:,} paragraphs"
    if analysed == 1 and len(article.blocks[0].text) > MAX_ANALYSED_CHARS:
        return (
            f"Entities and timeline cover the first {MAX_ANALYSED_CHARS:,} characters of the "
            "first paragraph: the rest of this very long text was not analysed."
        )
    return (
        f"Entities and timeline cover the {first} of {len(article.blocks):,}: "
        "the rest of this very long text was not analysed."
    )


def _md_entity_lines(items: list[tuple[str, EntityType, int]]) -> list[str]:
    out: list[str] = []
    for etype in EntityType:
        names = [f"{_md_inline(n)} ({c})" for n, t, c in items if t is etype]
        if names:
            out.append(f"- **{etype.plural}:** " + ", ".join(names))
    return [*out, ""]


def _md_timeline_line(entry: TimelineEntry, source: str = "") -> str:
    # Vague entries (PAST_REF ...) read best as what the article said: "recently".
    when = entry_label(entry)
    shown = when or entry.expression
    vague = " *(vague)*" if entry.vague else ""
    # As the pane says it: the page gave no date, and the year is our reading.
    assumed = " *(date assumed)*" if date_assumed(entry) else ""
    shown_md = f"**{_md_inline(shown)}**{vague}{assumed}"
    return f"- {shown_md} — {_md_inline(entry.sentence)}{source}"


def to_markdown(briefing: Briefing) -> str:
    articles = briefing.articles
    # Feeds and OPML lists are entries of the briefing, not articles: they are not counted.
    out = ["# Briefing", "", briefing.tally().words() + ".", ""]
    if any(a.entities is not None for a in articles) and len(articles) > 1:
        entities = briefing.entities()
        timeline = briefing.timeline()
        out += ["## Across the briefing", ""]
        if entities:
            out += ["### Entities", ""]
            out += _md_entity_lines([(e.name, e.type, e.count) for e in entities])
        if timeline:
            out += ["### Timeline", ""]
            rows = own_rows(timeline, attrgetter("entry"), attrgetter("article"))
            out += [_md_timeline_line(t.entry, f" [{t.article + 1}]") for t in rows] + [""]
    for number, article in enumerate(articles, 1):
        out += _md_article(article, number)
    return "\n".join(out).rstrip() + "\n"


def article_markdown(article: Article) -> str:
    """One article as a Markdown document (the app copies it to the clipboard)."""
    lines = _md_article(article, 1)
    lines[0] = f"# {_md_inline(article.display_title)}"
    return "\n".join(lines).rstrip() + "\n"


# Numbered copies tried before giving up when files of that name already exist.
MAX_NUMBERED_COPIES = 99
# What the app's export writes, by format: the file's extension and how it is made.
EXPORT_FORMATS = {"markdown": ".md", "json": ".json"}


def write_briefing(
    briefing: Briefing, folder: Path, fmt: str = "markdown", *, analysis: bool = True
) -> Path:
    """Write the briefing to `folder/briefing-YYYYMMDD-HHMMSS.md` (or `.json`), never
    overwriting a file (two exports in one second get -2, -3 ...); the folder is made if
    it is missing (`--export-dir` may name one not made yet). Returns the path. A write
    that fails leaves no file behind."""
    folder.mkdir(parents=True, exist_ok=True)
    suffix = EXPORT_FORMATS[fmt]
    stamp = f"briefing-{datetime.now():%Y%m%d-%H%M%S}"
    text = to_markdown(briefing) if fmt == "markdown" else to_json(briefing, analysis=analysis)
    for n in range(1, MAX_NUMBERED_COPIES + 1):
        path = folder / (f"{stamp}{suffix}" if n == 1 else f"{stamp}-{n}{suffix}")
        try:
            fh = path.open("x", encoding="utf-8")
        except FileExistsError:
            continue
        try:
            with fh:
                fh.write(text if text.endswith("\n") else text + "\n")
        except BaseException:
            # A full disk or a file-size limit cut the write: a file under the export's own
            # name, ending mid-sentence, would pass for the whole briefing.
            path.unlink(missing_ok=True)
            raise
        return path
    raise FileExistsError(
        f"{stamp}{suffix} and {MAX_NUMBERED_COPIES - 1} numbered copies already exist"
    )
