"""The sentence an entry quotes: the whole sentence, or the clause around the expression
when the sentence is long.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

# Sentences longer than this are trimmed to the clause around the expression.
MAX_SENTENCE = 220


def quote_sentence(span: Span, start: int, end: int) -> str:
    sent = span.sent
    text = sent.text.strip()
    if len(text) <= MAX_SENTENCE:
        return text
    # Trim to the clause: the punctuation-delimited stretch around the expression,
    # widened a clause at a time while it stays short.
    offset = sent.start_char
    rel_start, rel_end = start - offset, end - offset
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:\u2014]\s", sent.text)] + [len(sent.text)]
    left = max(c for c in cuts if c <= rel_start)
    right_cands = [c for c in cuts if c >= rel_end]
    right = min(right_cands) if right_cands else len(sent.text)
    while True:
        wider_left = max((c for c in cuts if c < left), default=None)
        wider_right = min((c for c in cuts if c > right), default=None)
        grown = False
        if wider_right is not None and wider_right - left <= MAX_SENTENCE:
            right = wider_right
            grown = True
        if wider_left is not None and right - wider_left <= MAX_SENTENCE:
            left = wider_left
            grown = True
        if not grown:
            break
    clause = sent.text[left:right].strip(" ,;:\u2014")
    if len(clause) > MAX_SENTENCE:
        lo = max(rel_start - left - MAX_SENTENCE // 2, 0)
        clause = clause[lo : lo + MAX_SENTENCE].strip()
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(sent.text.rstrip()) else ""
    return f"{prefix}{clause}{suffix}"
