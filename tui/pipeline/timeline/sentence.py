"""The sentence an entry quotes: the whole sentence, or the clause around the expression
when the sentence is long.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from tui.pipeline.nlp import sentence_index

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Sentences longer than this are trimmed to the clause around the expression.
MAX_SENTENCE = 220


class Sentences:
    """The sentences of one parsed block (the Doc's `nlp.sentence_index`), and each long
    sentence's clause boundaries, found once per sentence rather than once per entry."""

    def __init__(self, doc: Doc) -> None:
        self._index = sentence_index(doc)
        # Each long sentence's text and clause boundaries, by its start.
        self._long: dict[int, tuple[str, list[int]]] = {}

    def around(self, char: int) -> tuple[int, int]:
        """The bounds of the sentence that holds `char`."""
        return self._index.bounds_at(char)

    def text(self, char: int) -> str:
        """The text of the sentence that holds `char`, without its surrounding spaces."""
        return self._index.text_at(char)

    def between(self, start: int, end: int) -> str:
        """The text from `start` to `end`, without its surrounding spaces."""
        return self._index.full[start:end].strip()

    def clauses(self, start: int, end: int) -> tuple[str, list[int]]:
        """A long sentence's text and the offsets its clauses start at (none when, without
        its surrounding spaces, it is short after all)."""
        known = self._long.get(start)
        if known is None:
            text = self._index.full[start:end]
            found = [m.end() for m in re.finditer(r"[,;:\u2014]\s", text)]
            cuts = [] if len(text.strip()) <= MAX_SENTENCE else [0, *found, len(text)]
            known = self._long[start] = (text, cuts)
        return known


def quote_sentence(sentences: Sentences, span_start: int, start: int, end: int) -> str:
    """The sentence around the expression at `start`-`end` (spaCy's span starting at
    `span_start`), or its clause when the sentence is long."""
    offset, sent_end = sentences.around(span_start)
    if end > sent_end:
        # An expression joined across one of spaCy's breaks quotes every sentence it
        # touches: "at 9:30 a.m. New York time (1330 GMT) on Monday", broken after "a.m.",
        # quoted "Trading opens at 9:30 a.m." alone.
        sent_end = sentences.around(end - 1)[1]
        if sent_end - offset <= MAX_SENTENCE:
            return sentences.between(offset, sent_end)
    elif sent_end - offset <= MAX_SENTENCE:
        return sentences.text(span_start)
    sent_text, cuts = sentences.clauses(offset, sent_end)
    if not cuts:
        return sent_text.strip()
    # Trim to the clause: the punctuation-delimited stretch around the expression,
    # widened a clause at a time while it stays short.
    rel_start, rel_end = start - offset, end - offset
    # The cuts are sorted: the clause's ends are found by bisection, then widened one cut
    # at a time on either side while the clause stays short.
    i = bisect_right(cuts, rel_start) - 1
    j = bisect_left(cuts, rel_end)
    j = min(j, len(cuts) - 1)
    while True:
        grown = False
        if j + 1 < len(cuts) and cuts[j + 1] - cuts[i] <= MAX_SENTENCE:
            j += 1
            grown = True
        if i > 0 and cuts[j] - cuts[i - 1] <= MAX_SENTENCE:
            i -= 1
            grown = True
        if not grown:
            break
    left, right = cuts[i], cuts[j]
    raw = sent_text[left:right]
    clause = raw.strip(" ,;:\u2014")
    cut_left, cut_right = left > 0, right < len(sent_text.rstrip())
    if len(clause) > MAX_SENTENCE:
        at = rel_start - left - (len(raw) - len(raw.lstrip(" ,;:\u2014")))
        clause, more_left, more_right = _words_around(clause, at, rel_end - rel_start)
        cut_left, cut_right = cut_left or more_left, cut_right or more_right
    prefix = "… " if cut_left else ""
    suffix = " …" if cut_right else ""
    return f"{prefix}{clause}{suffix}"


def _words_around(text: str, at: int, length: int) -> tuple[str, bool, bool]:
    """About `MAX_SENTENCE` characters of `text` around the expression at `at`, cut
    between words (a window cut inside them quoted "at a house in London belonging to
    Eps"), and whether anything was cut on the left and on the right."""
    lo = max(at - MAX_SENTENCE // 2, 0)
    hi = max(lo + MAX_SENTENCE, at + length)
    if lo > 0:
        space = text.find(" ", lo, at + 1)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", at + length, hi + 1)
        hi = space if space >= 0 else hi
    return text[lo:hi].strip(), lo > 0, hi < len(text)
