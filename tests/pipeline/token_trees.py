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
    doc: Any = None

    @property
    def subtree(self) -> list[Tok]:
        """The word and every word under it, in the sentence's order, as spaCy gives them."""
        under = [self]
        for child in self.children:
            under.extend(child.subtree)
        return sorted(under, key=lambda t: t.i)


@dataclass(eq=False)
class FakeSpan:
    """Words of a parsed sentence, as the rules read a spaCy Span: its words, where it
    stands among the Doc's, and its text."""

    toks: list[Tok]
    doc: FakeDoc
    start: int
    end: int
    text: str
    start_char: int = 0
    end_char: int = 0

    def __iter__(self) -> Any:
        return iter(self.toks)

    def __len__(self) -> int:
        return len(self.toks)

    def __getitem__(self, key: int) -> Tok:
        return self.toks[key]


@dataclass(eq=False)
class FakeDoc:
    """One sentence of words, as the rules (and `nlp`'s indexes of sentences and roots)
    read a spaCy Doc."""

    toks: list[Tok]
    text: str
    user_data: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.toks)

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, int):
            return self.toks[key]
        start, stop, _ = key.indices(len(self.toks))
        whole = (start, stop) == (0, len(self.toks))
        text = self.text if whole else " ".join(t.lower_ for t in self.toks[start:stop])
        return FakeSpan(self.toks[start:stop], self, start, stop, text, 0, len(text))

    @property
    def sents(self) -> list[FakeSpan]:
        return [self[0 : len(self.toks)]]


Spec = tuple[str, str, str, str, int | None] | tuple[str, str, str, str, str, int | None]


def tree(*specs: Spec) -> list[Tok]:
    """(word, tag, dep, pos, [lemma,] head index or None for the root), in sentence order;
    with no lemma given, the lemma is the word."""
    toks = []
    for i, spec in enumerate(specs):
        word = spec[0].lower()
        lemma = str(spec[4]) if len(spec) == 6 else word
        toks.append(Tok(word, spec[1], spec[2], spec[3], lemma, i))
    doc = FakeDoc(toks, " ".join(t.lower_ for t in toks))
    for tok, spec in zip(toks, specs, strict=True):
        tok.doc = doc
        tok.head = toks[spec[-1]] if spec[-1] is not None else tok  # type: ignore[index]
        if tok.head is not tok:
            tok.head.children.append(tok)
    return toks


def span(toks: list[Tok], first: int, last: int, text: str | None = None) -> Any:
    """A stand-in for spaCy's Span of words `first` to `last` in the sentence `text` (the
    words joined when not given), typed loosely as the rules take the real one."""
    doc = FakeDoc(toks, text if text is not None else " ".join(t.lower_ for t in toks))
    for tok in toks:
        tok.doc = doc
    return FakeSpan(toks[first : last + 1], doc, first, last + 1, doc.text)
