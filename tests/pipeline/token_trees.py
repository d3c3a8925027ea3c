"""Hand-built spaCy token trees for the grammar rules' tests: each token has only what the
rules read, so a rule is tested on the parse it is written for, without spaCy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Tok:
    lower_: str
    tag_: str
    dep_: str
    pos_: str
    lemma_: str
    i: int = 0
    head: Any = None
    children: list[Any] = field(default_factory=list)
    ent_type_: str = ""


@dataclass
class Sent:
    text: str


@dataclass
class FakeSpan:
    """The words of an expression within a parsed sentence."""

    toks: list[Tok]
    root: Tok
    sent: Sent

    def __iter__(self) -> Any:
        return iter(self.toks)

    def __len__(self) -> int:
        return len(self.toks)


def tree(*specs: tuple[str, str, str, str, int | None]) -> list[Tok]:
    """(word, tag, dep, pos, head index or None for the root); the lemma is the word."""
    toks = [
        Tok(w.lower(), tag, dep, pos, w.lower(), i) for i, (w, tag, dep, pos, _) in enumerate(specs)
    ]
    for tok, spec in zip(toks, specs, strict=True):
        tok.head = toks[spec[4]] if spec[4] is not None else tok
        if tok.head is not tok:
            tok.head.children.append(tok)
    return toks


def span(toks: list[Tok], first: int, last: int, text: str) -> Any:
    """A stand-in for spaCy's Span, typed loosely as the rules take the real one."""
    words = toks[first : last + 1]
    root = next(t for t in words if t.head not in words or t.head is t)
    return FakeSpan(words, root, Sent(text))
