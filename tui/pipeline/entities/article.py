"""One article's entities: recognition, acronyms, grouping, typing and naming in order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tui.pipeline.entities.acronyms import _find_acronyms, _spell_out_acronyms
from tui.pipeline.entities.grouping import (
    _drop_capitalised_common_words,
    _drop_sentence_openers,
    _group,
    _join_person_forms,
    _join_short_forms,
    _join_shorter_org_names,
    _mark_common_word_names,
    _mark_given_names,
    _propagate,
)  # fmt: skip
from tui.pipeline.entities.keys import _fold, _singular
from tui.pipeline.entities.language import entities_note
from tui.pipeline.entities.mentions import _Group
from tui.pipeline.entities.recognise import _spacy_mentions, lower_case_words, prose_words
from tui.pipeline.entities.voting import _type_of
from tui.pipeline.model import Block, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _well_formed(surface: str) -> bool:
    return not surface.isupper() or len(surface) > 5


def _canonical(group: _Group) -> str:
    counts = Counter(_singular(s) for s in group.surfaces())
    family = re.compile(rf"(?<!\w){re.escape(group.pattern_id)}(?!\w)")
    if group.pattern_id and any(family.search(s) for s in counts):
        # The table's name for the family ("Pantsir" for "Pantsir-S1"), as written here;
        # a name the text never writes ("Houthis" for "Houthi") is no canonical name.
        return group.pattern_id
    # Longest well-formed variant; among equals, the one written most often, then first.
    order = {s: i for i, s in reversed(list(enumerate(map(_singular, group.surfaces()))))}
    best = max(
        counts,
        key=lambda s: (_well_formed(s), len(_shown(s)), not s.isupper(), counts[s], -order[s]),
    )
    return _shown(best)


def _shown(name: str) -> str:
    """A name as listed: without the capitalised "The" that opened its sentence ("The
    United States"); a one-word name keeps it ("The Hague", "The Guardian")."""
    return name[4:] if name.startswith("The ") and len(name.split()) > 2 else name


def _aliases(name: str, surfaces: Iterable[str]) -> list[str]:
    seen = {_fold(name)}
    out = []
    for s in surfaces:
        f = _fold(s)
        if f and f not in seen:
            seen.add(f)
            out.append(s)
    return out


def find_entities(
    blocks: Sequence[Block], docs: Sequence[Doc] | None = None, *, language: str | None = None
) -> list[Entity]:
    """The entities named in an article's clean blocks, most mentioned first.

    `docs` is one spaCy Doc per block (from `nlp.parse_blocks`), parsed by the caller so the
    timeline can share the parse; when None the blocks are parsed here. A page whose text
    is not English has none (our model is English; `entities_note` says why); `language`
    is the page's declared language, used only when the text is too short to tell.
    """
    if not blocks or entities_note(blocks, language) is not None:
        return []
    if docs is None:
        from tui.pipeline.nlp import parse_blocks

        docs = parse_blocks(blocks)
    if len(docs) != len(blocks):
        raise ValueError(f"{len(docs)} docs for {len(blocks)} blocks")
    texts = [b.text for b in blocks]  # each doc's text, without spaCy rebuilding it
    mentions = _spacy_mentions(docs, texts)
    acronyms = _find_acronyms(blocks, docs, mentions)
    groups = _group(mentions, acronyms)
    lower_words = lower_case_words(texts)
    _drop_sentence_openers(groups, lower_words)
    _spell_out_acronyms(groups, docs)
    _propagate(groups, blocks, docs, acronyms)
    prose = prose_words(texts)
    _mark_given_names(groups, prose)
    _join_person_forms(groups)
    _join_short_forms(groups)
    _join_shorter_org_names(groups)
    _drop_capitalised_common_words(groups, lower_words)
    _mark_common_word_names(groups, prose)
    entities = []
    for group in groups.values():
        type_, _ = _type_of(group)
        group.mentions = [m for m in group.mentions if not m.furniture]
        if not group.mentions:
            continue  # named only by the page's furniture (a credit, a dateline's agency)
        name = _canonical(group)
        surfaces = [*group.surfaces(), *sorted(group.long_form_of)]
        mentions_sorted = sorted(group.mentions, key=lambda m: (m.block, m.start))
        entities.append(
            Entity(
                name=name,
                type=type_,
                aliases=_aliases(name, surfaces),
                mentions=[Mention(m.block, m.start, m.end) for m in mentions_sorted],
                first_sentence=mentions_sorted[0].sentence,
            )
        )
    entities.sort(key=lambda e: (-e.count, e.mentions[0].block, e.mentions[0].start))
    return entities
