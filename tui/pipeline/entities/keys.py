"""Keys: when two surface forms name the same thing ("the Kremlin" and "Kremlin's", "Kursk
NPP" and "Kursk Nuclear Power Plant", "F-16s" and "F-16")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache

from tui.pipeline.entities.vocab import APOSTROPHES, DATA, PLURAL_DESIGNATION

ABBREVIATIONS_FILE = DATA / "entity_abbreviations.json"
# Folded as apostrophes are, and the zero-width joiner and non-joiner dropped: text keeps
# them (spelling, emoji), but a name written with a stray one is the same name.
_KEY_CHARS = APOSTROPHES | {0x200C: None, 0x200D: None}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Station acronyms the press writes after a name without defining them."""
    return json.loads(ABBREVIATIONS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """Case, whitespace, apostrophes, a leading "the" and a trailing possessive fold away."""
    text = " ".join(text.translate(_KEY_CHARS).split())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = re.sub(r"(?:'s|s')$|'$", "", text)
    return text.casefold().strip(" .,;:!?\"'()")


def _key(text: str, expansions: dict[str, str]) -> str:
    """Fold, spelling out abbreviations ("Kursk NPP" == "Kursk Nuclear Power Plant")."""
    words = []
    for word in text.translate(_KEY_CHARS).split():
        bare = word.rstrip(".,;:")
        if bare in expansions:
            words.append(expansions[bare])
        else:
            words.append(_singular(word))
    return _fold(" ".join(words))


def _singular(word: str) -> str:
    """F-16s, S-400s: a plural designation names the same system."""
    if PLURAL_DESIGNATION.fullmatch(word):
        return word[:-1]
    return word


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def occurrences(surface: str, text: str) -> Iterator[tuple[int, int]]:
    r"""Where a known name stands in `text` as a whole word (not inside "Kyiv-based",
    "Kyivan" or "Kyiv's"-less "Kyiv'sk"): what the regex (?<![\w-])NAME(?![\w-]|'\w\w)
    finds, by plain search (compiling a regex per name cost more than the search)."""
    start = text.find(surface)
    while start != -1:
        end = start + len(surface)
        before_ok = start == 0 or not (_word_char(text[start - 1]) or text[start - 1] == "-")
        after = text[end : end + 3]
        after_ok = not (
            (after and (_word_char(after[0]) or after[0] == "-"))
            or (
                len(after) == 3
                and after[0] == "'"
                and _word_char(after[1])
                and _word_char(after[2])
            )
        )
        if before_ok and after_ok:
            yield start, end
            start = text.find(surface, end)
        else:
            start = text.find(surface, start + 1)
