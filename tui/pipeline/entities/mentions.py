"""The working records of recognition: one mention of a name with its votes, and the group
of mentions that fold to one key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.pipeline.model import EntityType
from tui.pipeline.nlp import of_its_sentence, sentence_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class Votes(dict[EntityType, float]):
    """Weighted votes for each type. A type nobody voted for reads 0 and is not stored, so
    "no votes" stays empty; `add` sums other votes in (a Counter with float weights)."""

    def __init__(self, initial: Mapping[EntityType, float] | None = None) -> None:
        super().__init__()
        if initial:
            self.add(initial)

    def __missing__(self, key: EntityType) -> float:
        return 0.0

    def add(self, other: Mapping[EntityType, float]) -> None:
        for type_, weight in other.items():
            self[type_] += weight


@dataclass
class _Mention:
    block: int
    start: int
    end: int
    text: str
    sentence: str
    votes: Votes = field(default_factory=Votes)
    pattern_id: str = ""
    ruler_type: EntityType | None = None  # set when our pattern table matched this span
    strong: EntityType | None = None  # set when the context alone settles the type
    # The place votes of the words around it alone ("in X", "the town of X"), without the
    # model's label: what the text itself says.
    place_cue: float = 0.0
    # Whether the words right around it call it a body ("the carmaker X", "the founder of
    # X"), whatever the model's label.
    called_a_body: bool = False
    # Page furniture (a dateline's agency, a credited reporter or photographer): its words
    # say what the name is, but it is no mention of the story's.
    furniture: bool = False
    opens_sentence: bool = False  # its first word is the first of its sentence
    after_the: bool = False  # "the" stands just before it (people are never "the X")

    @classmethod
    def of(
        cls,
        span: Span,
        block: int,
        votes: Votes,
        strong: EntityType | None = None,
    ) -> _Mention:
        """The mention a whole span makes, in its own sentence."""
        return cls(
            block=block,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            sentence=sentence_text(span),
            votes=votes,
            strong=strong,
        )


@dataclass
class _Group:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    votes: Votes = field(default_factory=Votes)
    pattern_id: str = ""
    long_form_of: set[str] = field(default_factory=set)  # acronyms defined for it
    # Every word of its name is one the article also writes in lower case ("Wireless
    # Earphones" beside "wireless earphones"): a thing's name, not a person's.
    common_words: bool = False
    # Its name opens on a person's given name ("Antoine Lebouc") where nothing says it is
    # another kind's (`grouping._mark_given_names`): a person's cue.
    given_name: bool = False

    def surfaces(self) -> list[str]:
        return [m.text for m in self.mentions]


def _namey(token: Token) -> bool:
    """Does this token look like part of a proper name (capital letter or digit)?"""
    return any(c.isupper() or c.isdigit() for c in token.text)


def _shouting(span: Span) -> bool:
    """A sentence in capitals ("JOIN US ON TELEGRAM") is a banner: its words are not names."""
    if any(c.islower() for c in span.text):
        return False  # a name with small letters is in no sentence of capitals
    # Read once per sentence: asked for each of thousands of names in one sentence with no
    # full stop, reading it whole each time cost time quadratic in its length.
    return of_its_sentence(span, _in_capitals)


def _in_capitals(sentence: Span) -> bool:
    words = [t.text for t in sentence if t.is_alpha]
    return len(words) >= 3 and all(w.isupper() for w in words)
