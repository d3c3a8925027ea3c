"""Acronyms: those the text defines ("Financial Times (FT)"), those that abbreviate a kind
noun ("Kursk Nuclear Power Plant (NPP)") and those spelled out elsewhere ("EU")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.pipeline.entities.cues import _cues
from tui.pipeline.entities.keys import _abbreviations
from tui.pipeline.entities.mentions import Votes, _Group, _Mention
from tui.pipeline.entities.recognise import _mention_from_span
from tui.pipeline.entities.vocab import ACRONYM_IN_PARENS, FUNCTION_WORDS, WORD
from tui.pipeline.model import Block, EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class _Acronyms:
    # "FT" -> "Financial Times": the acronym is another name for a whole entity.
    aliases: dict[str, str] = field(default_factory=dict)
    # "NPP" -> "Nuclear Power Plant": the acronym abbreviates the kind noun of a name.
    expansions: dict[str, str] = field(default_factory=dict)


def _initials(words: Sequence[str], skip_function_words: bool, split_hyphens: bool = True) -> str:
    letters = []
    for word in words:
        if skip_function_words and word.lower() in FUNCTION_WORDS:
            continue
        for part in word.split("-") if split_hyphens else [word]:
            if part:
                letters.append(part[0])
    return "".join(letters).upper()


def _spellings(words: Sequence[str]) -> set[str]:
    """Every way an acronym may be formed from these words ("Co-operation": C or CO)."""
    return {_initials(words, skip, split) for skip in (True, False) for split in (True, False)}


def _find_acronyms(
    blocks: Sequence[Block], docs: Sequence[Doc], mentions: list[_Mention]
) -> _Acronyms:
    acronyms = _Acronyms(expansions=dict(_abbreviations()))
    by_block: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_block[m.block].append(m)
    for b, block in enumerate(blocks):
        for match in ACRONYM_IN_PARENS.finditer(block.text):
            acronym = match.group(1)
            letters = acronym.replace(".", "")
            if letters.endswith("s") and letters[:-1].isupper():
                letters = letters[:-1]
            if len(letters) < 2:
                continue
            window_start = max(0, match.start() - 150)
            words = list(WORD.finditer(block.text, window_start, match.start()))
            # The shortest run of words before "(" whose initials spell the acronym.
            for n in range(1, min(len(words), 10) + 1):
                run = words[-n:]
                texts = [w.group().strip(".'’") for w in run]
                if not texts[0][:1].isupper():
                    continue
                if letters.upper() not in _spellings(texts):
                    continue
                long_start, long_end = run[0].start(), run[-1].end()
                long_text = block.text[long_start:long_end]
                owner = next(
                    (
                        m
                        for m in by_block[b]
                        if m.start <= long_start and abs(m.end - long_end) <= 1
                    ),
                    None,
                )
                if owner is not None and owner.start < long_start:
                    # "Kursk Nuclear Power Plant (NPP)": NPP names the kind of thing, and
                    # the bracketed "NPP" is no entity of its own.
                    acronyms.expansions[acronym] = long_text
                    inner = (match.start(1), match.end(1))
                    mentions[:] = [
                        m for m in mentions if not (m.block == b and (m.start, m.end) == inner)
                    ]
                    by_block[b] = [m for m in by_block[b] if (m.start, m.end) != inner]
                elif owner is not None:
                    acronyms.aliases[acronym] = owner.text
                elif all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in texts):
                    # spaCy missed the long form: it is a name all the same.
                    span = docs[b].char_span(long_start, long_end, alignment_mode="expand")
                    if span is not None:
                        mention = _mention_from_span(b, span, Votes())
                        if mention is not None:
                            # Pieces spaCy tagged inside the long form ("Europe" in the
                            # "Organization for ... in Europe (OSCE)") are part of it.
                            inside = [
                                m
                                for m in by_block[b]
                                if mention.start <= m.start and m.end <= mention.end
                            ]
                            for m in inside:
                                mention.votes.add(m.votes)
                            mentions[:] = [m for m in mentions if not any(m is x for x in inside)]
                            by_block[b] = [m for m in by_block[b] if m not in inside]
                            mentions.append(mention)
                            by_block[b].append(mention)
                            acronyms.aliases[acronym] = mention.text
                break
    return acronyms


def _spell_out_acronyms(groups: dict[str, _Group], docs: Sequence[Doc]) -> None:
    """An acronym the article never defines ("EU") takes the capitalised words that spell
    it out elsewhere in the text ("European Union") when spaCy did not tag them."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for group in groups.values():
        for m in group.mentions:
            taken[m.block].append((m.start, m.end))
    for group in groups.values():
        surfaces = set(group.surfaces())
        if group.long_form_of or group.pattern_id or len(surfaces) != 1:
            continue
        letters = next(iter(surfaces))
        if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
            continue
        if any(m.strong is EntityType.PLACE for m in group.mentions):
            continue  # a state's code after its town ("Mountain View, CA") spells nothing
        for b, doc in enumerate(docs):
            for i, token in enumerate(doc):
                if not token.is_title or (token.is_sent_start and token.is_stop):
                    continue
                spelled, j = "", i
                while j < len(doc) and len(spelled) < len(letters):
                    word = doc[j]
                    if word.is_title:
                        spelled += word.text[0]
                    elif word.lower_ not in FUNCTION_WORDS or j == i:
                        break
                    j += 1
                if spelled != letters or not doc[j - 1].is_title:
                    continue
                span = doc[i:j]
                if any(s < span.end_char and span.start_char < e for s, e in taken[b]):
                    continue
                if j < len(doc) and doc[j].is_title:
                    continue  # part of a longer name
                votes, strong = _cues(span)
                mention = _Mention.of(span, b, votes, strong)
                group.mentions.append(mention)
                group.votes.add(mention.votes)
                taken[b].append((mention.start, mention.end))
