"""Small text measures every extraction module shares."""

from __future__ import annotations

import re

# Control characters (escape, bell, ...) are never text a reader wants, and in a terminal
# they would be obeyed instead of shown; soft hyphens, zero-width spaces and word joiners
# only split words (a search for "Ukraine" would miss "Ukr\u200baine"). Bidi marks,
# embeddings, overrides and isolates (U+061C, U+200E/200F, U+202A-202E, U+2066-2069) split
# them too: "\u202dApril 5, 2024\u202c" was read as "April 5" of the wrong year and a
# "2024" apart, and a screen shows nothing of them anyway. Dropped here, once, so every
# stage (entities, timeline, search, export) works on the same text and offsets.
# The zero-width joiner and non-joiner stay: they are spelling (Persian, Indic conjuncts)
# and join emoji (a family, a rainbow flag), which fell apart into their parts without them.
# (The form feed and vertical tab are not here: they are white space, which parts words.)
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060"
    "\u2066-\u2069\ufeff]"
)
_NON_ALNUM = re.compile(r"[\W_]+")
# An HTML tag written out as text (a <title>'s "<br/>", a <noframes> box's "<a href=...>"):
# a known element's name, so that "<The Palace: Jang Noksu>", a work's title as Korean and
# Japanese pages bracket them, is not one.
_TAG_NAMES = (
    "a|abbr|area|article|audio|b|big|blockquote|br|button|center|cite|code|dd|div|dl|dt|em|"
    "embed|figcaption|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|"
    "link|meta|nav|noscript|object|ol|p|param|picture|pre|q|s|script|section|small|source|"
    "span|strike|strong|style|sub|sup|table|tbody|td|th|tr|tt|u|ul|video"
)
MARKUP_TAG_RE = rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>"
MARKUP_TAG = re.compile(MARKUP_TAG_RE, re.I)
# The end of a sentence in most scripts, allowing closing quotes and brackets after it.
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*(?:\s|$)")


def norm(text: str) -> str:
    """Invisible characters dropped, whitespace collapsed to single spaces, ends trimmed."""
    # str.split() splits on exactly the characters `\s` matches, without a regex.
    return " ".join(_INVISIBLE.sub("", text).split())


def count_alnum(text: str) -> int:
    """Letters and digits: a length that treats text written without spaces fairly."""
    return len(_NON_ALNUM.sub("", text))
