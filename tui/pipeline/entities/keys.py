"""Keys: when two surface forms name the same thing ("the Kremlin" and "Kremlin's", "Kursk
NPP" and "Kursk Nuclear Power Plant", "F-16s" and "F-16")."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from tui.pipeline.entities.vocab import APOSTROPHES, DATA, PLURAL_DESIGNATION

ABBREVIATIONS_FILE = DATA / "entity_abbreviations.json"


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Station acronyms the press writes after a name without defining them."""
    return json.loads(ABBREVIATIONS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """Case, whitespace, apostrophes, a leading "the" and a trailing possessive fold away."""
    text = " ".join(text.translate(APOSTROPHES).split())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = re.sub(r"(?:'s|s')$|'$", "", text)
    return text.casefold().strip(" .,;:!?\"'()")


def _key(text: str, expansions: dict[str, str]) -> str:
    """Fold, spelling out abbreviations ("Kursk NPP" == "Kursk Nuclear Power Plant")."""
    words = []
    for word in text.translate(APOSTROPHES).split():
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


@lru_cache(maxsize=4096)
def _form_pattern(surface: str) -> re.Pattern[str]:
    """A known name as a whole word (not inside "Kyiv-based" or "Kyivan")."""
    return re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-]|'\w\w)")
