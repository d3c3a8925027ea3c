"""Cut the boilerplate that generic extraction keeps inside the article, and say why.

The rules live in `data/clean_rules.toml` as a table (id, reason, patterns, word limit).
A pattern must cover a block from its first character to its last, so only whole lines of
boilerplate go; a sentence of the article that mentions Telegram, or says "follow", stays.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.pipeline import tables
from tui.pipeline.model import Block, Metadata, RemovedBlock

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

    @property
    def uses_metadata(self) -> bool:
        return any(f"{{{name}}}" in p for p in self.patterns for name in _METADATA_FIELDS)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rule table, read once from the package data."""
    raw = tables.load("clean_rules.toml")
    variables: dict[str, str] = raw.get("vars", {})

    def expand(pattern: str) -> str:
        # Metadata placeholders stay for `_compile_for`; shared pieces are inlined now.
        return _PLACEHOLDER.sub(
            lambda m: (
                variables.get(m.group(1), m.group(0))
                if m.group(1) not in _METADATA_FIELDS
                else m.group(0)
            ),
            pattern,
        )

    return tuple(
        Rule(
            id=r["id"],
            reason=r["reason"],
            max_words=int(r.get("max_words", 30)),
            patterns=tuple(expand(p) for p in r["patterns"]),
        )
        for r in raw["rule"]
    )


@lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _metadata_values(metadata: Metadata | None) -> dict[str, str | None]:
    """Each metadata placeholder as an escaped alternation, or None when unknown."""
    if metadata is None:
        return dict.fromkeys(_METADATA_FIELDS)

    def alternation(values: Sequence[str]) -> str | None:
        cleaned = [normalise_space(v) for v in values if v and v.strip()]
        if not cleaned:
            return None
        # Longest first so "Jane Doe" wins over "Jane".
        cleaned.sort(key=len, reverse=True)
        return "(?:" + "|".join(re.escape(v) for v in cleaned) + ")"

    title_parts = [metadata.title] if metadata.title else []
    return {
        "authors": alternation(metadata.authors),
        "title": alternation(title_parts),
        "site": alternation([metadata.site] if metadata.site else []),
    }


def _patterns_for(rule: Rule, values: dict[str, str | None]) -> list[re.Pattern[str]]:
    """The rule's patterns as at most two alternations: those fixed in the table (compiled
    once for every article) and those filled with this article's metadata. One match
    attempt per block instead of one per pattern; which rule matches is unchanged."""
    fixed: list[str] = []
    filled_in: list[str] = []
    for pattern in rule.patterns:
        missing = False

        def fill(m: re.Match[str]) -> str:
            nonlocal missing
            value = values.get(m.group(1))
            if value is None:
                missing = True
                return ""
            return value

        if "{" not in pattern or not _PLACEHOLDER.search(pattern):
            fixed.append(pattern)
            continue
        filled = _PLACEHOLDER.sub(fill, pattern)
        # A pattern that needs metadata the page did not give cannot judge anything.
        if not missing:
            filled_in.append(filled)
    return [_compile("|".join(f"(?:{p})" for p in group)) for group in (fixed, filled_in) if group]


def normalise_space(text: str) -> str:
    return _WS.sub(" ", text).strip()


def normalise_block_text(text: str) -> str:
    """Whitespace collapsed, case folded: two renderings of the same line compare equal."""
    return normalise_space(text).casefold()


_Compiled = list[tuple[Rule, list[re.Pattern[str]]]]


def _compiled_rules(metadata: Metadata | None) -> _Compiled:
    values = _metadata_values(metadata)
    return [(rule, _patterns_for(rule, values)) for rule in rules()]


def _first_match(text: str, compiled: _Compiled) -> Rule | None:
    text = normalise_space(text)
    words = len(text.split())
    for rule, patterns in compiled:
        # Characters too: text without spaces (or a pasted blob) is one long "word".
        if words > rule.max_words or len(text) > _CHARS_PER_WORD * rule.max_words:
            continue
        if any(p.fullmatch(text) for p in patterns):
            return rule
    return None


def match_rule(text: str, metadata: Metadata | None = None) -> Rule | None:
    """The first rule whose pattern covers the whole text, if any."""
    return _first_match(text, _compiled_rules(metadata))


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
    return cut(blocks, doomed, earlier)
