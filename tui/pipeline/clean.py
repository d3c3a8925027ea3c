"""Cut the boilerplate that generic extraction keeps inside the article, and say why.

The rules live in `data/clean_rules.toml` as a table (id, reason, patterns, word limit).
A pattern must cover a block from its first character to its last, so only whole lines of
boilerplate go; a sentence of the article that mentions Telegram, or says "follow", stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from tui.pipeline import tables
from tui.pipeline.extract_text import MARKUP_TAG_RE
from tui.pipeline.model import Block, BlockKind, Metadata, RemovedBlock

_WS = re.compile(r"\s+")
# Names only: "{4}" and "{0,3}" in a pattern are regex repetition, not placeholders.
# Generous: long words and URLs average well under this.
_CHARS_PER_WORD = 14
_PLACEHOLDER = re.compile(r"\{([a-z_]\w*)\}")
# Placeholders filled from the article's metadata rather than from `[vars]`.
_METADATA_FIELDS = ("authors", "title", "site")


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    max_words: int
    patterns: tuple[str, ...]
    # Applied to readers' comments too (`clean_comments`).
    comments: bool = True
    # Judges only a heading that no kept block follows: the label of a list that was cut
    # ("More stories"), left with nothing under it at the end of the text.
    trailing: bool = False
    # With `trailing`: judges any block at the end of the text, a cut after it or not.
    after_nothing: bool = False


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rule table, read once from the package data."""
    raw = tables.load("clean_rules.toml")
    # `{html_tag}`: one tag written out as text, as the title and <noscript> readers see it.
    variables: dict[str, str] = {**raw.get("vars", {}), "html_tag": MARKUP_TAG_RE}
    return tuple(
        Rule(
            id=r["id"],
            reason=r["reason"],
            max_words=int(r.get("max_words", 30)),
            patterns=tuple(_expand(p, variables) for p in r["patterns"]),
            comments=bool(r.get("comments", True)),
            trailing=bool(r.get("trailing", False)),
            after_nothing=bool(r.get("after_nothing", False)),
        )
        for r in raw["rule"]
    )


def _expand(pattern: str, variables: Mapping[str, str]) -> str:
    """`pattern` with the table's shared pieces inlined; metadata placeholders stay, for
    `_rule_patterns` to mark."""
    return _PLACEHOLDER.sub(
        lambda m: (
            variables.get(m.group(1), m.group(0))
            if m.group(1) not in _METADATA_FIELDS
            else m.group(0)
        ),
        pattern,
    )


@lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# The article's metadata enters a pattern as a stand-in: each of its names (the authors,
# the title, the site) is replaced in the line by a mark no page text holds, and the
# pattern says the mark where the table says `{authors}`. So every pattern is compiled once
# for all articles; compiled with the names written in, the byline rule alone cost 1.2 ms
# an article (its date words are long), about a tenth of a page's extraction.
_STAND_IN = {name: f"\x00{name}\x00" for name in _METADATA_FIELDS}


def _names(metadata: Metadata | None) -> dict[str, re.Pattern[str]]:
    """For each metadata field the article has, a pattern finding its values in a line."""
    if metadata is None:
        return {}
    values = {
        "authors": metadata.authors,
        "title": [metadata.title] if metadata.title else [],
        "site": [metadata.site] if metadata.site else [],
    }
    found = {}
    for name, given in values.items():
        cleaned = [normalise_space(v) for v in given if v and v.strip()]
        if cleaned:
            # Longest first so "Jane Doe" wins over "Jane".
            cleaned.sort(key=len, reverse=True)
            found[name] = re.compile("|".join(_loose(v) for v in cleaned), re.IGNORECASE)
    return found


# Characters a page writes either way in the same words: the <title> has "Shows - A Mix"
# where the printed headline has "Shows – A Mix", "Children's" where it has "Children’s".
_ALIKE = ("-‐‑‒–—―", "'’‘ʼ", '"“”„')
_ALIKE_CLASS = {c: "[" + re.escape(group) + "]" for group in _ALIKE for c in group}


def _loose(value: str) -> str:
    """A pattern for `value` that takes its dashes, apostrophes and quotes in any form."""
    return "".join(_ALIKE_CLASS.get(c) or re.escape(c) for c in value)


