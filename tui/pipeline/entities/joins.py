"""Joins: one name the small model split into two spans ("Ursula von der" + "Leyen",
"Lockheed" + "Martin", "Charles de" + "Gaulle airport") read back as one span.

Two signals, each from the text itself, never from a list of names:

- a lower-case name particle ("von", "de", "bin": `entity_name_particles`) never ends a
  name, so a span that ends on one, or is followed by one, goes on through the capitalised
  words after it, taking in any span that starts there (and particles opening the sentence
  just before a span start it: "Van den Berg spoke");
- two spans in title case with a single space between, where the parse makes the first
  span's last word a `compound` of a word of the second ("Lockheed" -> "Martin"), are one
  noun phrase's name; label pairs that only ever touch by accident ("in Paris France") are
  kept apart (`entity_unjoined_labels`).

Each join keeps its parts, so the joined name votes with every part's label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.pipeline.entities.vocab import (
    DAY_MONTH_WORDS,
    NAME_PARTICLES,
    NOT_ENTITIES,
    NOT_IN_NAMES,
    RULER_LABELS,
    UNJOINED_LABELS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Capitalised words a particle takes in after it: "de Gaulle", "van den Berg Jansen"; more
# would be the next phrase.
MAX_AFTER_PARTICLE = 3
# Particles in a row: "von der", "van den".
MAX_PARTICLES = 2
# A compound join longer than this is a title-case list or headline, not one name.
MAX_JOINED_TOKENS = 5
# A sentence of at least this many words, none in lower case but short function words, is
# a headline in title case ("Storm Batters Coast As Minister Visits Dover"): its words are
# all compounds of each other and say nothing about where one name ends.
HEADLINE_MIN_WORDS = 4
SHORT_WORD = 3


@dataclass(frozen=True)
class Name:
    """One name: its token bounds and the model's spans it was made of."""

    start: int
    end: int
    parts: tuple[Span, ...]

    @property
    def joined(self) -> bool:
        return len(self.parts) > 1 or (self.start, self.end) != (
            self.parts[0].start,
            self.parts[0].end,
        )


def _particle(token: Token) -> bool:
    return token.is_lower and token.lower_ in NAME_PARTICLES


def _name_word(token: Token) -> bool:
    """A capitalised word that can carry on a name after a particle (not a date, not the
    first word of the next sentence, not a verb)."""
    return (
        token.is_title
        and not token.is_sent_start
        and token.ent_type_ not in NOT_ENTITIES
        and token.tag_ not in NOT_IN_NAMES
        and token.lower_ not in DAY_MONTH_WORDS
    )


def _spaced(doc: Doc, k: int) -> bool:
    """Is token k followed by a single space (no comma, dash or line break between)?"""
    return doc[k].whitespace_ == " "


def _past_particles(doc: Doc, end: int) -> int:
    """Where a name ending at `end` really ends when its last words, or the words just
    after it, are lower-case particles: after the capitalised words that follow them
    ("Ursula von der" -> "Leyen"); `end` itself when no capitalised word does."""
    k = end
    while k < len(doc) and k - end < MAX_PARTICLES and _particle(doc[k]) and _spaced(doc, k - 1):
        k += 1
    if not _particle(doc[k - 1]):
        return end
    m = k
    while (
        m < len(doc) and m - k < MAX_AFTER_PARTICLE and _spaced(doc, m - 1) and _name_word(doc[m])
    ):
        m += 1
    return m if m > k else end


def _before_particles(doc: Doc, start: int) -> int:
    """Where a name starting at `start` really starts when the particles of a surname open
    the sentence before it ("Van den Berg spoke": the model tags only "Berg")."""
    k = start
    while (
        k > 0
        and start - k < MAX_PARTICLES
        and doc[k - 1].lower_ in NAME_PARTICLES
        and _spaced(doc, k - 1)
    ):
        k -= 1
    return k if k < start and doc[k].is_sent_start and doc[k].is_title else start


def _headline(span: Span) -> bool:
    """Is the span's sentence a headline in title case?"""
    words = [t for t in span.sent if t.is_alpha]
    return len(words) >= HEADLINE_MIN_WORDS and not any(
        t.is_lower and len(t.text) > SHORT_WORD for t in words
    )


def _unjoined(left: str, right: str) -> bool:
    pairs = ((left, right), ("*", right), (left, "*"))
    return any(pair in UNJOINED_LABELS for pair in pairs)


def _full_person(span: Span) -> bool:
    """A person's full name takes no other name beside it: "Nairobi William Ruto" is a
    town and a man."""
    return span.label_ == "PERSON" and len(span) > 1


def _one_compound(left: Span, right: Span) -> bool:
    """Are two touching spans one name the parse holds together ("Lockheed Martin")?"""
    doc = left.doc
    last = doc[left.end - 1]
    return (
        left.end == right.start
        and _spaced(doc, left.end - 1)
        and not right[0].is_sent_start
        and all(t.is_title for t in (*left, *right) if t.is_alpha)
        and last.dep_ == "compound"
        and right.start <= last.head.i < right.end
        and not {left.label_, right.label_} & RULER_LABELS
        and not _unjoined(left.label_, right.label_)
        and not (_full_person(left) or _full_person(right))
        and len(left) + len(right) <= MAX_JOINED_TOKENS
        and not _headline(left)
    )


def names(doc: Doc) -> list[Name]:
    """The doc's entity spans (dates and numbers left out), split names joined."""
    ents = [e for e in doc.ents if e.label_ not in NOT_ENTITIES]
    out = []
    n = 0
    while n < len(ents):
        parts = [ents[n]]
        start, end = _before_particles(doc, ents[n].start), ents[n].end
        n += 1
        while True:
            reach = _past_particles(doc, end)
            if reach == end and n < len(ents) and _one_compound(parts[-1], ents[n]):
                reach = ents[n].end
            while n < len(ents) and ents[n].start < reach:
                # Any span that starts inside the name is part of it ("Gaulle airport").
                parts.append(ents[n])
                reach = max(reach, ents[n].end)
                n += 1
            if reach == end:
                break
            end = reach
        out.append(Name(start, end, tuple(parts)))
    return out
