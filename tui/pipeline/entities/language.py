"""Which language a page is written in, from its own text: entities come only from a model
for that language, and we ship English only.

Most pages are English, and English says so cheaply: its function words ("the", "of",
"and") are a large share of its words, in any topic. Only a page that fails that test asks
a language model (lingua, low-accuracy mode, the languages news comes in), loaded on first
need and never for an English-only briefing. The page's declared language (`lang`
attribute) is used only when the text is too short to judge: sites mislabel pages.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from tui.pipeline import lexicon
from tui.pipeline.model import Block

if TYPE_CHECKING:
    from lingua import LanguageDetector

ENGLISH = "en"
# Share of a text's lower-case words that are English function words above which it is
# English. English news prose sits near 0.4-0.5; German, Indonesian or Spanish text near
# 0.02-0.10 (the few shared spellings: "in", "will", "also"); a low share asks the model
# rather than deciding.
ENGLISH_SHARE = 0.15
# Fewer distinct lower-case words than this say too little about their language (a
# headline; a table of names and scores repeats "min", "pen", "of"): the declared
# language (or English) stands.
MIN_WORDS = 20
# Letters of scripts with no capitals (`_caseless`) the text needs before the model judges
# it by them: a page mostly in Chinese or Arabic has no lower-case words to count.
MIN_CASELESS_LETTERS = 60
# The model reads at most this much of the page: language does not change mid-article,
# and the cost grows with the text.
SAMPLE_CHARS = 3000
# Languages the model chooses among: those news pages commonly come in. English is among
# them so that a page of names and numbers can still come out English.
MODEL_LANGUAGES = (
    "ENGLISH", "RUSSIAN", "UKRAINIAN", "GERMAN", "FRENCH", "SPANISH", "PORTUGUESE",
    "ITALIAN", "DUTCH", "POLISH", "INDONESIAN", "MALAY", "TURKISH", "ARABIC", "PERSIAN",
    "HEBREW", "CHINESE", "JAPANESE", "KOREAN", "VIETNAMESE", "HINDI", "SWEDISH", "DANISH",
    "BOKMAL", "FINNISH", "CZECH", "ROMANIAN", "HUNGARIAN", "GREEK", "BULGARIAN", "SERBIAN",
    "CROATIAN",
)  # fmt: skip

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A run of characters with no space longer than this is no word of any language (an
# address, a hash, base64 a page left in its text): judged as words, the letters of one
# such run outnumbered a whole English article's and it was read as Swedish, its entities
# and dates lost.
MAX_WORD_CHARS = 40
_load_lock = threading.Lock()


def _caseless(ch: str) -> bool:
    """A letter of a script with no capitals (Chinese, Japanese, Arabic, Hindi ...)."""
    return ch.isalpha() and ch.lower() == ch.upper()


def _word_runs(text: str) -> list[str]:
    """The runs between spaces that may be words: short ones, and those of scripts written
    without spaces between words (a Chinese sentence is one run), which have no capitals."""
    return [
        run
        for run in text.split()
        # (Its opening tells the script: a run of megabytes is not read letter by letter.)
        if len(run) <= MAX_WORD_CHARS or sum(map(_caseless, run[:200])) * 2 > len(run[:200])
    ]


def wordless(text: str) -> bool:
    """Whether most of a text is runs of characters too long to be words (a paragraph
    that is base64 or a wall of addresses): nothing in it to parse for names or dates."""
    return sum(len(run) for run in _word_runs(text)) * 2 < len(text.replace(" ", ""))


def _english_share(words: Sequence[str]) -> float:
    function_words = lexicon.words("english_function_words")
    return sum(w.casefold() in function_words for w in words) / len(words)


@cache
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in MODEL_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect(text: str) -> tuple[str, str] | None:
    """(ISO 639-1 code, English name) of the text's language by the model, or None."""
    with _load_lock:
        detector = _detector()
    language = detector.detect_language_of(text[:SAMPLE_CHARS])
    if language is None:
        return None
    return language.iso_code_639_1.name.lower(), _display_name(language.name)


def _display_name(name: str) -> str:
    return "Norwegian" if name == "BOKMAL" else name.title()


def page_language(blocks: Sequence[Block], declared: str | None = None) -> tuple[str, str]:
    """(code, English name) of the language the page's text is written in."""
    return text_language(blocks) or _named((declared or ENGLISH).split("-")[0].lower())


def text_language(blocks: Sequence[Block]) -> tuple[str, str] | None:
    """(code, English name) of the language the text is in, or None when it is too short
    to say (or the model cannot)."""
    text = " ".join(" ".join(_word_runs(b.text)) for b in blocks)
    letters = [ch for ch in text if ch.isalpha()]
    caseless = sum(map(_caseless, letters))
    if caseless >= MIN_CASELESS_LETTERS and caseless * 2 > len(letters):
        # A script with no capitals has no lower-case words to count: the model reads it.
        return detect(text)
    # Lower-case words only: names and headlines in capitals are in every language's text
    # alike, and a page that is a table of names and scores has too few to judge.
    words = [w for w in _WORDS.findall(text) if w[0].islower()]
    if len(set(words)) < MIN_WORDS:
        return None
    if _english_share(words) >= ENGLISH_SHARE:
        return ENGLISH, "English"
    return detect(text)


def stated_language(blocks: Sequence[Block], declared: str | None) -> str | None:
    """The language to state for a page: the one it declares ("en-GB" as written), unless
    its text says another (a German page a template labels "en"), or it declares none."""
    judged = text_language(blocks)
    if judged is None or (declared and declared.split("-")[0].lower() == judged[0]):
        return declared
    return judged[0]


def _named(code: str) -> tuple[str, str]:
    """A declared ISO 639-1 code with its English name (the code itself if unknown)."""
    if code == ENGLISH:
        return ENGLISH, "English"
    from lingua import IsoCode639_1, Language

    try:
        iso = getattr(IsoCode639_1, code.upper())
        return code, _display_name(Language.from_iso_code_639_1(iso).name)
    except (AttributeError, ValueError):
        return code, code


def entities_note(blocks: Sequence[Block], declared: str | None = None) -> str | None:
    """Why a page has no entities because of its language, or None for an English page."""
    code, name = page_language(blocks, declared)
    if code == ENGLISH:
        return None
    return f"Entities and dates are found in English pages; this page is in {name}."