@dataclass(frozen=True)
class _RulePatterns:
    rule: Rule
    # The patterns that need no metadata, as one alternation (None: the rule has none).
    fixed: re.Pattern[str] | None
    # Those that do, one alternation per set of fields they name.
    filled: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _rule_patterns() -> tuple[_RulePatterns, ...]:
    """Each rule's patterns as at most a few alternations, compiled once: one match attempt
    per group instead of one per pattern; which rule matches is unchanged."""
    compiled = []
    for rule in rules():
        fixed: list[str] = []
        by_fields: dict[tuple[str, ...], list[str]] = {}
        for pattern in rule.patterns:
            fields = tuple(sorted(set(_PLACEHOLDER.findall(pattern)) & set(_STAND_IN)))
            if not fields:
                fixed.append(pattern)
                continue
            marked = _PLACEHOLDER.sub(_mark, pattern)
            by_fields.setdefault(fields, []).append(marked)
        compiled.append(
            _RulePatterns(
                rule,
                _compile(_alternation(fixed)) if fixed else None,
                tuple((f, _compile(_alternation(ps))) for f, ps in by_fields.items()),
            )
        )
    return tuple(compiled)


def _mark(m: re.Match[str]) -> str:
    name = m.group(1)
    return re.escape(_STAND_IN[name]) if name in _STAND_IN else m.group(0)


def _alternation(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@dataclass(frozen=True)
class _Compiled:
    """The rules, and one article's names to stand in for."""

    rules: tuple[_RulePatterns, ...]
    names: dict[str, re.Pattern[str]]


def _compiled_rules(metadata: Metadata | None) -> _Compiled:
    return _Compiled(_rule_patterns(), _names(metadata))


def _first_match(text: str, compiled: _Compiled, comments: bool = False) -> Rule | None:
    # A mark in the page's own text would pass for a name.
    text = normalise_space(text.replace("\x00", ""))
    words = len(text.split())
    stood_in: dict[tuple[str, ...], str] = {}
    for group in compiled.rules:
        rule = group.rule
        if rule.trailing or (comments and not rule.comments):
            continue
        # Characters too: text without spaces (or a pasted blob) is one long "word".
        if words > rule.max_words or len(text) > _CHARS_PER_WORD * rule.max_words:
            continue
        if group.fixed is not None and group.fixed.fullmatch(text):
            return rule
        for fields, pattern in group.filled:
            # A pattern that needs metadata the page did not give cannot judge anything.
            if not all(f in compiled.names for f in fields):
                continue
            if fields not in stood_in:
                line = text
                for f in fields:
                    line = compiled.names[f].sub(_STAND_IN[f], line)
                stood_in[fields] = line
            if pattern.fullmatch(stood_in[fields]):
                return rule
    return None


def normalise_space(text: str) -> str:
    return _WS.sub(" ", text).strip()


def normalise_block_text(text: str) -> str:
    """Whitespace collapsed, case folded: two renderings of the same line compare equal."""
    return normalise_space(text).casefold()


def match_rule(text: str, metadata: Metadata | None = None) -> Rule | None:
    """The first rule whose pattern covers the whole text, if any."""
    return rule_matcher(metadata)(text)


def rule_matcher(metadata: Metadata | None = None) -> Callable[[str], Rule | None]:
    """`match_rule` for many lines of one article: the patterns its metadata fills in are
    built once, not once a line (extraction asks for every piece it leaves out)."""
    compiled = _compiled_rules(metadata)
    return lambda text: _first_match(text, compiled)


def cut(
    blocks: Sequence[Block],
    doomed: Mapping[int, tuple[str, str]],
    earlier: Sequence[RemovedBlock] = (),
) -> tuple[list[Block], list[RemovedBlock]]:
    """Take the blocks at the `doomed` indices (index -> (reason, rule id)) out of `blocks`.

    `earlier` are cuts already made, with positions relative to `blocks`; they come back
    re-mapped to the shortened list, merged with the new cuts in the order the page had
    them (those of unknown position last). Every stage that shortens an article's blocks
    goes through here, so a removed block always points into the final text.
    """
    before: dict[int, list[RemovedBlock]] = {}
    unplaced: list[RemovedBlock] = []
    for r in earlier:
        if r.position is None:
            unplaced.append(r)
        else:
            before.setdefault(min(max(r.position, 0), len(blocks)), []).append(r)
    kept: list[Block] = []
    removed: list[RemovedBlock] = []
    for i in range(len(blocks) + 1):
        removed.extend(replace(r, position=len(kept)) for r in before.get(i, ()))
        if i == len(blocks):
            break
        block = blocks[i]
        if i in doomed:
            reason, rule = doomed[i]
            removed.append(RemovedBlock(block.kind, block.text, reason, rule, len(kept)))
        else:
            kept.append(block)
    return kept, removed + unplaced


def clean(
    blocks: list[Block],
    metadata: Metadata | None = None,
    earlier: Sequence[RemovedBlock] = (),
) -> tuple[list[Block], list[RemovedBlock]]:
    """Split blocks into kept and removed (each removed block with rule id and human reason).
    Must never remove a sentence of the article itself.

    `earlier` (cuts extraction made, positioned in `blocks`) come back re-positioned in
    the kept list and merged with the cleaner's own, in page order.
    """
    compiled = _compiled_rules(metadata)
    doomed: dict[int, tuple[str, str]] = {}
    for i, block in enumerate(blocks):
        rule = _first_match(block.text, compiled)
        if rule is not None:
            doomed[i] = (rule.reason, rule.id)
    blocks, doomed, earlier = _keep_update_stamps(blocks, doomed, earlier)
    doomed.update(_trailing_headings(blocks, doomed))
    return _split_lead_stamps(*cut(blocks, doomed, earlier))


@dataclass(frozen=True)
class _StampTable:
    min_run: int
    patterns: tuple[re.Pattern[str], ...]
    # The same stamps at the start of a paragraph, with what follows as `rest`.
    leads: tuple[re.Pattern[str], ...]
    lead_min_words: int


@lru_cache(maxsize=1)
def _stamp_table() -> _StampTable:
    """The `[update_stamps]` table of clean_rules.toml."""
    raw = tables.load("clean_rules.toml")
    table = raw["update_stamps"]
    variables = raw.get("vars", {})
    patterns = [_expand(p, variables) for p in table["patterns"]]
    separator = table["lead_separator"]
    return _StampTable(
        int(table["min_run"]),
        tuple(_compile(p) for p in patterns),
        tuple(_compile(f"(?P<stamp>{p})(?:{separator})(?P<rest>\\S.*)") for p in patterns),
        int(table["lead_min_words"]),
    )


# No stamp is longer ("Last updated: Wednesday 14 September 2022, 14:05 local time" is 60):
# a longer line is not read for one, which a heading of thousands of dates, asked once for
# each, made cost time quadratic in its length.
MAX_STAMP_CHARS = 200


def stamp_clock(text: str) -> int | None:
    """The minute of the day an update stamp ("21:00 CET", "Posted 9.05am") gives, or None
    when the line is not a stamp."""
    if len(text) > MAX_STAMP_CHARS:
        return None
    line = normalise_space(text)
    for pattern in _stamp_table().patterns:
        m = pattern.fullmatch(line)
        if m is None:
            continue
        hour, ampm = int(m.group("hour")), (m.group("ampm") or "").lower()
        if ampm:
            hour = hour % 12 + (12 if ampm == "p" else 0)
        return hour * 60 + int(m.group("minute"))
    return None


# Half a day in minutes: a stamp earlier than the one before it by more than this, in a
# blog that runs oldest first, is the next day's (and the other way round; the timeline
# dates the stamps by it too, `timeline.stamps`).
HALF_DAY_MINUTES = 12 * 60


def _in_order(clocks: Sequence[int]) -> bool:
    """Whether the clocks run one way (newest or oldest first), passing midnight if they
    must; a page's durations ("3:45", "1:20") or scattered times do not."""
    steps = [b - a for a, b in pairwise(clocks) if b != a]
    return any(all(s * way > 0 or abs(s) > HALF_DAY_MINUTES for s in steps) for way in (1, -1))


# One line of the article in the page's order: a block (its index) or an earlier cut.
_Line = int | RemovedBlock


def _line_text(line: _Line, blocks: Sequence[Block]) -> str:
    return line.text if isinstance(line, RemovedBlock) else blocks[line].text


def _page_order(count: int, earlier: Sequence[RemovedBlock]) -> list[_Line]:
    """The blocks with the earlier cuts placed among them, as the page had them."""
    at: dict[int, list[RemovedBlock]] = {}
    for r in earlier:
        if r.position is not None:
            at.setdefault(min(max(r.position, 0), count), []).append(r)
    order: list[_Line] = []
    for i in range(count + 1):
        order.extend(at.get(i, ()))
        if i < count:
            order.append(i)
    return order


def _update_stamps(
    order: Sequence[_Line], blocks: Sequence[Block], doomed: Mapping[int, tuple[str, str]]
) -> set[int]:
    """The places in `order` of a live blog's update stamps, cut or kept as paragraphs:
    each a stamp right before kept text, enough of them, in the order the updates came.
    Else none."""
    found: dict[int, int] = {}
    for k, (line, after) in enumerate(pairwise(order)):
        clock = stamp_clock(_line_text(line, blocks))
        kept_after = isinstance(after, int) and after not in doomed
        if clock is not None and kept_after and stamp_clock(_line_text(after, blocks)) is None:
            found[k] = clock
    if len(found) < _stamp_table().min_run or not _in_order(list(found.values())):
        return set()
    return set(found)


def _keep_update_stamps(
    blocks: Sequence[Block],
    doomed: Mapping[int, tuple[str, str]],
    earlier: Sequence[RemovedBlock],
) -> tuple[list[Block], dict[int, tuple[str, str]], list[RemovedBlock]]:
    """The blocks, cuts and earlier cuts with a live blog's update stamps as a heading
    before each update (`[update_stamps]` in clean_rules.toml): when each update came is
    part of what the blog reports. The markup rules cut them as a "timestamp" box, the text
    rules as a date line, and a 12-hour stamp no rule cut stood as a paragraph; one stamp
    under a headline stays cut."""
    order = _page_order(len(blocks), earlier)
    stamps = _update_stamps(order, blocks, doomed)
    if not stamps:
        return list(blocks), dict(doomed), list(earlier)
    kept: list[Block] = []
    cuts: dict[int, tuple[str, str]] = {}
    placed: list[RemovedBlock] = []
    for k, line in enumerate(order):
        if k in stamps:
            kept.append(Block(BlockKind.HEADING, normalise_space(_line_text(line, blocks))))
        elif isinstance(line, RemovedBlock):
            placed.append(replace(line, position=len(kept)))
        else:
            if line in doomed:
                cuts[len(kept)] = doomed[line]
            kept.append(blocks[line])
    return kept, cuts, placed + [r for r in earlier if r.position is None]


def _lead_stamp(text: str) -> tuple[str, str, int] | None:
    """A paragraph that begins with an update's stamp ("18:05 - Firefighters say the
    blaze ..."): the stamp, the update's text and the stamp's minute of the day."""
    table = _stamp_table()
    line = normalise_space(text)
    for lead in table.leads:
        m = lead.fullmatch(line)
        if m is None or len(m.group("rest").split()) < table.lead_min_words:
            continue
        clock = stamp_clock(m.group("stamp"))
        if clock is not None and _SENTENCE_END.search(m.group("rest")):
            return m.group("stamp"), m.group("rest"), clock
    return None


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _split_lead_stamps(
    blocks: list[Block], removed: list[RemovedBlock]
) -> tuple[list[Block], list[RemovedBlock]]:
    """A live blog whose stamps begin their updates' paragraphs: each stamp a heading before
    its update, as `_keep_update_stamps` makes of stamps on lines of their own. Else the
    blocks as they were."""
    leads = {
        i: lead
        for i, b in enumerate(blocks)
        if b.kind == BlockKind.PARAGRAPH and (lead := _lead_stamp(b.text)) is not None
    }
    clocks = [clock for _, _, clock in leads.values()]
    if len(leads) < _stamp_table().min_run or not _in_order(clocks):
        return blocks, removed
    kept: list[Block] = []
    shift: list[int] = []  # by old index, how many blocks now stand before it
    for i, block in enumerate(blocks):
        shift.append(len(kept))
        if i in leads:
            stamp, rest, _ = leads[i]
            kept += [Block(BlockKind.HEADING, stamp), replace(block, text=rest)]
        else:
            kept.append(block)
    shift.append(len(kept))
    moved = [r if r.position is None else replace(r, position=shift[r.position]) for r in removed]
    return kept, moved


def _trailing_headings(
    blocks: Sequence[Block], doomed: Mapping[int, tuple[str, str]]
) -> dict[int, tuple[str, str]]:
    """The headings at the end of the text whose every block under it the cleaner cut (a
    pitch, a list of other stories), and the labels it ends on that promise what is not
    there ("Related post:"), by the rules that judge those. A heading the text merely ends
    on stays: what it headed may be the article's, left out by extraction."""
    trailing = [r for r in rules() if r.trailing]
    found: dict[int, tuple[str, str]] = {}
    headed_a_cut = False
    for i in range(len(blocks) - 1, -1, -1):
        if i in doomed:
            headed_a_cut = True
            continue
        block = blocks[i]
        text = normalise_space(block.text)
        rule = next((r for r in trailing if _ends_the_text(r, block, text, headed_a_cut)), None)
        if rule is None:
            break
        found[i] = (rule.reason, rule.id)
        headed_a_cut = True
    return found


def _ends_the_text(rule: Rule, block: Block, text: str, headed_a_cut: bool) -> bool:
    """Does a trailing rule cut this block, which no kept block follows?"""
    if len(text.split()) > rule.max_words or not any(
        _compile(p).fullmatch(text) for p in rule.patterns
    ):
        return False
    return rule.after_nothing or (block.kind == BlockKind.HEADING and headed_a_cut)


def clean_comments(blocks: list[Block], metadata: Metadata | None = None) -> list[Block]:
    """Readers' comments without their box's furniture (buttons, prompts, counts). What is
    cut is not kept: it is the comment box's, not the article's."""
    compiled = _compiled_rules(metadata)
    return [b for b in blocks if _first_match(b.text, compiled, comments=True) is None]
